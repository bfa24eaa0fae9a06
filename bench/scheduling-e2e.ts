/**
 * `node dist/bench/scheduling-e2e.js [--quick]`: scheduler_perf's SchedulingBasic end to
 * end. Each row runs in its own child process holding the whole cluster, as `berth up
 * --sim-agents N` does: API server on the memory store (real HTTP), master, the Kubernetes
 * framework (in-process links), N simulated agents of 4 cpu / 32 GiB / 110 pods (no
 * controllers). Pods of 100m / 500Mi (image pause) are created through the real HTTP API by
 * concurrent workers, as scheduler_perf's createPods does, and watched over HTTP.
 *
 * Figures per row:
 *   bound/s        pods bound per second as seen on the watch (spec.nodeName set): the
 *                  average from the first create to the last bind, and p50/p90/p99 of the
 *                  per-second samples (scheduler_perf's SchedulingThroughput)
 *   create->Running  latency from sending a pod's create to seeing it Running on the watch
 *   created/s      how fast the API accepted the creates (the load generator's side)
 *   peak RSS       of the process that holds everything (API, store, master, framework,
 *                  agents, load generator and watch), sampled every second
 *
 * Rows (same run, so the shared machine's noise hits them alike):
 *   reference      the same scenario at a tenth of the nodes and pods: the same-run
 *                  baseline, showing what the cluster's size costs
 *   api-ceiling    no framework and no agents: the same creates and watch against the API
 *                  alone, the upper bound the API puts on any end-to-end figure
 *   SchedulingBasic  the measured scale (quick: 500 nodes / 5,000 pods; full: 5,000 /
 *                  150,000)
 *   paced 500/s    the same nodes, pods created open-loop at 500 per second: create->Running
 *                  at a steady arrival rate (the issue's p99 <= 1 s target)
 *   scheduler_perf's variants (VARIANTS below; `--only variants` runs these five alone), at the
 *   same nodes: first `init` pods are created and bound (not measured), then the measured pods;
 *   SchedulingBasic-init is the same two phases with the default pod, their same-run baseline.
 *
 * Child mode (also for profiling one scale: node --cpu-prof dist/bench/scheduling-e2e.js
 * --run --nodes 1000 --pods 10000): prints one JSON row on stdout.
 * Results: bench/results/scheduling-e2e-<time>.{json,md} and scheduling-e2e-latest.{json,md}.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { startSimAgents, type SimFleet } from "../src/agents/index.js";
import { LocalClient } from "../src/k8s-api/client/local.js";
import { MemoryStore, startApiServer } from "../src/k8s-api/index.js";
import { startKubeFramework, type KubeFramework, type PlacementStats } from "../src/offer-bridge/index.js";
import { startMaster } from "../src/resource-manager/index.js";
import { createLogger } from "../src/util/log.js";
import { JsonClient } from "./lib/http.js";
import { round, summarize, ThroughputSampler, type LatencySummary } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    run: { type: "boolean", default: false },
    nodes: { type: "string" },
    pods: { type: "string" },
    /** Closed loop: workers creating pods at once. */
    concurrency: { type: "string", default: "64" },
    /** Open loop: pods created per second (0: closed loop). */
    rate: { type: "string", default: "0" },
    /** API only: no master, framework or agents. */
    "api-only": { type: "boolean", default: false },
    "running-delay": { type: "string", default: "0" },
    "timeout-seconds": { type: "string" },
    label: { type: "string", default: "SchedulingBasic" },
    /** Child: the scheduler_perf test case whose pods and node labels to use (VARIANTS). */
    variant: { type: "string", default: "SchedulingBasic" },
    /** Child: pods created and bound before the measured phase (scheduler_perf's initPods). */
    "init-pods": { type: "string", default: "0" },
    /** Parent: only these rows (comma-separated labels), e.g. --only SchedulingBasic for one full-scale run. */
    only: { type: "string" },
    /** Parent: write each row's CPU profile (node --cpu-prof) into this directory. */
    "profile-dir": { type: "string" },
  },
});

/** Init pods go to sched-0; measured pods to sched-1 when there are init pods (as scheduler_perf's SchedulingPodAntiAffinity), else sched-0. */
const INIT_NS = "sched-0";
const log = createLogger("bench", { level: "error" });

interface Progress {
  readonly s: number;
  readonly created: number;
  readonly bound: number;
  readonly running: number;
  /** Absent from result files written before these were recorded. */
  readonly heapMiB?: number;
  readonly maxTickGapMs?: number;
}

interface Row {
  readonly label: string;
  /** The scheduler_perf test case (pod templates and node labels). */
  readonly variant?: string;
  readonly nodes: number;
  /** Pods created and bound before the measured phase, and how long that took (seconds). */
  readonly initPods?: number;
  readonly initSeconds?: number;
  readonly pods: number;
  readonly mode: string;
  readonly completed: boolean;
  readonly created: number;
  readonly bound: number;
  readonly running: number;
  /** Cluster start (API, master, framework, agents registered, Nodes written). */
  readonly clusterStartSeconds: number;
  readonly seconds: number;
  readonly createdPerSecond: number;
  /** Every 30 s from the first create: pods created, bound and Running so far. */
  readonly progress?: readonly Progress[];
  readonly boundPerSecond: { readonly average: number; readonly p50: number; readonly p90: number; readonly p99: number; readonly samples: number };
  readonly createToBoundMs: LatencySummary;
  readonly createToRunningMs: LatencySummary;
  readonly peakRssMiB: number;
  readonly peakHeapMiB: number;
  /** CPU the process used in the measured phase (user + system): on a shared machine, pods per CPU-second is the steadier figure. */
  readonly cpuSeconds: number;
  /** Store writes in the measured phase per pod created, and the resources they went to (what each pod costs the API). */
  readonly writesPerPod: number;
  readonly writesByResource: Record<string, number>;
  readonly boundPerCpuSecond: number;
  /**
   * The framework's scheduling cycles in the measured phase: decide calls per pod placed, and
   * the offered nodes they walked (what placement's CPU follows; fullWalks: calls with at least
   * numFeasibleNodesToFind nodes offered, each as costly as a kube-scheduler cycle's Filter and Score).
   */
  readonly placement?: PlacementStats & { readonly decidesPerPlaced: number; readonly offeredNodesPerDecide: number };
  readonly error?: string;
}

/** SchedulingBasic's pod (unchanged since the first figures, so rows stay comparable). */
function basicPod(name: string, ns: string) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns, labels: { app: "sched-basic" } },
    spec: { containers: [{ name: "pause", image: "registry.k8s.io/pause:3.10", resources: { requests: { cpu: "100m", memory: "500Mi" }, limits: { cpu: "100m", memory: "500Mi" } } }] },
  };
}

/**
 * Pod templates of upstream scheduler_perf (k8s.io/kubernetes v1.35,
 * test/integration/scheduler_perf/templates/), as they are there except that the pod gets
 * a name (pod-N / init-N, for the watch) instead of generateName, and the container has no
 * `ports: [{containerPort: 80}]`: simulated agents have no pod network (host mode), where a
 * container port is a host port and a node could hold one such pod; upstream's port has no
 * hostPort and plays no part in kube-scheduler's placement (NodePorts looks at hostPort only).
 */
type PodTemplate = { readonly labels?: Record<string, string>; readonly spec: (ns: string) => Record<string, unknown> };
const pauseContainer = (image: string) => ({
  name: "pause",
  image,
  resources: { limits: { cpu: "100m", memory: "500Mi" }, requests: { cpu: "100m", memory: "500Mi" } },
});
const TEMPLATES = {
  /** templates/pod-default.yaml */
  "pod-default.yaml": { spec: () => ({ containers: [pauseContainer("registry.k8s.io/pause:3.10.1")] }) },
  /** templates/pod-with-pod-anti-affinity.yaml */
  "pod-with-pod-anti-affinity.yaml": {
    labels: { color: "green" },
    spec: () => ({
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { color: "green" } }, topologyKey: "kubernetes.io/hostname", namespaces: ["sched-1", "sched-0"] }] } },
      containers: [pauseContainer("registry.k8s.io/pause:3.10.2")],
    }),
  },
  /** templates/pod-with-node-affinity.yaml */
  "pod-with-node-affinity.yaml": {
    spec: () => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["zone1", "zone2"] }] }] } } },
      containers: [pauseContainer("registry.k8s.io/pause:3.10.1")],
    }),
  },
  /** templates/pod-with-topology-spreading.yaml */
  "pod-with-topology-spreading.yaml": {
    labels: { color: "blue" },
    spec: () => ({
      topologySpreadConstraints: [{ maxSkew: 5, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { color: "blue" } } }],
      containers: [pauseContainer("registry.k8s.io/pause:3.10")],
    }),
  },
  /** templates/pod-with-preferred-topology-spreading.yaml */
  "pod-with-preferred-topology-spreading.yaml": {
    labels: { color: "blue" },
    spec: () => ({
      topologySpreadConstraints: [{ maxSkew: 5, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { color: "blue" } } }],
      containers: [pauseContainer("registry.k8s.io/pause:3.10.1")],
    }),
  },
} satisfies Record<string, PodTemplate>;

interface Variant {
  /** Upstream's init and measured pod templates (TEMPLATES). */
  readonly init: keyof typeof TEMPLATES;
  readonly measured: keyof typeof TEMPLATES;
  /** Node zones (labelNodePrepareStrategy on topology.kubernetes.io/zone: upstream picks a value per node at random, here round-robin). */
  readonly zones?: readonly string[];
  /** Init and measured pods for `nodes` nodes: upstream's 5000Nodes workload, scaled with the nodes. */
  readonly initPods: (nodes: number) => number;
  readonly measuredPods: (nodes: number) => number;
  /** Where upstream defines it, its workload at 5,000 nodes, and its CI threshold (pods/s). */
  readonly upstream: string;
}

/**
 * scheduler_perf's test cases with pod affinity, node affinity and topology spread
 * (k8s.io/kubernetes v1.35, test/integration/scheduler_perf/affinity/performance-config.yaml
 * and topology_spreading/performance-config.yaml), sized from the nodes as their 5000Nodes
 * `performance` workloads are (a tenth of that at --quick's 500 nodes).
 */
const VARIANTS: Record<string, Variant> = {
  /** The variants' same-run baseline: the same two phases with the default pod (pod-default.yaml) and no node labels. */
  "SchedulingBasic-init": { init: "pod-default.yaml", measured: "pod-default.yaml", initPods: (n) => n, measuredPods: (n) => n, upstream: "baseline, sized as TopologySpreading" },
  SchedulingPodAntiAffinity: { init: "pod-with-pod-anti-affinity.yaml", measured: "pod-with-pod-anti-affinity.yaml", initPods: (n) => Math.round(n / 5), measuredPods: (n) => Math.round((2 * n) / 5), upstream: "affinity/, 5000Nodes_2000Pods: 1,000 init + 2,000 measured, threshold 60" },
  SchedulingNodeAffinity: { init: "pod-with-node-affinity.yaml", measured: "pod-with-node-affinity.yaml", zones: ["zone1"], initPods: (n) => n, measuredPods: (n) => 2 * n, upstream: "affinity/, 5000Nodes_10000Pods: 5,000 init + 10,000 measured, threshold 220" },
  TopologySpreading: { init: "pod-default.yaml", measured: "pod-with-topology-spreading.yaml", zones: ["moon-1", "moon-2", "moon-3"], initPods: (n) => n, measuredPods: (n) => n, upstream: "topology_spreading/, 5000Nodes_5000Pods: 5,000 init + 5,000 measured, threshold 460" },
  PreferredTopologySpreading: { init: "pod-default.yaml", measured: "pod-with-preferred-topology-spreading.yaml", zones: ["moon-1", "moon-2", "moon-3"], initPods: (n) => n, measuredPods: (n) => n, upstream: "topology_spreading/, 5000Nodes_5000Pods: 5,000 init + 5,000 measured, threshold 340" },
};

function templatePod(t: PodTemplate, name: string, ns: string) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: ns, ...(t.labels ? { labels: t.labels } : {}) }, spec: t.spec(ns) };
}

/** Waits until `f` is true, polling; false if the deadline passes first. */
async function until(f: () => boolean | Promise<boolean>, deadline: number, everyMs = 100): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await f()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return f();
}

/** One scale, in this process; the row goes to stdout as JSON. */
async function runOne(): Promise<Row> {
  const nodes = Number(values.nodes ?? 0);
  const pods = Number(values.pods ?? 0);
  const variantName = values.variant!;
  const variant = variantName === "SchedulingBasic" ? undefined : VARIANTS[variantName];
  if (variantName !== "SchedulingBasic" && !variant) throw new Error(`unknown --variant ${variantName}: SchedulingBasic or one of ${Object.keys(VARIANTS).join(", ")}`);
  const initPods = Number(values["init-pods"]);
  const NS = initPods > 0 ? "sched-1" : INIT_NS;
  const measuredPod = (i: number) => (variant ? templatePod(TEMPLATES[variant.measured], `pod-${i}`, NS) : basicPod(`pod-${i}`, NS));
  const initPod = (i: number) => (variant ? templatePod(TEMPLATES[variant.init], `init-${i}`, INIT_NS) : basicPod(`init-${i}`, INIT_NS));
  const rate = Number(values.rate);
  const concurrency = Number(values.concurrency);
  const apiOnly = values["api-only"];
  const deadline = Date.now() + 1000 * Number(values["timeout-seconds"] ?? 600);
  let peakRss = 0;
  let peakHeap = 0;
  const sampleMem = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const memTimer = setInterval(sampleMem, 1000);

  const t0 = performance.now();
  const store = new MemoryStore();
  const api = await startApiServer({ store, host: "127.0.0.1", port: 0, log });
  let stopCluster = async () => {};
  let placementStats: PlacementStats | undefined;
  if (!apiOnly) {
    const rm = await startMaster({ port: 0, logger: log });
    const fleet: SimFleet = await startSimAgents({ api: rm.master.agentApi, count: nodes, runningDelayMs: Number(values["running-delay"]), log, ...(variant?.zones ? { zones: variant.zones } : {}) });
    await fleet.registered;
    const fw: KubeFramework = await startKubeFramework({ client: new LocalClient(api.registry, "kubernetes-framework"), scheduler: rm.master.scheduler, log });
    placementStats = fw.stats;
    stopCluster = async () => {
      await fw.stop();
      await fleet.stop();
      await rm.close();
    };
  }
  const c = new JsonClient(api.url, Math.max(concurrency, 16));
  for (const ns of new Set([INIT_NS, NS])) await c.ok("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  // The framework's Nodes, one per agent (and their informers' view): only then does the measured phase start, as in scheduler_perf.
  if (!apiOnly) {
    const ok = await until(async () => {
      const l = JSON.parse(await c.ok("GET", "/api/v1/nodes?limit=1")) as { items: unknown[]; metadata: { remainingItemCount?: number } };
      return l.items.length + (l.metadata.remainingItemCount ?? 0) >= nodes;
    }, deadline, 500);
    if (!ok) throw new Error(`only some of ${nodes} Nodes appeared before the deadline`);
  }
  const clusterStartSeconds = (performance.now() - t0) / 1000;
  process.stderr.write(`    cluster of ${nodes} nodes up in ${round(clusterStartSeconds, 1)} s\n`);

  // scheduler_perf's init pods: created and bound before the measured phase (not measured).
  let initError: string | undefined;
  let initSeconds = 0;
  if (initPods > 0) {
    const ti = performance.now();
    const initBound = new Set<string>();
    const irv = (JSON.parse(await c.ok("GET", `/api/v1/namespaces/${INIT_NS}/pods?limit=1`)) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    const iw = c.watch(`/api/v1/namespaces/${INIT_NS}/pods?watch=1&resourceVersion=${irv}&allowWatchBookmarks=false`, (ev) => {
      const o = ev.object as { metadata?: { name?: string }; spec?: { nodeName?: string } };
      if (o.spec?.nodeName && o.metadata?.name) initBound.add(o.metadata.name);
    });
    await iw.ready;
    let next = 0;
    let made = 0;
    try {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = next++; i < initPods && Date.now() < deadline; i = next++) {
            await c.ok("POST", `/api/v1/namespaces/${INIT_NS}/pods`, initPod(i));
            made++;
          }
        }),
      );
    } catch (e) {
      initError = `init create failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (!initError && !(made === initPods && (await until(() => initBound.size >= initPods, deadline, 50)))) initError = `deadline passed in the init phase with ${made} created and ${initBound.size} bound of ${initPods} init pods`;
    iw.stop();
    initSeconds = (performance.now() - ti) / 1000;
    process.stderr.write(`    ${initBound.size} init pods bound in ${round(initSeconds, 1)} s\n`);
  }

  const created = new Float64Array(pods).fill(NaN);
  const bound = new Float64Array(pods).fill(NaN);
  const running = new Float64Array(pods).fill(NaN);
  const seen = new Float64Array(pods).fill(NaN);
  let nSeen = 0;
  let nBound = 0;
  let nRunning = 0;
  let nCreated = 0;
  const rv = (JSON.parse(await c.ok("GET", `/api/v1/namespaces/${NS}/pods?limit=1`)) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  const w = c.watch(`/api/v1/namespaces/${NS}/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=false`, (ev) => {
    const o = ev.object as { metadata?: { name?: string }; spec?: { nodeName?: string }; status?: { phase?: string } };
    const i = Number(o.metadata?.name?.slice(4));
    if (!(i >= 0 && i < pods)) return;
    const now = performance.now();
    if (Number.isNaN(seen[i]!)) {
      seen[i] = now;
      nSeen++;
    }
    if (o.spec?.nodeName && Number.isNaN(bound[i]!)) {
      bound[i] = now;
      nBound++;
    }
    if (o.status?.phase === "Running" && Number.isNaN(running[i]!)) {
      running[i] = now;
      nRunning++;
    }
  });
  await w.ready;

  // Every store write of the measured phase, by resource (/registry/<group>/<plural>/...).
  const writes = new Map<string, number>();
  const storeWatch = store.watch("/registry/", { fromRevision: store.currentRevision() }, (evs) => {
    for (const e of evs) {
      const parts = e.entry.key.split("/");
      const res = `${parts[3] ?? "?"}${parts[2] && parts[2] !== "core" ? `.${parts[2]}` : ""}`;
      writes.set(res, (writes.get(res) ?? 0) + 1);
    }
  });
  // Per-second samples of pods bound, from the first create.
  const cpu0 = process.cpuUsage();
  const placement0 = placementStats && { ...placementStats };
  const start = performance.now();
  const samples = new ThroughputSampler();
  // Every 30 s (wall clock): created, bound and Running so far, the heap, and the longest gap between
  // 1 s ticks since the last point (event-loop stalls), to see whether the rate holds as pods pile up.
  const progress: Progress[] = [];
  let lastTick = start;
  let maxTickGap = 0;
  let nextProgress = 30_000;
  // API only: pods seen on the watch instead (the ceiling for "bound", which is seen on the same watch).
  const counted = () => (apiOnly ? nSeen : nBound);
  const sampler = setInterval(() => {
    const now = performance.now();
    samples.tick(counted(), now);
    maxTickGap = Math.max(maxTickGap, now - lastTick);
    lastTick = now;
    if (now - start >= nextProgress) {
      nextProgress = (Math.floor((now - start) / 30_000) + 1) * 30_000;
      progress.push({ s: Math.round((now - start) / 1000), created: nCreated, bound: nBound, running: nRunning, heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20), maxTickGapMs: Math.round(maxTickGap) });
      maxTickGap = 0;
    }
  }, 1000);
  let error: string | undefined = initError;
  const create = async (i: number) => {
    created[i] = performance.now();
    await c.ok("POST", `/api/v1/namespaces/${NS}/pods`, measuredPod(i));
    nCreated++;
  };
  try {
    if (error) {
      // The init phase did not finish: nothing is measured.
    } else if (rate > 0) {
      // Open loop: pod i is due at start + i/rate, whether or not earlier creates returned.
      const inflight: Promise<void>[] = [];
      for (let i = 0; i < pods && Date.now() < deadline; i++) {
        const due = start + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        inflight.push(create(i));
      }
      await Promise.all(inflight);
    } else {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          // Past the deadline creation stops too: the row then records how far it got.
          for (let i = next++; i < pods && Date.now() < deadline; i = next++) await create(i);
        }),
      );
    }
  } catch (e) {
    error = `create failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  const createdSeconds = (performance.now() - start) / 1000;
  process.stderr.write(`    ${nCreated} pods created in ${round(createdSeconds, 1)} s\n`);
  const want = (n: () => number) => until(() => n() >= nCreated, deadline, 50);
  const completed = !error && (apiOnly ? await want(() => nSeen) : (await want(() => nBound)) && (await want(() => nRunning)));
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  let placement: Row["placement"];
  if (placementStats && placement0) {
    const d = Object.fromEntries(Object.entries(placementStats).map(([k, v]) => [k, v - placement0[k as keyof PlacementStats]])) as unknown as PlacementStats;
    placement = { ...d, decidesPerPlaced: round(d.decides / Math.max(d.placed, 1), 2), offeredNodesPerDecide: round(d.offeredNodes / Math.max(d.decides, 1), 0) };
  }
  storeWatch.stop();
  const totalWrites = [...writes.values()].reduce((a, b) => a + b, 0);
  let end = start;
  for (const t of apiOnly ? seen : bound) if (t > end) end = t;
  const seconds = (end - start) / 1000;
  const lat = (to: Float64Array) => summarize(Array.from(to, (t, i) => t - created[i]!).filter((x) => !Number.isNaN(x)));
  sampleMem();
  w.stop();
  c.close();
  clearInterval(memTimer);
  const row: Row = {
    label: values.label!,
    variant: variantName,
    nodes,
    ...(initPods > 0 ? { initPods, initSeconds: round(initSeconds, 1) } : {}),
    pods,
    mode: rate > 0 ? `open loop ${rate}/s` : `closed loop x${concurrency}`,
    completed,
    created: nCreated,
    bound: nBound,
    running: nRunning,
    clusterStartSeconds: round(clusterStartSeconds, 1),
    seconds: round(seconds, 2),
    createdPerSecond: round(nCreated / createdSeconds, 0),
    boundPerSecond: { average: round(counted() / Math.max(seconds, 1e-3), 0), ...samples.summary() },
    createToBoundMs: lat(apiOnly ? seen : bound),
    createToRunningMs: lat(running),
    peakRssMiB: round(peakRss / 2 ** 20, 0),
    peakHeapMiB: round(peakHeap / 2 ** 20, 0),
    cpuSeconds: round(cpuSeconds, 1),
    boundPerCpuSecond: round(counted() / Math.max(cpuSeconds, 1e-3), 0),
    writesPerPod: round(totalWrites / Math.max(nCreated, 1), 1),
    writesByResource: Object.fromEntries([...writes].sort((a, b) => b[1] - a[1])),
    progress,
    ...(placement ? { placement } : {}),
    ...(error ? { error } : !completed ? { error: `deadline passed with ${nBound} bound and ${nRunning} running of ${nCreated}` } : {}),
  };
  await stopCluster();
  await api.close();
  await store.close();
  return row;
}

/** Runs one row in a child process (its own heap), returning the row it prints. */
function child(args: string[]): Promise<Row> {
  return new Promise((resolveRow, reject) => {
    // Named after the row (e.g. TopologySpreading.<time>.cpuprofile), so each row's profile can be found.
    const label = (args[args.lastIndexOf("--label") + 1] ?? "row").replace(/[^A-Za-z0-9-]+/g, "_");
    const prof = values["profile-dir"] ? ["--cpu-prof", `--cpu-prof-dir=${values["profile-dir"]}`, `--cpu-prof-name=${label}.${Date.now()}.cpuprofile`] : [];
    const p = spawn(process.execPath, ["--max-old-space-size=6144", ...prof, import.meta.filename, "--run", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.on("error", reject);
    p.on("exit", (code, signal) => {
      const line = out.trim().split("\n").pop() ?? "";
      try {
        resolveRow(JSON.parse(line) as Row);
      } catch {
        reject(new Error(`scheduling-e2e child ${args.join(" ")} exited ${code ?? signal} without a result${out ? `: ${out.slice(-500)}` : ""}`));
      }
    });
  });
}

function markdown(meta: Record<string, unknown>, rows: readonly Row[]): string {
  return [
    `# End-to-end scheduling benchmark: SchedulingBasic${rows.some((r) => r.variant && VARIANTS[r.variant]) ? " and variants" : ""} (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}.`,
    "One process per row holds the API server (memory store, real HTTP), master, Kubernetes framework and N simulated agents (4 cpu / 32 GiB / 110 pods); pods of 100m / 500Mi are created over HTTP and watched over HTTP.",
    "The machine is shared (load from other work): CPU s is this process's user+system CPU in the measured phase, and bound per CPU s the steadier figure across runs.",
    "bound/s: pods bound per second seen on the watch, the average over the run and percentiles of per-second samples. create->Running: from sending the create to seeing phase Running.",
    "Baselines measured in the same run: `reference` (a tenth of the scale) and `api-ceiling` (the API alone, no framework or agents; its bound/s and create->bound columns are pods *seen* on the watch, the ceiling for any bound figure).",
    "For comparison only (not measured here): kube-scheduler's published SchedulingBasic at 5,000 nodes is ~270 pods/s (CI gate) to ~690 pods/s.",
    ...(rows.some((r) => r.variant && VARIANTS[r.variant])
      ? [
          "Variant rows (scheduler_perf's test cases, upstream pod templates): `init` pods are created and bound first, not measured; the figures are of the measured pods. SchedulingBasic-init is the same two phases with the default pod: their same-run baseline. Target (issue 7): >= 500 pods/s with anti-affinity or topology spread.",
          ...rows.filter((r) => r.variant && VARIANTS[r.variant]).map((r) => `- ${r.label}: upstream ${VARIANTS[r.variant!]!.upstream}${VARIANTS[r.variant!]!.zones ? `; node zones ${VARIANTS[r.variant!]!.zones!.join(", ")}` : ""}`),
        ]
      : []),
    "",
    "| row | nodes | init pods (s) | pods | mode | done | bound/s avg | p50 | p90 | p99 | created/s | create->bound p50 ms | p99 ms | create->Running p50 ms | p99 ms | cluster start s | CPU s | bound per CPU s | store writes per pod | peak RSS MiB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.nodes} | ${r.initPods ? `${r.initPods} (${r.initSeconds} s)` : "-"} | ${r.pods} | ${r.mode} | ${r.completed ? "yes" : `no: ${r.error ?? ""}`} | ${r.boundPerSecond.average} | ${r.boundPerSecond.p50} | ${r.boundPerSecond.p90} | ${r.boundPerSecond.p99} | ${r.createdPerSecond} | ${r.createToBoundMs.p50} | ${r.createToBoundMs.p99} | ${r.createToRunningMs.p50} | ${r.createToRunningMs.p99} | ${r.clusterStartSeconds} | ${r.cpuSeconds} | ${r.boundPerCpuSecond} | ${r.writesPerPod} | ${r.peakRssMiB} |`,
    ),
    "",
    "Store writes in the measured phase, by resource:",
    "",
    ...rows.map((r) => `- ${r.label}: ${Object.entries(r.writesByResource ?? {}).map(([k, v]) => `${k} ${v}`).join(", ")}`),
    "",
    "Progress every 30 s (seconds since the first create: created / bound / Running; heap used; the longest gap between 1 s ticks since the point before):",
    "",
    ...rows.map((r) => `- ${r.label}: ${(r.progress ?? []).map((p) => `${p.s} s ${p.created} / ${p.bound} / ${p.running}${p.heapMiB !== undefined ? ` (${p.heapMiB} MiB, ${p.maxTickGapMs} ms)` : ""}`).join("; ") || "-"}`),
    "",
    "Placement in the measured phase (decide calls per pod placed; offered nodes per call, which its cost follows; calls with a kube-scheduler-length walk):",
    "",
    ...rows.filter((r) => r.placement).map((r) => `- ${r.label}: ${r.placement!.decides} decides, ${r.placement!.decidesPerPlaced} per placed pod, ${r.placement!.offeredNodesPerDecide} offered nodes per decide, ${r.placement!.fullWalks} full walks`),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  if (values.run) {
    const row = await runOne();
    process.stdout.write(JSON.stringify(row) + "\n");
    process.exit(0);
  }
  const nodes = Number(values.nodes ?? (values.quick ? 500 : 5000));
  const pods = Number(values.pods ?? (values.quick ? 5000 : 150_000));
  // Per row; a row past it records how far it got. Full scale today reaches its deadline (docs/performance.md).
  const timeout = values["timeout-seconds"] ?? (values.quick ? "300" : "900");
  const meta = { ...runMeta(), quick: values.quick };
  const common = ["--concurrency", values.concurrency!, "--timeout-seconds", timeout, "--running-delay", values["running-delay"]!];
  const plan: [string, string[]][] = [
    ["reference", ["--label", "reference", "--nodes", String(Math.max(1, Math.round(nodes / 10))), "--pods", String(Math.round(pods / 10))]],
    ["api-ceiling", ["--label", "api-ceiling", "--api-only", "--nodes", "0", "--pods", String(Math.min(pods, 20_000))]],
    ["SchedulingBasic", ["--label", "SchedulingBasic", "--nodes", String(nodes), "--pods", String(pods)]],
    ["paced 500/s", ["--label", "paced 500/s", "--nodes", String(nodes), "--pods", String(Math.min(pods, 10_000)), "--rate", "500"]],
    // scheduler_perf's variants at the same nodes, their pods sized from the nodes (VARIANTS).
    ...Object.entries(VARIANTS).map(([name, v]): [string, string[]] => [name, ["--label", name, "--variant", name, "--nodes", String(nodes), "--init-pods", String(v.initPods(nodes)), "--pods", String(v.measuredPods(nodes))]]),
  ];
  const rows: Row[] = [];
  // "variants" stands for the variant rows and their baseline.
  const only = values.only?.split(",").flatMap((x) => (x.trim() === "variants" ? Object.keys(VARIANTS) : [x.trim()]));
  for (const [name, args] of plan.filter(([n]) => !only || only.includes(n))) {
    process.stderr.write(`  ${name}: ${args.join(" ")}\n`);
    try {
      const r = await child([...common, ...args]);
      rows.push(r);
      process.stderr.write(`  ${name}: ${r.boundPerSecond.average} bound/s (p50 ${r.boundPerSecond.p50}), create->Running p99 ${r.createToRunningMs.p99} ms, peak RSS ${r.peakRssMiB} MiB${r.completed ? "" : ` (${r.error})`}\n`);
    } catch (e) {
      process.stderr.write(`  ${name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
  writeResults("scheduling-e2e", meta, rows, markdown(meta, rows));
}

main().catch((e: unknown) => {
  process.stderr.write(`scheduling-e2e: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
