/**
 * API benchmark (run by `npm run bench`): latency and throughput at a fixed concurrency —
 * create, get, list (all and paged) and watch delivery — for berth on its embedded store,
 * side by side with berth on the memory store and a bare reference server measured in the
 * same run (these machines are shared and noisy, so only same-run comparisons mean much).
 * Results: bench/results/api-<time>.json and .md, plus api-latest.{json,md}.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { JsonClient } from "./lib/http.js";
import { closedLoop, type LoadResult } from "./lib/load.js";
import { summarize, round, type LatencySummary } from "./lib/stats.js";
import { startTarget, TARGETS, type Target } from "./lib/targets.js";
import { REPO_ROOT, runMeta } from "./lib/run-meta.js";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, concurrency: { type: "string", default: "16" } } });
const N = values.quick ? 1000 : 5000;
const LISTS = values.quick ? 10 : 30;
const WATCHED = values.quick ? 500 : 2000;
const C = Number(values.concurrency);
const NS = "bench";
const CM = `/api/v1/namespaces/${NS}/configmaps`;

interface TargetResult {
  readonly target: string;
  readonly create: LoadResult;
  readonly get: LoadResult;
  readonly listAll: LoadResult;
  readonly listLimit500: LoadResult;
  readonly watchDelivery: { readonly events: number; readonly latencyMs: LatencySummary };
}

const configMap = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, labels: { bench: "yes", shard: String(name.length % 4) } }, data: { payload: "x".repeat(256) } });

function progress(what: string) {
  return (done: number) => process.stderr.write(`    ${what}: ${done}/${N}${done === N ? "\n" : "\r"}`);
}

async function measure(t: Target): Promise<TargetResult> {
  const c = new JsonClient(t.url, C);
  process.stderr.write(`  ${t.name} at ${t.url}\n`);
  await c.send("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  const create = await closedLoop(N, C, (i) => c.ok("POST", CM, configMap(`cm-${i}`)).then(() => undefined), progress("create"));
  const get = await closedLoop(N, C, (i) => c.ok("GET", `${CM}/cm-${(i * 7919) % N}`).then(() => undefined), progress("get"));
  const listAll = await closedLoop(LISTS, 2, () => c.ok("GET", CM).then(() => undefined));
  const listLimit500 = await closedLoop(LISTS, 2, () => c.ok("GET", `${CM}?limit=500`).then(() => undefined));

  // Watch delivery: time from sending a write to seeing its event on an open watch.
  const sent = new Map<string, number>();
  const delivered: number[] = [];
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const rv = (JSON.parse(await c.ok("GET", `${CM}?limit=1`)) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  const w = c.watch(`${CM}?watch=1&resourceVersion=${rv}`, (ev) => {
    const name = ev.object.metadata?.name ?? "";
    const at = sent.get(name);
    if (at !== undefined && ev.type === "ADDED") {
      delivered.push(performance.now() - at);
      if (delivered.length === WATCHED) done();
    }
  });
  await w.ready;
  await closedLoop(WATCHED, C, (i) => {
    const name = `w-${i}`;
    sent.set(name, performance.now());
    return c.ok("POST", CM, configMap(name)).then(() => undefined);
  });
  await Promise.race([all, new Promise((r) => setTimeout(r, 30_000))]);
  w.stop();
  c.close();
  return { target: t.name, create, get, listAll, listLimit500, watchDelivery: { events: delivered.length, latencyMs: summarize(delivered) } };
}

function markdown(meta: Record<string, unknown>, results: readonly TargetResult[]): string {
  const rows: string[] = [];
  const line = (op: string, r: TargetResult, l: LoadResult | TargetResult["watchDelivery"]) => {
    const rate = "opsPerSecond" in l ? String(l.opsPerSecond) : "-";
    rows.push(`| ${op} | ${r.target} | ${l.latencyMs.count} | ${rate} | ${l.latencyMs.p50} | ${l.latencyMs.p90} | ${l.latencyMs.p99} |`);
  };
  for (const op of ["create", "get", "listAll", "listLimit500", "watchDelivery"] as const) for (const r of results) line(op, r, r[op]);
  return [
    `# API benchmark (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}, concurrency ${meta.concurrency}, ${meta.objects} ConfigMaps of ~0.5 KiB${meta.quick ? " (quick)" : ""}.`,
    "The reference row is a bare node:http server over a Map, measured in the same run as the floor.",
    "",
    "| operation | target | samples | ops/s | p50 ms | p90 ms | p99 ms |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

async function main() {
  const root = REPO_ROOT;
  const meta = { ...runMeta(), concurrency: C, objects: N, quick: values.quick };
  const results: TargetResult[] = [];
  for (const key of ["embedded", "memory", "reference"]) {
    process.stderr.write(`bench: ${TARGETS[key]!.name}\n`);
    const t = await startTarget(TARGETS[key]!);
    try {
      results.push(await measure(t));
    } finally {
      await t.stop();
    }
  }
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = meta.date.replace(/[:.]/g, "-");
  const json = JSON.stringify({ meta, results }, null, 2) + "\n";
  const md = markdown(meta, results);
  for (const name of [`api-${stamp}`, "api-latest"]) {
    writeFileSync(join(dir, `${name}.json`), json);
    writeFileSync(join(dir, `${name}.md`), md);
  }
  process.stdout.write(md);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
