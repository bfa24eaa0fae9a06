/** Load generators: closed loop (`concurrency` workers, bounded in time) and open loop (a fixed arrival rate); each op's latency is recorded. */
import { summarize, round, type LatencySummary } from "./stats.js";

export interface LoadResult {
  readonly ops: number;
  readonly errors: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
  readonly latencyMs: LatencySummary;
}

/**
 * Closed loop: `concurrency` workers issue up to `total` operations; none starts after `deadline`
 * (performance.now() milliseconds); progress is reported every `progressMs`.
 */
export async function closedLoopUntil(total: number, concurrency: number, deadline: number, op: (i: number) => Promise<void>, progress?: (done: number) => void, progressMs = 5000): Promise<LoadResult & { readonly stoppedAtDeadline: boolean }> {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  let stopped = false;
  const started = performance.now();
  const timer = progress ? setInterval(() => progress(lat.length), progressMs) : undefined;
  const worker = async () => {
    for (;;) {
      if (performance.now() > deadline) {
        stopped = next < total;
        return;
      }
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
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (timer) clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (errors) process.stderr.write(`  ${errors} errors; first: ${String(firstError)}\n`);
  return { ops: lat.length, errors, seconds: round(seconds, 3), opsPerSecond: round(lat.length / seconds, 1), latencyMs: summarize(lat), stoppedAtDeadline: stopped };
}

/**
 * Open loop: operation i is due at start + i/rate, whatever the earlier ones are doing, for
 * `seconds`. Latency counts from when an operation was due, not when it was sent, so a
 * server that falls behind is charged for the queue (no coordinated omission). `late` is
 * how many were sent more than 10 ms after they were due (the generator itself lagging).
 */
export async function openLoop(rate: number, seconds: number, op: (i: number, due: number) => Promise<void>): Promise<LoadResult & { readonly late: number; readonly targetRate: number }> {
  const lat: number[] = [];
  let errors = 0;
  let late = 0;
  let firstError: unknown;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inflight = new Set<Promise<void>>();
  let i = 0;
  while (i < total) {
    const now = performance.now();
    // Everything due by now goes out in this turn; then sleep until the next one is due.
    while (i < total && started + (i * 1000) / rate <= now) {
      const due = started + (i * 1000) / rate;
      if (now - due > 10) late++;
      const p: Promise<void> = op(i, due).then(
        () => void lat.push(performance.now() - due),
        (e: unknown) => {
          errors++;
          firstError ??= e;
        },
      );
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      i++;
    }
    const wait = started + (i * 1000) / rate - performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(wait, 50))));
  }
  await Promise.all(inflight);
  const secs = (performance.now() - started) / 1000;
  if (errors) process.stderr.write(`  ${errors} errors; first: ${String(firstError)}\n`);
  return { ops: lat.length, errors, seconds: round(secs, 3), opsPerSecond: round(lat.length / secs, 1), latencyMs: summarize(lat), late, targetRate: rate };
}
