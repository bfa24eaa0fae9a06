import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { CM, DEPLOY, PODS, RS, deployment, eventually, getOrUndefined, list, newCluster, ownedBy, type Cluster } from "./helpers.js";

describe("garbage collector", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster();
  });
  afterEach(() => c.stop());

  async function deploymentWithPods(name: string, replicas: number): Promise<{ d: KubeObject; rs: KubeObject }> {
    const d = await c.client.create<KubeObject>(DEPLOY, "default", deployment(name, replicas));
    const rs = await eventually("RS", async () => (await ownedBy(c.client, RS, d))[0]);
    await eventually("pods", async () => (await ownedBy(c.client, PODS, rs)).length === replicas);
    return { d, rs };
  }

  it("deletes dependents in the background", async () => {
    const { rs } = await deploymentWithPods("web", 2);
    const gone = await c.client.delete(DEPLOY, "default", "web", { propagationPolicy: "Background" });
    expect(gone).to.equal(undefined);
    await eventually("RS deleted", async () => !(await getOrUndefined(c.client, RS, "default", rs.metadata!.name!)));
    await eventually("pods deleted", async () => (await list(c.client, PODS, "default")).length === 0);
  });

  it("deletes dependents in the foreground before the owner", async () => {
    const { rs } = await deploymentWithPods("web", 2);
    const pending = await c.client.delete(DEPLOY, "default", "web", { propagationPolicy: "Foreground" });
    expect(pending?.metadata?.finalizers).to.include("foregroundDeletion");
    expect(pending?.metadata?.deletionTimestamp).to.be.a("string");
    // While the owner waits, whatever of it is left still carries the finalizer.
    const seen: boolean[] = [];
    await eventually("owner gone", async () => {
      const d = await getOrUndefined(c.client, DEPLOY, "default", "web");
      const rsLeft = await getOrUndefined(c.client, RS, "default", rs.metadata!.name!);
      if (d) seen.push(Boolean(d.metadata?.finalizers?.includes("foregroundDeletion")));
      // The owner never goes before its blocking dependent.
      if (!d && rsLeft) throw new Error("deployment deleted before its ReplicaSet");
      return !d;
    });
    expect(seen.every(Boolean)).to.equal(true);
    expect(await getOrUndefined(c.client, RS, "default", rs.metadata!.name!)).to.equal(undefined);
    expect(await list(c.client, PODS, "default")).to.have.length(0);
  });

  it("orphans dependents", async () => {
    const { rs } = await deploymentWithPods("web", 2);
    await c.client.delete(DEPLOY, "default", "web", { propagationPolicy: "Orphan" });
    await eventually("owner gone", async () => !(await getOrUndefined(c.client, DEPLOY, "default", "web")));
    const left = await c.client.get(RS, "default", rs.metadata!.name!);
    expect(left.metadata?.ownerReferences ?? []).to.have.length(0);
    expect(await ownedBy(c.client, PODS, left)).to.have.length(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(await list(c.client, PODS, "default")).to.have.length(2);
  });

  it("collects objects whose owner reference has a wrong uid, and keeps those with a live owner", async () => {
    const owner = await c.client.create<KubeObject>(CM, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "owner" } });
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "owner" };
    await c.client.create<KubeObject>(CM, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "good", ownerReferences: [{ ...ref, uid: owner.metadata!.uid! }] } });
    await c.client.create<KubeObject>(CM, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "stale", ownerReferences: [{ ...ref, uid: "00000000-0000-0000-0000-000000000000" }] } });
    await c.client.create<KubeObject>(CM, "default", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "mixed", ownerReferences: [{ ...ref, uid: owner.metadata!.uid! }, { ...ref, name: "missing", uid: "11111111-1111-1111-1111-111111111111" }] },
    });
    await eventually("stale collected", async () => !(await getOrUndefined(c.client, CM, "default", "stale")));
    const mixed = await eventually("dangling reference dropped", async () => {
      const m = await c.client.get(CM, "default", "mixed");
      return m.metadata?.ownerReferences?.length === 1 && m;
    });
    expect(mixed.metadata?.ownerReferences?.[0]?.uid).to.equal(owner.metadata!.uid);
    expect(await getOrUndefined(c.client, CM, "default", "good")).to.not.equal(undefined);
    await c.client.delete(CM, "default", "owner");
    await eventually("dependents collected", async () => !(await getOrUndefined(c.client, CM, "default", "good")) && !(await getOrUndefined(c.client, CM, "default", "mixed")));
  });
});
