/**
 * port-forward (portforward.k8s.io over SPDY): for each forwarded connection the client
 * opens an error stream and a data stream with the same `requestid` and a `port`; the
 * agent connects to 127.0.0.1:<port> (tasks share the host's network) and copies bytes
 * both ways. When the connection ends the agent closes both streams; a failure is written
 * on the error stream first (kubectl prints it and stops forwarding).
 */
import { connect } from "node:net";
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
  const sock = connect({ host: "127.0.0.1", port });
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
