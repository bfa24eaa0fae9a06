/**
 * Conformance: workloads and lifecycles through the real kubectl — deployments with their
 * controller, scale, rollout history, cascading deletion, namespaces end to end, and a
 * restart of `berth up` that keeps every object.
 */
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, type Berth } from "./harness.js";

interface Obj {
  metadata: { name: string; uid: string; ownerReferences?: { uid: string; kind: string }[]; finalizers?: string[]; deletionTimestamp?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

describe("conformance: kubectl workloads", function () {
  this.timeout(90_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;
  const items = async (args: string[]) => (JSON.parse(await k.ok(["get", ...args, "-o", "json"])) as { items: Obj[] }).items;

  before(async () => {
    b = await startBerth();
    k = kubectlFor(b);
  });
  after(async () => {
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("create deployment makes a ReplicaSet and Pending pods", async () => {
    expect(await k.ok(["create", "deployment", "web", "--image=nginx:1.25", "--replicas=2"])).to.contain("deployment.apps/web created");
    const rs = await eventually(async () => (await items(["rs", "-l", "app=web"]))[0], "a ReplicaSet for web");
    expect(rs.metadata.ownerReferences?.[0]?.kind).to.equal("Deployment");
    expect(rs.metadata.annotations?.["deployment.kubernetes.io/revision"]).to.equal("1");
    const pods = await eventually(async () => {
      const p = await items(["pods", "-l", "app=web"]);
      return p.length === 2 && p;
    }, "two pods");
    for (const p of pods) {
      expect(p.status?.phase).to.equal("Pending");
      expect(p.metadata.ownerReferences?.[0]?.uid).to.equal(rs.metadata.uid);
    }
    const table = await k.ok(["get", "pods", "-l", "app=web"]);
    expect(table.split("\n")[0]).to.match(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    // nginx has no command and no catalog entry, so its pods stay Pending waiting with ErrImagePull (DESIGN.md decision 6).
    expect(table).to.match(/web-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+(Pending|ErrImagePull)\s+0\s+\d+s/);
    const deploy = await k.ok(["get", "deploy", "web", "-o", "wide"]);
    expect(deploy.split("\n")[0]).to.match(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/);
    expect(deploy).to.match(/web\s+0\/2\s+2\s+0\s+\S+\s+nginx\s+nginx:1\.25\s+app=web/);
  });

  it("get all shows the workload objects", async () => {
    const out = await k.ok(["get", "all"]);
    expect(out).to.contain("deployment.apps/web");
    expect(out).to.contain("replicaset.apps/web-");
    expect(out).to.match(/pod\/web-/);
    expect(out).to.contain("service/kubernetes");
  });

  it("scale changes replicas and the controller follows", async () => {
    expect(await k.ok(["scale", "deployment", "web", "--replicas=3"])).to.contain("deployment.apps/web scaled");
    await eventually(async () => (await items(["pods", "-l", "app=web"])).length === 3, "three pods");
    const scale = JSON.parse(await k.ok(["get", "--raw", "/apis/apps/v1/namespaces/default/deployments/web/scale"])) as { kind: string; spec: { replicas: number } };
    expect(scale.kind).to.equal("Scale");
    expect(scale.spec.replicas).to.equal(3);
  });

  it("rollout history lists revisions after a change of the template", async () => {
    await k.ok(["set", "image", "deployment/web", "nginx=nginx:1.27"]);
    await eventually(async () => (await items(["rs", "-l", "app=web"])).length === 2, "a second ReplicaSet");
    await k.ok(["annotate", "deployment/web", "kubernetes.io/change-cause=bump image"]);
    const out = await eventually(async () => {
      const h = await k.ok(["rollout", "history", "deployment/web"]);
      return /^2\s+/m.test(h) && h;
    }, "revision 2 in the history");
    expect(out).to.contain("deployment.apps/web");
    expect(out).to.match(/REVISION\s+CHANGE-CAUSE/);
    expect(out).to.match(/^1\s+<none>$/m);
    const rev1 = await k.ok(["rollout", "history", "deployment/web", "--revision=1"]);
    expect(rev1).to.contain("nginx:1.25");
  });

  it("delete --cascade=orphan leaves the ReplicaSets without owner", async () => {
    await k.ok(["create", "deployment", "orphan", "--image=busybox", "--replicas=1"]);
    await eventually(async () => (await items(["rs", "-l", "app=orphan"])).length === 1, "a ReplicaSet for orphan");
    await k.ok(["delete", "deployment", "orphan", "--cascade=orphan"]);
    await eventually(async () => {
      const rs = await items(["rs", "-l", "app=orphan"]);
      return rs.length === 1 && !rs[0]!.metadata.ownerReferences?.length;
    }, "the orphaned ReplicaSet");
    expect((await k.run(["get", "deploy", "orphan"])).code).to.equal(1);
  });

  it("delete --cascade=foreground removes dependents before the owner", async () => {
    await k.ok(["create", "deployment", "fg", "--image=busybox", "--replicas=2"]);
    await eventually(async () => (await items(["pods", "-l", "app=fg"])).length === 2, "fg pods");
    const r = await k.run(["delete", "deployment", "fg", "--cascade=foreground", "--timeout=30s"]);
    expect(r.code, r.stderr).to.equal(0);
    await eventually(async () => (await k.run(["get", "deploy", "fg"])).code === 1, "fg gone");
    expect(await items(["rs", "-l", "app=fg"])).to.have.length(0);
    expect(await items(["pods", "-l", "app=fg"])).to.have.length(0);
  });

  it("delete --cascade=background lets the collector remove dependents", async () => {
    await k.ok(["delete", "deployment", "web", "--cascade=background"]);
    await eventually(async () => (await items(["rs", "-l", "app=web"])).length === 0 && (await items(["pods", "-l", "app=web"])).length === 0, "web's ReplicaSets and pods collected", 30_000);
  });

  it("finalizers hold an object in deletion until removed", async () => {
    await k.ok(["create", "-f", "-"], { input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [example.com/hold]\n" });
    await k.ok(["delete", "cm", "held", "--wait=false"]);
    const held = JSON.parse(await k.ok(["get", "cm", "held", "-o", "json"])) as Obj;
    expect(held.metadata.deletionTimestamp).to.be.a("string");
    await k.ok(["patch", "cm", "held", "--type=merge", "-p", '{"metadata":{"finalizers":null}}']);
    await eventually(async () => (await k.run(["get", "cm", "held"])).code === 1, "held gone");
  });

  it("namespaces: create, use, delete with content, Terminating then gone", async () => {
    expect(await k.ok(["create", "namespace", "team"])).to.contain("namespace/team created");
    expect(await k.ok(["get", "ns", "team"])).to.match(/team\s+Active\s+/);
    await k.ok(["create", "cm", "in-team", "-n", "team", "--from-literal=a=b"]);
    await k.ok(["create", "deployment", "app", "-n", "team", "--image=busybox"]);
    await eventually(async () => (await items(["sa", "-n", "team"])).some((s) => s.metadata.name === "default"), "the default ServiceAccount");
    const del = await k.run(["delete", "namespace", "team", "--wait=false"]);
    expect(del.code, del.stderr).to.equal(0);
    const blocked = await k.run(["create", "cm", "late", "-n", "team"]);
    if (blocked.code !== 0) expect(blocked.stderr).to.match(/because it is being terminated|namespaces "team" not found/);
    await eventually(async () => (await k.run(["get", "ns", "team"])).code === 1, "namespace team gone", 30_000);
    expect((await k.run(["get", "cm", "in-team", "-n", "team"])).code).to.equal(1);
    const missing = await k.run(["create", "cm", "x", "-n", "nowhere"]);
    expect(missing.stderr).to.contain('namespaces "nowhere" not found');
    const immortal = await k.run(["delete", "ns", "default"]);
    expect(immortal.code).to.equal(1);
    expect(immortal.stderr).to.contain("this namespace may not be deleted");
  });

  it("services get a cluster IP from the configured range", async () => {
    await k.ok(["create", "service", "clusterip", "svc", "--tcp=80:8080"]);
    const svc = JSON.parse(await k.ok(["get", "svc", "svc", "-o", "json"])) as { spec: { clusterIP: string; ports: { port: number; targetPort: number; protocol: string }[] } };
    expect(svc.spec.clusterIP).to.match(/^127\.96\.\d+\.\d+$/);
    expect(svc.spec.ports[0]).to.include({ port: 80, targetPort: 8080, protocol: "TCP" });
    const change = await k.run(["patch", "svc", "svc", "--type=merge", "-p", '{"spec":{"clusterIP":"127.96.9.9"}}']);
    expect(change.code).to.equal(1);
    expect(change.stderr).to.contain('The Service "svc" is invalid: spec.clusterIPs[0]: Invalid value: []string{"127.96.9.9"}: may not change once set');
  });

  it("a restart keeps every object", async () => {
    const before = await k.ok(["get", "cm,svc,deploy,rs", "-A", "-o", "name"]);
    await b.stop();
    b = await startBerth({ dataDir: b.dataDir });
    k = kubectlFor(b);
    const after = await k.ok(["get", "cm,svc,deploy,rs", "-A", "-o", "name"]);
    expect(after).to.equal(before);
  });
});
