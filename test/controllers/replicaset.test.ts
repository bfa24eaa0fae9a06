import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { PODS, RC, RS, eventually, list, newCluster, ownedBy, type Cluster } from "./helpers.js";

const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: "main", image: "busybox" }] } });

describe("replicaset and replicationcontroller controllers", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster();
  });
  afterEach(() => c.stop());

  it("keeps spec.replicas pods of a ReplicaSet and reports status", async () => {
    const rs = await c.client.create<KubeObject>(RS, "default", { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "frontend" }, spec: { replicas: 3, selector: { matchLabels: { tier: "frontend" } }, template: template({ tier: "frontend" }) } });
    await eventually("3 pods", async () => (await ownedBy(c.client, PODS, rs)).length === 3);
    const status = await eventually("status", async () => {
      const cur = await c.client.get<KubeObject & { status?: Record<string, unknown> }>(RS, "default", "frontend");
      return cur.status?.replicas === 3 && cur.status;
    });
    expect(status).to.include({ replicas: 3, fullyLabeledReplicas: 3 });
    if (rs.metadata?.generation !== undefined) expect(status.observedGeneration).to.equal(rs.metadata.generation);
    // A deleted pod is replaced.
    const [victim] = await ownedBy(c.client, PODS, rs);
    await c.client.delete(PODS, "default", victim!.metadata!.name!);
    await eventually("replaced", async () => {
      const pods = await ownedBy(c.client, PODS, rs);
      return pods.length === 3 && !pods.some((p) => p.metadata?.uid === victim!.metadata?.uid);
    });
  });

  it("adopts matching orphans and releases pods that stop matching", async () => {
    for (const n of ["a", "b"]) await c.client.create<KubeObject>(PODS, "default", { apiVersion: "v1", kind: "Pod", metadata: { name: `orphan-${n}`, labels: { tier: "cache" } }, spec: { containers: [{ name: "c", image: "redis" }] } });
    const rs = await c.client.create<KubeObject>(RS, "default", { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "cache" }, spec: { replicas: 1, selector: { matchLabels: { tier: "cache" } }, template: template({ tier: "cache" }) } });
    // Both are adopted, then one of them deleted to reach one replica.
    await eventually("one owned pod", async () => {
      const all = await list(c.client, PODS, "default");
      return all.length === 1 && all[0]!.metadata?.ownerReferences?.[0]?.uid === rs.metadata?.uid;
    });
    const [kept] = await list(c.client, PODS, "default");
    await c.client.patch(PODS, "default", kept!.metadata!.name!, "merge", { metadata: { labels: { tier: "other" } } });
    await eventually("released and replaced", async () => {
      const released = await c.client.get(PODS, "default", kept!.metadata!.name!);
      const owned = await ownedBy(c.client, PODS, rs);
      return !(released.metadata?.ownerReferences ?? []).length && owned.length === 1 && owned[0]!.metadata?.uid !== kept!.metadata?.uid;
    });
  });

  it("runs ReplicationControllers the same way", async () => {
    const rc = await c.client.create<KubeObject>(RC, "default", { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "legacy" }, spec: { replicas: 2, selector: { app: "legacy" }, template: template({ app: "legacy" }) } });
    const pods = await eventually("2 pods", async () => {
      const l = await ownedBy(c.client, PODS, rc);
      return l.length === 2 && l;
    });
    expect(pods[0]!.metadata?.ownerReferences?.[0]).to.include({ apiVersion: "v1", kind: "ReplicationController", name: "legacy", controller: true, blockOwnerDeletion: true });
    expect(pods[0]!.metadata?.generateName).to.equal("legacy-");
    await c.client.patch(RC, "default", "legacy", "merge", { spec: { replicas: 0 } });
    await eventually("scaled to zero", async () => (await ownedBy(c.client, PODS, rc)).length === 0);
  });
});
