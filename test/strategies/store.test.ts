/**
 * The strategies inside the real generic store (ResourceStore), over a minimal map store:
 * the order the store calls them in, and the 422 Status kubectl shows.
 */
import { expect } from "chai";
import { ResourceStore, type WriteContext } from "../../src/k8s-api/registry/generic-store.js";
import { subresourceStrategy } from "../../src/k8s-api/registry/subresources.js";
import { cloneJSON as copyParsed } from "../../src/k8s-api/types.js";
import { StatusError } from "../../src/k8s-api/errors.js";
import { ConflictError, KeyExistsError, KeyNotFoundError } from "../../src/k8s-api/store/errors.js";
import type { ListOptions, ListResult, Store, StoreEntry, StoreWatch } from "../../src/k8s-api/store/types.js";
import type { ResourceInfo } from "../../src/k8s-api/registry/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../src/k8s-api/validation/meta.js";
import { info } from "./helpers.js";

/** Just enough of a Store for single-writer tests. */
class MapStore implements Store {
  private rev = 0;
  private readonly m = new Map<string, StoreEntry>();
  async get(key: string) {
    return this.m.get(key);
  }
  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    const entries = [...this.m.values()].filter((e) => e.key.startsWith(prefix) && (!opts.startAfter || e.key > opts.startAfter)).sort((a, b) => (a.key < b.key ? -1 : 1));
    return { entries, revision: this.rev, more: false, remaining: 0 };
  }
  async count(prefix: string) {
    return (await this.list(prefix)).entries.length;
  }
  async create(key: string, value: string) {
    if (this.m.has(key)) throw new KeyExistsError(key);
    const e = { key, value, createRevision: ++this.rev, modRevision: this.rev };
    this.m.set(key, e);
    return e;
  }
  async update(key: string, value: string, expectedRevision: number) {
    const cur = this.m.get(key);
    if (!cur) throw new KeyNotFoundError(key);
    if (cur.modRevision !== expectedRevision) throw new ConflictError(key, expectedRevision, cur.modRevision);
    const e = { key, value, createRevision: cur.createRevision, modRevision: ++this.rev };
    this.m.set(key, e);
    return e;
  }
  async delete(key: string) {
    const cur = this.m.get(key);
    if (!cur) throw new KeyNotFoundError(key);
    this.m.delete(key);
    return { ...cur, modRevision: ++this.rev };
  }
  watch(): StoreWatch {
    return { stop() {} };
  }
  async compact() {}
  currentRevision() {
    return this.rev;
  }
  compactedRevision() {
    return 0;
  }
  async close() {}
}

const w: WriteContext = { fieldManager: "kubectl", operation: "Update", dryRun: false, now: new Date("2025-01-01T00:00:00Z") };

function storeFor(r: ResourceInfo): ResourceStore {
  return new ResourceStore(r, new MapStore(), {
    validateMeta: (i, obj, old) => {
      const causes = validateObjectMeta(obj.metadata ?? {}, { namespaced: i.namespaced, ...(i.strategy.validateName ? { nameFn: i.strategy.validateName } : {}) });
      if (old) causes.push(...validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}));
      return causes;
    },
  });
}

async function rejected(p: Promise<unknown>): Promise<StatusError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error("expected a StatusError");
}

describe("strategies in the generic store", () => {
  const DEPLOY = info("apps", "Deployment");
  const deployment = (labels: Record<string, string>, replicas = 1): KubeObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: { replicas, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
  });

  it("cloneJSON (the copy guaranteedUpdate mutates) is what parsing the same JSON again gives: keys, their order, __proto__ as an own key", () => {
    const json = '{"b":1,"10":[{"x":null,"2":"y"}],"a":{"__proto__":{"polluted":true},"z":[1,"2",false]},"__proto__":[]}';
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const copy = copyParsed(parsed);
    expect(JSON.stringify(copy)).to.equal(JSON.stringify(JSON.parse(json)));
    expect(Object.keys(copy)).to.deep.equal(["10", "b", "a", "__proto__"]);
    expect(Object.getPrototypeOf(copy)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(copy.a)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(copy.a).to.not.equal(parsed.a);
    expect((copy.a as { z: unknown }).z).to.not.equal((parsed.a as { z: unknown }).z);
  });

  it("updates an object whose keys JSON.parse treats specially (__proto__, integers) as stored", async () => {
    const CM = info("", "ConfigMap");
    const s = storeFor(CM);
    await s.create("default", JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd"},"data":{"b":"1","__proto__":"p","7":"seven"}}') as KubeObject, w);
    const res = await s.guaranteedUpdate("default", "odd", w, async (cur) => {
      (cur!.data as Record<string, string>).b = "2";
      return { update: cur! };
    });
    const data = res.object.data as Record<string, string>;
    expect(Object.keys(data)).to.deep.equal(["7", "b", "__proto__"]);
    expect(Object.hasOwn(data, "__proto__") && data["__proto__"]).to.equal("p");
    expect(JSON.stringify((await s.get("default", "odd")).data)).to.equal('{"7":"seven","b":"2","__proto__":"p"}');
  });

  it("answers a bad deployment with kubectl's 422", async () => {
    const s = storeFor(DEPLOY);
    const err = await rejected(s.create("default", deployment({ app: "nope" }), w));
    expect(err.code).to.equal(422);
    expect(err.message).to.equal('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nope"}: `selector` does not match template `labels`');
    expect(err.details?.causes).to.deep.equal([
      { reason: "FieldValueInvalid", field: "spec.template.metadata.labels", message: 'Invalid value: map[string]string{"app":"nope"}: `selector` does not match template `labels`' },
    ]);
  });

  it("creates, scales, writes status and keeps generations as kube-apiserver", async () => {
    const s = storeFor(DEPLOY);
    const created = await s.create("default", deployment({ app: "web" }), w);
    expect(created.metadata?.generation).to.equal(1);
    expect((created.spec as Record<string, unknown>).revisionHistoryLimit).to.equal(10);

    const scaled = await s.guaranteedUpdate("default", "web", w, async (cur) => {
      (cur!.spec as Record<string, unknown>).replicas = 3;
      return { update: cur! };
    });
    expect(scaled.object.metadata?.generation).to.equal(2);

    const status = await s.update("default", "web", { ...scaled.object, status: { replicas: 3, observedGeneration: 2 } }, { ...w, subresource: "status" }, subresourceStrategy(DEPLOY, "status"));
    expect(status.object.status).to.deep.equal({ replicas: 3, observedGeneration: 2 });
    expect(status.object.metadata?.generation).to.equal(2);

    // A spec write with a stale status keeps the stored status.
    const respec = await s.update("default", "web", { ...deployment({ app: "web" }, 3), status: {} }, w);
    expect(respec.object.status).to.deep.equal({ replicas: 3, observedGeneration: 2 });
    expect(respec.object.metadata?.generation).to.equal(2);
  });

  it("refuses to move a Service's cluster IP but keeps it when the manifest omits it", async () => {
    const SVC = info("", "Service");
    const s = storeFor(SVC);
    const svc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }], ...spec } });
    await s.create("default", svc({ clusterIP: "127.96.0.7" }), w);
    const again = await s.update("default", "web", svc({}), w);
    expect(again.object.spec).to.include({ clusterIP: "127.96.0.7" });
    const err = await rejected(s.update("default", "web", svc({ clusterIP: "127.96.0.8" }), w));
    expect(err.message).to.equal('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"127.96.0.8"}: may not change once set');
  });

  it("creates a Job with its generated selector from the uid the store assigned", async () => {
    const JOB = info("batch", "Job");
    const s = storeFor(JOB);
    const job = await s.create("default", { apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" }, spec: { template: { spec: { containers: [{ name: "pi", image: "perl" }], restartPolicy: "Never" } } } }, w);
    expect((job.spec as { selector: unknown }).selector).to.deep.equal({ matchLabels: { "batch.kubernetes.io/controller-uid": job.metadata!.uid } });
  });
});
