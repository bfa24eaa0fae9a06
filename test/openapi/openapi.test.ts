import { expect } from "chai";
import { buildSpec, swaggerDocument, v3Document } from "../../src/k8s-api/openapi/index.js";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import { getJson } from "./http.js";
import { startServer, type TestServer } from "./server.js";
import { readUpstream } from "./upstream.js";

type Schema = Record<string, any>;

const spec = buildSpec(RESOURCES);
const v2 = swaggerDocument(spec, "unversioned") as { definitions: Record<string, Schema>; paths: Record<string, Schema> };
const defs = v2.definitions;
const prop = (def: string, field: string): Schema => defs[def]!.properties[field];

/** Every "$ref" in a document. */
function refs(doc: unknown, out: string[] = []): string[] {
  if (Array.isArray(doc)) doc.forEach((d) => refs(d, out));
  else if (doc && typeof doc === "object") for (const [k, v] of Object.entries(doc)) (k === "$ref" && typeof v === "string" ? out.push(v) : refs(v, out));
  return out;
}

describe("openapi: v2 definitions", () => {
  it("is a Swagger 2.0 document whose every $ref resolves", () => {
    expect((v2 as Schema).swagger).to.equal("2.0");
    for (const r of refs(v2)) {
      expect(r.startsWith("#/definitions/"), r).to.equal(true);
      expect(defs[r.slice("#/definitions/".length)], r).to.not.equal(undefined);
    }
  });

  it("names definitions as upstream and covers every served kind and list", () => {
    for (const name of ["io.k8s.api.core.v1.Pod", "io.k8s.api.core.v1.PodList", "io.k8s.api.apps.v1.Deployment", "io.k8s.api.core.v1.Event", "io.k8s.api.events.v1.Event", "io.k8s.api.autoscaling.v1.Scale", "io.k8s.api.policy.v1.Eviction", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.Patch"]) {
      expect(defs, name).to.have.property(name);
    }
  });

  it("matches upstream Pod fields: types, formats, refs, required", () => {
    expect(defs["io.k8s.api.core.v1.PodSpec"]!.required).to.deep.equal(["containers"]);
    expect(defs["io.k8s.api.core.v1.Container"]!.required).to.deep.equal(["name"]);
    expect(prop("io.k8s.api.core.v1.PodSpec", "terminationGracePeriodSeconds")).to.include({ type: "integer", format: "int64" });
    expect(prop("io.k8s.api.core.v1.ContainerPort", "containerPort")).to.include({ type: "integer", format: "int32" });
    expect(prop("io.k8s.api.core.v1.Pod", "spec")).to.deep.include({ $ref: "#/definitions/io.k8s.api.core.v1.PodSpec" });
    expect(prop("io.k8s.api.core.v1.Pod", "spec").description).to.match(/^Specification of the desired behavior of the pod/);
    expect(prop("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "creationTimestamp").$ref).to.equal("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time");
    expect(prop("io.k8s.api.core.v1.ResourceRequirements", "limits")).to.deep.include({ type: "object", additionalProperties: { $ref: "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity" } });
    expect(prop("io.k8s.api.core.v1.Secret", "data").additionalProperties).to.deep.equal({ type: "string", format: "byte" });
    expect(prop("io.k8s.api.core.v1.ContainerPort", "protocol")).to.include({ type: "string" });
    expect(defs["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).to.include({ type: "string", format: "int-or-string" });
    expect(defs["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]).to.include({ type: "string", format: "date-time" });
    expect(defs["io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"]).to.include({ type: "string", format: "date-time" });
    expect(defs["io.k8s.apimachinery.pkg.runtime.RawExtension"]).to.include({ type: "object" });
    expect(prop("io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry", "fieldsV1").$ref).to.equal("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1");
  });

  it("carries the patch extensions of containers, env, volumes and ports", () => {
    expect(prop("io.k8s.api.core.v1.PodSpec", "containers")).to.deep.include({
      items: { $ref: "#/definitions/io.k8s.api.core.v1.Container" },
      type: "array",
      "x-kubernetes-list-map-keys": ["name"],
      "x-kubernetes-list-type": "map",
      "x-kubernetes-patch-merge-key": "name",
      "x-kubernetes-patch-strategy": "merge",
    });
    expect(prop("io.k8s.api.core.v1.Container", "env")).to.include({ "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge", "x-kubernetes-list-type": "map" });
    expect(prop("io.k8s.api.core.v1.PodSpec", "volumes")).to.include({ "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge,retainKeys" });
    expect(prop("io.k8s.api.core.v1.Container", "ports")).to.deep.include({ "x-kubernetes-list-map-keys": ["containerPort", "protocol"], "x-kubernetes-patch-merge-key": "containerPort" });
    expect(prop("io.k8s.api.core.v1.PodSpec", "tolerations")).to.include({ "x-kubernetes-list-type": "atomic" });
    expect(defs["io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"]).to.include({ "x-kubernetes-map-type": "atomic" });
  });

  it("matches upstream Deployment fields", () => {
    expect(defs["io.k8s.api.apps.v1.DeploymentSpec"]!.required).to.deep.equal(["selector", "template"]);
    expect(prop("io.k8s.api.apps.v1.DeploymentSpec", "strategy")).to.deep.include({ $ref: "#/definitions/io.k8s.api.apps.v1.DeploymentStrategy", "x-kubernetes-patch-strategy": "retainKeys" });
    expect(prop("io.k8s.api.apps.v1.RollingUpdateDeployment", "maxSurge").$ref).to.equal("#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString");
    expect(prop("io.k8s.api.apps.v1.RollingUpdateDeployment", "maxSurge").description).to.match(/^The maximum number of pods that can be scheduled/);
    expect(prop("io.k8s.api.apps.v1.DeploymentStatus", "conditions")).to.include({ "x-kubernetes-patch-merge-key": "type", "x-kubernetes-list-type": "map" });
  });

  it("tags kinds with x-kubernetes-group-version-kind as upstream", () => {
    const gvk = (d: string) => defs[d]!["x-kubernetes-group-version-kind"];
    expect(gvk("io.k8s.api.core.v1.Pod")).to.deep.equal([{ group: "", kind: "Pod", version: "v1" }]);
    expect(gvk("io.k8s.api.apps.v1.DeploymentList")).to.deep.equal([{ group: "apps", kind: "DeploymentList", version: "v1" }]);
    expect(gvk("io.k8s.api.autoscaling.v1.Scale")).to.deep.equal([{ group: "autoscaling", kind: "Scale", version: "v1" }]);
    expect(gvk("io.k8s.api.core.v1.PersistentVolumeClaim")).to.deep.equal([{ group: "", kind: "PersistentVolumeClaim", version: "v1" }]);
    expect(gvk("io.k8s.apimachinery.pkg.apis.meta.v1.Status")).to.deep.equal([{ group: "", kind: "Status", version: "v1" }]);
    expect(gvk("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions")).to.deep.include({ group: "apps", kind: "DeleteOptions", version: "v1" });
    expect(gvk("io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent")).to.deep.include({ group: "", kind: "WatchEvent", version: "v1" });
    expect(gvk("io.k8s.api.core.v1.PodSpec")).to.equal(undefined);
  });

  it("lays out paths and operations as the installer does", () => {
    const item = v2.paths["/api/v1/namespaces/{namespace}/pods/{name}"]!;
    expect(item.patch).to.include({ operationId: "patchCoreV1NamespacedPod", "x-kubernetes-action": "patch" });
    expect(item.patch["x-kubernetes-group-version-kind"]).to.deep.equal({ group: "", kind: "Pod", version: "v1" });
    expect(item.patch.consumes).to.include("application/strategic-merge-patch+json");
    expect(item.patch.parameters.map((p: Schema) => p.name)).to.include.members(["body", "fieldValidation", "fieldManager", "force", "dryRun"]);
    expect(item.delete.responses["200"].schema.$ref).to.equal("#/definitions/io.k8s.api.core.v1.Pod");
    expect(v2.paths["/apis/apps/v1/namespaces/{namespace}/deployments"]!.delete.operationId).to.equal("deleteAppsV1CollectionNamespacedDeployment");
    expect(v2.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!.delete.responses["200"].schema.$ref).to.equal("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Status");
    const scale = v2.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!;
    expect(scale.get["x-kubernetes-group-version-kind"]).to.deep.equal({ group: "autoscaling", kind: "Scale", version: "v1" });
    expect(v2.paths["/apis/apps/v1/watch/deployments"]!.get["x-kubernetes-action"]).to.equal("watchlist");
    expect(v2.paths["/api/v1/namespaces/{namespace}/pods/{name}/exec"]!.post).to.include({ operationId: "connectCoreV1PostNamespacedPodExec", "x-kubernetes-action": "connect" });
    expect(v2.paths["/apis/scheduling.k8s.io/v1/priorityclasses"]!.post.description).to.equal("create a PriorityClass");
    expect(v2.paths["/api/v1/namespaces/{namespace}/endpoints"]!.post.description).to.equal("create Endpoints");
  });
});

describe("openapi: v3 documents", () => {
  it("splits paths per group version and resolves every $ref in components", () => {
    expect([...spec.groups.keys()]).to.include.members(["api", "api/v1", "apis", "apis/apps", "apis/apps/v1", "apis/batch/v1", "version"]);
    for (const key of spec.groups.keys()) {
      const doc = v3Document(spec, key) as Schema;
      expect(doc.openapi, key).to.equal("3.0.0");
      for (const r of refs(doc)) {
        expect(r.startsWith("#/components/schemas/"), r).to.equal(true);
        expect(doc.components.schemas[r.slice("#/components/schemas/".length)], `${key}: ${r}`).to.not.equal(undefined);
      }
    }
  });

  it("wraps described $refs in allOf and gives IntOrString and Quantity their v3 schemas", () => {
    const doc = v3Document(spec, "apis/apps/v1") as Schema;
    const s = doc.components.schemas;
    expect(Object.keys(doc.paths).every((p) => p.startsWith("/apis/apps/v1/"))).to.equal(true);
    expect(s["io.k8s.api.apps.v1.Deployment"].properties.spec).to.deep.include({ allOf: [{ $ref: "#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec" }] });
    expect(s["io.k8s.api.core.v1.PodSpec"].properties.containers.items).to.deep.equal({ allOf: [{ $ref: "#/components/schemas/io.k8s.api.core.v1.Container" }], default: {} });
    expect(s["io.k8s.api.core.v1.Container"].properties.args.items).to.deep.equal({ default: "", type: "string" });
    expect(s["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).to.deep.include({ format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] });
    expect(s["io.k8s.apimachinery.pkg.api.resource.Quantity"]).to.deep.include({ oneOf: [{ type: "string" }, { type: "number" }] });
    const patch = doc.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"].patch;
    expect(patch.requestBody.content).to.have.property("application/strategic-merge-patch+json");
    expect(patch.parameters.map((p: Schema) => p.name)).to.include("fieldValidation");
    expect(patch["x-kubernetes-group-version-kind"]).to.deep.equal({ group: "apps", kind: "Deployment", version: "v1" });
  });
});

describe("openapi: HTTP", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  it("serves /openapi/v2 as JSON with an ETag, 304 on a match", async () => {
    const r = await getJson(`${server.url}/openapi/v2`, { accept: "application/json" });
    expect(r.status).to.equal(200);
    expect(r.headers.get("content-type")).to.equal("application/json");
    expect(r.body.swagger).to.equal("2.0");
    const etag = r.headers.get("etag")!;
    expect(etag).to.match(/^"[0-9A-F]{128}"$/);
    expect(r.headers.get("vary")).to.match(/Accept/);
    const again = await fetch(`${server.url}/openapi/v2`, { headers: { "if-none-match": etag } });
    expect(again.status).to.equal(304);
  });

  it("answers a protobuf-only Accept with protobuf (see test/protobuf), 200 to a list with JSON, 406 to v3 protobuf", async () => {
    expect((await fetch(`${server.url}/openapi/v2`, { headers: { accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" } })).headers.get("content-type")).to.equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
    const r = await fetch(`${server.url}/openapi/v2`, { headers: { accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf, application/json" } });
    expect(r.status).to.equal(200);
    expect((await fetch(`${server.url}/openapi/v3/api/v1`, { headers: { accept: "application/com.github.proto-openapi.spec.v3@v1.0+protobuf" } })).status).to.equal(406);
  });

  it("serves the /openapi/v3 index with hashed URLs that are immutable", async () => {
    const index = await getJson(`${server.url}/openapi/v3`);
    expect(index.status).to.equal(200);
    const paths = index.body.paths as Record<string, { serverRelativeURL: string }>;
    expect(Object.keys(paths)).to.include.members(["api", "api/v1", "apis", "apis/apps", "apis/apps/v1", "version"]);
    const url = paths["apis/apps/v1"]!.serverRelativeURL;
    expect(url).to.match(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    const doc = await getJson(server.url + url);
    expect(doc.status).to.equal(200);
    expect(doc.headers.get("cache-control")).to.equal("public, immutable");
    expect(doc.headers.get("etag")).to.equal(`"${url.split("hash=")[1]}"`);
    expect(doc.body.components.schemas).to.have.property("io.k8s.api.apps.v1.Deployment");
    const plain = await getJson(`${server.url}/openapi/v3/apis/apps/v1`);
    expect(plain.status).to.equal(200);
    expect(plain.headers.get("cache-control")).to.equal(null);
    const stale = await fetch(`${server.url}/openapi/v3/apis/apps/v1?hash=ABC`, { redirect: "manual" });
    expect(stale.status).to.equal(301);
    expect(stale.headers.get("location")).to.equal(url);
    expect((await fetch(`${server.url}/openapi/v3/apis/nope/v1`)).status).to.equal(404);
  });
});

describe("openapi: against the upstream v1.35 spec", function () {

  /** Fields that differ because client-node's models are from the 1.36 spec. */
  const DRIFT = new Set(["io.k8s.api.core.v1.PodSpec.workloadRef", "io.k8s.api.core.v1.PodSpec.schedulingGroup", "io.k8s.api.core.v1.PodStatus.nodeAllocatableResourceClaimStatuses", "io.k8s.api.core.v1.ResourceHealth.message", "io.k8s.api.core.v1.VolumeMountStatus.volumeStatus", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta.shardInfo"]);

  it("every served definition has upstream's property types, refs and extensions", () => {
    const up = (readUpstream("swagger.json") as { definitions: Record<string, Schema> }).definitions;
    const problems: string[] = [];
    for (const [name, d] of Object.entries(defs)) {
      const u = up[name];
      if (!u) continue; // a 1.36-only type
      for (const k of Object.keys(u)) if (k.startsWith("x-kubernetes-") && k !== "x-kubernetes-group-version-kind" && JSON.stringify(u[k]) !== JSON.stringify(d[k])) problems.push(`${name} ${k}`);
      const fields = new Set([...Object.keys(u.properties ?? {}), ...Object.keys(d.properties ?? {})]);
      for (const f of fields) {
        if (DRIFT.has(`${name}.${f}`)) continue;
        const { description: _a, ...ours } = d.properties?.[f] ?? {};
        const { description: _b, ...theirs } = u.properties?.[f] ?? {};
        if (JSON.stringify(sorted(ours)) !== JSON.stringify(sorted(theirs))) problems.push(`${name}.${f}: ${JSON.stringify(ours)} != ${JSON.stringify(theirs)}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it("every served operation exists upstream with the same path, method, action and kind", () => {
    const up = (readUpstream("swagger.json") as { paths: Record<string, Record<string, Schema>> }).paths;
    const byId = new Map<string, { path: string; method: string; op: Schema }>();
    for (const [path, item] of Object.entries(up)) for (const [method, op] of Object.entries(item)) if (method !== "parameters") byId.set(op.operationId, { path, method, op });
    const problems: string[] = [];
    for (const [path, item] of Object.entries(v2.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters") continue;
        const u = byId.get(op.operationId);
        if (!u) problems.push(`${op.operationId}: not upstream`);
        else if (u.path !== path || u.method !== method || u.op["x-kubernetes-action"] !== op["x-kubernetes-action"] || JSON.stringify(u.op["x-kubernetes-group-version-kind"]) !== JSON.stringify(op["x-kubernetes-group-version-kind"])) problems.push(`${op.operationId}: differs`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});

function sorted(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(sorted);
  if (!o || typeof o !== "object") return o;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sorted((o as Schema)[k])]));
}
