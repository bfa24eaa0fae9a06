import { expect } from "chai";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startAgent, type Agent } from "../../src/agents/agent.js";
import { StatusUpdateManager } from "../../src/agents/status-updates.js";
import { MemoryCheckpoint } from "../../src/agents/checkpoint.js";
import { TimerQueue } from "../../src/agents/timer-queue.js";
import type { TaskStatus } from "../../src/mesos/v1.js";
import { FakeMaster, FRAMEWORK, runTask } from "./helpers/fake-master.js";
import { memoryLogger, sleep, tempDir } from "./helpers/util.js";

describe("agents: status update manager", function () {
  this.timeout(20_000);

  const status = (tid: string, state: TaskStatus["state"], uuid: string): TaskStatus => ({ task_id: { value: tid }, state, uuid });

  it("one update in flight per task, resent with doubling backoff until acknowledged, then the next", async () => {
    const sent: [number, string][] = [];
    const t0 = Date.now();
    const m = new StatusUpdateManager({
      send: async (_f, s) => void sent.push([Date.now() - t0, s.uuid!]),
      checkpoint: new MemoryCheckpoint(),
      timers: new TimerQueue(),
      initialIntervalMs: 40,
      maxIntervalMs: 160,
    });
    m.resume();
    m.update("f", status("t", "TASK_STARTING", "u1"));
    m.update("f", status("t", "TASK_RUNNING", "u2"));
    m.update("f", status("other", "TASK_RUNNING", "o1"));
    await sleep(520);
    const u1 = sent.filter(([, u]) => u === "u1").map(([t]) => t);
    expect(sent.some(([, u]) => u === "u2")).to.equal(false, "u2 waits for u1's acknowledgement");
    expect(sent.some(([, u]) => u === "o1")).to.equal(true, "other tasks' streams are independent");
    // 0, 40, 120 (+80), 280 (+160), 440 (+160: capped)
    expect(u1.length).to.be.within(4, 6);
    const gaps = u1.slice(1).map((t, i) => t - u1[i]!);
    expect(gaps[0]).to.be.within(30, 80);
    expect(gaps[1]).to.be.within(70, 130);
    expect(gaps[2]).to.be.within(140, 220);
    expect(m.acknowledge("f", "t", "u2")).to.equal(false, "acknowledgement of an update not in flight");
    expect(m.acknowledge("f", "t", "u1")).to.equal(true);
    await sleep(10);
    expect(sent.at(-1)![1]).to.equal("u2");
    expect(m.latest("f", "t")!.state).to.equal("TASK_RUNNING");
    m.close();
  });

  it("paused while disconnected; resume resends the head of every stream", async () => {
    const sent: string[] = [];
    const m = new StatusUpdateManager({ send: async (_f, s) => void sent.push(s.uuid!), checkpoint: new MemoryCheckpoint(), timers: new TimerQueue(), initialIntervalMs: 30 });
    m.update("f", status("t", "TASK_RUNNING", "u1"));
    await sleep(100);
    expect(sent).to.deep.equal([]);
    m.resume();
    expect(sent).to.deep.equal(["u1"]);
    m.pause();
    await sleep(100);
    expect(sent).to.deep.equal(["u1"]);
    m.resume();
    expect(sent).to.deep.equal(["u1", "u1"]);
    m.close();
  });
});

describe("agents: updates, reconnection and recovery (in-process master)", function () {
  this.timeout(30_000);
  let tmp: ReturnType<typeof tempDir>;
  const agents: Agent[] = [];
  const start = async (master: FakeMaster, extra: Partial<Parameters<typeof startAgent>[0]> = {}) => {
    const a = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], reconnectBackoffMs: 50, recoveryPollMs: 100, ...extra });
    agents.push(a);
    await a.registered;
    return a;
  };
  beforeEach(() => (tmp = tempDir()));
  afterEach(async () => {
    for (const a of agents.splice(0)) await a.stop({ killTasks: true });
    tmp.cleanup();
  });

  it("retries an unacknowledged update, and drops the task from its live ones once its terminal update is acknowledged", async () => {
    const master = new FakeMaster();
    master.autoAck = false;
    const agent = await start(master, { statusUpdateRetryMs: 50 });
    runTask(master, { id: "r1", cmd: "true" });
    await master.waitFor(() => master.states("r1").filter((s) => s === "TASK_STARTING").length >= 3, 5000, "retries of TASK_STARTING");
    expect(new Set(master.updates.map((u) => u.uuid)).size).to.equal(1, "resends carry the same uuid");
    master.ack("fw-1", master.updates[0]!);
    await master.waitState("r1", "TASK_RUNNING");
    master.ack("fw-1", master.last("r1")!);
    const fin = await master.waitState("r1", "TASK_FINISHED");
    expect(agent.tasks()).to.have.length(1);
    master.ack("fw-1", fin);
    await master.waitFor(() => agent.tasks().length === 0, 5000, "the task to be forgotten");
    // Kept as a completed task (its logs stay readable; completed.test.ts), no longer with an update stream.
    expect(agent.completedTasks().map((t) => t.taskId)).to.deep.equal(["r1"]);
    expect(existsSync(join(tmp.dir, "meta/frameworks/fw-1/tasks/r1/task.json"))).to.equal(true);
  });

  it("after the master's stream closes it re-registers with its id, its tasks' latest states and frameworks", async () => {
    const master = new FakeMaster();
    await start(master);
    runTask(master, { id: "rr", cmd: "sleep 100" });
    await master.waitState("rr", "TASK_RUNNING");
    master.closeStream();
    await master.waitFor(() => master.subscriptions.length === 2, 5000, "re-registration");
    const re = master.subscriptions[1]!;
    expect(re.type).to.equal("REREGISTER");
    expect(re.agent_id).to.deep.equal({ value: "agent-1" });
    expect(re.reregister!.tasks.map((t) => [t.task.task_id.value, t.state])).to.deep.equal([["rr", "TASK_RUNNING"]]);
    expect(re.reregister!.frameworks.map((f) => f.id?.value)).to.deep.equal(["fw-1"]);
  });

  it("updates generated while disconnected are sent after re-registration", async () => {
    const master = new FakeMaster();
    await start(master);
    runTask(master, { id: "dc", cmd: "sleep 0.3" });
    await master.waitState("dc", "TASK_RUNNING");
    master.closeStream();
    const origSub = master.subscribe.bind(master);
    let allow = false;
    master.subscribe = async (c, s) => {
      if (!allow) throw new Error("master down");
      return origSub(c, s);
    };
    await sleep(600); // the task finishes while no master is reachable
    expect(master.states("dc")).to.not.include("TASK_FINISHED");
    allow = true;
    await master.waitState("dc", "TASK_FINISHED", 10_000);
    expect(master.subscriptions.at(-1)!.reregister!.tasks[0]!.state).to.equal("TASK_FINISHED");
  });

  it("recovers after a restart: re-attaches to the same process (no second launch) and reports it RUNNING on re-registration", async () => {
    const master = new FakeMaster();
    const a1 = await start(master);
    runTask(master, { id: "rec", cmd: "echo launched >> launches.txt; exec sleep 100" });
    await master.waitState("rec", "TASK_RUNNING");
    const pid = a1.tasks()[0]!.pid!;
    const sandbox = a1.tasks()[0]!.sandbox;
    await a1.stop(); // tasks keep running
    agents.splice(agents.indexOf(a1), 1);
    const master2 = new FakeMaster();
    const a2 = await start(master2);
    expect(master2.subscriptions[0]!.type).to.equal("REREGISTER");
    const t = master2.subscriptions[0]!.reregister!.tasks;
    expect(t.map((x) => [x.task.task_id.value, x.state])).to.deep.equal([["rec", "TASK_RUNNING"]]);
    expect(a2.tasks()[0]!.pid).to.equal(pid);
    // Killing it works through the re-attached handle; it ends as TASK_KILLED.
    master2.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "rec" } } });
    const killed = await master2.waitState("rec", "TASK_KILLED");
    expect(killed.message).to.equal("Command terminated with signal Terminated");
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(join(sandbox, "launches.txt"), "utf8")).to.equal("launched\n");
  });

  it("a task whose process ended while the agent was down is reported with its exit status before re-registering", async () => {
    const master = new FakeMaster();
    const a1 = await start(master);
    runTask(master, { id: "gone", cmd: "sleep 100" });
    runTask(master, { id: "done", cmd: "sleep 0.2; exit 4" });
    await master.waitState("gone", "TASK_RUNNING");
    await master.waitState("done", "TASK_RUNNING");
    const pids = Object.fromEntries(a1.tasks().map((t) => [t.taskId, t.pid!]));
    await a1.stop();
    agents.splice(agents.indexOf(a1), 1);
    // While the agent is down: the command of "gone" is killed (its wrapper records 137); "done" exits 4.
    const { execSync } = await import("node:child_process");
    execSync(`pkill -KILL -P ${pids.gone}`);
    await sleep(500);
    const master2 = new FakeMaster();
    await start(master2);
    const re = master2.subscriptions[0]!.reregister!.tasks;
    const byId = Object.fromEntries(re.map((t) => [t.task.task_id.value, t]));
    expect(byId.gone!.state).to.equal("TASK_FAILED");
    expect(byId.gone!.status!.message).to.equal("Command terminated with signal Killed");
    expect(byId.done!.state).to.equal("TASK_FAILED");
    expect(byId.done!.status!.message).to.equal("Command exited with status 4");
    await master2.waitState("gone", "TASK_FAILED");
  });

  it("a task that vanished without an exit status is TASK_FAILED (Abnormal executor termination)", async () => {
    const master = new FakeMaster();
    const a1 = await start(master);
    runTask(master, { id: "v", cmd: "sleep 100" });
    await master.waitState("v", "TASK_RUNNING");
    const pid = a1.tasks()[0]!.pid!;
    await a1.stop();
    agents.splice(agents.indexOf(a1), 1);
    process.kill(-pid, "SIGKILL"); // wrapper and command at once: nothing recorded
    await sleep(300);
    const master2 = new FakeMaster();
    await start(master2);
    const st = await master2.waitState("v", "TASK_FAILED");
    expect(st.reason).to.equal("REASON_EXECUTOR_TERMINATED");
    expect(st.message).to.match(/^Abnormal executor termination: /);
  });
});
