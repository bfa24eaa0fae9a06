/**
 * kubelet's crash-loop back-off (pkg/kubelet/kuberuntime doBackOff over client-go's
 * flowcontrol.Backoff): the first restart is immediate and starts a 10 s window; each
 * later exit waits out the window, and the restart doubles it, up to 5 min. A process that
 * ran longer than twice the maximum (10 min) since the last restart starts over.
 */

export interface BackoffTimings {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Default 2 * maxMs, as flowcontrol's hasExpired. */
  readonly resetMs?: number;
}

export const KUBELET_BACKOFF: BackoffTimings = { initialMs: 10_000, maxMs: 300_000 };

/** Checkpointed with the task, so a restarted agent keeps counting. */
export interface BackoffState {
  /** The current window (ms). */
  readonly delayMs: number;
  /** Epoch ms of the last restart (flowcontrol's lastUpdate). */
  readonly lastRestart: number;
}

/** How long to wait before restarting a process that ended at `finishedAt` (epoch ms); 0: at once. */
export function restartDelay(state: BackoffState | undefined, finishedAt: number, now: number, t: BackoffTimings): number {
  if (!state || expired(state, finishedAt, t)) return 0;
  return Math.max(0, state.delayMs - (now - finishedAt));
}

/** The state after a restart at `now` (flowcontrol's Next). */
export function afterRestart(state: BackoffState | undefined, finishedAt: number, now: number, t: BackoffTimings): BackoffState {
  if (!state || expired(state, finishedAt, t)) return { delayMs: t.initialMs, lastRestart: now };
  return { delayMs: Math.min(state.delayMs * 2, t.maxMs), lastRestart: now };
}

function expired(state: BackoffState, at: number, t: BackoffTimings): boolean {
  return at - state.lastRestart > (t.resetMs ?? 2 * t.maxMs);
}
