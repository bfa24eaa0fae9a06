/**
 * /openapi/v2 in gnostic's protobuf: the encoding of a small hand-written document, the
 * router's negotiation, and the real kubectl's `explain --output=plaintext-openapiv2`
 * (client-go asks for protobuf only), compared with the same command against kube-apiserver
 * v1.35.2's swagger.json encoded the same way. The encoder was checked once against gnostic
 * itself (openapi_v2.ParseDocument of the JSON is proto.Equal to the decoded bytes).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import express from "express";
import { discoveryRouter } from "../../src/k8s-api/discovery/index.js";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import { OPENAPI_V2_PROTOBUF, encodeOpenApiV2 } from "../../src/k8s-api/protobuf/openapi-v2.js";
import { openapiV2Message } from "../../src/k8s-api/protobuf/schema.js";
import { KUBECTL, startServer, type TestServer } from "../openapi/server.js";
import { readUpstream } from "../openapi/upstream.js";

const ACCEPT_PB = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

function decodeDocument(b: Uint8Array): Record<string, unknown> {
  const t = openapiV2Message("Document");
  return t.toObject(t.decode(b), { longs: Number, defaults: false }) as Record<string, unknown>;
}

describe("protobuf: /openapi/v2 as gnostic's openapi.v2.Document", function () {
  this.timeout(120_000);

  it("encodes documents, paths, parameters, responses, schemas and vendor extensions as gnostic's compiler does", () => {
    const doc = {
      swagger: "2.0",
      info: { title: "Kubernetes", version: "v1.35.0" },
      paths: {
        "/api/v1/namespaces/{namespace}/configmaps": {
          post: {
            consumes: ["*/*"],
            description: "create a ConfigMap",
            operationId: "createCoreV1NamespacedConfigMap",
            parameters: [{ in: "body", name: "body", required: true, schema: { $ref: "#/definitions/io.k8s.api.core.v1.ConfigMap" } }],
            produces: ["application/json"],
            responses: { "201": { description: "Created", schema: { $ref: "#/definitions/io.k8s.api.core.v1.ConfigMap" } }, "401": { description: "Unauthorized" } },
            schemes: ["https"],
            tags: ["core_v1"],
            "x-kubernetes-action": "post",
            "x-kubernetes-group-version-kind": { group: "", kind: "ConfigMap", version: "v1" },
          },
          parameters: [{ description: "object name and auth scope", in: "path", name: "namespace", required: true, type: "string", uniqueItems: true }],
        },
      },
      definitions: {
        "io.k8s.api.core.v1.ConfigMap": {
          description: "ConfigMap holds configuration data.",
          type: "object",
          required: ["metadata"],
          properties: {
            data: { type: "object", additionalProperties: { type: "string" } },
            finalizers: { type: "array", items: { type: "string" } },
            metadata: { $ref: "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", default: {} },
          },
          "x-kubernetes-group-version-kind": [{ group: "", kind: "ConfigMap", version: "v1" }],
        },
      },
      securityDefinitions: { BearerToken: { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" } },
      security: [{ BearerToken: [] }],
    };
    expect(decodeDocument(encodeOpenApiV2(doc))).to.deep.equal({
      swagger: "2.0",
      info: { title: "Kubernetes", version: "v1.35.0" },
      paths: {
        path: [
          {
            name: "/api/v1/namespaces/{namespace}/configmaps",
            value: {
              post: {
                consumes: ["*/*"],
                description: "create a ConfigMap",
                operation_id: "createCoreV1NamespacedConfigMap",
                parameters: [{ parameter: { body_parameter: { in: "body", name: "body", required: true, schema: { _ref: "#/definitions/io.k8s.api.core.v1.ConfigMap" } } } }],
                produces: ["application/json"],
                responses: {
                  response_code: [
                    { name: "201", value: { response: { description: "Created", schema: { schema: { _ref: "#/definitions/io.k8s.api.core.v1.ConfigMap" } } } } },
                    { name: "401", value: { response: { description: "Unauthorized" } } },
                  ],
                },
                schemes: ["https"],
                tags: ["core_v1"],
                vendor_extension: [
                  { name: "x-kubernetes-action", value: { yaml: "post\n" } },
                  { name: "x-kubernetes-group-version-kind", value: { yaml: 'group: ""\nkind: ConfigMap\nversion: v1\n' } },
                ],
              },
              parameters: [
                {
                  parameter: {
                    non_body_parameter: {
                      path_parameter_sub_schema: { description: "object name and auth scope", in: "path", name: "namespace", required: true, type: "string", unique_items: true },
                    },
                  },
                },
              ],
            },
          },
        ],
      },
      definitions: {
        additional_properties: [
          {
            name: "io.k8s.api.core.v1.ConfigMap",
            value: {
              description: "ConfigMap holds configuration data.",
              type: { value: ["object"] },
              required: ["metadata"],
              properties: {
                additional_properties: [
                  { name: "data", value: { type: { value: ["object"] }, additional_properties: { schema: { type: { value: ["string"] } } } } },
                  { name: "finalizers", value: { type: { value: ["array"] }, items: { schema: [{ type: { value: ["string"] } }] } } },
                  { name: "metadata", value: { _ref: "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", default: { yaml: "{}\n" } } },
                ],
              },
              vendor_extension: [{ name: "x-kubernetes-group-version-kind", value: { yaml: '- group: ""\n  kind: ConfigMap\n  version: v1\n' } }],
            },
          },
        ],
      },
      security_definitions: {
        additional_properties: [{ name: "BearerToken", value: { api_key_security: { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" } } }],
      },
      security: [{ additional_properties: [{ name: "BearerToken", value: {} }] }],
    });
  });

  describe("served by the router", () => {
    let server: TestServer;
    let upstream: import("node:http").Server | undefined;
    let upstreamUrl = "";
    let home = "";
    before(async () => {
      server = await startServer();
      // The reference: kube-apiserver v1.35.2's swagger.json, in protobuf, with berth's discovery.
      const app = express();
      const pb = encodeOpenApiV2(readUpstream("swagger.json"));
      app.get("/openapi/v2", (_req, res) => void res.type(OPENAPI_V2_PROTOBUF).send(pb));
      app.use(discoveryRouter(RESOURCES));
      upstream = await new Promise((resolve) => {
        const s = app.listen(0, "127.0.0.1", () => resolve(s));
      });
      upstreamUrl = `http://127.0.0.1:${(upstream!.address() as AddressInfo).port}`;
      home = mkdtempSync(join(tmpdir(), "berth-explain-"));
    });
    after(async () => {
      await server?.close();
      await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
      if (home) rmSync(home, { recursive: true, force: true });
    });

    it("answers a protobuf Accept with the encoded document (own ETag), JSON otherwise", async () => {
      const r = await fetch(`${server.url}/openapi/v2`, { headers: { accept: ACCEPT_PB } });
      expect(r.status).to.equal(200);
      expect(r.headers.get("content-type")).to.equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
      expect(r.headers.get("vary")).to.match(/Accept/);
      const etag = r.headers.get("etag")!;
      expect(etag).to.match(/^"[0-9A-F]{128}"$/);
      const doc = decodeDocument(new Uint8Array(await r.arrayBuffer()));
      expect(doc.swagger).to.equal("2.0");
      const names = (doc.definitions as { additional_properties: { name: string }[] }).additional_properties.map((d) => d.name);
      expect(names).to.include("io.k8s.api.apps.v1.Deployment");
      expect((await fetch(`${server.url}/openapi/v2`, { headers: { accept: ACCEPT_PB, "if-none-match": etag } })).status).to.equal(304);
      const json = await fetch(`${server.url}/openapi/v2`, { headers: { accept: `${ACCEPT_PB};q=0.5, application/json` } });
      expect(json.headers.get("content-type")).to.equal("application/json");
      expect(json.headers.get("etag")).to.not.equal(etag);
      expect((await fetch(`${server.url}/openapi/v2`, { headers: { accept: "application/vnd.kubernetes.protobuf" } })).status).to.equal(406);
    });

    // (Pod templates are left out: berth's PodSpec definition has schedulingGroup, upstream's has not.)
    for (const [resource, apiVersion, recursive] of [
      ["deployments", "apps/v1", false],
      ["deployments.spec.strategy", "apps/v1", true],
      ["configmaps", "v1", true],
      ["services", "v1", true],
      ["jobs", "batch/v1", false],
      ["roles", "rbac.authorization.k8s.io/v1", true],
      ["leases", "coordination.k8s.io/v1", true],
    ] as const) {
      const flags = recursive ? ["--recursive", "--output=plaintext-openapiv2"] : ["--output=plaintext-openapiv2"];
      it(`kubectl explain ${resource} ${flags.join(" ")} prints what it prints for upstream`, async function () {
        if (!existsSync(KUBECTL)) throw new Error(`${KUBECTL} is missing: run npm ci`);
        const args = ["explain", resource, "--api-version", apiVersion, ...flags];
        const ours = await server.kubectl(...args);
        expect(ours.code, ours.stderr).to.equal(0);
        expect(ours.stdout).to.match(/^KIND: {5}\w+\nVERSION: {2}/);
        const ref = await kubectl(upstreamUrl, home, args);
        expect(ref.code, ref.stderr).to.equal(0);
        expect(ours.stdout).to.equal(ref.stdout);
      });
    }
  });
});

function kubectl(url: string, home: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, KUBECONFIG: "/dev/null" };
    execFile(KUBECTL, ["--server", url, "--cache-dir", join(home, "cache"), ...args], { env, timeout: 60_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}
