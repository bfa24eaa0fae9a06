/**
 * Behaviour every Store backend must have (kine/etcd semantics). Each test opens a
 * fresh, empty store and closes it afterwards.
 */
import { expect } from "chai";
import { CompactedError, ConflictError, FutureRevisionError, KeyExistsError, KeyNotFoundError } from "../../src/k8s-api/store/errors.js";
import type { Store, StoreEntry, StoreEvent, StoreWatch } from "../../src/k8s-api/store/types.js";

export async function rejects<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(type);
    return e as T;
  }
  throw new Error(`expected ${type.name}`);
}

function throwsSync<T extends Error>(fn: () => unknown, type: new (...args: never[]) => T): T {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(type);
    return e as T;
  }
  throw new Error(`expected ${type.name}`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs a watch and collects what it delivers. */
function collect(store: Store, prefix: string, fromRevision: number) {
  const events: StoreEvent[] = [];
  const batches: number[] = [];
  const w: StoreWatch = store.watch(prefix, { fromRevision }, (evs) => {
    batches.push(evs.length);
    events.push(...evs);
  });
  return {
    events,
    batches,
    stop: () => w.stop(),
    async until(n: number, ms = 3000): Promise<StoreEvent[]> {
      const deadline = Date.now() + ms;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`watch delivered ${events.length} of ${n} events`);
        await sleep(2);
      }
      return events;
    },
  };
}

const keysOf = (entries: readonly StoreEntry[]) => entries.map((e) => e.key);

/** timeoutMs bounds each case and hook (a networked backend on a loaded machine needs more than the in-memory ones). */
export function storeSuite(name: string, open: () => Promise<Store>, timeoutMs = 10_000): void {
  describe(`store behaviour: ${name}`, function () {
    this.timeout(timeoutMs);
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe("create / get / update / delete", () => {
      it("an empty store is at a revision >= 1 and lists nothing", async () => {
        const r = await store.list("/");
        expect(r.entries).to.deep.equal([]);
        expect(r.revision).to.be.at.least(1);
        expect(r.revision).to.equal(store.currentRevision());
        expect(r.more).to.equal(false);
        expect(r.remaining).to.equal(0);
        expect(await store.count("/")).to.equal(0);
        expect(store.compactedRevision()).to.be.at.most(store.currentRevision());
      });

      it("create assigns the next revision as createRevision and modRevision", async () => {
        const before = store.currentRevision();
        const e = await store.create("/k/a", '{"a":1}');
        expect(e).to.deep.equal({ key: "/k/a", value: '{"a":1}', createRevision: before + 1, modRevision: before + 1 });
        expect(store.currentRevision()).to.equal(before + 1);
        expect(await store.get("/k/a")).to.deep.equal(e);
        expect(await store.get("/k/missing")).to.equal(undefined);
      });

      it("create of an existing key is KeyExistsError and writes nothing", async () => {
        await store.create("/k/a", "1");
        const rev = store.currentRevision();
        const err = await rejects(store.create("/k/a", "2"), KeyExistsError);
        expect(err.key).to.equal("/k/a");
        expect(store.currentRevision()).to.equal(rev);
        expect((await store.get("/k/a"))!.value).to.equal("1");
      });

      it("update is a compare-and-swap on modRevision and keeps createRevision", async () => {
        const c = await store.create("/k/a", "1");
        const u = await store.update("/k/a", "2", c.modRevision);
        expect(u).to.deep.equal({ key: "/k/a", value: "2", createRevision: c.createRevision, modRevision: c.modRevision + 1 });
        const err = await rejects(store.update("/k/a", "3", c.modRevision), ConflictError);
        expect(err.expectedRevision).to.equal(c.modRevision);
        expect(err.actualRevision).to.equal(u.modRevision);
        expect((await store.get("/k/a"))!.value).to.equal("2");
        await rejects(store.update("/k/none", "x", 1), KeyNotFoundError);
      });

      it("delete returns the last value at the delete's revision; errors when absent or mismatched", async () => {
        const c = await store.create("/k/a", "1");
        await rejects(store.delete("/k/a", c.modRevision + 100), ConflictError);
        const d = await store.delete("/k/a", c.modRevision);
        expect(d).to.deep.equal({ key: "/k/a", value: "1", createRevision: c.createRevision, modRevision: c.modRevision + 1 });
        expect(store.currentRevision()).to.equal(d.modRevision);
        expect(await store.get("/k/a")).to.equal(undefined);
        await rejects(store.delete("/k/a"), KeyNotFoundError);
        await store.create("/k/b", "1");
        const d2 = await store.delete("/k/b");
        expect(d2.value).to.equal("1");
      });

      it("a deleted key can be created again with a new createRevision", async () => {
        const c = await store.create("/k/a", "1");
        await store.delete("/k/a");
        const again = await store.create("/k/a", "2");
        expect(again.createRevision).to.equal(again.modRevision);
        expect(again.createRevision).to.be.greaterThan(c.createRevision + 1);
      });

      it("every write bumps the revision by exactly one; failed writes do not", async () => {
        const start = store.currentRevision();
        const a = await store.create("/k/a", "1");
        await rejects(store.create("/k/a", "1"), KeyExistsError);
        const b = await store.update("/k/a", "2", a.modRevision);
        await rejects(store.update("/k/a", "3", a.modRevision), ConflictError);
        const c = await store.delete("/k/a");
        expect([a.modRevision, b.modRevision, c.modRevision]).to.deep.equal([start + 1, start + 2, start + 3]);
      });

      it("keeps values byte for byte (unicode, empty, large)", async () => {
        const values = ["", "héllo ✓ 𝄞", "x".repeat(200_000), '{"a":"\\n\\u0000"}'];
        for (const [i, v] of values.entries()) await store.create(`/v/${i}`, v);
        for (const [i, v] of values.entries()) expect((await store.get(`/v/${i}`))!.value).to.equal(v);
      });
    });

    describe("reads at older revisions", () => {
      it("get and list see the state as of the revision", async () => {
        const a1 = await store.create("/r/a", "a1");
        const b1 = await store.create("/r/b", "b1");
        const r1 = store.currentRevision();
        await store.update("/r/a", "a2", a1.modRevision);
        await store.delete("/r/b", b1.modRevision);
        await store.create("/r/c", "c1");
        expect((await store.get("/r/a", { revision: r1 }))!.value).to.equal("a1");
        expect((await store.get("/r/b", { revision: r1 }))!.value).to.equal("b1");
        expect(await store.get("/r/c", { revision: r1 })).to.equal(undefined);
        expect(await store.get("/r/a", { revision: a1.modRevision - 1 })).to.equal(undefined);
        const old = await store.list("/r/", { revision: r1 });
        expect(old.revision).to.equal(r1);
        expect(old.entries).to.deep.equal([a1, b1]);
        const now = await store.list("/r/");
        expect(keysOf(now.entries)).to.deep.equal(["/r/a", "/r/c"]);
        expect(now.revision).to.equal(store.currentRevision());
      });

      it("revision 0 means the current revision", async () => {
        await store.create("/r/a", "1");
        expect((await store.list("/r/", { revision: 0 })).revision).to.equal(store.currentRevision());
        expect((await store.get("/r/a", { revision: 0 }))!.value).to.equal("1");
      });

      it("a revision newer than the current one is FutureRevisionError", async () => {
        await store.create("/r/a", "1");
        const future = store.currentRevision() + 5;
        const e = await rejects(store.list("/r/", { revision: future }), FutureRevisionError);
        expect(e.requestedRevision).to.equal(future);
        await rejects(store.get("/r/a", { revision: future }), FutureRevisionError);
      });
    });

    describe("list order and pagination", () => {
      it("lists in key order whatever the write order", async () => {
        const names = ["m", "a", "z", "b", "aa", "B", "0"];
        for (const n of names) await store.create(`/o/${n}`, n);
        const r = await store.list("/o/");
        expect(keysOf(r.entries)).to.deep.equal(names.map((n) => `/o/${n}`).sort());
      });

      it("pages with limit/startAfter, with exact more and remaining", async () => {
        for (let i = 0; i < 25; i++) await store.create(`/p/${String(i).padStart(2, "0")}`, String(i));
        await store.create("/q/after", "x");
        const p1 = await store.list("/p/", { limit: 10 });
        expect(p1.entries.length).to.equal(10);
        expect(p1.more).to.equal(true);
        expect(p1.remaining).to.equal(15);
        // Writes between pages do not change a list read at the first page's revision.
        await store.create("/p/05a", "new");
        await store.delete("/p/20");
        const p2 = await store.list("/p/", { limit: 10, startAfter: p1.entries[9]!.key, revision: p1.revision });
        expect(keysOf(p2.entries)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `/p/${String(i + 10).padStart(2, "0")}`));
        expect(p2.remaining).to.equal(5);
        expect(p2.revision).to.equal(p1.revision);
        const p3 = await store.list("/p/", { limit: 10, startAfter: p2.entries[9]!.key, revision: p1.revision });
        expect(p3.entries.length).to.equal(5);
        expect(p3.more).to.equal(false);
        expect(p3.remaining).to.equal(0);
        // At the latest revision the new key shows and the deleted one does not.
        const now = await store.list("/p/", { limit: 7 });
        expect(keysOf(now.entries)).to.include("/p/05a");
        expect(now.remaining).to.equal(25 - 7);
        const rest = await store.list("/p/", { startAfter: "/p/19" });
        expect(keysOf(rest.entries)).to.deep.equal(["/p/21", "/p/22", "/p/23", "/p/24"]);
      });

      it("a page that ends exactly at the last key has more=false", async () => {
        for (let i = 0; i < 4; i++) await store.create(`/p/${i}`, "v");
        const r = await store.list("/p/", { limit: 4 });
        expect(r.entries.length).to.equal(4);
        expect(r.more).to.equal(false);
        expect(r.remaining).to.equal(0);
        const past = await store.list("/p/", { startAfter: "/p/3" });
        expect(past.entries).to.deep.equal([]);
      });

      it("pages at an older revision count keys deleted and created since", async () => {
        for (let i = 0; i < 10; i++) await store.create(`/h/${i}`, "v");
        const rev = store.currentRevision();
        for (let i = 0; i < 10; i += 2) await store.delete(`/h/${i}`);
        for (let i = 0; i < 5; i++) await store.create(`/h/${i}x`, "new");
        const pages: string[] = [];
        let startAfter: string | undefined;
        const remainders: number[] = [];
        for (;;) {
          const r = await store.list("/h/", { revision: rev, limit: 3, ...(startAfter ? { startAfter } : {}) });
          pages.push(...keysOf(r.entries));
          remainders.push(r.remaining);
          if (!r.more) break;
          startAfter = r.entries[r.entries.length - 1]!.key;
        }
        expect(pages).to.deep.equal(Array.from({ length: 10 }, (_, i) => `/h/${i}`));
        expect(remainders).to.deep.equal([7, 4, 1, 0]);
        expect(await store.count("/h/")).to.equal(10);
      });

      it("prefixes are isolated: /a/b/ does not include /a/bc/", async () => {
        await store.create("/a/b/x", "1");
        await store.create("/a/bc/y", "2");
        await store.create("/a/b", "3");
        await store.create("/a/c/z", "4");
        expect(keysOf((await store.list("/a/b/")).entries)).to.deep.equal(["/a/b/x"]);
        expect(keysOf((await store.list("/a/bc/")).entries)).to.deep.equal(["/a/bc/y"]);
        expect(await store.count("/a/b/")).to.equal(1);
        expect(await store.count("/a/")).to.equal(4);
        const page = await store.list("/a/b/", { limit: 1 });
        expect(page.more).to.equal(false);
        expect(page.remaining).to.equal(0);
      });

      it("count follows creates and deletes", async () => {
        for (let i = 0; i < 5; i++) await store.create(`/c/${i}`, "v");
        await store.create("/d/0", "v");
        expect(await store.count("/c/")).to.equal(5);
        await store.delete("/c/3");
        expect(await store.count("/c/")).to.equal(4);
        expect(await store.count("/")).to.equal(5);
      });
    });

    describe("watch", () => {
      it("delivers events asynchronously, in revision order, with prev", async () => {
        const from = store.currentRevision();
        const w = collect(store, "/w/", from);
        const a = await store.create("/w/a", "1");
        const b = await store.update("/w/a", "2", a.modRevision);
        const d = await store.delete("/w/a");
        const evs = await w.until(3);
        w.stop();
        expect(evs.map((e) => e.type)).to.deep.equal(["PUT", "PUT", "DELETE"]);
        expect(evs[0]!.entry).to.deep.equal(a);
        expect(evs[0]!.prev).to.equal(undefined);
        expect(evs[1]!.entry).to.deep.equal(b);
        expect(evs[1]!.prev).to.deep.equal(a);
        expect(evs[2]!.entry).to.deep.equal(d);
        expect(evs[2]!.prev).to.deep.equal(b);
      });

      it("never calls the handler synchronously", async () => {
        await store.create("/w/a", "1");
        let calls = 0;
        const w = store.watch("/w/", { fromRevision: store.currentRevision() - 1 }, () => calls++);
        expect(calls).to.equal(0);
        const p = store.create("/w/b", "1");
        expect(calls).to.equal(0);
        await p;
        await sleep(20);
        expect(calls).to.be.greaterThan(0);
        w.stop();
      });

      it("replays from a past revision, then continues live, strictly in order", async () => {
        const from = store.currentRevision();
        for (let i = 0; i < 20; i++) await store.create(`/w/${i}`, String(i));
        const w = collect(store, "/w/", from + 5);
        for (let i = 0; i < 20; i++) await store.update(`/w/${i}`, "u", from + 1 + i);
        const evs = await w.until(35);
        w.stop();
        const revs = evs.map((e) => e.entry.modRevision);
        expect(revs).to.deep.equal(Array.from({ length: 35 }, (_, i) => from + 6 + i));
      });

      it("concurrent writes arrive strictly in revision order", async () => {
        const w = collect(store, "/w/", store.currentRevision());
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.create(`/w/${i}`, "v")));
        const evs = await w.until(50);
        w.stop();
        for (let i = 1; i < evs.length; i++) expect(evs[i]!.entry.modRevision).to.equal(evs[i - 1]!.entry.modRevision + 1);
      });

      it("filters by prefix", async () => {
        const w = collect(store, "/w/a/", store.currentRevision());
        await store.create("/w/a/1", "v");
        await store.create("/w/ab/1", "v");
        await store.create("/w/b/1", "v");
        await store.create("/w/a/2", "v");
        await w.until(2);
        await sleep(20);
        w.stop();
        expect(w.events.map((e) => e.entry.key)).to.deep.equal(["/w/a/1", "/w/a/2"]);
      });

      it("stop() ends delivery at once, including events already written", async () => {
        const w = collect(store, "/w/", store.currentRevision());
        await store.create("/w/a", "v");
        await w.until(1);
        const pending = store.create("/w/b", "v");
        w.stop();
        await pending;
        await store.create("/w/c", "v");
        await sleep(30);
        expect(w.events.map((e) => e.entry.key)).to.deep.equal(["/w/a"]);
      });

      it("a watch from the current revision sees only later writes", async () => {
        await store.create("/w/old", "v");
        const w = collect(store, "/w/", store.currentRevision());
        await store.create("/w/new", "v");
        await w.until(1);
        await sleep(20);
        w.stop();
        expect(w.events.map((e) => e.entry.key)).to.deep.equal(["/w/new"]);
      });

      it("a fromRevision newer than the current one is FutureRevisionError", async () => {
        throwsSync(() => store.watch("/w/", { fromRevision: store.currentRevision() + 10 }, () => {}), FutureRevisionError);
      });
    });

    describe("compaction", () => {
      it("reads and watches below the compacted revision fail; the latest state survives", async () => {
        const a = await store.create("/x/a", "1");
        const b = await store.create("/x/b", "1");
        await store.update("/x/a", "2", a.modRevision);
        await store.delete("/x/b", b.modRevision);
        const c = await store.create("/x/c", "1");
        const target = store.currentRevision();
        await store.create("/x/d", "1");
        await store.compact(target);
        expect(store.compactedRevision()).to.equal(target);
        const e1 = await rejects(store.list("/x/", { revision: target - 1 }), CompactedError);
        expect(e1.compactedRevision).to.equal(target);
        await rejects(store.get("/x/a", { revision: a.modRevision }), CompactedError);
        const e3 = throwsSync(() => store.watch("/x/", { fromRevision: target - 1 }, () => {}), CompactedError);
        expect(e3.requestedRevision).to.equal(target - 1);
        // Latest versions of live keys are kept, including ones last written long before.
        const now = await store.list("/x/");
        expect(keysOf(now.entries)).to.deep.equal(["/x/a", "/x/c", "/x/d"]);
        expect((await store.get("/x/a"))!.value).to.equal("2");
        expect((await store.get("/x/c"))!.modRevision).to.equal(c.modRevision);
        // Watching from the compacted revision still sees every later event.
        const w = collect(store, "/x/", target);
        await store.create("/x/e", "1");
        const evs = await w.until(2);
        w.stop();
        expect(evs.map((e) => e.entry.key)).to.deep.equal(["/x/d", "/x/e"]);
        // Compacting to an older revision is a no-op.
        await store.compact(target - 2);
        expect(store.compactedRevision()).to.equal(target);
      });

      it("a key deleted before the compacted revision can be created again", async () => {
        await store.create("/x/a", "1");
        await store.delete("/x/a");
        await store.compact(store.currentRevision());
        expect(await store.get("/x/a")).to.equal(undefined);
        expect(await store.count("/x/")).to.equal(0);
        const again = await store.create("/x/a", "2");
        expect(again.createRevision).to.equal(store.currentRevision());
      });
    });

    describe("concurrency", () => {
      it("100 parallel compare-and-swaps on one key: exactly one wins", async () => {
        const c = await store.create("/cas/k", "0");
        const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => store.update("/cas/k", String(i + 1), c.modRevision)));
        const won = results.filter((r) => r.status === "fulfilled");
        expect(won.length).to.equal(1);
        for (const r of results) if (r.status === "rejected") expect(r.reason).to.be.instanceOf(ConflictError);
        expect(store.currentRevision()).to.equal(c.modRevision + 1);
      });

      it("read-modify-write loops under contention lose no increment", async () => {
        await store.create("/cas/n", "0");
        const revisions = new Set<number>();
        const worker = async () => {
          for (let done = 0; done < 10; ) {
            const cur = (await store.get("/cas/n"))!;
            try {
              const u = await store.update("/cas/n", String(Number(cur.value) + 1), cur.modRevision);
              revisions.add(u.modRevision);
              done++;
            } catch (e) {
              if (!(e instanceof ConflictError)) throw e;
            }
          }
        };
        await Promise.all(Array.from({ length: 10 }, worker));
        expect((await store.get("/cas/n"))!.value).to.equal("100");
        expect(revisions.size).to.equal(100);
      });
    });

    describe("against a model", () => {
      it("random writes: every list at every revision matches", async () => {
        let seed = 42;
        const rand = (n: number) => {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          return seed % n;
        };
        const model = new Map<string, string>();
        const states: Array<{ rev: number; state: Map<string, string> }> = [{ rev: store.currentRevision(), state: new Map() }];
        for (let i = 0; i < 200; i++) {
          const key = `/m/${String.fromCharCode(97 + rand(6))}/${rand(8)}`;
          const cur = await store.get(key);
          if (cur && rand(3) === 0) {
            await store.delete(key, cur.modRevision);
            model.delete(key);
          } else {
            await (cur ? store.update(key, `v${i}`, cur.modRevision) : store.create(key, `v${i}`));
            model.set(key, `v${i}`);
          }
          states.push({ rev: store.currentRevision(), state: new Map(model) });
        }
        for (const { rev, state } of states.filter((_, i) => i % 7 === 0 || i === states.length - 1)) {
          for (const prefix of ["/m/", "/m/a/", "/m/c/"]) {
            const want = [...state.entries()].filter(([k]) => k.startsWith(prefix)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
            const got: Array<[string, string]> = [];
            let startAfter: string | undefined;
            for (;;) {
              const r = await store.list(prefix, { revision: rev, limit: 4, ...(startAfter ? { startAfter } : {}) });
              got.push(...r.entries.map((e): [string, string] => [e.key, e.value]));
              expect(r.remaining).to.equal(want.length - got.length);
              if (!r.more) break;
              startAfter = r.entries[r.entries.length - 1]!.key;
            }
            expect(got).to.deep.equal(want);
          }
        }
      });
    });
  });
}
