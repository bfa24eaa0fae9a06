/**
 * The master's in-memory records of agents, frameworks, tasks and offers (the equivalents
 * of Mesos' Slave, Framework, Task and Offer objects in src/master/master.hpp).
 */
import type { AgentEvent } from "../mesos/agent.js";
import type { EventSink } from "../mesos/link.js";
import type { AgentInfo, ExecutorInfo, FrameworkInfo, Offer, Resource, SchedulerEvent, TaskInfo, TaskState, TaskStatus } from "../mesos/v1.js";
import type { Resources } from "../mesos/resources.js";

export interface TaskRecord {
  readonly frameworkId: string;
  readonly agentId: string;
  readonly info: TaskInfo;
  readonly executorId?: string;
  /** Task resources (allocation_info set), what the allocator gets back when it ends. */
  readonly resources: readonly Resource[];
  /** Latest state (Mesos' Task.state; never leaves a terminal state). */
  state: TaskState;
  /** Status history, one entry per state (consecutive equal states collapse, as Mesos). */
  statuses: TaskStatus[];
  /** State and uuid of the latest update forwarded that needs an acknowledgement. */
  statusUpdateState?: TaskState;
  statusUpdateUuid?: string;
  /** An agent update that could not be forwarded (framework disconnected): sent on re-subscribe. */
  unforwarded?: TaskStatus;
  /** Set when the agent went unreachable. */
  unreachableTime?: number;
}

export interface FrameworkRecord {
  readonly id: string;
  info: FrameworkInfo;
  sink?: EventSink<SchedulerEvent>;
  streamId?: string;
  connected: boolean;
  active: boolean;
  /** Known only from an agent's re-registration (no SUBSCRIBE yet). */
  recovered: boolean;
  registeredTime: number;
  reregisteredTime?: number;
  unregisteredTime?: number;
  readonly tasks: Map<string, TaskRecord>;
  readonly unreachableTasks: Map<string, TaskRecord>;
  completedTasks: TaskRecord[];
  readonly offers: Set<string>;
  /** agent id -> executor id -> executor. */
  readonly executors: Map<string, Map<string, ExecutorInfo>>;
  suppressedRoles: Set<string>;
  heartbeatTimer?: NodeJS.Timeout;
  failoverTimer?: NodeJS.Timeout;
}

export interface AgentRecord {
  readonly id: string;
  info: AgentInfo;
  /** The registering process (AgentCall.register.pid), if it said. */
  pid?: string;
  /** Everything the agent has, reservations included. */
  total: Resources;
  version: string;
  sink?: EventSink<AgentEvent>;
  streamId?: string;
  connected: boolean;
  active: boolean;
  registeredTime: number;
  reregisteredTime?: number;
  /** framework id -> task id -> task. */
  readonly tasks: Map<string, Map<string, TaskRecord>>;
  /** framework id -> executor id -> executor. */
  readonly executors: Map<string, Map<string, ExecutorInfo>>;
  readonly offers: Set<string>;
  /** "<framework>/<task>" killed while the agent was disconnected: re-sent when it comes back. */
  readonly killedTasks: Set<string>;
  /** Consecutive ping intervals with nothing heard from the agent. */
  missedPings: number;
  heardSinceLastPing: boolean;
  pingTimer?: NodeJS.Timeout;
  reregisterTimer?: NodeJS.Timeout;
}

export interface UnreachableAgent {
  readonly info: AgentInfo;
  readonly time: number;
  removalTimer?: NodeJS.Timeout;
}

export interface OfferRecord {
  readonly offer: Offer;
  readonly frameworkId: string;
  readonly agentId: string;
  readonly role: string;
  timer?: NodeJS.Timeout;
}

export function taskKey(frameworkId: string, taskId: string): string {
  return `${frameworkId}/${taskId}`;
}
