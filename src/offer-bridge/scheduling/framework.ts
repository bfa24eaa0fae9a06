/**
 * The plugin contract: a small subset of kube-scheduler's framework (PreFilter/Filter,
 * PreScore/Score/NormalizeScore), synchronous and allocation-free per node.
 */
import type { NodeInfo } from "./node-info.js";
import type { PodInfo } from "./pod-info.js";
import type { NodeSnapshot } from "./snapshot.js";

export const UNSCHEDULABLE = 2;
export const UNRESOLVABLE = 3; // UnschedulableAndUnresolvable: preemption cannot help
export type Code = typeof UNSCHEDULABLE | typeof UNRESOLVABLE;

/** A rejection: plugin name, code and the reasons shown in the FitError histogram. */
export interface Status {
  readonly plugin: string;
  readonly code: Code;
  readonly reasons: readonly string[];
}

export function status(plugin: string, code: Code, ...reasons: string[]): Status {
  return { plugin, code, reasons };
}

export const MAX_NODE_SCORE = 100;

export type PreFilterOutcome<S> =
  | { readonly skip: true }
  | { readonly skip?: false; readonly state: S; readonly nodeNames?: ReadonlySet<string> }
  | { readonly skip?: false; readonly reject: Status };

export interface FilterPlugin<S = unknown> {
  readonly name: string;
  preFilter(pod: PodInfo, snap: NodeSnapshot): PreFilterOutcome<S>;
  /** null when the node fits; statuses should be preallocated constants where possible. */
  filter(state: S, pod: PodInfo, node: NodeInfo): Status | null;
}

export interface ScorePlugin<S = unknown> {
  readonly name: string;
  readonly weight: number;
  /** undefined = Skip (the plugin scores 0 everywhere). */
  preScore(pod: PodInfo, feasible: readonly NodeInfo[], snap: NodeSnapshot): S | undefined;
  score(state: S, pod: PodInfo, node: NodeInfo): number;
  /** Rewrites scores (aligned with `feasible`) in place into 0..100. */
  normalize?(state: S, feasible: readonly NodeInfo[], scores: number[]): void;
}

/** helper.DefaultNormalizeScore. */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
