/**
 * What a master persists for its successor (HA mode), and how a new leader takes it up
 * (Mesos' registry plus what Master::recover and _reconcileTasks do with it).
 *
 * Persisted, one record per key: agents (AgentInfo with resources and reservations,
 * registration time), unreachable agents, frameworks (FrameworkInfo with id and
 * failover_timeout; removed ones as tombstones so they cannot come back), active and
 * unreachable tasks (id, agent, framework, resources, latest state), operator weights and
 * quotas. Offers are not: a new leader makes new ones.
 *
 * A new leader: agents become "recovered" (Mesos' slaves.recovered) until they re-register
 * with their running tasks -- which is when their allocations are recovered, from what the
 * agent reports, so nothing is counted twice or launched again -- or until
 * agentReregisterTimeoutMs, when they are marked unreachable and their tasks become
 * TASK_UNREACHABLE (PARTITION_AWARE) or TASK_LOST. Frameworks are disconnected (inactive,
 * no offers) until they re-subscribe with their id, and removed after their
 * failover_timeout (at least agentReregisterTimeoutMs) otherwise. Their tasks answer reconciliation with the persisted state.
 */
import type { AgentInfo, FrameworkInfo, Resource, TaskInfo, TaskState, TaskStatus } from "../mesos/v1.js";
import type { Master } from "./master.js";
import type { FrameworkRecord, TaskRecord, UnreachableAgent } from "./state.js";
import { applyUpdate, isTerminal, masterStatus } from "./updates.js";

export interface RecoveredAgent {
  readonly info: AgentInfo;
  /** The master's view of its resources, dynamic reservations included. */
  readonly total?: readonly Resource[];
  readonly registeredTime: number;
  timer?: NodeJS.Timeout;
}

interface AgentDoc {
  readonly id: string;
  readonly info: AgentInfo;
  readonly total?: readonly Resource[];
  readonly registeredTime: number;
}
interface UnreachableDoc {
  readonly id: string;
  readonly info: AgentInfo;
  readonly time: number;
}
interface FrameworkDoc {
  readonly id: string;
  readonly info: FrameworkInfo;
  readonly registeredTime: number;
  readonly completed?: boolean;
}
interface TaskDoc {
  readonly frameworkId: string;
  readonly agentId: string;
  readonly info: TaskInfo;
  readonly executorId?: string;
  readonly resources: readonly Resource[];
  readonly state: TaskState;
  readonly status?: TaskStatus;
  readonly unreachableTime?: number;
}
interface ConfigDoc {
  readonly weights: [string, number][];
  readonly quotas: { role: string; guarantees?: Record<string, { value: number }>; limits?: Record<string, { value: number }> }[];
}

/** KV keys allow [-/_=.a-zA-Z0-9]: ids go in base64url. */
const enc = (s: string) => Buffer.from(s, "utf8").toString("base64url");

function taskDoc(t: TaskRecord): TaskDoc {
  const status = t.statuses[t.statuses.length - 1];
  return {
    frameworkId: t.frameworkId,
    agentId: t.agentId,
    info: t.info,
    ...(t.executorId !== undefined ? { executorId: t.executorId } : {}),
    resources: t.resources,
    state: t.state,
    ...(status ? { status } : {}),
    ...(t.unreachableTime !== undefined ? { unreachableTime: t.unreachableTime } : {}),
  };
}

/**
 * Serialized records, kept by the record object and redone only when what is persisted of
 * it changed (a task's state, latest status and unreachable time; an agent's info and
 * total, which are replaced, never mutated; a framework's info, likewise), so a snapshot
 * of a large master costs a walk over its maps, not a serialization of everything.
 */
export class SnapshotCache {
  private readonly tasks = new WeakMap<TaskRecord, { key: string; state: TaskState; last: TaskStatus | undefined; unreachableTime: number | undefined; json: string }>();
  private readonly agents = new WeakMap<object, { key: string; info: AgentInfo; total: unknown; json: string }>();
  private readonly frameworks = new WeakMap<FrameworkRecord, { key: string; info: FrameworkInfo; completed: boolean; json: string }>();
  private readonly unreachable = new WeakMap<object, { key: string; json: string }>();

  task(t: TaskRecord): [string, string] {
    const last = t.statuses[t.statuses.length - 1];
    let c = this.tasks.get(t);
    if (!c || c.state !== t.state || c.last !== last || c.unreachableTime !== t.unreachableTime) {
      c = { key: c?.key ?? `tasks.${enc(t.frameworkId)}.${enc(t.info.task_id.value)}`, state: t.state, last, unreachableTime: t.unreachableTime, json: JSON.stringify(taskDoc(t)) };
      this.tasks.set(t, c);
    }
    return [c.key, c.json];
  }

  agent(holder: object, id: string, info: AgentInfo, total: unknown, doc: () => AgentDoc): [string, string] {
    let c = this.agents.get(holder);
    if (!c || c.info !== info || c.total !== total) {
      c = { key: `agents.${enc(id)}`, info, total, json: JSON.stringify(doc()) };
      this.agents.set(holder, c);
    }
    return [c.key, c.json];
  }

  framework(fw: FrameworkRecord, completed: boolean): [string, string] {
    let c = this.frameworks.get(fw);
    if (!c || c.info !== fw.info || c.completed !== completed) {
      const doc: FrameworkDoc = { id: fw.id, info: fw.info, registeredTime: fw.registeredTime, ...(completed ? { completed: true } : {}) };
      c = { key: `frameworks.${enc(fw.id)}`, info: fw.info, completed, json: JSON.stringify(doc) };
      this.frameworks.set(fw, c);
    }
    return [c.key, c.json];
  }

  unreachableAgent(entry: UnreachableAgent, id: string): [string, string] {
    let c = this.unreachable.get(entry);
    if (!c) {
      c = { key: `unreachable.${enc(id)}`, json: JSON.stringify({ id, info: entry.info, time: entry.time } satisfies UnreachableDoc) };
      this.unreachable.set(entry, c);
    }
    return [c.key, c.json];
  }
}

/** The master's persisted state as key -> JSON text (what the registrar writes). */
export function snapshot(m: Master, cache = new SnapshotCache()): Map<string, string> {
  const out = new Map<string, string>();
  const add = ([k, v]: [string, string]) => out.set(k, v);
  for (const a of m.agents.values()) add(cache.agent(a, a.id, a.info, a.total, () => ({ id: a.id, info: a.info, total: a.total.toJSON(), registeredTime: a.registeredTime })));
  for (const [id, r] of m.recoveredAgents) add(cache.agent(r, id, r.info, r.total, () => ({ id, info: r.info, ...(r.total ? { total: r.total } : {}), registeredTime: r.registeredTime })));
  for (const [id, u] of m.unreachableAgents) add(cache.unreachableAgent(u, id));
  for (const fw of m.frameworks.values()) {
    add(cache.framework(fw, false));
    for (const t of fw.tasks.values()) add(cache.task(t));
    for (const t of fw.unreachableTasks.values()) add(cache.task(t));
  }
  for (const fw of m.completedFrameworks.values()) add(cache.framework(fw, true));
  out.set("config", JSON.stringify({ weights: [...m.weights], quotas: [...m.quotas.values()] } satisfies ConfigDoc));
  return out;
}

function scalars(s: Record<string, { value: number }> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(s ?? {})) out[k] = v.value;
  return out;
}

/** Take up a predecessor's state (a fresh master, before it serves anything). */
export function restore(m: Master, records: ReadonlyMap<string, string>): { agents: number; frameworks: number; tasks: number } {
  const docs = <T>(prefix: string) => [...records].filter(([k]) => k.startsWith(prefix)).map(([, v]) => JSON.parse(v) as T);
  const cfg = records.get("config");
  if (cfg) {
    const c = JSON.parse(cfg) as ConfigDoc;
    for (const [r, w] of c.weights) m.weights.set(r, w);
    if (c.weights.length) m.allocator.updateWeights(Object.fromEntries(c.weights));
    for (const q of c.quotas) {
      m.quotas.set(q.role, q);
      m.allocator.updateQuota(q.role, { guarantees: scalars(q.guarantees), limits: scalars(q.limits) });
    }
  }
  let frameworks = 0;
  for (const f of docs<FrameworkDoc>("frameworks.")) {
    const fw = m.newFramework(f.id, f.info, false);
    fw.registeredTime = f.registeredTime;
    if (f.completed) {
      fw.unregisteredTime = Date.now();
      m.completedFrameworks.set(f.id, fw);
      continue;
    }
    fw.active = false;
    m.frameworks.set(f.id, fw);
    m.allocator.addFramework(f.id, f.info, new Map(), false);
    m.allocatorFrameworks.add(f.id);
    // Disconnected: it has failover_timeout (from now) to re-subscribe, and never less than
    // agents get to re-register -- the master failed over, not the framework, and Mesos'
    // default failover_timeout of 0 must not cost a framework its tasks.
    m.startFailoverTimer(fw, m.agentReregisterTimeoutMs);
    frameworks++;
  }
  for (const a of docs<AgentDoc>("agents.")) {
    const r: RecoveredAgent = { info: a.info, ...(a.total ? { total: a.total } : {}), registeredTime: a.registeredTime };
    r.timer = setTimeout(() => recoveredAgentTimedOut(m, a.id), Math.min(m.agentReregisterTimeoutMs, 2 ** 31 - 1));
    r.timer.unref?.();
    m.recoveredAgents.set(a.id, r);
  }
  for (const u of docs<UnreachableDoc>("unreachable.")) {
    const entry = { info: u.info, time: u.time, removalTimer: undefined as NodeJS.Timeout | undefined };
    m.unreachableAgents.set(u.id, entry);
    entry.removalTimer = setTimeout(() => m.unreachableAgents.get(u.id) === entry && m.unreachableAgents.delete(u.id), Math.min(Math.max(0, u.time + m.agentRemovalTimeoutMs - Date.now()), 2 ** 31 - 1));
    entry.removalTimer.unref?.();
  }
  let tasks = 0;
  for (const d of docs<TaskDoc>("tasks.")) {
    const fw = m.frameworks.get(d.frameworkId) ?? m.recoverFramework({ user: "", name: "", id: { value: d.frameworkId } });
    const t: TaskRecord = {
      frameworkId: d.frameworkId,
      agentId: d.agentId,
      info: d.info,
      ...(d.executorId !== undefined ? { executorId: d.executorId } : {}),
      resources: d.resources,
      state: d.state,
      statuses: d.status ? [d.status] : [],
      ...(d.unreachableTime !== undefined ? { unreachableTime: d.unreachableTime } : {}),
    };
    // Not in any agent's index (none is registered yet), so nothing reaches the allocator.
    if (d.state === "TASK_UNREACHABLE") fw.unreachableTasks.set(t.info.task_id.value, t);
    else fw.tasks.set(t.info.task_id.value, t);
    tasks++;
  }
  m.log.info("recovered master state", { agents: m.recoveredAgents.size, unreachable_agents: m.unreachableAgents.size, frameworks, tasks });
  return { agents: m.recoveredAgents.size, frameworks, tasks };
}

/** Persisted tasks of this agent that are not in any agent index yet (no allocation behind them). */
function orphanTasks(m: Master, agentId: string): { fw: FrameworkRecord; t: TaskRecord }[] {
  const out: { fw: FrameworkRecord; t: TaskRecord }[] = [];
  for (const fw of m.frameworks.values()) {
    for (const t of fw.tasks.values()) {
      if (t.agentId === agentId && m.agents.get(agentId)?.tasks.get(fw.id)?.get(t.info.task_id.value) !== t) out.push({ fw, t });
    }
  }
  return out;
}

/** The task ended without the allocator ever counting it: record, tell the framework, retire. */
function retireOrphan(m: Master, fw: FrameworkRecord, t: TaskRecord, status: TaskStatus, unreachable: boolean): void {
  applyUpdate(t, status);
  fw.tasks.delete(t.info.task_id.value);
  if (unreachable) {
    t.unreachableTime = Date.now();
    fw.unreachableTasks.set(t.info.task_id.value, t);
  } else {
    m.addCompletedTask(fw, t);
  }
  if (fw.connected) m.forward(fw, status);
}

/**
 * A recovered agent re-registered (reregisterUnknown has adopted the tasks it reports):
 * persisted tasks of it that it did not report are gone (Mesos: the agent answers the
 * master's reconciliation with TASK_DROPPED / TASK_LOST).
 */
export function recoveredAgentReregistered(m: Master, agentId: string): void {
  const r = m.recoveredAgents.get(agentId);
  if (!r) return;
  clearTimeout(r.timer);
  m.recoveredAgents.delete(agentId);
  for (const { fw, t } of orphanTasks(m, agentId)) {
    if (isTerminal(t.state)) {
      fw.tasks.delete(t.info.task_id.value);
      m.addCompletedTask(fw, t);
      continue;
    }
    const status = masterStatus(t.info.task_id.value, m.partitionAware(fw.id) ? "TASK_DROPPED" : "TASK_LOST", "REASON_RECONCILIATION", "Reconciliation: task unknown to the agent after master failover", { agentId, executorId: t.executorId });
    retireOrphan(m, fw, t, status, false);
  }
}

/** agent_reregister_timeout passed after failover without the agent: unreachable (Mesos' recoveredSlavesTimeout). */
function recoveredAgentTimedOut(m: Master, agentId: string): void {
  const r = m.recoveredAgents.get(agentId);
  if (!r || m.agents.has(agentId) || !m.acting()) return;
  m.recoveredAgents.delete(agentId);
  m.log.warn("recovered agent did not re-register; marking it unreachable", { agent: agentId, timeout_ms: m.agentReregisterTimeoutMs });
  m.counters.inc("master/recovery_slave_removals");
  const time = Date.now();
  const entry = { info: r.info, time, removalTimer: undefined as NodeJS.Timeout | undefined };
  entry.removalTimer = setTimeout(() => m.unreachableAgents.get(agentId) === entry && m.unreachableAgents.delete(agentId), Math.min(m.agentRemovalTimeoutMs, 2 ** 31 - 1));
  entry.removalTimer.unref?.();
  m.unreachableAgents.set(agentId, entry);
  const message = `Agent did not re-register within ${m.agentReregisterTimeoutMs}ms after master failover`;
  for (const { fw, t } of orphanTasks(m, agentId)) {
    if (isTerminal(t.state)) continue;
    const pa = m.partitionAware(fw.id);
    const status = masterStatus(t.info.task_id.value, pa ? "TASK_UNREACHABLE" : "TASK_LOST", "REASON_AGENT_REMOVED", message, { agentId, executorId: t.executorId, unreachableTime: pa ? time : undefined });
    retireOrphan(m, fw, t, status, pa);
  }
  for (const fw of m.frameworks.values()) m.sendFramework(fw, { type: "FAILURE", failure: { agent_id: { value: agentId } } });
}
