/**
 * Building blocks the strategies share: status handling, generation bumps, subresource
 * merges, as k8s.io/apiserver's rest strategies and metav1.ResetObjectMetaForStatus do.
 */
import type { KubeObject } from "../../types.js";
import type { StatusCause } from "../../errors.js";
import type { SubresourceStrategy } from "../types.js";
import { semanticEqual } from "../../validation/common.js";

/** A plain JSON object. */
export type Obj = Record<string, unknown>;

/** A client-node model as the store sees it: also a KubeObject. */
export type Typed<T> = T & KubeObject;

/** The object's metadata, created when missing. */
export function meta(obj: KubeObject): NonNullable<KubeObject["metadata"]> {
  if (typeof obj.metadata !== "object" || obj.metadata === null) obj.metadata = {};
  return obj.metadata;
}

/** obj[key] as a JSON object, created when missing (or not an object). */
export function child(obj: Obj, key: string): Obj {
  const v = obj[key];
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Obj;
  const created: Obj = {};
  obj[key] = created;
  return created;
}

/** obj[key] as a JSON object, or undefined. */
export function rec(v: unknown): Obj | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** The objects of a JSON array (empty when not an array). */
export function list(v: unknown): Obj[] {
  return Array.isArray(v) ? (v.filter((x) => typeof x === "object" && x !== null) as Obj[]) : [];
}

/** Unset in Go terms: absent or JSON null. */
export function unset(v: unknown): boolean {
  return v === undefined || v === null;
}

/** Set obj[key] = value when it is unset. */
export function def(obj: Obj, key: string, value: unknown): void {
  if (unset(obj[key])) obj[key] = value;
}

/** Set obj[key] = value when it is unset or the empty string (Go's zero value). */
export function defStr(obj: Obj, key: string, value: string): void {
  if (unset(obj[key]) || obj[key] === "") obj[key] = value;
}

/** The new object carries the stored status (spec writes may not change it). */
export function keepOldStatus(obj: KubeObject, old: KubeObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = structuredClone(old.status);
}

/** Generation moves to old + 1 when `changed`, else stays at old's. */
export function bumpGenerationIf(obj: KubeObject, old: KubeObject, changed: boolean): void {
  const oldGen = old.metadata?.generation;
  if (changed) meta(obj).generation = (oldGen ?? 0) + 1;
  else if (oldGen !== undefined) meta(obj).generation = oldGen;
}

/** Generation bump on any change to spec (the common rule). */
export function bumpGenerationOnSpecChange(obj: KubeObject, old: KubeObject): void {
  bumpGenerationIf(obj, old, !semanticEqual(obj.spec, old.spec));
}

/** PrepareForCreate's usual start: status cleared (or set to `initial`), generation 1. */
export function resetStatusAndGeneration(obj: KubeObject, initial?: Obj): void {
  if (initial) obj.status = initial;
  else delete obj.status;
  meta(obj).generation = 1;
}

/** What a status subresource keeps from the stored object, and how it validates. */
export interface StatusMergeOptions {
  /** Keep metadata.labels from the stored object (Deployments). */
  readonly keepLabels?: boolean;
  /** Extra per-kind changes after the merge (pods). */
  readonly fixup?: (next: KubeObject, old: KubeObject) => void;
  readonly validate?: (next: KubeObject, old: KubeObject) => StatusCause[];
  /** In place of the resource's validate and validateUpdate (SubresourceStrategy.validateResource). */
  readonly validateResource?: (next: KubeObject, old: KubeObject) => StatusCause[];
}

/**
 * A status subresource as upstream's <kind>StatusStrategy.PrepareForUpdate: the request's
 * object with spec (and optionally labels) taken from the stored one.
 */
export function statusSubresource(opts: StatusMergeOptions = {}): SubresourceStrategy {
  return {
    merge(incoming: KubeObject, old: KubeObject): KubeObject {
      // incoming is the store's own copy; what is taken from old is copied unless incoming
      // already holds the same JSON (a status patch leaves the spec as read).
      const next = incoming;
      if (old.spec === undefined) delete next.spec;
      else next.spec = ownCopy(next.spec, old.spec);
      if (opts.keepLabels) {
        const labels = old.metadata?.labels;
        if (labels === undefined) delete meta(next).labels;
        else meta(next).labels = ownCopy(meta(next).labels, labels);
      }
      opts.fixup?.(next, old);
      return next;
    },
    ...(opts.validate ? { validate: opts.validate } : {}),
    ...(opts.validateResource ? { validateResource: opts.validateResource } : {}),
  };
}

/**
 * `mine` when it is the same JSON as `theirs` (same keys in the same order, so the stored
 * encoding is the same too), else a copy of `theirs`: a copy of theirs without copying.
 */
export function ownCopy<T>(mine: unknown, theirs: T): T {
  return sameJSON(mine, theirs) ? (mine as T) : structuredClone(theirs);
}

/** JSON equality that also requires the same key order. */
function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJSON(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJSON((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A plain-JSON view of a typed object (the strategies work on what was sent). */
export function asObj(o: unknown): Obj {
  return (o ?? {}) as Obj;
}

/** Parse a non-negative integer annotation, 0 when absent or malformed. */
export function intAnnotation(obj: KubeObject, key: string): number {
  const v = obj.metadata?.annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}
