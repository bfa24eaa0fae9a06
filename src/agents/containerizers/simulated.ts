/**
 * The simulated containerizer: runs nothing, only plays out a task's life on scripted
 * timings, for scale tests (thousands of agents, many tasks each, in one process). All
 * its deadlines sit in one shared timer queue; a task costs a few small objects.
 *
 * Timings (from launch): TASK_STARTING after `startingMs`, TASK_RUNNING after
 * `runningMs` (at least startingMs), and, when `finishAfterMs` is set, TASK_FINISHED
 * (exit status 0) that long after running. A kill ends it at once, as a process that
 * honours SIGTERM would.
 */
import { sharedTimers, type TimerHandle, type TimerQueue } from "../timer-queue.js";
import type { Container, ContainerExit, ContainerState, Containerizer, LaunchHooks, LaunchSpec } from "./types.js";

export interface SimulatedTimings {
  readonly startingMs: number;
  readonly runningMs: number;
  readonly finishAfterMs?: number;
}

const SIGNALS = { SIGTERM: 15, SIGKILL: 9 } as const;

export class SimulatedContainerizer implements Containerizer {
  readonly name = "simulated" as const;

  constructor(
    private readonly timings: SimulatedTimings = { startingMs: 0, runningMs: 0 },
    private readonly timers: TimerQueue = sharedTimers,
  ) {}

  launch(_spec: LaunchSpec, hooks: LaunchHooks): Promise<Container> {
    const { startingMs, runningMs } = this.timings;
    return new Promise((resolve) => {
      this.timers.after(startingMs, () => {
        hooks.starting();
        this.timers.after(Math.max(0, runningMs - startingMs), () => resolve(this.start({ containerizer: "simulated", startedAt: Date.now() })));
      });
    });
  }

  /** A simulated task has no process to lose: after an agent restart it simply runs on. */
  recover(_spec: LaunchSpec, state: ContainerState): Container {
    return this.start(state);
  }

  close(): void {}

  private start(state: ContainerState): Container {
    let settle!: (e: ContainerExit) => void;
    const exited = new Promise<ContainerExit>((r) => (settle = r));
    let done = false;
    let finish: TimerHandle | undefined;
    const end = (e: ContainerExit) => {
      if (done) return;
      done = true;
      finish?.cancel();
      settle(e);
    };
    const after = this.timings.finishAfterMs;
    if (after !== undefined) {
      const remaining = Math.max(0, state.startedAt + after - Date.now());
      finish = this.timers.after(remaining, () => end({ exitStatus: 0 }));
    }
    return { state, exited, signal: (sig) => end({ signal: SIGNALS[sig] }) };
  }
}
