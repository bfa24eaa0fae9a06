/**
 * What a GET returns: the object itself, a meta.k8s.io Table (kubectl get), or
 * PartialObjectMetadata (garbage collector, helm), chosen from the Accept header as
 * kube-apiserver negotiates it; and the predicate of label and field selectors.
 */
import { stringify as toYaml } from "yaml";
import type { Response } from "express";
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";
import type { EntryList, ObjectList, Predicate, ResourceStore } from "../registry/generic-store.js";
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

/** Bytes per Buffer of a streamed list. */
const STREAM_BUFFER = 1 << 20;

/**
 * Strings encoded as UTF-8 straight into Buffers of STREAM_BUFFER bytes (fewer passes than
 * joining them and Buffer.from: no joined copy, and no byteLength pass to size the Buffer).
 */
class Utf8Buffers {
  private buf = Buffer.allocUnsafe(STREAM_BUFFER);
  private used = 0;
  /** Filled Buffers not yet taken. */
  private full: Buffer[] = [];

  write(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit: with that much room nothing is cut
    // short. A long string (a chunk of Table rows) is measured instead: a Buffer sized by
    // the bound would be ~3x its bytes, and external memory drives V8's major GCs.
    let room = 3 * s.length;
    if (this.buf.length - this.used < room && s.length > 16_384) room = Buffer.byteLength(s, "utf8");
    if (this.buf.length - this.used < room) {
      if (this.used > 0) this.full.push(this.buf.subarray(0, this.used));
      this.buf = Buffer.allocUnsafe(Math.max(STREAM_BUFFER, room));
      this.used = 0;
    }
    this.used += this.buf.write(s, this.used);
  }

  /** The filled Buffers, and with `all` the one being filled too. */
  take(all: boolean): Buffer[] {
    const out = this.full;
    this.full = [];
    if (all && this.used > 0) {
      out.push(this.buf.subarray(0, this.used));
      this.buf = this.buf.subarray(this.used);
      this.used = 0;
    }
    return out;
  }
}

/**
 * Write a list as JSON in chunks instead of one string: a typed list (as=Object) from each
 * entry's stored JSON (ResourceStore.writeListItem: no decode and encode per item), a Table
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
  const sink = new Utf8Buffers();
  const write = (s: string) => sink.write(s);
  let head: string;
  /** Write items from..to-1, after a comma unless they are the first. */
  let chunk: (from: number, to: number) => void;
  if (out.as === "Object") {
    head = JSON.stringify({ kind: info.listKind, apiVersion: apiVersionOf(info), metadata: listMeta });
    head = `${head.slice(0, -1)},"items":[`;
    chunk = (from, to) => {
      for (let i = from; i < to; i++) {
        if (i > 0) write(",");
        store.writeListItem(list.entries[i]!, write);
      }
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
      if (from > 0) write(",");
      write(rows.slice(1, -1));
    };
  }
  res.status(200).type("application/json");
  let gone = false;
  const onClose = () => (gone = true);
  res.once("close", onClose);
  try {
    write(head);
    // Written as Buffers: a string chunk would be measured (byteLength) and then encoded, two passes over it.
    for (let from = 0; from < n && !gone; from += STREAM_CHUNK) {
      chunk(from, Math.min(n, from + STREAM_CHUNK));
      let ok = true;
      for (const b of sink.take(false)) ok = res.write(b) && ok;
      if (!ok) await drained(res);
    }
    if (!gone) {
      write("]}");
      const rest = sink.take(true);
      for (let i = 0; i < rest.length - 1; i++) res.write(rest[i]!);
      res.end(rest[rest.length - 1]);
    }
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

/**
 * labelSelector and fieldSelector of a request as one predicate (undefined: everything),
 * with its parts as `selectors` so that a list can test stored entries by their labels and
 * field set alone.
 */
export function predicateFromQuery(info: ResourceInfo, q: URLSearchParams): Predicate | undefined {
  const ls = q.get("labelSelector");
  const fs = q.get("fieldSelector");
  const labels = ls ? compileLabelSelector(ls) : undefined;
  const fields = fs ? compileFieldSelector(info, fs) : undefined;
  if (!labels && !fields) return undefined;
  const fn = (obj: KubeObject) => (!labels || labels(obj.metadata?.labels ?? {})) && (!fields || fields(obj));
  return Object.assign(fn, { selectors: { ...(labels ? { labels } : {}), ...(fields && !fields.empty ? { fields: fields.matchesFields } : {}) } });
}
