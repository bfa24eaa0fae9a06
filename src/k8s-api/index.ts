/**
 * src/k8s-api: a Kubernetes API server. Its narrow interface is startApiServer (an HTTP
 * server over a Store) and the Registry that in-process clients use.
 */
import type { Store } from "./store/types.js";
import { Registry } from "./registry/registry.js";
import type { ServiceRanges } from "./registry/service-allocation.js";
import { createApiServer } from "./server/app.js";
import { podStreamUpgrade } from "./server/node-proxy.js";
import { bootstrapApiObjects } from "./bootstrap.js";
import { startCompactor } from "./compactor.js";
import type { Logger } from "../util/log.js";
import { listen } from "../util/http-server.js";

export type { Store } from "./store/types.js";
export { Registry } from "./registry/registry.js";
export { MemoryStore, openEmbeddedStore } from "./store/index.js";

export interface ApiServerConfig {
  readonly store: Store;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly log: Logger;
  readonly serviceRanges?: ServiceRanges;
  readonly bookmarkIntervalMs?: number;
  readonly compactIntervalMs?: number;
}

export interface RunningApiServer {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  readonly registry: Registry;
  close(): Promise<void>;
}

export async function startApiServer(c: ApiServerConfig): Promise<RunningApiServer> {
  const registry = new Registry(c.store, c.serviceRanges ? { serviceRanges: c.serviceRanges } : {});
  const app = createApiServer({ registry, log: c.log, ...(c.bookmarkIntervalMs ? { bookmarkIntervalMs: c.bookmarkIntervalMs } : {}) });
  const http = await listen(app, c.host, c.port);
  // exec, attach and port-forward arrive as HTTP upgrades, which never reach the express app.
  http.server.on("upgrade", podStreamUpgrade(registry, c.log));
  const { port, url } = http;
  await bootstrapApiObjects(registry, { host: c.host === "0.0.0.0" ? "127.0.0.1" : c.host, port });
  const compactor = startCompactor(c.store, c.log, c.compactIntervalMs);
  c.log.info("API server listening", { url });
  return {
    url,
    port,
    registry,
    async close() {
      compactor.stop();
      await http.close();
    },
  };
}
