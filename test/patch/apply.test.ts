import { expect } from "chai";
import { applyServerSide, updateManagedFields } from "../../src/k8s-api/patch/index.js";
import { StatusError } from "../../src/k8s-api/errors.js";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const T0 = new Date("2024-05-01T10:00:00.123Z");
const T1 = new Date("2024-05-01T11:00:00Z");
const apply = (live: object | undefined, config: object, manager: string, extra: { force?: boolean; model?: string; apiVersion?: string; now?: Date } = {}) =>
  applyServerSide(live, config, { manager, force: extra.force ?? false, apiVersion: extra.apiVersion ?? "v1", now: extra.now ?? T0, model: extra.model ?? "V1ConfigMap" }) as Obj;

describe("server-side apply", () => {
  it("records the applier's fields like the Server-Side Apply docs' ConfigMap example", () => {
    // kubernetes.io/docs/reference/using-api/server-side-apply/#managed-fields
    const out = apply(undefined, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "test-cm", namespace: "default", labels: { "test-label": "test" } }, data: { key: "some value" } }, "kubectl");
    expect(out.metadata.managedFields).to.deep.equal([
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "v1",
        time: "2024-05-01T10:00:00Z",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:data": { "f:key": {} }, "f:metadata": { "f:labels": { "f:test-label": {} } } },
      },
    ]);
    expect(JSON.stringify(Object.keys(out.metadata.managedFields[0]))).to.equal('["manager","operation","apiVersion","time","fieldsType","fieldsV1"]');
    expect(out.data).to.deep.equal({ key: "some value" });
  });

  const deployment = (replicas: number, image = "nginx:1") => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image, ports: [{ containerPort: 80, protocol: "TCP" }] }] } },
    },
  });

  function createdByClientSideApply(): Obj {
    const obj: Obj = deployment(3);
    updateManagedFields(undefined, obj, { manager: "kubectl-client-side-apply", operation: "Update", apiVersion: "apps/v1", now: T0, model: "V1Deployment" });
    return obj;
  }

  it("records an Update with the map and list items themselves ('.')", () => {
    const obj = createdByClientSideApply();
    expect(obj.metadata.managedFields).to.deep.equal([
      {
        manager: "kubectl-client-side-apply",
        operation: "Update",
        apiVersion: "apps/v1",
        time: "2024-05-01T10:00:00Z",
        fieldsType: "FieldsV1",
        fieldsV1: {
          "f:spec": {
            "f:replicas": {},
            "f:selector": {},
            "f:template": {
              "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
              "f:spec": {
                "f:containers": {
                  'k:{"name":"web"}': {
                    ".": {},
                    "f:image": {},
                    "f:name": {},
                    "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {}, "f:protocol": {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it("fails on another manager's differing field with kube-apiserver's 409, and takes it with force", () => {
    const live = createdByClientSideApply();
    const opts = { model: "V1Deployment", apiVersion: "apps/v1", now: T1 };
    let err: unknown;
    try {
      apply(live, deployment(5), "kubectl", opts);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(StatusError);
    expect((err as StatusError).toStatus()).to.deep.equal({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      reason: "Conflict",
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: ".spec.replicas" }] },
      code: 409,
    });

    const forced = apply(live, deployment(5), "kubectl", { ...opts, force: true });
    expect(forced.spec.replicas).to.equal(5);
    const [applied, csa] = forced.metadata.managedFields;
    expect(applied.manager).to.equal("kubectl");
    expect(applied.fieldsV1["f:spec"]["f:replicas"]).to.deep.equal({});
    expect(csa.manager).to.equal("kubectl-client-side-apply");
    expect(csa.fieldsV1["f:spec"]["f:replicas"]).to.equal(undefined);
    // Same values: shared ownership, no conflict.
    expect(csa.fieldsV1["f:spec"]["f:template"]["f:spec"]["f:containers"]['k:{"name":"web"}']["f:image"]).to.deep.equal({});
  });

  it("lists several conflicts per manager", () => {
    const live = createdByClientSideApply();
    try {
      apply(live, deployment(5, "nginx:2"), "kubectl", { model: "V1Deployment", apiVersion: "apps/v1" });
      expect.fail("no conflict");
    } catch (e) {
      const s = (e as StatusError).toStatus();
      expect(s.message).to.equal(
        'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
      );
      expect(s.details?.causes?.map((c) => c.field)).to.deep.equal([".spec.replicas", '.spec.template.spec.containers[name="web"].image']);
    }
  });

  it("removes fields the manager stopped applying unless someone else owns them", () => {
    const cm = (labels: Record<string, string>) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels } });
    let live = apply(undefined, cm({ a: "1", b: "2", c: "3" }), "one");
    live = apply(live, cm({ c: "3" }), "two");
    live = apply(live, cm({ a: "1" }), "one", { now: T1 });
    expect(live.metadata.labels).to.deep.equal({ a: "1", c: "3" });
    expect(live.metadata.managedFields.map((e: Obj) => [e.manager, e.time, e.fieldsV1])).to.deep.equal([
      ["two", "2024-05-01T10:00:00Z", { "f:metadata": { "f:labels": { "f:c": {} } } }],
      ["one", "2024-05-01T11:00:00Z", { "f:metadata": { "f:labels": { "f:a": {} } } }],
    ]);
  });

  it("merges keyed lists, keeps set items as v: entries, and rejects managedFields in the config", () => {
    const pod = (containers: Obj[], finalizers: string[]) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", finalizers }, spec: { containers } });
    let live = apply(undefined, pod([{ name: "a", image: "a" }], ["x"]), "one", { model: "V1Pod" });
    live = apply(live, pod([{ name: "b", image: "b" }], ["y"]), "two", { model: "V1Pod" });
    expect(live.spec.containers.map((c: Obj) => c.name)).to.deep.equal(["a", "b"]);
    expect(live.metadata.finalizers).to.deep.equal(["x", "y"]);
    expect(live.metadata.managedFields[1].fieldsV1).to.deep.equal({
      "f:metadata": { "f:finalizers": { 'v:"y"': {} } },
      "f:spec": { "f:containers": { 'k:{"name":"b"}': { ".": {}, "f:image": {}, "f:name": {} } } },
    });
    expect(() => apply(live, { ...pod([], []), metadata: { name: "p", managedFields: [] } }, "one", { model: "V1Pod" })).to.throw(StatusError, "metadata.managedFields must be nil");
  });
});

describe("managedFields of updates", () => {
  it("merges an Update into the manager's entry and takes changed fields from others", () => {
    const obj: Obj = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
    updateManagedFields(undefined, obj, { manager: "m1", operation: "Update", apiVersion: "v1", now: T0, model: "V1ConfigMap" });
    const next: Obj = structuredClone(obj);
    next.data.a = "2";
    next.data.b = "3";
    updateManagedFields(obj, next, { manager: "m2", operation: "Update", apiVersion: "v1", now: T1, model: "V1ConfigMap" });
    // m1 keeps the data map itself ("." when it created it), now serialized as {}.
    expect(next.metadata.managedFields).to.deep.equal([
      { manager: "m1", operation: "Update", apiVersion: "v1", time: "2024-05-01T10:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:data": {} } },
      { manager: "m2", operation: "Update", apiVersion: "v1", time: "2024-05-01T11:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:a": {}, "f:b": {} } } },
    ]);
    const third: Obj = structuredClone(next);
    third.data.c = "4";
    updateManagedFields(next, third, { manager: "m2", operation: "Update", apiVersion: "v1", now: T1, model: "V1ConfigMap" });
    expect(third.metadata.managedFields[1].fieldsV1).to.deep.equal({ "f:data": { "f:a": {}, "f:b": {}, "f:c": {} } });
  });

  it("a renewal by the same manager moves only its entry's time; another manager's write takes the field", () => {
    const T = (s: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, s));
    const opts = (manager: string, now: Date) => ({ manager, operation: "Update" as const, apiVersion: "coordination.k8s.io/v1", now, model: "V1Lease" });
    const lease: Obj = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "n1", namespace: "kube-node-lease" }, spec: { holderIdentity: "n1", leaseDurationSeconds: 40, renewTime: "2024-05-01T10:00:00.000000Z" } };
    updateManagedFields(undefined, lease, opts("kubelet", T(0)));
    const fields = { "f:spec": { "f:holderIdentity": {}, "f:leaseDurationSeconds": {}, "f:renewTime": {} } };
    expect(lease.metadata.managedFields).to.deep.equal([{ manager: "kubelet", operation: "Update", apiVersion: "coordination.k8s.io/v1", time: "2024-05-01T10:00:00Z", fieldsType: "FieldsV1", fieldsV1: fields }]);
    let cur = lease;
    for (let i = 1; i <= 3; i++) {
      const next: Obj = structuredClone(cur);
      next.spec.renewTime = `2024-05-01T10:00:${10 * i}.000000Z`;
      updateManagedFields(cur, next, opts("kubelet", T(10 * i)));
      expect(next.metadata.managedFields).to.deep.equal([{ manager: "kubelet", operation: "Update", apiVersion: "coordination.k8s.io/v1", time: `2024-05-01T10:00:${10 * i}Z`, fieldsType: "FieldsV1", fieldsV1: fields }]);
      cur = next;
    }
    // Nothing changed: no time moves.
    const same: Obj = structuredClone(cur);
    updateManagedFields(cur, same, opts("kubelet", T(50)));
    expect(same.metadata.managedFields[0].time).to.equal("2024-05-01T10:00:30Z");
    // A field given up by the same manager leaves its set, the others stay.
    const dropped: Obj = structuredClone(cur);
    dropped.spec.renewTime = "2024-05-01T10:00:55.000000Z";
    delete dropped.spec.leaseDurationSeconds;
    updateManagedFields(cur, dropped, opts("kubelet", T(55)));
    expect(dropped.metadata.managedFields[0]).to.deep.include({ time: "2024-05-01T10:00:55Z", fieldsV1: { "f:spec": { "f:holderIdentity": {}, "f:renewTime": {} } } });
    // Another manager renewing takes renewTime; the first keeps the rest, with its time.
    const taken: Obj = structuredClone(dropped);
    taken.spec.renewTime = "2024-05-01T10:01:00.000000Z";
    updateManagedFields(dropped, taken, opts("other", T(60)));
    expect(taken.metadata.managedFields.map((e: Obj) => [e.manager, e.time, e.fieldsV1])).to.deep.equal([
      ["kubelet", "2024-05-01T10:00:55Z", { "f:spec": { "f:holderIdentity": {} } }],
      ["other", "2024-05-01T10:01:00Z", { "f:spec": { "f:renewTime": {} } }],
    ]);
  });

  it("writes a client's non-canonical fieldsV1 of the writer's entry in the encoder's form", () => {
    const cm: Obj = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1", b: "2" } };
    updateManagedFields(undefined, cm, { manager: "m1", operation: "Update", apiVersion: "v1", now: T0, model: "V1ConfigMap" });
    const next: Obj = structuredClone(cm);
    // The same set, keys in another order and "." last: the entry is encoded again, not kept as sent.
    next.metadata.managedFields[0].fieldsV1 = { "f:data": { "f:b": {}, "f:a": {}, ".": {} } };
    next.data.a = "3";
    updateManagedFields(cm, next, { manager: "m1", operation: "Update", apiVersion: "v1", now: T1, model: "V1ConfigMap" });
    expect(JSON.stringify(next.metadata.managedFields[0].fieldsV1)).to.equal('{"f:data":{".":{},"f:a":{},"f:b":{}}}');
    expect(next.metadata.managedFields[0].time).to.equal("2024-05-01T11:00:00Z");
  });

  it("folds Update entries beyond 10 into ancient-changes", () => {
    let obj: Obj = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: {} };
    for (let i = 0; i < 12; i++) {
      const next: Obj = structuredClone(obj);
      next.data[`k${i}`] = "v";
      updateManagedFields(obj, next, { manager: `m${i}`, operation: "Update", apiVersion: "v1", now: new Date(T0.getTime() + i * 1000), model: "V1ConfigMap" });
      obj = next;
    }
    const names = obj.metadata.managedFields.map((e: Obj) => e.manager);
    expect(names).to.have.length(10);
    expect(names[0]).to.equal("ancient-changes");
    expect(obj.metadata.managedFields[0].fieldsV1).to.deep.equal({ "f:data": { "f:k0": {}, "f:k1": {}, "f:k2": {} } });
  });
});
