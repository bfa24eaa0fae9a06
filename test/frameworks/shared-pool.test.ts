/**
 * Shared pool (issue 5, item 7): `berth up` with its local agent fixed at 6 cpus / 6144 MB
 * and role weights kubernetes=1, batch=2. A batch framework (role "batch") and a Deployment
 * (pods of the kubernetes framework, role "kubernetes") both want more than the pool; once
 * saturated, their dominant shares, sampled from the master's /roles, follow the weights:
 * batch's share is twice kubernetes' within 10%, and both are near the split weighted
 * progressive filling gives for the task shapes. The shares are printed.
 *
 * Pods never end (sleep 3600) and the master does not preempt, so order matters: the batch
 * job saturates the pool first, and each batch task that ends frees resources that the
 * allocator offers to whichever role is below its weighted share. A pod (250m, 256Mi) is half
 * a batch task (500m, 512 MB), so what one batch task frees is exactly two pods and the
 * kubernetes role climbs two pods at a time until its share reaches half of batch's, where
 * it stays.
 *
 * The first case's shapes are proportional to the pool. The second mixes them: memory-heavy
 * batch tasks and cpu-heavy pods, so the batch job alone leaves cpu idle that pods cannot
 * use without memory, and each batch task that ends frees memory a pod needs little of.
 * Offers short of a pod's cpu must be a wait, not a failed scheduling attempt that backs
 * the pods off while the batch job takes the resources back (which once starved the
 * kubernetes role at a couple of pods); with equal weights, both roles end near the
 * progressive-filling split and neither starves.
 */
import { expect } from "chai";
import { runBatchJob, type BatchProgress, type BatchResult } from "../../src/frameworks/batch/index.js";
import { startBerth, kubectlFor, eventually, removeDir, type Berth } from "../../conformance/harness.js";
import { dominant, progressiveFilling, type User as DrfUser } from "./drf-model.js";

type User = DrfUser<"kubernetes" | "batch">;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RolesJson {
  roles: { name: string; weight: number; allocated: { cpus?: number; mem?: number } }[];
}
interface StateJson {
  frameworks: { name: string; roles?: string[]; used_resources: { cpus?: number; mem?: number } }[];
}

describe("frameworks: a shared pool — the kubernetes framework and a batch framework on berth up's agent", function () {
  this.timeout(150_000);
  let b: Berth | undefined;
  after(async () => {
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("with both saturated, dominant shares follow the role weights (kubernetes=1, batch=2) within 10%, measured on /roles", async () => {
    const total = { cpus: 6, mem: 6144 };
    // A pod is 1/24 of the pool, a batch task 1/12.
    const users: User[] = [
      { role: "kubernetes", weight: 1, task: { cpus: 0.25, mem: 256 } },
      { role: "batch", weight: 2, task: { cpus: 0.5, mem: 512 } },
    ];
    const expectedTasks = progressiveFilling(total, users);
    // 8 pods (2 cpus, 2048 MB: a third of the pool) and 8 batch tasks (4 cpus, 4096 MB: two thirds): the pool used up exactly.
    expect(expectedTasks).to.deep.equal([8, 8]);
    const expectedShare = users.map((u, i) => expectedTasks[i]! * dominant(u.task, total));

    b = await startBerth({ args: ["--agent-resources", `cpus:${total.cpus};mem:${total.mem}`, "--weights", "kubernetes=1,batch=2"] });
    const k = kubectlFor(b);
    const master = b.masterUrl;
    expect(master).to.match(/^http:/);
    const get = async <T>(path: string) => (await (await fetch(master + path)).json()) as T;

    // 1. The batch job saturates the pool: 12 tasks of 500m fill it. Durations 8-17.5 s,
    //    distinct per index, so that tasks end one at a time rather than together.
    const stop = new AbortController();
    const trace: BatchProgress[] = [];
    const job: Promise<BatchResult> = runBatchJob({
      master,
      name: "shared-pool-batch",
      role: "batch",
      tasks: 1000,
      command: "exec sleep $((8 + BATCH_TASK_INDEX * 7 % 20 / 2)).$((BATCH_TASK_INDEX * 7 % 2 * 5))",
      resources: `cpus:${users[1]!.task.cpus};mem:${users[1]!.task.mem}`,
      signal: stop.signal,
      onProgress: (p) => trace.push(p),
    });
    try {
      await eventually(async () => trace.some((p) => p.running >= 12), "the batch job to fill the pool (12 tasks running)", 30_000);

      // 2. A Deployment wanting more than its share: 14 pods of 250m / 256Mi running sleep 3600.
      const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "pool" },
        spec: {
          replicas: 14,
          selector: { matchLabels: { app: "pool" } },
          template: {
            metadata: { labels: { app: "pool" } },
            spec: {
              terminationGracePeriodSeconds: 1,
              containers: [{ name: "sleeper", image: "busybox", command: ["sleep", "3600"], resources: { requests: { cpu: "250m", memory: "256Mi" } } }],
            },
          },
        },
      };
      await k.ok(["apply", "-f", "-"], { input: JSON.stringify(deployment) });

      // Saturated: the pods climbed to their share and the rest wait with FailedScheduling; batch still runs tasks.
      const running = async () => {
        const pods = JSON.parse(await k.ok(["get", "pods", "-l", "app=pool", "-o", "json"])) as { items: { status?: { phase?: string } }[] };
        return pods.items.filter((p) => p.status?.phase === "Running").length;
      };
      try {
        await eventually(async () => (await running()) >= expectedTasks[0]!, `${expectedTasks[0]} pool pods Running`, 60_000, 500);
      } catch (e) {
        console.log(JSON.stringify(await get("/roles"), null, 1));
        console.log(await k.ok(["get", "pods", "-o", "wide"]));
        console.log(await k.ok(["get", "events"]));
        console.log(JSON.stringify(trace.at(-1)));
        throw e;
      }
      // Let a generation of batch tasks turn over, then measure.
      await sleep(8_000);

      const samples: { kubernetes: number; batch: number }[] = [];
      const used: { kubernetes: number; batch: number }[] = [];
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const roles = await get<RolesJson>("/roles");
        const s = { kubernetes: 0, batch: 0 };
        for (const r of roles.roles) if (r.name === "kubernetes" || r.name === "batch") s[r.name] = dominant({ cpus: r.allocated.cpus ?? 0, mem: r.allocated.mem ?? 0 }, total);
        samples.push(s);
        const st = await get<StateJson>("/state");
        const u = { kubernetes: 0, batch: 0 };
        for (const f of st.frameworks) {
          const role = f.roles?.[0];
          if (role === "kubernetes" || role === "batch") u[role] += dominant({ cpus: f.used_resources.cpus ?? 0, mem: f.used_resources.mem ?? 0 }, total);
        }
        used.push(u);
        await sleep(250);
      }
      const mean = (xs: typeof samples, key: "kubernetes" | "batch") => xs.reduce((s, x) => s + x[key], 0) / xs.length;
      const range = (key: "kubernetes" | "batch") => `${Math.min(...samples.map((s) => s[key])).toFixed(3)}-${Math.max(...samples.map((s) => s[key])).toFixed(3)}`;
      const measured = { kubernetes: mean(samples, "kubernetes"), batch: mean(samples, "batch") };
      const inTasks = { kubernetes: mean(used, "kubernetes"), batch: mean(used, "batch") };
      const podsRunning = await running();

      console.log("\n    shared pool on berth up (agent <6 cpus, 6144 MB>), dominant shares from /roles over %d samples (10 s):", samples.length);
      console.log("    role        weight  task".padEnd(48) + "expected tasks  expected share  /roles allocated (min-max)  /state used");
      users.forEach((u, i) => {
        const key = u.role;
        console.log(
          `    ${u.role.padEnd(11)} ${String(u.weight).padEnd(7)} <${u.task.cpus} cpu, ${u.task.mem} MB>`.padEnd(48) +
            `${String(expectedTasks[i]).padEnd(15)} ${expectedShare[i]!.toFixed(3).padEnd(15)} ${`${measured[key].toFixed(3)} (${range(key)})`.padEnd(27)} ${inTasks[key].toFixed(3)}`,
        );
      });
      console.log(`    share_batch / share_kubernetes: weights 2, expected ${(expectedShare[1]! / expectedShare[0]!).toFixed(2)}, measured ${(measured.batch / measured.kubernetes).toFixed(2)}; pool pods Running: ${podsRunning}/14\n`);

      // The weights: batch's dominant share is twice kubernetes' within 10%.
      expect(measured.batch / measured.kubernetes).to.be.within(2 * 0.9, 2 * 1.1);
      // And each share is within one task of the progressive-filling split.
      expect(measured.kubernetes).to.be.closeTo(expectedShare[0]!, dominant(users[0]!.task, total) + 1e-9);
      expect(measured.batch).to.be.closeTo(expectedShare[1]!, dominant(users[1]!.task, total) + 1e-9);
      // Saturated: the pods that did not fit wait (FailedScheduling), batch tasks still run.
      expect(podsRunning).to.be.lessThan(14);
      expect(trace.at(-1)?.running ?? 0).to.be.greaterThan(0);
    } finally {
      stop.abort();
      const r = await job;
      expect(r.error).to.equal("aborted");
      await k.run(["delete", "deployment", "pool", "--wait=false"]);
    }
  });

  it("mixed shapes (memory-heavy batch tasks, cpu-heavy pods), equal weights: neither role starves; both near the progressive-filling split", async () => {
    const total = { cpus: 6, mem: 6144 };
    const users: User[] = [
      { role: "kubernetes", weight: 1, task: { cpus: 1, mem: 128 } },
      { role: "batch", weight: 1, task: { cpus: 0.25, mem: 1024 } },
    ];
    const expectedTasks = progressiveFilling(total, users);
    // 5 pods (5 cpus, 640 MB) and 4 batch tasks (1 cpu, 4096 MB): dominant shares 5/6 (cpu) and 4/6 (mem).
    expect(expectedTasks).to.deep.equal([5, 4]);
    const expectedShare = users.map((u, i) => expectedTasks[i]! * dominant(u.task, total));

    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
    b = await startBerth({ args: ["--agent-resources", `cpus:${total.cpus};mem:${total.mem}`, "--weights", "kubernetes=1,batch=1"] });
    const k = kubectlFor(b);
    const master = b.masterUrl;
    const get = async <T>(path: string) => (await (await fetch(master + path)).json()) as T;

    // The batch job first: 6 tasks of 1024 MB take all the memory (and 1.5 of 6 cpus).
    const stop = new AbortController();
    const trace: BatchProgress[] = [];
    const job: Promise<BatchResult> = runBatchJob({
      master,
      name: "mixed-batch",
      role: "batch",
      tasks: 1000,
      command: "exec sleep $((6 + BATCH_TASK_INDEX * 7 % 12 / 2)).$((BATCH_TASK_INDEX * 7 % 2 * 5))",
      resources: `cpus:${users[1]!.task.cpus};mem:${users[1]!.task.mem}`,
      signal: stop.signal,
      onProgress: (p) => trace.push(p),
    });
    try {
      await eventually(async () => trace.some((p) => p.running >= 6), "the batch job to take all the memory (6 tasks running)", 30_000);
      const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "cpu-heavy" },
        spec: {
          replicas: 8,
          selector: { matchLabels: { app: "cpu-heavy" } },
          template: {
            metadata: { labels: { app: "cpu-heavy" } },
            spec: { terminationGracePeriodSeconds: 1, containers: [{ name: "sleeper", image: "busybox", command: ["sleep", "3600"], resources: { requests: { cpu: "1", memory: "128Mi" } } }] },
          },
        },
      };
      await k.ok(["apply", "-f", "-"], { input: JSON.stringify(deployment) });
      const running = async () => {
        const pods = JSON.parse(await k.ok(["get", "pods", "-l", "app=cpu-heavy", "-o", "json"])) as { items: { status?: { phase?: string } }[] };
        return pods.items.filter((p) => p.status?.phase === "Running").length;
      };
      try {
        await eventually(async () => (await running()) >= expectedTasks[0]! - 1, `${expectedTasks[0]! - 1} cpu-heavy pods Running`, 60_000, 500);
      } catch (e) {
        console.log(JSON.stringify(await get("/roles"), null, 1));
        console.log(await k.ok(["get", "pods", "-o", "wide"]));
        console.log(await k.ok(["get", "events"]));
        throw e;
      }
      await sleep(6_000);
      const samples: { kubernetes: number; batch: number }[] = [];
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const st = await get<StateJson>("/state");
        const u = { kubernetes: 0, batch: 0 };
        for (const f of st.frameworks) {
          const role = f.roles?.[0];
          if (role === "kubernetes" || role === "batch") u[role] += dominant({ cpus: f.used_resources.cpus ?? 0, mem: f.used_resources.mem ?? 0 }, total);
        }
        samples.push(u);
        await sleep(250);
      }
      const mean = (key: "kubernetes" | "batch") => samples.reduce((s, x) => s + x[key], 0) / samples.length;
      const measured = { kubernetes: mean("kubernetes"), batch: mean("batch") };
      const podsRunning = await running();
      console.log("\n    mixed shapes on berth up (agent <6 cpus, 6144 MB>, weights 1:1), dominant shares of running tasks from /state over %d samples:", samples.length);
      users.forEach((u, i) => console.log(`    ${u.role.padEnd(11)} <${u.task.cpus} cpu, ${u.task.mem} MB>  expected ${expectedTasks[i]} tasks, share ${expectedShare[i]!.toFixed(3)}; measured ${measured[u.role].toFixed(3)}`));
      console.log(`    cpu-heavy pods Running: ${podsRunning}/8; batch tasks running: ${trace.at(-1)?.running ?? 0}\n`);

      // Neither starves: each role's share is within one task of the progressive-filling split.
      expect(measured.kubernetes).to.be.closeTo(expectedShare[0]!, dominant(users[0]!.task, total) + 1e-9);
      expect(measured.batch).to.be.closeTo(expectedShare[1]!, dominant(users[1]!.task, total) + 1e-9);
      expect(podsRunning).to.be.within(expectedTasks[0]! - 1, expectedTasks[0]! + 1);
      expect(trace.at(-1)?.running ?? 0).to.be.within(expectedTasks[1]! - 1, expectedTasks[1]! + 1);
    } finally {
      stop.abort();
      const r = await job;
      expect(r.error).to.equal("aborted");
      await k.run(["delete", "deployment", "cpu-heavy", "--wait=false"]);
    }
  });
});
