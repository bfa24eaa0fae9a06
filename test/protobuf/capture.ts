/**
 * Captures the request bodies the real kubectl sends: a server on 127.0.0.1 with discovery
 * and /version, recording every POST/PUT/DELETE and answering 201 with the object decoded back
 * to JSON, and a kubectl runner isolated from ~/.kube.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { discoveryRouter } from "../../src/k8s-api/discovery/index.js";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import { decodeProtobufObject } from "../../src/k8s-api/protobuf/index.js";

export const KUBECTL = process.env.KUBECTL ?? new URL("../../../.tools/bin/kubectl", import.meta.url).pathname;

export interface Captured {
  method: string;
  url: string;
  contentType: string;
  body: Buffer;
}

export interface CaptureServer {
  readonly url: string;
  readonly home: string;
  readonly requests: Captured[];
  close(): Promise<void>;
  /** Run kubectl against this server; resolves with output and the writes it made. */
  kubectl(...args: string[]): Promise<{ stdout: string; stderr: string; code: number; writes: Captured[] }>;
}

const VERSION = { major: "1", minor: "35", gitVersion: "v1.35.0-berth", gitCommit: "berth", gitTreeState: "clean", buildDate: "2026-01-01T00:00:00Z", goVersion: "node", compiler: "tsc", platform: "linux/amd64" };

export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: Captured[] = [];
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.get("/version", (_req, res) => void res.json(VERSION));
  app.use(discoveryRouter(RESOURCES));
  app.use(async (req, res, next) => {
    if (req.method !== "POST" && req.method !== "PUT" && req.method !== "DELETE") return next();
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const body = Buffer.concat(chunks);
    const contentType = String(req.headers["content-type"] ?? "");
    requests.push({ method: req.method, url: req.url, contentType, body });
    if (req.method === "DELETE") return void res.status(200).json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details: { name: req.url.split("?")[0]!.split("/").pop() } });
    let echo: unknown;
    try {
      echo = contentType.startsWith("application/vnd.kubernetes.protobuf") ? decodeProtobufObject(body) : JSON.parse(body.toString("utf8"));
    } catch {
      echo = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success" };
    }
    res.status(201).type("application/json").send(JSON.stringify(echo));
  });
  app.use((_req, res) => void res.status(404).json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the server could not find the requested resource", reason: "NotFound", details: {}, code: 404 }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const home = mkdtempSync(join(tmpdir(), "berth-proto-"));
  return {
    url,
    home,
    requests,
    close: async () => {
      rmSync(home, { recursive: true, force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    kubectl: (...args) =>
      new Promise((resolve) => {
        const before = requests.length;
        const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, KUBECONFIG: "/dev/null" };
        execFile(KUBECTL, ["--server", url, "--cache-dir", join(home, "cache"), ...args], { env, cwd: home, timeout: 60_000 }, (err, stdout, stderr) => {
          const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
          resolve({ stdout, stderr, code, writes: requests.slice(before) });
        });
      }),
  };
}
