/**
 * An HTTP server for an app that serves long-lived streams (watches, event streams):
 * no request timeout, and close() drops open connections instead of waiting for them.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { Socket } from "node:net";

export interface ListeningServer {
  readonly server: Server;
  readonly port: number;
  /** http://host:port (IPv6 hosts bracketed). */
  readonly url: string;
  close(): Promise<void>;
}

export async function listen(app: RequestListener, host: string, port: number): Promise<ListeningServer> {
  const server = createServer(app);
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const actual = typeof addr === "object" && addr ? addr.port : port;
  return {
    server,
    port: actual,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
