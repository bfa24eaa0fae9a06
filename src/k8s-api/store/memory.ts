/**
 * MVCC store in memory with etcd/kine semantics: one revision counter for every write,
 * per-key version history for reads at older revisions, and an event log for watches.
 *
 * Revisions: an empty store is at revision 1 (so an empty list still serves a
 * resourceVersion >= 1); the first write is revision 2.
 *
 * Durable backends subclass it: every write becomes a MutationRecord that goes through
 * `persist()` after it is applied in memory but before it is acknowledged or becomes
 * visible. Reads and watches only see revisions up to `currentRevision()`, the newest
 * write whose persist has completed, while validation of later writes already sees the
 * pending ones (so writes in flight together still serialize correctly).
 */
import { CompactedError, ConflictError, FutureRevisionError, KeyExistsError, KeyNotFoundError, StoreError } from "./errors.js";
import { SortedKeys } from "./sorted-keys.js";
import type { ListOptions, ListResult, Store, StoreEntry, StoreEvent, StoreWatch, WatchHandler, WatchOptions } from "./types.js";

/** One committed mutation: what a durable backend logs and replays. */
export type MutationRecord =
  | { readonly op: "put"; readonly key: string; readonly value: string; readonly revision: number; readonly createRevision: number }
  | { readonly op: "delete"; readonly key: string; readonly revision: number };

/** The latest version of every key at one revision. */
export interface MemorySnapshot {
  readonly revision: number;
  readonly compactedRevision: number;
  /** In key order. */
  readonly entries: readonly StoreEntry[];
}

export interface MemoryStoreOptions {
  /** Called when a watch handler throws (default: console.error). */
  readonly onWatchError?: (error: unknown) => void;
}

interface Version {
  readonly entry: StoreEntry;
  readonly deleted: boolean;
}

interface Watcher {
  readonly prefix: string;
  readonly handler: WatchHandler;
  queue: StoreEvent[];
  stopped: boolean;
}

/** Keys under a prefix whose presence differs between revision r and the head. */
interface Drift {
  /** Keys written after r (their value at r must come from history). */
  readonly touched: ReadonlySet<string>;
  /** Present at r, gone at the head; sorted. */
  readonly extra: readonly string[];
  /** Absent at r, present at the head. */
  readonly hidden: ReadonlySet<string>;
}

export const INITIAL_REVISION = 1;

export class MemoryStore implements Store {
  private readonly history = new Map<string, Version[]>();
  /** Keys live at the head revision. */
  private liveKeys = new SortedKeys();
  /** Keys with superseded versions or a tombstone: what compaction has to visit. */
  private readonly dirty = new Set<string>();
  /** Events in revision order, from the oldest kept one to head (at most one per revision). */
  private events: StoreEvent[] = [];
  private readonly watchers = new Set<Watcher>();
  private flushScheduled = false;
  /** Newest applied revision (validation sees it). */
  private head = INITIAL_REVISION;
  /** Newest acknowledged revision (reads and watches see up to it). */
  private visible = INITIAL_REVISION;
  private compacted = 0;
  /** Visibility of the newest write still being persisted. */
  private lastPending: Promise<void> | undefined;
  protected closed = false;
  private readonly onWatchError: (error: unknown) => void;
  /**
   * Whether applied records may skip revisions. A mirror of a log whose revisions also
   * count writes that are no key changes (NATS stream sequences) sets it.
   */
  protected allowRevisionGaps = false;

  constructor(opts: MemoryStoreOptions = {}) {
    this.onWatchError = opts.onWatchError ?? ((e) => console.error("store watch handler failed:", e));
  }

  static fromSnapshot(snapshot: MemorySnapshot, opts?: MemoryStoreOptions): MemoryStore {
    const s = new MemoryStore(opts);
    s.restore(snapshot);
    return s;
  }

  // ---- reads ------------------------------------------------------------------------

  async get(key: string, opts: { readonly revision?: number } = {}): Promise<StoreEntry | undefined> {
    this.checkOpen();
    await this.settled();
    const r = this.readRevision(opts.revision);
    return r === this.head ? this.latest(key) : this.versionAt(key, r);
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    this.checkOpen();
    await this.settled();
    const r = this.readRevision(opts.revision);
    return this.listAt(prefix, r, opts.limit ?? 0, opts.startAfter);
  }

  async count(prefix: string): Promise<number> {
    this.checkOpen();
    await this.settled();
    const lo = this.liveKeys.lowerBound(prefix);
    const hi = this.liveKeys.prefixEnd(prefix);
    const d = this.drift(prefix, undefined, this.visible);
    return hi - lo - d.hidden.size + d.extra.length;
  }

  currentRevision(): number {
    return this.visible;
  }

  compactedRevision(): number {
    return this.compacted;
  }

  /** State at revision (default: the current one), e.g. for a durable snapshot. */
  snapshot(revision = this.visible): MemorySnapshot {
    if (revision < this.compacted) throw new CompactedError(revision, this.compacted);
    if (revision > this.head) throw new FutureRevisionError(revision, this.head);
    return { revision, compactedRevision: this.compacted, entries: this.listAt("", revision, 0, undefined).entries };
  }

  // ---- writes -----------------------------------------------------------------------

  async create(key: string, value: string): Promise<StoreEntry> {
    this.checkOpen();
    if (this.latest(key)) throw new KeyExistsError(key);
    const revision = this.head + 1;
    return this.commit({ op: "put", key, value, revision, createRevision: revision });
  }

  async update(key: string, value: string, expectedRevision: number): Promise<StoreEntry> {
    this.checkOpen();
    const cur = this.latest(key);
    if (!cur) throw new KeyNotFoundError(key);
    if (cur.modRevision !== expectedRevision) throw new ConflictError(key, expectedRevision, cur.modRevision);
    return this.commit({ op: "put", key, value, revision: this.head + 1, createRevision: cur.createRevision });
  }

  async delete(key: string, expectedRevision?: number): Promise<StoreEntry> {
    this.checkOpen();
    const cur = this.latest(key);
    if (!cur) throw new KeyNotFoundError(key);
    if (expectedRevision !== undefined && cur.modRevision !== expectedRevision) throw new ConflictError(key, expectedRevision, cur.modRevision);
    return this.commit({ op: "delete", key, revision: this.head + 1 });
  }

  /**
   * Applies a record already committed elsewhere (replay of a log); it is visible at
   * once. Throws when it does not follow the head revision or cannot apply.
   */
  apply(record: MutationRecord): StoreEntry {
    const entry = this.applyRecord(record).entry;
    this.publish(record.revision);
    return entry;
  }

  /**
   * Durability hook, called for each write after it is applied in memory and before it
   * is acknowledged. A promise delays the acknowledgement and visibility; a rejected one
   * fails the write (and the subclass must refuse later writes: memory is then ahead of
   * what is durable).
   */
  protected persist(_record: MutationRecord): Promise<void> | undefined {
    return undefined;
  }

  /** The newest applied revision, acknowledged or not. */
  protected headRevision(): number {
    return this.head;
  }

  private async commit(record: MutationRecord): Promise<StoreEntry> {
    const { entry } = this.applyRecord(record);
    const pending = this.persist(record);
    if (!pending) {
      this.publish(record.revision);
      return entry;
    }
    // Chained here, so the write is visible before anyone awaiting it resumes.
    const visible = pending.then(() => this.publish(record.revision));
    this.lastPending = visible;
    await visible;
    return entry;
  }

  /**
   * Reads wait for writes already applied but still being persisted (as etcd's
   * linearizable reads wait for the apply index): a reader sees every write
   * acknowledged before it started, and a read-modify-write loop racing a pending
   * write waits for it instead of spinning on conflicts without yielding.
   */
  private async settled(): Promise<void> {
    if (this.head > this.visible && this.lastPending) await this.lastPending.catch(() => {});
  }

  /**
   * Moves head and visibility to revision without a key change (allowRevisionGaps
   * only): the revision was used by something that is no key write.
   */
  protected skipTo(revision: number): void {
    if (!this.allowRevisionGaps) throw new StoreError("revision gaps are not allowed in this store");
    if (revision <= this.head) return;
    this.head = revision;
    this.publish(revision);
  }

  /** The last version of key, a tombstone included (until compaction drops it). */
  protected lastVersion(key: string): { readonly entry: StoreEntry; readonly deleted: boolean } | undefined {
    const versions = this.history.get(key);
    return versions?.[versions.length - 1];
  }

  /**
   * Compaction hook: the versions of key older than `keepFrom` were just dropped (the one
   * at `keepFrom`, if any, stays). A backend with its own copy of history drops them there.
   */
  protected onCompactKey(_key: string, _keepFrom: number): void {}

  private applyRecord(record: MutationRecord): StoreEvent {
    const follows = this.allowRevisionGaps ? record.revision > this.head : record.revision === this.head + 1;
    if (!follows) throw new StoreError(`record revision ${record.revision} does not follow ${this.head}`);
    const { key } = record;
    let versions = this.history.get(key);
    const last = versions?.[versions.length - 1];
    const prev = last && !last.deleted ? last.entry : undefined;
    let event: StoreEvent;
    if (record.op === "put") {
      const entry: StoreEntry = { key, value: record.value, createRevision: record.createRevision, modRevision: record.revision };
      if (!versions) this.history.set(key, (versions = []));
      versions.push({ entry, deleted: false });
      if (!prev) this.liveKeys.insert(key);
      event = prev ? { type: "PUT", entry, prev } : { type: "PUT", entry };
    } else {
      if (!prev || !versions) throw new KeyNotFoundError(key);
      const entry: StoreEntry = { key, value: prev.value, createRevision: prev.createRevision, modRevision: record.revision };
      versions.push({ entry, deleted: true });
      this.liveKeys.remove(key);
      event = { type: "DELETE", entry, prev };
    }
    if (versions.length > 1 || record.op === "delete") this.dirty.add(key);
    this.events.push(event);
    this.head = record.revision;
    return event;
  }

  /** Makes revisions up to revision visible and hands their events to watchers. */
  private publish(revision: number): void {
    if (revision <= this.visible) return;
    const from = this.visible;
    this.visible = Math.min(revision, this.head);
    if (this.watchers.size === 0) return;
    for (let i = this.eventIndexAfter(from); i < this.events.length; i++) {
      const ev = this.events[i]!;
      if (ev.entry.modRevision > this.visible) break;
      for (const w of this.watchers) if (ev.entry.key.startsWith(w.prefix)) w.queue.push(ev);
    }
    this.scheduleFlush();
  }

  // ---- watch ------------------------------------------------------------------------

  watch(prefix: string, opts: WatchOptions, handler: WatchHandler): StoreWatch {
    this.checkOpen();
    const from = opts.fromRevision;
    if (from < this.compacted) throw new CompactedError(from, this.compacted);
    if (from > this.visible) throw new FutureRevisionError(from, this.visible);
    const w: Watcher = { prefix, handler, queue: [], stopped: false };
    for (let i = this.eventIndexAfter(from); i < this.events.length; i++) {
      const ev = this.events[i]!;
      if (ev.entry.modRevision > this.visible) break;
      if (ev.entry.key.startsWith(prefix)) w.queue.push(ev);
    }
    this.watchers.add(w);
    if (w.queue.length) this.scheduleFlush();
    return {
      stop: () => {
        w.stopped = true;
        w.queue = [];
        this.watchers.delete(w);
      },
    };
  }

  // Delivery is never synchronous with watch() or a write: callers may hold state.
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      for (const w of this.watchers) {
        if (w.stopped || w.queue.length === 0) continue;
        const batch = w.queue;
        w.queue = [];
        try {
          w.handler(batch);
        } catch (e) {
          this.onWatchError(e);
        }
      }
    });
  }

  // ---- compaction -------------------------------------------------------------------

  async compact(revision: number): Promise<void> {
    this.checkOpen();
    if (revision > this.visible) throw new FutureRevisionError(revision, this.visible);
    if (revision <= this.compacted) return;
    for (const key of this.dirty) {
      const versions = this.history.get(key)!;
      const i = lastAtOrBefore(versions, revision);
      if (i < 0) continue;
      if (i > 0 || versions[i]!.deleted) this.onCompactKey(key, versions[i]!.deleted ? revision + 1 : versions[i]!.entry.modRevision);
      // Keep the version readable at `revision` unless it is a tombstone.
      versions.splice(0, versions[i]!.deleted ? i + 1 : i);
      if (versions.length === 0) this.history.delete(key);
      if (versions.length === 0 || (versions.length === 1 && !versions[0]!.deleted)) this.dirty.delete(key);
    }
    this.events.splice(0, this.eventIndexAfter(revision));
    this.compacted = revision;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.watchers) {
      w.stopped = true;
      w.queue = [];
    }
    this.watchers.clear();
  }

  // ---- internals --------------------------------------------------------------------

  /** Loads a snapshot into this (empty) store; history before it reads as compacted. */
  protected restore(snapshot: MemorySnapshot): void {
    if (this.head !== INITIAL_REVISION || this.history.size > 0) throw new StoreError("restore into a store that is not empty");
    const keys: string[] = [];
    let prev: string | undefined;
    for (const entry of snapshot.entries) {
      if (prev !== undefined && entry.key <= prev) throw new StoreError(`snapshot keys out of order at ${entry.key}`);
      prev = entry.key;
      keys.push(entry.key);
      this.history.set(entry.key, [{ entry, deleted: false }]);
    }
    this.liveKeys = SortedKeys.fromSorted(keys);
    this.head = this.visible = snapshot.revision;
    this.compacted = Math.max(snapshot.compactedRevision, snapshot.revision);
  }

  protected checkOpen(): void {
    if (this.closed) throw new StoreError("store is closed");
  }

  /** Resolves a requested read revision (0/absent: current) and checks it is readable. */
  private readRevision(requested: number | undefined): number {
    const r = requested || this.visible;
    if (r > this.visible) throw new FutureRevisionError(r, this.visible);
    if (r < this.compacted) throw new CompactedError(r, this.compacted);
    return r;
  }

  private latest(key: string): StoreEntry | undefined {
    const versions = this.history.get(key);
    const last = versions?.[versions.length - 1];
    return last && !last.deleted ? last.entry : undefined;
  }

  private versionAt(key: string, revision: number): StoreEntry | undefined {
    const versions = this.history.get(key);
    if (!versions) return undefined;
    const v = versions[lastAtOrBefore(versions, revision)];
    return v && !v.deleted ? v.entry : undefined;
  }

  /** Index in events of the first event after revision. */
  private eventIndexAfter(revision: number): number {
    if (!this.allowRevisionGaps) return Math.max(0, this.events.length - (this.head - revision));
    // Revisions may skip: binary search on modRevision.
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.entry.modRevision <= revision) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How the keys under prefix (after startAfter) at revision r differ from the head. */
  private drift(prefix: string, startAfter: string | undefined, r: number): Drift {
    const touched = new Set<string>();
    const extra: string[] = [];
    const hidden = new Set<string>();
    for (let i = this.eventIndexAfter(r); i < this.events.length; i++) {
      const key = this.events[i]!.entry.key;
      if (touched.has(key) || !key.startsWith(prefix) || (startAfter !== undefined && key <= startAfter)) continue;
      touched.add(key);
      const then = this.versionAt(key, r) !== undefined;
      const now = this.latest(key) !== undefined;
      if (then && !now) extra.push(key);
      else if (!then && now) hidden.add(key);
    }
    extra.sort();
    return { touched, extra, hidden };
  }

  // Keys at r = live keys at the head, minus those created after r, plus those deleted
  // after r: O(log n + page + writes since r) instead of a scan of the whole range.
  private listAt(prefix: string, r: number, limit: number, startAfter: string | undefined): ListResult {
    const after = startAfter !== undefined && startAfter >= prefix ? startAfter : undefined;
    const lo = after === undefined ? this.liveKeys.lowerBound(prefix) : this.liveKeys.upperBound(after);
    const hi = this.liveKeys.prefixEnd(prefix);
    const d = this.drift(prefix, after, r);
    const entries: StoreEntry[] = [];
    const live = this.liveKeys.range(lo, hi);
    let next = live.next();
    let ei = 0;
    let lastKey: string | undefined;
    while (limit <= 0 || entries.length < limit) {
      while (!next.done && d.hidden.has(next.value)) next = live.next();
      const a = next.done ? undefined : next.value;
      const b = d.extra[ei];
      let key: string;
      if (a !== undefined && (b === undefined || a < b)) {
        key = a;
        next = live.next();
      } else if (b !== undefined) {
        key = b;
        ei++;
      } else break;
      entries.push((d.touched.has(key) ? this.versionAt(key, r) : this.latest(key))!);
      lastKey = key;
    }
    let remaining = 0;
    if (limit > 0 && entries.length === limit && lastKey !== undefined) {
      const liveAfter = Math.max(0, hi - Math.max(lo, this.liveKeys.upperBound(lastKey)));
      let hiddenAfter = 0;
      for (const k of d.hidden) if (k > lastKey) hiddenAfter++;
      remaining = liveAfter - hiddenAfter + (d.extra.length - ei);
    }
    return { entries, revision: r, more: remaining > 0, remaining };
  }
}

/** Index of the last version with modRevision <= revision (-1 when none). */
function lastAtOrBefore(versions: readonly Version[], revision: number): number {
  let lo = 0;
  let hi = versions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (versions[mid]!.entry.modRevision <= revision) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
