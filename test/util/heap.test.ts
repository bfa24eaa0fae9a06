import { expect } from "chai";
import { MinHeap } from "../../src/util/heap.js";
import { rng } from "../support/rng.js";

describe("util: MinHeap", () => {
  it("pops in `less` order over random pushes and pops, ties kept apart by the comparator", () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const less = (a: { v: number; seq: number }, b: { v: number; seq: number }) => a.v < b.v || (a.v === b.v && a.seq < b.seq);
    const heap = new MinHeap(less);
    const model: { v: number; seq: number }[] = [];
    let seq = 0;
    for (let step = 0; step < 5000; step++) {
      if (rnd() < 0.6 || model.length === 0) {
        const x = { v: Math.floor(rnd() * 50), seq: seq++ };
        heap.push(x);
        model.push(x);
      } else {
        model.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
        expect(heap.peek()).to.equal(model[0]);
        expect(heap.pop()).to.equal(model.shift());
      }
      expect(heap.size).to.equal(model.length);
    }
    model.sort((a, b) => (less(a, b) ? -1 : 1));
    for (const x of model) expect(heap.pop()).to.equal(x);
    expect(heap.pop()).to.equal(undefined);
    expect(heap.peek()).to.equal(undefined);
  });

  it("clear empties it; values lists what it holds", () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    for (const x of [5, 1, 4]) heap.push(x);
    expect([...heap.values()].sort()).to.deep.equal([1, 4, 5]);
    heap.clear();
    expect(heap.size).to.equal(0);
    expect(heap.pop()).to.equal(undefined);
  });
  it("removeAt takes any item by the index `moved` last reported, keeping the heap order", () => {
    const rnd = rng(23);
    interface Item { v: number; seq: number; index: number }
    const less = (a: Item, b: Item) => a.v < b.v || (a.v === b.v && a.seq < b.seq);
    const heap = new MinHeap<Item>(less, (x, i) => {
      x.index = i;
    });
    const held: Item[] = [];
    let seq = 0;
    for (let step = 0; step < 5000; step++) {
      const r = rnd();
      if (r < 0.5 || held.length === 0) {
        const x = { v: Math.floor(rnd() * 50), seq: seq++, index: -1 };
        heap.push(x);
        held.push(x);
      } else if (r < 0.8) {
        const x = held.splice(Math.floor(rnd() * held.length), 1)[0]!;
        expect(heap.values()[x.index]).to.equal(x);
        expect(heap.removeAt(x.index)).to.equal(x);
      } else {
        const least = held.reduce((m, x) => (less(x, m) ? x : m));
        expect(heap.pop()).to.equal(least);
        held.splice(held.indexOf(least), 1);
      }
      expect(heap.size).to.equal(held.length);
      // Every index reported is current, and every parent is no greater than its children.
      heap.values().forEach((x, i) => {
        expect(x.index).to.equal(i);
        if (i > 0) expect(less(x, heap.values()[(i - 1) >> 1]!)).to.equal(false);
      });
    }
    expect(() => heap.removeAt(heap.size)).to.throw(RangeError);
  });
});
