/**
 * `node dist/bench/proxy-sync.js [--agents 5000] [--baseline <path to a services.js>]`: the
 * framework's side of service proxy tables at issue 7's scale, for this tree's ServiceProxySync
 * and, with --baseline, another build's (e.g. a checkout of 65e97e5 built elsewhere), alternated in
 * one process (two pairs). 100 Services (half NodePort) with 20 ready endpoints each; each agent has
 * its own address; a send takes 2 ms (a loopback MESSAGE call) and applies the table.
 *   first round: from start() until every agent has its table: wall ms, CPU ms, most sends in flight;
 *   change:      a Service added, until every agent has the new table: wall ms, CPU ms;
 *   idle 11 s:   sends in the 11 s after that, tables unchanged (the old code resends all every 10 s).
 * Without --baseline, this tree's alone (65e97e5's takes minutes at 5,000 agents). Prints a markdown table.
 */
import { parseArgs } from "node:util";
import { MemoryStore } from "../src/k8s-api/store/index.js";
import { Registry } from "../src/k8s-api/registry/registry.js";
import { LocalClient } from "../src/k8s-api/client/local.js";
import { bootstrapApiObjects } from "../src/k8s-api/bootstrap.js";
import type { KubeObject } from "../src/k8s-api/types.js";
import { createLogger } from "../src/util/log.js";
import * as current from "../src/offer-bridge/services.js";

const { values } = parseArgs({ options: { agents: { type: "string", default: "5000" }, baseline: { type: "string" }, idle: { type: "string", default: "11000" } } });
const N = Number(values.agents);
const IDLE_MS = Number(values.idle);
const SERVICES = { group: "", version: "v1", plural: "services" } as const;
const SLICES = { group: "discovery.k8s.io", version: "v1", plural: "endpointslices" } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = createLogger("bench-proxy", { level: "error" });

interface SyncLike {
  start(): Promise<void>;
  stop(): void;
}
type SyncCtor = new (o: { client: LocalClient; log: typeof log; agents: () => readonly { agentId: string; ip: string }[]; send: (id: string, data: string) => Promise<void> }) => SyncLike;

const registry = new Registry(new MemoryStore());
await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
const client = new LocalClient(registry, "bench");
for (let i = 0; i < 100; i++) {
  const name = `svc-${i}`;
  await client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { ...(i % 2 ? { type: "NodePort" } : {}), ports: [{ port: 80, targetPort: 8080 }] } } as KubeObject);
  await client.create(SLICES, "default", {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: `${name}-1`, namespace: "default", labels: { "kubernetes.io/service-name": name } },
    addressType: "IPv4",
    ports: [{ name: "", port: 8080, protocol: "TCP" }],
    endpoints: Array.from({ length: 20 }, (_, k) => ({ addresses: [`10.${i}.0.${k + 1}`], conditions: { ready: true } })),
  } as KubeObject);
}

async function run(label: string, Sync: SyncCtor) {
  const agents = Array.from({ length: N }, (_, i) => ({ agentId: `agent-${i}`, ip: `10.200.${i >> 8}.${i & 255}`, version: -Infinity, received: 0 }));
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  let inFlight = 0;
  let most = 0;
  let sends = 0;
  const s = new Sync({
    client,
    log,
    agents: () => agents,
    send: async (id, data) => {
      sends++;
      most = Math.max(most, ++inFlight);
      await sleep(2);
      inFlight--;
      // Only the version (the table's first bytes): what the agent does with a table is not measured.
      const v = Number(/"version":(\d+)/.exec(Buffer.from(data.slice(0, 40), "base64").toString())?.[1]);
      const a = byId.get(id)!;
      if (v > a.version) a.version = v;
      a.received++;
    },
  });
  const until = async (f: () => boolean) => {
    while (!f()) await sleep(5);
  };
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  await s.start();
  await until(() => agents.every((a) => a.received > 0));
  const first = { ms: performance.now() - t0, cpu: cpuMs(c0), most };
  const v0 = Math.max(...agents.map((a) => a.version));
  c0 = process.cpuUsage();
  t0 = performance.now();
  await client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "extra", namespace: "default" }, spec: { type: "NodePort", ports: [{ port: 81 }] } } as KubeObject);
  await until(() => agents.every((a) => a.version > v0));
  const change = { ms: performance.now() - t0, cpu: cpuMs(c0) };
  const s0 = sends;
  c0 = process.cpuUsage();
  await sleep(IDLE_MS);
  const idle = { sends: sends - s0, cpu: cpuMs(c0) };
  s.stop();
  await client.delete(SERVICES, "default", "extra");
  await sleep(200);
  console.log(`| ${label} | ${Math.round(first.ms)} | ${Math.round(first.cpu)} | ${first.most} | ${Math.round(change.ms)} | ${Math.round(change.cpu)} | ${idle.sends} | ${Math.round(idle.cpu)} |`);
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

const baseline = values.baseline ? ((await import(values.baseline)) as { ServiceProxySync: SyncCtor }) : undefined;
console.log(`${N} agents, 100 Services (50 NodePort) x 20 endpoints; send = 2 ms`);
console.log(`| build | first round ms | first round CPU ms | most in flight | change ms | change CPU ms | sends in idle ${IDLE_MS / 1000} s | idle CPU ms |`);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (let pair = 0; pair < 2; pair++) {
  if (baseline) await run(`baseline (${values.baseline})`, baseline.ServiceProxySync);
  await run("this branch", current.ServiceProxySync as unknown as SyncCtor);
}
process.exit(0);
