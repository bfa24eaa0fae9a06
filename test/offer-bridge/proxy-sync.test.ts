/**
 * ServiceProxySync at scale (issue 7): tables are built from rules shared by every agent plus
 * each agent's own NodePort rules, sends are bounded in flight, unchanged tables go out again
 * spread over resendMs (not to every agent at once), and lost or failed sends and agents that
 * come back still converge. Agents are modelled by what a proxy does with a table (decode,
 * ignore stale versions); the API is an in-process registry.
 */
import { expect } from "chai";
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { bootstrapApiObjects } from "../../src/k8s-api/bootstrap.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { decodeProxyTable, type ProxyRule as AgentRule } from "../../src/agents/proxy/proxy.js";
import { proxyRules, ServiceProxySync, type EndpointSliceObj, type ProxyAgent, type ServiceObj, type ServiceProxySyncOptions } from "../../src/offer-bridge/services.js";
import { referenceProxyRules } from "./proxy-rules-reference.js";
import { eventually, testLogger } from "./helpers.js";
import { rng } from "../support/rng.js";

const SERVICES = { group: "", version: "v1", plural: "services" } as const;
const SLICES = { group: "discovery.k8s.io", version: "v1", plural: "endpointslices" } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


describe("service proxy rules: shared part and per-address part", () => {
  it("equal the former per-agent computation on random Services, slices and agent addresses", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const int = (n: number) => Math.floor(r() * n);
      // A small address pool, so that agent addresses collide with ClusterIPs and NodePorts repeat.
      const ips = ["10.0.0.1", "10.0.0.2", "127.96.0.5", "10.96.0.7", "None"];
      const types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName", undefined];
      const services: ServiceObj[] = [];
      const slices: EndpointSliceObj[] = [];
      for (let i = int(12); i > 0; i--) {
        const name = `s${int(8)}`;
        const ports = Array.from({ length: 1 + int(3) }, (_, j) => ({ name: j ? `p${j}` : "", port: [80, 443, 30001][int(3)]!, ...(int(4) ? {} : { protocol: "UDP" }), ...(int(2) ? { nodePort: 30000 + int(3) } : {}) }));
        const cips = Array.from({ length: int(3) }, () => ips[int(ips.length)]!);
        services.push({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: int(4) ? "default" : "other" }, spec: { type: types[int(types.length)]!, ...(cips[0] ? { clusterIP: cips[0] } : {}), clusterIPs: cips, ports } });
        for (let k = int(3); k > 0; k--) {
          slices.push({
            apiVersion: "discovery.k8s.io/v1",
            kind: "EndpointSlice",
            metadata: { name: `${name}-${k}`, namespace: "default", labels: { "kubernetes.io/service-name": name } },
            addressType: int(6) ? "IPv4" : "IPv6",
            ports: [{ name: int(2) ? "" : "p1", port: 8000 + int(5), protocol: "TCP" }],
            endpoints: Array.from({ length: int(4) }, () => ({ addresses: [`10.1.0.${int(6)}`], conditions: { ready: int(4) ? true : int(2) ? false : null } })),
          });
        }
      }
      for (const agentIp of ["", "127.0.0.1", "127.0.0.2", "10.0.0.1", "10.0.0.2", "10.96.0.7", "192.168.1.5"]) {
        expect(proxyRules(services, slices, agentIp), `seed ${seed}, agent ${agentIp}`).to.deep.equal(referenceProxyRules(services, slices, agentIp));
      }
    }
  });
});

/** What an agent's proxy does with tables: decodes them and keeps the newest. */
class ModelAgent implements ProxyAgent {
  version = -Infinity;
  rules: readonly AgentRule[] = [];
  received = 0;
  readonly times: number[] = [];
  constructor(
    readonly agentId: string,
    readonly ip: string,
  ) {}
  apply(data: string): void {
    const t = decodeProxyTable(data);
    if (typeof t === "string") throw new Error(t);
    this.received++;
    this.times.push(Date.now());
    if (t.version <= this.version) return;
    this.version = t.version;
    this.rules = t.rules;
  }
  /** Restarted: the table is gone. */
  restart(): void {
    this.version = -Infinity;
    this.rules = [];
  }
}

describe("ServiceProxySync at scale", function () {
  this.timeout(30_000);
  const log = testLogger("proxy-sync-test");
  let client: LocalClient;
  let sync: ServiceProxySync | undefined;

  before(async () => {
    const registry = new Registry(new MemoryStore());
    await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
    client = new LocalClient(registry, "proxy-sync-test");
    await client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { type: "NodePort", ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] } } as KubeObject);
    await client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "db", namespace: "default" }, spec: { ports: [{ port: 5432 }] } } as KubeObject);
    await client.create(SLICES, "default", {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-1", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
      addressType: "IPv4",
      ports: [{ name: "", port: 8080, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.1.0.1"], conditions: { ready: true } }],
    } as KubeObject);
  });
  afterEach(() => {
    sync?.stop();
    sync = undefined;
  });

  const agentsOf = (n: number) => Array.from({ length: n }, (_, i) => new ModelAgent(`agent-${i}`, `10.0.${i >> 8}.${i & 255}`));
  const converged = (s: ServiceProxySync, agents: readonly ModelAgent[]) => agents.every((a) => JSON.stringify(a.rules) === JSON.stringify(s.rulesFor(a.ip)));
  const start = async (agents: ModelAgent[], send: ServiceProxySyncOptions["send"], opts: Partial<ServiceProxySyncOptions> = {}) => {
    sync = new ServiceProxySync({ client, log, agents: () => agents, send, debounceMs: 20, ...opts });
    await sync.start();
    return sync;
  };

  it("a round to 300 agents keeps at most 32 sends in flight; each agent gets its own table once", async () => {
    const agents = agentsOf(300);
    const byId = new Map(agents.map((a) => [a.agentId, a]));
    let inFlight = 0;
    let most = 0;
    const s = await start(agents, async (id, data) => {
      most = Math.max(most, ++inFlight);
      await sleep(2);
      byId.get(id)!.apply(data);
      inFlight--;
    });
    await eventually("converged", () => converged(s, agents));
    await sleep(100);
    expect(most).to.equal(32);
    expect(agents.map((a) => a.received)).to.deep.equal(agents.map(() => 1));
    // Tables differ only in the NodePort rule on the agent's own address.
    const strip = (a: ModelAgent) => a.rules.filter((r) => !r.listen.startsWith(`${a.ip}:`));
    for (const a of agents) {
      expect(strip(a)).to.deep.equal(strip(agents[0]!));
      expect(a.rules.filter((r) => r.listen.startsWith(`${a.ip}:`))).to.deep.equal([{ listen: `${a.ip}:30080`, backends: ["10.1.0.1:8080"], held: true }]);
    }
    expect(strip(agents[0]!).map((r) => r.listen)).to.include("127.0.0.1:30080");
  });

  it("unchanged tables go out again spread over resendMs, to each agent no sooner than resendMs after the last", async () => {
    const agents = agentsOf(100);
    const byId = new Map(agents.map((a) => [a.agentId, a]));
    const s = await start(agents, async (id, data) => byId.get(id)!.apply(data), { resendMs: 1000 });
    await eventually("converged", () => converged(s, agents));
    const from = Date.now();
    await sleep(3300);
    const all = agents.flatMap((a) => a.times.filter((t) => t >= from)).sort((a, b) => a - b);
    // At most 10 per 100 ms tick (100 agents over 1 s): never all 100 at once, as a resend to every agent would.
    let most = 0;
    for (let i = 0, j = 0; i < all.length; i++) {
      while (all[i]! - all[j]! > 200) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).to.be.at.most(35);
    for (const a of agents) {
      for (let i = 1; i < a.times.length; i++) expect(a.times[i]! - a.times[i - 1]!, a.agentId).to.be.at.least(990);
      // ... and each got it again within twice resendMs.
      expect(a.times.filter((t) => t >= from).length, a.agentId).to.be.at.least(1);
    }
  });

  it("a lost message (best-effort) is repaired by the spread resend; a failed send is retried after retryMs", async () => {
    const agents = agentsOf(60);
    const byId = new Map(agents.map((a) => [a.agentId, a]));
    const lost = new Set(agents.filter((_, i) => i % 3 === 0).map((a) => a.agentId));
    const failing = new Set(agents.filter((_, i) => i % 3 === 1).map((a) => a.agentId));
    const s = await start(
      agents,
      async (id, data) => {
        if (failing.delete(id)) throw new Error("no answer within 5000 ms");
        if (lost.delete(id)) return; // accepted by the master, never applied
        byId.get(id)!.apply(data);
      },
      // resendMs well above the retry deadline below, so a loaded machine (CI saw load 10) cannot blur the two.
      { resendMs: 4000, retryMs: 100 },
    );
    const t0 = Date.now();
    // Failed sends come back after retryMs, long before a resend is due.
    await eventually("failed ones retried", () => agents.every((a, i) => i % 3 !== 1 || converged(s, [a])), 2500);
    expect(Date.now() - t0).to.be.below(2500);
    expect(agents.filter((a, i) => i % 3 === 0 && a.received > 0)).to.deep.equal([]);
    // Lost ones within twice resendMs.
    await eventually("lost ones repaired", () => converged(s, agents), 10_000);
  });

  it("an agent back after being lost gets its table at once; the others get nothing before resendMs", async () => {
    const agents = agentsOf(50);
    const byId = new Map(agents.map((a) => [a.agentId, a]));
    const s = await start(agents, async (id, data) => byId.get(id)!.apply(data));
    await eventually("converged", () => converged(s, agents));
    const a = agents[7]!;
    a.restart();
    s.agentSeen(a.agentId, true);
    await eventually("restarted agent has its table", () => converged(s, [a]), 500);
    s.agentSeen(agents[8]!.agentId); // seen before: nothing to send
    await sleep(1500);
    expect(agents.map((x) => x.received)).to.deep.equal(agents.map((x) => (x === a ? 2 : 1)));
  });

  it("a Service change reaches every agent once, and agents seen later get theirs", async () => {
    const agents = agentsOf(80);
    const visible = agents.slice(0, 40);
    const byId = new Map(agents.map((x) => [x.agentId, x]));
    const s = await start(visible, async (id, data) => byId.get(id)!.apply(data));
    await eventually("converged", () => converged(s, visible));
    visible.push(...agents.slice(40));
    s.agentSeen(agents[40]!.agentId);
    await eventually("new agents converged", () => converged(s, agents), 3000);
    const before = agents.map((x) => x.received);
    await client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "extra", namespace: "default" }, spec: { type: "NodePort", ports: [{ port: 81, nodePort: 30081 }] } } as KubeObject);
    await eventually("change converged", () => agents.every((x) => x.rules.some((r) => r.listen === `${x.ip}:30081`)), 3000);
    await sleep(200);
    expect(agents.map((x, i) => x.received - before[i]!)).to.deep.equal(agents.map(() => 1));
    expect(converged(s, agents)).to.equal(true);
    await client.delete(SERVICES, "default", "extra");
  });
});
