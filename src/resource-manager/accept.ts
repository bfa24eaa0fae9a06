/**
 * ACCEPT (Master::accept and Master::_accept): validate the offers, then apply the
 * operations in order against what remains of the offered resources. Invalid offers turn
 * every task into TASK_DROPPED (partition-aware) or TASK_LOST with REASON_INVALID_OFFERS;
 * an invalid task gets TASK_ERROR; operations that fail are dropped (with an
 * UPDATE_OPERATION_STATUS OPERATION_ERROR when they carry an id). What is left over goes
 * back to the allocator with the call's filters.
 *
 * Not supported: CREATE/DESTROY (persistent volumes) are dropped with an error, and
 * operation feedback (an `id` on RESERVE/UNRESERVE) is dropped as Mesos does for agents
 * without the RESOURCE_PROVIDER capability.
 */
import { Resources, formatResource, reservationRole } from "../mesos/resources.js";
import type { ExecutorInfo, Filters, OfferID, OfferOperation, Resource, SchedulerEvent, TaskInfo, TaskStatusReason } from "../mesos/v1.js";
import type { Master } from "./master.js";
import type { AgentRecord, FrameworkRecord, OfferRecord, TaskRecord } from "./state.js";
import { masterStatus } from "./updates.js";
import { frameworkRoles, hasCapability, validateTask, validateTaskGroup } from "./validation.js";

type AcceptCall = { readonly offer_ids: readonly OfferID[]; readonly operations?: readonly OfferOperation[]; readonly filters?: Filters };

function tasksOf(op: OfferOperation): readonly TaskInfo[] {
  if (op.type === "LAUNCH") return op.launch?.task_infos ?? [];
  if (op.type === "LAUNCH_GROUP") return op.launch_group?.task_group?.tasks ?? [];
  return [];
}

/** validation::offer::validate: unique, still valid, this framework's, one role, one agent. */
function validateOffers(m: Master, fw: FrameworkRecord, ids: readonly OfferID[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id.value)) return `Duplicate offer ${id.value} in offer list`;
    seen.add(id.value);
  }
  for (const id of ids) if (!m.offers.has(id.value)) return `Offer ${id.value} is no longer valid`;
  for (const id of ids) {
    const o = m.offers.get(id.value)!;
    if (o.frameworkId !== fw.id) return `Offer ${id.value} has invalid framework ${o.frameworkId} while framework ${fw.id} is expected`;
  }
  let role: string | undefined;
  for (const id of ids) {
    const o = m.offers.get(id.value)!;
    if (role === undefined) role = o.role;
    else if (o.role !== role) return `Aggregated offers must be allocated to the same role. Offer ${id.value} uses role '${o.role} but another is using role '${role}`;
  }
  let agent: string | undefined;
  for (const id of ids) {
    const o = m.offers.get(id.value)!;
    if (agent === undefined) agent = o.agentId;
    else if (o.agentId !== agent) return `Aggregated offers must belong to one single agent. Offer ${id.value} uses agent ${o.agentId} and agent ${agent}`;
  }
  return undefined;
}

/** Master::drop: an operation that will not be applied. */
function drop(m: Master, fw: FrameworkRecord, op: OfferOperation, message: string, agentId?: string): void {
  m.log.warn("dropping operation", { framework: fw.id, operation: op.type, error: message });
  m.counters.inc(`master/operations/${op.type.toLowerCase()}/error`);
  if (op.id) {
    const event = {
      type: "UPDATE_OPERATION_STATUS",
      update_operation_status: { status: { operation_id: op.id, state: "OPERATION_ERROR", message, ...(agentId ? { agent_id: { value: agentId } } : {}) } },
    } as unknown as SchedulerEvent;
    m.sendFramework(fw, event);
  }
}

function taskStatusTo(m: Master, fw: FrameworkRecord, tasks: readonly TaskInfo[], state: "TASK_ERROR" | "TASK_DROPPED" | "TASK_LOST", reason: TaskStatusReason, message: string): void {
  for (const t of tasks) {
    m.counters.inc(`master/tasks_${state.slice(5).toLowerCase()}`);
    m.forward(fw, masterStatus(t.task_id?.value ?? "", state, reason, message, { agentId: t.agent_id?.value }));
  }
}

function withRole(list: readonly Resource[] | undefined, role: string): Resource[] {
  return (list ?? []).map((r) => (r.allocation_info ? r : { ...r, allocation_info: { role } }));
}

/** protobuf::injectAllocationInfo plus the master's defaults (agent id, executor framework id). */
function prepare(op: OfferOperation, fwId: string, agentId: string, role: string): OfferOperation {
  const executor = (e: ExecutorInfo | undefined): ExecutorInfo | undefined =>
    e ? { ...e, ...(e.framework_id ? {} : { framework_id: { value: fwId } }), ...(e.resources ? { resources: withRole(e.resources, role) } : {}) } : undefined;
  const task = (t: TaskInfo, groupExecutor?: ExecutorInfo): TaskInfo => {
    const ex = executor(t.executor) ?? groupExecutor;
    return { ...t, agent_id: t.agent_id ?? { value: agentId }, resources: withRole(t.resources, role), ...(ex ? { executor: ex } : {}) };
  };
  switch (op.type) {
    case "LAUNCH":
      return { ...op, launch: { task_infos: (op.launch?.task_infos ?? []).map((t) => task(t)) } };
    case "LAUNCH_GROUP": {
      const ex = executor(op.launch_group?.executor);
      return { ...op, launch_group: { executor: ex!, task_group: { tasks: (op.launch_group?.task_group?.tasks ?? []).map((t) => task(t, ex)) } } };
    }
    case "RESERVE":
      return { ...op, reserve: { resources: withRole(op.reserve?.resources, role) } };
    case "UNRESERVE":
      return { ...op, unreserve: { resources: withRole(op.unreserve?.resources, role) } };
    default:
      return op;
  }
}

function isDynamicallyReserved(r: Resource): boolean {
  const n = r.reservations?.length ?? 0;
  return n > 0 && r.reservations![n - 1]!.type === "DYNAMIC";
}

/** validation::operation::validate(Reserve) for frameworks. */
function validateReserve(fw: FrameworkRecord, resources: readonly Resource[]): string | undefined {
  if (resources.length === 0) return "Invalid resources: Resource cannot be empty";
  const roles = frameworkRoles(fw.info);
  const principal = fw.info.principal;
  for (const r of resources) {
    const s = formatResource(r);
    if (!isDynamicallyReserved(r)) return `Resource ${s} is not dynamically reserved`;
    const res = r.reservations![r.reservations!.length - 1]!;
    if (principal !== undefined) {
      if (res.principal === undefined) return `A reserve operation was attempted by principal '${principal}', but there is a reserved resource in the request with no principal set`;
      if (res.principal !== principal) return `A reserve operation was attempted by authenticated principal '${principal}', which does not match a reserved resource in the request with principal '${res.principal}'`;
    }
    const alloc = r.allocation_info?.role;
    if (alloc !== reservationRole(r)) return `A reserve operation was attempted for a resource with role '${reservationRole(r)}', but the resource was allocated to role '${alloc ?? ""}'`;
    if (!roles.includes(alloc)) return `A reserve operation was attempted for a resource allocated to role '${alloc}', but the framework only has roles '{ ${roles.join(", ")} }'`;
  }
  return undefined;
}

export function accept(m: Master, fw: FrameworkRecord, call: AcceptCall): void {
  const ids = call.offer_ids ?? [];
  const operations = call.operations ?? [];
  const error = ids.length === 0 ? "No offers specified" : validateOffers(m, fw, ids);
  if (error) {
    for (const id of ids) {
      const o = m.offers.get(id.value);
      if (o && o.frameworkId === fw.id) m.discardOffer(o);
    }
    m.log.warn("ACCEPT call used invalid offers", { framework: fw.id, error });
    const pa = hasCapability(fw.info, "PARTITION_AWARE");
    for (const op of operations) {
      if (op.type !== "LAUNCH" && op.type !== "LAUNCH_GROUP") drop(m, fw, op, `Operation attempted with invalid offers: ${error}`);
      else taskStatusTo(m, fw, tasksOf(op), pa ? "TASK_DROPPED" : "TASK_LOST", "REASON_INVALID_OFFERS", `Task launched with invalid offers: ${error}`);
    }
    return;
  }

  const records = ids.map((id) => m.offers.get(id.value)!) as OfferRecord[];
  const agentId = records[0]!.agentId;
  const role = records[0]!.role;
  const agent = m.agents.get(agentId);
  if (!agent || !agent.connected) {
    // Offers are rescinded when an agent goes, so this is a race with its removal.
    const pa = hasCapability(fw.info, "PARTITION_AWARE");
    for (const op of operations) {
      if (op.type !== "LAUNCH" && op.type !== "LAUNCH_GROUP") continue;
      taskStatusTo(m, fw, tasksOf(op), pa ? "TASK_DROPPED" : "TASK_LOST", agent ? "REASON_AGENT_DISCONNECTED" : "REASON_AGENT_REMOVED", agent ? "Agent disconnected" : "Agent removed");
    }
    for (const o of records) m.discardOffer(o);
    return;
  }

  let offered = Resources.EMPTY;
  for (const o of records) {
    offered = offered.add(o.offer.resources);
    m.removeOffer(o);
  }
  m.counters.inc("master/offers_accepted", records.length);

  let remaining = offered;
  const applied: OfferOperation[] = [];
  for (const raw of operations) {
    if (raw.id && (raw.type === "LAUNCH" || raw.type === "LAUNCH_GROUP")) {
      taskStatusTo(m, fw, tasksOf(raw), "TASK_ERROR", raw.type === "LAUNCH" ? "REASON_TASK_INVALID" : "REASON_TASK_GROUP_INVALID", `The \`id\` field cannot be set on ${raw.type} operations`);
      continue;
    }
    if (raw.id) {
      drop(m, fw, raw, `Operation requested feedback, but agent ${agentId} does not have the required RESOURCE_PROVIDER capability`, agentId);
      continue;
    }
    const op = prepare(raw, fw.id, agentId, role);
    switch (op.type) {
      case "RESERVE":
      case "UNRESERVE": {
        const resources = op.type === "RESERVE" ? op.reserve!.resources : op.unreserve!.resources;
        let err: string | undefined;
        if (op.type === "RESERVE") err = validateReserve(fw, resources);
        else if (resources.length === 0) err = "Invalid resources: Resource cannot be empty";
        else {
          const bad = resources.find((r) => !isDynamicallyReserved(r));
          if (bad) err = `Resource ${formatResource(bad)} is not dynamically reserved`;
        }
        if (err) {
          drop(m, fw, op, `${err}; on agent ${agentId}`);
          continue;
        }
        const target = Resources.from(resources);
        const consumed = op.type === "RESERVE" ? target.popReservation() : target;
        const converted = op.type === "RESERVE" ? target : target.popReservation();
        if (!remaining.contains(consumed)) {
          drop(m, fw, op, `Invalid ${op.type} Operation: ${remaining.toString()} does not contain ${consumed.toString()}`);
          continue;
        }
        remaining = remaining.subtract(consumed).add(converted);
        agent.total = agent.total.subtract(consumed.unallocate()).add(converted.unallocate());
        applied.push(op);
        break;
      }
      case "CREATE":
      case "DESTROY":
        drop(m, fw, op, `${op.type} is not supported: berth agents have no persistent volumes`);
        break;
      case "LAUNCH":
        for (const task of op.launch!.task_infos) {
          const err = validateTask(task, fw, agent, remaining);
          if (err) {
            taskStatusTo(m, fw, [task], "TASK_ERROR", "REASON_TASK_INVALID", err);
            continue;
          }
          let consumed = Resources.from(task.resources);
          if (task.executor && addExecutor(m, fw, agent, task.executor)) consumed = consumed.add(task.executor.resources ?? []);
          launchTask(m, fw, agent, task, task.executor?.executor_id.value);
          remaining = remaining.subtract(consumed);
          m.counters.inc("master/messages_launch_tasks");
          m.sendAgent(agent, { type: "RUN_TASK", run_task: { framework_info: fw.info, task } });
        }
        break;
      case "LAUNCH_GROUP": {
        const group = op.launch_group!;
        const err = validateTaskGroup(group.task_group, group.executor, fw, agent, remaining);
        if (err) {
          taskStatusTo(m, fw, group.task_group.tasks, "TASK_ERROR", "REASON_TASK_GROUP_INVALID", err);
          continue;
        }
        let consumed = Resources.EMPTY;
        if (addExecutor(m, fw, agent, group.executor)) consumed = consumed.add(group.executor.resources ?? []);
        for (const task of group.task_group.tasks) {
          consumed = consumed.add(task.resources);
          launchTask(m, fw, agent, task, group.executor.executor_id.value);
        }
        remaining = remaining.subtract(consumed);
        m.sendAgent(agent, { type: "RUN_TASK_GROUP", run_task_group: { framework_info: fw.info, executor: group.executor, task_group: group.task_group } });
        break;
      }
      default:
        m.log.warn("ignoring unknown operation", { framework: fw.id, operation: (op as OfferOperation).type });
    }
  }

  if (applied.length) m.allocator.updateAllocation(fw.id, agentId, offered.toJSON(), applied);
  // Newly reserved resources go back without a filter; the rest is declined with the call's filters.
  const converted = remaining.subtract(offered);
  const declined = remaining.subtract(converted);
  m.recover(fw.id, agentId, converted);
  // Accept.filters unset is Filters' default (refuse_seconds 5), as protobuf reads it in Master::accept.
  m.recover(fw.id, agentId, declined, call.filters ?? {});
}

/** Master::addExecutor; true when the executor is new on this agent (its resources are consumed now). */
function addExecutor(m: Master, fw: FrameworkRecord, agent: AgentRecord, executor: ExecutorInfo): boolean {
  const id = executor.executor_id.value;
  let onAgent = agent.executors.get(fw.id);
  if (onAgent?.has(id)) return false;
  if (!onAgent) agent.executors.set(fw.id, (onAgent = new Map()));
  onAgent.set(id, executor);
  let ofFw = fw.executors.get(agent.id);
  if (!ofFw) fw.executors.set(agent.id, (ofFw = new Map()));
  ofFw.set(id, executor);
  m.log.debug("added executor", { framework: fw.id, agent: agent.id, executor: id });
  return true;
}

function launchTask(m: Master, fw: FrameworkRecord, agent: AgentRecord, task: TaskInfo, executorId: string | undefined): void {
  const rec: TaskRecord = {
    frameworkId: fw.id,
    agentId: agent.id,
    info: task,
    ...(executorId !== undefined ? { executorId } : {}),
    resources: task.resources,
    state: "TASK_STAGING",
    statuses: [],
  };
  m.addTask(rec);
}
