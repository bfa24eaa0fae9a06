/**
 * Task reconciliation (Master::reconcile, docs/reconciliation.md). Implicit (no tasks):
 * the latest state of every task the master knows for the framework. Explicit: per task,
 * its latest state if known; otherwise an answer from what the master knows of the agent:
 * registered -> TASK_GONE, unreachable -> TASK_UNREACHABLE, unknown -> TASK_UNKNOWN
 * (TASK_LOST for frameworks that are not PARTITION_AWARE). Reason REASON_RECONCILIATION,
 * no uuid, so nothing is to be acknowledged.
 */
import type { AgentID, TaskID, TaskState } from "../mesos/v1.js";
import type { Master } from "./master.js";
import type { FrameworkRecord, TaskRecord } from "./state.js";
import { masterStatus } from "./updates.js";
import { hasCapability } from "./validation.js";

function latest(m: Master, fw: FrameworkRecord, t: TaskRecord): void {
  // The state last sent to the framework wins over a newer one it has not seen yet.
  const state = t.statusUpdateState ?? t.state;
  m.sendFramework(fw, {
    type: "UPDATE",
    update: { status: masterStatus(t.info.task_id.value, state, "REASON_RECONCILIATION", "Reconciliation: Latest task state", { agentId: t.agentId, executorId: t.executorId, from: t }) },
  });
}

export function reconcile(m: Master, fw: FrameworkRecord, tasks: readonly { readonly task_id: TaskID; readonly agent_id?: AgentID }[]): void {
  if (tasks.length === 0) {
    for (const t of fw.tasks.values()) latest(m, fw, t);
    return;
  }
  const pa = hasCapability(fw.info, "PARTITION_AWARE");
  for (const { task_id, agent_id } of tasks) {
    const t = fw.tasks.get(task_id.value);
    if (t) {
      latest(m, fw, t);
      continue;
    }
    const agentId = agent_id?.value;
    // Unknown task on an agent not re-registered since a master failover: no answer until
    // the agent re-registers or times out (Mesos' _reconcileTasks case "slave is recovered").
    if (agentId !== undefined && m.recoveredAgents.has(agentId)) continue;
    let state: TaskState;
    let message: string;
    let unreachableTime: number | undefined;
    if (agentId !== undefined && m.agents.has(agentId)) {
      state = pa ? "TASK_GONE" : "TASK_LOST";
      message = "Reconciliation: Task is unknown to the agent";
    } else if (agentId !== undefined && m.unreachableAgents.has(agentId)) {
      state = pa ? "TASK_UNREACHABLE" : "TASK_LOST";
      message = "Reconciliation: Task is unreachable";
      unreachableTime = m.unreachableAgents.get(agentId)!.time;
    } else {
      state = pa ? "TASK_UNKNOWN" : "TASK_LOST";
      message = "Reconciliation: Task is unknown";
    }
    m.sendFramework(fw, { type: "UPDATE", update: { status: masterStatus(task_id.value, state, "REASON_RECONCILIATION", message, { agentId, unreachableTime }) } });
  }
}
