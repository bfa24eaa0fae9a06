/**
 * The one place a role picks its API store from a --store flag, so every role that serves
 * the API (berth up, berth apiserver) accepts the same values and a new backend (the NATS
 * JetStream KV store, `nats://...`) plugs in here once.
 */
import { join } from "node:path";
import { MemoryStore, openEmbeddedStore, type Store } from "../k8s-api/index.js";
import type { Logger } from "../util/log.js";

export const STORE_FLAG_HELP = "embedded (default: durable, in the data directory) or memory (nothing kept across restarts)";

export interface StoreFlagOptions {
  readonly dataDir: string;
  readonly repair?: boolean;
  readonly log: Logger;
}

export async function openStoreFromFlag(kind: string, o: StoreFlagOptions): Promise<Store> {
  if (kind === "memory") return new MemoryStore();
  if (kind === "embedded") return openEmbeddedStore(join(o.dataDir, "store"), { repair: Boolean(o.repair), log: o.log });
  throw new Error(`--store must be embedded or memory: current value is ${kind}`);
}
