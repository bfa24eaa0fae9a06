import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startAgent, type Agent } from "../../src/agents/agent.js";
import { detectCgroups } from "../../src/agents/containerizers/cgroups.js";
import { FakeMaster, FRAMEWORK, runTask } from "./helpers/fake-master.js";
import { alive, memoryLogger, sleep, tempDir } from "./helpers/util.js";

describe("agents: process containerizer", function () {
  this.timeout(30_000);
  let master: FakeMaster;
  let agent: Agent;
  let tmp: ReturnType<typeof tempDir>;
  let logs: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    tmp = tempDir();
    master = new FakeMaster();
    logs = memoryLogger();
    agent = await startAgent({ api: master, workDir: tmp.dir, log: logs.log, resources: [], containerizers: ["process"] });
    await agent.registered;
  });
  afterEach(async () => {
    await agent.stop({ killTasks: true });
    tmp.cleanup();
  });

  it("runs a shell command in its sandbox: STARTING, RUNNING, FINISHED; stdout and stderr files; environment", async () => {
    runTask(master, {
      id: "t1",
      command: { value: 'echo out-$FOO; echo err >&2; echo "$MESOS_SANDBOX|$MESOS_TASK_ID|$MESOS_AGENT_ID|$MESOS_FRAMEWORK_ID" > env.txt; pwd > pwd.txt', environment: { variables: [{ name: "FOO", value: "bar" }] } },
    });
    const fin = await master.waitState("t1", "TASK_FINISHED");
    expect(master.states("t1")).to.deep.equal(["TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"]);
    expect(fin.message).to.equal("Command exited with status 0");
    expect(fin.exit_code).to.equal(0);
    const sandbox = readFileSync(join(tmp.dir, "frameworks/fw-1/executors/t1/runs", runDir(tmp.dir, "t1"), "pwd.txt"), "utf8").trim();
    expect(readFileSync(join(sandbox, "stdout"), "utf8")).to.equal("out-bar\n");
    expect(readFileSync(join(sandbox, "stderr"), "utf8")).to.equal("err\n");
    expect(readFileSync(join(sandbox, "env.txt"), "utf8").trim()).to.equal(`${sandbox}|t1|agent-1|fw-1`);
  });

  it("a non-zero exit is TASK_FAILED with Mesos' message", async () => {
    runTask(master, { id: "t2", cmd: "exit 3" });
    const st = await master.waitState("t2", "TASK_FAILED");
    expect(st.message).to.equal("Command exited with status 3");
    expect(st.exit_code).to.equal(3);
    expect(st.source).to.equal("SOURCE_EXECUTOR");
  });

  it("shell=false runs value with arguments as argv", async () => {
    runTask(master, { id: "t3", command: { shell: false, value: "/bin/sh", arguments: ["sh", "-c", "echo $0-$1 > argv.txt", "a", "b"] } });
    await master.waitState("t3", "TASK_FINISHED");
    const sandbox = join(tmp.dir, "frameworks/fw-1/executors/t3/runs", runDir(tmp.dir, "t3"));
    expect(readFileSync(join(sandbox, "argv.txt"), "utf8")).to.equal("a-b\n");
  });

  it("kill: SIGTERM, then SIGKILL after the kill policy's grace period; TASK_KILLING for capable frameworks; the whole process group dies", async () => {
    const fw = { ...FRAMEWORK, capabilities: [{ type: "TASK_KILLING_STATE" as const }] };
    runTask(master, { id: "k1", cmd: "trap 'echo got-term' TERM; sleep 100 & echo $! > child.pid; while true; do sleep 0.05; done", kill_policy: { grace_period: { nanoseconds: 600e6 } } }, fw);
    await master.waitState("k1", "TASK_RUNNING");
    const sandbox = agent.tasks().find((t) => t.taskId === "k1")!.sandbox;
    await master.waitFor(() => existsSync(join(sandbox, "child.pid")), 5000, "child.pid");
    const child = Number(readFileSync(join(sandbox, "child.pid"), "utf8"));
    expect(alive(child)).to.equal(true);
    const t0 = Date.now();
    master.send({ type: "KILL_TASK", kill_task: { framework_id: fw.id!, task_id: { value: "k1" } } });
    const killed = await master.waitState("k1", "TASK_KILLED");
    const took = Date.now() - t0;
    expect(took).to.be.at.least(550);
    expect(took).to.be.below(3000);
    expect(master.states("k1")).to.deep.equal(["TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_KILLED"]);
    expect(killed.message).to.equal("Command terminated with signal Killed");
    expect(readFileSync(join(sandbox, "stdout"), "utf8")).to.contain("got-term");
    await master.waitFor(() => !alive(child), 3000, "the task's child to die");
  });

  it("kill without a kill policy: a task that exits on SIGTERM is TASK_KILLED at once; no TASK_KILLING without the capability", async () => {
    runTask(master, { id: "k2", cmd: "sleep 100" });
    await master.waitState("k2", "TASK_RUNNING");
    const t0 = Date.now();
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "k2" } } });
    const st = await master.waitState("k2", "TASK_KILLED");
    expect(Date.now() - t0).to.be.below(2500);
    expect(st.message).to.equal("Command terminated with signal Terminated");
    expect(master.states("k2")).to.not.include("TASK_KILLING");
  });

  it("kill of an unknown task of a known framework answers TASK_LOST", async () => {
    runTask(master, { id: "x", cmd: "sleep 100" });
    await master.waitState("x", "TASK_RUNNING");
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "ghost" } } });
    const st = await master.waitState("ghost", "TASK_LOST");
    expect(st.message).to.equal("Cannot find executor");
  });

  it("never launches the same task twice", async () => {
    runTask(master, { id: "d1", cmd: "echo x >> runs.txt; sleep 100" });
    runTask(master, { id: "d1", cmd: "echo x >> runs.txt; sleep 100" });
    await master.waitState("d1", "TASK_RUNNING");
    await sleep(300);
    expect(master.states("d1")).to.deep.equal(["TASK_STARTING", "TASK_RUNNING"]);
    expect(agent.tasks().filter((t) => t.taskId === "d1")).to.have.length(1);
  });

  it("SHUTDOWN_FRAMEWORK kills all its tasks without further updates and forgets them", async () => {
    runTask(master, { id: "s1", cmd: "sleep 100" });
    runTask(master, { id: "s2", cmd: "sleep 100" });
    await master.waitState("s1", "TASK_RUNNING");
    await master.waitState("s2", "TASK_RUNNING");
    const pids = agent.tasks().map((t) => t.pid!);
    master.send({ type: "SHUTDOWN_FRAMEWORK", shutdown_framework: { framework_id: FRAMEWORK.id! } });
    await master.waitFor(() => agent.tasks().length === 0, 5000, "tasks to be forgotten");
    for (const p of pids) expect(alive(p)).to.equal(false);
    expect(existsSync(join(tmp.dir, "meta/frameworks/fw-1"))).to.equal(false);
    expect(master.states("s1")).to.deep.equal(["TASK_STARTING", "TASK_RUNNING"]);
  });
});

describe("agents: task groups (Mesos' default executor)", function () {
  this.timeout(30_000);
  let master: FakeMaster;
  let agent: Agent;
  let tmp: ReturnType<typeof tempDir>;

  beforeEach(async () => {
    tmp = tempDir();
    master = new FakeMaster();
    agent = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], containerizers: ["process"] });
    await agent.registered;
  });
  afterEach(async () => {
    await agent.stop({ killTasks: true });
    tmp.cleanup();
  });

  const group = (tasks: { id: string; cmd: string; containerizer?: "simulated" }[]) =>
    master.send({
      type: "RUN_TASK_GROUP",
      run_task_group: {
        framework_info: FRAMEWORK,
        executor: { type: "DEFAULT", executor_id: { value: "pod-1" } },
        task_group: { tasks: tasks.map((t) => ({ name: t.id, task_id: { value: t.id }, agent_id: { value: "agent-1" }, resources: [], command: { value: t.cmd }, ...(t.containerizer ? { containerizer: t.containerizer } : {}) })) },
      },
    });

  it("launches all tasks, each in its own sandbox under the executor's run directory", async () => {
    group([
      { id: "a", cmd: "sleep 100" },
      { id: "b", cmd: "sleep 100" },
    ]);
    await master.waitState("a", "TASK_RUNNING");
    await master.waitState("b", "TASK_RUNNING");
    const [a, b] = ["a", "b"].map((id) => agent.tasks().find((t) => t.taskId === id)!);
    expect(a!.sandbox).to.match(/executors\/pod-1\/runs\/[^/]+\/tasks\/a$/);
    expect(b!.sandbox.replace(/b$/, "")).to.equal(a!.sandbox.replace(/a$/, ""));
  });

  it("a task that fails takes the rest of the group down (TASK_KILLED)", async () => {
    group([
      { id: "ok", cmd: "sleep 100" },
      { id: "bad", cmd: "sleep 0.3; exit 2" },
    ]);
    const failed = await master.waitState("bad", "TASK_FAILED");
    expect(failed.message).to.equal("Command exited with status 2");
    await master.waitState("ok", "TASK_KILLED");
  });

  it("a task that finishes leaves the others running", async () => {
    group([
      { id: "long", cmd: "sleep 100" },
      { id: "short", cmd: "true" },
    ]);
    await master.waitState("short", "TASK_FINISHED");
    await sleep(300);
    expect(master.last("long")!.state).to.equal("TASK_RUNNING");
  });

  it("all or nothing: if one task cannot be launched, none runs and all are TASK_FAILED", async () => {
    group([
      { id: "g1", cmd: "echo started > started.txt; sleep 100" },
      { id: "g2", cmd: "sleep 100", containerizer: "simulated" },
    ]);
    const s1 = await master.waitState("g1", "TASK_FAILED");
    const s2 = await master.waitState("g2", "TASK_FAILED");
    for (const s of [s1, s2]) expect(s.reason).to.equal("REASON_CONTAINER_LAUNCH_FAILED");
    expect(s2.message).to.match(/^Failed to launch container: containerizer "simulated" is not enabled/);
    expect(s1.message).to.contain("task 'g2' of the task group failed to launch");
    expect(master.states("g1")).to.not.include("TASK_RUNNING");
  });
});

describe("agents: cgroups", function () {
  this.timeout(30_000);

  it("without a usable cgroup hierarchy: says why once, and runs tasks without limits", async () => {
    const tmp = tempDir();
    const master = new FakeMaster();
    const logs = memoryLogger();
    const agent = await startAgent({ api: master, workDir: tmp.dir, log: logs.log, resources: [], cgroupRoot: join(tmp.dir, "no-cgroups") });
    try {
      expect(agent.cgroups.available).to.equal(false);
      expect(agent.cgroups.reason).to.match(/no cgroup hierarchy/);
      expect(logs.lines.filter((l) => String(l.msg).startsWith("cgroups unavailable"))).to.have.length(1);
      await agent.registered;
      runTask(master, { id: "c1", cmd: "true", resources: [{ name: "mem", type: "SCALAR", scalar: { value: 32 } }] });
      await master.waitState("c1", "TASK_FINISHED");
    } finally {
      await agent.stop({ killTasks: true });
      tmp.cleanup();
    }
  });

  const sup = detectCgroups();
  it(`with cgroups (${sup.available ? sup.mode : "unavailable here: " + sup.reason}): limits are set and an OOM kill is TASK_FAILED with REASON_CONTAINER_LIMITATION_MEMORY`, async function () {
    const tmp = tempDir();
    const master = new FakeMaster();
    const agent = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [] });
    try {
      await agent.registered;
      expect(agent.cgroups.available).to.equal(sup.available);
      const mem = [
        { name: "mem", type: "SCALAR" as const, scalar: { value: 40 } },
        { name: "cpus", type: "SCALAR" as const, scalar: { value: 0.5 } },
      ];
      // Prints its own limits, then grows past 40 MB (tail keeps the whole "line" in memory).
      const script = sup.mode === "v2" ? 'cg=$(cut -d: -f3 /proc/self/cgroup); cat /sys/fs/cgroup$cg/memory.max /sys/fs/cgroup$cg/cpu.max' : 'cg=$(grep memory /proc/self/cgroup | cut -d: -f3); cat /sys/fs/cgroup/memory$cg/memory.limit_in_bytes; c=$(grep -E ":cpu(,cpuacct)?:" /proc/self/cgroup | head -1 | cut -d: -f3); cat /sys/fs/cgroup/cpu$c/cpu.cfs_quota_us';
      runTask(master, { id: "oom", cmd: `${script}; head -c 200000000 /dev/zero | tail > /dev/null; sleep 3; echo survived`, resources: mem });
      const end = await master.waitFor(() => master.updates.find((u) => u.task_id.value === "oom" && ["TASK_FAILED", "TASK_FINISHED"].includes(u.state)), 20_000, "oom task to end");
      const sandbox = join(tmp.dir, "frameworks/fw-1/executors/oom/runs", runDir(tmp.dir, "oom"));
      const out = readFileSync(join(sandbox, "stdout"), "utf8");
      if (!sup.available) {
        // No isolation here: the command ran to completion without limits.
        expect(end.state).to.equal("TASK_FINISHED");
        expect(out).to.contain("survived");
        return;
      }
      expect(out.split("\n")[0]).to.equal(String(40 * 1024 * 1024));
      expect(out.split("\n")[1]).to.match(/^50000( 100000)?$/);
      expect(end.state).to.equal("TASK_FAILED");
      expect(end.reason).to.equal("REASON_CONTAINER_LIMITATION_MEMORY");
      expect(end.message).to.match(/^Memory limit exceeded: Requested: 40MB Maximum Used: \d+MB/);
      expect(out).to.not.contain("survived");
    } finally {
      await agent.stop({ killTasks: true });
      tmp.cleanup();
    }
  });
});

function runDir(workDir: string, taskId: string): string {
  const base = join(workDir, "frameworks/fw-1/executors", taskId, "runs");
  return readdirOne(base);
}

import { readdirSync } from "node:fs";
function readdirOne(dir: string): string {
  const e = readdirSync(dir);
  if (e.length !== 1) throw new Error(`expected one entry in ${dir}: ${e.join(",")}`);
  return e[0]!;
}

describe("agents: process containerizer, recovered tasks and reused pids", function () {
  this.timeout(20_000);

  it("a recovered task that ended while the agent was down does not kill the process group that now has its pid", async () => {
    const { spawn } = await import("node:child_process");
    const { ProcessContainerizer } = await import("../../src/agents/containerizers/process.js");
    const { procStat } = await import("../../src/agents/containerizers/proc.js");
    const tmp = tempDir();
    // Someone else's process group, led by the number the checkpoint still names.
    const other = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    try {
      await new Promise((r) => other.once("spawn", r));
      let killed = false;
      other.once("exit", () => (killed = true));
      const pid = other.pid!;
      const startTime = procStat(pid)!.startTime;
      const c = new ProcessContainerizer({ log: memoryLogger().log, cgroupRoot: false, pollMs: 50 });
      const spec = { agentId: "a1", frameworkId: "f1", executorId: "e1", containerId: "c1", task: { name: "t", task_id: { value: "t" }, agent_id: { value: "a1" }, resources: [] }, sandbox: tmp.dir };
      // The checkpointed task: same pid, an earlier start time (it was another process).
      const exit = await c.recover(spec, { containerizer: "process", pid, startTime: String(Number(startTime) - 1000), startedAt: Date.now() - 60_000 }).exited;
      expect(exit.unknown).to.be.a("string");
      await sleep(200);
      expect(killed, "the unrelated group was killed").to.equal(false);
      c.close();
    } finally {
      other.kill("SIGKILL");
      tmp.cleanup();
    }
  });
});
