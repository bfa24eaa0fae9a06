/**
 * NodeResourcesFit: cases ported from pkg/scheduler/framework/plugins/noderesources/
 * fit_test.go (TestEnoughRequests, TestNotEnoughRequests), least_allocated_test.go and
 * balanced_allocation_test.go; computePodResourceRequest cases with sidecars from fit.go's doc.
 */
import { expect } from "chai";
import { filterNode, NodeSnapshot, scoreNodes } from "../../../src/offer-bridge/scheduling/index.js";
import { makePod, type PodBuilder } from "./helpers.js";

const EXT_A = "example.com/aaa";
const EXT_B = "example.com/bbb";
const K8S_A = "kubernetes.io/something";
const HUGE_A = "hugepages-2Mi";

/** newResourcePod: one container per usage. */
function resPod(...usage: Record<string, number>[]): PodBuilder {
  const b = makePod().name("p");
  for (const u of usage) b.req(toReq(u));
  return b;
}
function toReq(u: Record<string, number>): Record<string, string> {
  const r: Record<string, string> = {};
  for (const [k, v] of Object.entries(u)) r[k] = k === "cpu" ? `${v}m` : String(v);
  return r;
}

// makeAllocatableResources(10, 20, 32, 5, 20, 5)
const ALLOC = { cpu: "10m", memory: "20", pods: "32", [EXT_A]: "5", "ephemeral-storage": "20", [HUGE_A]: "5" };

function check(pod: PodBuilder, existing: Record<string, number>, want: null | { code: number; reasons: string[] }) {
  const snap = new NodeSnapshot([{ name: "n", allocatable: ALLOC }]);
  snap.assume(resPod(existing).name("existing").info(), "n");
  const st = filterNode(pod.info(), snap, snap.node("n")!);
  if (want === null) expect(st).to.equal(null);
  else expect({ code: st?.code, reasons: st?.reasons }).to.deep.equal(want);
}
const U = 2; // Unschedulable
const UU = 3; // UnschedulableAndUnresolvable

describe("scheduling: NodeResourcesFit filter (fit_test.go TestEnoughRequests)", () => {
  const cases: [string, PodBuilder, Record<string, number>, null | { code: number; reasons: string[] }][] = [
    ["no resources requested always fits", makePod().name("p"), { cpu: 10, memory: 20 }, null],
    ["too many resources fails", resPod({ cpu: 1, memory: 1 }), { cpu: 10, memory: 20 }, { code: U, reasons: ["Insufficient cpu", "Insufficient memory"] }],
    ["too many resources fails due to init container cpu", resPod({ cpu: 1, memory: 1 }).initReq(toReq({ cpu: 3, memory: 1 })), { cpu: 8, memory: 19 }, { code: U, reasons: ["Insufficient cpu"] }],
    ["too many resources fails due to highest init container cpu", resPod({ cpu: 1, memory: 1 }).initReq(toReq({ cpu: 3, memory: 1 })).initReq(toReq({ cpu: 2, memory: 1 })), { cpu: 8, memory: 19 }, { code: U, reasons: ["Insufficient cpu"] }],
    ["too many resources fails due to init container memory", resPod({ cpu: 1, memory: 1 }).initReq(toReq({ cpu: 1, memory: 3 })), { cpu: 9, memory: 19 }, { code: U, reasons: ["Insufficient memory"] }],
    ["init container fits because it's the max, not sum, of containers and init containers", resPod({ cpu: 1, memory: 1 }).initReq(toReq({ cpu: 1, memory: 1 })), { cpu: 9, memory: 19 }, null],
    ["multiple init containers fit because it's the max, not sum", resPod({ cpu: 1, memory: 1 }).initReq(toReq({ cpu: 1, memory: 1 })).initReq(toReq({ cpu: 1, memory: 1 })), { cpu: 9, memory: 19 }, null],
    ["both resources fit", resPod({ cpu: 1, memory: 1 }), { cpu: 5, memory: 5 }, null],
    ["one resource memory fits", resPod({ cpu: 2, memory: 1 }), { cpu: 9, memory: 5 }, { code: U, reasons: ["Insufficient cpu"] }],
    ["one resource cpu fits", resPod({ cpu: 1, memory: 2 }), { cpu: 5, memory: 19 }, { code: U, reasons: ["Insufficient memory"] }],
    ["equal edge case", resPod({ cpu: 5, memory: 1 }), { cpu: 5, memory: 19 }, null],
    ["equal edge case for init container", resPod({ cpu: 4, memory: 1 }).initReq(toReq({ cpu: 5, memory: 1 })), { cpu: 5, memory: 19 }, null],
    ["extended resource fits", resPod({ [EXT_A]: 1 }), {}, null],
    ["extended resource capacity enforced", resPod({ cpu: 1, memory: 1, [EXT_A]: 10 }), { [EXT_A]: 0 }, { code: UU, reasons: [`Insufficient ${EXT_A}`] }],
    ["extended resource allocatable enforced", resPod({ cpu: 1, memory: 1, [EXT_A]: 1 }), { [EXT_A]: 5 }, { code: U, reasons: [`Insufficient ${EXT_A}`] }],
    ["extended resource allocatable enforced for multiple containers", resPod({ cpu: 1, memory: 1, [EXT_A]: 3 }, { cpu: 1, memory: 1, [EXT_A]: 3 }), { [EXT_A]: 2 }, { code: UU, reasons: [`Insufficient ${EXT_A}`] }],
    ["extended resource allocatable admits multiple init containers", makePod().name("p").initReq(toReq({ cpu: 1, memory: 1, [EXT_A]: 3 })).initReq(toReq({ cpu: 1, memory: 1, [EXT_A]: 3 })), { [EXT_A]: 2 }, null],
    ["extended resource allocatable enforced for multiple init containers", makePod().name("p").initReq(toReq({ cpu: 1, memory: 1, [EXT_A]: 6 })).initReq(toReq({ cpu: 1, memory: 1, [EXT_A]: 3 })), { [EXT_A]: 2 }, { code: UU, reasons: [`Insufficient ${EXT_A}`] }],
    ["extended resource allocatable enforced for unknown resource", resPod({ cpu: 1, memory: 1, [EXT_B]: 1 }), {}, { code: UU, reasons: [`Insufficient ${EXT_B}`] }],
    ["kubernetes.io resource capacity enforced", resPod({ cpu: 1, memory: 1, [K8S_A]: 10 }), {}, { code: UU, reasons: [`Insufficient ${K8S_A}`] }],
    ["hugepages resource capacity enforced", resPod({ cpu: 1, memory: 1, [HUGE_A]: 10 }), { [HUGE_A]: 0 }, { code: UU, reasons: [`Insufficient ${HUGE_A}`] }],
    ["hugepages resource allocatable enforced for multiple containers", resPod({ cpu: 1, memory: 1, [HUGE_A]: 3 }, { cpu: 1, memory: 1, [HUGE_A]: 3 }), { [HUGE_A]: 2 }, { code: UU, reasons: [`Insufficient ${HUGE_A}`] }],
    ["resources + pod overhead fits", resPod({ cpu: 1, memory: 1 }).overhead({ cpu: "3m", memory: "13" }), { cpu: 5, memory: 5 }, null],
    ["requests + overhead does not fit for memory", resPod({ cpu: 1, memory: 1 }).overhead({ cpu: "1m", memory: "15" }), { cpu: 5, memory: 5 }, { code: U, reasons: ["Insufficient memory"] }],
    ["skip checking ignored extended resource via resource groups? (not configured): enforced", resPod({ cpu: 1, memory: 1, "example.com/ccc": 1 }), {}, { code: UU, reasons: ["Insufficient example.com/ccc"] }],
    ["ephemeral storage", resPod({ "ephemeral-storage": 25 }), { "ephemeral-storage": 10 }, { code: UU, reasons: ["Insufficient ephemeral-storage"] }],
    ["ephemeral local storage request does not exceed allocatable", resPod({ "ephemeral-storage": 10 }), { "ephemeral-storage": 10 }, null],
  ];
  for (const [name, pod, existing, want] of cases) it(name, () => check(pod, existing, want));

  it("too many pods (TestNotEnoughRequests)", () => {
    const snap = new NodeSnapshot([{ name: "n", allocatable: { cpu: "10m", memory: "20", pods: "1" } }]);
    snap.assume(resPod({ cpu: 10, memory: 20 }).name("existing").info(), "n");
    const st = filterNode(makePod().name("p").info(), snap, snap.node("n")!);
    expect(st?.reasons).to.deep.equal(["Too many pods"]);
    const st2 = filterNode(resPod({ cpu: 1, memory: 1 }).info(), snap, snap.node("n")!);
    expect(st2?.reasons).to.deep.equal(["Too many pods", "Insufficient cpu", "Insufficient memory"]);
  });
});

describe("scheduling: pod requests (computePodResourceRequest, sidecars)", () => {
  it("max(sum of containers, max init) + overhead, with restartable init containers", () => {
    // fit.go doc example: sidecar I1(1cpu) then init I2(2cpu), containers C1(2), C2(1) -> 4 cpu
    const p = makePod().initReq({ cpu: "1" }, true).initReq({ cpu: "2" }).req({ cpu: "2" }).req({ cpu: "1" }).info();
    expect(p.requests.milliCPU).to.equal(4000);
    const q = makePod().initReq({ cpu: "1" }, true).initReq({ cpu: "5" }).req({ cpu: "1" }).info();
    expect(q.requests.milliCPU).to.equal(6000); // init 5 + sidecar 1 running beside it
    const o = makePod().req({ cpu: "100m", memory: "1Gi" }).overhead({ cpu: "10m", memory: "1Mi" }).info();
    expect([o.requests.milliCPU, o.requests.memory]).to.deep.equal([110, 2 ** 30 + 2 ** 20]);
  });
  it("rounds fractional quantities up like MilliValue/Value", () => {
    const p = makePod().req({ cpu: "0.0001", memory: "1.5" }).info();
    expect([p.requests.milliCPU, p.requests.memory]).to.deep.equal([1, 2]);
  });
  it("non-zero requests default missing cpu/memory to 100m/200Mi (scoring only)", () => {
    const p = makePod().req({}).req({ cpu: "1" }).info();
    expect([p.requests.milliCPU, p.requests.memory]).to.deep.equal([1000, 0]);
    expect([p.nonZeroMilliCPU, p.nonZeroMemory]).to.deep.equal([1100, 2 * 200 * 1024 * 1024]);
  });
});

describe("scheduling: resource scoring (least_allocated_test.go, balanced_allocation_test.go)", () => {
  const nodes = [
    { name: "node1", allocatable: { cpu: "4000m", memory: "10000", pods: "110" } },
    { name: "node2", allocatable: { cpu: "6000m", memory: "10000", pods: "110" } },
  ];
  const pod = () => makePod().req({ cpu: "1000m", memory: "2000" }).req({ cpu: "2000m", memory: "3000" });
  it("nothing scheduled, resources requested, differently sized nodes", () => {
    const snap = new NodeSnapshot(nodes);
    const s = scoreNodes(pod().info(), snap, snap.nodes);
    expect(Object.fromEntries(s.get("NodeResourcesFit")!)).to.deep.equal({ node1: 37, node2: 50 });
    expect(Object.fromEntries(s.get("NodeResourcesBalancedAllocation")!)).to.deep.equal({ node1: 87, node2: 100 });
  });
  it("nothing scheduled, nothing requested: LeastAllocated uses the non-zero defaults", () => {
    const snap = new NodeSnapshot([
      { name: "node1", allocatable: { cpu: "4000m", memory: "10000", pods: "110" } },
      { name: "node2", allocatable: { cpu: "4000m", memory: "10000", pods: "110" } },
    ]);
    const s = scoreNodes(makePod().req({}).info(), snap, snap.nodes);
    // cpu (4000-100)*100/4000 = 97, memory 200Mi > 10000 -> 0: (97+0)/2 = 48
    expect(Object.fromEntries(s.get("NodeResourcesFit")!)).to.deep.equal({ node1: 48, node2: 48 });
    // Best-effort pods skip BalancedAllocation.
    expect(Object.fromEntries(s.get("NodeResourcesBalancedAllocation")!)).to.deep.equal({ node1: 0, node2: 0 });
  });
  it("resources requested, pods scheduled with resources", () => {
    const snap = new NodeSnapshot([
      { name: "node1", allocatable: { cpu: "10000m", memory: "20000", pods: "110" } },
      { name: "node2", allocatable: { cpu: "10000m", memory: "50000", pods: "110" } },
    ]);
    snap.assume(makePod().name("a").req({ cpu: "3000m", memory: "0" }).info(), "node1");
    snap.assume(makePod().name("b").req({ cpu: "3000m", memory: "5000" }).info(), "node2");
    const s = scoreNodes(makePod().req({ cpu: "3000m", memory: "5000" }).info(), snap, snap.nodes);
    // node1: cpu (10000-6000)/10000 = 40, mem (20000-5000)/20000 = 75 -> 57; node2: 40, 80 -> 60
    expect(Object.fromEntries(s.get("NodeResourcesFit")!)).to.deep.equal({ node1: 57, node2: 60 });
  });
});
