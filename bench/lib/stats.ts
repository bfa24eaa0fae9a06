/** Summary statistics of latency samples (milliseconds). */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
  return { count: s.length, p50: round(at(0.5)), p90: round(at(0.9)), p99: round(at(0.99)), max: round(s[s.length - 1] ?? NaN), mean: round(mean) };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Per-second throughput samples as scheduler_perf's throughputCollector takes them: ticks
 * before the first counted item and the first interval after it are not sampled; an interval
 * with nothing counted is merged into the next; a sample is the count over the interval's
 * measured length, recorded once per second it spans, so a tick that came late (an event
 * loop stalled for seconds) weighs as the seconds it covered, not as one.
 */
export class ThroughputSampler {
  private last: { count: number; at: number } | undefined;
  private readonly values: number[] = [];

  /** A tick: the running count at time `at` (ms). */
  tick(count: number, at: number): void {
    if (count === 0) return;
    if (!this.last) {
      this.last = { count, at };
      return;
    }
    if (count === this.last.count) return;
    const seconds = (at - this.last.at) / 1000;
    if (seconds <= 0) return;
    const rate = (count - this.last.count) / seconds;
    for (let i = Math.max(1, Math.round(seconds)); i > 0; i--) this.values.push(rate);
    this.last = { count, at };
  }

  summary(): { readonly p50: number; readonly p90: number; readonly p99: number; readonly samples: number } {
    const s = [...this.values].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? round(s[Math.ceil(q * s.length) - 1]!, 0) : 0);
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99), samples: s.length };
  }
}
