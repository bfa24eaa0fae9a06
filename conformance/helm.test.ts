/**
 * Conformance: the real Helm 4 against `berth up` — a chart made by `helm create`,
 * installed, upgraded, rolled back and uninstalled (pods are not run yet, so no --wait).
 */
import { expect } from "chai";
import { join } from "node:path";
import { startBerth, kubectlFor, helmFor, eventually, removeDir, type Berth } from "./harness.js";

describe("conformance: helm", function () {
  this.timeout(90_000);
  let b: Berth;
  let h: ReturnType<typeof helmFor>;
  let k: ReturnType<typeof kubectlFor>;
  let chart: string;

  before(async () => {
    b = await startBerth();
    h = helmFor(b);
    k = kubectlFor(b);
    await h.ok(["create", "demo"], { cwd: b.dataDir });
    chart = join(b.dataDir, "demo");
  });
  after(async () => {
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("helm install creates the chart's objects", async () => {
    const out = await h.ok(["install", "rel", chart, "--namespace", "apps", "--create-namespace"]);
    expect(out).to.contain("NAME: rel");
    expect(out).to.contain("STATUS: deployed");
    expect(out).to.contain("REVISION: 1");
    const names = await k.ok(["get", "deploy,svc,sa", "-n", "apps", "-o", "name"]);
    expect(names).to.contain("deployment.apps/rel-demo");
    expect(names).to.contain("service/rel-demo");
    expect(names).to.contain("serviceaccount/rel-demo");
    const managers = await k.ok(["get", "deploy", "rel-demo", "-n", "apps", "-o", "jsonpath={.metadata.managedFields[*].manager}"]);
    expect(managers).to.contain("helm");
  });

  it("helm list shows the release", async () => {
    const out = await h.ok(["list", "-n", "apps"]);
    expect(out.split("\n")[0]).to.match(/^NAME\s+NAMESPACE\s+REVISION\s+UPDATED\s+STATUS\s+CHART\s+APP VERSION/);
    expect(out).to.match(/rel\s+apps\s+1\s+.*deployed\s+demo-0\.1\.0/);
    const all = JSON.parse(await h.ok(["list", "-A", "-o", "json"])) as { name: string; status: string }[];
    expect(all.map((r) => [r.name, r.status])).to.deep.equal([["rel", "deployed"]]);
  });

  it("helm get manifest returns the rendered objects", async () => {
    const out = await h.ok(["get", "manifest", "rel", "-n", "apps"]);
    expect(out).to.contain("kind: Deployment");
    expect(out).to.contain("name: rel-demo");
  });

  it("helm upgrade changes the objects and adds a revision", async () => {
    const out = await h.ok(["upgrade", "rel", chart, "-n", "apps", "--set", "replicaCount=3"]);
    expect(out).to.contain("REVISION: 2");
    expect(await k.ok(["get", "deploy", "rel-demo", "-n", "apps", "-o", "jsonpath={.spec.replicas}"])).to.equal("3");
    await eventually(async () => (await k.ok(["get", "pods", "-n", "apps", "-o", "name"])).split("\n").filter(Boolean).length === 3, "three pods");
  });

  it("helm rollback returns to the first revision", async () => {
    expect(await h.ok(["rollback", "rel", "1", "-n", "apps"])).to.contain("Rollback was a success");
    expect(await k.ok(["get", "deploy", "rel-demo", "-n", "apps", "-o", "jsonpath={.spec.replicas}"])).to.equal("1");
    const hist = await h.ok(["history", "rel", "-n", "apps"]);
    expect(hist).to.match(/^3\s+.*deployed\s+demo-0\.1\.0\s+.*Rollback to 1/m);
  });

  it("helm uninstall removes the objects and the release", async () => {
    expect(await h.ok(["uninstall", "rel", "-n", "apps"])).to.contain('release "rel" uninstalled');
    await eventually(async () => (await k.ok(["get", "deploy,svc,sa,secret", "-n", "apps", "-o", "name", "-l", "app.kubernetes.io/instance=rel"])).trim() === "", "chart objects gone");
    expect((await h.ok(["list", "-n", "apps", "-q"])).trim()).to.equal("");
  });
});
