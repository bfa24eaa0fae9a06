/**
 * The kubernetes framework on a bridge-networked agent: the Node gets spec.podCIDR and
 * says its mode; pods on one containerPort (outside the agent's ports range, since it
 * costs nothing) run side by side with distinct IPs from the CIDR, rendered into their
 * status.podIP env; after a framework restart the pods keep their IPs and a new pod does
 * not get one in use; a hostNetwork pod keeps the agent's address and its port is a
 * resource. Skipped where bridge mode is not possible (not root).
 */
import { expect } from "chai";
import { connect } from "node:net";
import { resolvePodNetwork } from "../../src/agents/network/bridge.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { eventually, getPod, pod, startCluster, NODES, PODS, type TestCluster } from "./helpers.js";

const PORT = 8080;
/** Answers every connection with its pod name and the POD_IP it was given. */
const server = ["node", "-e", `require('net').createServer(s=>s.end(process.env.HOSTNAME+' '+process.env.POD_IP)).listen(${PORT})`];
const webPod = (name: string, extra: Record<string, unknown> = {}) =>
  pod(name, {
    containers: [{ name: "web", image: "busybox", command: server, ports: [{ containerPort: PORT }], env: [{ name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } }] }],
    ...extra,
  });

function ask(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = connect({ host, port });
    let out = "";
    const t = setTimeout(() => c.destroy(new Error("timeout")), 3000);
    c.setEncoding("utf8");
    c.on("data", (d: string) => (out += d));
    c.on("end", () => (clearTimeout(t), resolve(out)));
    c.on("error", (e) => (clearTimeout(t), reject(e)));
  });
}

describe("offer-bridge: pods on a bridge pod network", function () {
  this.timeout(60_000);
  let c: TestCluster | undefined;

  before(async function () {
    const net = await resolvePodNetwork("auto");
    if (net.mode !== "bridge") throw new Error(`bridge pod networking needs root, ip (iproute2) and nsenter: ${net.reason ?? "not available"}`);
    // The agent offers ports 30000-30010 only: containerPort 8080 must cost nothing.
    c = await startCluster({ podNetwork: "bridge", ports: [{ begin: 30000, end: 30010 }] });
  });
  after(async () => {
    await c?.stop();
  });

  const running = (name: string) =>
    eventually(`${name} Running`, async () => {
      const p = await getPod(c!, name);
      return p?.status?.phase === "Running" && p;
    }, 20_000);

  it("gives pods on one containerPort their own IPs from the Node's pod CIDR, also after a framework restart", async () => {
    const node = (await eventually("the node with its pod CIDR", async () => {
      const n = (await c!.client.list(NODES, "")).items[0] as (KubeObject & { spec?: { podCIDR?: string; podCIDRs?: string[] } }) | undefined;
      return n?.spec?.podCIDR && n;
    })) as KubeObject & { metadata: { annotations: Record<string, string>; labels: Record<string, string> }; spec: { podCIDR: string; podCIDRs: string[] } };
    expect(node.spec.podCIDR).to.equal(c!.agent.podNetwork.cidr);
    expect(node.spec.podCIDRs).to.deep.equal([node.spec.podCIDR]);
    expect(node.metadata.annotations["berth.io/pod-network"]).to.equal("bridge");
    expect(node.metadata.labels["berth.io/pod-network"]).to.equal("bridge");
    const prefix = node.spec.podCIDR.split(".").slice(0, 3).join(".") + ".";

    await c!.client.create(PODS, "default", webPod("a"));
    await c!.client.create(PODS, "default", webPod("b"));
    const [a, b] = [await running("a"), await running("b")];
    expect(a.status!.podIP).to.not.equal(b.status!.podIP);
    for (const p of [a, b]) {
      expect(p.status!.podIP!.startsWith(prefix), p.status!.podIP).to.equal(true);
      expect(p.status!.hostIP).to.equal("127.0.0.1");
      // The downward API renders the same address the status reports.
      expect(await eventually(`${p.metadata!.name} answering`, () => ask(p.status!.podIP!, PORT).catch(() => undefined))).to.equal(`${p.metadata!.name} ${p.status!.podIP}`);
    }

    await c!.restartFramework();
    await c!.client.create(PODS, "default", webPod("c"));
    const cc = await running("c");
    expect([a.status!.podIP, b.status!.podIP]).to.not.include(cc.status!.podIP);
    expect((await getPod(c!, "a"))!.status!.podIP).to.equal(a.status!.podIP);
    expect((await getPod(c!, "b"))!.status!.podIP).to.equal(b.status!.podIP);
  });

  it("a hostNetwork pod runs on the agent's address and its containerPort is a port resource", async () => {
    await c!.client.create(PODS, "default", pod("hn", { hostNetwork: true, containers: [{ name: "web", image: "busybox", command: ["sleep", "60"], ports: [{ containerPort: 30005 }] }] }));
    const hn = await running("hn");
    expect(hn.status!.podIP).to.equal("127.0.0.1");
    // 8080 is outside the agent's ports: a hostNetwork pod declaring it cannot be placed.
    await c!.client.create(PODS, "default", pod("hn2", { hostNetwork: true, containers: [{ name: "web", image: "busybox", command: ["sleep", "60"], ports: [{ containerPort: PORT }] }] }));
    await eventually("hn2 unschedulable", async () => (await getPod(c!, "hn2"))?.status?.conditions?.find((x) => x.type === "PodScheduled" && x.status === "False"));
  });
});
