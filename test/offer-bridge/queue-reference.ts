/**
 * The scheduling queue as it was before activeQ became a heap (commit 65e97e5): activeQ a Map,
 * sorted whole on every pop. Kept verbatim (renamed) as the reference the heap queue is
 * compared with in queue.test.ts.
 */
import type { QueuedPod, SchedulingQueueOptions } from "../../src/offer-bridge/queue.js";
interface Entry {
  pod: QueuedPod;
  attempts: number;
  /** When its current back-off ends. */
  backoffUntil: number;
  /** Cycle in which it was last popped. */
  cycle: number;
  unschedulableSince: number;
}

export class SortedSchedulingQueue {
  private readonly active = new Map<string, Entry>();
  private readonly backoff = new Map<string, Entry>();
  private readonly unschedulable = new Map<string, Entry>();
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private readonly initial: number;
  private readonly max: number;
  private readonly maxUnschedulable: number;
  private readonly now: () => number;

  constructor(opts: SchedulingQueueOptions = {}) {
    this.initial = opts.initialBackoffMs ?? 1000;
    this.max = opts.maxBackoffMs ?? 10_000;
    this.maxUnschedulable = opts.maxUnschedulableMs ?? 5 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key);
  }

  /** Which sub-queue holds a pod (for tests and diagnostics). */
  where(key: string): "active" | "backoff" | "unschedulable" | undefined {
    if (this.active.has(key)) return "active";
    if (this.backoff.has(key)) return "backoff";
    if (this.unschedulable.has(key)) return "unschedulable";
    return undefined;
  }

  get size(): number {
    return this.active.size + this.backoff.size + this.unschedulable.size;
  }

  /** A new pending pod (or one to try again at once): activeQ unless already queued. */
  add(pod: QueuedPod): void {
    const e = this.take(pod.key);
    if (e && e.pod.uid === pod.uid) {
      e.pod = pod;
      // An update may make an unschedulable pod schedulable: it goes through back-off first.
      if (e.backoffUntil > this.now()) this.backoff.set(pod.key, e);
      else this.active.set(pod.key, e);
      return;
    }
    this.active.set(pod.key, { pod, attempts: 0, backoffUntil: 0, cycle: 0, unschedulableSince: 0 });
  }

  delete(key: string): void {
    this.take(key);
  }

  /** Pops every pod in activeQ, best first; each gets this scheduling cycle's number. */
  popAll(): QueuedPod[] {
    this.flushBackoffCompleted();
    this.flushUnschedulableLeftover();
    const entries = [...this.active.values()].sort((a, b) => b.pod.priority - a.pod.priority || a.pod.timestamp - b.pod.timestamp || (a.pod.key < b.pod.key ? -1 : 1));
    this.active.clear();
    for (const e of entries) {
      this.schedulingCycle++;
      e.cycle = this.schedulingCycle;
      this.popped.set(e.pod.key, e);
    }
    return entries.map((e) => e.pod);
  }

  /**
   * Pops the best `max` pods of activeQ that `skip` does not exclude (the rest stay there);
   * `more` says whether activeQ still holds pods not excluded. A cycle that takes a bounded
   * batch answers its offers sooner than one that takes all of activeQ.
   */
  pop(max: number, skip?: (key: string) => boolean): { pods: QueuedPod[]; more: boolean } {
    this.flushBackoffCompleted();
    this.flushUnschedulableLeftover();
    const entries = [...this.active.values()].filter((e) => !skip?.(e.pod.key));
    entries.sort((a, b) => b.pod.priority - a.pod.priority || a.pod.timestamp - b.pod.timestamp || (a.pod.key < b.pod.key ? -1 : 1));
    const taken = entries.length > max ? entries.slice(0, max) : entries;
    for (const e of taken) {
      this.active.delete(e.pod.key);
      this.schedulingCycle++;
      e.cycle = this.schedulingCycle;
      this.popped.set(e.pod.key, e);
    }
    return { pods: taken.map((e) => e.pod), more: entries.length > taken.length };
  }

  /** Pods popped and not yet settled (scheduled, failed or returned). */
  private readonly popped = new Map<string, Entry>();

  /** The pod was placed (or left the queue): forget its attempts. */
  done(key: string): void {
    this.popped.delete(key);
  }

  /** Back to activeQ without counting an attempt (nothing was tried: e.g. no offer for it yet). */
  requeue(key: string): void {
    const e = this.popped.get(key);
    if (!e) return;
    this.popped.delete(key);
    this.active.set(key, e);
  }

  /** AddUnschedulableIfNotPresent: a failed attempt; returns the back-off it now waits. */
  addUnschedulable(key: string): number {
    const e = this.popped.get(key);
    if (!e) return 0;
    this.popped.delete(key);
    e.attempts++;
    const delay = this.backoffDuration(e.attempts);
    e.backoffUntil = this.now() + delay;
    e.unschedulableSince = this.now();
    if (this.moveRequestCycle >= e.cycle) this.backoff.set(key, e);
    else this.unschedulable.set(key, e);
    return delay;
  }

  /** MoveAllToActiveOrBackoffQueue: a cluster event may have made unschedulable pods fit. */
  moveAllToActiveOrBackoff(): void {
    const now = this.now();
    for (const [key, e] of this.unschedulable) {
      if (e.backoffUntil > now) this.backoff.set(key, e);
      else this.active.set(key, e);
    }
    this.unschedulable.clear();
    this.moveRequestCycle = this.schedulingCycle;
  }

  /** Whether activeQ has pods (after flushing completed back-offs). */
  hasActive(): boolean {
    this.flushBackoffCompleted();
    return this.active.size > 0;
  }

  /** When the earliest back-off ends (for a timer), or undefined. */
  nextBackoffEnd(): number | undefined {
    let next: number | undefined;
    for (const e of this.backoff.values()) if (next === undefined || e.backoffUntil < next) next = e.backoffUntil;
    return next;
  }

  /** Earliest time an unschedulable pod is flushed by the leftover rule. */
  nextLeftoverFlush(): number | undefined {
    let next: number | undefined;
    for (const e of this.unschedulable.values()) {
      const t = e.unschedulableSince + this.maxUnschedulable;
      if (next === undefined || t < next) next = t;
    }
    return next;
  }

  /** calculateBackoffDuration: initial * 2^(attempts-1), capped. */
  backoffDuration(attempts: number): number {
    let d = this.initial;
    for (let i = 1; i < attempts; i++) {
      if (d > this.max - d) return this.max;
      d += d;
    }
    return Math.min(d, this.max);
  }

  private flushBackoffCompleted(): void {
    const now = this.now();
    for (const [key, e] of this.backoff) {
      if (e.backoffUntil > now) continue;
      this.backoff.delete(key);
      this.active.set(key, e);
    }
  }

  private flushUnschedulableLeftover(): void {
    const now = this.now();
    for (const [key, e] of this.unschedulable) {
      if (now - e.unschedulableSince < this.maxUnschedulable) continue;
      this.unschedulable.delete(key);
      if (e.backoffUntil > now) this.backoff.set(key, e);
      else this.active.set(key, e);
    }
  }

  private take(key: string): Entry | undefined {
    const e = this.active.get(key) ?? this.backoff.get(key) ?? this.unschedulable.get(key) ?? this.popped.get(key);
    this.active.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
    this.popped.delete(key);
    return e;
  }
}
