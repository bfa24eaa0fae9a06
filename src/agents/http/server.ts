/**
 * The agent's container API: the HTTP endpoint through which a front end (berth's API
 * server, as kube-apiserver reaches a kubelet) reads a task's logs and runs commands
 * beside it. It speaks tasks and executors only; the caller maps its own names to them.
 *
 *   GET  /containers/<executor id>/<task id>/log          plain text (see log.ts)
 *   GET|POST /containers/<eid>/<tid>/exec?command=..&stdin=1&stdout=1&stderr=1&tty=1
 *                                                        WebSocket, v5/v4.channel.k8s.io
 *   GET|POST /containers/<eid>/<tid>/attach?...          same protocol, the task's output
 *   GET|POST /containers/<eid>/<tid>/portforward         SPDY/3.1 portforward.k8s.io, over a
 *                                                        WebSocket (SPDY/3.1+portforward.k8s.io)
 *                                                        or a plain `Upgrade: SPDY/3.1`
 *   GET  /healthz
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../../util/log.js";
import { CHANNEL_PROTOCOLS, pickChannelProtocol } from "./channels.js";
import { runExec, streamFlags } from "./exec.js";
import { runAttach } from "./attach.js";
import { LogRequestError, serveLog } from "./log.js";
import { PORTFORWARD_PROTOCOL, servePortForward } from "./portforward.js";
import type { TaskHandle, TaskLookup } from "./types.js";

export const SPDY_TUNNEL_PROTOCOL = `SPDY/3.1+${PORTFORWARD_PROTOCOL}`;

export interface ContainerApiOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly lookup: TaskLookup;
  readonly log: Logger;
}

export interface ContainerApi {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

interface Route {
  readonly executorId: string;
  readonly taskId: string;
  readonly action: string;
  readonly query: URLSearchParams;
}

function route(url: string | undefined): Route | undefined {
  const u = new URL(url ?? "/", "http://agent");
  const parts = u.pathname.split("/").filter(Boolean);
  if (parts.length !== 4 || parts[0] !== "containers") return undefined;
  try {
    return { executorId: decodeURIComponent(parts[1]!), taskId: decodeURIComponent(parts[2]!), action: parts[3]!, query: u.searchParams };
  } catch {
    return undefined;
  }
}

class HttpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function findTask(lookup: TaskLookup, r: Route): TaskHandle {
  const t = lookup(r.executorId, r.taskId);
  if (!t) throw new HttpError(404, `task ${r.taskId} of executor ${r.executorId} not found on this agent`);
  return t;
}

/** An HTTP error written straight to an upgrade's socket. */
function rejectUpgrade(socket: Duplex, code: number, message: string): void {
  const body = Buffer.from(message + "\n");
  socket.end(`HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ""}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`);
}

export async function startContainerApi(o: ContainerApiOptions): Promise<ContainerApi> {
  const { lookup, log } = o;
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (offered) => pickChannelProtocol(offered) ?? (offered.has(SPDY_TUNNEL_PROTOCOL) ? SPDY_TUNNEL_PROTOCOL : false),
  });
  const sockets = new Set<Socket>();
  const live = new Set<WebSocket>();
  // "SPDY/3.1+portforward.k8s.io" is not an RFC 6455 token ("/"), which ws refuses to parse;
  // kubectl (gorilla) sends it anyway. Such requests are upgraded without the header and
  // the chosen subprotocol is added to the 101 here.
  const tunneled = new WeakSet<IncomingMessage>();
  wss.on("headers", (headers, req) => {
    if (tunneled.has(req)) headers.push(`Sec-WebSocket-Protocol: ${SPDY_TUNNEL_PROTOCOL}`);
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const text = (code: number, msg: string) => res.writeHead(code, { "Content-Type": "text/plain; charset=utf-8" }).end(msg + "\n");
    if (req.url === "/healthz") return text(200, "ok");
    const r = route(req.url);
    if (!r) return text(404, "not found");
    void (async () => {
      const task = findTask(lookup, r);
      if (r.action === "log") {
        if (req.method !== "GET") throw new HttpError(405, "method not allowed");
        return serveLog(task, r.query, req, res);
      }
      if (["exec", "attach", "portforward"].includes(r.action)) throw new HttpError(400, "Upgrade request required");
      throw new HttpError(404, "not found");
    })().catch((e: unknown) => {
      const code = e instanceof HttpError || e instanceof LogRequestError ? e.code : 500;
      const msg = e instanceof Error ? e.message : String(e);
      if (code === 500) log.warn("container API request failed", { url: req.url, error: msg });
      if (res.headersSent) res.end();
      else text(code, msg);
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const r = route(req.url);
    try {
      if (!r || !["exec", "attach", "portforward"].includes(r.action)) throw new HttpError(404, "not found");
      const task = findTask(lookup, r);
      const upgrade = (req.headers.upgrade ?? "").toLowerCase();
      const offered = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
      if (r.action === "portforward" && upgrade === "spdy/3.1") return spdyUpgrade(req, socket, head, task);
      if (upgrade !== "websocket") throw new HttpError(400, `unsupported upgrade: ${req.headers.upgrade ?? ""}`);
      const wanted = r.action === "portforward" ? [SPDY_TUNNEL_PROTOCOL] : CHANNEL_PROTOCOLS;
      if (!offered.some((p) => (wanted as readonly string[]).includes(p))) throw new HttpError(400, `requested protocol(s) are not supported: [${offered.join(" ")}]; supports [${wanted.join(" ")}]`);
      if (r.action === "portforward") {
        tunneled.add(req);
        delete req.headers["sec-websocket-protocol"];
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        live.add(ws);
        ws.on("close", () => live.delete(ws));
        if (r.action === "portforward") {
          const session = servePortForward({ write: (b) => ws.send(b, { binary: true }), close: () => ws.close(1000) }, task, log);
          ws.on("message", (d) => session.feed(Array.isArray(d) ? Buffer.concat(d) : Buffer.isBuffer(d) ? d : Buffer.from(d)));
          ws.on("close", () => session.close());
          return;
        }
        const flags = streamFlags(r.query);
        if (r.action === "exec") runExec(ws, task, r.query.getAll("command"), flags);
        else runAttach(ws, task, flags);
      });
    } catch (e) {
      rejectUpgrade(socket, e instanceof HttpError ? e.code : 500, e instanceof Error ? e.message : String(e));
    }
  };

  /** kubectl's fallback (and older clients): SPDY straight on the upgraded connection. */
  const spdyUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, task: TaskHandle) => {
    const versions = String(req.headers["x-stream-protocol-version"] ?? "").split(",").map((s) => s.trim());
    if (!versions.includes(PORTFORWARD_PROTOCOL)) return rejectUpgrade(socket, 403, `unable to upgrade: unable to negotiate protocol: client supports [${versions.join(" ")}], server supports [${PORTFORWARD_PROTOCOL}]`);
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORTFORWARD_PROTOCOL}\r\n\r\n`);
    const session = servePortForward({ write: (b) => socket.write(b), close: () => socket.end() }, task, log);
    if (head.length) session.feed(head);
    socket.on("data", (d: Buffer) => session.feed(d));
    socket.on("close", () => session.close());
  };

  const server: Server = createServer(onRequest);
  server.on("upgrade", onUpgrade);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.requestTimeout = 0;
  const host = o.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : o.port;
  log.info("container API listening", { url: `http://${host}:${port}` });
  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of live) ws.terminate();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
