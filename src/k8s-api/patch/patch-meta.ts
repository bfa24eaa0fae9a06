/**
 * Patch metadata of the Kubernetes types: for each model field, how strategic merge
 * patch and server-side apply merge it. Taken from the upstream OpenAPI extensions
 * (x-kubernetes-patch-strategy, x-kubernetes-patch-merge-key, x-kubernetes-list-type,
 * x-kubernetes-list-map-keys, x-kubernetes-map-type). Consumers: patch/ and openapi/.
 */
import { ATOMIC_MODELS, PATCH_META_TABLE } from "./patch-meta-table.js";

export interface FieldPatchMeta {
  /** x-kubernetes-patch-strategy: "merge", "retainKeys", "merge,retainKeys", "replace". */
  readonly patchStrategy?: string;
  /** x-kubernetes-patch-merge-key. */
  readonly patchMergeKey?: string;
  /** x-kubernetes-list-type: "atomic" | "set" | "map". */
  readonly listType?: "atomic" | "set" | "map";
  /** x-kubernetes-list-map-keys. */
  readonly listMapKeys?: readonly string[];
  /** x-kubernetes-map-type: "atomic" | "granular". */
  readonly mapType?: "atomic" | "granular";
}

/**
 * model name (as in @kubernetes/client-node: "V1PodSpec") -> field name -> metadata.
 * Fields absent here have no extension. Generated: see scripts/gen-patch-meta.mjs.
 */
export const PATCH_META: Readonly<Record<string, Readonly<Record<string, FieldPatchMeta>>>> = PATCH_META_TABLE;

/** Patch metadata of one field of a model, if any. */
export function patchMetaFor(model: string, field: string): FieldPatchMeta | undefined {
  return Object.hasOwn(PATCH_META, model) ? PATCH_META[model]![field] : undefined;
}

/** Whether the model's definition is x-kubernetes-map-type: atomic (a struct owned and replaced whole). */
export function isAtomicModel(model: string): boolean {
  return ATOMIC_MODELS.has(model);
}
