/**
 * The agent's per-task runtime state (TaskRuntime): restart count, the last termination,
 * the crash-loop back-off, the probes' verdicts; and what of it goes into a TaskStatus
 * and into the checkpoint.
 */
import type { TaskRuntime, TaskState, TaskStatus, TaskStatusReason, TaskTermination } from "../../mesos/v1.js";
import type { TimerHandle } from "../timer-queue.js";
import type { BackoffState } from "./backoff.js";
import type { ProbeSet } from "./probes.js";

/** Checkpointed with the task record (restart count and back-off survive an agent restart). */
export interface RuntimeCheckpoint {
  readonly restart_count: number;
  readonly last_termination?: TaskTermination;
  readonly backoff?: BackoffState;
}

export interface RunRuntime {
  restartCount: number;
  lastTermination?: TaskTermination;
  backoff?: BackoffState;
  /** Set while the process is down waiting to be restarted. */
  waiting?: { readonly seconds: number; readonly until: number };
  restartTimer?: TimerHandle;
  /** A launch (first or restart) is under way. */
  launching: boolean;
  probes?: ProbeSet;
  ready: boolean;
  started: boolean;
  /** Epoch ms the current run started. */
  startedAt?: number;
  /** Why the agent itself stopped the process (a failed liveness probe): goes into last_termination. */
  killReason?: { readonly reason: TaskStatusReason; readonly message: string };
}

export function newRunRuntime(cp?: RuntimeCheckpoint): RunRuntime {
  return {
    restartCount: cp?.restart_count ?? 0,
    ...(cp?.last_termination ? { lastTermination: cp.last_termination } : {}),
    ...(cp?.backoff ? { backoff: cp.backoff } : {}),
    launching: false,
    ready: false,
    started: false,
  };
}

export function checkpointOf(rt: RunRuntime): RuntimeCheckpoint {
  return { restart_count: rt.restartCount, ...(rt.lastTermination ? { last_termination: rt.lastTermination } : {}), ...(rt.backoff ? { backoff: rt.backoff } : {}) };
}

/** Whether the process that ended in `state` is started again (the agent's kill never restarts). */
export function wantsRestart(rt: TaskRuntime, state: TaskState): boolean {
  const policy = rt.restart_policy ?? "Never";
  if (policy === "Never") return false;
  if (state === "TASK_FINISHED") return policy === "Always" && !rt.init;
  return true;
}

/** The berth fields of a status update for a task with a runtime. */
export function runtimeStatus(rt: RunRuntime, terminal: boolean): Partial<TaskStatus> {
  return {
    restart_count: rt.restartCount,
    ...(rt.lastTermination ? { last_termination: rt.lastTermination } : {}),
    ...(rt.waiting && !terminal ? { backoff: rt.waiting } : {}),
    ready: !terminal && !rt.waiting && rt.ready,
    started: !terminal && !rt.waiting && rt.started,
    ...(rt.startedAt !== undefined && !rt.waiting && !terminal ? { started_at: rt.startedAt / 1000 } : {}),
  };
}

/** The exit code as a shell sees it (128+N for signal N). */
export function exitCodeOf(exit: { exitStatus?: number; signal?: number }): number {
  return exit.exitStatus ?? (exit.signal !== undefined ? 128 + exit.signal : 137);
}
