#!/usr/bin/env node
/**
 * Top functions of a V8 .cpuprofile (node --cpu-prof) by self time, and by total time
 * (self plus callees), with their share of the samples:
 *   node scripts/cpuprofile-top.mjs FILE.cpuprofile [N]
 */
import { readFileSync } from "node:fs";

const [file, nArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: cpuprofile-top.mjs FILE.cpuprofile [N]\n");
  process.exit(2);
}
const n = Number(nArg ?? 25);
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const hits = new Map();
for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
const total = prof.samples.length;
const name = (x) => {
  const f = x.callFrame;
  const url = f.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/");
  return `${f.functionName || "(anonymous)"} ${url ? `${url}:${f.lineNumber + 1}` : ""}`.trim();
};
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
process.stdout.write(`${total} samples\n\nself time:\n`);
for (const [k, h] of top(self)) process.stdout.write(`${pct(h)}  ${k}\n`);
process.stdout.write(`\ntotal time (self + callees):\n`);
for (const [k, h] of top(incl)) process.stdout.write(`${pct(h)}  ${k}\n`);
