/**
 * Master counters under Mesos' metric names (docs/monitoring.md: master/...), plus the
 * gauges computed from state when a snapshot is taken.
 */
export class MasterCounters {
  private readonly values = new Map<string, number>();

  inc(name: string, by = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }
  get(name: string): number {
    return this.values.get(name) ?? 0;
  }
  entries(): [string, number][] {
    return [...this.values.entries()];
  }
}

/** master/messages_<call> for each scheduler call, as Mesos counts them. */
export const CALL_COUNTERS: Record<string, string> = {
  SUBSCRIBE: "master/messages_register_framework",
  TEARDOWN: "master/messages_unregister_framework",
  ACCEPT: "master/messages_accept",
  DECLINE: "master/messages_decline_offers",
  REVIVE: "master/messages_revive_offers",
  SUPPRESS: "master/messages_suppress_offers",
  KILL: "master/messages_kill_task",
  SHUTDOWN: "master/messages_shutdown_executor",
  ACKNOWLEDGE: "master/messages_status_update_acknowledgement",
  RECONCILE: "master/messages_reconcile_tasks",
  MESSAGE: "master/messages_framework_to_executor",
  REQUEST: "master/messages_resource_request",
  UPDATE_FRAMEWORK: "master/messages_update_framework",
};

/** master/tasks_<state> counters for terminal transitions. */
export function taskStateCounter(state: string): string {
  return `master/tasks_${state.replace(/^TASK_/, "").toLowerCase()}`;
}
