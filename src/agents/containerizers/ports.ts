/**
 * The built-in proxy executor's containerizer: a task launched for the executor id
 * `berth.proxy` runs no process. It only holds the `ports` resources it was launched
 * with, so that the master accounts them to its framework (no other framework is offered
 * them) while the agent's userspace proxy listens on them (NodePorts; proxy/proxy.ts).
 * It runs until killed; after an agent restart it simply holds its ports again.
 */
import type { TaskInfo } from "../../mesos/v1.js";
import type { Container, ContainerExit, ContainerState, Containerizer, LaunchHooks, LaunchSpec } from "./types.js";

const SIGNALS = { SIGTERM: 15, SIGKILL: 9 } as const;

/** The ports in a task's `ports` resources. */
export function taskPorts(task: TaskInfo): number[] {
  const out: number[] = [];
  for (const r of task.resources) {
    if (r.name !== "ports") continue;
    for (const { begin, end } of r.ranges?.range ?? []) for (let p = begin; p <= end && out.length < 65536; p++) out.push(p);
  }
  return out;
}

export class PortHoldContainerizer implements Containerizer {
  readonly name = "proxy" as const;
  /** Ports held, by container id. */
  private readonly holds = new Map<string, readonly number[]>();

  /** onChange: every port held now, after each change. */
  constructor(private readonly onChange: (ports: ReadonlySet<number>) => void) {}

  launch(spec: LaunchSpec, hooks: LaunchHooks): Promise<Container> {
    hooks.starting();
    return Promise.resolve(this.hold(spec, { containerizer: "proxy", startedAt: Date.now() }));
  }

  recover(spec: LaunchSpec, state: ContainerState): Container {
    return this.hold(spec, state);
  }

  close(): void {}

  private hold(spec: LaunchSpec, state: ContainerState): Container {
    this.holds.set(spec.containerId, taskPorts(spec.task));
    this.changed();
    let settle!: (e: ContainerExit) => void;
    const exited = new Promise<ContainerExit>((r) => (settle = r));
    let done = false;
    return {
      state,
      exited,
      signal: (sig) => {
        if (done) return;
        done = true;
        this.holds.delete(spec.containerId);
        this.changed();
        settle({ signal: SIGNALS[sig] });
      },
    };
  }

  private changed(): void {
    this.onChange(new Set([...this.holds.values()].flat()));
  }
}
