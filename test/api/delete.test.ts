/** DELETE: what it answers per resource, preconditions, finalizers, grace periods, collections, propagation. */
import { expect } from "chai";
import { CM, PODS, client, configMap, expectFailure, expectOk, names, pod, startTestServer, type Client, type TestServer, useTestServer } from "./helpers.js";

describe("api: delete", () => {
  let s: TestServer;
  let c: Client;
  useTestServer((server, cl) => ((s = server), (c = cl)));

  it("configmaps answer with a Success Status naming the deleted object", async () => {
    const cm = expectOk(await c.post(CM, configMap("gone")), 201);
    const st = expectOk(await c.del(`${CM}/gone`));
    // genericregistry.Store.Delete without ReturnDeletedObject: details.kind is the resource.
    expect(st).to.deep.equal({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details: { name: "gone", kind: "configmaps", uid: cm.metadata.uid } });
    expectFailure(await c.get(`${CM}/gone`), 404, "NotFound");
  });

  it("a group resource's Status names its group", async () => {
    const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "r" }, rules: [] };
    const created = expectOk(await c.post("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", role), 201);
    const st = expectOk(await c.del("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/r"));
    expect(st.details).to.deep.equal({ name: "r", group: "rbac.authorization.k8s.io", kind: "roles", uid: created.metadata.uid });
  });

  it("pods answer with the deleted object (ReturnDeletedObject)", async () => {
    const p = expectOk(await c.post(PODS, pod("bye")), 201);
    const r = expectOk(await c.del(`${PODS}/bye`));
    expect(r.kind).to.equal("Pod");
    expect(r.metadata.uid).to.equal(p.metadata.uid);
    expectFailure(await c.get(`${PODS}/bye`), 404, "NotFound");
  });

  it("serviceaccounts answer with the deleted object too (ReturnDeletedObject upstream)", async () => {
    expectOk(await c.post("/api/v1/namespaces/default/serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa1" } }), 201);
    const r = expectOk(await c.del("/api/v1/namespaces/default/serviceaccounts/sa1"));
    expect(r.kind).to.equal("ServiceAccount");
    expect(r.metadata.name).to.equal("sa1");
  });

  it("deleting a missing object -> 404", async () => {
    expectFailure(await c.del(`${CM}/nothing`), 404, "NotFound", 'configmaps "nothing" not found');
  });

  it("a uid precondition that does not match -> 409 Conflict, the object stays", async () => {
    const cm = expectOk(await c.post(CM, configMap("pre-uid")), 201);
    const r = await c.del(`${CM}/pre-uid`, { body: { kind: "DeleteOptions", apiVersion: "v1", preconditions: { uid: "00000000-0000-0000-0000-000000000000" } } });
    expectFailure(
      r,
      409,
      "Conflict",
      `Operation cannot be fulfilled on configmaps "pre-uid": Precondition failed: UID in precondition: 00000000-0000-0000-0000-000000000000, UID in object meta: ${cm.metadata.uid}`,
    );
    expectOk(await c.get(`${CM}/pre-uid`));
    // The matching precondition deletes.
    expectOk(await c.del(`${CM}/pre-uid`, { body: { preconditions: { uid: cm.metadata.uid, resourceVersion: cm.metadata.resourceVersion } } }));
  });

  it("a resourceVersion precondition that does not match -> 409 Conflict", async () => {
    const cm = expectOk(await c.post(CM, configMap("pre-rv")), 201);
    expectOk(await c.put(`${CM}/pre-rv`, { ...cm, data: { changed: "yes" } }));
    const cur = expectOk(await c.get(`${CM}/pre-rv`));
    expectFailure(
      await c.del(`${CM}/pre-rv`, { body: { preconditions: { resourceVersion: cm.metadata.resourceVersion } } }),
      409,
      "Conflict",
      `Operation cannot be fulfilled on configmaps "pre-rv": Precondition failed: ResourceVersion in precondition: ${cm.metadata.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion}`,
    );
    expectOk(await c.get(`${CM}/pre-rv`));
  });

  it("finalizers keep the object with a deletionTimestamp until they are removed", async () => {
    const body = configMap("fin");
    (body.metadata as Record<string, unknown>).finalizers = ["example.com/hold"];
    expectOk(await c.post(CM, body), 201);
    const r = expectOk(await c.del(`${CM}/fin`));
    // Not deleted yet: the object itself comes back, with the deletion marked.
    expect(r.kind).to.equal("ConfigMap");
    expect(r.metadata.deletionTimestamp).to.be.a("string");
    expect(r.metadata.deletionGracePeriodSeconds).to.equal(0);
    const held = expectOk(await c.get(`${CM}/fin`));
    expect(held.metadata.deletionTimestamp).to.equal(r.metadata.deletionTimestamp);
    // Deleting again changes nothing.
    const again = expectOk(await c.del(`${CM}/fin`));
    expect(again.metadata.resourceVersion).to.equal(held.metadata.resourceVersion);
    // Removing the last finalizer completes the delete.
    expectOk(await c.put(`${CM}/fin`, { ...held, metadata: { ...held.metadata, finalizers: [] } }));
    expectFailure(await c.get(`${CM}/fin`), 404, "NotFound");
  });

  it("a scheduled pod is deleted gracefully: gracePeriodSeconds sets deletionGracePeriodSeconds; 0 removes it", async () => {
    expectOk(await c.post(PODS, pod("graceful", { nodeName: "n1" })), 201);
    const r = expectOk(await c.del(`${PODS}/graceful?gracePeriodSeconds=10`));
    expect(r.metadata.deletionGracePeriodSeconds).to.equal(10);
    const ts = Date.parse(r.metadata.deletionTimestamp);
    expect(ts - Date.now()).to.be.within(7_000, 11_000);
    expectOk(await c.get(`${PODS}/graceful`));
    // A shorter grace period shortens it; 0 deletes now.
    const r2 = expectOk(await c.del(`${PODS}/graceful`, { body: { gracePeriodSeconds: 0 } }));
    expect(r2.kind).to.equal("Pod");
    expectFailure(await c.get(`${PODS}/graceful`), 404, "NotFound");
  });

  it("a scheduled pod without gracePeriodSeconds uses terminationGracePeriodSeconds (30)", async () => {
    expectOk(await c.post(PODS, pod("default-grace", { nodeName: "n1" })), 201);
    const r = expectOk(await c.del(`${PODS}/default-grace`));
    expect(r.metadata.deletionGracePeriodSeconds).to.equal(30);
    expectOk(await c.del(`${PODS}/default-grace?gracePeriodSeconds=0`));
  });

  it("an unscheduled pod is deleted at once", async () => {
    expectOk(await c.post(PODS, pod("unsched")), 201);
    expectOk(await c.del(`${PODS}/unsched?gracePeriodSeconds=30`));
    expectFailure(await c.get(`${PODS}/unsched`), 404, "NotFound");
  });

  it("deletecollection with a labelSelector deletes only the matching objects and lists them", async () => {
    for (const [n, app] of [
      ["dc1", "x"],
      ["dc2", "x"],
      ["dc3", "y"],
    ] as const)
      expectOk(await c.post(CM, configMap(n, {}, { app })), 201);
    const r = expectOk(await c.del(`${CM}?labelSelector=app%3Dx`));
    expect(r.kind).to.equal("ConfigMapList");
    expect(names(r)).to.deep.equal(["dc1", "dc2"]);
    const left = names(expectOk(await c.get(`${CM}?labelSelector=app`)));
    expect(left).to.deep.equal(["dc3"]);
  });

  it("propagationPolicy=Orphan adds the orphan finalizer", async () => {
    expectOk(await c.post(CM, configMap("orph")), 201);
    const r = await c.del(`${CM}/orph?propagationPolicy=Orphan`);
    const obj = expectOk(r, 200);
    expect(obj.metadata.finalizers).to.deep.equal(["orphan"]);
    expect(obj.metadata.deletionTimestamp).to.be.a("string");
    expect(expectOk(await c.get(`${CM}/orph`)).metadata.finalizers).to.deep.equal(["orphan"]);
  });

  it("propagationPolicy=Foreground adds the foregroundDeletion finalizer (200: only orphanDependents=false answers 202)", async () => {
    expectOk(await c.post(CM, configMap("fg")), 201);
    const obj = expectOk(await c.del(`${CM}/fg`, { body: { propagationPolicy: "Foreground" } }), 200);
    expect(obj.metadata.finalizers).to.deep.equal(["foregroundDeletion"]);
    expect(obj.metadata.deletionTimestamp).to.be.a("string");
  });

  it("orphanDependents=false on an object that stays (finalizer) answers 202 Accepted", async () => {
    const body = configMap("od");
    (body.metadata as Record<string, unknown>).finalizers = ["example.com/hold"];
    expectOk(await c.post(CM, body), 201);
    const obj = expectOk(await c.del(`${CM}/od`, { body: { orphanDependents: false } }), 202);
    expect(obj.metadata.finalizers).to.deep.equal(["example.com/hold"]);
    expect(obj.metadata.deletionTimestamp).to.be.a("string");
  });

  it("an unknown propagationPolicy -> 422", async () => {
    expectOk(await c.post(CM, configMap("badpol")), 201);
    expectFailure(await c.del(`${CM}/badpol?propagationPolicy=Sometimes`), 422, "Invalid");
    expectOk(await c.get(`${CM}/badpol`));
  });

  it("the default namespace cannot be deleted -> 403", async () => {
    expectFailure(await c.del("/api/v1/namespaces/default"), 403, "Forbidden", 'namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it("namespaces have no deletecollection: 405 MethodNotAllowed, nothing deleted", async () => {
    expectFailure(await c.del("/api/v1/namespaces"), 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    expectOk(await c.get("/api/v1/namespaces/default"));
  });
});
