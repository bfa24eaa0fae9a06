/**
 * The master's HTTP surface as an express Router: the v1 scheduler API, berth's agent
 * link, the v1 operator API, Mesos' read-only JSON endpoints (also under /master/, as
 * libprocess serves the master's endpoints both ways), /health and Prometheus /metrics.
 * A non-leading master redirects (307) every API call to the leader.
 */
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { Gauge, Registry } from "prom-client";
import type { Master } from "../master.js";
import { metricsSnapshot, recoveredAgentsJson, rolesJson, stateJson, stateSummaryJson } from "../views.js";
import { operatorHandler } from "./operator.js";
import { redirectLocation } from "./stream.js";
import { agentHandler, schedulerHandler } from "./streaming-apis.js";

/** Prometheus gauges mirroring the Mesos snapshot ("master/tasks_running" -> mesos_master_tasks_running). */
function prometheus(master: Master): Registry {
  const registry = new Registry();
  new Gauge({
    name: "mesos_metric",
    help: "Mesos master metric snapshot, one series per Mesos metric name",
    labelNames: ["name"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [name, v] of Object.entries(metricsSnapshot(master))) this.set({ name }, v);
    },
  });
  const names = ["master/tasks_running", "master/tasks_staging", "master/frameworks_active", "master/slaves_active", "master/outstanding_offers", "master/cpus_total", "master/cpus_used", "master/mem_total", "master/mem_used"];
  for (const n of names) {
    new Gauge({
      name: `mesos_${n.replace(/[^a-zA-Z0-9_]/g, "_")}`,
      help: `Mesos ${n}`,
      registers: [registry],
      collect() {
        this.set(metricsSnapshot(master)[n] ?? 0);
      },
    });
  }
  return registry;
}

/** extraMetrics: more Prometheus series served on /metrics (HA: role and leader changes). */
export function masterRouter(master: Master, opts: { extraMetrics?: Registry } = {}): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: "64mb" });

  const leaderOnly = (req: Request, res: Response, next: NextFunction) => {
    if (master.isLeader()) return next();
    const leader = master.opts.leaderUrl?.();
    if (!leader) return void res.status(503).type("text/plain").send("No leader elected");
    res.status(307).setHeader("Location", redirectLocation(leader, req));
    res.end();
  };
  const postOnly = (_req: Request, res: Response) => {
    res.status(405).setHeader("Allow", "POST");
    res.type("text/plain").send("Expecting one of { 'POST' }, but received 'GET'");
  };

  router.post("/api/v1/scheduler", leaderOnly, raw, schedulerHandler(master));
  router.all("/api/v1/scheduler", leaderOnly, postOnly);
  router.post("/api/v1/agent", leaderOnly, raw, agentHandler(master));
  router.all("/api/v1/agent", leaderOnly, postOnly);
  router.post("/api/v1", leaderOnly, raw, operatorHandler(master));
  router.all("/api/v1", leaderOnly, postOnly);

  const json = (path: string, view: () => unknown, leader = true) => {
    for (const p of [path, `/master${path}`]) {
      router.get(p, ...(leader ? [leaderOnly] : []), (_req: Request, res: Response) => {
        res.status(200).json(view());
      });
    }
  };
  json("/state", () => stateJson(master));
  json("/state.json", () => stateJson(master));
  json("/state-summary", () => stateSummaryJson(master));
  json("/roles", () => rolesJson(master));
  json("/frameworks", () => ({ frameworks: (stateJson(master).frameworks as unknown[]) ?? [], completed_frameworks: stateJson(master).completed_frameworks }));
  json("/slaves", () => ({ slaves: stateJson(master).slaves, recovered_slaves: recoveredAgentsJson(master) }));
  json("/tasks", () => ({ tasks: (stateJson(master).frameworks as { tasks: unknown[] }[]).flatMap((f) => f.tasks) }));
  // Metrics and health are answered by every master, leading or not (as Mesos does).
  router.get("/metrics/snapshot", (_req, res) => {
    res.status(200).json(metricsSnapshot(master));
  });
  for (const p of ["/health", "/master/health"]) router.get(p, (_req, res) => void res.status(200).end());
  router.get("/version", (_req, res) => void res.status(200).json({ version: "1.11.0", build_user: "berth" }));
  const registry = opts.extraMetrics ? Registry.merge([prometheus(master), opts.extraMetrics]) : prometheus(master);
  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.status(200).send(await registry.metrics());
  });
  return router;
}
