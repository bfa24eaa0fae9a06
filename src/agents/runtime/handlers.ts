/**
 * Running a probe or hook handler once (kubelet's pkg/kubelet/prober and lifecycle):
 * exec runs argv in the task's working directory with its environment, inside its network
 * namespace if it has one (success: exit 0); http GETs <host>:<port> — the pod IP in a pod
 * network, as kubelet probes the pod IP, else 127.0.0.1 (host networking; success: 200 <=
 * status < 400); tcp succeeds once a connection opens. Each is bounded by a timeout.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import https from "node:https";
import { connect } from "node:net";
import type { RuntimeHandler } from "../../mesos/v1.js";
import { inNetns } from "../network/ip.js";

export interface HandlerContext {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The task's network namespace: exec handlers run inside it. */
  readonly netns?: string;
  /** Where http and tcp handlers connect (default 127.0.0.1). */
  readonly host?: string;
}

export interface HandlerResult {
  readonly ok: boolean;
  /** What a failure looked like (kubelet puts it in the Unhealthy event). */
  readonly output: string;
}

const MAX_OUTPUT = 10 * 1024;

export function runHandler(h: RuntimeHandler, ctx: HandlerContext, timeoutMs: number): Promise<HandlerResult> {
  if (h.exec) return runExec(h.exec.command, ctx, timeoutMs);
  const host = ctx.host ?? "127.0.0.1";
  if (h.http) return runHttp(h.http, host, timeoutMs);
  if (h.tcp) return runTcp(h.tcp.port, host, timeoutMs);
  return Promise.resolve({ ok: false, output: "handler has no exec, http or tcp action" });
}

function runExec(argv: readonly string[], ctx: HandlerContext, timeoutMs: number): Promise<HandlerResult> {
  return new Promise((resolve) => {
    if (!argv.length) return resolve({ ok: false, output: "exec with an empty command" });
    let out = "";
    let done = false;
    const finish = (r: HandlerResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const full = [...(ctx.netns ? inNetns(ctx.netns) : []), ...argv];
    const child = spawn(full[0]!, full.slice(1), { cwd: ctx.cwd, env: ctx.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const take = (d: Buffer) => {
      if (out.length < MAX_OUTPUT) out += d.toString();
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      finish({ ok: false, output: `command timed out after ${timeoutMs / 1000}s` });
    }, timeoutMs);
    child.once("error", (e) => finish({ ok: false, output: e.message }));
    child.once("close", (code, sig) => finish({ ok: code === 0, output: out.trim() || (code !== 0 ? `command exited with ${code ?? sig}` : "") }));
  });
}

function runHttp(h: NonNullable<RuntimeHandler["http"]>, host: string, timeoutMs: number): Promise<HandlerResult> {
  return new Promise((resolve) => {
    const lib = h.scheme === "HTTPS" ? https : http;
    const headers: Record<string, string> = { "User-Agent": "kube-probe/1.35", Accept: "*/*" };
    for (const x of h.headers ?? []) headers[x.name] = x.value;
    const path = h.path ? (h.path.startsWith("/") ? h.path : `/${h.path}`) : "/";
    const req = lib.request({ host, port: h.port, path, method: "GET", headers, timeout: timeoutMs, ...(h.scheme === "HTTPS" ? { rejectUnauthorized: false } : {}) }, (res) => {
      const code = res.statusCode ?? 0;
      res.resume();
      resolve(code >= 200 && code < 400 ? { ok: true, output: "" } : { ok: false, output: `HTTP probe failed with statuscode: ${code}` });
    });
    req.on("timeout", () => req.destroy(new Error(`Get "${h.scheme === "HTTPS" ? "https" : "http"}://${host}:${h.port}${path}": context deadline exceeded`)));
    req.on("error", (e) => resolve({ ok: false, output: e.message }));
    req.end();
  });
}

function runTcp(port: number, host: string, timeoutMs: number): Promise<HandlerResult> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const t = setTimeout(() => {
      s.destroy();
      resolve({ ok: false, output: `dial tcp ${host}:${port}: i/o timeout` });
    }, timeoutMs);
    s.once("connect", () => {
      clearTimeout(t);
      s.destroy();
      resolve({ ok: true, output: "" });
    });
    s.once("error", (e) => {
      clearTimeout(t);
      resolve({ ok: false, output: `dial tcp ${host}:${port}: ${e.message}` });
    });
  });
}
