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
