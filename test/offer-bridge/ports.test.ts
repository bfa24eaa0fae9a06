/**
 * Host networking (issue 5, item 5): a pod's containerPorts and hostPorts are `ports`
 * resources of its tasks, so two pods on one agent never share a port and no other
 * framework is offered a port a pod holds; a pod picks its role with berth.io/role.
 */
import { expect } from "chai";
import { startCluster, eventually, pod, getPod, eventsFor, PODS, NODES, type TestCluster } from "./helpers.js";
import { containerHostPorts, podHostPorts, portsResource } from "../../src/offer-bridge/pod-tasks.js";
import { decide, withoutPorts } from "../../src/offer-bridge/placement.js";
import { SnapshotSync } from "../../src/offer-bridge/snapshot-sync.js";
import { callbackSink } from "../../src/mesos/link.js";
import type { Offer, SchedulerEvent } from "../../src/mesos/v1.js";
import type { NodeObj, Pod } from "../../src/offer-bridge/types.js";

const PORTS_MSG = "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.";
const server = (port: number, extra: Record<string, unknown> = {}) => ({
  terminationGracePeriodSeconds: 0,
  containers: [{ name: "web", image: "busybox", command: ["sleep", "300"], ports: [{ containerPort: port }], resources: { requests: { cpu: "100m", memory: "32Mi" } } }],
  ...extra,
});
const scheduled = async (c: TestCluster, name: string) => (await getPod(c, name))?.status?.conditions?.find((k) => k.type === "PodScheduled");

describe("offer-bridge: host networking ports", () => {
  describe("units", () => {
    const p = {
      metadata: { name: "p", namespace: "default", uid: "u" },
      spec: {
        containers: [
          { name: "a", ports: [{ containerPort: 8080 }, { containerPort: 8081, hostPort: 9090 }] },
          { name: "b", ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: "UDP" }] },
        ],
      },
    } as unknown as Pod;

    it("every containerPort and hostPort is held once per pod, by the first container declaring it", () => {
      expect([...containerHostPorts(p)]).to.deep.equal([
        ["a", [8080, 8081, 9090]],
        ["b", [53]],
      ]);
      expect(podHostPorts(p)).to.deep.equal([53, 8080, 8081, 9090]);
      expect(portsResource([8081, 8080, 9090])).to.deep.equal({ name: "ports", type: "RANGES", ranges: { range: [{ begin: 8080, end: 8081 }, { begin: 9090, end: 9090 }] } });
      expect(portsResource([])).to.equal(undefined);
    });

    it("ranges lose taken ports", () => {
      expect(withoutPorts([{ begin: 1024, end: 32767 }], [6443, 1024, 32767])).to.deep.equal([
        { begin: 1025, end: 6442 },
        { begin: 6444, end: 32766 },
      ]);
    });

    it("containerPorts are host ports in the snapshot; an offer without the port gives NodePorts' reason", () => {
      const sync = new SnapshotSync();
      const node = { metadata: { name: "n1", annotations: { "berth.io/agent-id": "a1" } }, status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" } } } as unknown as NodeObj;
      sync.upsertNode(node);
      const info = sync.podInfo(p);
      expect(info.hostPorts.map((h) => `${h.protocol}/${h.port}`)).to.have.members(["TCP/9090", "TCP/8080", "TCP/8081", "UDP/53"]);
      const needs = { cpus: 0.1, mem: 10, disk: 0, ports: podHostPorts(p) };
      const free = { cpus: 4, mem: 8192, disk: 0, ports: [{ begin: 31000, end: 32000 }] };
      const d = decide(info, needs, sync.snapshot, new Map([["n1", free]]));
      expect(d).to.have.property("message").that.includes(PORTS_MSG);
      expect(decide(info, needs, sync.snapshot, new Map([["n1", { ...free, ports: [{ begin: 1, end: 65535 }] }]]))).to.deep.equal({ node: "n1" });
      // A bound pod holding 8080 keeps a second one off the node, offers or not.
      const q = { ...p, metadata: { name: "q", namespace: "default", uid: "v" }, spec: { nodeName: "n1", containers: [{ name: "x", ports: [{ containerPort: 8080 }] }] } } as unknown as Pod;
      sync.syncPod(q);
      expect(decide(info, needs, sync.snapshot, new Map([["n1", { ...free, ports: [{ begin: 1, end: 65535 }] }]]))).to.have.property("message").that.includes(PORTS_MSG);
    });
  });

  describe("on a one-agent cluster", function () {
    this.timeout(60_000);
    let c: TestCluster;
    before(async () => {
      c = await startCluster({ cpus: 2, mem: 2048, ports: [{ begin: 8000, end: 9000 }], framework: { roles: ["kubernetes", "k8s-extra"], podInitialBackoffMs: 200, podMaxBackoffMs: 1000 } });
    });
    after(async () => {
      await c?.stop();
    });

    it("the Node says its pod network is host", async () => {
      const node = await eventually("a node", async () => (await c.client.list(NODES, "")).items[0]);
      expect(node.metadata?.annotations?.["berth.io/pod-network"]).to.equal("host");
    });

    it("a second pod with the same containerPort waits with the ports reason, and runs once the first is deleted; other frameworks never get a held port", async () => {
      await c.client.create(PODS, "default", pod("web-a", server(8080)));
      await eventually("web-a Running", async () => (await getPod(c, "web-a"))?.status?.phase === "Running", 20_000);
      // The pod's task holds the port as a resource.
      const state = (await (await fetch(`${c.rm.url}/state`)).json()) as { frameworks: { name: string; tasks: { id: string; resources: Record<string, unknown>; role: string }[] }[] };
      const task = state.frameworks.find((f) => f.name === "kubernetes")?.tasks.find((t) => t.id.includes(".web-a."));
      expect(task?.resources.ports).to.equal("[8080-8080]");
      expect(task?.role).to.equal("kubernetes");

      await c.client.create(PODS, "default", pod("web-b", server(8080)));
      const cond = await eventually("web-b unschedulable", async () => {
        const k = await scheduled(c, "web-b");
        return k?.status === "False" ? k : undefined;
      });
      expect(cond.reason).to.equal("Unschedulable");
      expect(cond.message).to.include(PORTS_MSG);
      const ev = await eventually("FailedScheduling", async () => (await eventsFor(c, "web-b")).find((e) => e.reason === "FailedScheduling"));
      expect(ev.message).to.include(PORTS_MSG);
      expect((await getPod(c, "web-b"))?.spec?.nodeName).to.equal(undefined);

      // A batch framework on the same pool: offered everything but the port the pod holds.
      // It declines every offer (1 s filter), as a batch framework with nothing to run does.
      const offers: Offer[] = [];
      let streamId = "";
      let fwId = "";
      const sink = callbackSink<SchedulerEvent>((e) => {
        if (e.type === "SUBSCRIBED") fwId = e.subscribed!.framework_id.value;
        if (e.type !== "OFFERS") return;
        const got = e.offers?.offers ?? [];
        offers.push(...got);
        setImmediate(() => void c.rm.master.scheduler.call(streamId, { type: "DECLINE", framework_id: { value: fwId }, decline: { offer_ids: got.map((o) => o.id), filters: { refuse_seconds: 1 } } }).catch(() => undefined));
      });
      streamId = (await c.rm.master.scheduler.subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "root", name: "batch", roles: ["batch"], capabilities: [{ type: "MULTI_ROLE" }] } } }, sink)).streamId;
      const ported = await eventually("an offer with ports", () => offers.find((o) => o.resources.some((r) => r.name === "ports")), 15_000);
      const ranges = ported.resources.filter((r) => r.name === "ports").flatMap((r) => r.ranges?.range ?? []);
      expect(ranges.some((r) => r.begin <= 8080 && 8080 <= r.end)).to.equal(false);
      expect(ranges.some((r) => r.begin <= 8081 && 8081 <= r.end)).to.equal(true);

      const atDelete = offers.length;
      await c.client.delete(PODS, "default", "web-a", { gracePeriodSeconds: 0 });
      await eventually("web-a gone", async () => !(await getPod(c, "web-a")), 20_000);
      await eventually("web-b Running", async () => (await getPod(c, "web-b"))?.status?.phase === "Running", 30_000);

      // And while web-b holds 8080, a fresh batch offer still lacks it.
      const before = offers.length;
      const next = await eventually("another batch offer", () => offers.slice(before).find((o) => o.resources.some((r) => r.name === "ports")), 15_000);
      const r2 = next.resources.filter((r) => r.name === "ports").flatMap((r) => r.ranges?.range ?? []);
      expect(r2.some((r) => r.begin <= 8080 && 8080 <= r.end)).to.equal(false);
      const lacks8080 = (o: Offer) => o.resources.filter((r) => r.name === "ports").every((r) => (r.ranges?.range ?? []).every((x) => x.begin > 8080 || x.end < 8080));
      // While a pod held the port (before web-a went, and since web-b runs), no offer had it.
      expect(offers.slice(0, atDelete).every(lacks8080)).to.equal(true);
      expect(offers.slice(before).every(lacks8080)).to.equal(true);
      await c.rm.master.scheduler.call(streamId, { type: "TEARDOWN", framework_id: { value: fwId } });
      sink.close("done");
      await c.client.delete(PODS, "default", "web-b", { gracePeriodSeconds: 0 });
    });

    it("a port outside the agent's ports range is unschedulable with the ports reason", async () => {
      await c.client.create(PODS, "default", pod("web-c", server(31000)));
      const cond = await eventually("web-c unschedulable", async () => {
        const k = await scheduled(c, "web-c");
        return k?.status === "False" ? k : undefined;
      });
      expect(cond.message).to.include(PORTS_MSG);
      await c.client.delete(PODS, "default", "web-c", { gracePeriodSeconds: 0 });
    });

    it("berth.io/role picks one of the framework's roles; a role it does not hold is unschedulable", async () => {
      await c.client.create(PODS, "default", pod("extra", server(8100), { annotations: { "berth.io/role": "k8s-extra" } }));
      await eventually("extra Running", async () => (await getPod(c, "extra"))?.status?.phase === "Running", 20_000);
      const state = (await (await fetch(`${c.rm.url}/state`)).json()) as { frameworks: { name: string; tasks: { id: string; role: string }[] }[] };
      expect(state.frameworks.find((f) => f.name === "kubernetes")?.tasks.find((t) => t.id.includes(".extra."))?.role).to.equal("k8s-extra");

      await c.client.create(PODS, "default", pod("alien", server(8200), { annotations: { "berth.io/role": "spark" } }));
      const cond = await eventually("alien unschedulable", async () => {
        const k = await scheduled(c, "alien");
        return k?.status === "False" ? k : undefined;
      });
      expect(cond.message).to.equal('0/1 nodes are available: pod\'s role "spark" (annotation berth.io/role) is not one of the kubernetes framework\'s roles (kubernetes, k8s-extra).');
    });
  });
});
