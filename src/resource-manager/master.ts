/**
 * The master (after Mesos' src/master/master.cpp): frameworks subscribe and are offered
 * agents' resources by the allocator; they launch tasks from offers; agents run them and
 * report status updates, which the master records and forwards until acknowledged.
 *
 * It serves both sides of the one-interface-two-links contract: `scheduler` is the v1
 * scheduler API, `agentApi` the master side of berth's agent link. The HTTP router
 * (http/index.ts) and in-process callers use exactly these.
 *
 * Split by concern: accept.ts (ACCEPT: offer validation and operations), agents.ts
 * (agent registration, health, unreachability), reconcile.ts, views.ts (operator state).
 */
import { randomUUID } from "node:crypto";
import type { AgentEvent } from "../mesos/agent.js";
import { MesosApiError, type AgentApi, type EventSink, type SchedulerApi, type Subscription } from "../mesos/link.js";
import { Resources } from "../mesos/resources.js";
import type { Filters, FrameworkInfo, MasterInfo, Offer, Resource, SchedulerCall, SchedulerEvent, TaskStatus } from "../mesos/v1.js";
import type { Allocation, Allocator, AllocatorOptions } from "./allocator/types.js";
import { createLogger, type Logger } from "../util/log.js";
import { gated, type ObservableSink } from "./sinks.js";
import { accept } from "./accept.js";
import * as agents from "./agents.js";
import { CALL_COUNTERS, MasterCounters, taskStateCounter } from "./metrics.js";
import { reconcile } from "./reconcile.js";
import type { RecoveredAgent } from "./recovery.js";
import { taskKey, type AgentRecord, type FrameworkRecord, type OfferRecord, type TaskRecord, type UnreachableAgent } from "./state.js";
import { applyUpdate, isTerminal, masterStatus } from "./updates.js";
import { frameworkRoles, hasCapability, missingRequiredFields, validateCall, validateFrameworkInfo, validateFrameworkUpdate, validateSuppressedRoles } from "./validation.js";

export const MASTER_VERSION = "1.11.0";

export interface MasterOptions {
  /** Builds the allocator; the master passes the offer callback (and weights, interval). */
  readonly allocator: (opts: AllocatorOptions) => Allocator;
  readonly allocationIntervalMs?: number;
  readonly weights?: Record<string, number>;
  readonly hostname?: string;
  readonly port?: number;
  /** SUBSCRIBED heartbeat_interval_seconds and the HEARTBEAT period (Mesos 15 s). */
  readonly heartbeatIntervalMs?: number;
  /** Agent health (Mesos --agent_ping_timeout 15 s x --max_agent_ping_timeouts 5). */
  readonly agentPingTimeoutMs?: number;
  readonly maxAgentPingTimeouts?: number;
  /** A disconnected agent (stream closed) that does not come back within this is marked unreachable (Mesos --agent_reregister_timeout, 10 min). */
  readonly agentReregisterTimeoutMs?: number;
  /** An unreachable agent is forgotten after this (Mesos --registry_max_agent_age, 2 weeks). */
  readonly agentRemovalTimeoutMs?: number;
  /** Offers not used within this are rescinded (Mesos --offer_timeout, none by default). */
  readonly offerTimeoutMs?: number;
  /** For HA: a non-leading master redirects (307) to leaderUrl(). */
  readonly isLeader?: () => boolean;
  readonly leaderUrl?: () => string | undefined;
  readonly maxCompletedFrameworks?: number;
  readonly maxCompletedTasksPerFramework?: number;
  readonly logger?: Logger;
}

export class Master {
  readonly id = randomUUID();
  readonly log: Logger;
  readonly allocator: Allocator;
  readonly startTime = Date.now();
  readonly counters = new MasterCounters();

  readonly frameworks = new Map<string, FrameworkRecord>();
  readonly completedFrameworks = new Map<string, FrameworkRecord>();
  readonly agents = new Map<string, AgentRecord>();
  /** AgentCall.register.pid -> agent id, for registrations retried by one process. */
  readonly agentsByPid = new Map<string, string>();
  readonly unreachableAgents = new Map<string, UnreachableAgent>();
  /** After a failover (HA): agents the predecessor had, not re-registered yet (recovery.ts). */
  readonly recoveredAgents = new Map<string, RecoveredAgent>();
  readonly offers = new Map<string, OfferRecord>();
  /** Frameworks and agents the allocator knows, so it is never told about strangers. */
  readonly allocatorFrameworks = new Set<string>();
  readonly allocatorAgents = new Set<string>();
  /** Operator-set role weights and quotas (UPDATE_WEIGHTS / UPDATE_QUOTA), for GET_WEIGHTS / GET_QUOTA. */
  readonly weights = new Map<string, number>();
  readonly quotas = new Map<string, { role: string; guarantees?: Record<string, { value: number }>; limits?: Record<string, { value: number }> }>();

  readonly heartbeatIntervalMs: number;
  readonly agentPingTimeoutMs: number;
  readonly maxAgentPingTimeouts: number;
  readonly agentReregisterTimeoutMs: number;
  readonly agentRemovalTimeoutMs: number;
  readonly offerTimeoutMs: number | undefined;

  private nextFramework = 0;
  private nextAgent = 0;
  private nextOffer = 0;
  private stopped = false;
  hostname: string;
  port: number;

  /** The v1 scheduler API. */
  readonly scheduler: SchedulerApi = {
    subscribe: (call, sink) => this.subscribeFramework(call, sink),
    call: (streamId, call) => this.schedulerCall(streamId, call),
  };
  /** The master side of the agent link. */
  readonly agentApi: AgentApi = {
    subscribe: (call, sink) => agents.subscribeAgent(this, call, sink),
    call: (streamId, call) => agents.agentCall(this, streamId, call),
  };

  constructor(readonly opts: MasterOptions) {
    this.log = opts.logger ?? createLogger("master");
    this.hostname = opts.hostname ?? "localhost";
    this.port = opts.port ?? 5050;
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 15_000;
    this.agentPingTimeoutMs = opts.agentPingTimeoutMs ?? 15_000;
    this.maxAgentPingTimeouts = opts.maxAgentPingTimeouts ?? 5;
    this.agentReregisterTimeoutMs = opts.agentReregisterTimeoutMs ?? 600_000;
    this.agentRemovalTimeoutMs = opts.agentRemovalTimeoutMs ?? 14 * 24 * 3600_000;
    this.offerTimeoutMs = opts.offerTimeoutMs;
    for (const [role, w] of Object.entries(opts.weights ?? {})) this.weights.set(role, w);
    this.allocator = opts.allocator({
      offer: (a) => this.onAllocation(a),
      ...(opts.allocationIntervalMs !== undefined ? { allocationIntervalMs: opts.allocationIntervalMs } : {}),
      ...(opts.weights ? { weights: opts.weights } : {}),
    });
  }

  get info(): MasterInfo {
    return { id: this.id, ip: 0, port: this.port, hostname: this.hostname, version: MASTER_VERSION, address: { hostname: this.hostname, ip: "127.0.0.1", port: this.port } };
  }

  isLeader(): boolean {
    return this.opts.isLeader ? this.opts.isLeader() : true;
  }

  /**
   * Whether the master's own timers may change anything (offers, removals, unreachability):
   * not once stopped, nor while its lease may have run out (HA) -- between a pause past the
   * lease and the step-down that follows, a deposed leader must not act.
   */
  acting(): boolean {
    return !this.stopped && this.isLeader();
  }

  /** Throws the 307 (or 503 without a known leader) a non-leading master answers with. */
  checkLeader(): void {
    if (this.isLeader()) return;
    const url = this.opts.leaderUrl?.();
    if (!url) throw new MesosApiError(503, "No leader elected");
    throw new MesosApiError(307, "Not the leading master", url);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const r of this.recoveredAgents.values()) clearTimeout(r.timer);
    for (const fw of this.frameworks.values()) {
      clearInterval(fw.heartbeatTimer);
      clearTimeout(fw.failoverTimer);
      fw.sink?.close("master stopped");
    }
    for (const a of this.agents.values()) {
      clearInterval(a.pingTimer);
      clearTimeout(a.reregisterTimer);
      a.sink?.close("master stopped");
    }
    for (const u of this.unreachableAgents.values()) clearTimeout(u.removalTimer);
    for (const o of this.offers.values()) clearTimeout(o.timer);
    this.allocator.stop();
  }

  newAgentId(): string {
    return `${this.id}-S${this.nextAgent++}`;
  }

  // ---- frameworks ------------------------------------------------------------------------

  private async subscribeFramework(call: SchedulerCall, rawSink: EventSink<SchedulerEvent>): Promise<Subscription> {
    this.checkLeader();
    const missing = missingRequiredFields(call);
    if (missing.length) throw new MesosApiError(400, `Failed to convert JSON into Call protobuf: Missing required fields: ${missing.join(", ")}`);
    const invalid = validateCall(call);
    if (invalid) throw new MesosApiError(400, `Failed to validate scheduler::Call: ${invalid}`);
    const streamId = randomUUID();
    const sink = gated(rawSink);
    setImmediate(() => sink.release());
    const sub = call.subscribe!;
    let info = sub.framework_info;
    const existingId = info.id?.value ? info.id.value : undefined;
    this.counters.inc(existingId ? "master/messages_reregister_framework" : "master/messages_register_framework");

    const refuse = (message: string): Subscription => {
      this.log.info("refusing subscription", { framework: info.name, error: message });
      sink.send({ type: "ERROR", error: { message } });
      sink.close(message);
      return { streamId };
    };
    let error = validateFrameworkInfo(info);
    if (!error && existingId && this.completedFrameworks.has(existingId)) error = "Framework has been removed";
    if (!error) error = validateSuppressedRoles(info, sub.suppressed_roles);
    if (error) return refuse(error);
    const suppressed = new Set(sub.suppressed_roles ?? []);

    if (!existingId) {
      const id = `${this.id}-${String(this.nextFramework++).padStart(4, "0")}`;
      info = { ...info, id: { value: id } };
      const fw = this.newFramework(id, info, false);
      fw.suppressedRoles = suppressed;
      this.frameworks.set(id, fw);
      this.connect(fw, sink, streamId);
      this.allocator.addFramework(id, info, new Map(), true, [...suppressed]);
      this.allocatorFrameworks.add(id);
      this.log.info("framework subscribed", { framework: id, name: info.name });
      return { streamId };
    }

    let fw = this.frameworks.get(existingId);
    if (!fw) {
      // Unknown to this master (e.g. after a master failover, before any agent reported it).
      fw = this.recoverFramework(info);
    }
    if (fw.recovered) {
      // Known only from agents so far: the subscriber's FrameworkInfo is the real one.
      info = { ...info, id: { value: fw.id } };
    } else {
      // User and checkpoint silently keep their old values (preserveImmutableFields); the principal must match.
      info = { ...info, user: fw.info.user, ...(fw.info.checkpoint !== undefined ? { checkpoint: fw.info.checkpoint } : {}), id: { value: fw.id } };
      const updateError = validateFrameworkUpdate(fw.info, info);
      if (updateError) return refuse(updateError);
    }
    this.updateFrameworkInfo(fw, info, suppressed);

    if (fw.connected && fw.sink) {
      // Mesos always fails over the old connection (MESOS-4712).
      const old = fw.sink;
      fw.sink = undefined;
      old.send({ type: "ERROR", error: { message: "Framework failed over" } });
      old.close("Framework failed over");
    }
    // Offers made to the old connection are meaningless to the new one.
    for (const oid of [...fw.offers]) this.discardOffer(this.offers.get(oid)!);
    fw.recovered = false;
    fw.reregisteredTime = Date.now();
    clearTimeout(fw.failoverTimer);
    fw.failoverTimer = undefined;
    this.connect(fw, sink, streamId);
    if (!fw.active) {
      fw.active = true;
      this.allocator.activateFramework(fw.id);
    }
    // Updates that arrived while it was away (the agent retries them too; duplicates are allowed).
    for (const t of fw.tasks.values()) {
      if (t.unforwarded) {
        const s = t.unforwarded;
        t.unforwarded = undefined;
        this.forward(fw, s);
      }
    }
    this.log.info("framework re-subscribed", { framework: fw.id, name: info.name });
    return { streamId };
  }

  newFramework(id: string, info: FrameworkInfo, recovered: boolean): FrameworkRecord {
    return {
      id,
      info,
      connected: false,
      active: !recovered,
      recovered,
      registeredTime: Date.now(),
      tasks: new Map(),
      unreachableTasks: new Map(),
      completedTasks: [],
      offers: new Set(),
      executors: new Map(),
      suppressedRoles: new Set(),
    };
  }

  /** A framework known only from an agent's tasks (Master::recoverFramework): inactive until it subscribes. */
  recoverFramework(info: FrameworkInfo): FrameworkRecord {
    const id = info.id!.value;
    const fw = this.newFramework(id, info, true);
    this.frameworks.set(id, fw);
    this.allocator.addFramework(id, info, new Map(), false);
    this.allocatorFrameworks.add(id);
    return fw;
  }

  private connect(fw: FrameworkRecord, sink: ObservableSink<SchedulerEvent>, streamId: string): void {
    fw.sink = sink;
    fw.streamId = streamId;
    fw.connected = true;
    sink.onClose?.(() => this.frameworkExited(fw, sink));
    sink.send({ type: "SUBSCRIBED", subscribed: { framework_id: { value: fw.id }, heartbeat_interval_seconds: this.heartbeatIntervalMs / 1000, master_info: this.info } });
    // Mesos' heartbeater sends the first HEARTBEAT right away, then one per interval.
    sink.send({ type: "HEARTBEAT" });
    clearInterval(fw.heartbeatTimer);
    fw.heartbeatTimer = setInterval(() => {
      if (fw.sink !== sink) return;
      if (sink.closed) this.frameworkExited(fw, sink);
      else sink.send({ type: "HEARTBEAT" });
    }, this.heartbeatIntervalMs);
    fw.heartbeatTimer.unref?.();
  }

  private updateFrameworkInfo(fw: FrameworkRecord, info: FrameworkInfo, suppressed: Set<string>): void {
    fw.info = info;
    fw.suppressedRoles = suppressed;
    this.allocator.updateFramework(fw.id, info, [...suppressed]);
  }

  /** Send an event to a connected framework; notices a subscriber that went away. */
  sendFramework(fw: FrameworkRecord, event: SchedulerEvent): void {
    const sink = fw.sink;
    if (!fw.connected || !sink) return;
    if (sink.closed) {
      this.frameworkExited(fw, sink);
      return;
    }
    sink.send(event);
  }

  /** The subscription's stream ended (Master::exited -> _exited): inactive, then removed after failover_timeout. */
  frameworkExited(fw: FrameworkRecord, sink: EventSink<SchedulerEvent>): void {
    // A stopped master (one that stepped down) closes every stream: that is no disconnection to act on.
    if (fw.sink !== sink || !fw.connected || this.stopped) return;
    this.log.info("framework disconnected", { framework: fw.id });
    if (fw.active) this.deactivateFramework(fw, true);
    fw.connected = false;
    fw.sink = undefined;
    clearInterval(fw.heartbeatTimer);
    fw.heartbeatTimer = undefined;
    this.startFailoverTimer(fw);
  }

  /** minMs: a floor, for frameworks a new leader took over (they did not fail, the master did). */
  startFailoverTimer(fw: FrameworkRecord, minMs = 0): void {
    if (this.stopped) return;
    const timeoutMs = Math.max(minMs, (fw.info.failover_timeout ?? 0) * 1000);
    clearTimeout(fw.failoverTimer);
    // setTimeout's limit is 2^31-1 ms (~24.8 days); longer timeouts are clamped.
    fw.failoverTimer = setTimeout(() => {
      fw.failoverTimer = undefined;
      if (!this.acting()) return;
      if (!fw.connected && this.frameworks.get(fw.id) === fw) {
        this.log.info("framework failover timeout, removing framework", { framework: fw.id });
        this.removeFramework(fw);
      }
    }, Math.min(timeoutMs, 2 ** 31 - 1));
    fw.failoverTimer.unref?.();
  }

  deactivateFramework(fw: FrameworkRecord, rescind: boolean): void {
    fw.active = false;
    this.allocator.deactivateFramework(fw.id);
    for (const oid of [...fw.offers]) {
      const o = this.offers.get(oid);
      if (!o) continue;
      if (rescind) this.rescindOffer(o);
      else this.discardOffer(o);
    }
  }

  /** Master::removeFramework: agents shut the framework down; its tasks end as TASK_KILLED. */
  removeFramework(fw: FrameworkRecord): void {
    this.log.info("removing framework", { framework: fw.id });
    if (fw.active) this.deactivateFramework(fw, false);
    for (const a of this.agents.values()) {
      this.sendAgent(a, { type: "SHUTDOWN_FRAMEWORK", shutdown_framework: { framework_id: { value: fw.id } } });
    }
    for (const t of [...fw.tasks.values()]) {
      const status = masterStatus(t.info.task_id.value, "TASK_KILLED", "REASON_FRAMEWORK_REMOVED", `Framework ${fw.id} removed`, { agentId: t.agentId, executorId: t.executorId });
      this.updateTask(t, status);
      this.removeTask(t);
    }
    for (const t of [...fw.unreachableTasks.values()]) {
      applyUpdate(t, masterStatus(t.info.task_id.value, "TASK_KILLED", "REASON_FRAMEWORK_REMOVED", `Framework ${fw.id} removed`, { agentId: t.agentId, executorId: t.executorId }));
      fw.unreachableTasks.delete(t.info.task_id.value);
      this.addCompletedTask(fw, t);
    }
    for (const [agentId, execs] of fw.executors) {
      const a = this.agents.get(agentId);
      for (const eid of execs.keys()) a?.executors.get(fw.id)?.delete(eid);
      a?.executors.delete(fw.id);
    }
    fw.executors.clear();
    clearInterval(fw.heartbeatTimer);
    clearTimeout(fw.failoverTimer);
    fw.heartbeatTimer = fw.failoverTimer = undefined;
    const sink = fw.sink;
    fw.sink = undefined;
    fw.connected = false;
    fw.active = false;
    sink?.close("framework removed");
    fw.unregisteredTime = Date.now();
    this.frameworks.delete(fw.id);
    if (this.allocatorFrameworks.delete(fw.id)) this.allocator.removeFramework(fw.id);
    this.completedFrameworks.set(fw.id, fw);
    const max = this.opts.maxCompletedFrameworks ?? 50;
    while (this.completedFrameworks.size > max) this.completedFrameworks.delete(this.completedFrameworks.keys().next().value!);
  }

  // ---- scheduler calls -----------------------------------------------------------------------

  private async schedulerCall(streamId: string | undefined, call: SchedulerCall): Promise<void> {
    this.checkLeader();
    const missing = missingRequiredFields(call);
    if (missing.length) throw new MesosApiError(400, `Failed to convert JSON into Call protobuf: Missing required fields: ${missing.join(", ")}`);
    const invalid = validateCall(call);
    if (invalid) throw new MesosApiError(400, `Failed to validate scheduler::Call: ${invalid}`);
    if (call.type === "SUBSCRIBE") throw new MesosApiError(400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
    const fw = this.frameworks.get(call.framework_id!.value);
    if (!fw) throw new MesosApiError(400, "Framework cannot be found");
    if (!fw.connected) throw new MesosApiError(403, "Framework is not subscribed");
    if (!streamId) throw new MesosApiError(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    if (streamId !== fw.streamId) {
      throw new MesosApiError(400, `The stream ID '${streamId}' included in this request didn't match the stream ID currently associated with framework ID ${fw.id}`);
    }
    const counter = CALL_COUNTERS[call.type];
    if (counter) this.counters.inc(counter);
    switch (call.type) {
      case "TEARDOWN":
        this.removeFramework(fw);
        return;
      case "ACCEPT":
        accept(this, fw, call.accept!);
        return;
      case "DECLINE":
        for (const id of call.decline!.offer_ids ?? []) {
          const o = this.offers.get(id.value);
          if (o && o.frameworkId === fw.id) this.discardOffer(o, call.decline!.filters ?? {}); // unset: the default refuse_seconds
        }
        return;
      case "REVIVE": {
        const roles = this.rolesOrAll(fw, call.revive?.roles);
        for (const r of roles) fw.suppressedRoles.delete(r);
        this.allocator.reviveOffers(fw.id, roles);
        return;
      }
      case "SUPPRESS": {
        const roles = this.rolesOrAll(fw, call.suppress?.roles);
        for (const r of roles) fw.suppressedRoles.add(r);
        this.allocator.suppressOffers(fw.id, roles);
        return;
      }
      case "KILL":
        this.kill(fw, call.kill!);
        return;
      case "SHUTDOWN": {
        const a = this.agents.get(call.shutdown!.agent_id.value);
        if (a?.connected) this.sendAgent(a, { type: "SHUTDOWN_EXECUTOR", shutdown_executor: { framework_id: { value: fw.id }, executor_id: call.shutdown!.executor_id } });
        return;
      }
      case "ACKNOWLEDGE":
        this.acknowledge(fw, call.acknowledge!);
        return;
      case "RECONCILE":
        reconcile(this, fw, call.reconcile!.tasks ?? []);
        return;
      case "MESSAGE": {
        const m = call.message!;
        const a = this.agents.get(m.agent_id.value);
        if (!a || !a.connected) {
          this.counters.inc("master/invalid_framework_to_executor_messages");
          return;
        }
        this.counters.inc("master/valid_framework_to_executor_messages");
        this.sendAgent(a, { type: "FRAMEWORK_MESSAGE", framework_message: { framework_id: { value: fw.id }, executor_id: m.executor_id, data: m.data } });
        return;
      }
      case "REQUEST":
        return; // The allocator ignores requests, as Mesos' does.
      case "UPDATE_FRAMEWORK": {
        const u = call.update_framework!;
        const next = u.framework_info;
        const err = validateFrameworkInfo(next) ?? validateFrameworkUpdate(fw.info, next) ?? validateSuppressedRoles(next, u.suppressed_roles);
        if (err) throw new MesosApiError(400, err);
        this.updateFrameworkInfo(fw, { ...next, id: { value: fw.id } }, new Set(u.suppressed_roles ?? []));
        return;
      }
      default:
        throw new MesosApiError(501, `Unsupported call type ${String(call.type)}`);
    }
  }

  private rolesOrAll(fw: FrameworkRecord, roles: readonly string[] | undefined): string[] {
    const mine = frameworkRoles(fw.info);
    return roles && roles.length ? roles.filter((r) => mine.includes(r)) : mine;
  }

  /** Master::kill: an unknown task gets an explicit reconciliation instead. */
  private kill(fw: FrameworkRecord, k: NonNullable<SchedulerCall["kill"]>): void {
    const t = fw.tasks.get(k.task_id.value);
    if (!t) {
      this.log.warn("cannot kill unknown task; performing reconciliation", { framework: fw.id, task: k.task_id.value });
      reconcile(this, fw, [{ task_id: k.task_id, ...(k.agent_id ? { agent_id: k.agent_id } : {}) }]);
      return;
    }
    if (k.agent_id && k.agent_id.value !== t.agentId) return;
    const a = this.agents.get(t.agentId);
    if (!a) return;
    a.killedTasks.add(taskKey(fw.id, t.info.task_id.value));
    if (a.connected) {
      this.sendAgent(a, { type: "KILL_TASK", kill_task: { framework_id: { value: fw.id }, task_id: k.task_id, ...(k.kill_policy ? { kill_policy: k.kill_policy } : {}) } });
    }
  }

  /** Master::acknowledge: pass the acknowledgement to the agent; an acknowledged terminal update retires the task. */
  private acknowledge(fw: FrameworkRecord, ack: NonNullable<SchedulerCall["acknowledge"]>): void {
    const a = this.agents.get(ack.agent_id.value);
    if (!a || !a.connected) {
      this.counters.inc("master/invalid_status_update_acknowledgements");
      return;
    }
    const t = a.tasks.get(fw.id)?.get(ack.task_id.value);
    if (t) {
      if (t.statusUpdateState === undefined) {
        this.counters.inc("master/invalid_status_update_acknowledgements");
        return;
      }
      if (isTerminal(t.statusUpdateState) && t.statusUpdateUuid === ack.uuid) this.removeTask(t);
    }
    this.sendAgent(a, { type: "ACKNOWLEDGE", acknowledge: { framework_id: { value: fw.id }, task_id: ack.task_id, uuid: ack.uuid } });
    this.counters.inc("master/valid_status_update_acknowledgements");
  }

  // ---- tasks -------------------------------------------------------------------------------

  /** Forward a status update to the framework (Master::forward). */
  forward(fw: FrameworkRecord, status: TaskStatus): void {
    const t = fw.tasks.get(status.task_id.value);
    if (t && status.uuid) {
      t.statusUpdateState = status.state;
      t.statusUpdateUuid = status.uuid;
    }
    this.sendFramework(fw, { type: "UPDATE", update: { status } });
  }

  /** Master::updateTask: record the update; a task leaving the running world gives its resources back. */
  updateTask(t: TaskRecord, status: TaskStatus): void {
    const transitioned = applyUpdate(t, status);
    if (!transitioned) return;
    if (status.state !== "TASK_UNREACHABLE") this.counters.inc(taskStateCounter(status.state));
    this.recover(t.frameworkId, t.agentId, t.resources);
    this.releaseIdleExecutor(t);
  }

  /**
   * berth's agents report no executor exits, so an executor whose tasks have all ended is
   * considered gone and its resources are recovered (Mesos does this on ExitedExecutorMessage).
   */
  private releaseIdleExecutor(t: TaskRecord): void {
    if (!t.executorId) return;
    const a = this.agents.get(t.agentId);
    const fw = this.frameworks.get(t.frameworkId);
    const exec = a?.executors.get(t.frameworkId)?.get(t.executorId);
    if (!a || !exec) return;
    for (const other of a.tasks.get(t.frameworkId)?.values() ?? []) {
      if (other.executorId === t.executorId && !isTerminal(other.state) && other.state !== "TASK_UNREACHABLE") return;
    }
    a.executors.get(t.frameworkId)!.delete(t.executorId);
    fw?.executors.get(a.id)?.delete(t.executorId);
    if (exec.resources?.length) this.recover(t.frameworkId, a.id, exec.resources);
  }

  /** Master::removeTask: out of the agent and the framework's active tasks, into completed ones. */
  removeTask(t: TaskRecord, unreachable = false): void {
    const a = this.agents.get(t.agentId);
    const fw = this.frameworks.get(t.frameworkId);
    if (!isTerminal(t.state) && t.state !== "TASK_UNREACHABLE") {
      this.recover(t.frameworkId, t.agentId, t.resources);
    }
    const byFw = a?.tasks.get(t.frameworkId);
    byFw?.delete(t.info.task_id.value);
    if (byFw && byFw.size === 0) a!.tasks.delete(t.frameworkId);
    a?.killedTasks.delete(taskKey(t.frameworkId, t.info.task_id.value));
    if (!fw) return;
    fw.tasks.delete(t.info.task_id.value);
    if (unreachable) fw.unreachableTasks.set(t.info.task_id.value, t);
    else this.addCompletedTask(fw, t);
  }

  addCompletedTask(fw: FrameworkRecord, t: TaskRecord): void {
    fw.completedTasks.push(t);
    const max = this.opts.maxCompletedTasksPerFramework ?? 1000;
    if (fw.completedTasks.length > max) fw.completedTasks.splice(0, fw.completedTasks.length - max);
  }

  /** A task the agent reported or the master launched, in both indexes. */
  addTask(t: TaskRecord): void {
    const fw = this.frameworks.get(t.frameworkId);
    fw?.tasks.set(t.info.task_id.value, t);
    const a = this.agents.get(t.agentId);
    if (a) {
      let m = a.tasks.get(t.frameworkId);
      if (!m) a.tasks.set(t.frameworkId, (m = new Map()));
      m.set(t.info.task_id.value, t);
    }
  }

  // ---- offers ------------------------------------------------------------------------------

  /** Resources back to the allocator, if it still knows both the framework and the agent. */
  recover(frameworkId: string, agentId: string, resources: readonly Resource[] | Resources, filters?: Filters): void {
    const list = resources instanceof Resources ? resources.toJSON() : [...resources];
    if (list.length === 0) return;
    if (!this.allocatorAgents.has(agentId) || !this.allocatorFrameworks.has(frameworkId)) return;
    this.allocator.recoverResources(frameworkId, agentId, list, filters);
  }

  /** Master::offer: turn an allocation into offers, one OFFERS event per framework. */
  private onAllocation(allocation: Allocation): void {
    if (!this.acting()) {
      for (const [fwId, byRole] of allocation) for (const byAgent of byRole.values()) for (const [agentId, resources] of byAgent) this.recover(fwId, agentId, resources);
      return;
    }
    for (const [fwId, byRole] of allocation) {
      const fw = this.frameworks.get(fwId);
      const made: Offer[] = [];
      for (const [role, byAgent] of byRole) {
        for (const [agentId, resources] of byAgent) {
          const a = this.agents.get(agentId);
          if (!fw || !fw.connected || !fw.active || !a || !a.active) {
            this.recover(fwId, agentId, resources);
            continue;
          }
          const offer: Offer = {
            id: { value: `${this.id}-O${this.nextOffer++}` },
            framework_id: { value: fwId },
            agent_id: { value: agentId },
            hostname: a.info.hostname,
            url: { scheme: "http", address: { hostname: a.info.hostname, port: a.info.port ?? 5051 }, path: "/slave(1)" },
            resources,
            attributes: a.info.attributes ?? [],
            allocation_info: { role },
            ...(a.info.domain ? { domain: a.info.domain } : {}),
            executor_ids: [...(a.executors.get(fwId)?.keys() ?? [])].map((value) => ({ value })),
          };
          const rec: OfferRecord = { offer, frameworkId: fwId, agentId, role };
          this.offers.set(offer.id.value, rec);
          fw.offers.add(offer.id.value);
          a.offers.add(offer.id.value);
          if (this.offerTimeoutMs !== undefined) {
            rec.timer = setTimeout(() => {
              if (this.offers.get(offer.id.value) === rec && this.acting()) this.rescindOffer(rec);
            }, this.offerTimeoutMs);
            rec.timer.unref?.();
          }
          made.push(offer);
        }
      }
      if (fw && made.length) {
        this.sendFramework(fw, { type: "OFFERS", offers: { offers: made } });
      }
    }
  }

  /** Remove the offer from every index (Master::_removeOffer). */
  removeOffer(o: OfferRecord): void {
    clearTimeout(o.timer);
    this.offers.delete(o.offer.id.value);
    this.frameworks.get(o.frameworkId)?.offers.delete(o.offer.id.value);
    this.agents.get(o.agentId)?.offers.delete(o.offer.id.value);
  }

  /** Tell the framework the offer is gone and give the resources back. */
  rescindOffer(o: OfferRecord, filters?: Filters): void {
    const fw = this.frameworks.get(o.frameworkId);
    if (fw) this.sendFramework(fw, { type: "RESCIND", rescind: { offer_id: o.offer.id } });
    this.recover(o.frameworkId, o.agentId, o.offer.resources, filters);
    this.removeOffer(o);
  }

  /** Give the resources back without telling the framework (decline, failover). */
  discardOffer(o: OfferRecord, filters?: Filters): void {
    this.recover(o.frameworkId, o.agentId, o.offer.resources, filters);
    this.removeOffer(o);
  }

  // ---- agents (see agents.ts) ----------------------------------------------------------------

  sendAgent(a: AgentRecord, event: AgentEvent): void {
    const sink = a.sink;
    if (!a.connected || !sink) return;
    if (sink.closed) {
      agents.agentExited(this, a, sink);
      return;
    }
    sink.send(event);
  }

  /** Used by agents.ts: the framework's partition-awareness decides TASK_UNREACHABLE vs TASK_LOST. */
  partitionAware(frameworkId: string): boolean {
    const fw = this.frameworks.get(frameworkId) ?? this.completedFrameworks.get(frameworkId);
    return fw ? hasCapability(fw.info, "PARTITION_AWARE") : false;
  }
}
