/**
 * decide() with `candidates` (the Filter walk over nodes with offers at hand only) against
 * the walk over every node with the offer filter last: the same decision, the same
 * FitError message and the same round-robin start afterwards, on random clusters.
 */
import { expect } from "chai";
import { decide, offeredNodes, take, type Free, type Needs } from "../../../src/offer-bridge/placement.js";
import { NodeSnapshot, type NodeSpec } from "../../../src/offer-bridge/scheduling/index.js";
import { makePod } from "./helpers.js";
import { rng } from "../../support/rng.js";


function cluster(r: () => number, n: number, offeredShare: number): { specs: NodeSpec[]; offered: Map<string, Free> } {
  const specs: NodeSpec[] = [];
  const offered = new Map<string, Free>();
  for (let i = 0; i < n; i++) {
    const name = `n${String(i).padStart(4, "0")}`;
    const zone = `z${i % 3}`;
    const tainted = r() < 0.1;
    specs.push({
      name,
      labels: { zone, disk: r() < 0.5 ? "ssd" : "hdd" },
      allocatable: { cpu: String(1 + Math.floor(r() * 4)), memory: "4Gi", pods: "110" },
      ...(tainted ? { taints: [{ key: "dedicated", value: "x", effect: "NoSchedule" }] } : {}),
      ...(r() < 0.05 ? { unschedulable: true } : {}),
    });
    // Some nodes have no offer at hand; some have less offered than their allocatable.
    const u = r() / offeredShare;
    if (u < 1) offered.set(name, { cpus: u < 0.15 ? 0.2 : 4, mem: u < 0.08 ? 64 : 4096, disk: 1024, ports: [] });
  }
  return { specs, offered };
}

describe("placement: the Filter walk over offered nodes only", () => {
  it("gives the same decisions, messages and round-robin start as the walk over every node", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const nodes = [3, 40, 150, 400][seed % 4]!;
      // Few nodes offered (walks that find fewer than numFeasibleNodesToFind), or most (walks that stop early).
      const { specs, offered } = cluster(r, nodes, seed % 3 === 0 ? 0.3 : 0.9);
      const a = new NodeSnapshot(specs);
      const b = new NodeSnapshot(specs);
      const offA = new Map([...offered].map(([k, v]) => [k, { ...v }]));
      const offB = new Map([...offered].map(([k, v]) => [k, { ...v }]));
      const cands = offeredNodes(b, offB);
      for (let i = 0; i < 120; i++) {
        const cpu = [0.1, 0.5, 1, 3, 8][Math.floor(r() * 5)]!;
        const pb = makePod().name(`p${i}`).req({ cpu: `${Math.round(cpu * 1000)}m`, memory: "100Mi" });
        const k = r();
        if (k < 0.1) pb.nodeSelector({ disk: "ssd" });
        else if (k < 0.15) pb.toleration("dedicated", "Equal", "x", "NoSchedule");
        else if (k < 0.18) pb.nodeSelector({ disk: "none" });
        const info = pb.info();
        const needs: Needs = { cpus: cpu, mem: 100, disk: 0 };
        const seedTie = r();
        const da = decide(info, needs, a, offA, { rng: () => seedTie });
        const db = decide(info, needs, b, offB, { rng: () => seedTie }, cands);
        expect(db, `seed ${seed} pod ${i}`).to.deep.equal(da);
        expect(b.nextStartNodeIndex, `seed ${seed} pod ${i} start`).to.equal(a.nextStartNodeIndex);
        if ("node" in da) {
          take(offA.get(da.node)!, needs);
          take(offB.get(da.node)!, needs);
          const placed = makePod().name(`p${i}`).req({ cpu: `${Math.round(cpu * 1000)}m`, memory: "100Mi" });
          a.assume(placed.info(), da.node);
          b.assume(placed.info(), da.node);
        }
      }
    }
  });

  it("keeps kube-scheduler's wording when no node fits by its accounting", () => {
    const specs: NodeSpec[] = ["n1", "n2", "n3"].map((name) => ({ name, allocatable: { cpu: "1", memory: "1Gi", pods: "110" } }));
    const snap = new NodeSnapshot(specs);
    const offered = new Map<string, Free>([["n2", { cpus: 1, mem: 1024, disk: 0, ports: [] }]]);
    const d = decide(makePod().name("p").req({ cpu: "2" }).info(), { cpus: 2, mem: 0, disk: 0 }, snap, offered, {}, offeredNodes(snap, offered));
    expect(d).to.deep.equal({ unschedulable: true, message: "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling." });
    // Fits by kube-scheduler's accounting on a node without an offer: wait quietly.
    expect(decide(makePod().name("q").req({ cpu: "500m" }).info(), { cpus: 0.5, mem: 0, disk: 0 }, snap, new Map(), {}, [])).to.deep.equal({ wait: true });
  });
});
