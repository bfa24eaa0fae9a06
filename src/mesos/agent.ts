/**
 * Master <-> agent messages. Mesos carries these as internal libprocess messages
 * (RegisterSlaveMessage, RunTaskGroupMessage, StatusUpdateMessage...); berth carries the
 * same content in the style of the v1 APIs: the agent SUBSCRIBEs (REGISTER/REREGISTER)
 * and receives a stream of AgentEvents, and sends every other AgentCall as a POST.
 */
import type { AgentID, AgentInfo, ExecutorID, ExecutorInfo, FrameworkID, FrameworkInfo, KillPolicy, MasterInfo, TaskGroupInfo, TaskID, TaskInfo, TaskState, TaskStatus } from "./v1.js";

/** A task as an agent reports it when it re-registers (Mesos' Task message). */
export interface AgentTask {
  readonly framework_id: FrameworkID;
  readonly executor_id?: ExecutorID;
  readonly task: TaskInfo;
  readonly state: TaskState;
  /** The newest status update the agent holds for it (possibly not yet acknowledged). */
  readonly status?: TaskStatus;
}

export type AgentCallType = "REGISTER" | "REREGISTER" | "UPDATE" | "HEARTBEAT" | "FRAMEWORK_MESSAGE" | "UNREGISTER";

export interface AgentCall {
  readonly type: AgentCallType;
  /** Every call but REGISTER names the agent. */
  readonly agent_id?: AgentID;
  /**
   * `pid`: the agent process' identity (what libprocess' UPID is to a Mesos master): a
   * REGISTER retried by the same process replaces that process' earlier registration.
   */
  readonly register?: { readonly agent_info: AgentInfo; readonly version?: string; readonly pid?: string };
  /** After an agent restart or a master failover: what the agent runs now. */
  readonly reregister?: { readonly agent_info: AgentInfo; readonly tasks: readonly AgentTask[]; readonly frameworks: readonly FrameworkInfo[]; readonly version?: string };
  /** A task status update; the agent resends it (with backoff) until the master forwards the framework's ACKNOWLEDGE. */
  readonly update?: { readonly framework_id: FrameworkID; readonly status: TaskStatus };
  readonly framework_message?: { readonly framework_id: FrameworkID; readonly executor_id: ExecutorID; readonly data: string };
}

export type AgentEventType =
  | "REGISTERED"
  | "REREGISTERED"
  | "RUN_TASK"
  | "RUN_TASK_GROUP"
  | "KILL_TASK"
  | "ACKNOWLEDGE"
  | "SHUTDOWN_EXECUTOR"
  | "SHUTDOWN_FRAMEWORK"
  | "FRAMEWORK_MESSAGE"
  | "HEARTBEAT"
  | "ERROR";

export interface AgentEvent {
  readonly type: AgentEventType;
  readonly registered?: { readonly agent_id: AgentID; readonly heartbeat_interval_seconds: number; readonly master_info?: MasterInfo };
  readonly run_task?: { readonly framework_info: FrameworkInfo; readonly task: TaskInfo };
  /** All tasks of the group start together or none does (LAUNCH_GROUP). */
  readonly run_task_group?: { readonly framework_info: FrameworkInfo; readonly executor: ExecutorInfo; readonly task_group: TaskGroupInfo };
  readonly kill_task?: { readonly framework_id: FrameworkID; readonly task_id: TaskID; readonly kill_policy?: KillPolicy };
  readonly acknowledge?: { readonly framework_id: FrameworkID; readonly task_id: TaskID; readonly uuid: string };
  readonly shutdown_executor?: { readonly framework_id: FrameworkID; readonly executor_id: ExecutorID };
  readonly shutdown_framework?: { readonly framework_id: FrameworkID };
  readonly framework_message?: { readonly framework_id: FrameworkID; readonly executor_id: ExecutorID; readonly data: string };
  readonly error?: { readonly message: string };
}
