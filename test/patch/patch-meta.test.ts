import { expect } from "chai";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PATCH_META, patchMetaFor, isAtomicModel } from "../../src/k8s-api/patch/patch-meta.js";
import { modelAttributes } from "../../src/k8s-api/schema/models.js";
import { definitionName } from "../../src/k8s-api/openapi/definition-names.js";

describe("patch-meta table", () => {
  it("covers the well-known fields", () => {
    expect(patchMetaFor("V1PodSpec", "containers")).to.deep.equal({ patchStrategy: "merge", patchMergeKey: "name", listType: "map", listMapKeys: ["name"] });
    expect(patchMetaFor("V1PodSpec", "volumes")).to.deep.equal({ patchStrategy: "merge,retainKeys", patchMergeKey: "name", listType: "map", listMapKeys: ["name"] });
    expect(patchMetaFor("V1Container", "ports")).to.deep.equal({ patchStrategy: "merge", patchMergeKey: "containerPort", listType: "map", listMapKeys: ["containerPort", "protocol"] });
    expect(patchMetaFor("V1ObjectMeta", "finalizers")).to.deep.equal({ patchStrategy: "merge", listType: "set" });
    expect(patchMetaFor("V1DeploymentSpec", "strategy")).to.deep.equal({ patchStrategy: "retainKeys" });
    expect(patchMetaFor("V1ServiceSpec", "ports")).to.deep.equal({ patchStrategy: "merge", patchMergeKey: "port", listType: "map", listMapKeys: ["port", "protocol"] });
    expect(patchMetaFor("V1PodSpec", "nope")).to.equal(undefined);
    expect(patchMetaFor("toString", "x")).to.equal(undefined);
    expect(isAtomicModel("V1LabelSelector")).to.equal(true);
    expect(isAtomicModel("V1PodSpec")).to.equal(false);
  });

  it("names only existing client-node models, matching their upstream definition", () => {
    const src = readFileSync(fileURLToPath(new URL("../../../src/k8s-api/patch/patch-meta-table.ts", import.meta.url)), "utf8");
    const defs = new Map([...src.matchAll(/^ {2}\/\/ (\S+)\n {2}(\w+): \{/gm)].map((m) => [m[2]!, m[1]!]));
    const mismatched: string[] = [];
    for (const model of Object.keys(PATCH_META)) {
      expect(modelAttributes(model), model).to.not.equal(undefined);
      const d = definitionName(model);
      if (d && d.name !== defs.get(model)) mismatched.push(`${model}: ${d.name} != ${defs.get(model)}`);
    }
    // definition-names.ts attributes these core types to storage (reached via StorageClass.allowedTopologies).
    expect(mismatched).to.deep.equal([
      "V1TopologySelectorLabelRequirement: io.k8s.api.storage.v1.TopologySelectorLabelRequirement != io.k8s.api.core.v1.TopologySelectorLabelRequirement",
      "V1TopologySelectorTerm: io.k8s.api.storage.v1.TopologySelectorTerm != io.k8s.api.core.v1.TopologySelectorTerm",
    ]);
  });
});
