/** Table output (kubectl get) and the non-resource endpoints: health, metrics, version. */
import { expect } from "chai";
import { PODS, client, expectFailure, expectOk, pod, startTestServer, type Client, type TestServer, useTestServer } from "./helpers.js";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

describe("api: Table output", () => {
  let s: TestServer;
  let c: Client;
  before(async () => {
    s = await startTestServer();
    c = client(s.url);
    expectOk(await c.post(PODS, pod("tbl", { nodeName: "node-1" })), 201);
  });
  after(async () => s.close());

  it("a pod list as Table: NAME READY STATUS RESTARTS AGE and the wide (priority 1) columns", async () => {
    const t = expectOk(await c.get(PODS, { accept: TABLE }));
    expect(t.kind).to.equal("Table");
    expect(t.apiVersion).to.equal("meta.k8s.io/v1");
    expect(t.metadata.resourceVersion).to.match(/^\d+$/);
    const cols = t.columnDefinitions as { name: string; priority: number; type: string }[];
    expect(cols.map((x) => x.name)).to.deep.equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"]);
    expect(cols.map((x) => x.priority)).to.deep.equal([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(t.rows).to.have.length(1);
    const cells = t.rows[0].cells;
    // printPod writes restarts as a string ("0", "3 (5m ago)").
    expect(cells.slice(0, 4)).to.deep.equal(["tbl", "0/1", "Pending", "0"]);
    expect(cells[4]).to.match(/^\d+s$/);
    expect(cells.slice(5)).to.deep.equal(["<none>", "node-1", "<none>", "<none>"]);
    // Default includeObject=Metadata: the row carries PartialObjectMetadata.
    expect(t.rows[0].object).to.include({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1" });
    expect(t.rows[0].object.metadata.name).to.equal("tbl");
  });

  it("includeObject=Object embeds the whole pod in the row", async () => {
    const t = expectOk(await c.get(`${PODS}?includeObject=Object`, { accept: TABLE }));
    const obj = t.rows[0].object;
    expect(obj.kind).to.equal("Pod");
    expect(obj.spec.nodeName).to.equal("node-1");
  });

  it("a single object as Table", async () => {
    const t = expectOk(await c.get(`${PODS}/tbl`, { accept: TABLE }));
    expect(t.kind).to.equal("Table");
    expect(t.rows.map((r: { cells: unknown[] }) => r.cells[0])).to.deep.equal(["tbl"]);
  });

  it("a bad includeObject -> 400", async () => {
    expectFailure(await c.get(`${PODS}?includeObject=Everything`, { accept: TABLE }), 400, "BadRequest");
  });

  it("Accept with a fallback to plain JSON (kubectl's header) still negotiates Table first", async () => {
    const t = expectOk(await c.get(PODS, { accept: `${TABLE},application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json` }));
    expect(t.kind).to.equal("Table");
  });

  it("an Accept the server cannot serve -> 406 naming what it can", async () => {
    const st = expectFailure(await c.get(PODS, { accept: "application/xml" }), 406, "NotAcceptable");
    expect(st.message).to.equal("only the following media types are accepted: application/json, application/yaml");
  });

  it("application/yaml: the object in YAML", async () => {
    const r = await fetch(`${s.url}${PODS}/tbl`, { headers: { accept: "application/yaml" } });
    expect(r.status).to.equal(200);
    expect(r.headers.get("content-type")).to.match(/^application\/yaml/);
    const text = await r.text();
    expect(text).to.match(/^apiVersion: v1\nkind: Pod\n/m);
    expect(text).to.include("name: tbl");
  });

  it("PartialObjectMetadataList for one object, or PartialObjectMetadata for a list -> 406 with kube-apiserver's words", async () => {
    const one = expectFailure(await c.get(`${PODS}/tbl`, { accept: "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1" }), 406, "NotAcceptable");
    expect(one.message).to.equal("you requested PartialObjectMetadataList, but the requested object is not a list (*core.Pod)");
    const list = expectFailure(await c.get(PODS, { accept: "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1" }), 406, "NotAcceptable");
    expect(list.message).to.equal("you requested PartialObjectMetadata, but the requested object is a list (*core.PodList)");
    const ok = expectOk(await c.get(PODS, { accept: "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1" }));
    expect(ok.kind).to.equal("PartialObjectMetadataList");
    expect(ok.items[0]).to.include({ kind: "PartialObjectMetadata" });
  });
});

describe("api: health, metrics, version", () => {
  let s: TestServer;
  let c: Client;
  useTestServer((server, cl) => ((s = server), (c = cl)));

  for (const path of ["/healthz", "/livez", "/readyz"])
    it(`${path} -> 200 ok; ?verbose lists the checks`, async () => {
      const r = await c.get(path);
      expect(r.status).to.equal(200);
      expect(r.headers.get("content-type")).to.match(/^text\/plain/);
      expect(r.text).to.equal("ok");
      const v = await c.get(`${path}?verbose`);
      expect(v.status).to.equal(200);
      expect(v.text).to.include("[+]ping ok");
      expect(v.text.trimEnd().split("\n").pop()).to.equal(`${path.slice(1)} check passed`);
      expect((await c.get(`${path}/ping`)).text).to.equal("ok");
    });

  it("an unknown health check -> 404", async () => {
    expect((await c.get("/healthz/nonsense")).status).to.equal(404);
  });

  it("/metrics exposes apiserver_request_total by verb, resource and code", async () => {
    expectOk(await c.get("/api/v1/namespaces/default/configmaps"));
    expectFailure(await c.get("/api/v1/namespaces/default/configmaps/missing"), 404, "NotFound");
    const r = await c.get("/metrics");
    expect(r.status).to.equal(200);
    expect(r.headers.get("content-type")).to.match(/^text\/plain/);
    expect(r.text).to.include("# TYPE apiserver_request_total counter");
    const lines = r.text.split("\n").filter((l) => l.startsWith("apiserver_request_total{"));
    expect(lines.some((l) => l.includes('verb="list"') && l.includes('resource="configmaps"') && l.includes('code="200"'))).to.equal(true, lines.join("\n"));
    expect(lines.some((l) => l.includes('verb="get"') && l.includes('resource="configmaps"') && l.includes('code="404"'))).to.equal(true, lines.join("\n"));
    expect(r.text).to.include("apiserver_request_duration_seconds_bucket");
  });

  it("/version reports v1.35", async () => {
    const v = expectOk(await c.get("/version"));
    expect(v.major).to.equal("1");
    expect(v.minor).to.equal("35");
    expect(v.gitVersion).to.match(/^v1\.35\./);
    expect(v).to.have.property("platform");
  });
});
