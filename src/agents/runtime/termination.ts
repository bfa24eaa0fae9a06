/**
 * The termination message of a run that ended (kubelet's terminationMessagePath and
 * FallbackToLogsOnError): the file's content, at most 4 KiB; when it is empty, the run
 * failed and fallback is on, the last 80 lines (at most 2 KiB) of the task's output.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TaskRuntime } from "../../mesos/v1.js";
import { inside } from "./sandbox.js";

const MAX_MESSAGE = 4096;
const LOG_TAIL_BYTES = 2048;
const LOG_TAIL_LINES = 80;

export function terminationMessage(sandbox: string, rt: TaskRuntime | undefined, exitCode: number): string | undefined {
  if (!rt) return undefined;
  let msg = "";
  if (rt.termination_message_path) {
    try {
      msg = tail(inside(sandbox, rt.termination_message_path), MAX_MESSAGE);
    } catch {
      msg = "";
    }
  }
  if (!msg && exitCode !== 0 && rt.termination_message_fallback_to_logs) {
    // The process' output is its stdout and stderr files; stderr last: errors come at the end.
    const out = [tail(join(sandbox, "stdout"), LOG_TAIL_BYTES), tail(join(sandbox, "stderr"), LOG_TAIL_BYTES)].filter(Boolean).join("");
    msg = out.split("\n").slice(-LOG_TAIL_LINES - 1).join("\n");
    if (msg.length > LOG_TAIL_BYTES) msg = msg.slice(-LOG_TAIL_BYTES);
  }
  return msg || undefined;
}

function tail(file: string, bytes: number): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return "";
  }
  try {
    const size = statSync(file).size;
    const n = Math.min(size, bytes);
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, size - n);
    return buf.toString("utf8");
  } finally {
    closeSync(fd);
  }
}
