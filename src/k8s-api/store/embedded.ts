/**
 * The embedded durable store: a MemoryStore whose every write is in the write-ahead log
 * (and, by default, fdatasync'ed) before it is acknowledged or visible, plus a
 * snapshot of the whole state every `snapshotEvery` records and on close.
 *
 * Directory layout: `LOCK` (owner pid), `snapshot` (state at one revision),
 * `wal-<seq>.log` (records after it). After a snapshot at revision S is in place, the
 * segments before the one started at S are deleted.
 *
 * After reopening, history older than the snapshot is gone: compactedRevision() is the
 * snapshot's revision, so reads and watches at older revisions get CompactedError
 * (clients relist, as after an etcd compaction). Revisions in the replayed log stay
 * readable.
 */
import { mkdir, rm, truncate } from "node:fs/promises";
import { join } from "node:path";
import { createLogger, type Logger } from "../../util/log.js";
import { StoreCorruptError } from "./errors.js";
import { acquireLock } from "./lock.js";
import { MemoryStore, type MemorySnapshot, type MutationRecord } from "./memory.js";
import { readSnapshot, SNAPSHOT_TEMP, writeSnapshot } from "./snapshot-file.js";
import type { Store } from "./types.js";
import { encodeRecord, listSegments, readSegment, removeSegmentsBefore, WalWriter } from "./wal.js";

export type StoreLog = Logger | ((msg: string, fields?: Record<string, unknown>) => void);

export interface EmbeddedStoreOptions {
  /** Truncate a damaged log at its last good record instead of refusing to open. */
  readonly repair?: boolean;
  /** fdatasync each group of writes before acknowledging it (default true). */
  readonly fsync?: boolean;
  /** Where warnings go; a plain function receives warnings only. */
  readonly log?: StoreLog;
  /** Records between snapshots (default 10,000). */
  readonly snapshotEvery?: number;
}

interface Warn {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

function toWarn(log: StoreLog | undefined): Warn {
  if (typeof log === "function") return { info: () => {}, warn: log, error: log };
  return log ?? createLogger("store");
}

export async function openEmbeddedStore(dir: string, opts: EmbeddedStoreOptions = {}): Promise<Store> {
  const log = toWarn(opts.log);
  const fsync = opts.fsync ?? true;
  await mkdir(dir, { recursive: true });
  const release = await acquireLock(dir);
  try {
    await rm(join(dir, SNAPSHOT_TEMP), { force: true });
    const snap = await readSnapshot(dir);
    const store = new EmbeddedStore(dir, fsync, Math.max(1, opts.snapshotEvery ?? 10_000), log, release, snap);
    const { replayed, lastSeq } = await replay(dir, store, opts.repair ?? false, log);
    store.start(await WalWriter.create(dir, lastSeq + 1, fsync), replayed);
    log.info("store opened", { dir, revision: store.currentRevision(), snapshotRevision: snap?.revision ?? 0, replayed });
    return store;
  } catch (e) {
    await release();
    throw e;
  }
}

/** Applies the log after the snapshot; returns how many records it applied. */
async function replay(dir: string, store: EmbeddedStore, repair: boolean, log: Warn): Promise<{ replayed: number; lastSeq: number }> {
  const segments = await listSegments(dir);
  let replayed = 0;
  for (const [i, seg] of segments.entries()) {
    const contents = await readSegment(seg.path);
    let bad = contents.bad;
    for (const { record, offset } of contents.records) {
      if (record.revision <= store.revisionForReplay()) continue;
      try {
        store.apply(record);
        replayed++;
      } catch (e) {
        bad = { offset, detail: `cannot apply record at revision ${record.revision}: ${(e as Error).message}` };
        break;
      }
    }
    if (!bad) continue;
    if (!repair) throw new StoreCorruptError(seg.path, bad.offset, `${bad.detail} (open with repair to truncate the log here)`);
    const later = segments.slice(i + 1);
    let droppedBytes = contents.size - bad.offset;
    for (const s of later) droppedBytes += (await readSegment(s.path)).size;
    if (bad.offset === 0) await rm(seg.path, { force: true });
    else await truncate(seg.path, bad.offset);
    for (const s of later) await rm(s.path, { force: true });
    log.warn("store: truncated damaged write-ahead log", {
      file: seg.path,
      offset: bad.offset,
      detail: bad.detail,
      droppedBytes,
      droppedSegments: later.map((s) => s.path),
      revision: store.revisionForReplay(),
    });
    return { replayed, lastSeq: segments[segments.length - 1]!.seq };
  }
  return { replayed, lastSeq: segments[segments.length - 1]?.seq ?? 0 };
}

class EmbeddedStore extends MemoryStore {
  private wal!: WalWriter;
  private sinceSnapshot = 0;
  /** Revision of the snapshot file on disk (0: none). */
  private snapshotRevision: number;
  private snapshotting: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly dir: string,
    private readonly fsync: boolean,
    private readonly snapshotEvery: number,
    private readonly log: Warn,
    private readonly release: () => Promise<void>,
    snap: MemorySnapshot | undefined,
  ) {
    super({ onWatchError: (e) => log.error("store watch handler failed", { error: e }) });
    if (snap) this.restore(snap);
    this.snapshotRevision = snap?.revision ?? 0;
  }

  revisionForReplay(): number {
    return this.headRevision();
  }

  start(wal: WalWriter, replayed: number): void {
    this.wal = wal;
    this.sinceSnapshot = replayed;
  }

  protected override persist(record: MutationRecord): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const done = this.wal.append(encodeRecord(record));
    done.catch((e: unknown) => {
      if (this.failure === undefined) this.log.error("store: write-ahead log failed; refusing further writes", { error: e });
      this.failure ??= e;
    });
    if (++this.sinceSnapshot >= this.snapshotEvery && !this.snapshotting) this.startSnapshot(done);
    return done;
  }

  // The state is captured now, at the record just applied; the file is written once
  // that record is durable, and the segments it covers go once the file is in place.
  private startSnapshot(durable: Promise<void>): void {
    const state = this.snapshot(this.headRevision());
    const nextSeq = this.wal.rotate();
    this.sinceSnapshot = 0;
    this.snapshotting = (async () => {
      await durable;
      await writeSnapshot(this.dir, state, this.fsync);
      this.snapshotRevision = state.revision;
      await removeSegmentsBefore(this.dir, nextSeq);
    })()
      .catch((e: unknown) => this.log.warn("store: snapshot failed; the log keeps the data", { error: e }))
      .finally(() => {
        this.snapshotting = undefined;
      });
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    await super.close();
    await this.wal.flush().catch(() => {});
    await this.snapshotting;
    try {
      if (this.failure === undefined) {
        const head = this.headRevision();
        if (head !== this.snapshotRevision) await writeSnapshot(this.dir, this.snapshot(head), this.fsync);
        await this.wal.close();
        // Everything is in the snapshot now, including the current segment.
        await removeSegmentsBefore(this.dir, Number.MAX_SAFE_INTEGER);
      } else await this.wal.close();
    } finally {
      await this.release();
    }
  }
}
