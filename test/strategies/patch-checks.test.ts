/**
 * The shortcuts of the write path against the walks they stand for: the field check of a
 * patched object (only what the patch reaches), the managed-fields comparison, and the pod
 * spec update rules (each field compared once).
 */
import { expect } from "chai";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { findResource } from "../../src/k8s-api/registry/resources.js";
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import { StatusError } from "../../src/k8s-api/errors.js";
import { decodeInto, decodePatchedInto } from "../../src/k8s-api/schema/decode.js";
import { applyMergePatch, applyStrategicMergePatch } from "../../src/k8s-api/patch/index.js";
import { compare, deepEqual, modelNode } from "../../src/k8s-api/patch/typed.js";
import { validatePodUpdate } from "../../src/k8s-api/validation/pod.js";
import { cloneJSON, type JsonObject, type KubeObject } from "../../src/k8s-api/types.js";
import { rng as seeded } from "../support/rng.js";

const pods = findResource("", "v1", "pods")!;
const namespaces = findResource("", "v1", "namespaces")!;

function storedPod(): JsonObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", labels: { app: "a" }, uid: "u1", resourceVersion: "5" },
    spec: {
      containers: [
        { name: "c", image: "img:1", ports: [{ containerPort: 80, protocol: "TCP" }], resources: { limits: { cpu: "100m" }, requests: { cpu: "100m" } } },
        { name: "d", image: "img:2" },
      ],
      nodeName: "n1",
      restartPolicy: "Always",
    },
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [{ name: "c", ready: true, restartCount: 0, image: "img:1", imageID: "", started: true, state: { running: { startedAt: "2025-01-01T00:00:00Z" } } }],
    },
  };
}

/** The full check's report on a copy, then the patch check's on the object itself; both must agree, and leave the same object. */
function bothChecks(patched: JsonObject, patch: JsonObject) {
  const copy = structuredClone(patched);
  const full = decodeInto("V1Pod", copy);
  const guided = decodePatchedInto("V1Pod", patched, patch);
  expect(guided).to.deep.equal(full);
  expect(patched).to.deep.equal(copy);
  return guided;
}

describe("field check of a patched object", () => {
  const cases: [string, JsonObject][] = [
    ["status only", { status: { phase: "Failed" } }],
    ["an unknown field inside a changed subtree", { status: { containerStatuses: [{ name: "c", ready: true, restartCount: 0, image: "i", imageID: "", bogus: 1 }] } }],
    ["an unknown field in a new map entry", { spec: { nodeSelector: { a: "b" }, bogus: { x: 1 } } }],
    ["wrong types deep in status", { status: { containerStatuses: [{ name: "c", ready: "yes", restartCount: "0", image: "i", imageID: "" }] } }],
    ["a number for a quantity", { spec: { overhead: { cpu: 1 } } }],
    ["fields in another order than stored, unknown ones in each", { status: { zz: 1 }, metadata: { labels: { b: "c" }, yy: 2 } }],
    ["a null (deletion) next to an unknown field", { metadata: { labels: null, bad: true } }],
    ["top-level unknown field", { bogus: true }],
    ["an object where a string belongs", { spec: { nodeName: { a: 1 } } }],
    ["a string where an object belongs", { status: "x" }],
  ];
  for (const [name, patch] of cases)
    it(`merge patch: ${name} -> the same report and object as the full check`, () => {
      bothChecks(applyMergePatch(storedPod(), patch) as JsonObject, patch);
    });

  it("merge patch: reports what the patch brought in, with the paths of the result", () => {
    const patch = { status: { containerStatuses: [{ name: "c", ready: true, restartCount: 0, image: "i", imageID: "", bogus: 1 }], phase: 3 }, spec: { extra: "x" } };
    const r = bothChecks(applyMergePatch(storedPod(), patch) as JsonObject, patch);
    expect(r.unknownFields).to.deep.equal(["spec.extra", "status.containerStatuses[0].bogus"]);
    expect(r.typeErrors).to.deep.equal(["json: cannot unmarshal number into Go struct field PodStatus.status.phase of type string"]);
  });

  const smp: [string, JsonObject][] = [
    ["a merged container with an unknown field", { spec: { containers: [{ name: "c", bogus: 1, image: "img:3" }] } }],
    ["$setElementOrder with a new container holding an unknown field", { spec: { "$setElementOrder/containers": [{ name: "d" }, { name: "c" }, { name: "e" }], containers: [{ name: "e", image: "x", zz: true }] } }],
    ["$retainKeys", { spec: { $retainKeys: ["containers", "nodeName"], nodeName: "n2" } }],
    ["$patch: replace of a map with an unknown field", { metadata: { labels: { $patch: "replace", x: "y" }, bad: 1 } }],
    ["status list item merge with a wrong type", { status: { conditions: [{ type: "Ready", status: false }] } }],
  ];
  for (const [name, patch] of smp)
    it(`strategic merge patch: ${name} -> the same report and object as the full check`, () => {
      bothChecks(applyStrategicMergePatch(storedPod(), patch, "V1Pod") as JsonObject, patch);
    });

  it("random merge patches of a stored pod: the same report and object as the full check", () => {
    const rng = seeded(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    const values = [null, 1, "s", true, { a: 1 }, [1], [{ name: "c", bogus: 1 }], { running: { startedAt: 3 } }, { cpu: 2 }];
    const paths = [["spec", "nodeName"], ["spec", "containers"], ["spec", "overhead"], ["spec", "bogus"], ["status", "phase"], ["status", "containerStatuses"], ["status", "conditions"], ["status", "x"], ["metadata", "labels"], ["metadata", "labels", "k"], ["metadata", "annotations", "k"], ["weird"], ["status"]];
    for (let i = 0; i < 300; i++) {
      const patch: JsonObject = {};
      for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) {
        const path = pick(paths);
        let o = patch;
        for (const k of path.slice(0, -1)) o = (typeof o[k] === "object" && o[k] !== null && !Array.isArray(o[k]) ? o[k] : (o[k] = {})) as JsonObject;
        o[path[path.length - 1]!] = structuredClone(pick(values)) as never;
      }
      bothChecks(applyMergePatch(storedPod(), patch) as JsonObject, patch);
    }
  });

  describe("through the registry", () => {
    let registry: Registry;
    let store: MemoryStore;
    beforeEach(async () => {
      store = new MemoryStore();
      registry = new Registry(store);
      await registry.create(namespaces, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
      await registry.create(pods, "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "img:1" }] } });
    });
    afterEach(async () => store.close());

    const status = (extra: JsonObject) => ({ status: { phase: "Running", containerStatuses: [{ name: "c", ready: true, restartCount: 0, image: "img:1", imageID: "", ...extra }] } });

    it("pods/status merge patch: an unknown field nested in the new status is warned about and dropped", async () => {
      const r = await registry.patch(pods, "default", "p", "merge", status({ bogus: 1 }), { fieldManager: "kubelet" }, "status");
      expect(r.warnings).to.deep.equal(['unknown field "status.containerStatuses[0].bogus"']);
      const got = await registry.get(pods, "default", "p");
      expect((got.status as { containerStatuses: JsonObject[] }).containerStatuses[0]).to.not.have.property("bogus");
      expect((got.status as { phase: string }).phase).to.equal("Running");
    });

    it("pods/status merge patch, Strict: the nested unknown field refuses the write", async () => {
      const before = await registry.get(pods, "default", "p");
      const err = await registry.patch(pods, "default", "p", "merge", status({ bogus: 1 }), { fieldManager: "kubelet", fieldValidation: "Strict" }, "status").catch((e: unknown) => e);
      expect(err).to.be.instanceOf(StatusError);
      expect((err as StatusError).message).to.equal('strict decoding error: unknown field "status.containerStatuses[0].bogus"');
      expect((await registry.get(pods, "default", "p")).metadata!.resourceVersion).to.equal(before.metadata!.resourceVersion);
    });

    it("pods/status merge and strategic patches: a wrong type inside the status is refused", async () => {
      for (const type of ["merge", "strategic"] as const) {
        const err = await registry.patch(pods, "default", "p", type, status({ restartCount: "0" }), { fieldManager: "kubelet" }, "status").catch((e: unknown) => e);
        expect(err, type).to.be.instanceOf(StatusError);
        expect((err as StatusError).message).to.equal('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerStatus.status.containerStatuses[0].restartCount of type int');
      }
    });

    it("no-op writes are not stored; a change anywhere (status, spec, a label, a field set to null) is", async () => {
      const rv = async () => (await registry.get(pods, "default", "p")).metadata!.resourceVersion;
      await registry.patch(pods, "default", "p", "merge", status({}), { fieldManager: "kubelet" }, "status");
      let before = await rv();
      // The same status again, and an empty patch: nothing to store.
      await registry.patch(pods, "default", "p", "merge", status({}), { fieldManager: "kubelet" }, "status");
      await registry.patch(pods, "default", "p", "merge", {}, { fieldManager: "m" });
      expect(await rv()).to.equal(before);
      for (const patch of [{ metadata: { labels: { x: "y" } } }, { spec: { activeDeadlineSeconds: 30 } }, { metadata: { annotations: { a: "" } } }, { metadata: { annotations: null } }]) {
        await registry.patch(pods, "default", "p", "merge", patch, { fieldManager: "m" });
        const after = await rv();
        expect(after, JSON.stringify(patch)).to.not.equal(before);
        before = after;
      }
      const r = await registry.patch(pods, "default", "p", "merge", status({ ready: false }), { fieldManager: "kubelet" }, "status");
      expect(r.object.metadata!.resourceVersion).to.not.equal(before);
    });

    it("strategic patch of a container: an unknown field in the merged item is reported with its index", async () => {
      const r = await registry.patch(pods, "default", "p", "strategic", { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "img:2", bogus: 1 }] } }, { fieldManager: "m" });
      expect(r.warnings).to.deep.equal(['unknown field "spec.containers[0].bogus"']);
      expect((r.object.spec as { containers: JsonObject[] }).containers[0]).to.deep.include({ name: "c", image: "img:2" });
      expect((r.object.spec as { containers: JsonObject[] }).containers[0]).to.not.have.property("bogus");
    });
  });
});

describe("patch copies", () => {
  it("a merge patch's values are copied into the result: lists of objects by hand, anything else as structuredClone does", () => {
    const when = new Date(0);
    const patch = { status: { conditions: [{ type: "Ready", status: "True", lastProbeTime: null }], hostIPs: [{ ip: "10.0.0.1" }], odd: [when] } };
    const out = applyMergePatch(storedPod(), patch) as { status: { conditions: JsonObject[]; hostIPs: JsonObject[]; odd: unknown[] } };
    expect(out.status.conditions).to.deep.equal(patch.status.conditions);
    expect(out.status.conditions).to.not.equal(patch.status.conditions);
    expect(out.status.conditions[0]).to.not.equal(patch.status.conditions[0]);
    expect(out.status.odd[0]).to.be.instanceOf(Date).and.not.equal(when);
    expect((out.status.odd[0] as Date).getTime()).to.equal(0);
    const proto = JSON.parse('{"l":[{"__proto__":{"x":1}}]}') as JsonObject;
    const copied = (applyMergePatch({}, proto) as { l: JsonObject[] }).l[0]!;
    expect(Object.getPrototypeOf(copied)).to.equal(Object.prototype);
    expect(Object.keys(copied)).to.deep.equal(["__proto__"]);
  });

  it("cloneJSON gives what structuredClone gives", () => {
    const when = new Date(5);
    const v = { a: [1, "x", null, { b: true, c: undefined }], d: { e: when, m: new Map([["k", 1]]) }, n: Object.assign(Object.create(null), { z: 1 }) } as Record<string, unknown>;
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    for (const x of [v, sparse, JSON.parse('{"__proto__":{"y":2}}'), "s", 3, null, undefined]) {
      const c = cloneJSON(x);
      expect(c).to.deep.equal(structuredClone(x));
      if (typeof x === "object" && x !== null) expect(c).to.not.equal(x);
    }
    const c = cloneJSON(v) as { d: { e: Date; m: Map<string, number> }; a: unknown[] };
    expect(c.d.e).to.be.instanceOf(Date).and.not.equal(when);
    expect(c.d.m).to.be.instanceOf(Map);
    expect(c.a[3]).to.have.property("c");
    expect(1 in cloneJSON(sparse)).to.equal(false);
    expect(() => cloneJSON({ f: () => 1 })).to.throw();
  });

  it("a strategic merge patch consumes the object only when told to", () => {
    const patch = { metadata: { labels: { b: "c" } } };
    const kept = storedPod();
    const out = applyStrategicMergePatch(kept, patch, "V1Pod") as JsonObject;
    expect(kept).to.deep.equal(storedPod());
    const given = storedPod();
    const consumed = applyStrategicMergePatch(given, patch, "V1Pod", true) as JsonObject;
    expect(consumed).to.equal(given);
    expect(consumed).to.deep.equal(out);
  });
});

describe("managed fields comparison", () => {
  const node = modelNode("V1Pod");
  const set = (s: { toJSON(): unknown }) => s.toJSON();

  it("reports added, modified and removed fields next to an unchanged spec", () => {
    const a = storedPod();
    const b = structuredClone(a) as KubeObject & JsonObject;
    const st = b.status as JsonObject;
    st.phase = "Succeeded";
    delete st.conditions;
    (st.containerStatuses as JsonObject[])[0]!.state = { terminated: { exitCode: 0 } };
    (b.metadata as JsonObject).annotations = { x: "y" };
    const c = compare(a, b, node);
    // As main's walk reports them (containerStatuses is an atomic list; conditions are keyed by type).
    expect(set(c.added)).to.deep.equal({ "f:metadata": { "f:annotations": { ".": {}, "f:x": {} } } });
    expect(set(c.modified)).to.deep.equal({ "f:status": { "f:containerStatuses": {}, "f:phase": {} } });
    expect(set(c.removed)).to.deep.equal({ "f:status": { "f:conditions": { 'k:{"type":"Ready"}': { ".": {}, "f:status": {}, "f:type": {} } } } });
  });

  it("a create (nothing before): every field added, an empty struct adding nothing, not even the sets on its way", () => {
    const o = { metadata: { name: "p", labels: { a: "b" } }, spec: { securityContext: {}, containers: [{ name: "c", image: "i", ports: [{ containerPort: 80, protocol: "TCP" }], args: ["x"] }], tolerations: [{ key: "k", operator: "Exists" }] }, status: { conditions: [{ type: "Ready", status: "True", lastProbeTime: null }] } };
    const c = compare({}, o, node);
    // As main's walk reports it.
    expect(set(c.added)).to.deep.equal({
      "f:metadata": { "f:labels": { ".": {}, "f:a": {} }, "f:name": {} },
      "f:spec": { "f:containers": { 'k:{"name":"c"}': { ".": {}, "f:args": {}, "f:image": {}, "f:name": {}, "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {}, "f:protocol": {} } } } }, "f:tolerations": {} },
      "f:status": { "f:conditions": { 'k:{"type":"Ready"}': { ".": {}, "f:lastProbeTime": {}, "f:status": {}, "f:type": {} } } },
    });
    expect(c.modified.empty() && c.removed.empty()).to.equal(true);
    const empty = compare({ spec: {} }, { spec: { securityContext: {} } }, node);
    expect(empty.added.children.size).to.equal(0);
    expect(empty.added.members.size).to.equal(0);
  });

  it("equal objects, and equal objects that are not the same: nothing", () => {
    for (const b of [storedPod(), undefined]) {
      const a = storedPod();
      const c = compare(a, b ?? a, node);
      expect(c.added.empty() && c.modified.empty() && c.removed.empty()).to.equal(true);
    }
  });

  it("an atomic list and a keyed list item that changed", () => {
    const a = storedPod();
    const b = structuredClone(a);
    ((b.spec as JsonObject).containers as JsonObject[])[1]!.args = ["x"];
    ((a.spec as JsonObject).containers as JsonObject[])[1]!.args = ["y"];
    (((b.spec as JsonObject).containers as JsonObject[])[0]!.ports as JsonObject[])[0]!.hostPort = 8080;
    const c = compare(a, b, node);
    expect(set(c.modified)).to.deep.equal({ "f:spec": { "f:containers": { 'k:{"name":"d"}': { "f:args": {} } } } });
    expect(set(c.added)).to.deep.equal({ "f:spec": { "f:containers": { 'k:{"name":"c"}': { "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { "f:hostPort": {} } } } } } });
  });

  it("deepEqual: key order, arrays against objects, null", () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).to.equal(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).to.equal(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).to.equal(false);
    expect(deepEqual([1], { 0: 1 })).to.equal(false);
    expect(deepEqual({ 0: 1 }, [1])).to.equal(false);
    expect(deepEqual(null, {})).to.equal(false);
    expect(deepEqual({ a: null }, { a: null })).to.equal(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).to.equal(false);
  });
});

describe("pod spec update rules", () => {
  const spec = () => ({
    containers: [{ name: "c", image: "img:1", ports: [{ containerPort: 80 }] }],
    initContainers: [{ name: "i", image: "init:1" }],
    tolerations: [{ key: "k", operator: "Exists" }],
    restartPolicy: "Always",
  });
  const pod = (s: JsonObject, conditions: JsonObject[] = []) => ({ metadata: { name: "p" }, spec: s, status: { conditions } });
  const forbidden = (causes: { field?: string }[]) => causes.filter((c) => c.field === "spec").length;

  it("an image change alone is allowed; with any other container change it is not", () => {
    const s = spec();
    s.containers[0]!.image = "img:2";
    expect(forbidden(validatePodUpdate(pod(s), pod(spec())))).to.equal(0);
    s.containers[0]!.ports = [{ containerPort: 81 }];
    expect(forbidden(validatePodUpdate(pod(s), pod(spec())))).to.equal(1);
  });

  it("a binding (nodeName with a new PodScheduled condition) is allowed; nodeName alone or with another change is not", () => {
    const scheduled = [{ type: "PodScheduled", status: "True" }];
    const bound = { ...spec(), nodeName: "n1" };
    expect(forbidden(validatePodUpdate(pod(bound, scheduled), pod(spec())))).to.equal(0);
    expect(forbidden(validatePodUpdate(pod(bound), pod(spec())))).to.equal(1);
    expect(forbidden(validatePodUpdate(pod({ ...bound, restartPolicy: "Never" }, scheduled), pod(spec())))).to.equal(1);
  });

  it("empty and absent values are the same; a field only the stored spec has is a change", () => {
    expect(forbidden(validatePodUpdate(pod({ ...spec(), nodeSelector: {}, hostNetwork: false }), pod(spec())))).to.equal(0);
    expect(forbidden(validatePodUpdate(pod(spec()), pod({ ...spec(), hostname: "h" })))).to.equal(1);
    expect(forbidden(validatePodUpdate(pod(spec()), pod({ ...spec(), hostname: "" })))).to.equal(0);
  });

  it("containers that are not all objects are compared as they are", () => {
    const withNull = { ...spec(), containers: [...spec().containers, null], restartPolicy: "Never" } as unknown as JsonObject;
    const old = { ...spec(), containers: [...spec().containers, null] } as unknown as JsonObject;
    // The munged containers drop the null: the spec differs beyond restartPolicy.
    expect(forbidden(validatePodUpdate(pod(withNull), pod(old)))).to.equal(1);
    expect(forbidden(validatePodUpdate(pod({ ...old, restartPolicy: "Always" }), pod(old)))).to.equal(0);
  });
});
