/**
 * DRF ordering: cases ported from Mesos' src/tests/hierarchical_allocator_tests.cpp
 * (UnreservedDRF, NestedRoleDRF, UpdateWeight in spirit) and the DRF paper's example.
 */
import { expect } from "chai";
import { Resources } from "../../src/mesos/resources.js";
import { harness, held, R } from "./helpers.js";

describe("allocator: DRF", () => {
  it("UnreservedDRF (hierarchical_allocator_tests.cpp)", () => {
    const h = harness();
    h.agent("s1", "cpus:2;mem:1024");
    h.framework("f1", "role1");
    expect(h.cycle()).to.deep.equal({ f1: { role1: { s1: "cpus:2; mem:1024" } } });
    h.framework("f2", "role2");
    h.agent("s2", "cpus:1;mem:512");
    expect(h.cycle()).to.deep.equal({ f2: { role2: { s2: "cpus:1; mem:512" } } });
    h.agent("s3", "cpus:3;mem:2048");
    expect(h.cycle()).to.deep.equal({ f2: { role2: { s3: "cpus:3; mem:2048" } } });
    h.framework("f3", "role1");
    h.agent("s4", "cpus:4;mem:4096");
    expect(h.cycle()).to.deep.equal({ f3: { role1: { s4: "cpus:4; mem:4096" } } });
    h.framework("f4", "role1");
    h.agent("s5", "cpus:1;mem:512");
    // role2 has the lower share, so f2 gets s5 even though f4 holds nothing.
    expect(h.cycle()).to.deep.equal({ f2: { role2: { s5: "cpus:1; mem:512" } } });
    h.allocator.stop();
  });

  it("NestedRoleDRF (hierarchical_allocator_tests.cpp): subtrees compete first", () => {
    const h = harness();
    h.agent("s1", "cpus:2;mem:1024");
    h.framework("f1", "a/b");
    expect(h.cycle()).to.deep.equal({ f1: { "a/b": { s1: "cpus:2; mem:1024" } } });
    h.framework("f2", "a/c");
    h.framework("f3", "d/e");
    h.agent("s2", "cpus:1;mem:512");
    expect(h.cycle()).to.deep.equal({ f3: { "d/e": { s2: "cpus:1; mem:512" } } });
    h.framework("f4", "d/f");
    h.agent("s3", "cpus:2;mem:1024");
    expect(h.cycle()).to.deep.equal({ f4: { "d/f": { s3: "cpus:2; mem:1024" } } });
    h.allocator.stop();
  });

  it("a role that has both frameworks and sub-roles competes with its children (virtual leaf)", () => {
    const h = harness();
    h.agent("s1", "cpus:4;mem:1024");
    h.framework("fa", "a");
    expect(Object.keys(h.cycle())).to.deep.equal(["fa"]);
    h.framework("fab", "a/b");
    h.agent("s2", "cpus:4;mem:1024");
    // Inside "a", the virtual leaf "a" holds s1 and "a/b" holds nothing: "a/b" wins.
    expect(Object.keys(h.cycle())).to.deep.equal(["fab"]);
    expect(h.allocator.roles().find((r) => r.role === "a")!.allocated).to.deep.equal({ cpus: 8, mem: 2048 });
    h.allocator.stop();
  });

  it("converges to equal dominant shares (DRF paper: 9 CPU / 18 GB, <1 CPU, 4 GB> vs <3 CPU, 1 GB>)", () => {
    const h = harness();
    h.agent("s1", "cpus:9;mem:18432");
    h.framework("A", "a");
    h.framework("B", "b");
    const task: Record<string, Resources> = { A: Resources.parse("cpus:1;mem:4096"), B: Resources.parse("cpus:3;mem:1024") };
    const tasks: Record<string, number> = { A: 0, B: 0 };
    // Each framework launches one task per offer and gives back the rest; an offer too small
    // for a task is declined for a long time. Stop when nothing is offered.
    for (let round = 0; round < 50; round++) {
      const a = h.allocator.allocate();
      if (a.size === 0) break;
      for (const [fw, byRole] of a) {
        for (const [role, byAgent] of byRole) {
          const offered = Resources.from(held(a, fw, role, "s1")).unallocate();
          void byAgent;
          if (offered.contains(task[fw]!)) {
            tasks[fw]!++;
            h.allocator.recoverResources(fw, "s1", offered.subtract(task[fw]!).allocate(role).toJSON(), { refuse_seconds: 0 });
          } else {
            h.allocator.recoverResources(fw, "s1", offered.allocate(role).toJSON(), { refuse_seconds: 3600 });
          }
        }
      }
    }
    expect(tasks).to.deep.equal({ A: 3, B: 2 });
    const shares = h.allocator.roles().filter((r) => r.role === "a" || r.role === "b").map((r) => Math.max(r.allocated.cpus! / 9, r.allocated.mem! / 18432));
    expect(shares[0]).to.be.closeTo(2 / 3, 1e-9);
    expect(shares[1]).to.be.closeTo(2 / 3, 1e-9);
    h.allocator.stop();
  });

  it("two frameworks in one role share it by DRF too", () => {
    const h = harness();
    for (let i = 0; i < 10; i++) h.agent(`s${i}`, "cpus:1;mem:100");
    h.framework("f1", "r");
    h.framework("f2", "r");
    const got = h.cycle();
    expect(Object.keys(got.f1!.r!)).to.have.length(5);
    expect(Object.keys(got.f2!.r!)).to.have.length(5);
    h.allocator.stop();
  });

  it("weights divide shares: weight 2 gets twice as much", () => {
    const h = harness({ weights: { heavy: 2 } });
    for (let i = 0; i < 30; i++) h.agent(`s${i}`, "cpus:1;mem:100");
    h.framework("fh", "heavy");
    h.framework("fl", "light");
    const got = h.cycle();
    expect(Object.keys(got.fh!.heavy!)).to.have.length(20);
    expect(Object.keys(got.fl!.light!)).to.have.length(10);
    h.allocator.stop();
  });

  it("updateWeights takes effect in the next cycle", () => {
    const h = harness();
    h.framework("f1", "r1");
    h.framework("f2", "r2");
    h.allocator.updateWeights({ r2: 3 });
    for (let i = 0; i < 40; i++) h.agent(`s${i}`, "cpus:1;mem:100");
    const got = h.cycle();
    expect(Object.keys(got.f1!.r1!)).to.have.length(10);
    expect(Object.keys(got.f2!.r2!)).to.have.length(30);
    expect(h.allocator.roles().find((r) => r.role === "r2")!.weight).to.equal(3);
    h.allocator.stop();
  });

  it("recoverResources returns capacity to the pool", () => {
    const h = harness();
    h.agent("s1", "cpus:4;mem:1024");
    h.framework("f1", "r");
    const a = h.allocator.allocate();
    expect(h.allocator.allocate().size).to.equal(0); // all held
    expect(h.allocator.roles().find((r) => r.role === "r")!.allocated).to.deep.equal({ cpus: 4, mem: 1024 });
    // Give back half (a finished task); it comes back in the next cycle.
    h.allocator.recoverResources("f1", "s1", Resources.parse("cpus:2;mem:512").allocate("r").toJSON());
    expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:2; mem:512" } } });
    // It now holds the original 4 cpus again (2 kept + 2 re-offered); giving those back empties the role.
    h.allocator.recoverResources("f1", "s1", held(a, "f1", "r", "s1"));
    expect(h.allocator.roles().find((r) => r.role === "r")!.allocated).to.deep.equal({});
    expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:4; mem:1024" } } });
    h.allocator.stop();
  });

  it("removeFramework and removeAgent release everything", () => {
    const h = harness();
    h.agent("s1", "cpus:4;mem:1024");
    h.framework("f1", "r");
    h.framework("f2", "r");
    const first = h.cycle();
    const winner = Object.keys(first)[0]!;
    const other = winner === "f1" ? "f2" : "f1";
    h.allocator.removeFramework(winner);
    expect(Object.keys(h.cycle())).to.deep.equal([other]);
    h.allocator.removeAgent("s1");
    expect(h.allocator.roles().find((r) => r.role === "r")!.allocated).to.deep.equal({});
    h.agent("s2", "cpus:1;mem:64");
    expect(h.cycle()).to.deep.equal({ [other]: { r: { s2: "cpus:1; mem:64" } } });
    h.allocator.stop();
  });

  it("agents re-registering with used resources count against the frameworks' shares", () => {
    const h = harness();
    h.framework("f1", "r1");
    h.framework("f2", "r2");
    h.agent("s1", "cpus:4;mem:1024", new Map([["f1", Resources.parse("cpus:4;mem:1024").allocate("r1").toJSON()]]));
    expect(h.allocator.allocate().size).to.equal(0);
    h.agent("s2", "cpus:4;mem:1024");
    expect(Object.keys(h.cycle())).to.deep.equal(["f2"]);
    void R;
    h.allocator.stop();
  });
});

describe("allocator: scale", () => {
  it("hands out 2,000 agents to 200 frameworks in one cycle, fairly, within a generous bound", () => {
    const h = harness();
    for (let i = 0; i < 200; i++) h.framework(`f${String(i).padStart(3, "0")}`, `role-${i % 10}`);
    for (let i = 0; i < 2000; i++) h.agent(`s${i}`, "cpus:4;mem:32768");
    const t = performance.now();
    const a = h.allocator.allocate();
    const ms = performance.now() - t;
    const perFramework = [...a.values()].map((byRole) => [...byRole.values()].reduce((n, m) => n + m.size, 0));
    expect(perFramework.reduce((x, y) => x + y, 0)).to.equal(2000);
    expect(Math.min(...perFramework)).to.equal(10);
    expect(Math.max(...perFramework)).to.equal(10);
    expect(ms).to.be.below(2000);
    h.allocator.stop();
  });
});
