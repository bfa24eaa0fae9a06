/**
 * Write-ahead log segments: files `wal-<seq>.log` holding a magic header and framed
 * MutationRecords in revision order. The writer commits in groups: every record
 * appended while the previous write+fsync is in flight goes out in the next single
 * write+fsync, so concurrent writers share the cost of a sync.
 */
import { open, readdir, readFile, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { encodeFrame, readFrames } from "./framing.js";
import type { MutationRecord } from "./memory.js";

const MAGIC = Buffer.from("BERTHWL1");

export interface Segment {
  readonly seq: number;
  readonly path: string;
}

export function segmentPath(dir: string, seq: number): string {
  return join(dir, `wal-${String(seq).padStart(16, "0")}.log`);
}

/** Segments in dir, oldest first. */
export async function listSegments(dir: string): Promise<Segment[]> {
  const out: Segment[] = [];
  for (const name of await readdir(dir)) {
    const m = /^wal-(\d{16})\.log$/.exec(name);
    if (m) out.push({ seq: Number(m[1]), path: join(dir, name) });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

export function encodeRecord(r: MutationRecord): Buffer {
  const body = r.op === "put" ? { o: "put", k: r.key, v: r.value, r: r.revision, c: r.createRevision } : { o: "del", k: r.key, r: r.revision };
  return encodeFrame(Buffer.from(JSON.stringify(body)));
}

function decodeRecord(payload: Buffer): MutationRecord {
  const b = JSON.parse(payload.toString("utf8")) as { o?: unknown; k?: unknown; v?: unknown; r?: unknown; c?: unknown };
  if (typeof b.k !== "string" || typeof b.r !== "number") throw new Error("record without key or revision");
  if (b.o === "del") return { op: "delete", key: b.k, revision: b.r };
  if (b.o === "put" && typeof b.v === "string" && typeof b.c === "number") return { op: "put", key: b.k, value: b.v, revision: b.r, createRevision: b.c };
  throw new Error(`unknown record ${JSON.stringify(b.o)}`);
}

export interface SegmentContents {
  readonly records: ReadonlyArray<{ readonly record: MutationRecord; readonly offset: number }>;
  /** The first bad byte, when the segment does not read cleanly to its end. */
  readonly bad?: { readonly offset: number; readonly detail: string };
  readonly size: number;
}

export async function readSegment(path: string): Promise<SegmentContents> {
  const buf = await readFile(path);
  // Created but never written (crash right after creation): nothing to lose.
  if (buf.length === 0) return { records: [], size: 0 };
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    return { records: [], bad: { offset: 0, detail: "missing or unknown segment header" }, size: buf.length };
  const records: Array<{ record: MutationRecord; offset: number }> = [];
  for (const f of readFrames(buf, MAGIC.length)) {
    if (!f.ok) return { records, bad: { offset: f.offset, detail: f.detail }, size: buf.length };
    try {
      records.push({ record: decodeRecord(f.payload), offset: f.offset });
    } catch (e) {
      return { records, bad: { offset: f.offset, detail: `undecodable record: ${(e as Error).message}` }, size: buf.length };
    }
  }
  return { records, size: buf.length };
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  for (let off = 0; off < buf.length; ) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
}

async function createSegment(dir: string, seq: number, fsync: boolean): Promise<FileHandle> {
  const fh = await open(segmentPath(dir, seq), "wx");
  try {
    await writeAll(fh, MAGIC);
    if (fsync) {
      await fh.datasync();
      await fsyncDir(dir);
    }
    return fh;
  } catch (e) {
    await fh.close();
    throw e;
  }
}

/** Deletes the segments with seq below `before`. */
export async function removeSegmentsBefore(dir: string, before: number): Promise<void> {
  for (const s of await listSegments(dir)) if (s.seq < before) await rm(s.path, { force: true });
}

interface Batch {
  readonly frames: Buffer[];
  /** Switch to this segment once the batch is durable. */
  rotateTo?: number;
  readonly done: Promise<void>;
  resolve(): void;
  reject(e: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers observe failures through their own awaits; this keeps unawaited batches quiet.
  done.catch(() => {});
  return { frames: [], done, resolve, reject };
}

export class WalWriter {
  private readonly queue: Batch[] = [];
  /** The batch that still accepts records (the last of queue). */
  private open: Batch | undefined;
  private inflight: Batch | undefined;
  private running = false;
  private failure: unknown;
  private nextSeq: number;

  private constructor(
    private readonly dir: string,
    private readonly fsync: boolean,
    private fh: FileHandle,
    seq: number,
  ) {
    this.nextSeq = seq + 1;
  }

  static async create(dir: string, seq: number, fsync: boolean): Promise<WalWriter> {
    return new WalWriter(dir, fsync, await createSegment(dir, seq, fsync), seq);
  }

  /** Appends one framed record; resolves once it is written (and synced). */
  append(frame: Buffer): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (!this.open) this.queue.push((this.open = newBatch()));
    this.open.frames.push(frame);
    this.kick();
    return this.open.done;
  }

  /** Later appends go to a new segment; returns its seq. Appended records stay in the current one. */
  rotate(): number {
    if (!this.open) this.queue.push((this.open = newBatch()));
    const seq = this.nextSeq++;
    this.open.rotateTo = seq;
    this.open = undefined;
    this.kick();
    return seq;
  }

  /** Resolves when everything appended so far is durable. */
  flush(): Promise<void> {
    const last = this.queue[this.queue.length - 1] ?? this.inflight;
    return last ? last.done : this.failure !== undefined ? Promise.reject(this.failure) : Promise.resolve();
  }

  async close(): Promise<void> {
    await this.flush().catch(() => {});
    this.failure ??= new Error("write-ahead log is closed");
    await this.fh.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    // Wait a turn so every write issued in this tick joins the first batch.
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      for (let b = this.queue.shift(); b; b = this.queue.shift()) {
        if (b === this.open) this.open = undefined;
        this.inflight = b;
        if (b.frames.length > 0) {
          await writeAll(this.fh, b.frames.length === 1 ? b.frames[0]! : Buffer.concat(b.frames));
          if (this.fsync) await this.fh.datasync();
        }
        if (b.rotateTo !== undefined) {
          await this.fh.close();
          this.fh = await createSegment(this.dir, b.rotateTo, this.fsync);
        }
        b.resolve();
      }
    } catch (e) {
      // Memory is now ahead of the log: refuse everything from here on.
      this.failure = e;
      this.inflight?.reject(e);
      for (const b of this.queue.splice(0)) b.reject(e);
      this.open = undefined;
    } finally {
      this.inflight = undefined;
      this.running = false;
    }
  }
}
