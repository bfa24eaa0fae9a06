/**
 * The batch scheduler: a Mesos v1 HTTP framework that runs N shell tasks to completion.
 *
 * It follows docs/app-framework-development-guide.md and docs/scheduler-http-api.md:
 * SUBSCRIBE (MULTI_ROLE, PARTITION_AWARE), pack pending tasks into each offer and decline
 * the rest with a short filter, SUPPRESS while nothing is pending and REVIVE when a task
 * must be retried, ACKNOWLEDGE every update carrying a uuid after acting on it, reconcile
 * the tasks it believes live after every (re)subscription, and re-subscribe with its
 * framework id when the stream breaks or heartbeats stop, within the failover timeout.
 * It only talks to the master's public HTTP API.
 */
import { hostname, userInfo } from "node:os";
import { httpSchedulerApi, type HttpSchedulerApi, type HttpSubscription } from "../../mesos/http-client.js";
import { callbackSink, MesosApiError } from "../../mesos/link.js";
import { parseResources, Resources } from "../../mesos/resources.js";
import type { FrameworkInfo, Offer, SchedulerCall, SchedulerEvent, TaskInfo, TaskStatus } from "../../mesos/v1.js";
import type { BatchProgress, BatchResult, ResolvedOptions } from "./options.js";
import { pack } from "./packing.js";
import { formatProgress, formatSummary, stamp } from "./progress.js";
import { TaskBook, type Attempt } from "./tasks.js";
import { LatestWins } from "../../util/latest-wins.js";

/** How long to keep trying before the master has ever answered (a wrong URL should fail fast). */
const FIRST_CONNECT_MS = 10_000;
const MAX_BACKOFF_MS = 5_000;

export class BatchScheduler {
  private readonly api: HttpSchedulerApi;
  private readonly book: TaskBook;
  private readonly perTask: Resources;
  private readonly started = Date.now();

  private frameworkId: string | undefined;
  private sub: HttpSubscription | undefined;
  /** Bumped per subscription attempt: events of an older stream are ignored. */
  private generation = 0;
  private subscribed = false;
  private suppressed = false;
  /** SUPPRESS and REVIVE one at a time, so they reach the master in the order sent. */
  private readonly offerControl = new LatestWins<SchedulerCall>((call) => this.send(call));
  private lastEventAt = 0;
  private heartbeatMs = 15_000;
  private disconnectedAt: number | undefined;
  private finished = false;
  /** finish() has begun: no more launches. */
  private closing = false;
  private readonly inflight = new Set<Promise<unknown>>();
  private lastProgress = "";
  private ticker: NodeJS.Timeout | undefined;
  private lastLine = 0;
  private done!: (r: BatchResult) => void;

  constructor(private readonly o: ResolvedOptions) {
    this.api = httpSchedulerApi(o.master);
    this.book = new TaskBook(o.tasks, o.maxRetries, o.name);
    this.perTask = Resources.from(parseResources(o.resources));
    if (this.perTask.isEmpty()) throw new Error(`resources per task must not be empty: "${o.resources}"`);
  }

  run(): Promise<BatchResult> {
    const result = new Promise<BatchResult>((resolve) => (this.done = resolve));
    this.line(`starting ${this.o.tasks} tasks of "${this.o.command}" (${this.perTask.toString()} each, role ${this.o.role}, up to ${this.o.maxRetries} retries) against ${this.o.master}`);
    if (this.o.signal?.aborted) void this.finish("aborted");
    else if (this.book.finished()) void this.finish();
    else {
      this.o.signal?.addEventListener("abort", () => void this.finish("aborted"), { once: true });
      this.ticker = setInterval(() => this.tick(), 250);
      void this.connectLoop();
    }
    return result;
  }

  // ---- the subscription ---------------------------------------------------------------

  private frameworkInfo(): FrameworkInfo {
    let user = "root";
    try {
      user = userInfo().username;
    } catch {
      /* no passwd entry (containers): keep root */
    }
    return {
      user,
      name: this.o.name,
      hostname: hostname(),
      roles: [this.o.role],
      failover_timeout: this.o.failoverTimeout,
      checkpoint: true,
      capabilities: [{ type: "MULTI_ROLE" }, { type: "PARTITION_AWARE" }, { type: "TASK_KILLING_STATE" }],
      ...(this.frameworkId ? { id: { value: this.frameworkId } } : {}),
    };
  }

  private async connectLoop(): Promise<void> {
    let backoff = 250;
    while (!this.finished) {
      const gen = ++this.generation;
      let onClosed!: (reason: string | undefined) => void;
      const closed = new Promise<string | undefined>((r) => (onClosed = r));
      // Suppressed from the start when nothing is pending (a re-subscription replaces the old state).
      const suppress = this.book.pending().length === 0;
      const call: SchedulerCall = {
        type: "SUBSCRIBE",
        ...(this.frameworkId ? { framework_id: { value: this.frameworkId } } : {}),
        subscribe: { framework_info: this.frameworkInfo(), ...(suppress ? { suppressed_roles: [this.o.role] } : {}) },
      };
      try {
        const sub = await this.api.subscribe(
          call,
          callbackSink<SchedulerEvent>(
            (e) => this.onEvent(gen, e, suppress),
            (reason) => onClosed(reason),
          ),
        );
        if (this.finished) {
          sub.close();
          return;
        }
        this.sub = sub;
        backoff = 250;
        const reason = await closed;
        if (this.finished) return;
        this.subscribed = false;
        this.sub = undefined;
        this.disconnectedAt ??= Date.now();
        this.line(`disconnected from the master (${reason ?? "stream ended"}); re-subscribing`);
      } catch (e) {
        if (this.finished) return;
        this.disconnectedAt ??= Date.now();
        const msg = e instanceof MesosApiError ? `${e.code} ${e.message}` : (e as Error).message;
        this.line(`subscribe failed: ${msg}`);
      }
      const down = Date.now() - (this.disconnectedAt ?? Date.now());
      if (!this.frameworkId && Date.now() + backoff - this.started > FIRST_CONNECT_MS) return void this.finish(`could not subscribe to ${this.o.master}`);
      if (this.frameworkId && down > this.o.failoverTimeout * 1000) return void this.finish(`disconnected for longer than the failover timeout (${this.o.failoverTimeout}s)`);
      await new Promise((r) => setTimeout(r, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  private onEvent(gen: number, e: SchedulerEvent, suppressedOnSubscribe: boolean): void {
    if (gen !== this.generation || this.finished) return;
    this.lastEventAt = Date.now();
    switch (e.type) {
      case "SUBSCRIBED":
        return this.onSubscribed(e.subscribed!.framework_id.value, e.subscribed!.heartbeat_interval_seconds, suppressedOnSubscribe);
      case "OFFERS":
        return this.onOffers(e.offers?.offers ?? []);
      case "UPDATE":
        return this.onUpdate(e.update!.status);
      case "ERROR":
        // The master ends the stream after ERROR (e.g. the framework was removed): fatal.
        return void this.finish(`master error: ${e.error?.message ?? "unknown"}`);
      case "FAILURE":
        if (e.failure?.agent_id && !e.failure.executor_id) this.line(`agent ${e.failure.agent_id.value} failed`);
        return;
      default:
        return; // HEARTBEAT (noted above), RESCIND (offers are used at once), MESSAGE...
    }
  }

  private onSubscribed(id: string, heartbeatSeconds: number | undefined, suppressed: boolean): void {
    const again = this.frameworkId !== undefined;
    this.frameworkId = id;
    this.subscribed = true;
    this.suppressed = suppressed;
    this.disconnectedAt = undefined;
    if (heartbeatSeconds && heartbeatSeconds > 0) this.heartbeatMs = heartbeatSeconds * 1000;
    this.line(`${again ? "re-subscribed" : "subscribed"} as framework ${id}`);
    // Explicit reconciliation of what we believe is live: the master answers each with its
    // latest state (TASK_GONE/UNKNOWN for what it never saw, e.g. an ACCEPT lost in flight).
    const live = this.book.active();
    if (live.length > 0) {
      this.line(`reconciling ${live.length} task(s)`);
      this.send({ type: "RECONCILE", reconcile: { tasks: live.map((a) => ({ task_id: { value: a.taskId }, ...(a.agentId ? { agent_id: { value: a.agentId } } : {}) })) } });
    }
    this.syncSuppression();
    this.progress();
  }

  // ---- offers ---------------------------------------------------------------------------

  private onOffers(offers: readonly Offer[]): void {
    const declined: Offer[] = [];
    const cpus = this.perTask.scalar("cpus");
    const mem = this.perTask.scalar("mem");
    for (const offer of offers) {
      const fits = this.closing ? [] : pack(offer, this.perTask, this.book.pending());
      if (fits.length === 0) {
        declined.push(offer);
        continue;
      }
      const infos = fits.map((f) => this.taskInfo(this.book.launch(f.item, offer.agent_id.value, cpus, mem), offer, f.resources));
      this.line(`launching ${infos.length} task(s) on ${offer.hostname}: ${fits.map((f) => `#${f.item.index}${f.item.attempts.length > 1 ? ` (attempt ${f.item.attempts.length})` : ""}`).join(", ")}`);
      // The filter covers what this ACCEPT leaves unused on the agent.
      this.send(
        { type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: infos } }], filters: { refuse_seconds: this.o.refuseSeconds } } },
        (e) => {
          // A clear refusal (not a lost connection) means nothing was launched: launch again later.
          if (e instanceof MesosApiError && e.code >= 400 && e.code < 500) for (const t of infos) this.abandon(t.task_id.value);
        },
      );
    }
    if (declined.length > 0) this.send({ type: "DECLINE", decline: { offer_ids: declined.map((o) => o.id), filters: { refuse_seconds: this.o.refuseSeconds } } });
    this.syncSuppression();
    this.progress();
  }

  private taskInfo(a: Attempt, offer: Offer, resources: TaskInfo["resources"]): TaskInfo {
    const i = String(a.slot.index);
    return {
      name: `${this.o.name} task ${i}`,
      task_id: { value: a.taskId },
      agent_id: offer.agent_id,
      resources,
      command: {
        shell: true,
        value: this.o.command.replaceAll("{i}", i),
        environment: {
          variables: [
            { name: "BATCH_TASK_INDEX", value: i },
            { name: "BATCH_TASK_ATTEMPT", value: String(a.slot.attempts.length) },
          ],
        },
      },
    };
  }

  private abandon(taskId: string): void {
    const a = this.book.get(taskId);
    if (!a || a.done || a.state !== "PENDING") return;
    a.done = true;
    a.slot.attempts.pop();
    a.slot.state = "pending";
    this.syncSuppression();
  }

  /** SUPPRESS while nothing is pending (no offers to decline); REVIVE (clearing filters) when something is. */
  private syncSuppression(): void {
    if (!this.subscribed || this.closing) return;
    const want = this.book.pending().length === 0;
    if (want === this.suppressed) return;
    this.suppressed = want;
    this.line(want ? "nothing pending: suppressing offers" : "tasks pending: reviving offers");
    const call: SchedulerCall = want ? { type: "SUPPRESS", suppress: { roles: [this.o.role] } } : { type: "REVIVE", revive: { roles: [this.o.role] } };
    // One after the other: calls in flight at once travel on separate connections and can reach the master in
    // either order, and a SUPPRESS overtaking the REVIVE sent after it left the job suppressed with a task pending.
    void this.offerControl.request(call);
  }

  // ---- status updates -------------------------------------------------------------------

  private onUpdate(s: TaskStatus): void {
    this.o.onUpdate?.(s);
    const out = this.book.onStatus(s);
    const who = (a: Attempt) => `task #${a.slot.index}${a.slot.attempts.length > 1 ? ` attempt ${a.slot.attempts.length}` : ""}`;
    const why = s.message ? `: ${s.message}` : "";
    switch (out.kind) {
      case "progress":
        if (s.state === "TASK_RUNNING" && s.reason !== "REASON_RECONCILIATION") this.line(`${who(out.attempt)} running`);
        if (s.state === "TASK_UNREACHABLE") this.line(`${who(out.attempt)} unreachable${why}`);
        break;
      case "succeeded":
        this.line(`${who(out.attempt)} finished`);
        break;
      case "retry":
        this.line(`${who(out.attempt)} ${s.state}${why}; retrying (${out.attempt.slot.attempts.length}/${this.o.maxRetries} retries used)`);
        break;
      case "failed":
        this.line(`${who(out.attempt)} ${s.state}${why}; giving up after ${out.attempt.slot.attempts.length} attempts`);
        break;
      case "stale":
        // An attempt we gave up on (unreachable too long) turned up alive: it must not run twice.
        if (out.alive) this.send({ type: "KILL", kill: { task_id: s.task_id, ...(s.agent_id ? { agent_id: s.agent_id } : {}) } });
        break;
      case "unknown":
        break;
    }
    if (s.uuid && s.agent_id) {
      const ack = { agent_id: s.agent_id, task_id: s.task_id, uuid: s.uuid };
      this.send({ type: "ACKNOWLEDGE", acknowledge: ack }, undefined, () => this.o.onAcknowledge?.(s));
    }
    this.syncSuppression();
    this.progress();
    if (this.book.finished()) void this.finish();
  }

  // ---- timers, progress, the end --------------------------------------------------------

  private tick(): void {
    const now = Date.now();
    if (this.subscribed && this.sub && now - this.lastEventAt > Math.max(3 * this.heartbeatMs, 1000)) {
      this.line(`no event for ${Math.round((now - this.lastEventAt) / 1000)}s (heartbeat every ${this.heartbeatMs / 1000}s): reconnecting`);
      this.sub.close();
    }
    for (const a of this.book.active()) {
      if (a.unreachableSince === undefined || now - a.unreachableSince < this.o.unreachableTimeoutMs) continue;
      this.line(`task #${a.slot.index} unreachable for ${Math.round((now - a.unreachableSince) / 1000)}s: launching it again`);
      this.book.end(a, "unreachable for too long");
      this.send({ type: "KILL", kill: { task_id: { value: a.taskId }, ...(a.agentId ? { agent_id: { value: a.agentId } } : {}) } });
      this.syncSuppression();
      if (this.book.finished()) void this.finish();
    }
    if (now - this.lastLine >= this.o.progressIntervalMs) {
      this.lastLine = now;
      this.o.log(formatProgress(this.snapshot()));
      this.o.onProgress?.(this.snapshot());
    }
  }

  snapshot(): BatchProgress {
    const b = this.book;
    return {
      elapsedMs: Date.now() - this.started,
      total: b.slots.length,
      pending: b.count("pending"),
      staging: b.count("staging"),
      running: b.count("running") + b.count("unreachable"),
      succeeded: b.count("succeeded"),
      failed: b.count("failed"),
      allocated: b.allocated(),
      subscribed: this.subscribed,
      suppressed: this.suppressed,
    };
  }

  /** onProgress whenever the numbers change. */
  private progress(): void {
    if (!this.o.onProgress) return;
    const p = this.snapshot();
    const key = JSON.stringify({ ...p, elapsedMs: 0 });
    if (key === this.lastProgress) return;
    this.lastProgress = key;
    this.o.onProgress(p);
  }

  private line(msg: string): void {
    this.o.log(`${stamp(Date.now() - this.started)} ${msg}`);
  }

  /**
   * A call on the current stream; failures are logged (and handed to onError), never thrown. The
   * promise (none when not subscribed) settles once the call is answered and never rejects.
   */
  private send(call: SchedulerCall, onError?: (e: unknown) => void, onOk?: () => void): Promise<void> | undefined {
    const streamId = this.sub?.streamId;
    if (!streamId || !this.frameworkId) return undefined;
    const p = this.api
      .call(streamId, { ...call, framework_id: { value: this.frameworkId } })
      .then(onOk, (e: unknown) => {
        this.line(`${call.type} failed: ${e instanceof Error ? e.message : String(e)}`);
        onError?.(e);
      })
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
    return p;
  }

  private async finish(error?: string): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    // Acknowledgements already sent should land (and be reported) before the framework goes.
    await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => setTimeout(r, 2000))]);
    this.finished = true;
    clearInterval(this.ticker);
    if (this.subscribed && this.sub && this.frameworkId) {
      // TEARDOWN: the master kills what still runs and forgets the framework.
      await this.api.call(this.sub.streamId, { type: "TEARDOWN", framework_id: { value: this.frameworkId } }).catch((e: unknown) => this.line(`TEARDOWN failed: ${(e as Error).message}`));
    }
    this.subscribed = false;
    this.sub?.close();
    const tasks = this.book.results();
    const result: BatchResult = {
      frameworkId: this.frameworkId,
      succeeded: tasks.filter((t) => t.state === "succeeded").length,
      failed: tasks.filter((t) => t.state === "failed").length,
      unfinished: tasks.filter((t) => t.state === "unfinished").length,
      tasks,
      durationMs: Date.now() - this.started,
      ...(error ? { error } : {}),
    };
    this.o.onProgress?.(this.snapshot());
    this.o.log(formatSummary(result));
    this.done(result);
  }
}
