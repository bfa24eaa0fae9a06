/**
 * The narrow shapes of the API objects the controllers read and write, as they travel
 * in JSON (timestamps are RFC 3339 strings, not Dates), plus small metadata helpers.
 */
import type { KubeObject } from "../../types.js";
import type { ResourceRef } from "../../client/types.js";
import { ApiClientError } from "../../client/types.js";

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
}

export interface ContainerStatus {
  restartCount?: number;
}

export interface Pod extends KubeObject {
  spec?: { nodeName?: string; terminationGracePeriodSeconds?: number; [k: string]: unknown };
  status?: { phase?: string; conditions?: Condition[]; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; [k: string]: unknown };
}

/** Namespaced object with a JSON-shaped metadata, whatever its kind. */
export type Obj = KubeObject;

/** metadata of obj as JSON (never undefined; not attached when obj has none). */
export function meta(obj: KubeObject | undefined): ObjectMeta {
  return ((obj?.metadata ?? {}) as unknown) as ObjectMeta;
}

/** metadata of obj, created when missing, for writing. */
export function mutableMeta(obj: KubeObject): ObjectMeta {
  if (typeof obj.metadata !== "object" || obj.metadata === null) obj.metadata = {};
  return (obj.metadata as unknown) as ObjectMeta;
}

/** "namespace/name" (or "name"), the key of client-go's MetaNamespaceKeyFunc. */
export function keyOf(obj: KubeObject): string {
  const m = meta(obj);
  return m.namespace ? `${m.namespace}/${m.name ?? ""}` : (m.name ?? "");
}

/** Split a "namespace/name" key. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf("/");
  return i < 0 ? { namespace: "", name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** The ownerReference with controller=true, as metav1.GetControllerOf. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return meta(obj).ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef: the reference a controller puts on what it creates. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  const m = meta(owner);
  return { apiVersion, kind, name: m.name ?? "", uid: m.uid ?? "", controller: true, blockOwnerDeletion: true };
}

/** group/version of an apiVersion string. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf("/");
  return i < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiClientError && e.code === 404;
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiClientError && e.code === 409 && e.reason === "AlreadyExists";
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiClientError && e.code === 409 && e.reason === "Conflict";
}

/**
 * Whether a create failed because its namespace is terminating (upstream checks the
 * NamespaceTerminating status cause). ApiClientError carries no causes, so a 403 on a
 * create into a namespace the caller knows to be terminating is the signal; callers
 * pass that knowledge in.
 */
export function isNamespaceTerminating(e: unknown, namespaceTerminating: boolean): boolean {
  if (!(e instanceof ApiClientError) || e.code !== 403) return false;
  const causes = (e as unknown as { causes?: { reason?: string }[]; details?: { causes?: { reason?: string }[] } });
  const list = causes.causes ?? causes.details?.causes;
  if (list) return list.some((c) => c.reason === "NamespaceTerminating");
  return namespaceTerminating;
}

/** RFC 3339 with second precision, as metav1.Time serializes. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Milliseconds of an RFC 3339 string (NaN when absent or invalid). */
export function timeOf(s: string | undefined | null): number {
  return s ? Date.parse(s) : NaN;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

/**
 * Semantic equality as apimachinery's equality.Semantic.DeepEqual treats JSON: an
 * empty list or map equals an absent one.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return jsonEqual(pruneEmpty(a), pruneEmpty(b));
}

function pruneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(pruneEmpty) : undefined;
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = pruneEmpty(x);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** A ResourceRef from its parts. */
export function ref(group: string, version: string, plural: string): ResourceRef {
  return { group, version, plural };
}

export const PODS = ref("", "v1", "pods");
export const NAMESPACES = ref("", "v1", "namespaces");
export const SERVICE_ACCOUNTS = ref("", "v1", "serviceaccounts");
export const EVENTS = ref("", "v1", "events");
export const REPLICATION_CONTROLLERS = ref("", "v1", "replicationcontrollers");
export const REPLICA_SETS = ref("apps", "v1", "replicasets");
export const DEPLOYMENTS = ref("apps", "v1", "deployments");
