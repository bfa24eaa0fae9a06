import { expect } from "chai";
import { applyStrategicMergePatch } from "../../src/k8s-api/patch/index.js";
import { strategicMergeWithSchema, SmpError } from "../../src/k8s-api/patch/strategic.js";
import { fieldMeta, type PatchSchema } from "../../src/k8s-api/patch/schema.js";
import type { FieldPatchMeta } from "../../src/k8s-api/patch/patch-meta.js";
import { StatusError } from "../../src/k8s-api/errors.js";
import { SMP_UPSTREAM_CASES } from "./fixtures/smp-upstream-cases.js";

/** Upstream's test types MergeItem / RetainKeysMergeItem (strategicpatch/patch_test.go) as a PatchSchema. */
function structSchema(name: string, fields: () => Record<string, [PatchSchema | undefined, FieldPatchMeta | undefined]>): PatchSchema {
  return {
    name,
    lookup(f) {
      const e = fields()[f];
      return e ? [e[0], fieldMeta(e[1])] : [undefined, fieldMeta(undefined)];
    },
  };
}
const simpleMap: PatchSchema = { name: "map[string]string", isMap: true, lookup: () => [undefined, fieldMeta(undefined)] };
const mergeItem: PatchSchema = structSchema("mergeItem", () => ({
  mergingList: [mergeItem, { patchStrategy: "merge", patchMergeKey: "name" }],
  nonMergingList: [mergeItem, undefined],
  mergingIntList: [undefined, { patchStrategy: "merge" }],
  nonMergingIntList: [undefined, undefined],
  mergeItemPtr: [mergeItem, { patchStrategy: "merge", patchMergeKey: "name" }],
  simpleMap: [simpleMap, undefined],
  replacingItem: [undefined, { patchStrategy: "replace" }],
  retainKeysMap: [retainKeysMergeItem, { patchStrategy: "retainKeys" }],
  retainKeysMergingList: [mergeItem, { patchStrategy: "merge,retainKeys", patchMergeKey: "name" }],
}));
const retainKeysMergeItem: PatchSchema = structSchema("retainKeysMergeItem", () => ({
  simpleMap: [simpleMap, undefined],
  mergingIntList: [undefined, { patchStrategy: "merge" }],
  mergingList: [mergeItem, { patchStrategy: "merge", patchMergeKey: "name" }],
  nonMergingList: [mergeItem, undefined],
}));

describe("strategic merge patch: upstream patch_test.go cases", () => {
  for (const c of SMP_UPSTREAM_CASES) {
    it(`${c.source}: ${c.description}`, () => {
      if (c.expectedError) {
        expect(() => strategicMergeWithSchema(c.original, c.patch, mergeItem)).to.throw(SmpError, c.expectedError);
        return;
      }
      expect(strategicMergeWithSchema(c.original, c.patch, mergeItem)).to.deep.equal(c.expected);
    });
  }
});

describe("strategic merge patch on Kubernetes models", () => {
  const deploy = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", labels: { app: "web", tier: "fe" }, finalizers: ["a", "b"] },
    spec: {
      replicas: 1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } },
      template: {
        spec: {
          containers: [
            { name: "app", image: "app:1", ports: [{ containerPort: 80, protocol: "TCP" }] },
            { name: "side", image: "side:1" },
          ],
          tolerations: [{ key: "k" }],
        },
      },
    },
  };

  it("merges containers by name, replaces non-merge lists, deletes with null", () => {
    const out = applyStrategicMergePatch(deploy, {
      metadata: { labels: { tier: null, env: "prod" } },
      spec: { template: { spec: { containers: [{ name: "app", image: "app:2" }, { name: "new", image: "n" }], tolerations: [{ key: "z" }] } } },
    }, "V1Deployment") as typeof deploy;
    expect(out.metadata.labels).to.deep.equal({ app: "web", env: "prod" });
    expect(out.spec.template.spec.containers).to.deep.equal([
      { name: "app", image: "app:2", ports: [{ containerPort: 80, protocol: "TCP" }] },
      { name: "new", image: "n" },
      { name: "side", image: "side:1" },
    ]);
    expect(out.spec.template.spec.tolerations).to.deep.equal([{ key: "z" }]);
    expect(deploy.spec.template.spec.containers[0]!.image).to.equal("app:1");
  });

  it("honours $patch delete/replace in lists and maps, $deleteFromPrimitiveList and set merge", () => {
    const out = applyStrategicMergePatch(deploy, {
      metadata: { finalizers: ["c", "a"], "$deleteFromPrimitiveList/finalizers": ["b"] },
      spec: { template: { spec: { containers: [{ name: "side", $patch: "delete" }] } } },
    }, "V1Deployment") as typeof deploy;
    expect(out.metadata.finalizers).to.deep.equal(["c", "a"]);
    expect(out.spec.template.spec.containers.map((c) => c.name)).to.deep.equal(["app"]);
    const rep = applyStrategicMergePatch(deploy, { metadata: { labels: { $patch: "replace", x: "y" } } }, "V1Deployment") as typeof deploy;
    expect(rep.metadata.labels).to.deep.equal({ x: "y" });
  });

  it("clears unlisted keys with $retainKeys (deployment strategy, as kubectl apply sends)", () => {
    const out = applyStrategicMergePatch(deploy, { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } }, "V1Deployment") as typeof deploy;
    expect(out.spec.strategy).to.deep.equal({ type: "Recreate" });
  });

  it("orders with $setElementOrder", () => {
    const out = applyStrategicMergePatch(deploy, {
      spec: { template: { spec: { "$setElementOrder/containers": [{ name: "side" }, { name: "app" }], containers: [{ name: "app", image: "app:3" }] } } },
    }, "V1Deployment") as typeof deploy;
    expect(out.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`)).to.deep.equal(["side=side:1", "app=app:3"]);
  });

  it("answers bad patches like kube-apiserver", () => {
    const err = (p: unknown) => {
      try {
        applyStrategicMergePatch(deploy, p, "V1Deployment");
      } catch (e) {
        expect(e).to.be.instanceOf(StatusError);
        const s = (e as StatusError).toStatus();
        return [s.code, s.reason, s.message];
      }
      throw new Error("no error");
    };
    expect(err({ spec: { template: { spec: { containers: [{ image: "x" }] } } } })).to.deep.equal([500, "InternalError", "map: map[image:x] does not contain declared merge key: name"]);
    expect(err({ metadata: { "$deleteFromPrimitiveList": ["x"] } })).to.deep.equal([400, "BadRequest", "invalid patch format of primitive list"]);
    expect(err({ spec: { strategy: { $retainKeys: ["type"], rollingUpdate: {} } } })).to.deep.equal([400, "BadRequest", "invalid patch format of retainKeys"]);
    expect(err({ metadata: { $patch: "merge" } })).to.deep.equal([500, "InternalError", "unknown patch type: merge in map: map[$patch:merge]"]);
  });
});
