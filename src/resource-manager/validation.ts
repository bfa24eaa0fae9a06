/**
 * Validation as Mesos' src/master/validation.cpp words it: scheduler calls, FrameworkInfo,
 * tasks and task groups launched from offers. Each function returns the error message or
 * undefined.
 */
import { Resources, formatResource, validateResources, validateRole } from "../mesos/resources.js";
import type { ExecutorInfo, FrameworkInfo, Resource, SchedulerCall, TaskGroupInfo, TaskInfo } from "../mesos/v1.js";
import type { AgentRecord, FrameworkRecord } from "./state.js";

export function hasCapability(info: FrameworkInfo, type: string): boolean {
  return (info.capabilities ?? []).some((c) => c.type === type);
}

/** protobuf::framework::getRoles: `roles` for MULTI_ROLE frameworks, else the single `role` ("*" by default). */
export function frameworkRoles(info: FrameworkInfo): string[] {
  return hasCapability(info, "MULTI_ROLE") ? [...(info.roles ?? [])] : [info.role ?? "*"];
}

/** common::validation::validateID. */
export function validateId(id: string | undefined): string | undefined {
  if (id === undefined || id === "") return "ID must not be empty";
  if (id.length > 255) return "ID must not be greater than 255 characters";
  if (id === "." || id === "..") return `'${id}' is disallowed`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f/\\]/.test(id)) return `'${id}' contains invalid characters`;
  return undefined;
}

/** The JSON-to-protobuf step of Mesos: required fields of the call. */
export function missingRequiredFields(call: SchedulerCall): string[] {
  const missing: string[] = [];
  const fi = call.subscribe?.framework_info ?? call.update_framework?.framework_info;
  const prefix = call.subscribe ? "subscribe.framework_info" : "update_framework.framework_info";
  if (call.subscribe && !call.subscribe.framework_info) missing.push("subscribe.framework_info");
  if (fi) {
    if (typeof fi.user !== "string") missing.push(`${prefix}.user`);
    if (typeof fi.name !== "string") missing.push(`${prefix}.name`);
  }
  return missing;
}

/** validation::scheduler::call::validate. */
export function validateCall(call: SchedulerCall): string | undefined {
  if (!call || typeof call !== "object" || !call.type) return "Expecting 'type' to be present";
  if (call.type === "SUBSCRIBE") {
    if (!call.subscribe) return "Expecting 'subscribe' to be present";
    if ((call.subscribe.framework_info?.id?.value ?? "") !== (call.framework_id?.value ?? "")) return "'framework_id' differs from 'subscribe.framework_info.id'";
    return undefined;
  }
  if (!call.framework_id) return "Expecting 'framework_id' to be present";
  const need: Partial<Record<SchedulerCall["type"], keyof SchedulerCall>> = {
    ACCEPT: "accept",
    DECLINE: "decline",
    KILL: "kill",
    SHUTDOWN: "shutdown",
    ACKNOWLEDGE: "acknowledge",
    RECONCILE: "reconcile",
    MESSAGE: "message",
    UPDATE_FRAMEWORK: "update_framework",
  };
  const field = need[call.type];
  if (field && call[field] === undefined) return `Expecting '${field}' to be present`;
  if (call.type === "REQUEST" && (call as { request?: unknown }).request === undefined) return "Expecting 'request' to be present";
  if (call.type === "ACKNOWLEDGE" && !isUuidBytes(call.acknowledge!.uuid)) return "Not a valid UUID";
  if (call.type === "UPDATE_FRAMEWORK" && call.framework_id.value !== call.update_framework!.framework_info?.id?.value) {
    return "'framework_id' differs from 'update_framework.framework_info.id'";
  }
  return undefined;
}

/** UUID::fromBytes: 16 bytes (base64 in JSON) with a known version. */
export function isUuidBytes(b64: string | undefined): boolean {
  if (typeof b64 !== "string") return false;
  const bytes = Buffer.from(b64, "base64");
  if (bytes.length !== 16) return false;
  const version = bytes[6]! >> 4;
  return version >= 1 && version <= 5;
}

/** validation::framework::validate (roles, id, failover timeout). */
export function validateFrameworkInfo(info: FrameworkInfo): string | undefined {
  const multiRole = hasCapability(info, "MULTI_ROLE");
  if (multiRole && info.role !== undefined) return "'FrameworkInfo.role' must not be set when the framework is MULTI_ROLE capable";
  if (!multiRole && (info.roles?.length ?? 0) > 0) return "'FrameworkInfo.roles' must not be set when the framework is not MULTI_ROLE capable";
  if (multiRole) {
    const seen = new Set<string>();
    const dups = new Set<string>();
    for (const r of info.roles ?? []) (seen.has(r) ? dups : seen).add(r);
    if (dups.size) return `'FrameworkInfo.roles' contains duplicate items: { ${[...dups].join(", ")} }`;
    for (const r of info.roles ?? []) {
      const e = validateRole(r);
      if (e) return `'FrameworkInfo.roles' contains invalid role: ${e}`;
    }
  } else {
    const e = validateRole(info.role ?? "*");
    if (e) return `'FrameworkInfo.role' is not a valid role: ${e}`;
  }
  if (info.id && info.id.value !== "") {
    const e = validateId(info.id.value);
    if (e) return e;
  }
  const ft = info.failover_timeout ?? 0;
  if (typeof ft !== "number" || !Number.isFinite(ft) || Math.abs(ft) * 1e9 >= 2 ** 63) return `The framework failover_timeout (${String(ft)}) is invalid`;
  return undefined;
}

/** validation::framework::validateUpdate: what a re-subscription may not change. */
export function validateFrameworkUpdate(old: FrameworkInfo, next: FrameworkInfo): string | undefined {
  if ((old.principal ?? undefined) !== (next.principal ?? undefined)) return "Changing framework's principal is not allowed.";
  if (next.user !== old.user) return `Updating 'FrameworkInfo.user' is unsupported; attempted to update from '${old.user}' to '${next.user}'`;
  if (Boolean(next.checkpoint) !== Boolean(old.checkpoint)) {
    return `Updating 'FrameworkInfo.checkpoint' is unsupported; attempted to update from '${Boolean(old.checkpoint)}' to '${Boolean(next.checkpoint)}'`;
  }
  return undefined;
}

export function validateSuppressedRoles(info: FrameworkInfo, suppressed: readonly string[] | undefined): string | undefined {
  const roles = new Set(frameworkRoles(info));
  const bad = (suppressed ?? []).filter((r) => !roles.has(r));
  return bad.length ? `Suppressed roles { ${bad.join(", ")} } are not contained in the set of roles` : undefined;
}

// ---- tasks -------------------------------------------------------------------------------

function fmt(list: readonly Resource[] | Resources): string {
  return Resources.from(list).toString();
}

/** task::internal::validateTask (the part shared by LAUNCH and LAUNCH_GROUP). */
function validateTaskCommon(task: TaskInfo, fw: FrameworkRecord, agent: AgentRecord): string | undefined {
  const idErr = validateId(task.task_id?.value);
  if (idErr) return idErr;
  const id = task.task_id.value;
  if (fw.tasks.has(id)) return `Task has duplicate ID: ${id}`;
  if (fw.unreachableTasks.has(id)) return `Task reuses the ID of an unreachable task: ${id}`;
  if (task.agent_id?.value !== agent.id) return `Task uses invalid agent ${task.agent_id?.value ?? ""} while agent ${agent.id} is expected`;
  const grace = task.kill_policy?.grace_period?.nanoseconds;
  if (grace !== undefined && grace < 0) return "Task's 'kill_policy.grace_period' must be non-negative";
  if (!task.resources || task.resources.length === 0) return "Task uses no resources";
  const rerr = validateResources(task.resources);
  if (rerr) return `Task uses invalid resources: ${rerr}`;
  const roles = new Set(task.resources.map((r) => r.allocation_info?.role));
  if (roles.size > 1) return `Invalid task resources: The resources have multiple allocation roles (${[...roles].join(", ")}) but only one allocation role is allowed`;
  return undefined;
}

/** ExecutorInfo checks shared by both launch paths (executor::internal::validate). */
function validateExecutorCommon(executor: ExecutorInfo, fw: FrameworkRecord, agent: AgentRecord): string | undefined {
  const idErr = validateId(executor.executor_id?.value);
  if (idErr) return idErr;
  if (executor.framework_id && executor.framework_id.value !== fw.id) {
    return `ExecutorInfo has an invalid FrameworkID (Actual: ${executor.framework_id.value} vs Expected: ${fw.id})`;
  }
  if (executor.resources) {
    const e = validateResources(executor.resources);
    if (e) return `Executor uses invalid resources: ${e}`;
  }
  const existing = agent.executors.get(fw.id)?.get(executor.executor_id.value);
  if (existing && JSON.stringify(withFramework(existing, fw.id)) !== JSON.stringify(withFramework(executor, fw.id))) {
    return `ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID).\n------------------------------------------------------------\nExisting ExecutorInfo:\n${JSON.stringify(existing)}\n------------------------------------------------------------\nExecutorInfo:\n${JSON.stringify(executor)}\n------------------------------------------------------------\n`;
  }
  return undefined;
}

function withFramework(e: ExecutorInfo, fwId: string): ExecutorInfo {
  return { ...e, framework_id: { value: fwId } };
}

/** task::validate for LAUNCH: the task, its executor, and that task + new executor fit in `available`. */
export function validateTask(task: TaskInfo, fw: FrameworkRecord, agent: AgentRecord, available: Resources): string | undefined {
  const e = validateTaskCommon(task, fw, agent);
  if (e) return e;
  if ((task.executor !== undefined) === (task.command !== undefined)) return "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present";
  let total = Resources.from(task.resources);
  if (task.executor) {
    const ee = validateExecutorCommon(task.executor, fw, agent);
    if (ee) return ee;
    if (!agent.executors.get(fw.id)?.has(task.executor.executor_id.value)) total = total.add(task.executor.resources ?? []);
  }
  if (!available.contains(total)) return `Total resources ${total.toString()} required by task and its executor is more than available ${available.toString()}`;
  return undefined;
}

/**
 * task::group::validate for LAUNCH_GROUP. The executor's minimum cpus/mem/disk checks of
 * Mesos are left out: berth's agents run task groups without a separate executor process.
 */
export function validateTaskGroup(group: TaskGroupInfo, executor: ExecutorInfo | undefined, fw: FrameworkRecord, agent: AgentRecord, available: Resources): string | undefined {
  const seen = new Set<string>();
  for (const task of group?.tasks ?? []) {
    let e = validateTaskCommon(task, fw, agent);
    if (!e && seen.has(task.task_id.value)) e = `Task has duplicate ID: ${task.task_id.value}`;
    if (!e && !task.executor && !executor) e = "'TaskInfo.executor' must be set";
    if (!e && task.container?.type === "DOCKER") e = "Docker ContainerInfo is not supported on the task";
    if (e) return `Task '${task.task_id?.value ?? ""}' is invalid: ${e}`;
    seen.add(task.task_id.value);
  }
  if (!group?.tasks?.length) return "Task group is empty";
  if (!executor) return "Expecting 'executor' to be present";
  const ee = validateExecutorCommon(executor, fw, agent);
  if (ee) return ee;
  if (!executor.type) return "'ExecutorInfo.type' must be set";
  for (const task of group.tasks) {
    if (task.executor && JSON.stringify(withFramework(task.executor, fw.id)) !== JSON.stringify(withFramework(executor, fw.id))) {
      return `The \`ExecutorInfo\` of task '${task.task_id.value}' is different from executor '${executor.executor_id.value}'`;
    }
  }
  let total = Resources.EMPTY;
  for (const task of group.tasks) total = total.add(task.resources);
  if (!agent.executors.get(fw.id)?.has(executor.executor_id.value)) total = total.add(executor.resources ?? []);
  if (!available.contains(total)) return `Total resources ${total.toString()} required by task group and its executor are more than available ${available.toString()}`;
  return undefined;
}

export { fmt as formatResources, formatResource };
