/** RFC 7386 JSON merge patch. */
import { isJsonObject } from "../types.js";

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
    else if (!isJsonObject(v)) out[k] = copyValue(v);
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

/**
 * structuredClone of a patch value, by hand for plain JSON (arrays, plain objects, scalars):
 * a status patch's lists are a few small objects, for which structuredClone's serializer
 * costs more than the copy. Anything else (a Date a caller sent) goes to structuredClone.
 */
function copyValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const a = new Array<unknown>(n);
    for (let i = 0; i < n; i++) a[i] = copyValue(v[i]);
    return a;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = copyValue((v as Record<string, unknown>)[k]);
    // A "__proto__" key (JSON.parse makes it an own property) must stay one.
    if (k === "__proto__") Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
    else o[k] = x;
  }
  return o;
}
