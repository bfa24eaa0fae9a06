/**
 * Simulated agents under the Kubernetes framework, in-process as `berth up --sim-agents`
 * runs them: each becomes a Ready Node whose allocatable pods is the agent's "pods"
 * scalar, placement enforces that count ("Too many pods"), pods go Running after the
 * simulated delay, and deleting a pod kills its simulated task.
 */
import { expect } from "chai";
import { startSimAgents, type SimFleet } from "../../src/agents/index.js";
import { bootstrapApiObjects } from "../../src/k8s-api/bootstrap.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { parseResources } from "../../src/mesos/resources.js";
import { startKubeFramework, type KubeFramework } from "../../src/offer-bridge/index.js";
import { NodeMirror } from "../../src/offer-bridge/nodes.js";
import { startMaster, type RunningMaster } from "../../src/resource-manager/index.js";
import { eventually, NODES, pod, PODS, testLogger, EVENTS, type PodShape } from "./helpers.js";

describe("offer-bridge: simulated agents", function () {
  this.timeout(60_000);
  let rm: RunningMaster;
  let fleet: SimFleet;
  let fw: KubeFramework;
  let client: LocalClient;

  before(async () => {
    const log = testLogger("sim-agents-test");
    const registry = new Registry(new MemoryStore());
    await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
    client = new LocalClient(registry, "sim-agents-test");
    rm = await startMaster({ port: 0, logger: log, allocationIntervalMs: 50 });
    fleet = await startSimAgents({ api: rm.master.agentApi, count: 3, resources: parseResources("cpus:4;mem:32768;pods:2"), runningDelayMs: 100, hostnamePrefix: "sim", log });
    await fleet.registered;
    fw = await startKubeFramework({ client: new LocalClient(registry, "kubernetes-framework"), scheduler: rm.master.scheduler, log, reconcileSettleMs: 200 });
    await fw.ready;
  });

  after(async () => {
    await fw.stop();
    await fleet.stop();
    await rm.close();
  });

  it("mirrors each agent as a Ready Node with the agent's pods count as allocatable pods", async () => {
    const nodes = await eventually("3 nodes", async () => {
      const l = await client.list(NODES, "");
      return l.items.length === 3 && (l.items as unknown as { metadata: { name: string }; status: { allocatable: Record<string, string>; conditions: { type: string; status: string }[] } }[]);
    });
    expect(nodes.map((n) => n.metadata.name).sort()).to.deep.equal(["sim-0", "sim-1", "sim-2"]);
    for (const n of nodes) {
      expect(n.status.allocatable).to.include({ cpu: "4", memory: "32Gi", pods: "2" });
      expect(n.status.conditions.find((c) => c.type === "Ready")?.status).to.equal("True");
    }
  });

  it("places at most `pods` pods per node, runs them, and kills a deleted pod's task", async () => {
    const spec = { terminationGracePeriodSeconds: 0, containers: [{ name: "c", image: "registry.k8s.io/pause:3.10", resources: { requests: { cpu: "100m", memory: "500Mi" } } }] };
    for (let i = 0; i < 7; i++) await client.create(PODS, "default", pod(`p${i}`, spec));
    const pods = async () => (await client.list(PODS, "default")).items as unknown as PodShape[];
    await eventually("6 pods Running", async () => (await pods()).filter((p) => p.status?.phase === "Running").length === 6, 30_000);
    const all = await pods();
    const perNode = new Map<string, number>();
    for (const p of all) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect([...perNode.values()]).to.deep.equal([2, 2, 2]);
    const waiting = all.find((p) => !p.spec?.nodeName)!;
    expect(waiting.metadata?.name).to.be.a("string");
    await eventually("FailedScheduling: Too many pods", async () => {
      const evs = (await client.list(EVENTS, "default")).items as unknown as { involvedObject: { name: string }; reason: string; message: string }[];
      return evs.some((e) => e.involvedObject.name === waiting.metadata?.name && e.reason === "FailedScheduling" && /3 Too many pods/.test(e.message));
    }, 20_000);

    // Deleting a running pod kills its simulated task; the freed slot takes the waiting pod.
    const victim = all.find((p) => p.status?.phase === "Running")!;
    const tasksBefore = fleet.agents.reduce((n, a) => n + a.tasks().filter((t) => t.state === "TASK_RUNNING").length, 0);
    expect(tasksBefore).to.equal(6);
    await client.delete(PODS, "default", victim.metadata!.name!);
    await eventually("the waiting pod Running in the freed slot", async () => (await pods()).find((p) => p.metadata?.name === waiting.metadata?.name)?.status?.phase === "Running", 30_000);
    // Six pods are left and all run: a seventh RUNNING task would be the deleted pod's, not killed.
    await eventually("the deleted pod's task killed", () => fleet.agents.reduce((n, a) => n + a.tasks().filter((t) => t.state === "TASK_RUNNING").length, 0) === 6);
    const gone = await client.get<KubeObject>(PODS, "default", victim.metadata!.name!).catch(() => undefined);
    expect(gone).to.equal(undefined);
  });

  it("counts its placement work: every decide call once, by outcome, with the offered nodes it could walk", () => {
    // After the case above: seven pods placed, one of them first found unschedulable (Too many pods).
    const s = fw.stats;
    expect(s.placed).to.equal(7);
    expect(s.unschedulable).to.be.at.least(1);
    expect(s.decides).to.equal(s.placed + s.waited + s.unschedulable);
    expect(s.popped).to.be.at.least(s.decides);
    expect(s.cycles).to.be.at.least(1);
    // At most the three nodes per call; with fewer than 100 nodes numFeasibleNodesToFind is all of them.
    expect(s.offeredNodes).to.be.within(1, 3 * s.decides);
    expect(s.fullWalks).to.be.within(1, s.decides);
  });
});

describe("offer-bridge: a Node's allocatable pods", () => {
  it("is the agent's pods scalar, kept when a later offer lacks it; 110 (kubelet's maxPods) when never declared", async () => {
    const registry = new Registry(new MemoryStore());
    await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
    const client = new LocalClient(registry, "node-mirror-test");
    const mirror = new NodeMirror(client, testLogger("node-mirror-test"));
    const agent = (id: string) => ({ agentId: id, hostname: id, ip: "127.0.0.1", attributes: [], podNetwork: "host" as const });
    const amounts = { cpus: 4, mem: 32768, disk: 0 };
    const podsOf = async (name: string) =>
      ((await client.get<KubeObject>(NODES, "", name).catch(() => undefined)) as { status?: { allocatable?: { pods?: string } } } | undefined)?.status?.allocatable?.pods;
    try {
      mirror.observe(agent("a"), amounts, 3);
      mirror.observe(agent("b"), amounts);
      await eventually("both Nodes written", async () => (await podsOf("a")) === "3" && (await podsOf("b")) === "110");
      // An offer of only recovered resources (no pods scalar) with more cpus: the Node is rewritten, its pods stay.
      mirror.observe(agent("a"), { ...amounts, cpus: 8 });
      await eventually("a's capacity rewritten", async () => ((await client.get<KubeObject>(NODES, "", "a")) as { status?: { allocatable?: { cpu?: string } } }).status?.allocatable?.cpu === "8");
      expect(await podsOf("a")).to.equal("3");
    } finally {
      mirror.stop();
    }
  });
});
