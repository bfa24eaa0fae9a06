/**
 * A batch job survives kill -9 of the agent running its tasks: the agent restarts on the
 * same work directory, recovers the tasks (which kept running, or finished while it was
 * down) and reports them; the job completes with no task run twice, and every terminal
 * update the framework acknowledged arrived once per attempt.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runBatchJob } from "../../src/frameworks/batch/index.js";
import { TERMINAL_STATES, type TaskStatus } from "../../src/mesos/v1.js";
import { Cluster, sleep, waitFor } from "./helpers.js";

describe("frameworks: a batch job across an agent's kill -9 and restart", function () {
  this.timeout(90_000);
  const c = new Cluster();
  afterEach(() => c.cleanup());

  it("completes with every task run exactly once and each terminal update acknowledged once", async () => {
    await c.startMaster();
    const workDir = join(c.tempDir(), "agent");
    const shared = c.tempDir("berth-fw-out-");
    const agent1 = await c.startAgent(workDir, "cpus:2;mem:2048", "agent");

    const received: TaskStatus[] = [];
    const acked: TaskStatus[] = [];
    const lines: string[] = [];
    let running = 0;
    const job = runBatchJob({
      master: c.masterUrl,
      name: "survivor",
      tasks: 6,
      // 4 fit the agent at once; each run appends one line to its own file.
      command: `echo run >> ${shared}/runs-{i}; sleep 2`,
      resources: "cpus:0.5;mem:64",
      failoverTimeout: 60,
      log: (l) => lines.push(l),
      onProgress: (p) => (running = p.running),
      onUpdate: (s) => received.push(s),
      onAcknowledge: (s) => acked.push(s),
    });

    await waitFor(() => running >= 4, 20_000, "4 tasks running");
    c.kill(agent1);
    await agent1.exited;
    // Down long enough for the running tasks to finish without their agent.
    await sleep(2500);
    const agent2 = await c.startAgent(workDir, "cpus:2;mem:2048", "agent (restarted)");
    expect(agent2.err).to.match(/"msg":"recovering task"/);

    const r = await waitFor(() => Promise.race([job, sleep(100).then(() => undefined)]), 60_000, "the job to finish");
    const log = lines.join("\n");
    expect(r.error, log).to.equal(undefined);
    expect(r.succeeded, log).to.equal(6);
    for (let i = 0; i < 6; i++) expect(readFileSync(join(shared, `runs-${i}`), "utf8"), `task ${i} ran once`).to.equal("run\n");

    // Per attempt: exactly one terminal update acknowledged, and no terminal update delivered twice.
    const attempts = r.tasks.flatMap((t) => t.attempts.map((a) => a.taskId));
    expect(r.tasks.every((t) => t.attempts.length === 1), "no task needed a second attempt").to.equal(true);
    for (const id of attempts) {
      const terminalAcked = acked.filter((s) => s.task_id.value === id && TERMINAL_STATES.has(s.state));
      expect(terminalAcked.map((s) => s.state), id).to.deep.equal(["TASK_FINISHED"]);
      const terminalReceived = received.filter((s) => s.task_id.value === id && TERMINAL_STATES.has(s.state) && s.uuid);
      expect(terminalReceived, `${id}: terminal updates with a uuid`).to.have.length(1);
    }
    // Every delivery that asked for an acknowledgement got one. An update whose ack died
    // with the agent is sent again by the restarted agent (same uuid, at-least-once, as in
    // Mesos) and acknowledged again; only non-terminal ones may repeat, as checked above.
    const withUuid = received.filter((s) => s.uuid);
    expect(acked.map((s) => s.uuid).sort()).to.deep.equal(withUuid.map((s) => s.uuid).sort());
    const repeated = withUuid.filter((s, i) => withUuid.findIndex((x) => x.uuid === s.uuid) !== i);
    expect(repeated.filter((s) => TERMINAL_STATES.has(s.state))).to.deep.equal([]);
  });
});
