/**
 * Real processes for the framework tests: `berth master`, `berth agent` and `berth
 * batch-job` as child processes of the built CLI (dist/src/cli/main.js), each in its own
 * process group on 127.0.0.1, plus the cleanup that leaves nothing behind (the tasks'
 * own process groups included, found through the agents' checkpoints).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { killTasksUnder } from "../support/tasks.js";

export const CLI = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const verbose = !!process.env.BERTH_TEST_LOG;

export interface Proc {
  readonly child: ChildProcess;
  readonly name: string;
  out: string;
  err: string;
  /** Resolves with the exit code (signal: null). */
  readonly exited: Promise<number | null>;
}

export async function waitFor<T>(f: () => T | undefined | false | Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms}ms waiting for ${what}`);
    await sleep(50);
  }
}

export interface StateJson {
  slaves: { id: string; hostname: string; resources: Record<string, number>; active: boolean }[];
  frameworks: FrameworkJson[];
  completed_frameworks: FrameworkJson[];
}
export interface FrameworkJson {
  id: string;
  name: string;
  roles?: string[];
  used_resources: Record<string, number>;
  tasks: { id: string; slave_id: string; state: string }[];
  completed_tasks: { id: string; slave_id: string; state: string }[];
}

/** The process's exit code, or a timeout error. */
export async function exitCode(p: Proc, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${p.name} did not exit within ${ms}ms:\n${p.out}\n${p.err}`)), ms)));
  try {
    return await Promise.race([p.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Master, agents and jobs started by one test, and their cleanup. */
export class Cluster {
  readonly procs: Proc[] = [];
  readonly dirs: string[] = [];
  readonly agentDirs: string[] = [];
  masterUrl = "";

  tempDir(prefix = "berth-fw-"): string {
    const d = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(d);
    return d;
  }

  spawn(name: string, args: string[]): Proc {
    // detached: its own process group, so cleanup can kill the group.
    const child = spawn(process.execPath, [CLI, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const p: Proc = {
      child,
      name,
      out: "",
      err: "",
      exited: new Promise((r) => child.once("exit", (code) => r(code))),
    };
    child.stdout!.on("data", (d: Buffer) => {
      p.out += d.toString();
      if (verbose) process.stderr.write(`[${name}] ${d.toString()}`);
    });
    child.stderr!.on("data", (d: Buffer) => {
      p.err += d.toString();
      if (verbose) process.stderr.write(`[${name}!] ${d.toString()}`);
    });
    this.procs.push(p);
    return p;
  }

  async startMaster(extra: string[] = []): Promise<string> {
    const p = this.spawn("master", ["master", "--port", "0", "--host", "127.0.0.1", "--log-level", "warn", ...extra]);
    const m = await waitFor(() => /listening on (http:\/\/\S+)/.exec(p.out) ?? (p.child.exitCode !== null && "exit"), 15_000, "the master's URL");
    if (m === "exit") throw new Error(`master exited: ${p.err}`);
    this.masterUrl = m[1]!;
    return this.masterUrl;
  }

  /** An agent process; resolves once it is (re-)registered. */
  async startAgent(workDir: string, resources = "cpus:2;mem:2048", name = "agent"): Promise<Proc> {
    if (!this.agentDirs.includes(workDir)) this.agentDirs.push(workDir);
    const p = this.spawn(name, ["agent", "--master", this.masterUrl, "--work-dir", workDir, "--resources", resources, "--no-cgroups", "--log-level", "info"]);
    await waitFor(() => /"msg":"(re-)?registered with master"/.test(p.err) || (p.child.exitCode !== null && "exit"), 15_000, `${name} to register`).then((v) => {
      if (v === "exit") throw new Error(`${name} exited: ${p.err}`);
    });
    return p;
  }

  batchJob(args: string[], name = "batch-job"): Proc {
    return this.spawn(name, ["batch-job", "--master", this.masterUrl, ...args]);
  }

  async state(): Promise<StateJson> {
    const res = await fetch(`${this.masterUrl}/state`);
    return (await res.json()) as StateJson;
  }

  /** SIGKILL a process's whole group. */
  kill(p: Proc): void {
    killGroup(p.child.pid);
  }

  async cleanup(): Promise<void> {
    for (const dir of this.agentDirs) {
      for (const pid of taskPids(dir)) killGroup(pid);
      // Also a task launched but not yet checkpointed.
      killTasksUnder(dir);
    }
    for (const p of this.procs.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) killGroup(p.child.pid);
    await sleep(200);
    for (const d of this.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    this.agentDirs.splice(0);
  }
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

/** Pids of the tasks an agent checkpointed (each leads its own process group). */
function taskPids(workDir: string): number[] {
  const out: number[] = [];
  const base = join(workDir, "meta/frameworks");
  let fws: string[] = [];
  try {
    fws = readdirSync(base);
  } catch {
    return out;
  }
  for (const fw of fws) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(join(base, fw, "tasks"));
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const rec = JSON.parse(readFileSync(join(base, fw, "tasks", t, "task.json"), "utf8")) as { container?: { pid?: number } };
        if (rec.container?.pid) out.push(rec.container.pid);
      } catch {
        /* not checkpointed yet */
      }
    }
  }
  return out;
}
