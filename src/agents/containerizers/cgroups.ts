/**
 * Per-task cgroups for the process containerizer: cpu and memory limits from the task's
 * resources, and OOM detection (Mesos' cgroups/cpu and cgroups/mem isolators).
 *
 * cgroup v2 (unified hierarchy at /sys/fs/cgroup with the cpu and memory controllers) is
 * used when available: `cpu.max`, `memory.max`, OOM kills counted in `memory.events`.
 * Hosts still on the v1 hierarchy get the same through `cpu.cfs_quota_us`,
 * `memory.limit_in_bytes` and `memory.oom_control`. Each task gets `berth/<agent>/<container>`.
 * Where neither is writable the agent logs once and runs tasks without limits.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync, accessSync, constants, readdirSync } from "node:fs";
import { join } from "node:path";

export type CgroupMode = "v2" | "v1";

export interface CgroupSupport {
  readonly available: boolean;
  readonly mode?: CgroupMode;
  /** Why not, when unavailable (logged once by the agent). */
  readonly reason?: string;
  /** v2: the unified root; v1: the root holding cpu/ and memory/. */
  readonly root: string;
}

/** What a task's cgroup is: persisted in the checkpoint so a restarted agent finds it again. */
export interface TaskCgroup {
  readonly mode: CgroupMode;
  /** Directories created for the task (one for v2; memory and cpu for v1). */
  readonly dirs: readonly string[];
  /** The cgroup.procs files the task's wrapper writes its own pid into before it runs the command. */
  readonly procs: readonly string[];
  readonly memoryDir?: string;
  readonly memLimitBytes?: number;
}

const CFS_PERIOD_US = 100_000;
/** Mesos' minimum CPU quota (MIN_CPUS 0.01 -> 1 ms per 100 ms period). */
const MIN_QUOTA_US = 1_000;
/** Mesos' minimum memory limit (MIN_MEMORY 32 MB). */
const MIN_MEMORY_BYTES = 32 * 1024 * 1024;

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function detectCgroups(root = "/sys/fs/cgroup"): CgroupSupport {
  const controllers = join(root, "cgroup.controllers");
  if (existsSync(controllers)) {
    const have = readFileSync(controllers, "utf8").trim().split(/\s+/);
    if (!have.includes("cpu") || !have.includes("memory")) {
      return { available: false, root, reason: `cgroup v2 at ${root} lacks the cpu and memory controllers (has: ${have.join(" ") || "none"})` };
    }
    if (!writable(root)) return { available: false, root, reason: `cgroup v2 at ${root} is not writable` };
    return { available: true, mode: "v2", root };
  }
  const mem = join(root, "memory");
  const cpu = join(root, "cpu");
  if (existsSync(join(mem, "memory.limit_in_bytes")) && existsSync(join(cpu, "cpu.cfs_quota_us"))) {
    if (!writable(mem) || !writable(cpu)) return { available: false, root, reason: `cgroup v1 cpu and memory hierarchies at ${root} are not writable` };
    return { available: true, mode: "v1", root };
  }
  return { available: false, root, reason: `no cgroup hierarchy with cpu and memory controllers at ${root}` };
}

/** v2 only enables a controller for children when every ancestor lists it in subtree_control. */
function enableControllersV2(root: string, rel: string[]): void {
  let dir = root;
  for (const part of rel) {
    try {
      writeFileSync(join(dir, "cgroup.subtree_control"), "+cpu +memory");
    } catch {
      // Already enabled, or the kernel refuses because the directory holds processes; the
      // later writes to cpu.max/memory.max then fail and the launch reports it.
    }
    dir = join(dir, part);
    if (!existsSync(dir)) mkdirSync(dir);
  }
}

export function createTaskCgroup(sup: CgroupSupport, agentId: string, containerId: string, cpus: number | undefined, memMb: number | undefined): TaskCgroup {
  const rel = ["berth", safe(agentId), safe(containerId)];
  const memLimitBytes = memMb !== undefined ? Math.max(MIN_MEMORY_BYTES, Math.round(memMb * 1024 * 1024)) : undefined;
  const quota = cpus !== undefined ? Math.max(MIN_QUOTA_US, Math.round(cpus * CFS_PERIOD_US)) : undefined;
  if (sup.mode === "v2") {
    enableControllersV2(sup.root, rel);
    const dir = join(sup.root, ...rel);
    if (quota !== undefined) writeFileSync(join(dir, "cpu.max"), `${quota} ${CFS_PERIOD_US}`);
    if (memLimitBytes !== undefined) {
      writeFileSync(join(dir, "memory.max"), String(memLimitBytes));
      // No swap: the limit is the limit, as with Mesos' default (no swap isolation).
      try {
        writeFileSync(join(dir, "memory.swap.max"), "0");
      } catch {
        /* no swap accounting */
      }
    }
    return { mode: "v2", dirs: [dir], procs: [join(dir, "cgroup.procs")], memoryDir: dir, ...(memLimitBytes !== undefined ? { memLimitBytes } : {}) };
  }
  const memDir = join(sup.root, "memory", ...rel);
  const cpuDir = join(sup.root, "cpu", ...rel);
  mkdirSync(memDir, { recursive: true });
  mkdirSync(cpuDir, { recursive: true });
  if (quota !== undefined) {
    writeFileSync(join(cpuDir, "cpu.cfs_period_us"), String(CFS_PERIOD_US));
    writeFileSync(join(cpuDir, "cpu.cfs_quota_us"), String(quota));
  }
  if (memLimitBytes !== undefined) {
    writeFileSync(join(memDir, "memory.limit_in_bytes"), String(memLimitBytes));
    try {
      writeFileSync(join(memDir, "memory.memsw.limit_in_bytes"), String(memLimitBytes));
    } catch {
      /* no swap accounting */
    }
  }
  return { mode: "v1", dirs: [memDir, cpuDir], procs: [join(memDir, "cgroup.procs"), join(cpuDir, "cgroup.procs")], memoryDir: memDir, ...(memLimitBytes !== undefined ? { memLimitBytes } : {}) };
}

/** How many times the kernel's OOM killer struck inside the task's cgroup. */
export function oomKills(cg: TaskCgroup): number {
  if (!cg.memoryDir) return 0;
  const file = cg.mode === "v2" ? "memory.events" : "memory.oom_control";
  try {
    const m = /^oom_kill (\d+)$/m.exec(readFileSync(join(cg.memoryDir, file), "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Peak memory use in bytes, for the OOM message. */
export function maxMemoryUsed(cg: TaskCgroup): number | undefined {
  if (!cg.memoryDir) return undefined;
  for (const f of cg.mode === "v2" ? ["memory.peak", "memory.current"] : ["memory.max_usage_in_bytes"]) {
    try {
      return Number(readFileSync(join(cg.memoryDir, f), "utf8").trim());
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Pids still in the cgroup (anything the task left behind after its wrapper exited). */
export function cgroupPids(cg: TaskCgroup): number[] {
  const out = new Set<number>();
  for (const p of cg.procs) {
    try {
      for (const l of readFileSync(p, "utf8").split("\n")) if (l.trim()) out.add(Number(l));
    } catch {
      /* gone */
    }
  }
  return [...out];
}

/** Removes the task's cgroup directories (they must be empty of processes). */
export function removeTaskCgroup(cg: TaskCgroup): void {
  for (const d of cg.dirs) {
    try {
      rmdirSync(d);
    } catch {
      /* still busy or already gone */
    }
  }
}

/** Removes the agent's berth/<agent> directory, and berth/ itself, once empty (best effort). */
export function pruneAgentCgroups(sup: CgroupSupport, agentId: string): void {
  if (!sup.available) return;
  const tops = sup.mode === "v2" ? [join(sup.root, "berth")] : [join(sup.root, "memory", "berth"), join(sup.root, "cpu", "berth")];
  const bases = tops.flatMap((t) => [join(t, safe(agentId)), t]);
  for (const b of bases) {
    try {
      if (readdirSync(b, { withFileTypes: true }).some((e) => e.isDirectory())) continue;
      rmdirSync(b);
    } catch {
      /* absent */
    }
  }
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, "_");
}
