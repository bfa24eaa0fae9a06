import { MinHeap } from "../util/heap.js";

/**
 * One Node timer for many deadlines: a min-heap of callbacks ordered by due time. The
 * simulated containerizer and the status update retries of thousands of agents in one
 * process share a queue instead of holding a timer each.
 */

export interface TimerHandle {
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class TimerQueue {
  private readonly heap = new MinHeap<Entry>(less);
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private live = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `fn` after `delayMs` (0 or less: on the next turn of the queue). */
  after(delayMs: number, fn: () => void): TimerHandle {
    const e: Entry = { at: this.now() + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false };
    this.heap.push(e);
    this.live++;
    this.arm();
    return {
      cancel: () => {
        if (e.cancelled) return;
        e.cancelled = true;
        this.live--;
        // Cancelled entries stay in the heap until they reach the top (lazy deletion).
        if (this.live === 0) this.clear();
      },
    };
  }

  /** Pending (not cancelled, not yet run) callbacks. */
  get size(): number {
    return this.live;
  }

  /** Drops everything; the process may exit. */
  clear(): void {
    for (const e of this.heap.values()) e.cancelled = true;
    this.heap.clear();
    this.live = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(): void {
    const top = this.heap.peek();
    if (!top) return;
    if (this.timer && this.timerAt <= top.at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = top.at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, top.at - this.now()));
    // Timers alone never keep a process alive: agents hold their own connections.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    let ran = 0;
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.at > now) break;
      this.heap.pop();
      if (top.cancelled) continue;
      top.cancelled = true;
      this.live--;
      try {
        top.fn();
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
      // Yield now and then so a burst of thousands of deadlines cannot starve I/O.
      if (++ran >= 5000) break;
    }
    this.arm();
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** The queue agents share unless given their own. */
export const sharedTimers = new TimerQueue();
