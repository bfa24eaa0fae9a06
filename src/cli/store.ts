/**
 * The --store flag, in one place for every role that serves the API (berth up, and
 * berth apiserver as it lands): embedded (durable, in the data directory), memory, or
 * nats://HOST:PORT[/bucket] (a NATS JetStream KV bucket several API servers can share).
 */
import { join } from "node:path";
import { MemoryStore, openEmbeddedStore, openNatsStore, parseNatsStoreUrl } from "../k8s-api/store/index.js";
import type { Store } from "../k8s-api/store/types.js";
import type { Logger } from "../util/log.js";

export const STORE_FLAG_HELP = `  --store KIND            embedded (default: durable, in the data directory), memory
                          (nothing kept across restarts; for tests and benchmarks) or
                          nats://HOST:PORT[/BUCKET] (a NATS JetStream KV bucket, default
                          bucket "berth", that several API servers may share)`;

export interface StoreFlagContext {
  /** Where the embedded store keeps its files (a "store" directory under it). */
  readonly dataDir: string;
  readonly repair: boolean;
  readonly log: Logger;
}

export async function openStoreFlag(kind: string, ctx: StoreFlagContext): Promise<Store> {
  if (kind === "memory") return new MemoryStore();
  if (kind === "embedded") return openEmbeddedStore(join(ctx.dataDir, "store"), { repair: ctx.repair, log: ctx.log });
  if (/^(nats|tls):\/\//.test(kind)) return openNatsStore({ ...parseNatsStoreUrl(kind), log: ctx.log });
  throw new Error(`--store must be embedded, memory or nats://HOST:PORT[/bucket]: current value is ${kind}`);
}
