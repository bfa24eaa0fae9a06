/**
 * Reservations, filters, suppression, activity, multi-role and updateAllocation; several
 * cases ported from Mesos' hierarchical_allocator_tests.cpp (named in the titles).
 */
import { expect } from "chai";
import { Resources } from "../../src/mesos/resources.js";
import { frameworkInfo, harness, held, R } from "./helpers.js";

describe("allocator: offers", () => {
  describe("reservations", () => {
    it("ReservedDRF-style: reserved resources go only to their role", () => {
      const h = harness();
      h.agent("s1", "cpus(r1):2;mem(r1):512");
      h.framework("f2", "r2");
      expect(h.cycle()).to.deep.equal({});
      h.framework("f1", "r1");
      expect(h.cycle()).to.deep.equal({ f1: { r1: { s1: "cpus(reservations: [(STATIC,r1)]):2; mem(reservations: [(STATIC,r1)]):512" } } });
      h.allocator.stop();
    });

    it("an agent with reserved and unreserved parts is split between roles", () => {
      const h = harness();
      h.agent("s1", "cpus(r1):2;mem(r1):512;cpus:1;mem:256");
      h.framework("f2", "r2");
      h.framework("f1", "r1");
      const got = h.cycle();
      expect(got.f1!.r1!.s1).to.match(/reservations/);
      // Who gets the unreserved part depends on the order; both parts are handed out.
      const all = Object.values(got).flatMap((byRole) => Object.values(byRole).flatMap((byAgent) => Object.values(byAgent)));
      expect(all.join("; ")).to.contain("cpus:1").and.to.contain("mem:256");
      h.allocator.stop();
    });

    it("OfferAncestorReservationsToDescendantChild: reservations to 'a' are offered to 'a/b'", () => {
      const h = harness();
      h.agent("s1", "cpus(a):2;mem(a):512");
      h.framework("f", "a/b");
      expect(h.cycle()).to.deep.equal({ f: { "a/b": { s1: "cpus(reservations: [(STATIC,a)]):2; mem(reservations: [(STATIC,a)]):512" } } });
      h.allocator.stop();
    });

    it("UpdateAllocation RESERVE: reserved resources change form, stay held, then go only to that role", () => {
      const h = harness();
      h.agent("s1", "cpus:4;mem:1024");
      h.framework("f1", "db");
      h.framework("f2", "web");
      const a = h.allocator.allocate();
      const fw = a.has("f1") ? "f1" : "f2";
      const role = fw === "f1" ? "db" : "web";
      const offered = held(a, fw, role, "s1");
      const reserve = Resources.parse("cpus:2;mem:512").pushReservation({ type: "DYNAMIC", role, principal: "p" }).allocate(role).toJSON();
      h.allocator.updateAllocation(fw, "s1", offered, [{ type: "RESERVE", reserve: { resources: reserve } }]);
      // Still held: nothing to offer.
      expect(h.allocator.allocate().size).to.equal(0);
      // The framework gives everything back; the other role gets only the unreserved half.
      const now = Resources.from(offered).unallocate().subtract(Resources.parse("cpus:2;mem:512")).add(Resources.from(reserve).unallocate()).allocate(role);
      h.allocator.recoverResources(fw, "s1", now.toJSON(), { refuse_seconds: 100 });
      const other = fw === "f1" ? "f2" : "f1";
      const otherRole = fw === "f1" ? "web" : "db";
      expect(h.cycle()).to.deep.equal({ [other]: { [otherRole]: { s1: "cpus:2; mem:512" } } });
      // After the filter, the reserver gets its reservation back (the rest is held by the other).
      h.allocator.reviveOffers(fw, []);
      expect(h.cycle()).to.deep.equal({ [fw]: { [role]: { s1: `cpus(reservations: [(DYNAMIC,${role},p)]):2; mem(reservations: [(DYNAMIC,${role},p)]):512` } } });
      h.allocator.stop();
    });

    it("UpdateAllocation UNRESERVE returns resources to the shared pool", () => {
      const h = harness();
      h.agent("s1", "cpus(db):2;mem(db):512");
      h.framework("f1", "db");
      const a = h.allocator.allocate();
      const offered = held(a, "f1", "db", "s1");
      h.allocator.updateAllocation("f1", "s1", offered, [{ type: "UNRESERVE", unreserve: { resources: offered } }]);
      h.allocator.recoverResources("f1", "s1", Resources.parse("cpus:2;mem:512").allocate("db").toJSON(), { refuse_seconds: 100 });
      h.framework("f2", "web");
      expect(h.cycle()).to.deep.equal({ f2: { web: { s1: "cpus:2; mem:512" } } });
      h.allocator.stop();
    });

    it("updateAllocation refuses resources the framework does not hold", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:64");
      h.framework("f1", "r");
      expect(() => h.allocator.updateAllocation("f1", "s1", Resources.parse("cpus:1").allocate("r").toJSON(), [])).to.throw(/does not hold/);
      h.allocator.stop();
    });
  });

  describe("filters", () => {
    it("OfferFilter: refuse_seconds hides the agent until it expires (injected clock)", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:512");
      h.framework("f1", "r");
      const a = h.allocator.allocate();
      h.allocator.recoverResources("f1", "s1", held(a, "f1", "r", "s1"), { refuse_seconds: 10 });
      expect(h.cycle()).to.deep.equal({});
      h.clock += 9_999;
      expect(h.cycle()).to.deep.equal({});
      h.clock += 1;
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:1; mem:512" } } });
      h.allocator.stop();
    });

    it("filters default to 5 s, last at least one allocation interval, and only hide what was refused", () => {
      const h = harness({ allocationIntervalMs: 1000 });
      h.agent("s1", "cpus:2;mem:512");
      h.framework("f1", "r");
      const a = h.allocator.allocate();
      h.allocator.recoverResources("f1", "s1", Resources.parse("cpus:1;mem:256").allocate("r").toJSON(), {});
      expect(h.cycle()).to.deep.equal({});
      // More becomes available: a superset of the refused resources is offered.
      h.allocator.recoverResources("f1", "s1", Resources.parse("cpus:1;mem:256").allocate("r").toJSON());
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:2; mem:512" } } });
      void a;
      // refuse_seconds 0.1 still lasts one interval (1 s).
      h.allocator.recoverResources("f1", "s1", Resources.parse("cpus:2;mem:512").allocate("r").toJSON(), { refuse_seconds: 0.1 });
      h.clock += 500;
      expect(h.cycle()).to.deep.equal({});
      h.clock += 500;
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:2; mem:512" } } });
      h.allocator.stop();
    });

    it("a filtered framework's resources go to the next framework", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:512");
      h.framework("f1", "r");
      h.framework("f2", "r");
      const a = h.allocator.allocate();
      const first = [...a.keys()][0]!;
      h.allocator.recoverResources(first, "s1", held(a, first, "r", "s1"), { refuse_seconds: 60 });
      expect(Object.keys(h.cycle())).to.deep.equal([first === "f1" ? "f2" : "f1"]);
      h.allocator.stop();
    });

    it("Allocatable: offers below min_allocatable (cpus 0.01 or mem 32) are not made; framework offer_filters override", () => {
      const h = harness();
      h.agent("s1", "cpus:0.005;mem:16");
      h.framework("f1", "r");
      expect(h.cycle()).to.deep.equal({});
      h.allocator.updateFramework("f1", frameworkInfo("f1", "r", { offer_filters: { r: { min_allocatable_resources: { quantities: [] } } } }));
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:0.005; mem:16" } } });
      h.agent("s2", "cpus:4;mem:64");
      h.allocator.updateFramework("f1", frameworkInfo("f1", "r", { offer_filters: { r: { min_allocatable_resources: { quantities: [{ quantities: { mem: 128 } }] } } } }));
      expect(h.cycle()).to.deep.equal({});
      h.allocator.stop();
    });
  });

  describe("suppress, revive, activity", () => {
    it("SuppressAndReviveOffers: suppressed roles get nothing until revived; revive clears filters", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:512");
      h.framework("f1", "r");
      const a = h.allocator.allocate();
      h.allocator.recoverResources("f1", "s1", held(a, "f1", "r", "s1"), { refuse_seconds: 1000 });
      h.allocator.suppressOffers("f1", []);
      h.clock += 2_000_000;
      expect(h.cycle()).to.deep.equal({});
      h.allocator.reviveOffers("f1", []);
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:1; mem:512" } } });
      h.allocator.stop();
    });

    it("a framework subscribed suppressed starts without offers", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:512");
      h.framework("f1", ["r1", "r2"], { suppressed: ["r1"] });
      expect(Object.keys(h.cycle().f1!)).to.deep.equal(["r2"]);
      h.allocator.stop();
    });

    it("DeactivateAndReactivateFramework: inactive frameworks get nothing", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:512");
      h.framework("f1", "r", { active: false });
      expect(h.cycle()).to.deep.equal({});
      h.allocator.activateFramework("f1");
      const a = h.allocator.allocate();
      expect(a.size).to.equal(1);
      h.allocator.recoverResources("f1", "s1", held(a, "f1", "r", "s1"));
      h.allocator.deactivateFramework("f1");
      expect(h.cycle()).to.deep.equal({});
      h.allocator.activateFramework("f1");
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:1; mem:512" } } });
      h.allocator.stop();
    });

    it("deactivated agents are not offered", () => {
      const h = harness();
      h.agent("s1", "cpus:1;mem:512");
      h.allocator.deactivateAgent("s1");
      h.framework("f1", "r");
      expect(h.cycle()).to.deep.equal({});
      h.allocator.activateAgent("s1");
      expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:1; mem:512" } } });
      h.allocator.stop();
    });
  });

  describe("multi-role", () => {
    it("a MULTI_ROLE framework is offered per role, each offer allocated to its role", () => {
      const h = harness();
      h.agent("s1", "cpus(r1):1;mem(r1):256");
      h.agent("s2", "cpus(r2):2;mem(r2):512");
      h.framework("f", ["r1", "r2"]);
      const a = h.allocator.allocate();
      expect([...a.get("f")!.keys()].sort()).to.deep.equal(["r1", "r2"]);
      expect(held(a, "f", "r1", "s1").every((r) => r.allocation_info?.role === "r1")).to.equal(true);
      expect(held(a, "f", "r2", "s2").every((r) => r.allocation_info?.role === "r2")).to.equal(true);
      // Dropping r2 via updateFramework: its resources stay held until recovered, no new offers in r2.
      h.allocator.recoverResources("f", "s2", held(a, "f", "r2", "s2"));
      h.allocator.updateFramework("f", frameworkInfo("f", ["r1"]));
      expect(h.cycle()).to.deep.equal({});
      h.allocator.stop();
    });

    it("SuppressAndReviveOffersWithMultiRole: suppressing one role leaves the other", () => {
      const h = harness();
      h.agent("s1", "cpus:2;mem:512");
      h.framework("f", ["r1", "r2"]);
      h.allocator.suppressOffers("f", ["r1"]);
      expect(Object.keys(h.cycle().f!)).to.deep.equal(["r2"]);
      h.allocator.stop();
    });
  });

  it("updateAgent changes the agent's total", () => {
    const h = harness();
    h.agent("s1", "cpus:1;mem:512");
    h.framework("f1", "r");
    h.cycle();
    h.allocator.updateAgent("s1", { hostname: "s1", resources: R("cpus:3;mem:512") }, R("cpus:3;mem:512"));
    expect(h.cycle()).to.deep.equal({ f1: { r: { s1: "cpus:2" } } });
    h.allocator.stop();
  });
});
