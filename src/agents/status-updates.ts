/**
 * The task status update manager (Mesos' src/slave/task_status_update_manager.cpp): one
 * stream per task; updates leave in order, one in flight at a time; the one in flight is
 * resent with exponential backoff (10 s doubling up to 10 min in Mesos) until the
 * framework's acknowledgement comes back through the master, and only then does the next
 * one go. Streams are checkpointed, so updates survive an agent restart. While the agent
 * is disconnected the manager is paused; on (re)registration it resumes by resending the
 * head of every stream.
 */
import { TERMINAL_STATES, type TaskStatus } from "../mesos/v1.js";
import type { Checkpoint, UpdateStream } from "./checkpoint.js";
import type { TimerHandle, TimerQueue } from "./timer-queue.js";

export const STATUS_UPDATE_RETRY_INTERVAL_MIN_MS = 10_000;
export const STATUS_UPDATE_RETRY_INTERVAL_MAX_MS = 600_000;

export interface StatusUpdateManagerOptions {
  /** Sends an update to the master; a rejection only means "retry later". */
  readonly send: (frameworkId: string, status: TaskStatus) => Promise<void>;
  readonly checkpoint: Checkpoint;
  readonly timers: TimerQueue;
  readonly initialIntervalMs?: number;
  readonly maxIntervalMs?: number;
  /** The terminal update of a task was acknowledged: the agent may forget the task. */
  readonly onStreamDone?: (frameworkId: string, taskId: string) => void;
  readonly onError?: (msg: string, fields: Record<string, unknown>) => void;
}

interface Stream {
  readonly frameworkId: string;
  readonly taskId: string;
  pending: TaskStatus[];
  latest?: TaskStatus;
  interval: number;
  timer?: TimerHandle;
}

export class StatusUpdateManager {
  private readonly streams = new Map<string, Stream>();
  private paused = true;
  private readonly min: number;
  private readonly max: number;

  constructor(private readonly opts: StatusUpdateManagerOptions) {
    this.min = opts.initialIntervalMs ?? STATUS_UPDATE_RETRY_INTERVAL_MIN_MS;
    this.max = opts.maxIntervalMs ?? STATUS_UPDATE_RETRY_INTERVAL_MAX_MS;
  }

  /** Re-creates a stream from the checkpoint (before resume). */
  restore(frameworkId: string, taskId: string, s: UpdateStream): void {
    const st: Stream = { frameworkId, taskId, pending: [...s.pending], interval: this.min };
    if (s.latest) st.latest = s.latest;
    this.streams.set(key(frameworkId, taskId), st);
  }

  /** Queues an update (it must carry a uuid); it goes out at once if nothing else of the task is in flight. */
  update(frameworkId: string, status: TaskStatus): void {
    const taskId = status.task_id.value;
    let st = this.streams.get(key(frameworkId, taskId));
    if (!st) {
      st = { frameworkId, taskId, pending: [], interval: this.min };
      this.streams.set(key(frameworkId, taskId), st);
    }
    st.pending.push(status);
    st.latest = status;
    this.persist(st);
    if (st.pending.length === 1) {
      st.interval = this.min;
      this.forward(st);
    }
  }

  /** The framework acknowledged update `uuid` of the task. Returns false for an unexpected acknowledgement. */
  acknowledge(frameworkId: string, taskId: string, uuid: string): boolean {
    const st = this.streams.get(key(frameworkId, taskId));
    const head = st?.pending[0];
    if (!st || !head || head.uuid !== uuid) {
      this.opts.onError?.("unexpected status update acknowledgement", { task_id: taskId, uuid, expected: head?.uuid });
      return false;
    }
    st.timer?.cancel();
    delete st.timer;
    st.pending.shift();
    st.interval = this.min;
    if (st.pending.length === 0 && TERMINAL_STATES.has(head.state)) {
      // Terminal update acknowledged: the stream is complete.
      this.streams.delete(key(frameworkId, taskId));
      this.opts.onStreamDone?.(st.frameworkId, taskId);
      return true;
    }
    this.persist(st);
    if (st.pending.length > 0) this.forward(st);
    return true;
  }

  /** Disconnected from the master: stop resending. */
  pause(): void {
    this.paused = true;
    for (const st of this.streams.values()) {
      st.timer?.cancel();
      delete st.timer;
    }
  }

  /** (Re)registered: resend the head of every stream, starting the backoff afresh. */
  resume(): void {
    this.paused = false;
    for (const st of this.streams.values()) {
      st.interval = this.min;
      if (st.pending.length > 0) this.forward(st);
    }
  }

  /** The newest update of the task, if any. */
  latest(frameworkId: string, taskId: string): TaskStatus | undefined {
    return this.streams.get(key(frameworkId, taskId))?.latest;
  }

  /** Unacknowledged updates of the task (oldest first). */
  pending(frameworkId: string, taskId: string): readonly TaskStatus[] {
    return this.streams.get(key(frameworkId, taskId))?.pending ?? [];
  }

  /** Drops the streams of a framework that was shut down (nobody will acknowledge them). */
  cleanup(frameworkId: string): void {
    for (const [id, st] of this.streams) {
      if (st.frameworkId !== frameworkId) continue;
      st.timer?.cancel();
      this.streams.delete(id);
    }
  }

  /** Drops one task's stream. */
  remove(frameworkId: string, taskId: string): void {
    const st = this.streams.get(key(frameworkId, taskId));
    st?.timer?.cancel();
    this.streams.delete(key(frameworkId, taskId));
  }

  close(): void {
    this.pause();
  }

  private persist(st: Stream): void {
    this.opts.checkpoint.saveUpdates(st.frameworkId, st.taskId, { pending: st.pending, ...(st.latest ? { latest: st.latest } : {}) });
  }

  private forward(st: Stream): void {
    st.timer?.cancel();
    delete st.timer;
    const head = st.pending[0];
    if (!head || this.paused) return;
    this.opts.send(st.frameworkId, head).catch((e: unknown) => {
      this.opts.onError?.("sending status update failed; will retry", { task_id: st.taskId, error: e instanceof Error ? e.message : String(e) });
    });
    st.timer = this.opts.timers.after(st.interval, () => {
      delete st.timer;
      if (this.streams.get(key(st.frameworkId, st.taskId)) !== st || st.pending[0] !== head) return;
      st.interval = Math.min(st.interval * 2, this.max);
      this.forward(st);
    });
  }
}

function key(frameworkId: string, taskId: string): string {
  return `${frameworkId}\u0000${taskId}`;
}
