/**
 * `node dist/bench/recovery.js [--quick]`: cold restart of a berth whose store holds 150,000
 * pods and 5,000 Nodes (quick: 15,000 pods, 500 Nodes and agents). Issue 7's target: a cold
 * restart with 150,000 pods serving within 30 s.
 *
 * Seeding (not timed as recovery): the store is written in this process by the API server
 * code itself (startApiServer on openEmbeddedStore, objects created through its registry:
 * validation, defaulting, managed fields), with fdatasync off and no intermediate snapshots;
 * closing it writes the snapshot that `berth apiserver --store embedded` reads at start.
 * The on-disk format is the one `berth apiserver` writes (same store code; fsync changes
 * only durability, not the bytes). Pods are 100m / 500Mi, Pending, with a schedulerName no
 * scheduler serves, so after the restart the framework lists and caches them but does not
 * schedule them (recovery here is serving and resync, not task reconciliation). Nodes are
 * sim-node-0..N-1, the names the simulated agents register with.
 *
 * Cold start, every role a separate process started at t0 as after a whole-cluster restart:
 * `berth apiserver --store embedded` on that data directory, `berth master` (a new,
 * non-HA master: agents register afresh), `berth sim-agents --count N` once the master
 * listens, `berth kube-framework` once both listen. Times from t0:
 *   listening     the API server printed its URL (store opened, snapshot loaded)
 *   serving       first successful GET /api/v1/pods?limit=1 (the target's "serving")
 *   listed        a full LIST of pods in pages of 500 (as a client-go reflector) done
 *   agents        the master's /metrics/snapshot shows all N agents connected
 *   framework     kube-framework /readyz ok (informers synced, framework subscribed)
 * then RSS of each role after --settle-seconds. Before that whole-cluster start, the API
 * server is started alone on the same store (listening, serving, full LIST, RSS) and stopped:
 * the store's own cost without the other roles competing for the CPU.
 * Same-run baselines: a cold start on an empty store, and on a store of a tenth of the pods.
 * Results: bench/results/recovery-<time>.{json,md} and recovery-latest.{json,md}.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LocalClient } from "../src/k8s-api/client/local.js";
import { startApiServer } from "../src/k8s-api/index.js";
import { openEmbeddedStore } from "../src/k8s-api/store/index.js";
import { createLogger } from "../src/util/log.js";
import { JsonClient } from "./lib/http.js";
import { masterMetrics, procMem, READY, roleArgs, sleep, startRole, until, type ProcMem, type Role } from "./lib/roles.js";
import { round } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    pods: { type: "string" },
    nodes: { type: "string" },
    only: { type: "string" },
    "timeout-seconds": { type: "string" },
    "settle-seconds": { type: "string" },
    "node-options": { type: "string", default: "--max-old-space-size=8192" },
    /** Run the full row's API server started alone with node --cpu-prof into this directory. */
    "profile-dir": { type: "string" },
  },
});
const quick = values.quick;
const PODS = Number(values.pods ?? (quick ? 15_000 : 150_000));
const NODES = Number(values.nodes ?? (quick ? 500 : 5000));
const TIMEOUT_S = Number(values["timeout-seconds"] ?? (quick ? 300 : 600));
const SETTLE_S = Number(values["settle-seconds"] ?? 10);
const NODE_ARGS = values["node-options"].split(" ").filter(Boolean);
const TARGET_S = 30;
const NS = "bench-recovery";
const log = createLogger("bench", { level: "error" });
const LOG_DIR = mkdtempSync(join(tmpdir(), "berth-bench-recovery-logs-"));
const say = (s: string) => process.stderr.write(`  ${s}\n`);

interface Row {
  readonly label: string;
  readonly pods: number;
  readonly nodes: number;
  readonly agents: number;
  readonly seedSeconds: number;
  readonly storeMiB: number;
  /** The API server started alone on the same store first (no other role competing for the CPU). */
  readonly alone: Alone;
  /** Seconds from t0 (all roles started); undefined when not reached by the deadline. */
  readonly listeningSeconds?: number;
  readonly servingSeconds?: number;
  readonly listedSeconds?: number;
  readonly listedPods: number;
  readonly agentsSeconds?: number;
  readonly frameworkSeconds?: number;
  readonly roles: Record<string, ProcMem>;
  readonly totalRssMiB: number;
  readonly error?: string;
}

const seedPod = (i: number) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `pod-${i}`, namespace: NS, labels: { app: "bench-recovery" } },
  spec: {
    schedulerName: "bench-parked",
    containers: [{ name: "pause", image: "registry.k8s.io/pause:3.10", resources: { requests: { cpu: "100m", memory: "500Mi" }, limits: { cpu: "100m", memory: "500Mi" } } }],
  },
});
const seedNode = (i: number) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: `sim-node-${i}`, labels: { "kubernetes.io/hostname": `sim-node-${i}`, "kubernetes.io/os": "linux" } },
  spec: {},
});

/** Writes the store `berth apiserver --data-dir dataDir --store embedded` opens. */
async function seed(dataDir: string, pods: number, nodes: number): Promise<number> {
  const t0 = performance.now();
  const store = await openEmbeddedStore(join(dataDir, "store"), { fsync: false, snapshotEvery: 1e12, log: () => {} });
  const api = await startApiServer({ store, host: "127.0.0.1", port: 0, log });
  const c = new LocalClient(api.registry, "bench-seed");
  const ref = (plural: string) => ({ group: "", version: "v1", plural });
  await c.create(ref("namespaces"), "", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  const run = async (n: number, f: (i: number) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      for (let i = next++; i < n; i = next++) {
        await f(i);
        if ((i + 1) % 25_000 === 0) say(`seeding: ${i + 1}`);
      }
    }));
  };
  await run(nodes, (i) => c.create(ref("nodes"), "", seedNode(i)));
  await run(pods, (i) => c.create(ref("pods"), NS, seedPod(i)));
  await api.close();
  await store.close();
  return (performance.now() - t0) / 1000;
}

interface Alone {
  readonly listeningSeconds?: number;
  readonly servingSeconds?: number;
  readonly listedSeconds?: number;
  readonly listedPods: number;
  readonly rssMiB: number;
  readonly hwmMiB: number;
}

/** Pages through every pod (limit 500, as a client-go reflector); the pods seen and whether it finished. */
async function listAll(c: JsonClient, deadline: number): Promise<{ pods: number; done: boolean }> {
  let pods = 0;
  let cont = "";
  do {
    const page = JSON.parse(await c.ok("GET", `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`)) as { items: unknown[]; metadata: { continue?: string } };
    pods += page.items.length;
    cont = page.metadata.continue ?? "";
  } while (cont && Date.now() < deadline);
  return { pods, done: !cont };
}

/** `berth apiserver` alone on the store: open, serve, list, RSS; then stopped (cleanly: it writes its snapshot again). */
async function apiserverAlone(label: string, dataDir: string): Promise<Alone> {
  const deadline = Date.now() + TIMEOUT_S * 1000;
  const prof = values["profile-dir"] && label === "full" ? ["--cpu-prof", `--cpu-prof-dir=${values["profile-dir"]}`] : [];
  const t0 = performance.now();
  const since = () => round((performance.now() - t0) / 1000, 2);
  const api = await startRole({ name: "apiserver", logFile: join(LOG_DIR, `${label}-alone-apiserver.log`), args: roleArgs.apiserver(dataDir), nodeArgs: [...NODE_ARGS, ...prof], ready: READY.apiserver, readyMs: TIMEOUT_S * 1000 });
  const c = new JsonClient(api.url, 4);
  try {
    const listeningSeconds = since();
    const servingSeconds = (await until(async () => (await c.send("GET", "/api/v1/pods?limit=1")).status === 200, deadline, 50)) ? since() : undefined;
    const l = await listAll(c, deadline);
    const listedSeconds = l.done ? since() : undefined;
    await sleep(SETTLE_S * 1000);
    const m = procMem(api.pid);
    say(`${label}: API server alone: listening at ${listeningSeconds} s, serving at ${servingSeconds ?? "-"} s, ${l.pods} pods listed at ${listedSeconds ?? "-"} s; RSS ${m.rssMiB} MiB (peak ${m.hwmMiB})`);
    return { listeningSeconds, ...(servingSeconds !== undefined ? { servingSeconds } : {}), ...(listedSeconds !== undefined ? { listedSeconds } : {}), listedPods: l.pods, ...m };
  } finally {
    c.close();
    await api.stop(60_000);
  }
}

function dirMiB(dir: string): number {
  let b = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) if (f.isFile()) b += statSync(join(f.parentPath ?? f.path, f.name)).size;
  return round(b / 2 ** 20, 0);
}

async function coldStart(label: string, pods: number, nodes: number): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), "berth-bench-recovery-"));
  const roles: Role[] = [];
  try {
    say(`${label}: seeding ${pods} pods and ${nodes} Nodes`);
    const seedSeconds = round(await seed(dataDir, pods, nodes), 1);
    const storeMiB = dirMiB(join(dataDir, "store"));
    say(`${label}: seeded in ${seedSeconds} s (store ${storeMiB} MiB on disk); cold start with ${NODES} agents`);
    await sleep(2000);
    const alone = await apiserverAlone(label, dataDir);
    await sleep(2000);
    const deadline = Date.now() + TIMEOUT_S * 1000;
    const since = (t: number) => round((performance.now() - t) / 1000, 2);
    const lf = (r: string) => join(LOG_DIR, `${label}-${r}.log`);
    const t0 = performance.now();
    const apiP = startRole({ name: "apiserver", logFile: lf("apiserver"), args: roleArgs.apiserver(dataDir), nodeArgs: NODE_ARGS, ready: READY.apiserver, readyMs: TIMEOUT_S * 1000 });
    const master = await startRole({ name: "master", logFile: lf("master"), args: roleArgs.master(), nodeArgs: NODE_ARGS, ready: READY.master });
    roles.push(master);
    const agents = await startRole({ name: "sim-agents", logFile: lf("sim-agents"), args: roleArgs.simAgents(master.url, NODES), nodeArgs: NODE_ARGS });
    roles.push(agents);
    let agentsSeconds: number | undefined;
    const agentsP = until(async () => (await masterMetrics(master.url))["master/slaves_connected"]! >= NODES, deadline, 250).then((ok) => {
      if (ok) agentsSeconds = since(t0);
      say(`${label}: agents ${ok ? `all ${NODES} connected at ${agentsSeconds} s` : "not all connected by the deadline"}`);
    });
    const api = await apiP;
    roles.unshift(api);
    const listeningSeconds = since(t0);
    const fw = await startRole({ name: "kube-framework", logFile: lf("kube-framework"), args: roleArgs.kubeFramework(api.url, master.url), nodeArgs: NODE_ARGS, ready: READY.kubeFramework, readyMs: TIMEOUT_S * 1000 });
    roles.push(fw);
    let frameworkSeconds: number | undefined;
    const fwP = until(async () => (await fetch(`${fw.url}/readyz`, { signal: AbortSignal.timeout(2000) })).ok, deadline, 250).then((ok) => {
      if (ok) frameworkSeconds = since(t0);
      say(`${label}: kube-framework ${ok ? `ready at ${frameworkSeconds} s` : "not ready by the deadline"}`);
    });
    const c = new JsonClient(api.url, 4);
    let servingSeconds: number | undefined;
    if (await until(async () => (await c.send("GET", "/api/v1/pods?limit=1")).status === 200, deadline, 50)) servingSeconds = since(t0);
    say(`${label}: listening at ${listeningSeconds} s, serving at ${servingSeconds ?? "-"} s`);
    let listedSeconds: number | undefined;
    let listedPods = 0;
    try {
      const l = await listAll(c, deadline);
      listedPods = l.pods;
      if (l.done) listedSeconds = since(t0);
    } catch (e) {
      say(`${label}: list failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    say(`${label}: ${listedPods} pods listed at ${listedSeconds ?? "-"} s`);
    await Promise.all([agentsP, fwP]);
    c.close();
    await sleep(SETTLE_S * 1000);
    const mem: Record<string, ProcMem> = {};
    for (const r of roles) mem[r.name] = procMem(r.pid);
    const totalRssMiB = Object.values(mem).reduce((a, m) => a + m.rssMiB, 0);
    say(`${label}: RSS ${Object.entries(mem).map(([k, m]) => `${k} ${m.rssMiB} MiB (peak ${m.hwmMiB})`).join(", ")}; total ${totalRssMiB} MiB`);
    const missing = [servingSeconds, listedSeconds, agentsSeconds, frameworkSeconds].some((x) => x === undefined);
    return {
      label,
      pods,
      nodes,
      agents: NODES,
      seedSeconds,
      storeMiB,
      alone,
      listeningSeconds,
      ...(servingSeconds !== undefined ? { servingSeconds } : {}),
      ...(listedSeconds !== undefined ? { listedSeconds } : {}),
      listedPods,
      ...(agentsSeconds !== undefined ? { agentsSeconds } : {}),
      ...(frameworkSeconds !== undefined ? { frameworkSeconds } : {}),
      roles: mem,
      totalRssMiB,
      ...(missing ? { error: `not every milestone was reached within ${TIMEOUT_S} s` } : {}),
    };
  } finally {
    for (const r of [...roles].reverse()) await r.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(meta: Record<string, unknown>, rows: readonly Row[]): string {
  const s = (x: number | undefined) => (x === undefined ? "not reached" : String(x));
  const mem = (r: Row, k: string) => (r.roles[k] ? `${r.roles[k].rssMiB}` : "-");
  return [
    `# Cold restart recovery (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}; ${NODES} simulated agents in every row; roles as separate processes (${NODE_ARGS.join(" ")}), all started at t0; deadline ${TIMEOUT_S} s.`,
    "Store seeded in-process through the API server's registry on the embedded store (same on-disk format as `berth apiserver --store embedded`; snapshot written on close). Pods Pending with a schedulerName no scheduler serves. Times in seconds from t0. empty and tenth are the same-run baselines.",
    `Target: serving within ${TARGET_S} s with 150,000 pods.`,
    "",
    "API server alone on the store (no other role competing for the CPU), then stopped:",
    "",
    "| row | pods | Nodes | store MiB | seed s | listening s | serving s | full LIST s | RSS MiB (peak) | serving vs 30 s |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.pods} | ${r.nodes} | ${r.storeMiB} | ${r.seedSeconds} | ${s(r.alone.listeningSeconds)} | ${s(r.alone.servingSeconds)} | ${s(r.alone.listedSeconds)} (${r.alone.listedPods}) | ${r.alone.rssMiB} (${r.alone.hwmMiB}) | ${r.alone.servingSeconds === undefined ? "missed" : r.alone.servingSeconds <= TARGET_S ? "met" : "missed"} |`,
    ),
    "",
    "Whole cluster cold start, every role started at t0 on the same store:",
    "",
    "| row | pods | Nodes | store MiB | listening s | serving s (GET pods?limit=1) | full LIST (pages of 500) s | all agents connected s | kube-framework ready s | apiserver RSS MiB | master | sim-agents | kube-framework | total RSS MiB | serving vs 30 s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.pods} | ${r.nodes} | ${r.storeMiB} | ${s(r.listeningSeconds)} | ${s(r.servingSeconds)} | ${s(r.listedSeconds)} (${r.listedPods}) | ${s(r.agentsSeconds)} | ${s(r.frameworkSeconds)} | ${mem(r, "apiserver")} | ${mem(r, "master")} | ${mem(r, "sim-agents")} | ${mem(r, "kube-framework")} | ${r.totalRssMiB} | ${r.servingSeconds === undefined ? "missed" : r.servingSeconds <= TARGET_S ? "met" : "missed"} |`,
    ),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const meta = { ...runMeta(), quick, pods: PODS, nodes: NODES, timeoutSeconds: TIMEOUT_S, nodeArgs: NODE_ARGS };
  say(`role logs in ${LOG_DIR}`);
  const only = values.only?.split(",");
  const plan: [string, number, number][] = [
    ["empty", 0, 0],
    ["tenth", Math.round(PODS / 10), NODES],
    ["full", PODS, NODES],
  ];
  const rows: Row[] = [];
  for (const [label, pods, nodes] of plan) {
    if (only && !only.includes(label)) continue;
    try {
      rows.push(await coldStart(label, pods, nodes));
    } catch (e) {
      say(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  }
  writeResults("recovery", meta, rows, markdown(meta, rows));
  process.exit(process.exitCode ?? 0);
}

main().catch((e: unknown) => {
  process.stderr.write(`recovery: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
