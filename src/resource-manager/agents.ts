/**
 * Agents as the master sees them (Master::registerSlave, reregisterSlave, the
 * SlaveObserver's pings, markUnreachable, __removeSlave, statusUpdate).
 *
 * Health: while an agent's stream is open the master sends HEARTBEAT every
 * agentPingTimeoutMs and expects to hear from the agent (any call; HEARTBEAT when idle)
 * within each interval; after maxAgentPingTimeouts silent intervals the agent is marked
 * unreachable. A closed stream only disconnects the agent (offers rescinded, no new ones);
 * if it does not re-register within agentReregisterTimeoutMs it is marked unreachable.
 * Unreachable: its tasks become TASK_UNREACHABLE (PARTITION_AWARE frameworks) or TASK_LOST,
 * reason REASON_AGENT_REMOVED; frameworks get a FAILURE event for the agent. It may still
 * re-register (its tasks come back with REASON_AGENT_REREGISTERED) until
 * agentRemovalTimeoutMs, after which the master forgets it, as Mesos' registry GC does.
 */
import { randomUUID } from "node:crypto";
import type { AgentCall, AgentEvent, AgentTask } from "../mesos/agent.js";
import { MesosApiError, type EventSink, type Subscription } from "../mesos/link.js";
import { Resources, validateResources } from "../mesos/resources.js";
import type { AgentInfo, FrameworkInfo, Resource, TaskStatus } from "../mesos/v1.js";
import type { Master } from "./master.js";
import { recoveredAgentReregistered } from "./recovery.js";
import { gated, type ObservableSink } from "./sinks.js";
import type { AgentRecord, FrameworkRecord, TaskRecord } from "./state.js";
import { isTerminal, masterStatus } from "./updates.js";
import { frameworkRoles, isUuidBytes } from "./validation.js";

function registered(m: Master, a: AgentRecord, type: "REGISTERED" | "REREGISTERED"): AgentEvent {
  return { type, registered: { agent_id: { value: a.id }, heartbeat_interval_seconds: m.agentPingTimeoutMs / 1000, master_info: m.info } };
}

export async function subscribeAgent(m: Master, call: AgentCall, rawSink: EventSink<AgentEvent>): Promise<Subscription> {
  m.checkLeader();
  if (call?.type !== "REGISTER" && call?.type !== "REREGISTER") throw new MesosApiError(400, "Expecting 'type' to be REGISTER or REREGISTER");
  const body = call.type === "REGISTER" ? call.register : call.reregister;
  if (!body) throw new MesosApiError(400, `Expecting '${call.type.toLowerCase()}' to be present`);
  const info = body.agent_info;
  if (!info || typeof info.hostname !== "string") throw new MesosApiError(400, `Missing required fields: ${call.type.toLowerCase()}.agent_info.hostname`);
  if (call.type === "REREGISTER" && !(info.id?.value ?? call.agent_id?.value)) throw new MesosApiError(400, "Expecting 'agent_info.id' to be present");
  const sink = gated(rawSink);
  setImmediate(() => sink.release());
  const streamId = randomUUID();
  // Mesos shuts down an agent with invalid resources.
  const invalid = validateResources(info.resources ?? []);
  if (invalid) {
    sink.send({ type: "ERROR", error: { message: `Agent has invalid resources: ${invalid}` } });
    sink.close(invalid);
    return { streamId };
  }
  if (call.type === "REGISTER") register(m, info, body.version, call.register?.pid, sink, streamId);
  else reregister(m, call.reregister!, info.id?.value ?? call.agent_id!.value, sink, streamId);
  return { streamId };
}

function newAgent(id: string, info: AgentInfo, version: string | undefined): AgentRecord {
  return {
    id,
    info: { ...info, id: { value: id } },
    total: Resources.from(info.resources ?? []),
    version: version ?? "",
    connected: false,
    active: true,
    registeredTime: Date.now(),
    tasks: new Map(),
    executors: new Map(),
    offers: new Set(),
    killedTasks: new Set(),
    missedPings: 0,
    heardSinceLastPing: true,
  };
}

function register(m: Master, info: AgentInfo, version: string | undefined, pid: string | undefined, sink: ObservableSink<AgentEvent>, streamId: string): void {
  // Master::registerSlave: a process registering again (it never saw REGISTERED, say, and
  // retried) is not a second agent. Its earlier registration goes, with whatever was
  // launched on it that the process never got, as Mesos removes "an old disconnected agent"
  // when "a new agent registered at the same address".
  const prior = pid === undefined ? undefined : m.agents.get(m.agentsByPid.get(pid) ?? "");
  if (prior) markUnreachable(m, prior, "a new agent registered at the same address", false);
  const a = newAgent(m.newAgentId(), info, version);
  if (pid !== undefined) {
    a.pid = pid;
    m.agentsByPid.set(pid, a.id);
  }
  m.agents.set(a.id, a);
  m.allocator.addAgent(a.id, a.info, a.total.toJSON(), new Map());
  m.allocatorAgents.add(a.id);
  m.counters.inc("master/slave_registrations");
  connect(m, a, sink, streamId);
  m.sendAgent(a, registered(m, a, "REGISTERED"));
  m.log.info("agent registered", { agent: a.id, hostname: info.hostname, resources: a.total.toString() });
}

function connect(m: Master, a: AgentRecord, sink: ObservableSink<AgentEvent>, streamId: string): void {
  const old = a.sink;
  a.sink = sink;
  a.streamId = streamId;
  a.connected = true;
  a.missedPings = 0;
  a.heardSinceLastPing = true;
  if (old && old !== sink && !old.closed) old.close("agent re-registered");
  clearTimeout(a.reregisterTimer);
  a.reregisterTimer = undefined;
  sink.onClose?.(() => agentExited(m, a, sink));
  clearInterval(a.pingTimer);
  a.pingTimer = setInterval(() => ping(m, a), m.agentPingTimeoutMs);
  a.pingTimer.unref?.();
}

/** One SlaveObserver round: count a silent interval, ping again. */
function ping(m: Master, a: AgentRecord): void {
  if (m.agents.get(a.id) !== a || !a.connected || !m.acting()) return;
  if (a.sink?.closed) {
    agentExited(m, a, a.sink);
    return;
  }
  if (a.heardSinceLastPing) a.missedPings = 0;
  else a.missedPings++;
  a.heardSinceLastPing = false;
  if (a.missedPings >= m.maxAgentPingTimeouts) {
    markUnreachable(m, a, "health check timed out");
    return;
  }
  m.sendAgent(a, { type: "HEARTBEAT" });
}

/** The agent's stream ended (Master::exited for an agent): disconnected, not yet unreachable. */
export function agentExited(m: Master, a: AgentRecord, sink: EventSink<AgentEvent>): void {
  if (a.sink !== sink || !a.connected || m.agents.get(a.id) !== a || m.isStopped) return;
  m.log.info("agent disconnected", { agent: a.id });
  a.connected = false;
  a.sink = undefined;
  clearInterval(a.pingTimer);
  a.pingTimer = undefined;
  deactivate(m, a);
  // Tasks of frameworks that do not checkpoint do not survive an agent disconnection.
  for (const fwId of [...new Set([...a.tasks.keys(), ...a.executors.keys()])]) {
    const fw = m.frameworks.get(fwId);
    if (fw && !fw.info.checkpoint) removeFrameworkFromAgent(m, a, fw);
  }
  a.reregisterTimer = setTimeout(() => {
    if (m.agents.get(a.id) === a && !a.connected && m.acting()) markUnreachable(m, a, `agent did not reregister within ${m.agentReregisterTimeoutMs}ms after disconnecting`);
  }, m.agentReregisterTimeoutMs);
  a.reregisterTimer.unref?.();
}

function deactivate(m: Master, a: AgentRecord): void {
  a.active = false;
  m.allocator.deactivateAgent(a.id);
  for (const oid of [...a.offers]) {
    const o = m.offers.get(oid);
    if (o) m.rescindOffer(o);
  }
}

function removeFrameworkFromAgent(m: Master, a: AgentRecord, fw: FrameworkRecord): void {
  for (const t of [...(a.tasks.get(fw.id)?.values() ?? [])]) {
    const status = masterStatus(t.info.task_id.value, "TASK_LOST", "REASON_AGENT_DISCONNECTED", `Agent ${a.info.hostname} disconnected`, { agentId: a.id, executorId: t.executorId });
    m.updateTask(t, status);
    m.removeTask(t);
    if (fw.connected) m.forward(fw, status);
  }
  removeExecutors(m, a, fw.id);
}

function removeExecutors(m: Master, a: AgentRecord, fwId: string): void {
  const execs = a.executors.get(fwId);
  if (!execs) return;
  for (const [eid, e] of execs) {
    m.frameworks.get(fwId)?.executors.get(a.id)?.delete(eid);
    if (e.resources?.length) m.recover(fwId, a.id, e.resources);
  }
  m.frameworks.get(fwId)?.executors.delete(a.id);
  a.executors.delete(fwId);
}

/**
 * Master::markUnreachable -> __removeSlave with an unreachable time. Also used for an
 * agent that unregisters (no unreachable time: TASK_GONE_BY_OPERATOR for partition-aware
 * frameworks, as __removeSlave does without one).
 */
export function markUnreachable(m: Master, a: AgentRecord, message: string, unreachable = true): void {
  if (m.agents.get(a.id) !== a) return;
  m.log.warn(unreachable ? "marking agent unreachable" : "removing agent", { agent: a.id, reason: message });
  m.counters.inc("master/slave_removals");
  m.counters.inc(unreachable ? "master/slave_removals_reason_unhealthy" : "master/slave_removals_reason_unregistered");
  const time = Date.now();
  if (m.allocatorAgents.delete(a.id)) m.allocator.removeAgent(a.id);
  for (const [fwId, tasks] of [...a.tasks]) {
    const pa = m.partitionAware(fwId);
    const fw = m.frameworks.get(fwId);
    for (const t of [...tasks.values()]) {
      const state = !pa ? "TASK_LOST" : unreachable ? "TASK_UNREACHABLE" : "TASK_GONE_BY_OPERATOR";
      const reason = pa && !unreachable ? "REASON_AGENT_REMOVED_BY_OPERATOR" : "REASON_AGENT_REMOVED";
      const status = masterStatus(t.info.task_id.value, state, reason, message, { agentId: a.id, executorId: t.executorId, unreachableTime: unreachable ? time : undefined });
      m.updateTask(t, status);
      if (unreachable) t.unreachableTime = time;
      m.removeTask(t, unreachable);
      if (fw?.connected) m.forward(fw, status);
    }
  }
  for (const fwId of [...a.executors.keys()]) removeExecutors(m, a, fwId);
  for (const oid of [...a.offers]) {
    const o = m.offers.get(oid);
    if (o) m.rescindOffer(o);
  }
  clearInterval(a.pingTimer);
  clearTimeout(a.reregisterTimer);
  const sink = a.sink;
  a.sink = undefined;
  a.connected = false;
  a.active = false;
  m.agents.delete(a.id);
  if (a.pid !== undefined && m.agentsByPid.get(a.pid) === a.id) m.agentsByPid.delete(a.pid);
  if (sink && !sink.closed) {
    sink.send({ type: "ERROR", error: { message: unreachable ? `Agent marked unreachable: ${message}` : message } });
    sink.close(message);
  }
  if (unreachable) {
    const entry = { info: a.info, time, removalTimer: undefined as NodeJS.Timeout | undefined };
    entry.removalTimer = setTimeout(() => forgetUnreachable(m, a.id), Math.min(m.agentRemovalTimeoutMs, 2 ** 31 - 1));
    entry.removalTimer.unref?.();
    m.unreachableAgents.set(a.id, entry);
  }
  // sendSlaveLost: every framework hears that the agent is gone.
  for (const fw of m.frameworks.values()) m.sendFramework(fw, { type: "FAILURE", failure: { agent_id: { value: a.id } } });
}

/** Registry GC of an unreachable agent: its unreachable tasks are forgotten (no updates). */
function forgetUnreachable(m: Master, agentId: string): void {
  if (!m.unreachableAgents.delete(agentId)) return;
  m.log.info("forgetting unreachable agent", { agent: agentId });
  for (const fw of m.frameworks.values()) {
    for (const [id, t] of fw.unreachableTasks) if (t.agentId === agentId) fw.unreachableTasks.delete(id);
  }
}

// ---- re-registration ---------------------------------------------------------------------

type Reregister = NonNullable<AgentCall["reregister"]>;

function reregister(m: Master, body: Reregister, id: string, sink: ObservableSink<AgentEvent>, streamId: string): void {
  const info: AgentInfo = { ...body.agent_info, id: { value: id } };
  m.counters.inc("master/slave_reregistrations");
  const known = m.agents.get(id);
  const recovered = m.recoveredAgents.has(id);
  if (known) reregisterKnown(m, known, body, info, sink, streamId);
  else reregisterUnknown(m, body, id, info, sink, streamId);
  if (recovered) recoveredAgentReregistered(m, id);
  const a = m.agents.get(id)!;
  // Frameworks the master already removed are shut down on the agent.
  const completed = new Set<string>();
  for (const t of body.tasks ?? []) if (m.completedFrameworks.has(t.framework_id.value)) completed.add(t.framework_id.value);
  for (const f of body.frameworks ?? []) if (f.id && m.completedFrameworks.has(f.id.value)) completed.add(f.id.value);
  for (const fwId of completed) m.sendAgent(a, { type: "SHUTDOWN_FRAMEWORK", shutdown_framework: { framework_id: { value: fwId } } });
  m.log.info("agent re-registered", { agent: id, hostname: info.hostname, tasks: body.tasks?.length ?? 0 });
}

/** ___reregisterSlave + reconcileKnownSlave: the agent was registered (maybe disconnected). */
function reregisterKnown(m: Master, a: AgentRecord, body: Reregister, info: AgentInfo, sink: ObservableSink<AgentEvent>, streamId: string): void {
  const resourcesChanged = JSON.stringify(a.info.resources) !== JSON.stringify(info.resources);
  a.info = info;
  a.version = body.version ?? a.version;
  a.reregisteredTime = Date.now();
  if (resourcesChanged) {
    a.total = Resources.from(info.resources ?? []);
    m.allocator.updateAgent(a.id, info, a.total.toJSON());
  }
  const wasConnected = a.connected;
  connect(m, a, sink, streamId);
  m.sendAgent(a, registered(m, a, "REREGISTERED"));

  // Tasks the master knows there but the agent does not report: the agent would answer the
  // master's reconciliation with TASK_DROPPED (partition-aware) or TASK_LOST; berth's agent
  // link has no such request, so the master sends that update itself.
  const reported = new Set((body.tasks ?? []).map((t) => `${t.framework_id.value}/${t.task.task_id.value}`));
  for (const [fwId, tasks] of [...a.tasks]) {
    const fw = m.frameworks.get(fwId);
    for (const t of [...tasks.values()]) {
      if (reported.has(`${fwId}/${t.info.task_id.value}`)) continue;
      if (!isTerminal(t.state)) {
        const status = masterStatus(t.info.task_id.value, m.partitionAware(fwId) ? "TASK_DROPPED" : "TASK_LOST", "REASON_RECONCILIATION", "Reconciliation: task unknown to the agent", { agentId: a.id, executorId: t.executorId });
        m.updateTask(t, status);
        if (fw?.connected) m.forward(fw, status);
      }
      m.removeTask(t);
    }
  }
  // Kills that could not be delivered while it was away.
  for (const t of body.tasks ?? []) {
    if (!isTerminal(t.state) && a.killedTasks.has(`${t.framework_id.value}/${t.task.task_id.value}`)) {
      m.sendAgent(a, { type: "KILL_TASK", kill_task: { framework_id: t.framework_id, task_id: t.task.task_id } });
    }
  }
  if (!wasConnected || !a.active) {
    a.active = true;
    m.allocator.activateAgent(a.id);
  }
}

/** __reregisterSlave: an unreachable (or, after a master failover, unknown) agent comes back with its tasks. */
function reregisterUnknown(m: Master, body: Reregister, id: string, info: AgentInfo, sink: ObservableSink<AgentEvent>, streamId: string): void {
  const wasUnreachable = m.unreachableAgents.has(id);
  // An agent the predecessor had (master failover): frameworks learn its tasks by reconciling, as in Mesos.
  const wasRecovered = m.recoveredAgents.has(id);
  const entry = m.unreachableAgents.get(id);
  clearTimeout(entry?.removalTimer);
  m.unreachableAgents.delete(id);
  const a = newAgent(id, info, body.version);
  a.reregisteredTime = Date.now();
  // Dynamic reservations live in the master's view of the agent (its total), which the
  // predecessor persisted: kept unless the agent now reports different static resources.
  const rec = m.recoveredAgents.get(id);
  if (rec?.total && JSON.stringify(rec.info.resources ?? []) === JSON.stringify(info.resources ?? [])) a.total = Resources.from(rec.total);
  m.agents.set(id, a);

  const infos = new Map<string, FrameworkInfo>();
  for (const f of body.frameworks ?? []) if (f.id) infos.set(f.id.value, f);
  const used = new Map<string, Resource[]>();
  const adopted: { fw: FrameworkRecord; t: TaskRecord }[] = [];
  for (const reported of body.tasks ?? []) {
    const fwId = reported.framework_id.value;
    if (m.completedFrameworks.has(fwId)) continue;
    const fw = m.frameworks.get(fwId) ?? m.recoverFramework(infos.get(fwId) ?? { user: "", name: "", id: { value: fwId } });
    const t = adopt(m, a, fw, reported);
    adopted.push({ fw, t });
    if (!isTerminal(t.state)) used.set(fwId, [...(used.get(fwId) ?? []), ...t.resources]);
  }
  for (const [fwId, execs] of a.executors) for (const e of execs.values()) used.set(fwId, [...(used.get(fwId) ?? []), ...(e.resources ?? [])]);
  // Unreachable tasks of this agent that it no longer runs are dropped silently, as Mesos does.
  for (const fw of m.frameworks.values()) {
    for (const [tid, t] of fw.unreachableTasks) if (t.agentId === id) fw.unreachableTasks.delete(tid);
  }
  m.allocator.addAgent(id, a.info, a.total.toJSON(), used);
  m.allocatorAgents.add(id);
  connect(m, a, sink, streamId);
  m.sendAgent(a, registered(m, a, "REREGISTERED"));
  const message = wasUnreachable ? "Unreachable agent re-reregistered" : "Unknown agent reregistered";
  for (const { fw, t } of adopted) {
    if (!fw.connected || wasRecovered) continue;
    m.forward(fw, masterStatus(t.info.task_id.value, t.state, "REASON_AGENT_REREGISTERED", message, { agentId: id, executorId: t.executorId, from: t }));
  }
}

function adopt(m: Master, a: AgentRecord, fw: FrameworkRecord, reported: AgentTask): TaskRecord {
  const taskId = reported.task.task_id.value;
  fw.unreachableTasks.delete(taskId);
  fw.completedTasks = fw.completedTasks.filter((t) => t.info.task_id.value !== taskId);
  // Resources of an agent that is not MULTI_ROLE-aware lack allocation_info: the framework's role.
  const role = frameworkRoles(fw.info)[0] ?? "*";
  const resources = (reported.task.resources ?? []).map((r) => (r.allocation_info ? r : { ...r, allocation_info: { role } }));
  const executorId = reported.executor_id?.value ?? reported.task.executor?.executor_id.value;
  const t: TaskRecord = {
    frameworkId: fw.id,
    agentId: a.id,
    info: { ...reported.task, agent_id: { value: a.id }, resources },
    ...(executorId !== undefined ? { executorId } : {}),
    resources,
    state: reported.state,
    statuses: reported.status ? [reported.status] : [],
  };
  m.addTask(t);
  if (reported.task.executor && executorId !== undefined && !isTerminal(t.state)) {
    let execs = a.executors.get(fw.id);
    if (!execs) a.executors.set(fw.id, (execs = new Map()));
    execs.set(executorId, reported.task.executor);
    let ofFw = fw.executors.get(a.id);
    if (!ofFw) fw.executors.set(a.id, (ofFw = new Map()));
    ofFw.set(executorId, reported.task.executor);
  }
  return t;
}

// ---- calls -------------------------------------------------------------------------------

export async function agentCall(m: Master, streamId: string | undefined, call: AgentCall): Promise<void> {
  m.checkLeader();
  if (!call?.type) throw new MesosApiError(400, "Expecting 'type' to be present");
  if (call.type === "REGISTER" || call.type === "REREGISTER") throw new MesosApiError(400, "REGISTER and REREGISTER open the event stream: they should not include the 'Mesos-Stream-Id' header");
  if (!call.agent_id?.value) throw new MesosApiError(400, "Expecting 'agent_id' to be present");
  const a = m.agents.get(call.agent_id.value);
  if (!a) throw new MesosApiError(403, `Agent ${call.agent_id.value} is not registered`);
  if (!streamId) throw new MesosApiError(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
  if (streamId !== a.streamId) throw new MesosApiError(400, `The stream ID '${streamId}' included in this request didn't match the stream ID currently associated with agent ID ${a.id}`);
  a.heardSinceLastPing = true;
  switch (call.type) {
    case "HEARTBEAT":
      return;
    case "UPDATE":
      if (!call.update?.status || !call.update.framework_id) throw new MesosApiError(400, "Expecting 'update' to be present");
      statusUpdate(m, a, call.update.framework_id.value, call.update.status);
      return;
    case "FRAMEWORK_MESSAGE": {
      const msg = call.framework_message;
      if (!msg) throw new MesosApiError(400, "Expecting 'framework_message' to be present");
      const fw = m.frameworks.get(msg.framework_id.value);
      if (!fw || !fw.connected) {
        m.counters.inc("master/invalid_executor_to_framework_messages");
        return;
      }
      m.counters.inc("master/valid_executor_to_framework_messages");
      m.sendFramework(fw, { type: "MESSAGE", message: { agent_id: { value: a.id }, executor_id: msg.executor_id, data: msg.data } });
      return;
    }
    case "UNREGISTER":
      markUnreachable(m, a, "Agent unregistered", false);
      return;
    default:
      throw new MesosApiError(400, `Unsupported agent call type ${String(call.type)}`);
  }
}

/** Master::statusUpdate: record, forward (or keep for a disconnected framework). */
function statusUpdate(m: Master, a: AgentRecord, fwId: string, raw: TaskStatus): void {
  m.counters.inc("master/messages_status_update");
  if (!isUuidBytes(raw.uuid)) {
    m.counters.inc("master/invalid_status_updates");
    throw new MesosApiError(400, "Not a valid UUID");
  }
  const status: TaskStatus = { ...raw, agent_id: raw.agent_id ?? { value: a.id }, source: raw.source ?? "SOURCE_AGENT" };
  const fw = m.frameworks.get(fwId);
  const t = a.tasks.get(fwId)?.get(status.task_id.value);
  let valid = true;
  if (fw?.connected) {
    m.forward(fw, status);
  } else {
    valid = false;
    if (fw && t) t.unforwarded = status;
    else if (!fw && m.completedFrameworks.has(fwId)) {
      // Nobody will acknowledge updates of a removed framework; the agent would retry forever.
      m.sendAgent(a, { type: "ACKNOWLEDGE", acknowledge: { framework_id: { value: fwId }, task_id: status.task_id, uuid: status.uuid! } });
    }
  }
  if (!t) {
    m.counters.inc("master/invalid_status_updates");
    return;
  }
  m.updateTask(t, status);
  m.counters.inc(valid ? "master/valid_status_updates" : "master/invalid_status_updates");
}

