/**
 * Conformance: kubectl cordon, drain and uncordon on `berth up`. Drain cordons the node,
 * evicts its pods through pods/eviction (a PodDisruptionBudget holds a Deployment's last
 * replicas back until the budget allows, as upstream), deletes the bare pod (--force),
 * and leaves the node SchedulingDisabled; uncordon makes it schedulable again.
 */
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, type Berth } from "./harness.js";

describe("conformance: kubectl drain", function () {
  this.timeout(120_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;

  before(async () => {
    b = await startBerth();
    k = kubectlFor(b);
    await eventually(async () => /\sReady\s/.test(await k.ok(["get", "nodes"])), "a Ready node", 20_000);
  });
  after(async () => {
    if (b) {
      await k?.run(["delete", "deployment,pods,pdb", "--all", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 }).catch(() => undefined);
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("cordon and uncordon set spec.unschedulable and the unschedulable taint", async () => {
    expect(await k.ok(["cordon", "127.0.0.1"])).to.contain("node/127.0.0.1 cordoned");
    await eventually(async () => /127\.0\.0\.1\s+Ready,SchedulingDisabled/.test(await k.ok(["get", "nodes"])), "SchedulingDisabled", 10_000);
    await eventually(async () => (await k.ok(["get", "node", "127.0.0.1", "-o", "jsonpath={.spec.taints[*].key}"])).includes("node.kubernetes.io/unschedulable"), "unschedulable taint", 10_000);
    expect(await k.ok(["uncordon", "127.0.0.1"])).to.contain("node/127.0.0.1 uncordoned");
    await eventually(async () => !(await k.ok(["get", "node", "127.0.0.1", "-o", "jsonpath={.spec.taints[*].key}"])).includes("node.kubernetes.io/unschedulable"), "taint removed", 10_000);
  });

  it("kubectl drain --ignore-daemonsets --delete-emptydir-data --force evicts every pod and leaves the node cordoned", async () => {
    await k.ok(["create", "deployment", "web", "--replicas=2", "--image=busybox", "--", "sleep", "300"]);
    await k.ok(["run", "bare", "--image=busybox", "--restart=Never", "--", "sleep", "300"]);
    await k.ok(["create", "pdb", "web", "--selector=app=web", "--max-unavailable=1"]);
    await eventually(async () => (await k.ok(["get", "pods", "--no-headers"])).split("\n").filter((l) => /\sRunning\s/.test(l)).length === 3, "3 pods Running", 30_000);
    await eventually(async () => (await k.ok(["get", "pdb", "web", "-o", "jsonpath={.status.disruptionsAllowed}"])) === "1", "pdb allows 1", 15_000);

    const r = await k.run(["drain", "127.0.0.1", "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=12s"], { timeoutMs: 40_000 });
    expect(r.code).to.not.equal(0);
    const out = r.stdout + r.stderr;
    // One node: the Deployment's replacements cannot go anywhere, so once one replica is
    // evicted the budget blocks the other, as it would upstream; drain keeps retrying and times out.
    expect(out).to.contain("node/127.0.0.1 cordoned");
    expect(out).to.match(/Warning: deleting Pods that declare no controller: default\/bare/);
    expect(out).to.match(/evicting pod default\/bare/);
    expect(out).to.match(/pod\/bare evicted/);
    expect(out).to.match(/evicting pod default\/web-/);
    expect(out).to.match(/Cannot evict pod as it would violate the pod's disruption budget/);
    expect(await k.ok(["get", "nodes"])).to.match(/127\.0\.0\.1\s+Ready,SchedulingDisabled/);

    // Without the budget, drain completes.
    await k.ok(["delete", "pdb", "web"]);
    const r2 = await k.run(["drain", "127.0.0.1", "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=60s"], { timeoutMs: 90_000 });
    expect(r2.code, r2.stdout + r2.stderr).to.equal(0);
    expect(r2.stdout + r2.stderr).to.contain("node/127.0.0.1 drained");
    // The Deployment's new pods wait: the only node is cordoned.
    const pending = await eventually(async () => {
      const o = await k.ok(["get", "pods", "--no-headers"]);
      return /web-\S+\s+0\/1\s+Pending/.test(o) && o;
    }, "a Pending replacement", 20_000);
    expect(pending).to.not.match(/\sRunning\s/);
    await k.ok(["uncordon", "127.0.0.1"]);
    await eventually(async () => (await k.ok(["get", "pods", "--no-headers"])).split("\n").filter((l) => /\sRunning\s/.test(l)).length === 2, "replicas Running again", 30_000);
  });
});
