import { expect } from "chai";
import { startAgent, type Agent } from "../../src/agents/agent.js";
import { TimerQueue } from "../../src/agents/timer-queue.js";
import { FakeMaster, runTask } from "./helpers/fake-master.js";
import { memoryLogger, tempDir } from "./helpers/util.js";

describe("agents: simulated containerizer", function () {
  this.timeout(60_000);

  it("plays out STARTING, RUNNING, FINISHED on its timings; a kill ends it as TASK_KILLED", async () => {
    const tmp = tempDir();
    const master = new FakeMaster();
    const agent = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], containerizers: ["simulated"], simulated: { startingMs: 50, runningMs: 150, finishAfterMs: 200 }, checkpoint: false });
    try {
      await agent.registered;
      const t0 = Date.now();
      runTask(master, { id: "s" });
      await master.waitState("s", "TASK_STARTING");
      expect(Date.now() - t0).to.be.at.least(40);
      await master.waitState("s", "TASK_RUNNING");
      expect(Date.now() - t0).to.be.at.least(140);
      await master.waitState("s", "TASK_FINISHED");
      expect(Date.now() - t0).to.be.at.least(340);
      runTask(master, { id: "k" });
      await master.waitState("k", "TASK_RUNNING");
      master.send({ type: "KILL_TASK", kill_task: { framework_id: { value: "fw-1" }, task_id: { value: "k" } } });
      await master.waitState("k", "TASK_KILLED");
    } finally {
      await agent.stop();
      tmp.cleanup();
    }
  });

  it("scales: 2,000 agents x 10 tasks in one process on one shared timer queue", async () => {
    const tmp = tempDir();
    const timers = new TimerQueue();
    const masters: FakeMaster[] = [];
    const agents: Agent[] = [];
    const log = memoryLogger().log;
    const t0 = Date.now();
    try {
      for (let i = 0; i < 2000; i++) {
        const m = new FakeMaster();
        masters.push(m);
        agents.push(await startAgent({ api: m, workDir: tmp.dir, log, resources: [], containerizers: ["simulated"], simulated: { startingMs: 10, runningMs: 100 }, checkpoint: false, timers, heartbeatIntervalMs: 60_000 }));
      }
      await Promise.all(agents.map((a) => a.registered));
      for (const m of masters) for (let t = 0; t < 10; t++) runTask(m, { id: `t${t}` });
      await masters[0]!.waitFor(() => masters.every((m) => m.updates.filter((u) => u.state === "TASK_RUNNING").length === 10), 30_000, "all running");
      expect(Date.now() - t0).to.be.below(30_000);
      expect(agents.reduce((n, a) => n + a.tasks().length, 0)).to.equal(20_000);
    } finally {
      for (const a of agents) await a.stop();
      timers.clear();
      tmp.cleanup();
    }
  });
});
