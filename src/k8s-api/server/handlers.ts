/**
 * The resource handlers: one function per verb, translating HTTP (query parameters,
 * bodies, Accept) to Registry calls and results back to kube-apiserver's responses.
 */
import type { Request, Response } from "express";
import type { V1DeleteOptions } from "@kubernetes/client-node";
import { StatusError, badRequest, methodNotAllowed, type StatusCause } from "../errors.js";
import { isJsonObject, type KubeObject } from "../types.js";
import type { Registry, WriteOptions, WriteResult } from "../registry/registry.js";
import { apiVersionOf, type ResourceInfo } from "../registry/types.js";
import { patchTypeOf } from "../registry/patching.js";
import type { FieldValidation } from "../registry/field-validation.js";
import { decodeObjectBody, decodePatchBody, duplicateFields, readBody } from "./body.js";
import type { RequestInfo } from "./request-info.js";
import { includeObjectFrom } from "../printers/index.js";
import { predicateFromQuery, negotiateOutput, renderList, renderObject, sendAs, assertStreamable, streamList, type Output } from "./output.js";
import { serveWatch } from "./watch.js";
import { servePodLog } from "./node-proxy.js";

export interface HandlerContext {
  readonly registry: Registry;
  readonly bookmarkIntervalMs: number;
}

/** Serve one resource request; errors propagate to the edge as StatusError. */
export async function handleResource(ctx: HandlerContext, ri: RequestInfo, req: Request, res: Response): Promise<void> {
  const { registry } = ctx;
  const info = registry.resolve(ri.group, ri.version, ri.resource);
  const q = new URLSearchParams(req.url.split("?")[1] ?? "");
  if (ri.namespace && !info.namespaced) throw new StatusError(404, "NotFound", "the server could not find the requested resource", {});
  const out = negotiateOutput(req.headers.accept, includeObjectOf(q));
  const ns = ri.namespace;

  if (ri.subresource) return handleSubresource(ctx, info, ri, q, req, res, out);
  if (!(info.verbs as readonly string[]).includes(ri.verb)) throw new StatusError(405, "MethodNotAllowed", `the server does not allow this method on the requested resource`, {});

  switch (ri.verb) {
    case "get": {
      const obj = await registry.get(info, ns, ri.name, q.get("resourceVersion") ?? undefined);
      return sendAs(res, 200, renderObject(info, obj, out), out);
    }
    case "list": {
      // JSON (and kubectl get's Table) streamed from the stored entries; the rest rendered whole.
      if (out.mediaType === "application/json" && (out.as === "Object" || out.as === "Table")) {
        const entries = await registry.listEntries(info, ns, listParams(info, q));
        if (await streamList(res, info, registry.storeFor(info), entries, out)) return;
      }
      const list = await registry.list(info, ns, listParams(info, q));
      return sendAs(res, 200, renderList(info, list, out), out);
    }
    case "watch":
      assertStreamable(out);
      return serveWatch(ctx, info, ns, ri.name, q, req, res, out);
    case "create": {
      if (ri.name) throw methodNotAllowed(`the server does not allow this method on the requested resource`);
      const r = await registry.create(info, ns, await decodeObject(req, res, q), writeOptions(req, q));
      return sendWrite(res, 201, info, r, out);
    }
    case "update": {
      if (!ri.name) throw methodNotAllowed(`the server does not allow this method on the requested resource`);
      const r = await registry.update(info, ns, ri.name, await decodeObject(req, res, q), writeOptions(req, q));
      return sendWrite(res, r.created ? 201 : 200, info, r, out);
    }
    case "patch": {
      if (!ri.name) throw methodNotAllowed(`the server does not allow this method on the requested resource`);
      const type = patchTypeOf(req.headers["content-type"]);
      const body = decodePatchBody(await readBody(req), type === "apply");
      const force = q.has("force") ? q.get("force") === "true" : undefined;
      const r = await registry.patch(info, ns, ri.name, type, body, { ...writeOptions(req, q), ...(force !== undefined ? { force } : {}) });
      return sendWrite(res, r.created ? 201 : 200, info, r, out);
    }
    case "delete": {
      const opts = await deleteOptions(req, q);
      const r = await registry.delete(info, ns, ri.name, opts, writeOptions(req, q));
      // handlers.DeleteResource: 202 only when not yet deleted and orphanDependents=false (not for propagationPolicy).
      const code = !r.deleted && opts.orphanDependents === false ? 202 : 200;
      if (info.returnDeletedObject || !r.deleted) return sendAs(res, code, renderObject(info, r.object, out), out);
      return send(res, code, {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Success",
        details: { name: ri.name, ...(info.group ? { group: info.group } : {}), kind: info.plural, uid: r.object.metadata?.uid },
      });
    }
    case "deletecollection": {
      const opts = await deleteOptions(req, q);
      const list = await registry.deleteCollection(info, ns, listParams(info, q), opts, writeOptions(req, q));
      return sendAs(res, 200, renderList(info, list, { as: "Object", mediaType: out.mediaType, pretty: out.pretty, includeObject: out.includeObject }), out);
    }
    default:
      throw methodNotAllowed(`the server does not allow this method on the requested resource`);
  }
}

async function handleSubresource(ctx: HandlerContext, info: ResourceInfo, ri: RequestInfo, q: URLSearchParams, req: Request, res: Response, out: Output): Promise<void> {
  const { registry } = ctx;
  const ns = ri.namespace;
  const sub = ri.subresource;
  if (!info.subresources.includes(sub as never)) throw new StatusError(404, "NotFound", "the server could not find the requested resource", {});
  switch (sub) {
    case "status":
    case "finalize":
      if (ri.verb === "get") return sendAs(res, 200, renderObject(info, await registry.get(info, ns, ri.name), out), out);
      if (ri.verb === "update") {
        const r = await registry.update(info, ns, ri.name, await decodeObject(req, res, q), writeOptions(req, q), sub);
        return sendWrite(res, 200, info, r, out);
      }
      if (ri.verb === "patch" && sub === "status") {
        const type = patchTypeOf(req.headers["content-type"]);
        const body = decodePatchBody(await readBody(req), type === "apply");
        const force = q.has("force") ? q.get("force") === "true" : undefined;
        const r = await registry.patch(info, ns, ri.name, type, body, { ...writeOptions(req, q), ...(force !== undefined ? { force } : {}) }, sub);
        return sendWrite(res, 200, info, r, out);
      }
      break;
    case "scale":
      if (ri.verb === "get") return send(res, 200, await registry.getScale(info, ns, ri.name));
      if (ri.verb === "update") {
        const scale = decodeObjectBody(await readBody(req), req.headers["content-type"]);
        if (!isJsonObject(scale)) throw badRequest("the body of the request must be a Scale object");
        return send(res, 200, await registry.updateScale(info, ns, ri.name, scale as KubeObject, writeOptions(req, q)));
      }
      if (ri.verb === "patch") {
        const type = patchTypeOf(req.headers["content-type"]);
        const body = decodePatchBody(await readBody(req), type === "apply");
        return send(res, 200, await registry.patchScale(info, ns, ri.name, type, body, writeOptions(req, q)));
      }
      break;
    case "eviction":
      if (ri.verb === "create") {
        const eviction = decodeObjectBody(await readBody(req), req.headers["content-type"]);
        if (!isJsonObject(eviction)) throw badRequest("the body of the request must be an Eviction object");
        const status = await registry.evictPod(ns, ri.name, eviction as KubeObject, writeOptions(req, q));
        return send(res, (status as { code?: number }).code ?? 201, status);
      }
      break;
    case "binding":
      if (ri.verb === "create") {
        const binding = decodeObjectBody(await readBody(req), req.headers["content-type"]);
        if (!isJsonObject(binding)) throw badRequest("the body of the request must be a Binding object");
        await registry.bindPod(ns, ri.name, binding as KubeObject, writeOptions(req, q));
        return send(res, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
      }
      break;
    case "log":
      if (info.plural === "pods" && info.group === "" && ri.verb === "get") return servePodLog(registry, ns, ri.name, q, req, res);
      break;
    case "exec":
    case "attach":
    case "portforward":
      // Served on the HTTP upgrade (node-proxy.ts); a plain request cannot stream, as kubelet answers.
      if (info.plural === "pods" && info.group === "") throw badRequest("Upgrade request required");
      break;
    default:
      throw new StatusError(503, "ServiceUnavailable", `${info.plural}/${sub} is served by the node agent, which is not connected to this API server yet`);
  }
  throw methodNotAllowed(`the server does not allow this method on the requested resource (${info.plural}/${sub})`);
}

// ---- request decoding --------------------------------------------------------------

/** includeObject of a Table request (ValidateTableOptions): "" means Metadata. */
function includeObjectOf(q: URLSearchParams): "None" | "Metadata" | "Object" {
  return includeObjectFrom(q.get("includeObject")) || "Metadata";
}

/** fieldValidation, "" meaning Warn (values were checked by writeOptions). */
function fieldValidationOf(q: URLSearchParams): FieldValidation {
  const v = q.get("fieldValidation") || "Warn";
  return v === "Ignore" || v === "Strict" ? v : "Warn";
}

/**
 * Decode a create/update body; unknown fields are handled by the registry per fieldValidation,
 * duplicate JSON keys here (Strict: 400, Warn: a warning; the last value wins).
 */
async function decodeObject(req: Request, res: Response, q: URLSearchParams): Promise<KubeObject> {
  const raw = await readBody(req);
  // The handlers validate the options before decoding the body.
  writeOptions(req, q);
  const body = decodeObjectBody(raw, req.headers["content-type"]);
  if (!isJsonObject(body)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)?.slice(0, 200)}'`);
  const mode = fieldValidationOf(q);
  if (mode !== "Ignore" && /^application\/json\b/i.test(req.headers["content-type"] ?? "application/json")) {
    const dups = duplicateFields(raw.toString("utf8")).map((f) => `duplicate field "${f}"`);
    if (dups.length && mode === "Strict") throw badRequest(`strict decoding error: ${dups.join(", ")}`);
    for (const w of dups) res.append("Warning", `299 - ${JSON.stringify(w)}`);
  }
  return body as KubeObject;
}

const OPTIONS_KIND: Record<string, string> = { POST: "CreateOptions", PUT: "UpdateOptions", PATCH: "PatchOptions", DELETE: "DeleteOptions" };

/** Write options from the query, validated as ValidateCreateOptions & co.: 422 Invalid on <Kind>Options.meta.k8s.io. */
function writeOptions(req: Request, q: URLSearchParams): WriteOptions {
  const kind = OPTIONS_KIND[req.method] ?? "CreateOptions";
  const causes: StatusCause[] = [];
  const dryRun = q.getAll("dryRun");
  const fm = q.get("fieldManager") ?? undefined;
  const fv = q.get("fieldValidation") ?? "";
  if (kind !== "DeleteOptions" && fm !== undefined && Buffer.byteLength(fm) > 128) causes.push({ reason: "FieldValueTooLong", message: "Too long: may not be more than 128 bytes", field: "fieldManager" });
  if (dryRun.some((d) => d !== "All"))
    causes.push({ reason: "FieldValueNotSupported", message: `Unsupported value: []string{${dryRun.map((d) => JSON.stringify(d)).join(", ")}}: supported values: "All"`, field: "dryRun" });
  if (kind !== "DeleteOptions" && !["", "Ignore", "Strict", "Warn"].includes(fv))
    causes.push({ reason: "FieldValueNotSupported", message: `Unsupported value: ${JSON.stringify(fv)}: supported values: "", "Ignore", "Strict", "Warn"`, field: "fieldValidation" });
  if (causes.length) {
    const detail = causes.map((c) => `${c.field}: ${c.message}`);
    throw new StatusError(422, "Invalid", `${kind}.meta.k8s.io "" is invalid: ${detail.length === 1 ? detail[0] : `[${detail.join(", ")}]`}`, { group: "meta.k8s.io", kind, causes });
  }
  return { dryRun: dryRun.length > 0, fieldValidation: fieldValidationOf(q), ...(fm ? { fieldManager: fm } : {}), ...(req.headers["user-agent"] ? { userAgent: req.headers["user-agent"] } : {}) };
}

function listParams(info: ResourceInfo, q: URLSearchParams) {
  const limit = q.get("limit");
  if (limit !== null && !/^-?\d+$/.test(limit)) throw badRequest(`invalid limit: ${limit}`);
  const predicate = predicateFromQuery(info, q);
  return {
    ...(q.get("resourceVersion") !== null ? { resourceVersion: q.get("resourceVersion")! } : {}),
    ...(q.get("resourceVersionMatch") ? { resourceVersionMatch: q.get("resourceVersionMatch")! } : {}),
    ...(limit ? { limit: Number(limit) } : {}),
    ...(q.get("continue") ? { continue: q.get("continue")! } : {}),
    ...(predicate ? { predicate } : {}),
  };
}

/** DeleteOptions from the body (if any) and the query, as kube merges them. */
async function deleteOptions(req: Request, q: URLSearchParams): Promise<V1DeleteOptions> {
  const raw = await readBody(req);
  let opts: V1DeleteOptions = {};
  if (raw.length > 0) {
    const body = decodeObjectBody(raw, req.headers["content-type"]);
    if (!isJsonObject(body)) throw badRequest("the body of the request must be a DeleteOptions object");
    opts = body as V1DeleteOptions;
  }
  const grace = q.get("gracePeriodSeconds");
  if (grace !== null) opts.gracePeriodSeconds = Number(grace);
  const policy = q.get("propagationPolicy");
  if (policy !== null) opts.propagationPolicy = policy;
  const orphan = q.get("orphanDependents");
  if (orphan !== null) opts.orphanDependents = orphan === "true";
  if (opts.propagationPolicy && !["Orphan", "Background", "Foreground"].includes(opts.propagationPolicy))
    throw new StatusError(422, "Invalid", `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`, {
      kind: "DeleteOptions",
      group: "meta.k8s.io",
      causes: [{ reason: "FieldValueNotSupported", field: "propagationPolicy", message: `Unsupported value: "${opts.propagationPolicy}"` }],
    });
  if (opts.propagationPolicy && opts.orphanDependents !== undefined)
    throw new StatusError(422, "Invalid", `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "${opts.propagationPolicy}": orphanDependents and deletionPropagation cannot be both set`, { kind: "DeleteOptions", group: "meta.k8s.io" });
  return opts;
}

// ---- responses ----------------------------------------------------------------------

/** Write a JSON response. */
export function send(res: Response, code: number, body: unknown): void {
  sendAs(res, code, body);
}

function sendWrite(res: Response, code: number, info: ResourceInfo, r: WriteResult, out: Output): void {
  for (const w of r.warnings) res.append("Warning", `299 - ${JSON.stringify(w)}`);
  r.object.apiVersion = apiVersionOf(info);
  r.object.kind = info.kind;
  sendAs(res, code, renderObject(info, r.object, out), out);
}
