/**
 * Read-only views of the master for operators, in Mesos' shapes: the /state family of
 * JSON endpoints (src/master/readonly_handler.cpp, src/common/http.cpp model()) and the v1
 * operator API responses (include/mesos/v1/master/master.proto).
 */
import { Resources, coalesceRanges } from "../mesos/resources.js";
import type { Attribute, Resource, TaskStatus } from "../mesos/v1.js";
import { MASTER_VERSION, type Master } from "./master.js";
import type { AgentRecord, FrameworkRecord, TaskRecord } from "./state.js";
import { isTerminal } from "./updates.js";
import { frameworkRoles } from "./validation.js";

const secs = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);
const timeInfo = (ms: number | undefined) => (ms === undefined ? undefined : { nanoseconds: Math.round(ms * 1e6) });

/** model(Resources): name -> quantity ("[a-b, c-d]" for ranges, "{x, y}" for sets); cpus/gpus/mem/disk always present. */
export function resourcesModel(list: readonly Resource[] | Resources): Record<string, number | string> {
  const out: Record<string, number | string> = { cpus: 0, gpus: 0, mem: 0, disk: 0 };
  const ranges = new Map<string, { begin: number; end: number }[]>();
  const sets = new Map<string, string[]>();
  for (const r of Resources.from(list)) {
    const name = r.name + ((r as { revocable?: unknown }).revocable ? "_revocable" : "");
    if (r.type === "SCALAR") out[name] = Math.round(((out[name] as number | undefined ?? 0) + (r.scalar?.value ?? 0)) * 1000) / 1000;
    else if (r.type === "RANGES") ranges.set(name, [...(ranges.get(name) ?? []), ...(r.ranges?.range ?? [])]);
    else if (r.type === "SET") sets.set(name, [...(sets.get(name) ?? []), ...(r.set?.item ?? [])]);
  }
  for (const [n, rs] of ranges) out[n] = `[${coalesceRanges(rs).map((x) => `${x.begin}-${x.end}`).join(", ")}]`;
  for (const [n, items] of sets) out[n] = `{${[...new Set(items)].join(", ")}}`;
  return out;
}

function attributesModel(attrs: readonly Attribute[] | undefined): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const a of attrs ?? []) {
    if (a.type === "SCALAR") out[a.name] = a.scalar?.value ?? 0;
    else if (a.type === "RANGES") out[a.name] = `[${(a.ranges?.range ?? []).map((x) => `${x.begin}-${x.end}`).join(", ")}]`;
    else if (a.type === "SET") out[a.name] = `{${(a.set?.item ?? []).join(", ")}}`;
    else out[a.name] = a.text?.value ?? "";
  }
  return out;
}

/** Resources a framework holds on agents (tasks not yet terminal, and executors). */
function usedBy(m: Master, filter: { agent?: string; framework?: string }): Resources {
  let used = Resources.EMPTY;
  for (const a of m.agents.values()) {
    if (filter.agent && a.id !== filter.agent) continue;
    for (const [fwId, tasks] of a.tasks) {
      if (filter.framework && fwId !== filter.framework) continue;
      for (const t of tasks.values()) if (!isTerminal(t.state) && t.state !== "TASK_UNREACHABLE") used = used.add(t.resources);
    }
    for (const [fwId, execs] of a.executors) {
      if (filter.framework && fwId !== filter.framework) continue;
      for (const e of execs.values()) used = used.add(e.resources ?? []);
    }
  }
  return used;
}

function offeredBy(m: Master, filter: { agent?: string; framework?: string }): Resources {
  let offered = Resources.EMPTY;
  for (const o of m.offers.values()) {
    if (filter.agent && o.agentId !== filter.agent) continue;
    if (filter.framework && o.frameworkId !== filter.framework) continue;
    offered = offered.add(o.offer.resources);
  }
  return offered;
}

function statusJson(s: TaskStatus): Record<string, unknown> {
  return {
    state: s.state,
    timestamp: s.timestamp,
    ...(s.labels ? { labels: s.labels.labels } : {}),
    ...(s.healthy !== undefined ? { healthy: s.healthy } : {}),
    ...(s.container_status ? { container_status: s.container_status } : {}),
  };
}

/** json(Task) of src/common/http.cpp. */
export function taskJson(t: TaskRecord): Record<string, unknown> {
  return {
    id: t.info.task_id.value,
    name: t.info.name,
    framework_id: t.frameworkId,
    executor_id: t.executorId ?? "",
    slave_id: t.agentId,
    state: t.state,
    resources: resourcesModel(t.resources),
    role: t.resources[0]?.allocation_info?.role ?? "*",
    statuses: t.statuses.map(statusJson),
    ...(t.info.labels ? { labels: t.info.labels.labels } : {}),
    ...(t.info.container ? { container: t.info.container } : {}),
    ...(t.info.health_check ? { health_check: t.info.health_check } : {}),
  };
}

function frameworkJson(m: Master, fw: FrameworkRecord): Record<string, unknown> {
  const used = usedBy(m, { framework: fw.id });
  const offered = offeredBy(m, { framework: fw.id });
  const multi = (fw.info.capabilities ?? []).some((c) => c.type === "MULTI_ROLE");
  return {
    id: fw.id,
    name: fw.info.name,
    used_resources: resourcesModel(used),
    offered_resources: resourcesModel(offered),
    capabilities: (fw.info.capabilities ?? []).map((c) => c.type),
    hostname: fw.info.hostname ?? "",
    webui_url: fw.info.webui_url ?? "",
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
    user: fw.info.user,
    failover_timeout: fw.info.failover_timeout ?? 0,
    checkpoint: fw.info.checkpoint ?? false,
    registered_time: secs(fw.registeredTime),
    unregistered_time: secs(fw.unregisteredTime) ?? 0,
    ...(fw.info.principal !== undefined ? { principal: fw.info.principal } : {}),
    resources: resourcesModel(used.add(offered)),
    ...(fw.reregisteredTime !== undefined ? { reregistered_time: secs(fw.reregisteredTime) } : {}),
    ...(multi ? { roles: fw.info.roles ?? [] } : { role: fw.info.role ?? "*" }),
    tasks: [...fw.tasks.values()].map(taskJson),
    unreachable_tasks: [...fw.unreachableTasks.values()].map(taskJson),
    completed_tasks: fw.completedTasks.map(taskJson),
    offers: [...fw.offers].flatMap((id) => {
      const o = m.offers.get(id);
      return o ? [{ id, framework_id: fw.id, allocation_info: { role: o.role }, slave_id: o.agentId, resources: resourcesModel(o.offer.resources) }] : [];
    }),
    executors: [...fw.executors].flatMap(([agentId, execs]) =>
      [...execs.values()].map((e) => ({ executor_id: e.executor_id.value, name: e.name ?? "", framework_id: fw.id, command: e.command ?? {}, resources: resourcesModel(e.resources ?? []), role: e.resources?.[0]?.allocation_info?.role ?? frameworkRoles(fw.info)[0], slave_id: agentId, ...(e.type ? { type: e.type } : {}) })),
    ),
    ...(fw.info.labels ? { labels: fw.info.labels.labels } : {}),
  };
}

function reservedByRole(total: Resources): { model: Record<string, unknown>; full: Record<string, Resource[]> } {
  const byRole = new Map<string, Resource[]>();
  for (const r of total.reserved()) {
    const role = r.reservations![r.reservations!.length - 1]!.role;
    byRole.set(role, [...(byRole.get(role) ?? []), r]);
  }
  const model: Record<string, unknown> = {};
  const full: Record<string, Resource[]> = {};
  for (const [role, list] of byRole) {
    model[role] = resourcesModel(list);
    full[role] = list;
  }
  return { model, full };
}

function agentPid(a: AgentRecord): string {
  return `slave(1)@${a.info.hostname}:${a.info.port ?? 5051}`;
}

function agentJson(m: Master, a: AgentRecord): Record<string, unknown> {
  const used = usedBy(m, { agent: a.id });
  const offered = offeredBy(m, { agent: a.id });
  const reserved = reservedByRole(a.total);
  return {
    id: a.id,
    hostname: a.info.hostname,
    port: a.info.port ?? 5051,
    attributes: attributesModel(a.info.attributes),
    ...(a.info.domain ? { domain: a.info.domain } : {}),
    pid: agentPid(a),
    registered_time: secs(a.registeredTime),
    ...(a.reregisteredTime !== undefined ? { reregistered_time: secs(a.reregisteredTime) } : {}),
    resources: resourcesModel(a.total),
    used_resources: resourcesModel(used),
    offered_resources: resourcesModel(offered),
    reserved_resources: reserved.model,
    unreserved_resources: resourcesModel(a.total.unreserved()),
    active: a.active,
    deactivated: false,
    version: a.version,
    capabilities: ["MULTI_ROLE", "HIERARCHICAL_ROLE", "RESERVATION_REFINEMENT"],
    reserved_resources_full: reserved.full,
    unreserved_resources_full: a.total.unreserved().toJSON(),
    used_resources_full: used.toJSON(),
    offered_resources_full: offered.toJSON(),
  };
}

function masterPid(m: Master): string {
  return `master@127.0.0.1:${m.port}`;
}

/** GET /state. */
export function stateJson(m: Master): Record<string, unknown> {
  const agents = [...m.agents.values()];
  return {
    version: MASTER_VERSION,
    build_date: "",
    build_time: secs(m.startTime),
    build_user: "berth",
    start_time: secs(m.startTime),
    elected_time: secs(m.startTime),
    id: m.id,
    pid: masterPid(m),
    hostname: m.hostname,
    capabilities: ["AGENT_UPDATE", "AGENT_DRAINING", "QUOTA_V2"],
    activated_slaves: agents.filter((a) => a.active).length,
    deactivated_slaves: agents.filter((a) => !a.active).length,
    unreachable_slaves: m.unreachableAgents.size,
    ...(m.isLeader() ? { leader: masterPid(m), leader_info: m.info } : {}),
    flags: flagsJson(m),
    slaves: agents.map((a) => agentJson(m, a)),
    recovered_slaves: recoveredAgentsJson(m),
    frameworks: [...m.frameworks.values()].map((f) => frameworkJson(m, f)),
    completed_frameworks: [...m.completedFrameworks.values()].map((f) => frameworkJson(m, f)),
    orphan_tasks: [],
    unregistered_frameworks: [],
  };
}

function flagsJson(m: Master): Record<string, string> {
  return {
    agent_ping_timeout: `${m.agentPingTimeoutMs}ms`,
    max_agent_ping_timeouts: String(m.maxAgentPingTimeouts),
    agent_reregister_timeout: `${m.agentReregisterTimeoutMs}ms`,
    registry_max_agent_age: `${m.agentRemovalTimeoutMs}ms`,
    ...(m.offerTimeoutMs !== undefined ? { offer_timeout: `${m.offerTimeoutMs}ms` } : {}),
    port: String(m.port),
    hostname: m.hostname,
  };
}

const SUMMARY_STATES = ["TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_FINISHED", "TASK_KILLED", "TASK_FAILED", "TASK_LOST", "TASK_ERROR", "TASK_UNREACHABLE"] as const;

function countStates(tasks: Iterable<TaskRecord>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(SUMMARY_STATES.map((s) => [s, 0]));
  for (const t of tasks) if (t.state in out) out[t.state]!++;
  return out;
}

/** GET /state-summary. */
export function stateSummaryJson(m: Master): Record<string, unknown> {
  const frameworkSummary = (fw: FrameworkRecord) => ({
    id: fw.id,
    name: fw.info.name,
    used_resources: resourcesModel(usedBy(m, { framework: fw.id })),
    offered_resources: resourcesModel(offeredBy(m, { framework: fw.id })),
    capabilities: (fw.info.capabilities ?? []).map((c) => c.type),
    hostname: fw.info.hostname ?? "",
    webui_url: fw.info.webui_url ?? "",
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
    ...countStates([...fw.tasks.values(), ...fw.unreachableTasks.values(), ...fw.completedTasks]),
    slave_ids: [...new Set([...fw.tasks.values()].map((t) => t.agentId))],
  });
  return {
    hostname: m.hostname,
    slaves: [...m.agents.values()].map((a) => {
      const tasks = [...a.tasks.values()].flatMap((x) => [...x.values()]);
      const reserved = reservedByRole(a.total);
      return {
        id: a.id,
        pid: agentPid(a),
        hostname: a.info.hostname,
        registered_time: secs(a.registeredTime),
        resources: resourcesModel(a.total),
        used_resources: resourcesModel(usedBy(m, { agent: a.id })),
        offered_resources: resourcesModel(offeredBy(m, { agent: a.id })),
        reserved_resources: reserved.model,
        unreserved_resources: resourcesModel(a.total.unreserved()),
        attributes: attributesModel(a.info.attributes),
        active: a.active,
        version: a.version,
        ...countStates(tasks),
        framework_ids: [...a.tasks.keys()],
      };
    }),
    frameworks: [...m.frameworks.values()].map(frameworkSummary),
    completed_frameworks: [...m.completedFrameworks.values()].map(frameworkSummary),
  };
}

/** GET /roles. */
export function rolesJson(m: Master): Record<string, unknown> {
  return {
    roles: m.allocator.roles().map((r) => ({
      name: r.role,
      weight: r.weight,
      frameworks: r.frameworks,
      resources: { cpus: 0, gpus: 0, mem: 0, disk: 0, ...r.allocated },
      allocated: { cpus: 0, gpus: 0, mem: 0, disk: 0, ...r.allocated },
      quota: { role: r.role, guarantee: r.quota.guarantees ?? {}, limit: r.quota.limits ?? {}, consumed: r.allocated },
    })),
  };
}

// ---- v1 operator API ------------------------------------------------------------------------

/** v1 Task. */
export function v1Task(t: TaskRecord): Record<string, unknown> {
  return {
    name: t.info.name,
    task_id: t.info.task_id,
    framework_id: { value: t.frameworkId },
    ...(t.executorId !== undefined ? { executor_id: { value: t.executorId } } : {}),
    agent_id: { value: t.agentId },
    state: t.state,
    resources: t.resources,
    statuses: t.statuses,
    ...(t.statusUpdateState ? { status_update_state: t.statusUpdateState, status_update_uuid: t.statusUpdateUuid } : {}),
    ...(t.info.labels ? { labels: t.info.labels } : {}),
    ...(t.info.container ? { container: t.info.container } : {}),
    ...(t.info.health_check ? { health_check: t.info.health_check } : {}),
    ...(t.info.kill_policy ? { kill_policy: t.info.kill_policy } : {}),
  };
}

export function getTasks(m: Master): Record<string, unknown> {
  const all = [...m.frameworks.values(), ...m.completedFrameworks.values()];
  return {
    pending_tasks: [],
    tasks: all.flatMap((f) => [...f.tasks.values()].map(v1Task)),
    unreachable_tasks: all.flatMap((f) => [...f.unreachableTasks.values()].map(v1Task)),
    completed_tasks: all.flatMap((f) => f.completedTasks.map(v1Task)),
    orphan_tasks: [],
  };
}

export function getAgents(m: Master): Record<string, unknown> {
  return {
    agents: [...m.agents.values()].map((a) => ({
      agent_info: a.info,
      active: a.active,
      deactivated: false,
      version: a.version,
      pid: agentPid(a),
      registered_time: timeInfo(a.registeredTime),
      ...(a.reregisteredTime !== undefined ? { reregistered_time: timeInfo(a.reregisteredTime) } : {}),
      total_resources: a.total.toJSON(),
      allocated_resources: usedBy(m, { agent: a.id }).toJSON(),
      offered_resources: offeredBy(m, { agent: a.id }).toJSON(),
      capabilities: [{ type: "MULTI_ROLE" }, { type: "HIERARCHICAL_ROLE" }, { type: "RESERVATION_REFINEMENT" }],
    })),
    recovered_agents: [],
  };
}

export function getFrameworks(m: Master): Record<string, unknown> {
  const one = (fw: FrameworkRecord) => ({
    framework_info: fw.info,
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
    registered_time: timeInfo(fw.registeredTime),
    ...(fw.reregisteredTime !== undefined ? { reregistered_time: timeInfo(fw.reregisteredTime) } : {}),
    ...(fw.unregisteredTime !== undefined ? { unregistered_time: timeInfo(fw.unregisteredTime) } : {}),
    offers: [...fw.offers].flatMap((id) => (m.offers.get(id) ? [m.offers.get(id)!.offer] : [])),
    inverse_offers: [],
    allocated_resources: usedBy(m, { framework: fw.id }).toJSON(),
    offered_resources: offeredBy(m, { framework: fw.id }).toJSON(),
  });
  return { frameworks: [...m.frameworks.values()].map(one), completed_frameworks: [...m.completedFrameworks.values()].map(one) };
}

export function getExecutors(m: Master): Record<string, unknown> {
  const executors: unknown[] = [];
  for (const a of m.agents.values()) for (const execs of a.executors.values()) for (const e of execs.values()) executors.push({ executor_info: e, agent_id: { value: a.id } });
  return { executors, orphan_executors: [] };
}

export function getState(m: Master): Record<string, unknown> {
  return { get_tasks: getTasks(m), get_executors: getExecutors(m), get_frameworks: getFrameworks(m), get_agents: getAgents(m) };
}

export function getRoles(m: Master): Record<string, unknown> {
  return {
    roles: m.allocator.roles().map((r) => ({
      name: r.role,
      weight: r.weight,
      frameworks: r.frameworks.map((value) => ({ value })),
      resources: Object.entries(r.allocated).map(([name, value]) => ({ name, type: "SCALAR", scalar: { value } })),
    })),
  };
}

/** Mesos' metrics snapshot (GET /metrics/snapshot). */
export function metricsSnapshot(m: Master): Record<string, number> {
  const out: Record<string, number> = {};
  const agents = [...m.agents.values()];
  const fws = [...m.frameworks.values()];
  out["master/elected"] = m.isLeader() ? 1 : 0;
  out["master/uptime_secs"] = (Date.now() - m.startTime) / 1000;
  out["master/slaves_active"] = agents.filter((a) => a.active).length;
  out["master/slaves_inactive"] = agents.filter((a) => !a.active).length;
  out["master/slaves_connected"] = agents.filter((a) => a.connected).length;
  out["master/slaves_disconnected"] = agents.filter((a) => !a.connected).length;
  out["master/slaves_unreachable"] = m.unreachableAgents.size;
  out["master/frameworks_active"] = fws.filter((f) => f.active).length;
  out["master/frameworks_inactive"] = fws.filter((f) => !f.active).length;
  out["master/frameworks_connected"] = fws.filter((f) => f.connected).length;
  out["master/frameworks_disconnected"] = fws.filter((f) => !f.connected).length;
  out["master/outstanding_offers"] = m.offers.size;
  for (const s of ["staging", "starting", "running", "killing", "unreachable"]) out[`master/tasks_${s}`] = 0;
  for (const f of fws) {
    for (const t of f.tasks.values()) {
      const k = `master/tasks_${t.state.slice(5).toLowerCase()}`;
      if (k in out && !isTerminal(t.state)) out[k]!++;
    }
    out["master/tasks_unreachable"]! += f.unreachableTasks.size;
  }
  for (const s of ["finished", "failed", "killed", "lost", "error", "dropped", "gone", "gone_by_operator"]) out[`master/tasks_${s}`] = m.counters.get(`master/tasks_${s}`);
  let total = Resources.EMPTY;
  for (const a of agents) total = total.add(a.total);
  const used = usedBy(m, {});
  for (const r of ["cpus", "mem", "disk", "gpus"]) {
    const t = total.scalar(r);
    const u = used.scalar(r);
    out[`master/${r}_total`] = t;
    out[`master/${r}_used`] = u;
    out[`master/${r}_percent`] = t > 0 ? u / t : 0;
  }
  for (const [k, v] of m.counters.entries()) if (!(k in out)) out[k] = v;
  for (const name of ["master/slave_registrations", "master/slave_reregistrations", "master/slave_removals", "master/valid_status_updates", "master/invalid_status_updates", "master/valid_status_update_acknowledgements", "master/invalid_status_update_acknowledgements", "master/messages_register_framework", "master/messages_reregister_framework"]) {
    out[name] ??= 0;
  }
  for (const r of m.allocator.roles()) {
    for (const [res, q] of Object.entries(r.allocated)) out[`allocator/mesos/roles/${r.role}/resources/${res}/offered_or_allocated`] = q;
  }
  for (const r of ["cpus", "mem", "disk"]) {
    out[`allocator/mesos/resources/${r}/total`] = total.scalar(r);
    out[`allocator/mesos/resources/${r}/offered_or_allocated`] = used.add(offeredBy(m, {})).scalar(r);
  }
  return out;
}

/** Agents known from the persisted state of a previous leader, not re-registered yet. */
export function recoveredAgentsJson(m: Master): Record<string, unknown>[] {
  return [...m.recoveredAgents].map(([id, r]) => ({ id, hostname: r.info.hostname, port: r.info.port ?? 5051, registered_time: r.registeredTime / 1000 }));
}
