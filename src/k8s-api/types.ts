/** Shapes shared by the API machinery. Typed objects come from @kubernetes/client-node. */
import type { V1ObjectMeta } from "@kubernetes/client-node";

/** Any Kubernetes object as stored and served (JSON). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
  [field: string]: unknown;
}

/** A plain JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** Whether v is a non-array, non-null object. */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * structuredClone(v), copied by hand when it is plain JSON (arrays, plain objects, scalars):
 * for what JSON.parse made (a decoded stored object, which guaranteedUpdate copies to
 * mutate) and the small objects of a write, structuredClone's serializer costs more than
 * the copy, and strings are shared rather than copied. Anything else (a Date, a Map, a function: it throws) goes to
 * structuredClone, so the result is always what structuredClone gives.
 */
export function cloneJSON<T>(v: T): T {
  if (typeof v !== "object" || v === null) return typeof v === "function" || typeof v === "symbol" ? structuredClone(v) : v;
  if (Array.isArray(v)) {
    const n = v.length;
    const a = new Array<unknown>(n);
    for (let i = 0; i < n; i++) if (i in v) a[i] = cloneJSON(v[i]);
    return a as T;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = cloneJSON((v as Record<string, unknown>)[k]);
    // A "__proto__" key (JSON.parse makes it an own property) must stay one.
    if (k === "__proto__") Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
    else o[k] = x;
  }
  return o as T;
}
