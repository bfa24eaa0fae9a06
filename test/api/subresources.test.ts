/** Subresources: pods/status, deployments/scale, pods/binding, namespaces/finalize. */
import { expect } from "chai";
import { DEPLOYS, PODS, client, deployment, expectFailure, expectOk, pod, startTestServer, type Client, type TestServer, useTestServer } from "./helpers.js";

describe("api: subresources", () => {
  let s: TestServer;
  let c: Client;
  useTestServer((server, cl) => ((s = server), (c = cl)));

  describe("pods/status", () => {
    it("PUT status changes the status and ignores spec changes", async () => {
      const p = expectOk(await c.post(PODS, pod("st", { nodeName: "n1" })), 201);
      const body = structuredClone(p);
      body.spec.containers[0].image = "changed:1";
      body.status = { ...(body.status ?? {}), phase: "Running", podIP: "10.0.0.5" };
      const r = expectOk(await c.put(`${PODS}/st/status`, body));
      expect(r.status.phase).to.equal("Running");
      expect(r.status.podIP).to.equal("10.0.0.5");
      expect(r.spec.containers[0].image).to.equal("nginx:1.27");
      const got = expectOk(await c.get(`${PODS}/st`));
      expect(got.spec.containers[0].image).to.equal("nginx:1.27");
      expect(got.status.phase).to.equal("Running");
    });

    it("PUT on the pod itself ignores status changes", async () => {
      const p = expectOk(await c.post(PODS, pod("main")), 201);
      const body = structuredClone(p);
      body.status = { phase: "Succeeded" };
      body.metadata.labels = { touched: "yes" };
      const r = expectOk(await c.put(`${PODS}/main`, body));
      expect(r.metadata.labels).to.deep.equal({ touched: "yes" });
      expect(r.status.phase).to.equal("Pending");
    });

    it("GET status returns the whole pod", async () => {
      expectOk(await c.post(PODS, pod("getst")), 201);
      const r = expectOk(await c.get(`${PODS}/getst/status`));
      expect(r.kind).to.equal("Pod");
      expect(r.metadata.name).to.equal("getst");
    });

    it("status of a missing pod -> 404", async () => {
      expectFailure(await c.put(`${PODS}/none/status`, pod("none")), 404, "NotFound", 'pods "none" not found');
    });

    it("a status write with invalid status fields -> 422 with ValidatePodStatusUpdate's causes", async () => {
      expectOk(await c.post(PODS, pod("badst", { nodeName: "n1" })), 201);
      const MERGE = "application/merge-patch+json";
      expectFailure(
        await c.patch(`${PODS}/badst/status`, { status: { qosClass: "Guaranteed", nominatedNodeName: "Bad_Node", podIPs: [{ ip: "nope" }] } }, MERGE),
        422,
        "Invalid",
        `Pod "badst" is invalid: [status.nominatedNodeName: Invalid value: "Bad_Node": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), status.qosClass: Invalid value: "Guaranteed": field is immutable, status.podIPs[0]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)]`,
      );
      // Metadata and the pod-specific annotation rules still apply to status writes, in the same order as before.
      const r = expectFailure(
        await c.patch(`${PODS}/badst/status`, { metadata: { labels: { "bad key!": "x" }, annotations: { "kubernetes.io/config.mirror": "x", "controller.kubernetes.io/pod-deletion-cost": "x" } } }, MERGE),
        422,
        "Invalid",
      );
      expect((r.details.causes as { field: string; message: string }[]).map((x) => `${x.field}: ${x.message.split(":")[0]}`)).to.deep.equal([
        "metadata.labels: Invalid value",
        "metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value",
        "metadata.annotations[kubernetes.io/config.mirror]: Forbidden",
      ]);
      const got = expectOk(await c.get(`${PODS}/badst`));
      expect(got.status.qosClass).to.equal("BestEffort");
      expect(got.metadata.labels).to.equal(undefined);
    });

    it("an unknown subresource -> 404", async () => {
      expectOk(await c.post(PODS, pod("nosub")), 201);
      expectFailure(await c.get(`${PODS}/nosub/bogus`), 404, "NotFound");
    });
  });

  describe("deployments/scale", () => {
    it("GET returns an autoscaling/v1 Scale", async () => {
      const d = expectOk(await c.post(DEPLOYS, deployment("web", 2)), 201);
      const sc = expectOk(await c.get(`${DEPLOYS}/web/scale`));
      expect(sc.kind).to.equal("Scale");
      expect(sc.apiVersion).to.equal("autoscaling/v1");
      expect(sc.metadata).to.include({ name: "web", namespace: "default", uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion });
      expect(sc.spec).to.deep.equal({ replicas: 2 });
      expect(sc.status).to.deep.equal({ replicas: 0, selector: "app=web" });
    });

    it("PUT sets spec.replicas of the deployment", async () => {
      const sc = expectOk(await c.get(`${DEPLOYS}/web/scale`));
      const r = expectOk(await c.put(`${DEPLOYS}/web/scale`, { ...sc, spec: { replicas: 5 } }));
      expect(r.kind).to.equal("Scale");
      expect(r.spec.replicas).to.equal(5);
      expect(Number(r.metadata.resourceVersion)).to.be.greaterThan(Number(sc.metadata.resourceVersion));
      const d = expectOk(await c.get(`${DEPLOYS}/web`));
      expect(d.spec.replicas).to.equal(5);
      expect(d.metadata.generation).to.equal(2);
    });

    it("PUT with a stale resourceVersion -> 409 Conflict", async () => {
      const sc = expectOk(await c.get(`${DEPLOYS}/web/scale`));
      expectOk(await c.put(`${DEPLOYS}/web/scale`, { ...sc, spec: { replicas: 1 } }));
      expectFailure(
        await c.put(`${DEPLOYS}/web/scale`, { ...sc, spec: { replicas: 7 } }),
        409,
        "Conflict",
        'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      );
      expect(expectOk(await c.get(`${DEPLOYS}/web`)).spec.replicas).to.equal(1);
    });

    it("scale of a missing deployment -> 404", async () => {
      expectFailure(await c.get(`${DEPLOYS}/none/scale`), 404, "NotFound", 'deployments.apps "none" not found');
    });

    it("merge-patching scale works like kubectl scale", async () => {
      const r = expectOk(await c.patch(`${DEPLOYS}/web/scale`, { spec: { replicas: 3 } }, "application/merge-patch+json"));
      expect(r.spec.replicas).to.equal(3);
      expect(expectOk(await c.get(`${DEPLOYS}/web`)).spec.replicas).to.equal(3);
    });
  });

  describe("pods/binding", () => {
    const binding = (name: string, node: string) => ({ apiVersion: "v1", kind: "Binding", metadata: { name }, target: { apiVersion: "v1", kind: "Node", name: node } });

    it("POST binding sets spec.nodeName and answers 201 Success", async () => {
      expectOk(await c.post(PODS, pod("tobind")), 201);
      const r = await c.post(`${PODS}/tobind/binding`, binding("tobind", "node-a"));
      expect(expectOk(r, 201)).to.deep.equal({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
      const p = expectOk(await c.get(`${PODS}/tobind`));
      expect(p.spec.nodeName).to.equal("node-a");
      const cond = (p.status.conditions as { type: string; status: string }[]).find((x) => x.type === "PodScheduled");
      expect(cond?.status).to.equal("True");
    });

    it("binding an assigned pod again -> 409 Conflict", async () => {
      expectFailure(await c.post(`${PODS}/tobind/binding`, binding("tobind", "node-b")), 409, "Conflict", 'Operation cannot be fulfilled on pods/binding "tobind": pod tobind is already assigned to node "node-a"');
      expect(expectOk(await c.get(`${PODS}/tobind`)).spec.nodeName).to.equal("node-a");
    });

    it("binding to a node name that is not a DNS subdomain -> 422, and the pod stays unbound", async () => {
      expectOk(await c.post(PODS, pod("badbind")), 201);
      expectFailure(
        await c.post(`${PODS}/badbind/binding`, binding("badbind", "Bad_Node")),
        422,
        "Invalid",
        `Pod "badbind" is invalid: spec.nodeName: Invalid value: "Bad_Node": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      );
      expect(expectOk(await c.get(`${PODS}/badbind`)).spec.nodeName).to.equal(undefined);
    });

    it("binding a missing pod -> 404", async () => {
      expectFailure(await c.post(`${PODS}/ghost/binding`, binding("ghost", "node-a")), 404, "NotFound", 'pods "ghost" not found');
    });
  });

  describe("namespaces/finalize", () => {
    it("a deleted namespace stays Terminating until finalize clears spec.finalizers", async () => {
      const ns = expectOk(await c.post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "fin-ns" } }), 201);
      expect(ns.spec.finalizers).to.deep.equal(["kubernetes"]);
      expect(ns.status.phase).to.equal("Active");
      const d = expectOk(await c.del("/api/v1/namespaces/fin-ns"));
      expect(d.kind).to.equal("Namespace");
      expect(d.status.phase).to.equal("Terminating");
      expect(d.metadata.deletionTimestamp).to.be.a("string");
      // A terminating namespace refuses new content.
      expectFailure(
        await c.post("/api/v1/namespaces/fin-ns/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "late" } }),
        403,
        "Forbidden",
        'configmaps "late" is forbidden: unable to create new content in namespace fin-ns because it is being terminated',
      );
      const cur = expectOk(await c.get("/api/v1/namespaces/fin-ns"));
      const r = expectOk(await c.put("/api/v1/namespaces/fin-ns/finalize", { ...cur, spec: { finalizers: [] } }));
      expect(r.spec.finalizers).to.deep.equal([]);
      expectFailure(await c.get("/api/v1/namespaces/fin-ns"), 404, "NotFound", 'namespaces "fin-ns" not found');
    });

    it("finalize changes only spec.finalizers", async () => {
      const ns = expectOk(await c.post("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "fin-only" } }), 201);
      const r = expectOk(await c.put("/api/v1/namespaces/fin-only/finalize", { ...ns, metadata: { ...ns.metadata, labels: { x: "y" } }, spec: { finalizers: ["example.com/x"] } }));
      expect(r.spec.finalizers).to.deep.equal(["example.com/x"]);
      expect(r.metadata.labels ?? {}).to.not.have.property("x");
    });
  });
});
