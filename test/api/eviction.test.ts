/**
 * pods/eviction over HTTP (policy/v1 Eviction) with the disruption controller keeping
 * PodDisruptionBudget status: deletion when nothing forbids it, 429 with a
 * DisruptionBudget cause when the budget allows no disruption, disruptedPods recorded,
 * the multiple-budget refusal, and the name check.
 */
import { expect } from "chai";
import { startTestServer, req, type TestServer } from "./helpers.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { startControllers, type ControllersHandle } from "../../src/k8s-api/controllers/index.js";
import { createLogger } from "../../src/util/log.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

const PODS = { group: "", version: "v1", plural: "pods" } as const;
const PDBS = { group: "policy", version: "v1", plural: "poddisruptionbudgets" } as const;

async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("pods/eviction and PodDisruptionBudgets", function () {
  this.timeout(20_000);
  let s: TestServer;
  let client: LocalClient;
  let ctrl: ControllersHandle;

  before(async () => {
    s = await startTestServer();
    client = new LocalClient(s.server.registry, "test");
    ctrl = await startControllers(new LocalClient(s.server.registry, "kube-controller-manager"), createLogger("ctrl", { level: "error" }), { controllers: ["disruption-controller"] });
  });
  after(async () => {
    ctrl?.stop();
    await s?.close();
  });

  const runningPod = async (name: string, labels: Record<string, string>) => {
    await client.create(PODS, "default", { apiVersion: "v1", kind: "Pod", metadata: { name, labels }, spec: { nodeName: "n1", containers: [{ name: "c", image: "busybox" }] } } as KubeObject);
    await client.patch(PODS, "default", name, "merge", { status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } }, { subresource: "status" });
  };
  const evict = (name: string, body: Record<string, unknown> = {}) =>
    req(s.url, `/api/v1/namespaces/default/pods/${name}/eviction`, { method: "POST", body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace: "default" }, ...body } });
  const pdbStatus = async (name: string) => ((await client.get(PDBS, "default", name)) as { status: { disruptionsAllowed: number; currentHealthy: number; desiredHealthy: number; expectedPods: number; disruptedPods?: Record<string, string>; observedGeneration: number } }).status;

  it("evicts a pod no budget covers: 201 Success and the pod is deleted with the eviction's DeleteOptions", async () => {
    await runningPod("free", { app: "free" });
    const r = await evict("free", { deleteOptions: { gracePeriodSeconds: 0 } });
    expect(r.status).to.equal(201);
    expect(r.body).to.include({ kind: "Status", status: "Success" });
    expect((await req(s.url, "/api/v1/namespaces/default/pods/free")).status).to.equal(404);
  });

  it("the disruption controller computes the budget; evictions beyond it get 429 with a DisruptionBudget cause", async () => {
    for (const n of ["web-1", "web-2", "web-3"]) await runningPod(n, { app: "web" });
    await client.create(PDBS, "default", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web-pdb" }, spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } } } as KubeObject);
    const st = await eventually("pdb status", async () => {
      const x = await pdbStatus("web-pdb");
      return x.observedGeneration === 1 && x.expectedPods === 3 && x;
    });
    expect(st).to.include({ disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 });

    const first = await evict("web-1");
    expect(first.status).to.equal(201);
    const after = await pdbStatus("web-pdb");
    expect(after.disruptionsAllowed).to.equal(0);
    const pod = await req(s.url, "/api/v1/namespaces/default/pods/web-1");
    // Graceful deletion (the pod is bound): deletionTimestamp and the DisruptionTarget condition.
    expect(pod.body.metadata.deletionTimestamp).to.be.a("string");
    expect(pod.body.status.conditions).to.deep.include.members([]);
    expect(pod.body.status.conditions.find((c: { type: string }) => c.type === "DisruptionTarget")).to.include({ status: "True", reason: "EvictionByEvictionAPI", message: "Eviction API: evicting" });

    await eventually("controller caught up", async () => (await pdbStatus("web-pdb")).currentHealthy === 2);
    const second = await evict("web-2");
    expect(second.status).to.equal(429);
    expect(second.body).to.include({ kind: "Status", status: "Failure", reason: "TooManyRequests", code: 429, message: "Cannot evict pod as it would violate the pod's disruption budget." });
    expect(second.body.details.causes).to.deep.equal([{ reason: "DisruptionBudget", message: "The disruption budget web-pdb needs 2 healthy pods and has 2 currently" }]);
    expect((await req(s.url, "/api/v1/namespaces/default/pods/web-2")).body.metadata.deletionTimestamp).to.equal(undefined);
  });

  it("a pod covered by two budgets is refused with 500; a mismatched name is 400", async () => {
    await runningPod("multi", { app: "multi" });
    for (const n of ["m1", "m2"]) await client.create(PDBS, "default", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: n }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "multi" } } } } as KubeObject);
    const r = await evict("multi");
    expect(r.status).to.equal(500);
    expect(r.body.message).to.equal("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
    const bad = await req(s.url, `/api/v1/namespaces/default/pods/multi/eviction`, { method: "POST", body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "other" } } });
    expect(bad.status).to.equal(400);
    expect(bad.body.message).to.equal("name in URL does not match name in Eviction object");
  });

  it("maxUnavailable without a controller: the budget fails sync and allows nothing", async () => {
    const st = await eventually("m1 synced", async () => {
      const x = (await client.get(PDBS, "default", "m1")) as { status: { observedGeneration?: number; conditions?: { type: string; reason: string; message: string }[] } };
      return x.status.observedGeneration === 1 && x.status;
    });
    expect(st.conditions?.find((c) => c.type === "DisruptionAllowed")).to.include({ reason: "SyncFailed", message: 'found no controller ref for pod "multi"' });
  });
});
