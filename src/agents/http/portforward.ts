/**
 * port-forward (portforward.k8s.io over SPDY): for each forwarded connection the client
 * opens an error stream and a data stream with the same `requestid` and a `port`; the
 * agent connects to localhost:<port> in the task's network — the host's, or, for a task
 * in its own network namespace, 127.0.0.1 inside that namespace (as kubelet's runtimes
 * dial inside the pod's sandbox), through a small relay process started there — and
 * copies bytes both ways. When the connection ends the agent closes both streams; a failure is written
 * on the error stream first (kubectl prints it and stops forwarding).
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { connect } from "node:net";
import { inNetns } from "../network/ip.js";
import type { Logger } from "../../util/log.js";
import { SpdySession, type SpdyStream, type SpdyTransport } from "./spdy.js";
import type { TaskHandle } from "./types.js";

export const PORTFORWARD_PROTOCOL = "portforward.k8s.io";

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
}

export function servePortForward(transport: SpdyTransport, task: TaskHandle, log: Logger): SpdySession {
  const pairs = new Map<string, Pair>();
  return new SpdySession(transport, (s) => {
    const type = s.headers.get("streamtype");
    const port = s.headers.get("port") ?? "";
    const rid = s.headers.get("requestid") ?? port;
    if (type !== "error" && type !== "data") return s.abort();
    let p = pairs.get(rid);
    if (!p) pairs.set(rid, (p = {}));
    p[type] = s;
    if (!p.error || !p.data) return;
    pairs.delete(rid);
    forward(p.error, p.data, port, task, log);
  });
}

function forward(errorStream: SpdyStream, data: SpdyStream, portText: string, task: TaskHandle, log: Logger): void {
  const port = Number(portText);
  const finish = (err?: string) => {
    if (err) errorStream.write(Buffer.from(err));
    errorStream.end();
    data.end();
  };
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) return finish(`invalid port ${JSON.stringify(portText)}`);
  const sock: Conn = task.netns ? relayIn(task.netns, port) : connect({ host: "127.0.0.1", port });
  let ended = false;
  data.onData((d) => sock.write(d));
  data.onEnd(() => sock.end());
  data.onReset(() => sock.destroy());
  sock.on("data", (d) => data.write(d));
  sock.on("end", () => {
    if (ended) return;
    ended = true;
    finish();
  });
  sock.on("error", (e) => {
    if (ended) return;
    ended = true;
    log.debug("port-forward connection failed", { task_id: task.taskId, port, error: e.message });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ECONNREFUSED" ? "connect: connection refused" : e.message;
    finish(`error forwarding port ${port} to task ${task.taskId}: failed to connect to localhost:${port}: dial tcp4 127.0.0.1:${port}: ${why}`);
  });
  sock.on("close", () => {
    if (!ended) {
      ended = true;
      finish();
    }
  });
}

/** The part of a socket forward() uses. */
interface Conn {
  write(d: Buffer): unknown;
  end(): unknown;
  destroy(): unknown;
  on(ev: "data", fn: (d: Buffer) => void): unknown;
  on(ev: "end" | "close", fn: () => void): unknown;
  on(ev: "error", fn: (e: Error) => void): unknown;
}

/** Connects to 127.0.0.1:port inside the namespace: stdin/stdout of a node process there are the connection. */
const RELAY = [
  "const s=require('net').connect(Number(process.argv[1]),'127.0.0.1');",
  "s.on('connect',()=>{process.stdin.pipe(s);s.pipe(process.stdout)});",
  "s.on('error',e=>{process.stderr.write(String(e.code||e.message));process.exit(1)});",
  // stdout is a pipe, written synchronously on Linux: nothing is lost by exiting at close.
  "s.on('close',()=>process.exit(0));",
].join("");

function relayIn(netns: string, port: number): Conn {
  const argv = [...inNetns(netns), process.execPath, "-e", RELAY, String(port)];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ["pipe", "pipe", "pipe"] });
  const ev = new EventEmitter();
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  child.stdout.on("data", (d: Buffer) => ev.emit("data", d));
  child.stdin.on("error", () => undefined);
  child.on("error", (e) => ev.emit("error", e));
  child.on("close", (code) => {
    if (code !== 0) {
      const e = new Error(err.trim() || `relay exited with ${code}`) as NodeJS.ErrnoException;
      if (/^E[A-Z]+$/.test(err.trim())) e.code = err.trim();
      ev.emit("error", e);
    } else ev.emit("end");
    ev.emit("close");
  });
  return {
    write: (d) => child.stdin.write(d),
    end: () => child.stdin.end(),
    destroy: () => child.kill("SIGKILL"),
    on: (e: string, fn: (...a: any[]) => void) => ev.on(e, fn), // eslint-disable-line @typescript-eslint/no-explicit-any
  } as Conn;
}
