/**
 * GET /openapi/v2: the Swagger 2.0 document kube-apiserver serves, with every served
 * path and the definitions they reach.
 */
import type { QueryParam } from "./params.js";
import type { ApiSpec } from "./spec.js";
import type { BodyKind, Operation, PathItem, PathParam, ResponseKind } from "./operations.js";
import type { Schema } from "./definitions.js";

/** Media types of a PATCH body, as kube-apiserver lists them (cbor and protobuf left out: berth speaks JSON). */
export const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

export function consumesOf(k: BodyKind): string[] {
  return k === "patch" ? PATCH_TYPES : ["*/*"];
}

export function producesOf(k: ResponseKind): string[] {
  switch (k) {
    case "object":
      return ["application/json"];
    case "list":
    case "watch":
      return ["application/json", "application/json;stream=watch"];
    case "text":
      return ["text/plain", "application/json"];
    case "connect":
      return ["*/*"];
  }
}

export const SECURITY_DEFINITIONS = { BearerToken: { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" } };

export function swaggerDocument(spec: ApiSpec, version: string): Schema {
  const paths: Record<string, Schema> = {};
  for (const items of spec.groups.values()) for (const item of items) paths[item.path] = pathItem(item);
  return {
    swagger: "2.0",
    info: { title: "Kubernetes", version },
    paths,
    definitions: spec.definitions,
    securityDefinitions: SECURITY_DEFINITIONS,
    security: [{ BearerToken: [] }],
  };
}

function pathItem(item: PathItem): Schema {
  const out: Schema = {};
  for (const op of item.operations) out[op.method] = operation(op);
  const params = [...item.pathParams.map(pathParam), ...item.query.map(queryParam)];
  if (params.length) out.parameters = params.sort(byName);
  return out;
}

function operation(op: Operation): Schema {
  const params: Schema[] = [];
  if (op.body) params.push({ in: "body", name: "body", ...(op.body.required ? { required: true } : {}), schema: { $ref: `#/definitions/${op.body.ref}` } });
  params.push(...op.query.map(queryParam));
  const responses: Schema = {};
  for (const r of op.responses) responses[r.code] = { description: r.description, schema: r.ref ? { $ref: `#/definitions/${r.ref}` } : { type: "string" } };
  responses["401"] = { description: "Unauthorized" };
  return {
    consumes: consumesOf(op.consumes),
    description: op.description,
    operationId: op.operationId,
    ...(params.length ? { parameters: params } : {}),
    produces: producesOf(op.produces),
    responses,
    schemes: ["https"],
    tags: [op.tag],
    ...(op.action ? { "x-kubernetes-action": op.action } : {}),
    ...(op.gvk ? { "x-kubernetes-group-version-kind": { group: op.gvk.group, kind: op.gvk.kind, version: op.gvk.version } } : {}),
  };
}

function queryParam(p: QueryParam): Schema {
  return { description: p.description, in: "query", name: p.name, type: p.type, uniqueItems: true };
}

function pathParam(p: PathParam): Schema {
  return { description: p.description, in: "path", name: p.name, required: true, type: "string", uniqueItems: true };
}

function byName(a: Schema, b: Schema): number {
  const x = String(a.name);
  const y = String(b.name);
  return x < y ? -1 : x > y ? 1 : 0;
}
