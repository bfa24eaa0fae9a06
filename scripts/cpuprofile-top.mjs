#!/usr/bin/env node
/**
 * Top functions of a V8 .cpuprofile (node --cpu-prof) by self time, and by total time
 * (self plus callees), with their share of the samples:
 *   node scripts/cpuprofile-top.mjs FILE.cpuprofile [N] [--from S] [--to S]
 * --from / --to: only the samples taken in that window, in seconds from the profile's start
 * (e.g. the late part of a long run). --series S: first a line per S seconds with the
 * shares of (idle), (garbage collector) and the rest, to see how a long run changes.
 * --long MS: the longest stretches (at least MS ms) in which the samples stay under one entry
 * frame (the root's child: processTimers, processImmediate, an I/O callback...), GC samples
 * included and an idle sample ending one: roughly the tasks that held the event loop that long,
 * each with where its samples were.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

// Piped into head: stop quietly when the reader has gone.
process.stdout.on("error", (e) => (e.code === "EPIPE" ? process.exit(0) : Promise.reject(e)));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: "string" }, to: { type: "string" }, series: { type: "string" }, long: { type: "string" } } });
const [file, nArg] = positionals;
if (!file) {
  process.stderr.write("usage: cpuprofile-top.mjs FILE.cpuprofile [N] [--from S] [--to S]\n");
  process.exit(2);
}
const n = Number(nArg ?? 25);
const from = Number(values.from ?? 0) * 1e6;
const to = values.to === undefined ? Infinity : Number(values.to) * 1e6;
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const hits = new Map();
// timeDeltas[i]: microseconds between sample i-1 (or startTime) and sample i.
let at = 0;
let total = 0;
prof.samples.forEach((s, i) => {
  at += prof.timeDeltas?.[i] ?? 0;
  if (at < from || at >= to) return;
  hits.set(s, (hits.get(s) ?? 0) + 1);
  total++;
});
const span = `${(Math.min(at, to) - from) / 1e6} s`;
if (values.series) {
  // Per bucket: samples, and how many of them were idle or GC (the root's children by name).
  const bucketUs = Number(values.series) * 1e6;
  const rows = new Map();
  let t = 0;
  prof.samples.forEach((s, i) => {
    t += prof.timeDeltas?.[i] ?? 0;
    const b = Math.floor(t / bucketUs);
    const row = rows.get(b) ?? { all: 0, idle: 0, gc: 0 };
    const fn = byId.get(s).callFrame.functionName;
    row.all++;
    if (fn === "(idle)") row.idle++;
    else if (fn === "(garbage collector)") row.gc++;
    rows.set(b, row);
  });
  const share = (x, all) => `${((100 * x) / all).toFixed(0).padStart(3)}%`;
  process.stdout.write(`per ${values.series} s: from, samples, idle, GC, the rest (JS, natives, program)\n`);
  for (const [b, r] of [...rows].sort((x, y) => x[0] - y[0])) {
    process.stdout.write(`${String(b * Number(values.series)).padStart(6)} s ${String(r.all).padStart(7)} ${share(r.idle, r.all)} ${share(r.gc, r.all)} ${share(r.all - r.idle - r.gc, r.all)}\n`);
  }
  process.stdout.write("\n");
}
const name = (x) => {
  const f = x.callFrame;
  const url = f.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/");
  return `${f.functionName || "(anonymous)"} ${url ? `${url}:${f.lineNumber + 1}` : ""}`.trim();
};
if (values.long) {
  const rootId = prof.nodes[0].id;
  const entryOf = new Map();
  const entry = (id) => {
    let e = entryOf.get(id);
    if (e !== undefined) return e;
    let cur = id;
    while (parent.get(cur) !== undefined && parent.get(cur) !== rootId) cur = parent.get(cur);
    entryOf.set(id, cur);
    return cur;
  };
  const runs = [];
  let run;
  let t = 0;
  prof.samples.forEach((s, i) => {
    const dt = prof.timeDeltas?.[i] ?? 0;
    t += dt;
    if (t < from || t >= to) return;
    const fn = byId.get(s).callFrame.functionName;
    if (fn === "(idle)") {
      run = undefined;
      return;
    }
    const isGc = fn === "(garbage collector)" || fn === "(program)";
    const e = isGc ? run?.entry : entry(s);
    if (!run || (e !== run.entry && !isGc)) runs.push((run = { entry: e, start: t, end: t, gc: 0, samples: [] }));
    run.end = t;
    if (fn === "(garbage collector)") run.gc += dt;
    run.samples.push(s);
  });
  const longest = runs.filter((r) => r.end - r.start >= Number(values.long) * 1000).sort((a, b) => b.end - b.start - (a.end - a.start));
  process.stdout.write(`${longest.length} stretches of ${values.long} ms or more under one entry frame (longest first, at most 15):\n`);
  for (const r of longest.slice(0, 15)) {
    const tot = new Map();
    for (const s of r.samples) {
      const seen = new Set();
      for (let cur = s; cur !== undefined && cur !== rootId; cur = parent.get(cur)) {
        const k = name(byId.get(cur));
        if (seen.has(k) || k.includes("node:internal") || k.startsWith("(")) continue;
        seen.add(k);
        tot.set(k, (tot.get(k) ?? 0) + 1);
      }
    }
    const top3 = [...tot].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, h]) => `${k} ${((100 * h) / r.samples.length).toFixed(0)}%`);
    process.stdout.write(`  at ${(r.start / 1e6).toFixed(1)} s: ${((r.end - r.start) / 1000).toFixed(0)} ms (GC ${(r.gc / 1000).toFixed(0)} ms) under ${name(byId.get(r.entry) ?? byId.get(rootId))}: ${top3.join("; ")}\n`);
  }
  process.stdout.write("\n");
}
const self = new Map();
const incl = new Map();
for (const [id, h] of hits) {
  const k = name(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + h);
  // Inclusive: each distinct function on the stack once per sample.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = name(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    incl.set(kk, (incl.get(kk) ?? 0) + h);
  }
}
const pct = (h) => ((100 * h) / total).toFixed(1).padStart(5) + "%";
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
process.stdout.write(`${total} samples in ${span}${values.from || values.to ? ` (from ${values.from ?? 0} s to ${values.to ?? "the end"})` : ""}\n\nself time:\n`);
for (const [k, h] of top(self)) process.stdout.write(`${pct(h)}  ${k}\n`);
process.stdout.write(`\ntotal time (self + callees):\n`);
for (const [k, h] of top(incl)) process.stdout.write(`${pct(h)}  ${k}\n`);
