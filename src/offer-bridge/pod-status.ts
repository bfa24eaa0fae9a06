/**
 * Task status -> pod status, as kubelet's status manager computes it for a pod whose
 * containers are the pod's tasks: container states, the phase by restart policy, and the
 * Initialized / ContainersReady / Ready conditions (PodScheduled is the binder's).
 *
 * No container is restarted yet: a pod with restartPolicy OnFailure whose container failed
 * is Failed (kubelet would restart it), and one with Always whose containers all ended
 * stays Running with terminated containers (kubelet would restart them).
 */
import { TERMINAL_STATES, type TaskState, type TaskStatusReason } from "../mesos/v1.js";
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from "./types.js";
import { rfc3339 } from "./types.js";

/** What the framework knows of one container's task. */
export interface TaskView {
  readonly taskId: string;
  readonly state: TaskState;
  /** Seconds since the epoch of the first TASK_RUNNING. */
  readonly runningSince?: number;
  /** Seconds since the epoch of the latest update. */
  readonly at: number;
  readonly exitCode?: number;
  readonly message?: string;
  readonly reason?: TaskStatusReason;
}

export interface PodStatusInput {
  readonly pod: Pod;
  /** Tasks by container name (absent: not launched, or unknown). */
  readonly tasks: ReadonlyMap<string, TaskView>;
  readonly hostIP: string;
  /** Set when the pod cannot run at all (image, init containers): every container waits with it. */
  readonly blocked?: { readonly reason: string; readonly message: string };
  readonly now: Date;
}

const time = (sec: number | undefined): string | undefined => (sec === undefined ? undefined : rfc3339(new Date(sec * 1000)));

function containerState(t: TaskView | undefined, blocked: PodStatusInput["blocked"]): ContainerState {
  if (!t) return { waiting: blocked ? { reason: blocked.reason, message: blocked.message } : { reason: "ContainerCreating" } };
  switch (t.state) {
    case "TASK_STAGING":
    case "TASK_STARTING":
      return { waiting: { reason: "ContainerCreating" } };
    case "TASK_RUNNING":
    case "TASK_KILLING":
      return { running: { startedAt: time(t.runningSince ?? t.at)! } };
    case "TASK_UNREACHABLE":
    case "TASK_UNKNOWN":
      // The agent is out of touch: the last known state is running (kubelet would report nothing new either).
      return t.runningSince !== undefined ? { running: { startedAt: time(t.runningSince)! } } : { waiting: { reason: "ContainerCreating" } };
    default:
      return { terminated: terminated(t) };
  }
}

function terminated(t: TaskView): NonNullable<ContainerState["terminated"]> {
  const startedAt = time(t.runningSince) ?? null;
  const finishedAt = time(t.at) ?? null;
  const base = { startedAt, finishedAt, containerID: `berth://${t.taskId}` };
  switch (t.state) {
    case "TASK_FINISHED":
      return { exitCode: t.exitCode ?? 0, reason: "Completed", ...base };
    case "TASK_FAILED":
      if (t.reason === "REASON_CONTAINER_LIMITATION_MEMORY") return { exitCode: t.exitCode ?? 137, reason: "OOMKilled", ...(t.message ? { message: t.message } : {}), ...base };
      return { exitCode: t.exitCode ?? 1, reason: "Error", ...(t.message ? { message: t.message } : {}), ...base };
    case "TASK_KILLED": {
      const code = t.exitCode ?? 137;
      return { exitCode: code, reason: code === 0 ? "Completed" : "Error", ...base };
    }
    case "TASK_LOST":
    case "TASK_GONE":
    case "TASK_GONE_BY_OPERATOR":
      // kubelet's word for a container whose fate cannot be known.
      return { exitCode: 137, reason: "ContainerStatusUnknown", message: t.message ?? "The container could not be located when the pod was terminated", ...base };
    default:
      return { exitCode: 128, reason: "ContainerCannotRun", message: t.message ?? t.state, ...base };
  }
}

function condition(old: PodStatus | undefined, type: string, status: PodCondition["status"], now: string, reason?: string, message?: string): PodCondition {
  const prev = old?.conditions?.find((c) => c.type === type);
  const since = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  return { type, status, lastProbeTime: null, lastTransitionTime: since, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/** The whole status the pod should have now. */
export function computePodStatus(input: PodStatusInput): PodStatus {
  const { pod, tasks, blocked } = input;
  const now = rfc3339(input.now);
  const old = pod.status;
  const containers = pod.spec?.containers ?? [];
  const statuses: ContainerStatus[] = containers.map((c) => {
    const t = tasks.get(c.name);
    const state = containerState(t, blocked);
    const running = state.running !== undefined;
    return {
      name: c.name,
      state,
      lastState: {},
      ready: running,
      started: running,
      restartCount: 0,
      image: c.image ?? "",
      // No registry and no digest: the image is known by its name only.
      imageID: t ? (c.image ?? "") : "",
      ...(t && !state.waiting ? { containerID: `berth://${t.taskId}` } : {}),
    };
  });

  let waiting = 0, running = 0, succeeded = 0, failed = 0;
  for (const s of statuses) {
    if (s.state.waiting) waiting++;
    else if (s.state.running) running++;
    else if (s.state.terminated?.exitCode === 0) succeeded++;
    else failed++;
  }
  const policy = pod.spec?.restartPolicy ?? "Always";
  let phase = "Pending";
  if (waiting > 0) phase = "Pending";
  else if (running > 0) phase = "Running";
  else if (policy === "Always") phase = "Running";
  else phase = failed > 0 ? "Failed" : "Succeeded";
  const done = phase === "Succeeded" || phase === "Failed";

  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const notReadyMsg = `containers with unready status: [${unready.join(" ")}]`;
  const conditions: PodCondition[] = [];
  conditions.push(done ? condition(old, "Initialized", "True", now, "PodCompleted") : condition(old, "Initialized", "True", now));
  const ready = !done && unready.length === 0;
  if (done) {
    conditions.push(condition(old, "Ready", "False", now, "PodCompleted"));
    conditions.push(condition(old, "ContainersReady", "False", now, "PodCompleted"));
  } else {
    conditions.push(ready ? condition(old, "Ready", "True", now) : condition(old, "Ready", "False", now, "ContainersNotReady", notReadyMsg));
    conditions.push(ready ? condition(old, "ContainersReady", "True", now) : condition(old, "ContainersReady", "False", now, "ContainersNotReady", notReadyMsg));
  }
  const scheduled = old?.conditions?.find((c) => c.type === "PodScheduled");
  conditions.push(scheduled ?? condition(old, "PodScheduled", "True", now));

  return {
    phase,
    conditions,
    containerStatuses: statuses,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    // Host networking: the pod's address is its agent's.
    podIP: input.hostIP,
    podIPs: [{ ip: input.hostIP }],
    startTime: old?.startTime ?? now,
    ...(old?.qosClass ? { qosClass: old.qosClass } : {}),
  };
}

export function isTerminal(state: TaskState): boolean {
  return TERMINAL_STATES.has(state);
}
