/**
 * Task status -> pod status, as kubelet's status manager computes it for a pod whose
 * containers (and init containers) are the pod's tasks: container states with lastState
 * and restartCount from the agent's runtime fields, CrashLoopBackOff while a restart waits
 * out its back-off, ready/started from the probes, the phase by restart policy
 * (kubelet's getPhase), and the Initialized / ContainersReady / Ready conditions
 * (PodScheduled is the binder's).
 */
import { TERMINAL_STATES, type TaskState, type TaskStatus, type TaskStatusReason, type TaskTermination } from "../mesos/v1.js";
import { isSidecar } from "./pod-tasks.js";
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from "./types.js";
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
  /** The latest update carrying the agent's runtime fields (restart_count, last_termination, backoff, ready...). */
  readonly runtime?: TaskStatus;
}

export interface PodStatusInput {
  readonly pod: Pod;
  /** Tasks by container name (absent: not launched, or unknown). */
  readonly tasks: ReadonlyMap<string, TaskView>;
  readonly hostIP: string;
  /** The pod's own address (its network namespace's); default hostIP (host networking). */
  readonly podIP?: string;
  /** Set when the pod cannot run at all (image, config): every container waits with it. */
  readonly blocked?: { readonly reason: string; readonly message: string };
  readonly now: Date;
}

const time = (sec: number | undefined): string | undefined => (sec === undefined ? undefined : rfc3339(new Date(sec * 1000)));

/** Go's time.Duration String() for whole seconds: 10s, 1m20s, 5m0s. */
export function goDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h ? `${h}h` : ""}${m}m${s % 60}s`;
}

function fromTermination(t: TaskTermination, taskId: string): NonNullable<ContainerState["terminated"]> {
  const reason = t.reason === "REASON_CONTAINER_LIMITATION_MEMORY" ? "OOMKilled" : t.exit_code === 0 ? "Completed" : "Error";
  return {
    exitCode: t.exit_code,
    ...(t.signal !== undefined ? { signal: t.signal } : {}),
    reason,
    ...(t.message ? { message: t.message } : {}),
    startedAt: time(t.started_at) ?? null,
    finishedAt: time(t.finished_at) ?? null,
    containerID: `berth://${taskId}`,
  };
}

function containerState(t: TaskView | undefined, blocked: PodStatusInput["blocked"], waitingReason: string, backoffMessage: string): ContainerState {
  if (!t) return { waiting: blocked ? { reason: blocked.reason, message: blocked.message } : { reason: waitingReason } };
  const rt = t.runtime;
  switch (t.state) {
    case "TASK_STAGING":
    case "TASK_STARTING":
      return { waiting: { reason: waitingReason } };
    case "TASK_RUNNING":
    case "TASK_KILLING":
      if (rt?.backoff) return { waiting: { reason: "CrashLoopBackOff", message: backoffMessage.replace("%s", goDuration(rt.backoff.seconds)) } };
      return { running: { startedAt: time(rt?.started_at ?? t.runningSince ?? t.at)! } };
    case "TASK_UNREACHABLE":
    case "TASK_UNKNOWN":
      // The agent is out of touch: the last known state is running (kubelet would report nothing new either).
      return t.runningSince !== undefined ? { running: { startedAt: time(t.runningSince)! } } : { waiting: { reason: waitingReason } };
    default:
      // Never ran: killed before it could start (its init containers failed, or the pod went away).
      if (t.runningSince === undefined && t.state === "TASK_KILLED" && !rt?.last_termination) return { waiting: { reason: waitingReason } };
      if (rt?.last_termination && t.state !== "TASK_LOST" && t.state !== "TASK_GONE" && t.state !== "TASK_GONE_BY_OPERATOR") return { terminated: fromTermination(rt.last_termination, t.taskId) };
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

function containerStatus(pod: Pod, c: Container, t: TaskView | undefined, blocked: PodStatusInput["blocked"], waitingReason: string): ContainerStatus {
  const m = pod.metadata ?? {};
  const backoffMessage = `back-off %s restarting failed container=${c.name} pod=${m.name ?? ""}_${m.namespace ?? ""}(${m.uid ?? ""})`;
  const state = containerState(t, blocked, waitingReason, backoffMessage);
  const rt = t?.runtime;
  const running = state.running !== undefined;
  const last = rt?.last_termination && !state.terminated ? { terminated: fromTermination(rt.last_termination, t!.taskId) } : {};
  return {
    name: c.name,
    state,
    lastState: last,
    ready: running && (rt?.ready ?? true),
    started: running && (rt?.started ?? true),
    restartCount: rt?.restart_count ?? 0,
    image: c.image ?? "",
    // No registry and no digest: the image is known by its name only.
    imageID: t ? (c.image ?? "") : "",
    ...(t && !(state.waiting && !rt?.last_termination) ? { containerID: `berth://${t.taskId}` } : {}),
  };
}

/** Whether a container ended for good or waits to be restarted after a failure (kubelet counts both as stopped). */
const stopped = (s: ContainerStatus) => s.state.terminated !== undefined || (s.state.waiting !== undefined && s.lastState.terminated !== undefined);

/** The whole status the pod should have now. */
export function computePodStatus(input: PodStatusInput): PodStatus {
  const { pod, tasks, blocked } = input;
  const now = rfc3339(input.now);
  const old = pod.status;
  const policy = pod.spec?.restartPolicy ?? "Always";
  const inits = pod.spec?.initContainers ?? [];

  // Init containers, in order: each waits for the one before it.
  const initStatuses: ContainerStatus[] = [];
  let failedInit = 0;
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = containerStatus(pod, c, tasks.get(c.name), blocked, "PodInitializing");
    initStatuses.push(s);
    if (isSidecar(c)) {
      if (!s.started) incomplete.push(c.name);
      continue;
    }
    const term = s.state.terminated;
    if (term?.exitCode === 0) continue;
    incomplete.push(c.name);
    if (term || (s.state.waiting && s.lastState.terminated && s.lastState.terminated.exitCode !== 0)) failedInit++;
  }
  const initialized = incomplete.length === 0;
  const initFailedForGood = failedInit > 0 && policy === "Never";
  const statuses = (pod.spec?.containers ?? []).map((c) => containerStatus(pod, c, initialized ? tasks.get(c.name) : tasks.get(c.name)?.runningSince !== undefined ? tasks.get(c.name) : undefined, blocked, initialized ? "ContainerCreating" : "PodInitializing"));

  // kubelet's getPhase.
  let phase: string;
  if (initFailedForGood) phase = "Failed";
  else if (!initialized) phase = "Pending";
  else {
    let waiting = 0, running = 0, stop = 0, succeeded = 0;
    for (const s of statuses) {
      if (s.state.running) running++;
      else if (stopped(s)) {
        stop++;
        if (s.state.terminated?.exitCode === 0) succeeded++;
      } else waiting++;
    }
    if (waiting > 0) phase = "Pending";
    else if (running > 0) phase = "Running";
    // OnFailure: Running while a failed container is being restarted; a terminated one (its task ended) will not be.
    else if (stop > 0) phase = policy === "Always" ? "Running" : stop === succeeded ? "Succeeded" : policy === "Never" || !statuses.some((x) => x.state.waiting) ? "Failed" : "Running";
    else phase = "Pending";
  }
  const done = phase === "Succeeded" || phase === "Failed";

  const unready = [...statuses, ...initStatuses.filter((_, i) => isSidecar(inits[i]!))].filter((s) => !s.ready).map((s) => s.name);
  const notReadyMsg = `containers with unready status: [${unready.join(" ")}]`;
  const conditions: PodCondition[] = [];
  if (initialized) conditions.push(done ? condition(old, "Initialized", "True", now, "PodCompleted") : condition(old, "Initialized", "True", now));
  else conditions.push(condition(old, "Initialized", "False", now, "ContainersNotInitialized", `containers with incomplete status: [${incomplete.join(" ")}]`));
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
    ...(inits.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    // Its own network's address, or (host networking) its agent's.
    podIP: input.podIP ?? input.hostIP,
    podIPs: [{ ip: input.podIP ?? input.hostIP }],
    startTime: old?.startTime ?? now,
    ...(old?.qosClass ? { qosClass: old.qosClass } : {}),
  };
}

export function isTerminal(state: TaskState): boolean {
  return TERMINAL_STATES.has(state);
}
