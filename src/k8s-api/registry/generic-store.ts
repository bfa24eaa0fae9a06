/**
 * The generic REST store: create, get, list, update, delete and watch for any resource,
 * with per-resource behaviour injected through its Strategy (as k8s.io/apiserver's
 * genericregistry.Store). Objects are stored as JSON without metadata.resourceVersion;
 * the store's modRevision is the resourceVersion.
 */
import type { V1DeleteOptions } from "@kubernetes/client-node";
import { ConflictError, KeyExistsError, KeyNotFoundError, CompactedError, FutureRevisionError } from "../store/errors.js";
import type { Store, StoreEntry, StoreEvent, StoreWatch } from "../store/types.js";
import { StatusError, alreadyExists, conflict, gone, invalid, notFound, badRequest, type StatusCause } from "../errors.js";
import { cloneJSON, type KubeObject } from "../types.js";
import { apiVersionOf, type ResourceInfo, type SubresourceStrategy } from "./types.js";
import { clone, generateName, jsonEqual, metaOf, newUid, rfc3339 } from "./object-meta.js";
import { decodeContinue, encodeContinue } from "./continue-token.js";
import { fieldValues } from "../selectors/fields.js";

/** Hooks the registry supplies for checks that span resources (admission, managed fields). */
export interface StoreHooks {
  /** Admission on create (namespace lifecycle). Throws a StatusError to refuse. */
  admitCreate?(info: ResourceInfo, obj: KubeObject): Promise<void>;
  /** Metadata validation shared by every resource. */
  validateMeta?(info: ResourceInfo, obj: KubeObject, old: KubeObject | undefined): StatusCause[];
  /**
   * Resource-specific work before a create is stored (ClusterIP allocation). Returns a
   * function told whether the create succeeded, to release on failure.
   */
  beginCreate?(info: ResourceInfo, obj: KubeObject, w: WriteContext): Promise<(ok: boolean) => Promise<void>>;
  /** Like beginCreate, for updates. */
  beginUpdate?(info: ResourceInfo, next: KubeObject, old: KubeObject, w: WriteContext): Promise<(ok: boolean) => Promise<void>>;
  /** After an object is gone from the store. */
  afterDelete?(info: ResourceInfo, obj: KubeObject): Promise<void>;
  /** Maintain metadata.managedFields for a non-apply write. */
  trackManagedFields?(info: ResourceInfo, old: KubeObject | undefined, next: KubeObject, write: WriteContext): void;
}

/** Who writes and how (fieldManager, dryRun, subresource). */
export interface WriteContext {
  readonly fieldManager: string;
  /** "Apply" for server-side apply (ownership is computed by the merge itself). */
  readonly operation: "Update" | "Apply";
  readonly dryRun: boolean;
  readonly subresource?: string;
  readonly now: Date;
}

/**
 * A filter of objects. With `selectors` it is exactly "labels match and fields match"
 * (what predicateFromQuery compiles), which lets a list test an entry from the labels and
 * field set kept beside it (upstream's watch cache keeps them the same way) instead of
 * decoding the entry for every list.
 */
export type Predicate = ((obj: KubeObject) => boolean) & {
  readonly selectors?: {
    /** Called with metadata.labels, or {} when there are none. */
    readonly labels?: (labels: Readonly<Record<string, string>>) => boolean;
    /** Called with the resource's field set (fieldValues). */
    readonly fields?: (fields: Readonly<Record<string, string>>) => boolean;
  };
};

export interface ListParams {
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: string;
  readonly limit?: number;
  readonly continue?: string;
  /** Compiled label/field selectors; a filtered list reports no remainingItemCount. */
  readonly predicate?: Predicate;
}

export interface ObjectList {
  readonly items: KubeObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

/** A list as stored entries (ResourceStore.listEntries). */
export interface EntryList {
  readonly entries: readonly StoreEntry[];
  /** The entries decoded, when a predicate had to decode them anyway. */
  readonly decoded?: readonly KubeObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly object: KubeObject;
  /**
   * Set when `object` is shared with other watchers: where they keep its encodings, so
   * that each is made once for all of them (keyed by the encoding's name).
   */
  readonly encodings?: Record<string, string>;
}

/** The outcome of an update: the object written (or created), and the one it replaced. */
export interface UpdateResult {
  readonly object: KubeObject;
  readonly created: boolean;
  readonly previous?: KubeObject;
}

export interface WatchParams {
  /** Absent or "0": start with synthetic ADDED events of the current state. */
  readonly resourceVersion?: string;
  readonly predicate?: Predicate;
  /** Send the current state first even when resourceVersion is set (sendInitialEvents). */
  readonly sendInitialEvents?: boolean;
  /** Called right after the initial events, with the revision they were read at. */
  readonly onInitialEventsEnd?: (revision: number) => void;
  /**
   * The watcher only reads the objects it is given (the HTTP watch serializes them): it gets
   * the objects decoded once per store event for all such watchers, and must not modify them.
   */
  readonly shared?: boolean;
}

export interface DeleteResult {
  readonly object: KubeObject;
  /** False when finalizers or a grace period keep the object for now. */
  readonly deleted: boolean;
}

const MAX_CAS_RETRIES = 10;

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** How long a read at a future resourceVersion waits for the store to reach it (kube-apiserver: 3 s). */
const FRESHNESS_TIMEOUT_MS = 3000;

const INCONSISTENT_CONTINUE =
  "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

/**
 * Debugging aid (BERTH_FREEZE_SHARED=1): shared decoded objects are deep-frozen, so code
 * that modifies one fails loudly (TypeError in strict mode) instead of corrupting others.
 */
const FREEZE_SHARED = process.env.BERTH_FREEZE_SHARED === "1";

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The store of one resource. */
export class ResourceStore {
  private readonly keyRoot: string;
  /**
   * Stored versions decoded once for all shared watchers. A store hands every watcher the
   * same event and entry objects (MemoryStore's event log) and delivers an event to all of
   * them in one go, so the decodes are kept only until the current task ends: kept longer,
   * they would outlive the young generation and cost more in garbage collection than the
   * decodes they save (measured).
   */
  private readonly sharedDecodes = new Map<StoreEntry | StoreEvent, { obj: KubeObject; encodings: Record<string, string> }>();
  /** Watchers that take shared objects; with one, nothing is shared (nor kept). */
  private sharedWatchers = 0;
  readonly group: string;
  /** How stored JSON of this resource starts when the client sent apiVersion, kind, metadata first (listItemJson). */
  private readonly typeMetaPrefix: string;
  /**
   * What selectors read of a stored version, decoded once per entry: a StoreEntry is one
   * immutable revision of a key (a write makes a new entry object), so nothing here is
   * ever stale, and an entry's attributes go when the store lets go of the entry.
   */
  private readonly entryLabels = new WeakMap<StoreEntry, Readonly<Record<string, string>>>();
  private readonly entryFields = new WeakMap<StoreEntry, Readonly<Record<string, string>>>();

  constructor(
    readonly info: ResourceInfo,
    private readonly store: Store,
    private readonly hooks: StoreHooks = {},
  ) {
    const stored = info.storedAs ?? info;
    this.keyRoot = `/registry/${stored.group || "core"}/${stored.plural}/`;
    this.group = info.group;
    this.typeMetaPrefix = `{"apiVersion":${JSON.stringify(apiVersionOf(info))},"kind":${JSON.stringify(info.kind)},"metadata":{`;
  }

  /** Key prefix for a namespace (or all namespaces when ns is empty). */
  prefix(ns: string): string {
    return this.info.namespaced && ns ? `${this.keyRoot}${ns}/` : this.keyRoot;
  }

  key(ns: string, name: string): string {
    return this.info.namespaced ? `${this.keyRoot}${ns}/${name}` : `${this.keyRoot}${name}`;
  }

  // ---- encoding -------------------------------------------------------------------

  /** Stored JSON of an object (no resourceVersion; another representation when storedAs). */
  private encode(obj: KubeObject): string {
    const o = this.info.storedAs ? this.info.storedAs.toStored(obj) : obj;
    const meta = o.metadata;
    if (meta && meta.resourceVersion !== undefined) {
      const { resourceVersion: _rv, ...rest } = meta;
      return JSON.stringify({ ...o, metadata: rest });
    }
    return JSON.stringify(o);
  }

  /** The object of a stored entry, with resourceVersion set from its revision. */
  decode(entry: StoreEntry, revision = entry.modRevision): KubeObject {
    let obj = JSON.parse(entry.value) as KubeObject;
    if (this.info.storedAs) obj = this.info.storedAs.fromStored(obj);
    obj.apiVersion = apiVersionOf(this.info);
    obj.kind = this.info.kind;
    metaOf(obj).resourceVersion = String(revision);
    return obj;
  }

  // ---- reads ----------------------------------------------------------------------

  async get(ns: string, name: string, resourceVersion?: string): Promise<KubeObject> {
    const rv = parseResourceVersion(resourceVersion);
    if (rv > 0) await this.waitUntilFresh(rv);
    const entry = await this.store.get(this.key(ns, name));
    if (!entry) throw notFound(this.group, this.info.plural, name);
    return this.decode(entry);
  }

  /**
   * The object of a stored version (`key` an entry) or of a delete (`key` its event),
   * decoded once per task for every shared watcher, which must not modify it.
   */
  private sharedDecode(key: StoreEntry | StoreEvent, decode: () => KubeObject): { obj: KubeObject; encodings: Record<string, string> } {
    let d = this.sharedDecodes.get(key);
    if (!d) {
      d = { obj: decode(), encodings: {} };
      if (FREEZE_SHARED) deepFreeze(d.obj);
      if (this.sharedDecodes.size === 0) setImmediate(() => this.sharedDecodes.clear());
      this.sharedDecodes.set(key, d);
    }
    return d;
  }

  /** Current object or undefined (no error). */
  async tryGet(ns: string, name: string): Promise<{ obj: KubeObject; entry: StoreEntry } | undefined> {
    const entry = await this.store.get(this.key(ns, name));
    return entry ? { obj: this.decode(entry), entry } : undefined;
  }

  async list(ns: string, p: ListParams = {}): Promise<ObjectList> {
    const { entries, decoded, ...meta } = await this.collect(ns, p);
    return { items: decoded ?? entries.map((e) => this.decode(e)), ...meta };
  }

  /**
   * The stored entries a list would return (same pages, continue tokens and selectors), not
   * decoded: for responses that write each item's stored JSON (listItemJson) instead of
   * decoding and encoding it again.
   */
  async listEntries(ns: string, p: ListParams = {}): Promise<EntryList> {
    const { decoded, ...rest } = await this.collect(ns, p);
    return decoded ? { ...rest, decoded } : rest;
  }

  /**
   * One entry as an item of a typed list, as JSON: without apiVersion and kind (as
   * kube-apiserver writes the items of a typed list), metadata.resourceVersion set from
   * its revision. Stored JSON that starts with this resource's apiVersion, kind and
   * metadata (what create writes for a client's object) is spliced, not decoded:
   * resourceVersion goes first in metadata (encode never stores one). Anything else is
   * decoded and encoded again.
   */
  listItemJson(entry: StoreEntry): string {
    let json = "";
    this.writeListItem(entry, (s) => (json += s));
    return json;
  }

  /**
   * listItemJson handed to `write` in parts, the stored JSON's tail as a slice of it: the
   * caller encodes each part where it goes instead of joining them into a new string.
   */
  writeListItem(entry: StoreEntry, write: (part: string) => void): void {
    const v = entry.value;
    if (!this.info.storedAs && v.startsWith(this.typeMetaPrefix)) {
      const rest = v.slice(this.typeMetaPrefix.length);
      write(`{"metadata":{"resourceVersion":"${entry.modRevision}"${rest.charCodeAt(0) === 125 /* } */ ? "" : ","}`);
      write(rest);
      return;
    }
    const { apiVersion: _a, kind: _k, ...rest } = this.decode(entry);
    write(JSON.stringify(rest));
  }

  private async collect(ns: string, p: ListParams): Promise<EntryList & { readonly decoded?: KubeObject[] }> {
    const prefix = this.prefix(ns);
    let revision = 0;
    let startAfter: string | undefined;
    if (p.continue) {
      const t = decodeContinue(p.continue);
      // -1: continue at the latest revision (the token a 410 hands out for an inconsistent continuation).
      revision = Math.max(0, t.revision);
      startAfter = prefix + t.startAfter;
    } else {
      const rv = parseResourceVersion(p.resourceVersion);
      const match = p.resourceVersionMatch ?? "";
      if (match && match !== "Exact" && match !== "NotOlderThan")
        throw badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
      if (match && p.resourceVersion === undefined) throw invalidListOption("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided");
      if (match === "Exact") {
        if (rv === 0) throw invalidListOption("resourceVersionMatch", 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
        await this.waitUntilFresh(rv);
        revision = rv;
      } else if (rv > 0) {
        await this.waitUntilFresh(rv);
        // Legacy exact match (storage.ValidateListOptions): a limited list at a resourceVersion without a match reads at it.
        if (!match && p.limit && p.limit > 0) revision = rv;
      }
    }
    const limit = p.limit && p.limit > 0 ? p.limit : 0;
    const items: StoreEntry[] = [];
    // A predicate of selectors is tested on each entry's kept attributes; any other decodes
    // every entry to test it, and the matches are kept decoded.
    const selectors = p.predicate?.selectors;
    const decoded: KubeObject[] | undefined = p.predicate && !selectors ? [] : undefined;
    let more = false;
    let remaining = 0;
    let lastKey: string | undefined;
    let readAt = revision;
    // With a predicate a page is filled by reading further pages, as the etcd3 store does.
    for (;;) {
      const res = await this.readPage(prefix, readAt, limit, startAfter, p.continue ? startAfter : undefined);
      readAt = res.revision;
      let i = 0;
      for (; i < res.entries.length && !(limit && items.length >= limit); i++) {
        const entry = res.entries[i]!;
        lastKey = entry.key;
        if (!p.predicate) items.push(entry);
        else if (selectors) {
          if (this.selects(entry, selectors)) items.push(entry);
        } else {
          const obj = this.decode(entry);
          if (p.predicate(obj)) {
            items.push(entry);
            decoded!.push(obj);
          }
        }
      }
      const leftInPage = res.entries.length - i;
      more = leftInPage > 0 || res.more;
      remaining = leftInPage + res.remaining;
      if (!more || (limit && items.length >= limit)) break;
      startAfter = lastKey;
    }
    const out: { entries: StoreEntry[]; decoded?: KubeObject[]; resourceVersion: string; continue?: string; remainingItemCount?: number } = {
      entries: items,
      resourceVersion: String(readAt),
      ...(decoded ? { decoded } : {}),
    };
    if (more && lastKey) {
      out.continue = encodeContinue({ revision: readAt, startAfter: lastKey.slice(prefix.length) });
      if (!p.predicate) out.remainingItemCount = remaining;
    }
    return out;
  }

  /** Whether a stored entry passes a predicate's selectors, from its kept labels and fields (decoded on first use). */
  private selects(entry: StoreEntry, sel: NonNullable<Predicate["selectors"]>): boolean {
    let labels = sel.labels ? this.entryLabels.get(entry) : undefined;
    let fields = sel.fields ? this.entryFields.get(entry) : undefined;
    if ((sel.labels && !labels) || (sel.fields && !fields)) {
      // A private decode: nothing else holds these objects, so they can be kept as they are.
      const obj = this.decode(entry);
      if (sel.labels && !labels) this.entryLabels.set(entry, (labels = obj.metadata?.labels ?? NO_LABELS));
      if (sel.fields && !fields) this.entryFields.set(entry, (fields = fieldValues(this.info, obj)));
    }
    return (!sel.labels || sel.labels(labels!)) && (!sel.fields || sel.fields(fields!));
  }

  /** `continuedAfter`: the key a continue token resumes after, when the list is a continuation. */
  private async readPage(prefix: string, revision: number, limit: number, startAfter: string | undefined, continuedAfter: string | undefined) {
    try {
      return await this.store.list(prefix, { revision, limit, ...(startAfter ? { startAfter } : {}) });
    } catch (e) {
      if (!(e instanceof CompactedError)) throw e;
      // etcd3 handleCompactedErrorForPaging: a token that resumes at the latest revision comes with the 410.
      if (continuedAfter !== undefined)
        throw new StatusError(410, "Expired", INCONSISTENT_CONTINUE, undefined, { continue: encodeContinue({ revision: -1, startAfter: continuedAfter.slice(prefix.length) }) });
      // etcd3 interpretListError: the list's own wording, not the watch cache's.
      throw gone("The resourceVersion for the provided list is too old.");
    }
  }

  /**
   * A read at a revision the store has not reached yet waits for it up to 3 s (the watch
   * cache's waitUntilFreshAndBlock), then fails with 504 "Too large resource version".
   */
  private async waitUntilFresh(rv: number): Promise<void> {
    if (rv <= this.store.currentRevision()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, FRESHNESS_TIMEOUT_MS);
      const check = () => {
        if (this.store.currentRevision() >= rv) done();
      };
      const w = this.store.watch("/", { fromRevision: this.store.currentRevision() }, check);
      // A store whose revisions also count writes that change no key (NATS: its
      // compaction record) reaches rv without a watch event: look now and then too.
      const poll = setInterval(check, 50);
      function done() {
        clearTimeout(timer);
        clearInterval(poll);
        w.stop();
        resolve();
      }
    });
    const current = this.store.currentRevision();
    if (rv > current)
      // storage.NewTooLargeResourceVersionError: errors.NewTimeoutError prefixes "Timeout: ".
      throw new StatusError(504, "Timeout", `Timeout: Too large resource version: ${rv}, current: ${current}`, {
        causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }],
        retryAfterSeconds: 1,
      });
  }


  // ---- writes ---------------------------------------------------------------------

  /** Create obj in namespace ns (obj is consumed). */
  async create(ns: string, obj: KubeObject, w: WriteContext): Promise<KubeObject> {
    const meta = metaOf(obj);
    this.checkNamespace(ns, obj);
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
    // Fields the server owns on create.
    meta.uid = newUid();
    meta.creationTimestamp = rfc3339(w.now) as unknown as Date;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.selfLink;
    if (this.info.namespaced) meta.namespace = ns;
    else delete meta.namespace;
    const s = this.info.strategy;
    s.applyDefaults?.(obj);
    s.prepareForCreate?.(obj);
    if (this.hooks.admitCreate) await this.hooks.admitCreate(this.info, obj);
    const finish = w.dryRun ? undefined : await this.hooks.beginCreate?.(this.info, obj, w);
    let ok = false;
    try {
      this.validate(obj, undefined);
      this.hooks.trackManagedFields?.(this.info, undefined, obj, w);
      if (w.dryRun) return obj;
      const entry = await this.store.create(this.key(ns, meta.name!), this.encode(obj));
      metaOf(obj).resourceVersion = String(entry.modRevision);
      obj.apiVersion = apiVersionOf(this.info);
      obj.kind = this.info.kind;
      ok = true;
      return obj;
    } catch (e) {
      if (e instanceof KeyExistsError) throw alreadyExists(this.group, this.info.plural, meta.name!);
      throw e;
    } finally {
      await finish?.(ok);
    }
  }

  /**
   * Replace the object (PUT). `subresource` selects which part of it the write may
   * change (status writes keep the spec, spec writes keep the status).
   */
  async update(ns: string, name: string, obj: KubeObject, w: WriteContext, sub?: SubresourceStrategy): Promise<UpdateResult> {
    const meta = metaOf(obj);
    if (meta.name !== undefined && meta.name !== name)
      throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    meta.name = name;
    this.checkNamespace(ns, obj);
    const wanted = meta.resourceVersion;
    if (wanted !== undefined && !/^\d+$/.test(wanted)) throw invalid(this.group, this.info.kind, name, [{ reason: "FieldValueInvalid", field: "metadata.resourceVersion", message: `Invalid value: "${wanted}": must be a decimal integer` }]);
    return this.guaranteedUpdate(ns, name, w, async (current) => {
      if (!current) {
        if (!this.info.strategy.allowCreateOnUpdate || sub) throw notFound(this.group, this.info.plural, name);
        return { create: clone(obj) };
      }
      if (wanted !== undefined && wanted !== current.metadata!.resourceVersion)
        throw conflict(this.group, this.info.plural, name, "the object has been modified; please apply your changes to the latest version and try again");
      if (wanted === undefined && this.info.strategy.allowUnconditionalUpdate === false)
        throw invalid(this.group, this.info.kind, name, [{ reason: "FieldValueRequired", field: "metadata.resourceVersion", message: "Invalid value: 0x0: must be specified for an update" }]);
      return { update: clone(obj) };
    }, sub);
  }

  /**
   * Read-modify-write with retries on revision conflicts: `mutate` sees the current
   * object and returns the desired one (or asks to create it). Used by update and patch.
   */
  async guaranteedUpdate(
    ns: string,
    name: string,
    w: WriteContext,
    mutate: (current: KubeObject | undefined) => Promise<{ update: KubeObject } | { create: KubeObject }>,
    sub?: SubresourceStrategy,
  ): Promise<UpdateResult> {
    for (let attempt = 0; ; attempt++) {
      const cur = await this.tryGet(ns, name);
      // mutate's own copy of the stored object: the same object a second decode of the entry
      // would be, copied from the decoded one (2-4x cheaper than parsing the JSON again).
      const next = await mutate(cur ? cloneJSON(cur.obj) : undefined);
      if ("create" in next) {
        const created = await this.create(ns, next.create, w);
        return { object: created, created: true };
      }
      if (!cur) throw notFound(this.group, this.info.plural, name);
      const obj = this.prepareUpdate(next.update, cur.obj, w, sub);
      if (equalButVolatile(obj, cur.obj)) return { object: cur.obj, created: false, previous: cur.obj };
      if (w.dryRun) return { object: obj, created: false, previous: cur.obj };
      const m = metaOf(obj);
      const finish = await this.hooks.beginUpdate?.(this.info, obj, cur.obj, w);
      let ok = false;
      try {
        // The last finalizer gone from an object being deleted with no grace left: delete it
        // (ShouldDeleteDuringUpdate: judged on the stored object's deletion, so the write that starts one is kept).
        const oldM = metaOf(cur.obj);
        if (oldM.deletionTimestamp && !(m.finalizers && m.finalizers.length) && !(oldM.deletionGracePeriodSeconds && oldM.deletionGracePeriodSeconds > 0) && this.info.strategy.shouldDeleteDuringUpdate?.(obj) !== false) {
          const del = await this.store.delete(this.key(ns, name), cur.entry.modRevision);
          m.resourceVersion = String(del.modRevision);
          ok = true;
          await this.hooks.afterDelete?.(this.info, obj);
          return { object: obj, created: false, previous: cur.obj };
        }
        const entry = await this.store.update(this.key(ns, name), this.encode(obj), cur.entry.modRevision);
        m.resourceVersion = String(entry.modRevision);
        ok = true;
        return { object: obj, created: false, previous: cur.obj };
      } catch (e) {
        if (e instanceof ConflictError && attempt < MAX_CAS_RETRIES) continue;
        if (e instanceof KeyNotFoundError) throw notFound(this.group, this.info.plural, name);
        if (e instanceof ConflictError) throw conflict(this.group, this.info.plural, name, "the object has been modified; please apply your changes to the latest version and try again");
        throw e;
      } finally {
        await finish?.(ok);
      }
    }
  }

  /**
   * Read-modify-write straight on storage, without the strategy, metadata carry-over or
   * validation (as registries that call Storage.GuaranteedUpdate do: the namespace Delete).
   */
  async rawUpdate(ns: string, name: string, w: WriteContext, mutate: (current: KubeObject) => KubeObject): Promise<KubeObject> {
    for (let attempt = 0; ; attempt++) {
      const cur = await this.tryGet(ns, name);
      if (!cur) throw notFound(this.group, this.info.plural, name);
      const obj = mutate(clone(cur.obj));
      if (w.dryRun || jsonEqual(obj, cur.obj)) return obj;
      try {
        const entry = await this.store.update(this.key(ns, name), this.encode(obj), cur.entry.modRevision);
        metaOf(obj).resourceVersion = String(entry.modRevision);
        return obj;
      } catch (e) {
        if (e instanceof ConflictError && attempt < MAX_CAS_RETRIES) continue;
        if (e instanceof KeyNotFoundError) throw notFound(this.group, this.info.plural, name);
        throw e;
      }
    }
  }

  /** Carry server-owned fields over from old, then default, prepare and validate. */
  private prepareUpdate(obj: KubeObject, old: KubeObject, w: WriteContext, sub?: SubresourceStrategy): KubeObject {
    const oldMeta = metaOf(old);
    let next = obj;
    // The merge copies what it takes from old (the stored object, read-only here).
    if (sub) next = sub.merge(obj, old);
    const meta = metaOf(next);
    meta.name = oldMeta.name!;
    if (this.info.namespaced) meta.namespace = oldMeta.namespace!;
    else delete meta.namespace;
    meta.uid = oldMeta.uid!;
    meta.creationTimestamp = oldMeta.creationTimestamp!;
    if (oldMeta.deletionTimestamp) {
      meta.deletionTimestamp = oldMeta.deletionTimestamp;
      if (oldMeta.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (oldMeta.generation !== undefined) meta.generation = oldMeta.generation;
    else delete meta.generation;
    delete meta.selfLink;
    next.apiVersion = apiVersionOf(this.info);
    next.kind = this.info.kind;
    const s = this.info.strategy;
    s.applyDefaults?.(next);
    const causes: StatusCause[] = [];
    if (sub) {
      causes.push(...(sub.validate?.(next, old) ?? []));
    } else {
      s.prepareForUpdate?.(next, old);
    }
    causes.push(...this.validationCauses(next, old, sub));
    if (causes.length) throw invalid(this.group, this.info.kind, meta.name!, causes);
    this.hooks.trackManagedFields?.(this.info, old, next, w);
    return next;
  }

  /** Metadata, then the resource's validation (or the subresource's in its place: SubresourceStrategy.validateResource). */
  private validationCauses(obj: KubeObject, old: KubeObject | undefined, sub?: SubresourceStrategy): StatusCause[] {
    const s = this.info.strategy;
    const causes = [...(this.hooks.validateMeta?.(this.info, obj, old) ?? [])];
    if (old && sub?.validateResource) causes.push(...sub.validateResource(obj, old));
    else {
      causes.push(...(s.validate?.(obj) ?? []));
      if (old) causes.push(...(s.validateUpdate?.(obj, old) ?? []));
    }
    return causes;
  }

  private validate(obj: KubeObject, old: KubeObject | undefined): void {
    const causes = this.validationCauses(obj, old);
    const meta = metaOf(obj);
    if (causes.length) throw invalid(this.group, this.info.kind, meta.name ?? meta.generateName ?? "", causes);
  }

  private checkNamespace(ns: string, obj: KubeObject): void {
    const meta = metaOf(obj);
    if (this.info.namespaced && meta.namespace && ns && meta.namespace !== ns)
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }

  /** DELETE of one object, with preconditions, grace periods, finalizers and propagation. */
  async delete(ns: string, name: string, opts: V1DeleteOptions, w: WriteContext): Promise<DeleteResult> {
    for (let attempt = 0; ; attempt++) {
      const cur = await this.tryGet(ns, name);
      if (!cur) throw notFound(this.group, this.info.plural, name);
      const obj = clone(cur.obj);
      const meta = metaOf(obj);
      const pre = opts.preconditions;
      if (pre?.uid && pre.uid !== meta.uid)
        throw conflict(this.group, this.info.plural, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${meta.uid}`);
      if (pre?.resourceVersion && pre.resourceVersion !== meta.resourceVersion)
        throw conflict(this.group, this.info.plural, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion}`);
      const grace = this.info.strategy.deletionGracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0;
      const finalizers = withPropagationFinalizer(meta.finalizers ?? [], opts);
      const changedFinalizers = !jsonEqual(finalizers, meta.finalizers ?? []);
      let write: "delete" | "update" | "none";
      if (meta.deletionTimestamp) {
        // Already being deleted: only shorten the grace period or update the policy finalizers.
        const graceLeft = meta.deletionGracePeriodSeconds ?? 0;
        if (grace < graceLeft) {
          meta.deletionGracePeriodSeconds = grace;
          meta.deletionTimestamp = rfc3339(new Date(w.now.getTime() + grace * 1000)) as unknown as Date;
        }
        if (finalizers.length) meta.finalizers = finalizers;
        write = finalizers.length === 0 && (meta.deletionGracePeriodSeconds ?? 0) === 0 ? "delete" : changedFinalizers || grace < graceLeft ? "update" : "none";
      } else if (finalizers.length || grace > 0) {
        meta.deletionTimestamp = rfc3339(new Date(w.now.getTime() + grace * 1000)) as unknown as Date;
        meta.deletionGracePeriodSeconds = grace;
        if (finalizers.length) meta.finalizers = finalizers;
        if (meta.generation !== undefined) meta.generation += 1;
        write = "update";
      } else write = "delete";
      if (w.dryRun || write === "none") return { object: obj, deleted: write === "delete" };
      try {
        if (write === "update") {
          const entry = await this.store.update(this.key(ns, name), this.encode(obj), cur.entry.modRevision);
          meta.resourceVersion = String(entry.modRevision);
          return { object: obj, deleted: false };
        }
        const del = await this.store.delete(this.key(ns, name), cur.entry.modRevision);
        meta.resourceVersion = String(del.modRevision);
        await this.hooks.afterDelete?.(this.info, obj);
        return { object: obj, deleted: true };
      } catch (e) {
        if (e instanceof ConflictError && attempt < MAX_CAS_RETRIES) continue;
        if (e instanceof KeyNotFoundError) throw notFound(this.group, this.info.plural, name);
        throw e;
      }
    }
  }

  // ---- watch ----------------------------------------------------------------------

  /**
   * Stream changes as watch events. Errors that kube-apiserver reports inside the
   * stream (410 for a compacted resourceVersion) arrive as an ERROR event.
   */
  async watch(ns: string, p: WatchParams, emit: (ev: WatchEvent) => void): Promise<StoreWatch> {
    const prefix = this.prefix(ns);
    const rv = parseResourceVersion(p.resourceVersion);
    let from = rv;
    if (rv === 0 || p.sendInitialEvents) {
      const listed = await this.store.list(prefix, rv > 0 ? { revision: rv } : {}).catch((e: unknown) => {
        if (e instanceof CompactedError) return undefined;
        throw e;
      });
      if (!listed) {
        emit({ type: "ERROR", object: gone(`too old resource version: ${rv}`).toStatus() as unknown as KubeObject });
        return { stop() {} };
      }
      const selectors = p.predicate?.selectors;
      for (const entry of listed.entries) {
        if (selectors && !this.selects(entry, selectors)) continue;
        const obj = this.decode(entry);
        if (selectors || !p.predicate || p.predicate(obj)) emit({ type: "ADDED", object: obj });
      }
      from = listed.revision;
      p.onInitialEventsEnd?.(from);
    }
    const predicate = p.predicate;
    // A revision another API server over the same store has handed out may not have
    // reached this one yet: wait for it as the watch cache does (waitUntilFreshAndBlock),
    // and report a timeout inside the stream, as upstream's errWatcher does.
    if (from > this.store.currentRevision()) {
      try {
        await this.waitUntilFresh(from);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        emit({ type: "ERROR", object: e.toStatus() as unknown as KubeObject });
        return { stop() {} };
      }
    }
    try {
      const shared = p.shared === true;
      const w = this.store.watch(prefix, { fromRevision: from }, (events) => {
        const share = shared && this.sharedWatchers > 1;
        for (const ev of events) {
          const out = this.toWatchEvent(ev, predicate, share);
          if (out) emit(out);
        }
      });
      if (!shared) return w;
      this.sharedWatchers++;
      let stopped = false;
      return {
        stop: () => {
          if (!stopped) this.sharedWatchers--;
          stopped = true;
          w.stop();
        },
      };
    } catch (e) {
      if (e instanceof CompactedError) {
        emit({ type: "ERROR", object: gone(`too old resource version: ${from} (${e.compactedRevision})`).toStatus() as unknown as KubeObject });
        return { stop() {} };
      }
      if (e instanceof FutureRevisionError) throw e;
      throw e;
    }
  }

  private toWatchEvent(ev: StoreEvent, predicate: Predicate | undefined, shared: boolean): WatchEvent | undefined {
    const decodeAt = (entry: StoreEntry) => (shared ? this.sharedDecode(entry, () => this.decode(entry)) : { obj: this.decode(entry) });
    const deleted = () => this.decode(ev.prev!, ev.entry.modRevision);
    const gone = () => (shared ? this.sharedDecode(ev, deleted) : { obj: deleted() });
    const event = (type: WatchEventType, d: { obj: KubeObject; encodings?: Record<string, string> }): WatchEvent => (d.encodings ? { type, object: d.obj, encodings: d.encodings } : { type, object: d.obj });
    if (ev.type === "DELETE") {
      const d = gone();
      return !predicate || predicate(d.obj) ? event("DELETED", d) : undefined;
    }
    const d = decodeAt(ev.entry);
    if (!predicate) return event(ev.prev ? "MODIFIED" : "ADDED", d);
    const now = predicate(d.obj);
    const before = ev.prev ? predicate(decodeAt(ev.prev).obj) : false;
    if (now) return event(before ? "MODIFIED" : "ADDED", d);
    // Leaving the selector: DELETED with the previous content at the event's revision (cacheWatcher.convertToWatchEvent).
    return before ? event("DELETED", gone()) : undefined;
  }

  /** The store's newest revision (for bookmarks and list metadata). */
  currentRevision(): number {
    return this.store.currentRevision();
  }
}

/** "" and "0" mean "any"; otherwise a decimal revision. */
export function parseResourceVersion(rv: string | undefined): number {
  if (rv === undefined || rv === "" || rv === "0") return 0;
  if (!/^\d+$/.test(rv)) throw badRequest(`Invalid value: "${rv}": resourceVersion: must be a decimal integer`);
  return Number(rv);
}

function invalidListOption(field: string, detail: string): StatusError {
  return new StatusError(422, "Invalid", `ListOptions.meta.k8s.io "" is invalid: ${field}: Forbidden: ${detail}`, {
    kind: "ListOptions",
    group: "meta.k8s.io",
    causes: [{ reason: "FieldValueForbidden", field, message: `Forbidden: ${detail}` }],
  });
}

/** The orphan/foregroundDeletion finalizer a delete request asks for. */
function withPropagationFinalizer(finalizers: readonly string[], opts: V1DeleteOptions): string[] {
  let policy = opts.propagationPolicy;
  if (!policy && opts.orphanDependents !== undefined) policy = opts.orphanDependents ? "Orphan" : "Background";
  const out = finalizers.filter((f) => !(policy && (f === "orphan" || f === "foregroundDeletion")));
  if (policy === "Orphan") out.push("orphan");
  else if (policy === "Foreground") out.push("foregroundDeletion");
  return out;
}

/** Fields that change on every write and must not make a no-op update look like a change. */
const VOLATILE_META = new Set(["resourceVersion", "managedFields"]);
const METADATA_ONLY = new Set(["metadata"]);

/**
 * jsonEqual of a and b without their volatile fields (a no-op update), without copying them.
 * Top-level fields are compared last first: what a write adds or changes (status, a Lease's
 * spec) comes after the spec it leaves alone, and a difference ends the walk.
 */
function equalButVolatile(a: KubeObject, b: KubeObject): boolean {
  return equalFields(a, b, METADATA_ONLY) && equalFields((a.metadata ?? {}) as Record<string, unknown>, (b.metadata ?? {}) as Record<string, unknown>, VOLATILE_META);
}

/** jsonEqual of two objects without the fields in `skip`, the fields compared last first. */
function equalFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: ReadonlySet<string>): boolean {
  const ak = Object.keys(a);
  let n = 0;
  for (let i = ak.length - 1; i >= 0; i--) {
    const k = ak[i]!;
    if (skip.has(k) || a[k] === undefined) continue;
    if (!jsonEqual(a[k], b[k])) return false;
    n++;
  }
  for (const k of Object.keys(b)) if (!skip.has(k) && b[k] !== undefined) n--;
  return n === 0;
}
