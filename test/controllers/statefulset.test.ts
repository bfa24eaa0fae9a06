import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { PODS, eventually, list, newCluster, ownedBy, type Cluster } from "./helpers.js";

const STS = { group: "apps", version: "v1", plural: "statefulsets" } as const;
const REVS = { group: "apps", version: "v1", plural: "controllerrevisions" } as const;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = KubeObject & { metadata: any; [k: string]: any };

function sts(name: string, replicas: number, extra: Record<string, unknown> = {}): Any {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name },
    spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "m", image: "nginx:1" }] } }, ...extra },
  };
}

async function makeReady(c: Cluster, name: string): Promise<void> {
  const p = await c.client.get<Any>(PODS, "default", name);
  await c.client.update(PODS, "default", { ...p, status: { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2020-01-01T00:00:00Z" }] } }, { subresource: "status" });
}

const names = async (c: Cluster, owner: KubeObject) => (await ownedBy<Any>(c.client, PODS, owner)).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name as string).sort();

describe("statefulset controller", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster({ controllers: ["statefulset-controller"] });
  });
  afterEach(() => c.stop());

  it("creates pods in order, waiting for each to be ready, and scales down in reverse", async () => {
    const s = await c.client.create<Any>(STS, "default", sts("web", 3));
    await eventually("web-0", async () => jsonEq(await names(c, s), ["web-0"]));
    await new Promise((r) => setTimeout(r, 50));
    expect(await names(c, s)).to.deep.equal(["web-0"]);
    const p0 = await c.client.get<Any>(PODS, "default", "web-0");
    const rev = p0.metadata.labels["controller-revision-hash"];
    expect(p0.metadata.labels).to.include({ app: "web", "statefulset.kubernetes.io/pod-name": "web-0", "apps.kubernetes.io/pod-index": "0" });
    expect(rev).to.match(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(p0.spec).to.include({ hostname: "web-0", subdomain: "web" });
    expect(p0.metadata.ownerReferences[0]).to.include({ kind: "StatefulSet", name: "web", controller: true });
    const revs = await list<Any>(c.client, REVS, "default");
    expect(revs.map((r) => r.metadata.name)).to.deep.equal([rev]);
    expect(revs[0]!.revision).to.equal(1);
    await makeReady(c, "web-0");
    await eventually("web-1", async () => jsonEq(await names(c, s), ["web-0", "web-1"]));
    await makeReady(c, "web-1");
    await eventually("web-2", async () => jsonEq(await names(c, s), ["web-0", "web-1", "web-2"]));
    await makeReady(c, "web-2");
    const st = await eventually("status", async () => {
      const x = (await c.client.get<Any>(STS, "default", "web")).status;
      return x?.readyReplicas === 3 && x;
    });
    expect(st).to.include({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: rev, updateRevision: rev });
    await c.client.patch(STS, "default", "web", "merge", { spec: { replicas: 1 } });
    await eventually("scaled down to web-0", async () => jsonEq(await names(c, s), ["web-0"]));
  });

  it("rolls updates from the highest ordinal down to the partition", async () => {
    const s = await c.client.create<Any>(STS, "default", sts("db", 3, { podManagementPolicy: "Parallel" }));
    await eventually("3 pods at once", async () => (await names(c, s)).length === 3);
    for (const n of ["db-0", "db-1", "db-2"]) await makeReady(c, n);
    const oldRev = (await c.client.get<Any>(PODS, "default", "db-0")).metadata.labels["controller-revision-hash"];
    await eventually("ready", async () => (await c.client.get<Any>(STS, "default", "db")).status?.readyReplicas === 3);
    await c.client.patch(STS, "default", "db", "merge", { spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 1 } }, template: { spec: { containers: [{ name: "m", image: "nginx:2" }] } } } });
    const newRev = await eventually("new revision", async () => {
      const st = (await c.client.get<Any>(STS, "default", "db")).status;
      return st?.updateRevision !== oldRev && st?.updateRevision;
    });
    // db-2 then db-1 get the new template; db-0 stays below the partition.
    for (const n of ["db-2", "db-1"]) {
      const p = await eventually(`${n} updated`, async () => {
        const x = await c.client.get<Any>(PODS, "default", n).catch(() => undefined);
        return x && x.metadata.labels["controller-revision-hash"] === newRev && !x.metadata.deletionTimestamp && x;
      });
      expect(p.spec.containers[0].image).to.equal("nginx:2");
      await makeReady(c, n);
    }
    const st = await eventually("status", async () => {
      const x = (await c.client.get<Any>(STS, "default", "db")).status;
      return x?.updatedReplicas === 2 && x?.readyReplicas === 3 && x;
    });
    expect(st).to.include({ currentRevision: oldRev, updateRevision: newRev, currentReplicas: 1 });
    expect((await c.client.get<Any>(PODS, "default", "db-0")).metadata.labels["controller-revision-hash"]).to.equal(oldRev);
    expect((await list(c.client, REVS, "default")).length).to.equal(2);
  });
});

function jsonEq(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
