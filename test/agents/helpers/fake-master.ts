/** An in-process AgentApi standing in for the master in unit tests: records calls, sends events. */
import type { AgentCall, AgentEvent } from "../../../src/mesos/agent.js";
import { MesosApiError, type AgentApi, type EventSink, type Subscription } from "../../../src/mesos/link.js";
import type { FrameworkInfo, TaskInfo, TaskStatus } from "../../../src/mesos/v1.js";

export class FakeMaster implements AgentApi {
  readonly subscriptions: AgentCall[] = [];
  readonly calls: AgentCall[] = [];
  readonly updates: TaskStatus[] = [];
  autoAck = true;
  private sink: EventSink<AgentEvent> | undefined;
  private streamId = "";
  private n = 0;

  async subscribe(call: AgentCall, sink: EventSink<AgentEvent>): Promise<Subscription> {
    this.subscriptions.push(call);
    this.sink?.close("replaced");
    this.sink = sink;
    this.streamId = `stream-${++this.n}`;
    const agentId = call.agent_id ?? { value: "agent-1" };
    sink.send({ type: call.type === "REGISTER" ? "REGISTERED" : "REREGISTERED", registered: { agent_id: agentId, heartbeat_interval_seconds: 15 } });
    return { streamId: this.streamId };
  }

  async call(streamId: string, call: AgentCall): Promise<void> {
    if (streamId !== this.streamId) throw new MesosApiError(403, "unknown stream");
    this.calls.push(call);
    const u = call.update;
    if (call.type === "UPDATE" && u) {
      this.updates.push(u.status);
      if (this.autoAck) setImmediate(() => this.ack(u.framework_id.value, u.status));
    }
  }

  ack(frameworkId: string, status: TaskStatus): void {
    this.send({ type: "ACKNOWLEDGE", acknowledge: { framework_id: { value: frameworkId }, task_id: status.task_id, uuid: status.uuid! } });
  }

  send(e: AgentEvent): void {
    this.sink?.send(e);
  }

  /** Ends the agent's stream, as a master failover does. */
  closeStream(): void {
    this.sink?.close("master failover");
    this.sink = undefined;
    this.streamId = "";
  }

  states(taskId: string): string[] {
    return this.updates.filter((u) => u.task_id.value === taskId).map((u) => u.state);
  }

  last(taskId: string): TaskStatus | undefined {
    return this.updates.filter((u) => u.task_id.value === taskId).at(-1);
  }

  async waitFor<T>(what: () => T | undefined | false, timeoutMs = 10_000, label = "condition"): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = what();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${label}; updates: ${JSON.stringify(this.updates.map((u) => [u.task_id.value, u.state, u.message]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async waitState(taskId: string, state: string, timeoutMs = 10_000): Promise<TaskStatus> {
    return this.waitFor(() => this.updates.find((u) => u.task_id.value === taskId && u.state === state), timeoutMs, `${taskId} ${state}`);
  }
}

export const FRAMEWORK: FrameworkInfo = { user: "root", name: "test", id: { value: "fw-1" } };

export function runTask(master: FakeMaster, task: Partial<TaskInfo> & { id: string; cmd?: string }, framework: FrameworkInfo = FRAMEWORK): void {
  const { id, cmd, ...rest } = task;
  master.send({
    type: "RUN_TASK",
    run_task: { framework_info: framework, task: { name: id, task_id: { value: id }, agent_id: { value: "agent-1" }, resources: [], ...(cmd !== undefined ? { command: { value: cmd } } : {}), ...rest } },
  });
}
