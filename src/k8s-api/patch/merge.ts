/** RFC 7386 JSON merge patch. */
import { cloneJSON, isJsonObject } from "../types.js";

/** The result of merging `patch` into `obj`; neither argument is modified. */
export function applyMergePatch(obj: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return structuredClone(patch);
  // One copy of the target, then merged in place: copying it again at every level of the
  // patch made a patch cost as much as a copy of the object per nesting level.
  return mergeInto(isJsonObject(obj) ? structuredClone(obj) : {}, patch);
}

/** Merge `patch` into `out`, which is modified; values taken from the patch are copied. */
function mergeInto(out: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (!isJsonObject(v)) out[k] = cloneJSON(v);
    else {
      const cur = out[k];
      out[k] = mergeInto(isJsonObject(cur) ? cur : {}, v);
    }
  }
  return out;
}

/** applyMergePatch into `obj` itself (an object the caller owns and gives up); `patch` is not modified. */
export function applyMergePatchInPlace(obj: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  return mergeInto(obj, patch);
}

