/**
 * Test plumbing for the container API: a fake task (a real process writing to sandbox
 * files), a v5.channel.k8s.io WebSocket client, and a minimal SPDY/3.1 client speaking
 * portforward.k8s.io as kubectl does (error + data stream per connection).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, closeSync } from "node:fs";
import { request } from "node:http";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Socket } from "node:net";
import zlib from "node:zlib";
import { WebSocket } from "ws";
import type { TaskHandle } from "../../src/agents/http/types.js";
import { SPDY_HEADER_DICTIONARY } from "../../src/agents/http/spdy-dictionary.js";

export interface FakeTask extends TaskHandle {
  readonly child: ChildProcess;
  setRunning(v: boolean): void;
  kill(): void;
}

/** A task whose process runs `script` with stdout/stderr going to its sandbox files. */
export function fakeTask(script: string, env: Record<string, string> = {}, taskId = "ex1.task1"): FakeTask {
  const sandbox = mkdtempSync(join(tmpdir(), "berth-stream-"));
  const out = openSync(join(sandbox, "stdout"), "a");
  const err = openSync(join(sandbox, "stderr"), "a");
  const child = spawn("/bin/sh", ["-c", script], { cwd: sandbox, env: { ...process.env, ...env }, stdio: ["ignore", out, err], detached: true });
  closeSync(out);
  closeSync(err);
  let running = true;
  child.on("exit", () => (running = false));
  return {
    executorId: "ex1",
    taskId,
    task: { name: taskId, task_id: { value: taskId }, agent_id: { value: "a1" }, resources: [] },
    sandbox,
    pid: child.pid!,
    child,
    running: () => running,
    setRunning: (v) => (running = v),
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    },
  };
}

export interface ChannelResult {
  readonly protocol: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: { status: string; reason?: string; message?: string; details?: { causes: { reason: string; message: string }[] } } | undefined;
  readonly closeCode: number;
}

/** Runs one channel-protocol session: sends `stdin` (then the v5 close signal) and collects output until the server closes. */
export function channelSession(url: string, opts: { protocols?: string[]; stdin?: string; closeStdin?: boolean; resize?: { Width: number; Height: number }; timeoutMs?: number } = {}): Promise<ChannelResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts.protocols ?? ["v5.channel.k8s.io", "v4.channel.k8s.io"]);
    let stdout = "";
    let stderr = "";
    let status: ChannelResult["status"];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`channel session timed out; stdout=${stdout} stderr=${stderr}`));
    }, opts.timeoutMs ?? 10_000);
    ws.on("open", () => {
      if (opts.resize) ws.send(Buffer.concat([Buffer.from([4]), Buffer.from(JSON.stringify(opts.resize))]));
      if (opts.stdin !== undefined) ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(opts.stdin)]));
      if (opts.closeStdin) ws.send(Buffer.from([255, 0]));
    });
    ws.on("message", (d: Buffer) => {
      const ch = d[0];
      const text = d.subarray(1).toString();
      if (ch === 1) stdout += text;
      else if (ch === 2) stderr += text;
      else if (ch === 3) status = JSON.parse(text) as ChannelResult["status"];
    });
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        clearTimeout(timer);
        reject(Object.assign(new Error(`HTTP ${res.statusCode}: ${body}`), { statusCode: res.statusCode, body }));
      });
    });
    ws.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    ws.on("close", (code) => {
      clearTimeout(timer);
      resolve({ protocol: ws.protocol, stdout, stderr, status, closeCode: code });
    });
  });
}

// ---- a minimal SPDY/3.1 client ------------------------------------------------------------

function blockwise(stream: zlib.Deflate | zlib.Inflate): (b: Buffer) => Promise<Buffer> {
  const out: Buffer[] = [];
  stream.on("data", (c: Buffer) => out.push(c));
  let chain: Promise<Buffer> = Promise.resolve(Buffer.alloc(0));
  return (b) => (chain = chain.then(() => new Promise<Buffer>((r) => {
    stream.write(b);
    stream.flush(zlib.constants.Z_SYNC_FLUSH, () => r(Buffer.concat(out.splice(0))));
  })));
}

export class SpdyClient {
  private buf: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly deflate = blockwise(zlib.createDeflate({ dictionary: SPDY_HEADER_DICTIONARY }));
  private readonly inflate = blockwise(zlib.createInflate({ dictionary: SPDY_HEADER_DICTIONARY }));
  private chain: Promise<void> = Promise.resolve();
  readonly replies = new Set<number>();
  readonly data = new Map<number, Buffer[]>();
  readonly fin = new Set<number>();
  readonly pings: number[] = [];

  constructor(private readonly write: (b: Buffer) => void) {}

  feed(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= 8) {
      const len = this.buf.readUInt32BE(4) & 0xffffff;
      if (this.buf.length < 8 + len) return;
      const f = this.buf.subarray(0, 8 + len);
      this.buf = this.buf.subarray(8 + len);
      this.chain = this.chain.then(() => this.handle(f));
    }
  }

  private async handle(f: Buffer): Promise<void> {
    const flags = f[4]!;
    if (f[0]! & 0x80) {
      const type = f.readUInt16BE(2);
      if (type === 2) {
        const id = f.readUInt32BE(8) & 0x7fffffff;
        await this.inflate(f.subarray(12));
        this.replies.add(id);
      } else if (type === 6) this.pings.push(f.readUInt32BE(8));
      return;
    }
    const id = f.readUInt32BE(0) & 0x7fffffff;
    const list = this.data.get(id) ?? [];
    list.push(Buffer.from(f.subarray(8)));
    this.data.set(id, list);
    if (flags & 1) this.fin.add(id);
  }

  async open(headers: Record<string, string>): Promise<number> {
    const id = this.nextId;
    this.nextId += 2;
    const parts: Buffer[] = [u32(Object.keys(headers).length)];
    for (const [k, v] of Object.entries(headers)) parts.push(u32(k.length), Buffer.from(k), u32(v.length), Buffer.from(v));
    const block = await this.deflate(Buffer.concat(parts));
    const payload = Buffer.concat([u32(id), u32(0), Buffer.from([0, 0]), block]);
    this.write(Buffer.concat([controlHead(1, 0, payload.length), payload]));
    return id;
  }

  send(id: number, data: Buffer, fin = false): void {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(id, 0);
    head.writeUInt32BE(((fin ? 1 : 0) << 24) | data.length, 4);
    this.write(Buffer.concat([head, data]));
  }

  ping(n: number): void {
    this.write(Buffer.concat([controlHead(6, 0, 4), u32(n)]));
  }

  text(id: number): string {
    return Buffer.concat(this.data.get(id) ?? []).toString();
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function controlHead(type: number, flags: number, len: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16BE(0x8003, 0);
  b.writeUInt16BE(type, 2);
  b.writeUInt32BE((flags << 24) | len, 4);
  return b;
}

/** `Upgrade: SPDY/3.1` on a fresh connection; resolves with the upgraded socket. */
export function spdyUpgrade(base: string, path: string): Promise<{ socket: Socket; head: Buffer; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: "POST", headers: { Connection: "Upgrade", Upgrade: "SPDY/3.1", "X-Stream-Protocol-Version": "portforward.k8s.io" } });
    req.on("upgrade", (res, socket, head) => resolve({ socket, head, headers: res.headers }));
    req.on("response", (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on("error", reject);
    req.end();
  });
}

/**
 * A client WebSocket offering a subprotocol the ws client refuses to send ("/" is not a
 * token, yet kubectl offers "SPDY/3.1+portforward.k8s.io"): the handshake by hand, then
 * ws framing on the upgraded socket.
 */
export function rawWebSocket(url: string, protocol: string): Promise<{ ws: WebSocket; protocol: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url.replace(/^ws/, "http"), {
      headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": randomBytes(16).toString("base64"), "Sec-WebSocket-Protocol": protocol },
    });
    req.on("upgrade", (res, socket, head) => {
      const ws = new WebSocket(null as unknown as string, undefined, { autoPong: true });
      // A client-side socket: frames are masked (ws has no public switch for a socket it did not dial).
      (ws as unknown as { _isServer: boolean })._isServer = false;
      (ws as unknown as { setSocket(s: Socket, h: Buffer, o: object): void }).setSocket(socket, head, { maxPayload: 100 * 1024 * 1024, skipUTF8Validation: false, allowSynchronousEvents: true });
      resolve({ ws, protocol: res.headers["sec-websocket-protocol"] as string | undefined });
    });
    req.on("response", (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on("error", reject);
    req.end();
  });
}

export async function until(f: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
