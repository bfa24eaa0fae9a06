/**
 * The job's book of tasks: one slot per task index, one attempt per launch. Every launch
 * gets a fresh task id (`<name>-<index>-<attempt>`), so a late update of an attempt that
 * was already given up on can never be mistaken for the current one.
 */
import type { TaskState, TaskStatus } from "../../mesos/v1.js";
import type { BatchAttempt, BatchTaskResult } from "./options.js";

export type SlotState = "pending" | "staging" | "running" | "unreachable" | "succeeded" | "failed";

export interface Attempt {
  readonly taskId: string;
  readonly slot: Slot;
  agentId: string | undefined;
  state: TaskState | "PENDING";
  message: string | undefined;
  readonly cpus: number;
  readonly mem: number;
  /** Terminal for us: no longer counted, later updates are stale. */
  done: boolean;
  unreachableSince: number | undefined;
}

export interface Slot {
  readonly index: number;
  state: SlotState;
  readonly attempts: Attempt[];
}

/** What an update meant for the job. */
export type Outcome =
  | { readonly kind: "unknown" }
  /** For an attempt already done with; `alive` if it claims to run (it should be killed). */
  | { readonly kind: "stale"; readonly alive: boolean; readonly attempt: Attempt }
  | { readonly kind: "progress"; readonly attempt: Attempt }
  | { readonly kind: "succeeded"; readonly attempt: Attempt }
  | { readonly kind: "retry"; readonly attempt: Attempt }
  | { readonly kind: "failed"; readonly attempt: Attempt };

const ALIVE: ReadonlySet<string> = new Set(["TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING"]);

export class TaskBook {
  readonly slots: Slot[];
  private readonly byId = new Map<string, Attempt>();
  private readonly prefix: string;

  constructor(
    total: number,
    private readonly maxRetries: number,
    name: string,
  ) {
    this.slots = Array.from({ length: total }, (_, index) => ({ index, state: "pending" as SlotState, attempts: [] }));
    // Task ids are free text in Mesos, but agents use them in sandbox paths: keep them tame.
    this.prefix = name.replace(/[^A-Za-z0-9_.-]/g, "_") || "batch";
  }

  pending(): Slot[] {
    return this.slots.filter((s) => s.state === "pending");
  }

  /** Attempts the master may still know as live: the ones to reconcile. */
  active(): Attempt[] {
    return [...this.byId.values()].filter((a) => !a.done);
  }

  get(taskId: string): Attempt | undefined {
    return this.byId.get(taskId);
  }

  launch(slot: Slot, agentId: string, cpus: number, mem: number): Attempt {
    const a: Attempt = { taskId: `${this.prefix}-${slot.index}-${slot.attempts.length + 1}`, slot, agentId, state: "PENDING", message: undefined, cpus, mem, done: false, unreachableSince: undefined };
    slot.attempts.push(a);
    slot.state = "staging";
    this.byId.set(a.taskId, a);
    return a;
  }

  onStatus(s: TaskStatus, now = Date.now()): Outcome {
    const a = this.byId.get(s.task_id.value);
    if (!a) return { kind: "unknown" };
    if (a.done) return { kind: "stale", alive: ALIVE.has(s.state), attempt: a };
    a.state = s.state;
    a.message = s.message;
    if (s.agent_id) a.agentId = s.agent_id.value;
    if (ALIVE.has(s.state)) {
      a.unreachableSince = undefined;
      a.slot.state = s.state === "TASK_RUNNING" || s.state === "TASK_KILLING" ? "running" : "staging";
      return { kind: "progress", attempt: a };
    }
    if (s.state === "TASK_UNREACHABLE") {
      // Partition-aware: the task may still run and come back; wait (bounded by the caller).
      a.unreachableSince ??= now;
      a.slot.state = "unreachable";
      return { kind: "progress", attempt: a };
    }
    if (s.state === "TASK_FINISHED") {
      a.done = true;
      a.slot.state = "succeeded";
      return { kind: "succeeded", attempt: a };
    }
    // FAILED, KILLED, LOST, ERROR, DROPPED, GONE, GONE_BY_OPERATOR, UNKNOWN: this attempt is over.
    return this.end(a);
  }

  /** Give up on an attempt (e.g. unreachable too long): retry the task or fail it. */
  end(a: Attempt, message?: string): Outcome {
    a.done = true;
    if (message) a.message = message;
    if (a.slot.attempts.length <= this.maxRetries) {
      a.slot.state = "pending";
      return { kind: "retry", attempt: a };
    }
    a.slot.state = "failed";
    return { kind: "failed", attempt: a };
  }

  count(state: SlotState): number {
    let n = 0;
    for (const s of this.slots) if (s.state === state) n++;
    return n;
  }

  /** cpus and mem held by attempts not yet terminal. */
  allocated(): { cpus: number; mem: number } {
    let cpus = 0;
    let mem = 0;
    for (const a of this.byId.values())
      if (!a.done) {
        cpus += a.cpus;
        mem += a.mem;
      }
    return { cpus: Math.round(cpus * 1000) / 1000, mem: Math.round(mem * 1000) / 1000 };
  }

  finished(): boolean {
    return this.slots.every((s) => s.state === "succeeded" || s.state === "failed");
  }

  results(): BatchTaskResult[] {
    return this.slots.map((s) => ({
      index: s.index,
      state: s.state === "succeeded" ? "succeeded" : s.state === "failed" ? "failed" : "unfinished",
      attempts: s.attempts.map((a): BatchAttempt => ({ taskId: a.taskId, agentId: a.agentId, state: a.state, ...(a.message ? { message: a.message } : {}) })),
    }));
  }
}
