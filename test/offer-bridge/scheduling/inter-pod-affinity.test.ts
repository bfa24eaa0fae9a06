/**
 * InterPodAffinity: cases ported from plugins/interpodaffinity/filtering_test.go
 * (TestRequiredAffinitySingleNode, TestRequiredAffinityMultipleNodes) and scoring_test.go
 * (TestPreferredAffinity).
 */
import { expect } from "chai";
import { interPodAffinityFilter } from "../../../src/offer-bridge/scheduling/plugins/inter-pod-affinity.js";
import { scoreNodes } from "../../../src/offer-bridge/scheduling/index.js";
import { labelsIn, makeNode, makePod, makeSnapshot, P, pluginCodes, type PodBuilder } from "./helpers.js";

const S = 0;
const U = 2;
const UU = 3;
const NODE1 = makeNode("node1", { region: "r1", zone: "z11", hostname: "h1" });
const sec = labelsIn("service", "securityscan", "value2");

describe("scheduling: InterPodAffinity filter (filtering_test.go TestRequiredAffinitySingleNode)", () => {
  const cases: [string, PodBuilder, PodBuilder[], number][] = [
    ["A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods", makePod(), [], S],
    ["satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod", makePod().podAffinity("region", sec), [P("e", "node1", { service: "securityscan" })], S],
    ["satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod", makePod().podAffinity("region", { matchExpressions: [{ key: "service", operator: "NotIn", values: ["securityscan3", "value3"] }] }), [P("e", "node1", { service: "securityscan" })], S],
    ["Does not satisfy the PodAffinity with labelSelector because of diff Namespace", makePod().podAffinity("region", sec, { namespaces: ["DiffNameSpace"] }), [P("e", "node1", { service: "securityscan" }, "ns")], UU],
    ["Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod", makePod().podAffinity("region", labelsIn("service", "antivirusscan", "value2")), [P("e", "node1", { service: "securityscan" })], UU],
    ["satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution", makePod().podAffinity("region", { matchExpressions: [{ key: "service", operator: "Exists" }, { key: "wrongkey", operator: "DoesNotExist" }] }).podAffinity("region", { matchExpressions: [{ key: "service", operator: "In", values: ["securityscan"] }, { key: "service", operator: "NotIn", values: ["WrongValue"] }] }), [P("e", "node1", { service: "securityscan" })], S],
    ["The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.", makePod().podAffinity("region", { matchExpressions: [{ key: "service", operator: "Exists" }, { key: "wrongkey", operator: "DoesNotExist" }] }).podAffinity("region", { matchExpressions: [{ key: "service", operator: "In", values: ["securityscan2"] }, { key: "service", operator: "NotIn", values: ["WrongValue"] }] }), [P("e", "node1", { service: "securityscan" })], UU],
    ["satisfies the PodAffinity and PodAntiAffinity with the existing pod", makePod().podAffinity("region", sec).podAntiAffinity("node", labelsIn("service", "antivirusscan", "value2")), [P("e", "node1", { service: "securityscan" })], S],
    ["satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod", makePod().podAffinity("region", sec).podAntiAffinity("node", labelsIn("service", "antivirusscan", "value2")), [P("e", "node1", { service: "securityscan" }).podAntiAffinity("node", labelsIn("service", "antivirusscan", "value2"))], S],
    ["satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod", makePod().podAffinity("region", sec).podAntiAffinity("zone", labelsIn("service", "securityscan", "value2")), [P("e", "node1", { service: "securityscan" })], U],
    ["satisfies the PodAffinity and PodAntiAffinity, but doesn't satisfy PodAntiAffinity symmetry with the existing pod", makePod().label("service", "securityscan").podAffinity("region", sec).podAntiAffinity("node", labelsIn("service", "antivirusscan", "value2")), [P("e", "node1", { service: "securityscan" }).podAntiAffinity("zone", labelsIn("service", "securityscan", "value2"))], U],
    ["pod matches its own Label in PodAffinity and that matches the existing pod Labels", makePod().label("service", "securityscan").podAffinity("region", labelsIn("service", "securityscan")), [P("e", "node2", { service: "securityscan" })], UU],
    ["verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod", makePod().label("service", "securityscan"), [P("e", "node1", { service: "securityscan" }).podAntiAffinity("zone", labelsIn("service", "securityscan", "value2"))], U],
    ["verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod", makePod().label("service", "securityscan"), [P("e", "node1", { service: "securityscan" }).podAntiAffinity("zone", labelsIn("service", "antivirusscan", "value2"))], S],
    ["The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.", makePod().label("service", "securityscan").podAffinity("region", labelsIn("service", "securityscan")), [], S],
    ["an existing pod's anti-affinity with an empty namespaceSelector covers every namespace", makePod().namespace("other").label("service", "securityscan"), [P("e", "node1", {}).podAntiAffinity("zone", labelsIn("service", "securityscan"), { namespaceSelector: {} })], U],
  ];
  for (const [name, pod, existing, want] of cases)
    it(name, () => {
      const nodes = [NODE1, makeNode("node2", { region: "r2", zone: "z21", hostname: "h2" })];
      expect(pluginCodes(interPodAffinityFilter, pod.info(), makeSnapshot(nodes, existing))["node1"]).to.equal(want);
    });
});

describe("scheduling: InterPodAffinity filter (TestRequiredAffinityMultipleNodes)", () => {
  it("A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules", () => {
    const nodes = [makeNode("nodeA", { zone: "az1", hostname: "h1" }), makeNode("nodeB", { zone: "az2", hostname: "h2" })];
    const pod = makePod().podAffinity("hostname", labelsIn("foo", "bar"));
    expect(pluginCodes(interPodAffinityFilter, pod.info(), makeSnapshot(nodes, [P("e", "nodeA", { foo: "bar" })]))).to.deep.equal({ nodeA: S, nodeB: UU });
  });
  it("NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.", () => {
    const nodes = [makeNode("nodeA", { zone: "az1", hostname: "h1" }), makeNode("nodeB", { zone: "az1", hostname: "h2" })];
    const pod = makePod().label("foo", "123").podAntiAffinity("zone", labelsIn("foo", "abc"));
    expect(pluginCodes(interPodAffinityFilter, pod.info(), makeSnapshot(nodes, [P("e", "nodeA", { foo: "abc" })]))).to.deep.equal({ nodeA: U, nodeB: U });
  });
  it("This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod", () => {
    const nodes = [makeNode("nodeA", { region: "r1", zone: "z1", hostname: "nodeA" }), makeNode("nodeB", { region: "r1", zone: "z2", hostname: "nodeB" })];
    const pod = makePod().label("foo", "123").podAntiAffinity("zone", labelsIn("foo", "abc")).podAntiAffinity("zone", labelsIn("service", "securityscan"));
    expect(pluginCodes(interPodAffinityFilter, pod.info(), makeSnapshot(nodes, [P("e", "nodeA", { foo: "123", service: "securityscan" })]))).to.deep.equal({ nodeA: U, nodeB: S });
  });
  it("Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes", () => {
    const nodes = [makeNode("nodeA", { region: "r1", zone: "z1", hostname: "nodeA" }), makeNode("nodeB", { region: "r1", zone: "z2", hostname: "nodeB" })];
    const existing = [P("e1", "nodeA", {}).podAntiAffinity("zone", labelsIn("foo", "bar")), P("e2", "nodeB", {}).podAntiAffinity("region", labelsIn("bar", "foo"))];
    const pod = makePod().label("foo", "bar").label("bar", "foo");
    expect(pluginCodes(interPodAffinityFilter, pod.info(), makeSnapshot(nodes, existing))).to.deep.equal({ nodeA: U, nodeB: U });
  });
});

describe("scheduling: InterPodAffinity score (scoring_test.go TestPreferredAffinity)", () => {
  const nodes = [makeNode("node1", { region: "China" }), makeNode("node2", { region: "India" }), makeNode("node3", { az: "az1" })];
  const existing = () => [P("a", "node1", { security: "S1" }), P("b", "node2", { security: "S2" }), P("c", "node3", { security: "S1" })];
  const score = (pod: PodBuilder, ex: PodBuilder[]) => {
    const snap = makeSnapshot(nodes, ex);
    return Object.fromEntries(scoreNodes(pod.info(), snap, snap.nodes).get("InterPodAffinity")!);
  };
  it("all nodes are same priority as Affinity is nil", () => {
    expect(score(makePod().label("security", "S1"), existing())).to.deep.equal({ node1: 0, node2: 0, node3: 0 });
  });
  it("Affinity: pod that matches topology key & pods in nodes will get high score comparing to others which doesn't match either pods in nodes or in topology key", () => {
    expect(score(makePod().preferredPodAffinity(5, "region", labelsIn("security", "S1")), existing())).to.deep.equal({ node1: 100, node2: 0, node3: 0 });
  });
  it("Anti Affinity: pod that does not match existing pods in node will get high score", () => {
    expect(score(makePod().preferredPodAntiAffinity(5, "region", labelsIn("security", "S1")), existing())).to.deep.equal({ node1: 0, node2: 100, node3: 100 });
  });
  it("Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry (hardPodAffinityWeight 1)", () => {
    const ex = [P("a", "node1", {}).podAffinity("region", labelsIn("security", "S1")), P("b", "node2", {})];
    expect(score(makePod().label("security", "S1"), ex)).to.deep.equal({ node1: 100, node2: 0, node3: 0 });
  });
});
