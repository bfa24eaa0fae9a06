/**
 * berth roles (`berth apiserver`, `berth master`, `berth kube-framework`, `berth sim-agents`)
 * as child processes, as in a distributed deployment: each started from dist/src/cli/main.js
 * with its own pid, so its memory can be read from /proc. Used by the memory and recovery
 * benchmarks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { round } from "./stats.js";
import { REPO_ROOT } from "./run-meta.js";

export const CLI = join(REPO_ROOT, "dist", "src", "cli", "main.js");

export interface Role {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** The URL the role printed (API server, master, kube-framework health), or "" (sim-agents). */
  readonly url: string;
  /** Resolves with the first match of `re` on the role's stdout (or rejects when it exits first). */
  waitFor(re: RegExp, ms: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
  exited(): boolean;
}

export interface StartRole {
  readonly name: string;
  readonly args: readonly string[];
  /** Where the role's stderr (its log) goes in full; only its first lines are echoed to ours. */
  readonly logFile?: string;
  /** Node options for the role (e.g. --max-old-space-size, --heap-prof). */
  readonly nodeArgs?: readonly string[];
  /** A line on stdout that carries the role's URL in its first group; the start waits for it. */
  readonly ready?: RegExp;
  readonly readyMs?: number;
  /** Another checkout's root whose dist/src/cli/main.js runs the role (same-run baselines); default this one. */
  readonly repo?: string;
  /** More environment variables for the role. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts one role; with `ready`, resolves once it printed its URL. stderr goes to ours, prefixed. */
export async function startRole(s: StartRole): Promise<Role> {
  const root = s.repo ?? REPO_ROOT;
  const child = spawn(process.execPath, [...(s.nodeArgs ?? []), join(root, "dist", "src", "cli", "main.js"), ...s.args], {
    stdio: ["ignore", "pipe", "pipe"],
    cwd: root,
    env: s.env ? { ...process.env, ...s.env } : process.env,
  });
  let out = "";
  const waiters: { re: RegExp; ok: (m: RegExpExecArray) => void }[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitListeners: (() => void)[] = [];
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.length > 65536) out = out.slice(-32768);
    for (const w of [...waiters]) {
      const m = w.re.exec(out);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.ok(m);
      }
    }
  });
  // The role's log (warnings and errors at the levels used here): the first lines echoed,
  // prefixed with the role's name; all of it in logFile when given.
  let errLines = 0;
  const log = s.logFile ? createWriteStream(s.logFile, { flags: "a" }) : undefined;
  child.stderr!.on("data", (d: Buffer) => {
    log?.write(d);
    for (const line of d.toString().split("\n")) {
      if (!line.trim() || errLines > 5) continue;
      errLines++;
      process.stderr.write(errLines > 5 ? `    [${s.name}] ... (more${s.logFile ? ` in ${s.logFile}` : ""})\n` : `    [${s.name}] ${line.slice(0, 300)}\n`);
    }
  });
  child.once("exit", (code, signal) => {
    exit = { code, signal };
    for (const f of exitListeners.splice(0)) f();
  });
  const waitFor = (re: RegExp, ms: number) =>
    new Promise<RegExpExecArray>((ok, fail) => {
      const m = re.exec(out);
      if (m) return ok(m);
      if (exit) return fail(new Error(`${s.name} exited (${exit.code ?? exit.signal}) before printing ${re}: ${out.slice(-500)}`));
      const timer = setTimeout(() => fail(new Error(`${s.name} did not print ${re} within ${ms / 1000} s: ${out.slice(-500)}`)), ms);
      waiters.push({
        re,
        ok: (m2) => {
          clearTimeout(timer);
          ok(m2);
        },
      });
      exitListeners.push(() => {
        clearTimeout(timer);
        fail(new Error(`${s.name} exited (${exit?.code ?? exit?.signal}) before printing ${re}: ${out.slice(-500)}`));
      });
    });
  const url = s.ready ? (await waitFor(s.ready, s.readyMs ?? 60_000))[1]! : "";
  return {
    name: s.name,
    pid: child.pid!,
    child,
    url,
    waitFor,
    exited: () => exit !== undefined,
    async stop(graceMs = 15_000) {
      if (exit) return;
      const done = new Promise<void>((r) => exitListeners.push(r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await done;
      clearTimeout(t);
    },
  };
}

export interface ProcMem {
  /** Resident set now and its high-water mark, MiB. */
  readonly rssMiB: number;
  readonly hwmMiB: number;
}

/** VmRSS and VmHWM of a process, from /proc/<pid>/status. */
export function procMem(pid: number): ProcMem {
  const s = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
  return { rssMiB: round(kib("VmRSS") / 1024, 0), hwmMiB: round(kib("VmHWM") / 1024, 0) };
}

export interface HeapMem {
  /** After a full GC (bench/lib/heap-probe.ts): V8 heap used and committed, external memory, and RSS. */
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
  readonly rssMiB: number;
  readonly gcMs: number;
  /** Resident MiB by kind of mapping (heap-probe.ts smaps()): V8 pages, malloc's main arena, other anonymous, files. */
  readonly maps?: { readonly v8Pages: number; readonly mallocHeap: number; readonly otherAnon: number; readonly files: number };
  readonly snapshot?: string;
  /** The sampling heap profile written then (BERTH_HEAP_PROBE_SAMPLE). */
  readonly profile?: string;
}

/** The preload that lets probeHeap() read a role's live heap (node --import HEAP_PROBE). */
export const HEAP_PROBE = pathToFileURL(join(import.meta.dirname, "heap-probe.js")).href;

/**
 * Signals a role started with `--import HEAP_PROBE` and BERTH_HEAP_PROBE_DIR=dir to collect
 * garbage and report its memory; with `snapshot`, it writes a heap snapshot too. Undefined if
 * no answer came within `ms`.
 */
export async function probeHeap(role: Role, dir: string, opts: { snapshot?: boolean; ms?: number } = {}): Promise<HeapMem | undefined> {
  const file = join(dir, `${role.pid}.json`);
  rmSync(file, { force: true });
  if (opts.snapshot) writeFileSync(join(dir, `${role.pid}.snapshot`), "");
  try {
    role.child.kill("SIGUSR2");
    const deadline = Date.now() + (opts.ms ?? (opts.snapshot ? 300_000 : 60_000));
    while (!existsSync(file) && Date.now() < deadline && !role.exited()) await sleep(100);
    if (!existsSync(file)) return undefined;
    const m = JSON.parse(readFileSync(file, "utf8")) as {
      heapUsed: number;
      heapTotal: number;
      external: number;
      rss: number;
      gcMs: number;
      maps?: { v8Pages: number; mallocHeap: number; otherAnon: number; files: number };
      snapshot?: string;
      profile?: string;
    };
    const mib = (b: number) => round(b / 2 ** 20, 0);
    return {
      heapUsedMiB: mib(m.heapUsed),
      heapTotalMiB: mib(m.heapTotal),
      externalMiB: mib(m.external),
      rssMiB: mib(m.rss),
      gcMs: round(m.gcMs, 0),
      ...(m.maps ? { maps: { v8Pages: mib(m.maps.v8Pages), mallocHeap: mib(m.maps.mallocHeap), otherAnon: mib(m.maps.otherAnon), files: mib(m.maps.files) } } : {}),
      ...(m.snapshot ? { snapshot: m.snapshot } : {}),
      ...(m.profile ? { profile: m.profile } : {}),
    };
  } finally {
    rmSync(join(dir, `${role.pid}.snapshot`), { force: true });
  }
}

/** User + system CPU seconds of a process so far. */
export function procCpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `f` until true; false if `deadline` (epoch ms) passes first. */
export async function until(f: () => boolean | Promise<boolean>, deadline: number, everyMs = 200): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      if (await f()) return true;
    } catch {
      /* not up yet */
    }
    await sleep(everyMs);
  }
  try {
    return await f();
  } catch {
    return false;
  }
}

/** Standard role command lines (ports picked by the OS, logs at warn). */
export const roleArgs = {
  apiserver: (dataDir: string, store = "embedded") => ["apiserver", "--port", "0", "--store", store, "--data-dir", dataDir, "--log-level", "warn"],
  master: () => ["master", "--port", "0", "--log-level", "warn"],
  kubeFramework: (api: string, master: string) => ["kube-framework", "--api-server", api, "--master", master, "--port", "0", "--leader-elect", "false", "--log-level", "warn"],
  simAgents: (master: string, count: number) => ["sim-agents", "--master", master, "--count", String(count), "--log-level", "error"],
};

export const READY = {
  apiserver: /berth apiserver listening on (http:\/\/\S+)/,
  master: /berth master listening on (http:\/\/\S+)/,
  kubeFramework: /serving health and metrics on (http:\/\/\S+)/,
  simAgents: /berth sim-agents: (\d+) agents registered/,
};

/** Master's Mesos metrics snapshot. */
export async function masterMetrics(master: string): Promise<Record<string, number>> {
  const r = await fetch(`${master}/metrics/snapshot`, { signal: AbortSignal.timeout(5000) });
  return (await r.json()) as Record<string, number>;
}
