/**
 * Candidate agents (Mesos' allocationCandidates): a cycle walks only the agents whose
 * situation changed, all of them after a framework- or role-wide change; filter expiries
 * make their agents candidates. Checked through the allocator's cycle counters, on the
 * injected clock and on real timers, and against full cycles on random event sequences.
 */
import { expect } from "chai";
import { Resources } from "../../src/mesos/resources.js";
import type { Resource } from "../../src/mesos/v1.js";
import { HierarchicalAllocator, type HierarchicalAllocatorOptions } from "../../src/resource-manager/allocator/hierarchical.js";
import type { Allocation } from "../../src/resource-manager/allocator/types.js";
import { frameworkInfo, harness, held, R, summarize, type Harness } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stats = (h: Harness) => (h.allocator as HierarchicalAllocator).stats;

/** n agents all offered to f1 in the first (full) cycle. */
function allHeldBy(n: number, opts: Parameters<typeof harness>[0] = {}): { h: Harness; first: Allocation } {
  const h = harness(opts);
  for (let i = 0; i < n; i++) h.agent(`s${i}`, "cpus:2;mem:1024");
  h.framework("f1", "r");
  const first = h.allocator.allocate();
  expect(first.get("f1")!.get("r")!.size).to.equal(n);
  return { h, first };
}

describe("allocator: candidate agents", () => {
  it("walks only the agent whose resources came back, while filtered agents wait", () => {
    const { h, first } = allHeldBy(50);
    expect(stats(h).lastWalked).to.equal(50);
    // f1 declines 49 agents for 100 s and keeps s0: they have available resources, filtered.
    for (let i = 1; i < 50; i++) h.allocator.recoverResources("f1", `s${i}`, held(first, "f1", "r", `s${i}`), { refuse_seconds: 100 });
    expect(h.cycle()).to.deep.equal({});
    expect(stats(h).lastWalked).to.equal(49); // the declined agents, once
    expect(h.cycle()).to.deep.equal({});
    expect(stats(h).lastWalked).to.equal(0); // nothing changed: the filtered agents are not walked
    h.allocator.recoverResources("f1", "s0", held(first, "f1", "r", "s0"));
    expect(h.cycle()).to.deep.equal({ f1: { r: { s0: "cpus:2; mem:1024" } } });
    expect(stats(h).lastWalked).to.equal(1);
    expect(stats(h).fullCycles).to.equal(1);
    h.allocator.stop();
  });

  it("a refuse filter's expiry makes its agent a candidate at expiry (injected clock)", () => {
    const { h, first } = allHeldBy(10);
    h.allocator.recoverResources("f1", "s3", held(first, "f1", "r", "s3"), { refuse_seconds: 10 });
    h.allocator.recoverResources("f1", "s4", held(first, "f1", "r", "s4"), { refuse_seconds: 20 });
    expect(h.cycle()).to.deep.equal({});
    expect(stats(h).lastWalked).to.equal(2);
    h.clock += 9_999;
    expect(h.cycle()).to.deep.equal({});
    expect(stats(h).lastWalked).to.equal(0);
    h.clock += 1;
    expect(h.cycle()).to.deep.equal({ f1: { r: { s3: "cpus:2; mem:1024" } } });
    expect(stats(h).lastWalked).to.equal(1);
    h.clock += 10_000;
    expect(h.cycle()).to.deep.equal({ f1: { r: { s4: "cpus:2; mem:1024" } } });
    expect(stats(h).lastWalked).to.equal(1);
    h.allocator.stop();
  });

  it("expiries of filters dropped early (agent removed) do not pile up, and live ones still fire", () => {
    const h = harness();
    h.agent("s1", "cpus:1;mem:512");
    h.framework("f1", "r");
    const first = h.allocator.allocate();
    h.allocator.recoverResources("f1", "s1", held(first, "f1", "r", "s1"), { refuse_seconds: 50 });
    // 3,000 agents come, are declined for an hour, and go: their filters go with them.
    for (let i = 0; i < 3000; i++) {
      h.agent(`t${i}`, "cpus:1;mem:512");
      const a = h.allocator.allocate();
      expect(Object.keys(summarize(a).f1!.r!)).to.deep.equal([`t${i}`]);
      h.allocator.recoverResources("f1", `t${i}`, held(a, "f1", "r", `t${i}`), { refuse_seconds: 3600 });
      h.allocator.removeAgent(`t${i}`);
    }
    const heap = (h.allocator as unknown as { expiries: { size: number } }).expiries;
    expect(heap.size).to.be.at.most(2048);
    h.clock += 50_000;
    expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:1; mem:512" } } });
    expect(stats(h).lastWalked).to.equal(1);
    h.allocator.stop();
  });

  it("the periodic tick runs only when something is due: recovered resources, an expired filter", async () => {
    const h = harness({ allocationIntervalMs: 20 }); // clock injected (h.clock), timers real
    for (let i = 0; i < 5; i++) h.agent(`s${i}`, "cpus:1;mem:512");
    h.framework("f1", "r");
    h.allocator.requestCycle();
    await sleep(10);
    expect(h.offers).to.have.length(1);
    const first = h.offers[0]!;
    const cycles = stats(h).cycles;
    await sleep(100); // five ticks with nothing to do
    expect(stats(h).cycles).to.equal(cycles);
    h.allocator.recoverResources("f1", "s2", held(first, "f1", "r", "s2"));
    await sleep(60);
    expect(h.offers).to.have.length(2);
    expect(summarize(h.offers[1]!)).to.deep.equal({ f1: { r: { s2: "cpus:1; mem:512" } } });
    expect(stats(h).lastWalked).to.equal(1);
    // A decline with a 1 s filter: one walk (filtered), then nothing until the clock passes it.
    h.allocator.recoverResources("f1", "s2", held(h.offers[1]!, "f1", "r", "s2"), { refuse_seconds: 1 });
    await sleep(60);
    const afterDecline = stats(h).cycles;
    await sleep(60);
    expect(stats(h).cycles).to.equal(afterDecline);
    expect(h.offers).to.have.length(2);
    h.clock += 1000;
    await sleep(60);
    expect(h.offers).to.have.length(3);
    expect(summarize(h.offers[2]!)).to.deep.equal({ f1: { r: { s2: "cpus:1; mem:512" } } });
    h.allocator.stop();
  });

  it("addFramework, revive, activateFramework, updateFramework, weights and quota make the next cycle full", () => {
    const { h, first } = allHeldBy(20);
    for (let i = 0; i < 20; i++) h.allocator.recoverResources("f1", `s${i}`, held(first, "f1", "r", `s${i}`), { refuse_seconds: 100 });
    h.cycle();
    h.cycle();
    expect(stats(h).lastWalked).to.equal(0);
    // A new framework: every agent is walked and offered to it.
    h.framework("f2", "r2");
    const got = h.allocator.allocate();
    expect(stats(h).lastWalked).to.equal(20);
    expect(got.get("f2")!.get("r2")!.size).to.equal(20);
    for (let i = 0; i < 20; i++) h.allocator.recoverResources("f2", `s${i}`, held(got, "f2", "r2", `s${i}`), { refuse_seconds: 100 });
    h.cycle();
    h.cycle();
    expect(stats(h).lastWalked).to.equal(0);
    // Revive clears f1's filters: everything goes back to f1.
    h.allocator.reviveOffers("f1", []);
    const revived = h.allocator.allocate();
    expect(stats(h).lastWalked).to.equal(20);
    expect(revived.get("f1")!.get("r")!.size).to.equal(20);
    const full = () => {
      const before = stats(h).fullCycles;
      h.cycle();
      return stats(h).fullCycles - before;
    };
    expect(full()).to.equal(0);
    h.allocator.deactivateFramework("f2");
    expect(full()).to.equal(0);
    h.allocator.activateFramework("f2");
    expect(full()).to.equal(1);
    h.allocator.updateFramework("f2", frameworkInfo("f2", "r2"));
    expect(full()).to.equal(1);
    h.allocator.updateWeights({ r2: 2 });
    expect(full()).to.equal(1);
    // While a quota exists every cycle is full; removing it makes one more.
    h.allocator.updateQuota("r2", { limits: { cpus: 100 } });
    expect(full()).to.equal(1);
    expect(full()).to.equal(1);
    h.allocator.updateQuota("r2", {});
    expect(full()).to.equal(1);
    expect(full()).to.equal(0);
    h.allocator.stop();
  });

  it("agent events make only that agent a candidate: add, update, activate, removeFramework's agents", () => {
    const { h } = allHeldBy(10);
    h.agent("s10", "cpus:1;mem:64");
    expect(h.cycle()).to.deep.equal({ f1: { r: { s10: "cpus:1; mem:64" } } });
    expect(stats(h).lastWalked).to.equal(1);
    h.allocator.updateAgent("s10", { hostname: "s10", resources: R("cpus:2;mem:128") }, R("cpus:2;mem:128"));
    expect(h.cycle()).to.deep.equal({ f1: { r: { s10: "cpus:1; mem:64" } } });
    expect(stats(h).lastWalked).to.equal(1);
    h.allocator.deactivateAgent("s10");
    h.allocator.recoverResources("f1", "s10", Resources.parse("cpus:2;mem:128").allocate("r").toJSON());
    expect(h.cycle()).to.deep.equal({});
    h.allocator.activateAgent("s10");
    expect(h.cycle()).to.deep.equal({ f1: { r: { s10: "cpus:2; mem:128" } } });
    expect(stats(h).lastWalked).to.equal(1);
    // f2 arrives (a full cycle, nothing free); f1 goes away: only its agents are walked, f2 gets them.
    h.framework("f2", "r");
    expect(h.cycle()).to.deep.equal({});
    h.allocator.removeFramework("f1");
    const got = h.allocator.allocate();
    expect(stats(h).lastWalked).to.equal(11);
    expect(got.get("f2")!.get("r")!.size).to.equal(11);
    h.allocator.stop();
  });

  describe("same offers as full cycles (random event sequences, same seeds)", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      it(`seed ${seed}`, () => equivalence(seed, 400));
    }
  });
});

/** Deterministic LCG in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/**
 * Drive an incremental allocator and a full-cycle one with the same events (each with its
 * own copy of the same shuffle seed) and require the same allocation from every cycle.
 */
function equivalence(seed: number, steps: number): void {
  let clock = 1_000_000;
  const mk = (incremental: boolean) => {
    const opts: HierarchicalAllocatorOptions = { incremental, allocationIntervalMs: 1000, offer: () => {}, now: () => clock, random: lcg(seed * 7919) };
    return new HierarchicalAllocator(opts);
  };
  const inc = mk(true);
  const ref = mk(false);
  const log: string[] = [];
  // Every call on the allocators, for the failure message.
  const logged = new Proxy(inc, {
    get: (t, k) => {
      const v = Reflect.get(t, k) as unknown;
      if (typeof v !== "function") return v;
      return (...args: unknown[]) => {
        log.push(`@${clock} ${String(k)} ${JSON.stringify(args, (_k, x: unknown) => (x instanceof Map ? [...x] : x))}`);
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
  const both = (f: (a: HierarchicalAllocator) => void) => {
    f(logged);
    f(ref);
  };
  const rnd = lcg(seed);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length ? list[Math.floor(rnd() * list.length)] : undefined);
  const ROLES = ["a", "b", "c/d", "c"];
  const SHAPES = ["cpus:4;mem:4096", "cpus:1;mem:512", "cpus:2;mem:64;disk:100", "cpus(a):1;mem(a):256;cpus:2;mem:1024", "cpus(c):2;mem(c):512", "mem:32", "cpus:0.5"];
  const agents = new Set<string>();
  const frameworks = new Map<string, { roles: string[]; active: boolean }>();
  /** fw|role|agent -> held resources (allocation_info set). */
  const heldBy = new Map<string, Resource[]>();
  let nextAgent = 0;
  let nextFw = 0;
  const info = (id: string, roles: string[], minCpus?: number) =>
    frameworkInfo(id, roles, minCpus === undefined ? {} : { offer_filters: Object.fromEntries(roles.map((r) => [r, { min_allocatable_resources: { quantities: [{ quantities: { cpus: minCpus } }] } }])) });
  let walkedInc = 0;
  let walkedRef = 0;
  for (let step = 0; step < steps; step++) {
    if (step === Math.floor((2 * steps) / 3)) for (const role of ROLES) both((a) => a.updateQuota(role, {}));
    const x = rnd();
    if (x < 0.08 || agents.size < 3) {
      const id = `s${nextAgent++}`;
      const res = R(pick(SHAPES)!);
      both((a) => a.addAgent(id, { hostname: id, resources: res }, res, new Map()));
      agents.add(id);
    } else if (x < 0.11 || frameworks.size < 2) {
      const id = `f${nextFw++}`;
      const roles = [pick(ROLES)!, ...(rnd() < 0.3 ? [pick(ROLES)!] : [])].filter((r, i, l) => l.indexOf(r) === i);
      const active = rnd() < 0.9;
      const fi = info(id, roles, rnd() < 0.2 ? 1 : undefined);
      both((a) => a.addFramework(id, fi, new Map(), active));
      frameworks.set(id, { roles, active });
    } else if (x < 0.45) {
      // Give back something held, with or without a filter of various lengths.
      const key = pick([...heldBy.keys()]);
      if (key) {
        const [fw, , agent] = key.split("|") as [string, string, string];
        const res = heldBy.get(key)!;
        heldBy.delete(key);
        const r = rnd();
        const filters = r < 0.3 ? undefined : r < 0.5 ? {} : { refuse_seconds: pick([0, 0.5, 1, 3, 30])! };
        both((a) => a.recoverResources(fw, agent, res, filters));
      }
    } else if (x < 0.55) {
      clock += Math.floor(rnd() * 4000);
    } else if (x < 0.565) {
      const fw = pick([...frameworks.keys()]);
      if (fw) both((a) => a.reviveOffers(fw, []));
    } else if (x < 0.59) {
      const fw = pick([...frameworks.keys()]);
      if (fw) both((a) => a.suppressOffers(fw, []));
    } else if (x < 0.605) {
      const fw = pick([...frameworks.keys()]);
      if (fw) {
        const f = frameworks.get(fw)!;
        f.active = !f.active;
        both((a) => (f.active ? a.activateFramework(fw) : a.deactivateFramework(fw)));
      }
    } else if (x < 0.635) {
      const agent = pick([...agents]);
      const off = rnd() < 0.5;
      if (agent) both((a) => (off ? a.deactivateAgent(agent) : a.activateAgent(agent)));
    } else if (x < 0.655) {
      const agent = pick([...agents]);
      if (agent) {
        agents.delete(agent);
        for (const k of [...heldBy.keys()]) if (k.endsWith(`|${agent}`)) heldBy.delete(k);
        both((a) => a.removeAgent(agent));
      }
    } else if (x < 0.665) {
      const fw = pick([...frameworks.keys()]);
      if (fw) {
        frameworks.delete(fw);
        for (const k of [...heldBy.keys()]) if (k.startsWith(`${fw}|`)) heldBy.delete(k);
        both((a) => a.removeFramework(fw));
      }
    } else if (x < 0.675) {
      const fw = pick([...frameworks.keys()]);
      if (fw) {
        const f = frameworks.get(fw)!;
        f.roles = [...new Set([...f.roles, pick(ROLES)!])];
        const fi = info(fw, f.roles, rnd() < 0.2 ? 0.5 : undefined);
        both((a) => a.updateFramework(fw, fi));
      }
    } else if (x < 0.68) {
      const w = { [pick(ROLES)!]: 1 + Math.floor(rnd() * 3) };
      both((a) => a.updateWeights(w));
    } else if (x < 0.69) {
      // Quotas (full cycles while any exists) in the middle third only; cleared after it.
      if (step < steps / 3 || step >= (2 * steps) / 3) continue;
      const role = pick(ROLES)!;
      const q = rnd() < 0.5 ? {} : rnd() < 0.5 ? { limits: { cpus: 3 } } : { guarantees: { cpus: 2 } };
      both((a) => a.updateQuota(role, q));
    } else if (x < 0.71) {
      // A reservation made on held resources (updateAllocation RESERVE), kept held.
      const key = pick([...heldBy.keys()]);
      if (key) {
        const [fw, role, agent] = key.split("|") as [string, string, string];
        const res = heldBy.get(key)!;
        const plain = Resources.from(res).unallocate();
        const one = Resources.parse("cpus:1");
        if (plain.unreserved().contains(one)) {
          const reserve = one.pushReservation({ type: "DYNAMIC", role, principal: "p" }).allocate(role).toJSON();
          both((a) => a.updateAllocation(fw, agent, res, [{ type: "RESERVE", reserve: { resources: reserve } }]));
          heldBy.set(key, plain.subtract(one).add(Resources.from(reserve).unallocate()).allocate(role).toJSON());
        }
      }
    } else if (x < 0.73) {
      const agent = pick([...agents]);
      if (agent) {
        // Grow the agent (what is held stays within the new total).
        const base = R(pick(SHAPES)!);
        let total = Resources.from(base);
        for (const [k, r] of heldBy) if (k.endsWith(`|${agent}`)) total = total.add(Resources.from(r).unallocate());
        const list = total.toJSON();
        both((a) => a.updateAgent(agent, { hostname: agent, resources: list }, list));
      }
    } else {
      const got = inc.allocate();
      const want = ref.allocate();
      walkedInc += inc.stats.lastWalked;
      walkedRef += ref.stats.lastWalked;
      log.push(`cycle: walked ${inc.stats.lastWalked} -> ${JSON.stringify(summarize(got))}`);
      expect(summarize(got), `step ${step}; events:\n${(process.env.EQ_LOG ? log : log.slice(-40)).join("\n")}\n`).to.deep.equal(summarize(want));
      for (const [fw, byRole] of got)
        for (const [role, byAgent] of byRole)
          for (const [agent, res] of byAgent) {
            const k = `${fw}|${role}|${agent}`;
            heldBy.set(k, heldBy.has(k) ? Resources.from(heldBy.get(k)!).add(Resources.from(res)).toJSON() : res);
          }
    }
  }
  expect(inc.roles()).to.deep.equal(ref.roles());
  // The comparison is not vacuous: cycles did hand things out, and the incremental one walked less.
  expect(walkedInc, process.env.EQ_LOG ? log.join("\n") : "").to.be.lessThan(walkedRef);
  expect(heldBy.size).to.be.greaterThan(0);
  inc.stop();
  ref.stop();
}
