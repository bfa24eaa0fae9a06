/**
 * A binary min-heap ordered by `less`: the deadline queues (agents' timers, the allocator's
 * filter expiries) and the scheduling queue's activeQ share it. `moved`, when given, hears
 * every item's new index as it moves, so a caller that keeps those indices can remove any
 * item in O(log n) with `removeAt`.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly less: (a: T, b: T) => boolean,
    private readonly moved?: (x: T, index: number) => void,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** The least item (undefined when empty). */
  peek(): T | undefined {
    return this.items[0];
  }

  push(x: T): void {
    this.items.push(x);
    this.up(this.items.length - 1, x);
  }

  /** Removes and returns the least item (undefined when empty). */
  pop(): T | undefined {
    return this.items.length === 0 ? undefined : this.removeAt(0);
  }

  /** Removes and returns the item at `index` (as last reported to `moved`). */
  removeAt(index: number): T {
    const h = this.items;
    const x = h[index];
    if (x === undefined) throw new RangeError(`heap index ${index} out of range (size ${h.length})`);
    const last = h.pop()!;
    if (index < h.length && !this.up(index, last)) this.down(index, last);
    return x;
  }

  /** Every item in heap order: index 0 is the least, the children of i are 2i+1 and 2i+2. */
  values(): readonly T[] {
    return this.items;
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Places x at index i or above; whether it moved up. */
  private up(i: number, x: T): boolean {
    const h = this.items;
    const start = i;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(x, h[p]!)) break;
      this.place(h[p]!, i);
      i = p;
    }
    this.place(x, i);
    return i !== start;
  }

  /** Places x at index i or below. */
  private down(i: number, x: T): void {
    const h = this.items;
    const n = h.length;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(h[c + 1]!, h[c]!)) c++;
      if (!this.less(h[c]!, x)) break;
      this.place(h[c]!, i);
      i = c;
    }
    this.place(x, i);
  }

  private place(x: T, i: number): void {
    this.items[i] = x;
    this.moved?.(x, i);
  }
}
