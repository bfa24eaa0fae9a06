/**
 * Completed tasks (completed.ts): the sandbox and logs of a task whose terminal update was
 * acknowledged stay served by the container API until the framework shuts the executor
 * down, the gc delay passes, or the per-framework cap is exceeded; they survive an agent
 * restart, and so do the log offsets behind `previous`.
 */
import { expect } from "chai";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startAgent, type Agent, type AgentOptions } from "../../src/agents/agent.js";
import { FakeMaster, FRAMEWORK, runTask } from "./helpers/fake-master.js";
import { memoryLogger, sleep, tempDir } from "./helpers/util.js";

describe("agents: completed tasks keep their sandboxes and logs", function () {
  this.timeout(30_000);
  let master: FakeMaster;
  let tmp: ReturnType<typeof tempDir>;
  const agents: Agent[] = [];
  let port = 0;
  const start = async (extra: Partial<AgentOptions> = {}) => {
    const a = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], cgroupRoot: false, recoveryPollMs: 100, containerApi: { host: "127.0.0.1", port: 0 }, restartBackoff: { initialMs: 300, maxMs: 600 }, ...extra });
    agents.push(a);
    await a.registered;
    // The container API's port is what the agent registered with.
    port = master.subscriptions.at(-1)!.register?.agent_info.port ?? master.subscriptions.at(-1)!.reregister!.agent_info.port!;
    return a;
  };
  const log = async (id: string, query = "") => {
    const r = await fetch(`http://127.0.0.1:${port}/containers/${id}/${id}/log${query}`);
    return { status: r.status, text: await r.text() };
  };
  const done = (a: Agent, id: string) => master.waitFor(() => a.completedTasks().find((t) => t.taskId === id), 10_000, `${id} completed`);

  beforeEach(() => {
    tmp = tempDir();
    master = new FakeMaster();
  });
  afterEach(async () => {
    for (const a of agents.splice(0)) await a.stop({ killTasks: true });
    tmp.cleanup();
  });

  it("serves a finished task's logs (also following, which ends at once) until its executor is shut down", async () => {
    const agent = await start();
    runTask(master, { id: "t1", cmd: "echo one; echo two; echo oops >&2" });
    const view = await done(agent, "t1");
    expect(view.state).to.equal("TASK_FINISHED");
    expect(agent.tasks()).to.deep.equal([], "no longer a live task");
    expect((await log("t1")).text).to.equal("one\ntwo\noops\n");
    expect((await log("t1", "?tailLines=1&stream=Stdout")).text).to.equal("two\n");
    const t0 = Date.now();
    expect((await log("t1", "?follow=true")).text).to.equal("one\ntwo\noops\n");
    expect(Date.now() - t0).to.be.below(2000, "follow of an ended task stops at EOF");
    expect(existsSync(join(tmp.dir, "meta/frameworks/fw-1/tasks/t1/task.json"))).to.equal(true);

    master.send({ type: "SHUTDOWN_EXECUTOR", shutdown_executor: { framework_id: FRAMEWORK.id!, executor_id: { value: "t1" } } });
    await master.waitFor(() => agent.completedTasks().length === 0, 5000, "the completed task to go");
    expect(existsSync(view.sandbox)).to.equal(false, "sandbox removed");
    expect(existsSync(join(tmp.dir, "meta/frameworks/fw-1"))).to.equal(false, "checkpoint removed with the framework's last task");
    const gone = await log("t1");
    expect(gone.status).to.equal(404);
  });

  it("completed tasks survive an agent restart; the gc delay removes them", async () => {
    let agent = await start({ gcDelayMs: 60_000 });
    runTask(master, { id: "g1", cmd: "echo kept" });
    await done(agent, "g1");
    await agent.stop();
    agent = await start({ gcDelayMs: 60_000 });
    expect(agent.completedTasks().map((t) => t.taskId)).to.deep.equal(["g1"]);
    expect((await log("g1")).text).to.equal("kept\n");
    await agent.stop();
    agent = await start({ gcDelayMs: 1500 });
    const sandbox = agent.completedTasks()[0]!.sandbox;
    await master.waitFor(() => agent.completedTasks().length === 0, 5000, "gc");
    expect(existsSync(sandbox)).to.equal(false);
  });

  it("keeps at most maxCompletedExecutorsPerFramework, dropping the oldest", async () => {
    const agent = await start({ maxCompletedExecutorsPerFramework: 2 });
    for (const id of ["m1", "m2", "m3"]) {
      runTask(master, { id, cmd: `echo ${id}` });
      await done(agent, id);
    }
    expect(agent.completedTasks().map((t) => t.taskId).sort()).to.deep.equal(["m2", "m3"]);
    expect((await log("m1")).status).to.equal(404);
  });

  it("a task of an executor shut down while running is not kept", async () => {
    const agent = await start();
    runTask(master, { id: "s1", cmd: "exec sleep 30" });
    await master.waitState("s1", "TASK_RUNNING");
    master.send({ type: "SHUTDOWN_EXECUTOR", shutdown_executor: { framework_id: FRAMEWORK.id!, executor_id: { value: "s1" } } });
    await master.waitState("s1", "TASK_KILLED");
    await master.waitFor(() => agent.tasks().length === 0, 5000, "forgotten");
    await sleep(100);
    expect(agent.completedTasks()).to.deep.equal([]);
  });

  it("previous logs of a restarted task survive an agent restart (log offsets checkpointed)", async () => {
    let agent = await start();
    runTask(master, { id: "c1", cmd: 'n=$(cat n 2>/dev/null || echo 0); n=$((n+1)); echo $n > n; echo "run $n"; [ $n -ge 3 ] && exec sleep 30; exit 1', runtime: { restart_policy: "Always" } });
    await master.waitFor(() => master.updates.find((u) => u.task_id.value === "c1" && (u.restart_count ?? 0) >= 2), 10_000, "third run");
    for (let i = 0; (await log("c1")).text !== "run 3\n"; i++) {
      if (i > 100) throw new Error(`run 3 not logged: ${JSON.stringify((await log("c1")).text)}`);
      await sleep(50);
    }
    expect((await log("c1", "?previous=true")).text).to.equal("run 2\n");
    await agent.stop();
    agent = await start();
    expect((await log("c1")).text).to.equal("run 3\n");
    expect((await log("c1", "?previous=true")).text).to.equal("run 2\n");
  });
});
