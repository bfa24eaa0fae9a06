/**
 * What a batch job is asked to do and what it reports back. Everything here is plain data
 * so the CLI, tests and other programs drive the same scheduler.
 */
import type { TaskStatus } from "../../mesos/v1.js";

export interface BatchJobOptions {
  /** The master, e.g. http://127.0.0.1:5050 (a non-leading master redirects to the leader). */
  readonly master: string;
  /** Framework name; also the prefix of task ids (default "batch"). */
  readonly name?: string;
  /** The role to be offered resources in (default "*"). */
  readonly role?: string;
  /** How many tasks; task i runs `command` with `{i}` replaced and BATCH_TASK_INDEX=i. */
  readonly tasks: number;
  /** A shell command (run with /bin/sh -c in the task's sandbox). */
  readonly command: string;
  /** Resources per task in the agent flag syntax (default "cpus:0.1;mem:32"). */
  readonly resources?: string;
  /** Launches after the first one when an attempt ends badly (default 3: at most 4 attempts). */
  readonly maxRetries?: number;
  /** Seconds the master keeps the framework (and its tasks) while it is disconnected (default 60). */
  readonly failoverTimeout?: number;
  /** refuse_seconds for declined and unused offered resources (default 1). */
  readonly refuseSeconds?: number;
  /** Human-readable progress lines (default: none). */
  readonly log?: (line: string) => void;
  /** Milliseconds between periodic progress lines (default 5000). */
  readonly progressIntervalMs?: number;
  /** An attempt unreachable this long is written off and relaunched (default 60000). */
  readonly unreachableTimeoutMs?: number;
  /** Stop early: tear the framework down (its tasks are killed) and resolve with what is known. */
  readonly signal?: AbortSignal;
  /** Called whenever the job's numbers change, and at least every progressIntervalMs. */
  readonly onProgress?: (p: BatchProgress) => void;
  /** Every UPDATE event as it arrives (before it is acknowledged). */
  readonly onUpdate?: (status: TaskStatus) => void;
  /** After an ACKNOWLEDGE for this update was accepted by the master. */
  readonly onAcknowledge?: (status: TaskStatus) => void;
}

export interface BatchProgress {
  /** Milliseconds since the job started. */
  readonly elapsedMs: number;
  readonly total: number;
  readonly pending: number;
  /** Launched, not yet reported running. */
  readonly staging: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Resources of the launched, not yet terminal attempts (what the framework holds in tasks). */
  readonly allocated: { readonly cpus: number; readonly mem: number };
  readonly subscribed: boolean;
  readonly suppressed: boolean;
}

export interface BatchAttempt {
  readonly taskId: string;
  readonly agentId: string | undefined;
  /** Last state seen (TASK_FINISHED, TASK_FAILED...; "PENDING" before any update). */
  readonly state: string;
  readonly message?: string;
}

export interface BatchTaskResult {
  readonly index: number;
  readonly state: "succeeded" | "failed" | "unfinished";
  readonly attempts: readonly BatchAttempt[];
}

export interface BatchResult {
  readonly frameworkId: string | undefined;
  readonly succeeded: number;
  readonly failed: number;
  /** Tasks neither succeeded nor given up on (only when stopped early). */
  readonly unfinished: number;
  readonly tasks: readonly BatchTaskResult[];
  readonly durationMs: number;
  /** Why the job ended before every task was done (abort, framework removed...). */
  readonly error?: string;
}

export interface ResolvedOptions extends Required<Omit<BatchJobOptions, "signal" | "onProgress" | "onUpdate" | "onAcknowledge" | "log">> {
  readonly log: (line: string) => void;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((p: BatchProgress) => void) | undefined;
  readonly onUpdate: ((s: TaskStatus) => void) | undefined;
  readonly onAcknowledge: ((s: TaskStatus) => void) | undefined;
}

export function resolveOptions(o: BatchJobOptions): ResolvedOptions {
  if (!Number.isInteger(o.tasks) || o.tasks < 0) throw new Error(`tasks must be a non-negative integer: ${o.tasks}`);
  if (!o.command) throw new Error("command is required");
  const maxRetries = o.maxRetries ?? 3;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new Error(`maxRetries must be a non-negative integer: ${maxRetries}`);
  return {
    master: o.master,
    name: o.name ?? "batch",
    role: o.role ?? "*",
    tasks: o.tasks,
    command: o.command,
    resources: o.resources ?? "cpus:0.1;mem:32",
    maxRetries,
    failoverTimeout: o.failoverTimeout ?? 60,
    refuseSeconds: o.refuseSeconds ?? 1,
    progressIntervalMs: o.progressIntervalMs ?? 5000,
    unreachableTimeoutMs: o.unreachableTimeoutMs ?? 60_000,
    log: o.log ?? (() => undefined),
    signal: o.signal,
    onProgress: o.onProgress,
    onUpdate: o.onUpdate,
    onAcknowledge: o.onAcknowledge,
  };
}
