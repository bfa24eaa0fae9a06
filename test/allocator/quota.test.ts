/** Quota guarantees and limits; ported from Mesos' hierarchical_allocator_tests.cpp. */
import { expect } from "chai";
import { harness, held } from "./helpers.js";

describe("allocator: quota", () => {
  it("QuotaProvidesGuarantee: a role below its guarantee is served first, and declined resources are held for it", () => {
    const h = harness({ allocationIntervalMs: 1000 });
    h.framework("f1", "quota-role");
    h.allocator.updateQuota("quota-role", { guarantees: { cpus: 2, mem: 1024 } });
    h.framework("f2", "no-quota-role");
    h.agent("a1", "cpus:1;mem:512");
    expect(h.cycle()).to.deep.equal({ f1: { "quota-role": { a1: "cpus:1; mem:512" } } });
    h.agent("a2", "cpus:1;mem:512");
    const second = h.allocator.allocate();
    expect(held(second, "f1", "quota-role", "a2")).to.have.length(2);
    // f1 declines a2 for two intervals; f2 must not get it (the headroom is f1's guarantee).
    h.allocator.recoverResources("f1", "a2", held(second, "f1", "quota-role", "a2"), { refuse_seconds: 2 });
    h.clock += 1000;
    expect(h.cycle()).to.deep.equal({});
    h.clock += 1000;
    expect(h.cycle()).to.deep.equal({ f1: { "quota-role": { a2: "cpus:1; mem:512" } } });
    h.allocator.stop();
  });

  it("QuotaProvidesLimit: a zero limit gets nothing, a limit chops the agent", () => {
    const h = harness();
    h.framework("f1", "*");
    h.allocator.updateQuota("*", { limits: { cpus: 0, mem: 0, disk: 0 } });
    h.agent("a1", "cpus:2;mem:1024;disk:1024");
    expect(h.cycle()).to.deep.equal({});
    h.framework("f2", "no-quota-role");
    expect(h.cycle()).to.deep.equal({ f2: { "no-quota-role": { a1: "cpus:2; mem:1024; disk:1024" } } });
    h.allocator.updateQuota("*", { limits: { cpus: 1, mem: 512, disk: 512 } });
    h.agent("a2", "cpus:2;mem:1024;disk:1024");
    expect(h.cycle()).to.deep.equal({
      f1: { "*": { a2: "cpus:1; mem:512; disk:512" } },
      f2: { "no-quota-role": { a2: "cpus:1; mem:512; disk:512" } },
    });
    h.allocator.stop();
  });

  it("a guarantee is satisfied before fair sharing, then the role competes normally", () => {
    const h = harness();
    h.framework("fq", "q");
    h.framework("fo", "other");
    h.allocator.updateQuota("q", { guarantees: { cpus: 6 } });
    for (let i = 0; i < 8; i++) h.agent(`s${i}`, "cpus:1;mem:128");
    const got = h.cycle();
    // 6 agents for the guarantee; the remaining 2 go to "other" (lower share).
    expect(Object.keys(got.fq!.q!)).to.have.length(6);
    expect(Object.keys(got.fo!.other!)).to.have.length(2);
    h.allocator.stop();
  });

  it("headroom: other roles cannot take what an absent framework's guarantee needs (QuotaAbsentFramework)", () => {
    const h = harness();
    h.allocator.updateQuota("q", { guarantees: { cpus: 2, mem: 256 } });
    h.framework("fo", "other");
    for (let i = 0; i < 3; i++) h.agent(`s${i}`, "cpus:1;mem:128");
    const got = h.cycle();
    // Only one agent's worth is not needed by q's guarantee.
    expect(Object.keys(got.fo!.other!)).to.have.length(1);
    // Once q's guarantee is met by a framework, nothing is held back any more.
    h.framework("fq", "q");
    const next = h.cycle();
    expect(Object.keys(next.fq!.q!)).to.have.length(2);
    h.allocator.stop();
  });

  it("limits of an ancestor cap its sub-roles", () => {
    const h = harness();
    h.allocator.updateQuota("team", { limits: { cpus: 3 } });
    h.framework("f1", "team/a");
    h.framework("f2", "team/b");
    for (let i = 0; i < 6; i++) h.agent(`s${i}`, "cpus:1;mem:128");
    h.cycle();
    // Past the limit, agents are chopped to what is not limited (mem), as Mesos does.
    expect(h.allocator.roles().find((r) => r.role === "team")!.allocated).to.deep.equal({ cpus: 3, mem: 768 });
    h.allocator.stop();
  });

  it("roles() reports quota, weights and frameworks", () => {
    const h = harness({ weights: { q: 2 } });
    h.framework("f1", "q");
    h.allocator.updateQuota("q", { guarantees: { cpus: 1 }, limits: { cpus: 4 } });
    const q = h.allocator.roles().find((r) => r.role === "q")!;
    expect(q).to.deep.equal({ role: "q", weight: 2, quota: { guarantees: { cpus: 1 }, limits: { cpus: 4 } }, allocated: {}, frameworks: ["f1"] });
    h.allocator.updateQuota("q", {});
    expect(h.allocator.roles().find((r) => r.role === "q")!.quota).to.deep.equal({});
    h.allocator.stop();
  });
});
