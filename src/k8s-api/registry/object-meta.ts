/** Small helpers over metadata that every write path needs. */
import { randomBytes, randomUUID } from "node:crypto";
import type { V1ObjectMeta } from "@kubernetes/client-node";
import type { KubeObject } from "../types.js";

/** metadata of obj, created when missing. */
export function metaOf(obj: KubeObject): V1ObjectMeta {
  if (typeof obj.metadata !== "object" || obj.metadata === null) obj.metadata = {};
  return obj.metadata;
}

/** RFC 3339 time with second precision, as metav1.Time serializes. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** RFC 3339 with microseconds, as metav1.MicroTime serializes. */
export function rfc3339Micro(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

export function newUid(): string {
  return randomUUID();
}

// The alphabet of k8s.io/apiserver/pkg/storage/names (no vowels, no confusable digits).
const alphabet = "bcdfghjklmnpqrstvwxz2456789";

/** generateName plus five random characters, as SimpleNameGenerator does (base cut to 58). */
export function generateName(base: string): string {
  const b = base.length > 58 ? base.slice(0, 58) : base;
  const bytes = randomBytes(5);
  let suffix = "";
  for (const byte of bytes) suffix += alphabet[byte % alphabet.length];
  return b + suffix;
}

/** Deep copy of a JSON object (objects here are plain JSON). */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Structural equality of two JSON values (key order ignored). */
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
