/**
 * attach: the output a task writes from now on, on stdout/stderr channels, until it ends.
 * Tasks run with stdin closed (their output goes to sandbox files, so they outlive the
 * agent), so asking for stdin gets a clear failure instead of a silent one-way stream.
 */
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import type { WebSocket } from "ws";
import type { TaskHandle } from "./types.js";
import { ChannelConn, failure, STDERR, STDOUT, success } from "./channels.js";
import type { StreamFlags } from "./exec.js";

const POLL_MS = 100;

export function runAttach(ws: WebSocket, task: TaskHandle, flags: StreamFlags): void {
  let closed = false;
  const conn = new ChannelConn(ws, { closed: () => (closed = true) });
  if (flags.stdin) return conn.finish(failure(`task ${task.taskId} was started without stdin: attach can stream its output only (attach without stdin)`, "BadRequest"));
  if (!task.running()) return conn.finish(failure(`task ${task.taskId} is not running`, "BadRequest"));
  const files = [
    { path: join(task.sandbox, "stdout"), channel: STDOUT, wanted: flags.stdout, offset: -1 },
    { path: join(task.sandbox, "stderr"), channel: flags.tty ? STDOUT : STDERR, wanted: flags.stderr || (flags.tty && flags.stdout), offset: -1 },
  ];
  void (async () => {
    // Start at the current end: attach shows what comes next, not the history (that is logs).
    for (const f of files) f.offset = (await stat(f.path).catch(() => undefined))?.size ?? 0;
    for (;;) {
      if (closed) return;
      const ended = !task.running();
      for (const f of files) {
        const st = await stat(f.path).catch(() => undefined);
        if (!st || st.size <= f.offset) continue;
        const fh = await open(f.path, "r");
        try {
          const buf = Buffer.alloc(st.size - f.offset);
          const { bytesRead } = await fh.read(buf, 0, buf.length, f.offset);
          f.offset += bytesRead;
          if (f.wanted) await conn.send(f.channel, buf.subarray(0, bytesRead));
        } finally {
          await fh.close();
        }
      }
      if (ended) return conn.finish(success());
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })().catch((e: unknown) => conn.finish(failure(`attach to task ${task.taskId}: ${e instanceof Error ? e.message : String(e)}`)));
}
