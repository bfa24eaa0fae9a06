/**
 * The Mesos v1 message schema in its JSON form (field names as Mesos' v1 protobufs
 * serialize to JSON: snake_case, enums as strings), shared by the master, the agents and
 * every framework (DESIGN.md decision 1). A client written against Mesos' documented
 * v1 scheduler JSON speaks this unchanged. Only the fields berth acts on are typed; the
 * rest pass through as given.
 */

export interface Value {
  readonly value: string;
}
export type FrameworkID = Value;
export type AgentID = Value;
export type OfferID = Value;
export type TaskID = Value;
export type ExecutorID = Value;
export type OperationID = Value;

export interface Label {
  readonly key: string;
  readonly value?: string;
}
export interface Labels {
  readonly labels: readonly Label[];
}

// ---- resources ----------------------------------------------------------------------

export type ValueType = "SCALAR" | "RANGES" | "SET" | "TEXT";

export interface Range {
  readonly begin: number;
  readonly end: number;
}

export interface ReservationInfo {
  readonly type: "STATIC" | "DYNAMIC";
  readonly role: string;
  readonly principal?: string;
  readonly labels?: Labels;
}

export interface DiskInfo {
  readonly persistence?: { readonly id: string; readonly principal?: string };
  readonly volume?: { readonly container_path: string; readonly mode: "RW" | "RO" };
}

export interface Resource {
  readonly name: string;
  readonly type: ValueType;
  readonly scalar?: { readonly value: number };
  readonly ranges?: { readonly range: readonly Range[] };
  readonly set?: { readonly item: readonly string[] };
  /** Reservation stack, innermost last ("refined" reservations). Absent: unreserved ("*"). */
  readonly reservations?: readonly ReservationInfo[];
  /** Set by the master in offers: the role the resource is allocated to. */
  readonly allocation_info?: { readonly role: string };
  readonly disk?: DiskInfo;
  readonly shared?: Record<string, never>;
}

export interface Attribute {
  readonly name: string;
  readonly type: ValueType;
  readonly scalar?: { readonly value: number };
  readonly ranges?: { readonly range: readonly Range[] };
  readonly set?: { readonly item: readonly string[] };
  readonly text?: { readonly value: string };
}

// ---- frameworks, agents, offers ----------------------------------------------------

export type FrameworkCapability =
  | "REVOCABLE_RESOURCES"
  | "TASK_KILLING_STATE"
  | "GPU_RESOURCES"
  | "SHARED_RESOURCES"
  | "PARTITION_AWARE"
  | "MULTI_ROLE"
  | "RESERVATION_REFINEMENT"
  | "REGION_AWARE";

export interface FrameworkInfo {
  readonly user: string;
  readonly name: string;
  readonly id?: FrameworkID;
  readonly failover_timeout?: number;
  readonly checkpoint?: boolean;
  /** Deprecated single role (without MULTI_ROLE). */
  readonly role?: string;
  readonly roles?: readonly string[];
  readonly hostname?: string;
  readonly principal?: string;
  readonly webui_url?: string;
  readonly capabilities?: readonly { readonly type: FrameworkCapability }[];
  readonly labels?: Labels;
  /** Per-role minimum offer sizes (Mesos 1.7+). */
  readonly offer_filters?: Record<string, { readonly min_allocatable_resources?: { readonly quantities: readonly { readonly quantities: Record<string, number> }[] } }>;
}

export interface AgentInfo {
  readonly hostname: string;
  readonly port?: number;
  readonly resources: readonly Resource[];
  readonly attributes?: readonly Attribute[];
  readonly id?: AgentID;
  readonly domain?: { readonly fault_domain?: { readonly region: Value & { readonly name?: string }; readonly zone: Value & { readonly name?: string } } };
}

export interface MasterInfo {
  readonly id: string;
  readonly ip: number;
  readonly port: number;
  readonly hostname?: string;
  readonly version?: string;
  readonly address?: { readonly hostname?: string; readonly ip?: string; readonly port: number };
}

export interface Offer {
  readonly id: OfferID;
  readonly framework_id: FrameworkID;
  readonly agent_id: AgentID;
  readonly hostname: string;
  readonly url?: { readonly scheme: string; readonly address: { readonly hostname?: string; readonly ip?: string; readonly port: number }; readonly path?: string };
  readonly resources: readonly Resource[];
  readonly attributes?: readonly Attribute[];
  readonly executor_ids?: readonly ExecutorID[];
  readonly allocation_info?: { readonly role: string };
  readonly domain?: AgentInfo["domain"];
}

export interface Filters {
  /** Seconds the declined or unused resources are not offered again to this framework (default 5). */
  readonly refuse_seconds?: number;
}

// ---- tasks -----------------------------------------------------------------------------

export interface Environment {
  readonly variables: readonly { readonly name: string; readonly type?: "VALUE" | "SECRET"; readonly value?: string }[];
}

export interface CommandInfo {
  readonly uris?: readonly { readonly value: string; readonly executable?: boolean; readonly extract?: boolean; readonly output_file?: string }[];
  readonly environment?: Environment;
  /** Default true: `value` runs under /bin/sh -c; false: `value` is the program and `arguments` its argv. */
  readonly shell?: boolean;
  readonly value?: string;
  readonly arguments?: readonly string[];
  readonly user?: string;
}

/**
 * Mesos' NetworkInfo: the network a container joins. ip_addresses[].ip_address is the
 * address the framework requests (the agent validates it; absent: the agent picks one);
 * port_mappings forward a host port of the agent to a port of the container.
 */
export interface NetworkInfo {
  readonly name?: string;
  readonly ip_addresses?: readonly { readonly protocol?: "IPv4" | "IPv6"; readonly ip_address?: string }[];
  readonly port_mappings?: readonly { readonly host_port: number; readonly container_port: number; readonly protocol?: string }[];
  readonly labels?: Labels;
}

export interface ContainerInfo {
  readonly type: "DOCKER" | "MESOS";
  /** A container with network_infos gets its own network namespace where the agent runs a pod network; without, it shares the host's. */
  readonly network_infos?: readonly NetworkInfo[];
  readonly mesos?: { readonly image?: { readonly type: "APPC" | "DOCKER"; readonly docker?: { readonly name: string } } };
  readonly docker?: { readonly image: string };
  readonly volumes?: readonly { readonly container_path: string; readonly host_path?: string; readonly mode: "RW" | "RO" }[];
  readonly hostname?: string;
}

export interface KillPolicy {
  readonly grace_period?: { readonly nanoseconds: number };
}

export interface HealthCheck {
  readonly type: "COMMAND" | "HTTP" | "TCP";
  readonly delay_seconds?: number;
  readonly interval_seconds?: number;
  readonly timeout_seconds?: number;
  readonly consecutive_failures?: number;
  readonly grace_period_seconds?: number;
  readonly command?: CommandInfo;
  readonly http?: { readonly scheme?: string; readonly port: number; readonly path?: string; readonly statuses?: readonly number[] };
  readonly tcp?: { readonly port: number };
}

export interface TaskInfo {
  readonly name: string;
  readonly task_id: TaskID;
  /** Filled in by the master from the offer when absent. */
  readonly agent_id: AgentID;
  readonly resources: readonly Resource[];
  readonly executor?: ExecutorInfo;
  readonly command?: CommandInfo;
  readonly container?: ContainerInfo;
  readonly health_check?: HealthCheck;
  readonly kill_policy?: KillPolicy;
  readonly data?: string;
  readonly labels?: Labels;
  /** Not in Mesos: which containerizer runs the task ("process" default, "simulated"). */
  readonly containerizer?: "process" | "simulated";
  /** Not in Mesos: how the agent runs the task's process over its life (process containerizer). */
  readonly runtime?: TaskRuntime;
}

// ---- berth's task runtime (none of this is in Mesos) ---------------------------------------

/** Exec runs argv (no shell) in the task's sandbox with its environment; http/tcp reach 127.0.0.1 (tasks share the host network). */
export interface RuntimeHandler {
  readonly exec?: { readonly command: readonly string[] };
  readonly http?: { readonly port: number; readonly path?: string; readonly scheme?: "HTTP" | "HTTPS"; readonly headers?: readonly { readonly name: string; readonly value: string }[] };
  readonly tcp?: { readonly port: number };
}

/** A probe with kubelet's semantics (defaults: delay 0, period 10 s, timeout 1 s, success 1, failure 3). */
export interface RuntimeProbe extends RuntimeHandler {
  readonly initial_delay_seconds?: number;
  readonly period_seconds?: number;
  readonly timeout_seconds?: number;
  readonly success_threshold?: number;
  readonly failure_threshold?: number;
}

/**
 * Not in Mesos: what a kubelet would do for the task, for any framework alike. Paths are
 * relative to the task's sandbox (absolute ones only where said).
 */
export interface TaskRuntime {
  /** Not in Mesos: an init task. Init tasks of a group run one at a time in group order, each to success, before the others start. */
  readonly init?: boolean;
  /**
   * Not in Mesos: restart the process in place when it ends (Never: default). Restarts wait
   * kubelet's crash-loop back-off (first at once, then 10 s doubling to 5 min; reset after
   * 10 min of running); the task stays non-terminal meanwhile. A task with a restart policy
   * that ends does not take the rest of its group down (Mesos' default executor does).
   */
  readonly restart_policy?: "Never" | "OnFailure" | "Always";
  /** Not in Mesos: files written before the first start (mode default 0644). */
  readonly files?: readonly { readonly path: string; readonly content: string /* base64 */; readonly mode?: number }[];
  /**
   * Not in Mesos: directories linked into the sandbox at `path`: `shared` names a directory
   * of the executor's run directory common to all tasks of the group (created empty),
   * `host_path` an absolute host path. `env` names a variable set to the link's absolute path.
   */
  readonly mounts?: readonly { readonly path: string; readonly shared?: string; readonly host_path?: string; readonly env?: string }[];
  /** Not in Mesos: startup gates the others; liveness failure restarts per policy; readiness is reported as TaskStatus.ready. */
  readonly probes?: { readonly liveness?: RuntimeProbe; readonly readiness?: RuntimeProbe; readonly startup?: RuntimeProbe };
  /** Not in Mesos: a file read after each exit into last_termination.message (at most 4 KiB). */
  readonly termination_message_path?: string;
  /** Not in Mesos: when that file is empty and the exit failed, use the tail of the task's output instead. */
  readonly termination_message_fallback_to_logs?: boolean;
  /** Not in Mesos: run before SIGTERM when the task is killed, within the grace period. */
  readonly pre_stop?: RuntimeHandler;
  /** Not in Mesos: the process' working directory (relative: to the sandbox, created; default the sandbox). */
  readonly working_dir?: string;
}

/** Not in Mesos: how one run of a task's process ended. Times are seconds since the epoch. */
export interface TaskTermination {
  readonly exit_code: number;
  readonly signal?: number;
  /** Set when the agent ended it: a memory limitation, a failed liveness probe. */
  readonly reason?: TaskStatusReason;
  /** The termination message (see TaskRuntime.termination_message_path). */
  readonly message?: string;
  readonly started_at: number;
  readonly finished_at: number;
}

export interface ExecutorInfo {
  readonly type?: "DEFAULT" | "CUSTOM";
  readonly executor_id: ExecutorID;
  readonly framework_id?: FrameworkID;
  readonly command?: CommandInfo;
  readonly resources?: readonly Resource[];
  readonly name?: string;
  readonly labels?: Labels;
  /** For a task group: the container every task of the group shares (its network_infos: the group's network). */
  readonly container?: ContainerInfo;
}

export interface TaskGroupInfo {
  readonly tasks: readonly TaskInfo[];
}

export type TaskState =
  | "TASK_STAGING"
  | "TASK_STARTING"
  | "TASK_RUNNING"
  | "TASK_KILLING"
  | "TASK_FINISHED"
  | "TASK_FAILED"
  | "TASK_KILLED"
  | "TASK_ERROR"
  | "TASK_LOST"
  | "TASK_DROPPED"
  | "TASK_UNREACHABLE"
  | "TASK_GONE"
  | "TASK_GONE_BY_OPERATOR"
  | "TASK_UNKNOWN";

/** States a task never leaves. */
export const TERMINAL_STATES: ReadonlySet<TaskState> = new Set(["TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_ERROR", "TASK_LOST", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR"]);

export type TaskStatusSource = "SOURCE_MASTER" | "SOURCE_AGENT" | "SOURCE_EXECUTOR";

export type TaskStatusReason =
  | "REASON_COMMAND_EXECUTOR_FAILED"
  | "REASON_CONTAINER_LAUNCH_FAILED"
  | "REASON_CONTAINER_LIMITATION"
  | "REASON_CONTAINER_LIMITATION_MEMORY"
  | "REASON_CONTAINER_LIMITATION_DISK"
  | "REASON_CONTAINER_PREEMPTED"
  | "REASON_EXECUTOR_TERMINATED"
  | "REASON_EXECUTOR_UNREGISTERED"
  | "REASON_FRAMEWORK_REMOVED"
  | "REASON_GC_ERROR"
  | "REASON_INVALID_FRAMEWORKID"
  | "REASON_INVALID_OFFERS"
  | "REASON_MASTER_DISCONNECTED"
  | "REASON_RECONCILIATION"
  | "REASON_RESOURCES_UNKNOWN"
  | "REASON_AGENT_DISCONNECTED"
  | "REASON_AGENT_REMOVED"
  | "REASON_AGENT_REMOVED_BY_OPERATOR"
  | "REASON_AGENT_REREGISTERED"
  | "REASON_AGENT_RESTARTED"
  | "REASON_AGENT_UNKNOWN"
  | "REASON_TASK_KILLED_DURING_LAUNCH"
  | "REASON_TASK_CHECK_STATUS_UPDATED"
  | "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED"
  | "REASON_TASK_GROUP_INVALID"
  | "REASON_TASK_GROUP_UNAUTHORIZED"
  | "REASON_TASK_INVALID"
  | "REASON_TASK_UNAUTHORIZED"
  | "REASON_TASK_UNKNOWN";

export interface TaskStatus {
  readonly task_id: TaskID;
  readonly state: TaskState;
  readonly message?: string;
  readonly source?: TaskStatusSource;
  readonly reason?: TaskStatusReason;
  readonly data?: string;
  readonly agent_id?: AgentID;
  readonly executor_id?: ExecutorID;
  /** Seconds since the epoch. */
  readonly timestamp?: number;
  /** Base64 of the update's UUID bytes; absent for updates that need no acknowledgement. */
  readonly uuid?: string;
  readonly healthy?: boolean;
  readonly labels?: Labels;
  /** network_infos: the addresses the container got (its network namespace's), as Mesos reports them. */
  readonly container_status?: { readonly network_infos?: readonly NetworkInfo[]; readonly executor_pid?: number };
  /** Not in Mesos: the exit code of a finished or failed command. */
  readonly exit_code?: number;
  /** Not in Mesos: how often the agent restarted the task's process (TaskRuntime.restart_policy). */
  readonly restart_count?: number;
  /** Not in Mesos: the latest end of the task's process (the previous run while it restarts; the last in a terminal update). */
  readonly last_termination?: TaskTermination;
  /** Not in Mesos: set while the process is down waiting out a crash-loop back-off: its length and when it restarts (epoch seconds). */
  readonly backoff?: { readonly seconds: number; readonly until: number };
  /** Not in Mesos: the readiness probe's verdict (true without one once started). */
  readonly ready?: boolean;
  /** Not in Mesos: the startup probe has succeeded (true without one). */
  readonly started?: boolean;
  /** Not in Mesos: epoch seconds the current run of the process started. */
  readonly started_at?: number;
}

// ---- offer operations ------------------------------------------------------------

export type OperationType = "LAUNCH" | "LAUNCH_GROUP" | "RESERVE" | "UNRESERVE" | "CREATE" | "DESTROY";

export interface OfferOperation {
  readonly type: OperationType;
  readonly id?: OperationID;
  readonly launch?: { readonly task_infos: readonly TaskInfo[] };
  readonly launch_group?: { readonly executor: ExecutorInfo; readonly task_group: TaskGroupInfo };
  readonly reserve?: { readonly resources: readonly Resource[] };
  readonly unreserve?: { readonly resources: readonly Resource[] };
  readonly create?: { readonly volumes: readonly Resource[] };
  readonly destroy?: { readonly volumes: readonly Resource[] };
}

// ---- the v1 scheduler API (POST /api/v1/scheduler) -----------------------------------

export type SchedulerCallType =
  | "SUBSCRIBE"
  | "TEARDOWN"
  | "ACCEPT"
  | "DECLINE"
  | "REVIVE"
  | "KILL"
  | "SHUTDOWN"
  | "ACKNOWLEDGE"
  | "RECONCILE"
  | "MESSAGE"
  | "REQUEST"
  | "SUPPRESS"
  | "UPDATE_FRAMEWORK";

export interface SchedulerCall {
  readonly framework_id?: FrameworkID;
  readonly type: SchedulerCallType;
  readonly subscribe?: { readonly framework_info: FrameworkInfo; readonly suppressed_roles?: readonly string[] };
  readonly accept?: { readonly offer_ids: readonly OfferID[]; readonly operations?: readonly OfferOperation[]; readonly filters?: Filters };
  readonly decline?: { readonly offer_ids: readonly OfferID[]; readonly filters?: Filters };
  readonly revive?: { readonly roles?: readonly string[] };
  readonly suppress?: { readonly roles?: readonly string[] };
  readonly kill?: { readonly task_id: TaskID; readonly agent_id?: AgentID; readonly kill_policy?: KillPolicy };
  readonly shutdown?: { readonly executor_id: ExecutorID; readonly agent_id: AgentID };
  readonly acknowledge?: { readonly agent_id: AgentID; readonly task_id: TaskID; readonly uuid: string };
  readonly reconcile?: { readonly tasks?: readonly { readonly task_id: TaskID; readonly agent_id?: AgentID }[] };
  readonly message?: { readonly agent_id: AgentID; readonly executor_id: ExecutorID; readonly data: string };
  readonly update_framework?: { readonly framework_info: FrameworkInfo; readonly suppressed_roles?: readonly string[] };
}

export type SchedulerEventType = "SUBSCRIBED" | "OFFERS" | "INVERSE_OFFERS" | "RESCIND" | "RESCIND_INVERSE_OFFER" | "UPDATE" | "UPDATE_OPERATION_STATUS" | "MESSAGE" | "FAILURE" | "ERROR" | "HEARTBEAT";

export interface SchedulerEvent {
  readonly type: SchedulerEventType;
  readonly subscribed?: { readonly framework_id: FrameworkID; readonly heartbeat_interval_seconds?: number; readonly master_info?: MasterInfo };
  readonly offers?: { readonly offers: readonly Offer[] };
  readonly rescind?: { readonly offer_id: OfferID };
  readonly update?: { readonly status: TaskStatus };
  readonly message?: { readonly agent_id: AgentID; readonly executor_id: ExecutorID; readonly data: string };
  readonly failure?: { readonly agent_id?: AgentID; readonly executor_id?: ExecutorID; readonly status?: number };
  readonly error?: { readonly message: string };
}
