import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { PODS, eventually, newCluster, ownedBy, type Cluster } from "./helpers.js";

const DS = { group: "apps", version: "v1", plural: "daemonsets" } as const;
const NODES = { group: "", version: "v1", plural: "nodes" } as const;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = KubeObject & { metadata: any; [k: string]: any };

const nodeOf = (p: Any) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0] as string;

async function readyAll(c: Cluster, owner: KubeObject): Promise<void> {
  for (const p of await ownedBy<Any>(c.client, PODS, owner)) {
    if (p.metadata.deletionTimestamp || p.status?.phase === "Running") continue;
    await c.client.update(PODS, "default", { ...p, spec: p.spec, status: { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2020-01-01T00:00:00Z" }] } }, { subresource: "status" });
  }
}

describe("daemonset controller", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster({ controllers: ["daemonset-controller"] });
    await c.client.create(NODES, "", { apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels: { disk: "ssd" } } });
    await c.client.create(NODES, "", { apiVersion: "v1", kind: "Node", metadata: { name: "n2", labels: { disk: "ssd" } }, spec: { unschedulable: true, taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }] } });
    await c.client.create(NODES, "", { apiVersion: "v1", kind: "Node", metadata: { name: "n3" }, spec: { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] } });
  });
  afterEach(() => c.stop());

  it("runs one pod per eligible node, pinned by node affinity, and rolls updates", async () => {
    const ds = await c.client.create<Any>(DS, "default", {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "agent" },
      spec: { selector: { matchLabels: { app: "agent" } }, template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "m", image: "agent:1" }] } } },
    } as Any);
    const pods = await eventually("2 pods", async () => {
      const l = await ownedBy<Any>(c.client, PODS, ds);
      return l.length === 2 && l;
    });
    // n3's taint is not tolerated; n2 is unschedulable, which daemon pods tolerate.
    expect(pods.map(nodeOf).sort()).to.deep.equal(["n1", "n2"]);
    const p = pods[0]!;
    expect(p.metadata.generateName).to.equal("agent-");
    expect(p.metadata.labels).to.include({ app: "agent", "pod-template-generation": "1" });
    expect(p.metadata.labels["controller-revision-hash"]).to.be.a("string");
    expect(p.spec.tolerations).to.deep.include({ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" });
    expect(p.spec.tolerations).to.deep.include({ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" });
    await readyAll(c, ds);
    const st = await eventually("status", async () => {
      const s = (await c.client.get<Any>(DS, "default", "agent")).status;
      return s?.numberReady === 2 && s;
    });
    expect(st).to.include({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 });

    // A nodeSelector narrows it down to n1... then n2 gets the label removed.
    await c.client.patch(DS, "default", "agent", "merge", { spec: { template: { spec: { nodeSelector: { disk: "ssd" }, containers: [{ name: "m", image: "agent:2" }] } } } });
    await eventually("rolled to agent:2", async () => {
      await readyAll(c, ds);
      const l = (await ownedBy<Any>(c.client, PODS, ds)).filter((x) => !x.metadata.deletionTimestamp);
      return l.length === 2 && l.every((x) => x.spec.containers[0].image === "agent:2");
    });
    await c.client.patch(NODES, "", "n2", "merge", { metadata: { labels: { disk: null } } });
    await eventually("only n1", async () => {
      const l = await ownedBy<Any>(c.client, PODS, ds);
      return l.length === 1 && nodeOf(l[0]!) === "n1";
    });
    await eventually("status desired 1", async () => (await c.client.get<Any>(DS, "default", "agent")).status?.desiredNumberScheduled === 1);
  });
});
