/**
 * A userspace TCP proxy table (the job kube-proxy's userspace mode did, without any
 * Kubernetes in it): a framework sends the whole table as a framework message addressed
 * to the reserved executor id `berth.proxy`, data = base64 JSON
 *
 *   { "version": 17, "rules": [{ "listen": "127.96.0.10:80", "backends": ["127.0.0.1:8080"] }] }
 *
 * Tables are versioned: one whose version is not above the current one is stale and is
 * ignored. The proxy opens a listener per rule (retrying ones that cannot bind yet),
 * updates the backends of listeners it keeps, and closes the listeners of removed rules
 * (connections already proxied run to their end). Each new connection goes to the next
 * backend in round-robin order; a backend that refuses (or cannot be reached) is skipped
 * for that connection and the next one is tried; when every backend fails the client
 * connection is reset.
 *
 * A rule marked `"held": true` (a NodePort) listens on a port that is one of the agent's
 * `ports` resources: it binds only while a task on this agent holds that port (the
 * framework launches such tasks, run without a process by the agent's built-in proxy
 * executor; containerizers/ports.ts), so no other framework can be given the port while
 * the proxy listens on it. Until then the rule waits, unbound.
 */
import { createServer, connect, type Server, type Socket } from "node:net";
import type { Logger } from "../../util/log.js";

export const PROXY_EXECUTOR_ID = "berth.proxy";

export interface ProxyRule {
  /** host:port ([v6]:port for IPv6) to listen on. */
  readonly listen: string;
  /** host:port of each backend. */
  readonly backends: readonly string[];
  /** Listen only while a task on this agent holds the port as a resource (NodePorts). */
  readonly held?: boolean;
}

export interface ProxyTable {
  readonly version: number;
  readonly rules: readonly ProxyRule[];
}

export function encodeProxyTable(t: ProxyTable): string {
  return Buffer.from(JSON.stringify(t)).toString("base64");
}

/** The table in a framework message, or an error message saying why it is not one. */
export function decodeProxyTable(data: string): ProxyTable | string {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(data, "base64").toString("utf8"));
  } catch (e) {
    return `not base64 JSON: ${String(e)}`;
  }
  if (typeof v !== "object" || v === null) return "not an object";
  const o = v as { version?: unknown; rules?: unknown };
  if (typeof o.version !== "number" || !Number.isFinite(o.version)) return "version must be a number";
  if (!Array.isArray(o.rules)) return "rules must be an array";
  const rules: ProxyRule[] = [];
  for (const r of o.rules as unknown[]) {
    const rr = r as { listen?: unknown; backends?: unknown } | null;
    if (!rr || typeof rr.listen !== "string" || !parseHostPort(rr.listen)) return `bad listen address in ${JSON.stringify(r)}`;
    if (!Array.isArray(rr.backends) || rr.backends.some((b) => typeof b !== "string" || !parseHostPort(b))) return `bad backends in ${JSON.stringify(r)}`;
    const held = (rr as { held?: unknown }).held;
    if (held !== undefined && typeof held !== "boolean") return `held must be a boolean in ${JSON.stringify(r)}`;
    rules.push({ listen: rr.listen, backends: rr.backends as string[], ...(held ? { held } : {}) });
  }
  return { version: o.version, rules };
}

export function parseHostPort(s: string): { host: string; port: number } | undefined {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(s) ?? /^([^:\s]+):(\d+)$/.exec(s);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return undefined;
  return { host: m[1]!, port };
}

interface Listener {
  readonly listen: string;
  backends: readonly string[];
  next: number;
  server?: Server;
  /** Bound and accepting. */
  bound: boolean;
  closed: boolean;
  failures: number;
  retry?: NodeJS.Timeout;
}

export interface UserspaceProxyOptions {
  readonly log: Logger;
  /** Retry interval for listeners that could not bind (default 2 s). */
  readonly retryMs?: number;
  /** Give up on a backend connection attempt after this long and try the next (default 3 s). */
  readonly connectTimeoutMs?: number;
}

export class UserspaceProxy {
  private readonly listeners = new Map<string, Listener>();
  private readonly conns = new Set<Socket>();
  private current = -Infinity;
  private stopped = false;
  /** The table in force (held rules included, bound or not). */
  private table: readonly ProxyRule[] = [];
  /** Ports that tasks on this agent hold for held rules. */
  private held = new Set<number>();

  constructor(private readonly opts: UserspaceProxyOptions) {}

  /** The version of the table in force (-Infinity before the first). */
  get version(): number {
    return this.current;
  }

  /** Held rules waiting for a task to hold their port. */
  waiting(): string[] {
    return this.table.filter((r) => r.held && !this.listeners.has(r.listen)).map((r) => r.listen);
  }

  /** The ports tasks on this agent now hold for held rules: those rules bind, or unbind, accordingly. */
  async setHeldPorts(ports: Iterable<number>): Promise<void> {
    this.held = new Set(ports);
    if (this.current !== -Infinity) await this.reconcile();
  }

  /** Rules in force, with whether each listener is bound. */
  rules(): { listen: string; backends: readonly string[]; bound: boolean }[] {
    return [...this.listeners.values()].map((l) => ({ listen: l.listen, backends: l.backends, bound: l.bound }));
  }

  /** A framework message's data: applies the table unless it is malformed or stale. Resolves once listeners are settled. */
  async handleMessage(data: string): Promise<boolean> {
    const t = decodeProxyTable(data);
    if (typeof t === "string") {
      this.opts.log.warn("malformed proxy table; ignored", { error: t });
      return false;
    }
    return this.apply(t);
  }

  async apply(t: ProxyTable): Promise<boolean> {
    if (this.stopped) return false;
    if (t.version <= this.current) {
      this.opts.log.debug("stale proxy table; ignored", { version: t.version, current: this.current });
      return false;
    }
    this.current = t.version;
    this.table = t.rules;
    await this.reconcile();
    this.opts.log.info("proxy table applied", { version: t.version, rules: t.rules.length, waiting_for_port: this.waiting().length });
    return true;
  }

  /** Opens, updates and closes listeners to match the table and the held ports. */
  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const want = new Map<string, readonly string[]>();
    for (const r of this.table) {
      if (r.held && !this.held.has(parseHostPort(r.listen)!.port)) continue;
      want.set(r.listen, [...(want.get(r.listen) ?? []), ...r.backends]);
    }
    const closing: Promise<void>[] = [];
    for (const [k, l] of this.listeners) {
      if (want.has(k)) continue;
      this.listeners.delete(k);
      closing.push(this.closeListener(l));
    }
    const opening: Promise<void>[] = [];
    for (const [k, backends] of want) {
      const l = this.listeners.get(k);
      if (l) {
        if (!sameList(l.backends, backends)) {
          l.backends = backends;
          l.next = 0;
        }
        continue;
      }
      const nl: Listener = { listen: k, backends, next: 0, bound: false, closed: false, failures: 0 };
      this.listeners.set(k, nl);
      opening.push(this.open(nl));
    }
    await Promise.all([...closing, ...opening]);
  }

  async close(): Promise<void> {
    this.stopped = true;
    const ls = [...this.listeners.values()];
    this.listeners.clear();
    await Promise.all(ls.map((l) => this.closeListener(l)));
    for (const c of this.conns) c.destroy();
    this.conns.clear();
  }

  private closeListener(l: Listener): Promise<void> {
    l.closed = true;
    clearTimeout(l.retry);
    const s = l.server;
    l.server = undefined;
    l.bound = false;
    if (!s) return Promise.resolve();
    return new Promise((resolve) => s.close(() => resolve()));
  }

  private open(l: Listener): Promise<void> {
    const hp = parseHostPort(l.listen)!;
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (c) => this.accept(l, c));
    return new Promise((resolve) => {
      server.once("error", (e: NodeJS.ErrnoException) => {
        if (l.closed) return resolve();
        (l.failures++ === 0 ? this.opts.log.warn : this.opts.log.debug).call(this.opts.log, "proxy listener could not bind; will retry", { listen: l.listen, err: e.code ?? e.message });
        l.retry = setTimeout(() => void this.open(l), this.opts.retryMs ?? 2000);
        l.retry.unref();
        resolve();
      });
      server.listen({ host: hp.host, port: hp.port, exclusive: true }, () => {
        if (l.closed) {
          server.close();
          return resolve();
        }
        server.on("error", (e) => this.opts.log.warn("proxy listener error", { listen: l.listen, err: e }));
        l.server = server;
        l.bound = true;
        resolve();
      });
    });
  }

  private accept(l: Listener, client: Socket): void {
    this.conns.add(client);
    client.on("close", () => this.conns.delete(client));
    client.on("error", () => undefined);
    const n = l.backends.length;
    if (n === 0) {
      client.resetAndDestroy();
      return;
    }
    const start = l.next % n;
    l.next = (start + 1) % n;
    const order = [...l.backends.slice(start), ...l.backends.slice(0, start)];
    this.tryBackend(l, client, order, 0);
  }

  private tryBackend(l: Listener, client: Socket, order: readonly string[], i: number): void {
    if (client.destroyed) return;
    const target = order[i];
    if (target === undefined) {
      this.opts.log.debug("no backend accepted the connection", { listen: l.listen });
      client.resetAndDestroy();
      return;
    }
    const hp = parseHostPort(target)!;
    const upstream = connect({ host: hp.host, port: hp.port, allowHalfOpen: true });
    this.conns.add(upstream);
    upstream.on("close", () => this.conns.delete(upstream));
    let connected = false;
    const timer = setTimeout(() => upstream.destroy(new Error("connect timeout")), this.opts.connectTimeoutMs ?? 3000);
    upstream.once("connect", () => {
      connected = true;
      clearTimeout(timer);
      upstream.pipe(client);
      client.pipe(upstream);
      client.resume();
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => {
        if (client.writableFinished || client.destroyed) client.destroy();
        else client.end();
      });
    });
    upstream.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (connected) {
        client.destroy();
        return;
      }
      this.opts.log.debug("backend failed; trying the next", { listen: l.listen, backend: target, err: e.code ?? e.message });
      this.tryBackend(l, client, order, i + 1);
    });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
