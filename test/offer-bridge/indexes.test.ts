/** The framework's indexes (held offers, tasks, maybe-pending pods) and the cycle's time slices. */
import { expect } from "chai";
import { HeldOffers, TaskTable } from "../../src/offer-bridge/indexes.js";
import { PendingPods } from "../../src/offer-bridge/pending.js";
import { Slices } from "../../src/util/slices.js";
import type { Offer } from "../../src/mesos/v1.js";
import type { Pod } from "../../src/offer-bridge/types.js";

const offer = (id: string, agent: string): Offer => ({ id: { value: id }, agent_id: { value: agent }, framework_id: { value: "f" }, hostname: agent, resources: [] }) as unknown as Offer;

describe("offer-bridge: indexes", () => {
  it("HeldOffers: by agent in arrival order, and gone from both views on delete and clear", () => {
    const h = new HeldOffers();
    h.set(offer("o1", "a"));
    h.set(offer("o2", "b"));
    h.set(offer("o3", "a"));
    expect([...h.ofAgent("a")].map((o) => o.id.value)).to.deep.equal(["o1", "o3"]);
    expect([...h.values()].map((o) => o.id.value)).to.deep.equal(["o1", "o2", "o3"]);
    h.delete("o1");
    expect([...h.ofAgent("a")].map((o) => o.id.value)).to.deep.equal(["o3"]);
    expect(h.size).to.equal(2);
    h.clear();
    expect([...h.ofAgent("b")]).to.deep.equal([]);
    expect(h.size).to.equal(0);
  });

  it("TaskTable: a replaced record keeps its place; a task that moves agent leaves the old agent's list", () => {
    const t = new TaskTable<{ taskId: string; agentId: string; podUid: string; state: string }>();
    t.set({ taskId: "t1", agentId: "a", podUid: "p", state: "STAGING" });
    t.set({ taskId: "t2", agentId: "a", podUid: "p", state: "STAGING" });
    t.set({ taskId: "t3", agentId: "b", podUid: "q", state: "STAGING" });
    t.set({ taskId: "t1", agentId: "a", podUid: "p", state: "RUNNING" });
    expect(t.ofPod("p").map((x) => `${x.taskId}:${x.state}`)).to.deep.equal(["t1:RUNNING", "t2:STAGING"]);
    t.set({ taskId: "t2", agentId: "b", podUid: "p", state: "RUNNING" });
    expect(t.onAgent("a").map((x) => x.taskId)).to.deep.equal(["t1"]);
    expect(t.onAgent("b").map((x) => x.taskId)).to.deep.equal(["t3", "t2"]);
    for (const x of t.ofPod("p")) t.delete(x.taskId);
    expect(t.hasPod("p")).to.equal(false);
    expect(t.onAgent("a")).to.deep.equal([]);
    expect([...t.values()].map((x) => x.taskId)).to.deep.equal(["t3"]);
  });

  it("TaskTable: what each agent's tasks use, kept as records are set, replaced and deleted, equals the sum over its tasks", () => {
    type Rec = { taskId: string; agentId: string; podUid: string; state: string; cpus: number; mem: number };
    const weigh = (r: Rec) => (r.state === "FINISHED" ? undefined : { cpus: r.cpus, mem: r.mem, disk: 0 });
    const t = new TaskTable<Rec>(weigh);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const agents = ["a", "b", "c"];
    for (let step = 0; step < 3000; step++) {
      const id = `t${rand(40)}`;
      if (rand(5) === 0) t.delete(id);
      else t.set({ taskId: id, agentId: agents[rand(3)]!, podUid: `p${rand(10)}`, state: rand(4) === 0 ? "FINISHED" : "RUNNING", cpus: [0.1, 0.25, 1, 0.3][rand(4)]!, mem: [500, 128.5, 64][rand(3)]! });
      for (const a of agents) {
        const want = { cpus: 0, mem: 0 };
        for (const r of t.onAgent(a)) {
          const w = weigh(r);
          want.cpus += w?.cpus ?? 0;
          want.mem += w?.mem ?? 0;
        }
        const got = t.usedOn(a);
        expect(got.cpus, `cpus on ${a} at step ${step}`).to.be.closeTo(want.cpus, 1e-9);
        expect(got.mem, `mem on ${a} at step ${step}`).to.be.closeTo(want.mem, 1e-9);
      }
    }
    for (const r of [...t.values()]) t.delete(r.taskId);
    for (const a of agents) expect(t.usedOn(a)).to.deep.equal({ cpus: 0, mem: 0, disk: 0 });
  });

  it("PendingPods: reads use the full predicate, keep the pod list's order for bound pods, and a noted pod comes back", () => {
    const pods = new Map<string, Pod>();
    const launched = new Set<string>();
    const knownNodes = new Set(["n1"]);
    const pod = (name: string, nodeName?: string, phase = "Pending"): Pod => ({ metadata: { name, namespace: "d", uid: name }, spec: { containers: [], ...(nodeName ? { nodeName } : {}) }, status: { phase } }) as Pod;
    const mayBe = (p: Pod) => !launched.has(p.metadata!.uid!) && p.status?.phase === "Pending";
    const set = new PendingPods({ pod: (k) => pods.get(k), mayBePending: mayBe, isPending: (p) => mayBe(p) && (!p.spec?.nodeName || knownNodes.has(p.spec.nodeName)) });
    const add = (p: Pod) => {
      pods.set(`d/${p.metadata!.name}`, p);
      set.note(`d/${p.metadata!.name}`, p);
    };
    expect(set.any()).to.equal(false);
    add(pod("b1", "n1"));
    add(pod("u1"));
    add(pod("b2", "n2")); // bound to a node not known yet
    add(pod("b0", "n1"));
    expect(set.bound().map((p) => p.metadata?.name)).to.deep.equal(["b1", "b0"]);
    knownNodes.add("n2"); // a node appearing changes nothing in the set, only the predicate's answer
    expect(set.bound().map((p) => p.metadata?.name)).to.deep.equal(["b1", "b2", "b0"]);
    launched.add("b1");
    expect(set.bound().map((p) => p.metadata?.name)).to.deep.equal(["b2", "b0"]);
    // Its launch forgotten: noted again, it is pending again in its first place.
    launched.delete("b1");
    set.note("d/b1", pods.get("d/b1")!);
    expect(set.bound().map((p) => p.metadata?.name)).to.deep.equal(["b1", "b2", "b0"]);
    add(pod("u1", undefined, "Running"));
    for (const k of ["d/b1", "d/b2", "d/b0"]) {
      pods.delete(k);
      set.forget(k);
    }
    expect(set.any()).to.equal(false);
    add(pod("u2"));
    expect(set.any()).to.equal(true);
  });

  it("Slices: due once the budget is spent, and a new slice after next()", async () => {
    const s = new Slices(50);
    expect(s.due()).to.equal(false);
    const until = Date.now() + 60;
    while (Date.now() < until) {
      /* spend the slice */
    }
    expect(s.due()).to.equal(true);
    await s.next();
    expect(s.due()).to.equal(false);
  });
});
