/**
 * API benchmark (issue 7, run by `npm run bench`): berth's API server with 150,000 Pods
 * (15,000 with --quick) — create (closed loop), get, LIST of all pods (JSON as kubectl -o json
 * asks, and the Table kubectl get asks for), LIST with limit=500 (first page and the whole
 * walk with continue), LIST with a label selector, and watch delivery while pods are
 * created open-loop at 1,000 writes/s with 1 and 10 watchers.
 *
 * Targets, each measured in the same run (the machines are shared and noisy, so only
 * same-run comparisons mean much): `berth apiserver` on the memory store, on the embedded
 * store (fsync), and a bare node:http server over a Map (bench/reference-server.ts) as the
 * floor. The API server runs alone (no master, agents, framework or controllers): pods stay
 * Pending, and no other client watches them.
 *
 * Results: bench/results/api-<time>.json and .md, plus api-latest.{json,md}.
 */
import { parseArgs } from "node:util";
import { JsonClient } from "./lib/http.js";
import { closedLoopUntil, openLoop, type LoadResult } from "./lib/load.js";
import { summarize, round, type LatencySummary } from "./lib/stats.js";
import { startTarget, TARGETS, type Target, type TargetSpec } from "./lib/targets.js";
import { cpuSeconds, rssMiB } from "./lib/proc.js";
import { runMeta, writeResults } from "./lib/run-meta.js";
import { benchPod, benchPodName, BENCH_NAMESPACE } from "./lib/pods.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    pods: { type: "string" },
    concurrency: { type: "string", default: "16" },
    targets: { type: "string", default: "memory,embedded,reference" },
    "http-creates": { type: "string" },
    rate: { type: "string", default: "1000" },
    "watch-seconds": { type: "string" },
    watchers: { type: "string", default: "1,10" },
    "timeout-seconds": { type: "string" },
    "profile-dir": { type: "string" },
    tag: { type: "string" },
  },
});
const QUICK = values.quick;
const N = Number(values.pods ?? (QUICK ? 15_000 : 150_000));
const C = Number(values.concurrency);
/** Pods created through HTTP (the measured creates); the rest are in the store when the server starts. */
const M = Math.min(N, Number(values["http-creates"] ?? (QUICK ? 3_000 : 10_000)));
const RATE = Number(values.rate);
const WATCH_SECONDS = Number(values["watch-seconds"] ?? 10);
const WATCHERS = values.watchers.split(",").map(Number).filter((n) => n > 0);
/** Bound of the create phase; every other phase has its own, smaller one. */
const CREATE_SECONDS = Number(values["timeout-seconds"] ?? (QUICK ? 180 : 600));
const GETS = QUICK ? 5_000 : 10_000;
const NS = BENCH_NAMESPACE;
const PODS = `/api/v1/namespaces/${NS}/pods`;
/** What kubectl get sends (as=Table, falling back to JSON). */
const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

const pod = benchPod;
const podName = benchPodName;

interface Sampled {
  readonly latencyMs: LatencySummary;
  readonly samples: number;
  readonly bytes?: number;
  readonly seconds: number;
}

interface Walk {
  readonly walks: number;
  /** Whole walk (first page to last), per walk. */
  readonly walkMs: LatencySummary;
  readonly pagesPerWalk: number;
  readonly itemsPerWalk: number;
  readonly bytesPerWalk: number;
  readonly pageMs: LatencySummary;
}

interface WatchRow {
  readonly watchers: number;
  readonly writes: LoadResult & { readonly late: number; readonly targetRate: number };
  /** Write (when it was due) -> event seen, over every watcher. */
  readonly deliveryMs: LatencySummary;
  readonly delivered: number;
  readonly expected: number;
  readonly serverCpuSeconds: number;
}

interface TargetResult {
  readonly target: string;
  readonly key: string;
  readonly pods: number;
  readonly create: LoadResult & { readonly stoppedAtDeadline: boolean; readonly serverCpuMsPerOp: number };
  readonly get: LoadResult;
  readonly listAll?: Sampled & { readonly serverCpuMsPerOp: number };
  readonly listAllTable?: Sampled & { readonly serverCpuMsPerOp: number };
  readonly listLimit500First?: Sampled;
  readonly listLimit500Walk?: Walk;
  readonly listTableWalk?: Walk;
  readonly listSelector?: Sampled & { readonly items: number };
  readonly watch: WatchRow[];
  readonly rssMiB: { readonly afterCreate: number; readonly peak: number };
  readonly notes: string[];
}

const log = (s: string) => process.stderr.write(s);

/** Run `op` repeatedly, one at a time, until `count` samples or `seconds` have passed (at least one). */
async function serial(count: number, seconds: number, op: () => Promise<number | undefined>): Promise<Sampled> {
  const lat: number[] = [];
  let bytes: number | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (lat.length < count && (lat.length === 0 || performance.now() < deadline)) {
    const t = performance.now();
    const b = await op();
    lat.push(performance.now() - t);
    if (b !== undefined) bytes = b;
  }
  return { latencyMs: summarize(lat), samples: lat.length, seconds: round((performance.now() - started) / 1000, 2), ...(bytes !== undefined ? { bytes } : {}) };
}

async function walk(c: JsonClient, accept: string, walks: number, seconds: number, what: string): Promise<Walk> {
  const whole: number[] = [];
  const pages: number[] = [];
  let pageCount = 0;
  let items = 0;
  let bytes = 0;
  const deadline = performance.now() + seconds * 1000;
  for (let w = 0; w < walks && (w === 0 || performance.now() < deadline); w++) {
    const t0 = performance.now();
    let cont = "";
    pageCount = items = bytes = 0;
    do {
      const t = performance.now();
      const r = await c.fetch("GET", `${PODS}?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`, { accept, keep: true });
      pages.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`list page: ${r.status} ${r.text.slice(0, 200)}`);
      const body = JSON.parse(r.text) as { metadata: { continue?: string }; items?: unknown[]; rows?: unknown[] };
      cont = body.metadata.continue ?? "";
      pageCount++;
      items += (body.items ?? body.rows ?? []).length;
      bytes += r.bytes;
      if (pageCount % 50 === 0) log(`    ${what}: ${items} items\r`);
    } while (cont && performance.now() < deadline + 60_000);
    whole.push(performance.now() - t0);
  }
  log(`    ${what}: ${items} items in ${pageCount} pages\n`);
  return { walks: whole.length, walkMs: summarize(whole), pagesPerWalk: pageCount, itemsPerWalk: items, bytesPerWalk: bytes, pageMs: summarize(pages) };
}

async function watchPhase(c: JsonClient, t: Target, watchers: number, tag: string): Promise<WatchRow> {
  const total = Math.round(RATE * WATCH_SECONDS);
  const dueAt = new Float64Array(total);
  const delivery: number[] = [];
  const prefix = `w${tag}-`;
  const nameRe = new RegExp(`"name":"${prefix}(\\d+)"`);
  let expectedDone!: () => void;
  const allSeen = new Promise<void>((r) => (expectedDone = r));
  const rv = (JSON.parse((await c.fetch("GET", `${PODS}?limit=1`, { keep: true })).text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  const ws = Array.from({ length: watchers }, () =>
    c.watchLines(`${PODS}?watch=1&resourceVersion=${rv}`, (line) => {
      const m = nameRe.exec(line);
      if (!m || !line.startsWith('{"type":"ADDED"')) return;
      delivery.push(performance.now() - dueAt[Number(m[1])]!);
      if (delivery.length === total * watchers) expectedDone();
    }),
  );
  await Promise.all(ws.map((w) => w.ready));
  // Bodies serialized ahead, so the generator's own cost per write is small.
  const bodies = Array.from({ length: total }, (_, i) => Buffer.from(JSON.stringify(pod(`${prefix}${i}`, i))));
  const cpu0 = cpuSeconds(t.pid);
  log(`    watch, ${watchers} watcher(s): ${total} creates at ${RATE}/s\n`);
  const writes = await openLoop(RATE, WATCH_SECONDS, async (i, due) => {
    dueAt[i] = due;
    const r = await c.fetch("POST", PODS, { body: bodies[i]! });
    if (r.status !== 201) throw new Error(`create: ${r.status} ${r.text.slice(0, 200)}`);
  });
  await Promise.race([allSeen, new Promise((r) => setTimeout(r, 15_000))]);
  const serverCpuSeconds = round(cpuSeconds(t.pid) - cpu0, 2);
  for (const w of ws) w.stop();
  log(`    watch, ${watchers} watcher(s): mutating p99 ${writes.latencyMs.p99} ms, delivery p99 ${summarize(delivery).p99} ms, ${delivery.length}/${writes.ops * watchers} events\n`);
  return { watchers, writes, deliveryMs: summarize(delivery), delivered: delivery.length, expected: writes.ops * watchers, serverCpuSeconds };
}

/** The servers under test, each holding pods M..N-1 before the measured creates. */
const SPECS: Record<string, TargetSpec> = {
  memory: { name: "berth apiserver, memory store", script: "dist/bench/api-seeded-server.js", args: ["--store", "memory", "--from", String(M), "--to", String(N)], dataDir: true, startTimeoutMs: 900_000 },
  embedded: { name: "berth apiserver, embedded store (fsync)", script: "dist/bench/api-seeded-server.js", args: ["--store", "embedded", "--from", String(M), "--to", String(N)], dataDir: true, startTimeoutMs: 900_000 },
  reference: { ...TARGETS.reference!, args: ["--from", String(M), "--to", String(N)] },
};

async function measure(key: string, t: Target): Promise<TargetResult> {
  // Enough sockets for the open loop at 1,000/s when the server stalls for a while.
  const c = new JsonClient(t.url, 512);
  const notes: string[] = [];
  const isReference = key === "reference";
  log(`  ${t.name} at ${t.url} (pid ${t.pid})\n`);
  const ns = await c.send("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  if (ns.status !== 201 && ns.status !== 409) throw new Error(`namespace: ${ns.status} ${ns.text}`);

  // create: closed loop at C, bounded in time.
  const started = performance.now();
  let cpu0 = cpuSeconds(t.pid);
  const create0 = await closedLoopUntil(
    M,
    C,
    started + CREATE_SECONDS * 1000,
    async (i) => {
      const r = await c.fetch("POST", PODS, { body: Buffer.from(JSON.stringify(pod(podName(i), i))) });
      if (r.status !== 201) throw new Error(`create: ${r.status} ${r.text.slice(0, 200)}`);
    },
    (done) => log(`    create: ${done}/${M} (${round(done / ((performance.now() - started) / 1000), 0)}/s, server RSS ${rssMiB(t.pid).rss} MiB)\n`),
  );
  const create = { ...create0, serverCpuMsPerOp: round(((cpuSeconds(t.pid) - cpu0) * 1000) / Math.max(1, create0.ops), 3) };
  const pods = N - M + create.ops;
  log(`    create: ${create.ops} pods, ${create.opsPerSecond}/s, p50 ${create.latencyMs.p50} ms, p99 ${create.latencyMs.p99} ms${create.stoppedAtDeadline ? " (stopped at the deadline)" : ""}\n`);
  if (create.stoppedAtDeadline) notes.push(`create stopped at the ${CREATE_SECONDS} s deadline after ${create.ops} of ${M} pods; the other phases ran on ${pods}`);
  const afterCreate = rssMiB(t.pid).rss;

  const get = await closedLoopUntil(GETS, C, performance.now() + 60_000, async (i) => {
    const k = (i * 7919) % pods;
    const r = await c.fetch("GET", `${PODS}/${podName(k < create.ops ? k : M + (k - create.ops))}`);
    if (r.status !== 200) throw new Error(`get: ${r.status}`);
  });
  log(`    get: p50 ${get.latencyMs.p50} ms, p99 ${get.latencyMs.p99} ms\n`);

  // LIST of everything: a few samples (each is hundreds of MB at full scale), bounded in time.
  const listOnce = (accept: string) => async () => {
    const r = await c.fetch("GET", PODS, { accept });
    if (r.status !== 200) throw new Error(`list: ${r.status} ${r.text.slice(0, 300)}`);
    return r.bytes;
  };
  const fullLists = QUICK ? 10 : 3;
  cpu0 = cpuSeconds(t.pid);
  const all = await serial(fullLists, QUICK ? 30 : 90, listOnce("application/json"));
  const listAll = { ...all, serverCpuMsPerOp: round(((cpuSeconds(t.pid) - cpu0) * 1000) / all.samples, 1) };
  log(`    list all (JSON): p50 ${listAll.latencyMs.p50} ms, p99 ${listAll.latencyMs.p99} ms, ${round((listAll.bytes ?? 0) / 2 ** 20, 1)} MiB\n`);
  // One full decode, to check the count (quick runs only: a full-scale body is too big for the generator to parse cheaply).
  if (QUICK) {
    const r = await c.fetch("GET", PODS, { keep: true });
    const n = (JSON.parse(r.text) as { items: unknown[] }).items.length;
    if (n !== pods) notes.push(`LIST returned ${n} items, ${pods} were created`);
  }
  let listAllTable: TargetResult["listAllTable"];
  let listTableWalk: Walk | undefined;
  if (!isReference) {
    cpu0 = cpuSeconds(t.pid);
    const tab = await serial(fullLists, QUICK ? 30 : 90, listOnce(TABLE));
    listAllTable = { ...tab, serverCpuMsPerOp: round(((cpuSeconds(t.pid) - cpu0) * 1000) / tab.samples, 1) };
    log(`    list all (Table): p50 ${listAllTable.latencyMs.p50} ms, p99 ${listAllTable.latencyMs.p99} ms, ${round((listAllTable.bytes ?? 0) / 2 ** 20, 1)} MiB\n`);
  }
  const listLimit500First = await serial(50, 30, async () => {
    const r = await c.fetch("GET", `${PODS}?limit=500`);
    if (r.status !== 200) throw new Error(`list: ${r.status}`);
    return r.bytes;
  });
  log(`    list limit=500 first page: p50 ${listLimit500First.latencyMs.p50} ms, p99 ${listLimit500First.latencyMs.p99} ms\n`);
  const listLimit500Walk = await walk(c, "application/json", QUICK ? 3 : 1, QUICK ? 60 : 120, "list limit=500 walk (JSON)");
  if (!isReference) listTableWalk = await walk(c, TABLE, QUICK ? 3 : 1, QUICK ? 60 : 120, "list limit=500 walk (Table, as kubectl get pods)");
  let selItems = 0;
  const sel = await serial(QUICK ? 20 : 10, 60, async () => {
    const r = await c.fetch("GET", `${PODS}?labelSelector=${encodeURIComponent("app=bench,shard=7")}`, { keep: true });
    if (r.status !== 200) throw new Error(`list: ${r.status}`);
    selItems = (JSON.parse(r.text) as { items: unknown[] }).items.length;
    return r.bytes;
  });
  const listSelector = { ...sel, items: selItems };
  log(`    list labelSelector shard=7 (${selItems} items): p50 ${listSelector.latencyMs.p50} ms, p99 ${listSelector.latencyMs.p99} ms\n`);

  const watch: WatchRow[] = [];
  for (const w of WATCHERS) watch.push(await watchPhase(c, t, w, String(w)));
  const peak = rssMiB(t.pid).peak;
  c.close();
  return { target: t.name, key, pods, create, get, listAll, ...(listAllTable ? { listAllTable } : {}), listLimit500First, listLimit500Walk, ...(listTableWalk ? { listTableWalk } : {}), listSelector, watch, rssMiB: { afterCreate, peak }, notes };
}

const MiB = (b: number | undefined) => (b === undefined ? "-" : `${round(b / 2 ** 20, 1)} MiB`);

function markdown(meta: Record<string, unknown>, results: readonly TargetResult[]): string {
  const rows: string[] = [];
  const row = (op: string, r: TargetResult, samples: number | string, rate: number | string, l: LatencySummary, extra: string) =>
    rows.push(`| ${op} | ${r.key} | ${samples} | ${rate} | ${l.p50} | ${l.p99} | ${l.max} | ${extra} |`);
  for (const r of results) {
    row(`create (closed loop, ${meta.concurrency} at a time)`, r, r.create.ops, r.create.opsPerSecond, r.create.latencyMs, `server CPU ${r.create.serverCpuMsPerOp} ms/pod${r.create.stoppedAtDeadline ? "; stopped at deadline" : ""}`);
  }
  for (const r of results) row("get", r, r.get.ops, r.get.opsPerSecond, r.get.latencyMs, "");
  for (const r of results) if (r.listAll) row(`LIST all ${r.pods} (JSON)`, r, r.listAll.samples, "-", r.listAll.latencyMs, `${MiB(r.listAll.bytes)}; server CPU ${r.listAll.serverCpuMsPerOp} ms`);
  for (const r of results) if (r.listAllTable) row(`LIST all ${r.pods} (Table)`, r, r.listAllTable.samples, "-", r.listAllTable.latencyMs, `${MiB(r.listAllTable.bytes)}; server CPU ${r.listAllTable.serverCpuMsPerOp} ms`);
  for (const r of results) if (r.listLimit500First) row("LIST limit=500, first page (JSON)", r, r.listLimit500First.samples, "-", r.listLimit500First.latencyMs, MiB(r.listLimit500First.bytes));
  for (const r of results) if (r.listLimit500Walk) row("LIST limit=500, whole walk (JSON)", r, r.listLimit500Walk.walks, "-", r.listLimit500Walk.walkMs, `${r.listLimit500Walk.pagesPerWalk} pages, ${r.listLimit500Walk.itemsPerWalk} items, ${MiB(r.listLimit500Walk.bytesPerWalk)}; page p50 ${r.listLimit500Walk.pageMs.p50} / p99 ${r.listLimit500Walk.pageMs.p99} ms`);
  for (const r of results) if (r.listTableWalk) row("LIST limit=500, whole walk (Table: kubectl get pods)", r, r.listTableWalk.walks, "-", r.listTableWalk.walkMs, `${r.listTableWalk.pagesPerWalk} pages, ${r.listTableWalk.itemsPerWalk} rows, ${MiB(r.listTableWalk.bytesPerWalk)}; page p50 ${r.listTableWalk.pageMs.p50} / p99 ${r.listTableWalk.pageMs.p99} ms`);
  for (const r of results) if (r.listSelector) row("LIST labelSelector app=bench,shard=7", r, r.listSelector.samples, "-", r.listSelector.latencyMs, `${r.listSelector.items} items, ${MiB(r.listSelector.bytes)}`);
  for (const r of results)
    for (const w of r.watch) {
      row(`create at ${w.writes.targetRate}/s open loop, ${w.watchers} watcher(s): mutating`, r, w.writes.ops, w.writes.opsPerSecond, w.writes.latencyMs, `${w.writes.errors} errors, ${w.writes.late} sent late; server CPU ${w.serverCpuSeconds} s in ${w.writes.seconds} s`);
      row(`  same: write -> watch event`, r, w.delivered, "-", w.deliveryMs, `${w.delivered}/${w.expected} events`);
    }
  const notes = results.flatMap((r) => r.notes.map((n) => `- ${r.key}: ${n}`));
  return [
    `# API benchmark: ${meta.pods} pods (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}; load average at start ${meta.loadAverage}.`,
    `Pods: scheduler_perf's pod-default (one pause container, 100m / 500Mi requests and limits, a port) with three labels. ${Number(meta.pods) - Number(meta.httpCreates)} pods are written to the store before the server starts (copies of one pod created through the registry); the create row is the ${meta.httpCreates} pods created through HTTP on top of those.`,
    "Targets, all in this run: " + results.map((r) => `\`${r.key}\` = ${r.target}`).join("; ") + ". The API server runs alone: no scheduler, controllers or other watchers.",
    "Latencies in ms; the open-loop rows count from when each write was due. Targets (issue 7): mutating p99 <= 50 ms at 1,000 writes/s; LIST of 150,000 pods <= 2 s.",
    "",
    "| operation | target | samples | ops/s | p50 | p99 | max | notes |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...results.map((r) => `- ${r.key}: server RSS ${r.rssMiB.afterCreate} MiB after creating ${r.pods} pods, peak ${r.rssMiB.peak} MiB`),
    ...notes,
    "",
  ].join("\n");
}

async function main() {
  const { loadavg } = await import("node:os");
  const meta = { ...runMeta(), loadAverage: loadavg().map((x) => round(x, 1)).join(" "), concurrency: C, pods: N, httpCreates: M, rate: RATE, watchSeconds: WATCH_SECONDS, quick: QUICK };
  const results: TargetResult[] = [];
  for (const key of values.targets.split(",")) {
    const spec = SPECS[key];
    if (!spec) throw new Error(`unknown target ${key}; known: ${Object.keys(SPECS).join(", ")}`);
    log(`bench: ${spec.name} (seeding ${N - M} pods)\n`);
    const t0 = performance.now();
    const nodeArgs = values["profile-dir"] && key !== "reference" ? ["--cpu-prof", `--cpu-prof-dir=${values["profile-dir"]}`, `--cpu-prof-name=api-${key}-${Date.now()}.cpuprofile`] : undefined;
    const t = await startTarget(nodeArgs ? { ...spec, nodeArgs } : spec);
    try {
      log(`  up in ${round((performance.now() - t0) / 1000, 1)} s\n`);
      results.push(await measure(key, t));
    } finally {
      await t.stop();
    }
  }
  writeResults("api", meta, results, markdown(meta, results), values.tag);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
