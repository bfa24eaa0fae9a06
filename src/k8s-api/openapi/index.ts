/**
 * OpenAPI as kube-apiserver serves it: /openapi/v2 (Swagger 2.0), the /openapi/v3 index
 * and one OpenAPI 3.0 document per group version at /openapi/v3/<path>. Documents are
 * built on first use and kept for the life of the process (the resource table is static).
 * JSON is offered, and for /openapi/v2 also gnostic's protobuf (client-go's OpenAPISchema asks
 * for nothing else); a client asking for protobuf v3 gets 406, as kube-openapi answers for a
 * format it does not have.
 */
import { createHash } from "node:crypto";
import express, { type Request, type Response } from "express";
import type { ResourceInfo } from "../registry/types.js";
import { negotiateOpenApi, negotiateOpenApiV2 } from "./negotiate.js";
import { OPENAPI_V2_PROTOBUF, encodeOpenApiV2 } from "../protobuf/openapi-v2.js";
import { buildSpec, type ApiSpec } from "./spec.js";
import { swaggerDocument } from "./v2.js";
import { v3Document } from "./v3.js";

export { buildSpec, type ApiSpec } from "./spec.js";
export { swaggerDocument } from "./v2.js";
export { v3Document } from "./v3.js";
export { canonicalJson };

export interface OpenApiRouterOptions {
  /** info.version of the v2 document (kube-apiserver: its git version). */
  readonly version?: string;
}

/** A serialized document with its content hash (upper-case hex SHA-512, as kube-openapi). */
interface Doc {
  readonly body: string | Buffer;
  readonly hash: string;
}

/** Express router serving /openapi/v2 and /openapi/v3[/...]; mount at "/". */
export function openapiRouter(resources: readonly ResourceInfo[], options: OpenApiRouterOptions = {}): express.Router {
  const router = express.Router();
  let spec: ApiSpec | undefined;
  let v2: Doc | undefined;
  let v2pb: Doc | undefined;
  let index: Doc | undefined;
  const v3 = new Map<string, Doc>();
  const getSpec = (): ApiSpec => (spec ??= buildSpec(resources));
  const v3Doc = (key: string): Doc | undefined => {
    let d = v3.get(key);
    if (!d) {
      const doc = v3Document(getSpec(), key);
      if (!doc) return undefined;
      v3.set(key, (d = serialize(doc)));
    }
    return d;
  };

  router.get("/openapi/v2", (req, res) => {
    const format = negotiateOpenApiV2(req.get("accept"));
    if (format === undefined) return void accepts(req, res); // 406
    res.vary("Accept");
    v2 ??= serialize(swaggerDocument(getSpec(), options.version ?? "unversioned"));
    if (format === "application/json") return sendDoc(req, res, v2);
    if (!v2pb) {
      const body = encodeOpenApiV2(JSON.parse(v2.body as string) as Record<string, unknown>);
      v2pb = { body, hash: createHash("sha512").update(body).digest("hex").toUpperCase() };
    }
    sendDoc(req, res, v2pb, OPENAPI_V2_PROTOBUF);
  });
  router.get(["/openapi/v3", "/openapi/v3/"], (req, res) => {
    if (!accepts(req, res)) return;
    index ??= serialize({
      paths: Object.fromEntries(
        [...getSpec().groups.keys()].sort().map((key) => [key, { serverRelativeURL: `/openapi/v3/${key}?hash=${v3Doc(key)!.hash}` }]),
      ),
    });
    sendDoc(req, res, index);
  });
  router.get(/^\/openapi\/v3\/(.+)$/, (req, res, next) => {
    const key = req.path.slice("/openapi/v3/".length).replace(/\/$/, "");
    const doc = v3Doc(key);
    if (!doc) return next();
    if (!accepts(req, res)) return;
    const hash = typeof req.query.hash === "string" ? req.query.hash : undefined;
    if (hash !== undefined && hash !== "") {
      // A stale hash is redirected to the current document (kube-openapi's handler3).
      if (hash !== doc.hash) return void res.redirect(301, `/openapi/v3/${key}?hash=${doc.hash}`);
      res.set("Cache-Control", "public, immutable");
      res.set("Expires", new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString());
    }
    sendDoc(req, res, doc);
  });
  return router;
}

/** Check the Accept header; answer 406 and return false when JSON is not acceptable. */
function accepts(req: Request, res: Response): boolean {
  res.vary("Accept");
  if (negotiateOpenApi(req.get("accept"))) return true;
  res.status(406).type("text/plain").send("406 Not Acceptable: only application/json is served\n");
  return false;
}

function sendDoc(req: Request, res: Response, doc: Doc, contentType = "application/json"): void {
  const etag = `"${doc.hash}"`;
  res.set("ETag", etag);
  if (req.get("if-none-match") === etag) {
    res.status(304).end();
    return;
  }
  res.statusCode = 200;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", Buffer.byteLength(doc.body));
  res.end(doc.body);
}

function serialize(value: unknown): Doc {
  const body = canonicalJson(value);
  return { body, hash: createHash("sha512").update(body).digest("hex").toUpperCase() };
}

/** JSON with every object's keys in byte order, as Go encodes maps (stable, so hashes are too). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((k) => [k, o[k]]),
    );
  });
}
