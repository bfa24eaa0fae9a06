/**
 * What a GET returns: the object itself, a meta.k8s.io Table (kubectl get), or
 * PartialObjectMetadata (garbage collector, helm), chosen from the Accept header as
 * kube-apiserver negotiates it; and the predicate of label and field selectors.
 */
import { stringify as toYaml } from "yaml";
import type { Response } from "express";
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";
import type { EntryList, ObjectList, ResourceStore } from "../registry/generic-store.js";
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

/** Items per chunk of a streamed list (a chunk of pods is ~1 MB of JSON). */
const STREAM_CHUNK = 500;

/**
 * Write a list as JSON in chunks instead of one string: a typed list (as=Object) from each
 * entry's stored JSON (ResourceStore.listItemJson: no decode and encode per item), a Table
 * from its rows, a chunk of entries decoded at a time. A LIST of 150,000 pods is ~300 MB
 * of JSON, which as one string (and the Buffer express makes of it) cost more than the
 * list itself and approach V8's string limit. Same bytes as renderList + sendAs, except
 * that resourceVersion comes first in an item's metadata. Returns false (nothing written)
 * for representations it does not stream.
 */
export async function streamList(res: Response, info: ResourceInfo, store: ResourceStore, list: EntryList, out: Output): Promise<boolean> {
  if (out.mediaType !== "application/json" || (out.as !== "Object" && out.as !== "Table")) return false;
  const listMeta = {
    resourceVersion: list.resourceVersion,
    ...(list.continue ? { continue: list.continue } : {}),
    ...(list.remainingItemCount !== undefined ? { remainingItemCount: list.remainingItemCount } : {}),
  };
  const n = list.entries.length;
  const objectAt = (i: number) => list.decoded?.[i] ?? store.decode(list.entries[i]!);
  let head: string;
  /** Items from..to-1 as JSON, after a comma unless they are the first. */
  let chunk: (from: number, to: number) => string;
  if (out.as === "Object") {
    head = JSON.stringify({ kind: info.listKind, apiVersion: apiVersionOf(info), metadata: listMeta });
    head = `${head.slice(0, -1)},"items":[`;
    chunk = (from, to) => {
      const parts: string[] = from === 0 ? [] : [""];
      for (let i = from; i < to; i++) parts.push(store.listItemJson(list.entries[i]!));
      return parts.join(",");
    };
  } else {
    // The default convertor writes rows: null for no objects; leave that to renderList.
    if (n === 0) return false;
    const opts = { includeObject: out.includeObject, now: new Date(), apiVersion: `meta.k8s.io/${out.version}` as const, listMeta };
    const { rows: _rows, ...table } = toTable(info, [], opts);
    head = `${JSON.stringify(table).slice(0, -1)},"rows":[`;
    chunk = (from, to) => {
      const objs: KubeObject[] = [];
      for (let i = from; i < to; i++) objs.push(objectAt(i));
      const rows = JSON.stringify(toTable(info, objs, opts).rows);
      return from === 0 ? rows.slice(1, -1) : `,${rows.slice(1, -1)}`;
    };
  }
  res.status(200).type("application/json");
  let gone = false;
  const onClose = () => (gone = true);
  res.once("close", onClose);
  try {
    res.write(head);
    // Written as Buffers: a string chunk would be measured (byteLength) and then encoded, two passes over it.
    for (let from = 0; from < n && !gone; from += STREAM_CHUNK) {
      if (!res.write(Buffer.from(chunk(from, Math.min(n, from + STREAM_CHUNK)), "utf8"))) await drained(res);
    }
    if (!gone) res.end("]}");
  } finally {
    res.off("close", onClose);
  }
  return true;
}

/** Until the response's buffer drains or the connection closes. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
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
