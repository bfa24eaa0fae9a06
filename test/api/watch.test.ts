/** Watch over HTTP: ordering from a revision, initial state, bookmarks, selectors, 410 and timeouts. */
import { expect } from "chai";
import { client, configMap, expectOk, openWatch, startTestServer, type Client, type TestServer } from "./helpers.js";

describe("api: watch", () => {
  let s: TestServer;
  let c: Client;
  let n = 0;
  let NS: string;
  before(async () => {
    s = await startTestServer({ bookmarkIntervalMs: 150 });
    c = client(s.url);
  });
  after(async () => s.close());
  // Each test gets its own namespace so watches see only their own objects.
  beforeEach(async () => {
    const ns = `w${++n}`;
    expectOk(await c.post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } }), 201);
    NS = `/api/v1/namespaces/${ns}/configmaps`;
  });

  it("?watch=1&resourceVersion=N streams ADDED, MODIFIED, DELETED in order from N", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const w = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}`);
    try {
      expect(w.status).to.equal(200);
      expect(w.headers.get("content-type")).to.match(/^application\/json/);
      const created = expectOk(await c.post(NS, configMap("x", { v: "1" })), 201);
      const updated = expectOk(await c.put(`${NS}/x`, { ...created, data: { v: "2" } }));
      expectOk(await c.del(`${NS}/x`));
      const evs = await w.next(3);
      expect(evs.map((e) => e.type)).to.deep.equal(["ADDED", "MODIFIED", "DELETED"]);
      expect(evs[0]!.object).to.include({ kind: "ConfigMap", apiVersion: "v1" });
      expect(evs[0]!.object.metadata.resourceVersion).to.equal(created.metadata.resourceVersion);
      expect(evs[1]!.object.data).to.deep.equal({ v: "2" });
      expect(evs[1]!.object.metadata.resourceVersion).to.equal(updated.metadata.resourceVersion);
      // DELETED carries the last state at the delete's revision.
      expect(evs[2]!.object.data).to.deep.equal({ v: "2" });
      expect(Number(evs[2]!.object.metadata.resourceVersion)).to.be.greaterThan(Number(updated.metadata.resourceVersion));
    } finally {
      await w.close();
    }
  });

  it("a watch from an older revision replays what happened since", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    expectOk(await c.post(NS, configMap("early")), 201);
    const w = await openWatch(s.url, `${NS}?watch=true&resourceVersion=${rv}`);
    try {
      const evs = await w.next(1);
      expect(evs[0]!.type).to.equal("ADDED");
      expect(evs[0]!.object.metadata.name).to.equal("early");
    } finally {
      await w.close();
    }
  });

  for (const rv of ["", "0"])
    it(`resourceVersion="${rv}" starts with synthetic ADDED events of the current state`, async () => {
      expectOk(await c.post(NS, configMap("one")), 201);
      expectOk(await c.post(NS, configMap("two")), 201);
      const w = await openWatch(s.url, `${NS}?watch=1${rv === "" ? "" : `&resourceVersion=${rv}`}`);
      try {
        const evs = await w.next(2);
        expect(evs.map((e) => [e.type, e.object.metadata.name])).to.deep.equal([
          ["ADDED", "one"],
          ["ADDED", "two"],
        ]);
        expectOk(await c.post(NS, configMap("three")), 201);
        const more = await w.next(3);
        expect([more[2]!.type, more[2]!.object.metadata.name]).to.deep.equal(["ADDED", "three"]);
      } finally {
        await w.close();
      }
    });

  it("the /watch/ path prefix works like ?watch=1", async () => {
    expectOk(await c.post(NS, configMap("p")), 201);
    const w = await openWatch(s.url, NS.replace("/api/v1/", "/api/v1/watch/"));
    try {
      const evs = await w.next(1);
      expect([evs[0]!.type, evs[0]!.object.metadata.name]).to.deep.equal(["ADDED", "p"]);
    } finally {
      await w.close();
    }
  });

  it("a watch on one name sees only that object", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const w = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}&fieldSelector=metadata.name%3Dme`);
    try {
      expectOk(await c.post(NS, configMap("other")), 201);
      expectOk(await c.post(NS, configMap("me")), 201);
      const evs = await w.next(1);
      expect(evs[0]!.object.metadata.name).to.equal("me");
      expect(evs).to.have.length(1);
    } finally {
      await w.close();
    }
  });

  it("allowWatchBookmarks=true sends periodic BOOKMARK events carrying only a resourceVersion", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const w = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`);
    try {
      const evs = await w.next(1, 2000);
      const b = evs[0]!;
      expect(b.type).to.equal("BOOKMARK");
      expect(b.object.kind).to.equal("ConfigMap");
      expect(b.object.apiVersion).to.equal("v1");
      expect(Object.keys(b.object.metadata)).to.deep.equal(["resourceVersion"]);
      expect(Number(b.object.metadata.resourceVersion)).to.be.at.least(Number(rv));
    } finally {
      await w.close();
    }
  });

  it("no bookmarks unless asked for", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const w = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}`);
    try {
      await new Promise((r) => setTimeout(r, 400));
      expect(w.events).to.deep.equal([]);
    } finally {
      await w.close();
    }
  });

  it("sendInitialEvents=true: initial ADDED events, then a BOOKMARK annotated k8s.io/initial-events-end", async () => {
    expectOk(await c.post(NS, configMap("i1")), 201);
    expectOk(await c.post(NS, configMap("i2")), 201);
    // A write elsewhere: the list revision is now newer than any object listed here.
    expectOk(await c.post("/api/v1/namespaces/default/configmaps", configMap(`elsewhere-${Date.now()}`)), 201);
    const listRV = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const w = await openWatch(s.url, `${NS}?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=&allowWatchBookmarks=true`);
    try {
      const evs = await w.next(3);
      expect(evs.slice(0, 2).map((e) => [e.type, e.object.metadata.name])).to.deep.equal([
        ["ADDED", "i1"],
        ["ADDED", "i2"],
      ]);
      const end = evs[2]!;
      expect(end.type).to.equal("BOOKMARK");
      expect(end.object.metadata.annotations).to.deep.equal({ "k8s.io/initial-events-end": "true" });
      // The revision the initial state was read at, not the newest listed object's.
      expect(end.object.metadata.resourceVersion).to.equal(listRV);
    } finally {
      await w.close();
    }
  });

  it("a legacy watch from resourceVersion=\"\" with bookmarks also ends its initial events with the annotated BOOKMARK", async () => {
    expectOk(await c.post(NS, configMap("l1")), 201);
    const w = await openWatch(s.url, `${NS}?watch=1&allowWatchBookmarks=true`);
    try {
      const evs = await w.next(2);
      expect(evs[0]!.type).to.equal("ADDED");
      expect(evs[1]!.type).to.equal("BOOKMARK");
      expect(evs[1]!.object.metadata.annotations).to.deep.equal({ "k8s.io/initial-events-end": "true" });
    } finally {
      await w.close();
    }
  });

  it("labelSelector: an object leaving the selector is DELETED (with its previous content), entering is ADDED", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const w = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}&labelSelector=app%3Dweb`);
    try {
      const a = expectOk(await c.post(NS, configMap("sel", { v: "1" }, { app: "web" })), 201);
      expectOk(await c.post(NS, configMap("never", {}, { app: "db" })), 201);
      const b = expectOk(await c.put(`${NS}/sel`, { ...a, data: { v: "2" } }));
      const out = expectOk(await c.put(`${NS}/sel`, { ...b, metadata: { ...b.metadata, labels: { app: "db" } }, data: { v: "3" } }));
      const back = expectOk(await c.put(`${NS}/sel`, { ...out, metadata: { ...out.metadata, labels: { app: "web" } } }));
      const evs = await w.next(4);
      expect(evs.map((e) => [e.type, e.object.metadata.name])).to.deep.equal([
        ["ADDED", "sel"],
        ["MODIFIED", "sel"],
        ["DELETED", "sel"],
        ["ADDED", "sel"],
      ]);
      // cacheWatcher: the DELETED object is the previous content at the event's resourceVersion.
      expect(evs[2]!.object.metadata.labels).to.deep.equal({ app: "web" });
      expect(evs[2]!.object.data).to.deep.equal({ v: "2" });
      expect(evs[2]!.object.metadata.resourceVersion).to.equal(out.metadata.resourceVersion);
      expect(evs[3]!.object.metadata.resourceVersion).to.equal(back.metadata.resourceVersion);
    } finally {
      await w.close();
    }
  });

  it("concurrent watchers (each store event decoded and encoded once for all): each sees its own selector's stream", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    const all = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}`);
    const all2 = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}`);
    const web = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}&labelSelector=app%3Dweb`);
    const meta = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${rv}`, { accept: "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1" });
    try {
      const a = expectOk(await c.post(NS, configMap("sel", { v: "1" }, { app: "web" })), 201);
      const out = expectOk(await c.put(`${NS}/sel`, { ...a, metadata: { ...a.metadata, labels: { app: "db" } }, data: { v: "2" } }));
      expectOk(await c.del(`${NS}/sel`));
      const [evAll, evAll2, evWeb, evMeta] = await Promise.all([all.next(3), all2.next(3), web.next(2), meta.next(3)]);
      for (const evs of [evAll, evAll2]) {
        expect(evs.map((e) => e.type)).to.deep.equal(["ADDED", "MODIFIED", "DELETED"]);
        expect(evs.slice(0, 2).map((e) => e.object.metadata.resourceVersion)).to.deep.equal([a.metadata.resourceVersion, out.metadata.resourceVersion]);
        expect(Number(evs[2]!.object.metadata.resourceVersion)).to.be.greaterThan(Number(out.metadata.resourceVersion));
        expect(evs[1]!.object.data).to.deep.equal({ v: "2" });
      }
      expect(evAll2).to.deep.equal(evAll);
      // Leaving the selector: DELETED with the previous content at the event's revision.
      expect(evWeb.map((e) => e.type)).to.deep.equal(["ADDED", "DELETED"]);
      expect(evWeb[1]!.object.data).to.deep.equal({ v: "1" });
      expect(evWeb[1]!.object.metadata.resourceVersion).to.equal(out.metadata.resourceVersion);
      expect(evMeta.map((e) => [e.type, e.object.kind])).to.deep.equal([
        ["ADDED", "PartialObjectMetadata"],
        ["MODIFIED", "PartialObjectMetadata"],
        ["DELETED", "PartialObjectMetadata"],
      ]);
      expect(evMeta[1]!.object.metadata.labels).to.deep.equal({ app: "db" });
    } finally {
      await Promise.all([all.close(), all2.close(), web.close(), meta.close()]);
    }
  });

  it("a watch from a compacted revision: HTTP 200, then an ERROR event with a 410 Expired Status", async () => {
    const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
    expectOk(await c.post(NS, configMap("churn")), 201);
    expectOk(await c.del(`${NS}/churn`));
    await s.store.compact(s.store.currentRevision());
    const w = await openWatch(s.url, `${NS}?watch=1&resourceVersion=${Number(rv) - 1}`);
    try {
      expect(w.status).to.equal(200);
      const evs = await w.next(1);
      const e = evs[0]!;
      expect(e.type).to.equal("ERROR");
      expect(e.object).to.include({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "Expired", code: 410 });
      expect(e.object.message).to.match(/^too old resource version: \d+ \(\d+\)$/);
      // kube-apiserver ends the stream after the error.
      await w.end();
    } finally {
      await w.close();
    }
  });

  it("timeoutSeconds ends the stream", async () => {
    const started = Date.now();
    const w = await openWatch(s.url, `${NS}?watch=1&timeoutSeconds=1`);
    try {
      await w.end(3000);
      expect(Date.now() - started).to.be.within(900, 2500);
    } finally {
      await w.close();
    }
  });

  it("Table watch (kubectl get -w): rows, column definitions on the first event only", async () => {
    expectOk(await c.post(NS, configMap("t1")), 201);
    const w = await openWatch(s.url, `${NS}?watch=1`, { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
    try {
      const evs = await w.next(1);
      expect(evs[0]!.type).to.equal("ADDED");
      expect(evs[0]!.object.kind).to.equal("Table");
      expect(evs[0]!.object.columnDefinitions.map((d: { name: string }) => d.name)).to.deep.equal(["Name", "Data", "Age"]);
      expect(evs[0]!.object.rows[0].cells.slice(0, 2)).to.deep.equal(["t1", 1]);
      expectOk(await c.post(NS, configMap("t2")), 201);
      const more = await w.next(2);
      expect(more[1]!.object.columnDefinitions ?? []).to.deep.equal([]);
    } finally {
      await w.close();
    }
  });
});
