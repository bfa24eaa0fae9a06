/** Create and update over HTTP: server-set fields, conflicts, dryRun, field managers, fieldValidation. */
import { expect } from "chai";
import { CM, PODS, client, configMap, expectFailure, expectOk, names, pod, startTestServer, type Client, type TestServer, useTestServer } from "./helpers.js";

describe("api: writes", () => {
  let s: TestServer;
  let c: Client;
  useTestServer((server, cl) => ((s = server), (c = cl)));

  it("create -> 201 with uid, resourceVersion and creationTimestamp", async () => {
    const r = await c.post(CM, configMap("created"));
    const obj = expectOk(r, 201);
    expect(obj.kind).to.equal("ConfigMap");
    expect(obj.apiVersion).to.equal("v1");
    expect(obj.metadata.namespace).to.equal("default");
    expect(obj.metadata.uid).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(obj.metadata.resourceVersion).to.match(/^\d+$/);
    expect(obj.metadata.creationTimestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // What a get returns is what the create answered.
    const got = expectOk(await c.get(`${CM}/created`));
    expect(got.metadata.uid).to.equal(obj.metadata.uid);
    expect(got.metadata.resourceVersion).to.equal(obj.metadata.resourceVersion);
  });

  it("server-owned fields in a create body are replaced", async () => {
    const body = configMap("owned");
    (body.metadata as Record<string, unknown>).uid = "not-a-real-uid";
    (body.metadata as Record<string, unknown>).resourceVersion = "12345";
    const obj = expectOk(await c.post(CM, body), 201);
    expect(obj.metadata.uid).to.not.equal("not-a-real-uid");
    expect(obj.metadata.resourceVersion).to.not.equal("12345");
  });

  it("generateName gets a 5-character suffix", async () => {
    const obj = expectOk(await c.post(CM, { apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "gen-" } }), 201);
    expect(obj.metadata.name).to.match(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(obj.metadata.generateName).to.equal("gen-");
  });

  it("create of an existing name -> 409 AlreadyExists", async () => {
    expectOk(await c.post(CM, configMap("dup")), 201);
    const st = expectFailure(await c.post(CM, configMap("dup")), 409, "AlreadyExists", 'configmaps "dup" already exists');
    expect(st.details).to.deep.equal({ name: "dup", kind: "configmaps" });
  });

  it("update with a stale resourceVersion -> 409 Conflict", async () => {
    const v1 = expectOk(await c.post(CM, configMap("cas", { a: "1" })), 201);
    const v2 = expectOk(await c.put(`${CM}/cas`, { ...v1, data: { a: "2" } }));
    expect(Number(v2.metadata.resourceVersion)).to.be.greaterThan(Number(v1.metadata.resourceVersion));
    const st = expectFailure(
      await c.put(`${CM}/cas`, { ...v1, data: { a: "3" } }),
      409,
      "Conflict",
      'Operation cannot be fulfilled on configmaps "cas": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(st.details).to.deep.equal({ name: "cas", kind: "configmaps" });
    expect(expectOk(await c.get(`${CM}/cas`)).data).to.deep.equal({ a: "2" });
  });

  it("update without resourceVersion is unconditional for configmaps", async () => {
    expectOk(await c.post(CM, configMap("uncond", { a: "1" })), 201);
    const r = expectOk(await c.put(`${CM}/uncond`, configMap("uncond", { a: "9" })));
    expect(r.data).to.deep.equal({ a: "9" });
  });

  it("update of a missing object -> 404 (configmaps do not create on update)", async () => {
    const st = expectFailure(await c.put(`${CM}/never`, configMap("never")), 404, "NotFound", 'configmaps "never" not found');
    expect(st.details).to.deep.equal({ name: "never", kind: "configmaps" });
  });

  it("a no-op update keeps the resourceVersion", async () => {
    const v1 = expectOk(await c.post(CM, configMap("noop")), 201);
    const v2 = expectOk(await c.put(`${CM}/noop`, v1));
    expect(v2.metadata.resourceVersion).to.equal(v1.metadata.resourceVersion);
  });

  it("dryRun=All on create returns the object and stores nothing", async () => {
    const r = expectOk(await c.post(`${CM}?dryRun=All`, configMap("dry")), 201);
    expect(r.metadata.name).to.equal("dry");
    expect(r.metadata.uid).to.be.a("string");
    expect(r.metadata.creationTimestamp).to.be.a("string");
    expect(r.metadata).to.not.have.property("resourceVersion");
    expectFailure(await c.get(`${CM}/dry`), 404, "NotFound");
  });

  it("dryRun=All on update and delete changes nothing", async () => {
    const v1 = expectOk(await c.post(CM, configMap("dry2", { a: "1" })), 201);
    const u = expectOk(await c.put(`${CM}/dry2?dryRun=All`, { ...v1, data: { a: "2" } }));
    expect(u.data).to.deep.equal({ a: "2" });
    expectOk(await c.del(`${CM}/dry2?dryRun=All`));
    const got = expectOk(await c.get(`${CM}/dry2`));
    expect(got.data).to.deep.equal({ a: "1" });
    expect(got.metadata.resourceVersion).to.equal(v1.metadata.resourceVersion);
  });

  it("fieldManager names the managedFields entry; the User-Agent is the default", async () => {
    const a = expectOk(await c.post(`${CM}?fieldManager=tester`, configMap("fm")), 201);
    expect(a.metadata.managedFields).to.have.length(1);
    expect(a.metadata.managedFields[0]).to.include({ manager: "tester", operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1" });
    expect(a.metadata.managedFields[0].fieldsV1).to.deep.equal({ "f:data": { ".": {}, "f:a": {} } });
    const b = expectOk(await c.post(CM, configMap("fm-ua"), { headers: { "user-agent": "kubectl/v1.35.0 (linux/amd64) kubernetes/abc" } }), 201);
    expect(b.metadata.managedFields[0].manager).to.equal("kubectl");
  });

  it("fieldManager longer than 128 bytes -> 422", async () => {
    expectFailure(await c.post(`${CM}?fieldManager=${"m".repeat(129)}`, configMap("fm-long")), 422, "Invalid", 'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes');
    expectFailure(await c.get(`${CM}/fm-long`), 404, "NotFound");
  });

  describe("fieldValidation", () => {
    const bogusPod = (name: string) => {
      const p = pod(name) as { spec: Record<string, unknown> };
      p.spec.bogus = true;
      return p;
    };

    it("Strict: an unknown field -> 400 strict decoding error, nothing stored", async () => {
      const st = expectFailure(await c.post(`${PODS}?fieldValidation=Strict`, bogusPod("strict")), 400, "BadRequest", 'strict decoding error: unknown field "spec.bogus"');
      expect(st).to.not.have.property("details");
      expectFailure(await c.get(`${PODS}/strict`), 404, "NotFound");
    });

    it("Strict: several unknown fields are listed together", async () => {
      const p = bogusPod("strict2") as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
      p.metadata.extra = 1;
      expectFailure(await c.post(`${PODS}?fieldValidation=Strict`, p), 400, "BadRequest", 'strict decoding error: unknown field "metadata.extra", unknown field "spec.bogus"');
    });

    it("Warn: 201 with a Warning header, the field dropped", async () => {
      const r = await c.post(`${PODS}?fieldValidation=Warn`, bogusPod("warn"));
      const obj = expectOk(r, 201);
      expect(r.headers.get("warning")).to.equal('299 - "unknown field \\"spec.bogus\\""');
      expect(obj.spec).to.not.have.property("bogus");
      expect(expectOk(await c.get(`${PODS}/warn`)).spec).to.not.have.property("bogus");
    });

    it("Warn is the default", async () => {
      const r = await c.post(PODS, bogusPod("warn-default"));
      expectOk(r, 201);
      expect(r.headers.get("warning")).to.equal('299 - "unknown field \\"spec.bogus\\""');
    });

    it("Ignore: 201, no warning, the field dropped", async () => {
      const r = await c.post(`${PODS}?fieldValidation=Ignore`, bogusPod("ignore"));
      const obj = expectOk(r, 201);
      expect(r.headers.get("warning")).to.equal(null);
      expect(obj.spec).to.not.have.property("bogus");
    });

    it("Strict on update refuses unknown fields too", async () => {
      const cur = expectOk(await c.post(CM, configMap("strict-upd")), 201);
      const st = expectFailure(await c.put(`${CM}/strict-upd?fieldValidation=Strict`, { ...cur, bogus: 1 }), 400, "BadRequest", 'strict decoding error: unknown field "bogus"');
      void st;
    });

    it("Strict: duplicate fields in JSON -> 400", async () => {
      const body = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dupf","name":"dupf"},"data":{"a":"1"}}';
      expectFailure(await c.post(`${CM}?fieldValidation=Strict`, body, { contentType: "application/json" }), 400, "BadRequest", 'strict decoding error: duplicate field "metadata.name"');
      expectFailure(await c.get(`${CM}/dupf`), 404, "NotFound");
    });

    it("Warn: duplicate fields in JSON -> 201 with a warning, the last value kept", async () => {
      const body = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dupw"},"data":{"a":"1","a":"2"}}';
      const r = await c.post(`${CM}?fieldValidation=Warn`, body, { contentType: "application/json" });
      const obj = expectOk(r, 201);
      expect(r.headers.get("warning")).to.equal('299 - "duplicate field \\"data.a\\""');
      expect(obj.data).to.deep.equal({ a: "2" });
    });
  });

  it("a wrongly typed value -> 400 cannot be handled", async () => {
    const p = pod("typed") as { spec: Record<string, unknown> };
    p.spec.containers = "nope";
    const st = expectFailure(await c.post(PODS, p), 400, "BadRequest", /^Pod in version "v1" cannot be handled as a Pod: /);
    void st;
    expect(names(expectOk(await c.get(PODS)))).to.not.include("typed");
  });

  it("services: ExternalName -> ClusterIP allocates a cluster IP, back to ExternalName releases it", async () => {
    const SVC = "/api/v1/namespaces/default/services";
    const ext = expectOk(await c.post(SVC, { apiVersion: "v1", kind: "Service", metadata: { name: "flip" }, spec: { type: "ExternalName", externalName: "example.com" } }), 201);
    expect(ext.spec.clusterIP).to.equal(undefined);
    const cip = expectOk(await c.put(`${SVC}/flip`, { ...ext, spec: { type: "ClusterIP", ports: [{ port: 80 }] } }));
    expect(cip.spec.clusterIP).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    expect(cip.spec.clusterIPs).to.deep.equal([cip.spec.clusterIP]);
    const back = expectOk(await c.put(`${SVC}/flip`, { ...cip, spec: { type: "ExternalName", externalName: "example.org" } }));
    expect(back.spec.clusterIP).to.equal(undefined);
    // The released address can be claimed by another Service.
    const other = expectOk(await c.post(SVC, { apiVersion: "v1", kind: "Service", metadata: { name: "reuse" }, spec: { clusterIP: cip.spec.clusterIP, ports: [{ port: 80 }] } }), 201);
    expect(other.spec.clusterIP).to.equal(cip.spec.clusterIP);
  });
});
