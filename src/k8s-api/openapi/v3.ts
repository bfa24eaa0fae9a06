/**
 * GET /openapi/v3/<group-version>: one OpenAPI 3.0 document per discovery path, with the
 * component schemas its operations reach. Schemas are the v2 definitions rewritten as
 * kube-openapi does: refs point into #/components/schemas, and a $ref with siblings
 * (a field's description) is wrapped in allOf, since a 3.0 $ref ignores its siblings.
 */
import type { Schema } from "./definitions.js";
import type { Operation, PathItem, PathParam } from "./operations.js";
import type { QueryParam } from "./params.js";
import type { ApiSpec } from "./spec.js";
import { consumesOf, producesOf } from "./v2.js";
import { V3_VALUE_SCHEMAS } from "./value-types.js";

const V2_PREFIX = "#/definitions/";
const V3_PREFIX = "#/components/schemas/";

export function v3Document(spec: ApiSpec, key: string): Schema | undefined {
  const items = spec.groups.get(key);
  if (!items) return undefined;
  const paths: Record<string, Schema> = {};
  const wanted = new Set<string>();
  for (const item of items) paths[item.path] = pathItem(item, wanted);
  // Close over the definitions the operations reach.
  const queue = [...wanted];
  while (queue.length) {
    const name = queue.shift()!;
    for (const ref of refsIn(spec.definitions[name])) {
      if (!wanted.has(ref)) {
        wanted.add(ref);
        queue.push(ref);
      }
    }
  }
  const schemas: Record<string, Schema> = {};
  for (const name of [...wanted].sort()) {
    const d = spec.definitions[name];
    if (d) schemas[name] = V3_VALUE_SCHEMAS[name] ?? (toV3(d, spec.definitions, true) as Schema);
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "unversioned" },
    paths,
    components: { schemas, securitySchemes: { BearerToken: { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" } } },
  };
}

function pathItem(item: PathItem, wanted: Set<string>): Schema {
  const out: Schema = {};
  for (const op of item.operations) out[op.method] = operation(op, wanted);
  const params = [...item.pathParams.map(pathParam), ...item.query.map(queryParam)].sort((a, b) => cmp(String(a.name), String(b.name)));
  if (params.length) out.parameters = params;
  return out;
}

function operation(op: Operation, wanted: Set<string>): Schema {
  const responses: Schema = {};
  for (const r of op.responses) {
    if (r.ref) wanted.add(r.ref);
    const schema = r.ref ? { $ref: V3_PREFIX + r.ref } : { type: "string" };
    responses[r.code] = { content: Object.fromEntries(producesOf(op.produces).map((t) => [t, { schema }])), description: r.description };
  }
  responses["401"] = { description: "Unauthorized" };
  if (op.body) wanted.add(op.body.ref);
  return {
    description: op.description,
    operationId: op.operationId,
    ...(op.query.length ? { parameters: op.query.map(queryParam) } : {}),
    ...(op.body ? { requestBody: { content: Object.fromEntries(consumesOf(op.consumes).map((t) => [t, { schema: { $ref: V3_PREFIX + op.body!.ref } }])), ...(op.body.required ? { required: true } : {}) } } : {}),
    responses,
    tags: [op.tag],
    ...(op.action ? { "x-kubernetes-action": op.action } : {}),
    ...(op.gvk ? { "x-kubernetes-group-version-kind": { group: op.gvk.group, kind: op.gvk.kind, version: op.gvk.version } } : {}),
  };
}

function queryParam(p: QueryParam): Schema {
  return { description: p.description, in: "query", name: p.name, schema: { type: p.type, uniqueItems: true } };
}

function pathParam(p: PathParam): Schema {
  return { description: p.description, in: "path", name: p.name, required: true, schema: { type: "string", uniqueItems: true } };
}

/** Definition names a v2 schema refers to. */
function refsIn(s: unknown, out: string[] = []): string[] {
  if (Array.isArray(s)) for (const x of s) refsIn(x, out);
  else if (s && typeof s === "object") {
    for (const [k, v] of Object.entries(s)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith(V2_PREFIX)) out.push(v.slice(V2_PREFIX.length));
      else if (k.startsWith("x-kubernetes-") === false) refsIn(v, out);
    }
  }
  return out;
}

/**
 * A v2 schema as v3 writes it; `top`: a definition itself (never wrapped).
 */
function toV3(s: unknown, defs: ApiSpec["definitions"], top = false): unknown {
  if (Array.isArray(s)) return s.map((x) => toV3(x, defs));
  if (!s || typeof s !== "object") return s;
  const o = s as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === "$ref" && typeof v === "string") out[k] = v.startsWith(V2_PREFIX) ? V3_PREFIX + v.slice(V2_PREFIX.length) : v;
    else if (k === "properties") out[k] = Object.fromEntries(Object.entries(v as Schema).map(([name, p]) => [name, toV3(p, defs)]));
    else if (k === "items") out[k] = toV3(withElementDefault(v, defs), defs);
    else if (k === "additionalProperties") out[k] = toV3(withElementDefault(v, defs, false), defs);
    else out[k] = v;
  }
  if (!top && typeof out.$ref === "string" && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { allOf: [{ $ref }], ...rest };
  }
  return out;
}

/**
 * The zero-value default upstream gives an element of a list or map: a Go slice or map
 * element is never nil, so a struct element defaults to {} and a string to "".
 */
function withElementDefault(s: unknown, defs: ApiSpec["definitions"], structs = true): unknown {
  const o = s as Schema | undefined;
  if (!o || typeof o !== "object") return s;
  if (o.type === "string" && o.format === undefined && Object.keys(o).length === 1) return { ...o, default: "" };
  if (structs && isStructRef(o, defs)) return { ...o, default: {} };
  return s;
}

/** Whether a v2 schema is a bare $ref to a definition with properties (a struct, not Quantity or Time). */
function isStructRef(s: unknown, defs: ApiSpec["definitions"]): boolean {
  const ref = (s as Schema | undefined)?.$ref;
  if (typeof ref !== "string" || !ref.startsWith(V2_PREFIX)) return false;
  return defs[ref.slice(V2_PREFIX.length)]?.properties !== undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
