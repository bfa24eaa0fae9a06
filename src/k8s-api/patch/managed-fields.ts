/**
 * metadata.managedFields: decoding/encoding the entries and recording Update operations, as
 * kube-apiserver's fieldmanager (managedfields/internal) and structured-merge-diff's Updater do.
 */
import { FieldSet, comparePE, fieldPE, type Path } from "./fieldpath.js";
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

const METADATA = fieldPE("metadata");
const MANAGED_FIELDS = fieldPE("managedFields");

/** s without the fields never tracked; s itself (not a copy) when it has none of them. */
export function stripSet(s: FieldSet): FieldSet {
  if (!s.intersects(STRIP_SET) && !s.children.get(METADATA)?.children.has(MANAGED_FIELDS)) return s;
  const out = s.difference(STRIP_SET);
  out.children.get(METADATA)?.children.delete(MANAGED_FIELDS);
  return out;
}

const ROOT_STRIPPED = ["apiVersion", "kind", "metadata"].map(fieldPE);
const META_STRIPPED = ["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"].map(fieldPE);

/**
 * stripSet for a set the caller owns (fresh from compare or toFieldSet, no empty sets in it):
 * the same set, made by removing from s itself rather than copying all of it (a create's set
 * is all of the object, and always has metadata.name).
 */
export function stripOwnSet(s: FieldSet): FieldSet {
  for (const pe of ROOT_STRIPPED) s.members.delete(pe);
  const meta = s.children.get(METADATA);
  if (meta) {
    for (const pe of META_STRIPPED) meta.members.delete(pe);
    meta.children.delete(MANAGED_FIELDS);
    if (meta.empty()) s.children.delete(METADATA);
  }
  return s;
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
  return encodeEntries(
    [...entries].filter((e) => e.set.nonEmpty()),
    (e) => (e.raw && e.raw.set === e.set ? e.raw.json : e.set.toJSON()),
  );
}

type EntryMeta = Pick<ManagerEntry, "manager" | "operation" | "apiVersion" | "time" | "subresource">;

/** The encoding of (non-empty) entries: sorted as sortEncodedManagedFields, each with its fieldsV1. */
function encodeEntries<E extends EntryMeta>(entries: E[], fieldsV1: (e: E) => unknown): JMap[] {
  // Each entry's time in seconds, parsed once rather than on every comparison (one entry: no sort).
  const seconds = new Map<E, number>();
  if (entries.length > 1) for (const e of entries) seconds.set(e, e.time ? Date.parse(e.time) / 1000 : 0);
  const sorted = entries.length < 2 ? entries : entries.sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
    const ps = seconds.get(p)!;
    const qs = seconds.get(q)!;
    if (ps !== qs) return ps - qs;
    if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
    if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1;
    return (p.subresource ?? "") < (q.subresource ?? "") ? -1 : (p.subresource ?? "") > (q.subresource ?? "") ? 1 : 0;
  });
  return sorted.map((e) => {
    const out: JMap = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion };
    if (e.time) out.time = e.time;
    out.fieldsType = "FieldsV1";
    out.fieldsV1 = fieldsV1(e);
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
 * An entry while an Update is recorded: its set is decoded from the fieldsV1 it came with
 * only when the set has to change (or be tested in a way the JSON cannot answer).
 */
class Tracked implements EntryMeta {
  /** identity(), computed once. */
  readonly id: string;
  /** json may be written back as it is: it equals the stored entry's (keepStoredEncodings). */
  keep = false;
  /** The set, once decoded from json or replaced. */
  set: FieldSet | undefined;
  /** The set was replaced: json no longer describes it. */
  replaced = false;
  /** The writer's own entry, whose set this write leaves as it was (updateManagedFields). */
  sameSet = false;

  // Every field is set here, in one order: the encoder's sort and map see one shape.
  constructor(
    readonly manager: string,
    readonly operation: "Apply" | "Update",
    readonly apiVersion: string,
    public time: string | undefined,
    readonly subresource: string | undefined,
    /** The fieldsV1 it came with. */
    readonly json: unknown,
    /** It came in the request's object (else from the stored one). */
    readonly sent: boolean,
    set?: FieldSet,
    id?: string,
  ) {
    this.id = id ?? identity(this);
    this.set = set;
  }
}

function tracked(obj: object | undefined, sent: boolean): Tracked[] {
  const meta = (obj as JMap | undefined)?.metadata;
  const list = isMap(meta) ? meta.managedFields : undefined;
  if (!Array.isArray(list)) return [];
  const out: Tracked[] = [];
  for (const e of list) {
    if (!isMap(e)) continue;
    const time = typeof e.time === "string" ? e.time : e.time instanceof Date ? rfc3339(e.time) : undefined;
    out.push(
      new Tracked(
        typeof e.manager === "string" ? e.manager : "",
        e.operation === "Apply" ? "Apply" : "Update",
        typeof e.apiVersion === "string" ? e.apiVersion : "",
        time,
        typeof e.subresource === "string" && e.subresource ? e.subresource : undefined,
        e.fieldsV1,
        sent,
      ),
    );
  }
  return out;
}

function setOf(t: Tracked): FieldSet {
  return (t.set ??= FieldSet.fromJSON(t.json));
}

function replaceSet(t: Tracked, s: FieldSet): void {
  t.set = s;
  t.replaced = true;
}

function intersects(t: Tracked, s: FieldSet): boolean {
  return t.set ? t.set.intersects(s) : jsonIntersects(t.json, s);
}

function trackedNonEmpty(t: Tracked): boolean {
  return t.set ? t.set.nonEmpty() : jsonNonEmpty(t.json);
}

/** What the entry's fieldsV1 is written as: FieldSet.toJSON of its set unless the JSON it came with is known to be that. */
function trackedFieldsV1(t: Tracked): unknown {
  if (!t.replaced && (t.keep || (t.sameSet && t.sent && canonicalFieldsV1(t.json)))) return t.json;
  return setOf(t).toJSON();
}

/**
 * Record an Update (create, PUT, or a non-apply PATCH): the fields it changed become the
 * manager's, and are taken from everyone else. Mutates next.metadata.managedFields.
 *
 * As fieldmanager's managedFieldsUpdater: the write's changed fields are taken from every
 * entry (the writer's own too) and given to the writer's entry, whose time is stamped when
 * anything changed. An entry that loses nothing keeps its fieldsV1 JSON (no decode, no
 * encode); so does the writer's own entry when it already owned every changed field and
 * loses nothing removed (a Lease renewal, a status writer's repeated fields): its set is
 * the one it had, and only its time moves.
 */
export function updateManagedFields(old: object | undefined, next: object, opts: UpdateOptions): void {
  let entries = tracked(next, true);
  const fromSent = entries.length > 0;
  if (!fromSent) entries = tracked(old, false);
  const node: TypeNode = modelNode(opts.model);
  const cmp = compare(viewWithoutManagedFields(old), viewWithoutManagedFields(next), node);
  // compare's sets are this function's own: no copy for a union with nothing.
  const changed = stripOwnSet(cmp.modified.empty() ? cmp.added : cmp.added.empty() ? cmp.modified : cmp.added.union(cmp.modified));
  const removed = cmp.removed;
  const anyChanged = changed.nonEmpty();
  const anyRemoved = removed.nonEmpty();
  const selfId = identity(opts);
  // The writer's entry (the first of its identity): with anything changed, it is written from its set whatever it came with.
  const own = anyChanged ? entries.find((e) => e.id === selfId) : undefined;
  // An entry sent back exactly as stored (the usual read-modify-write) keeps its stored
  // fieldsV1 while its set does not change; stored encodings are the encoder's own.
  if (fromSent) keepStoredEncodings(entries, old, own);
  // Sets are never modified in place: an entry that loses nothing keeps its set (and encoding).
  for (const e of entries) {
    if (e === own) continue;
    if ((anyChanged && intersects(e, changed)) || (anyRemoved && intersects(e, removed))) replaceSet(e, without(setOf(e), changed, anyRemoved ? removed : undefined));
  }
  if (anyChanged) {
    let self = own;
    if (!self) {
      self = new Tracked(opts.manager, "Update", opts.apiVersion, undefined, opts.subresource || undefined, undefined, false, changed, selfId);
      self.replaced = true;
      entries.push(self);
    } else if (!(anyRemoved && intersects(self, removed)) && (self.set ? changed.isSubsetOf(self.set) : jsonContains(self.json, changed))) {
      // (own - changed - removed) + changed is own itself.
      self.sameSet = true;
    } else replaceSet(self, (anyRemoved ? without(setOf(self), removed, undefined) : setOf(self)).union(changed));
    self.time = rfc3339(opts.now);
  }
  entries = entries.filter(trackedNonEmpty);
  if (entries.filter((e) => e.operation === "Update").length > MAX_UPDATE_MANAGERS) {
    // Folding into ancient-changes works on sets: the general encoder, each entry's JSON kept where it was.
    const asEntries = entries.map((t): ManagerEntry => {
      const set = setOf(t);
      const e: ManagerEntry = { manager: t.manager, operation: t.operation, apiVersion: t.apiVersion, set };
      if (t.time) e.time = t.time;
      if (t.subresource) e.subresource = t.subresource;
      if (!t.replaced && (t.keep || (t.sameSet && t.sent && canonicalFieldsV1(t.json)))) e.raw = { set, json: t.json };
      return e;
    });
    setManagedFields(next, capUpdateManagers(asEntries));
    return;
  }
  const o = next as JMap;
  if (!isMap(o.metadata)) o.metadata = {};
  const encoded = encodeEntries(entries, trackedFieldsV1);
  if (encoded.length) (o.metadata as JMap).managedFields = encoded;
  else delete (o.metadata as JMap).managedFields;
}

/** a.difference(b).difference(c) in one walk of a: the same members, no intermediate set. */
function without(a: FieldSet, b: FieldSet, c: FieldSet | undefined): FieldSet {
  const out = new FieldSet();
  for (const pe of a.members) if (!b.members.has(pe) && !c?.members.has(pe)) out.members.add(pe);
  for (const [pe, child] of a.children) {
    const d = without(child, b.children.get(pe) ?? EMPTY, c?.children.get(pe));
    if (d.members.size || d.children.size) out.children.set(pe, d);
  }
  return out;
}

const EMPTY = new FieldSet();

/**
 * Mark the entries whose fieldsV1 equals the stored object's entry of the same identity as
 * reusable (`skip`: an entry whose JSON is not written as it is anyway).
 */
function keepStoredEncodings(entries: Tracked[], old: object | undefined, skip: Tracked | undefined): void {
  const meta = (old as JMap | undefined)?.metadata;
  const list = isMap(meta) ? meta.managedFields : undefined;
  // Nothing stored (a create): what the client sent is written as it is.
  if (!Array.isArray(list) || list.length === 0) {
    for (const e of entries) if (e !== skip) e.keep = true;
    return;
  }
  const stored = new Map<string, unknown>();
  for (const e of list) {
    if (!isMap(e)) continue;
    const operation = e.operation === "Apply" ? "Apply" : "Update";
    const id = JSON.stringify([
      typeof e.manager === "string" ? e.manager : "",
      operation,
      operation === "Apply" ? "" : typeof e.apiVersion === "string" ? e.apiVersion : "",
      typeof e.subresource === "string" ? e.subresource : "",
    ]); // identity() of the entry, without building it
    if (!stored.has(id)) stored.set(id, e.fieldsV1);
  }
  for (const e of entries) {
    if (e === skip) continue;
    const s = stored.get(e.id);
    e.keep = s !== undefined && deepEqual(s, e.json);
  }
}

// ---- fieldsV1 JSON read without decoding it (the answers FieldSet.fromJSON's set would give) ----

const isObjectLike = (v: unknown): v is JMap => typeof v === "object" && v !== null;

function hasNoKeys(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Whether fromJSON makes `pe` of this object a member: an empty object, a non-object, or one with ".". */
function memberJSON(sub: unknown): boolean {
  return !isObjectLike(sub) || hasNoKeys(sub) || Object.hasOwn(sub, ".");
}

/** FieldSet.fromJSON(v).nonEmpty(): every key but "." makes a member somewhere below it. */
function jsonNonEmpty(v: unknown): boolean {
  if (!isObjectLike(v)) return false;
  for (const k in v) if (k !== ".") return true;
  return false;
}

/** FieldSet.fromJSON(v).intersects(s). */
function jsonIntersects(v: unknown, s: FieldSet): boolean {
  if (!isObjectLike(v)) return false;
  for (const pe of s.members) if (pe !== "." && Object.hasOwn(v, pe) && memberJSON(v[pe])) return true;
  for (const [pe, c] of s.children) if (pe !== "." && Object.hasOwn(v, pe) && jsonIntersects(v[pe], c)) return true;
  return false;
}

/** s.isSubsetOf(FieldSet.fromJSON(v)). */
function jsonContains(v: unknown, s: FieldSet): boolean {
  if (!isObjectLike(v)) return s.empty();
  for (const pe of s.members) if (pe === "." || !Object.hasOwn(v, pe) || !memberJSON(v[pe])) return false;
  for (const [pe, c] of s.children) if (!(pe !== "." && Object.hasOwn(v, pe) ? jsonContains(v[pe], c) : c.empty())) return false;
  return true;
}

/**
 * Whether v is exactly what FieldSet.toJSON writes for the set fromJSON decodes from it:
 * the same keys in the same order, so that it can be written back instead of encoding the
 * set again. Anything unusual (a key toJSON could not order strictly) answers no.
 */
export function canonicalFieldsV1(v: unknown): boolean {
  try {
    return canonicalLevel(v, false);
  } catch {
    return false;
  }
}

function canonicalLevel(v: unknown, nested: boolean): boolean {
  if (!isMap(v)) return false;
  const keys = Object.keys(v);
  let i = 0;
  // A member with children: "." first, an empty object, and at least one child.
  if (nested && keys[0] === ".") {
    const dot = v["."];
    if (!isMap(dot) || !hasNoKeys(dot) || keys.length === 1) return false;
    i = 1;
  }
  for (let j = i; j < keys.length; j++) {
    const k = keys[j]!;
    // sortedElements orders by comparePE: strictly increasing keys are in its order, whatever the sort.
    if (k === "." || (j > i && !(comparePE(keys[j - 1]!, k) < 0))) return false;
    const sub = v[k];
    if (!isMap(sub) || (!hasNoKeys(sub) && !canonicalLevel(sub, true))) return false;
  }
  return true;
}
