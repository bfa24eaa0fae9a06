/** RFC 7386 JSON merge patch. */
import { isJsonObject } from "../types.js";

/** The result of merging `patch` into `obj`; neither argument is modified. */
export function applyMergePatch(obj: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isJsonObject(obj) ? structuredClone(obj) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
