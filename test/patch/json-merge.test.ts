import { expect } from "chai";
import { applyJsonPatch, applyMergePatch } from "../../src/k8s-api/patch/index.js";
import { StatusError } from "../../src/k8s-api/errors.js";

describe("JSON patch (RFC 6902)", () => {
  const obj = { metadata: { name: "a", labels: { x: "1" } }, spec: { list: [1, 2] } };

  it("applies operations to a copy", () => {
    const out = applyJsonPatch(obj, [
      { op: "add", path: "/metadata/labels/y", value: "2" },
      { op: "remove", path: "/metadata/labels/x" },
      { op: "add", path: "/spec/list/-", value: 3 },
      { op: "test", path: "/metadata/name", value: "a" },
      { op: "copy", from: "/metadata/name", path: "/spec/name" },
    ]);
    expect(out).to.deep.equal({ metadata: { name: "a", labels: { y: "2" } }, spec: { list: [1, 2, 3], name: "a" } });
    expect(obj.metadata.labels).to.deep.equal({ x: "1" });
  });

  for (const [what, op] of [
    ["a failed test", { op: "test", path: "/metadata/name", value: "b" }],
    ["a missing path", { op: "remove", path: "/metadata/nope" }],
    ["replace of a missing path", { op: "replace", path: "/spec/nope/x", value: 1 }],
    ["an unknown op", { op: "frob", path: "/x" }],
  ] as const) {
    it(`answers ${what} with kube-apiserver's 422`, () => {
      try {
        applyJsonPatch(obj, [op]);
        expect.fail("no error");
      } catch (e) {
        expect(e).to.be.instanceOf(StatusError);
        expect((e as StatusError).toStatus()).to.include({ code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request" });
      }
    });
  }

  it("limits the number of operations", () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: "test", path: "/metadata/name", value: "a" }));
    expect(() => applyJsonPatch(obj, ops)).to.throw(StatusError, "The allowed maximum operations in a JSON patch is 10000, got 10001");
  });
});

describe("JSON merge patch (RFC 7386)", () => {
  // RFC 7386 appendix A examples.
  const cases: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  cases.forEach(([target, patch, result], i) => {
    it(`RFC 7386 example ${i + 1}`, () => {
      expect(applyMergePatch(target, patch)).to.deep.equal(result);
    });
  });
});
