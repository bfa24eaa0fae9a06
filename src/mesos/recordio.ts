/**
 * Mesos' RecordIO framing (docs/recordio.md): every record is its length in bytes as
 * decimal digits, a line feed, then exactly that many bytes of data:
 *
 *   records = *record ; record = record-size LF record-data ; record-size = 1*DIGIT
 *
 * The length counts bytes of the UTF-8 encoding, not characters, and chunk boundaries of
 * the transport carry no meaning, so the decoder buffers bytes until a record is whole.
 */

/** One record: "<byte length>\n<data>" as bytes. */
export function encodeRecord(data: string | Uint8Array): Buffer {
  const body = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
  return Buffer.concat([Buffer.from(`${body.length}\n`, "ascii"), body]);
}

/** A JSON value as one record. */
export function encodeJsonRecord(value: unknown): Buffer {
  return encodeRecord(JSON.stringify(value));
}

/** Incremental decoder: feed it chunks as they arrive; it returns the records completed so far. */
export class RecordIODecoder {
  private buf: Buffer = Buffer.alloc(0);
  /** Length of the record being read, once its header line is complete. */
  private need: number | undefined;

  /** Bytes held that do not yet form a whole record (non-zero at end of stream = truncated). */
  get pending(): number {
    return this.buf.length;
  }

  /** Throws on a malformed length line (Mesos' decoder fails the stream the same way). */
  decode(chunk: Uint8Array | string): Buffer[] {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    this.buf = this.buf.length === 0 ? bytes : Buffer.concat([this.buf, bytes]);
    const out: Buffer[] = [];
    for (;;) {
      if (this.need === undefined) {
        const lf = this.buf.indexOf(0x0a);
        if (lf < 0) {
          if (this.buf.length > 20) throw new Error("Failed to decode RecordIO: record size line too long");
          break;
        }
        const line = this.buf.subarray(0, lf).toString("ascii");
        if (!/^\d+$/.test(line)) throw new Error(`Failed to decode RecordIO: invalid record size '${line}'`);
        this.need = Number(line);
        this.buf = this.buf.subarray(lf + 1);
      }
      if (this.buf.length < this.need) break;
      out.push(Buffer.from(this.buf.subarray(0, this.need)));
      this.buf = this.buf.subarray(this.need);
      this.need = undefined;
    }
    return out;
  }

  /** As decode, with each record parsed as UTF-8 JSON. */
  decodeJson<T = unknown>(chunk: Uint8Array | string): T[] {
    return this.decode(chunk).map((b) => JSON.parse(b.toString("utf8")) as T);
  }
}

/** Records of a byte stream (an HTTP response body, a socket...). */
export async function* readRecords(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const d = new RecordIODecoder();
  for await (const chunk of stream) yield* d.decode(chunk);
  if (d.pending > 0) throw new Error("Failed to decode RecordIO: stream ended inside a record");
}
