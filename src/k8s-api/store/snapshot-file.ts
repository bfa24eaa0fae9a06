/**
 * The snapshot file: a magic header, one framed metadata record, then one framed record
 * per key in key order. Written to a temp file, synced and renamed into place, so the
 * file named `snapshot` is always complete.
 */
import { open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { StoreCorruptError } from "./errors.js";
import { encodeFrame, readFrames } from "./framing.js";
import type { MemorySnapshot } from "./memory.js";
import type { StoreEntry } from "./types.js";
import { fsyncDir } from "./wal.js";

const MAGIC = Buffer.from("BERTHSN1");
export const SNAPSHOT_FILE = "snapshot";
export const SNAPSHOT_TEMP = "snapshot.tmp";
const CHUNK = 1 << 20;

interface Meta {
  revision: number;
  compactedRevision: number;
  count: number;
}

export async function writeSnapshot(dir: string, snap: MemorySnapshot, fsync: boolean): Promise<void> {
  const tmp = join(dir, SNAPSHOT_TEMP);
  const fh = await open(tmp, "w");
  try {
    const meta: Meta = { revision: snap.revision, compactedRevision: snap.compactedRevision, count: snap.entries.length };
    let parts: Buffer[] = [MAGIC, encodeFrame(Buffer.from(JSON.stringify(meta)))];
    let size = 0;
    const drain = async () => {
      const buf = Buffer.concat(parts);
      for (let off = 0; off < buf.length; ) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
      parts = [];
      size = 0;
    };
    for (const e of snap.entries) {
      const frame = encodeFrame(Buffer.from(JSON.stringify([e.key, e.value, e.createRevision, e.modRevision])));
      parts.push(frame);
      size += frame.length;
      if (size >= CHUNK) await drain();
    }
    await drain();
    if (fsync) await fh.datasync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, SNAPSHOT_FILE));
  if (fsync) await fsyncDir(dir);
}

/** The snapshot in dir; undefined when there is none. Any damage is a StoreCorruptError. */
export async function readSnapshot(dir: string): Promise<MemorySnapshot | undefined> {
  const file = join(dir, SNAPSHOT_FILE);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new StoreCorruptError(file, 0, "missing or unknown snapshot header");
  let meta: Meta | undefined;
  const entries: StoreEntry[] = [];
  for (const f of readFrames(buf, MAGIC.length)) {
    if (!f.ok) throw new StoreCorruptError(file, f.offset, f.detail);
    try {
      if (!meta) {
        meta = JSON.parse(f.payload.toString("utf8")) as Meta;
        if (typeof meta.revision !== "number" || typeof meta.count !== "number") throw new Error("bad metadata");
        continue;
      }
      const [key, value, createRevision, modRevision] = JSON.parse(f.payload.toString("utf8")) as [string, string, number, number];
      if (typeof key !== "string" || typeof value !== "string") throw new Error("bad entry");
      entries.push({ key, value, createRevision, modRevision });
    } catch (e) {
      throw new StoreCorruptError(file, f.offset, `undecodable record: ${(e as Error).message}`);
    }
  }
  if (!meta) throw new StoreCorruptError(file, buf.length, "no metadata record");
  if (entries.length !== meta.count) throw new StoreCorruptError(file, buf.length, `expected ${meta.count} entries, found ${entries.length}`);
  return { revision: meta.revision, compactedRevision: meta.compactedRevision ?? 0, entries };
}
