/**
 * The scheduling module in the framework, end to end (real master, real agents): node
 * taints, cordon, pod anti-affinity across two agents, PriorityClass order in the
 * queue; and the queue (activeQ/backoffQ/unschedulable) and Priority admission alone.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent, type Agent } from "../../src/agents/index.js";
import { SchedulingQueue } from "../../src/offer-bridge/queue.js";
import { startCluster, eventually, pod, getPod, eventsFor, PODS, NODES, type TestCluster } from "./helpers.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

const PRIORITY_CLASSES = { group: "scheduling.k8s.io", version: "v1", plural: "priorityclasses" } as const;
const sleeper = (extra: Record<string, unknown> = {}, cpu = "100m") => ({ terminationGracePeriodSeconds: 0, containers: [{ name: "c", image: "busybox", command: ["sleep", "300"], resources: { requests: { cpu } } }], ...extra });
const condition = async (c: TestCluster, name: string) => (await getPod(c, name))?.status?.conditions?.find((k) => k.type === "PodScheduled");

describe("offer-bridge: scheduling queue", () => {
  const q = (key: string, priority: number, timestamp: number) => ({ key, uid: key, priority, timestamp });

  it("pops by priority, then by queue time", () => {
    const sq = new SchedulingQueue();
    sq.add(q("a", 0, 1));
    sq.add(q("b", 100, 3));
    sq.add(q("c", 100, 2));
    sq.add(q("d", -5, 0));
    expect(sq.popAll().map((p) => p.key)).to.deep.equal(["c", "b", "a", "d"]);
  });

  it("backs off 1 s doubling to 10 s; unschedulable pods wait for a move, which respects back-off", () => {
    let now = 0;
    const sq = new SchedulingQueue({ now: () => now });
    expect([1, 2, 3, 4, 5, 6].map((n) => sq.backoffDuration(n))).to.deep.equal([1000, 2000, 4000, 8000, 10_000, 10_000]);
    sq.add(q("a", 0, 0));
    sq.popAll();
    expect(sq.addUnschedulable("a")).to.equal(1000);
    expect(sq.where("a")).to.equal("unschedulable");
    now = 5000;
    expect(sq.popAll()).to.deep.equal([]); // no event: it stays
    sq.moveAllToActiveOrBackoff();
    expect(sq.where("a")).to.equal("active");
    sq.popAll();
    expect(sq.addUnschedulable("a")).to.equal(2000);
    // A move request arrived during its cycle? No: it waits in unschedulable; a move now sends it to backoffQ.
    sq.moveAllToActiveOrBackoff();
    expect(sq.where("a")).to.equal("backoff");
    expect(sq.nextBackoffEnd()).to.equal(7000);
    now = 7000;
    expect(sq.popAll().map((p) => p.key)).to.deep.equal(["a"]);
  });

  it("a pod failing after a move request in its cycle goes to backoffQ; pods unschedulable for 5 min are flushed", () => {
    let now = 0;
    const sq = new SchedulingQueue({ now: () => now });
    sq.add(q("a", 0, 0));
    sq.popAll();
    sq.moveAllToActiveOrBackoff(); // e.g. a node was added while "a" was being scheduled
    sq.addUnschedulable("a");
    expect(sq.where("a")).to.equal("backoff");
    sq.add(q("b", 0, 1));
    now = 2000;
    sq.popAll();
    sq.addUnschedulable("a");
    sq.addUnschedulable("b");
    expect(sq.where("b")).to.equal("unschedulable");
    now += 5 * 60_000;
    expect(sq.popAll().map((p) => p.key).sort()).to.deep.equal(["a", "b"]);
  });

  it("pop takes a bounded batch, best first, skipping the pods asked to be skipped; the rest stays in activeQ", () => {
    const sq = new SchedulingQueue();
    for (let i = 0; i < 6; i++) sq.add(q(`p${i}`, i === 4 ? 10 : 0, i));
    const first = sq.pop(3, (k) => k === "p0");
    expect(first.pods.map((p) => p.key)).to.deep.equal(["p4", "p1", "p2"]);
    expect(first.more).to.equal(true);
    expect(sq.where("p0")).to.equal("active");
    expect(sq.where("p1")).to.equal(undefined); // popped: settled by done, requeue or addUnschedulable
    const second = sq.pop(3, (k) => k === "p0");
    expect(second.pods.map((p) => p.key)).to.deep.equal(["p3", "p5"]);
    expect(second.more).to.equal(false);
    expect(sq.pop(3).pods.map((p) => p.key)).to.deep.equal(["p0"]);
  });

  it("a requeued pod (no offer for it yet) keeps no attempt; deletion removes it anywhere", () => {
    const sq = new SchedulingQueue();
    sq.add(q("a", 0, 0));
    sq.popAll();
    sq.requeue("a");
    expect(sq.where("a")).to.equal("active");
    sq.delete("a");
    expect(sq.has("a")).to.equal(false);
  });
});

describe("offer-bridge: scheduling end to end", function () {
  this.timeout(60_000);
  let c: TestCluster;
  let agentB: Agent | undefined;
  let dirB = "";

  before(async () => {
    c = await startCluster({ cpus: 2, mem: 2048, framework: { podInitialBackoffMs: 1, podMaxBackoffMs: 200 } });
    await eventually("node", async () => (await c.client.list(NODES, "")).items.length === 1);
  });
  after(async () => {
    await agentB?.stop({ killTasks: true });
    if (dirB) rmSync(dirB, { recursive: true, force: true });
    await c?.stop();
  });

  it("Priority admission: priorityClassName resolves to spec.priority; globalDefault applies; unknown classes are refused", async () => {
    await c.client.create(PRIORITY_CLASSES, "", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000 } as KubeObject);
    const p = (await c.client.create(PODS, "default", pod("prio", sleeper({ priorityClassName: "high" }), {}))) as { spec: { priority: number; preemptionPolicy: string } };
    expect(p.spec.priority).to.equal(1000);
    expect(p.spec.preemptionPolicy).to.equal("PreemptLowerPriority");
    const sys = (await c.client.create(PODS, "default", pod("prio-sys", sleeper({ priorityClassName: "system-node-critical" })))) as { spec: { priority: number } };
    expect(sys.spec.priority).to.equal(2000001000);
    const err = await c.client.create(PODS, "default", pod("prio-bad", sleeper({ priorityClassName: "nope" }))).catch((e: unknown) => e as { code: number; message: string });
    expect(err).to.include({ code: 403 });
    expect((err as { message: string }).message).to.contain("no PriorityClass with name nope was found");
    const err2 = await c.client.create(PODS, "default", pod("prio-mismatch", sleeper({ priorityClassName: "high", priority: 7 }))).catch((e: unknown) => e as { code: number; message: string });
    expect((err2 as { message: string }).message).to.contain("the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 1000");
    await c.client.create(PRIORITY_CLASSES, "", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "everyone" }, value: 10, globalDefault: true, preemptionPolicy: "Never" } as KubeObject);
    const d = (await c.client.create(PODS, "default", pod("prio-default", sleeper()))) as { spec: { priority: number; priorityClassName: string; preemptionPolicy: string } };
    expect(d.spec).to.include({ priority: 10, priorityClassName: "everyone", preemptionPolicy: "Never" });
    await c.client.delete(PRIORITY_CLASSES, "", "everyone");
    for (const n of ["prio", "prio-sys", "prio-default"]) await c.client.delete(PODS, "default", n, { gracePeriodSeconds: 0 });
    await eventually("prio pods gone", async () => (await c.client.list(PODS, "default")).items.length === 0, 15_000);
  });

  it("a NoSchedule taint keeps pods off unless tolerated, with kube-scheduler's message", async () => {
    await c.client.patch(NODES, "", "127.0.0.1", "merge", { spec: { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] } });
    await c.client.create(PODS, "default", pod("untolerated", sleeper()));
    await eventually("untolerated unschedulable", async () => (await condition(c, "untolerated"))?.message === "0/1 nodes are available: 1 node(s) had untolerated taint(s). preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
    const ev = await eventually("FailedScheduling", async () => (await eventsFor(c, "untolerated")).find((e) => e.reason === "FailedScheduling"));
    expect(ev.message).to.match(/^0\/1 nodes are available: 1 node\(s\) had untolerated taint\(s\)\./);
    await c.client.create(PODS, "default", pod("tolerated", sleeper({ tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }] })));
    await eventually("tolerated Running", async () => (await getPod(c, "tolerated"))?.status?.phase === "Running");
    // Removing the taint is a node update: the waiting pod is moved and placed.
    await c.client.patch(NODES, "", "127.0.0.1", "merge", { spec: { taints: null } });
    await eventually("untolerated Running", async () => (await getPod(c, "untolerated"))?.status?.phase === "Running");
    for (const n of ["untolerated", "tolerated"]) await c.client.delete(PODS, "default", n, { gracePeriodSeconds: 0 });
  });

  it("a cordoned node (spec.unschedulable) takes no new pods until uncordoned", async () => {
    await c.client.patch(NODES, "", "127.0.0.1", "merge", { spec: { unschedulable: true } });
    await c.client.create(PODS, "default", pod("cordoned", sleeper()));
    await eventually("cordoned unschedulable", async () => (await condition(c, "cordoned"))?.message?.startsWith("0/1 nodes are available: 1 node(s) were unschedulable."));
    await c.client.patch(NODES, "", "127.0.0.1", "merge", { spec: { unschedulable: null } });
    await eventually("cordoned Running", async () => (await getPod(c, "cordoned"))?.status?.phase === "Running");
    await c.client.delete(PODS, "default", "cordoned", { gracePeriodSeconds: 0 });
  });

  it("higher priority pods are placed first when room frees up", async () => {
    await c.client.create(PRIORITY_CLASSES, "", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "higher" }, value: 2000 } as KubeObject).catch(() => undefined);
    await eventually("no pods", async () => (await c.client.list(PODS, "default")).items.length === 0, 15_000);
    await c.client.create(PODS, "default", pod("blocker", sleeper({}, "1500m")));
    await eventually("blocker Running", async () => (await getPod(c, "blocker"))?.status?.phase === "Running");
    await c.client.create(PODS, "default", pod("low", sleeper({}, "1500m")));
    await c.client.create(PODS, "default", pod("high", sleeper({ priorityClassName: "higher" }, "1500m")));
    await eventually("both unschedulable", async () => (await condition(c, "low"))?.status === "False" && (await condition(c, "high"))?.status === "False");
    await c.client.delete(PODS, "default", "blocker", { gracePeriodSeconds: 0 });
    await eventually("high Running", async () => (await getPod(c, "high"))?.status?.phase === "Running", 15_000);
    expect((await getPod(c, "low"))?.spec?.nodeName).to.equal(undefined);
    expect((await condition(c, "low"))?.message).to.contain("Insufficient cpu");
    for (const n of ["low", "high"]) await c.client.delete(PODS, "default", n, { gracePeriodSeconds: 0 });
  });

  it("required pod anti-affinity spreads replicas over two agents; a third has nowhere to go", async () => {
    dirB = mkdtempSync(join(tmpdir(), "berth-bridge-b-"));
    agentB = await startAgent({
      api: c.rm.master.agentApi,
      workDir: dirB,
      hostname: "agent-b",
      log: c.log.child({ component: "agent-b" }),
      resources: [
        { name: "cpus", type: "SCALAR", scalar: { value: 2 } },
        { name: "mem", type: "SCALAR", scalar: { value: 2048 } },
      ],
      cgroupRoot: false,
    });
    await agentB.registered;
    await eventually("two nodes", async () => (await c.client.list(NODES, "")).items.length === 2, 40_000);
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "kubernetes.io/hostname" }] } };
    for (const n of ["web-1", "web-2", "web-3"]) await c.client.create(PODS, "default", pod(n, sleeper({ affinity: anti }), { labels: { app: "web" } }));
    const placed = await eventually("two replicas bound", async () => {
      const nodes = await Promise.all(["web-1", "web-2", "web-3"].map(async (n) => (await getPod(c, n))?.spec?.nodeName));
      return nodes.filter(Boolean).length === 2 && nodes;
    });
    expect(new Set(placed.filter(Boolean))).to.deep.equal(new Set(["127.0.0.1", "agent-b"]));
    const left = ["web-1", "web-2", "web-3"][placed.findIndex((x) => !x)]!;
    await eventually("the third unschedulable", async () => (await condition(c, left))?.message?.startsWith("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules."));
  });
});
