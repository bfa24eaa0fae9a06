/**
 * NodeName, NodeUnschedulable, NodePorts, TaintToleration, NodeAffinity: cases ported from
 * plugins/nodename/node_name_test.go, nodeunschedulable/node_unschedulable_test.go,
 * nodeports/node_ports_test.go (TestNodePorts), tainttoleration/taint_toleration_test.go
 * (TestTaintTolerationFilter, TestTaintTolerationScore) and nodeaffinity/node_affinity_test.go
 * (TestNodeAffinity, TestNodeAffinityPriority).
 */
import { expect } from "chai";
import type { V1NodeSelector } from "@kubernetes/client-node";
import { filterNode, NodeSnapshot, scoreNodes, type Taint } from "../../../src/offer-bridge/scheduling/index.js";
import { makeNode, makePod, type PodBuilder } from "./helpers.js";

function reasonsOn(pod: PodBuilder, node = makeNode("node1"), existing: PodBuilder[] = []): string[] {
  const snap = new NodeSnapshot([node]);
  for (const e of existing) snap.assume(e.info(), node.name);
  return [...(filterNode(pod.info(), snap, snap.node(node.name)!)?.reasons ?? [])];
}

describe("scheduling: NodeName and NodeUnschedulable", () => {
  it("node_name_test.go", () => {
    expect(reasonsOn(makePod())).to.deep.equal([]);
    expect(reasonsOn(makePod().nodeName("node1"))).to.deep.equal([]);
    expect(reasonsOn(makePod().nodeName("node2"))).to.deep.equal(["node(s) didn't match the requested node name"]);
  });
  it("node_unschedulable_test.go", () => {
    const n = makeNode("node1", {}, { unschedulable: true });
    expect(reasonsOn(makePod(), n)).to.deep.equal(["node(s) were unschedulable"]);
    expect(reasonsOn(makePod(), makeNode("node1", {}, { unschedulable: false }))).to.deep.equal([]);
    expect(reasonsOn(makePod().toleration("node.kubernetes.io/unschedulable", "Exists", "", "NoSchedule"), n)).to.deep.equal([]);
  });
});

describe("scheduling: NodePorts (node_ports_test.go TestNodePorts)", () => {
  const ERR = ["node(s) didn't have free ports for the requested pod ports"];
  const cases: [string, PodBuilder, PodBuilder[], string[]][] = [
    ["nothing running", makePod().hostPort(8080, "UDP", "127.0.0.1"), [], []],
    ["other port", makePod().hostPort(8080, "UDP", "127.0.0.1"), [makePod().name("e").hostPort(9090, "UDP", "127.0.0.1")], []],
    ["same udp port", makePod().hostPort(8080, "UDP", "127.0.0.1"), [makePod().name("e").hostPort(8080, "UDP", "127.0.0.1")], ERR],
    ["same tcp port", makePod().hostPort(8080, "TCP", "127.0.0.1"), [makePod().name("e").hostPort(8080, "TCP", "127.0.0.1")], ERR],
    ["different host ip", makePod().hostPort(8080, "TCP", "127.0.0.1"), [makePod().name("e").hostPort(8080, "TCP", "127.0.0.2")], []],
    ["different protocol", makePod().hostPort(8080, "UDP", "127.0.0.1"), [makePod().name("e").hostPort(8080, "TCP", "127.0.0.1")], []],
    ["second udp port conflict", makePod().hostPort(8000, "UDP", "127.0.0.1").hostPort(8080, "UDP", "127.0.0.1"), [makePod().name("e").hostPort(8080, "UDP", "127.0.0.1")], ERR],
    ["first tcp port conflict", makePod().hostPort(8001, "TCP", "127.0.0.1").hostPort(8080, "UDP", "127.0.0.1"), [makePod().name("e").hostPort(8001, "TCP", "127.0.0.1").hostPort(8081, "UDP", "127.0.0.1")], ERR],
    ["first tcp port conflict due to 0.0.0.0 hostIP", makePod().hostPort(8001, "TCP", "0.0.0.0"), [makePod().name("e").hostPort(8001, "TCP", "127.0.0.1")], ERR],
    ["TCP hostPort conflict due to 0.0.0.0 hostIP", makePod().hostPort(8001, "TCP", "10.0.10.10").hostPort(8001, "TCP", "0.0.0.0"), [makePod().name("e").hostPort(8001, "TCP", "0.0.0.0")], ERR],
    ["second tcp port conflict to 0.0.0.0 hostIP", makePod().hostPort(8001, "TCP", "127.0.0.1"), [makePod().name("e").hostPort(8001, "TCP", "0.0.0.0")], ERR],
    ["second different protocol", makePod().hostPort(8001, "UDP", "0.0.0.0"), [makePod().name("e").hostPort(8001, "TCP", "0.0.0.0")], []],
    ["UDP hostPort conflict due to 0.0.0.0 hostIP", makePod().hostPort(8001, "UDP", "0.0.0.0"), [makePod().name("e").hostPort(8001, "TCP", "0.0.0.0").hostPort(8001, "UDP", "0.0.0.0")], ERR],
  ];
  for (const [name, pod, existing, want] of cases) it(name, () => expect(reasonsOn(pod, makeNode("node1"), existing)).to.deep.equal(want));
  it("forget frees the port", () => {
    const snap = new NodeSnapshot([makeNode("node1")]);
    const e = makePod().name("e").hostPort(80).info();
    snap.assume(e, "node1");
    expect(filterNode(makePod().hostPort(80).info(), snap, snap.node("node1")!)).to.not.equal(null);
    snap.forget(e);
    expect(filterNode(makePod().hostPort(80).info(), snap, snap.node("node1")!)).to.equal(null);
  });
});

describe("scheduling: TaintToleration (taint_toleration_test.go)", () => {
  const ERR = ["node(s) had untolerated taint(s)"];
  const t = (key: string, value: string, effect: string): Taint => ({ key, value, effect });
  const cases: [string, PodBuilder, Taint[], string[]][] = [
    ["A pod having no tolerations can't be scheduled onto a node with nonempty taints", makePod(), [t("dedicated", "user1", "NoSchedule")], ERR],
    ["A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule", makePod().toleration("dedicated", "Equal", "user1", "NoSchedule"), [t("dedicated", "user1", "NoSchedule")], []],
    ["A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", makePod().toleration("dedicated", "Equal", "user2", "NoSchedule"), [t("dedicated", "user1", "NoSchedule")], ERR],
    ["A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node", makePod().toleration("foo", "Exists", "", "NoSchedule"), [t("foo", "bar", "NoSchedule")], []],
    ["A pod has multiple tolerations, node has multiple taints, all the taints are tolerated", makePod().toleration("dedicated", "Equal", "user2", "NoSchedule").toleration("foo", "Exists", "", "NoSchedule"), [t("dedicated", "user2", "NoSchedule"), t("foo", "bar", "NoSchedule")], []],
    ["A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match", makePod().toleration("foo", "Equal", "bar", "PreferNoSchedule"), [t("foo", "bar", "NoSchedule")], ERR],
    ["The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty", makePod().toleration("foo", "Equal", "bar", ""), [t("foo", "bar", "NoSchedule")], []],
    ["The pod has a toleration that key and value don't match the taint, but the effect of taint on node is PreferNoSchedule", makePod().toleration("dedicated", "Equal", "user2", "NoSchedule"), [t("dedicated", "user1", "PreferNoSchedule")], []],
    ["The pod has no toleration, but the effect of taint on node is PreferNoSchedule", makePod(), [t("dedicated", "user1", "PreferNoSchedule")], []],
    ["NoExecute taints must be tolerated too", makePod(), [t("node.kubernetes.io/not-ready", "", "NoExecute")], ERR],
  ];
  for (const [name, pod, taints, want] of cases) it(name, () => expect(reasonsOn(pod, makeNode("node1", {}, { taints }))).to.deep.equal(want));

  it("TestTaintTolerationScore: the more untolerated PreferNoSchedule taints, the lower the score", () => {
    const snap = new NodeSnapshot([
      makeNode("nodeA", {}, { taints: [t("cpu-type", "arm64", "PreferNoSchedule")] }),
      makeNode("nodeB", {}, { taints: [t("cpu-type", "arm64", "PreferNoSchedule"), t("disk-type", "ssd", "PreferNoSchedule")] }),
      makeNode("nodeC", {}, { taints: [t("cpu-type", "arm64", "PreferNoSchedule"), t("disk-type", "ssd", "PreferNoSchedule"), t("foo", "bar", "PreferNoSchedule")] }),
    ]);
    const s = scoreNodes(makePod().toleration("foo", "Equal", "bar", "PreferNoSchedule").info(), snap, snap.nodes);
    expect(Object.fromEntries(s.get("TaintToleration")!)).to.deep.equal({ nodeA: 50, nodeB: 0, nodeC: 0 });
    const s2 = scoreNodes(makePod().toleration("cpu-type", "Equal", "arm64", "PreferNoSchedule").toleration("disk-type", "Equal", "ssd", "PreferNoSchedule").info(), snap, snap.nodes);
    expect(Object.fromEntries(s2.get("TaintToleration")!)).to.deep.equal({ nodeA: 100, nodeB: 100, nodeC: 0 });
  });
});

describe("scheduling: NodeAffinity (node_affinity_test.go TestNodeAffinity)", () => {
  const ERR = ["node(s) didn't match Pod's node affinity/selector"];
  const req = (...terms: V1NodeSelector["nodeSelectorTerms"]): V1NodeSelector => ({ nodeSelectorTerms: terms });
  const cases: [string, PodBuilder, Record<string, string>, string[]][] = [
    ["no selector", makePod(), {}, []],
    ["missing labels", makePod().nodeSelector({ foo: "bar" }), {}, ERR],
    ["same labels", makePod().nodeSelector({ foo: "bar" }), { foo: "bar" }, []],
    ["node labels are superset", makePod().nodeSelector({ foo: "bar" }), { foo: "bar", baz: "blah" }, []],
    ["node labels are subset", makePod().nodeSelector({ foo: "bar", baz: "blah" }), { foo: "bar" }, ERR],
    ["Pod with matchExpressions using In operator that matches the existing node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "foo", operator: "In", values: ["bar", "value2"] }] })), { foo: "bar" }, []],
    ["Pod with matchExpressions using Gt operator that matches the existing node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "kernel-version", operator: "Gt", values: ["0204"] }] })), { "kernel-version": "0206" }, []],
    ["Pod with matchExpressions using NotIn operator that matches the existing node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "mem-type", operator: "NotIn", values: ["DDR", "DDR2"] }] })), { "mem-type": "DDR3" }, []],
    ["Pod with matchExpressions using Exists operator that matches the existing node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "GPU", operator: "Exists" }] })), { GPU: "NVIDIA-GRID-K1" }, []],
    ["Pod with affinity that don't match node's labels won't schedule onto the node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "foo", operator: "In", values: ["value1", "value2"] }] })), { foo: "bar" }, ERR],
    ["Pod with a nil []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node", makePod().requiredNodeAffinity(req()), { foo: "bar" }, ERR],
    ["Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node", makePod().requiredNodeAffinity(req({})), { foo: "bar" }, ERR],
    ["Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node", makePod().requiredNodeAffinity(req({ matchExpressions: [] })), { foo: "bar" }, ERR],
    ["Pod with no Affinity will schedule onto a node", makePod(), { foo: "bar" }, []],
    ["Pod with multiple matchExpressions ANDed that matches the existing node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "GPU", operator: "Exists" }, { key: "GPU", operator: "NotIn", values: ["AMD", "INTER"] }] })), { GPU: "NVIDIA-GRID-K1" }, []],
    ["Pod with multiple matchExpressions ANDed that doesn't match the existing node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "GPU", operator: "Exists" }, { key: "GPU", operator: "In", values: ["AMD", "INTER"] }] })), { GPU: "NVIDIA-GRID-K1" }, ERR],
    ["Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "foo", operator: "In", values: ["bar", "value2"] }] }, { matchExpressions: [{ key: "diffkey", operator: "In", values: ["wrong", "value2"] }] })), { foo: "bar" }, []],
    ["Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node", makePod().nodeSelector({ foo: "bar" }).requiredNodeAffinity(req({ matchExpressions: [{ key: "foo", operator: "Exists" }] })), { foo: "bar" }, []],
    ["Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node", makePod().nodeSelector({ foo: "bar" }).requiredNodeAffinity(req({ matchExpressions: [{ key: "foo", operator: "Exists" }] })), { foo: "barrrrrr" }, ERR],
    ["Pod with an invalid value in Affinity term won't be scheduled onto the node", makePod().requiredNodeAffinity(req({ matchExpressions: [{ key: "foo", operator: "NotIn", values: ["invalid value: ___@#$%^"] }] })), { foo: "bar" }, ERR],
    ["Pod with matchFields using In operator that matches the existing node", makePod().requiredNodeAffinity(req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node1"] }] })), {}, []],
    ["Pod with matchFields using In operator that does not match the existing node", makePod().requiredNodeAffinity(req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node2"] }] })), {}, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]],
    ["Pod with two terms: matchFields does not match, but matchExpressions matches", makePod().requiredNodeAffinity(req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node2"] }] }, { matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] })), { foo: "bar" }, []],
    ["Pod with one term: both matchFields and matchExpressions match", makePod().requiredNodeAffinity(req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node1"] }], matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] })), { foo: "bar" }, []],
    ["Pod with two terms: both matchFields and matchExpressions do not match", makePod().requiredNodeAffinity(req({ matchFields: [{ key: "metadata.name", operator: "In", values: ["node2"] }] }, { matchExpressions: [{ key: "foo", operator: "In", values: ["not-match-to-bar"] }] })), { foo: "bar" }, ERR],
  ];
  for (const [name, pod, labels, want] of cases) it(name, () => expect(reasonsOn(pod, makeNode("node1", labels))).to.deep.equal(want));

  it("TestNodeAffinityPriority: all nodes matches preferred scheduling requirements", () => {
    const snap = new NodeSnapshot([makeNode("node1", { foo: "bar" }), makeNode("node2", { foo: "bar", key: "value" }), makeNode("node3", { az: "az1", foo: "bar", key: "value" })]);
    const pod = makePod().preferredNodeAffinity(2, "foo", "In", ["bar"]).preferredNodeAffinity(4, "key", "In", ["value"]).preferredNodeAffinity(5, "az", "In", ["az1"]);
    const s = scoreNodes(pod.info(), snap, snap.nodes);
    // raw 2 / 6 / 11 -> 100*x/11
    expect(Object.fromEntries(s.get("NodeAffinity")!)).to.deep.equal({ node1: 18, node2: 54, node3: 100 });
  });
});
