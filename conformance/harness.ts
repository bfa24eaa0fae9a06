/**
 * Conformance harness: a freshly started `berth up` as a real child process, and the
 * real kubectl and helm binaries (extracted from the npm package into .tools/bin) run
 * against it with their own kubeconfig.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { deleteBuckets, natsUrl } from "../test/support/nats.js";
import { killTasksUnder } from "../test/support/tasks.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const KUBECTL = join(ROOT, ".tools", "bin", "kubectl");
export const HELM = join(ROOT, ".tools", "bin", "helm");
const MAIN = join(ROOT, "dist", "src", "cli", "main.js");

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Berth {
  readonly url: string;
  /** The resource-manager master (Mesos v1 APIs). */
  readonly masterUrl: string;
  readonly kubeconfig: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Output berth printed so far (stdout and stderr). */
  output(): string;
  /** SIGINT and wait for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/** The pod networks this machine can run conformance cases in: bridge needs root (and iproute2), host works anywhere. */
export const POD_NETWORKS: readonly ("bridge" | "host")[] = process.getuid?.() === 0 ? ["bridge", "host"] : ["host"];

/** Start `berth up` on a free loopback port with a fresh data directory (or the given one). */
export async function startBerth(opts: { dataDir?: string; args?: string[]; timeoutMs?: number } = {}): Promise<Berth> {
  for (const bin of [KUBECTL, HELM, MAIN])
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm ci (kubectl/helm) and npm run build`);
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "berth-conf-"));
  const kubeconfig = join(dataDir, "kubeconfig");
  const store = ["--store", await storeFor(dataDir)];
  const child = spawn(process.execPath, [MAIN, "up", "--port", "0", "--master-port", "0", "--data-dir", dataDir, "--kubeconfig", kubeconfig, ...store, ...(opts.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, BERTH_LOG_LEVEL: process.env.BERTH_LOG_LEVEL ?? "warn" },
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`berth up did not start within ${opts.timeoutMs ?? 20000} ms:\n${out}`)), opts.timeoutMs ?? 20000);
    const check = () => {
      const m = /Kubernetes API at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`berth up exited with ${code}:\n${out}`));
    });
  });
  const masterUrl = /resource manager \(Mesos v1 scheduler API\) at (http:\/\/\S+?)\/api\/v1\/scheduler/.exec(out)?.[1] ?? "";
  return {
    url,
    masterUrl,
    kubeconfig,
    dataDir,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGINT");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}

const natsBuckets = new Map<string, string>();

/**
 * BERTH_TEST_STORE picks the store backend the suite runs against: embedded (default),
 * memory, or nats (the test NATS server: NATS_URL, or one started for the run) /
 * nats://HOST:PORT[/prefix]. With NATS every data directory gets its own bucket, so each
 * cluster starts empty and a restart on the same directory finds its objects again; the
 * buckets are deleted when the run ends.
 */
async function storeFor(dataDir: string): Promise<string> {
  const kind = process.env.BERTH_TEST_STORE ?? "embedded";
  if (kind !== "nats" && !kind.startsWith("nats://")) return kind;
  const url = new URL(kind === "nats" ? await natsUrl() : kind);
  const prefix = url.pathname.replace(/^\/+|\/+$/g, "") || "conf";
  const bucket = `${prefix}-${basename(dataDir)}`.replace(/[^A-Za-z0-9_-]/g, "_");
  url.pathname = "";
  const base = url.toString().replace(/\/+$/, "");
  natsBuckets.set(bucket, base);
  return `${base}/${bucket}`;
}

after(async () => {
  const byServer = new Map<string, string[]>();
  for (const [bucket, server] of natsBuckets) byServer.set(server, [...(byServer.get(server) ?? []), bucket]);
  natsBuckets.clear();
  for (const [server, buckets] of byServer) await deleteBuckets(server, buckets);
});

/** Run a binary with a deadline; never throws for a non-zero exit. */
export function run(bin: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, ...opts.env }, stdio: ["pipe", "pipe", "pipe"], cwd: opts.cwd ?? ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${bin} ${args.join(" ")} timed out after ${opts.timeoutMs ?? 30000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 30000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** A kubectl bound to one cluster's kubeconfig. */
export function kubectlFor(b: Berth) {
  const env = { KUBECONFIG: b.kubeconfig, HOME: b.dataDir, KUBECACHEDIR: join(b.dataDir, "kube-cache") };
  const k = (args: string[], opts: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) => run(KUBECTL, args, { ...opts, env: { ...env, ...opts.env } });
  /** Run and require exit 0; returns stdout. */
  const ok = async (args: string[], opts: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) => {
    const r = await k(args, opts);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    return r.stdout;
  };
  return { run: k, ok };
}

/** A helm bound to one cluster's kubeconfig, with its own config/cache directories. */
export function helmFor(b: Berth) {
  const env = {
    KUBECONFIG: b.kubeconfig,
    HOME: b.dataDir,
    HELM_CACHE_HOME: join(b.dataDir, "helm-cache"),
    HELM_CONFIG_HOME: join(b.dataDir, "helm-config"),
    HELM_DATA_HOME: join(b.dataDir, "helm-data"),
  };
  const h = (args: string[], opts: { timeoutMs?: number; cwd?: string } = {}) => run(HELM, args, { ...opts, env });
  const ok = async (args: string[], opts: { timeoutMs?: number; cwd?: string } = {}) => {
    const r = await h(args, opts);
    if (r.code !== 0) throw new Error(`helm ${args.join(" ")} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    return r.stdout;
  };
  return { run: h, ok };
}

/** Poll until f returns a truthy value or the deadline passes. */
export async function eventually<T>(f: () => Promise<T | undefined | false>, what: string, timeoutMs = 15000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await f();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Removes a cluster's data directory for good, and first ends the pod processes its agent
 * left running (an agent leaves tasks running when it stops, as Mesos' does): each runs
 * under a wrapper whose command line names its sandbox inside the directory. Their pod
 * network namespaces then empty out, and the next agent to start reaps them.
 */
export function removeDir(dir: string): void {
  killTasksUnder(`${dir}/agent/frameworks`);
  rmSync(dir, { recursive: true, force: true });
}
