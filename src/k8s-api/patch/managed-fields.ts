/**
 * metadata.managedFields: decoding/encoding the entries and recording Update operations, as
 * kube-apiserver's fieldmanager (managedfields/internal) and structured-merge-diff's Updater do.
 */
import { FieldSet, fieldPE, type Path } from "./fieldpath.js";
import { compare, deepEqual, modelNode, type TypeNode } from "./typed.js";

type JMap = Record<string, unknown>;

export interface ManagerEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
  /**
   * The fieldsV1 this entry was decoded from, with the set it encodes: reused by the encoder
   * while `set` is still that set (see updateManagedFields), instead of encoding it again.
   */
  raw?: { readonly set: FieldSet; readonly json: unknown };
}

/** The entry's identity: appliers are one manager whatever apiVersion they used (BuildManagerIdentifier). */
export function identity(e: Pick<ManagerEntry, "manager" | "operation" | "apiVersion" | "subresource">): string {
  return JSON.stringify([e.manager, e.operation, e.operation === "Apply" ? "" : e.apiVersion, e.subresource ?? ""]);
}

/** Fields never tracked (stripMetaManager's strip set; managedFields as a whole). */
const STRIPPED: readonly Path[] = ["apiVersion", "kind", "metadata"].map((f) => [fieldPE(f)]).concat(
  ["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"].map((f) => [fieldPE("metadata"), fieldPE(f)]),
);
const STRIP_SET = FieldSet.of(STRIPPED);

export function stripSet(s: FieldSet): FieldSet {
  const out = s.difference(STRIP_SET);
  out.children.get(fieldPE("metadata"))?.children.delete(fieldPE("managedFields"));
  return out;
}

const isMap = (v: unknown): v is JMap => typeof v === "object" && v !== null && !Array.isArray(v);

/** A copy without metadata.managedFields, the form the field walks see. */
export function withoutManagedFields(obj: object | undefined): JMap {
  const o = structuredClone((obj ?? {}) as JMap);
  if (isMap(o.metadata)) delete o.metadata.managedFields;
  return o;
}

/**
 * The same form without copying: a shallow view that shares everything but the top level
 * and metadata. For read-only walks (compare), where a deep copy of every object on every
 * write was a tenth of the API's write path.
 */
function viewWithoutManagedFields(obj: object | undefined): JMap {
  const o: JMap = { ...((obj ?? {}) as JMap) };
  if (isMap(o.metadata)) {
    const meta: JMap = { ...o.metadata };
    delete meta.managedFields;
    o.metadata = meta;
  }
  return o;
}

/** `withRaw`: remember each entry's fieldsV1 (ManagerEntry.raw); the caller decides whether it may be reused. */
export function decodeManagedFields(obj: object | undefined, withRaw = false): ManagerEntry[] {
  const meta = (obj as JMap | undefined)?.metadata;
  const list = isMap(meta) ? meta.managedFields : undefined;
  if (!Array.isArray(list)) return [];
  const out: ManagerEntry[] = [];
  for (const e of list) {
    if (!isMap(e)) continue;
    const entry: ManagerEntry = {
      manager: typeof e.manager === "string" ? e.manager : "",
      operation: e.operation === "Apply" ? "Apply" : "Update",
      apiVersion: typeof e.apiVersion === "string" ? e.apiVersion : "",
      set: FieldSet.fromJSON(e.fieldsV1),
    };
    if (withRaw) entry.raw = { set: entry.set, json: e.fieldsV1 };
    if (typeof e.time === "string") entry.time = e.time;
    else if (e.time instanceof Date) entry.time = rfc3339(e.time);
    if (typeof e.subresource === "string" && e.subresource) entry.subresource = e.subresource;
    out.push(entry);
  }
  return out;
}

/** Entries in kube-apiserver's order (sortEncodedManagedFields) and field order. */
export function encodeManagedFields(entries: Iterable<ManagerEntry>): JMap[] {
  const sorted = [...entries].filter((e) => e.set.nonEmpty()).sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
    const ps = p.time ? Date.parse(p.time) / 1000 : 0;
    const qs = q.time ? Date.parse(q.time) / 1000 : 0;
    if (ps !== qs) return ps - qs;
    if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
    if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1;
    return (p.subresource ?? "") < (q.subresource ?? "") ? -1 : (p.subresource ?? "") > (q.subresource ?? "") ? 1 : 0;
  });
  return sorted.map((e) => {
    const out: JMap = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion };
    if (e.time) out.time = e.time;
    out.fieldsType = "FieldsV1";
    out.fieldsV1 = e.raw && e.raw.set === e.set ? e.raw.json : e.set.toJSON();
    if (e.subresource) out.subresource = e.subresource;
    return out;
  });
}

export function setManagedFields(obj: object, entries: Iterable<ManagerEntry>): void {
  const o = obj as JMap;
  if (!isMap(o.metadata)) o.metadata = {};
  const encoded = encodeManagedFields(entries);
  if (encoded.length) (o.metadata as JMap).managedFields = encoded;
  else delete (o.metadata as JMap).managedFields;
}

/** metav1.Time's encoding: RFC 3339 in UTC, whole seconds. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Update operations beyond this many are folded into one "ancient-changes" entry (capManagers). */
export const MAX_UPDATE_MANAGERS = 10;

/** capManagersManager: merge the oldest Update entries into "ancient-changes". */
export function capUpdateManagers(entries: ManagerEntry[]): ManagerEntry[] {
  const updates = entries.filter((e) => e.operation === "Update");
  if (updates.length <= MAX_UPDATE_MANAGERS) return entries;
  // Oldest first; the bucket itself is never folded away.
  const byAge = updates.filter((e) => e.manager !== "ancient-changes").sort((a, b) => (a.time ? Date.parse(a.time) : 0) - (b.time ? Date.parse(b.time) : 0));
  let bucket = entries.find((e) => e.manager === "ancient-changes" && e.operation === "Update");
  const drop = new Set<ManagerEntry>();
  let count = updates.length;
  for (const e of byAge) {
    if (count <= MAX_UPDATE_MANAGERS) break;
    if (!bucket) {
      bucket = { manager: "ancient-changes", operation: "Update", apiVersion: e.apiVersion, set: new FieldSet() };
      if (e.time) bucket.time = e.time;
      count++;
      entries = [...entries, bucket];
    }
    bucket.set = bucket.set.union(e.set);
    drop.add(e);
    count--;
  }
  return entries.filter((e) => !drop.has(e));
}

export interface UpdateOptions {
  manager: string;
  operation: "Update";
  apiVersion: string;
  now: Date;
  model: string;
  subresource?: string;
}

/**
 * Record an Update (create, PUT, or a non-apply PATCH): the fields it changed become the
 * manager's, and are taken from everyone else. Mutates next.metadata.managedFields.
 */
export function updateManagedFields(old: object | undefined, next: object, opts: UpdateOptions): void {
  const sent = decodeManagedFields(next, true);
  let entries = sent.length ? sent : decodeManagedFields(old);
  // An entry sent back exactly as stored (the usual read-modify-write) keeps its stored
  // fieldsV1 while its set does not change; stored encodings are the encoder's own.
  if (sent.length) keepStoredEncodings(sent, old);
  const node: TypeNode = modelNode(opts.model);
  const cmp = compare(viewWithoutManagedFields(old), viewWithoutManagedFields(next), node);
  // compare's sets are this function's own: no copy for a union with nothing.
  const changed = stripSet(cmp.modified.empty() ? cmp.added : cmp.added.empty() ? cmp.modified : cmp.added.union(cmp.modified));
  const removed = cmp.removed;
  const anyChanged = changed.nonEmpty();
  const anyRemoved = removed.nonEmpty();
  // Sets are never modified in place: an entry that loses nothing keeps its set (and encoding).
  for (const e of entries) if ((anyChanged && e.set.intersects(changed)) || (anyRemoved && e.set.intersects(removed))) e.set = e.set.difference(changed).difference(removed);
  if (anyChanged) {
    const self: ManagerEntry = { manager: opts.manager, operation: "Update", apiVersion: opts.apiVersion, set: changed };
    if (opts.subresource) self.subresource = opts.subresource;
    const id = identity(self);
    const prev = entries.find((e) => identity(e) === id);
    if (prev) {
      if (!changed.isSubsetOf(prev.set)) prev.set = prev.set.union(changed);
    } else entries.push(self);
    (prev ?? self).time = rfc3339(opts.now);
  }
  entries = capUpdateManagers(entries.filter((e) => e.set.nonEmpty()));
  setManagedFields(next, entries);
}

/** Mark the entries whose fieldsV1 equals the stored object's entry of the same identity as reusable. */
function keepStoredEncodings(entries: ManagerEntry[], old: object | undefined): void {
  const meta = (old as JMap | undefined)?.metadata;
  const list = isMap(meta) ? meta.managedFields : undefined;
  if (!Array.isArray(list) || list.length === 0) return;
  const stored = new Map<string, unknown>();
  for (const e of list) {
    if (!isMap(e)) continue;
    const id = identity({
      manager: typeof e.manager === "string" ? e.manager : "",
      operation: e.operation === "Apply" ? "Apply" : "Update",
      apiVersion: typeof e.apiVersion === "string" ? e.apiVersion : "",
      ...(typeof e.subresource === "string" && e.subresource ? { subresource: e.subresource } : {}),
    });
    if (!stored.has(id)) stored.set(id, e.fieldsV1);
  }
  for (const e of entries) {
    if (!e.raw) continue;
    const s = stored.get(identity(e));
    if (s === undefined || !deepEqual(s, e.raw.json)) delete e.raw;
  }
}
