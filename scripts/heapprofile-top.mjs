#!/usr/bin/env node
/**
 * Top allocation sites of a V8 sampling heap profile (node --heap-prof: a .heapprofile
 * written at exit, whose samples are the sampled objects still live then), by self size
 * (allocated in that function) and by total size (that function and its callees), with
 * their share of the sampled live bytes; then the heaviest allocation stacks:
 *   node scripts/heapprofile-top.mjs FILE.heapprofile [N] [STACK_DEPTH] [--base BASE.heapprofile]
 * With --base, every figure is FILE's minus BASE's (e.g. a role at 5,000 pods minus the same
 * role idle): what grew.
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const bi = args.indexOf("--base");
const baseFile = bi >= 0 ? args.splice(bi, 2)[1] : undefined;
const [file, nArg, depthArg] = args;
if (!file) {
  process.stderr.write("usage: heapprofile-top.mjs FILE.heapprofile [N] [STACK_DEPTH] [--base BASE.heapprofile]\n");
  process.exit(2);
}
const n = Number(nArg ?? 25);
const depth = Number(depthArg ?? 8);
const name = (x) => {
  const f = x.callFrame;
  const url = f.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/");
  return `${f.functionName || "(anonymous)"} ${url ? `${url}:${f.lineNumber + 1}` : ""}`.trim();
};
function summarize(path, sign, acc) {
  const prof = JSON.parse(readFileSync(path, "utf8"));
  const byId = new Map();
  const parent = new Map();
  (function walk(x, p) {
    byId.set(x.id, x);
    if (p !== undefined) parent.set(x.id, p);
    for (const c of x.children ?? []) walk(c, x.id);
  })(prof.head);
  // Bytes per node: the samples (each stands for `size` bytes of one live object).
  const bytes = new Map();
  for (const s of prof.samples ?? []) bytes.set(s.nodeId, (bytes.get(s.nodeId) ?? 0) + s.size);
  // Older profiles have no samples array: selfSize per node.
  if (!prof.samples?.length) for (const x of byId.values()) if (x.selfSize) bytes.set(x.id, x.selfSize);
  const add = (m, k, b) => m.set(k, (m.get(k) ?? 0) + sign * b);
  for (const [id, b] of bytes) {
    acc.total += sign * b;
    add(acc.self, name(byId.get(id)), b);
    const seen = new Set();
    const frames = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = name(byId.get(cur));
      if (frames.length < depth && kk !== "(root)") frames.push(kk);
      if (seen.has(kk)) continue;
      seen.add(kk);
      add(acc.incl, kk, b);
    }
    add(acc.stacks, frames.join("\n      <- "), b);
  }
}
const acc = { total: 0, self: new Map(), incl: new Map(), stacks: new Map() };
summarize(file, 1, acc);
if (baseFile) summarize(baseFile, -1, acc);
const { total, self, incl, stacks } = acc;
const mib = (b) => (b / 2 ** 20).toFixed(1).padStart(7) + " MiB";
const pct = (b) => ((100 * b) / total).toFixed(1).padStart(5) + "%";
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
process.stdout.on("error", () => process.exit(0));
process.stdout.write(`${mib(total)} sampled live${baseFile ? " (minus base)" : ""}\n\nself (allocated here):\n`);
for (const [k, b] of top(self)) process.stdout.write(`${mib(b)} ${pct(b)}  ${k}\n`);
process.stdout.write(`\ntotal (here and callees):\n`);
for (const [k, b] of top(incl)) process.stdout.write(`${mib(b)} ${pct(b)}  ${k}\n`);
process.stdout.write(`\nheaviest stacks (${depth} frames):\n`);
for (const [k, b] of top(stacks)) process.stdout.write(`${mib(b)} ${pct(b)}  ${k}\n`);
