/**
 * What a GET returns: the object itself, a meta.k8s.io Table (kubectl get), or
 * PartialObjectMetadata (garbage collector, helm), chosen from the Accept header as
 * kube-apiserver negotiates it; and the predicate of label and field selectors.
 */
import { stringify as toYaml } from "yaml";
import type { Response } from "express";
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";
import type { ObjectList } from "../registry/generic-store.js";
import { apiVersionOf, type ResourceInfo } from "../registry/types.js";
import { compileLabelSelector, compileFieldSelector } from "../selectors/index.js";
import { toTable, negotiateAs, asPartialObjectMetadata, asPartialObjectMetadataList, partialMetadataMismatch, type IncludeObject, type NegotiatedOutput } from "../printers/index.js";

/** The media types resource endpoints write (protobuf is read, not written). */
export const RESOURCE_MEDIA_TYPES = ["application/json", "application/yaml"] as const;

/** The negotiated representation, with the includeObject option a Table needs. */
export type Output = NegotiatedOutput & { readonly includeObject: IncludeObject };

/** The representation the Accept header asks for (the printers' negotiation); 406 when none can be served. */
export function negotiateOutput(accept: string | undefined, includeObject: IncludeObject = "Metadata"): Output {
  return { ...negotiateAs(accept, { mediaTypes: RESOURCE_MEDIA_TYPES }), includeObject };
}

/** A watch streams JSON lines only; yaml has no stream framing (upstream: no StreamSerializer). */
export function assertStreamable(out: Output): void {
  if (out.mediaType !== "application/json") throw new StatusError(406, "NotAcceptable", "only the following media types are accepted: application/json");
}

/** Write a response body in the negotiated media type. */
export function sendAs(res: Response, code: number, body: unknown, out?: Pick<Output, "mediaType">): void {
  if (out?.mediaType === "application/yaml") res.status(code).type("application/yaml").send(toYaml(body));
  else res.status(code).type("application/json").send(JSON.stringify(body));
}

/** The body for a single object. */
export function renderObject(info: ResourceInfo, obj: KubeObject, out: Output): unknown {
  switch (out.as) {
    case "Object":
      return obj;
    case "Table":
      return toTable(info, [obj], { includeObject: out.includeObject, now: new Date(), apiVersion: `meta.k8s.io/${out.version}` });
    case "PartialObjectMetadata":
      return asPartialObjectMetadata(obj, out.version);
    case "PartialObjectMetadataList":
      throw partialMetadataMismatch(info, "PartialObjectMetadataList");
  }
}

/** The body for a list. */
export function renderList(info: ResourceInfo, list: ObjectList, out: Output): unknown {
  const listMeta = {
    resourceVersion: list.resourceVersion,
    ...(list.continue ? { continue: list.continue } : {}),
    ...(list.remainingItemCount !== undefined ? { remainingItemCount: list.remainingItemCount } : {}),
  };
  switch (out.as) {
    case "Object":
      // Items of a typed list carry no apiVersion/kind, as kube-apiserver serializes them.
      return {
        kind: info.listKind,
        apiVersion: apiVersionOf(info),
        metadata: listMeta,
        items: list.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
      };
    case "Table":
      return toTable(info, list.items, { includeObject: out.includeObject, now: new Date(), apiVersion: `meta.k8s.io/${out.version}`, listMeta });
    case "PartialObjectMetadataList":
      return asPartialObjectMetadataList(list.items, listMeta, out.version);
    case "PartialObjectMetadata":
      throw partialMetadataMismatch(info, "PartialObjectMetadata");
  }
}

/** labelSelector and fieldSelector of a request as one predicate (undefined: everything). */
export function predicateFromQuery(info: ResourceInfo, q: URLSearchParams): ((obj: KubeObject) => boolean) | undefined {
  const ls = q.get("labelSelector");
  const fs = q.get("fieldSelector");
  const labels = ls ? compileLabelSelector(ls) : undefined;
  const fields = fs ? compileFieldSelector(info, fs) : undefined;
  if (!labels && !fields) return undefined;
  return (obj) => (!labels || labels(obj.metadata?.labels ?? {})) && (!fields || fields(obj));
}
