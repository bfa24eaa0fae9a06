/**
 * schedulePod end to end: FitError wording (framework/types.go FitError.Error,
 * types_test.go TestFitError_Error; preemption suffix from preemption.go and
 * default_preemption_test.go), numFeasibleNodesToFind (schedule_one_test.go
 * TestNumFeasibleNodesToFind), round-robin start, and a scale sanity check.
 */
import { expect } from "chai";
import { NodeSnapshot, numFeasibleNodesToFind, schedulePod, type NodeSpec } from "../../../src/offer-bridge/scheduling/index.js";
import { labelsIn, makeNode, makePod, P } from "./helpers.js";

describe("scheduling: FitError message", () => {
  const cp = { key: "node-role.kubernetes.io/control-plane", value: "", effect: "NoSchedule" };
  const small = (name: string, extra: Partial<NodeSpec> = {}): NodeSpec => ({ name, allocatable: { cpu: "1", memory: "1Gi", pods: "110" }, ...extra });

  it("sorted histogram of first-failing reasons, then DefaultPreemption's verdict", () => {
    const snap = new NodeSnapshot([small("cp", { taints: [cp] }), small("n1"), small("n2")]);
    const r = schedulePod(makePod().name("p").req({ cpu: "2" }).info(), snap);
    expect(r).to.deep.include({ unschedulable: true });
    if (!("unschedulable" in r)) throw new Error();
    expect(r.message).to.equal(
      // The request exceeds the nodes' allocatable: Unresolvable, so preemption cannot help anywhere.
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    expect([...r.reasons]).to.deep.equal([
      ["node(s) had untolerated taint(s)", 1],
      ["Insufficient cpu", 2],
    ]);
  });
  it("resolvable rejections without lower-priority pods: 'No preemption victims found'", () => {
    const snap = new NodeSnapshot([small("cp", { taints: [cp] }), small("n1"), small("n2")]);
    snap.assume(P("a", "n1").req({ cpu: "800m" }).info(), "n1");
    snap.assume(P("b", "n2").req({ cpu: "800m" }).info(), "n2");
    const r = schedulePod(makePod().name("p").req({ cpu: "500m" }).info(), snap);
    if (!("unschedulable" in r)) throw new Error();
    expect(r.message).to.equal(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });
  it("multiple reasons per node are each counted (types_test.go: '2 Insufficient cpu, 2 Insufficient memory')", () => {
    const snap = new NodeSnapshot([small("n1"), small("n2")]);
    const r = schedulePod(makePod().req({ cpu: "2", memory: "2Gi" }).preemptionPolicy("Never").info(), snap);
    if (!("unschedulable" in r)) throw new Error();
    expect(r.message).to.equal("0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never.");
  });
  it("all rejections unresolvable: preemption is not helpful anywhere", () => {
    const snap = new NodeSnapshot([small("n1", { labels: { a: "b" } }), small("n2", { unschedulable: true })]);
    const r = schedulePod(makePod().nodeSelector({ a: "c" }).info(), snap);
    if (!("unschedulable" in r)) throw new Error();
    expect(r.message).to.equal("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
  });
  it("PreFilter narrowing by metadata.name: absent nodes get 'didn't satisfy plugin(s)'", () => {
    const snap = new NodeSnapshot([small("n1"), small("n2"), small("n3")]);
    const pod = makePod().req({ cpu: "2" }).requiredNodeAffinity({ nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }] });
    const r = schedulePod(pod.info(), snap, { preemptionMessage: false });
    if (!("unschedulable" in r)) throw new Error();
    expect(r.message).to.equal("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
  it("no nodes", () => {
    expect(schedulePod(makePod().info(), new NodeSnapshot())).to.deep.include({ message: "no nodes available to schedule pods" });
  });
});

describe("scheduling: schedulePod", () => {
  it("numFeasibleNodesToFind (TestNumFeasibleNodesToFind)", () => {
    expect(numFeasibleNodesToFind(undefined, 10)).to.equal(10);
    expect(numFeasibleNodesToFind(40, 10)).to.equal(10);
    expect(numFeasibleNodesToFind(undefined, 1000)).to.equal(420);
    expect(numFeasibleNodesToFind(40, 1000)).to.equal(400);
    expect(numFeasibleNodesToFind(undefined, 6000)).to.equal(300);
    expect(numFeasibleNodesToFind(40, 6000)).to.equal(2400);
    expect(numFeasibleNodesToFind(undefined, 5000)).to.equal(500);
    expect(numFeasibleNodesToFind(1, 500)).to.equal(100);
  });
  it("round-robin start advances by the nodes processed", () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => makeNode(`n${i}`));
    const snap = new NodeSnapshot(nodes);
    schedulePod(makePod().req({ cpu: "1" }).info(), snap);
    expect(snap.nextStartNodeIndex).to.equal(420);
    schedulePod(makePod().req({ cpu: "1" }).info(), snap);
    expect(snap.nextStartNodeIndex).to.equal(840);
  });
  it("prefers the least allocated node and honours anti-affinity with assume()", () => {
    const snap = new NodeSnapshot([makeNode("a", { "kubernetes.io/hostname": "a" }), makeNode("b", { "kubernetes.io/hostname": "b" })]);
    snap.assume(P("x", "a", {}).req({ cpu: "500" }).info(), "a");
    const r = schedulePod(makePod().name("p").req({ cpu: "1" }).info(), snap);
    expect(r).to.deep.include({ node: "b" });
    const mk = (n: string) => makePod().name(n).label("app", "web").podAntiAffinity("kubernetes.io/hostname", labelsIn("app", "web")).info();
    const p1 = mk("w1");
    const r1 = schedulePod(p1, snap);
    if (!("node" in r1)) throw new Error();
    snap.assume(p1, r1.node);
    const p2 = mk("w2");
    const r2 = schedulePod(p2, snap);
    if (!("node" in r2)) throw new Error();
    expect(r2.node).to.not.equal(r1.node);
    snap.assume(p2, r2.node);
    const r3 = schedulePod(mk("w3"), snap);
    expect(r3).to.deep.include({ unschedulable: true });
  });
  it("scale: 5,000 nodes x 2,000 pods with assume() in bounded time", function () {
    this.timeout(60000);
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ name: `n${i}`, labels: { "kubernetes.io/hostname": `n${i}`, "topology.kubernetes.io/zone": `z${i % 3}` }, allocatable: { cpu: "4", memory: "32Gi", pods: "110" } }));
    const snap = new NodeSnapshot(nodes);
    const t0 = performance.now();
    let placed = 0;
    for (let i = 0; i < 2000; i++) {
      const pod = makePod().name(`p${i}`).label("app", "x").req({ cpu: "100m", memory: "500Mi" }).spread(1, "topology.kubernetes.io/zone", "DoNotSchedule", labelsIn("app", "x")).info();
      const r = schedulePod(pod, snap, { rng: () => 0.5 });
      if ("node" in r) {
        snap.assume(pod, r.node);
        placed++;
      }
    }
    const ms = performance.now() - t0;
    expect(placed).to.equal(2000);
    // Zone spread stays within maxSkew.
    const perZone = [0, 0, 0];
    for (const p of snap.pods()) perZone[Number(snap.nodeOf(p)!.labels["topology.kubernetes.io/zone"]!.slice(1))]!++;
    expect(Math.max(...perZone) - Math.min(...perZone)).to.be.at.most(1);
    expect(ms).to.be.below(30000); // sanity bound, not a benchmark
  });
});
