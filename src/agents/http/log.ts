/**
 * GET /containers/<executor>/<task>/log: a task's stdout and stderr files, with the options
 * kubelet's containerLogs endpoint takes (follow, tailLines, limitBytes, sinceSeconds,
 * sinceTime, timestamps, previous, stream).
 *
 * The process containerizer writes stdout and stderr straight to two files in the sandbox
 * (the task owns them, so logs survive agent restarts), which costs two things a CRI log
 * file has: lines carry no write time, and the relative order of stdout and stderr is
 * lost. So: existing content is served stdout first, then stderr; a line's timestamp (and
 * the since filters) use the file's modification time for content already written and
 * the time the agent read it for content that arrives while following.
 * A task restarted in place appends to the same files; the agent tells where its last
 * runs began (TaskHandle.logStarts), which delimits the current run and the previous one.
 * Without that (e.g. after an agent restart) the whole file is the current run and
 * `previous` answers 400.
 */
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TaskHandle } from "./types.js";

const FOLLOW_POLL_MS = 100;

export interface LogOptions {
  readonly follow: boolean;
  readonly tailLines?: number;
  readonly limitBytes?: number;
  /** Epoch ms: only content written at or after this. */
  readonly since?: number;
  readonly timestamps: boolean;
  readonly previous: boolean;
  readonly streams: readonly ("stdout" | "stderr")[];
}

export class LogRequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function intParam(q: URLSearchParams, name: string, min: number): number | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min) throw new LogRequestError(400, `${name}: invalid value ${JSON.stringify(v)}`);
  return Number(v);
}

const truthy = (v: string | null) => v !== null && v !== "" && v !== "false" && v !== "0";

export function parseLogOptions(q: URLSearchParams, now = Date.now()): LogOptions {
  const sinceSeconds = intParam(q, "sinceSeconds", 1);
  const sinceTime = q.get("sinceTime");
  let since: number | undefined;
  if (sinceSeconds !== undefined) since = now - sinceSeconds * 1000;
  else if (sinceTime) {
    since = Date.parse(sinceTime);
    if (Number.isNaN(since)) throw new LogRequestError(400, `sinceTime: invalid value ${JSON.stringify(sinceTime)}`);
  }
  const stream = q.get("stream") ?? "All";
  const streams = stream === "Stdout" ? (["stdout"] as const) : stream === "Stderr" ? (["stderr"] as const) : (["stdout", "stderr"] as const);
  const tailLines = intParam(q, "tailLines", 0);
  const limitBytes = intParam(q, "limitBytes", 1);
  return {
    follow: truthy(q.get("follow")),
    timestamps: truthy(q.get("timestamps")),
    previous: truthy(q.get("previous")),
    streams,
    ...(tailLines !== undefined ? { tailLines } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
    ...(since !== undefined ? { since } : {}),
  };
}

/** kubelet's timestamp format: RFC 3339 with nanoseconds. */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

interface FileTail {
  readonly path: string;
  offset: number;
  /** A partial last line held back while timestamping (a line gets its time once complete). */
  partial: Buffer;
}

async function readFrom(path: string, offset: number, end = Infinity): Promise<{ data: Buffer; mtimeMs: number; size: number }> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return { data: Buffer.alloc(0), mtimeMs: 0, size: 0 };
  }
  try {
    const st = await fh.stat();
    // A truncated file (log rotation by hand) starts over.
    const from = st.size < offset ? 0 : offset;
    const len = Math.max(0, Math.min(st.size, end) - from);
    const data = Buffer.alloc(len);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await fh.read(data, got, len - got, from + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { data: data.subarray(0, got), mtimeMs: st.mtimeMs, size: from + got };
  } finally {
    await fh.close();
  }
}

/** Splits into lines, each keeping its "\n" (the last one may lack it). */
function lines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (;;) {
    const nl = buf.indexOf(10, start);
    if (nl < 0) break;
    out.push(buf.subarray(start, nl + 1));
    start = nl + 1;
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

/** Serves one log request; the response is plain text, streamed while following. */
export async function serveLog(task: TaskHandle, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const opts = parseLogOptions(q);
  const starts = task.logStarts?.() ?? [];
  let range: { from: (s: "stdout" | "stderr") => number; to: (s: "stdout" | "stderr") => number };
  if (opts.previous) {
    const prev = starts[starts.length - 2];
    const cur = starts[starts.length - 1];
    if (!prev || !cur) throw new LogRequestError(400, `previous run of task ${task.taskId} not found`);
    range = { from: (s) => prev[s], to: (s) => cur[s] };
  } else {
    const cur = starts[starts.length - 1];
    range = { from: (s) => cur?.[s] ?? 0, to: () => Infinity };
  }
  // A previous run has ended: nothing to follow.
  const follow = opts.follow && !opts.previous;
  const files: (FileTail & { readonly end: number })[] = opts.streams.map((s) => ({ path: join(task.sandbox, s), offset: range.from(s), end: range.to(s), partial: Buffer.alloc(0) }));
  let budget = opts.limitBytes ?? Infinity;
  let closed = false;
  req.on("close", () => (closed = true));
  res.on("close", () => (closed = true));
  res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" });
  res.flushHeaders();

  /** Writes what the budget allows; false once limitBytes is used up. */
  const emit = (chunk: Buffer): boolean => {
    if (budget <= 0) return false;
    const part = chunk.length > budget ? chunk.subarray(0, budget) : chunk;
    budget -= part.length;
    if (part.length) res.write(part);
    return budget > 0;
  };
  const stamp = (line: Buffer, ms: number) => (opts.timestamps ? Buffer.concat([Buffer.from(logTimestamp(ms) + " "), line]) : line);

  // What is already written: stdout, then stderr; the tail counts lines over both.
  let existing: Buffer[] = [];
  for (const f of files) {
    const { data, mtimeMs, size } = await readFrom(f.path, f.offset, f.end);
    f.offset = size;
    if (opts.since !== undefined && mtimeMs < opts.since) continue;
    let ls = lines(data);
    if (follow && opts.timestamps && ls.length && !ls[ls.length - 1]!.includes(10)) f.partial = Buffer.from(ls.pop()!);
    existing.push(...ls.map((l) => stamp(l, mtimeMs)));
  }
  if (opts.tailLines !== undefined) existing = opts.tailLines === 0 ? [] : existing.slice(-opts.tailLines);
  let open_ = true;
  for (const l of existing) if (!(open_ = emit(l))) break;
  if (!open_ || !follow) return void res.end();

  // Following: poll the files until the task has ended and everything it wrote is sent.
  for (;;) {
    if (closed) return;
    const ended = !task.running();
    for (const f of files) {
      const st = await stat(f.path).catch(() => undefined);
      if (!st || st.size === f.offset) continue;
      const { data, size } = await readFrom(f.path, f.offset);
      f.offset = size;
      if (!data.length) continue;
      let out: Buffer[];
      if (opts.timestamps) {
        const ls = lines(Buffer.concat([f.partial, data]));
        f.partial = ls.length && !ls[ls.length - 1]!.includes(10) ? Buffer.from(ls.pop()!) : Buffer.alloc(0);
        out = ls.map((l) => stamp(l, Date.now()));
      } else out = [data];
      for (const chunk of out) if (!emit(chunk)) return void res.end();
    }
    if (ended) {
      for (const f of files) if (f.partial.length && !emit(stamp(f.partial, Date.now()))) break;
      return void res.end();
    }
    await new Promise((r) => setTimeout(r, FOLLOW_POLL_MS));
  }
}
