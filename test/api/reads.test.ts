/** get and list: selectors, pagination and resourceVersion semantics (NotOlderThan, Exact, compaction). */
import { expect } from "chai";
import { CM, PODS, client, configMap, expectFailure, expectOk, names, pod, sleep, startTestServer, type Client, type TestServer } from "./helpers.js";

describe("api: reads", () => {
  let s: TestServer;
  let c: Client;
  const NS = "/api/v1/namespaces/reads/configmaps";
  before(async () => {
    s = await startTestServer();
    c = client(s.url);
    expectOk(await c.post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "reads" } }), 201);
    // a..e with labels: tier in {web, db, cache} and an "exposed" key on some.
    const rows: [string, Record<string, string>][] = [
      ["a", { tier: "web", exposed: "yes" }],
      ["b", { tier: "web" }],
      ["c", { tier: "db" }],
      ["d", { tier: "cache", exposed: "no" }],
      ["e", {}],
    ];
    for (const [n, labels] of rows) expectOk(await c.post(NS, configMap(n, { n }, labels)), 201);
  });
  after(async () => s.close());

  describe("labelSelector", () => {
    const cases: [string, string[]][] = [
      ["tier=web", ["a", "b"]],
      ["tier==web", ["a", "b"]],
      ["tier!=web", ["c", "d", "e"]],
      ["tier in (db,cache)", ["c", "d"]],
      ["tier notin (web)", ["c", "d", "e"]],
      ["exposed", ["a", "d"]],
      ["!exposed", ["b", "c", "e"]],
      ["tier=web,exposed", ["a"]],
      ["tier=nothing", []],
    ];
    for (const [sel, want] of cases)
      it(`${sel} -> ${want.join(",") || "(none)"}`, async () => {
        const list = expectOk(await c.get(`${NS}?labelSelector=${encodeURIComponent(sel)}`));
        expect(names(list)).to.deep.equal(want);
      });

    it("a malformed selector -> 400", async () => {
      expectFailure(await c.get(`${NS}?labelSelector=${encodeURIComponent("tier in (web")}`), 400, "BadRequest");
    });
  });

  describe("fieldSelector", () => {
    it("metadata.name and metadata.namespace", async () => {
      expect(names(expectOk(await c.get(`${NS}?fieldSelector=metadata.name%3Dc`)))).to.deep.equal(["c"]);
      expect(names(expectOk(await c.get(`${NS}?fieldSelector=metadata.name!%3Dc`)))).to.deep.equal(["a", "b", "d", "e"]);
      const all = expectOk(await c.get(`/api/v1/configmaps?fieldSelector=metadata.namespace%3Dreads`));
      expect(names(all)).to.deep.equal(["a", "b", "c", "d", "e"]);
    });

    it("pods: spec.nodeName and status.phase", async () => {
      expectOk(await c.post(PODS, pod("on-n1", { nodeName: "n1" })), 201);
      expectOk(await c.post(PODS, pod("unscheduled")), 201);
      expect(names(expectOk(await c.get(`${PODS}?fieldSelector=spec.nodeName%3Dn1`)))).to.deep.equal(["on-n1"]);
      // Unscheduled pods are what a scheduler lists with spec.nodeName=.
      expect(names(expectOk(await c.get(`${PODS}?fieldSelector=spec.nodeName%3D`)))).to.deep.equal(["unscheduled"]);
      expect(names(expectOk(await c.get(`${PODS}?fieldSelector=status.phase%3DPending`)))).to.deep.equal(["on-n1", "unscheduled"]);
      expect(names(expectOk(await c.get(`${PODS}?fieldSelector=status.phase%3DRunning`)))).to.deep.equal([]);
    });

    it("an unsupported field -> 400 (pods: field label not supported; others: the default conversion's message)", async () => {
      // runtime.DefaultMetaV1FieldSelectorConversion for kinds without their own field labels.
      expectFailure(await c.get(`${NS}?fieldSelector=data.n%3Da`), 400, "BadRequest", '"data.n" is not a known field selector: only "metadata.name", "metadata.namespace"');
      expectFailure(await c.get(`${PODS}?fieldSelector=spec.bogus%3Dx`), 400, "BadRequest", "field label not supported: spec.bogus");
    });
  });

  describe("streamed lists", () => {
    const NS2 = "/api/v1/namespaces/stream/configmaps";
    before(async () => {
      expectOk(await c.post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "stream" } }), 201);
      // 501 objects: more than one chunk of the streamed response; every third one with its fields in another order than apiVersion, kind, metadata.
      for (let i = 0; i < 501; i++) {
        const cm = configMap(`cm-${String(i).padStart(3, "0")}`, { i: String(i) });
        const body = i % 3 === 0 ? { data: cm.data, metadata: cm.metadata, kind: cm.kind, apiVersion: cm.apiVersion } : cm;
        expectOk(await c.post(NS2, body), 201);
      }
    });

    it("items are the objects GET returns, without apiVersion and kind, whatever order they were sent in", async () => {
      const list = expectOk(await c.get(NS2));
      expect(list).to.include({ kind: "ConfigMapList", apiVersion: "v1" });
      expect(list.items).to.have.length(501);
      for (const i of [0, 1, 2, 499, 500]) {
        const item = list.items[i];
        const { apiVersion, kind, ...got } = expectOk(await c.get(`${NS2}/${item.metadata.name}`));
        expect([apiVersion, kind]).to.deep.equal(["v1", "ConfigMap"]);
        expect(item).to.deep.equal(got);
        expect(item.metadata.resourceVersion).to.match(/^\d+$/);
      }
    });

    it("the body is byte for byte the typed list of what GET returns (resourceVersion first), across Buffers and with multi-byte UTF-8", async () => {
      const NS3 = "/api/v1/namespaces/bytes/configmaps";
      expectOk(await c.post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "bytes" } }), 201);
      // ~1.5 MB: more than one of the stream's 1 MiB Buffers, with 2-, 3- and 4-byte characters throughout.
      const wide = "é日😀x".repeat(400);
      for (let i = 0; i < 300; i++) {
        const cm = configMap(`w-${String(i).padStart(3, "0")}`, { v: wide.slice(i % 4), i: String(i) }, i % 2 ? { k: "v" } : undefined);
        if (i % 3 === 0) (cm.metadata as { annotations?: Record<string, string> }).annotations = { note: "ü€" };
        const body = i % 5 === 0 ? { data: cm.data, metadata: cm.metadata, kind: cm.kind, apiVersion: cm.apiVersion } : cm;
        expectOk(await c.post(NS3, body), 201);
      }
      const r = await fetch(`${s.url}${NS3}`);
      const bytes = Buffer.from(await r.arrayBuffer());
      const rv = (JSON.parse(bytes.toString("utf8")) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      const items = [];
      for (let i = 0; i < 300; i++) {
        const { apiVersion: _a, kind: _k, ...got } = expectOk(await c.get(`${NS3}/w-${String(i).padStart(3, "0")}`));
        // Stored JSON that starts with apiVersion, kind and metadata is spliced (resourceVersion first); the rest is encoded from the object GET returns.
        const { metadata, ...rest } = got;
        const { resourceVersion, ...meta } = metadata;
        items.push(i % 5 === 0 ? got : { metadata: { resourceVersion, ...meta }, ...rest });
      }
      const want = JSON.stringify({ kind: "ConfigMapList", apiVersion: "v1", metadata: { resourceVersion: rv }, items });
      expect(bytes.length).to.be.greaterThan(1 << 20);
      expect(bytes.equals(Buffer.from(want, "utf8"))).to.equal(true);
    });

    it("a Table lists a row per object across chunks", async () => {
      const r = await fetch(`${s.url}${NS2}`, { headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } });
      const table = (await r.json()) as { kind: string; rows: { cells: unknown[]; object: { metadata: { name: string } } }[]; columnDefinitions: unknown[] };
      expect(table.kind).to.equal("Table");
      expect(table.columnDefinitions).to.not.be.empty;
      expect(table.rows.map((row) => row.object.metadata.name)).to.deep.equal(Array.from({ length: 501 }, (_, i) => `cm-${String(i).padStart(3, "0")}`));
    });
  });

  describe("pagination", () => {
    it("limit/continue walk every item once with remainingItemCount", async () => {
      const p1 = expectOk(await c.get(`${NS}?limit=2`));
      expect(names(p1)).to.deep.equal(["a", "b"]);
      expect(p1.metadata.continue).to.be.a("string").and.not.empty;
      expect(p1.metadata.remainingItemCount).to.equal(3);
      const p2 = expectOk(await c.get(`${NS}?limit=2&continue=${encodeURIComponent(p1.metadata.continue)}`));
      expect(names(p2)).to.deep.equal(["c", "d"]);
      expect(p2.metadata.remainingItemCount).to.equal(1);
      // Every page is read at the first page's revision.
      expect(p2.metadata.resourceVersion).to.equal(p1.metadata.resourceVersion);
      const p3 = expectOk(await c.get(`${NS}?limit=2&continue=${encodeURIComponent(p2.metadata.continue)}`));
      expect(names(p3)).to.deep.equal(["e"]);
      expect(p3.metadata).to.not.have.property("continue");
      expect(p3.metadata).to.not.have.property("remainingItemCount");
    });

    it("pages are consistent: a write between pages is not seen", async () => {
      const p1 = expectOk(await c.get(`${NS}?limit=3`));
      expectOk(await c.post(NS, configMap("f")), 201);
      try {
        const p2 = expectOk(await c.get(`${NS}?limit=3&continue=${encodeURIComponent(p1.metadata.continue)}`));
        expect(names(p2)).to.deep.equal(["d", "e"]);
      } finally {
        expectOk(await c.del(`${NS}/f`));
      }
    });

    it("a filtered page reports no remainingItemCount", async () => {
      const p = expectOk(await c.get(`${NS}?limit=1&labelSelector=tier`));
      expect(names(p)).to.deep.equal(["a"]);
      expect(p.metadata.continue).to.be.a("string");
      expect(p.metadata).to.not.have.property("remainingItemCount");
    });

    it("a garbage continue token -> 400", async () => {
      expectFailure(await c.get(`${NS}?limit=2&continue=garbage`), 400, "BadRequest");
    });
  });

  describe("resourceVersion", () => {
    it('get and list with resourceVersion="0" serve the current state', async () => {
      const obj = expectOk(await c.get(`${NS}/a?resourceVersion=0`));
      expect(obj.data).to.deep.equal({ n: "a" });
      expect(names(expectOk(await c.get(`${NS}?resourceVersion=0`)))).to.deep.equal(["a", "b", "c", "d", "e"]);
    });

    it("a list's resourceVersion is the store's current revision", async () => {
      const list = expectOk(await c.get(NS));
      expect(Number(list.metadata.resourceVersion)).to.equal(s.store.currentRevision());
    });

    it("resourceVersionMatch=Exact at an old revision returns the old state", async () => {
      const before = expectOk(await c.get(NS)).metadata.resourceVersion as string;
      const cur = expectOk(await c.get(`${NS}/b`));
      expectOk(await c.put(`${NS}/b`, { ...cur, data: { n: "b2" } }));
      expectOk(await c.post(NS, configMap("g")), 201);
      try {
        const old = expectOk(await c.get(`${NS}?resourceVersion=${before}&resourceVersionMatch=Exact`));
        expect(old.metadata.resourceVersion).to.equal(before);
        expect(names(old)).to.deep.equal(["a", "b", "c", "d", "e"]);
        expect(old.items[1].data).to.deep.equal({ n: "b" });
        const now = expectOk(await c.get(NS));
        expect(names(now)).to.include("g");
      } finally {
        expectOk(await c.del(`${NS}/g`));
      }
    });

    it("limit with a resourceVersion and no match reads at that revision (legacy exact)", async () => {
      const before = expectOk(await c.get(NS)).metadata.resourceVersion as string;
      expectOk(await c.post(NS, configMap("aa")), 201);
      try {
        const old = expectOk(await c.get(`${NS}?resourceVersion=${before}&limit=10`));
        expect(old.metadata.resourceVersion).to.equal(before);
        expect(names(old)).to.deep.equal(["a", "b", "c", "d", "e"]);
        // Without limit the same resourceVersion means "not older than": the latest state.
        expect(names(expectOk(await c.get(`${NS}?resourceVersion=${before}`)))).to.include("aa");
      } finally {
        expectOk(await c.del(`${NS}/aa`));
      }
    });

    it("NotOlderThan at a current revision serves the latest state", async () => {
      const rv = expectOk(await c.get(NS)).metadata.resourceVersion as string;
      const list = expectOk(await c.get(`${NS}?resourceVersion=${rv}&resourceVersionMatch=NotOlderThan`));
      expect(Number(list.metadata.resourceVersion)).to.be.at.least(Number(rv));
      expect(names(list)).to.deep.equal(["a", "b", "c", "d", "e"]);
    });

    it("resourceVersionMatch without resourceVersion -> 422", async () => {
      expectFailure(await c.get(`${NS}?resourceVersionMatch=Exact`), 422, "Invalid", /resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided/);
    });

    it("a future revision -> 504 Timeout 'Too large resource version' with retryAfterSeconds, after waiting 3 s", async () => {
      const future = s.store.currentRevision() + 100;
      const cur = s.store.currentRevision();
      const started = Date.now();
      const paths = [`${NS}?resourceVersion=${future}&resourceVersionMatch=NotOlderThan`, `${NS}?resourceVersion=${future}&resourceVersionMatch=Exact`, `${NS}/a?resourceVersion=${future}`];
      for (const r of await Promise.all(paths.map((p) => c.get(p)))) {
        const st = expectFailure(r, 504, "Timeout", `Timeout: Too large resource version: ${future}, current: ${cur}`);
        expect(st.details).to.deep.equal({ causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 });
      }
      expect(Date.now() - started).to.be.at.least(2900);
    });

    it("a read at the next revision waits for the write that makes it", async () => {
      const next = s.store.currentRevision() + 1;
      const pending = c.get(`${NS}?resourceVersion=${next}&resourceVersionMatch=NotOlderThan`);
      await sleep(200);
      expectOk(await c.post("/api/v1/namespaces/default/configmaps", configMap(`later-${Date.now()}`)), 201);
      const list = expectOk(await pending);
      expect(Number(list.metadata.resourceVersion)).to.be.at.least(next);
    });

    it("a non-numeric resourceVersion -> 400", async () => {
      expectFailure(await c.get(`${NS}?resourceVersion=abc&resourceVersionMatch=NotOlderThan`), 400, "BadRequest");
    });

    // Last: compaction removes the history the tests above read.
    describe("after compaction", () => {
      let oldRV: string;
      let token: string;
      before(async () => {
        oldRV = expectOk(await c.get(NS)).metadata.resourceVersion as string;
        token = expectOk(await c.get(`${NS}?limit=2`)).metadata.continue as string;
        const cur = expectOk(await c.get(`${NS}/c`));
        expectOk(await c.put(`${NS}/c`, { ...cur, data: { n: "c2" } }));
        await s.store.compact(s.store.currentRevision());
      });

      it("Exact at a compacted revision -> 410 Expired", async () => {
        expectFailure(await c.get(`${NS}?resourceVersion=${oldRV}&resourceVersionMatch=Exact`), 410, "Expired", "The resourceVersion for the provided list is too old.");
      });

      // etcd3 handleCompactedErrorForPaging: the 410 carries the "inconsistent continue" message and a fresh
      // metadata.continue token (resourceVersion -1) that resumes the list at the latest revision.
      it("a continue token from before compaction -> 410 Expired with a token to continue inconsistently", async () => {
        const st = expectFailure(await c.get(`${NS}?limit=2&continue=${encodeURIComponent(token)}`), 410, "Expired", /^The provided continue parameter is too old to display a consistent list result\. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results\. Continuing with the provided token results in an inconsistent list/);
        expect(st.metadata.continue).to.be.a("string");
        const rest = expectOk(await c.get(`${NS}?limit=10&continue=${encodeURIComponent(st.metadata.continue)}`));
        expect(names(rest)).to.deep.equal(["c", "d", "e"]);
      });

      it("Exact-by-limit (legacy) at a compacted revision -> 410 too", async () => {
        expectFailure(await c.get(`${NS}?resourceVersion=${oldRV}&limit=2`), 410, "Expired", "The resourceVersion for the provided list is too old.");
      });

      it("NotOlderThan and resourceVersion=0 still serve the latest state", async () => {
        const a = expectOk(await c.get(`${NS}?resourceVersion=${oldRV}&resourceVersionMatch=NotOlderThan`));
        expect(a.items.find((i: any) => i.metadata.name === "c").data).to.deep.equal({ n: "c2" });
        expectOk(await c.get(`${NS}?resourceVersion=0`));
        expectOk(await c.get(`${NS}/c?resourceVersion=${oldRV}`));
      });
    });
  });
});
