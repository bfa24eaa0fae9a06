/**
 * The probes of one run of a task's process, with kubelet's worker semantics
 * (pkg/kubelet/prober/worker.go): each probe runs every period after its initial delay;
 * its result flips after success_threshold consecutive successes or failure_threshold
 * consecutive failures. Readiness starts as failed, liveness as passed; the startup probe
 * gates both. A failed liveness or startup probe asks for the process to be killed.
 */
import type { RuntimeProbe, TaskRuntime } from "../../mesos/v1.js";
import { runHandler, type HandlerContext } from "./handlers.js";

export interface ProbeEvents {
  /** The startup probe passed (or there is none): called once. */
  started(): void;
  /** Readiness changed (true at once when started without a readiness probe). */
  ready(ready: boolean): void;
  /** A liveness or startup probe failed for good: the process must go. */
  failed(probe: "liveness" | "startup", output: string): void;
}

type Kind = "liveness" | "readiness" | "startup";

export class ProbeSet {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly probes: TaskRuntime["probes"],
    private readonly ctx: HandlerContext,
    private readonly events: ProbeEvents,
  ) {
    const startup = probes?.startup;
    if (startup) this.worker("startup", startup);
    else this.onStarted();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private onStarted(): void {
    if (this.stopped) return;
    this.events.started();
    const { liveness, readiness } = this.probes ?? {};
    if (readiness) this.worker("readiness", readiness);
    else this.events.ready(true);
    if (liveness) this.worker("liveness", liveness);
  }

  private worker(kind: Kind, p: RuntimeProbe): void {
    const period = (p.period_seconds ?? 10) * 1000;
    const timeout = (p.timeout_seconds ?? 1) * 1000;
    const okNeeded = p.success_threshold ?? 1;
    const failNeeded = p.failure_threshold ?? 3;
    let result: boolean | undefined = kind === "readiness" ? false : kind === "liveness" ? true : undefined;
    let okRun = 0;
    let failRun = 0;
    const tick = async () => {
      if (this.stopped) return;
      const r = await runHandler(p, this.ctx, timeout);
      if (this.stopped) return;
      if (r.ok) {
        okRun++;
        failRun = 0;
      } else {
        failRun++;
        okRun = 0;
      }
      if (r.ok && okRun >= okNeeded && result !== true) {
        result = true;
        if (kind === "startup") return this.onStarted(); // the startup worker ends here
        if (kind === "readiness") this.events.ready(true);
      } else if (!r.ok && failRun >= failNeeded && result !== false) {
        result = false;
        if (kind === "readiness") this.events.ready(false);
        else return this.events.failed(kind, r.output); // the process is being killed: stop probing
      }
      this.schedule(tick, period);
    };
    this.schedule(tick, (p.initial_delay_seconds ?? 0) * 1000);
  }

  private schedule(fn: () => Promise<void>, ms: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }
}
