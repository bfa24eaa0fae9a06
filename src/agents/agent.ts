/**
 * The agent (Mesos' src/slave/slave.cpp, with the command and default executors folded
 * in): registers its resources with the master, heartbeats, runs tasks and task groups
 * through a containerizer, reports their status updates until acknowledged, and
 * checkpoints everything so a restarted agent re-attaches to its tasks instead of
 * launching them again. It knows nothing of Kubernetes: it speaks only src/mesos.
 *
 * Connection: REGISTER the first time; once it has an agent id (also one recovered from
 * the checkpoint) it always REREGISTERs, with its tasks (latest state) and frameworks.
 * When the master's stream ends (master restart, failover to a new leader behind the
 * same URL or another of its master URLs), or the master has sent nothing for three of
 * its ping intervals, it reconnects with exponential backoff (Mesos' registration
 * backoff: up to 1 min) and re-registers.
 *
 * Sandboxes: <workDir>/frameworks/<fid>/executors/<eid>/runs/<container id>/ for a task
 * (its executor id is the task id, as with Mesos' command executor); a task group gets one
 * run directory for its executor and each task works in its tasks/<task id>/ under it.
 * Sandboxes are kept after the task ends, as completed tasks whose logs stay readable,
 * until the framework shuts the executor down or they are garbage-collected (completed.ts).
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { hostname as osHostname } from "node:os";
import { join } from "node:path";
import type { AgentCall, AgentEvent, AgentTask } from "../mesos/agent.js";
import { callbackSink, MesosApiError, type AgentApi, type EventSink } from "../mesos/link.js";
import { TERMINAL_STATES, type Attribute, type ExecutorInfo, type FrameworkInfo, type KillPolicy, type Resource, type TaskInfo, type TaskState, type TaskStatus, type TaskStatusReason, type TaskStatusSource, type TaskTermination } from "../mesos/v1.js";
import type { Logger } from "../util/log.js";
import { FileCheckpoint, MemoryCheckpoint, writeAtomic, type Checkpoint, type TaskRecord } from "./checkpoint.js";
import { CompletedTasks } from "./completed.js";
import { environment, ProcessContainerizer } from "./containerizers/process.js";
import { describeExit } from "./containerizers/proc.js";
import { SimulatedContainerizer, type SimulatedTimings } from "./containerizers/simulated.js";
import { PortHoldContainerizer } from "./containerizers/ports.js";
import type { Container, ContainerExit, Containerizer, ContainerizerName, LaunchSpec } from "./containerizers/types.js";
import { detectResources } from "./resources.js";
import { StatusUpdateManager } from "./status-updates.js";
import { startContainerApi, type ContainerApi } from "./http/server.js";
import type { TaskHandle } from "./http/types.js";
import { sharedTimers, TimerQueue, type TimerHandle } from "./timer-queue.js";
import { afterRestart, KUBELET_BACKOFF, restartDelay, type BackoffTimings } from "./runtime/backoff.js";
import { runHandler } from "./runtime/handlers.js";
import { ProbeSet } from "./runtime/probes.js";
import { prepareSandbox, runDirOf, workingDir } from "./runtime/sandbox.js";
import { checkpointOf, exitCodeOf, newRunRuntime, runtimeStatus, wantsRestart, type RunRuntime } from "./runtime/state.js";
import { terminationMessage } from "./runtime/termination.js";
import { decodeProxyTable, PROXY_EXECUTOR_ID, UserspaceProxy } from "./proxy/proxy.js";
import { BridgeNetwork, resolvePodNetwork, type PodNetworkMode } from "./network/bridge.js";
import type { TaskNetwork } from "./checkpoint.js";

/** Agent attributes saying how pods are networked here (the framework mirrors them on the Node). */
export const POD_NETWORK_ATTRIBUTE = "pod-network";
export const POD_CIDR_ATTRIBUTE = "pod-cidr";

export const AGENT_VERSION = "1.11.0-berth";
/** Mesos' command and default executors: SIGTERM, then SIGKILL after 3 s unless a kill policy says otherwise. */
export const DEFAULT_KILL_GRACE_MS = 3000;
const DEFAULT_HEARTBEAT_MS = 15_000;
const MAX_BACKOFF_MS = 60_000;

export interface AgentOptions {
  readonly api: AgentApi;
  readonly workDir: string;
  /** Default: detected (see resources.ts). */
  readonly resources?: readonly Resource[];
  readonly attributes?: readonly Attribute[];
  readonly hostname?: string;
  readonly port?: number;
  /**
   * Serve the container API (logs, exec, attach, port-forward; see http/server.ts) on this
   * address; its port is the one AgentInfo reports. Port 0 picks a free one.
   */
  readonly containerApi?: { readonly host?: string; readonly port: number };
  readonly log: Logger;
  /** Interval of HEARTBEAT calls; default: what REGISTERED says, else 15 s. */
  readonly heartbeatIntervalMs?: number;
  /** Enabled containerizers; the first is the default for tasks that name none (default ["process"]). */
  readonly containerizers?: readonly ContainerizerName[];
  readonly simulated?: SimulatedTimings;
  /** Checkpoint to workDir/meta (default true; simulated agents at scale may turn it off). */
  readonly checkpoint?: boolean;
  /** First status update retry interval (Mesos: 10 s, doubling to 10 min). */
  readonly statusUpdateRetryMs?: number;
  readonly statusUpdateRetryMaxMs?: number;
  /** First reconnection backoff (doubling, jittered, up to 1 min); default 1 s. */
  readonly reconnectBackoffMs?: number;
  /** cgroup mount for the process containerizer (default /sys/fs/cgroup), false to disable. */
  readonly cgroupRoot?: string | false;
  /** Poll interval for processes re-attached after a restart (default 1 s). */
  readonly recoveryPollMs?: number;
  /** Shared deadline queue (many simulated agents in one process share one). */
  readonly timers?: TimerQueue;
  /** Crash-loop back-off of restarted tasks (TaskRuntime.restart_policy); default kubelet's 10 s doubling to 5 min. */
  readonly restartBackoff?: BackoffTimings;
  /** Framework messages for executors (the agent runs no custom executors; default: logged). */
  readonly onFrameworkMessage?: (frameworkId: string, executorId: string, data: string) => void;
  /** Serve proxy tables sent to the reserved executor id `berth.proxy` (see proxy/proxy.ts); default true. */
  readonly proxy?: boolean;
  /** How long a completed task's sandbox is kept (Mesos' --gc_delay; default one week). */
  readonly gcDelayMs?: number;
  /** Completed executor runs kept per framework (Mesos' --max_completed_executors_per_framework; default 150). */
  readonly maxCompletedExecutorsPerFramework?: number;
  /**
   * How containers that ask for a network (ContainerInfo.network_infos) are networked:
   * "bridge" gives each task group its own namespace and IP on the agent's bridge (needs
   * root and iproute2), "host" runs everything on the host network, "auto" picks bridge
   * where it can. Default "host".
   */
  readonly podNetwork?: PodNetworkMode;
  /** The bridge's pod CIDR (default: a free /24 of 10.244.0.0/16). */
  readonly podCidr?: string;
  /** The service (ClusterIP) range routed from pods to the agent's proxy (default 127.96.0.0/16). */
  readonly serviceCidr?: string;
}

export interface AgentTaskView {
  readonly frameworkId: string;
  readonly taskId: string;
  readonly executorId: string;
  readonly state: TaskState;
  readonly pid?: number;
  readonly sandbox: string;
  readonly containerizer: ContainerizerName;
}

export interface Agent {
  readonly agentId: string | undefined;
  readonly connected: boolean;
  /** Resolves with the agent id on the first (re)registration. */
  readonly registered: Promise<string>;
  /** The tasks the agent knows, with their latest state. */
  tasks(): AgentTaskView[];
  /** Completed tasks whose sandboxes are kept (terminal update acknowledged; see completed.ts). */
  completedTasks(): AgentTaskView[];
  /** Whether cgroup limits are enforced, and why not. */
  readonly cgroups: { readonly available: boolean; readonly reason?: string };
  /** The pod network in force: its mode, the bridge's pod CIDR, and why host networking when it is. */
  readonly podNetwork: { readonly mode: "bridge" | "host"; readonly cidr?: string; readonly bridge?: string; readonly reason?: string };
  /**
   * Disconnects and stops all background work. Tasks keep running (Mesos agents keep tasks
   * across restarts; the next agent on this work directory recovers them) unless killTasks.
   */
  stop(opts?: { killTasks?: boolean }): Promise<void>;
}

interface Group {
  readonly runs: TaskRun[];
  killingGroup: boolean;
}

interface TaskRun {
  rec: TaskRecord;
  readonly containerizer: Containerizer | undefined;
  group: Group;
  container?: Container;
  state: TaskState;
  terminal: boolean;
  killing: boolean;
  /** A kill that arrived while the container was still launching. */
  killDuringLaunch: boolean;
  killTimer?: TimerHandle;
  killDeadline?: number;
  /** TaskRuntime state: restarts, probes (see runtime/). */
  readonly rt: RunRuntime;
  /** Its executor was shut down: once it ends nothing of it is kept. */
  discard?: boolean;
}

/** A status update's uuid: the 16 bytes of a random (v4) UUID, base64-encoded, as Mesos sends them. */
function newUuid(): string {
  return Buffer.from(randomUUID().replace(/-/g, ""), "hex").toString("base64");
}

const key = (fid: string, tid: string) => `${fid}\u0000${tid}`;

/** The executor run a task belongs to: its group's key (and its network namespace's). */
const groupKeyOf = (rec: TaskRecord) => rec.container_id.split("/")[0]!;

/** Where a task's probes and hooks reach it: in its namespace, at its pod IP. */
const netContext = (spec: LaunchSpec) => (spec.netns ? { netns: spec.netns, ...(spec.podIp ? { host: spec.podIp } : {}) } : {});

export async function startAgent(opts: AgentOptions): Promise<Agent> {
  const agent = new AgentImpl(opts);
  await agent.start();
  return agent;
}

class AgentImpl implements Agent {
  agentId: string | undefined;
  private readonly log: Logger;
  private readonly checkpoint: Checkpoint;
  private readonly timers: TimerQueue;
  private readonly updates: StatusUpdateManager;
  private readonly containerizers = new Map<ContainerizerName, Containerizer>();
  private readonly defaultContainerizer: ContainerizerName;
  private readonly frameworks = new Map<string, FrameworkInfo>();
  /** Frameworks being shut down: their tasks end without status updates. */
  private readonly terminating = new Set<string>();
  private readonly runs = new Map<string, TaskRun>();
  private readonly resources: readonly Resource[];
  private readonly hostname: string;

  private stopped = false;
  private gen = 0;
  /** This process's identity in REGISTER calls (a retried REGISTER is the same agent to the master). */
  private readonly pid = randomUUID();
  private sink: EventSink<AgentEvent> | undefined;
  private streamId: string | undefined;
  private buffered: AgentEvent[] = [];
  /** Heartbeats sit in the shared timer queue: thousands of simulated agents cost one Node timer, not one each. */
  private heartbeat: TimerHandle | undefined;
  /** When the master's stream last delivered an event (it pings every heartbeat_interval_seconds). */
  private lastMasterEventAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private backoff: number;
  private containerApi: ContainerApi | undefined;
  /** The userspace TCP proxy driven by `berth.proxy` framework messages. */
  private readonly proxy: UserspaceProxy | undefined;
  private readonly completed: CompletedTasks;
  private resolveRegistered!: (id: string) => void;
  readonly registered: Promise<string>;
  cgroups: { available: boolean; reason?: string } = { available: false, reason: "process containerizer not enabled" };
  podNetwork: { mode: "bridge" | "host"; cidr?: string; bridge?: string; reason?: string } = { mode: "host" };
  /** The bridge pod network, in bridge mode. */
  private net: BridgeNetwork | undefined;
  /** hostPort -> podIP:containerPort of the groups in their own namespaces (a second proxy table the agent keeps itself). */
  private hostPorts: UserspaceProxy | undefined;
  private hostPortsVersion = 0;

  constructor(private readonly opts: AgentOptions) {
    this.log = opts.log;
    this.timers = opts.timers ?? sharedTimers;
    this.checkpoint = opts.checkpoint === false ? new MemoryCheckpoint() : new FileCheckpoint(opts.workDir);
    this.backoff = opts.reconnectBackoffMs ?? 1000;
    this.registered = new Promise((r) => (this.resolveRegistered = r));
    const names = opts.containerizers?.length ? opts.containerizers : (["process"] as const);
    this.defaultContainerizer = names[0]!;
    for (const n of names) {
      if (n === "process") {
        const pc = new ProcessContainerizer({ log: opts.log, ...(opts.cgroupRoot !== undefined ? { cgroupRoot: opts.cgroupRoot } : {}), ...(opts.recoveryPollMs ? { pollMs: opts.recoveryPollMs } : {}) });
        this.cgroups = { available: pc.cgroups.available, ...(pc.cgroups.reason ? { reason: pc.cgroups.reason } : {}) };
        this.containerizers.set(n, pc);
      } else this.containerizers.set(n, new SimulatedContainerizer(opts.simulated, this.timers));
    }
    this.completed = new CompletedTasks({ checkpoint: this.checkpoint, log: opts.log, onRemoved: (fid) => this.dropFrameworkIfEmpty(fid), ...(opts.gcDelayMs !== undefined ? { gcDelayMs: opts.gcDelayMs } : {}), ...(opts.maxCompletedExecutorsPerFramework !== undefined ? { maxPerFramework: opts.maxCompletedExecutorsPerFramework } : {}) });
    this.resources = opts.resources ?? detectResources(opts.workDir);
    this.hostname = opts.hostname ?? osHostname();
    if (opts.proxy ?? names.some((n) => n !== "simulated")) this.proxy = new UserspaceProxy({ log: opts.log.child({ part: "proxy" }) });
    // Tasks of the built-in proxy executor hold ports for the proxy's NodePorts (containerizers/ports.ts).
    const proxy = this.proxy;
    if (proxy) this.containerizers.set("proxy", new PortHoldContainerizer((ports) => void proxy.setHeldPorts(ports).catch((err: unknown) => this.log.warn("proxy ports update failed", { err }))));
    this.updates = new StatusUpdateManager({
      checkpoint: this.checkpoint,
      timers: this.timers,
      ...(opts.statusUpdateRetryMs !== undefined ? { initialIntervalMs: opts.statusUpdateRetryMs } : {}),
      ...(opts.statusUpdateRetryMaxMs !== undefined ? { maxIntervalMs: opts.statusUpdateRetryMaxMs } : {}),
      send: (fid, status) => this.sendUpdate(fid, status),
      onStreamDone: (fid, tid) => this.forget(fid, tid),
      onError: (msg, fields) => this.log.debug(msg, fields),
    });
  }

  get connected(): boolean {
    return this.streamId !== undefined;
  }

  tasks(): AgentTaskView[] {
    return [...this.runs.values()].map((r) => this.view(r.rec, r.state));
  }

  completedTasks(): AgentTaskView[] {
    return this.completed.all().map((rec) => this.view(rec, rec.last_state ?? "TASK_FINISHED"));
  }

  private view(rec: TaskRecord, state: TaskState): AgentTaskView {
    return {
      frameworkId: rec.framework_id,
      taskId: rec.task.task_id.value,
      executorId: rec.executor_id,
      state,
      ...(rec.container?.pid !== undefined ? { pid: rec.container.pid } : {}),
      sandbox: rec.sandbox,
      containerizer: rec.container?.containerizer ?? rec.task.containerizer ?? this.defaultContainerizer,
    };
  }

  /** Where this run's output starts in the sandbox's stdout/stderr (restarts append): logs of the current and previous run. */
  private noteLogStart(run: TaskRun): void {
    const size = (f: string) => {
      try {
        return statSync(join(run.rec.sandbox, f)).size;
      } catch {
        return 0;
      }
    };
    // Kept in the record (checkpointed with the launch), so `previous` survives an agent restart.
    const starts = [...(run.rec.log_starts ?? []), { stdout: size("stdout"), stderr: size("stderr") }].slice(-2);
    run.rec = { ...run.rec, log_starts: starts };
  }

  /** A task as the container API sees it (any framework's; executor and task id name it). */
  private taskHandle(executorId: string, taskId: string): TaskHandle | undefined {
    for (const r of this.runs.values()) {
      if (r.rec.executor_id !== executorId || r.rec.task.task_id.value !== taskId) continue;
      const st = r.container?.state ?? r.rec.container;
      return {
        executorId,
        taskId,
        task: r.rec.task,
        sandbox: r.rec.sandbox,
        ...(st?.pid !== undefined ? { pid: st.pid } : {}),
        ...(st?.cgroup ? { cgroupProcs: st.cgroup.procs } : {}),
        ...(r.rec.network && this.net ? { netns: this.net.netnsName(groupKeyOf(r.rec)) } : {}),
        running: () => !r.terminal && r.container !== undefined,
        logStarts: () => r.rec.log_starts ?? [],
      };
    }
    // A completed task: its logs only (nothing runs, so exec and attach refuse).
    const done = this.completed.get(undefined, executorId, taskId);
    if (!done) return undefined;
    return { executorId, taskId, task: done.task, sandbox: done.sandbox, running: () => false, logStarts: () => done.log_starts ?? [] };
  }

  async start(): Promise<void> {
    mkdirSync(this.opts.workDir, { recursive: true });
    await this.setupNetwork();
    this.recover();
    await this.recoverProxyTable();
    this.completed.start((fid, containerRun) => [...this.runs.values()].some((r) => r.rec.framework_id === fid && r.rec.container_id.split("/")[0] === containerRun));
    if (this.net) {
      // Namespaces of groups that ended while the agent was down go; live ones are kept.
      const keep = new Set([...this.runs.values()].filter((r) => r.rec.network && !r.terminal).map((r) => groupKeyOf(r.rec)));
      await this.net.prune(keep);
      void this.syncHostPorts();
    }
    // Before registering: AgentInfo.port tells frameworks where the container API is.
    if (this.opts.containerApi) {
      this.containerApi = await startContainerApi({ ...this.opts.containerApi, lookup: (eid, tid) => this.taskHandle(eid, tid), log: this.log.child({ component: "container-api" }) });
    }
    // Let recovered containers that ended while the agent was down report first, so
    // re-registration carries their terminal states.
    await new Promise((r) => setImmediate(r));
    void this.connect();
  }

  async stop(opts: { killTasks?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.gen++;
    await this.containerApi?.close();
    await this.proxy?.close();
    this.completed.stop();
    await this.hostPorts?.close();
    this.heartbeat?.cancel();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.updates.close();
    const exits: Promise<unknown>[] = [];
    for (const r of this.runs.values()) {
      r.rt.probes?.stop();
      r.rt.restartTimer?.cancel();
    }
    if (opts.killTasks) {
      for (const r of this.runs.values()) {
        r.killTimer?.cancel();
        if (r.container && !r.terminal) {
          r.container.signal("SIGKILL");
          exits.push(r.container.exited);
        }
      }
    }
    for (const c of this.containerizers.values()) c.close();
    this.sink?.close("agent stopped");
    this.streamId = undefined;
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 2000))]);
    // The bridge stays while groups run in it (the next agent on this work directory adopts them).
    if (this.net && (opts.killTasks || ![...this.runs.values()].some((r) => r.rec.network && !r.terminal))) await this.net.destroy();
    const pc = this.containerizers.get("process");
    if (pc instanceof ProcessContainerizer && this.agentId) {
      // Task cgroups go away a moment after their processes; then the agent's directory can.
      await new Promise((r) => setTimeout(r, exits.length ? 600 : 0));
      pc.prune(this.agentId);
    }
  }

  // ---- pod network ------------------------------------------------------------------

  private async setupNetwork(): Promise<void> {
    const names = this.opts.containerizers?.length ? this.opts.containerizers : ["process"];
    if (!names.includes("process")) return;
    const r = await resolvePodNetwork(this.opts.podNetwork ?? "host");
    if (r.mode === "host") {
      this.podNetwork = { mode: "host", ...(r.reason ? { reason: r.reason } : {}) };
      if (this.opts.podNetwork === "auto") this.log.info("pod network: host (containerPorts are port resources)", { reason: r.reason });
      return;
    }
    this.net = await BridgeNetwork.create({ workDir: this.opts.workDir, ...(this.opts.podCidr ? { podCidr: this.opts.podCidr } : {}), ...(this.opts.serviceCidr ? { serviceCidr: this.opts.serviceCidr } : {}), log: this.log.child({ part: "pod-network" }) });
    this.podNetwork = { mode: "bridge", cidr: this.net.cidrText, bridge: this.net.bridge };
    this.hostPorts = new UserspaceProxy({ log: this.log.child({ part: "host-ports" }) });
  }

  /** The netns and IP a run's processes use (its group's), if it has its own network. */
  private netOf(run: TaskRun): { netns: string; podIp: string } | undefined {
    const n = run.rec.network;
    if (!n || !this.net) return undefined;
    return { netns: this.net.netnsName(groupKeyOf(run.rec)), podIp: n.ip };
  }

  /** hostPort listeners for every live group with port mappings (TCP). */
  private async syncHostPorts(): Promise<void> {
    if (!this.hostPorts || this.stopped) return;
    const rules = new Map<string, string>();
    for (const r of this.runs.values()) {
      const n = r.rec.network;
      if (!n || r.terminal) continue;
      for (const m of n.port_mappings ?? []) if ((m.protocol ?? "tcp").toLowerCase() === "tcp") rules.set(`0.0.0.0:${m.host_port}`, `${n.ip}:${m.container_port}`);
    }
    await this.hostPorts.apply({ version: ++this.hostPortsVersion, rules: [...rules].map(([listen, b]) => ({ listen, backends: [b] })) });
  }

  /** Once every task of a group has ended, its namespace goes and its IP is free again. */
  private releaseNetwork(group: Group): void {
    const rec = group.runs[0]?.rec;
    if (!rec?.network || !this.net || !group.runs.every((r) => r.terminal)) return;
    const net = this.net;
    void net.detach(groupKeyOf(rec)).then(() => this.syncHostPorts()).catch((e: unknown) => this.log.warn("could not remove a pod network namespace", { err: e }));
  }

  // ---- recovery ---------------------------------------------------------------------

  /** Where the proxy's table is checkpointed (none without checkpointing). */
  private proxyTableFile(): string | undefined {
    return this.checkpoint instanceof FileCheckpoint ? join(this.checkpoint.meta, "proxy-table.json") : undefined;
  }

  /**
   * Keeps the newest proxy table received, so that a restarted agent serves its Services at
   * once (as a Mesos executor's state outlives an agent restart) instead of waiting for the
   * framework's periodic resend, which comes only every minute or so (offer-bridge/services.ts).
   */
  private checkpointProxyTable(data: string): void {
    const file = this.proxyTableFile();
    if (!file) return;
    const t = decodeProxyTable(data);
    if (typeof t === "string" || t.version <= this.proxyTableVersion) return;
    this.proxyTableVersion = t.version;
    try {
      writeAtomic(file, data);
    } catch (err) {
      this.log.warn("could not checkpoint the proxy table", { err });
    }
  }

  private proxyTableVersion = -Infinity;

  /** Applies the checkpointed proxy table, if any; the framework's newer tables replace it. */
  private async recoverProxyTable(): Promise<void> {
    const file = this.proxyTableFile();
    // Only an agent that recovered its id (and so its tasks) recovers its table.
    if (!file || !this.proxy || !this.agentId) return;
    let data: string;
    try {
      data = readFileSync(file, "utf8");
    } catch {
      return;
    }
    const t = decodeProxyTable(data);
    if (typeof t === "string") {
      this.log.warn("checkpointed proxy table is malformed; ignored", { error: t });
      return;
    }
    this.proxyTableVersion = t.version;
    await this.proxy.apply(t).catch((err: unknown) => this.log.warn("proxy table failed", { err }));
  }

  private recover(): void {
    const st = this.checkpoint.load();
    this.agentId = st.agentId;
    for (const [fid, info] of st.frameworks) this.frameworks.set(fid, info);
    const groups = new Map<string, Group>();
    for (const { record, updates } of st.tasks) {
      const fid = record.framework_id;
      const tid = record.task.task_id.value;
      if (record.completed_at !== undefined) {
        this.completed.add({ ...record, completed_at: record.completed_at }, true);
        continue;
      }
      this.updates.restore(fid, tid, updates);
      const gkey = record.group ? `${fid}\u0000${record.container_id.split("/")[0]}` : key(fid, tid);
      let group = groups.get(gkey);
      if (!group) groups.set(gkey, (group = { runs: [], killingGroup: false }));
      const cz = this.containerizers.get(record.container?.containerizer ?? record.task.containerizer ?? this.defaultContainerizer);
      const latest = updates.latest;
      const run: TaskRun = { rec: record, containerizer: cz, group, state: latest?.state ?? "TASK_STAGING", terminal: latest ? TERMINAL_STATES.has(latest.state) : false, killing: record.killing ?? false, killDuringLaunch: false, rt: newRunRuntime(record.runtime_state) };
      group.runs.push(run);
      this.runs.set(key(fid, tid), run);
      if (run.terminal) continue; // waiting only for the acknowledgement of its terminal update
      if (record.network && this.net) {
        try {
          this.net.reserve(groupKeyOf(record), record.network.ip);
        } catch (e) {
          // The pod CIDR changed under it (another --pod-cidr): it keeps running where it is, unreachable at that IP.
          this.log.warn("a recovered group's IP is not in the pod network any more", { task_id: tid, ip: record.network.ip, error: e instanceof Error ? e.message : String(e) });
        }
      }
      // A task with a runtime not running now (waiting for init tasks, or for a restart) is launched again below.
      if (!record.container && record.task.runtime && cz && !run.killing) continue;
      if (!record.container || !cz) {
        this.report(run, "TASK_FAILED", { source: "SOURCE_AGENT", reason: "REASON_AGENT_RESTARTED", message: "Agent restarted while the task was being launched" });
        continue;
      }
      const spec = this.spec(run);
      run.container = cz.recover(spec, record.container);
      this.log.info("recovering task", { framework_id: fid, task_id: tid, pid: record.container.pid });
      run.rt.startedAt = record.container.startedAt;
      this.startProbes(run, run.container, false);
      this.watch(run, run.container);
    }
    for (const g of groups.values()) this.advance(g);
  }

  // ---- connection -------------------------------------------------------------------

  private agentInfo() {
    return {
      hostname: this.hostname,
      ...(this.containerApi ? { port: this.containerApi.port } : this.opts.port !== undefined ? { port: this.opts.port } : {}),
      resources: this.resources,
      attributes: this.attributes(),
      ...(this.agentId ? { id: { value: this.agentId } } : {}),
    };
  }

  /** The operator's attributes, then the pod network's (the agent's own win). */
  private attributes(): Attribute[] {
    const own: Attribute[] = [];
    if (this.containerizers.has("process")) {
      own.push({ name: POD_NETWORK_ATTRIBUTE, type: "TEXT", text: { value: this.podNetwork.mode } });
      if (this.podNetwork.cidr) own.push({ name: POD_CIDR_ATTRIBUTE, type: "TEXT", text: { value: this.podNetwork.cidr } });
    }
    const names = new Set(own.map((a) => a.name));
    return [...(this.opts.attributes ?? []).filter((a) => !names.has(a.name)), ...own];
  }

  private reregisterCall(): AgentCall {
    const tasks: AgentTask[] = [];
    const fids = new Set<string>();
    for (const r of this.runs.values()) {
      const fid = r.rec.framework_id;
      if (this.terminating.has(fid)) continue;
      fids.add(fid);
      const status = this.updates.latest(fid, r.rec.task.task_id.value);
      tasks.push({ framework_id: { value: fid }, executor_id: { value: r.rec.executor_id }, task: r.rec.task, state: r.state, ...(status ? { status } : {}) });
    }
    const frameworks = [...fids].map((f) => this.frameworks.get(f)).filter((f): f is FrameworkInfo => f !== undefined);
    return { type: "REREGISTER", agent_id: { value: this.agentId! }, reregister: { agent_info: this.agentInfo(), tasks, frameworks, version: AGENT_VERSION } };
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const gen = ++this.gen;
    this.buffered = [];
    const sink = callbackSink<AgentEvent>(
      (e) => {
        if (gen !== this.gen) return;
        if (this.streamId === undefined) this.buffered.push(e);
        else this.onEvent(e);
      },
      (reason) => this.onClose(gen, reason),
    );
    this.sink = sink;
    const call: AgentCall = this.agentId ? this.reregisterCall() : { type: "REGISTER", register: { agent_info: this.agentInfo(), version: AGENT_VERSION, pid: this.pid } };
    this.log.info(this.agentId ? "re-registering with master" : "registering with master", { agent_id: this.agentId, tasks: call.reregister?.tasks.length });
    try {
      const sub = await this.opts.api.subscribe(call, sink);
      if (gen !== this.gen) return;
      if (sink.closed) return; // onClose already scheduled a reconnect
      this.streamId = sub.streamId;
      const early = this.buffered;
      this.buffered = [];
      for (const e of early) this.onEvent(e);
    } catch (e) {
      if (gen !== this.gen) return;
      this.log.warn("cannot subscribe to master", { error: e instanceof Error ? e.message : String(e) });
      sink.close(String(e));
    }
  }

  private onClose(gen: number, reason?: string): void {
    if (gen !== this.gen || this.stopped) return;
    this.gen++;
    this.streamId = undefined;
    this.updates.pause();
    this.heartbeat?.cancel();
    this.heartbeat = undefined;
    const delay = Math.round(this.backoff / 2 + (Math.random() * this.backoff) / 2);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.log.info("master connection closed; reconnecting", { reason, in_ms: delay });
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  /** Drops the current stream (a call was refused as if the master no longer knew it). */
  private reconnect(why: string): void {
    const s = this.sink;
    if (s && !s.closed) s.close(why);
  }

  private async call(c: AgentCall): Promise<void> {
    const sid = this.streamId;
    if (sid === undefined) throw new Error("not connected to a master");
    try {
      await this.opts.api.call(sid, c);
    } catch (e) {
      // 403/404: the master does not know this stream or agent (any more): subscribe again.
      // (A 400 is about the call itself and leaves the stream alone.)
      if (e instanceof MesosApiError && (e.code === 403 || e.code === 404) && sid === this.streamId) this.reconnect(`${c.type} refused: ${e.code} ${e.message}`);
      throw e;
    }
  }

  private sendUpdate(fid: string, status: TaskStatus): Promise<void> {
    return this.call({ type: "UPDATE", agent_id: { value: this.agentId! }, update: { framework_id: { value: fid }, status } });
  }

  // ---- events -----------------------------------------------------------------------

  private onEvent(e: AgentEvent): void {
    this.lastMasterEventAt = Date.now();
    try {
      this.handle(e);
    } catch (err) {
      this.log.error("failed to handle event", { type: e.type, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private handle(e: AgentEvent): void {
    switch (e.type) {
      case "REGISTERED":
      case "REREGISTERED": {
        const reg = e.registered;
        if (!reg) return;
        if (this.agentId !== reg.agent_id.value) {
          this.agentId = reg.agent_id.value;
          this.checkpoint.saveAgentId(this.agentId);
        }
        this.backoff = this.opts.reconnectBackoffMs ?? 1000;
        this.log.info(e.type === "REGISTERED" ? "registered with master" : "re-registered with master", { agent_id: this.agentId });
        this.heartbeat?.cancel();
        const every = this.opts.heartbeatIntervalMs ?? (reg.heartbeat_interval_seconds > 0 ? reg.heartbeat_interval_seconds * 1000 : DEFAULT_HEARTBEAT_MS);
        const masterPingMs = reg.heartbeat_interval_seconds > 0 ? reg.heartbeat_interval_seconds * 1000 : DEFAULT_HEARTBEAT_MS;
        const beat = () => {
          this.heartbeat = this.timers.after(every, beat);
          // A master that stopped pinging (paused, partitioned, no longer leading) while the
          // connection stays open: look for the master again, as a Mesos agent re-detects one
          // after its ping timeout.
          const silentMs = Date.now() - this.lastMasterEventAt;
          if (silentMs > 3 * masterPingMs) {
            this.heartbeat.cancel();
            this.reconnect(`no event from the master for ${Math.round(silentMs / 1000)}s (it pings every ${masterPingMs / 1000}s)`);
            return;
          }
          this.call({ type: "HEARTBEAT", agent_id: { value: this.agentId! } }).catch((err: unknown) => this.log.debug("heartbeat failed", { error: String(err) }));
        };
        this.heartbeat = this.timers.after(every, beat);
        this.updates.resume();
        this.resolveRegistered(this.agentId);
        return;
      }
      case "RUN_TASK": {
        const r = e.run_task;
        if (r) this.runGroup(r.framework_info, r.task.executor?.executor_id.value ?? r.task.task_id.value, [r.task], false);
        return;
      }
      case "RUN_TASK_GROUP": {
        const r = e.run_task_group;
        if (r) this.runGroup(r.framework_info, r.executor.executor_id.value, r.task_group.tasks, true, r.executor);
        return;
      }
      case "KILL_TASK": {
        const k = e.kill_task;
        if (k) this.killTask(k.framework_id.value, k.task_id.value, k.kill_policy);
        return;
      }
      case "ACKNOWLEDGE": {
        const a = e.acknowledge;
        if (a) this.updates.acknowledge(a.framework_id.value, a.task_id.value, a.uuid);
        return;
      }
      case "SHUTDOWN_EXECUTOR": {
        const s = e.shutdown_executor;
        if (!s) return;
        for (const r of this.runs.values()) {
          if (r.rec.framework_id !== s.framework_id.value || r.rec.executor_id !== s.executor_id.value) continue;
          r.discard = true;
          this.startKill(r, undefined);
        }
        this.completed.removeExecutor(s.framework_id.value, s.executor_id.value, "executor shut down by its framework");
        return;
      }
      case "SHUTDOWN_FRAMEWORK": {
        const s = e.shutdown_framework;
        if (s) this.shutdownFramework(s.framework_id.value);
        return;
      }
      case "FRAMEWORK_MESSAGE": {
        const m = e.framework_message;
        if (!m) return;
        if (m.executor_id.value === PROXY_EXECUTOR_ID && this.proxy) {
          this.checkpointProxyTable(m.data);
          void this.proxy.handleMessage(m.data).catch((err: unknown) => this.log.warn("proxy table failed", { err }));
          return;
        }
        if (this.opts.onFrameworkMessage) this.opts.onFrameworkMessage(m.framework_id.value, m.executor_id.value, m.data);
        else this.log.debug("framework message for an executor this agent does not run; dropped", { framework_id: m.framework_id.value, executor_id: m.executor_id.value });
        return;
      }
      case "HEARTBEAT":
        return;
      case "ERROR":
        this.log.error("master reported an error", { message: e.error?.message });
        return;
    }
  }

  // ---- launching --------------------------------------------------------------------

  private runGroup(framework: FrameworkInfo, executorId: string, tasks: readonly TaskInfo[], isGroup: boolean, executor?: ExecutorInfo): void {
    const fid = framework.id?.value;
    if (!fid) {
      this.log.error("task launch without a framework id; dropped", { tasks: tasks.map((t) => t.task_id.value) });
      return;
    }
    // A task id the agent already runs: never launch it twice (a retried or duplicated message).
    const fresh = tasks.filter((t) => {
      const dup = this.runs.has(key(fid, t.task_id.value));
      if (dup) this.log.warn("ignoring launch of a task the agent already has", { framework_id: fid, task_id: t.task_id.value });
      return !dup;
    });
    for (const t of fresh) this.completed.removeTask(fid, t.task_id.value);
    if (fresh.length === 0) return;
    this.terminating.delete(fid);
    this.frameworks.set(fid, framework);
    this.checkpoint.saveFramework({ ...framework, id: { value: fid } });

    const execRun = randomUUID();
    const execDir = join(this.opts.workDir, "frameworks", encodeURIComponent(fid), "executors", encodeURIComponent(executorId), "runs", execRun);
    const group: Group = { runs: [], killingGroup: false };
    // A network asked for (the executor's container for a group, else a task's): the group's own namespace and IP.
    const wanted = executor?.container?.network_infos?.[0] ?? fresh.find((t) => t.container?.network_infos?.length)?.container?.network_infos?.[0];
    let network: TaskNetwork | undefined;
    let netError: string | undefined;
    if (wanted) {
      if (!this.net) netError = `this agent runs containers on the host network (pod network "host"${this.podNetwork.reason ? `: ${this.podNetwork.reason}` : ""}) and cannot give them their own network`;
      else {
        try {
          const ip = this.net.reserve(execRun, wanted.ip_addresses?.[0]?.ip_address);
          network = { ip, ...(wanted.port_mappings?.length ? { port_mappings: wanted.port_mappings } : {}) };
        } catch (e) {
          netError = e instanceof Error ? e.message : String(e);
        }
      }
    }
    const groupIds = isGroup ? fresh.map((t) => t.task_id.value) : undefined;
    for (const task of fresh) {
      const tid = task.task_id.value;
      const sandbox = isGroup ? join(execDir, "tasks", encodeURIComponent(tid)) : execDir;
      const name = executorId === PROXY_EXECUTOR_ID ? "proxy" : (task.containerizer ?? this.defaultContainerizer);
      const rec: TaskRecord = { framework_id: fid, executor_id: executorId, container_id: isGroup ? `${execRun}/${randomUUID()}` : execRun, task, ...(groupIds ? { group: groupIds } : {}), sandbox, ...(network ? { network } : {}) };
      const run: TaskRun = { rec, containerizer: this.containerizers.get(name), group, state: "TASK_STAGING", terminal: false, killing: false, killDuringLaunch: false, rt: newRunRuntime() };
      group.runs.push(run);
      this.runs.set(key(fid, tid), run);
      this.checkpoint.saveTask(rec);
    }
    if (netError) {
      this.log.warn("task group refused: its network cannot be set up", { executor_id: executorId, error: netError });
      for (const run of group.runs) this.report(run, "TASK_FAILED", { source: "SOURCE_AGENT", reason: "REASON_CONTAINER_LAUNCH_FAILED", message: `Failed to launch container: ${netError}` });
      return;
    }
    this.advance(group);
  }

  private spec(run: TaskRun): LaunchSpec {
    // A restarted process gets its own container id (its cgroup is a new one).
    const restart = run.rt.restartCount > 0 ? `.r${run.rt.restartCount}` : "";
    const net = this.netOf(run);
    return { agentId: this.agentId ?? "", frameworkId: run.rec.framework_id, executorId: run.rec.executor_id, containerId: run.rec.container_id.replace("/", ".") + restart, task: run.rec.task, sandbox: run.rec.sandbox, ...(net ? { netns: net.netns, podIp: net.podIp } : {}) };
  }

  /**
   * Launches what may start now: the next init task (TaskRuntime.init: one at a time, in
   * group order, each to success), else every task not launched yet, together. An init
   * task that failed for good ends the tasks still waiting.
   */
  private advance(group: Group): void {
    if (this.stopped) return;
    const idle = (r: TaskRun) => !r.terminal && !r.container && !r.rt.launching && !r.rt.restartTimer && !r.killDuringLaunch;
    for (const r of group.runs) {
      if (!r.rec.task.runtime?.init) continue;
      if (r.terminal && r.state === "TASK_FINISHED") continue;
      if (r.terminal) {
        for (const w of group.runs) if (idle(w)) this.report(w, "TASK_KILLED", { source: "SOURCE_AGENT", message: `Init task '${r.rec.task.task_id.value}' failed` });
        return;
      }
      if (idle(r)) void this.launchGroup(group, [r]);
      return;
    }
    const rest = group.runs.filter(idle);
    if (rest.length) void this.launchGroup(group, rest);
  }

  /** Launches tasks of a group; if one cannot be launched none runs (Mesos' LAUNCH_GROUP is all or nothing). */
  private async launchGroup(group: Group, runs: readonly TaskRun[] = group.runs): Promise<void> {
    for (const run of runs) run.rt.launching = true;
    // The group's namespace exists before any of its processes starts (kept across restarts of its tasks).
    const first = runs[0]!;
    const attached = first.rec.network && this.net ? this.net.attach(groupKeyOf(first.rec)).then(() => this.syncHostPorts()) : Promise.resolve();
    const results = await Promise.allSettled(
      runs.map(async (run) => {
        await attached;
        if (!run.containerizer) throw new Error(`containerizer "${run.rec.executor_id === PROXY_EXECUTOR_ID ? "proxy" : (run.rec.task.containerizer ?? this.defaultContainerizer)}" is not enabled on this agent`);
        // Only a process gets a sandbox: simulated tasks (thousands of them) and port holds run nothing.
        if (run.containerizer.name === "process") {
          mkdirSync(run.rec.sandbox, { recursive: true });
          prepareSandbox(run.rec.sandbox, runDirOf(run.rec.sandbox, run.rec.group !== undefined), run.rec.task.runtime);
          this.noteLogStart(run);
        }
        const restart = run.rt.restartCount > 0;
        return run.containerizer.launch(this.spec(run), { starting: () => (restart ? undefined : this.report(run, "TASK_STARTING")) });
      }),
    );
    for (const run of runs) run.rt.launching = false;
    const failed = results.findIndex((r) => r.status === "rejected");
    if (failed >= 0) {
      const why = (results[failed] as PromiseRejectedResult).reason;
      const msg = why instanceof Error ? why.message : String(why);
      const failedId = runs[failed]!.rec.task.task_id.value;
      this.log.warn("container launch failed", { task_id: failedId, error: msg });
      results.forEach((r, i) => {
        const run = runs[i]!;
        if (r.status === "fulfilled") r.value.signal("SIGKILL");
        const message = i === failed || runs.length === 1 ? `Failed to launch container: ${msg}` : `Failed to launch container: task '${failedId}' of the task group failed to launch: ${msg}`;
        this.report(run, "TASK_FAILED", { source: "SOURCE_AGENT", reason: "REASON_CONTAINER_LAUNCH_FAILED", message });
      });
      this.advance(group);
      return;
    }
    results.forEach((r, i) => {
      if (r.status !== "fulfilled") return;
      const run = runs[i]!;
      const c = r.value;
      run.container = c;
      run.rec = { ...run.rec, container: c.state, ...(run.rec.task.runtime ? { runtime_state: checkpointOf(run.rt) } : {}) };
      if (run.terminal) {
        c.signal("SIGKILL"); // its framework was shut down meanwhile
        return;
      }
      if (!this.stopped) this.checkpoint.saveTask(run.rec);
      if (run.killDuringLaunch) {
        c.signal("SIGKILL");
        this.report(run, "TASK_KILLED", { reason: "REASON_TASK_KILLED_DURING_LAUNCH", message: "Task killed before it started" });
        return;
      }
      run.rt.startedAt = c.state.startedAt;
      delete run.rt.killReason;
      this.startProbes(run, c, true);
      this.report(run, "TASK_RUNNING");
      this.watch(run, c);
    });
  }

  /** The probes of a task's run (process containerizer only); `fresh`: a new run, whose status is yet to be reported. */
  private startProbes(run: TaskRun, c: Container, fresh: boolean): void {
    const rt = run.rec.task.runtime;
    if (!rt) return;
    const probes = rt.probes;
    run.rt.started = !probes?.startup;
    run.rt.ready = run.rt.started && !probes?.readiness;
    if (!probes || run.containerizer?.name !== "process") return;
    if (!fresh) run.rt.ready = false; // a recovered run is re-probed before it counts as ready again
    const spec = this.spec(run);
    run.rt.probes = new ProbeSet(probes, { cwd: workingDir(run.rec.sandbox, rt), env: environment(spec), ...netContext(spec) }, {
      started: () => {
        if (run.rt.started || run.container !== c) return;
        run.rt.started = true;
        this.report(run, "TASK_RUNNING", { reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED" });
      },
      ready: (ready) => {
        if (run.rt.ready === ready || run.container !== c) return;
        run.rt.ready = ready;
        this.report(run, "TASK_RUNNING", { reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED" });
      },
      failed: (probe, output) => {
        if (run.container !== c || run.killing || run.terminal) return;
        const message = `${probe === "liveness" ? "Liveness" : "Startup"} probe failed: ${output}`;
        this.log.info("probe failed; killing the task's process", { task_id: run.rec.task.task_id.value, probe, output });
        run.rt.killReason = { reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED", message };
        this.terminate(run, c, this.graceMs(run, undefined));
      },
    });
  }

  /** The process ended and its policy says run it again: at once, or after the crash-loop back-off. */
  private scheduleRestart(run: TaskRun, finishedAt: number): void {
    const timings = this.opts.restartBackoff ?? KUBELET_BACKOFF;
    const delay = restartDelay(run.rt.backoff, finishedAt, Date.now(), timings);
    // Nothing runs until the restart: a recovering agent launches it anew instead of re-attaching.
    const { container: _gone, ...rest } = run.rec;
    run.rec = { ...rest, runtime_state: checkpointOf(run.rt) };
    this.checkpoint.saveTask(run.rec);
    const restart = () => {
      delete run.rt.restartTimer;
      delete run.rt.waiting;
      if (run.terminal || this.stopped) return;
      run.rt.backoff = afterRestart(run.rt.backoff, finishedAt, Date.now(), timings);
      run.rt.restartCount++;
      delete run.container;
      run.rec = { ...run.rec, runtime_state: checkpointOf(run.rt) };
      this.checkpoint.saveTask(run.rec);
      this.log.info("restarting task", { task_id: run.rec.task.task_id.value, restart_count: run.rt.restartCount });
      void this.launchGroup(run.group, [run]);
    };
    if (delay <= 0) return restart();
    run.rt.waiting = { seconds: Math.round((run.rt.backoff?.delayMs ?? delay) / 1000), until: (Date.now() + delay) / 1000 };
    run.rt.restartTimer = this.timers.after(delay, restart);
    this.report(run, "TASK_RUNNING", { message: `Back-off ${run.rt.waiting.seconds}s restarting failed task` });
  }

  private watch(run: TaskRun, c: Container): void {
    c.exited.then(
      (exit) => this.onExit(run, exit),
      (err: unknown) => this.onExit(run, { unknown: String(err) }),
    );
  }

  private onExit(run: TaskRun, exit: ContainerExit): void {
    run.killTimer?.cancel();
    delete run.killTimer;
    run.rt.probes?.stop();
    delete run.rt.probes;
    if (run.terminal || this.stopped) return;
    const fid = run.rec.framework_id;
    if (this.terminating.has(fid)) {
      // Its framework is gone: no update, just forget the task.
      run.terminal = true;
      this.forget(fid, run.rec.task.task_id.value);
      return;
    }
    let state: TaskState;
    let reason: TaskStatusReason | undefined;
    let message: string;
    let source: TaskStatusSource = "SOURCE_EXECUTOR";
    if (exit.limitation) {
      ({ state, reason, message } = exit.limitation);
      source = "SOURCE_AGENT";
    } else if (exit.unknown !== undefined) {
      state = run.killing ? "TASK_KILLED" : "TASK_FAILED";
      reason = "REASON_EXECUTOR_TERMINATED";
      message = `Abnormal executor termination: ${exit.unknown}`;
      source = "SOURCE_AGENT";
    } else {
      state = run.killing ? "TASK_KILLED" : exit.exitStatus === 0 ? "TASK_FINISHED" : "TASK_FAILED";
      message = describeExit(exit.exitStatus, exit.signal);
    }
    const rt = run.rec.task.runtime;
    if (rt) {
      const finishedAt = Date.now();
      const code = exitCodeOf(exit);
      const why = exit.limitation?.reason ?? run.rt.killReason?.reason;
      const text = terminationMessage(run.rec.sandbox, rt, code);
      const term: TaskTermination = {
        exit_code: code,
        ...(exit.signal !== undefined ? { signal: exit.signal } : {}),
        ...(why ? { reason: why } : {}),
        ...(text ? { message: text } : {}),
        started_at: (run.rt.startedAt ?? finishedAt) / 1000,
        finished_at: finishedAt / 1000,
      };
      run.rt.lastTermination = term;
      run.rt.ready = false;
      run.rt.started = false;
      if (run.rt.killReason) message = `${message}: ${run.rt.killReason.message}`;
      if (!run.killing && wantsRestart(rt, state)) return this.scheduleRestart(run, finishedAt);
    }
    this.report(run, state, { source, message, ...(reason ? { reason } : {}), ...(exit.exitStatus !== undefined ? { exit_code: exit.exitStatus } : exit.signal !== undefined ? { exit_code: 128 + exit.signal } : {}) });
    // Mesos' default executor: a task of a group that failed or was killed takes the rest of the group down
    // (not for a task with a runtime: it has its own restart policy, as a pod's containers do).
    const g = run.group;
    if (rt) return this.advance(g);
    if ((state === "TASK_FAILED" || state === "TASK_KILLED") && !g.killingGroup && g.runs.length > 1) {
      g.killingGroup = true;
      for (const other of g.runs) if (other !== run && !other.terminal && !other.killing) this.startKill(other, undefined);
    }
  }

  // ---- status updates ---------------------------------------------------------------

  private report(run: TaskRun, state: TaskState, extra: { source?: TaskStatusSource; message?: string; reason?: TaskStatusReason; exit_code?: number } = {}): void {
    if (run.terminal) return;
    const fid = run.rec.framework_id;
    const pid = run.rec.container?.pid ?? run.container?.state.pid;
    const status: TaskStatus = {
      task_id: run.rec.task.task_id,
      state,
      source: extra.source ?? "SOURCE_EXECUTOR",
      ...(this.agentId ? { agent_id: { value: this.agentId } } : {}),
      executor_id: { value: run.rec.executor_id },
      timestamp: Date.now() / 1000,
      uuid: newUuid(),
      ...(extra.message !== undefined ? { message: extra.message } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.exit_code !== undefined ? { exit_code: extra.exit_code } : {}),
      ...(pid !== undefined || run.rec.network ? { container_status: { ...(pid !== undefined ? { executor_pid: pid } : {}), ...(run.rec.network ? { network_infos: [{ ip_addresses: [{ protocol: "IPv4" as const, ip_address: run.rec.network.ip }] }] } : {}) } } : {}),
      ...(run.rec.task.runtime ? runtimeStatus(run.rt, TERMINAL_STATES.has(state)) : {}),
    };
    run.state = state;
    if (TERMINAL_STATES.has(state)) {
      run.terminal = true;
      run.killTimer?.cancel();
      this.releaseNetwork(run.group);
    }
    this.log.info("task status", { framework_id: fid, task_id: status.task_id.value, state, message: extra.message, reason: extra.reason });
    if (this.terminating.has(fid)) return;
    this.updates.update(fid, status);
  }

  /**
   * The terminal update was acknowledged (or the framework is gone): the task is no longer
   * live. Its record and sandbox stay as a completed task (logs readable) unless its
   * executor or framework was shut down, or it never had a sandbox (simulated).
   */
  private forget(fid: string, tid: string): void {
    const run = this.runs.get(key(fid, tid));
    this.runs.delete(key(fid, tid));
    this.updates.remove(fid, tid);
    if (run && !run.discard && !this.terminating.has(fid) && !this.stopped && run.containerizer?.name === "process") {
      this.completed.add({ ...run.rec, completed_at: Date.now(), last_state: run.state });
    } else this.checkpoint.removeTask(fid, tid);
    this.dropFrameworkIfEmpty(fid);
  }

  private dropFrameworkIfEmpty(fid: string): void {
    if (![...this.runs.values()].some((r) => r.rec.framework_id === fid) && !this.completed.has(fid)) {
      this.frameworks.delete(fid);
      this.checkpoint.removeFramework(fid);
      this.terminating.delete(fid);
    }
  }

  // ---- killing ----------------------------------------------------------------------

  private killTask(fid: string, tid: string, policy: KillPolicy | undefined): void {
    const run = this.runs.get(key(fid, tid));
    if (!run) {
      const fw = this.frameworks.get(fid);
      if (!fw) {
        this.log.warn("ignoring kill of a task of an unknown framework", { framework_id: fid, task_id: tid });
        return;
      }
      // Unknown task (maybe lost before the agent saw it): tell the framework so it stops waiting.
      const partitionAware = fw.capabilities?.some((c) => c.type === "PARTITION_AWARE") ?? false;
      this.updates.update(fid, {
        task_id: { value: tid },
        state: partitionAware ? "TASK_DROPPED" : "TASK_LOST",
        source: "SOURCE_AGENT",
        reason: "REASON_EXECUTOR_TERMINATED",
        message: "Cannot find executor",
        ...(this.agentId ? { agent_id: { value: this.agentId } } : {}),
        timestamp: Date.now() / 1000,
        uuid: newUuid(),
      });
      return;
    }
    this.startKill(run, policy);
  }

  private graceMs(run: TaskRun, policy: KillPolicy | undefined): number {
    const ns = policy?.grace_period?.nanoseconds ?? run.rec.task.kill_policy?.grace_period?.nanoseconds;
    return ns !== undefined ? Math.max(0, ns / 1e6) : DEFAULT_KILL_GRACE_MS;
  }

  private startKill(run: TaskRun, policy: KillPolicy | undefined): void {
    if (run.terminal) return;
    const grace = this.graceMs(run, policy);
    // Nothing runs: waiting out a restart back-off, or for its init tasks.
    if (run.rt.restartTimer || (run.rec.task.runtime && !run.container && !run.rt.launching)) {
      run.rt.restartTimer?.cancel();
      delete run.rt.restartTimer;
      delete run.rt.waiting;
      this.report(run, "TASK_KILLED", { source: "SOURCE_AGENT", message: "Task killed while not running" });
      return;
    }
    if (!run.container) {
      run.killDuringLaunch = true;
      return;
    }
    const c = run.container;
    if (run.killing) {
      // A repeated kill may shorten the grace period, never extend it (as Mesos' executors do).
      const deadline = Date.now() + grace;
      if (run.killDeadline !== undefined && deadline < run.killDeadline) {
        run.killTimer?.cancel();
        run.killDeadline = deadline;
        run.killTimer = this.timers.after(grace, () => c.signal("SIGKILL"));
      }
      return;
    }
    run.killing = true;
    run.rec = { ...run.rec, killing: true };
    this.checkpoint.saveTask(run.rec);
    const fw = this.frameworks.get(run.rec.framework_id);
    if (fw?.capabilities?.some((cap) => cap.type === "TASK_KILLING_STATE")) this.report(run, "TASK_KILLING");
    this.log.info("killing task", { task_id: run.rec.task.task_id.value, grace_ms: grace });
    run.rt.probes?.stop();
    this.terminate(run, c, grace);
  }

  /** SIGTERM (after the task's pre-stop hook, if any), then SIGKILL once the grace period is over. */
  private terminate(run: TaskRun, c: Container, grace: number): void {
    run.killDeadline = Date.now() + grace;
    run.killTimer?.cancel();
    run.killTimer = this.timers.after(grace, () => {
      if (run.container === c) c.signal("SIGKILL");
    });
    const hook = run.rec.task.runtime?.pre_stop;
    if (!hook || run.containerizer?.name !== "process") return c.signal("SIGTERM");
    const rt = run.rec.task.runtime;
    const spec = this.spec(run);
    runHandler(hook, { cwd: workingDir(run.rec.sandbox, rt), env: environment(spec), ...netContext(spec) }, grace)
      .then((r) => {
        if (!r.ok) this.log.info("pre-stop hook failed", { task_id: run.rec.task.task_id.value, output: r.output });
      })
      .finally(() => {
        if (run.container === c) c.signal("SIGTERM");
      })
      .catch(() => undefined);
  }

  private shutdownFramework(fid: string): void {
    this.log.info("shutting down framework", { framework_id: fid });
    this.terminating.add(fid);
    this.updates.cleanup(fid);
    this.completed.removeFramework(fid, "framework shut down");
    for (const r of [...this.runs.values()]) {
      if (r.rec.framework_id !== fid) continue;
      if (r.terminal || !r.container) {
        // Ended already, or still launching (killed once launched): nothing to wait for.
        if (!r.container) r.terminal = true;
        this.forget(fid, r.rec.task.task_id.value);
        continue;
      }
      this.startKill(r, undefined);
    }
  }
}
