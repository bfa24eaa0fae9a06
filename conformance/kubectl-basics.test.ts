/**
 * Conformance: the real kubectl v1.35 against a freshly started `berth up` — discovery,
 * explain, the object verbs, output formats, patches and apply. Each `it` is one case.
 */
import { expect } from "chai";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startBerth, kubectlFor, eventually, removeDir, type Berth } from "./harness.js";

describe("conformance: kubectl basics", function () {
  this.timeout(60_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;

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

  it("cluster-info names the control plane", async () => {
    const out = await k.ok(["cluster-info"]);
    expect(out).to.match(/Kubernetes control plane.* is running at .*http:\/\/127\.0\.0\.1:\d+/);
  });

  it("version reports a v1.35 server", async () => {
    const out = JSON.parse(await k.ok(["version", "-o", "json"])) as { serverVersion: { major: string; minor: string; gitVersion: string } };
    expect(out.serverVersion.major).to.equal("1");
    expect(out.serverVersion.minor).to.equal("35");
    expect(out.serverVersion.gitVersion).to.match(/^v1\.35\./);
  });

  it("api-resources lists every served resource with short names and scope", async () => {
    const out = await k.ok(["api-resources"]);
    const rows = out.split("\n").map((l) => l.trim().split(/\s+/));
    const row = (name: string, group = "v1") => rows.find((r) => r[0] === name && r.includes(group));
    expect(row("pods")).to.deep.equal(["pods", "po", "v1", "true", "Pod"]);
    expect(row("deployments", "apps/v1")).to.deep.equal(["deployments", "deploy", "apps/v1", "true", "Deployment"]);
    expect(row("namespaces")).to.deep.equal(["namespaces", "ns", "v1", "false", "Namespace"]);
    expect(row("clusterroles", "rbac.authorization.k8s.io/v1")).to.deep.equal(["clusterroles", "rbac.authorization.k8s.io/v1", "false", "ClusterRole"]);
    for (const name of ["services", "endpoints", "configmaps", "secrets", "serviceaccounts", "events", "nodes", "replicationcontrollers", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "leases", "endpointslices", "poddisruptionbudgets", "roles", "rolebindings", "clusterrolebindings"])
      expect(rows.some((r) => r[0] === name), name).to.equal(true);
    const apps = await k.ok(["api-resources", "--api-group=apps", "-o", "name"]);
    for (const n of ["daemonsets.apps", "deployments.apps", "replicasets.apps", "statefulsets.apps"]) expect(apps.split("\n")).to.include(n);
    expect(apps).to.not.contain("pods");
  });

  it("api-versions lists the served group versions", async () => {
    const out = (await k.ok(["api-versions"])).split("\n").filter(Boolean);
    for (const gv of ["v1", "apps/v1", "batch/v1", "coordination.k8s.io/v1", "discovery.k8s.io/v1", "events.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1"]) expect(out).to.include(gv);
  });

  it("explain describes fields from the OpenAPI document", async () => {
    const out = await k.ok(["explain", "pods.spec.containers"]);
    expect(out).to.match(/KIND:\s+Pod/);
    expect(out).to.match(/VERSION:\s+v1/);
    expect(out).to.match(/FIELD:\s+containers <\[\]Container>/);
    expect(out).to.match(/image\s+<string>/);
    expect(out).to.match(/name\s+<string> -required-/);
    const d = await k.ok(["explain", "deployment.spec.strategy"]);
    expect(d).to.match(/GROUP:\s+apps/);
    expect(d).to.match(/rollingUpdate\s+<RollingUpdateDeployment>/);
  });

  it("create, get -o json|yaml|jsonpath|custom-columns|wide, describe", async () => {
    await k.ok(["create", "-f", "-"], { input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {app: demo}\ndata:\n  a: one\n  b: two\n" });
    const json = JSON.parse(await k.ok(["get", "configmap", "cfg", "-o", "json"])) as { metadata: { uid: string; resourceVersion: string; creationTimestamp: string }; data: Record<string, string> };
    expect(json.data).to.deep.equal({ a: "one", b: "two" });
    expect(json.metadata.uid).to.match(/^[0-9a-f-]{36}$/);
    expect(Number(json.metadata.resourceVersion)).to.be.greaterThan(0);
    expect(await k.ok(["get", "cm", "cfg", "-o", "yaml"])).to.match(/^apiVersion: v1\ndata:\n {2}a: one\n {2}b: two\nkind: ConfigMap\n/);
    expect(await k.ok(["get", "cm", "cfg", "-o", "jsonpath={.data.a}"])).to.equal("one");
    const cc = await k.ok(["get", "cm", "cfg", "-o", "custom-columns=NAME:.metadata.name,A:.data.a"]);
    expect(cc.split("\n")[1]).to.match(/^cfg\s+one$/);
    const table = await k.ok(["get", "cm", "-o", "wide"]);
    expect(table.split("\n")[0]).to.match(/^NAME\s+DATA\s+AGE$/);
    expect(table).to.match(/\ncfg\s+2\s+\d+s/);
    const desc = await k.ok(["describe", "configmap", "cfg"]);
    expect(desc).to.match(/Name:\s+cfg/);
    expect(desc).to.match(/Labels:\s+app=demo/);
    expect(desc).to.match(/a:\n----\none/);
  });

  it("create again is AlreadyExists; get of a missing object is NotFound", async () => {
    const again = await k.run(["create", "configmap", "cfg"]);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.contain('configmaps "cfg" already exists');
    const missing = await k.run(["get", "cm", "nope"]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.contain('configmaps "nope" not found');
  });

  it("label and annotate, with --overwrite and removal", async () => {
    await k.ok(["label", "cm", "cfg", "tier=web"]);
    const clash = await k.run(["label", "cm", "cfg", "tier=db"]);
    expect(clash.code).to.equal(1);
    expect(clash.stderr).to.contain("already has a value (web)");
    await k.ok(["label", "cm", "cfg", "tier=db", "--overwrite"]);
    await k.ok(["annotate", "cm", "cfg", "note=hello"]);
    await k.ok(["label", "cm", "cfg", "app-"]);
    const got = JSON.parse(await k.ok(["get", "cm", "cfg", "-o", "json"])) as { metadata: { labels: Record<string, string>; annotations: Record<string, string> } };
    expect(got.metadata.labels).to.deep.equal({ tier: "db" });
    expect(got.metadata.annotations.note).to.equal("hello");
    expect(await k.ok(["get", "cm", "-l", "tier in (db,web)", "-o", "name"])).to.equal("configmap/cfg\n");
    expect(await k.ok(["get", "cm", "-l", "tier!=db", "-o", "name"])).to.not.contain("configmap/cfg");
  });

  it("patch with all three types", async () => {
    await k.ok(["patch", "cm", "cfg", "--type=merge", "-p", '{"data":{"c":"three"}}']);
    await k.ok(["patch", "cm", "cfg", "--type=json", "-p", '[{"op":"remove","path":"/data/b"},{"op":"replace","path":"/data/a","value":"uno"}]']);
    expect(JSON.parse(await k.ok(["get", "cm", "cfg", "-o", "jsonpath={.data}"]))).to.deep.equal({ a: "uno", c: "three" });
    await k.ok(["create", "deployment", "patchme", "--image=nginx:1.25"]);
    // Strategic merge patch merges containers by name instead of replacing the list.
    await k.ok(["patch", "deployment", "patchme", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}']);
    const names = await k.ok(["get", "deploy", "patchme", "-o", "jsonpath={.spec.template.spec.containers[*].name}"]);
    expect(names.split(" ").sort()).to.deep.equal(["nginx", "sidecar"]);
    const bad = await k.run(["patch", "cm", "cfg", "--type=json", "-p", '[{"op":"test","path":"/data/a","value":"nope"}]']);
    expect(bad.code).to.equal(1);
  });

  it("apply creates, then configures, then leaves unchanged", async () => {
    const manifest = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  key: "${v}"\n`;
    expect(await k.ok(["apply", "-f", "-"], { input: manifest("1") })).to.contain("configmap/applied created");
    expect(await k.ok(["apply", "-f", "-"], { input: manifest("2") })).to.contain("configmap/applied configured");
    expect(await k.ok(["apply", "-f", "-"], { input: manifest("2") })).to.contain("configmap/applied unchanged");
    const got = JSON.parse(await k.ok(["get", "cm", "applied", "-o", "json"])) as { data: Record<string, string>; metadata: { annotations: Record<string, string> } };
    expect(got.data.key).to.equal("2");
    expect(got.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).to.contain('"key":"2"');
  });

  it("replace swaps the whole object; a stale resourceVersion conflicts", async () => {
    const cur = JSON.parse(await k.ok(["get", "cm", "applied", "-o", "json"])) as { data: Record<string, string>; metadata: { resourceVersion: string } };
    const stale = structuredClone(cur);
    cur.data = { replaced: "yes" };
    await k.ok(["replace", "-f", "-"], { input: JSON.stringify(cur) });
    expect(await k.ok(["get", "cm", "applied", "-o", "jsonpath={.data}"])).to.equal('{"replaced":"yes"}');
    const r = await k.run(["replace", "-f", "-"], { input: JSON.stringify(stale) });
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain("the object has been modified; please apply your changes to the latest version and try again");
  });

  it("apply --server-side owns fields and reports conflicts unless forced", async () => {
    const m = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  shared: ${v}\n`;
    expect(await k.ok(["apply", "--server-side", "--field-manager=alice", "-f", "-"], { input: m("a") })).to.contain("configmap/ssa serverside-applied");
    const conflict = await k.run(["apply", "--server-side", "--field-manager=bob", "-f", "-"], { input: m("b") });
    expect(conflict.code).to.equal(1);
    expect(conflict.stderr).to.contain("Apply failed with 1 conflict: conflict with \"alice\": .data.shared");
    await k.ok(["apply", "--server-side", "--field-manager=bob", "--force-conflicts", "-f", "-"], { input: m("b") });
    const got = JSON.parse(await k.ok(["get", "cm", "ssa", "-o", "json", "--show-managed-fields"])) as { data: Record<string, string>; metadata: { managedFields: { manager: string; operation: string; fieldsV1: unknown }[] } };
    expect(got.data.shared).to.equal("b");
    const bob = got.metadata.managedFields.find((f) => f.manager === "bob");
    expect(bob?.operation).to.equal("Apply");
    expect(bob?.fieldsV1).to.deep.equal({ "f:data": { "f:shared": {} } });
    expect(got.metadata.managedFields.find((f) => f.manager === "alice")).to.equal(undefined);
  });

  it("diff shows what apply would change and exits 1", async () => {
    const r = await k.run(["diff", "-f", "-"], { input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: changed\n  c: three\n" });
    expect(r.code, r.stderr).to.equal(1);
    expect(r.stdout).to.match(/^-\s+a: uno$/m);
    expect(r.stdout).to.match(/^\+\s+a: changed$/m);
    expect(await k.ok(["get", "cm", "cfg", "-o", "jsonpath={.data.a}"])).to.equal("uno");
  });

  it("edit through KUBE_EDITOR", async () => {
    const editor = join(b.dataDir, "editor.sh");
    writeFileSync(editor, "#!/bin/sh\nsed -i 's/c: three/c: edited/' \"$1\"\n");
    chmodSync(editor, 0o755);
    const out = await k.ok(["edit", "cm", "cfg"], { env: { KUBE_EDITOR: editor } });
    expect(out).to.contain("configmap/cfg edited");
    expect(await k.ok(["get", "cm", "cfg", "-o", "jsonpath={.data.c}"])).to.equal("edited");
  });

  it("create configmap and secret from literals and files", async () => {
    const file = join(b.dataDir, "app.properties");
    writeFileSync(file, "color=blue\n");
    await k.ok(["create", "configmap", "gen", "--from-literal=x=1", "--from-literal=y=2", `--from-file=${file}`]);
    const cm = JSON.parse(await k.ok(["get", "cm", "gen", "-o", "json"])) as { data: Record<string, string> };
    expect(cm.data).to.deep.equal({ x: "1", y: "2", "app.properties": "color=blue\n" });
    await k.ok(["create", "secret", "generic", "pw", "--from-literal=password=s3cret"]);
    const s = JSON.parse(await k.ok(["get", "secret", "pw", "-o", "json"])) as { type: string; data: Record<string, string> };
    expect(s.type).to.equal("Opaque");
    expect(Buffer.from(s.data.password!, "base64").toString()).to.equal("s3cret");
    expect(await k.ok(["get", "secret", "pw"])).to.match(/^NAME\s+TYPE\s+DATA\s+AGE\npw\s+Opaque\s+1\s+/);
  });

  it("get -w sees later changes", async () => {
    const { spawn } = await import("node:child_process");
    const { KUBECTL } = await import("./harness.js");
    const w = spawn(KUBECTL, ["get", "cm", "-w", "--output-watch-events", "-o", "custom-columns=EVENT:.type,NAME:.object.metadata.name,V:.object.data.v"], { env: { ...process.env, KUBECONFIG: b.kubeconfig, HOME: b.dataDir } });
    let out = "";
    w.stdout.on("data", (d: Buffer) => (out += d.toString()));
    try {
      await eventually(async () => out.includes("cfg"), "the initial list");
      await k.ok(["create", "cm", "watched", "--from-literal=v=1"]);
      await k.ok(["patch", "cm", "watched", "--type=merge", "-p", '{"data":{"v":"2"}}']);
      await k.ok(["delete", "cm", "watched"]);
      await eventually(async () => /DELETED\s+watched/.test(out), "the DELETED event");
      expect(out).to.match(/ADDED\s+watched\s+1/);
      expect(out).to.match(/MODIFIED\s+watched\s+2/);
    } finally {
      w.kill();
    }
  });

  it("wait --for=jsonpath and --for=delete", async () => {
    await k.ok(["create", "cm", "waiter", "--from-literal=state=init"]);
    const waiting = k.run(["wait", "cm/waiter", "--for=jsonpath={.data.state}=ready", "--timeout=20s"]);
    await new Promise((r) => setTimeout(r, 500));
    await k.ok(["patch", "cm", "waiter", "--type=merge", "-p", '{"data":{"state":"ready"}}']);
    const done = await waiting;
    expect(done.code, done.stderr).to.equal(0);
    expect(done.stdout).to.contain("configmap/waiter condition met");
    const deleting = k.run(["wait", "cm/waiter", "--for=delete", "--timeout=20s"]);
    await new Promise((r) => setTimeout(r, 500));
    await k.ok(["delete", "cm", "waiter", "--wait=false"]);
    const gone = await deleting;
    expect(gone.code, gone.stderr).to.equal(0);
    expect(gone.stdout).to.contain("configmap/waiter condition met");
  });

  it("pagination with --chunk-size returns every object", async () => {
    await k.ok(["create", "ns", "paged"]);
    for (let i = 0; i < 7; i++) await k.ok(["create", "cm", `page-${i}`, "-n", "paged"]);
    const r = await k.run(["get", "cm", "-n", "paged", "--chunk-size=2", "-o", "name", "-v=6"]);
    expect(r.code).to.equal(0);
    const names = r.stdout.split("\n").filter((l) => l.startsWith("configmap/page-"));
    expect(names).to.have.length(7);
    expect((r.stderr.match(/limit=2/g) ?? []).length).to.be.greaterThanOrEqual(4);
    expect(r.stderr).to.contain("continue=");
  });

  it("bad input is refused with a clear error", async () => {
    const r = await k.run(["create", "-f", "-"], { input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n" });
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"');
    const strict = await k.run(["create", "--validate=strict", "-f", "-"], { input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: strict\nbogus: 1\n" });
    expect(strict.code).to.equal(1);
    expect(strict.stderr).to.contain('unknown field "bogus"');
  });
});
