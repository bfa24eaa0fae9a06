/**
 * kube-scheduler's FitError text (framework/types.go FitError.Error) and the message
 * DefaultPreemption's PostFilter appends when it finds no candidate
 * (preemption/preemption.go Preempt; defaultpreemption PodEligibleToPreemptOthers).
 */
import { UNSCHEDULABLE, type Status } from "./framework.js";
import type { NodeInfo } from "./node-info.js";
import type { PodInfo } from "./pod-info.js";

export const ERR_NO_NODES = "no nodes available to schedule pods";
export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";

/** "<count> <reason>" strings, sorted as Go's sort.Strings does. */
export function sortedHistogram(reasons: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [r, n] of reasons) out.push(`${n} ${r}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface Diagnosis {
  /** Nodes rejected by a filter, with the status of the first plugin that rejected them. */
  readonly failed: readonly { node: NodeInfo; status: Status }[];
  /** Status of every node not in `failed` (PreFilter rejection, or nodes a PreFilter excluded). */
  readonly absent?: Status;
  /** Set when a PreFilter rejected the pod outright. */
  readonly preFilterMsg?: string;
}

/** Reason histogram over all nodes, as FitError.Error counts it. */
export function reasonHistogram(numAllNodes: number, d: Diagnosis): Map<string, number> {
  const reasons = new Map<string, number>();
  if (d.preFilterMsg !== undefined) return reasons;
  for (const f of d.failed) for (const r of f.status.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const absent = numAllNodes - d.failed.length;
  if (absent > 0 && d.absent) for (const r of d.absent.reasons) reasons.set(r, (reasons.get(r) ?? 0) + absent);
  return reasons;
}

/** "0/N nodes are available: <PreFilterMsg>. <sorted histogram>. <PostFilterMsg>" */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis, postFilterMsg = ""): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg !== undefined) msg += ` ${d.preFilterMsg}.`;
  else {
    const h = sortedHistogram(reasonHistogram(numAllNodes, d));
    if (h.length > 0) msg += ` ${h.join(", ")}.`;
  }
  if (postFilterMsg !== "") msg += ` ${postFilterMsg}`;
  return msg;
}

/**
 * What DefaultPreemption's PostFilter reports for a pod that cannot preempt anything.
 * berth never evicts pods, so no node is ever a candidate: nodes whose rejection was
 * UnschedulableAndUnresolvable are "not helpful", nodes rejected as Unschedulable get the
 * dry run's "No preemption victims found" when they hold no lower-priority pod, and
 * otherwise count as not helpful (upstream would evict those pods; berth does not).
 */
export function preemptionMessage(pod: PodInfo, numAllNodes: number, d: Diagnosis): string {
  if (pod.preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
  const failed: { node: NodeInfo; status: Status }[] = [];
  const noVictims: Status = { plugin: "DefaultPreemption", code: 3, reasons: [NO_PREEMPTION_VICTIMS] };
  const notHelpful: Status = { plugin: "DefaultPreemption", code: 3, reasons: [PREEMPTION_NOT_HELPFUL] };
  for (const f of d.failed) {
    if (f.status.code !== UNSCHEDULABLE) continue;
    let victims = false;
    for (const p of f.node.pods) if (p.priority < pod.priority) victims = true;
    if (!victims) failed.push({ node: f.node, status: noVictims });
  }
  return "preemption: " + fitErrorMessage(numAllNodes, { failed, absent: notHelpful });
}
