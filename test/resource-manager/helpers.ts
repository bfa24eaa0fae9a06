/**
 * Test clients of the real master: a framework and an agent that answers
 * RUN_TASK/RUN_TASK_GROUP/KILL_TASK with status updates and records what reaches it, each
 * on either link of the one interface (DESIGN.md decision 1): LINKS runs the same suite
 * over HTTP (http-client.ts against the master's URL) and in-process (master.scheduler /
 * master.agentApi).
 */
import { randomUUID } from "node:crypto";
import type { AgentCall, AgentEvent, AgentTask } from "../../src/mesos/agent.js";
import { httpAgentApi, httpSchedulerApi } from "../../src/mesos/http-client.js";
import { callbackSink, type AgentApi, type SchedulerApi, type Subscription } from "../../src/mesos/link.js";
import type { FrameworkInfo, Offer, Resource, SchedulerCall, SchedulerEvent, TaskInfo, TaskState, TaskStatus } from "../../src/mesos/v1.js";
import { startMaster, type RunningMaster, type StartMasterOptions } from "../../src/resource-manager/index.js";
import { createLogger } from "../../src/util/log.js";

export const quiet = createLogger("test", { level: "error" });

/** One of the two links a framework or agent reaches the master by. */
export interface Link {
  readonly name: "http" | "in-process";
  scheduler(m: RunningMaster): SchedulerApi;
  agent(m: RunningMaster): AgentApi;
}

export const HTTP: Link = { name: "http", scheduler: (m) => httpSchedulerApi(m.url), agent: (m) => httpAgentApi(m.url) };
export const IN_PROCESS: Link = { name: "in-process", scheduler: (m) => m.master.scheduler, agent: (m) => m.master.agentApi };
/** Suites run once per link: `for (const link of LINKS) describe(`... (${link.name})`, ...)`. */
export const LINKS: readonly Link[] = [HTTP, IN_PROCESS];

/** A subscription the subscriber can end (HTTP: abort the stream; in-process: close its sink). */
export interface ClosableSubscription extends Subscription {
  close(): void;
}

function closable(sub: Subscription, sink: { close(reason?: string): void }): ClosableSubscription {
  const own = (sub as Partial<ClosableSubscription>).close;
  return { streamId: sub.streamId, close: own ? () => own.call(sub) : () => sink.close("subscription closed") };
}

/** Resolves with the MesosApiError (or whatever) p rejects with; fails if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<{ code?: number; message: string; location?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: number; message: string; location?: string };
  }
  throw new Error("expected the call to be refused");
}

export function testMaster(opts: StartMasterOptions = {}): Promise<RunningMaster> {
  return startMaster({ port: 0, allocationIntervalMs: 20, heartbeatIntervalMs: 200, logger: quiet, ...opts });
}

/** Collects events; `next` waits (bounded) for the next one matching. */
export class EventLog<E extends { type: string }> {
  readonly all: E[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed = false;
  closeReason: string | undefined;

  readonly sink = callbackSink<E>(
    (e) => {
      this.all.push(e);
      for (const w of this.waiters.splice(0)) w();
    },
    (reason) => {
      this.closed = true;
      this.closeReason = reason;
      for (const w of this.waiters.splice(0)) w();
    },
  );

  /**
   * Index of the first event at or after `from` satisfying pred, waiting (bounded) for it;
   * unlike `next` it neither uses nor moves the cursor.
   */
  async find(pred: (e: E) => boolean, from: number, timeoutMs = 3000, what = "event"): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (let i = from; ; ) {
      for (; i < this.all.length; i++) if (pred(this.all[i]!)) return i;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; saw ${this.all.map((e) => e.type).join(",")}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  /** Moves the cursor past index i (if it is not already). */
  skipPast(i: number): void {
    this.cursor = Math.max(this.cursor, i + 1);
  }

  /** The next event (after the previous `next`) satisfying pred. */
  async next(pred: string | ((e: E) => boolean), timeoutMs = 3000): Promise<E> {
    const match = typeof pred === "string" ? (e: E) => e.type === pred : pred;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.all.length) {
        const e = this.all[this.cursor++]!;
        if (match(e)) return e;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${typeof pred === "string" ? pred : "event"}; saw ${this.all.map((e) => e.type).join(",")}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  /** True if no event matching arrives within ms. */
  async none(pred: string | ((e: E) => boolean), ms: number): Promise<boolean> {
    try {
      await this.next(pred, ms);
      return false;
    } catch {
      return true;
    }
  }

  async waitClosed(timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("stream not closed");
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export const scalar = (name: string, value: number): Resource => ({ name, type: "SCALAR", scalar: { value } });

export function newUuid(): string {
  return Buffer.from(randomUUID().replace(/-/g, ""), "hex").toString("base64");
}

export interface TestFramework {
  readonly api: SchedulerApi;
  readonly events: EventLog<SchedulerEvent>;
  readonly sub: ClosableSubscription;
  readonly id: string;
  call(c: Omit<SchedulerCall, "framework_id">): Promise<void>;
  nextOffer(timeoutMs?: number): Promise<Offer>;
  nextUpdate(pred?: (s: TaskStatus) => boolean, timeoutMs?: number): Promise<TaskStatus>;
}

/** Subscribes over `target`: a SchedulerApi (either link), or a master URL (HTTP). */
export async function subscribeFramework(target: string | SchedulerApi, info: Partial<FrameworkInfo> = {}): Promise<TestFramework> {
  const api = typeof target === "string" ? httpSchedulerApi(target) : target;
  const events = new EventLog<SchedulerEvent>();
  const framework_info: FrameworkInfo = { user: "test", name: "test-framework", ...info };
  const raw = await api.subscribe({ type: "SUBSCRIBE", ...(info.id ? { framework_id: info.id } : {}), subscribe: { framework_info } }, events.sink);
  const sub = closable(raw, events.sink);
  let lastOffer = -1;
  const subscribed = await events.next("SUBSCRIBED");
  const id = subscribed.subscribed!.framework_id.value;
  return {
    api,
    events,
    sub,
    id,
    call: (c) => api.call(sub.streamId, { ...c, framework_id: { value: id } } as SchedulerCall),
    // Offers are taken in order on their own: one that came while `nextUpdate` looked for an
    // update (the rest of an accepted offer, re-offered before the task's RUNNING) is still next.
    async nextOffer(timeoutMs = 3000) {
      const i = await events.find((e) => e.type === "OFFERS", lastOffer + 1, timeoutMs, "OFFERS");
      lastOffer = i;
      events.skipPast(i);
      return events.all[i]!.offers!.offers[0]!;
    },
    async nextUpdate(pred = () => true, timeoutMs = 3000) {
      const e = await events.next((x) => x.type === "UPDATE" && pred(x.update!.status), timeoutMs);
      return e.update!.status;
    },
  };
}

export interface AgentOptions {
  /** Answer RUN_TASK with these states (default STARTING, RUNNING). */
  readonly launchStates?: readonly TaskState[];
  /** Answer master HEARTBEATs (default true). */
  readonly heartbeat?: boolean;
}

/** An agent on the in-process link that runs nothing but reports as if it did. */
export class TestAgent {
  readonly events = new EventLog<AgentEvent>();
  id = "";
  streamId = "";
  heartbeat: boolean;
  /** Tasks it "runs": task id -> framework id, info, state. */
  readonly tasks = new Map<string, { frameworkId: string; task: TaskInfo; state: TaskState }>();
  readonly acked: string[] = [];

  constructor(
    readonly api: AgentApi,
    readonly resources: Resource[] = [scalar("cpus", 4), scalar("mem", 4096), scalar("disk", 10000)],
    private readonly opts: AgentOptions = {},
  ) {
    this.heartbeat = opts.heartbeat ?? true;
  }

  /** `pid`: the process identity a real agent sends (a retried REGISTER from one process). */
  async register(hostname = "agent1", pid?: string): Promise<string> {
    this.events.closed = false;
    const sub: Subscription = await this.api.subscribe({ type: "REGISTER", register: { agent_info: { hostname, resources: this.resources }, ...(pid ? { pid } : {}) } }, this.wrapSink());
    this.streamId = sub.streamId;
    const e = await this.events.next("REGISTERED");
    this.id = e.registered!.agent_id.value;
    return this.id;
  }

  async reregister(tasks: AgentTask[] = this.reportedTasks(), hostname = "agent1"): Promise<void> {
    this.events.closed = false;
    const sub = await this.api.subscribe(
      { type: "REREGISTER", agent_id: { value: this.id }, reregister: { agent_info: { hostname, resources: this.resources, id: { value: this.id } }, tasks, frameworks: [] } },
      this.wrapSink(),
    );
    this.streamId = sub.streamId;
    await this.events.next("REREGISTERED");
  }

  reportedTasks(): AgentTask[] {
    return [...this.tasks.values()].map((t) => ({ framework_id: { value: t.frameworkId }, task: t.task, state: t.state }));
  }

  private currentSink?: ReturnType<typeof callbackSink<AgentEvent>>;
  /** Close this agent's stream by closing its sink (over HTTP the client then drops the connection). */
  disconnect(): void {
    this.currentSink?.close("test disconnect");
  }

  private wrapSink() {
    const sink = callbackSink<AgentEvent>(
      (e) => {
        this.events.sink.send(e);
        void this.react(e).catch(() => undefined);
      },
      () => undefined,
    );
    this.currentSink = sink;
    return sink;
  }

  call(c: Omit<AgentCall, "agent_id">): Promise<void> {
    return this.api.call(this.streamId, { ...c, agent_id: { value: this.id } } as AgentCall);
  }

  async update(frameworkId: string, taskId: string, state: TaskState, extra: Partial<TaskStatus> = {}): Promise<void> {
    const t = this.tasks.get(taskId);
    if (t) t.state = state;
    await this.call({ type: "UPDATE", update: { framework_id: { value: frameworkId }, status: { task_id: { value: taskId }, state, source: "SOURCE_EXECUTOR", uuid: newUuid(), timestamp: Date.now() / 1000, ...extra } } });
  }

  private async react(e: AgentEvent): Promise<void> {
    switch (e.type) {
      case "HEARTBEAT":
        if (this.heartbeat) await this.call({ type: "HEARTBEAT" });
        return;
      case "RUN_TASK":
        await this.run(e.run_task!.framework_info.id!.value, [e.run_task!.task]);
        return;
      case "RUN_TASK_GROUP":
        await this.run(e.run_task_group!.framework_info.id!.value, e.run_task_group!.task_group.tasks);
        return;
      case "KILL_TASK":
        await this.update(e.kill_task!.framework_id.value, e.kill_task!.task_id.value, "TASK_KILLED");
        return;
      case "ACKNOWLEDGE":
        this.acked.push(e.acknowledge!.uuid);
        return;
      default:
        return;
    }
  }

  private async run(frameworkId: string, tasks: readonly TaskInfo[]): Promise<void> {
    for (const task of tasks) this.tasks.set(task.task_id.value, { frameworkId, task, state: "TASK_STAGING" });
    for (const state of this.opts.launchStates ?? ["TASK_STARTING", "TASK_RUNNING"]) {
      for (const task of tasks) await this.update(frameworkId, task.task_id.value, state);
    }
  }
}

/** A command task using the given resources from an offer. */
export function commandTask(id: string, offer: Offer, resources: Resource[] = [scalar("cpus", 1), scalar("mem", 128)]): TaskInfo {
  return { name: id, task_id: { value: id }, agent_id: offer.agent_id, resources, command: { value: "sleep 1000" } };
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

export async function until(cond: () => boolean, timeoutMs = 3000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
