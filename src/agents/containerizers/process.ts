/**
 * The process containerizer: each task is a real child process in its sandbox.
 *
 * Every task runs under a small /bin/sh wrapper, the leader of its own process group
 * (so a kill reaches all the task's children). The wrapper
 *  1. moves itself into the task's cgroup (when cgroups are usable) before the command
 *     runs, so no process of the task ever escapes the limits;
 *  2. catches SIGTERM/SIGINT/SIGHUP only to keep waiting (the command itself gets the
 *     default dispositions back at exec);
 *  3. writes the command's exit status to `.berth/exit_status` in the sandbox.
 * Step 3 is what lets an agent restarted after a crash learn how a task ended while it
 * was down: the task is no longer its child, so it cannot wait() for it.
 *
 * The exit status is what a shell sees: a command killed by signal N reads as 128+N, and
 * is reported as "terminated with signal" (kubelet's convention too).
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { constants as osConstants } from "node:os";
import { join } from "node:path";
import type { Logger } from "../../util/log.js";
import type { Resource } from "../../mesos/v1.js";
import { cgroupPids, createTaskCgroup, detectCgroups, maxMemoryUsed, oomKills, pruneAgentCgroups, removeTaskCgroup, type CgroupSupport, type TaskCgroup } from "./cgroups.js";
import { isAlive, killGroup, procStat } from "./proc.js";
import type { Container, ContainerExit, ContainerState, Containerizer, LaunchHooks, LaunchSpec } from "./types.js";
import { mountEnv, workingDir } from "../runtime/sandbox.js";
import { inNetns } from "../network/ip.js";

const WRAPPER = [
  'exit_file=$1; cgroups=$2; shift 2',
  'for f in $cgroups; do echo $$ > "$f" || { echo "berth: cannot join cgroup $f" >&2; exit 125; }; done',
  "trap : TERM INT HUP",
  '"$@"',
  "s=$?",
  'echo $s > "$exit_file.tmp" && mv -f "$exit_file.tmp" "$exit_file"',
  "exit $s",
].join("\n");

const OOM_POLL_MS = 200;

/** Where the wrapper records the exit status, relative to the sandbox. */
export const EXIT_STATUS_FILE = join(".berth", "exit_status");

export interface ProcessContainerizerOptions {
  readonly log: Logger;
  /** cgroup mount to use (default /sys/fs/cgroup); `false` disables cgroups. */
  readonly cgroupRoot?: string | false;
  /** How often re-attached (recovered) processes are polled for exit (default 1000 ms). */
  readonly pollMs?: number;
}

export class ProcessContainerizer implements Containerizer {
  readonly name = "process" as const;
  readonly cgroups: CgroupSupport;
  private readonly polls = new Set<NodeJS.Timeout>();

  constructor(private readonly opts: ProcessContainerizerOptions) {
    this.cgroups = opts.cgroupRoot === false ? { available: false, root: "", reason: "cgroups disabled" } : detectCgroups(opts.cgroupRoot ?? "/sys/fs/cgroup");
    if (this.cgroups.available) opts.log.info("cgroup isolation enabled", { mode: this.cgroups.mode, root: this.cgroups.root });
    else opts.log.warn("cgroups unavailable: tasks run without cpu and memory limits", { reason: this.cgroups.reason });
  }

  async launch(spec: LaunchSpec, hooks: LaunchHooks): Promise<Container> {
    hooks.starting();
    const cmd = commandLine(spec);
    mkdirSync(join(spec.sandbox, ".berth"), { recursive: true });
    let cgroup: TaskCgroup | undefined;
    if (this.cgroups.available) {
      const { cpus, mem } = scalars(spec.task.resources);
      if (cpus !== undefined || mem !== undefined) cgroup = createTaskCgroup(this.cgroups, spec.agentId, spec.containerId, cpus, mem);
    }
    const out = openSync(join(spec.sandbox, "stdout"), "a");
    const err = openSync(join(spec.sandbox, "stderr"), "a");
    try {
      // In a pod network, nsenter joins the group's namespace and execs the wrapper (same pid).
      const argv = [...(spec.netns ? inNetns(spec.netns) : []), "/bin/sh", "-c", WRAPPER, "berth-task", join(spec.sandbox, EXIT_STATUS_FILE), (cgroup?.procs ?? []).join(" "), ...cmd];
      const child = spawn(argv[0]!, argv.slice(1), {
        cwd: workingDir(spec.sandbox, spec.task.runtime),
        env: environment(spec),
        detached: true,
        stdio: ["ignore", out, err],
      });
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", reject);
      });
      const pid = child.pid!;
      const startTime = procStat(pid)?.startTime;
      const state: ContainerState = { containerizer: "process", pid, ...(startTime ? { startTime } : {}), ...(cgroup ? { cgroup } : {}), startedAt: Date.now() };
      const exited = new Promise<ContainerExit>((resolve) => {
        child.once("exit", (code, sig) => {
          const signo = sig ? signalNumber(sig) : undefined;
          resolve(this.finish(state, signo !== undefined ? { signal: signo } : fromShellStatus(code ?? 0)));
        });
      });
      // The agent never waits on the child's stdio: its output goes to files.
      child.unref();
      return this.container(state, exited);
    } catch (e) {
      if (cgroup) removeTaskCgroup(cgroup);
      throw e;
    } finally {
      closeSync(out);
      closeSync(err);
    }
  }

  recover(spec: LaunchSpec, state: ContainerState): Container {
    const pid = state.pid;
    const exited = new Promise<ContainerExit>((resolve) => {
      const done = () => resolve(this.finish(state, readExitFile(spec.sandbox) ?? { unknown: "the task's process exited while the agent was down and left no exit status" }));
      if (pid === undefined || !isAlive(pid, state.startTime)) return done();
      const t = setInterval(() => {
        if (isAlive(pid, state.startTime)) return;
        clearInterval(t);
        this.polls.delete(t);
        done();
      }, this.opts.pollMs ?? 1000);
      this.polls.add(t);
    });
    return this.container(state, exited);
  }

  /** Removes the agent's cgroup directory once no task cgroup is left in it. */
  prune(agentId: string): void {
    pruneAgentCgroups(this.cgroups, agentId);
  }

  close(): void {
    for (const t of this.polls) clearInterval(t);
    this.polls.clear();
  }

  private container(state: ContainerState, exited: Promise<ContainerExit>): Container {
    const cg = state.cgroup;
    if (cg) {
      // Like Mesos' memory isolator: once the OOM killer strikes, the whole container is
      // destroyed (and reported as a memory limitation), not just the process it picked.
      const t = setInterval(() => {
        if (oomKills(cg) === 0) return;
        if (state.pid !== undefined) killGroup(state.pid, "SIGKILL");
        for (const p of cgroupPids(cg)) safeKill(p, "SIGKILL");
      }, OOM_POLL_MS);
      t.unref();
      this.polls.add(t);
      void exited.finally(() => {
        clearInterval(t);
        this.polls.delete(t);
      });
    }
    return {
      state,
      exited,
      signal: (sig) => {
        if (state.pid !== undefined && isAlive(state.pid, state.startTime)) killGroup(state.pid, sig);
        // Processes that left the group (setsid) are still in the cgroup.
        if (state.cgroup && sig === "SIGKILL") for (const p of cgroupPids(state.cgroup)) safeKill(p, sig);
      },
    };
  }

  /** The command ended: check for an OOM kill, then tear down what is left of the container (Mesos destroys it too). */
  private finish(state: ContainerState, exit: ContainerExit): ContainerExit {
    killLeftovers(state);
    let result = exit;
    if (state.cgroup) {
      const cg = state.cgroup;
      if (oomKills(cg) > 0) {
        const used = maxMemoryUsed(cg);
        const mb = (b: number | undefined) => (b === undefined ? "unknown" : `${Math.round(b / (1024 * 1024))}MB`);
        result = {
          ...exit,
          limitation: {
            state: "TASK_FAILED",
            reason: "REASON_CONTAINER_LIMITATION_MEMORY",
            message: `Memory limit exceeded: Requested: ${mb(cg.memLimitBytes)} Maximum Used: ${mb(used)}`,
          },
        };
      }
      for (const p of cgroupPids(cg)) safeKill(p, "SIGKILL");
      // rmdir succeeds only once the killed processes are gone: try now and once more shortly.
      removeTaskCgroup(cg);
      setTimeout(() => removeTaskCgroup(cg), 500).unref();
    }
    return result;
  }
}

/**
 * SIGKILLs what is left of an ended task's process group. A group's id stays taken while the
 * group has members, so when another process now has that number (pids wrap: 32768 by
 * default) the group is empty and the number may lead someone else's group: leave it. This
 * matters for recovered tasks, whose end is seen up to a poll later, or long after it
 * happened when it ended while the agent was down.
 */
function killLeftovers(state: ContainerState): void {
  if (state.pid === undefined) return;
  const now = procStat(state.pid);
  if (now && now.state !== "Z" && now.state !== "X" && now.startTime !== state.startTime) return;
  killGroup(state.pid, "SIGKILL");
}

function safeKill(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* gone */
  }
}

/** shell=true (default): /bin/sh -c value; shell=false: value is the program, arguments its argv (argv[0] first, as in Mesos). */
export function commandLine(spec: LaunchSpec): string[] {
  const c = spec.task.command;
  if (!c || c.value === undefined || c.value === "") throw new Error(`task ${spec.task.task_id.value} has no command to run`);
  if (c.shell === false) return [c.value, ...(c.arguments ?? []).slice(1)];
  return ["/bin/sh", "-c", c.value];
}

/** The task's environment (also what its exec probes and hooks run with). */
export function environment(spec: LaunchSpec): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("BERTH_") || k.startsWith("MESOS_")) delete env[k];
  for (const v of spec.task.command?.environment?.variables ?? []) {
    if (v.type === "SECRET") continue; // no secret resolver on this agent
    env[v.name] = v.value ?? "";
  }
  env.MESOS_SANDBOX = spec.sandbox;
  env.MESOS_TASK_ID = spec.task.task_id.value;
  env.MESOS_AGENT_ID = spec.agentId;
  env.MESOS_FRAMEWORK_ID = spec.frameworkId;
  env.MESOS_EXECUTOR_ID = spec.executorId;
  env.MESOS_CONTAINER_ID = spec.containerId;
  Object.assign(env, mountEnv(spec.sandbox, spec.task.runtime));
  return env;
}

export function scalars(resources: readonly Resource[]): { cpus?: number; mem?: number } {
  let cpus: number | undefined;
  let mem: number | undefined;
  for (const r of resources) {
    const v = r.scalar?.value;
    if (v === undefined) continue;
    if (r.name === "cpus") cpus = (cpus ?? 0) + v;
    if (r.name === "mem") mem = (mem ?? 0) + v;
  }
  return { ...(cpus !== undefined ? { cpus } : {}), ...(mem !== undefined ? { mem } : {}) };
}

function fromShellStatus(code: number): ContainerExit {
  // 128+N: the command was killed by signal N (what the wrapper shell saw).
  if (code > 128 && code < 128 + 65) return { signal: code - 128 };
  return { exitStatus: code };
}

function readExitFile(sandbox: string): ContainerExit | undefined {
  try {
    const code = Number(readFileSync(join(sandbox, EXIT_STATUS_FILE), "utf8").trim());
    return Number.isInteger(code) ? fromShellStatus(code) : undefined;
  } catch {
    return undefined;
  }
}

function signalNumber(sig: NodeJS.Signals): number | undefined {
  return (osConstants.signals as Record<string, number>)[sig];
}
