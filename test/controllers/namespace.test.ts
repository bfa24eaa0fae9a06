import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { CM, DEPLOY, NS, PODS, RS, SA, createNamespace, deployment, eventually, getOrUndefined, list, newCluster, type Cluster } from "./helpers.js";

type Namespace = KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[] } };

describe("namespace and service account controllers", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster();
  });
  afterEach(() => c.stop());

  it("creates the default ServiceAccount in every namespace and recreates it", async () => {
    await eventually("default SA in default", async () => getOrUndefined(c.client, SA, "default", "default"));
    await createNamespace(c.client, "team-a");
    const sa = await eventually("default SA in team-a", async () => getOrUndefined(c.client, SA, "team-a", "default"));
    await c.client.delete(SA, "team-a", "default");
    const again = await eventually("recreated", async () => {
      const s = await getOrUndefined(c.client, SA, "team-a", "default");
      return s && s.metadata?.uid !== sa.metadata?.uid && s;
    });
    expect(again.metadata?.name).to.equal("default");
  });

  it("deletes everything in a terminating namespace, then the namespace", async () => {
    await createNamespace(c.client, "doomed");
    await c.client.create<KubeObject>(CM, "doomed", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" }, data: { a: "b" } });
    await c.client.create<KubeObject>(DEPLOY, "doomed", { ...deployment("web", 2), metadata: { name: "web", namespace: "doomed" } });
    await eventually("pods", async () => (await list(c.client, PODS, "doomed")).length === 2);
    await eventually("default SA", async () => getOrUndefined(c.client, SA, "doomed", "default"));
    await c.client.delete(NS, "", "doomed");
    await eventually("namespace gone", async () => !(await getOrUndefined(c.client, NS, "", "doomed")));
    for (const r of [CM, DEPLOY, RS, PODS, SA]) expect(await list(c.client, r, "doomed")).to.have.length(0);
  });

  it("reports content and finalizers remaining, and finishes once they are released", async () => {
    await createNamespace(c.client, "held");
    await c.client.create<KubeObject>(CM, "held", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "keep", finalizers: ["example.com/hold"] } });
    await c.client.delete(NS, "", "held");
    const ns = await eventually("conditions", async () => {
      const n = await c.client.get<Namespace>(NS, "", "held");
      return n.status?.conditions?.find((x) => x.type === "NamespaceFinalizersRemaining" && x.status === "True") && n;
    });
    expect(ns.status?.phase).to.equal("Terminating");
    const byType = Object.fromEntries((ns.status?.conditions ?? []).map((x) => [x.type, x]));
    expect(byType.NamespaceContentRemaining).to.include({ status: "True", reason: "SomeResourcesRemain", message: "Some resources are remaining: configmaps. has 1 resource instances" });
    expect(byType.NamespaceFinalizersRemaining).to.include({ reason: "SomeFinalizersRemain", message: "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances" });
    expect(byType.NamespaceDeletionDiscoveryFailure).to.include({ status: "False", reason: "ResourcesDiscovered", message: "All resources successfully discovered" });
    expect(byType.NamespaceDeletionContentFailure).to.include({ status: "False", reason: "ContentDeleted" });
    expect(byType.NamespaceDeletionGroupVersionParsingFailure).to.include({ status: "False", reason: "ParsedGroupVersions" });
    // Release the finalizer; the controller comes back on its own (estimate 15 s / 2 + 1),
    // or sooner on the next namespace event, which this annotation makes.
    await c.client.patch(CM, "held", "keep", "merge", { metadata: { finalizers: null } });
    await c.client.patch(NS, "", "held", "merge", { metadata: { annotations: { poke: "1" } } });
    await eventually("namespace gone", async () => !(await getOrUndefined(c.client, NS, "", "held")));
  });
});
