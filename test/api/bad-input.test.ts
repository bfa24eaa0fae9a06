/**
 * Requests kube-apiserver refuses: each must answer with the upstream Status, store
 * nothing, and leave the server answering.
 */
import { expect } from "chai";
import { CM, DEPLOYS, client, configMap, deployment, expectFailure, expectOk, names, startTestServer, type Client, type TestServer, useTestServer } from "./helpers.js";

describe("api: bad input", () => {
  let s: TestServer;
  let c: Client;
  useTestServer((server, cl) => ((s = server), (c = cl)));

  /** Nothing was stored by the refused request and the server still serves. */
  async function nothingStored(): Promise<void> {
    const list = expectOk(await c.get(CM));
    expect(names(list)).to.deep.equal([]);
    expect((await c.get("/healthz")).status).to.equal(200);
  }

  it("malformed JSON body -> 400 BadRequest", async () => {
    const r = await c.post(CM, '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"', { contentType: "application/json" });
    // The Go decoder's wording follows the prefix; JSON.parse's differs, so only the prefix is pinned.
    expectFailure(r, 400, "BadRequest", /^couldn't get version\/kind; json parse error: /);
    await nothingStored();
  });

  it("empty body on create -> 400 BadRequest", async () => {
    const r = await c.post(CM, "", { contentType: "application/json" });
    expectFailure(r, 400, "BadRequest");
    await nothingStored();
  });

  it("YAML body with Content-Type application/yaml is accepted", async () => {
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n";
    const obj = expectOk(await c.post(CM, yaml, { contentType: "application/yaml" }), 201);
    expect(obj.metadata.name).to.equal("from-yaml");
    expect(obj.data).to.deep.equal({ k: "v" });
    expectOk(await c.del(`${CM}/from-yaml`));
  });

  it("apiVersion in the body not matching the URL -> 400 with upstream message", async () => {
    // Same kind in another (scheme-known) version: decoded, then refused by the create handler.
    const r = await c.post(DEPLOYS, { ...deployment("x"), apiVersion: "apps/v1beta2" });
    expectFailure(r, 400, "BadRequest", "the API version in the data (apps/v1beta2) does not match the expected API version (apps/v1)");
    expect(names(expectOk(await c.get(DEPLOYS)))).to.deep.equal([]);
    await nothingStored();
  });

  it("kind in the body not matching the URL -> 400 (transformDecodeError wording)", async () => {
    const r = await c.post(CM, { ...configMap("x"), kind: "Secret" });
    expectFailure(r, 400, "BadRequest", 'Secret in version "v1" cannot be handled as a ConfigMap: converting (v1.Secret) to (core.ConfigMap): unknown conversion');
    await nothingStored();
  });

  it("unknown resource under a served group version -> 404 NotFound", async () => {
    const r = await c.get("/api/v1/namespaces/default/foos");
    const st = expectFailure(r, 404, "NotFound", "the server could not find the requested resource");
    // NewGenericServerResponse(404, ...) without a resource: empty details.
    expect(st.details).to.deep.equal({});
    const r2 = await c.post("/apis/apps/v1/namespaces/default/widgets", { apiVersion: "apps/v1", kind: "Widget", metadata: { name: "w" } });
    expectFailure(r2, 404, "NotFound", "the server could not find the requested resource");
    await nothingStored();
  });

  it("body over 3 MiB -> 413 RequestEntityTooLarge", async () => {
    const big = configMap("big", { blob: "x".repeat(3 * 1024 * 1024 + 10) });
    const r = await c.post(CM, big);
    expectFailure(r, 413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
    await nothingStored();
  });

  it("unsupported Content-Type -> 415 UnsupportedMediaType", async () => {
    const r = await c.post(CM, JSON.stringify(configMap("x")), { contentType: "text/plain" });
    expectFailure(r, 415, "UnsupportedMediaType", /^the body of the request was in an unknown format - accepted media types include: application\/json, application\/yaml/);
    await nothingStored();
  });

  it("PUT with a body name different from the URL name -> 400", async () => {
    expectOk(await c.post(CM, configMap("real")), 201);
    const r = await c.put(`${CM}/real`, configMap("other"));
    expectFailure(r, 400, "BadRequest", "the name of the object (other) does not match the name on the URL (real)");
    // The stored object is untouched and no "other" appeared.
    const list = expectOk(await c.get(CM));
    expect(names(list)).to.deep.equal(["real"]);
    expectOk(await c.del(`${CM}/real`));
  });

  it("body namespace different from the URL namespace on create -> 400", async () => {
    const r = await c.post(CM, { ...configMap("x"), metadata: { name: "x", namespace: "kube-system" } });
    expectFailure(r, 400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
    await nothingStored();
  });

  it("invalid name -> 422 Invalid with a FieldValueInvalid cause on metadata.name", async () => {
    const r = await c.post(CM, configMap("Bad_Name"));
    const detail =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    const st = expectFailure(r, 422, "Invalid", `ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": ${detail}`);
    expect(st.details.name).to.equal("Bad_Name");
    expect(st.details.kind).to.equal("ConfigMap");
    expect(st.details).to.not.have.property("group");
    expect(st.details.causes).to.deep.equal([{ reason: "FieldValueInvalid", message: `Invalid value: "Bad_Name": ${detail}`, field: "metadata.name" }]);
    await nothingStored();
  });

  it("missing name (and no generateName) -> 422 Required", async () => {
    const r = await c.post(CM, { apiVersion: "v1", kind: "ConfigMap", metadata: {} });
    const st = expectFailure(r, 422, "Invalid", /metadata.name: Required value: name or generateName is required/);
    expect(st.details.causes[0]).to.include({ reason: "FieldValueRequired", field: "metadata.name" });
    await nothingStored();
  });

  it("bad dryRun, fieldValidation and fieldManager -> 422 Invalid on CreateOptions (ValidateCreateOptions)", async () => {
    const st = expectFailure(await c.post(`${CM}?dryRun=Some`, configMap("x")), 422, "Invalid", 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"');
    expect(st.details).to.deep.equal({
      group: "meta.k8s.io",
      kind: "CreateOptions",
      causes: [{ reason: "FieldValueNotSupported", message: 'Unsupported value: []string{"Some"}: supported values: "All"', field: "dryRun" }],
    });
    expectFailure(
      await c.post(`${CM}?fieldValidation=Loose`, configMap("x")),
      422,
      "Invalid",
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"',
    );
    // Options are checked before the body is decoded.
    expectFailure(await c.put(`${CM}/x?fieldManager=${"m".repeat(129)}`, "{not json", { contentType: "application/json" }), 422, "Invalid", 'UpdateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes');
    await nothingStored();
  });

  it("a JSON body that is not an object -> 400", async () => {
    expectFailure(await c.post(CM, "[1,2]", { contentType: "application/json" }), 400, "BadRequest");
    await nothingStored();
  });

  it("unknown namespace on create -> 404 namespaces not found", async () => {
    const r = await c.post("/api/v1/namespaces/nope/configmaps", configMap("x"));
    const st = expectFailure(r, 404, "NotFound", 'namespaces "nope" not found');
    expect(st.details).to.include({ name: "nope", kind: "namespaces" });
  });

  it("a namespaced path for a cluster-scoped resource -> 404", async () => {
    const r = await c.get("/api/v1/namespaces/default/nodes");
    expect(expectFailure(r, 404, "NotFound", "the server could not find the requested resource").details).to.deep.equal({});
  });

  it("a get of a missing object -> 404 with details", async () => {
    const st = expectFailure(await c.get(`${CM}/missing`), 404, "NotFound", 'configmaps "missing" not found');
    expect(st.details).to.deep.equal({ name: "missing", kind: "configmaps" });
    const st2 = expectFailure(await c.get("/apis/apps/v1/namespaces/default/deployments/missing"), 404, "NotFound", 'deployments.apps "missing" not found');
    expect(st2.details).to.deep.equal({ name: "missing", group: "apps", kind: "deployments" });
  });
});
