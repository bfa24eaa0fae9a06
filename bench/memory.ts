/**
 * `node dist/bench/memory.js [--quick]`: resident memory of each berth role, run as separate
 * processes as in a distributed deployment, at 0, 50,000 and 150,000 pods (quick: 0 /
 * 5,000 / 15,000). Issue 7's target: total RSS <= 4 GiB at 5,000 nodes and 150,000 pods.
 *
 * Variants (same run):
 *   scheduled  `berth apiserver --store embedded`, `berth master`, `berth sim-agents --count
 *              5000` (quick 500) and `berth kube-framework` (HTTP client, no leader election);
 *              pods of 100m / 500Mi are created over HTTP (64 workers) and scheduled onto the
 *              simulated agents. At each checkpoint creation pauses until every created pod
 *              is bound and Running or the phase's deadline (--timeout-seconds) passes; the
 *              reading then says how many were bound and Running, and the next checkpoint
 *              still creates its pods (later checkpoints are skipped only when creation
 *              itself did not finish by the deadline).
 *   api-only   `berth apiserver --store embedded` alone; the same pods are created and stay
 *              Pending: the API server's memory at the full pod count, whatever the
 *              scheduling rate.
 * The 0-pod reading of each variant (roles up and idle, agents registered) is the same-run
 * baseline. Each reading follows a settle period without load (--settle-seconds) so that
 * garbage of the load phase is mostly collected; VmRSS (now) and VmHWM (peak so far) come
 * from /proc/<pid>/status. The load generator and the watch that counts bound pods run in
 * this process and are not counted.
 *
 * Roles run with --max-old-space-size=8192 (--node-options) so that a heap past Node's
 * default limit shows up as RSS instead of a crash. --heap-prof-dir DIR runs the roles
 * with node --heap-prof (profiles are written when they exit). Each reading is followed by a
 * full GC in every role (bench/lib/heap-probe.ts, preloaded) and its heap used, external
 * memory and RSS then: what is live, apart from garbage and pages V8 keeps. --snapshot-at N
 * writes every role's heap snapshot at checkpoint N. --repo DIR runs the roles of another
 * checkout (dist/ built) under this harness, for a same-run baseline.
 * Results: bench/results/memory-<time>.{json,md} and memory-latest.{json,md}.
 */
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { JsonClient } from "./lib/http.js";
import { HEAP_PROBE, probeHeap, procMem, READY, roleArgs, sleep, startRole, until, type HeapMem, type ProcMem, type Role, type StartRole } from "./lib/roles.js";
import { round } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    agents: { type: "string" },
    /** Checkpoints, comma-separated pod counts. */
    pods: { type: "string" },
    only: { type: "string" },
    "timeout-seconds": { type: "string" },
    "settle-seconds": { type: "string" },
    concurrency: { type: "string", default: "64" },
    "node-options": { type: "string", default: "--max-old-space-size=8192" },
    "heap-prof-dir": { type: "string" },
    /** Run the roles of another checkout (its dist/ built), e.g. a frozen build of main: a same-run baseline with this harness. */
    repo: { type: "string" },
    /** Heap snapshots of every role at this checkpoint (after its GC), in the probe directory. */
    "snapshot-at": { type: "string" },
    /** Run V8's sampling heap profiler in every role (one sample per this many bytes, e.g. 65536) and write its live objects at every reading. */
    "heap-sample": { type: "string" },
    /** More environment variables for the roles, NAME=VALUE,... (e.g. MALLOC_ARENA_MAX=2). */
    "role-env": { type: "string" },
  },
});
const quick = values.quick;
const AGENTS = Number(values.agents ?? (quick ? 500 : 5000));
const CHECKPOINTS = (values.pods ?? (quick ? "0,5000,15000" : "0,50000,150000")).split(",").map(Number);
const PHASE_S = Number(values["timeout-seconds"] ?? (quick ? 150 : 360));
const SETTLE_S = Number(values["settle-seconds"] ?? (quick ? 10 : 20));
const CONCURRENCY = Number(values.concurrency);
const NODE_ARGS = [...values["node-options"].split(" ").filter(Boolean), ...(values["heap-prof-dir"] ? ["--heap-prof", `--heap-prof-dir=${values["heap-prof-dir"]}`] : [])];
const REPO = values.repo;
const SNAPSHOT_AT = values["snapshot-at"] === undefined ? undefined : Number(values["snapshot-at"]);
/** Where the roles' heap probe (bench/lib/heap-probe.ts) answers, and heap snapshots go. */
const PROBE_DIR = mkdtempSync(join(tmpdir(), "berth-bench-mem-heap-"));
const ROLE_NODE_ARGS = [...NODE_ARGS, "--import", HEAP_PROBE];
const EXTRA_ENV: Record<string, string> = Object.fromEntries(
  (values["role-env"] ?? "")
    .split(",")
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
);
const ROLE_ENV = { ...EXTRA_ENV, BERTH_HEAP_PROBE_DIR: PROBE_DIR, ...(values["heap-sample"] ? { BERTH_HEAP_PROBE_SAMPLE: values["heap-sample"] } : {}) };
const TARGET_MIB = 4096;
const NS = "bench-mem";
/** The roles' full logs (kept after the run). */
const LOG_DIR = mkdtempSync(join(tmpdir(), "berth-bench-mem-logs-"));

interface Reading {
  readonly variant: string;
  readonly checkpoint: number;
  readonly created: number;
  readonly bound: number;
  readonly running: number;
  /** Every pod created, and for scheduled, bound and Running by the phase's deadline. */
  readonly reached: boolean;
  /** Seconds from the variant's first create to this reading (before the settle period). */
  readonly seconds: number;
  readonly roles: Record<string, ProcMem>;
  /** Each role's memory after a full GC, read right after `roles`. */
  readonly heap: Record<string, HeapMem | undefined>;
  readonly totalRssMiB: number;
  readonly totalHeapUsedMiB: number;
  readonly totalHwmMiB: number;
}

const pod = (i: number) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `pod-${i}`, namespace: NS, labels: { app: "bench-mem" } },
  spec: { containers: [{ name: "pause", image: "registry.k8s.io/pause:3.10", resources: { requests: { cpu: "100m", memory: "500Mi" }, limits: { cpu: "100m", memory: "500Mi" } } }] },
});

const say = (s: string) => process.stderr.write(`  ${s}\n`);

const roleOpts: Pick<StartRole, "nodeArgs" | "env" | "repo"> = { nodeArgs: ROLE_NODE_ARGS, env: ROLE_ENV, ...(REPO ? { repo: REPO } : {}) };

async function variant(name: "scheduled" | "api-only"): Promise<Reading[]> {
  const dir = mkdtempSync(join(tmpdir(), "berth-bench-mem-"));
  const roles: Role[] = [];
  const readings: Reading[] = [];
  let c: JsonClient | undefined;
  let w: { stop(): void } | undefined;
  try {
    say(`${name}: role logs in ${LOG_DIR}, heap probe answers and snapshots in ${PROBE_DIR}`);
    const t0 = performance.now();
    const api = await startRole({ name: "apiserver", logFile: join(LOG_DIR, `${name}-apiserver.log`), args: roleArgs.apiserver(dir), ...roleOpts, ready: READY.apiserver });
    roles.push(api);
    c = new JsonClient(api.url, CONCURRENCY);
    await c.ok("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
    let bound = 0;
    let running = 0;
    if (name === "scheduled") {
      const master = await startRole({ name: "master", logFile: join(LOG_DIR, `${name}-master.log`), args: roleArgs.master(), ...roleOpts, ready: READY.master });
      roles.push(master);
      const agents = await startRole({ name: "sim-agents", logFile: join(LOG_DIR, `${name}-sim-agents.log`), args: roleArgs.simAgents(master.url, AGENTS), ...roleOpts });
      roles.push(agents);
      await agents.waitFor(READY.simAgents, 300_000);
      const fw = await startRole({ name: "kube-framework", logFile: join(LOG_DIR, `${name}-kube-framework.log`), args: roleArgs.kubeFramework(api.url, master.url), ...roleOpts, ready: READY.kubeFramework });
      roles.push(fw);
      const nodesUp = await until(async () => {
        const l = JSON.parse(await c!.ok("GET", "/api/v1/nodes?limit=1")) as { items: unknown[]; metadata: { remainingItemCount?: number } };
        return l.items.length + (l.metadata.remainingItemCount ?? 0) >= AGENTS;
      }, Date.now() + 300_000, 1000);
      if (!nodesUp) throw new Error(`not all ${AGENTS} Nodes appeared within 300 s`);
      say(`${name}: ${AGENTS} agents registered and Nodes written in ${round((performance.now() - t0) / 1000, 1)} s`);
      // Bound and Running pods, counted from a watch in this process.
      const isBound = new Uint8Array(CHECKPOINTS.at(-1)!);
      const isRunning = new Uint8Array(CHECKPOINTS.at(-1)!);
      w = c.watch(`/api/v1/namespaces/${NS}/pods?watch=1&allowWatchBookmarks=false`, (ev) => {
        const o = ev.object as { metadata?: { name?: string }; spec?: { nodeName?: string }; status?: { phase?: string } };
        const i = Number(o.metadata?.name?.slice(4));
        if (!(i >= 0 && i < isBound.length)) return;
        if (o.spec?.nodeName && !isBound[i]) {
          isBound[i] = 1;
          bound++;
        }
        if (o.status?.phase === "Running" && !isRunning[i]) {
          isRunning[i] = 1;
          running++;
        }
      });
    } else {
      say(`${name}: API server up in ${round((performance.now() - t0) / 1000, 1)} s`);
    }
    let created = 0;
    let next = 0;
    let start = 0;
    for (const checkpoint of CHECKPOINTS) {
      const deadline = Date.now() + PHASE_S * 1000;
      if (checkpoint > 0 && !start) start = performance.now();
      const progress = setInterval(() => say(`${name}: ${created} created, ${bound} bound, ${running} Running (checkpoint ${checkpoint})`), 30_000);
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < checkpoint && Date.now() < deadline; i = next++) {
            await c!.ok("POST", `/api/v1/namespaces/${NS}/pods`, pod(i));
            created++;
          }
        }),
      );
      next = Math.min(next, created);
      const allCreated = created >= checkpoint;
      const reached = allCreated && (name === "api-only" || (await until(() => bound >= created && running >= created, deadline, 500)));
      clearInterval(progress);
      const seconds = start ? round((performance.now() - start) / 1000, 1) : 0;
      say(`${name}: checkpoint ${checkpoint}: ${created} created, ${bound} bound, ${running} Running after ${seconds} s${reached ? "" : " (deadline passed)"}; settling ${SETTLE_S} s`);
      await sleep(SETTLE_S * 1000);
      const mem: Record<string, ProcMem> = {};
      for (const r of roles) mem[r.name] = procMem(r.pid);
      const heap: Record<string, HeapMem | undefined> = {};
      for (const r of roles) {
        const h = await probeHeap(r, PROBE_DIR, { snapshot: SNAPSHOT_AT === checkpoint });
        const profile = h?.profile && join(PROBE_DIR, `${name}-${r.name}-${checkpoint}.heapprofile`);
        if (profile) renameSync(h.profile!, profile);
        heap[r.name] = h && { ...h, ...(profile ? { profile } : {}) };
      }
      const totalRssMiB = Object.values(mem).reduce((a, m) => a + m.rssMiB, 0);
      const totalHwmMiB = Object.values(mem).reduce((a, m) => a + m.hwmMiB, 0);
      const totalHeapUsedMiB = Object.values(heap).reduce((a, m) => a + (m?.heapUsedMiB ?? NaN), 0);
      readings.push({ variant: name, checkpoint, created, bound, running, reached, seconds, roles: mem, heap, totalRssMiB, totalHwmMiB, totalHeapUsedMiB });
      say(`${name}: RSS ${Object.entries(mem).map(([k, m]) => `${k} ${m.rssMiB} MiB (peak ${m.hwmMiB})`).join(", ")}; total ${totalRssMiB} MiB`);
      say(`${name}: after GC, heap used (committed, RSS) ${Object.entries(heap).map(([k, m]) => `${k} ${m ? `${m.heapUsedMiB} MiB (${m.heapTotalMiB}, ${m.rssMiB})${m.snapshot ? ` snapshot ${m.snapshot}` : ""}` : "no answer"}`).join(", ")}; total ${totalHeapUsedMiB} MiB`);
      // Pods created but not all bound by the deadline: the next checkpoint still adds pods
      // (the roles' memory with that many pods, most Pending); creation cut short stops here.
      if (!allCreated) break;
    }
  } finally {
    w?.stop();
    c?.close();
    for (const r of [...roles].reverse()) await r.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return readings;
}

function markdown(meta: Record<string, unknown>, rows: readonly Reading[]): string {
  const cell = (r: Reading, role: string) => (r.roles[role] ? `${r.roles[role].rssMiB} (${r.roles[role].hwmMiB})` : "-");
  const mapsCell = (r: Reading, role: string) => {
    const m = r.heap[role]?.maps;
    return m ? `${m.v8Pages} / ${m.mallocHeap} / ${m.otherAnon} / ${m.files}` : "-";
  };
  const heapCell = (r: Reading, role: string) => {
    const h = r.heap[role];
    return !(role in r.heap) ? "-" : h ? `${h.heapUsedMiB} / ${h.heapTotalMiB} / ${h.rssMiB}` : "?";
  };
  return [
    `# Memory per role (${meta.date})`,
    "",
    `commit ${meta.commit}${REPO ? ` (roles from ${REPO})` : ""}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}; ${AGENTS} simulated agents; roles as separate processes (${NODE_ARGS.join(" ")}${Object.keys(EXTRA_ENV).length ? `; env ${Object.entries(EXTRA_ENV).map(([k, v]) => `${k}=${v}`).join(" ")}` : ""}); ${SETTLE_S} s settle before each reading; phase deadline ${PHASE_S} s.`,
    "RSS in MiB, now (peak so far: VmHWM). scheduled: apiserver (embedded store) + master + sim-agents + kube-framework, pods bound and Running at each checkpoint; api-only: the API server alone, pods Pending. The 0-pod rows are the same-run baseline.",
    `Target: total RSS <= ${TARGET_MIB} MiB at 5,000 nodes / 150,000 pods.`,
    "",
    "| variant | checkpoint | created | bound | Running | reached | s | apiserver | master | kube-framework | sim-agents | total RSS | total peak | vs 4 GiB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.variant} | ${r.checkpoint} | ${r.created} | ${r.bound} | ${r.running} | ${r.reached ? "yes" : "no"} | ${r.seconds} | ${cell(r, "apiserver")} | ${cell(r, "master")} | ${cell(r, "kube-framework")} | ${cell(r, "sim-agents")} | ${r.totalRssMiB} | ${r.totalHwmMiB} | ${round((r.totalRssMiB / TARGET_MIB) * 100, 0)}% |`,
    ),
    "",
    "After a full GC (heap probe, right after the reading above), MiB: V8 heap used / heap committed (heapTotal) / RSS.",
    "",
    "| variant | checkpoint | apiserver | master | kube-framework | sim-agents | total heap used |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.variant} | ${r.checkpoint} | ${heapCell(r, "apiserver")} | ${heapCell(r, "master")} | ${heapCell(r, "kube-framework")} | ${heapCell(r, "sim-agents")} | ${r.totalHeapUsedMiB} |`,
    ),
    "",
    "RSS after that GC by kind of mapping, MiB: V8 heap pages (256 KiB mappings, in use or pooled) / malloc main arena / other anonymous (thread arenas, large objects, stacks) / files.",
    "",
    "| variant | checkpoint | apiserver | master | kube-framework | sim-agents |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.variant} | ${r.checkpoint} | ${["apiserver", "master", "kube-framework", "sim-agents"].map((k) => mapsCell(r, k)).join(" | ")} |`),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const meta = { ...runMeta(), ...(REPO ? { rolesFrom: REPO } : {}), ...(Object.keys(EXTRA_ENV).length ? { roleEnv: EXTRA_ENV } : {}), quick, agents: AGENTS, checkpoints: CHECKPOINTS, settleSeconds: SETTLE_S, phaseSeconds: PHASE_S, nodeArgs: NODE_ARGS };
  const only = values.only?.split(",");
  const rows: Reading[] = [];
  for (const v of ["scheduled", "api-only"] as const) {
    if (only && !only.includes(v)) continue;
    try {
      rows.push(...(await variant(v)));
    } catch (e) {
      say(`${v} failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  }
  writeResults("memory", meta, rows, markdown(meta, rows));
  process.exit(process.exitCode ?? 0);
}

main().catch((e: unknown) => {
  process.stderr.write(`memory: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
