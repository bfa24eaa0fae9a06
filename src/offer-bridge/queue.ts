/**
 * kube-scheduler's scheduling queue (pkg/scheduler/backend/queue): three places a pending
 * pod can be.
 *   activeQ       ready to be tried, ordered by priority (higher first) then by when it
 *                 was queued (PrioritySort's Less: priority, then timestamp);
 *   backoffQ      failed recently and waiting out its back-off (1 s doubling to 10 s);
 *   unschedulable failed, waiting for a cluster event that may make it schedulable.
 * A failed pod goes to unschedulable, or straight to backoffQ when a move request came in
 * while it was being scheduled (moveRequestCycle >= its cycle). moveAllToActiveOrBackoff
 * (node added/updated, pod deleted, offers arrived) sends each unschedulable pod to
 * backoffQ if it is still backing off, else to activeQ. Backed-off pods are flushed to
 * activeQ when their time is up, and pods left unschedulable for 5 minutes are moved
 * (flushUnschedulablePodsLeftover).
 *
 * activeQ is a binary heap (upstream's heap.Heap with PrioritySort's Less), with each entry's
 * heap index kept on the entry: add and delete by key are O(log n), and pop(max) walks only the
 * top of the heap instead of sorting all of activeQ (150,000 pods at issue 7's scale).
 */
import { MinHeap } from "../util/heap.js";

export interface QueuedPod {
  readonly key: string;
  readonly uid: string;
  readonly priority: number;
  /** When it entered the queue first (metadata.creationTimestamp, ms), PrioritySort's tie-breaker. */
  readonly timestamp: number;
}

interface Entry {
  pod: QueuedPod;
  attempts: number;
  /** When its current back-off ends. */
  backoffUntil: number;
  /** Cycle in which it was last popped. */
  cycle: number;
  unschedulableSince: number;
  /** Its index in activeQ's heap array while in activeQ, else -1. */
  heapIndex: number;
}

/** PrioritySort's Less: higher priority first, then earlier queue time; the key breaks ties, so the order is total. */
function before(a: QueuedPod, b: QueuedPod): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.key < b.key;
}

/**
 * activeQ: a map by key plus a binary heap (best at index 0) whose entries know their index,
 * so removing any entry is O(log n) and memory is exactly the entries held.
 */
class ActiveHeap {
  private readonly byKey = new Map<string, Entry>();
  private readonly heap = new MinHeap<Entry>(
    (a, b) => before(a.pod, b.pod),
    (e, i) => {
      e.heapIndex = i;
    },
  );

  get size(): number {
    return this.heap.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): Entry | undefined {
    return this.byKey.get(key);
  }

  /** Inserts (or re-positions, if the key is held already) an entry. */
  set(key: string, e: Entry): void {
    this.delete(key);
    this.byKey.set(key, e);
    this.heap.push(e);
  }

  delete(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return false;
    this.byKey.delete(key);
    this.heap.removeAt(e.heapIndex);
    e.heapIndex = -1;
    return true;
  }

  clear(): void {
    for (const e of this.heap.values()) e.heapIndex = -1;
    this.heap.clear();
    this.byKey.clear();
  }

  values(): IterableIterator<Entry> {
    return this.byKey.values();
  }

  /**
   * The best `max` entries that `skip` does not exclude, best first, without changing the heap,
   * and whether one more such entry exists. Walks the heap top-down with a small heap of
   * frontier indices: O((taken + skipped) log(taken + skipped)), independent of activeQ's size.
   */
  best(max: number, skip?: (key: string) => boolean): { taken: Entry[]; more: boolean } {
    const heap = this.heap.values();
    const taken: Entry[] = [];
    if (heap.length === 0) return { taken, more: false };
    // Frontier: indices into `heap`, least entry first.
    const front = new MinHeap<number>((i, j) => before(heap[i]!.pod, heap[j]!.pod));
    front.push(0);
    while (front.size > 0) {
      const idx = front.pop()!;
      const e = heap[idx]!;
      if (!skip?.(e.pod.key)) {
        if (taken.length >= max) return { taken, more: true };
        taken.push(e);
      }
      const l = 2 * idx + 1;
      if (l < heap.length) front.push(l);
      if (l + 1 < heap.length) front.push(l + 1);
    }
    return { taken, more: false };
  }
}

export interface SchedulingQueueOptions {
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** podMaxInUnschedulablePodsDuration (default 5 min). */
  readonly maxUnschedulableMs?: number;
  readonly now?: () => number;
}

export class SchedulingQueue {
  private readonly active = new ActiveHeap();
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
    this.active.set(pod.key, { pod, attempts: 0, backoffUntil: 0, cycle: 0, unschedulableSince: 0, heapIndex: -1 });
  }

  delete(key: string): void {
    this.take(key);
  }

  /** Pops every pod in activeQ, best first; each gets this scheduling cycle's number. */
  popAll(): QueuedPod[] {
    this.flushBackoffCompleted();
    this.flushUnschedulableLeftover();
    const entries = [...this.active.values()].sort((a, b) => (before(a.pod, b.pod) ? -1 : 1));
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
    const { taken, more } = this.active.best(max, skip);
    for (const e of taken) {
      this.active.delete(e.pod.key);
      this.schedulingCycle++;
      e.cycle = this.schedulingCycle;
      this.popped.set(e.pod.key, e);
    }
    return { pods: taken.map((e) => e.pod), more };
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
