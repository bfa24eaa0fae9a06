/**
 * The resource manager: the master with its DRF allocator, served over HTTP. `startMaster`
 * is what `berth master` and `berth up` run; tests use it with short timeouts.
 */
import express from "express";
import { createAllocator } from "./allocator/index.js";
import type { Allocator, AllocatorOptions } from "./allocator/types.js";
import { Master, type MasterOptions } from "./master.js";
import { masterRouter } from "./http/index.js";
import { createLogger } from "../util/log.js";
import { listen, type ListeningServer } from "../util/http-server.js";

export { Master, MASTER_VERSION, type MasterOptions } from "./master.js";
export { masterRouter } from "./http/index.js";

export interface StartMasterOptions extends Omit<MasterOptions, "allocator" | "port"> {
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Port (default 5050; 0 picks a free one). */
  readonly port?: number;
  /** Allocator factory (default: the hierarchical DRF allocator). */
  readonly allocator?: (opts: AllocatorOptions) => Allocator;
}

export interface RunningMaster {
  readonly master: Master;
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startMaster(opts: StartMasterOptions = {}): Promise<RunningMaster> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.logger ?? createLogger("master");
  const master = new Master({ ...opts, logger: log, allocator: opts.allocator ?? createAllocator, hostname: opts.hostname ?? (host === "0.0.0.0" ? "127.0.0.1" : host), port: opts.port ?? 5050 });
  const app = express();
  app.disable("x-powered-by");
  app.use(masterRouter(master));
  let http: ListeningServer;
  try {
    http = await listen(app, host, opts.port ?? 5050);
  } catch (e) {
    master.stop();
    throw e;
  }
  const { port, url } = http;
  master.port = port;
  log.info("master listening", { url, id: master.id });
  return {
    master,
    url,
    port,
    async close() {
      master.stop();
      await http.close();
    },
  };
}
