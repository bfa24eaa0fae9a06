/**
 * The storage interface every backend implements (DESIGN.md decision 2, kine-style).
 *
 * Keys are slash-separated strings ("/registry/pods/default/web-1"); values are the
 * serialized JSON of one object. A single monotonic revision counts every write of the
 * store; it is what the API serves as resourceVersion.
 */

/** One stored version of a key. */
export interface StoreEntry {
  readonly key: string;
  /** Serialized object (JSON text). */
  readonly value: string;
  /** Revision at which this key was (last) created. */
  readonly createRevision: number;
  /** Revision of the write that produced this version. */
  readonly modRevision: number;
}

/** A change seen by a watcher, in revision order. */
export type StoreEvent =
  | { readonly type: "PUT"; readonly entry: StoreEntry; readonly prev?: StoreEntry }
  /** For DELETE, `entry.modRevision` is the revision of the delete and `entry.value` the last value. */
  | { readonly type: "DELETE"; readonly entry: StoreEntry; readonly prev: StoreEntry };

export interface ListOptions {
  /** Read as of this revision (0 or absent: latest). Older than the compacted revision: CompactedError. */
  readonly revision?: number;
  /** At most this many entries (0 or absent: all). */
  readonly limit?: number;
  /** Start strictly after this key (the last key of the previous page). */
  readonly startAfter?: string;
}

export interface ListResult {
  readonly entries: StoreEntry[];
  /** The revision the list was read at. */
  readonly revision: number;
  /** Whether more entries follow the last one returned. */
  readonly more: boolean;
  /** How many entries follow the last one returned (exact count). */
  readonly remaining: number;
}

export interface WatchOptions {
  /** Deliver every event with modRevision > fromRevision. Older than compacted: CompactedError. */
  readonly fromRevision: number;
}

/** Handle of a running watch. */
export interface StoreWatch {
  stop(): void;
}

/** Callback receiving the events of one or more revisions, in revision order. */
export type WatchHandler = (events: readonly StoreEvent[]) => void;

export interface Store {
  /** Latest (or as of `revision`) version of key; undefined when absent. */
  get(key: string, opts?: { readonly revision?: number }): Promise<StoreEntry | undefined>;
  /** Entries whose keys start with prefix, in key order. */
  list(prefix: string, opts?: ListOptions): Promise<ListResult>;
  /** Number of keys under prefix at the latest revision. */
  count(prefix: string): Promise<number>;
  /** Create key; KeyExistsError when present. */
  create(key: string, value: string): Promise<StoreEntry>;
  /** Replace key's value if its modRevision equals expectedRevision; ConflictError otherwise, KeyNotFoundError when absent. */
  update(key: string, value: string, expectedRevision: number): Promise<StoreEntry>;
  /** Delete key (if expectedRevision is given, only at that modRevision); returns the deleted entry with the delete's revision as modRevision. */
  delete(key: string, expectedRevision?: number): Promise<StoreEntry>;
  /** Stream changes under prefix. Throws CompactedError synchronously when fromRevision is compacted away. */
  watch(prefix: string, opts: WatchOptions, handler: WatchHandler): StoreWatch;
  /** Forget history at or below revision; reads and watches asking for it get CompactedError. */
  compact(revision: number): Promise<void>;
  /** The newest revision written. */
  currentRevision(): number;
  /** The newest revision forgotten by compaction (0 when none). */
  compactedRevision(): number;
  close(): Promise<void>;
}
