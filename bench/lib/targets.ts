/** Servers under test, each a child process that prints "Kubernetes API at <url>" when ready. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");

export interface Target {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface TargetSpec {
  readonly name: string;
  readonly script: string;
  readonly args: readonly string[];
  /** Temp data directory handed to the server as --data-dir. */
  readonly dataDir?: boolean;
  /** Extra environment for the server. */
  readonly env?: Readonly<Record<string, string>>;
  /** Node flags before the script (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
  readonly nodeArgs?: readonly string[];
  /** How long the server may take to print its URL (default 30 s; a server that seeds data first needs longer). */
  readonly startTimeoutMs?: number;
}

export const TARGETS: Record<string, TargetSpec> = {
  embedded: { name: "berth, embedded store (fsync)", script: "dist/src/cli/main.js", args: ["up", "--port", "0", "--master-port", "0", "--store", "embedded"], dataDir: true },
  memory: { name: "berth, memory store", script: "dist/src/cli/main.js", args: ["up", "--port", "0", "--master-port", "0", "--store", "memory"], dataDir: true },
  reference: { name: "reference: bare node:http over a Map", script: "dist/bench/reference-server.js", args: [] },
};

export async function startTarget(spec: TargetSpec): Promise<Target> {
  const dir = spec.dataDir ? mkdtempSync(join(tmpdir(), "berth-bench-")) : undefined;
  const args = [...(spec.nodeArgs ?? []), join(ROOT, spec.script), ...spec.args, ...(dir ? ["--data-dir", dir, "--kubeconfig", join(dir, "kubeconfig")] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, BERTH_LOG_LEVEL: "warn", ...(spec.env ?? {}) } });
  let out = "";
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${spec.name} did not start:\n${out}`)), spec.startTimeoutMs ?? 30_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /Kubernetes API at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
    child.once("exit", (code) => rej(new Error(`${spec.name} exited with ${code}:\n${out}`)));
  });
  return {
    name: spec.name,
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGINT");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(t);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
