/** The NATS store's MVCC mirror on its own: revisions that skip, deletes of keys it never saw live, and the compaction plan. */
import { expect } from "chai";
import { CompactedError } from "../../src/k8s-api/store/errors.js";
import { Mirror } from "../../src/k8s-api/store/nats/mirror.js";
import type { StoreEvent } from "../../src/k8s-api/store/types.js";
import { rejects } from "./suite.js";

describe("NATS store mirror", () => {
  it("applies a log whose revisions skip: reads and watches at any revision in between", async () => {
    const m = new Mirror();
    m.applyPut(5, "/a", "a1", undefined);
    m.applyOther(7);
    m.applyPut(9, "/b", "b1", undefined);
    m.applyPut(12, "/a", "a2", 5);
    expect(m.currentRevision()).to.equal(12);
    expect((await m.get("/a", { revision: 8 }))!.value).to.equal("a1");
    expect((await m.list("/", { revision: 7 })).entries.map((e) => e.key)).to.deep.equal(["/a"]);
    expect((await m.list("/", { revision: 10 })).entries.map((e) => e.key)).to.deep.equal(["/a", "/b"]);
    expect(await m.get("/a")).to.deep.equal({ key: "/a", value: "a2", createRevision: 5, modRevision: 12 });
    const events: StoreEvent[] = [];
    const w = m.watch("/", { fromRevision: 8 }, (evs) => events.push(...evs));
    await new Promise((r) => setTimeout(r, 5));
    w.stop();
    expect(events.map((e) => e.entry.modRevision)).to.deep.equal([9, 12]);
    // Duplicates (a consumer redelivering after a reconnect) change nothing.
    m.applyPut(9, "/b", "again", undefined);
    expect((await m.get("/b"))!.value).to.equal("b1");
  });

  it("a delete of a key it never saw live only moves the revision", async () => {
    const m = new Mirror();
    m.applyDelete(4, "/gone");
    expect(m.currentRevision()).to.equal(4);
    expect(await m.count("/")).to.equal(0);
  });

  it("compaction returns which messages are no longer needed, per key", async () => {
    const m = new Mirror();
    m.applyPut(2, "/a", "1", undefined);
    m.applyPut(3, "/a", "2", undefined);
    m.applyPut(4, "/b", "1", undefined);
    m.applyDelete(5, "/b");
    m.applyPut(6, "/c", "1", undefined);
    m.applyPut(7, "/a", "3", undefined);
    const plan = await m.applyCompaction(8, 6);
    // /a keeps its version at 6 (revision 3) and later; /b is gone up to 6; /c has nothing older.
    expect(plan.sort((x, y) => (x.key < y.key ? -1 : 1))).to.deep.equal([
      { key: "/a", keepFrom: 3 },
      { key: "/b", keepFrom: 7 },
    ]);
    expect(m.compactedRevision()).to.equal(6);
    expect(m.currentRevision()).to.equal(8);
    await rejects(m.get("/a", { revision: 5 }), CompactedError);
    expect((await m.get("/a", { revision: 6 }))!.value).to.equal("2");
    expect(m.lastSequence("/b")).to.equal(0);
  });
});
