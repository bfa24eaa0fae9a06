/** Closed-loop load: `concurrency` workers issue `total` operations; each op's latency is recorded. */
import { summarize, round, type LatencySummary } from "./stats.js";

export interface LoadResult {
  readonly ops: number;
  readonly errors: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
  readonly latencyMs: LatencySummary;
}

export async function closedLoop(total: number, concurrency: number, op: (i: number) => Promise<void>, progress?: (done: number) => void): Promise<LoadResult> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t = performance.now();
      try {
        await op(i);
        lat.push(performance.now() - t);
      } catch (e) {
        errors++;
        firstError ??= e;
      }
      if (progress && (i + 1) % Math.max(1, Math.floor(total / 10)) === 0) progress(i + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (errors) process.stderr.write(`  ${errors} errors; first: ${String(firstError)}\n`);
  return { ops: lat.length, errors, seconds: round(seconds, 3), opsPerSecond: round(lat.length / seconds, 1), latencyMs: summarize(lat) };
}
