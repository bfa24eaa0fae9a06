/**
 * Keeps the leader's persisted state (recovery.ts snapshot) in the KV bucket: after any
 * API request (debounced) and every intervalMs (timers change state too), the snapshot is
 * diffed against what was last written and only changed records are written or purged,
 * each through the lease's fenced writer. A write refused for lost leadership stops it.
 * Records are serialized again only when they changed (SnapshotCache), so a round over a
 * large master is a walk over its maps.
 *
 * Lag is tolerated by design: whatever a new leader misses (an agent registered or a task
 * launched in the last moments) comes back when the agents re-register with their tasks
 * and the frameworks re-subscribe with their ids, as after a Mesos master failover.
 */
import type { KV } from "nats";
import type { Logger } from "../../util/log.js";
import type { Master } from "../master.js";
import { snapshot, SnapshotCache } from "../recovery.js";
import { LEASE_KEY, NotLeaderError, type LeaderLease } from "./lease.js";

export interface RegistrarStats {
  writes: number;
  removals: number;
  failures: number;
  lastSyncMs: number;
}

/** Every record in the bucket but the lease, as key -> JSON text. */
export async function loadRecords(kv: KV): Promise<Map<string, string>> {
  const keys: string[] = [];
  for await (const k of await kv.keys()) if (k !== LEASE_KEY) keys.push(k);
  const out = new Map<string, string>();
  const dec = new TextDecoder();
  for (let i = 0; i < keys.length; i += 64) {
    const chunk = keys.slice(i, i + 64);
    const entries = await Promise.all(chunk.map((k) => kv.get(k)));
    entries.forEach((e, j) => {
      if (e && e.operation === "PUT" && e.value.length) out.set(chunk[j]!, dec.decode(e.value));
    });
  }
  return out;
}

export class Registrar {
  private timer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;
  private readonly cache = new SnapshotCache();

  constructor(
    private readonly master: Master,
    private readonly lease: LeaderLease,
    /** What the bucket holds now (the loaded records). */
    private readonly persisted: Map<string, string>,
    private readonly log: Logger,
    readonly stats: RegistrarStats,
    /** Also without requests (timers change state: failover and re-registration timeouts). */
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sync(), this.intervalMs);
    this.timer.unref?.();
    void this.sync();
  }

  /** Something may have changed (an API request): sync shortly. */
  markDirty(): void {
    if (this.stopped || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.sync();
    }, 25);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.debounce);
  }

  /** Write what changed since the last sync; resolves when done. */
  async sync(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.syncOnce();
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private async syncOnce(): Promise<void> {
    const t0 = Date.now();
    const want = snapshot(this.master, this.cache);
    const enc = new TextEncoder();
    try {
      for (const [k, v] of want) {
        if (this.stopped) return;
        if (this.persisted.get(k) === v) continue;
        await this.lease.put(k, enc.encode(v));
        this.persisted.set(k, v);
        this.stats.writes++;
      }
      for (const k of [...this.persisted.keys()]) {
        if (this.stopped) return;
        if (want.has(k)) continue;
        await this.lease.put(k, undefined);
        this.persisted.delete(k);
        this.stats.removals++;
      }
      this.stats.lastSyncMs = Date.now() - t0;
    } catch (e) {
      this.stats.failures++;
      if (e instanceof NotLeaderError) {
        this.stop();
        return;
      }
      // NATS away: the next round retries (the lease decides whether we still lead).
      this.log.warn("persisting master state failed; will retry", { error: e instanceof Error ? e.message : String(e) });
    }
  }
}
