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
 * (debounced), when an agent is first seen or comes back, and again, unchanged, to each agent
 * every `resendMs` (60 s), spread evenly over that period: framework messages are best-effort
 * (a lost one is not reported) and an agent that restarted has lost its table without the
 * framework knowing, so only resending repairs them. The agent does not tell the framework
 * which table it applied (the proxy answers nothing, and simulated agents run no proxy), so
 * the resend is unconditional but bounded: at 5,000 agents about 84 MESSAGE calls a second,
 * not 5,000 every 10 s. At most `maxInFlight` (32) MESSAGE calls are in flight; the rest wait.
 * A restarted agent (same agent id) serves the table it checkpointed until then
 * (src/agents/agent.ts); one back after being lost is sent its table at once.
 *
 * Tables differ between agents only in their NodePort rules on the agent's own address: the
 * rules shared by every agent are computed (and JSON-encoded) once per change, and only the
 * agent-specific rules per agent.
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

/**
 * The rules every agent shares (ClusterIPs, NodePorts on 127.0.0.1), sorted, with each rule's
 * JSON, and the NodePorts that each agent also listens on at its own address.
 */
export interface ProxyPlan {
  readonly shared: readonly ProxyRule[];
  /** JSON.stringify of each shared rule. */
  readonly sharedJson: readonly string[];
  /** Index of each shared rule by listen address. */
  readonly sharedAt: ReadonlyMap<string, number>;
  /** NodePorts (in Service order) whose rules each agent also has on its own address. */
  readonly nodePorts: readonly { readonly port: number; readonly backends: readonly string[]; readonly backendsJson: string }[];
  /** Equal plans have equal signatures (and equal agent addresses then give equal tables). */
  readonly signature: string;
}

/** String.prototype.localeCompare's order (the same default collation), without its per-call set-up. */
const collate = new Intl.Collator().compare;
const ruleJson = (r: ProxyRule) => JSON.stringify(r);

/** What every agent's table is made of (see proxyRules): computed once for all agents. */
export function proxyPlan(services: readonly ServiceObj[], slices: readonly EndpointSliceObj[]): ProxyPlan {
  const bySvc = new Map<string, EndpointSliceObj[]>();
  for (const s of slices) {
    const name = s.metadata?.labels?.[LABEL_SERVICE_NAME];
    if (!name) continue;
    const k = `${s.metadata?.namespace ?? ""}/${name}`;
    const list = bySvc.get(k);
    if (list) list.push(s);
    else bySvc.set(k, [s]);
  }
  const rules = new Map<string, Set<string>>();
  const held = new Set<string>();
  const nodePorts: { port: number; backends: readonly string[]; backendsJson: string }[] = [];
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
        nodePorts.push({ port: sp.nodePort, backends: list, backendsJson: JSON.stringify(list) });
      }
    }
  }
  const shared = [...rules.entries()].sort(([a], [b]) => collate(a, b)).map(([listen, b]): ProxyRule => ({ listen, backends: [...b].sort(), ...(held.has(listen) ? { held: true } : {}) }));
  const sharedJson = shared.map(ruleJson);
  const sharedAt = new Map(shared.map((r, i) => [r.listen, i]));
  const signature = `${sharedJson.join(",")}\n${JSON.stringify(nodePorts.map((np) => [np.port, np.backends]))}`;
  return { shared, sharedJson, sharedAt, nodePorts, signature };
}

/** Whether an agent at this address listens on NodePorts at it too (not only at 127.0.0.1). */
const ownAddress = (agentIp: string) => !!agentIp && agentIp !== "127.0.0.1" && !agentIp.startsWith("127.");

/**
 * One agent's rules from the plan: the shared rules, with its NodePort rules on its own address
 * merged in (sorted by listen address, as proxyRules always sorted them). Returns the rules and
 * their JSON; only the agent-specific rules are built and encoded here.
 */
function agentRules(plan: ProxyPlan, agentIp: string): { rules: readonly ProxyRule[]; json: readonly string[] } {
  if (!plan.nodePorts.length || !ownAddress(agentIp)) return { rules: plan.shared, json: plan.sharedJson };
  // Own-address rules: listen address -> the NodePort entries behind it (one, unless two Services share a nodePort).
  const own = new Map<string, ProxyPlan["nodePorts"][number][]>();
  for (const np of plan.nodePorts) {
    const listen = hostPort(agentIp, np.port);
    const list = own.get(listen);
    if (list) list.push(np);
    else own.set(listen, [np]);
  }
  const replaced = new Set<number>();
  const extra: { rule: ProxyRule; json: string }[] = [];
  for (const [listen, nps] of own) {
    const at = plan.sharedAt.get(listen);
    if (at === undefined && nps.length === 1) {
      // The common case: only the listen address is the agent's; the rest of the JSON was encoded once.
      const np = nps[0]!;
      extra.push({ rule: { listen, backends: np.backends, held: true }, json: `{"listen":${JSON.stringify(listen)},"backends":${np.backendsJson},"held":true}` });
      continue;
    }
    // Merged with another NodePort on the same port, or with a shared rule (the agent's address is a ClusterIP).
    const set = new Set<string>();
    for (const np of nps) for (const b of np.backends) set.add(b);
    if (at !== undefined) {
      for (const b of plan.shared[at]!.backends) set.add(b);
      replaced.add(at);
    }
    const rule: ProxyRule = { listen, backends: [...set].sort(), held: true };
    extra.push({ rule, json: ruleJson(rule) });
  }
  extra.sort((a, b) => collate(a.rule.listen, b.rule.listen));
  const rules: ProxyRule[] = [];
  const json: string[] = [];
  const copyShared = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (replaced.has(i)) continue;
      rules.push(plan.shared[i]!);
      json.push(plan.sharedJson[i]!);
    }
  };
  let i = 0;
  for (const x of extra) {
    // The first shared rule after x (binary search: an agent costs O(own rules x log shared rules) comparisons).
    let lo = i;
    let hi = plan.shared.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (collate(plan.shared[mid]!.listen, x.rule.listen) <= 0) lo = mid + 1;
      else hi = mid;
    }
    copyShared(i, lo);
    i = lo;
    rules.push(x.rule);
    json.push(x.json);
  }
  copyShared(i, plan.shared.length);
  return { rules, json };
}

/** The rules for one agent (agentIp: its address, for NodePorts). Sorted, so equal inputs give equal tables. */
export function proxyRules(services: readonly ServiceObj[], slices: readonly EndpointSliceObj[], agentIp: string): ProxyRule[] {
  return [...agentRules(proxyPlan(services, slices), agentIp).rules];
}

/** A framework message's data for a table: base64 of {"version":…,"rules":[…]}, from the rules' JSON. */
function encodeTable(version: number, json: readonly string[]): string {
  return Buffer.from(`{"version":${JSON.stringify(version)},"rules":[${json.join(",")}]}`).toString("base64");
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
  /** Resend each agent its unchanged table this often (default 60 s), spread over the period. */
  readonly resendMs?: number;
  /** At most this many sends in flight (default 32); the rest wait their turn. */
  readonly maxInFlight?: number;
  /** After a failed send, try again after this long, doubling per failure up to resendMs (default 2 s). */
  readonly retryMs?: number;
}

/** What an agent was (or is being) sent: its table is the plan's `signature` at address `ip`, as `version`. */
interface AgentRecord {
  ip: string;
  signature: string;
  version: number;
  /** When its table last went out (0: never). */
  sentAt: number;
  failures: number;
}

export class ServiceProxySync {
  private readonly services: Informer<ServiceObj>;
  private readonly slices: Informer<EndpointSliceObj>;
  /** Per agent, in the order their tables last went out (re-inserted on each send), so the due ones lead. */
  private readonly records = new Map<string, AgentRecord>();
  /** Agents whose table must go out soon (new, changed, back, failed), before periodic resends. */
  private readonly urgent = new Set<string>();
  /** Agents due for their periodic resend. */
  private readonly periodic = new Set<string>();
  /** Failed sends: when to try again. */
  private readonly retries = new Map<string, number>();
  private inFlight = 0;
  private plan: ProxyPlan | undefined;
  private planAt = 0;
  private dirty = true;
  /** The last encoded table of agents without own-address rules (they all get the same bytes). */
  private common: { plan: ProxyPlan; version: number; data: string } | undefined;
  private lastVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private synced = false;
  private stopped = false;
  private readonly resendMs: number;
  private readonly tickMs: number;
  private readonly maxInFlight: number;
  private readonly retryMs: number;

  constructor(private readonly opts: ServiceProxySyncOptions) {
    const onError = (what: string) => (e: unknown) => opts.log.warn(`${what} watch error`, { err: e });
    this.services = new Informer<ServiceObj>(opts.client, SERVICES, { onError: onError("services") });
    this.slices = new Informer<EndpointSliceObj>(opts.client, ENDPOINT_SLICES, { onError: onError("endpointslices") });
    this.resendMs = Math.max(1, opts.resendMs ?? 60_000);
    this.tickMs = Math.min(1000, Math.max(10, Math.floor(this.resendMs / 10)));
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 32);
    this.retryMs = Math.max(1, opts.retryMs ?? 2000);
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
    this.ticker = setInterval(() => this.tick(), this.tickMs);
    this.ticker.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.services.stop();
    this.slices.stop();
  }

  /** An agent offered resources: one never served gets its table soon; one back after being lost gets it at once. */
  agentSeen(agentId: string, back = false): void {
    if (this.stopped) return;
    const r = this.records.get(agentId);
    if (!r) {
      this.schedule(false);
      return;
    }
    if (back) {
      // It may have restarted and lost its table: a new version, so that it applies it even if it kept the old one.
      r.version = this.nextVersion();
      this.retries.delete(agentId);
      this.urgent.add(agentId);
      this.pump();
    }
  }

  /** The rules the given agent should have now. */
  rulesFor(agentIp: string): ProxyRule[] {
    return proxyRules(this.services.list(), this.slices.list(), agentIp);
  }

  /** Sends in flight and waiting (for tests and diagnostics). */
  get backlog(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.urgent.size + this.periodic.size };
  }

  private changed(): void {
    this.dirty = true;
    this.schedule(true);
  }

  private schedule(debounce: boolean): void {
    if (!this.synced || this.stopped) return;
    if (!debounce && this.timer) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.opts.debounceMs ?? 100);
    this.timer.unref();
  }

  private nextVersion(): number {
    this.lastVersion = Math.max(Date.now(), this.lastVersion + 1);
    return this.lastVersion;
  }

  /**
   * Brings every agent's record to the current plan: new agents and agents whose table changed
   * are queued (one new version for all of them), agents gone are forgotten. The plan (the
   * shared rules) is computed again only after a Service or EndpointSlice changed.
   */
  private flush(fromTick = false): void {
    if (this.stopped || !this.synced) return;
    // While changes keep coming (the debounce timer keeps being pushed back), a tick recomputes the
    // plan only once it is MAX_STALE_MS old: tables still converge, without a recomputation (and a
    // round of sends to every agent) on every tick.
    const waitForQuiet = fromTick && this.timer !== undefined && Date.now() - this.planAt < MAX_STALE_MS;
    if (!this.plan || (this.dirty && !waitForQuiet)) {
      this.plan = proxyPlan(this.services.list(), this.slices.list());
      this.planAt = Date.now();
      this.dirty = false;
    }
    const plan = this.plan;
    let version: number | undefined;
    const seen = new Set<string>();
    let queued = 0;
    for (const a of this.opts.agents()) {
      seen.add(a.agentId);
      const r = this.records.get(a.agentId);
      if (r && r.signature === plan.signature && r.ip === a.ip) continue;
      version ??= this.nextVersion();
      if (r) {
        r.signature = plan.signature;
        r.ip = a.ip;
        r.version = version;
      } else this.records.set(a.agentId, { ip: a.ip, signature: plan.signature, version, sentAt: 0, failures: 0 });
      this.retries.delete(a.agentId);
      this.urgent.add(a.agentId);
      queued++;
    }
    if (seen.size !== this.records.size) {
      for (const id of this.records.keys()) {
        if (seen.has(id)) continue;
        this.records.delete(id);
        this.urgent.delete(id);
        this.periodic.delete(id);
        this.retries.delete(id);
      }
    }
    if (queued) this.opts.log.debug("proxy tables", { agents: queued, version, rules: plan.shared.length });
    this.pump();
  }

  /**
   * Every tick: agents new to the framework's view, failed sends due again, and the periodic
   * resends due, at most records/(resendMs/tickMs) of them per tick so they stay spread over
   * the period (an agent's unchanged table goes out again no sooner than resendMs after the
   * last time, and within about twice that).
   */
  private tick(): void {
    if (this.stopped) return;
    this.flush(true);
    const now = Date.now();
    for (const [id, at] of this.retries) {
      if (at > now) continue;
      this.retries.delete(id);
      this.urgent.add(id);
    }
    let budget = Math.max(1, Math.ceil((this.records.size * this.tickMs) / this.resendMs)) - this.periodic.size;
    for (const [id, r] of this.records) {
      if (budget <= 0 || r.sentAt + this.resendMs > now) break;
      if (this.urgent.has(id) || this.periodic.has(id) || this.retries.has(id) || r.sentAt === 0) continue;
      this.periodic.add(id);
      budget--;
    }
    this.pump();
  }

  /** Starts sends while fewer than maxInFlight are in flight: urgent ones first. */
  private pump(): void {
    while (!this.stopped && this.inFlight < this.maxInFlight) {
      const id = first(this.urgent) ?? first(this.periodic);
      if (id === undefined) return;
      this.urgent.delete(id);
      this.periodic.delete(id);
      const r = this.records.get(id);
      if (!r || !this.plan) continue;
      this.sendTo(id, r, this.plan);
    }
  }

  private sendTo(agentId: string, r: AgentRecord, plan: ProxyPlan): void {
    const version = r.version;
    let data: string;
    if (!plan.nodePorts.length || !ownAddress(r.ip)) {
      if (this.common?.plan !== plan || this.common.version !== version) this.common = { plan, version, data: encodeTable(version, plan.sharedJson) };
      data = this.common.data;
    } else data = encodeTable(version, agentRules(plan, r.ip).json);
    r.sentAt = Date.now();
    // Last in the send order: its next periodic resend is the furthest away.
    this.records.delete(agentId);
    this.records.set(agentId, r);
    this.inFlight++;
    let sent: Promise<void>;
    try {
      sent = this.opts.send(agentId, data);
    } catch (e) {
      sent = Promise.reject(e);
    }
    sent
      .then(
        () => {
          if (this.records.get(agentId) === r && r.version === version) r.failures = 0;
        },
        (e: unknown) => {
          this.opts.log.warn("could not send the proxy table", { agent: agentId, err: e });
          // Again after a back-off, unless a newer table is on its way anyway.
          if (this.records.get(agentId) !== r || r.version !== version || this.urgent.has(agentId)) return;
          r.failures++;
          this.retries.set(agentId, Date.now() + Math.min(this.resendMs, this.retryMs * 2 ** Math.min(r.failures - 1, 20)));
        },
      )
      .finally(() => {
        this.inFlight--;
        this.pump();
      });
  }
}

/** How old the plan may get while Services or EndpointSlices keep changing without a quiet debounce period. */
const MAX_STALE_MS = 10_000;

function first<T>(s: Set<T>): T | undefined {
  for (const v of s) return v;
  return undefined;
}
