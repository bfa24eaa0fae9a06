/**
 * A sorted set of strings with rank queries, kept as a list of bounded chunks so an
 * insert or delete moves at most one chunk's worth of elements (a single flat array
 * would move half the set on every insert: seconds for 150,000 random creates).
 * Ordering is JavaScript string comparison (UTF-16 code units).
 */

const MAX_CHUNK = 512;

export class SortedKeys {
  private chunks: string[][] = [];
  private count = 0;

  /** Builds from keys already in strictly increasing order. */
  static fromSorted(keys: readonly string[]): SortedKeys {
    const s = new SortedKeys();
    for (let i = 0; i < keys.length; i += MAX_CHUNK / 2) s.chunks.push(keys.slice(i, i + MAX_CHUNK / 2));
    s.count = keys.length;
    return s;
  }

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const c = this.chunks[this.chunkFor(key)];
    if (!c) return false;
    const i = lowerBound(c, key);
    return c[i] === key;
  }

  /** Adds key; false when it was present. */
  insert(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.count = 1;
      return true;
    }
    // Past the last key: append to the last chunk.
    const ci = Math.min(this.chunkFor(key), this.chunks.length - 1);
    const c = this.chunks[ci]!;
    const i = lowerBound(c, key);
    if (c[i] === key) return false;
    c.splice(i, 0, key);
    this.count++;
    if (c.length > MAX_CHUNK) this.chunks.splice(ci + 1, 0, c.splice(c.length >> 1));
    return true;
  }

  /** Removes key; false when it was absent. */
  remove(key: string): boolean {
    const ci = this.chunkFor(key);
    const c = this.chunks[ci];
    if (!c) return false;
    const i = lowerBound(c, key);
    if (c[i] !== key) return false;
    c.splice(i, 1);
    this.count--;
    if (c.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  /** Rank of the first key >= key. */
  lowerBound(key: string): number {
    const ci = this.chunkFor(key);
    const c = this.chunks[ci];
    return this.rankOfChunk(ci) + (c ? lowerBound(c, key) : 0);
  }

  /** Rank of the first key > key. */
  upperBound(key: string): number {
    const ci = this.chunkFor(key);
    const c = this.chunks[ci];
    if (!c) return this.count;
    const i = lowerBound(c, key);
    return this.rankOfChunk(ci) + i + (c[i] === key ? 1 : 0);
  }

  /** Rank one past the last key starting with prefix. */
  prefixEnd(prefix: string): number {
    const next = successor(prefix);
    return next === undefined ? this.count : this.lowerBound(next);
  }

  /** Keys with rank in [from, to), in order. */
  *range(from: number, to: number): Generator<string> {
    if (from >= to) return;
    let rank = 0;
    let ci = 0;
    while (ci < this.chunks.length && rank + this.chunks[ci]!.length <= from) rank += this.chunks[ci++]!.length;
    let i = from - rank;
    for (let n = to - from; ci < this.chunks.length && n > 0; ci++, i = 0) {
      const c = this.chunks[ci]!;
      for (; i < c.length && n > 0; i++, n--) yield c[i]!;
    }
  }

  /** Index of the first chunk whose last key is >= key (chunks.length when none). */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.chunks[mid]!;
      if (c[c.length - 1]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rankOfChunk(ci: number): number {
    let r = 0;
    for (let i = 0; i < ci && i < this.chunks.length; i++) r += this.chunks[i]!.length;
    return r;
  }
}

function lowerBound(a: readonly string[], key: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest string greater than every string starting with prefix; undefined when none. */
export function successor(prefix: string): string | undefined {
  let p = prefix;
  while (p.length > 0 && p.charCodeAt(p.length - 1) === 0xffff) p = p.slice(0, -1);
  if (p.length === 0) return undefined;
  return p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
}
