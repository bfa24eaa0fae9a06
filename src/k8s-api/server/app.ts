/**
 * The API server's HTTP surface: version, health, discovery, OpenAPI and every resource
 * path, with one error edge that writes a Kubernetes Status for any failure.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { Counter, Histogram, Registry as MetricsRegistry, collectDefaultMetrics } from "prom-client";
import { StatusError, internalError } from "../errors.js";
import { StoreError, ValueTooLargeError } from "../store/errors.js";
import type { Registry } from "../registry/registry.js";
import { RESOURCES } from "../registry/resources.js";
import { discoveryRouter } from "../discovery/index.js";
import { openapiRouter } from "../openapi/index.js";
import type { Logger } from "../../util/log.js";
import { handleResource, send } from "./handlers.js";
import { parseRequestInfo } from "./request-info.js";

/** The Kubernetes version berth reports (the API it serves). */
export const KUBE_VERSION = { major: "1", minor: "35", gitVersion: "v1.35.0-berth", gitCommit: "berth", gitTreeState: "clean", buildDate: "2026-01-01T00:00:00Z", goVersion: "node", compiler: "tsc", platform: `${process.platform}/${process.arch}` };

export interface ApiServerOptions {
  readonly registry: Registry;
  readonly log: Logger;
  /** How often watches that allow bookmarks get one (kube-apiserver: about a minute). */
  readonly bookmarkIntervalMs?: number;
  /** Extra readiness checks by name (store reachable, etc.). */
  readonly readyChecks?: Record<string, () => boolean>;
}

export function createApiServer(o: ApiServerOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  const metrics = new MetricsRegistry();
  collectDefaultMetrics({ register: metrics, prefix: "berth_apiserver_" });
  const requests = new Counter({ name: "apiserver_request_total", help: "API requests by verb, resource and code", labelNames: ["verb", "group", "resource", "subresource", "code"], registers: [metrics] });
  const latency = new Histogram({
    name: "apiserver_request_duration_seconds",
    help: "API request latency (watch excluded)",
    labelNames: ["verb", "resource"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics],
  });
  const ctx = { registry: o.registry, bookmarkIntervalMs: o.bookmarkIntervalMs ?? 60_000 };

  app.get("/version", (_req, res) => send(res, 200, KUBE_VERSION));
  const readyChecks: Record<string, () => boolean> = { ping: () => true, ...(o.readyChecks ?? {}) };
  for (const path of ["/healthz", "/livez", "/readyz"]) {
    app.get([path, `${path}/:check`], (req, res) => {
      const only = req.params.check;
      const results = Object.entries(readyChecks).filter(([n]) => !only || n === only);
      if (only && results.length === 0) return void res.status(404).type("text/plain").send(`no such check: ${only}`);
      const failed = results.filter(([, f]) => !f());
      const verbose = req.query.verbose !== undefined;
      const body = verbose ? results.map(([n, f]) => `[${f() ? "+" : "-"}]${n} ${f() ? "ok" : "failed"}`).join("\n") + `\n${path.slice(1)} check ${failed.length ? "failed" : "passed"}\n` : failed.length ? `${path.slice(1)} check failed` : "ok";
      res.status(failed.length ? 500 : 200).type("text/plain").send(body);
    });
  }
  app.get("/metrics", async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  app.use(discoveryRouter(RESOURCES));
  app.use(openapiRouter(RESOURCES));

  app.use((req: Request, res: Response, next: NextFunction) => {
    const url = new URL(req.url, "http://x");
    const ri = parseRequestInfo(req.method, url.pathname, url.searchParams);
    if (!ri) return next();
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      requests.inc({ verb: ri.verb, group: ri.group, resource: ri.resource, subresource: ri.subresource, code: String(res.statusCode) });
      if (ri.verb !== "watch") {
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        latency.observe({ verb: ri.verb, resource: ri.resource }, secs);
        o.log.debug("request", { verb: ri.verb, path: url.pathname, code: res.statusCode, ms: Math.round(secs * 1000) });
      }
    });
    handleResource(ctx, ri, req, res).catch(next);
  });

  app.use((req: Request, res: Response) => {
    send(res, 404, new StatusError(404, "NotFound", "the server could not find the requested resource").toStatus());
    void req;
  });

  // The one error edge: every failure leaves as a Status.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let status: StatusError;
    if (err instanceof StatusError) status = err;
    // apierrors.NewRequestEntityTooLargeError, as kube-apiserver maps etcd's ErrRequestTooLarge.
    else if (err instanceof ValueTooLargeError) status = new StatusError(413, "RequestEntityTooLarge", `Request entity too large: ${err.message}`);
    else if (err instanceof StoreError) status = internalError(err.message);
    else {
      o.log.error("unhandled error", { method: req.method, url: req.url, error: err instanceof Error ? err.stack : String(err) });
      status = internalError(err instanceof Error ? err.message : String(err));
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    send(res, status.code, status.toStatus());
  });
  return app;
}
