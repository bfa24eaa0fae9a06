/**
 * Time slices for a long synchronous loop on the event loop: `due()` says when the slice
 * is used up, and `next()` yields (setImmediate, so pending I/O runs first) and starts a
 * new one. A scheduling cycle over thousands of offers and pods would otherwise hold the
 * API server, the watches and the agents' streams for as long as it runs.
 */
import { performance } from "node:perf_hooks";

export class Slices {
  private start = performance.now();

  constructor(private readonly budgetMs: number) {}

  due(): boolean {
    return performance.now() - this.start >= this.budgetMs;
  }

  async next(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    this.start = performance.now();
  }
}
