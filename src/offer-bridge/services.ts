/**
 * Services on the agents (DESIGN.md decision 7): the framework turns Services and their
 * EndpointSlices into one proxy table per agent and sends it as a framework message to the
 * reserved executor id `berth.proxy`; the agent's userspace proxy (src/agents/proxy, which
 * knows no Kubernetes) opens a listener per rule and round-robins connections over its
 * backends.
 *
 *   - ClusterIP (every IPv4 in spec.clusterIPs) : port  -> ready endpoints : resolved port
 *   - NodePort: 127.0.0.1:nodePort and <agent ip>:nodePort -> the same backends, marked
 *     `held`: the agent listens only while the framework holds the port there (nodeports.ts)
 *   - headless (clusterIP None), ExternalName, non-TCP ports: no rule
 *
 * Endpoints come from EndpointSlices (kubernetes.io/service-name), which already resolve
 * named targetPorts per pod; only endpoints with conditions.ready are backends.
 *
 * Every table carries a version (time-based, so a restarted framework still goes up); the
 * agent ignores a table that is not newer than its own. A table is sent when it changes
 * (debounced), when an agent is first seen, and again to every agent periodically, so an
 * agent that restarted (and lost its table) gets it back without knowing why.
 */
import type { ApiClient } from "../k8s-api/client/types.js";
import { Informer } from "../k8s-api/client/informer.js";
import type { KubeObject } from "../k8s-api/types.js";
import type { Logger } from "../util/log.js";

/** The agent's reserved executor id for proxy tables (src/agents/proxy/proxy.ts). */
export const PROXY_EXECUTOR_ID = "berth.proxy";

export interface ProxyRule {
  readonly listen: string;
  readonly backends: readonly string[];
  /** A NodePort: listened on only while a task of the framework holds the port on the agent. */
  readonly held?: boolean;
}

const SERVICES = { group: "", version: "v1", plural: "services" } as const;
const ENDPOINT_SLICES = { group: "discovery.k8s.io", version: "v1", plural: "endpointslices" } as const;
const LABEL_SERVICE_NAME = "kubernetes.io/service-name";

interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  nodePort?: number;
}
export interface ServiceObj extends KubeObject {
  spec?: { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: ServicePort[] };
}
export interface EndpointSliceObj extends KubeObject {
  addressType?: string;
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean | null } }[] | null;
  ports?: { name?: string | null; port?: number | null; protocol?: string | null }[] | null;
}

export interface ProxyAgent {
  readonly agentId: string;
  /** The agent's address (NodePorts listen on it as well as on 127.0.0.1). */
  readonly ip: string;
}

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const hostPort = (ip: string, port: number) => (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`);

/** The rules for one agent (agentIp: its address, for NodePorts). Sorted, so equal inputs give equal tables. */
export function proxyRules(services: readonly ServiceObj[], slices: readonly EndpointSliceObj[], agentIp: string): ProxyRule[] {
  const bySvc = new Map<string, EndpointSliceObj[]>();
  for (const s of slices) {
    const name = s.metadata?.labels?.[LABEL_SERVICE_NAME];
    if (!name) continue;
    const k = `${s.metadata?.namespace ?? ""}/${name}`;
    bySvc.set(k, [...(bySvc.get(k) ?? []), s]);
  }
  const rules = new Map<string, Set<string>>();
  const held = new Set<string>();
  const add = (listen: string, backends: readonly string[], isNodePort = false) => {
    const set = rules.get(listen) ?? new Set<string>();
    for (const b of backends) set.add(b);
    rules.set(listen, set);
    if (isNodePort) held.add(listen);
  };
  for (const svc of services) {
    const spec = svc.spec;
    if (!spec || spec.type === "ExternalName") continue;
    const ips = (spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : []).filter((ip) => ip !== "None" && isIPv4(ip));
    const mine = bySvc.get(`${svc.metadata?.namespace ?? ""}/${svc.metadata?.name ?? ""}`) ?? [];
    for (const sp of spec.ports ?? []) {
      if ((sp.protocol ?? "TCP") !== "TCP") continue;
      const backends = new Set<string>();
      for (const sl of mine) {
        if (sl.addressType && sl.addressType !== "IPv4") continue;
        const p = (sl.ports ?? []).find((x) => (x.name ?? "") === (sp.name ?? "") && (x.protocol ?? "TCP") === "TCP");
        if (!p?.port) continue;
        for (const ep of sl.endpoints ?? []) {
          if (ep.conditions?.ready === false) continue;
          const a = ep.addresses[0];
          if (a) backends.add(hostPort(a, p.port));
        }
      }
      const list = [...backends].sort();
      if (ips.length) for (const ip of ips) add(hostPort(ip, sp.port), list);
      // A headless Service has no proxy, not even for a nodePort it cannot have.
      if (sp.nodePort && ips.length && (spec.type === "NodePort" || spec.type === "LoadBalancer")) {
        add(hostPort("127.0.0.1", sp.nodePort), list, true);
        if (agentIp && agentIp !== "127.0.0.1" && !agentIp.startsWith("127.")) add(hostPort(agentIp, sp.nodePort), list, true);
      }
    }
  }
  return [...rules.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([listen, b]) => ({ listen, backends: [...b].sort(), ...(held.has(listen) ? { held: true } : {}) }));
}

export interface ServiceProxySyncOptions {
  readonly client: ApiClient;
  readonly log: Logger;
  /** The agents to serve (the framework's view). */
  readonly agents: () => readonly ProxyAgent[];
  /** Send a framework message to the agent's `berth.proxy` executor. */
  readonly send: (agentId: string, data: string) => Promise<void>;
  /** Quiet time after a change before tables go out (default 100 ms). */
  readonly debounceMs?: number;
  /** Resend every agent its table this often (default 10 s). */
  readonly resendMs?: number;
}

interface Sent {
  readonly key: string;
  readonly version: number;
  readonly data: string;
}

export class ServiceProxySync {
  private readonly services: Informer<ServiceObj>;
  private readonly slices: Informer<EndpointSliceObj>;
  private readonly sent = new Map<string, Sent>();
  private lastVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private resend: NodeJS.Timeout | undefined;
  private synced = false;
  private stopped = false;

  constructor(private readonly opts: ServiceProxySyncOptions) {
    const onError = (what: string) => (e: unknown) => opts.log.warn(`${what} watch error`, { err: e });
    this.services = new Informer<ServiceObj>(opts.client, SERVICES, { onError: onError("services") });
    this.slices = new Informer<EndpointSliceObj>(opts.client, ENDPOINT_SLICES, { onError: onError("endpointslices") });
  }

  async start(): Promise<void> {
    const changed = { add: () => this.changed(), update: () => this.changed(), delete: () => this.changed() };
    this.services.on(changed);
    this.slices.on(changed);
    void this.services.start();
    void this.slices.start();
    await Promise.all([this.services.synced, this.slices.synced]);
    this.synced = true;
    this.changed();
    this.resend = setInterval(() => this.flush(true), this.opts.resendMs ?? 10_000);
    this.resend.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.resend);
    this.services.stop();
    this.slices.stop();
  }

  /** An agent offered resources: one never served (or back after being lost) gets its table now. */
  agentSeen(agentId: string, back = false): void {
    if (back) this.sent.delete(agentId);
    if (!this.sent.has(agentId)) this.changed();
  }

  /** The rules the given agent should have now. */
  rulesFor(agentIp: string): ProxyRule[] {
    return proxyRules(this.services.list(), this.slices.list(), agentIp);
  }

  private changed(): void {
    if (!this.synced || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(false), this.opts.debounceMs ?? 100);
    this.timer.unref();
  }

  private nextVersion(): number {
    this.lastVersion = Math.max(Date.now(), this.lastVersion + 1);
    return this.lastVersion;
  }

  /** Send each agent its table if it changed (or, with all, regardless). */
  private flush(all: boolean): void {
    if (this.stopped) return;
    const services = this.services.list();
    const slices = this.slices.list();
    for (const a of this.opts.agents()) {
      const rules = proxyRules(services, slices, a.ip);
      const key = JSON.stringify(rules);
      let s = this.sent.get(a.agentId);
      if (!s || s.key !== key) {
        const version = this.nextVersion();
        s = { key, version, data: Buffer.from(JSON.stringify({ version, rules })).toString("base64") };
        this.sent.set(a.agentId, s);
        this.opts.log.debug("proxy table", { agent: a.agentId, version, rules: rules.length });
      } else if (!all) continue;
      const data = s.data;
      this.opts.send(a.agentId, data).catch((e: unknown) => {
        this.opts.log.warn("could not send the proxy table", { agent: a.agentId, err: e });
        // Send again next time.
        if (this.sent.get(a.agentId)?.data === data) this.sent.delete(a.agentId);
      });
    }
  }
}
