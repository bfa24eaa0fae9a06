/**
 * `berth batch-job` against `berth master` and two `berth agent`s, every one its own
 * process: the job's tasks run on both agents and write their files, failed attempts are
 * retried, and the exit code tells whether every task succeeded.
 */
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runBatchJob } from "../../src/frameworks/batch/index.js";
import { Cluster, exitCode } from "./helpers.js";

const JOB_MS = 45_000;

describe("frameworks: berth batch-job on master and agent processes", function () {
  this.timeout(90_000);
  const c = new Cluster();
  let shared = "";

  before(async () => {
    await c.startMaster();
    const work = c.tempDir();
    await c.startAgent(join(work, "agent1"), "cpus:2;mem:2048", "agent1");
    await c.startAgent(join(work, "agent2"), "cpus:2;mem:2048", "agent2");
  });
  beforeEach(() => {
    shared = c.tempDir("berth-fw-out-");
  });
  after(() => c.cleanup());

  it("runs 8 tasks over both agents, each writing its file, and exits 0", async () => {
    const job = c.batchJob(["--name", "writer", "--tasks", "8", "--resources", "cpus:0.5;mem:128", "--command", `echo done-$BATCH_TASK_INDEX > ${shared}/out-{i}; sleep 1`]);
    const code = await exitCode(job, JOB_MS);
    expect(code, job.out + job.err).to.equal(0);
    expect(job.out).to.match(/subscribed as framework \S+/);
    expect(job.out).to.contain("summary: 8 tasks, 8 succeeded, 0 failed");
    for (let i = 0; i < 8; i++) expect(readFileSync(join(shared, `out-${i}`), "utf8")).to.equal(`done-${i}\n`);

    // 4 cpus of 0.5-cpu tasks fill both 2-cpu agents: the master saw all 8 finish on both.
    const s = await c.state();
    const fw = [...s.frameworks, ...s.completed_frameworks].find((f) => f.name === "writer");
    expect(fw, "the framework on /state").to.not.equal(undefined);
    const done = fw!.completed_tasks.filter((t) => t.state === "TASK_FINISHED");
    expect(done).to.have.length(8);
    expect(new Set(done.map((t) => t.slave_id)).size).to.equal(2);
    expect(s.frameworks.find((f) => f.name === "writer"), "torn down at the end").to.equal(undefined);
  });

  it("retries a task whose first attempt fails, and the job succeeds", async () => {
    // The first attempt leaves a marker and fails; the second finds it and succeeds.
    const cmd = `if [ -e ${shared}/marker-{i} ]; then echo ok-{i} > ${shared}/out-{i}; else touch ${shared}/marker-{i}; exit 3; fi`;
    const lines: string[] = [];
    const r = await runBatchJob({ master: c.masterUrl, name: "flaky", tasks: 3, command: cmd, resources: "cpus:0.5;mem:64", maxRetries: 3, log: (l) => lines.push(l) });
    expect(r.error, lines.join("\n")).to.equal(undefined);
    expect(r.succeeded).to.equal(3);
    expect(r.failed).to.equal(0);
    for (const t of r.tasks) {
      expect(t.attempts.map((a) => a.state)).to.deep.equal(["TASK_FAILED", "TASK_FINISHED"]);
      expect(readFileSync(join(shared, `out-${t.index}`), "utf8")).to.equal(`ok-${t.index}\n`);
    }
    expect(lines.join("\n")).to.match(/task #0 TASK_FAILED.*retrying/);
    expect(lines.join("\n")).to.contain("tasks pending: reviving offers");
  });

  it("gives up on a task that always fails after 1 + max-retries attempts, and exits 1", async () => {
    const job = c.batchJob(["--name", "doomed", "--tasks", "2", "--max-retries", "2", "--resources", "cpus:0.5;mem:64", "--command", `echo x >> ${shared}/runs-{i}; exit 7`]);
    const code = await exitCode(job, JOB_MS);
    expect(code, job.out + job.err).to.equal(1);
    expect(job.out).to.contain("summary: 2 tasks, 0 succeeded, 2 failed");
    expect(job.out).to.match(/task #0 attempt 3 TASK_FAILED.*giving up after 3 attempts/);
    for (const i of [0, 1]) {
      expect(job.out).to.match(new RegExp(`\\n  ${i}\\s+failed\\s+3\\s+TASK_FAILED`));
      expect(readFileSync(join(shared, `runs-${i}`), "utf8")).to.equal("x\nx\nx\n");
    }
    expect(existsSync(join(shared, "runs-2"))).to.equal(false);
  });

  it("exits 1 with a clear message when no master answers", async () => {
    const job = c.spawn("batch-job", ["batch-job", "--master", "http://127.0.0.1:1", "--tasks", "1", "--command", "true"]);
    const code = await exitCode(job, 20_000);
    expect(code).to.equal(1);
    expect(job.out).to.contain("could not subscribe to http://127.0.0.1:1");
  });
});
