/**
 * The containerizer contract. A containerizer runs one task in one container; the agent
 * above it owns everything Mesos' executors do (status updates, kill escalation, task
 * group semantics), so both containerizers behave alike towards the master.
 */
import type { TaskInfo, TaskState, TaskStatusReason } from "../../mesos/v1.js";
import type { TaskCgroup } from "./cgroups.js";

export type ContainerizerName = "process" | "simulated" | "proxy";

export interface LaunchSpec {
  readonly agentId: string;
  readonly frameworkId: string;
  readonly executorId: string;
  readonly containerId: string;
  readonly task: TaskInfo;
  /** The task's sandbox directory, created by the agent before launch. */
  readonly sandbox: string;
  /** The named network namespace the task runs in (its group's pod network); absent: the host's. */
  readonly netns?: string;
  /** The task's IP in that namespace. */
  readonly podIp?: string;
}

/** What the agent checkpoints about a running container so it can re-attach after a restart. */
export interface ContainerState {
  readonly containerizer: ContainerizerName;
  readonly pid?: number;
  /** /proc/<pid>/stat start time at launch: tells our process from a later one with the same pid. */
  readonly startTime?: string;
  readonly cgroup?: TaskCgroup;
  /** Epoch ms the container started running. */
  readonly startedAt: number;
}

export interface ContainerExit {
  /** The command's exit status, when it exited. */
  readonly exitStatus?: number;
  /** The signal number, when it was terminated by one. */
  readonly signal?: number;
  /** A resource limitation the containerizer enforced (OOM kill): overrides the state the exit would map to. */
  readonly limitation?: { readonly state: TaskState; readonly reason: TaskStatusReason; readonly message: string };
  /** Set when the exit status could not be known (the process vanished while the agent was down without recording it). */
  readonly unknown?: string;
}

export interface Container {
  readonly state: ContainerState;
  /** Signals every process of the container (its process group, and its cgroup if it has one). */
  signal(sig: "SIGTERM" | "SIGKILL"): void;
  /** Settles once when the container's command has ended. */
  readonly exited: Promise<ContainerExit>;
}

export interface LaunchHooks {
  /** Time to report TASK_STARTING (process: at once; simulated: after its scripted delay). */
  starting(): void;
}

export interface Containerizer {
  readonly name: ContainerizerName;
  /** Resolves once the command runs (report TASK_RUNNING); rejects if the container could not be launched. */
  launch(spec: LaunchSpec, hooks: LaunchHooks): Promise<Container>;
  /** After an agent restart: re-attach to a container launched before it, or report how it ended. */
  recover(spec: LaunchSpec, state: ContainerState): Container;
  /** Stops background work (polls, timers) without touching the containers. */
  close(): void;
}
