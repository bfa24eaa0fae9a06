/**
 * The server side of SPDY/3.1, as much as kubectl's port-forward uses (moby/spdystream):
 * the client opens streams (SYN_STREAM), the server accepts each (SYN_REPLY), both send
 * DATA with FIN to half-close, RST_STREAM aborts, PING is echoed, GOAWAY ends the session.
 * Header blocks are compressed with one zlib stream per direction, primed with SPDY's
 * dictionary and sync-flushed after each block; the peer's inflater carries state across
 * frames, so every header block (SYN_STREAM, SYN_REPLY, HEADERS) goes through the same one.
 * No flow control: spdystream neither sends nor honours WINDOW_UPDATE.
 *
 * The transport is any byte pipe: a raw socket after `Upgrade: SPDY/3.1`, or the binary
 * messages of a WebSocket whose subprotocol is `SPDY/3.1+portforward.k8s.io` (kubectl
 * 1.35 tunnels SPDY that way by default).
 */
import zlib from "node:zlib";
import { SPDY_HEADER_DICTIONARY } from "./spdy-dictionary.js";

const VERSION = 3;
const SYN_STREAM = 1;
const SYN_REPLY = 2;
const RST_STREAM = 3;
const PING = 6;
const GOAWAY = 7;
const HEADERS = 8;
const FLAG_FIN = 0x01;
/** RST_STREAM status CANCEL. */
const CANCEL = 5;
const MAX_DATA = 32 * 1024;

/** A zlib stream used block by block: each block is written and sync-flushed. */
function blockwise(stream: zlib.Deflate | zlib.Inflate): (buf: Buffer) => Promise<Buffer> {
  const out: Buffer[] = [];
  stream.on("data", (c: Buffer) => out.push(c));
  let chain: Promise<Buffer> = Promise.resolve(Buffer.alloc(0));
  return (buf) => {
    chain = chain.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          stream.once("error", reject);
          stream.write(buf);
          stream.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            stream.off("error", reject);
            resolve(Buffer.concat(out.splice(0)));
          });
        }),
    );
    return chain;
  };
}

function parseHeaderBlock(b: Buffer): Map<string, string> {
  const h = new Map<string, string>();
  let off = 0;
  const n = b.readUInt32BE(off);
  off += 4;
  for (let i = 0; i < n; i++) {
    const nl = b.readUInt32BE(off);
    off += 4;
    const name = b.subarray(off, off + nl).toString("utf8");
    off += nl;
    const vl = b.readUInt32BE(off);
    off += 4;
    // Several values of one header are NUL-separated.
    h.set(name.toLowerCase(), b.subarray(off, off + vl).toString("utf8").split("\0")[0] ?? "");
    off += vl;
  }
  return h;
}

function headerBlock(h: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const n = Buffer.alloc(4);
  n.writeUInt32BE(Object.keys(h).length);
  parts.push(n);
  for (const [k, v] of Object.entries(h)) {
    for (const s of [k.toLowerCase(), v]) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(Buffer.byteLength(s));
      parts.push(len, Buffer.from(s));
    }
  }
  return Buffer.concat(parts);
}

function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | VERSION, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(((flags & 0xff) << 24) | payload.length, 4);
  return Buffer.concat([head, payload]);
}

export class SpdyStream {
  /** The peer half-closed (FIN) or reset the stream. */
  remoteClosed = false;
  localClosed = false;
  reset = false;
  private dataCb: ((d: Buffer) => void) | undefined;
  private endCb: (() => void) | undefined;
  private resetCb: (() => void) | undefined;

  constructor(
    private readonly session: SpdySession,
    readonly id: number,
    readonly headers: ReadonlyMap<string, string>,
  ) {}

  onData(cb: (d: Buffer) => void): void {
    this.dataCb = cb;
  }
  onEnd(cb: () => void): void {
    this.endCb = cb;
  }
  onReset(cb: () => void): void {
    this.resetCb = cb;
  }

  write(data: Buffer): void {
    if (this.localClosed || this.reset) return;
    for (let i = 0; i < data.length; i += MAX_DATA) this.session.sendData(this.id, data.subarray(i, i + MAX_DATA), false);
  }

  /** Half-close: an empty DATA frame with FIN. */
  end(): void {
    if (this.localClosed || this.reset) return;
    this.localClosed = true;
    this.session.sendData(this.id, Buffer.alloc(0), true);
    if (this.remoteClosed) this.session.forget(this.id);
  }

  abort(): void {
    if (this.reset) return;
    this.session.sendReset(this.id);
    this.gotReset();
  }

  /** @internal */
  gotData(d: Buffer, fin: boolean): void {
    if (d.length) this.dataCb?.(d);
    if (fin && !this.remoteClosed) {
      this.remoteClosed = true;
      this.endCb?.();
      if (this.localClosed) this.session.forget(this.id);
    }
  }
  /** @internal */
  gotReset(): void {
    if (this.reset) return;
    this.reset = true;
    this.remoteClosed = this.localClosed = true;
    this.resetCb?.();
  }
}

export interface SpdyTransport {
  write(buf: Buffer): void;
  close(): void;
}

export class SpdySession {
  private buf: Buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, SpdyStream>();
  private readonly inflate = blockwise(zlib.createInflate({ dictionary: SPDY_HEADER_DICTIONARY }));
  private readonly deflate = blockwise(zlib.createDeflate({ dictionary: SPDY_HEADER_DICTIONARY }));
  /** Frames are handled, and written, strictly in order (header blocks go through async zlib). */
  private inChain: Promise<void> = Promise.resolve();
  private outChain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly transport: SpdyTransport,
    private readonly onStream: (s: SpdyStream) => void,
  ) {}

  /** Bytes from the transport. */
  feed(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.buf.length < 8) return;
      const len = this.buf.readUInt32BE(4) & 0xffffff;
      if (this.buf.length < 8 + len) return;
      const frame = this.buf.subarray(0, 8 + len);
      this.buf = this.buf.subarray(8 + len);
      this.inChain = this.inChain.then(() => this.handle(frame)).catch(() => this.close());
    }
  }

  /** The transport ended: every stream is gone. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) s.gotReset();
    this.streams.clear();
    this.transport.close();
  }

  private out(frame: Buffer | Promise<Buffer>): void {
    this.outChain = this.outChain.then(async () => {
      const f = await frame;
      if (!this.closed) this.transport.write(f);
    });
  }

  /** A stream closed both ways: frames for it are dropped from now on. */
  forget(id: number): void {
    this.streams.delete(id);
  }

  sendData(id: number, data: Buffer, fin: boolean): void {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(id & 0x7fffffff, 0);
    head.writeUInt32BE(((fin ? FLAG_FIN : 0) << 24) | data.length, 4);
    this.out(Buffer.concat([head, data]));
  }

  sendReset(id: number): void {
    const p = Buffer.alloc(8);
    p.writeUInt32BE(id & 0x7fffffff, 0);
    p.writeUInt32BE(CANCEL, 4);
    this.out(controlFrame(RST_STREAM, 0, p));
    this.streams.delete(id);
  }

  private reply(id: number): void {
    const idBuf = Buffer.alloc(4);
    idBuf.writeUInt32BE(id & 0x7fffffff);
    // Compressed in order with every other header block this side sends.
    this.out(this.deflate(headerBlock({})).then((block) => controlFrame(SYN_REPLY, 0, Buffer.concat([idBuf, block]))));
  }

  private async handle(frame: Buffer): Promise<void> {
    if (this.closed) return;
    const control = (frame[0]! & 0x80) !== 0;
    const flags = frame[4]!;
    const payload = frame.subarray(8);
    if (!control) {
      const id = frame.readUInt32BE(0) & 0x7fffffff;
      this.streams.get(id)?.gotData(payload, (flags & FLAG_FIN) !== 0);
      return;
    }
    const type = frame.readUInt16BE(2);
    switch (type) {
      case SYN_STREAM: {
        const id = payload.readUInt32BE(0) & 0x7fffffff;
        const headers = parseHeaderBlock(await this.inflate(payload.subarray(10)));
        const s = new SpdyStream(this, id, headers);
        this.streams.set(id, s);
        this.reply(id);
        this.onStream(s);
        if (flags & FLAG_FIN) s.gotData(Buffer.alloc(0), true);
        return;
      }
      case SYN_REPLY:
      case HEADERS:
        // Not expected from a client, but its header block must still pass through the inflater.
        await this.inflate(payload.subarray(4));
        return;
      case RST_STREAM: {
        const id = payload.readUInt32BE(0) & 0x7fffffff;
        this.streams.get(id)?.gotReset();
        this.streams.delete(id);
        return;
      }
      case PING:
        this.out(controlFrame(PING, 0, Buffer.from(payload)));
        return;
      case GOAWAY:
        this.close();
        return;
      default:
        return; // SETTINGS, WINDOW_UPDATE, CREDENTIAL: nothing to do
    }
  }
}
