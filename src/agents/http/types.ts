/**
 * What the agent's container API needs to know about a task: where it runs and whether it
 * still does. The agent answers lookups from its own task table (agent.ts).
 */
import type { TaskInfo } from "../../mesos/v1.js";

export interface TaskHandle {
  readonly executorId: string;
  readonly taskId: string;
  readonly task: TaskInfo;
  /** The task's sandbox: its stdout and stderr files live here, and exec runs here. */
  readonly sandbox: string;
  /** The task's (wrapper) process, when it has one (process containerizer). */
  readonly pid?: number;
  /** cgroup.procs files of the task's cgroup, when it has one: exec'd processes join it too. */
  readonly cgroupProcs?: readonly string[];
  /** The task's network namespace, when it has its own: exec runs and port-forward connects inside it. */
  readonly netns?: string;
  /** False once the task reached a terminal state (or never got a process). */
  running(): boolean;
  /**
   * Where the task's recent runs began in its stdout and stderr files (oldest first), when
   * the agent restarts tasks in place: the last is the current run, the one before it the
   * previous. Empty or absent: the whole file is the current run and no previous is known.
   */
  logStarts?(): readonly { readonly stdout: number; readonly stderr: number }[];
}

export type TaskLookup = (executorId: string, taskId: string) => TaskHandle | undefined;
