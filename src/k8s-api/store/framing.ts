/**
 * On-disk framing shared by the write-ahead log and the snapshot: each record is
 * [u32 LE payload length][u32 LE CRC-32 of payload][payload], so a torn write or a
 * flipped bit is found at a known byte offset instead of being loaded.
 */
import { crc32 } from "node:zlib";

export const FRAME_HEADER = 8;
/** Refuses absurd lengths from a corrupt header before allocating. */
const MAX_PAYLOAD = 1 << 30;

export function encodeFrame(payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  payload.copy(out, FRAME_HEADER);
  return out;
}

export type Frame =
  | { readonly ok: true; readonly offset: number; readonly payload: Buffer }
  | { readonly ok: false; readonly offset: number; readonly detail: string; readonly torn: boolean };

/** Frames of buf from start on; stops at the first bad one. `torn` marks a record cut short by the end of the data. */
export function* readFrames(buf: Buffer, start: number): Generator<Frame> {
  let off = start;
  while (off < buf.length) {
    if (buf.length - off < FRAME_HEADER) {
      yield { ok: false, offset: off, detail: `truncated record header (${buf.length - off} of ${FRAME_HEADER} bytes)`, torn: true };
      return;
    }
    const len = buf.readUInt32LE(off);
    const sum = buf.readUInt32LE(off + 4);
    if (len > MAX_PAYLOAD) {
      yield { ok: false, offset: off, detail: `record length ${len} is implausible`, torn: false };
      return;
    }
    const end = off + FRAME_HEADER + len;
    if (end > buf.length) {
      yield { ok: false, offset: off, detail: `truncated record (${buf.length - off - FRAME_HEADER} of ${len} payload bytes)`, torn: true };
      return;
    }
    const payload = buf.subarray(off + FRAME_HEADER, end);
    if (crc32(payload) !== sum) {
      yield { ok: false, offset: off, detail: "checksum mismatch", torn: false };
      return;
    }
    yield { ok: true, offset: off, payload };
    off = end;
  }
}
