/**
 * PodTopologySpread: cases ported from plugins/podtopologyspread/filtering_test.go
 * (TestSingleConstraint, TestMultipleConstraints) and scoring_test.go (TestPodTopologySpreadScore).
 */
import { expect } from "chai";
import { topologySpreadFilter } from "../../../src/offer-bridge/scheduling/plugins/topology-spread.js";
import { scoreNodes, selectorFromSet } from "../../../src/offer-bridge/scheduling/index.js";
import { exists, makeNode, makePod, makeSnapshot, P, pluginCodes, type PodBuilder } from "./helpers.js";

const S = 0; // Success
const U = 2; // Unschedulable
const UU = 3; // UnschedulableAndUnresolvable
const foo = exists("foo");
const bar = exists("bar");
const zn = (name: string, zone: string) => makeNode(name, { zone, node: name });
const FOUR = [zn("node-a", "zone1"), zn("node-b", "zone1"), zn("node-x", "zone2"), zn("node-y", "zone2")];
const p = () => makePod().name("p").label("foo", "");
const spread2103 = () => [P("p-a1", "node-a", { foo: "" }), P("p-a2", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "" }), P("p-y1", "node-y", { foo: "" }), P("p-y2", "node-y", { foo: "" }), P("p-y3", "node-y", { foo: "" })];

describe("scheduling: PodTopologySpread filter (filtering_test.go TestSingleConstraint)", () => {
  const cases: [string, PodBuilder, ReturnType<typeof makeNode>[], PodBuilder[], Record<string, number>][] = [
    ["no existing pods", p().spread(1, "zone", "DoNotSchedule", foo), FOUR, [], { "node-a": S, "node-b": S, "node-x": S, "node-y": S }],
    ["no existing pods, incoming pod doesn't match itself", p().spread(1, "zone", "DoNotSchedule", bar), FOUR, [], { "node-a": S, "node-b": S, "node-x": S, "node-y": S }],
    ["existing pods in a different namespace do not count", p().spread(1, "zone", "DoNotSchedule", foo), FOUR, [P("p-a1", "node-a", { foo: "" }, "ns1"), P("p-b1", "node-a", { foo: "" }, "ns2"), P("p-x1", "node-x", { foo: "" }), P("p-y1", "node-y", { foo: "" })], { "node-a": S, "node-b": S, "node-x": U, "node-y": U }],
    ["existing pods do not match null selector", p().spread(1, "zone", "DoNotSchedule", undefined), FOUR, [P("p-x1", "node-x", { foo: "" }), P("p-y1", "node-y", { foo: "" })], { "node-a": S, "node-b": S, "node-x": S, "node-y": S }],
    ["pods spread across zones as 3/3, all nodes fit", p().spread(1, "zone", "DoNotSchedule", foo), FOUR, [P("p-a1", "node-a", { foo: "" }), P("p-a2", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "" }), P("p-y1", "node-y", { foo: "" }), P("p-y2", "node-y", { foo: "" }), P("p-y3", "node-y", { foo: "" })], { "node-a": S, "node-b": S, "node-x": S, "node-y": S }],
    ["pods spread across zones as 1/2 due to absence of label 'zone' on node-b", p().spread(1, "zone", "DoNotSchedule", foo), [zn("node-a", "zone1"), makeNode("node-b", { zon: "zone1", node: "node-b" }), zn("node-x", "zone2"), zn("node-y", "zone2")], [P("p-a1", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "" }), P("p-x1", "node-x", { foo: "" }), P("p-y1", "node-y", { foo: "" })], { "node-a": S, "node-b": UU, "node-x": U, "node-y": U }],
    ["pod cannot be scheduled as all nodes don't have label 'rack'", p().spread(1, "rack", "DoNotSchedule", foo), [zn("node-a", "zone1"), zn("node-x", "zone2")], [], { "node-a": UU, "node-x": UU }],
    ["pods spread across nodes as 2/1/0/3, only node-x fits", p().spread(1, "node", "DoNotSchedule", foo), FOUR, spread2103(), { "node-a": U, "node-b": U, "node-x": S, "node-y": U }],
    ["pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit", p().spread(2, "node", "DoNotSchedule", foo), FOUR, spread2103(), { "node-a": U, "node-b": S, "node-x": S, "node-y": U }],
    ["pods spread across nodes as 2/1/0/3, but pod doesn't match itself", makePod().name("p").label("bar", "").spread(1, "node", "DoNotSchedule", foo), FOUR, spread2103(), { "node-a": U, "node-b": S, "node-x": S, "node-y": U }],
    ["incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits", p().requiredNodeAffinity({ nodeSelectorTerms: [{ matchExpressions: [{ key: "node", operator: "In", values: ["node-a", "node-y"] }] }] }).spread(1, "node", "DoNotSchedule", foo), FOUR, spread2103(), { "node-a": S, "node-b": S, "node-x": S, "node-y": U }],
    ["terminating Pods should be excluded", p().spread(1, "node", "DoNotSchedule", foo), [makeNode("node-a", { node: "node-a" }), makeNode("node-b", { node: "node-b" })], [P("p-a", "node-a", { foo: "" }).terminating(), P("p-b", "node-b", { foo: "" })], { "node-a": S, "node-b": U }],
    ["incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits", p().requiredNodeAffinity({ nodeSelectorTerms: [{ matchExpressions: [{ key: "node", operator: "NotIn", values: ["node-b"] }] }] }).spread(1, "zone", "DoNotSchedule", foo), FOUR, [P("p-b1", "node-b", { foo: "" }), P("p-b2", "node-b", { foo: "" }), P("p-y1", "node-y", { foo: "" })], { "node-a": S, "node-b": S, "node-x": U, "node-y": U }],
    ["pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits", p().spread(2, "node", "DoNotSchedule", foo, 4), ["node-a", "node-b", "node-c"].map((n) => makeNode(n, { node: n })), [P("p-a1", "node-a", { foo: "" }), P("p-a2", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "" }), P("p-b2", "node-b", { foo: "" }), P("p-c1", "node-c", { foo: "" })], { "node-a": U, "node-b": U, "node-c": S }],
    ["pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit", p().spread(2, "node", "DoNotSchedule", foo, 2), ["node-a", "node-b", "node-c"].map((n) => makeNode(n, { node: n })), [P("p-a1", "node-a", { foo: "" }), P("p-a2", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "" }), P("p-b2", "node-b", { foo: "" }), P("p-c1", "node-c", { foo: "" })], { "node-a": S, "node-b": S, "node-c": S }],
    ["NodeTaintsPolicy honored: a tainted node's domain does not count (TaintToleration rejects it, not this plugin)", p().spread(1, "node", "DoNotSchedule", foo, undefined, undefined, "Honor"), [makeNode("node-a", { node: "node-a" }), makeNode("node-b", { node: "node-b" }), makeNode("node-c", { node: "node-c" }, { taints: [{ key: "foo", value: "", effect: "NoSchedule" }] })], [P("p-a", "node-a", { foo: "" }), P("p-b", "node-b", { foo: "" })], { "node-a": S, "node-b": S, "node-c": S }],
    ["NodeTaintsPolicy ignored: the tainted node's empty domain is the minimum", p().spread(1, "node", "DoNotSchedule", foo), [makeNode("node-a", { node: "node-a" }), makeNode("node-b", { node: "node-b" }), makeNode("node-c", { node: "node-c" }, { taints: [{ key: "foo", value: "", effect: "NoSchedule" }] })], [P("p-a", "node-a", { foo: "" }), P("p-b", "node-b", { foo: "" })], { "node-a": U, "node-b": U, "node-c": S }],
    ["matchLabelKeys narrow the selector to the pod's own value", makePod().name("p").label("foo", "").label("rev", "2").spread(1, "node", "DoNotSchedule", foo, undefined, undefined, undefined, ["rev"]), [makeNode("node-a", { node: "node-a" }), makeNode("node-b", { node: "node-b" })], [P("p-a1", "node-a", { foo: "", rev: "1" }), P("p-a2", "node-a", { foo: "", rev: "1" }), P("p-b", "node-b", { foo: "", rev: "2" })], { "node-a": S, "node-b": U }],
  ];
  for (const [name, pod, nodes, existing, want] of cases) it(name, () => expect(pluginCodes(topologySpreadFilter, pod.info(), makeSnapshot(nodes, existing))).to.deep.equal(want));
});

describe("scheduling: PodTopologySpread filter (filtering_test.go TestMultipleConstraints)", () => {
  it("two Constraints on zone and node, spreads = [3/3, 2/1/0/3]", () => {
    const pod = p().spread(1, "zone", "DoNotSchedule", foo).spread(1, "node", "DoNotSchedule", foo);
    expect(pluginCodes(topologySpreadFilter, pod.info(), makeSnapshot(FOUR, spread2103()))).to.deep.equal({ "node-a": U, "node-b": U, "node-x": S, "node-y": U });
  });
  it("two Constraints on zone and node, spreads = [3/4, 2/1/0/4]", () => {
    const pod = p().spread(1, "zone", "DoNotSchedule", foo).spread(1, "node", "DoNotSchedule", foo);
    const existing = [...spread2103(), P("p-y4", "node-y", { foo: "" })];
    expect(pluginCodes(topologySpreadFilter, pod.info(), makeSnapshot(FOUR, existing))).to.deep.equal({ "node-a": U, "node-b": U, "node-x": U, "node-y": U });
  });
  it("Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]", () => {
    const pod = makePod().name("p").label("foo", "").label("bar", "").spread(1, "zone", "DoNotSchedule", foo).spread(1, "node", "DoNotSchedule", bar);
    const existing = [P("p-a", "node-a", { foo: "" }), P("p-y", "node-y", { bar: "" })];
    expect(pluginCodes(topologySpreadFilter, pod.info(), makeSnapshot(FOUR, existing))).to.deep.equal({ "node-a": U, "node-b": U, "node-x": S, "node-y": U });
  });
  it("two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]", () => {
    const pod = p().spread(1, "zone", "DoNotSchedule", foo).spread(1, "node", "DoNotSchedule", foo);
    const nodes = [zn("node-a", "zone1"), zn("node-b", "zone1"), makeNode("node-x", { zone: "zone2" }), zn("node-y", "zone2")];
    const existing = [P("p-a", "node-a", { foo: "" }), P("p-y", "node-y", { foo: "" })];
    expect(pluginCodes(topologySpreadFilter, pod.info(), makeSnapshot(nodes, existing))).to.deep.equal({ "node-a": U, "node-b": S, "node-x": UU, "node-y": U });
  });
  it("counts stay right as pods are assumed and forgotten (incremental indexes)", () => {
    const snap = makeSnapshot(FOUR, []);
    const pod = p().spread(1, "node", "DoNotSchedule", foo);
    pluginCodes(topologySpreadFilter, pod.info(), snap); // builds the index
    const a = P("p-a1", "node-a", { foo: "" }).info();
    snap.assume(a, "node-a");
    expect(pluginCodes(topologySpreadFilter, pod.info(), snap)).to.deep.equal({ "node-a": U, "node-b": S, "node-x": S, "node-y": S });
    snap.forget(a);
    expect(pluginCodes(topologySpreadFilter, pod.info(), snap)).to.deep.equal({ "node-a": S, "node-b": S, "node-x": S, "node-y": S });
  });
});

describe("scheduling: PodTopologySpread score (scoring_test.go TestPodTopologySpreadScore)", () => {
  const H = "kubernetes.io/hostname";
  const hn = (name: string, extra: Record<string, string> = {}) => makeNode(name, { [H]: name, ...extra });
  const scores = (pod: PodBuilder, nodes: ReturnType<typeof makeNode>[], failed: ReturnType<typeof makeNode>[], existing: PodBuilder[], opts?: Parameters<PodBuilder["info"]>[0]) => {
    const snap = makeSnapshot([...nodes, ...failed], existing);
    const feasible = nodes.map((n) => snap.node(n.name)!);
    return Object.fromEntries(scoreNodes(pod.info(opts), snap, feasible).get("PodTopologySpread")!);
  };
  const pods = (spec: Record<string, number>) => Object.entries(spec).flatMap(([node, n]) => Array.from({ length: n }, (_, i) => P(`p-${node}-${i}`, node, { foo: "" })));

  it("one constraint on node, no existing pods", () => {
    expect(scores(p().spread(1, H, "ScheduleAnyway", foo), [hn("node-a"), hn("node-b")], [], [])).to.deep.equal({ "node-a": 100, "node-b": 100 });
  });
  it("one constraint on node, all 4 nodes are candidates (2/1/0/3)", () => {
    const nodes = ["node-a", "node-b", "node-c", "node-d"].map((n) => hn(n));
    expect(scores(p().spread(1, H, "ScheduleAnyway", foo), nodes, [], pods({ "node-a": 2, "node-b": 1, "node-d": 3 }))).to.deep.equal({ "node-a": 20, "node-b": 60, "node-c": 100, "node-d": 0 });
  });
  it("one constraint on node, null selector", () => {
    const nodes = ["node-a", "node-b", "node-c", "node-d"].map((n) => hn(n));
    expect(scores(p().spread(1, H, "ScheduleAnyway", undefined), nodes, [], pods({ "node-a": 2, "node-b": 1, "node-d": 3 }))).to.deep.equal({ "node-a": 100, "node-b": 100, "node-c": 100, "node-d": 100 });
  });
  it("one constraint on node, all 4 nodes are candidates, maxSkew=2", () => {
    const nodes = ["node-a", "node-b", "node-c", "node-d"].map((n) => hn(n));
    expect(scores(p().spread(2, H, "ScheduleAnyway", foo), nodes, [], pods({ "node-a": 2, "node-b": 1, "node-d": 3 }))).to.deep.equal({ "node-a": 33, "node-b": 66, "node-c": 100, "node-d": 16 });
  });
  it("one constraint on node, all 4 nodes are candidates, maxSkew=3", () => {
    const nodes = ["node-a", "node-b", "node-c", "node-d"].map((n) => hn(n));
    expect(scores(p().spread(3, H, "ScheduleAnyway", foo), nodes, [], pods({ "node-a": 4, "node-b": 3, "node-c": 2, "node-d": 1 }))).to.deep.equal({ "node-a": 44, "node-b": 66, "node-c": 77, "node-d": 100 });
  });
  it("system defaulting, nodes don't have zone, pods match service", () => {
    const nodes = ["node-a", "node-b", "node-c", "node-d"].map((n) => hn(n));
    const got = scores(p(), nodes, [], pods({ "node-a": 4, "node-b": 3, "node-c": 2, "node-d": 1 }), { defaultSpreadSelector: selectorFromSet({ foo: "" }) });
    expect(got).to.deep.equal({ "node-a": 44, "node-b": 66, "node-c": 77, "node-d": 100 });
  });
  it("one constraint on node, 3 out of 4 nodes are candidates", () => {
    expect(scores(p().spread(1, H, "ScheduleAnyway", foo), [hn("node-a"), hn("node-b"), hn("node-x")], [hn("node-y")], pods({ "node-a": 4, "node-b": 2, "node-x": 1, "node-y": 3 }))).to.deep.equal({ "node-a": 33, "node-b": 83, "node-x": 100 });
  });
  it("one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key", () => {
    const nodes = [hn("node-a"), makeNode("node-b", { n: "node-b" }), hn("node-x")];
    expect(scores(p().spread(1, H, "ScheduleAnyway", foo), nodes, [hn("node-y")], pods({ "node-a": 4, "node-b": 2, "node-x": 1, "node-y": 3 }))).to.deep.equal({ "node-a": 16, "node-b": 0, "node-x": 100 });
  });
  it("one constraint on zone, 3 out of 4 nodes are candidates", () => {
    const nodes = [hn("node-a", { zone: "zone1" }), hn("node-b", { zone: "zone1" }), hn("node-x", { zone: "zone2" })];
    expect(scores(p().spread(1, "zone", "ScheduleAnyway", foo), nodes, [hn("node-y", { zone: "zone2" })], pods({ "node-a": 4, "node-b": 2, "node-x": 1, "node-y": 3 }))).to.deep.equal({ "node-a": 75, "node-b": 75, "node-x": 100 });
  });
  it("two Constraints on zone and node, 2 out of 4 nodes are candidates", () => {
    const pod = p().spread(1, "zone", "ScheduleAnyway", foo).spread(1, H, "ScheduleAnyway", foo);
    const got = scores(pod, [hn("node-a", { zone: "zone1" }), hn("node-x", { zone: "zone2" })], [hn("node-b", { zone: "zone1" }), hn("node-y", { zone: "zone2" })], pods({ "node-a": 2, "node-b": 1, "node-x": 2, "node-y": 4 }));
    expect(got).to.deep.equal({ "node-a": 100, "node-x": 63 });
  });
  it("two Constraints on zone and node, with different labelSelectors", () => {
    const pod = makePod().name("p").label("foo", "").label("bar", "").spread(1, "zone", "ScheduleAnyway", foo).spread(1, H, "ScheduleAnyway", bar);
    const nodes = [hn("node-a", { zone: "zone1" }), hn("node-b", { zone: "zone1" }), hn("node-x", { zone: "zone2" }), hn("node-y", { zone: "zone2" })];
    const existing = [P("p-a1", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "", bar: "" }), P("p-y1", "node-y", { foo: "" }), P("p-y2", "node-y", { bar: "" })];
    expect(scores(pod, nodes, [], existing)).to.deep.equal({ "node-a": 60, "node-b": 20, "node-x": 100, "node-y": 60 });
  });
  it("existing pods in a different namespace do not count", () => {
    const existing = [P("p-a1", "node-a", { foo: "" }, "ns1"), P("p-a2", "node-a", { foo: "" }), P("p-b1", "node-b", { foo: "" }), P("p-b2", "node-b", { foo: "" })];
    expect(scores(p().spread(1, H, "ScheduleAnyway", foo), [hn("node-a"), hn("node-b")], [], existing)).to.deep.equal({ "node-a": 100, "node-b": 33 });
  });
  it("terminating Pods should be excluded", () => {
    const existing = [P("p-a", "node-a", { foo: "" }).terminating(), P("p-b", "node-b", { foo: "" })];
    expect(scores(p().spread(1, H, "ScheduleAnyway", foo), [hn("node-a"), hn("node-b")], [], existing)).to.deep.equal({ "node-a": 100, "node-b": 0 });
  });
});
