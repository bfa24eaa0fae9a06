/**
 * The vendored upstream generated.proto files (scripts/vendor-protos.mjs), loaded once with
 * protobufjs, and the Go JSON facts of their fields (proto/json-fields.json).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/** Go struct-tag facts of one proto field: its JSON name and what encoding/json does with it. */
export interface JsonField {
  json: string;
  omitempty?: boolean;
  /** Go 1.24 omitzero: a zero struct (metav1.Time: IsZero) is omitted. */
  omitzero?: boolean;
  pointer?: boolean;
  inline?: boolean;
  skip?: boolean;
}

export type JsonFieldTable = Record<string, Record<string, JsonField>>;

const PROTO_SUBDIR = join("src", "k8s-api", "protobuf", "proto");

/** The group versions whose generated.proto is vendored (k8s.io/api/<pkg>/<version>). */
const API_PACKAGES = ["core", "apps", "batch", "coordination", "discovery", "events", "policy", "rbac", "autoscaling", "scheduling"];

/**
 * The proto directory lives in src/ (tsc does not copy .proto files), so walk up from this
 * module (src/k8s-api/protobuf, or the same under dist/) to the repo root.
 */
function protoDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, PROTO_SUBDIR);
    if (existsSync(join(candidate, "json-fields.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`vendored protos not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export interface ProtoSchema {
  readonly root: protobuf.Root;
  readonly fields: JsonFieldTable;
}

let cached: ProtoSchema | undefined;

/** Load the vendored protos (once; about 100 ms). */
export function protoSchema(): ProtoSchema {
  if (cached) return cached;
  const dir = protoDir();
  const root = new protobuf.Root();
  // Imports are written as Go import paths ("k8s.io/api/core/v1/generated.proto"), relative to dir.
  root.resolvePath = (_origin, target) => join(dir, target);
  root.loadSync(
    API_PACKAGES.map((p) => `k8s.io/api/${p}/v1/generated.proto`),
    { keepCase: true },
  );
  root.resolveAll();
  const fields = JSON.parse(readFileSync(join(dir, "json-fields.json"), "utf8")) as JsonFieldTable;
  return (cached = { root, fields });
}

let openapiRoot: protobuf.Root | undefined;

/** gnostic's openapi.v2 messages (proto/openapiv2/OpenAPIv2.proto), loaded once. */
export function openapiV2Message(name: string): protobuf.Type {
  if (!openapiRoot) {
    const root = new protobuf.Root();
    root.loadSync(join(protoDir(), "openapiv2", "OpenAPIv2.proto"), { keepCase: true });
    root.resolveAll();
    openapiRoot = root;
  }
  return openapiRoot.lookupType(`openapi.v2.${name}`);
}

/** A message type by its full proto name ("k8s.io.api.core.v1.ConfigMap"), or undefined. */
export function lookupMessage(name: string): protobuf.Type | undefined {
  const found = protoSchema().root.lookup(name);
  return found instanceof protobuf.Type ? found : undefined;
}
