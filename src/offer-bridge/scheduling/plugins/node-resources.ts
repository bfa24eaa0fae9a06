/**
 * NodeResourcesFit (plugins/noderesources/fit.go): the pod's requests must fit in
 * allocatable - requested, and the pod count under allocatable pods. Scoring:
 * LeastAllocated over cpu and memory (weights 1, non-zero requests; plugin weight 1)
 * and NodeResourcesBalancedAllocation (plugin weight 1), or MostAllocated if configured.
 */
import { status, UNRESOLVABLE, UNSCHEDULABLE, MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin, type Status } from "../framework.js";
import type { NodeInfo } from "../node-info.js";
import type { PodInfo } from "../pod-info.js";

const NAME = "NodeResourcesFit";
export const ERR_TOO_MANY_PODS = "Too many pods";
export const insufficient = (resource: string) => `Insufficient ${resource}`;

// Preallocated statuses for the common single-reason rejections.
const STATIC = new Map<string, Status>();
function rejection(reasons: string[], unresolvable: boolean): Status {
  const key = `${unresolvable ? 1 : 0}${reasons.join("\0")}`;
  let s = STATIC.get(key);
  if (!s) {
    s = status(NAME, unresolvable ? UNRESOLVABLE : UNSCHEDULABLE, ...reasons);
    if (STATIC.size < 256) STATIC.set(key, s);
  }
  return s;
}

/** fitsRequest: every insufficient resource is a reason; Unresolvable when the request exceeds allocatable itself. */
export function fitsRequest(pod: PodInfo, node: NodeInfo): Status | null {
  const a = node.allocatable;
  const r = node.requested;
  const p = pod.requests;
  let reasons: string[] | undefined;
  let unresolvable = false;
  if (node.pods.size + 1 > a.pods) (reasons ??= []).push(ERR_TOO_MANY_PODS);
  if (p.milliCPU === 0 && p.memory === 0 && p.ephemeralStorage === 0 && p.scalar.size === 0) return reasons ? rejection(reasons, false) : null;
  if (p.milliCPU > 0 && p.milliCPU > a.milliCPU - r.milliCPU) {
    (reasons ??= []).push("Insufficient cpu");
    if (p.milliCPU > a.milliCPU) unresolvable = true;
  }
  if (p.memory > 0 && p.memory > a.memory - r.memory) {
    (reasons ??= []).push("Insufficient memory");
    if (p.memory > a.memory) unresolvable = true;
  }
  if (p.ephemeralStorage > 0 && p.ephemeralStorage > a.ephemeralStorage - r.ephemeralStorage) {
    (reasons ??= []).push("Insufficient ephemeral-storage");
    if (p.ephemeralStorage > a.ephemeralStorage) unresolvable = true;
  }
  if (p.scalar.size > 0) {
    for (const [name, q] of p.scalar) {
      if (q === 0) continue;
      const alloc = a.scalar.get(name) ?? 0;
      if (q > alloc - (r.scalar.get(name) ?? 0)) {
        (reasons ??= []).push(insufficient(name));
        if (q > alloc) unresolvable = true;
      }
    }
  }
  return reasons ? rejection(reasons, unresolvable) : null;
}

export const nodeResourcesFitFilter: FilterPlugin<null> = {
  name: NAME,
  preFilter: () => ({ state: null }),
  filter: (_s, pod, node) => fitsRequest(pod, node),
};

/** leastRequestedScore. */
function least(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** mostRequestedScore. */
function most(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) requested = capacity;
  return Math.trunc((requested * MAX_NODE_SCORE) / capacity);
}

export type ScoringStrategy = "LeastAllocated" | "MostAllocated";

/** NodeResourcesFit's score over cpu and memory (default resources, weight 1 each). */
export function resourceFitScore(strategy: ScoringStrategy = "LeastAllocated"): ScorePlugin<null> {
  const f = strategy === "LeastAllocated" ? least : most;
  return {
    name: NAME,
    weight: 1,
    preScore: () => null,
    score: (_s, pod, node) => {
      const a = node.allocatable;
      let sum = 0;
      let w = 0;
      if (a.milliCPU !== 0) {
        sum += f(node.nonZeroMilliCPU + pod.nonZeroMilliCPU, a.milliCPU);
        w++;
      }
      if (a.memory !== 0) {
        sum += f(node.nonZeroMemory + pod.nonZeroMemory, a.memory);
        w++;
      }
      return w === 0 ? 0 : Math.trunc(sum / w);
    },
  };
}

/** NodeResourcesBalancedAllocation: 1 - std of the cpu and memory fractions (requested, not non-zero). */
export const balancedAllocationScore: ScorePlugin<null> = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  // Best-effort pods skip this plugin (kubernetes#129138).
  preScore: (pod) => (pod.requests.milliCPU === 0 && pod.requests.memory === 0 ? undefined : null),
  score: (_s, pod, node) => {
    const a = node.allocatable;
    let n = 0;
    let f0 = 0;
    let f1 = 0;
    if (a.milliCPU !== 0) {
      f0 = Math.min(1, (node.requested.milliCPU + pod.requests.milliCPU) / a.milliCPU);
      n++;
    }
    if (a.memory !== 0) {
      const f = Math.min(1, (node.requested.memory + pod.requests.memory) / a.memory);
      if (n === 0) f0 = f;
      else f1 = f;
      n++;
    }
    const std = n === 2 ? Math.abs((f0 - f1) / 2) : 0;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};
