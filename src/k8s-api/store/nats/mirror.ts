/**
 * The in-process MVCC copy of a NATS KV bucket: a MemoryStore fed, in stream order, by
 * every message of the bucket's stream. A key's revisions are the stream sequences of
 * its messages; sequences used by messages that change no key (berth's own metadata,
 * a delete of a key already gone) still move the revision, so revisions skip.
 *
 * Writes never go through it: the NATS store publishes to the stream and waits until
 * the mirror has applied its own message, so every process sees one history.
 */
import { MemoryStore, type MemoryStoreOptions } from "../memory.js";
import type { StoreEntry } from "../types.js";

export interface CompactionStep {
  readonly key: string;
  /** Messages of the key older than this sequence are no longer needed. */
  readonly keepFrom: number;
}

export class Mirror extends MemoryStore {
  private plan: CompactionStep[] | undefined;

  constructor(opts: MemoryStoreOptions = {}) {
    super(opts);
    this.allowRevisionGaps = true;
  }

  /** A put at seq; the key's createRevision comes from the message when it carries one. */
  applyPut(seq: number, key: string, value: string, createRevision: number | undefined): void {
    if (seq <= this.headRevision()) return;
    const prev = this.lastVersion(key);
    const live = prev && !prev.deleted ? prev.entry : undefined;
    this.apply({ op: "put", key, value, revision: seq, createRevision: live?.createRevision ?? createRevision ?? seq });
  }

  /** A delete at seq; one for a key that is not live (already deleted, or its put compacted away) changes nothing. */
  applyDelete(seq: number, key: string): void {
    if (seq <= this.headRevision()) return;
    const prev = this.lastVersion(key);
    if (!prev || prev.deleted) this.skipTo(seq);
    else this.apply({ op: "delete", key, revision: seq });
  }

  /** A message that changes no key. */
  applyOther(seq: number): void {
    this.skipTo(seq);
  }

  /**
   * A compaction record at seq (for revision): forget history up to revision; returns
   * which stream messages that made unneeded.
   */
  async applyCompaction(seq: number, revision: number): Promise<CompactionStep[]> {
    this.skipTo(seq);
    this.plan = [];
    try {
      await this.compact(revision);
      return this.plan;
    } finally {
      this.plan = undefined;
    }
  }

  protected override onCompactKey(key: string, keepFrom: number): void {
    this.plan?.push({ key, keepFrom });
  }

  /** The newest revision applied. */
  appliedRevision(): number {
    return this.headRevision();
  }

  /** The live version of key as the mirror has it now. */
  latestEntry(key: string): StoreEntry | undefined {
    const v = this.lastVersion(key);
    return v && !v.deleted ? v.entry : undefined;
  }

  /** The sequence of key's last message the mirror still knows of (a delete marker included); 0 when none. */
  lastSequence(key: string): number {
    return this.lastVersion(key)?.entry.modRevision ?? 0;
  }
}
