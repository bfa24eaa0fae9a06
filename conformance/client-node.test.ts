/**
 * Conformance: @kubernetes/client-node 2.x against `berth up` — typed API calls, the
 * list-watch informer, the patch types and server-side apply, as applications use them.
 */
import { expect } from "chai";
import * as k8s from "@kubernetes/client-node";
import { startBerth, eventually, removeDir, type Berth } from "./harness.js";

describe("conformance: @kubernetes/client-node", function () {
  this.timeout(60_000);
  let b: Berth;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;

  before(async () => {
    b = await startBerth();
    kc = new k8s.KubeConfig();
    kc.loadFromFile(b.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });
  after(async () => {
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("typed create, read and list round-trip", async () => {
    const created = await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "typed", labels: { via: "client-node" } }, data: { k: "v" } } });
    expect(created.metadata?.uid).to.be.a("string");
    const read = await core.readNamespacedConfigMap({ namespace: "default", name: "typed" });
    expect(read.data).to.deep.equal({ k: "v" });
    const list = await core.listNamespacedConfigMap({ namespace: "default", labelSelector: "via=client-node" });
    expect(list.items.map((c) => c.metadata?.name)).to.deep.equal(["typed"]);
    expect(list.metadata?.resourceVersion).to.match(/^\d+$/);
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).to.include.members(["default", "kube-system", "kube-public", "kube-node-lease"]);
  });

  it("errors arrive as ApiException with the Status body", async () => {
    try {
      await core.readNamespacedConfigMap({ namespace: "default", name: "missing" });
      expect.fail("read of a missing object succeeded");
    } catch (e) {
      expect(e).to.be.instanceOf(k8s.ApiException);
      const err = e as k8s.ApiException<string>;
      expect(err.code).to.equal(404);
      const status = JSON.parse(err.body) as { kind: string; reason: string; details: { name: string; kind: string } };
      expect(status).to.deep.include({ kind: "Status", reason: "NotFound" });
      expect(status.details).to.deep.equal({ name: "missing", kind: "configmaps" });
    }
  });

  it("a list-watch informer sees adds, updates and deletes in order", async () => {
    const informer = k8s.makeInformer<k8s.V1ConfigMap>(kc, "/api/v1/namespaces/default/configmaps", () => core.listNamespacedConfigMap({ namespace: "default" }));
    const seen: string[] = [];
    informer.on("add", (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on("update", (o) => seen.push(`update ${o.metadata?.name} ${o.data?.v ?? ""}`));
    informer.on("delete", (o) => seen.push(`delete ${o.metadata?.name}`));
    await informer.start();
    try {
      await eventually(async () => seen.includes("add typed"), "the initial list");
      await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "inf" }, data: { v: "1" } } });
      await core.patchNamespacedConfigMap({ namespace: "default", name: "inf", body: { data: { v: "2" } } }, k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch));
      await core.deleteNamespacedConfigMap({ namespace: "default", name: "inf" });
      await eventually(async () => seen.includes("delete inf"), "the delete event");
      expect(seen.filter((s) => s.includes("inf"))).to.deep.equal(["add inf", "update inf 2", "delete inf"]);
      expect(informer.list("default").map((o) => o.metadata?.name)).to.not.include("inf");
    } finally {
      await informer.stop();
    }
  });

  it("json, merge and strategic merge patches", async () => {
    await apps.createNamespacedDeployment({
      namespace: "default",
      body: { metadata: { name: "pd" }, spec: { selector: { matchLabels: { app: "pd" } }, template: { metadata: { labels: { app: "pd" } }, spec: { containers: [{ name: "a", image: "busybox", env: [{ name: "X", value: "1" }] }] } } } },
    });
    const json = k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.JsonPatch);
    await apps.patchNamespacedDeployment({ namespace: "default", name: "pd", body: [{ op: "replace", path: "/spec/replicas", value: 2 }] }, json);
    const smp = k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.StrategicMergePatch);
    const patched = await apps.patchNamespacedDeployment({ namespace: "default", name: "pd", body: { spec: { template: { spec: { containers: [{ name: "a", env: [{ name: "Y", value: "2" }] }] } } } } }, smp);
    expect(patched.spec?.replicas).to.equal(2);
    expect(patched.spec?.template.spec?.containers[0]?.env).to.deep.equal([
      { name: "Y", value: "2" },
      { name: "X", value: "1" },
    ]);
    expect(patched.spec?.template.spec?.containers[0]?.image).to.equal("busybox");
  });

  it("server-side apply through KubernetesObjectApi with conflicts and force", async () => {
    const client = k8s.KubernetesObjectApi.makeApiClient(kc);
    const spec = (v: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ssa-node", namespace: "default" }, data: { owned: v } });
    const first = await client.patch(spec("1"), undefined, undefined, "app-a", false, k8s.PatchStrategy.ServerSideApply);
    expect((first as k8s.V1ConfigMap).data).to.deep.equal({ owned: "1" });
    try {
      await client.patch(spec("2"), undefined, undefined, "app-b", false, k8s.PatchStrategy.ServerSideApply);
      expect.fail("conflicting apply succeeded");
    } catch (e) {
      expect((e as k8s.ApiException<string>).code).to.equal(409);
    }
    const forced = (await client.patch(spec("2"), undefined, undefined, "app-b", true, k8s.PatchStrategy.ServerSideApply)) as k8s.V1ConfigMap;
    expect(forced.data).to.deep.equal({ owned: "2" });
    expect(forced.metadata?.managedFields?.map((m) => m.manager)).to.deep.equal(["app-b"]);
  });
});
