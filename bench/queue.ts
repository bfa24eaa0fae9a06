/**
 * `node dist/bench/queue.js`: one scheduling cycle's pop of the SchedulingQueue, pop(256) with
 * 10,000 and 100,000 pods in activeQ (a third of them skipped, as the framework skips pods
 * waiting for offers), the popped pods requeued after each pop so activeQ keeps its size.
 *   sort: the algorithm before activeQ became a heap (commit 65e97e5), reproduced here as the
 *         same-run baseline: filter all of activeQ, sort it, take 256;
 *   heap: SchedulingQueue.pop(256, skip) + requeue of the 256 (src/offer-bridge/queue.ts).
 * Prints a markdown table of ms per pop (median and p90 over the rounds). No results file.
 */
import { SchedulingQueue, type QueuedPod } from "../src/offer-bridge/queue.js";
import { round, summarize } from "./lib/stats.js";

const MAX = 256;
const SIZES = [10_000, 100_000];

function pods(n: number): QueuedPod[] {
  let seed = 7;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => ({ key: `ns/p${i}`, uid: `u${i}`, priority: Math.floor(r() * 3) * 100, timestamp: 1_700_000_000_000 + Math.floor(r() * n * 10) }));
}
const skip = (k: string) => Number(k.slice(4)) % 3 === 0;

/** The former pop: the whole of activeQ filtered, copied and sorted on every call. */
function sortPop(active: Map<string, { pod: QueuedPod }>, max: number, skipped: (k: string) => boolean) {
  const entries = [...active.values()].filter((e) => !skipped(e.pod.key));
  entries.sort((a, b) => b.pod.priority - a.pod.priority || a.pod.timestamp - b.pod.timestamp || (a.pod.key < b.pod.key ? -1 : 1));
  const taken = entries.length > max ? entries.slice(0, max) : entries;
  for (const e of taken) active.delete(e.pod.key);
  return { pods: taken.map((e) => e.pod), more: entries.length > taken.length };
}

function time(rounds: number, f: () => void): number[] {
  for (let i = 0; i < 3; i++) f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return out;
}

console.log("| activeQ | algorithm | ms per pop(256), median | p90 |");
console.log("|---:|---|---:|---:|");
for (const n of SIZES) {
  const list = pods(n);
  const rounds = n >= 100_000 ? 30 : 100;
  const active = new Map(list.map((p) => [p.key, { pod: p }]));
  const sorted = summarize(
    time(rounds, () => {
      const b = sortPop(active, MAX, skip);
      for (const p of b.pods) active.set(p.key, { pod: p });
    }),
  );
  const q = new SchedulingQueue();
  for (const p of list) q.add(p);
  const heap = summarize(
    time(rounds, () => {
      const b = q.pop(MAX, skip);
      for (const p of b.pods) q.requeue(p.key);
    }),
  );
  console.log(`| ${n} | sort (before) | ${round(sorted.p50, 3)} | ${round(sorted.p90, 3)} |`);
  console.log(`| ${n} | heap | ${round(heap.p50, 3)} | ${round(heap.p90, 3)} |`);
}
