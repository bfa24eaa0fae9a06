/**
 * Resources semantics; cases after Mesos' src/tests/resources_tests.cpp and values_tests.cpp.
 */
import { expect } from "chai";
import { Resources, parseResources, validateResources, isAllocatableTo, scalarAdd } from "../../src/mesos/resources.js";
import type { Resource } from "../../src/mesos/v1.js";

const P = (s: string, role?: string) => Resources.parse(s, role);

describe("mesos/resources", () => {
  describe("parsing (--resources syntax)", () => {
    it("parses scalars, ranges, sets and static roles", () => {
      const list = parseResources("cpus:4;mem:8192;disk:10000;ports:[31000-32000];gpus(role):1;zones:{a,b}");
      expect(list.map((r) => r.name)).to.deep.equal(["cpus", "mem", "disk", "ports", "gpus", "zones"]);
      expect(list[0]).to.deep.equal({ name: "cpus", type: "SCALAR", scalar: { value: 4 } });
      expect(list[3]!.ranges!.range).to.deep.equal([{ begin: 31000, end: 32000 }]);
      expect(list[4]!.reservations).to.deep.equal([{ type: "STATIC", role: "role" }]);
      expect(list[5]!.set!.item).to.deep.equal(["a", "b"]);
    });
    it("applies the default role and tolerates spaces and a trailing ';'", () => {
      const list = parseResources(" cpus : 2 ; ports:[1-2, 4-5];", "web");
      expect(list[0]!.reservations).to.deep.equal([{ type: "STATIC", role: "web" }]);
      expect(list[1]!.ranges!.range).to.deep.equal([{ begin: 1, end: 2 }, { begin: 4, end: 5 }]);
    });
    it("coalesces adjacent ranges (values.cpp coalesce)", () => {
      expect(parseResources("ports:[1-2,3-4,10-11]")[0]!.ranges!.range).to.deep.equal([{ begin: 1, end: 4 }, { begin: 10, end: 11 }]);
    });
    it("parses the JSON array form with legacy role", () => {
      const list = parseResources(JSON.stringify([{ name: "cpus", type: "SCALAR", scalar: { value: 2 }, role: "r1" }, { name: "mem", type: "SCALAR", scalar: { value: 64 } }]));
      expect(list[0]!.reservations).to.deep.equal([{ type: "STATIC", role: "r1" }]);
      expect(list[1]!.reservations).to.equal(undefined);
    });
    it("rejects malformed text", () => {
      expect(() => parseResources("cpus")).to.throw(/missing or extra ':'/);
      expect(() => parseResources("cpus(role:1")).to.throw(/mismatched parentheses/);
      expect(() => parseResources("ports:[1-2")).to.throw(/Mismatched brackets/);
      expect(() => parseResources("cpus:abc")).to.throw(/TEXT/);
      expect(() => parseResources("cpus:-1")).to.throw();
      expect(() => parseResources("cpus:1;cpus:[1-2]")).to.throw(/different types/);
      expect(() => parseResources("cpus(*/a):1")).to.throw(/cannot include/);
    });
  });

  describe("validate", () => {
    const ok: Resource = { name: "cpus", type: "SCALAR", scalar: { value: 1 } };
    it("accepts valid resources", () => expect(validateResources([ok])).to.equal(undefined));
    it("rejects negative scalars", () => expect(validateResources([{ ...ok, scalar: { value: -1 } }])).to.match(/is invalid: Invalid scalar resource: value <= 0/));
    it("rejects scalars rounding to zero", () => expect(validateResources([{ ...ok, scalar: { value: 0.0001 } }])).to.match(/value <= 0/));
    it("rejects overlapping and inverted ranges", () => {
      expect(validateResources([{ name: "ports", type: "RANGES", ranges: { range: [{ begin: 1, end: 10 }, { begin: 5, end: 20 }] } }])).to.match(/overlapping/);
      expect(validateResources([{ name: "ports", type: "RANGES", ranges: { range: [{ begin: 5, end: 20 }, { begin: 1, end: 10 }] } }])).to.match(/overlapping/);
      expect(validateResources([{ name: "ports", type: "RANGES", ranges: { range: [{ begin: 9, end: 1 }] } }])).to.match(/begin > end/);
    });
    it("rejects missing fields, wrong types and duplicates", () => {
      expect(validateResources([{ name: "", type: "SCALAR", scalar: { value: 1 } }])).to.match(/Empty resource name/);
      expect(validateResources([{ name: "cpus", type: "SCALAR" }])).to.match(/Invalid scalar resource/);
      expect(validateResources([{ name: "cpus", type: "BOGUS" as "SCALAR", scalar: { value: 1 } }])).to.match(/Invalid resource type/);
      expect(validateResources([{ name: "cpus", type: "TEXT" }])).to.match(/Unsupported resource type/);
      expect(validateResources([{ name: "s", type: "SET", set: { item: ["a", "a"] } }])).to.match(/duplicated/);
    });
    it("checks reservation refinement and '*'", () => {
      expect(validateResources([{ ...ok, reservations: [{ type: "STATIC", role: "*" }] }])).to.match(/cannot be reserved/);
      expect(validateResources([{ ...ok, reservations: [{ type: "DYNAMIC", role: "a" }, { type: "DYNAMIC", role: "b" }] }])).to.match(/not a refinement/);
      expect(validateResources([{ ...ok, reservations: [{ type: "STATIC", role: "a" }, { type: "STATIC", role: "a/b" }] }])).to.match(/cannot be STATIC/);
      expect(validateResources([{ ...ok, reservations: [{ type: "STATIC", role: "a" }, { type: "DYNAMIC", role: "a/b" }] }])).to.equal(undefined);
    });
  });

  describe("arithmetic", () => {
    it("combines like resources and keeps different reservations apart", () => {
      const r = P("cpus:1;mem:5").add(P("cpus:2;mem:5")).add(P("cpus(web):3"));
      expect(r.size).to.equal(3);
      expect(r.scalar("cpus")).to.equal(6);
      expect(r.unreserved().scalar("cpus")).to.equal(3);
      expect(r.reservedTo("web").scalar("cpus")).to.equal(3);
    });
    it("uses fixed-point scalars (0.1 + 0.2 == 0.3)", () => {
      expect(P("cpus:0.1").add(P("cpus:0.2")).scalar("cpus")).to.equal(0.3);
      expect(scalarAdd(0.1, 0.2)).to.equal(0.3);
      expect(P("cpus:0.3").subtract(P("cpus:0.1")).subtract(P("cpus:0.2")).isEmpty()).to.equal(true);
    });
    it("merges ranges and unions sets", () => {
      const r = P("ports:[1-10];s:{a,b}").add(P("ports:[11-20, 30-40];s:{b,c}"));
      expect(r.ranges("ports")).to.deep.equal([{ begin: 1, end: 20 }, { begin: 30, end: 40 }]);
      expect(r.quantities()).to.deep.equal({ ports: 31, s: 3 });
    });
    it("subtracts ranges and sets, splitting ranges", () => {
      const r = P("ports:[1-100];s:{a,b,c}").subtract(P("ports:[10-19];s:{b}"));
      expect(r.ranges("ports")).to.deep.equal([{ begin: 1, end: 9 }, { begin: 20, end: 100 }]);
      expect(r.toString()).to.equal("ports:[1-9, 20-100]; s:{a, c}");
    });
    it("subtracting more than contained clamps to nothing (Mesos drops negative scalars)", () => {
      expect(P("cpus:1;mem:10").subtract(P("cpus:2")).toString()).to.equal("mem:10");
      expect(P("cpus:1").subtract(P("cpus(web):1")).scalar("cpus")).to.equal(1);
    });
    it("contains", () => {
      const r = P("cpus:4;mem:1024;ports:[31000-32000]");
      expect(r.contains(P("cpus:1;ports:[31000-31010]"))).to.equal(true);
      expect(r.contains(P("cpus:5"))).to.equal(false);
      expect(r.contains(P("ports:[30000-31000]"))).to.equal(false);
      expect(r.contains(P("cpus(web):1"))).to.equal(false);
      expect(r.contains(Resources.EMPTY)).to.equal(true);
    });
    it("drops empty and invalid resources on the way in", () => {
      expect(Resources.from([{ name: "cpus", type: "SCALAR", scalar: { value: 0 } }, { name: "mem", type: "SCALAR", scalar: { value: -4 } }]).isEmpty()).to.equal(true);
    });
    it("is immutable", () => {
      const a = P("cpus:1");
      a.add(P("cpus:1"));
      a.subtract(P("cpus:1"));
      expect(a.scalar("cpus")).to.equal(1);
    });
  });

  describe("roles and allocation", () => {
    it("allocate/unallocate set and clear allocation_info; allocations keep apart", () => {
      const a = P("cpus:1").allocate("r1");
      expect(a.toJSON()[0]!.allocation_info).to.deep.equal({ role: "r1" });
      expect(a.add(P("cpus:1")).size).to.equal(2);
      expect(a.add(P("cpus:1").allocate("r1")).size).to.equal(1);
      expect(a.unallocate().equals(P("cpus:1"))).to.equal(true);
      expect(a.toString()).to.equal("cpus(allocated: r1):1");
    });
    it("allocatableTo follows hierarchical reservations", () => {
      const r = P("cpus:1").add(P("cpus:2", "a")).add(P("cpus:4", "a/b")).add(P("cpus:8", "c"));
      expect(r.allocatableTo("a/b").scalar("cpus")).to.equal(7);
      expect(r.allocatableTo("a").scalar("cpus")).to.equal(3);
      expect(r.allocatableTo("a/b/c").scalar("cpus")).to.equal(7);
      expect(r.allocatableTo("ab").scalar("cpus")).to.equal(1);
      expect(isAllocatableTo({ name: "cpus", type: "SCALAR", scalar: { value: 1 }, reservations: [{ type: "STATIC", role: "a" }] }, "a/x")).to.equal(true);
    });
    it("push/pop reservations (RESERVE/UNRESERVE conversions)", () => {
      const r = P("cpus:2;mem:64").pushReservation({ type: "DYNAMIC", role: "db", principal: "ops" });
      expect(r.reservedTo("db").scalar("mem")).to.equal(64);
      expect(r.toString()).to.equal("cpus(reservations: [(DYNAMIC,db,ops)]):2; mem(reservations: [(DYNAMIC,db,ops)]):64");
      expect(r.popReservation().equals(P("cpus:2;mem:64"))).to.equal(true);
    });
    it("prints like Mesos", () => {
      expect(P("cpus:4;mem:1024;ports:[31000-32000]").toString()).to.equal("cpus:4; mem:1024; ports:[31000-32000]");
      expect(Resources.EMPTY.toString()).to.equal("{}");
      expect(P("cpus:0.3333").toString()).to.equal("cpus:0.333");
    });
  });
});
