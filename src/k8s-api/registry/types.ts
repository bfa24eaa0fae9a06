/**
 * How a resource is described to the generic REST store: its identity (ResourceInfo)
 * and its behaviour (Strategy). Adding a resource means one strategy and one table entry.
 */
import type { StatusCause } from "../errors.js";
import type { KubeObject } from "../types.js";

export type Verb = "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection";

export const ALL_VERBS: readonly Verb[] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** Subresources the generic store can serve. */
export type SubresourceName = "status" | "scale" | "binding" | "eviction" | "log" | "exec" | "attach" | "portforward" | "proxy" | "finalize" | "approval" | "ephemeralcontainers";

export interface ResourceInfo {
  /** "" for the core (legacy) group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly listKind: string;
  /** Resource name in URLs: "pods". */
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly Verb[];
  readonly subresources: readonly SubresourceName[];
  /** The @kubernetes/client-node model class name: "V1Pod", "V1Deployment". */
  readonly model: string;
  /** Behaviour of the main resource. */
  readonly strategy: Strategy;
  /**
   * Set when the objects live in another resource's storage, seen through a conversion
   * (events.k8s.io/v1 Event is stored as core/v1 Event, as in kube-apiserver).
   */
  readonly storedAs?: StoredAs;
  /** DELETE answers with the deleted object instead of a Success Status (pods, namespaces). */
  readonly returnDeletedObject: boolean;
}

export interface StoredAs {
  readonly group: string;
  readonly plural: string;
  /** This resource's representation -> the stored resource's. */
  toStored(obj: KubeObject): KubeObject;
  /** The stored resource's representation -> this resource's. */
  fromStored(obj: KubeObject): KubeObject;
}

/** group/version string as it appears in apiVersion: "v1", "apps/v1". */
export function apiVersionOf(r: Pick<ResourceInfo, "group" | "version">): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/**
 * Per-resource behaviour, the way kube-apiserver's rest.RESTCreateStrategy /
 * RESTUpdateStrategy are. A strategy is a stateless value: every hook is optional and
 * receives the object to change in place.
 */
export interface Strategy<T extends KubeObject = KubeObject> {
  /** Called before validation on create: clear status, set generation, defaults that depend on nothing else. */
  prepareForCreate?(obj: T): void;
  /** Called before validation on update: e.g. keep the old status on a spec write, bump generation when spec changed. */
  prepareForUpdate?(obj: T, old: T): void;
  /** Defaulting as the API server's defaulters do (e.g. Deployment strategy, pod restartPolicy). Runs on create and update, before prepare*. */
  applyDefaults?(obj: T): void;
  /** Field errors for a new object (metadata.name format included). */
  validate?(obj: T): StatusCause[];
  /** Field errors for an update (immutability included); validate() is also run on the new object. */
  validateUpdate?(obj: T, old: T): StatusCause[];
  /** Warning headers to return on create/update. */
  warnings?(obj: T, old?: T): string[];
  /** Whether PUT to a missing name creates it (true for e.g. leases? kube: false for most). */
  readonly allowCreateOnUpdate?: boolean;
  /** Whether an update without metadata.resourceVersion is accepted (last-writer-wins). */
  readonly allowUnconditionalUpdate?: boolean;
  /** Validate the name alone (default: DNS-1123 subdomain). Returns messages, empty when valid. */
  validateName?(name: string): string[];
  /**
   * Grace period for a delete request (seconds; 0 = delete now), as CheckGracefulDeleteStrategy:
   * pods use the requested value or spec.terminationGracePeriodSeconds unless unscheduled or finished.
   * Absent: every delete is immediate (unless finalizers hold it).
   */
  deletionGracePeriod?(obj: T, requested: number | undefined): number;
  /** Whether an update that leaves a deleted object without finalizers removes it (namespaces: only once spec.finalizers is empty too). Absent: yes. */
  shouldDeleteDuringUpdate?(obj: T): boolean;
}

/** Behaviour of a subresource that writes part of the object (status, scale...). */
export interface SubresourceStrategy<T extends KubeObject = KubeObject> {
  /**
   * The object to store: what this subresource may change from `incoming`, the rest from
   * `old`. `incoming` is the store's own copy and may be modified and returned; `old` is the
   * stored object, read-only: what is taken from it must be copied.
   */
  merge(incoming: T, old: T): T;
  validate?(obj: T, old: T): StatusCause[];
  /**
   * Set when upstream validates a write through this subresource by what it may change (the
   * pod status strategy's ValidatePodStatusUpdate, the binding) instead of as an update of
   * the whole object: run in place of the resource strategy's validate and validateUpdate
   * (metadata is validated all the same). It must report what those would find in the
   * parts this subresource may change, in their order.
   */
  validateResource?(obj: T, old: T): StatusCause[];
}
