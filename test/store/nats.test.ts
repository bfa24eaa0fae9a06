/**
 * The NATS JetStream KV store: the shared store suite, plus what only a store shared
 * by several processes has (each "process" here is a store instance with its own
 * connection and mirror over one bucket), compaction across them, key encoding, the
 * payload limit, and a NATS server restart under a running mirror.
 */
import { expect } from "chai";
import { connect } from "nats";
import { CompactedError, ConflictError, KeyExistsError, StoreError, ValueTooLargeError } from "../../src/k8s-api/store/errors.js";
import { decodeKey, encodeKey } from "../../src/k8s-api/store/nats/keys.js";
import { openNatsStore, parseNatsStoreUrl } from "../../src/k8s-api/store/nats/nats-store.js";
import type { Store, StoreEvent } from "../../src/k8s-api/store/types.js";
import { deleteBuckets, natsUrl, startNatsServer, uniqueBucket } from "../support/nats.js";
import { rejects, storeSuite } from "./suite.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const buckets: string[] = [];
after(async () => {
  await deleteBuckets(await natsUrl(), buckets.splice(0));
});

function newBucket(): string {
  const b = uniqueBucket("store");
  buckets.push(b);
  return b;
}

async function openBucket(bucket: string, servers?: string, syncTimeoutMs?: number): Promise<Store> {
  return openNatsStore({ servers: servers ?? (await natsUrl()), bucket, log: quiet, ...(syncTimeoutMs ? { syncTimeoutMs } : {}) });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

storeSuite("NATS JetStream KV store", async () => openBucket(newBucket()), 30_000);

describe("NATS store: key encoding", () => {
  it("round-trips keys with characters NATS subjects do not allow, and never emits . * > or spaces", () => {
    const keys = [
      "/registry/clusterroles/system:controller:job-controller",
      "/registry/pods/default/web-1.example.com",
      "/registry/x/a*b>c d\te",
      "/registry/x/=3A",
      "/registry/x/ünïcødé/𝄞",
      "/",
    ];
    const encoded = keys.map(encodeKey);
    expect(new Set(encoded).size).to.equal(keys.length);
    for (const [i, e] of encoded.entries()) {
      expect(e).to.match(/^[A-Za-z0-9_/=-]+$/);
      expect(decodeKey(e)).to.equal(keys[i]);
    }
    expect(encodeKey("/registry/clusterroles/system:node")).to.equal("/registry/clusterroles/system=3Anode");
    expect(() => encodeKey("")).to.throw(StoreError);
  });

  it("rejects KV keys that encodeKey cannot have produced", () => {
    for (const bad of ["", "a.b", "=3", "=zz", "=61" /* 'a' escaped: not canonical */, "=FF"]) expect(decodeKey(bad), bad).to.equal(undefined);
  });

  it("parses --store nats://HOST:PORT[/bucket]", () => {
    expect(parseNatsStoreUrl("nats://127.0.0.1:4222")).to.deep.equal({ servers: "nats://127.0.0.1:4222", bucket: "berth" });
    expect(parseNatsStoreUrl("nats://127.0.0.1:4222/prod-api")).to.deep.equal({ servers: "nats://127.0.0.1:4222", bucket: "prod-api" });
    expect(parseNatsStoreUrl("nats://u:p@h:1/b")).to.deep.equal({ servers: "nats://u:p@h:1", bucket: "b" });
    expect(() => parseNatsStoreUrl("nats://h:1/a.b")).to.throw(/bucket name/);
    expect(() => parseNatsStoreUrl("http://h:1")).to.throw(/nats:\/\//);
  });
});

describe("NATS store: several processes on one bucket", function () {
  this.timeout(30_000);
  let bucket: string;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    bucket = newBucket();
    a = await openBucket(bucket);
    b = await openBucket(bucket);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it("keys with ':' and '.' are stored and listed by exact prefix", async () => {
    await a.create("/registry/clusterroles/system:node", "1");
    await a.create("/registry/clusterroles/system:node-proxier", "2");
    await a.create("/registry/clusterrolebindings/system:node", "3");
    await a.create("/registry/pods/default/a.b", "4");
    const r = await b.list("/registry/clusterroles/");
    expect(r.entries.map((e) => e.key)).to.deep.equal(["/registry/clusterroles/system:node", "/registry/clusterroles/system:node-proxier"]);
    expect((await b.get("/registry/pods/default/a.b"))!.value).to.equal("4");
    expect(await b.count("/registry/clusterrole")).to.equal(3);
  });

  it("reads see writes acknowledged by another instance (read-your-writes across processes)", async () => {
    for (let i = 0; i < 50; i++) {
      const w = i % 2 ? a : b;
      const r = i % 2 ? b : a;
      const e = await w.create(`/ryw/${i}`, String(i));
      // No waiting: the read itself catches up with the stream.
      expect(await r.get(`/ryw/${i}`)).to.deep.equal(e);
      expect((await r.list("/ryw/")).revision).to.be.at.least(e.modRevision);
    }
  });

  it("concurrent CAS loops from both instances lose no update", async () => {
    await a.create("/cas/n", "0");
    const wins = new Set<number>();
    const worker = async (s: Store) => {
      for (let done = 0; done < 15; ) {
        const cur = (await s.get("/cas/n"))!;
        try {
          const u = await s.update("/cas/n", String(Number(cur.value) + 1), cur.modRevision);
          wins.add(u.modRevision);
          done++;
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
    };
    await Promise.all([worker(a), worker(a), worker(a), worker(b), worker(b), worker(b)]);
    expect((await a.get("/cas/n"))!.value).to.equal("90");
    expect((await b.get("/cas/n"))!.value).to.equal("90");
    expect(wins.size).to.equal(90);
  });

  it("create races between instances: exactly one wins, the other gets KeyExistsError", async () => {
    for (let i = 0; i < 20; i++) {
      const results = await Promise.allSettled([a.create(`/race/${i}`, "a"), b.create(`/race/${i}`, "b")]);
      expect(results.filter((r) => r.status === "fulfilled").length, `round ${i}`).to.equal(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).to.be.instanceOf(KeyExistsError);
    }
  });

  it("create after another instance deleted the key (its mirror still saw it live)", async () => {
    const c = await a.create("/k", "1");
    await b.get("/k");
    await b.delete("/k", c.modRevision);
    const again = await a.create("/k", "2");
    expect(again.createRevision).to.equal(again.modRevision);
    expect((await b.get("/k"))!.value).to.equal("2");
  });

  it("a watch on one instance from an old revision replays writes made by the other, then follows live", async () => {
    const start = a.currentRevision();
    const written: number[] = [];
    for (let i = 0; i < 10; i++) written.push((await a.create(`/w/${i}`, String(i))).modRevision);
    await b.list("/w/"); // b has caught up
    const events: StoreEvent[] = [];
    const w = b.watch("/w/", { fromRevision: start }, (evs) => events.push(...evs));
    for (let i = 0; i < 5; i++) written.push((await a.delete(`/w/${i}`)).modRevision);
    const deadline = Date.now() + 5000;
    while (events.length < 15 && Date.now() < deadline) await sleep(10);
    w.stop();
    expect(events.map((e) => e.entry.modRevision)).to.deep.equal(written);
    expect(events.slice(10).every((e) => e.type === "DELETE" && e.prev.value === e.entry.value)).to.equal(true);
  });

  it("a compaction by one instance is seen by the other: 410 below it there, and the latest state survives", async () => {
    const x = await a.create("/x/a", "1");
    await a.update("/x/a", "2", x.modRevision);
    await a.create("/x/gone", "1");
    await a.delete("/x/gone");
    const target = a.currentRevision();
    await a.create("/x/b", "1");
    await b.list("/x/");
    await a.compact(target);
    expect(a.compactedRevision()).to.equal(target);
    // b learns of it from the stream at its next read.
    await b.get("/x/a");
    expect(b.compactedRevision()).to.equal(target);
    await rejects(b.list("/x/", { revision: target - 1 }), CompactedError);
    expect(() => b.watch("/x/", { fromRevision: target - 1 }, () => {})).to.throw(CompactedError);
    expect((await b.list("/x/")).entries.map((e) => [e.key, e.value])).to.deep.equal([
      ["/x/a", "2"],
      ["/x/b", "1"],
    ]);
    // b compacting to an older revision changes nothing.
    await b.compact(target - 1);
    expect(a.compactedRevision()).to.equal(target);
  });

  it("a process started after compaction sees every live key, the compacted revision, and createRevisions", async () => {
    const first = await a.create("/y/old", "1");
    let cur = first;
    for (let i = 0; i < 5; i++) cur = await a.update("/y/old", `v${i}`, cur.modRevision);
    for (let i = 0; i < 5; i++) await a.create(`/y/${i}`, String(i));
    await a.delete("/y/3");
    const target = a.currentRevision();
    await a.update("/y/0", "later", (await a.get("/y/0"))!.modRevision);
    await a.compact(target);
    const c = await openBucket(bucket);
    try {
      expect(c.compactedRevision()).to.equal(target);
      expect(c.currentRevision()).to.equal(a.currentRevision());
      expect((await c.list("/y/")).entries).to.deep.equal((await a.list("/y/")).entries);
      expect((await c.get("/y/old"))!.createRevision).to.equal(first.createRevision);
      expect((await c.list("/y/", { revision: target })).entries).to.deep.equal((await a.list("/y/", { revision: target })).entries);
      await rejects(c.get("/y/old", { revision: target - 1 }), CompactedError);
    } finally {
      await c.close();
    }
  });

  it("compaction purges superseded versions from the stream", async () => {
    let cur = await a.create("/p/k", "0");
    for (let i = 1; i <= 20; i++) cur = await a.update("/p/k", String(i), cur.modRevision);
    await a.create("/p/del", "x");
    await a.delete("/p/del");
    const nc = await connect({ servers: await natsUrl() });
    try {
      const jsm = await nc.jetstreamManager();
      const before = (await jsm.streams.info(`KV_${bucket}`)).state.messages;
      await a.compact(a.currentRevision());
      const after = (await jsm.streams.info(`KV_${bucket}`)).state.messages;
      // 21 versions of /p/k -> 1; /p/del's put and delete marker -> 0; init and one compaction record remain.
      expect(before).to.equal(1 + 21 + 2);
      expect(after).to.equal(1 + 1 + 1);
    } finally {
      await nc.close();
    }
    expect((await b.get("/p/k"))!.value).to.equal("20");
    const again = await b.create("/p/del", "y");
    expect(again.createRevision).to.equal(again.modRevision);
  });
});

describe("NATS store: compaction purges", function () {
  this.timeout(20_000);
  it("a purge that fails is retried at the next compaction", async () => {
    const bucket = newBucket();
    const s = await openBucket(bucket);
    const nc = await connect({ servers: await natsUrl() });
    try {
      const jsm = await nc.jetstreamManager();
      const messages = async () => (await jsm.streams.info(`KV_${bucket}`)).state.messages;
      let cur = await s.create("/k", "0");
      for (let i = 1; i <= 5; i++) cur = await s.update("/k", String(i), cur.modRevision);
      // Failure injection: the store's own JetStream manager refuses purges for a while.
      const streams = (s as unknown as { jsm: { streams: { purge: (...a: unknown[]) => Promise<unknown> } } }).jsm.streams;
      const purge = streams.purge;
      streams.purge = async () => {
        throw new Error("injected purge failure");
      };
      await s.compact(s.currentRevision());
      expect(await messages()).to.equal(1 + 6 + 1);
      streams.purge = purge;
      await s.create("/other", "x");
      await s.compact(s.currentRevision());
      expect(await messages()).to.equal(1 + 1 + 1 + 1);
      expect((await s.get("/k"))!.value).to.equal("5");
    } finally {
      await nc.close();
      await s.close();
    }
  });
});

describe("NATS store: limits", function () {
  this.timeout(20_000);
  it("a value over the server's max_payload is ValueTooLargeError and writes nothing; one just under it is stored", async () => {
    const s = await openBucket(newBucket());
    try {
      const rev = s.currentRevision();
      const big = "x".repeat(1024 * 1024 + 1);
      const e = await rejects(s.create("/big", big), ValueTooLargeError);
      expect(e.message).to.match(/request is too large/);
      expect(e.limit).to.be.lessThan(1024 * 1024);
      expect(s.currentRevision()).to.equal(rev);
      const fits = "y".repeat(e.limit);
      expect((await s.create("/big", fits)).value.length).to.equal(e.limit);
      const c = (await s.get("/big"))!;
      await rejects(s.update("/big", big, c.modRevision), ValueTooLargeError);
      expect((await s.get("/big"))!.value).to.equal(fits);
    } finally {
      await s.close();
    }
  });

  it("a bucket berth cannot use is refused with the reason: history limited per key, or foreign messages", async () => {
    const nc = await connect({ servers: await natsUrl() });
    try {
      const jsm = await nc.jetstreamManager();
      const js = nc.jetstream();
      const kv = newBucket();
      await js.views.kv(kv, { history: 5 });
      const e1 = await rejects(openBucket(kv), StoreError);
      expect(e1.message).to.match(/keeps 5 versions per key/);
      const foreign = newBucket();
      await jsm.streams.add({ name: `KV_${foreign}`, subjects: [`$KV.${foreign}.>`], max_msgs_per_subject: -1, allow_rollup_hdrs: true });
      await js.publish(`$KV.${foreign}.somekey`, "x");
      const e2 = await rejects(openBucket(foreign), StoreError);
      expect(e2.message).to.match(/holds 1 message\(s\) berth did not write/);
    } finally {
      await nc.close();
    }
  });

  it("an unreachable server is a clear error", async () => {
    const e = await rejects(openNatsStore({ servers: "nats://127.0.0.1:1", bucket: "x", log: quiet }), StoreError);
    expect(e.message).to.match(/cannot connect to NATS at nats:\/\/127.0.0.1:1/);
  });
});

describe("NATS store: server restart", function () {
  this.timeout(60_000);
  it("the mirror resumes after the NATS server restarts: no lost or duplicated events, writes from both sides", async () => {
    const server = await startNatsServer();
    const stores: Store[] = [];
    try {
      const bucket = uniqueBucket("restart");
      const a = await openBucket(bucket, server.url, 20_000);
      const b = await openBucket(bucket, server.url, 20_000);
      stores.push(a, b);
      const events: StoreEvent[] = [];
      const from = b.currentRevision();
      const w = b.watch("/r/", { fromRevision: from }, (evs) => events.push(...evs));
      for (let i = 0; i < 10; i++) await a.create(`/r/${i}`, "before");
      await server.stop();
      // While the server is down reads cannot be linearizable: they fail, and say why.
      const down = await rejects(a.get("/r/0"), StoreError);
      expect(down.message).to.match(/NATS/);
      const again = await startNatsServer({ port: server.port, storeDir: server.storeDir });
      try {
        // Clients reconnect on their own; writes from both sides go on.
        let written = 10;
        const deadline = Date.now() + 20_000;
        for (let i = 10; i < 20; ) {
          try {
            await (i % 2 ? a : b).create(`/r/${i}`, "after");
            i++;
            written++;
          } catch (e) {
            if (Date.now() > deadline) throw e;
            await sleep(200);
          }
        }
        expect((await b.list("/r/")).entries.length).to.equal(written);
        const until = Date.now() + 10_000;
        while (events.length < 20 && Date.now() < until) await sleep(20);
        await sleep(100);
        w.stop();
        const keys = events.map((e) => e.entry.key);
        expect(keys).to.deep.equal(Array.from({ length: 20 }, (_, i) => `/r/${i}`));
        const revs = events.map((e) => e.entry.modRevision);
        expect([...revs].sort((x, y) => x - y)).to.deep.equal(revs);
        expect((await a.list("/r/")).entries).to.deep.equal((await b.list("/r/")).entries);
      } finally {
        for (const s of stores) await s.close();
        await again.stop();
      }
    } finally {
      for (const s of stores) await s.close();
      server.kill();
      server.cleanup();
    }
  });
});
