/**
 * schedulePod: one scheduling cycle with kube-scheduler's default profile (v1.35):
 * PreFilter, Filter over a round-robin window until numFeasibleNodesToFind nodes fit,
 * PreScore/Score/NormalizeScore with the default weights, then the best node (ties at
 * random). Failure gives FitError's message and reason histogram.
 */
import { fitErrorMessage, preemptionMessage, reasonHistogram, ERR_NO_NODES, type Diagnosis } from "./fit-error.js";
import { status, UNRESOLVABLE, type FilterPlugin, type ScorePlugin, type Status } from "./framework.js";
import type { NodeInfo } from "./node-info.js";
import type { PodInfo } from "./pod-info.js";
import { interPodAffinityFilter, interPodAffinityScore } from "./plugins/inter-pod-affinity.js";
import { nodeAffinityFilter, nodeAffinityScore } from "./plugins/node-affinity.js";
import { nodeName } from "./plugins/node-name.js";
import { nodePorts } from "./plugins/node-ports.js";
import { balancedAllocationScore, nodeResourcesFitFilter, resourceFitScore, type ScoringStrategy } from "./plugins/node-resources.js";
import { nodeUnschedulable } from "./plugins/node-unschedulable.js";
import { taintTolerationFilter, taintTolerationScore } from "./plugins/taint-toleration.js";
import { topologySpreadFilter, topologySpreadScore } from "./plugins/topology-spread.js";
import type { NodeSnapshot } from "./snapshot.js";

/** Filter plugins in the default profile's order (the first rejection is the node's status). */
export const FILTERS: readonly FilterPlugin<any>[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  topologySpreadFilter,
  interPodAffinityFilter,
];

const LEAST_ALLOCATED = resourceFitScore("LeastAllocated");
const MOST_ALLOCATED = resourceFitScore("MostAllocated");

function scorePlugins(strategy: ScoringStrategy): readonly ScorePlugin<any>[] {
  // ImageLocality (weight 1) is left out: agents report no image state.
  return [taintTolerationScore, nodeAffinityScore, strategy === "MostAllocated" ? MOST_ALLOCATED : LEAST_ALLOCATED, topologySpreadScore, interPodAffinityScore, balancedAllocationScore];
}

export interface ScheduleOptions {
  /** 0 or undefined: adaptive (50 - nodes/125 percent, at least 5%). */
  percentageOfNodesToScore?: number;
  /** Breaks score ties; Math.random by default. */
  rng?: () => number;
  /** NodeResourcesFit scoring strategy (LeastAllocated by default). */
  scoringStrategy?: ScoringStrategy;
  /** Append DefaultPreemption's PostFilter message to failures (default true, as upstream). */
  preemptionMessage?: boolean;
  /** One more filter after the default profile's (the offer-bridge's: what the held offers can launch). */
  extraFilter?: (pod: PodInfo, node: NodeInfo) => Status | null;
  /**
   * The only nodes extraFilter can pass, in snapshot order (NodeInfo.index ascending): the
   * offer-bridge's nodes with offers at hand. The Filter walk then visits these alone, with
   * extraFilter first (it is cheap and rejects most), which finds the same feasible nodes in
   * the same round-robin order and moves nextStartNodeIndex as the walk over all nodes would.
   * Only when none is feasible is the walk over all nodes done, in the default profile's
   * order, for the FitError's reasons.
   */
  candidates?: readonly NodeInfo[];
  /**
   * On the walk over all nodes: a status of extraFilter that settles the outcome (the pod
   * waits for offers), so the rest of the walk is skipped; the result is then `stopped`.
   */
  stopOn?: (st: Status) => boolean;
}

export type ScheduleResult =
  | { readonly node: string; readonly feasibleNodes: number; readonly evaluatedNodes: number }
  | { readonly unschedulable: true; readonly message: string; readonly reasons: Map<string, number> }
  | { readonly stopped: Status };

export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** sched.numFeasibleNodesToFind. */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentageOfNodesToScore ?? 0;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

function fail(pod: PodInfo, numAllNodes: number, d: Diagnosis, opts: ScheduleOptions): ScheduleResult {
  const post = opts.preemptionMessage === false ? "" : preemptionMessage(pod, numAllNodes, d);
  return { unschedulable: true, message: fitErrorMessage(numAllNodes, d, post), reasons: reasonHistogram(numAllNodes, d) };
}

export function schedulePod(pod: PodInfo, snap: NodeSnapshot, opts: ScheduleOptions = {}): ScheduleResult {
  const all = snap.nodes;
  const numAll = all.length;
  if (numAll === 0) return { unschedulable: true, message: ERR_NO_NODES, reasons: new Map() };

  // PreFilter.
  const active: FilterPlugin<any>[] = [];
  const states: unknown[] = [];
  let nodeNames: ReadonlySet<string> | undefined;
  const narrowing: string[] = [];
  let softReject: Status | undefined;
  for (const pl of FILTERS) {
    const r = pl.preFilter(pod, snap);
    if (r.skip) continue;
    if ("reject" in r) {
      if (r.reject.code === UNRESOLVABLE) return fail(pod, numAll, { failed: [], absent: r.reject, preFilterMsg: r.reject.reasons.join(", ") }, opts);
      softReject = r.reject;
      continue;
    }
    active.push(pl);
    states.push(r.state);
    if (r.nodeNames) {
      narrowing.push(pl.name);
      nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => r.nodeNames!.has(n))) : r.nodeNames;
      if (nodeNames.size === 0) {
        const msg = narrowing.length === 1 ? `node(s) didn't satisfy plugin ${narrowing[0]}` : `node(s) didn't satisfy plugin(s) [${[...narrowing].sort().join(" ")}] simultaneously`;
        const s = status(pl.name, UNRESOLVABLE, msg);
        return fail(pod, numAll, { failed: [], absent: s, preFilterMsg: msg }, opts);
      }
    }
  }
  if (softReject) return fail(pod, numAll, { failed: [], absent: softReject, preFilterMsg: softReject.reasons.join(", ") }, opts);

  let nodes: readonly NodeInfo[] = all;
  let absent: Status | undefined;
  if (nodeNames) {
    nodes = all.filter((n) => nodeNames!.has(n.name));
    absent = status("", UNRESOLVABLE, `node(s) didn't satisfy plugin(s) [${[...narrowing].sort().join(" ")}]`);
  }

  // Filter: visit nodes from the round-robin start until enough fit.
  const numNodes = nodes.length;
  const toFind = numFeasibleNodesToFind(opts.percentageOfNodesToScore, numNodes);
  const start = snap.nextStartNodeIndex;
  const nActive = active.length;
  const extra = opts.extraFilter;
  const kubeFilters = (node: NodeInfo): Status | null => {
    for (let j = 0; j < nActive; j++) {
      const st = active[j]!.filter(states[j], pod, node);
      if (st) return st;
    }
    return null;
  };
  let feasible: NodeInfo[] = [];
  let evaluatedNodes = 0;
  const cands = opts.candidates;
  const byCandidates = Boolean(cands && extra && !nodeNames);
  if (cands && extra && !nodeNames) {
    // Only candidates can be feasible: walk them from the first at or after `start`, wrapping.
    const c = cands.length;
    let lo = 0;
    let hi = c;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cands[mid]!.index < start) lo = mid + 1;
      else hi = mid;
    }
    let processed = numNodes;
    for (let i = 0; i < c; i++) {
      const node = cands[(lo + i) % c]!;
      if (extra(pod, node) || kubeFilters(node)) continue;
      feasible.push(node);
      if (feasible.length >= toFind) {
        processed = ((node.index - start + numNodes) % numNodes) + 1;
        break;
      }
    }
    if (feasible.length > 0) {
      snap.nextStartNodeIndex = (start + processed) % numAll;
      evaluatedNodes = processed;
    }
  }
  const failed: { node: NodeInfo; status: Status }[] = [];
  if (feasible.length === 0) {
    feasible = [];
    for (let i = 0; i < numNodes && feasible.length < toFind; i++) {
      const node = nodes[(start + i) % numNodes]!;
      let st = kubeFilters(node);
      if (!st && extra) {
        st = extra(pod, node);
        if (st && byCandidates && opts.stopOn?.(st)) {
          // Settled (no feasible node, and this one only lacks offers): as the full walk would leave it.
          snap.nextStartNodeIndex = (start + numNodes) % numAll;
          return { stopped: st };
        }
      }
      if (st) failed.push({ node, status: st });
      else feasible.push(node);
    }
    snap.nextStartNodeIndex = (start + feasible.length + failed.length) % numAll;
    evaluatedNodes = feasible.length + failed.length;
  }

  if (feasible.length === 0) return fail(pod, numAll, { failed, absent }, opts);
  if (feasible.length === 1) return { node: feasible[0]!.name, feasibleNodes: 1, evaluatedNodes };

  // Score.
  const n = feasible.length;
  const total = new Array<number>(n).fill(0);
  const scores = new Array<number>(n);
  for (const pl of scorePlugins(opts.scoringStrategy ?? "LeastAllocated")) {
    const state = pl.preScore(pod, feasible, snap);
    if (state === undefined) continue;
    for (let i = 0; i < n; i++) scores[i] = pl.score(state, pod, feasible[i]!);
    pl.normalize?.(state, feasible, scores);
    for (let i = 0; i < n; i++) total[i]! += scores[i]! * pl.weight;
  }

  // selectHost: highest total, ties broken uniformly at random (reservoir sampling).
  const rng = opts.rng ?? Math.random;
  let best = 0;
  let ties = 1;
  for (let i = 1; i < n; i++) {
    if (total[i]! > total[best]!) {
      best = i;
      ties = 1;
    } else if (total[i] === total[best]) {
      ties++;
      if (rng() * ties < 1) best = i;
    }
  }
  return { node: feasible[best]!.name, feasibleNodes: n, evaluatedNodes };
}

/** Scores of every feasible node (for tests and diagnostics): plugin name -> node -> normalized score. */
export function scoreNodes(pod: PodInfo, snap: NodeSnapshot, feasible: readonly NodeInfo[], strategy: ScoringStrategy = "LeastAllocated"): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const pl of scorePlugins(strategy)) {
    const state = pl.preScore(pod, feasible, snap);
    const scores = feasible.map((node) => (state === undefined ? 0 : pl.score(state, pod, node)));
    if (state !== undefined) pl.normalize?.(state, feasible, scores);
    out.set(pl.name, new Map(feasible.map((node, i) => [node.name, scores[i]!])));
  }
  return out;
}

/** Runs PreFilter and Filter on one node: null when it fits (for tests and diagnostics). */
export function filterNode(pod: PodInfo, snap: NodeSnapshot, node: NodeInfo): Status | null {
  for (const pl of FILTERS) {
    const r = pl.preFilter(pod, snap);
    if (r.skip) continue;
    if ("reject" in r) return r.reject;
    if (r.nodeNames && !r.nodeNames.has(node.name)) return status(pl.name, UNRESOLVABLE, `node(s) didn't satisfy plugin(s) [${pl.name}]`);
    const st = pl.filter(r.state, pod, node);
    if (st) return st;
  }
  return null;
}
