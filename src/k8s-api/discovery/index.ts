/**
 * API discovery as kube-apiserver v1.35 serves it: legacy documents at /api, /api/v1,
 * /apis, /apis/<group> and /apis/<group>/<version>, and aggregated discovery
 * (apidiscovery.k8s.io/v2, v2beta1 for older clients) at /api and /apis when the Accept
 * header asks for it, with ETag and If-None-Match.
 */
import { createHash } from "node:crypto";
import express, { type Request, type Response } from "express";
import { stringify } from "yaml";
import { StatusError } from "../errors.js";
import type { ResourceInfo } from "../registry/types.js";
import { aggregatedItems, aggregatedList, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, type AggregatedVersion } from "./documents.js";
import { negotiateDiscovery, type DiscoveryFormat } from "./negotiate.js";
import { discoveryGroups, type DiscoveryGroup } from "./resources.js";

export { subresourceDiscovery, storageVersionHash, discoveryGroups, apiResources, compareKubeAwareVersions } from "./resources.js";
export type { SubresourceDiscovery, ConnectMethod, APIResource, DiscoveryGroup, GroupVersionResources } from "./resources.js";
export { negotiateDiscovery } from "./negotiate.js";
export type { DiscoveryFormat } from "./negotiate.js";

export interface DiscoveryRouterOptions {
  /**
   * The address reported in serverAddressByClientCIDRs of /api (kube-apiserver: its
   * advertise address and port). Default: the local address and port the request came in on.
   */
  readonly serverAddress?: (req: Request) => string;
}

/** One aggregated document (/api or /apis), serialized once. */
interface AggregatedDoc {
  readonly items: readonly unknown[];
  /** Quoted SHA-512 of the list, as upstream's ETag. */
  readonly etag: string;
  readonly bodies: Map<AggregatedVersion, string>;
}

/** Express router serving every discovery endpoint for the given resources; mount at "/". */
export function discoveryRouter(resources: readonly ResourceInfo[], options: DiscoveryRouterOptions = {}): express.Router {
  const router = express.Router({ strict: false });
  let built: { groups: DiscoveryGroup[]; core?: DiscoveryGroup; byName: Map<string, DiscoveryGroup>; legacyApi: AggregatedDoc; apis: AggregatedDoc } | undefined;
  const state = () =>
    (built ??= (() => {
      const groups = discoveryGroups(resources);
      const core = groups.find((g) => g.name === "");
      return {
        groups,
        ...(core ? { core } : {}),
        byName: new Map(groups.map((g) => [g.name, g] as const)),
        legacyApi: aggregatedDoc(core ? [core] : []),
        apis: aggregatedDoc(groups.filter((g) => g.name !== "")),
      };
    })());
  const serverAddress = options.serverAddress ?? localAddress;

  router.get("/api", (req, res) => {
    const s = state();
    const f = negotiate(req, res);
    if (!f) return;
    if (f.kind === "aggregated") return sendAggregated(req, res, s.legacyApi, f.version);
    sendLegacy(res, f, apiVersions(s.core, serverAddress(req)));
  });
  router.get("/apis", (req, res) => {
    const s = state();
    const f = negotiate(req, res);
    if (!f) return;
    if (f.kind === "aggregated") return sendAggregated(req, res, s.apis, f.version);
    sendLegacy(res, f, apiGroupList(s.groups));
  });
  router.get("/api/:version", (req, res, next) => {
    const gv = state().core?.versions.find((v) => v.version === req.params.version);
    if (!gv) return next();
    const f = negotiate(req, res, false);
    if (f) sendLegacy(res, f, apiResourceList(gv));
  });
  router.get("/apis/:group", (req, res, next) => {
    const g = req.params.group ? state().byName.get(req.params.group) : undefined;
    if (!g) return next();
    const f = negotiate(req, res, false);
    if (f) sendLegacy(res, f, apiGroupDocument(g));
  });
  router.get("/apis/:group/:version", (req, res, next) => {
    const g = req.params.group ? state().byName.get(req.params.group) : undefined;
    const gv = g?.versions.find((v) => v.version === req.params.version);
    if (!gv) return next();
    const f = negotiate(req, res, false);
    if (f) sendLegacy(res, f, apiResourceList(gv));
  });
  return router;
}

function aggregatedDoc(groups: readonly DiscoveryGroup[]): AggregatedDoc {
  const items = aggregatedItems(groups);
  // Upstream hashes the list without its TypeMeta; any stable digest of the content will do.
  const etag = `"${createHash("sha512").update(JSON.stringify({ metadata: {}, items })).digest("hex").toUpperCase()}"`;
  return { items, etag, bodies: new Map() };
}

/** Pick the representation, or answer 406 with a Status and return undefined. */
function negotiate(req: Request, res: Response, aggregated: false): LegacyFormat | undefined;
function negotiate(req: Request, res: Response): DiscoveryFormat | undefined;
function negotiate(req: Request, res: Response, aggregated = true): DiscoveryFormat | undefined {
  const f = negotiateDiscovery(req.get("accept"), aggregated);
  if (f) return f;
  const err = new StatusError(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
  write(res, 406, "application/json", JSON.stringify(err.toStatus()) + "\n");
  return undefined;
}

function sendAggregated(req: Request, res: Response, doc: AggregatedDoc, version: AggregatedVersion): void {
  res.set("ETag", doc.etag);
  res.set("Vary", "Accept");
  res.set("Cache-Control", "public");
  if (req.get("if-none-match") === doc.etag) {
    res.status(304).end();
    return;
  }
  let body = doc.bodies.get(version);
  if (!body) doc.bodies.set(version, (body = JSON.stringify(aggregatedList(doc.items, version)) + "\n"));
  write(res, 200, `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`, body);
}

type LegacyFormat = Extract<DiscoveryFormat, { kind: "legacy" }>;

function sendLegacy(res: Response, f: LegacyFormat, doc: unknown): void {
  if (f.mediaType === "application/yaml") write(res, 200, "application/yaml", stringify(doc));
  // Go's JSON encoder ends every object with a newline.
  else write(res, 200, "application/json", JSON.stringify(doc) + "\n");
}

/** Write a body with exactly this Content-Type (express's send would add a charset and a weak ETag). */
function write(res: Response, code: number, contentType: string, body: string): void {
  res.statusCode = code;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

function localAddress(req: Request): string {
  const addr = (req.socket.localAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  const port = req.socket.localPort ?? 0;
  return addr.includes(":") ? `[${addr}]:${port}` : `${addr}:${port}`;
}
