import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { jsonEqual } from "../../src/k8s-api/controllers/util/objects.js";
import { PODS, eventually, getOrUndefined, list, newCluster, type Cluster } from "./helpers.js";

const SVC = { group: "", version: "v1", plural: "services" } as const;
const EP = { group: "", version: "v1", plural: "endpoints" } as const;
const SLICES = { group: "discovery.k8s.io", version: "v1", plural: "endpointslices" } as const;
const NODES = { group: "", version: "v1", plural: "nodes" } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = KubeObject & { metadata: any; [k: string]: any };

async function runningPod(c: Cluster, name: string, ip: string, ready: boolean, labels = { app: "web" }): Promise<void> {
  await c.client.create(PODS, "default", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels },
    spec: { nodeName: "node-a", containers: [{ name: "main", image: "nginx", ports: [{ name: "http", containerPort: 8080 }] }] },
  });
  const p = await c.client.get(PODS, "default", name);
  await c.client.update(PODS, "default", { ...p, status: { phase: "Running", podIP: ip, podIPs: [{ ip }], conditions: [{ type: "Ready", status: ready ? "True" : "False" }] } }, { subresource: "status" });
}

async function setReady(c: Cluster, name: string, ready: boolean): Promise<void> {
  const p = await c.client.get<Any>(PODS, "default", name);
  await c.client.update(PODS, "default", { ...p, status: { ...p.status, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] } }, { subresource: "status" });
}

describe("endpoints and endpointslice controllers", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster({ controllers: ["endpoints-controller", "endpointslice-controller"] });
    await c.client.create(NODES, "", { apiVersion: "v1", kind: "Node", metadata: { name: "node-a", labels: { "topology.kubernetes.io/zone": "z1" } } });
  });
  afterEach(() => c.stop());

  it("lists ready and not-ready pods, resolving named target ports", async () => {
    await runningPod(c, "web-1", "10.0.0.1", true);
    await runningPod(c, "web-2", "10.0.0.2", false);
    await runningPod(c, "other", "10.0.0.9", true, { app: "other" } as { app: string });
    await c.client.create(SVC, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "web", labels: { team: "a" } }, spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "http" }] } });
    const ep = await eventually("endpoints", async () => {
      const e = await getOrUndefined<Any>(c.client, EP, "default", "web");
      return e?.subsets?.[0]?.notReadyAddresses?.length === 1 && e;
    });
    expect(ep.metadata.labels).to.deep.equal({ team: "a", "endpoints.kubernetes.io/managed-by": "endpoint-controller" });
    expect(ep.subsets).to.have.length(1);
    expect(ep.subsets[0].addresses.map((a: Any) => a.ip)).to.deep.equal(["10.0.0.1"]);
    expect(ep.subsets[0].addresses[0]).to.deep.include({ nodeName: "node-a" });
    expect(ep.subsets[0].addresses[0].targetRef).to.include({ kind: "Pod", name: "web-1", namespace: "default" });
    expect(ep.subsets[0].notReadyAddresses.map((a: Any) => a.ip)).to.deep.equal(["10.0.0.2"]);
    expect(ep.subsets[0].ports).to.deep.equal([{ name: "http", port: 8080, protocol: "TCP" }]);

    const slice = await eventually("slice", async () => {
      const l = await list<Any>(c.client, SLICES, "default", "kubernetes.io/service-name=web");
      return l.length === 1 && l[0]!.endpoints?.length === 2 && l[0]!;
    });
    expect(slice.metadata.generateName).to.equal("web-");
    expect(slice.metadata.labels).to.deep.equal({ team: "a", "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" });
    expect(slice.metadata.ownerReferences[0]).to.include({ kind: "Service", name: "web", controller: true });
    expect(slice.addressType).to.equal("IPv4");
    expect(slice.ports).to.deep.equal([{ name: "http", port: 8080, protocol: "TCP" }]);
    const byIp = Object.fromEntries(slice.endpoints.map((e: Any) => [e.addresses[0], e]));
    expect(byIp["10.0.0.1"].conditions).to.deep.equal({ ready: true, serving: true, terminating: false });
    expect(byIp["10.0.0.1"]).to.include({ nodeName: "node-a", zone: "z1" });
    expect(byIp["10.0.0.2"].conditions).to.deep.equal({ ready: false, serving: false, terminating: false });

    // Readiness changes move the address.
    await setReady(c, "web-2", true);
    await eventually("both ready", async () => {
      const e = await c.client.get<Any>(EP, "default", "web");
      return e.subsets?.[0]?.addresses?.length === 2 && !e.subsets[0].notReadyAddresses;
    });
    await eventually("slice both ready", async () => {
      const [s] = await list<Any>(c.client, SLICES, "default", "kubernetes.io/service-name=web");
      return s?.endpoints?.every((e: Any) => e.conditions.ready);
    });
    // A terminating pod leaves the Endpoints, and stays in the slice as terminating and serving.
    await c.client.delete(PODS, "default", "web-1");
    await eventually("one left", async () => (await c.client.get<Any>(EP, "default", "web")).subsets?.[0]?.addresses?.length === 1);
    await eventually("slice terminating", async () => {
      const [s] = await list<Any>(c.client, SLICES, "default", "kubernetes.io/service-name=web");
      const e = s?.endpoints?.find((x: Any) => x.addresses[0] === "10.0.0.1");
      return e && jsonEqual(e.conditions, { ready: false, serving: true, terminating: true });
    });
    await c.client.delete(PODS, "default", "web-1", { gracePeriodSeconds: 0 });
    await eventually("slice one left", async () => (await list<Any>(c.client, SLICES, "default", "kubernetes.io/service-name=web"))[0]?.endpoints?.length === 1);
    // The Endpoints of a deleted Service go away.
    await c.client.delete(SVC, "default", "web");
    await eventually("endpoints deleted", async () => (await getOrUndefined(c.client, EP, "default", "web")) === undefined);
  });

  it("keeps a placeholder slice, marks headless services and sets hostnames", async () => {
    await c.client.create(SVC, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "db" }, spec: { clusterIP: "None", selector: { app: "db" } } });
    const placeholder = await eventually("placeholder", async () => (await list<Any>(c.client, SLICES, "default", "kubernetes.io/service-name=db"))[0]);
    expect(placeholder.endpoints ?? []).to.deep.equal([]);
    expect(placeholder.metadata.labels).to.include({ "service.kubernetes.io/headless": "" });
    await c.client.create(PODS, "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "db-0", labels: { app: "db" } }, spec: { nodeName: "node-a", hostname: "db-0", subdomain: "db", containers: [{ name: "m", image: "pg" }] } });
    const p = await c.client.get(PODS, "default", "db-0");
    await c.client.update(PODS, "default", { ...p, status: { phase: "Running", podIP: "10.0.0.5", conditions: [{ type: "Ready", status: "True" }] } }, { subresource: "status" });
    const ep = await eventually("headless endpoints", async () => (await getOrUndefined<Any>(c.client, EP, "default", "db"))?.subsets?.[0]);
    expect(ep.addresses[0]).to.include({ ip: "10.0.0.5", hostname: "db-0" });
    expect(ep.ports).to.equal(undefined);
    const slices = await eventually("filled slice", async () => {
      const l = await list<Any>(c.client, SLICES, "default", "kubernetes.io/service-name=db");
      return l.length === 1 && l[0]!.endpoints?.length === 1 && l;
    });
    expect(slices[0]!.endpoints[0].hostname).to.equal("db-0");
    expect((await getOrUndefined<Any>(c.client, EP, "default", "db"))!.metadata.labels).to.include({ "service.kubernetes.io/headless": "" });
  });

  it("leaves ExternalName services and services without selector alone", async () => {
    await c.client.create(SVC, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "ext" }, spec: { type: "ExternalName", externalName: "example.com" } });
    await c.client.create(SVC, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "manual" }, spec: { ports: [{ port: 80 }] } });
    await c.client.create(SVC, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "marker" }, spec: { selector: { app: "x" }, ports: [{ port: 80 }] } });
    await eventually("marker synced", async () => (await list(c.client, SLICES, "default", "kubernetes.io/service-name=marker")).length === 1);
    expect(await getOrUndefined(c.client, EP, "default", "ext")).to.equal(undefined);
    expect(await getOrUndefined(c.client, EP, "default", "manual")).to.equal(undefined);
    expect(await list(c.client, SLICES, "default", "kubernetes.io/service-name in (ext,manual)")).to.have.length(0);
  });
});
