import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openEmbeddedStore } from "../../src/k8s-api/store/embedded.js";
import { CompactedError, StoreCorruptError } from "../../src/k8s-api/store/errors.js";
import { StoreLockedError } from "../../src/k8s-api/store/lock.js";
import type { Store } from "../../src/k8s-api/store/types.js";
import { rejects, storeSuite } from "./suite.js";

const WRITER = fileURLToPath(new URL("./crash-writer.js", import.meta.url));
const quiet = () => {};

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "berth-store-"));
  dirs.push(d);
  return d;
}
after(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
});

storeSuite("embedded store", async () => openEmbeddedStore(await tempDir(), { log: quiet }));
storeSuite("embedded store (snapshot every 5 records, no fsync)", async () => openEmbeddedStore(await tempDir(), { log: quiet, snapshotEvery: 5, fsync: false }));

/** What a crash would leave: the files of an open store, as they are on disk now. */
async function crashImage(dir: string): Promise<string> {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true, filter: (src) => !src.endsWith("LOCK") });
  return copy;
}

async function segments(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith("wal-")).sort().map((n) => join(dir, n));
}

async function fill(store: Store, n: number, prefix = "/d/"): Promise<void> {
  for (let i = 0; i < n; i++) await store.create(`${prefix}${String(i).padStart(4, "0")}`, JSON.stringify({ i }));
}

function children() {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });
  return (args: string[]) => {
    const c = spawn(process.execPath, [WRITER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    started.push(c);
    return c;
  };
}

function exited(c: ChildProcess): Promise<void> {
  return c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once("exit", () => r()));
}

describe("embedded store: durability", function () {
  this.timeout(10_000);
  const run = children();

  it("reopen keeps keys, values, revisions and createRevisions", async () => {
    const dir = await tempDir();
    const s1 = await openEmbeddedStore(dir, { log: quiet });
    await fill(s1, 20);
    const a = (await s1.get("/d/0003"))!;
    await s1.update("/d/0003", "changed", a.modRevision);
    await s1.delete("/d/0007");
    const before = await s1.list("/");
    const rev = s1.currentRevision();
    await s1.close();
    expect((await readdir(dir)).sort()).to.deep.equal(["snapshot"]);

    const s2 = await openEmbeddedStore(dir, { log: quiet });
    expect(s2.currentRevision()).to.equal(rev);
    expect(s2.compactedRevision()).to.equal(rev);
    expect((await s2.list("/")).entries).to.deep.equal(before.entries);
    const cur = (await s2.get("/d/0003"))!;
    expect(cur.value).to.equal("changed");
    const next = await s2.update("/d/0003", "again", cur.modRevision);
    expect(next.modRevision).to.equal(rev + 1);
    expect(next.createRevision).to.equal(a.createRevision);
    await rejects(s2.get("/d/0003", { revision: rev - 1 }), CompactedError);
    await s2.close();
  });

  it("reopen after a snapshot plus more log (no clean close) keeps everything, and the log's history", async () => {
    const dir = await tempDir();
    const s1 = await openEmbeddedStore(dir, { log: quiet, snapshotEvery: 10 });
    await fill(s1, 25);
    await s1.delete("/d/0001");
    // Let the background snapshot finish, so the image has snapshot + later segments.
    for (let i = 0; i < 100 && !(await readdir(dir)).includes("snapshot"); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    const image = await crashImage(dir);
    expect(await readdir(image)).to.include("snapshot");
    const want = await s1.list("/");
    await s1.close();

    const s2 = await openEmbeddedStore(image, { log: quiet });
    expect((await s2.list("/")).entries).to.deep.equal(want.entries);
    expect(s2.currentRevision()).to.equal(want.revision);
    // Revisions replayed from the log (after the snapshot) can still be read and watched.
    const compacted = s2.compactedRevision();
    expect(compacted).to.be.below(want.revision);
    expect((await s2.list("/", { revision: compacted })).entries.length).to.be.at.least(10);
    await s2.close();
  });

  it("every acknowledged write survives kill -9 of a writing process", async function () {
    const dir = await tempDir();
    const child = run([dir, "write", "100"]);
    const acked: string[] = [];
    let buf = "";
    await new Promise<void>((resolve, reject) => {
      child.on("exit", () => reject(new Error("writer exited early")));
      child.stdout!.on("data", (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split("\n");
        buf = lines.pop()!;
        acked.push(...lines);
        if (acked.length >= 300) {
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await exited(child);
    acked.push(...buf.split("\n").filter(Boolean).slice(0, -1));

    let store: Store;
    try {
      store = await openEmbeddedStore(dir, { log: quiet });
    } catch (e) {
      // SIGKILL may cut a multi-page write short: only a torn tail is acceptable, and
      // the repaired store must still hold every acknowledged key.
      expect(e).to.be.instanceOf(StoreCorruptError);
      expect((e as Error).message).to.match(/truncated/);
      store = await openEmbeddedStore(dir, { log: quiet, repair: true });
    }
    const keys = new Set((await store.list("/crash/")).entries.map((e) => e.key));
    const missing = acked.filter((k) => !keys.has(k));
    expect(missing).to.deep.equal([]);
    expect(keys.size).to.be.at.least(300);
    await store.close();
  });

  it("a truncated log tail is StoreCorruptError; repair truncates it and reports", async () => {
    const dir = await tempDir();
    const s1 = await openEmbeddedStore(dir, { log: quiet });
    await fill(s1, 10);
    const image = await crashImage(dir);
    await s1.close();
    const [wal] = await segments(image);
    const size = (await stat(wal!)).size;
    await truncate(wal!, size - 5);

    const err = await rejects(openEmbeddedStore(image, { log: quiet }), StoreCorruptError);
    expect(err.file).to.equal(wal);
    expect(err.offset).to.be.below(size - 5);
    expect(err.offset).to.be.greaterThan(0);
    expect(err.message).to.contain(wal!).and.to.match(/truncated/);

    const warnings: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
    const s2 = await openEmbeddedStore(image, { repair: true, log: (msg, fields) => warnings.push({ msg, ...(fields ? { fields } : {}) }) });
    expect(warnings).to.have.length(1);
    expect(warnings[0]!.fields).to.include({ file: wal, offset: err.offset });
    expect((await s2.list("/d/")).entries.map((e) => e.key)).to.deep.equal(Array.from({ length: 9 }, (_, i) => `/d/000${i}`));
    await s2.create("/d/0009", "again");
    await s2.close();
    const s3 = await openEmbeddedStore(image, { log: quiet });
    expect(await s3.count("/d/")).to.equal(10);
    await s3.close();
  });

  it("a flipped byte in the middle of the log is StoreCorruptError at that record", async () => {
    const dir = await tempDir();
    const s1 = await openEmbeddedStore(dir, { log: quiet });
    await fill(s1, 10);
    const image = await crashImage(dir);
    await s1.close();
    const [wal] = await segments(image);
    const bytes = await readFile(wal!);
    const at = bytes.indexOf("/d/0004");
    bytes[at + 3] = bytes[at + 3]! ^ 0x01;
    await writeFile(wal!, bytes);
    const err = await rejects(openEmbeddedStore(image, { log: quiet }), StoreCorruptError);
    expect(err.file).to.equal(wal);
    expect(err.message).to.match(/checksum/);
    expect(err.offset).to.be.below(at).and.above(at - 40);
    // The lock was released: a repairing open works and keeps the records before it.
    const s2 = await openEmbeddedStore(image, { log: quiet, repair: true });
    expect(await s2.count("/d/")).to.equal(4);
    await s2.close();
  });

  it("a damaged snapshot is StoreCorruptError, even with repair", async () => {
    const dir = await tempDir();
    const s1 = await openEmbeddedStore(dir, { log: quiet });
    await fill(s1, 10);
    await s1.close();
    const file = join(dir, "snapshot");
    const bytes = await readFile(file);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    await writeFile(file, bytes);
    const err = await rejects(openEmbeddedStore(dir, { log: quiet, repair: true }), StoreCorruptError);
    expect(err.file).to.equal(file);
  });

  it("group commit: 2,000 concurrent fsynced creates are all durable and fast", async () => {
    const dir = await tempDir();
    const s1 = await openEmbeddedStore(dir, { log: quiet });
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 2000 }, (_, i) => s1.create(`/g/${i}`, "v")));
    expect(Date.now() - t0).to.be.below(3000);
    const image = await crashImage(dir);
    await s1.close();
    const s2 = await openEmbeddedStore(image, { log: quiet });
    expect(await s2.count("/g/")).to.equal(2000);
    await s2.close();
  });
});

describe("embedded store: lock", function () {
  this.timeout(10_000);
  const run = children();

  it("a directory locked by a live process cannot be opened", async () => {
    const dir = await tempDir();
    const child = run([dir, "hold"]);
    await new Promise<void>((resolve, reject) => {
      child.on("exit", () => reject(new Error("holder exited")));
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    });
    const err = await rejects(openEmbeddedStore(dir, { log: quiet }), StoreLockedError);
    expect(err.pid).to.equal(child.pid);
    expect(err.message).to.contain(dir);
    child.kill("SIGKILL");
    await exited(child);
    // Its lock is now stale and is taken over.
    const s = await openEmbeddedStore(dir, { log: quiet });
    expect((await readFile(join(dir, "LOCK"), "utf8")).trim()).to.equal(String(process.pid));
    await s.close();
    expect(await readdir(dir)).not.to.include("LOCK");
  });

  it("the same directory cannot be opened twice in one process", async () => {
    const dir = await tempDir();
    const s = await openEmbeddedStore(dir, { log: quiet });
    await rejects(openEmbeddedStore(dir, { log: quiet }), StoreLockedError);
    await s.close();
  });
});


