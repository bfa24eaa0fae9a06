/**
 * Dominant Resource Fairness sorter, after Mesos' DRFSorter
 * (src/master/allocator/mesos/sorter/drf/sorter.cpp).
 *
 * Clients form a tree by path ("a/b" is a child of "a" when `hierarchical`); a client that
 * also has children is kept as a virtual leaf "." under its internal node, as Mesos does.
 * A node's share is max over resource kinds of (allocation of its subtree / pool total),
 * divided by its weight. Siblings are ordered by (share, allocation count, path).
 *
 * Why not re-sort: every node sits in its parent's sorted `children` array; a change in
 * allocation repositions only the nodes on the client's path by binary search (the array
 * shift is a memmove). Repositioning is deferred until `settle()`, so a caller can walk the
 * order with `each()` and allocate along the way, seeing the order as it was when the walk
 * began — what Mesos sees from one `sort()` per agent.
 */

/** Scalar resource quantities by name. */
export type Quantities = Map<string, number>;

/** The pool every share is measured against; `version` bumps when totals change. */
export class Pool {
  readonly totals: Quantities = new Map();
  version = 0;

  add(q: Quantities, sign: 1 | -1 = 1): void {
    for (const [k, v] of q) {
      const n = (this.totals.get(k) ?? 0) + sign * v;
      if (n > 1e-9) this.totals.set(k, n);
      else this.totals.delete(k);
    }
    this.version++;
  }
}

class Node {
  readonly children: Node[] = []; // active leaves and internal nodes, sorted
  readonly byName = new Map<string, Node>(); // every child, active or not
  readonly allocation: Quantities = new Map();
  count = 0;
  share = 0;
  /** The key the node is sorted under in its parent's `children` (may be stale until settled). */
  keyShare = 0;
  keyCount = 0;
  inSorted = false;
  active = false;

  constructor(
    readonly name: string,
    readonly path: string,
    public parent: Node | undefined,
    public kind: "internal" | "leaf",
  ) {}
}

function before(a: Node, b: Node): boolean {
  if (a.keyShare !== b.keyShare) return a.keyShare < b.keyShare;
  if (a.keyCount !== b.keyCount) return a.keyCount < b.keyCount;
  return a.path < b.path || (a.path === b.path && a.name < b.name);
}

/** First index whose node does not sort before `n`. */
function lowerBound(list: readonly Node[], n: Node): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!, n)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class DRFSorter {
  private readonly root = new Node("", "", undefined, "internal");
  private readonly clients = new Map<string, Node>();
  private readonly pending = new Set<Node>();
  private active = 0;
  private sortedAt = -1; // pool version of the last full sort
  private dirty = true;

  constructor(
    private readonly pool: Pool,
    private readonly weightOf: (path: string) => number = () => 1,
    private readonly hierarchical = true,
  ) {}

  has(client: string): boolean {
    return this.clients.has(client);
  }
  get size(): number {
    return this.clients.size;
  }
  /** Clients' paths (any state). */
  paths(): string[] {
    return [...this.clients.keys()];
  }
  isActive(client: string): boolean {
    return this.clients.get(client)?.active ?? false;
  }
  /** Number of active clients. */
  get activeCount(): number {
    return this.active;
  }

  /** Add a client (inactive until activated). */
  add(client: string): void {
    if (this.clients.has(client)) return;
    const parts = this.hierarchical ? client.split("/") : [client];
    let parent = this.root;
    for (let i = 0; i < parts.length - 1; i++) {
      const path = parts.slice(0, i + 1).join("/");
      let child = parent.byName.get(parts[i]!);
      if (!child) child = this.attach(new Node(parts[i]!, path, parent, "internal"));
      else if (child.kind === "leaf") child = this.splitLeaf(child);
      parent = child;
    }
    const name = parts[parts.length - 1]!;
    const existing = parent.byName.get(name);
    let leaf: Node;
    if (existing) {
      // An internal node with this path already exists: the client becomes its virtual leaf.
      leaf = new Node(".", client, existing, "leaf");
      existing.byName.set(".", leaf);
    } else {
      leaf = new Node(name, client, parent, "leaf");
      parent.byName.set(name, leaf);
    }
    this.clients.set(client, leaf);
    this.dirty = true;
  }

  /** Remove a client; its allocation is removed from its ancestors. */
  remove(client: string): void {
    const leaf = this.clients.get(client);
    if (!leaf) return;
    this.apply(leaf, new Map(leaf.allocation), -1, false);
    this.deactivate(client);
    this.clients.delete(client);
    this.pending.delete(leaf);
    let parent = leaf.parent!;
    parent.byName.delete(leaf.name);
    // Drop internal nodes left empty; collapse one whose only child is its virtual leaf.
    while (parent !== this.root) {
      const up = parent.parent!;
      if (parent.byName.size === 0) {
        this.detach(parent);
        up.byName.delete(parent.name);
      } else if (parent.byName.size === 1 && parent.byName.has(".")) {
        const v = parent.byName.get(".")!;
        const n = new Node(parent.name, parent.path, up, "leaf");
        for (const [k, q] of v.allocation) n.allocation.set(k, q);
        n.count = v.count;
        this.detach(parent);
        up.byName.set(n.name, n);
        this.clients.set(n.path, n);
        this.pending.delete(parent);
        if (v.active) ((n.active = true), this.insert(n));
      } else break;
      parent = up;
    }
    this.dirty = true;
  }

  activate(client: string): void {
    const n = this.clients.get(client);
    if (!n || n.active) return;
    n.active = true;
    this.active++;
    n.share = this.shareOf(n);
    this.insert(n);
  }

  deactivate(client: string): void {
    const n = this.clients.get(client);
    if (!n || !n.active) return;
    n.active = false;
    this.active--;
    this.detach(n);
  }

  /**
   * Record an allocation change (sign -1: recovered). Repositioning waits for `settle()`.
   * `count` false: a change of form (Mesos' update()), not a new allocation for tie-breaking.
   */
  allocated(client: string, q: Quantities, sign: 1 | -1 = 1, count = true): void {
    const n = this.clients.get(client);
    if (n) this.apply(n, q, sign, count);
  }

  allocation(client: string): Quantities {
    return this.clients.get(client)?.allocation ?? new Map();
  }
  share(client: string): number {
    const n = this.clients.get(client);
    return n ? this.shareOf(n) : 0;
  }

  /** Weights changed: re-sort everything on the next walk. */
  invalidate(): void {
    this.dirty = true;
  }

  /** Reposition the nodes whose allocation changed since the last settle. */
  settle(): void {
    if (this.dirty || this.sortedAt !== this.pool.version) {
      this.pending.clear();
      this.sortAll();
      return;
    }
    for (const n of this.pending) {
      const share = this.shareOf(n);
      n.share = share;
      if (n.inSorted && (n.keyShare !== share || n.keyCount !== n.count)) {
        this.detach(n);
        this.insert(n);
      }
    }
    this.pending.clear();
  }

  /**
   * Walk active clients in DRF order (pre-order over the sorted tree). The callback returns
   * true to stop. The order is fixed for the walk: changes wait for `settle()`.
   */
  each(fn: (client: string) => boolean | void): void {
    this.settle();
    this.walk(this.root, fn);
  }

  /** Active clients in order (for tests and diagnostics). */
  sort(): string[] {
    const out: string[] = [];
    this.each((c) => void out.push(c));
    return out;
  }

  private walk(node: Node, fn: (client: string) => boolean | void): boolean {
    const list = node.children;
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (c.kind === "leaf") {
        if (fn(c.path) === true) return true;
      } else if (this.walk(c, fn)) return true;
    }
    return false;
  }

  private apply(leaf: Node, q: Quantities, sign: 1 | -1, count: boolean): void {
    for (let n: Node | undefined = leaf; n && n !== this.root; n = n.parent) {
      for (const [k, v] of q) {
        const x = (n.allocation.get(k) ?? 0) + sign * v;
        if (x > 1e-9) n.allocation.set(k, x);
        else n.allocation.delete(k);
      }
      if (sign > 0 && count) n.count++;
      this.pending.add(n);
    }
  }

  private shareOf(n: Node): number {
    let share = 0;
    for (const [k, total] of this.pool.totals) {
      if (total <= 0) continue;
      const a = n.allocation.get(k);
      if (a !== undefined && a / total > share) share = a / total;
    }
    return share / this.weightOf(n.path);
  }

  private attach(n: Node): Node {
    n.parent!.byName.set(n.name, n);
    this.insert(n);
    return n;
  }

  /** Turn leaf "a" into internal "a" holding the client as virtual leaf "a/.". */
  private splitLeaf(leaf: Node): Node {
    const parent = leaf.parent!;
    const inner = new Node(leaf.name, leaf.path, parent, "internal");
    for (const [k, v] of leaf.allocation) inner.allocation.set(k, v);
    inner.count = leaf.count;
    const wasActive = leaf.active;
    this.detach(leaf);
    parent.byName.set(inner.name, inner);
    this.insert(inner);
    const v = new Node(".", leaf.path, inner, "leaf");
    for (const [k, q] of leaf.allocation) v.allocation.set(k, q);
    v.count = leaf.count;
    inner.byName.set(".", v);
    this.clients.set(leaf.path, v);
    this.pending.delete(leaf);
    if (wasActive) ((v.active = true), this.insert(v));
    this.dirty = true;
    return inner;
  }

  private insert(n: Node): void {
    if (n.inSorted || !n.parent) return;
    if (n.kind === "leaf" && !n.active) return;
    n.keyShare = n.share;
    n.keyCount = n.count;
    const list = n.parent.children;
    list.splice(lowerBound(list, n), 0, n);
    n.inSorted = true;
  }

  private detach(n: Node): void {
    if (!n.inSorted || !n.parent) return;
    const list = n.parent.children;
    let i = lowerBound(list, n);
    if (list[i] !== n) i = list.indexOf(n); // keys changed without settle (defensive)
    if (i >= 0) list.splice(i, 1);
    n.inSorted = false;
  }

  private sortAll(): void {
    const visit = (node: Node) => {
      for (const c of node.children) {
        c.share = this.shareOf(c);
        c.keyShare = c.share;
        c.keyCount = c.count;
      }
      node.children.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      for (const c of node.children) if (c.kind === "internal") visit(c);
    };
    // Inactive leaves are out of the arrays; refresh their shares too.
    for (const n of this.clients.values()) if (!n.inSorted) n.share = this.shareOf(n);
    visit(this.root);
    this.sortedAt = this.pool.version;
    this.dirty = false;
  }
}
