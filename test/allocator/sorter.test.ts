/** The DRF sorter on its own (after Mesos' src/tests/sorter_tests.cpp). */
import { expect } from "chai";
import { DRFSorter, Pool } from "../../src/resource-manager/allocator/sorter.js";

const q = (o: Record<string, number>) => new Map(Object.entries(o));

describe("allocator: DRF sorter", () => {
  it("orders by dominant share, then allocation count, then name (sorter_tests.cpp DRFSorter)", () => {
    const pool = new Pool();
    pool.add(q({ cpus: 100, mem: 100 }));
    const s = new DRFSorter(pool);
    for (const c of ["a", "b"]) (s.add(c), s.activate(c));
    s.allocated("a", q({ cpus: 5, mem: 5 }));
    s.allocated("b", q({ cpus: 6, mem: 6 }));
    expect(s.sort()).to.deep.equal(["a", "b"]);
    s.add("c");
    s.activate("c");
    s.allocated("c", q({ cpus: 1 }));
    expect(s.sort()).to.deep.equal(["c", "a", "b"]);
    s.add("d");
    s.activate("d");
    s.allocated("d", q({ cpus: 3, mem: 1 }));
    expect(s.sort()).to.deep.equal(["c", "d", "a", "b"]);
    s.allocated("a", q({ cpus: 5, mem: 5 }), -1);
    expect(s.sort()).to.deep.equal(["a", "c", "d", "b"]);
    // Equal shares: fewer allocations first.
    const t = new DRFSorter(pool);
    for (const c of ["x", "y"]) (t.add(c), t.activate(c));
    t.allocated("x", q({ cpus: 1 }));
    t.allocated("x", q({ cpus: 1 }), -1);
    expect(t.sort()).to.deep.equal(["y", "x"]);
  });

  it("keeps the order of a walk fixed until settled", () => {
    const pool = new Pool();
    pool.add(q({ cpus: 10 }));
    const s = new DRFSorter(pool);
    for (const c of ["a", "b", "c"]) (s.add(c), s.activate(c));
    const seen: string[] = [];
    s.each((c) => {
      seen.push(c);
      if (c === "a") s.allocated("a", q({ cpus: 5 }));
    });
    expect(seen).to.deep.equal(["a", "b", "c"]);
    expect(s.sort()).to.deep.equal(["b", "c", "a"]);
  });

  it("hierarchical: sub-trees are ordered by their total, weights divide shares", () => {
    const pool = new Pool();
    pool.add(q({ cpus: 10 }));
    const s = new DRFSorter(pool, (p) => (p === "b" ? 4 : 1));
    for (const c of ["a/x", "a/y", "b/z"]) (s.add(c), s.activate(c));
    s.allocated("a/x", q({ cpus: 2 }));
    s.allocated("b/z", q({ cpus: 6 }));
    // a = 0.2, b = 0.6 / 4 = 0.15
    expect(s.sort()).to.deep.equal(["b/z", "a/y", "a/x"]);
  });

  it("a client with children becomes a virtual leaf and collapses back on removal", () => {
    const pool = new Pool();
    pool.add(q({ cpus: 10 }));
    const s = new DRFSorter(pool);
    s.add("a");
    s.activate("a");
    s.allocated("a", q({ cpus: 1 }));
    s.add("a/b");
    s.activate("a/b");
    expect(s.sort()).to.deep.equal(["a/b", "a"]);
    s.remove("a/b");
    expect(s.sort()).to.deep.equal(["a"]);
    expect(s.allocation("a").get("cpus")).to.equal(1);
    s.deactivate("a");
    expect(s.sort()).to.deep.equal([]);
    expect(s.activeCount).to.equal(0);
  });

  it("pool changes re-sort everything", () => {
    const pool = new Pool();
    pool.add(q({ cpus: 10, mem: 10 }));
    const s = new DRFSorter(pool);
    for (const c of ["a", "b"]) (s.add(c), s.activate(c));
    s.allocated("a", q({ cpus: 5 }));
    s.allocated("b", q({ mem: 4 }));
    expect(s.sort()).to.deep.equal(["b", "a"]);
    pool.add(q({ cpus: 90 }));
    expect(s.sort()).to.deep.equal(["a", "b"]);
  });
});
