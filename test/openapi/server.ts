/**
 * A small API server for the OpenAPI and discovery tests: discovery, OpenAPI and
 * /version only, on 127.0.0.1 with an ephemeral port, plus a kubectl runner that reads no
 * ~/.kube (its own --kubeconfig-free --server and a private --cache-dir).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { discoveryRouter } from "../../src/k8s-api/discovery/index.js";
import { openapiRouter } from "../../src/k8s-api/openapi/index.js";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";

export const KUBECTL = process.env.KUBECTL ?? new URL("../../../.tools/bin/kubectl", import.meta.url).pathname;

/** The /version document kube-apiserver v1.35 shape (the app's own lives in server/app.ts). */
const VERSION = { major: "1", minor: "35", gitVersion: "v1.35.0-berth", gitCommit: "berth", gitTreeState: "clean", buildDate: "2026-01-01T00:00:00Z", goVersion: "node", compiler: "tsc", platform: `${process.platform}/${process.arch}` };

export interface TestServer {
  readonly url: string;
  close(): Promise<void>;
  /** Run kubectl against this server; resolves with stdout/stderr and the exit code. */
  kubectl(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }>;
}

export async function startServer(): Promise<TestServer> {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.get("/version", (_req, res) => void res.json(VERSION));
  app.use(discoveryRouter(RESOURCES));
  app.use(openapiRouter(RESOURCES));
  app.use((_req, res) => void res.status(404).json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the server could not find the requested resource", reason: "NotFound", details: {}, code: 404 }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const home = mkdtempSync(join(tmpdir(), "berth-kubectl-"));
  return {
    url,
    close: async () => {
      rmSync(home, { recursive: true, force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    kubectl: (...args) =>
      new Promise((resolve) => {
        const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, KUBECONFIG: join(home, "kubeconfig") };
        execFile(KUBECTL, ["--server", url, "--cache-dir", join(home, "cache"), ...args], { env, timeout: 60_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
          const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1) : 0;
          resolve({ stdout, stderr, code });
        });
      }),
  };
}
