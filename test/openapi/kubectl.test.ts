/**
 * The real kubectl v1.35 against a server with only discovery, OpenAPI and /version:
 * explain (OpenAPI v3), api-resources and api-versions (aggregated discovery). Expected
 * outputs are what kubectl prints against kube-apiserver v1.35 for the same resources.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import express from "express";
import { discoveryRouter } from "../../src/k8s-api/discovery/index.js";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import { KUBECTL, startServer, type TestServer } from "./server.js";
import { upstreamText } from "./upstream.js";

describe("openapi+discovery: real kubectl", function () {
  this.timeout(120_000);
  let server: TestServer;
  before(async function () {
    server = await startServer();
  });
  after(async () => {
    await server?.close();
  });

  it("kubectl api-versions lists every served group version", async () => {
    const r = await server.kubectl("api-versions");
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(["apps/v1", "batch/v1", "coordination.k8s.io/v1", "discovery.k8s.io/v1", "events.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1", "v1", ""].join("\n"));
  });

  it("kubectl api-resources shows shortnames, APIVERSION, scope and kind as a cluster does", async () => {
    const r = await server.kubectl("api-resources");
    expect(r.code, r.stderr).to.equal(0);
    const rows = r.stdout.trimEnd().split("\n").map((l) => l.trim().split(/\s+/).join(" "));
    expect(rows[0]).to.equal("NAME SHORTNAMES APIVERSION NAMESPACED KIND");
    // Rows as kube-apiserver v1.35's `kubectl api-resources` prints them.
    for (const row of [
      "pods po v1 true Pod",
      "namespaces ns v1 false Namespace",
      "secrets v1 true Secret",
      "deployments deploy apps/v1 true Deployment",
      "statefulsets sts apps/v1 true StatefulSet",
      "cronjobs cj batch/v1 true CronJob",
      "jobs batch/v1 true Job",
      "events ev events.k8s.io/v1 true Event",
      "poddisruptionbudgets pdb policy/v1 true PodDisruptionBudget",
      "clusterroles rbac.authorization.k8s.io/v1 false ClusterRole",
      "priorityclasses pc scheduling.k8s.io/v1 false PriorityClass",
    ]) {
      expect(rows, row).to.include(row);
    }
    expect(rows).to.have.length(RESOURCES.length + 1);
    const all = await server.kubectl("api-resources", "--categories=all", "-o", "name");
    expect(all.stdout.trim().split("\n").sort()).to.deep.equal(["cronjobs.batch", "daemonsets.apps", "deployments.apps", "jobs.batch", "pods", "replicasets.apps", "replicationcontrollers", "services", "statefulsets.apps"]);
  });

  it("kubectl explain pods.spec.containers", async () => {
    const r = await server.kubectl("explain", "pods.spec.containers");
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout.startsWith("KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n\n\nDESCRIPTION:\n    List of containers belonging to the pod. Containers cannot currently be\n")).to.equal(true, r.stdout.slice(0, 400));
    expect(r.stdout).to.include("    A single application container that you want to run within a pod.\n");
    const fields = fieldLines(r.stdout);
    expect(fields).to.include.members(["args <[]string>", "command <[]string>", "env <[]EnvVar>", "image <string>", "name <string> -required-", "ports <[]ContainerPort>", "resources <ResourceRequirements>", "securityContext <SecurityContext>", "volumeMounts <[]VolumeMount>", "livenessProbe <Probe>"]);
    // A model-typed field keeps its description (client-node has none; upstream's is used).
    expect(r.stdout).to.match(/ {2}resources\t<ResourceRequirements>\n {4}Compute Resources required by this container\./);
  });

  it("kubectl explain deployment.spec.strategy", async () => {
    const r = await server.kubectl("explain", "deployment.spec.strategy");
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      [
        "GROUP:      apps",
        "KIND:       Deployment",
        "VERSION:    v1",
        "",
        "FIELD: strategy <DeploymentStrategy>",
        "",
        "",
        "DESCRIPTION:",
        "    The deployment strategy to use to replace existing pods with new ones.",
        "    DeploymentStrategy describes how to replace existing pods with new ones.",
        "    ",
        "FIELDS:",
        "  rollingUpdate\t<RollingUpdateDeployment>",
        "    Rolling update config params. Present only if DeploymentStrategyType =",
        "    RollingUpdate.",
        "",
        "  type\t<string>",
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        "    RollingUpdate.",
        "",
        "",
        "",
      ].join("\n"),
    );
  });

  it("kubectl explain deployment --recursive shows value types by name", async () => {
    const r = await server.kubectl("explain", "deployment", "--recursive");
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include("        maxSurge\t<IntOrString>\n        maxUnavailable\t<IntOrString>\n");
    expect(r.stdout).to.include("                limits\t<map[string]Quantity>\n");
    expect(r.stdout).to.include("    selector\t<LabelSelector> -required-\n");
  });

  describe("the same commands against upstream's v1.35 OpenAPI documents", function () {
    let upstream: { url: string; close(): Promise<void> } | undefined;
    before(async function () {
      upstream = await serveUpstream();
    });
    after(async () => {
      await upstream?.close();
    });

    /** Fields new or gone in client-node's 1.36 models, dropped with their subtrees before comparing. */
    const DRIFT = ["schedulingGroup", "workloadRef", "volumeStatus", "nodeAllocatableResourceClaimStatuses"];

    for (const args of [["pods.spec.containers"], ["deployment.spec.strategy"], ["deployment", "--recursive"], ["pods", "--recursive"], ["cronjobs", "--recursive"], ["services.spec"], ["pods.spec.volumes"]]) {
      it(`kubectl explain ${args.join(" ")}: same fields, types and required markers`, async () => {
        const ours = await server.kubectl("explain", ...args);
        const theirs = await server.kubectl("--server", upstream!.url, "explain", ...args);
        expect(ours.code, ours.stderr).to.equal(0);
        expect(theirs.code, theirs.stderr).to.equal(0);
        const norm = (s: string) =>
          dropBlocks(s.split("\n"), DRIFT)
            .filter((l) => /^\s*\w+\t<.*>/.test(l) || /^(KIND|GROUP|VERSION|FIELD):/.test(l))
            // 1.36 requiredness drift (CronJob.spec) and ResourceHealth.message.
            .map((l) => l.replace(/^(\s*spec\t<CronJobSpec>) -required-$/, "$1"))
            .filter((l) => !/^\s*message\t<string>$/.test(l) || !s.includes("ResourceHealth"));
        expect(norm(ours.stdout)).to.deep.equal(norm(theirs.stdout));
      });
    }
  });
});

/** "  name\t<string> -required-" lines as "name <string> -required-", top level only. */
function fieldLines(out: string): string[] {
  return out
    .split("\n")
    .filter((l) => /^ {2}\w+\t</.test(l))
    .map((l) => l.trim().replace("\t", " "));
}

/** The lines without each named field's line and the more-indented lines under it. */
function dropBlocks(lines: string[], names: readonly string[]): string[] {
  const out: string[] = [];
  let skipIndent = -1;
  for (const l of lines) {
    const indent = l.length - l.trimStart().length;
    if (skipIndent >= 0) {
      if (l.trim() && indent > skipIndent) continue;
      skipIndent = -1;
    }
    const m = /^\s*(\w+)\t</.exec(l);
    if (m && names.includes(m[1]!)) {
      skipIndent = indent;
      continue;
    }
    out.push(l);
  }
  return out;
}

/** Our discovery plus upstream's own v3 documents for the served group versions. */
async function serveUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.get("/version", (_req, res) => void res.json({ major: "1", minor: "35", gitVersion: "v1.35.2" }));
  app.use(discoveryRouter(RESOURCES));
  const keys = [...new Set(RESOURCES.map((r) => (r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`)))];
  const docs = new Map(keys.map((k) => [k, upstreamText(`v3/${k.replace(/\//g, "__")}_openapi.json`)]));
  const hash = (b: string) => createHash("sha512").update(b).digest("hex").toUpperCase();
  app.get("/openapi/v3", (_req, res) => void res.json({ paths: Object.fromEntries(keys.map((k) => [k, { serverRelativeURL: `/openapi/v3/${k}?hash=${hash(docs.get(k)!)}` }])) }));
  app.get(/^\/openapi\/v3\/(.+)$/, (req, res) => {
    const d = docs.get(req.path.slice("/openapi/v3/".length));
    if (!d) return void res.status(404).end();
    res.type("application/json").send(d);
  });
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
