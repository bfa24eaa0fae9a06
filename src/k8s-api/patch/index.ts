/** The four PATCH types and field ownership (managedFields) of kube-apiserver. */
export { applyJsonPatch } from "./json.js";
export { applyMergePatch, applyMergePatchInPlace } from "./merge.js";
export { applyStrategicMergePatch } from "./strategic.js";
export { patchMetaFor, PATCH_META, isAtomicModel, type FieldPatchMeta } from "./patch-meta.js";
export { applyServerSide, type ApplyOptions } from "./apply.js";
export { updateManagedFields, type UpdateOptions } from "./managed-fields.js";
