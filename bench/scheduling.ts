/**
 * `node dist/bench/scheduling.js [--quick]`: pods placed per second by the offer-bridge's
 * scheduling core (src/offer-bridge/scheduling), on scheduler_perf's workloads: 5,000
 * nodes of 4 cpu / 32 GiB / 110 pods; pods request 100m / 500Mi and are placed one at a
 * time (schedulePod, then assume) as kube-scheduler's scheduling cycle does.
 *   SchedulingBasic        no constraints
 *   PodAntiAffinity        required anti-affinity to pods of the same group, per hostname
 *   TopologySpreading      DoNotSchedule maxSkew 1 over 3 zones
 *   NodeAffinity           required node affinity to one of 3 zones
 * Only the placement algorithm is timed (no API server, no binding, no offers).
 * quick: 1,000 pods per workload (else 5,000; anti-affinity places at most one per node).
 * Results: bench/results/scheduling-<time>.{json,md} and scheduling-latest.{json,md}.
 */
import { parseArgs } from "node:util";
import type { V1Pod } from "@kubernetes/client-node";
import { NodeSnapshot, podInfoFromPod, schedulePod, type NodeSpec } from "../src/offer-bridge/scheduling/index.js";
import { round, summarize, type LatencySummary } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const NODES = 5000;
const PODS = values.quick ? 1000 : 5000;
const ZONES = 3;

interface Row {
  mode: string;
  readonly workload: string;
  readonly nodes: number;
  readonly pods: number;
  readonly placed: number;
  readonly seconds: number;
  readonly podsPerSecond: number;
  /** Per-pod scheduling latency (schedulePod + assume), ms. */
  readonly latencyMs: LatencySummary;
}

function nodes(): NodeSpec[] {
  return Array.from({ length: NODES }, (_, i) => ({
    name: `node-${i}`,
    labels: { "kubernetes.io/hostname": `node-${i}`, "topology.kubernetes.io/zone": `zone-${i % ZONES}` },
    allocatable: { cpu: "4", memory: "32Gi", pods: "110" },
  }));
}

function basePod(i: number): V1Pod {
  return {
    metadata: { name: `pod-${i}`, namespace: "sched-0", labels: { color: "green" } },
    spec: { containers: [{ name: "c", image: "pause", resources: { requests: { cpu: "100m", memory: "500Mi" } } }] },
  };
}

const WORKLOADS: Record<string, (i: number) => V1Pod> = {
  SchedulingBasic: basePod,
  PodAntiAffinity: (i) => {
    const p = basePod(i);
    p.spec!.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { color: "green" } } }] } };
    return p;
  },
  TopologySpreading: (i) => {
    const p = basePod(i);
    p.spec!.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { color: "green" } } }];
    return p;
  },
  NodeAffinity: (i) => {
    const p = basePod(i);
    p.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["zone-1"] }] }] } } };
    return p;
  },
};

/** mode "sampled": kube-scheduler's adaptive percentageOfNodesToScore; "all nodes": every node filtered and scored (the same-run baseline). */
function measure(workload: string, nPods: number, mode: "sampled" | "all nodes" = "sampled"): Row {
  const make = WORKLOADS[workload]!;
  const snap = new NodeSnapshot(nodes());
  // Pods are parsed up front (the framework does that when they arrive from a watch).
  const pods = Array.from({ length: nPods }, (_, i) => podInfoFromPod(make(i)));
  const lat: number[] = [];
  let placed = 0;
  const t0 = performance.now();
  for (const pod of pods) {
    const t = performance.now();
    const r = schedulePod(pod, snap, mode === "all nodes" ? { percentageOfNodesToScore: 100 } : {});
    if ("node" in r) {
      snap.assume(pod, r.node);
      placed++;
    }
    lat.push(performance.now() - t);
  }
  const seconds = (performance.now() - t0) / 1000;
  const row: Row = { workload, mode, nodes: NODES, pods: nPods, placed, seconds: round(seconds, 3), podsPerSecond: round(nPods / seconds, 0), latencyMs: summarize(lat) };
  process.stderr.write(`  ${workload} (${mode}): ${row.podsPerSecond} pods/s (${placed}/${nPods} placed, p99 ${row.latencyMs.p99} ms)\n`);
  return row;
}

function markdown(meta: Record<string, unknown>, rows: readonly Row[]): string {
  return [
    `# Scheduling benchmark (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}.`,
    `${NODES} nodes (4 cpu / 32 GiB / 110 pods, ${ZONES} zones); pods request 100m / 500Mi; one schedulePod + assume per pod, algorithm only (no API, binding or offers).`,
    "kube-scheduler's published SchedulingBasic figures at 5,000 nodes: ~270 pods/s (CI gate) to ~690 pods/s, end to end.",
    "",
    "The \"all nodes\" rows, measured in the same run, score every feasible node (percentageOfNodesToScore 100) as the baseline for kube-scheduler's sampling.",
    "",
    "| workload | mode | nodes | pods | placed | seconds | pods/s | p50 ms | p99 ms | max ms |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.workload} | ${r.mode} | ${r.nodes} | ${r.pods} | ${r.placed} | ${r.seconds} | ${r.podsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} |`),
    "",
  ].join("\n");
}

function main() {
  const meta = { ...runMeta(), quick: values.quick };
  measure("SchedulingBasic", 300); // JIT warm-up
  const rows = Object.keys(WORKLOADS).flatMap((w) => [measure(w, PODS), measure(w, PODS, "all nodes")]);
  writeResults("scheduling", meta, rows, markdown(meta, rows));
}

main();
