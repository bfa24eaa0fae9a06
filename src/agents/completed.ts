/**
 * Completed tasks (Mesos' completed executors): once a task's terminal update is
 * acknowledged the agent stops tracking it as live, but keeps its record and sandbox so
 * its logs stay readable (kubelet keeps a dead container's log until the pod is deleted;
 * Mesos keeps a completed executor's sandbox until --gc_delay).
 *
 * A completed executor run (a task group, or a single task) goes, sandbox and checkpoint
 * with it, when the first of these happens:
 *  - its framework says so: SHUTDOWN of the executor (the kubernetes framework sends it
 *    once the pod object is gone), or the framework is shut down;
 *  - it has been complete for gcDelayMs (Mesos' --gc_delay, default one week);
 *  - its framework has more than maxPerFramework completed executor runs
 *    (Mesos' --max_completed_executors_per_framework, default 150): the oldest go.
 * Records are checkpointed (TaskRecord.completed_at), so they survive an agent restart.
 */
import { rmSync } from "node:fs";
import type { Logger } from "../util/log.js";
import type { Checkpoint, TaskRecord } from "./checkpoint.js";
import { runDirOf } from "./runtime/sandbox.js";

export const DEFAULT_GC_DELAY_MS = 7 * 24 * 3600 * 1000;
export const DEFAULT_MAX_COMPLETED_PER_FRAMEWORK = 150;

export interface CompletedOptions {
  readonly checkpoint: Checkpoint;
  readonly log: Logger;
  readonly gcDelayMs?: number;
  readonly maxPerFramework?: number;
  /** After a framework's completed run went (the agent drops a framework it has nothing left of). */
  readonly onRemoved?: (frameworkId: string) => void;
}

/** One executor run's tasks (they share a run directory), newest completion last. */
interface ExecutorRun {
  readonly frameworkId: string;
  readonly executorId: string;
  readonly runDir: string;
  readonly tasks: Map<string, TaskRecord & { readonly completed_at: number }>;
}

const runKey = (rec: TaskRecord) => `${rec.framework_id}\u0000${rec.container_id.split("/")[0]}`;

export class CompletedTasks {
  /** By framework and executor run, in order of completion (Map keeps insertion order). */
  private readonly runs = new Map<string, ExecutorRun>();
  private readonly gcDelayMs: number;
  private readonly maxPerFramework: number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly opts: CompletedOptions) {
    this.gcDelayMs = opts.gcDelayMs ?? DEFAULT_GC_DELAY_MS;
    this.maxPerFramework = opts.maxPerFramework ?? DEFAULT_MAX_COMPLETED_PER_FRAMEWORK;
  }

  /**
   * Starts the age sweep. `inUse(runDir)`: whether a live task still works in that run
   * directory (a task group whose other tasks still run keeps it).
   */
  start(inUse: (frameworkId: string, containerRun: string) => boolean): void {
    this.inUse = inUse;
    for (const fid of new Set([...this.runs.values()].map((r) => r.frameworkId))) this.trim(fid);
    this.sweep();
    // Often enough that a short gc delay (tests) is honoured closely, at most once a minute.
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(this.gcDelayMs / 4, 60_000)));
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  private inUse: (frameworkId: string, containerRun: string) => boolean = () => false;

  /** A recovered or newly completed task record. */
  add(rec: TaskRecord & { readonly completed_at: number }, recovered = false): void {
    const k = runKey(rec);
    let run = this.runs.get(k);
    if (!run) {
      run = { frameworkId: rec.framework_id, executorId: rec.executor_id, runDir: runDirOf(rec.sandbox, rec.group !== undefined), tasks: new Map() };
      this.runs.set(k, run);
    }
    run.tasks.set(rec.task.task_id.value, rec);
    // Recovered records are trimmed once the agent has loaded everything (start).
    if (recovered) return;
    this.opts.checkpoint.saveTask(rec);
    this.trim(rec.framework_id);
  }

  get(frameworkId: string | undefined, executorId: string, taskId: string): (TaskRecord & { readonly completed_at: number }) | undefined {
    for (const run of this.runs.values()) {
      if (run.executorId !== executorId || (frameworkId !== undefined && run.frameworkId !== frameworkId)) continue;
      const t = run.tasks.get(taskId);
      if (t) return t;
    }
    return undefined;
  }

  has(frameworkId: string): boolean {
    for (const run of this.runs.values()) if (run.frameworkId === frameworkId) return true;
    return false;
  }

  all(): TaskRecord[] {
    return [...this.runs.values()].flatMap((r) => [...r.tasks.values()]);
  }

  /** The framework shut the executor down: its completed runs go now. */
  removeExecutor(frameworkId: string, executorId: string, why: string): void {
    for (const [k, run] of [...this.runs]) if (run.frameworkId === frameworkId && run.executorId === executorId) this.remove(k, run, why);
  }

  removeFramework(frameworkId: string, why: string): void {
    for (const [k, run] of [...this.runs]) if (run.frameworkId === frameworkId) this.remove(k, run, why);
  }

  /** A task id launched again: its completed record gives way (its run directory only if no other task has it). */
  removeTask(frameworkId: string, taskId: string): void {
    for (const [k, run] of [...this.runs]) {
      if (run.frameworkId !== frameworkId || !run.tasks.has(taskId)) continue;
      if (run.tasks.size === 1) this.remove(k, run, "task launched again");
      else {
        run.tasks.delete(taskId);
        this.opts.checkpoint.removeTask(frameworkId, taskId);
      }
    }
  }

  sweep(now = Date.now()): void {
    for (const [k, run] of [...this.runs]) {
      const newest = Math.max(...[...run.tasks.values()].map((t) => t.completed_at));
      if (now - newest >= this.gcDelayMs) this.remove(k, run, "gc delay elapsed");
    }
  }

  private trim(frameworkId: string): void {
    const mine = [...this.runs].filter(([, r]) => r.frameworkId === frameworkId);
    for (const [k, run] of mine.slice(0, Math.max(0, mine.length - this.maxPerFramework))) this.remove(k, run, "too many completed executors");
  }

  private remove(k: string, run: ExecutorRun, why: string): void {
    this.runs.delete(k);
    for (const tid of run.tasks.keys()) this.opts.checkpoint.removeTask(run.frameworkId, tid);
    const containerRun = k.slice(k.indexOf("\u0000") + 1);
    // A group's run directory is shared with its tasks still running: only theirs stays.
    const dirs = this.inUse(run.frameworkId, containerRun) ? [...run.tasks.values()].map((t) => t.sandbox) : [run.runDir];
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    this.opts.onRemoved?.(run.frameworkId);
    this.opts.log.info("removed completed executor run", { framework_id: run.frameworkId, executor_id: run.executorId, tasks: run.tasks.size, reason: why });
  }
}
