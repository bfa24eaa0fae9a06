/**
 * A highly available master (`berth master --ha`): one HTTP server whose handlers belong
 * to the master of the current term. Standing by, that is a master that answers every API
 * call with 307 to the leader's advertised URL (503 while none is known); once elected
 * (lease.ts), a fresh master is built from the persisted state (recovery.ts) and the
 * registrar keeps that state in NATS KV. Losing the lease stops the leading master at once
 * -- every agent and framework stream is closed, so they re-register / re-subscribe with
 * the new leader -- and a standby takes its place.
 */
import { randomUUID } from "node:crypto";
import express, { type Router } from "express";
import { Gauge, Registry } from "prom-client";
import { createAllocator } from "../allocator/index.js";
import { Master } from "../master.js";
import { masterRouter } from "../http/index.js";
import { restore } from "../recovery.js";
import type { RunningMaster, StartMasterOptions } from "../index.js";
import { createLogger } from "../../util/log.js";
import { listen } from "../../util/http-server.js";
import { LeaderLease } from "./lease.js";
import { loadRecords, Registrar, type RegistrarStats } from "./registrar.js";

export { LeaderLease, NotLeaderError, LEASE_KEY } from "./lease.js";

export interface HaOptions {
  /** NATS server(s) with JetStream, e.g. nats://127.0.0.1:4222. */
  readonly natsUrl: string;
  /** KV bucket holding the lease and the state (default berth-master). */
  readonly bucket?: string;
  /** URL standbys redirect clients to while this master leads (default: the listen URL). */
  readonly advertiseUrl?: string;
  /** Lease time to live in ms (default 5000). */
  readonly leaseTtlMs?: number;
}

export interface RunningHaMaster extends RunningMaster {
  readonly lease: LeaderLease;
  /** The master of the current term (a redirecting one while standing by). */
  current(): Master;
  role(): "leader" | "standby";
}

export async function startHaMaster(opts: StartMasterOptions, ha: HaOptions): Promise<RunningHaMaster> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.logger ?? createLogger("master");
  const bucket = ha.bucket ?? "berth-master";
  const id = randomUUID();
  let advertise = "";
  let lease!: LeaderLease;
  const stats: RegistrarStats = { writes: 0, removals: 0, failures: 0, lastSyncMs: 0 };
  let registrar: Registrar | undefined;
  let closing = false;

  const metrics = new Registry();
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({ name, help, registers: [metrics], collect() { this.set(value()); } });
  gauge("berth_master_leader", "1 while this master leads, 0 while it stands by", () => (lease?.isLeader() ? 1 : 0));
  gauge("berth_master_elections_total", "Times this master was elected leader", () => lease?.elections ?? 0);
  gauge("berth_master_demotions_total", "Times this master lost leadership", () => lease?.demotions ?? 0);
  gauge("berth_master_leader_changes_total", "Changes of the lease holder this master has seen", () => lease?.leaderChanges ?? 0);
  gauge("berth_master_registry_writes_total", "Records written to the state bucket", () => stats.writes);
  gauge("berth_master_registry_removals_total", "Records removed from the state bucket", () => stats.removals);
  gauge("berth_master_registry_failures_total", "Failed state syncs", () => stats.failures);

  // Our own URL is never a place to redirect to (we may be elected but still loading).
  const otherLeader = () => {
    const u = lease.leaderUrl();
    return u === advertise ? undefined : u;
  };
  const build = (leading: boolean): { master: Master; router: Router } => {
    let self: Master | undefined;
    const master = new Master({
      ...opts,
      logger: log,
      allocator: opts.allocator ?? createAllocator,
      hostname: opts.hostname ?? (host === "0.0.0.0" ? "127.0.0.1" : host),
      port: opts.port ?? 5050,
      isLeader: () => leading && lease.isLeader() && active.master === self,
      leaderUrl: otherLeader,
    });
    self = master;
    master.port = port;
    return { master, router: masterRouter(master, { extraMetrics: metrics }) };
  };

  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    const holder = lease.currentHolder();
    res.status(200).json({
      role: lease.isLeader() ? "leader" : "standby",
      id,
      url: advertise,
      leader: holder ? { id: holder.id, url: holder.url } : null,
      elections: lease.elections,
      demotions: lease.demotions,
      leader_changes: lease.leaderChanges,
      lease_ttl_ms: lease.ttlMs,
      bucket,
      registry: stats,
    });
  });
  app.use((req, res, next) => {
    if (registrar && req.method === "POST") {
      registrar.markDirty();
      res.on("finish", () => registrar?.markDirty());
    }
    active.router(req, res, next);
  });
  let port = opts.port ?? 5050;
  const http = await listen(app, host, port);
  port = http.port;
  advertise = (ha.advertiseUrl ?? http.url).replace(/\/+$/, "");
  let active = { master: undefined as unknown as Master, router: undefined as unknown as Router };

  const swap = (next: { master: Master; router: Router }) => {
    const prev = active.master;
    active = next;
    prev?.stop();
  };

  lease = new LeaderLease({
    natsUrl: ha.natsUrl,
    bucket,
    id,
    url: advertise,
    ...(ha.leaseTtlMs !== undefined ? { ttlMs: ha.leaseTtlMs } : {}),
    log: log.child({ ha: bucket }),
    onElected: async () => {
      const t0 = Date.now();
      const records = await loadRecords(lease.bucketKv);
      if (!lease.isLeader() || closing) return;
      const next = build(true);
      const counts = restore(next.master, records);
      registrar = new Registrar(next.master, lease, records, log.child({ ha: bucket }), stats);
      swap(next);
      registrar.start();
      log.info("leading master serving", { id, master_id: next.master.id, url: advertise, recovery_ms: Date.now() - t0, ...counts });
    },
    onDemoted: (reason) => {
      registrar?.stop();
      registrar = undefined;
      if (closing) return;
      // Stopping the master closes every stream: agents and frameworks go find the leader.
      swap(build(false));
      log.warn("standing by", { id, reason });
    },
  });
  active = build(false);
  try {
    await lease.start();
  } catch (e) {
    active.master.stop();
    await http.close();
    throw new Error(`cannot reach NATS at ${ha.natsUrl} for --ha: ${e instanceof Error ? e.message : String(e)}`);
  }
  log.info("master listening", { url: http.url, advertise, id, ha: ha.natsUrl, bucket });
  return {
    get master() {
      return active.master;
    },
    current: () => active.master,
    role: () => (lease.isLeader() ? "leader" : "standby"),
    lease,
    url: http.url,
    port,
    async close() {
      closing = true;
      // Persist the last changes, then give the lease up so a standby takes over without waiting for the TTL.
      await registrar?.sync().catch(() => undefined);
      registrar?.stop();
      await lease.stop();
      active.master.stop();
      await http.close();
    },
  };
}
