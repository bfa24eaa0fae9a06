/**
 * Helpers of the Job controller (pkg/controller/job): completion indexes and their
 * interval strings, the pod failure backoff and the job conditions.
 */
import type { KubeObject } from "../types.js";
import { meta, rfc3339, timeOf, type Condition, type Pod } from "./util/objects.js";

export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
export const JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
export const COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";

export interface JobStatus {
  conditions?: Condition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  ready?: number;
  completedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  [k: string]: unknown;
}

export interface Job extends KubeObject {
  spec?: {
    parallelism?: number;
    completions?: number | null;
    activeDeadlineSeconds?: number;
    backoffLimit?: number;
    completionMode?: string;
    suspend?: boolean;
    podReplacementPolicy?: string;
    ttlSecondsAfterFinished?: number;
    selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
    template?: { metadata?: Record<string, unknown> & { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] }; spec?: Record<string, unknown> };
    [k: string]: unknown;
  };
  status?: JobStatus;
}

export function hasTrackingFinalizer(p: Pod): boolean {
  return (meta(p).finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** The completion index a pod's annotation names (-1 when absent or invalid). */
export function completionIndex(p: Pod): number {
  const v = meta(p).annotations?.[JOB_COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : -1;
}

/** parseIndexesFromString: "1,3-5" to a sorted set. */
export function parseIndexes(s: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? "").split(",")) {
    if (!part) continue;
    const [a, b] = part.split("-");
    const lo = Number(a);
    const hi = b === undefined ? lo : Number(b);
    if (!Number.isInteger(lo) || !Number.isInteger(hi)) continue;
    for (let i = lo; i <= hi && i < completions; i++) out.add(i);
  }
  return out;
}

/** orderedIntervals.String: sorted indexes as "0-2,4". */
export function formatIndexes(set: Set<number>): string {
  const xs = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j]! + 1) j++;
    parts.push(i === j ? String(xs[i]) : `${xs[i]}-${xs[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) being deleted before succeeding. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (job.spec?.podReplacementPolicy === "Failed") return p.status?.phase === "Failed";
  if (p.status?.phase === "Failed") return true;
  return !!meta(p).deletionTimestamp && p.status?.phase !== "Succeeded";
}

/** getFinishedTime: the last container's finishedAt, else the deletion timestamp, else now. */
export function finishedTime(p: Pod, now: number): number {
  let t = NaN;
  const statuses = (p.status?.containerStatuses ?? []) as { state?: { terminated?: { finishedAt?: string } } }[];
  for (const c of statuses) {
    const f = timeOf(c.state?.terminated?.finishedAt);
    if (!Number.isNaN(f) && (Number.isNaN(t) || f > t)) t = f;
  }
  if (Number.isNaN(t)) t = timeOf(meta(p).deletionTimestamp);
  return Number.isNaN(t) ? now : t;
}

/** getRemainingTimeForFailuresCount: base doubled per consecutive failure, capped. */
export function backoffRemaining(failures: number, lastFailure: number | undefined, now: number, baseMs: number, maxMs: number): number {
  if (!failures || lastFailure === undefined) return 0;
  let d = baseMs;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= maxMs) {
      d = maxMs;
      break;
    }
  }
  const elapsed = now - lastFailure;
  return d < elapsed ? 0 : d - elapsed;
}

export function findCondition(s: JobStatus | undefined, type: string): Condition | undefined {
  return s?.conditions?.find((c) => c.type === type);
}

export function isConditionTrue(s: JobStatus | undefined, type: string): boolean {
  return findCondition(s, type)?.status === "True";
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(j: Job): boolean {
  return isConditionTrue(j.status, "Complete") || isConditionTrue(j.status, "Failed");
}

/** When the job finished (the time of its terminal condition). */
export function jobFinishTime(j: Job): number | undefined {
  for (const c of j.status?.conditions ?? []) if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") {
    const t = timeOf(c.lastTransitionTime);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

export function newCondition(type: string, status: Condition["status"], reason: string, message: string, now: Date): Condition {
  return { type, status, lastProbeTime: rfc3339(now), lastTransitionTime: rfc3339(now), reason, message };
}

/** ensureJobConditionStatus: add or update a condition; true when it changed. */
export function ensureCondition(s: JobStatus, type: string, status: Condition["status"], reason: string, message: string, now: Date): boolean {
  const conds = (s.conditions ??= []);
  const c = conds.find((x) => x.type === type);
  if (!c) {
    if (status === "False") return false; // a False condition is not added when absent
    conds.push(newCondition(type, status, reason, message, now));
    return true;
  }
  if (c.status === status && c.reason === reason && c.message === message) return false;
  if (c.status !== status) c.lastTransitionTime = rfc3339(now);
  c.status = status;
  c.reason = reason;
  c.message = message;
  c.lastProbeTime = rfc3339(now);
  return true;
}
