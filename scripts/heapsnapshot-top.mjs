#!/usr/bin/env node
/**
 * What holds the memory in a V8 heap snapshot (.heapsnapshot, e.g. from the memory bench's
 * --snapshot-at): retained sizes from the dominator tree, as Chrome DevTools computes them.
 *   node scripts/heapsnapshot-top.mjs FILE.heapsnapshot [N] [MIN_KIB]
 * Prints (1) self size by node type and constructor name, (2) the N objects retaining the
 * most (at least MIN_KIB each, default 1024), each with a path from the root by property
 * names, and (3) retained size summed by that path (the same field of many objects, e.g.
 * every cached pod's `metadata.managedFields`), two levels deep.
 * Weak edges do not retain (as in DevTools). Needs a heap large enough for the snapshot's
 * JSON (node --max-old-space-size=8192).
 */
import { readFileSync } from "node:fs";

const [file, nArg, minArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: heapsnapshot-top.mjs FILE.heapsnapshot [N] [MIN_KIB]\n");
  process.exit(2);
}
const N = Number(nArg ?? 40);
const MIN = Number(minArg ?? 1024) * 1024;
const snap = JSON.parse(readFileSync(file, "utf8"));
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nTypes = meta.node_types[0];
const eTypes = meta.edge_types[0];
const fType = meta.node_fields.indexOf("type");
const fName = meta.node_fields.indexOf("name");
const fSelf = meta.node_fields.indexOf("self_size");
const fEdges = meta.node_fields.indexOf("edge_count");
const eType = meta.edge_fields.indexOf("type");
const eName = meta.edge_fields.indexOf("name_or_index");
const eTo = meta.edge_fields.indexOf("to_node");
const nodes = snap.nodes;
const edges = snap.edges;
const strings = snap.strings;
const count = nodes.length / NF;
const WEAK = eTypes.indexOf("weak");
const SHORTCUT = eTypes.indexOf("shortcut");
const ELEMENT = eTypes.indexOf("element");
const HIDDEN = eTypes.indexOf("hidden");

// First edge of each node (CSR).
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + fEdges] * EF;
  firstEdge[i + 1] = e;
}
const selfSize = (i) => nodes[i * NF + fSelf];
const typeOf = (i) => nTypes[nodes[i * NF + fType]];
const nameOf = (i) => strings[nodes[i * NF + fName]];
const edgeName = (e) => {
  const t = edges[e + eType];
  const v = edges[e + eName];
  return t === ELEMENT || t === HIDDEN ? `[${v}]` : String(strings[v]);
};
const retains = (e) => {
  const t = edges[e + eType];
  return t !== WEAK && t !== SHORTCUT;
};

// Depth-first postorder from the root (node 0), keeping the DFS parent edge for paths.
const post = new Int32Array(count).fill(-1);
const order = new Uint32Array(count);
const parentEdge = new Int32Array(count).fill(-1);
const parent = new Int32Array(count).fill(-1);
{
  const visited = new Uint8Array(count);
  const stack = new Uint32Array(count);
  const cursor = new Uint32Array(count);
  let sp = 0;
  let n = 0;
  stack[sp++] = 0;
  visited[0] = 1;
  cursor[0] = firstEdge[0];
  while (sp > 0) {
    const v = stack[sp - 1];
    let pushed = false;
    while (cursor[v] < firstEdge[v + 1]) {
      const e = cursor[v];
      cursor[v] += EF;
      if (!retains(e)) continue;
      const w = edges[e + eTo] / NF;
      if (visited[w]) continue;
      visited[w] = 1;
      parent[w] = v;
      parentEdge[w] = e;
      cursor[w] = firstEdge[w];
      stack[sp++] = w;
      pushed = true;
      break;
    }
    if (!pushed) {
      sp--;
      post[v] = n;
      order[n++] = v;
    }
  }
  var reachable = n;
}

// Predecessors (CSR), reachable nodes only.
const predCount = new Uint32Array(count + 1);
for (let v = 0; v < count; v++) {
  if (post[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (retains(e)) predCount[edges[e + eTo] / NF]++;
}
const predStart = new Uint32Array(count + 1);
for (let i = 0; i < count; i++) predStart[i + 1] = predStart[i] + predCount[i];
const preds = new Uint32Array(predStart[count]);
const fill = predStart.slice(0, count);
for (let v = 0; v < count; v++) {
  if (post[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (retains(e)) preds[fill[edges[e + eTo] / NF]++] = v;
}

// Dominators (Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm"), on postorder numbers.
const idom = new Int32Array(reachable).fill(-1); // indexed by postorder number
const root = post[0];
idom[root] = root;
for (let changed = true; changed; ) {
  changed = false;
  for (let k = reachable - 2; k >= 0; k--) {
    const v = order[k];
    let d = -1;
    for (let p = predStart[v]; p < predStart[v + 1]; p++) {
      let a = post[preds[p]];
      if (a < 0 || idom[a] < 0) continue;
      if (d < 0) {
        d = a;
        continue;
      }
      let b = d;
      while (a !== b) {
        while (a < b) a = idom[a];
        while (b < a) b = idom[b];
      }
      d = a;
    }
    if (d >= 0 && idom[k] !== d) {
      idom[k] = d;
      changed = true;
    }
  }
}
const retained = new Float64Array(reachable);
for (let k = 0; k < reachable; k++) retained[k] += selfSize(order[k]);
for (let k = 0; k < reachable; k++) if (k !== root && idom[k] >= 0) retained[idom[k]] += retained[k];

const mib = (b) => (b / 2 ** 20).toFixed(1).padStart(7) + " MiB";
const label = (i) => {
  const t = typeOf(i);
  const nm = nameOf(i);
  return t === "string" || t === "concatenated string" || t === "sliced string" ? `${t} ${JSON.stringify(nm.slice(0, 40))}` : `${t} ${nm.slice(0, 60)}`;
};
const path = (i, depth = 10) => {
  const parts = [];
  for (let v = i; parent[v] >= 0 && parts.length < depth; v = parent[v]) {
    const p = parent[v];
    parts.push(`${edgeName(parentEdge[v])}`);
    if (p === 0) break;
    const t = typeOf(p);
    if (t === "synthetic") {
      parts.push(`(${nameOf(p)})`);
      break;
    }
  }
  return parts.reverse().join(".");
};

let total = 0;
for (let k = 0; k < reachable; k++) total += selfSize(order[k]);
process.stdout.on("error", () => process.exit(0));
process.stdout.write(`${count} nodes, ${reachable} reachable, ${mib(total)} reachable self size\n\n`);

// (1) Self size by type and constructor.
const byName = new Map();
for (let k = 0; k < reachable; k++) {
  const v = order[k];
  const t = typeOf(v);
  const key = t === "object" || t === "closure" || t === "native" ? `${t} ${nameOf(v)}` : t;
  const a = byName.get(key) ?? [0, 0];
  a[0] += selfSize(v);
  a[1]++;
  byName.set(key, a);
}
process.stdout.write("self size by type / constructor:\n");
for (const [k, [b, c]] of [...byName].sort((x, y) => y[1][0] - x[1][0]).slice(0, N)) process.stdout.write(`${mib(b)} ${String(c).padStart(9)}  ${k}\n`);

// (2) Largest retainers that are not just a wrapper of a bigger one: skip a node whose
// single dominated child retains almost all of it.
process.stdout.write(`\nlargest retained (>= ${MIN / 1024} KiB), with a path from the root:\n`);
const big = [];
for (let k = 0; k < reachable; k++) if (k !== root && retained[k] >= MIN) big.push(k);
big.sort((a, b) => retained[b] - retained[a]);
for (const k of big.slice(0, N)) {
  const v = order[k];
  process.stdout.write(`${mib(retained[k])}  ${label(v)}  <- ${path(v)}\n`);
}

// (3) Retained size by the last two edge names of the path (the same field of many objects),
// counting only nodes whose immediate dominator is their DFS parent (nested fields overlap:
// a pod and its metadata are both counted).
process.stdout.write(`\nretained by field (last two path steps; objects dominated by their parent):\n`);
const byField = new Map();
for (let k = 0; k < reachable; k++) {
  const v = order[k];
  if (parent[v] < 0 || idom[k] !== post[parent[v]]) continue;
  const p = parent[v];
  const pe = parentEdge[v];
  const gp = parentEdge[p];
  const key = `${gp >= 0 ? edgeName(gp).replace(/^\[\d+\]$/, "[i]") : ""}.${edgeName(pe).replace(/^\[\d+\]$/, "[i]")} (${typeOf(p)} ${nameOf(p).slice(0, 30)} -> ${typeOf(v)})`;
  const a = byField.get(key) ?? [0, 0];
  a[0] += retained[k];
  a[1]++;
  byField.set(key, a);
}
for (const [k, [b, c]] of [...byField].sort((x, y) => y[1][0] - x[1][0]).slice(0, N)) process.stdout.write(`${mib(b)} ${String(c).padStart(9)}  ${k}\n`);
