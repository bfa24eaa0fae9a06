/**
 * Deployment helpers of pkg/controller/deployment/util (deployment_util.go): revision
 * and replica annotations, surge and unavailability fenceposts, proportional scaling
 * shares, conditions, and finding the new and old ReplicaSets.
 */
import type { KubeObject } from "../types.js";
import type { ReplicaSetLike } from "./replicaset.js";
import { specReplicas } from "./replicaset.js";
import { clone, meta, mutableMeta, rfc3339, semanticEqual, timeOf, type Condition, type LabelSelector, type PodTemplateSpec } from "./util/objects.js";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
/** apps.DefaultDeploymentUniqueLabelKey */
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
/** apps.DeprecatedRollbackTo */
const DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";
/** Longest deployment.kubernetes.io/revision-history value (maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
const MAX_INT32 = 2147483647;

// Condition reasons.
export const REPLICA_SET_UPDATED_REASON = "ReplicaSetUpdated";
export const FAILED_RS_CREATE_REASON = "ReplicaSetCreateError";
export const NEW_REPLICA_SET_REASON = "NewReplicaSetCreated";
export const FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
export const NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
export const TIMED_OUT_REASON = "ProgressDeadlineExceeded";
export const PAUSED_DEPLOY_REASON = "DeploymentPaused";
export const RESUMED_DEPLOY_REASON = "DeploymentResumed";
export const MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
export const MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

export type IntOrString = number | string;

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  terminatingReplicas?: number;
  conditions?: Condition[];
  collisionCount?: number;
  [k: string]: unknown;
}

export interface Deployment extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    paused?: boolean;
    progressDeadlineSeconds?: number;
    [k: string]: unknown;
  };
  status?: DeploymentStatus;
}

/** The strategy type with its apps/v1 default. */
export function strategyType(d: Deployment): string {
  return d.spec?.strategy?.type ?? "RollingUpdate";
}

export function isRollingUpdate(d: Deployment): boolean {
  return strategyType(d) === "RollingUpdate";
}

/** progressDeadlineSeconds with its apps/v1 default (600). */
export function progressDeadlineSeconds(d: Deployment): number {
  return d.spec?.progressDeadlineSeconds ?? 600;
}

/** revisionHistoryLimit with its apps/v1 default (10). */
export function revisionHistoryLimit(d: Deployment): number {
  return d.spec?.revisionHistoryLimit ?? 10;
}

export function hasProgressDeadline(d: Deployment): boolean {
  return progressDeadlineSeconds(d) !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  return revisionHistoryLimit(d) !== MAX_INT32;
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer, or a percentage of total rounded
 * up or down. Throws on a string that is not a percentage.
 */
export function valueFromIntOrPercent(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) {
    if (/^-?\d+$/.test(v)) return Number(v);
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const pct = Number(m[1]);
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** ResolveFenceposts: maxSurge rounded up, maxUnavailable rounded down; both zero means one unavailable. */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = valueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = valueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function rollingParams(d: Deployment) {
  const ru = d.spec?.strategy?.rollingUpdate;
  // apps/v1 defaults: 25% each.
  return { maxSurge: ru?.maxSurge ?? "25%", maxUnavailable: ru?.maxUnavailable ?? "25%" };
}

export function maxUnavailable(d: Deployment): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const p = rollingParams(d);
  const { unavailable } = resolveFenceposts(p.maxSurge, p.maxUnavailable, replicas);
  return Math.min(unavailable, replicas);
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const p = rollingParams(d);
  return resolveFenceposts(p.maxSurge, p.maxUnavailable, specReplicas(d)).surge;
}

export function revisionOf(o: KubeObject): number {
  const v = meta(o).annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : NaN;
}

export function maxRevision(rss: readonly ReplicaSetLike[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

/** copyDeploymentAnnotationsToReplicaSet: everything but the skipped keys; true when something changed. */
function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSetLike): boolean {
  const ann = (mutableMeta(rs).annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(meta(d).annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations */
export function setReplicasAnnotations(rs: ReplicaSetLike, desired: number, max: number): boolean {
  const ann = (mutableMeta(rs).annotations ??= {});
  let changed = false;
  if (ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    ann[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (ann[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    ann[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSetLike, desired: number, max: number): boolean {
  const ann = meta(rs).annotations;
  if (!ann) return true;
  return ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || ann[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copy the deployment's annotations, raise the revision
 * (keeping the old one in revision-history when this is a rollback to it), and set the
 * replica annotations of a ReplicaSet about to be created. True when changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSetLike, newRevision: string, exists: boolean, revHistoryLimitInChars: number): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const ann = (mutableMeta(rs).annotations ??= {});
  const oldRevision = ann[REVISION_ANNOTATION];
  const hadRevision = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (oldRevision !== undefined && oldRevision !== "") {
    const n = Number(oldRevision);
    if (!Number.isInteger(n)) return false;
    oldRevisionInt = n;
  }
  const newRevisionInt = Number(newRevision);
  if (!Number.isInteger(newRevisionInt)) return false;
  if (oldRevisionInt < newRevisionInt) {
    ann[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (hadRevision && oldRevisionInt < newRevisionInt) {
    const history = ann[REVISION_HISTORY_ANNOTATION] ?? "";
    const old = history.split(",");
    if (!old[0]) ann[REVISION_HISTORY_ANNOTATION] = oldRevision ?? "";
    else {
      let totalLen = history.length + (oldRevision ?? "").length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < old.length) {
        totalLen -= (old[start] ?? "").length + 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) ann[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision ?? ""].join(",");
    }
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentRevision: true when the deployment's revision annotation changes. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const ann = (mutableMeta(d).annotations ??= {});
  if (ann[REVISION_ANNOTATION] === revision) return false;
  ann[REVISION_ANNOTATION] = revision;
  return true;
}

/** EqualIgnoreHash: the templates are semantically equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const c = clone(t ?? {});
    if (c.metadata?.labels) delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    return c;
  };
  return semanticEqual(strip(a), strip(b));
}

/** controller.ReplicaSetsByCreationTimestamp (ties by name). */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = timeOf(meta(a).creationTimestamp);
  const tb = timeOf(meta(b).creationTimestamp);
  if (ta !== tb && !(Number.isNaN(ta) && Number.isNaN(tb))) return (Number.isNaN(ta) ? 0 : ta) - (Number.isNaN(tb) ? 0 : tb);
  return (meta(a).name ?? "") < (meta(b).name ?? "") ? -1 : (meta(a).name ?? "") > (meta(b).name ?? "") ? 1 : 0;
}

/** ReplicaSetsByRevision (ties by creation time). */
export function byRevision(a: ReplicaSetLike, b: ReplicaSetLike): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === rb || Number.isNaN(ra) || Number.isNaN(rb)) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** ReplicaSetsBySizeNewer: larger first, newer first among equals. */
export function bySizeNewer(a: ReplicaSetLike, b: ReplicaSetLike): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(b, a);
  return specReplicas(b) - specReplicas(a);
}

/** ReplicaSetsBySizeOlder: larger first, older first among equals. */
export function bySizeOlder(a: ReplicaSetLike, b: ReplicaSetLike): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(a, b);
  return specReplicas(b) - specReplicas(a);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template matches the deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSetLike[]): ReplicaSetLike | undefined {
  return [...rss].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: (those with replicas, all of them) other than the new one. */
export function findOldReplicaSets(d: Deployment, rss: readonly ReplicaSetLike[]): { required: ReplicaSetLike[]; all: ReplicaSetLike[] } {
  const newRS = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => !newRS || meta(rs).uid !== meta(newRS).uid);
  return { required: all.filter((rs) => specReplicas(rs) !== 0), all };
}

/** controller.FilterActiveReplicaSets: those with spec.replicas > 0. */
export function filterActive(rss: readonly (ReplicaSetLike | undefined)[]): ReplicaSetLike[] {
  return rss.filter((rs): rs is ReplicaSetLike => !!rs && specReplicas(rs) > 0);
}

export function replicaCount(rss: readonly (ReplicaSetLike | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

export function actualReplicaCount(rss: readonly (ReplicaSetLike | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function readyReplicaCount(rss: readonly (ReplicaSetLike | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function availableReplicaCount(rss: readonly (ReplicaSetLike | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: ReplicaSetLike | undefined, oldRSs: ReplicaSetLike[]): ReplicaSetLike | undefined {
  if (!newRS && !oldRSs.length) return undefined;
  const sorted = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...sorted, newRS]);
  if (active.length === 0) return newRS ?? sorted[0];
  if (active.length === 1) return active[0];
  return undefined;
}

function intAnnotation(rs: ReplicaSetLike, key: string): number | undefined {
  const v = meta(rs).annotations?.[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

export function desiredReplicasAnnotation(rs: ReplicaSetLike): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** IsSaturated: the new ReplicaSet has, wants and makes available all the deployment's replicas. */
export function isSaturated(d: Deployment, rs: ReplicaSetLike | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const want = specReplicas(d);
  return specReplicas(rs) === want && desired === want && (rs.status?.availableReplicas ?? 0) === want;
}

/** GetProportion: this ReplicaSet's share of replicas to add (or remove) when scaling proportionally. */
export function getProportion(rs: ReplicaSetLike | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSetLike, d: Deployment): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  // Never zero upstream (no proportional scaling up from zero); guard the division.
  if (annotated === 0) return 0;
  const size = (specReplicas(rs) * deploymentReplicas) / annotated;
  // integer.RoundToInt32: round half away from zero.
  return Math.sign(size) * Math.round(Math.abs(size)) - specReplicas(rs);
}

/** NewRSNewReplicas: how many replicas the new ReplicaSet should have now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSetLike[], newRS: ReplicaSetLike): number {
  switch (strategyType(d)) {
    case "RollingUpdate": {
      const surge = valueFromIntOrPercent(rollingParams(d).maxSurge, specReplicas(d), true);
      const current = replicaCount(allRSs);
      const maxTotal = specReplicas(d) + surge;
      if (current >= maxTotal) return specReplicas(newRS);
      const up = Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
      return specReplicas(newRS) + up;
    }
    case "Recreate":
      return specReplicas(d);
    default:
      throw new Error(`deployment type ${strategyType(d)} isn't supported`);
  }
}

// ---- conditions ---------------------------------------------------------------------

export function newCondition(type: string, status: Condition["status"], reason: string, message: string, now: Date): Condition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: DeploymentStatus | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition: no-op for the same status and reason; keeps lastTransitionTime for the same status. */
export function setCondition(status: DeploymentStatus, c: Condition): void {
  const cur = getCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  const next = { ...c };
  if (cur && cur.status === c.status && cur.lastTransitionTime !== undefined) next.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (!status.conditions.length) delete status.conditions;
}

/** DeploymentComplete */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const want = specReplicas(d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (meta(d).generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** DeploymentTimedOut: the Progressing condition has not been updated for progressDeadlineSeconds. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, "Progressing");
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = timeOf(c.lastUpdateTime);
  if (Number.isNaN(from)) return false;
  return from + progressDeadlineSeconds(d) * 1000 < now;
}
