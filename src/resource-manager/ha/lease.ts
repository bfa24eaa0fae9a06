/**
 * Leader election for masters over a NATS JetStream KV bucket (DESIGN.md decision 4), with
 * fencing of every write the leader makes.
 *
 * The lease is the key "leader" ({id, url}). A master becomes leader by creating it (when
 * absent) or, as a standby, by a compare-and-swap update on the revision it has watched
 * stay unchanged for a whole TTL on its own clock (so clocks need not agree). The leader
 * renews every TTL/4 and acts as leader only until (time it sent the last successful
 * renewal) + TTL x 0.8: a standby cannot take over before that, as it starts counting
 * only once it has seen that renewal.
 *
 * Fencing: the leader is the only process writing to the bucket's stream (standbys write
 * only the lease, and only to take it over), so every write of the leader -- renewals and
 * state alike, one at a time -- carries Nats-Expected-Last-Sequence = the stream sequence of
 * its own previous write. Once anybody else has written (a standby took the lease over),
 * JetStream rejects the old leader's next write ("wrong last sequence") and it steps down:
 * a leader paused past its lease (SIGSTOP) wakes up unable to write anything, and its
 * isLeader() already answers false from its own clock before that. (nats-server 2.9 has no
 * expected-sequence check on another subject, which would make the chain unnecessary.)
 */
import { performance } from "node:perf_hooks";
import { connect, headers, type JetStreamClient, type KV, type NatsConnection } from "nats";
import type { Logger } from "../../util/log.js";

export const LEASE_KEY = "leader";

export interface LeaseOptions {
  readonly natsUrl: string;
  readonly bucket: string;
  /** This master's id (unique per process). */
  readonly id: string;
  /** The URL standbys redirect to while this master leads. */
  readonly url: string;
  /** Lease time to live (default 5000 ms). */
  readonly ttlMs?: number;
  readonly log: Logger;
  /** Called once this master holds the lease (awaited before the next renewal). */
  readonly onElected: () => Promise<void> | void;
  /** Called when it lost the lease or could not renew it in time. */
  readonly onDemoted: (reason: string) => void;
}

export interface LeaseHolder {
  readonly id: string;
  readonly url: string;
}

/** A write refused because this master no longer (provably) holds the lease. */
export class NotLeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotLeaderError";
  }
}

const now = () => performance.now();

function isWrongSequence(e: unknown): boolean {
  const err = e as { message?: string; api_error?: { err_code?: number } };
  return err?.api_error?.err_code === 10071 || err?.api_error?.err_code === 10164 || /wrong last sequence/i.test(err?.message ?? "");
}

export class LeaderLease {
  readonly ttlMs: number;
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private kv: KV | undefined;
  private role: "standby" | "leader" = "standby";
  /** Leader: stream sequence of our last write, and until when (monotonic) we may act. */
  private lastSeq = 0;
  private validUntil = 0;
  /** Standby: the lease revision last seen, since when (monotonic), and its holder. */
  private seenRev = -1;
  private seenAt = 0;
  private holder: LeaseHolder | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopped = false;
  /** Writes of the leader, one at a time (each depends on the previous one's sequence). */
  private chain: Promise<unknown> = Promise.resolve();
  /** Times this master became leader, and lost leadership. */
  elections = 0;
  demotions = 0;
  /** Leader changes this master has observed (any holder), for /metrics. */
  leaderChanges = 0;
  private lastHolderId: string | undefined;

  constructor(private readonly opts: LeaseOptions) {
    this.ttlMs = opts.ttlMs ?? 5000;
  }

  async start(): Promise<void> {
    // The first connection fails fast (a wrong URL is an error to report); after that the
    // client reconnects for ever, and the lease decides what an outage means.
    this.nc = await connect({ servers: this.opts.natsUrl, name: `berth-master-${this.opts.id}`, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    void (async () => {
      for await (const s of this.nc!.status()) {
        const fields = { type: s.type, data: typeof s.data === "string" ? s.data : undefined };
        if (s.type === "disconnect" || s.type === "reconnect" || s.type === "error") this.opts.log.info("nats connection", fields);
        else this.opts.log.debug("nats connection", fields);
      }
    })().catch(() => undefined);
    this.js = this.nc.jetstream({ timeout: Math.max(500, Math.floor(this.ttlMs / 3)) });
    // history 1: the bucket keeps the latest value per key (the lease and each record).
    this.kv = await this.js.views.kv(this.opts.bucket, { history: 1 });
    this.opts.log.info("contending for master leadership", { bucket: this.opts.bucket, ttl_ms: this.ttlMs, id: this.opts.id, url: this.opts.url });
    this.schedule(0);
  }

  get bucketKv(): KV {
    if (!this.kv) throw new Error("lease not started");
    return this.kv;
  }

  /** Leading now, by our own clock (false as soon as the lease may have run out). */
  isLeader(): boolean {
    return this.role === "leader" && now() < this.validUntil;
  }

  /** Where standbys send clients: the holder of a live lease (ourselves while leading). */
  leaderUrl(): string | undefined {
    if (this.isLeader()) return this.opts.url;
    if (this.role === "leader" || !this.holder || this.holder.id === this.opts.id) return undefined;
    return now() - this.seenAt < this.ttlMs ? this.holder.url : undefined;
  }

  currentHolder(): LeaseHolder | undefined {
    return this.isLeader() ? { id: this.opts.id, url: this.opts.url } : this.holder;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      if (this.role === "leader") await this.renew();
      else await this.contend();
    } catch (e) {
      this.opts.log.warn("lease round failed", { error: e instanceof Error ? e.message : String(e) });
    } finally {
      this.ticking = false;
      this.schedule(Math.floor(this.ttlMs / 4));
    }
  }

  private value(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify({ id: this.opts.id, url: this.opts.url }));
  }

  private async contend(): Promise<void> {
    const kv = this.bucketKv;
    const e = await kv.get(LEASE_KEY);
    const t = now();
    if (!e || e.operation !== "PUT") {
      const seq = await kv.create(LEASE_KEY, this.value()).catch((err: unknown) => {
        this.opts.log.debug("lease create lost", { error: String(err) });
        return undefined;
      });
      if (seq !== undefined) await this.elected(seq, t);
      return;
    }
    let h: LeaseHolder | undefined;
    try {
      h = JSON.parse(new TextDecoder().decode(e.value)) as LeaseHolder;
    } catch {
      h = undefined;
    }
    if (e.revision !== this.seenRev) {
      this.seenRev = e.revision;
      this.seenAt = t;
      this.holder = h;
      this.observe(h?.id);
      // A lease still naming us (we stepped down only because we could not renew in time,
      // e.g. NATS was away) is ours to take back at once: nobody else has written since.
      if (h?.id !== this.opts.id) return;
    } else if (t - this.seenAt < this.ttlMs && h?.id !== this.opts.id) {
      return;
    }
    const seq = await kv.update(LEASE_KEY, this.value(), e.revision).catch((err: unknown) => {
      this.opts.log.debug("lease takeover lost", { error: String(err) });
      return undefined;
    });
    if (seq !== undefined) await this.elected(seq, t);
  }

  private observe(holderId: string | undefined): void {
    if (holderId && holderId !== this.lastHolderId) {
      if (this.lastHolderId !== undefined) this.leaderChanges++;
      this.lastHolderId = holderId;
    }
  }

  private async elected(seq: number, sentAt: number): Promise<void> {
    this.role = "leader";
    this.lastSeq = seq;
    this.validUntil = sentAt + this.ttlMs * 0.8;
    this.holder = { id: this.opts.id, url: this.opts.url };
    this.observe(this.opts.id);
    this.elections++;
    this.chain = Promise.resolve();
    this.opts.log.info("elected leading master", { id: this.opts.id, url: this.opts.url, lease_revision: seq });
    try {
      await this.opts.onElected();
    } catch (e) {
      this.demote(`failed to take over: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async renew(): Promise<void> {
    if (now() >= this.validUntil) {
      this.demote(`lease not renewed within ${Math.round(this.ttlMs * 0.8)}ms`);
      return;
    }
    const sentAt = now();
    try {
      await this.fenced(LEASE_KEY, this.value(), false);
      if (this.role === "leader") this.validUntil = Math.max(this.validUntil, sentAt + this.ttlMs * 0.8);
    } catch (e) {
      if (e instanceof NotLeaderError) return;
      this.opts.log.warn("lease renewal failed; retrying", { error: e instanceof Error ? e.message : String(e), valid_for_ms: Math.round(this.validUntil - now()) });
      if (now() >= this.validUntil) this.demote("lease expired while NATS did not answer");
    }
  }

  /** A fenced write of a record (value) or its removal (undefined). Throws NotLeaderError once the lease is gone. */
  put(key: string, value: Uint8Array | undefined): Promise<void> {
    return this.fenced(key, value, value === undefined);
  }

  private fenced(key: string, value: Uint8Array | undefined, purge: boolean): Promise<void> {
    const run = async () => {
      if (!this.isLeader()) throw new NotLeaderError("not the leading master");
      const h = purge ? headers() : undefined;
      if (h) {
        // A purge marker replaces the record (history 1), so removed records do not pile up.
        h.set("KV-Operation", "PURGE");
        h.set("Nats-Rollup", "sub");
      }
      try {
        const ack = await this.js!.publish(`$KV.${this.opts.bucket}.${key}`, value ?? new Uint8Array(), { expect: { lastSequence: this.lastSeq }, ...(h ? { headers: h } : {}) });
        this.lastSeq = ack.seq;
      } catch (e) {
        if (isWrongSequence(e)) {
          this.demote("another master wrote to the bucket: lease lost");
          throw new NotLeaderError("lease lost to another master");
        }
        throw e;
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private demote(reason: string): void {
    if (this.role !== "leader") return;
    this.role = "standby";
    this.validUntil = 0;
    this.seenRev = -1;
    this.demotions++;
    this.opts.log.warn("no longer the leading master", { id: this.opts.id, reason });
    try {
      this.opts.onDemoted(reason);
    } catch (e) {
      this.opts.log.error("step-down failed", { error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Stop contending; a leader gives the lease up (deletes it) so a standby takes over at once. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.role === "leader" && this.isLeader()) {
      await this.fenced(LEASE_KEY, undefined, true).catch(() => undefined);
    }
    this.role = "standby";
    await this.nc?.drain().catch(() => undefined);
  }
}
