import { expect } from "chai";
import { negotiateDiscovery, storageVersionHash } from "../../src/k8s-api/discovery/index.js";
import { getJson } from "../openapi/http.js";
import { startServer, type TestServer } from "../openapi/server.js";

const AGG_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const AGG_V2BETA1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
/** What kubectl 1.35 sends for /api and /apis. */
const KUBECTL_ACCEPT = `${AGG_V2},${AGG_V2BETA1},application/json`;

describe("discovery: negotiation", () => {
  it("prefers aggregated v2, then v2beta1, then legacy JSON", () => {
    expect(negotiateDiscovery(KUBECTL_ACCEPT)).to.deep.equal({ kind: "aggregated", version: "v2" });
    expect(negotiateDiscovery(`${AGG_V2BETA1},application/json`)).to.deep.equal({ kind: "aggregated", version: "v2beta1" });
    expect(negotiateDiscovery(KUBECTL_ACCEPT, false)).to.deep.equal({ kind: "legacy", mediaType: "application/json" });
    expect(negotiateDiscovery(undefined)).to.deep.equal({ kind: "legacy", mediaType: "application/json" });
    expect(negotiateDiscovery("application/vnd.kubernetes.protobuf")).to.equal(undefined);
  });

  it("computes storageVersionHash as kube-apiserver", () => {
    // Values a v1.35 cluster reports.
    expect(storageVersionHash("", "v1", "ConfigMap")).to.equal("qFsyl6wFWjQ=");
    expect(storageVersionHash("", "v1", "Pod")).to.equal("xPOwRZ+Yhw8=");
    expect(storageVersionHash("apps", "v1", "Deployment")).to.equal("8aSe+NMegvE=");
  });
});

describe("discovery: HTTP", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  it("GET /api is APIVersions", async () => {
    const r = await getJson(`${server.url}/api`);
    expect(r.status).to.equal(200);
    expect(r.body).to.deep.include({ kind: "APIVersions", versions: ["v1"] });
    expect(r.body.serverAddressByClientCIDRs[0].clientCIDR).to.equal("0.0.0.0/0");
  });

  it("GET /api/v1 lists resources and subresources with verbs, shortNames, categories and hashes", async () => {
    const r = await getJson(`${server.url}/api/v1`);
    expect(r.body).to.include({ kind: "APIResourceList", groupVersion: "v1" });
    const byName = new Map<string, any>(r.body.resources.map((x: any) => [x.name, x]));
    expect(byName.get("pods")).to.deep.equal({
      name: "pods",
      singularName: "pod",
      namespaced: true,
      kind: "Pod",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      shortNames: ["po"],
      categories: ["all"],
      storageVersionHash: "xPOwRZ+Yhw8=",
    });
    expect(byName.get("pods/status")).to.deep.equal({ name: "pods/status", singularName: "", namespaced: true, kind: "Pod", verbs: ["get", "patch", "update"] });
    expect(byName.get("pods/eviction")).to.deep.include({ group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] });
    expect(byName.get("pods/exec")).to.deep.include({ kind: "PodExecOptions", verbs: ["create", "get"] });
    expect(byName.get("replicationcontrollers/scale")).to.deep.include({ group: "autoscaling", version: "v1", kind: "Scale" });
    expect(byName.get("namespaces")).to.include({ namespaced: false });
  });

  it("GET /apis, /apis/apps and /apis/apps/v1", async () => {
    const list = await getJson(`${server.url}/apis`);
    expect(list.body.kind).to.equal("APIGroupList");
    expect(list.body.groups.map((g: any) => g.name)).to.deep.equal(["apps", "events.k8s.io", "batch", "policy", "rbac.authorization.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io"]);
    const apps = await getJson(`${server.url}/apis/apps`);
    expect(apps.body).to.deep.equal({ kind: "APIGroup", apiVersion: "v1", name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { groupVersion: "apps/v1", version: "v1" } });
    const v1 = await getJson(`${server.url}/apis/apps/v1`);
    expect(v1.body).to.include({ kind: "APIResourceList", apiVersion: "v1", groupVersion: "apps/v1" });
    const deploy = v1.body.resources.find((x: any) => x.name === "deployments");
    expect(deploy).to.deep.include({ singularName: "deployment", shortNames: ["deploy"], categories: ["all"], storageVersionHash: "8aSe+NMegvE=" });
    expect((await fetch(`${server.url}/apis/nope`)).status).to.equal(404);
  });

  for (const [accept, version] of [[KUBECTL_ACCEPT, "v2"], [`${AGG_V2BETA1},application/json`, "v2beta1"]] as const) {
    it(`serves aggregated discovery ${version} on /api and /apis with Vary and ETag`, async () => {
      const apis = await getJson(`${server.url}/apis`, { accept });
      expect(apis.status).to.equal(200);
      expect(apis.headers.get("content-type")).to.equal(`application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`);
      expect(apis.headers.get("vary")).to.equal("Accept");
      const etag = apis.headers.get("etag")!;
      expect(etag).to.match(/^"[0-9A-F]+"$/);
      expect(apis.body).to.include({ kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${version}` });
      const apps = apis.body.items.find((i: any) => i.metadata.name === "apps");
      const deploy = apps.versions[0].resources.find((r: any) => r.resource === "deployments");
      expect(deploy).to.deep.include({ responseKind: { group: "", version: "", kind: "Deployment" }, scope: "Namespaced", singularResource: "deployment", shortNames: ["deploy"], categories: ["all"] });
      expect(deploy.subresources).to.deep.include({ subresource: "scale", responseKind: { group: "autoscaling", version: "v1", kind: "Scale" }, verbs: ["get", "patch", "update"] });
      expect(apps.versions[0].freshness).to.equal("Current");
      expect((await fetch(`${server.url}/apis`, { headers: { accept, "if-none-match": etag } })).status).to.equal(304);

      const core = await getJson(`${server.url}/api`, { accept });
      expect(core.body.items).to.have.length(1);
      expect(core.body.items[0].metadata).to.deep.equal({});
      expect(core.body.items[0].versions[0].resources.map((r: any) => r.resource)).to.include.members(["pods", "services", "namespaces"]);
    });
  }

  it("answers 406 to an Accept it cannot satisfy", async () => {
    expect((await fetch(`${server.url}/apis`, { headers: { accept: "application/vnd.kubernetes.protobuf" } })).status).to.equal(406);
  });
});
