import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { DEPLOY, EVENTS, PODS, RS, deployment, eventually, fakeKubelet, getOrUndefined, list, newCluster, ownedBy, type Cluster } from "./helpers.js";

type Obj = KubeObject & { spec?: Record<string, unknown> & { replicas?: number; template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } } }; status?: Record<string, unknown> & { conditions?: { type: string; status: string; reason?: string }[] } };

const ann = (o: KubeObject | undefined, k: string) => o?.metadata?.annotations?.[k];

describe("deployment controller", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster();
  });
  afterEach(() => c.stop());

  async function replicaSets(d: KubeObject): Promise<Obj[]> {
    return ownedBy<Obj>(c.client, RS, d);
  }

  it("creates a ReplicaSet with the pod-template-hash and three pods", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 3, { template: { metadata: { labels: { app: "web" }, annotations: { note: "x" } }, spec: { containers: [{ name: "main", image: "busybox" }] } } }));
    const [rs] = await eventually("one ReplicaSet", async () => {
      const l = await replicaSets(d);
      return l.length === 1 && l;
    });
    const hash = rs!.metadata?.labels?.["pod-template-hash"];
    expect(hash).to.match(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(rs!.metadata?.name).to.equal(`web-${hash}`);
    expect(rs!.metadata?.ownerReferences).to.deep.equal([{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata?.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs!.spec?.selector).to.deep.equal({ matchLabels: { app: "web", "pod-template-hash": hash } });
    expect(rs!.spec?.template?.metadata?.labels).to.deep.equal({ app: "web", "pod-template-hash": hash });
    expect(ann(rs, "deployment.kubernetes.io/revision")).to.equal("1");
    expect(ann(rs, "deployment.kubernetes.io/desired-replicas")).to.equal("3");
    expect(ann(rs, "deployment.kubernetes.io/max-replicas")).to.equal("4");

    const pods = await eventually("three pods", async () => {
      const l = await ownedBy<Obj>(c.client, PODS, rs!);
      return l.length === 3 && l;
    });
    for (const p of pods) {
      expect(p.metadata?.name?.startsWith(`web-${hash}-`)).to.equal(true);
      expect(p.metadata?.labels).to.deep.equal({ app: "web", "pod-template-hash": hash });
      expect(p.metadata?.annotations).to.deep.equal({ note: "x" });
      expect(p.metadata?.ownerReferences?.[0]).to.include({ kind: "ReplicaSet", name: rs!.metadata?.name, controller: true, blockOwnerDeletion: true });
    }

    const status = await eventually("deployment status", async () => {
      const cur = await c.client.get<Obj>(DEPLOY, "default", "web");
      return cur.status?.replicas === 3 && cur.status?.unavailableReplicas === 3 && cur.status;
    });
    expect(status).to.include({ replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    const stored = await c.client.get<Obj>(DEPLOY, "default", "web");
    if (stored.metadata?.generation !== undefined) expect(stored.status?.observedGeneration).to.equal(stored.metadata.generation);
    expect(status.readyReplicas).to.equal(undefined);
    const available = status.conditions?.find((x) => x.type === "Available");
    expect(available).to.include({ status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." } as never);
    const progressing = status.conditions?.find((x) => x.type === "Progressing");
    expect(progressing?.status).to.equal("True");
    expect(["NewReplicaSetCreated", "ReplicaSetUpdated"]).to.include(progressing?.reason);
    expect(ann(await c.client.get(DEPLOY, "default", "web"), "deployment.kubernetes.io/revision")).to.equal("1");

    const rsStatus = await eventually("replica set status", async () => {
      const cur = await c.client.get<Obj>(RS, "default", rs!.metadata!.name!);
      return cur.status?.replicas === 3 && cur.status;
    });
    expect(rsStatus).to.include({ replicas: 3, fullyLabeledReplicas: 3 });

    const events = await eventually("events", async () => {
      const evs = await list<KubeObject & { reason?: string; message?: string; involvedObject?: { name?: string } }>(c.client, EVENTS, "default");
      return evs.filter((e) => e.reason === "SuccessfulCreate").length === 3 && evs;
    });
    expect(events.some((e) => e.reason === "ScalingReplicaSet" && e.message === `Scaled up replica set web-${hash} from 0 to 3` && e.involvedObject?.name === "web")).to.equal(true);
    expect(events.filter((e) => e.reason === "SuccessfulCreate").every((e) => e.involvedObject?.name === `web-${hash}` && /^Created pod: web-/.test(e.message ?? ""))).to.equal(true);
  });

  it("scales up and down with the deployment", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 3));
    const [rs] = await eventually("RS", async () => {
      const l = await replicaSets(d);
      return l.length === 1 && l;
    });
    await eventually("3 pods", async () => (await ownedBy(c.client, PODS, rs!)).length === 3);
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { replicas: 5 } });
    await eventually("5 pods", async () => (await ownedBy(c.client, PODS, rs!)).length === 5);
    const scaled = await c.client.get<Obj>(RS, "default", rs!.metadata!.name!);
    expect(scaled.spec?.replicas).to.equal(5);
    expect(ann(scaled, "deployment.kubernetes.io/desired-replicas")).to.equal("5");
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { replicas: 2 } });
    await eventually("2 pods", async () => (await ownedBy(c.client, PODS, rs!)).length === 2);
    await eventually("status replicas 2", async () => (await c.client.get<Obj>(DEPLOY, "default", "web")).status?.replicas === 2);
    const evs = await eventually("scale-down events", async () => {
      const l = await list<KubeObject & { reason?: string; message?: string }>(c.client, EVENTS, "default");
      return l.some((e) => e.reason === "SuccessfulDelete") && l;
    });
    expect(evs.some((e) => e.reason === "ScalingReplicaSet" && e.message === `Scaled down replica set ${rs!.metadata!.name} from 5 to 2`)).to.equal(true);
  });

  it("creates revision 2 on a template change, keeps history, and rolls back to revision 3", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 3));
    const [rs1] = await eventually("RS 1", async () => {
      const l = await replicaSets(d);
      return l.length === 1 && l;
    });
    await eventually("3 pods", async () => (await ownedBy(c.client, PODS, rs1!)).length === 3);
    // kubectl set image + --record equivalent.
    await c.client.patch(DEPLOY, "default", "web", "merge", {
      metadata: { annotations: { "kubernetes.io/change-cause": "kubectl set image deployment/web main=busybox:2" } },
      spec: { template: { spec: { containers: [{ name: "main", image: "busybox:2", command: ["sleep", "3600"] }] } } },
    });
    const rs2 = await eventually("RS 2", async () => (await replicaSets(d)).find((r) => r.metadata?.uid !== rs1!.metadata?.uid));
    expect(ann(rs2, "deployment.kubernetes.io/revision")).to.equal("2");
    expect(ann(rs2, "kubernetes.io/change-cause")).to.equal("kubectl set image deployment/web main=busybox:2");
    expect(rs2.metadata?.labels?.["pod-template-hash"]).to.not.equal(rs1!.metadata?.labels?.["pod-template-hash"]);
    // Pods never become ready here: the rollout stops at maxSurge (1) with maxUnavailable 0.
    await eventually("new RS at 1", async () => (await c.client.get<Obj>(RS, "default", rs2.metadata!.name!)).spec?.replicas === 1);
    expect((await c.client.get<Obj>(RS, "default", rs1!.metadata!.name!)).spec?.replicas).to.equal(3);
    expect(ann(await c.client.get<Obj>(RS, "default", rs1!.metadata!.name!), "deployment.kubernetes.io/revision")).to.equal("1");
    await eventually("deployment revision 2", async () => ann(await c.client.get(DEPLOY, "default", "web"), "deployment.kubernetes.io/revision") === "2");

    // kubectl rollout undo: the template of revision 1 (without its hash label) patched back.
    const tmpl = structuredClone((await c.client.get<Obj>(RS, "default", rs1!.metadata!.name!)).spec!.template!) as { metadata: { labels: Record<string, string> } };
    delete tmpl.metadata.labels["pod-template-hash"];
    await c.client.patch(DEPLOY, "default", "web", "json", [{ op: "replace", path: "/spec/template", value: tmpl }]);
    await eventually("RS 1 becomes revision 3", async () => ann(await c.client.get(RS, "default", rs1!.metadata!.name!), "deployment.kubernetes.io/revision") === "3");
    expect(ann(await c.client.get(RS, "default", rs1!.metadata!.name!), "deployment.kubernetes.io/revision-history")).to.equal("1");
    await eventually("deployment revision 3", async () => ann(await c.client.get(DEPLOY, "default", "web"), "deployment.kubernetes.io/revision") === "3");
    // No third ReplicaSet; with nothing available (maxUnavailable 0) revision 2 keeps its pod, as upstream.
    expect((await replicaSets(d)).length).to.equal(2);
    expect((await c.client.get<Obj>(RS, "default", rs2.metadata!.name!)).spec?.replicas).to.equal(1);
  });

  it("completes a rolling update once pods are ready and cleans up beyond revisionHistoryLimit", async () => {
    const kubelet = fakeKubelet(c.client, "default");
    try {
      const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 2, { revisionHistoryLimit: 1 }));
      await eventually("available", async () => (await c.client.get<Obj>(DEPLOY, "default", "web")).status?.availableReplicas === 2);
      for (const image of ["busybox:2", "busybox:3"]) {
        await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { template: { spec: { containers: [{ name: "main", image, command: ["sleep", "3600"] }] } } } });
        await eventually(
          `rollout to ${image}`,
          async () => {
            const rss = await replicaSets(d);
            const newRS = rss.find((r) => (r.spec?.template as { spec?: { containers?: { image?: string }[] } } | undefined)?.spec?.containers?.[0]?.image === image);
            if (!newRS || (newRS.status as { availableReplicas?: number } | undefined)?.availableReplicas !== 2) return false;
            if (rss.some((r) => r !== newRS && r.spec?.replicas !== 0)) return false;
            const cur = await c.client.get<Obj>(DEPLOY, "default", "web");
            const p = cur.status?.conditions?.find((x) => x.type === "Progressing") as { reason?: string; message?: string } | undefined;
            return cur.status?.updatedReplicas === 2 && cur.status?.replicas === 2 && cur.status?.availableReplicas === 2 && p?.reason === "NewReplicaSetAvailable" && p.message === `ReplicaSet "${newRS.metadata?.name}" has successfully progressed.` && cur;
          },
          8000,
        );
      }
      const cur = await c.client.get<Obj>(DEPLOY, "default", "web");
      expect(cur.status?.conditions?.find((x) => x.type === "Available")).to.include({ status: "True", reason: "MinimumReplicasAvailable" } as never);
      const rss = await eventually("one old RS kept", async () => {
        const l = await replicaSets(d);
        return l.length === 2 && l;
      });
      expect(rss.map((r) => ann(r, "deployment.kubernetes.io/revision")).sort()).to.deep.equal(["2", "3"]);
      expect(rss.find((r) => ann(r, "deployment.kubernetes.io/revision") === "2")?.spec?.replicas).to.equal(0);
    } finally {
      kubelet.stop();
    }
  });

  it("scales proportionally across ReplicaSets in the middle of a rollout", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 10));
    const [rs1] = await eventually("RS 1", async () => {
      const l = await replicaSets(d);
      return l.length === 1 && l;
    });
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { template: { metadata: { labels: { app: "web", v: "2" } } } } });
    const rs2 = await eventually("RS 2", async () => (await replicaSets(d)).find((r) => r.metadata?.uid !== rs1!.metadata?.uid));
    // 10 replicas, maxSurge 3, maxUnavailable 2, nothing ever available: 8 old + 5 new.
    const sizes = async () => [(await c.client.get<Obj>(RS, "default", rs1!.metadata!.name!)).spec?.replicas, (await c.client.get<Obj>(RS, "default", rs2.metadata!.name!)).spec?.replicas];
    await eventually("8 + 5", async () => JSON.stringify(await sizes()) === "[8,5]");
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { replicas: 20 } });
    // 25 allowed (20 + surge 5), 12 more shared by max-replicas 13: 8 -> 15, 5 -> 10.
    await eventually("15 + 10", async () => JSON.stringify(await sizes()) === "[15,10]");
    const r1 = await c.client.get<Obj>(RS, "default", rs1!.metadata!.name!);
    expect(ann(r1, "deployment.kubernetes.io/desired-replicas")).to.equal("20");
    expect(ann(r1, "deployment.kubernetes.io/max-replicas")).to.equal("25");
  });

  it("Recreate scales the old ReplicaSet to zero before creating the new one", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 2, { strategy: { type: "Recreate" } }));
    const [rs1] = await eventually("RS 1", async () => {
      const l = await replicaSets(d);
      return l.length === 1 && l;
    });
    await eventually("2 pods", async () => (await ownedBy(c.client, PODS, rs1!)).length === 2);
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { template: { metadata: { labels: { app: "web", v: "2" } } } } });
    const rs2 = await eventually("RS 2", async () => (await replicaSets(d)).find((r) => r.metadata?.uid !== rs1!.metadata?.uid));
    expect((await c.client.get<Obj>(RS, "default", rs1!.metadata!.name!)).spec?.replicas).to.equal(0);
    expect(await ownedBy(c.client, PODS, rs1!)).to.have.length(0);
    await eventually("2 new pods", async () => (await ownedBy(c.client, PODS, rs2)).length === 2);
  });

  it("does not roll out while paused, and reports DeploymentPaused", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 1));
    await eventually("RS", async () => (await replicaSets(d)).length === 1);
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { paused: true } });
    await eventually("paused condition", async () => (await c.client.get<Obj>(DEPLOY, "default", "web")).status?.conditions?.find((x) => x.type === "Progressing")?.reason === "DeploymentPaused");
    // kubectl rollout restart while paused.
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z" } } } } });
    await new Promise((r) => setTimeout(r, 200));
    expect(await replicaSets(d)).to.have.length(1);
    await c.client.patch(DEPLOY, "default", "web", "merge", { spec: { paused: false } });
    const rs2 = await eventually("RS after resume", async () => {
      const l = await replicaSets(d);
      return l.length === 2 && l.find((r) => r.spec?.template?.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]);
    });
    expect(ann(rs2, "deployment.kubernetes.io/revision")).to.equal("2");
  });

  it("reports ProgressDeadlineExceeded when a rollout makes no progress", async () => {
    await c.client.create<Obj>(DEPLOY, "default", deployment("web", 1, { progressDeadlineSeconds: 1 }));
    const cond = await eventually(
      "timed out",
      async () => {
        const p = (await c.client.get<Obj>(DEPLOY, "default", "web")).status?.conditions?.find((x) => x.type === "Progressing");
        return p?.reason === "ProgressDeadlineExceeded" && p;
      },
      8000,
    );
    expect(cond).to.include({ status: "False" });
    expect((cond as { message?: string }).message).to.match(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
  });

  it("leaves the deployment to the garbage collector on delete", async () => {
    const d = await c.client.create<Obj>(DEPLOY, "default", deployment("web", 1));
    await eventually("RS", async () => (await replicaSets(d)).length === 1);
    await c.client.delete(DEPLOY, "default", "web");
    await eventually("RS gone", async () => (await list(c.client, RS, "default")).length === 0);
    expect(await getOrUndefined(c.client, DEPLOY, "default", "web")).to.equal(undefined);
  });
});
