import { expect } from "chai";
import { CompactedError } from "../../src/k8s-api/store/errors.js";
import { MemoryStore } from "../../src/k8s-api/store/memory.js";
import { SortedKeys } from "../../src/k8s-api/store/sorted-keys.js";
import { rejects, storeSuite } from "./suite.js";

storeSuite("MemoryStore", async () => new MemoryStore());

describe("MemoryStore specifics", () => {
  it("starts at revision 1 with nothing compacted", () => {
    const s = new MemoryStore();
    expect(s.currentRevision()).to.equal(1);
    expect(s.compactedRevision()).to.equal(0);
  });

  it("serves reads at exactly the compacted revision", async () => {
    const s = new MemoryStore();
    const a = await s.create("/a", "1");
    await s.update("/a", "2", a.modRevision);
    const at = s.currentRevision();
    await s.update("/a", "3", at);
    await s.compact(at);
    expect((await s.get("/a", { revision: at }))!.value).to.equal("2");
    await rejects(s.get("/a", { revision: at - 1 }), CompactedError);
  });

  it("snapshot/fromSnapshot round-trips the latest state; older history reads as compacted", async () => {
    const s = new MemoryStore();
    await s.create("/b", "1");
    const a = await s.create("/a", "1");
    await s.update("/a", "2", a.modRevision);
    await s.create("/c", "1");
    await s.delete("/c");
    const snap = s.snapshot();
    const t = MemoryStore.fromSnapshot(snap);
    expect(t.currentRevision()).to.equal(s.currentRevision());
    expect(t.compactedRevision()).to.equal(s.currentRevision());
    expect((await t.list("/")).entries).to.deep.equal((await s.list("/")).entries);
    await rejects(t.get("/a", { revision: a.modRevision }), CompactedError);
    const u = await t.update("/a", "3", a.modRevision + 1);
    expect(u.createRevision).to.equal(a.createRevision);
  });

  it("apply() replays records and rejects gaps", async () => {
    const s = new MemoryStore();
    s.apply({ op: "put", key: "/a", value: "1", revision: 2, createRevision: 2 });
    s.apply({ op: "delete", key: "/a", revision: 3 });
    expect(s.currentRevision()).to.equal(3);
    expect(() => s.apply({ op: "put", key: "/a", value: "1", revision: 5, createRevision: 5 })).to.throw(/does not follow/);
  });

  it("lists 150,000 keys quickly, by prefix, in pages", async function () {
    this.timeout(10_000);
    const s = new MemoryStore();
    const t0 = Date.now();
    // Random order, so inserts land all over the sorted index.
    const ids = Array.from({ length: 150_000 }, (_, i) => i);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    for (const i of ids) await s.create(`/registry/pods/ns${i % 10}/p${i}`, "{}");
    const created = Date.now() - t0;
    const t1 = Date.now();
    let pages = 0;
    let total = 0;
    let startAfter: string | undefined;
    const rev = s.currentRevision();
    for (;;) {
      const r = await s.list("/registry/pods/ns3/", { limit: 500, revision: rev, ...(startAfter ? { startAfter } : {}) });
      pages++;
      total += r.entries.length;
      expect(r.remaining).to.equal(15_000 - total);
      if (!r.more) break;
      startAfter = r.entries[r.entries.length - 1]!.key;
    }
    const listed = Date.now() - t1;
    expect(total).to.equal(15_000);
    expect(pages).to.equal(30);
    expect(await s.count("/registry/pods/")).to.equal(150_000);
    expect(created).to.be.below(8000);
    expect(listed).to.be.below(500);
  });
});

describe("SortedKeys", () => {
  it("matches a sorted array under random inserts and removes", () => {
    const s = new SortedKeys();
    const model = new Set<string>();
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const k = `k${rand(5000)}`;
      if (rand(3) === 0) expect(s.remove(k)).to.equal(model.delete(k));
      else {
        expect(s.insert(k)).to.equal(!model.has(k));
        model.add(k);
      }
    }
    const sorted = [...model].sort();
    expect([...s.range(0, s.size)]).to.deep.equal(sorted);
    expect(s.lowerBound("k2")).to.equal(sorted.findIndex((k) => k >= "k2"));
    expect(s.upperBound(sorted[10]!)).to.equal(11);
    expect(s.prefixEnd("k4") - s.lowerBound("k4")).to.equal(sorted.filter((k) => k.startsWith("k4")).length);
    expect([...s.range(5, 8)]).to.deep.equal(sorted.slice(5, 8));
  });
});
