/**
 * Task status updates: the ones the master makes itself (protobuf::createStatusUpdate with
 * SOURCE_MASTER and no uuid, so frameworks need not acknowledge them) and the bookkeeping
 * of Master::updateTask.
 */
import { TERMINAL_STATES, type TaskState, type TaskStatus, type TaskStatusReason } from "../mesos/v1.js";
import type { TaskRecord } from "./state.js";

export function masterStatus(
  taskId: string,
  state: TaskState,
  reason: TaskStatusReason,
  message: string,
  extra: { agentId?: string | undefined; executorId?: string | undefined; unreachableTime?: number | undefined; from?: TaskRecord | undefined } = {},
): TaskStatus {
  const last = extra.from?.statuses[extra.from.statuses.length - 1];
  return {
    task_id: { value: taskId },
    state,
    source: "SOURCE_MASTER",
    reason,
    message,
    ...(extra.agentId !== undefined ? { agent_id: { value: extra.agentId } } : {}),
    ...(extra.executorId !== undefined ? { executor_id: { value: extra.executorId } } : {}),
    timestamp: Date.now() / 1000,
    // Reconciliation carries the task's health and container status along (getTaskHealth...).
    ...(last?.healthy !== undefined ? { healthy: last.healthy } : {}),
    ...(last?.container_status ? { container_status: last.container_status } : {}),
    ...(extra.unreachableTime !== undefined ? { unreachable_time: { nanoseconds: Math.round(extra.unreachableTime * 1e6) } } : {}),
  } as TaskStatus;
}

export function isTerminal(state: TaskState): boolean {
  return TERMINAL_STATES.has(state);
}

function isTerminalOrUnreachable(state: TaskState): boolean {
  return isTerminal(state) || state === "TASK_UNREACHABLE";
}

/**
 * Master::updateTask: record the update on the task. Returns true when the task just left
 * the running world (terminal or unreachable), so its resources go back to the allocator.
 */
export function applyUpdate(task: TaskRecord, status: TaskStatus): boolean {
  const transitioned = !isTerminalOrUnreachable(task.state) && isTerminalOrUnreachable(status.state);
  if (!isTerminal(task.state)) task.state = status.state;
  // Consecutive updates of one state keep only the newest (health changes, for example).
  const last = task.statuses[task.statuses.length - 1];
  if (last && last.state === status.state) task.statuses.pop();
  const { data: _data, ...kept } = status;
  task.statuses.push(kept);
  return transitioned;
}
