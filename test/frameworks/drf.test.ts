/**
 * The "done when": two batch frameworks in roles with weights 1 and 2 share a pool
 * of agent processes under weighted DRF. Their dominant shares, measured on the master's
 * /state once the pool is saturated, converge to the split that textbook progressive
 * filling gives for the task shapes (B's share twice A's), and are printed.
 */
import { expect } from "chai";
import { runBatchJob, type BatchProgress, type BatchResult } from "../../src/frameworks/batch/index.js";
import { Cluster, sleep, waitFor, type StateJson } from "./helpers.js";
import { dominant, progressiveFilling, type Shape, type User } from "./drf-model.js";


describe("frameworks: weighted DRF between two batch frameworks", function () {
  this.timeout(90_000);
  const c = new Cluster();
  afterEach(() => c.cleanup());

  it("dominant shares converge to the weighted progressive-filling split (role b weight 2: twice role a's share)", async () => {
    // Two agents of 5 cpus / 5120 MB; A's tasks are cpu-heavy, B's memory-heavy, and each
    // task is 1/20 of the pool in its dominant resource. Filling gives A 8 tasks (40% of
    // cpus) and B 16 (80% of mem); the pool's cpus are then exactly used up (8*0.5 +
    // 16*0.375 = 10), and per agent the split packs exactly (4 A + 8 B = 5 cpus, 4608 MB).
    const agentShape = { cpus: 5, mem: 5120 };
    const total = { cpus: 2 * agentShape.cpus, mem: 2 * agentShape.mem };
    const users: User[] = [
      { role: "a", weight: 1, task: { cpus: 0.5, mem: 128 } },
      { role: "b", weight: 2, task: { cpus: 0.375, mem: 512 } },
    ];
    const expectedTasks = progressiveFilling(total, users);
    expect(expectedTasks).to.deep.equal([8, 16]);
    const expectedShare = users.map((u, i) => expectedTasks[i]! * dominant(u.task, total));

    await c.startMaster(["--weights", "a=1,b=2"]);
    const work = c.tempDir();
    await c.startAgent(`${work}/agent1`, `cpus:${agentShape.cpus};mem:${agentShape.mem}`, "agent1");
    await c.startAgent(`${work}/agent2`, `cpus:${agentShape.cpus};mem:${agentShape.mem}`, "agent2");

    // Long tasks (about 5 s; durations spread over 4-6 s so the frameworks' tasks do not all
    // end in the same instant) and more of them than the test will ever run.
    const stop = new AbortController();
    const trace: Record<string, BatchProgress[]> = { a: [], b: [] };
    const jobs: Promise<BatchResult>[] = users.map((u) =>
      runBatchJob({
        master: c.masterUrl,
        name: `drf-${u.role}`,
        role: u.role,
        tasks: 500,
        command: "exec sleep $((4 + BATCH_TASK_INDEX % 2)).$((BATCH_TASK_INDEX * 7 % 10))",
        resources: `cpus:${u.task.cpus};mem:${u.task.mem}`,
        signal: stop.signal,
        onProgress: (p) => trace[u.role]!.push(p),
      }),
    );

    try {
      // Saturated: both frameworks run tasks and neither's next task fits what is left.
      await waitFor(() => trace.a!.some((p) => p.running > 0) && trace.b!.some((p) => p.running > 0), 20_000, "both frameworks to run tasks");
      // Let the allocation churn through a few generations of tasks, then measure.
      await sleep(12_000);
      const samples: { a: number; b: number }[] = [];
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        samples.push(shares(await c.state(), total));
        await sleep(250);
      }
      const mean = (k: "a" | "b") => samples.reduce((s, x) => s + x[k], 0) / samples.length;
      const measured = { a: mean("a"), b: mean("b") };
      const range = (k: "a" | "b") => `${Math.min(...samples.map((s) => s[k])).toFixed(3)}-${Math.max(...samples.map((s) => s[k])).toFixed(3)}`;

      console.log("\n    weighted DRF, measured on /state over %d samples (10 s):", samples.length);
      console.log("    role  weight  task".padEnd(45) + "expected tasks  expected share  measured share (min-max)");
      users.forEach((u, i) => {
        const k = u.role as "a" | "b";
        console.log(`    ${u.role.padEnd(5)} ${String(u.weight).padEnd(7)} <${u.task.cpus} cpu, ${u.task.mem} MB>`.padEnd(45) + `${String(expectedTasks[i]).padEnd(15)} ${expectedShare[i]!.toFixed(3).padEnd(15)} ${measured[k].toFixed(3)} (${range(k)})`);
      });
      console.log(`    share_b / share_a: expected ${(expectedShare[1]! / expectedShare[0]!).toFixed(2)}, measured ${(measured.b / measured.a).toFixed(2)}\n`);

      // Tolerance: one task's dominant share either way (the allocation moves in whole tasks).
      const step = users.map((u) => dominant(u.task, total));
      expect(measured.a).to.be.closeTo(expectedShare[0]!, step[0]!);
      expect(measured.b).to.be.closeTo(expectedShare[1]!, step[1]!);
      const lo = (expectedShare[1]! - step[1]!) / (expectedShare[0]! + step[0]!);
      const hi = (expectedShare[1]! + step[1]!) / (expectedShare[0]! - step[0]!);
      expect(measured.b / measured.a).to.be.within(lo, hi);
    } finally {
      stop.abort();
      const results = await Promise.all(jobs);
      for (const r of results) expect(r.error).to.equal("aborted");
    }
    // TEARDOWN killed every task of both frameworks.
    await waitFor(async () => (await c.state()).frameworks.length === 0, 10_000, "both frameworks to be torn down");
  });
});

/** Each role's dominant share of the pool from the tasks the master has running. */
function shares(s: StateJson, total: Shape): { a: number; b: number } {
  const out = { a: 0, b: 0 };
  for (const f of s.frameworks) {
    const role = f.roles?.[0];
    if (role !== "a" && role !== "b") continue;
    out[role] += dominant({ cpus: f.used_resources.cpus ?? 0, mem: f.used_resources.mem ?? 0 }, total);
  }
  return out;
}
