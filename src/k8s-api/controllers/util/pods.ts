/**
 * Pod predicates and the deletion ranking of pkg/controller (controller_utils.go) and
 * pkg/api/v1/pod: which pods are active, ready and available, and which to delete first.
 */
import type { Pod } from "./objects.js";
import { meta, timeOf } from "./objects.js";

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(p: Pod): boolean {
  const phase = p.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !meta(p).deletionTimestamp;
}

function readyCondition(p: Pod) {
  return p.status?.conditions?.find((c) => c.type === "Ready");
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(p: Pod): boolean {
  return readyCondition(p)?.status === "True";
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds <= 0) return true;
  const t = timeOf(readyCondition(p)?.lastTransitionTime);
  return !Number.isNaN(t) && t + minReadySeconds * 1000 < now;
}

/** When the pod last became ready (undefined when unknown). */
function podReadyTime(p: Pod): number | undefined {
  if (!isPodReady(p)) return undefined;
  const t = timeOf(readyCondition(p)?.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

function maxContainerRestarts(p: Pod): number {
  let max = 0;
  for (const c of p.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  for (const c of p.status?.initContainerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** controller.kubernetes.io/pod-deletion-cost (feature PodDeletionCost, on by default). */
function deletionCost(p: Pod): number {
  const v = meta(p).annotations?.["controller.kubernetes.io/pod-deletion-cost"];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : 0;
}

/** afterOrZero: an unknown time sorts first, then the later time first. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** log2 buckets of age in nanoseconds (feature LogarithmicScaleDown, on by default). */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

/**
 * Sort pods so that those to delete first come first (controller.ActivePodsWithRanks):
 * unassigned < assigned; Pending < Unknown < Running; not ready < ready; lower
 * pod-deletion-cost; more related pods on the same node; ready more recently (in
 * log2 buckets); more restarts; created more recently (in log2 buckets).
 */
export function rankPodsForDeletion(pods: Pod[], rank: number[], now: number): Pod[] {
  const idx = pods.map((_, i) => i);
  const less = (i: number, j: number): boolean => {
    const a = pods[i]!;
    const b = pods[j]!;
    const na = a.spec?.nodeName ?? "";
    const nb = b.spec?.nodeName ?? "";
    if (na !== nb && (na === "" || nb === "")) return na === "";
    const pa = phaseOrdinal[a.status?.phase ?? ""] ?? 0;
    const pb = phaseOrdinal[b.status?.phase ?? ""] ?? 0;
    if (pa !== pb) return pa < pb;
    const ra = isPodReady(a);
    const rb = isPodReady(b);
    if (ra !== rb) return !ra;
    const ca = deletionCost(a);
    const cb = deletionCost(b);
    if (ca !== cb) return ca < cb;
    if (rank[i] !== rank[j]) return (rank[i] ?? 0) > (rank[j] ?? 0);
    if (ra && rb) {
      const ta = podReadyTime(a);
      const tb = podReadyTime(b);
      if (ta !== tb) {
        if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
        const d = logarithmicRankDiff(ta, tb, now);
        if (d === 0) return (meta(a).uid ?? "") < (meta(b).uid ?? "");
        return d < 0;
      }
    }
    const xa = maxContainerRestarts(a);
    const xb = maxContainerRestarts(b);
    if (xa !== xb) return xa > xb;
    const cta = timeOf(meta(a).creationTimestamp);
    const ctb = timeOf(meta(b).creationTimestamp);
    const ta = Number.isNaN(cta) ? undefined : cta;
    const tb = Number.isNaN(ctb) ? undefined : ctb;
    if (ta !== tb) {
      if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
      const d = logarithmicRankDiff(ta, tb, now);
      if (d === 0) return (meta(a).uid ?? "") < (meta(b).uid ?? "");
      return d < 0;
    }
    return false;
  };
  idx.sort((i, j) => (less(i, j) ? -1 : less(j, i) ? 1 : 0));
  return idx.map((i) => pods[i]!);
}
