/**
 * Shared plumbing of the HTTP-level API suite: a real server over a MemoryStore on
 * 127.0.0.1:0, plain fetch, and assertions on kube-apiserver's Status objects.
 */
import { expect } from "chai";
import { startApiServer, MemoryStore, type RunningApiServer } from "../../src/k8s-api/index.js";
import { createLogger } from "../../src/util/log.js";

export interface TestServer {
  readonly url: string;
  readonly store: MemoryStore;
  readonly server: RunningApiServer;
  close(): Promise<void>;
}

export async function startTestServer(opts: { bookmarkIntervalMs?: number } = {}): Promise<TestServer> {
  const store = new MemoryStore();
  const server = await startApiServer({
    store,
    host: "127.0.0.1",
    port: 0,
    log: createLogger("api-test", { level: "error" }),
    ...(opts.bookmarkIntervalMs ? { bookmarkIntervalMs: opts.bookmarkIntervalMs } : {}),
  });
  return {
    url: server.url,
    store,
    server,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** A server for the enclosing describe block: started before its tests, closed after. */
export function useTestServer(set: (s: TestServer, c: ReturnType<typeof client>) => void): void {
  let s: TestServer | undefined;
  before(async () => {
    s = await startTestServer();
    set(s, client(s.url));
  });
  after(async () => s?.close());
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body (undefined when the body is not JSON). */
  readonly body: any;
}

export interface RequestOptions {
  readonly method?: string;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly accept?: string;
  readonly headers?: Record<string, string>;
}

/** One HTTP request, body read in full (5 s cap so a hung server fails the test, not the run). */
export async function req(base: string, path: string, o: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  let body: string | Buffer | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === "string" || Buffer.isBuffer(o.body) ? (o.body as string | Buffer) : JSON.stringify(o.body);
    headers["content-type"] = o.contentType ?? "application/json";
  } else if (o.contentType) headers["content-type"] = o.contentType;
  if (o.accept) headers.accept = o.accept;
  const res = await fetch(base + path, { method: o.method ?? "GET", headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** A client bound to one server. */
export function client(base: string) {
  return {
    get: (path: string, o: RequestOptions = {}) => req(base, path, o),
    post: (path: string, body: unknown, o: RequestOptions = {}) => req(base, path, { ...o, method: "POST", body }),
    put: (path: string, body: unknown, o: RequestOptions = {}) => req(base, path, { ...o, method: "PUT", body }),
    patch: (path: string, body: unknown, contentType: string, o: RequestOptions = {}) => req(base, path, { ...o, method: "PATCH", body, contentType }),
    del: (path: string, o: RequestOptions = {}) => req(base, path, { ...o, method: "DELETE" }),
  };
}

export type Client = ReturnType<typeof client>;

/** Assert a failure Status with the exact code, reason and (when given) message. */
export function expectFailure(r: Reply, code: number, reason: string, message?: string | RegExp): any {
  expect(r.status, r.text).to.equal(code);
  expect(r.headers.get("content-type") ?? "").to.match(/^application\/json/);
  const s = r.body;
  expect(s, r.text).to.include({ kind: "Status", apiVersion: "v1", status: "Failure", reason, code });
  // Only an expired paged list's Status carries ListMeta (its continue token).
  if (reason !== "Expired") expect(s.metadata).to.deep.equal({});
  if (typeof message === "string") expect(s.message).to.equal(message);
  else if (message) expect(s.message).to.match(message);
  return s;
}

export function expectOk(r: Reply, code = 200): any {
  expect(r.status, r.text).to.equal(code);
  return r.body;
}

export const CM = "/api/v1/namespaces/default/configmaps";
export const PODS = "/api/v1/namespaces/default/pods";
export const DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";

export function configMap(name: string, data: Record<string, string> = { a: "1" }, labels?: Record<string, string>): Record<string, unknown> {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, ...(labels ? { labels } : {}) }, data };
}

export function pod(name: string, extra: { labels?: Record<string, string>; nodeName?: string } = {}): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: { containers: [{ name: "c", image: "nginx:1.27" }], ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) },
  };
}

export function deployment(name: string, replicas = 1): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } },
    },
  };
}

/** Names of a list's items, in order. */
export function names(list: any): string[] {
  return (list.items as { metadata: { name: string } }[]).map((i) => i.metadata.name);
}

/**
 * A watch over HTTP: collects the newline-delimited events as they arrive.
 * `next(n)` waits (bounded) until n events in total have been received.
 */
export async function openWatch(base: string, path: string, o: { accept?: string } = {}) {
  const ac = new AbortController();
  const res = await fetch(base + path, { headers: o.accept ? { accept: o.accept } : {}, signal: ac.signal });
  const events: { type: string; object: any }[] = [];
  let ended = false;
  let buf = "";
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const pump = (async () => {
    const dec = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (line) events.push(JSON.parse(line));
        }
        wake();
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      wake();
    }
  })();
  const waitFor = async (cond: () => boolean, ms: number, what: string) => {
    const deadline = Date.now() + ms;
    while (!cond()) {
      if (ended && !cond()) throw new Error(`watch ended before ${what}; got ${JSON.stringify(events.map((e) => e.type))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(events.map((e) => e.type))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  };
  return {
    status: res.status,
    headers: res.headers,
    events,
    get ended() {
      return ended;
    },
    /** Wait until at least n events arrived; returns them all. */
    async next(n: number, ms = 3000) {
      await waitFor(() => events.length >= n, ms, `${n} events`);
      return events;
    },
    /** Wait until the server closes the stream. */
    async end(ms = 3000) {
      await waitFor(() => ended, ms, "the end of the stream");
      return events;
    },
    close() {
      ac.abort();
      return pump;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
