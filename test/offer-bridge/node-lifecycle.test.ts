/**
 * Node lifecycle end to end: the agent goes away (the master marks it unreachable), its
 * Node turns Ready=Unknown with the unreachable taints, pods are evicted when their
 * tolerationSeconds run out, and the agent's return makes the Node Ready again. Cordon
 * adds the unschedulable taint. evictionTime is checked alone too.
 */
import { expect } from "chai";
import { startAgent } from "../../src/agents/index.js";
import { evictionTime } from "../../src/offer-bridge/node-lifecycle.js";
import type { Pod } from "../../src/offer-bridge/types.js";
import { startCluster, eventually, pod, getPod, eventsFor, PODS, NODES, type TestCluster } from "./helpers.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

type NodeView = KubeObject & { spec?: { unschedulable?: boolean; taints?: { key: string; effect: string; timeAdded?: string }[] }; status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] } };
const getNode = async (c: TestCluster) => (await c.client.get(NODES, "", "127.0.0.1")) as NodeView;
const ready = (n: NodeView) => n.status?.conditions?.find((x) => x.type === "Ready");
const taintKeys = (n: NodeView) => (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();

describe("offer-bridge: evictionTime (getMinTolerationTime)", () => {
  const at = "2026-01-01T00:00:00Z";
  const t0 = Date.parse(at);
  const p = (tolerations: unknown[]): Pod => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { tolerations } });
  const unreachable = [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: at }];
  it("untolerated: now; bounded toleration: timeAdded + seconds; unbounded: never", () => {
    expect(evictionTime(p([]), unreachable)).to.equal(0);
    expect(evictionTime(p([{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }]), unreachable)).to.equal(t0 + 300_000);
    expect(evictionTime(p([{ operator: "Exists" }]), unreachable)).to.equal(undefined);
    expect(evictionTime(p([{ operator: "Exists", effect: "NoExecute", tolerationSeconds: 5 }, { key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 60 }]), unreachable)).to.equal(t0 + 5000);
  });
});

describe("offer-bridge: node lifecycle", function () {
  this.timeout(60_000);
  let c: TestCluster;

  before(async () => {
    c = await startCluster({ cpus: 2, mem: 2048, framework: { nodeRefreshMs: 300, nodeLifecycle: { evictionPollMs: 100, gracePeriodMs: 2000 } } });
    await eventually("node", async () => (await c.client.list(NODES, "")).items.length === 1);
  });
  after(async () => {
    await c?.stop();
  });

  it("cordon adds node.kubernetes.io/unschedulable:NoSchedule, uncordon removes it", async () => {
    await c.client.patch(NODES, "", "127.0.0.1", "merge", { spec: { unschedulable: true } });
    await eventually("unschedulable taint", async () => taintKeys(await getNode(c)).includes("node.kubernetes.io/unschedulable:NoSchedule"));
    await c.client.patch(NODES, "", "127.0.0.1", "merge", { spec: { unschedulable: null } });
    await eventually("taint removed", async () => !taintKeys(await getNode(c)).includes("node.kubernetes.io/unschedulable:NoSchedule"));
  });

  it("a lost agent: Ready Unknown, unreachable taints, pods evicted after tolerationSeconds; back: Ready, untainted", async () => {
    const short = [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 2 }];
    await c.client.create(PODS, "default", pod("short", { tolerations: short, containers: [{ name: "c", image: "busybox", command: ["sleep", "300"] }] }));
    await c.client.create(PODS, "default", pod("patient", { containers: [{ name: "c", image: "busybox", command: ["sleep", "300"] }] }));
    await eventually("both Running", async () => (await getPod(c, "short"))?.status?.phase === "Running" && (await getPod(c, "patient"))?.status?.phase === "Running");
    const patient = (await getPod(c, "patient")) as unknown as { spec: { tolerations: { key: string; tolerationSeconds: number }[] } };
    expect(patient.spec.tolerations.map((t) => [t.key, t.tolerationSeconds])).to.deep.include(["node.kubernetes.io/unreachable", 300]);

    // The agent goes away; the master gives up on it quickly.
    (c.rm.master as unknown as { agentReregisterTimeoutMs: number }).agentReregisterTimeoutMs = 300;
    const workDir = c.workDir;
    await c.agent.stop();
    const lost = await eventually("node Unknown", async () => {
      const n = await getNode(c);
      return ready(n)?.status === "Unknown" && taintKeys(n).includes("node.kubernetes.io/unreachable:NoExecute") && n;
    }, 20_000);
    expect(ready(lost)).to.include({ reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(taintKeys(lost)).to.include("node.kubernetes.io/unreachable:NoSchedule");
    // Not renewed while lost: the lease stays put.
    const t = Date.now();
    await eventually("short evicted", async () => Boolean((await getPod(c, "short"))?.metadata?.deletionTimestamp ?? !(await getPod(c, "short"))), 10_000);
    expect(Date.now() - t).to.be.above(500);
    const ev = (await eventsFor(c, "short")).find((e) => e.reason === "TaintManagerEviction");
    expect(ev?.message).to.equal("Marking for deletion Pod default/short");
    expect((await getPod(c, "patient"))?.metadata?.deletionTimestamp).to.equal(undefined);
    // New pods stay away from the unreachable node.
    await c.client.create(PODS, "default", pod("newcomer", { containers: [{ name: "c", image: "busybox", command: ["sleep", "300"] }] }));

    // The agent comes back on the same work directory (its tasks recovered).
    c.agent = await startAgent({ api: c.rm.master.agentApi, workDir, hostname: "127.0.0.1", log: c.log.child({ component: "agent" }), resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 2 } }, { name: "mem", type: "SCALAR", scalar: { value: 2048 } }, { name: "disk", type: "SCALAR", scalar: { value: 4096 } }], cgroupRoot: false });
    await c.agent.registered;
    const back = await eventually("node Ready again", async () => {
      const n = await getNode(c);
      return ready(n)?.status === "True" && !taintKeys(n).some((k) => k.startsWith("node.kubernetes.io/unreachable")) && n;
    }, 30_000);
    expect(ready(back)?.reason).to.equal("KubeletReady");
    await eventually("newcomer Running", async () => (await getPod(c, "newcomer"))?.status?.phase === "Running", 20_000);
    await eventually("short gone", async () => !(await getPod(c, "short")), 20_000);
  });
});
