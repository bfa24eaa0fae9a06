/**
 * Simulated agents as real kubectl sees them: `berth up --sim-agents 20` as a process shows
 * 20 Ready nodes of scheduler_perf's shape and runs a 40-pod deployment to Running; and
 * `berth sim-agents` as a separate process joins a master over HTTP as Ready nodes.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { eventually, kubectlFor, ROOT, startBerth, type Berth } from "./harness.js";

const MAIN = join(ROOT, "dist", "src", "cli", "main.js");

interface NodeList {
  items: { metadata: { name: string }; status: { allocatable: Record<string, string>; conditions: { type: string; status: string }[] } }[];
}
interface PodList {
  items: { metadata: { name: string }; spec: { nodeName?: string }; status: { phase?: string } }[];
}

const readyNodes = (list: NodeList) => list.items.filter((n) => n.status.conditions.some((c) => c.type === "Ready" && c.status === "True"));

describe("conformance: simulated agents", function () {
  this.timeout(120_000);
  let berth: Berth | undefined;

  afterEach(async () => {
    await berth?.stop();
    berth = undefined;
  });

  it("berth up --sim-agents 20: kubectl sees 20 Ready nodes (4 cpu, 32Gi, 110 pods) and a 40-pod deployment runs", async () => {
    berth = await startBerth({ args: ["--sim-agents", "20", "--sim-running-delay", "200"] });
    const k = kubectlFor(berth);
    const nodes = await eventually(async () => {
      const list = JSON.parse(await k.ok(["get", "nodes", "-o", "json"])) as NodeList;
      return readyNodes(list).length === 20 && list;
    }, "20 Ready nodes", 30_000);
    expect(nodes.items).to.have.length(20);
    for (const n of nodes.items) expect(n.status.allocatable).to.include({ cpu: "4", memory: "32Gi", pods: "110" });

    await k.ok(["create", "deployment", "sim", "--image=registry.k8s.io/pause:3.10", "--replicas=40"]);
    await k.ok(["rollout", "status", "deployment/sim", "--timeout=60s"], { timeoutMs: 70_000 });
    const pods = JSON.parse(await k.ok(["get", "pods", "-l", "app=sim", "-o", "json"])) as PodList;
    expect(pods.items).to.have.length(40);
    expect(pods.items.every((p) => p.status.phase === "Running")).to.equal(true);
    // Spread over the nodes (kube-scheduler's balanced scoring), all of them simulated ones.
    const used = new Set(pods.items.map((p) => p.spec.nodeName));
    expect([...used].every((n) => n?.startsWith("sim-node-"))).to.equal(true);
    expect(used.size).to.be.greaterThan(10);
  });

  it("berth sim-agents --master URL --count 5: five agents over HTTP become Ready nodes", async () => {
    berth = await startBerth({ args: ["--sim-agents", "0"] });
    const k = kubectlFor(berth);
    const child = spawn(process.execPath, [MAIN, "sim-agents", "--master", berth.masterUrl, "--count", "5", "--hostname-prefix", "remote"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    try {
      await eventually(async () => /5 agents registered/.test(out), `berth sim-agents to register:\n${out}`, 20_000);
      // Agents joining later are seen in offers; with no pod waiting the framework is
      // suppressed and revives every 30 s (nodeRefreshMs), so Nodes may take that long.
      const list = await eventually(async () => {
        const l = JSON.parse(await k.ok(["get", "nodes", "-o", "json"])) as NodeList;
        return readyNodes(l).length === 5 && l;
      }, "5 Ready nodes", 60_000, 500);
      expect(list.items.map((n) => n.metadata.name).sort()).to.deep.equal(["remote-0", "remote-1", "remote-2", "remote-3", "remote-4"]);
      await k.ok(["run", "one", "--image=registry.k8s.io/pause:3.10", "--restart=Never"]);
      await eventually(async () => (JSON.parse(await k.ok(["get", "pod", "one", "-o", "json"])) as PodList["items"][0]).status.phase === "Running", "pod one Running", 30_000);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
