/**
 * The API's write path in process (no HTTP): CPU per write of each kind the end-to-end
 * SchedulingBasic run makes, through LocalClient as the Kubernetes framework and its node
 * mirror make them (src/offer-bridge): pod create, pods/binding, two kubelet-style status
 * merge patches (ContainerCreating, then Running, from computePodStatus), Lease create and
 * three renewals (merge patches of spec.renewTime, as nodes.ts renewLease). One in-process
 * informer watches all pods, as the framework's does, so its decodes are counted too.
 *
 * Each phase is measured with process.cpuUsage (user + system) from its first write until
 * the informer has seen every event of it. After an unreported warm-up round (`--warmup`
 * pods), the phases run `--rounds` times (default 2) in the same process, each round on
 * new objects: compare rounds, and compare with another
 * build by running this file's compiled JS against that build's dist (it imports
 * ../src/... relative to itself).
 *
 * Run with --expose-gc for steadier figures (a full collection before each phase).
 *
 *   node [--expose-gc] dist/bench/write-path.js [--quick] [--pods N] [--rounds R] [--warmup W] [--concurrency C] [--no-results] [--profile-dir DIR]
 *
 * With --baseline DIST (another build's dist directory) the phases run instead for both
 * builds in this one process, interleaved in chunks of 250 writes: on a shared, loaded
 * machine the steadiest same-run comparison.
 *
 * Results: bench/results/write-path-<time>.{json,md} and write-path-latest.{json,md}
 * (--no-results: markdown on stdout only).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PerformanceObserver } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { LocalClient } from "../src/k8s-api/client/local.js";
import { Informer } from "../src/k8s-api/client/informer.js";
import { Registry } from "../src/k8s-api/registry/registry.js";
import { findResource } from "../src/k8s-api/registry/resources.js";
import { MemoryStore } from "../src/k8s-api/store/index.js";
import { computePodStatus, type TaskView } from "../src/offer-bridge/pod-status.js";
import { LEASES, PODS, type Pod } from "../src/offer-bridge/types.js";
import { benchPod } from "./lib/pods.js";
import { round } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    pods: { type: "string" },
    rounds: { type: "string", default: "2" },
    /** Pods of an unreported first round, so that the reported rounds run on optimized code. */
    warmup: { type: "string", default: "300" },
    concurrency: { type: "string", default: "16" },
    "no-results": { type: "boolean", default: false },
    tag: { type: "string" },
    /** Write a CPU profile of each phase of the last round here (<phase>.cpuprofile). */
    "profile-dir": { type: "string" },
    /**
     * Another build's dist directory (e.g. ../berth-65e97e5/dist): both builds run in this one
     * process, each phase in alternating chunks of 250 writes (its own store, registry and
     * informer per build), so that the machine's load falls on both alike.
     */
    baseline: { type: "string" },
  },
});
const N = Number(values.pods ?? (values.quick ? 1_000 : 3_000));
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const C = Math.max(1, Number(values.concurrency));
const PROFILE_DIR = values["profile-dir"];
const LEASE_NS = "kube-node-lease";
const LEASE_DURATION_SECONDS = 40;

interface Phase {
  readonly kind: string;
  readonly writes: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly cpuUsPerWrite: number;
  readonly writesPerSecond: number;
  /** Garbage collection pauses during the phase (PerformanceObserver "gc"). */
  readonly gcMs: number;
}

interface Round {
  readonly round: number;
  readonly phases: Phase[];
  readonly total: { readonly writes: number; readonly cpuMs: number; readonly cpuUsPerWrite: number };
}

const microTime = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
const tick = () => new Promise<void>((r) => setImmediate(r));

/** Run op(i) for i < n, C at a time. */
async function each(n: number, op: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(C, n) }, async () => {
      for (let i = next++; i < n; i = next++) await op(i);
    }),
  );
}

let gcMs = 0;

async function main(): Promise<void> {
  const meta = runMeta();
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  let profiler: Session | undefined;
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    profiler = new Session();
    profiler.connect();
    await profiler.post("Profiler.enable");
  }
  const store = new MemoryStore();
  const registry = new Registry(store);
  const namespaces = findResource("", "v1", "namespaces")!;
  const client = new LocalClient(registry, "kubernetes-framework");

  // The framework's pod informer: every event decoded for it (in-process watchers get their own copies).
  const informer = new Informer<Pod>(client, PODS);
  let events = 0;
  informer.on({ add: () => events++, update: () => events++, delete: () => events++ });
  await informer.start();
  await informer.synced;
  /** Resolves once the informer has seen `count` events in all. */
  const seen = async (count: number) => {
    while (events < count) await tick();
  };

  await registry.create(namespaces, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: LEASE_NS } });
  const rounds: Round[] = [];
  for (let r = WARMUP > 0 ? 0 : 1; r <= ROUNDS; r++) {
    const n = r === 0 ? WARMUP : N;
    const ns = `write-path-${r}`;
    await registry.create(namespaces, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
    await tick();
    const phases: Phase[] = [];
    const pods: Pod[] = new Array<Pod>(n);
    const name = (i: number) => `pod-${String(i).padStart(6, "0")}`;
    const node = (i: number) => `node-${r}-${String(i).padStart(5, "0")}`;

    const phase = async (kind: string, writes: number, podEvents: number, op: (i: number) => Promise<void>) => {
      // A full collection before each phase (with --expose-gc), so that one phase's garbage is not collected in the next one's time.
      (globalThis as { gc?: () => void }).gc?.();
      const profiled = r === ROUNDS ? profiler : undefined;
      if (profiled) await profiled.post("Profiler.start");
      await tick();
      const want = events + podEvents;
      const gc0 = gcMs;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await each(writes, op);
      await seen(want);
      const wallMs = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const cpuMs = (c.user + c.system) / 1000;
      if (profiled) {
        const { profile } = await profiled.post("Profiler.stop");
        writeFileSync(join(PROFILE_DIR!, `${kind.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "")}.cpuprofile`), JSON.stringify(profile));
      }
      await tick(); // the GC observer's entries of this phase
      phases.push({ kind, writes, cpuMs: round(cpuMs, 1), wallMs: round(wallMs, 1), cpuUsPerWrite: round((cpuMs * 1000) / writes, 1), writesPerSecond: round(writes / (wallMs / 1000), 0), gcMs: round(gcMs - gc0, 1) });
      if (r > 0) process.stderr.write(`  round ${r} ${kind}: ${writes} writes, ${round((cpuMs * 1000) / writes, 1)} us CPU each\n`);
    };

    await phase("pod create", n, n, async (i) => {
      pods[i] = await client.create<Pod>(PODS, ns, benchPod(name(i), i) as Pod);
    });
    await phase("pod binding", n, n, async (i) => {
      const m = pods[i]!.metadata!;
      await client.create(PODS, ns, { apiVersion: "v1", kind: "Binding", metadata: { name: m.name, namespace: ns, uid: m.uid }, target: { apiVersion: "v1", kind: "Node", name: node(i % 5000) } } as never, { subresource: "binding" });
    });
    // The kubelet-style status writes start from what the informer holds, as the framework's do.
    const status = async (i: number, task: TaskView) => {
      const pod = informer.get(`${ns}/${name(i)}`)!;
      const uid = pod.metadata!.uid!;
      const s = computePodStatus({ pod, tasks: new Map([["pause", task]]), hostIP: "10.0.0.1", podIP: `10.1.${(i >> 8) & 255}.${i & 255}`, now: new Date() });
      await client.patch(PODS, ns, name(i), "merge", { metadata: { uid }, status: s }, { subresource: "status", fieldManager: "kubelet" });
    };
    const at = Math.floor(Date.now() / 1000);
    await phase("pod status (ContainerCreating)", n, n, (i) => status(i, { taskId: `t-${r}-${i}`, state: "TASK_STARTING", at }));
    await phase("pod status (Running)", n, n, (i) => status(i, { taskId: `t-${r}-${i}`, state: "TASK_RUNNING", at: at + 1, runningSince: at + 1 }));

    await phase("lease create", n, 0, async (i) => {
      await client.create(LEASES, LEASE_NS, {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name: node(i), namespace: LEASE_NS, ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node(i), uid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }] },
        spec: { holderIdentity: node(i), leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(new Date()) },
      });
    });
    for (let k = 1; k <= 3; k++)
      await phase(`lease renewal ${k}`, n, 0, async (i) => {
        await client.patch(LEASES, LEASE_NS, node(i), "merge", { spec: { holderIdentity: node(i), leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(new Date()) } });
      });
    const writes = phases.reduce((a, p) => a + p.writes, 0);
    const cpuMs = phases.reduce((a, p) => a + p.cpuMs, 0);
    if (r > 0) rounds.push({ round: r, phases, total: { writes, cpuMs: round(cpuMs, 1), cpuUsPerWrite: round((cpuMs * 1000) / writes, 1) } });
  }
  informer.stop();
  gcObserver.disconnect();

  const lines = [
    `# write-path (${meta.date}, commit ${meta.commit}, node ${meta.node}, ${meta.cpus} CPUs)`,
    "",
    `${N} pods and ${N} Leases per round, ${C} writes at a time, one in-process pod informer. CPU: process user+system per phase, until the informer saw every event.`,
    "",
    `| kind | ${rounds.map((x) => `round ${x.round} CPU us/write | writes/s | GC ms`).join(" | ")} |`,
    `|---|${rounds.map(() => "---|---|---").join("|")}|`,
    ...rounds[0]!.phases.map((p, i) => `| ${p.kind} | ${rounds.map((x) => `${x.phases[i]!.cpuUsPerWrite} | ${x.phases[i]!.writesPerSecond} | ${x.phases[i]!.gcMs}`).join(" | ")} |`),
    `| all writes | ${rounds.map((x) => `${x.total.cpuUsPerWrite} | - | ${round(x.phases.reduce((a, p) => a + p.gcMs, 0), 1)}`).join(" | ")} |`,
    "",
  ];
  const md = lines.join("\n");
  if (values["no-results"]) process.stdout.write(md);
  else writeResults("write-path", meta, { pods: N, concurrency: C, rounds }, md, values.tag);
  await store.close();
}

if (values.baseline) await interleaved(values.baseline);
else await main();

/** The modules a build's run needs, loaded from its dist directory. */
async function loadBuild(dist: string) {
  const imp = (p: string) => import(pathToFileURL(join(dist, p)).href);
  const [{ Registry: R }, { findResource: find }, { MemoryStore: S }, { LocalClient: L }, { Informer: I }, { computePodStatus: status }] = await Promise.all([
    imp("src/k8s-api/registry/registry.js"),
    imp("src/k8s-api/registry/resources.js"),
    imp("src/k8s-api/store/index.js"),
    imp("src/k8s-api/client/local.js"),
    imp("src/k8s-api/client/informer.js"),
    imp("src/offer-bridge/pod-status.js"),
  ]);
  const store = new (S as typeof MemoryStore)();
  const registry = new (R as typeof Registry)(store);
  const client = new (L as typeof LocalClient)(registry, "kubernetes-framework");
  const informer = new (I as typeof Informer<Pod>)(client, PODS);
  let events = 0;
  informer.on({ add: () => events++, update: () => events++, delete: () => events++ });
  await informer.start();
  const namespaces = (find as typeof findResource)("", "v1", "namespaces")!;
  for (const ns of ["write-path", LEASE_NS]) await registry.create(namespaces, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  return { dist, store, client, informer, computePodStatus: status as typeof computePodStatus, events: () => events };
}

/** --baseline: this build and another, phase by phase in alternating chunks, in one process. */
async function interleaved(baselineDist: string): Promise<void> {
  const meta = runMeta();
  const builds = [
    { name: "this build", b: await loadBuild(join(import.meta.dirname, "..")) },
    { name: "baseline", b: await loadBuild(baselineDist) },
  ];
  type Build = Awaited<ReturnType<typeof loadBuild>>;
  const ns = "write-path";
  const name = (i: number) => `pod-${String(i).padStart(6, "0")}`;
  const node = (i: number) => `node-${String(i).padStart(5, "0")}`;
  const at = Math.floor(Date.now() / 1000);
  const status = async (b: Build, i: number, task: TaskView) => {
    const pod = b.informer.get(`${ns}/${name(i)}`)!;
    const s = b.computePodStatus({ pod, tasks: new Map([["pause", task]]), hostIP: "10.0.0.1", podIP: `10.1.${(i >> 8) & 255}.${i & 255}`, now: new Date() });
    await b.client.patch(PODS, ns, name(i), "merge", { metadata: { uid: pod.metadata!.uid }, status: s }, { subresource: "status", fieldManager: "kubelet" });
  };
  const renew = (b: Build, i: number) => b.client.patch(LEASES, LEASE_NS, node(i), "merge", { spec: { holderIdentity: node(i), leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(new Date()) } });
  const phases: [string, boolean, (b: Build, i: number) => Promise<unknown>][] = [
    ["pod create", true, (b, i) => b.client.create<Pod>(PODS, ns, benchPod(name(i), i) as Pod)],
    ["pod binding", true, (b, i) => b.client.create(PODS, ns, { apiVersion: "v1", kind: "Binding", metadata: { name: name(i), namespace: ns }, target: { apiVersion: "v1", kind: "Node", name: node(i % 5000) } } as never, { subresource: "binding" })],
    ["pod status (ContainerCreating)", true, (b, i) => status(b, i, { taskId: `t-${i}`, state: "TASK_STARTING", at })],
    ["pod status (Running)", true, (b, i) => status(b, i, { taskId: `t-${i}`, state: "TASK_RUNNING", at: at + 1, runningSince: at + 1 })],
    ["lease create", false, (b, i) => b.client.create(LEASES, LEASE_NS, { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: node(i), namespace: LEASE_NS, ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node(i), uid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }] }, spec: { holderIdentity: node(i), leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(new Date()) } })],
    ["lease renewal 1", false, renew],
    ["lease renewal 2", false, renew],
    ["lease renewal 3", false, renew],
  ];
  const CHUNK = 250;
  const rows: { kind: string; usPerWrite: number[] }[] = [];
  for (const [kind, podEvents, op] of phases) {
    const cpu = builds.map(() => 0);
    for (let start = 0, k = 0; start < N; start += CHUNK, k++) {
      const end = Math.min(N, start + CHUNK);
      // Alternate which build goes first, so neither always runs right after the other's garbage.
      for (const j of k % 2 ? [1, 0] : [0, 1]) {
        const b = builds[j]!.b;
        const want = b.events() + (podEvents ? end - start : 0);
        await tick();
        const c0 = process.cpuUsage();
        let next = start;
        await Promise.all(Array.from({ length: Math.min(C, end - start) }, async () => {
          for (let i = next++; i < end; i = next++) await op(b, i);
        }));
        while (b.events() < want) await tick();
        const c = process.cpuUsage(c0);
        cpu[j]! += c.user + c.system;
      }
    }
    rows.push({ kind, usPerWrite: cpu.map((x) => round(x / N, 1)) });
    process.stderr.write(`  ${kind}: ${builds.map((x, j) => `${x.name} ${round(cpu[j]! / N, 1)} us`).join(", ")}\n`);
  }
  for (const x of builds) {
    x.b.informer.stop();
    await x.b.store.close();
  }
  const total = builds.map((_, j) => round(rows.reduce((a, r) => a + r.usPerWrite[j]!, 0) / rows.length, 1));
  const change = (a: number, b: number) => `${a >= b ? "+" : ""}${round(((a - b) / b) * 100, 1)}%`;
  const md = [
    `# write-path, interleaved with a baseline (${meta.date}, commit ${meta.commit}, node ${meta.node}, ${meta.cpus} CPUs)`,
    "",
    `${N} pods and ${N} Leases per build, ${C} writes at a time, one in-process pod informer per build; each phase in alternating chunks of ${CHUNK} writes. Baseline: ${baselineDist}.`,
    "",
    "| kind | this build CPU us/write | baseline CPU us/write | change |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.kind} | ${r.usPerWrite[0]} | ${r.usPerWrite[1]} | ${change(r.usPerWrite[0]!, r.usPerWrite[1]!)} |`),
    `| mean of the kinds | ${total[0]} | ${total[1]} | ${change(total[0]!, total[1]!)} |`,
    "",
  ].join("\n");
  if (values["no-results"]) process.stdout.write(md);
  else writeResults("write-path", meta, { pods: N, concurrency: C, baseline: baselineDist, rows }, md, values.tag ?? "interleaved");
}
