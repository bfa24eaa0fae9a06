/**
 * ApiClient over HTTP(S) to any kube-apiserver-compatible server, the way client-go's
 * REST client serves kube-scheduler and kube-controller-manager in their own processes.
 *
 * The kubeconfig (or a URL plus bearer token) is read by @kubernetes/client-node's
 * KubeConfig, which also turns it into request options (TLS material, Authorization,
 * exec/OIDC/token-file credentials); requests go out over node:http(s) with a keep-alive
 * agent so a watch is a plain streaming response of JSON lines.
 *
 * A watch here is what client-go's reflector makes of one: when the stream ends (server
 * timeout, a restarted API server, a dropped connection) it is re-opened from the last
 * resourceVersion delivered (bookmarks keep that fresh), so the caller sees one unbroken
 * stream; only an ERROR from the server (410 Expired: relist) or a refusal of the watch
 * itself ends it, as an ERROR event.
 *
 * Several API servers (replicas over one store) may be given: `server` as "URL,URL,...".
 * A request goes to the current one; when it cannot be reached the client moves to the
 * next and sends the request there if it certainly never reached the first (connection
 * refused, or a read: GET is idempotent). A write whose connection broke after it was sent
 * fails instead, since it may have been applied. A watch re-opened after its server died
 * thus resumes on the next replica from its last resourceVersion, which every replica
 * serves because the revision is the shared store's.
 */
import http from "node:http";
import https from "node:https";
import { KubeConfig, type V1DeleteOptions } from "@kubernetes/client-node";
import type { KubeObject } from "../types.js";
import { ApiClientError, type ApiClient, type ClientList, type ClientListOptions, type ClientWatch, type ClientWatchEvent, type ClientWriteOptions, type PatchKind, type ResourceRef } from "./types.js";

export interface HttpClientOptions {
  /** Field manager for writes that name none (e.g. "kube-controller-manager"). */
  readonly manager: string;
  /** A kubeconfig file (its current context, or `context`). */
  readonly kubeconfig?: string;
  readonly context?: string;
  /** Or the server URL directly (http:// or https://), or several replicas' URLs "URL,URL,..." ... */
  readonly server?: string;
  /** ... with an optional bearer token. */
  readonly token?: string;
  /** Skip TLS verification for an https server given by URL. */
  readonly insecureSkipTLSVerify?: boolean;
  /** Per-request timeout for everything but watches (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Re-opening a dropped watch backs off from 100 ms up to this (default 5 s). */
  readonly watchMaxBackoffMs?: number;
}

const PATCH_TYPES: Record<PatchKind, string> = {
  json: "application/json-patch+json",
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
  // Server-side apply takes YAML; JSON is YAML.
  apply: "application/apply-patch+yaml",
};

interface Reply {
  readonly status: number;
  readonly text: string;
}

export class HttpClient implements ApiClient {
  /** Every configured server; requests go to servers[current]. */
  private readonly servers: URL[];
  private current = 0;
  private readonly kc: KubeConfig;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private readonly watchMaxBackoffMs: number;

  constructor(private readonly opts: HttpClientOptions) {
    this.kc = new KubeConfig();
    if (opts.kubeconfig) {
      try {
        this.kc.loadFromFile(opts.kubeconfig);
      } catch (e) {
        throw new Error(`cannot load kubeconfig ${opts.kubeconfig}: ${(e as Error).message}`);
      }
      if (opts.context) this.kc.setCurrentContext(opts.context);
      // kubectl takes a plain http:// server as it is; client-node refuses one unless TLS
      // verification is off, which is moot without TLS.
      this.kc.clusters = this.kc.clusters.map((c) => (c.server?.startsWith("http:") && !c.skipTLSVerify ? { ...c, skipTLSVerify: true } : c));
    } else if (opts.server) {
      const first = opts.server.split(",")[0]!.trim();
      this.kc.loadFromOptions({
        // client-node refuses http:// unless TLS verification is off; there is no TLS to verify there.
        clusters: [{ name: "berth", server: first, skipTLSVerify: Boolean(opts.insecureSkipTLSVerify) || first.startsWith("http:") }],
        users: [{ name: "berth", ...(opts.token ? { token: opts.token } : {}) }],
        contexts: [{ name: "berth", cluster: "berth", user: "berth" }],
        currentContext: "berth",
      });
    } else throw new Error("an API server URL or a kubeconfig is required");
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error(`kubeconfig ${opts.kubeconfig ?? ""} has no cluster for its current context "${this.kc.getCurrentContext()}"`);
    this.servers = (opts.server && !opts.kubeconfig ? opts.server.split(",").map((u) => u.trim()).filter(Boolean) : [cluster.server]).map(parseServerUrl);
    if (new Set(this.servers.map((u) => u.protocol)).size > 1) throw new Error(`the API servers ${opts.server ?? ""} mix http and https`);
    this.agent = this.servers[0]!.protocol === "https:" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    this.timeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.watchMaxBackoffMs = opts.watchMaxBackoffMs ?? 5_000;
  }

  /** The API server requests go to now (the next replica after one could not be reached). */
  get server(): URL {
    return this.servers[this.current]!;
  }

  /** Close idle keep-alive connections (open watches are stopped by their owners). */
  close(): void {
    this.agent.destroy();
  }

  async get<T extends KubeObject>(r: ResourceRef, ns: string, name: string): Promise<T> {
    return this.json<T>(await this.call("GET", path(r, ns, name)));
  }

  async list<T extends KubeObject>(r: ResourceRef, ns: string, o: ClientListOptions = {}): Promise<ClientList<T>> {
    const l = this.json<{ items?: T[]; metadata?: { resourceVersion?: string; continue?: string } }>(await this.call("GET", path(r, ns), listQuery(o)));
    return { items: l.items ?? [], resourceVersion: l.metadata?.resourceVersion ?? "", ...(l.metadata?.continue ? { continue: l.metadata.continue } : {}) };
  }

  async create<T extends KubeObject>(r: ResourceRef, ns: string, obj: T, o?: ClientWriteOptions & { subresource?: string }): Promise<T> {
    if (o?.subresource) {
      // POST to a subresource of a named object (pods/binding, pods/eviction): the answer is a Status.
      const reply = await this.call("POST", path(r, ns, obj.metadata?.name ?? "", o.subresource), this.writeQuery(o), JSON.stringify(obj), "application/json");
      const body = this.json<KubeObject>(reply);
      return (o.subresource === "binding" ? obj : body) as T;
    }
    return this.json<T>(await this.call("POST", path(r, ns), this.writeQuery(o), JSON.stringify(obj), "application/json"));
  }

  async update<T extends KubeObject>(r: ResourceRef, ns: string, obj: T, o?: ClientWriteOptions & { subresource?: string }): Promise<T> {
    return this.json<T>(await this.call("PUT", path(r, ns, obj.metadata?.name ?? "", o?.subresource), this.writeQuery(o), JSON.stringify(obj), "application/json"));
  }

  async patch<T extends KubeObject>(r: ResourceRef, ns: string, name: string, kind: PatchKind, patch: unknown, o?: ClientWriteOptions & { subresource?: string }): Promise<T> {
    const type = PATCH_TYPES[kind];
    if (!type) throw new Error(`unknown patch kind ${String(kind)}: json, merge, strategic or apply`);
    return this.json<T>(await this.call("PATCH", path(r, ns, name, o?.subresource), this.writeQuery(o), typeof patch === "string" ? patch : JSON.stringify(patch), type));
  }

  async delete(r: ResourceRef, ns: string, name: string, opts: V1DeleteOptions = {}): Promise<KubeObject | undefined> {
    const q = new URLSearchParams();
    const body = JSON.stringify({ kind: "DeleteOptions", apiVersion: "v1", ...opts });
    const out = this.json<KubeObject & { status?: unknown }>(await this.call("DELETE", path(r, ns, name), q, body, "application/json"));
    if (out.kind === "Status") return undefined;
    // Resources that return the deleted object answer with it whether it is gone or pending;
    // it is pending when a finalizer or grace period still holds it (what the store checks).
    const m = out.metadata ?? {};
    const pending = Boolean(m.deletionTimestamp) && ((m.finalizers?.length ?? 0) > 0 || (m.deletionGracePeriodSeconds ?? 0) > 0);
    return pending ? out : undefined;
  }

  async watch<T extends KubeObject>(r: ResourceRef, ns: string, o: ClientListOptions, onEvent: (ev: ClientWatchEvent<T>) => void): Promise<ClientWatch> {
    let rv = o.resourceVersion ?? "";
    let stopped = false;
    let current: http.ClientRequest | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      current?.destroy();
    };
    const deliver = (ev: ClientWatchEvent<T>) => {
      if (!stopped) onEvent(ev);
    };
    const open = async (): Promise<void> => {
      const q = new URLSearchParams({ watch: "true", allowWatchBookmarks: "true" });
      if (rv) q.set("resourceVersion", rv);
      if (o.labelSelector) q.set("labelSelector", o.labelSelector);
      if (o.fieldSelector) q.set("fieldSelector", o.fieldSelector);
      const res = await this.open("GET", path(r, ns), q);
      // Stopped while this (re)connection was on its way: do not hold the stream open.
      if (stopped) return void res.req.destroy();
      current = res.req;
      // A refused watch (bad selector, forbidden, gone) answers a Status instead of a stream.
      if (res.status !== 200) throw statusError(res.status, await res.text);
      let buf = "";
      let ended = false;
      res.res.setEncoding("utf8");
      res.res.on("data", (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!line || stopped) continue;
          let ev: { type?: string; object?: KubeObject & { code?: number; message?: string } };
          try {
            ev = JSON.parse(line) as typeof ev;
          } catch {
            ended = true;
            res.res.destroy();
            deliver({ type: "ERROR", code: 500, message: `undecodable watch event from ${this.server.origin}: ${line.slice(0, 200)}` });
            return stop();
          }
          if (ev.type === "ERROR") {
            ended = true;
            res.res.destroy();
            deliver({ type: "ERROR", code: ev.object?.code ?? 500, message: ev.object?.message ?? "watch error" });
            return stop();
          }
          const obj = ev.object ?? {};
          rv = obj.metadata?.resourceVersion ?? rv;
          if (ev.type === "BOOKMARK") deliver({ type: "BOOKMARK", object: obj });
          else if (ev.type === "ADDED" || ev.type === "MODIFIED" || ev.type === "DELETED") deliver({ type: ev.type, object: obj as T });
        }
      });
      const reopen = () => {
        if (ended || stopped) return;
        ended = true;
        resume(100);
      };
      res.res.on("end", reopen);
      res.res.on("error", reopen);
      res.res.on("close", reopen);
    };
    // The stream ended without an ERROR: watch again from where it stopped (a 410 then comes as an ERROR event).
    const resume = (backoffMs: number) => {
      if (stopped) return;
      retryTimer = setTimeout(() => {
        open().catch((e: unknown) => {
          if (stopped) return;
          if (e instanceof ApiClientError && e.code !== 429 && e.code < 500) {
            deliver({ type: "ERROR", code: e.code, message: e.message });
            return stop();
          }
          resume(Math.min(backoffMs * 2, this.watchMaxBackoffMs));
        });
      }, backoffMs);
      retryTimer.unref();
    };
    await open();
    return { stop };
  }

  private writeQuery(o?: ClientWriteOptions): URLSearchParams {
    const q = new URLSearchParams({ fieldManager: o?.fieldManager ?? this.opts.manager });
    if (o?.dryRun) q.set("dryRun", "All");
    if (o?.force !== undefined) q.set("force", String(o.force));
    return q;
  }

  private json<T>(reply: Reply): T {
    try {
      return JSON.parse(reply.text) as T;
    } catch {
      throw new ApiClientError(reply.status, "InternalError", `the server at ${this.server.origin} answered ${reply.status} with a body that is not JSON: ${reply.text.slice(0, 200)}`);
    }
  }

  private async call(method: string, p: string, q?: URLSearchParams, body?: string, contentType?: string): Promise<Reply> {
    const res = await this.open(method, p, q, body, contentType, this.timeoutMs);
    const text = await res.text;
    if (res.status < 200 || res.status > 299) throw statusError(res.status, text);
    return { status: res.status, text };
  }

  /** Send a request; resolves once the response headers are in (the body streams). */
  private async open(method: string, p: string, q?: URLSearchParams, body?: string, contentType?: string, timeoutMs?: number): Promise<Opened> {
    // Each configured server at most once, starting with the current one.
    for (let tried = 1; ; tried++) {
      const at = this.current;
      try {
        return await this.openAt(this.servers[at]!, method, p, q, body, contentType, timeoutMs);
      } catch (e) {
        const { code, maybeSent } = e as { code?: string; maybeSent?: boolean };
        if (this.servers.length === 1) throw e;
        // Move on for every later request; this one is sent again only if it cannot have been applied.
        if (this.current === at) this.current = (at + 1) % this.servers.length;
        const neverArrived = !maybeSent && (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ENETUNREACH");
        if (tried >= this.servers.length || !(neverArrived || method === "GET")) throw e;
      }
    }
  }

  private async openAt(server: URL, method: string, p: string, q?: URLSearchParams, body?: string, contentType?: string, timeoutMs?: number, retried = false): Promise<Opened> {
    const url = new URL(server.pathname.replace(/\/$/, "") + p + (q && [...q.keys()].length ? `?${q}` : ""), server);
    const options: https.RequestOptions = { method, headers: { Accept: "application/json", "User-Agent": `berth/${this.opts.manager}` }, agent: this.agent };
    // KubeConfig adds the credentials and TLS material of the current context (tokens may rotate: done per request).
    await this.kc.applyToHTTPSOptions(options);
    options.agent = this.agent;
    if (body !== undefined) {
      const h = options.headers as Record<string, string | number>;
      h["Content-Type"] = contentType ?? "application/json";
      // node:http sends a DELETE body unframed unless its length is given.
      h["Content-Length"] = Buffer.byteLength(body);
    }
    const mod = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      // Even a watch must get its response headers in time; its body may then stay open for good.
      const headersTimer = setTimeout(() => req.destroy(new Error(`no response within ${this.timeoutMs} ms`)), this.timeoutMs);
      const req = mod.request(url, options, (res) => {
        clearTimeout(headersTimer);
        let text: Promise<string> | undefined;
        resolve({
          status: res.statusCode ?? 0,
          req,
          res,
          get text() {
            return (text ??= new Promise<string>((ok, fail) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
              res.on("error", fail);
            }));
          },
        });
      });
      if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on("error", (e: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed (e.g. it restarted) before we noticed: the
        // request never reached it, so send it once more on a fresh connection (Node's documented remedy).
        clearTimeout(headersTimer);
        // That reset may also be a server that died after reading the request, so whatever
        // the resend meets, the outcome is unknown: the error is marked so no other replica
        // gets a write that may have been applied (a create would come back AlreadyExists).
        if (req.reusedSocket && e.code === "ECONNRESET" && !retried)
          return void this.openAt(server, method, p, q, body, contentType, timeoutMs, true).then(resolve, (e2: Error) => reject(Object.assign(e2, { maybeSent: true })));
        reject(Object.assign(new Error(`cannot reach the API server at ${server.origin} (${method} ${p}): ${e.message}`), { code: e.code }));
      });
      req.end(body);
    });
  }
}

interface Opened {
  readonly status: number;
  readonly req: http.ClientRequest;
  readonly res: http.IncomingMessage;
  readonly text: Promise<string>;
}

/** A server URL must be absolute http(s). */
function parseServerUrl(server: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(server ?? "");
  } catch {
    throw new Error(`invalid API server URL "${server ?? ""}": expected http(s)://host:port`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`invalid API server URL "${server}": the scheme must be http or https`);
  return url;
}

/** /api/v1[/namespaces/ns]/plural[/name[/sub]] or /apis/group/version/... */
function path(r: ResourceRef, ns: string, name?: string, subresource?: string): string {
  const e = encodeURIComponent;
  let p = r.group ? `/apis/${e(r.group)}/${e(r.version)}` : `/api/${e(r.version)}`;
  if (ns) p += `/namespaces/${e(ns)}`;
  p += `/${e(r.plural)}`;
  if (name !== undefined) {
    if (!name) throw new ApiClientError(400, "BadRequest", `resource name may not be empty`);
    p += `/${e(name)}`;
  }
  if (subresource) p += `/${e(subresource)}`;
  return p;
}

function listQuery(o: ClientListOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (o.labelSelector) q.set("labelSelector", o.labelSelector);
  if (o.fieldSelector) q.set("fieldSelector", o.fieldSelector);
  if (o.limit) q.set("limit", String(o.limit));
  if (o.continue) q.set("continue", o.continue);
  if (o.resourceVersion) q.set("resourceVersion", o.resourceVersion);
  return q;
}

/** reason for a status code when the body is not a Status (client-go's newUnstructuredResponseError). */
const REASONS: Record<number, string> = { 400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable", 409: "Conflict", 410: "Expired", 413: "RequestEntityTooLarge", 415: "UnsupportedMediaType", 422: "Invalid", 429: "TooManyRequests", 500: "InternalError", 503: "ServiceUnavailable", 504: "Timeout" };

function statusError(code: number, text: string): ApiClientError {
  try {
    const s = JSON.parse(text) as { kind?: string; code?: number; reason?: string; message?: string };
    if (s.kind === "Status") return new ApiClientError(s.code ?? code, s.reason ?? REASONS[code] ?? "Unknown", s.message ?? text);
  } catch {
    // not JSON: fall through
  }
  return new ApiClientError(code, REASONS[code] ?? "Unknown", `the server responded with the status code ${code} but did not return more information${text ? `: ${text.trim().slice(0, 200)}` : ""}`);
}
