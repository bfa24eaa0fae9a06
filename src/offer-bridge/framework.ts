/**
 * The kubernetes framework: subscribes to the master as any framework does, places the
 * pods no one has scheduled on the offers it holds, binds them, launches each as one task
 * group, and maps task status back into pod status (see README.md for what it covers).
 *
 * One scheduling cycle at a time: it runs when offers arrive, when a pod becomes
 * schedulable and when a pod's back-off ends; it places a bounded batch on what the held
 * offers leave free, binds each pod as it is placed, and ACCEPTs an agent's offers (with
 * LAUNCH_GROUPs) once its pods are bound; unused offers are DECLINEd, or kept up to a second
 * for the next cycles while pods wait.
 */
import { performance } from "node:perf_hooks";
import type { ApiClient } from "../k8s-api/client/types.js";
import { ApiClientError } from "../k8s-api/client/types.js";
import { Informer } from "../k8s-api/client/informer.js";
import { EventBroadcaster, type EventRecorder } from "../k8s-api/controllers/runtime/events.js";
import { WorkQueue } from "../k8s-api/controllers/runtime/queue.js";
import { callbackSink, type EventSink, type SchedulerApi } from "../mesos/link.js";
import type { FrameworkInfo, Offer, OfferOperation, SchedulerCall, SchedulerEvent, TaskStatus } from "../mesos/v1.js";
import type { Logger } from "../util/log.js";
import { BUILTIN_IMAGES, type ImageCatalog } from "./images.js";
import { NodeMirror, podNetworkOf, reservedRolesOf, type AgentSeen } from "./nodes.js";
import { inCidr, PodIPs } from "./pod-ips.js";
import { decide, fits, offeredNodes, take, type Amounts, type Free, type Needs } from "./placement.js";
import { numFeasibleNodesToFind, type NodeInfo } from "./scheduling/index.js";
import { SchedulingQueue, type QueuedPod } from "./queue.js";
import { SnapshotSync } from "./snapshot-sync.js";
import { NodeLifecycle, type NodeLifecycleOptions } from "./node-lifecycle.js";
import { computePodStatus, isTerminal, type TaskView } from "./pod-status.js";
import { containerResources, executorIdOf, parseTaskId, podHostPorts, podResources, podTaskGroup } from "./pod-tasks.js";
import { CONFIGMAPS, NODES, PODS, podKey, rfc3339, type NodeObj, type Pod } from "./types.js";
import type { KubeObject } from "../k8s-api/types.js";
import { FrameworkIdStore } from "./framework-id.js";
import { HeldOffers, TaskTable } from "./indexes.js";
import { PendingPods } from "./pending.js";
import { Slices } from "../util/slices.js";
import { LatestWins } from "../util/latest-wins.js";
import { PROXY_EXECUTOR_ID, ServiceProxySync, type ServiceObj } from "./services.js";
import { NodePortHolds } from "./nodeports.js";

export interface KubeFrameworkOptions {
  readonly client: ApiClient;
  readonly scheduler: SchedulerApi;
  readonly log: Logger;
  /** The role whose resources pods use (default "kubernetes"). Its weight is the master's (operator) setting. */
  readonly role?: string;
  /**
   * The roles the framework subscribes with (default [role]). A pod picks one with the
   * annotation berth.io/role (default: the first); its tasks use only offers allocated to it.
   */
  readonly roles?: readonly string[];
  /** Seconds the master keeps the framework's tasks while it is away (default one week). */
  readonly failoverTimeoutSeconds?: number;
  /** podInitialBackoffSeconds / podMaxBackoffSeconds in ms (default 1 s / 10 s). */
  readonly podInitialBackoffMs?: number;
  readonly podMaxBackoffMs?: number;
  /** Node lifecycle timings (grace period for silent agents, eviction poll). */
  readonly nodeLifecycle?: NodeLifecycleOptions;
  /** Image -> entrypoint (default: the built-in table). */
  readonly images?: ImageCatalog;
  /** refuse_seconds of declines while nothing waits (default 5, Mesos' default). */
  readonly refuseSeconds?: number;
  /** While suppressed, revive this often so new agents show up as Nodes (default 30 s). */
  readonly nodeRefreshMs?: number;
  /** Node lease renewal interval (default 10 s, as kubelet). */
  readonly leaseIntervalMs?: number;
  /** Quiet time after the implicit reconciliation before anything launches (default 1 s). */
  readonly reconcileSettleMs?: number;
  /** Service proxy tables: debounce and periodic resend to every agent (default 100 ms / 10 s). */
  readonly serviceProxy?: { readonly debounceMs?: number; readonly resendMs?: number };
}

/**
 * Counters of the scheduling cycles (for benchmarks and tests). A decide call's cost follows
 * the nodes it may walk: only those with offers at hand, up to numFeasibleNodesToFind
 * feasible ones, each filtered and then scored; so per placed pod it depends on how many
 * offers the framework held when the pod was tried, far more than on anything else.
 */
export interface PlacementStats {
  cycles: number;
  /** Pods taken from activeQ (a pod requeued when a cycle's time is up is taken again by the next). */
  popped: number;
  /** decide calls, and how they ended. */
  decides: number;
  placed: number;
  waited: number;
  unschedulable: number;
  /** Nodes with offers at hand (of the pod's role), summed over decide calls. */
  offeredNodes: number;
  /** decide calls made with at least numFeasibleNodesToFind nodes offered: each walks as far as kube-scheduler's would. */
  fullWalks: number;
}

export interface KubeFramework {
  /** Resolves once subscribed and reconciled (launches may start). */
  readonly ready: Promise<void>;
  readonly stats: PlacementStats;
  frameworkId(): string | undefined;
  /** Stop: close the subscription (tasks keep running until failover_timeout), stop watches and timers. */
  stop(): Promise<void>;
}

const SCHEDULER = "default-scheduler";
/** First retry of explicit reconciliation for tasks the master has not answered about (doubles up to 30 s). */
const RECONCILE_RETRY_MS = 2000;
/** A cycle places pods for this long before it lets other work run (the API, watches, agents' updates). */
const CYCLE_SLICE_MS = 20;
/**
 * Pods a cycle takes from activeQ at most, and how long it places them (ms) before it answers its
 * offers: the rest is placed by the next cycle, right after, on the offers not used meanwhile.
 */
const MAX_PODS_PER_CYCLE = 256;
const CYCLE_PLACE_MS = 250;
/** Unused offers kept for a cycle that continues the last one's batch, for at most this long (ms) since they came. */
const OFFER_HOLD_MS = 1000;
/** Least time (ms) from the end of a cycle to the start of the next while offers are kept. */
const CYCLE_GAP_MS = 50;
/** Pods being bound and rendered at once (their binding cycles run beside the scheduling cycle). */
const BIND_CONCURRENCY = 16;
/** Pod annotation: the framework role whose offered resources the pod's tasks use. */
export const ROLE_ANNOTATION = "berth.io/role";

/** A pod placed on a node (or bound there already), to launch on its agent's offers of its role. */
interface Plan {
  readonly pod: Pod;
  readonly node: string;
  readonly agentId: string;
  readonly role: string;
}

/** Runs at most n of the functions at once, the others in the order given. */
function limiter(n: number): <T>(f: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return <T>(f: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        running++;
        f()
          .then(resolve, reject)
          .finally(() => {
            running--;
            waiting.shift()?.();
          });
      };
      if (running < n) run();
      else waiting.push(run);
    });
}

interface TaskRecord extends TaskView {
  readonly agentId: string;
  readonly podUid: string;
  readonly podKey: string;
  readonly container: string;
  killSent?: boolean;
}

export async function startKubeFramework(opts: KubeFrameworkOptions): Promise<KubeFramework> {
  const fw = new Framework(opts);
  await fw.start();
  return fw;
}

class Framework implements KubeFramework {
  /** The default role (the first of `roles`). */
  private readonly role: string;
  private readonly roles: readonly string[];
  /** The scheduler's view of nodes and bound pods, and its queue of pods to place. */
  private readonly sync: SnapshotSync;
  private readonly queue: SchedulingQueue;
  private readonly lifecycle: NodeLifecycle;
  /** Namespaces, and the owners of default spread selectors (Services and controllers). */
  private readonly extra: Record<"namespaces" | "services" | "replicasets" | "replicationcontrollers" | "statefulsets", Informer<KubeObject>>;
  private readonly images: ImageCatalog;
  private readonly log: Logger;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<NodeObj>;
  private readonly mirror: NodeMirror;
  private readonly events: EventBroadcaster;
  private readonly schedulerEvents: EventRecorder;
  private readonly kubeletEvents: EventRecorder;
  private readonly ids: FrameworkIdStore;
  /** Services -> proxy tables on the agents (services.ts). */
  private readonly proxySync: ServiceProxySync;
  /** NodePorts held as port resources on every agent (nodeports.ts). */
  private readonly nodePorts: NodePortHolds;
  /** Pods whose status (or deletion) needs a look, by namespace/name. */
  private readonly statusQueue = new WorkQueue("pod-status", { baseDelayMs: 100, maxDelayMs: 10_000 });

  private fwId: string | undefined;
  private streamId = "";
  private sink: EventSink<SchedulerEvent> | undefined;
  private subscribed = false;
  private reconciled = false;
  private suppressed = false;
  /** SUPPRESS and REVIVE one at a time, a newer one replacing one not sent yet; dropped if the subscription changed. */
  private readonly offerCalls = new LatestWins<{ call: SchedulerCall; stream: string }>(({ call, stream }) => (stream === this.streamId ? this.call(call) : undefined));
  private stopped = false;
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((r) => (this.readyResolve = r));

  private readonly offers = new HeldOffers();
  readonly stats: PlacementStats = { cycles: 0, popped: 0, decides: 0, placed: 0, waited: 0, unschedulable: 0, offeredNodes: 0, fullWalks: 0 };
  private readonly tasks = new TaskTable<TaskRecord>((t) => this.taskAmounts(t));
  /** Pods that may be waiting for a placement (what cycles look at instead of every pod). */
  private readonly pendingPods = new PendingPods({ pod: (k) => this.pods.get(k), isPending: (p) => this.isPending(p), mayBePending: (p) => this.mayBePending(p) });
  /** Pod uid -> agent id, for every pod launched (or found launched by reconciliation). */
  private readonly launched = new Map<string, string>();
  /** Pod uid -> why it cannot run (it is bound but not launched). */
  private readonly blocked = new Map<string, { reason: string; message: string; agentId: string }>();
  /** Pod IPs on bridge-networked agents. */
  private readonly podIPs = new PodIPs();
  private lastRevive = 0;
  private reviveTimer: NodeJS.Timeout | undefined;
  /**
   * Pods that waited for offers (none fit them) since offers last came or a cycle went through all of
   * activeQ: the cycles continuing a capped batch skip them rather than try them again on the same offers.
   */
  private readonly waited = new Set<string>();
  private cycleRunning = false;
  private lastCycleEnd = 0;
  private offerTimer: NodeJS.Timeout | undefined;
  private cycleAgain = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private settleTimer: NodeJS.Timeout | undefined;
  /**
   * Explicit reconciliation's bookkeeping: the live tasks at the last SUBSCRIBED the master
   * has not told us about since. Tasks launched later are not asked about: this master took
   * their ACCEPT, and asking while an ACCEPT is still on its way would be answered TASK_GONE.
   */
  private unanswered = new Set<string>();
  private reconcileTimer: NodeJS.Timeout | undefined;
  /** Silence watchdog: the master HEARTBEATs every heartbeatMs (from SUBSCRIBED). */
  private lastEventAt = 0;
  private heartbeatMs = 15_000;
  private watchdog: NodeJS.Timeout | undefined;
  private backoffTimer: NodeJS.Timeout | undefined;
  private workers: Promise<void>[] = [];

  constructor(private readonly opts: KubeFrameworkOptions) {
    this.roles = opts.roles?.length ? [...new Set(opts.roles)] : [opts.role ?? "kubernetes"];
    this.role = this.roles[0]!;
    const inf = (group: string, version: string, plural: string) => new Informer<KubeObject>(opts.client, { group, version, plural }, { onError: (e) => this.log.warn(`${plural} watch error`, { err: e }) });
    this.extra = {
      namespaces: inf("", "v1", "namespaces"),
      services: inf("", "v1", "services"),
      replicasets: inf("apps", "v1", "replicasets"),
      replicationcontrollers: inf("", "v1", "replicationcontrollers"),
      statefulsets: inf("apps", "v1", "statefulsets"),
    };
    const byKind: Record<string, Informer<KubeObject>> = { ReplicaSet: this.extra.replicasets, ReplicationController: this.extra.replicationcontrollers, StatefulSet: this.extra.statefulsets };
    // containerPorts are host ports only on host-networked agents: the offers' ports account for them there
    // (needsFor), so kube-scheduler's NodePorts filter sees hostPorts only.
    this.sync = new SnapshotSync(
      {
        services: (ns) => this.extra.services.list().filter((s) => s.metadata?.namespace === ns),
        controller: (kind, ns, name) => byKind[kind]?.get(`${ns}/${name}`),
      },
      { hostNetwork: false },
    );
    this.queue = new SchedulingQueue({ ...(opts.podInitialBackoffMs ? { initialBackoffMs: opts.podInitialBackoffMs } : {}), ...(opts.podMaxBackoffMs ? { maxBackoffMs: opts.podMaxBackoffMs } : {}) });
    this.images = opts.images ?? BUILTIN_IMAGES;
    this.log = opts.log;
    this.pods = new Informer<Pod>(opts.client, PODS, { onError: (e) => this.log.warn("pod watch error", { err: e }) });
    this.nodes = new Informer<NodeObj>(opts.client, NODES, { onError: (e) => this.log.warn("node watch error", { err: e }) });
    this.mirror = new NodeMirror(opts.client, this.log.child({ part: "nodes" }), { ...(opts.leaseIntervalMs ? { leaseIntervalMs: opts.leaseIntervalMs } : {}) });
    this.events = new EventBroadcaster(opts.client, this.log.child({ part: "events" }));
    this.schedulerEvents = this.events.newRecorder(SCHEDULER);
    this.kubeletEvents = this.events.newRecorder("kubelet");
    this.ids = new FrameworkIdStore(opts.client, CONFIGMAPS);
    this.proxySync = new ServiceProxySync({
      client: opts.client,
      log: this.log.child({ part: "service-proxy" }),
      agents: () => this.mirror.agents().map((a) => ({ agentId: a.agentId, ip: a.ip })),
      send: async (agentId, data) => {
        if (!this.subscribed || !this.fwId) throw new Error("not subscribed");
        await this.opts.scheduler.call(this.streamId, { type: "MESSAGE", framework_id: { value: this.fwId }, message: { agent_id: { value: agentId }, executor_id: { value: PROXY_EXECUTOR_ID }, data } });
      },
      ...opts.serviceProxy,
    });
    this.nodePorts = new NodePortHolds({
      log: this.log.child({ part: "nodeports" }),
      services: () => this.extra.services.list() as ServiceObj[],
      frameworkId: () => this.fwId,
      kill: (taskId, agentId) => void this.call({ type: "KILL", kill: { task_id: { value: taskId }, agent_id: { value: agentId } } }),
      events: this.events.newRecorder("kube-proxy"),
    });
    this.lifecycle = new NodeLifecycle(
      {
        client: opts.client,
        log: this.log.child({ part: "node-lifecycle" }),
        events: this.events.newRecorder("taint-eviction-controller"),
        nodes: () => this.nodes.list(),
        node: (name) => this.nodes.get(name),
        pods: () => this.pods.list(),
        setPosting: (agentId, posting) => this.mirror.setLost(agentId, !posting),
      },
      opts.nodeLifecycle,
    );
  }

  frameworkId(): string | undefined {
    return this.fwId;
  }

  async start(): Promise<void> {
    this.pods.on({
      add: (p) => this.podChanged(p),
      update: (p, old) => this.podChanged(p, old),
      delete: (p) => this.podGone(p),
    });
    // Cluster events that may make unschedulable pods fit (MoveAllToActiveOrBackoffQueue).
    this.nodes.on({
      add: (n) => this.nodeChanged(n),
      update: (n) => this.nodeChanged(n),
      delete: (n) => this.sync.removeNode(n.metadata?.name ?? ""),
    });
    this.extra.namespaces.on({ add: (n) => this.sync.setNamespace(n), update: (n) => this.sync.setNamespace(n), delete: (n) => this.sync.setNamespace(n, true) });
    const nodePortsChanged = () => this.nodePortsChanged();
    this.extra.services.on({ add: nodePortsChanged, update: nodePortsChanged, delete: nodePortsChanged });
    const informers = [this.pods, this.nodes, ...Object.values(this.extra)];
    for (const i of informers) void i.start();
    await Promise.all(informers.map((i) => i.synced));
    this.fwId = await this.ids.load();
    await this.proxySync.start();
    for (let i = 0; i < 4; i++) this.workers.push(this.statusWorker());
    const refresh = setInterval(() => {
      // Suppressed frameworks get no offers: a periodic revive lets new agents appear as Nodes.
      if (this.suppressed && this.subscribed) void this.offerControl(false);
    }, this.opts.nodeRefreshMs ?? 30_000);
    refresh.unref();
    this.timers.add(refresh);
    await this.subscribe();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.settleTimer);
    clearTimeout(this.backoffTimer);
    clearTimeout(this.offerTimer);
    clearTimeout(this.reviveTimer);
    clearTimeout(this.reconcileTimer);
    clearInterval(this.watchdog);
    this.pods.stop();
    this.nodes.stop();
    for (const i of Object.values(this.extra)) i.stop();
    this.lifecycle.stop();
    this.proxySync.stop();
    this.mirror.stop();
    this.statusQueue.shutDown();
    await Promise.all(this.workers);
    await this.events.flush();
    this.events.shutdown();
    this.sink?.close("kubernetes framework stopping");
  }

  // ---- subscription --------------------------------------------------------------------

  private frameworkInfo(): FrameworkInfo {
    return {
      user: process.env.USER || "root",
      name: "kubernetes",
      roles: [...this.roles],
      failover_timeout: this.opts.failoverTimeoutSeconds ?? 7 * 24 * 3600,
      checkpoint: true,
      capabilities: [{ type: "PARTITION_AWARE" }, { type: "MULTI_ROLE" }, { type: "TASK_KILLING_STATE" }],
      ...(this.fwId ? { id: { value: this.fwId } } : {}),
    };
  }

  private async subscribe(attempt = 0): Promise<void> {
    if (this.stopped) return;
    const sink: EventSink<SchedulerEvent> = callbackSink(
      (e) => this.onEvent(sink, e),
      (reason) => this.onClosed(sink, reason),
    );
    this.sink = sink;
    try {
      const call: SchedulerCall = { type: "SUBSCRIBE", ...(this.fwId ? { framework_id: { value: this.fwId } } : {}), subscribe: { framework_info: this.frameworkInfo() } };
      const sub = await this.opts.scheduler.subscribe(call, sink);
      this.streamId = sub.streamId;
    } catch (e) {
      this.log.warn("subscribe failed, will retry", { err: e });
      this.retrySubscribe(attempt + 1);
    }
  }

  /**
   * 0.5 s, 1 s, 2 s, 4 s, then every 5 s: after an HA master failover the new leader answers
   * within about one lease TTL (5 s by default); a longer back-off would only delay the
   * re-subscription.
   */
  private retrySubscribe(attempt: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.subscribe(attempt);
    }, Math.min(500 * 2 ** Math.min(attempt, 4), 5_000));
    t.unref();
    this.timers.add(t);
  }

  private onClosed(sink: EventSink<SchedulerEvent>, reason?: string): void {
    if (sink !== this.sink) return;
    this.subscribed = false;
    this.offers.clear();
    if (this.stopped) return;
    this.log.warn("subscription closed, re-subscribing", { reason });
    this.retrySubscribe(0);
  }

  private onEvent(sink: EventSink<SchedulerEvent>, e: SchedulerEvent): void {
    if (sink !== this.sink || this.stopped) return;
    this.lastEventAt = Date.now();
    switch (e.type) {
      case "SUBSCRIBED":
        if (e.subscribed!.heartbeat_interval_seconds) this.heartbeatMs = e.subscribed!.heartbeat_interval_seconds * 1000;
        this.watchSilence(sink);
        void this.onSubscribed(e.subscribed!.framework_id.value);
        break;
      case "OFFERS":
        for (const o of e.offers?.offers ?? []) this.offers.set(o);
        this.waited.clear();
        for (const o of e.offers?.offers ?? []) if (this.lifecycle.agentSeen(o.agent_id.value)) this.agentBack(o.agent_id.value);
        for (const o of e.offers?.offers ?? []) this.observeAgent(o);
        for (const o of e.offers?.offers ?? []) this.proxySync.agentSeen(o.agent_id.value);
        // Offered resources are a cluster event: unschedulable pods may fit them now.
        this.queue.moveAllToActiveOrBackoff();
        this.kick();
        break;
      case "RESCIND":
        if (e.rescind) {
          const o = this.offers.get(e.rescind.offer_id.value);
          this.offers.delete(e.rescind.offer_id.value);
          // A disconnected agent's offers are rescinded: it is lost unless it offers again soon.
          if (o) {
            this.lifecycle.offerRescinded(o.agent_id.value, this.mirror.nodeName(o.agent_id.value));
            this.reviveSoon();
          }
        }
        break;
      case "UPDATE":
        if (e.update) this.onUpdate(e.update.status);
        break;
      case "ERROR":
        this.log.error("master sent ERROR", { message: e.error?.message });
        if (e.error?.message === "Framework has been removed") {
          // The master forgot this framework for good: start over as a new one.
          this.fwId = undefined;
          void this.ids.save(undefined);
        }
        break;
      case "FAILURE":
        this.log.warn("agent or executor failure", { failure: e.failure });
        if (e.failure?.agent_id && !e.failure.executor_id) this.lifecycle.agentLost(e.failure.agent_id.value, this.mirror.nodeName(e.failure.agent_id.value), "agent failure");
        break;
      default:
        break;
    }
  }

  private async onSubscribed(id: string): Promise<void> {
    const fresh = id !== this.fwId;
    this.fwId = id;
    this.subscribed = true;
    this.suppressed = false;
    this.reconciled = false;
    this.log.info("subscribed", { framework: id, roles: this.roles });
    if (fresh) await this.ids.save(id).catch((e: unknown) => this.log.warn("could not record the framework id", { err: e }));
    this.unanswered = new Set([...this.tasks.values()].filter((t) => !isTerminal(t.state)).map((t) => t.taskId));
    // Explicit reconciliation of the tasks we launched, then implicit (Mesos'
    // docs/reconciliation.md). After a master failover the new leader may not know a task we
    // launched through the old one just before it died; asked by id, it answers TASK_GONE
    // when the task's agent is back without it, so the pod is placed again rather than left
    // ContainerCreating for good. Implicit reconciliation alone only covers known tasks.
    await this.reconcileUnanswered();
    await this.call({ type: "RECONCILE", reconcile: { tasks: [] } });
    this.settle();
    this.scheduleReconcile(RECONCILE_RETRY_MS);
  }

  /**
   * A master that stops sending (paused, partitioned; its connection stays open) is left
   * after 3 missed heartbeats, as the v1 scheduler API asks of schedulers: closing the
   * sink drops the connection and re-subscribes, which finds the leader among the masters.
   */
  private watchSilence(sink: EventSink<SchedulerEvent>): void {
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      if (sink !== this.sink || sink.closed) return clearInterval(this.watchdog);
      const silentMs = Date.now() - this.lastEventAt;
      if (silentMs <= Math.max(3 * this.heartbeatMs, 1000)) return;
      clearInterval(this.watchdog);
      this.log.warn("no event from the master for 3 heartbeat intervals, re-subscribing", { silentMs, heartbeatMs: this.heartbeatMs });
      sink.close(`no event for ${silentMs} ms (heartbeat every ${this.heartbeatMs} ms)`);
    }, Math.min(this.heartbeatMs, 1000));
    this.watchdog.unref();
  }

  /** Ask the master by id about every task live at SUBSCRIBED it has not told us about since; false if none. */
  private async reconcileUnanswered(): Promise<boolean> {
    const tasks = [...this.unanswered]
      .map((id) => this.tasks.get(id))
      .filter((t): t is TaskRecord => t !== undefined && !isTerminal(t.state))
      .map((t) => ({ task_id: { value: t.taskId }, ...(t.agentId ? { agent_id: { value: t.agentId } } : {}) }));
    if (tasks.length) await this.call({ type: "RECONCILE", reconcile: { tasks } });
    return tasks.length > 0;
  }

  /**
   * The master does not answer for a task on an agent that has not re-registered since a
   * failover: retry, backing off, until every task is answered (as the reconciliation doc
   * asks of frameworks).
   */
  private scheduleReconcile(ms: number): void {
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => {
      if (!this.subscribed || this.stopped) return;
      void this.reconcileUnanswered().then((more) => {
        if (more) this.scheduleReconcile(Math.min(ms * 2, 30_000));
      });
    }, ms);
    this.reconcileTimer.unref();
  }

  /** Reconciled once the answers have stopped coming for a moment. */
  private settle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      if (this.reconciled || !this.subscribed) return;
      this.reconciled = true;
      this.log.info("reconciled", { tasks: this.tasks.size });
      // Tasks whose pod is gone are killed; every known pod gets its status looked at.
      for (const t of this.tasks.values()) if (!isTerminal(t.state) && !this.podByUid(t.podKey, t.podUid)) this.kill(t, 0);
      for (const p of this.pods.list()) this.statusQueue.add(podKey(p));
      this.readyResolve();
      this.kick();
    }, this.opts.reconcileSettleMs ?? 1000);
    this.settleTimer.unref();
  }

  /**
   * SUPPRESS or REVIVE, sent once the one before it is answered: calls in flight at once can travel
   * on separate connections and reach the master in either order, and a SUPPRESS that overtook a
   * later REVIVE would leave the framework suppressed with pods pending.
   */
  private offerControl(suppress: boolean): Promise<void> {
    this.suppressed = suppress;
    const roles = [...this.roles];
    return this.offerCalls.request({ call: suppress ? { type: "SUPPRESS", suppress: { roles } } : { type: "REVIVE", revive: { roles } }, stream: this.streamId });
  }

  private async call(c: SchedulerCall): Promise<void> {
    if (!this.fwId || !this.subscribed) return;
    try {
      await this.opts.scheduler.call(this.streamId, { ...c, framework_id: { value: this.fwId } });
    } catch (e) {
      this.log.warn("call failed", { type: c.type, err: e });
    }
  }

  // ---- agents and Nodes ------------------------------------------------------------------

  /** Agents not reported lost: where NodePorts should be held. */
  private liveAgents(): string[] {
    return this.mirror
      .agents()
      .map((a) => a.agentId)
      .filter((id) => !this.mirror.isLost(id));
  }

  /** Services changed (or a hold ended): release unwanted NodePorts, and ask for offers to hold new ones. */
  private nodePortsChanged(): void {
    this.nodePorts.sync();
    if (this.subscribed && this.nodePorts.wantsOffers(this.liveAgents())) {
      this.reviveSoon();
      this.kick();
    }
  }

  /** A lost agent is back: kills sent while it was away never arrived, so pods being deleted are looked at again. */
  private agentBack(agentId: string): void {
    this.proxySync.agentSeen(agentId, true);
    for (const t of this.tasks.onAgent(agentId)) {
      t.killSent = false;
      this.statusQueue.add(t.podKey);
    }
  }

  private observeAgent(o: Offer): void {
    const ip = o.url?.address?.ip ?? (/^\d+\.\d+\.\d+\.\d+$/.test(o.hostname) ? o.hostname : "127.0.0.1");
    const agent: AgentSeen = {
      agentId: o.agent_id.value,
      hostname: o.hostname,
      ip,
      ...(o.url?.address?.port ? { port: o.url.address.port } : {}),
      attributes: o.attributes ?? [],
      reservedRoles: reservedRolesOf(o.resources),
      ...(() => {
        const n = podNetworkOf(o.attributes ?? []);
        return { podNetwork: n.mode, ...(n.cidr ? { podCidr: n.cidr } : {}) };
      })(),
      ...(o.domain?.fault_domain ? { domain: { zone: o.domain.fault_domain.zone.name ?? o.domain.fault_domain.zone.value, region: o.domain.fault_domain.region.name ?? o.domain.fault_domain.region.value } } : {}),
    };
    const total = this.heldOn(agent.agentId);
    const used = this.tasks.usedOn(agent.agentId);
    // An agent may declare a "pods" scalar (no task consumes it, so an offer carries all of it): its Node's allocatable pods.
    const pods = o.resources.find((r) => r.name === "pods" && r.type === "SCALAR")?.scalar?.value;
    this.mirror.observe(agent, { cpus: total.cpus + used.cpus, mem: total.mem + used.mem, disk: total.disk + used.disk }, pods);
  }

  /** What the offers held for an agent give (only those allocated to `role`, when given). */
  private heldOn(agentId: string, role?: string): Free {
    const a: Free = { cpus: 0, mem: 0, disk: 0, ports: [] };
    for (const o of this.offers.ofAgent(agentId)) if (role === undefined || this.offerRole(o) === role) addScalars(a, o);
    return a;
  }

  /** The role an offer is allocated to. */
  private offerRole(o: Offer): string {
    return o.allocation_info?.role ?? o.resources[0]?.allocation_info?.role ?? this.role;
  }

  /** The role whose resources a pod uses: its berth.io/role annotation, else the default role. */
  private podRole(p: Pod): string {
    return p.metadata?.annotations?.[ROLE_ANNOTATION] || this.role;
  }

  /** Whether the pod runs on its agent's host network: a host-mode agent, or spec.hostNetwork. */
  private hostNetworked(p: Pod, agentId: string | undefined): boolean {
    if (p.spec?.hostNetwork) return true;
    const a = agentId ? this.mirror.agent(agentId) : undefined;
    return !a || a.podNetwork !== "bridge" || !a.podCidr;
  }

  /** Addresses of the CIDR that pods on the node hold by their status (they survive a framework restart there). */
  private ipsInUse(node: string, cidr: string, except: string): string[] {
    const out: string[] = [];
    for (const p of this.pods.list()) {
      if (p.spec?.nodeName !== node || p.metadata?.uid === except || !isActive(p)) continue;
      const ip = p.status?.podIP;
      if (ip && inCidr(cidr, ip)) out.push(ip);
    }
    return out;
  }

  /** The pod's IP: its own network's address, else (host networking) its agent's. */
  private podIPOf(p: Pod, agentId: string): string {
    const hostIP = this.mirror.agent(agentId)?.ip ?? "127.0.0.1";
    const uid = p.metadata?.uid ?? "";
    const known = this.podIPs.get(uid);
    if (known) return known;
    // After a restart, before its agent reported again: what the pod's status says, if it is not the host's.
    const st = p.status?.podIP;
    const cidr = this.mirror.agent(agentId)?.podCidr;
    if (st && cidr && !p.spec?.hostNetwork && inCidr(cidr, st)) return st;
    return hostIP;
  }

  /**
   * What a task record uses while it runs: its container's requests, read from its pod when the
   * record is set. A walk over the agent's tasks per offer instead was O(running pods) per offer
   * round (13% of the CPU late in SchedulingBasic at 5,000 nodes, 35,000 pods running).
   */
  private taskAmounts(t: TaskRecord): Amounts | undefined {
    if (isTerminal(t.state)) return undefined;
    const c = this.podByUid(t.podKey, t.podUid)?.spec?.containers?.find((x) => x.name === t.container);
    if (!c) return undefined;
    let r = requestsOf.get(c);
    if (!r) requestsOf.set(c, (r = containerResources(c)));
    return r;
  }

  // ---- the pending queue and the scheduling cycle ----------------------------------------

  private podByUid(key: string, uid: string): Pod | undefined {
    const p = this.pods.get(key);
    return p?.metadata?.uid === uid ? p : undefined;
  }

  /** Pods waiting for a placement: unbound (or bound to a known node) and not yet launched. */
  private isPending(p: Pod): boolean {
    return this.mayBePending(p) && !(p.spec?.nodeName && !this.mirror.agentOfNode(p.spec.nodeName));
  }

  /** isPending but for the node being known: what only an event about the pod (or its launch) changes. */
  private mayBePending(p: Pod): boolean {
    const uid = p.metadata?.uid ?? "";
    if (p.metadata?.deletionTimestamp || this.launched.has(uid) || this.blocked.has(uid)) return false;
    if ((p.spec?.schedulerName ?? SCHEDULER) !== SCHEDULER) return false;
    if (p.spec?.schedulingGates?.length) return false;
    const phase = p.status?.phase ?? "Pending";
    return phase === "Pending";
  }

  private podChanged(p: Pod, old?: Pod): void {
    this.statusQueue.add(podKey(p));
    this.pendingPods.note(podKey(p), p);
    if (p.metadata?.deletionTimestamp || p.status?.phase === "Succeeded" || p.status?.phase === "Failed") this.sync.forgetPod(podKey(p));
    else if (p.spec?.nodeName) this.sync.syncPod(p);
    if (old?.spec?.nodeName && !p.spec?.nodeName) this.sync.forgetPod(podKey(p));
    // A pod that stopped using its node frees room for others.
    if (old && isActive(old) && !isActive(p)) this.queue.moveAllToActiveOrBackoff();
    if (!this.isPending(p)) {
      this.queue.delete(podKey(p));
      return;
    }
    if (!p.spec?.nodeName) {
      // Status-only updates (ours included) leave an unschedulable pod where it is, as upstream's isPodUpdated.
      if (!this.queue.has(podKey(p)) || !old || significantChange(old, p)) this.queue.add(queued(p));
    }
    if (this.offers.size === 0 && this.subscribed && this.queue.hasActive()) this.reviveSoon();
    this.kick();
  }

  private nodeChanged(n: NodeObj): void {
    this.sync.upsertNode(n);
    this.lifecycle.nodeChanged(n);
    this.queue.moveAllToActiveOrBackoff();
    this.kick();
  }

  private podGone(p: Pod): void {
    const uid = p.metadata?.uid ?? "";
    this.sync.forgetPod(podKey(p));
    this.pendingPods.forget(podKey(p));
    this.queue.delete(podKey(p));
    this.queue.moveAllToActiveOrBackoff();
    this.blocked.delete(uid);
    // Deleted without waiting for us (force, grace 0): its tasks must not outlive it.
    const agents = new Set<string>();
    for (const t of this.tasks.ofPod(uid)) {
      agents.add(t.agentId);
      if (isTerminal(t.state)) this.tasks.delete(t.taskId);
      else this.kill(t, 0);
    }
    for (const a of agents) this.releaseSandbox(a, p);
    if (!this.tasks.hasPod(uid)) {
      this.launched.delete(uid);
      this.podIPs.release(uid);
    }
  }

  /** New work and no offers at hand: REVIVE (clearing earlier declines' filters), once per burst of pods. */
  private reviveSoon(): void {
    if (this.reviveTimer) return;
    const wait = Math.max(0, this.lastRevive + 100 - Date.now());
    this.reviveTimer = setTimeout(() => {
      this.reviveTimer = undefined;
      if (this.stopped || this.offers.size > 0) return;
      this.lastRevive = Date.now();
      void this.offerControl(false);
    }, wait);
    this.reviveTimer.unref();
  }

  /** Run a cycle now, or right after the one running. */
  private kick(): void {
    if (this.cycleRunning) {
      this.cycleAgain = true;
      return;
    }
    this.cycleRunning = true;
    void (async () => {
      try {
        do {
          // With offers kept between cycles, pod events gather for a moment: a cycle's per-offer work
          // (what each offered node has free, NodePort holds) is then shared by the pods of that moment.
          const gap = this.lastCycleEnd + CYCLE_GAP_MS - Date.now();
          if (gap > 0 && this.offers.size > 0) await new Promise((r) => setTimeout(r, gap));
          this.cycleAgain = false;
          await this.cycle();
          this.lastCycleEnd = Date.now();
        } while (this.cycleAgain && !this.stopped);
      } catch (e) {
        this.log.error("scheduling cycle failed", { err: e });
      } finally {
        this.cycleRunning = false;
      }
    })();
  }

  private async cycle(): Promise<void> {
    if (!this.subscribed || !this.reconciled || this.stopped) return;
    if (!this.offers.size) {
      if (this.suppressed && this.pendingPods.any()) await this.offerControl(false);
      return;
    }
    const started = performance.now();
    this.stats.cycles++;
    // What the held offers leave free, per role and node (a pod uses its role's offers only).
    const offeredByRole = new Map<string, Map<string, Free>>(this.roles.map((r) => [r, new Map()]));
    const agentOf = new Map<string, string>();
    // The offers this cycle answers, per agent and role: those held now, not ones arriving meanwhile.
    const heldIds = new Map<string, string[]>();
    for (const o of this.offers.values()) {
      const agentId = o.agent_id.value;
      const k = `${agentId}\u0000${this.offerRole(o)}`;
      const ids = heldIds.get(k);
      if (ids) ids.push(o.id.value);
      else heldIds.set(k, [o.id.value]);
      const name = this.mirror.nodeName(agentId);
      const byNode = offeredByRole.get(this.offerRole(o));
      if (!name || !byNode || byNode.has(name)) continue;
      byNode.set(name, this.heldOn(agentId, this.offerRole(o))); // the agent's offers only: O(offers) per round
      agentOf.set(name, agentId);
    }
    // NodePorts first: held on every agent before pods take ports from the same offers.
    const defaultOffered = offeredByRole.get(this.role)!;
    const holds = this.nodePorts.claim([...defaultOffered].map(([node, free]) => ({ agentId: agentOf.get(node)!, node, free })));
    // Each placed pod is bound and rendered at once (a few at a time), while the cycle places the next:
    // kube-scheduler's binding cycle runs beside its scheduling cycle. Its LAUNCH_GROUP joins its agent's ACCEPT.
    const launches = new Map<string, Promise<OfferOperation | undefined>[]>();
    const inFlight = new Set<string>();
    const limit = limiter(BIND_CONCURRENCY);
    const launch = (plan: Plan): void => {
      const k = `${plan.agentId}\u0000${plan.role}`;
      let list = launches.get(k);
      if (!list) launches.set(k, (list = []));
      const key = podKey(plan.pod);
      inFlight.add(key);
      list.push(
        limit(() => this.launch(plan))
          .catch((e: unknown) => {
            this.log.error("launch failed", { pod: key, err: e });
            return undefined;
          })
          .finally(() => inFlight.delete(key)),
      );
    };
    // Pods already bound (by us before a restart, or by their creator) launch on their own node's offers.
    for (const pod of this.pendingPods.bound()) {
      const name = pod.spec!.nodeName!;
      const role = this.podRole(pod);
      const free = offeredByRole.get(role)?.get(name);
      const needs = needsOf(pod, this.hostNetworked(pod, agentOf.get(name)));
      if (!free || !fits(free, needs)) continue;
      take(free, needs);
      launch({ pod, node: name, agentId: agentOf.get(name)!, role });
    }
    // The queue, best first: kube-scheduler's filters and scores plus what the offers can launch. A bounded
    // batch, placed for a bounded time, so that the offers are answered soon; the rest is the next cycle's.
    const batch = this.queue.pop(MAX_PODS_PER_CYCLE, (k) => this.waited.has(k));
    const popped = batch.pods;
    this.stats.popped += popped.length;
    let capped = batch.more;
    const slices = new Slices(CYCLE_SLICE_MS);
    const sink = this.sink;
    // Per role, the snapshot's nodes with offers at hand: the only nodes a pod's Filter walk visits
    // first (rebuilt when Nodes have come or gone during a yield).
    const candidates = new Map<string, NodeInfo[]>();
    let nodeListVersion = this.sync.snapshot.nodeListVersion;
    for (let i = 0; i < popped.length; i++) {
      const q = popped[i]!;
      if (slices.due()) {
        if (performance.now() - started >= CYCLE_PLACE_MS) {
          // Time is up: the rest waits for the next cycle, right after this one; no attempt counted.
          for (const r of popped.slice(i)) this.queue.requeue(r.key);
          capped = true;
          break;
        }
        await slices.next();
        if (this.sync.snapshot.nodeListVersion !== nodeListVersion) {
          candidates.clear();
          nodeListVersion = this.sync.snapshot.nodeListVersion;
        }
        if (!this.subscribed || this.stopped || this.sink !== sink) {
          // The offers are gone with the subscription: the rest waits for the next cycle, no attempt counted.
          for (const r of popped.slice(i)) this.queue.requeue(r.key);
          capped = false;
          break;
        }
      }
      const pod = this.pods.get(q.key);
      if (!pod || pod.metadata?.uid !== q.uid || !this.isPending(pod) || pod.spec?.nodeName) {
        this.queue.done(q.key);
        continue;
      }
      const role = this.podRole(pod);
      const offered = offeredByRole.get(role);
      if (!offered) {
        this.unschedulable(pod, `0/${this.sync.snapshot.size} nodes are available: pod's role "${role}" (annotation ${ROLE_ANNOTATION}) is not one of the kubernetes framework's roles (${this.roles.join(", ")}).`);
        continue;
      }
      const info = this.sync.podInfo(pod);
      // A pod's needs differ only by host networking: parse its requests twice at most, not once per node filtered.
      // Host networking holds every declared port, so a pod without one needs the same everywhere: then no
      // agent lookup per node filtered (the offered walk visits up to numFeasibleNodesToFind nodes per pod).
      const hostNeeds = needsOf(pod, true);
      const needsByNet = new Map<boolean, Needs>([[true, hostNeeds]]);
      const needsFor = (node: string): Needs => {
        const host = this.hostNetworked(pod, agentOf.get(node));
        let n = needsByNet.get(host);
        if (!n) needsByNet.set(host, (n = needsOf(pod, host)));
        return n;
      };
      let cands = candidates.get(role);
      if (!cands) candidates.set(role, (cands = offeredNodes(this.sync.snapshot, offered)));
      const d = decide(info, hostNeeds.ports?.length ? needsFor : hostNeeds, this.sync.snapshot, offered, {}, cands);
      const st = this.stats;
      st.decides++;
      st.offeredNodes += cands.length;
      if (cands.length >= numFeasibleNodesToFind(undefined, this.sync.snapshot.size)) st.fullWalks++;
      if ("node" in d) {
        st.placed++;
        take(offered.get(d.node)!, needsFor(d.node));
        this.sync.assume(pod, info, d.node);
        this.queue.done(q.key);
        launch({ pod, node: d.node, agentId: agentOf.get(d.node)!, role });
      } else if ("wait" in d) {
        st.waited++;
        this.queue.requeue(q.key);
        // Not tried again by the cycles that continue this batch's round, only once new offers come.
        this.waited.add(q.key);
      } else {
        st.unschedulable++;
        this.unschedulable(pod, d.message);
      }
    }

    // Answer the offers: an agent's ACCEPT (its NodePort holds, one LAUNCH_GROUP per pod) as soon as its pods
    // are bound and rendered; DECLINE the unused ones, except, while pods wait, those held for less than
    // OFFER_HOLD_MS (the next cycles use them; declining them at once only has the master offer them again
    // a second later, a whole round of offers per second at thousands of agents).
    const waitingNow = capped || this.pendingPods.any((k) => inFlight.has(k)) || this.nodePorts.wantsOffers(this.liveAgents());
    const refuse = waitingNow ? 1 : (this.opts.refuseSeconds ?? 5);
    const holdOps = new Map<string, OfferOperation[]>();
    for (const [agentId, tasks] of holds) holdOps.set(`${agentId}\u0000${this.role}`, [{ type: "LAUNCH", launch: { task_infos: tasks } }]);
    const now = Date.now();
    const answers: Promise<void>[] = [];
    // Every agent's unused offers in one DECLINE (a DECLINE, unlike an ACCEPT, may name offers of many
    // agents): one call per agent was a call per offer, thousands a second over HTTP at 5,000 agents.
    const unused: { value: string }[] = [];
    for (const [k, ids] of heldIds) {
      const pods = launches.get(k);
      const own = holdOps.get(k);
      if (!pods && !own) {
        for (const id of ids) {
          const since = this.offers.heldSince(id);
          if (since === undefined || ((capped || waitingNow) && now - since < OFFER_HOLD_MS)) continue;
          this.offers.delete(id);
          unused.push({ value: id });
        }
        continue;
      }
      answers.push(
        (async () => {
          const operations = [...(own ?? []), ...(await Promise.all(pods ?? [])).filter((op): op is OfferOperation => op !== undefined)];
          // Still held (not rescinded meanwhile): answered once, by this call.
          const live = ids.filter((id) => this.offers.get(id));
          if (!live.length) return;
          for (const id of live) this.offers.delete(id);
          const offerIds = live.map((value) => ({ value }));
          if (operations.length) await this.call({ type: "ACCEPT", accept: { offer_ids: offerIds, operations, filters: { refuse_seconds: refuse } } });
          else await this.call({ type: "DECLINE", decline: { offer_ids: offerIds, filters: { refuse_seconds: refuse } } });
        })(),
      );
    }
    if (unused.length) answers.push(this.call({ type: "DECLINE", decline: { offer_ids: unused, filters: { refuse_seconds: refuse } } }));
    await Promise.all(answers);
    // Pods that waited wait for new offers (which clear this too), not for the ones kept.
    if (!this.offers.size) this.waited.clear();
    this.armOfferTimer();
    const waiting = this.pendingPods.any() || this.nodePorts.wantsOffers(this.liveAgents());
    if (!waiting && !this.suppressed) await this.offerControl(true);
    // More of activeQ to place on the offers kept: the next cycle, right after this one.
    if (capped && this.offers.size) this.cycleAgain = true;
    this.armBackoffTimer();
  }

  /** A cycle when the oldest offer kept reaches OFFER_HOLD_MS, to answer it. */
  private armOfferTimer(): void {
    clearTimeout(this.offerTimer);
    let oldest = Infinity;
    for (const o of this.offers.values()) oldest = Math.min(oldest, this.offers.heldSince(o.id.value) ?? Infinity);
    if (oldest === Infinity) return;
    this.offerTimer = setTimeout(() => this.kick(), Math.max(0, oldest + OFFER_HOLD_MS - Date.now()) + 5);
    this.offerTimer.unref();
  }

  /** Binds a placed pod (unless bound already) and renders its task group: its LAUNCH_GROUP, or undefined. */
  private async launch({ pod, node, agentId }: Plan): Promise<OfferOperation | undefined> {
    if (!(await this.bind(pod, node))) {
      // The scheduler cache's ForgetPod; the pod is tried again if it still waits.
      this.sync.forgetPod(podKey(pod));
      const cur = this.pods.get(podKey(pod));
      if (cur && this.isPending(cur) && !cur.spec?.nodeName) this.queue.add(queued(cur));
      return undefined;
    }
    const uid = pod.metadata?.uid ?? "";
    const agent = this.mirror.agent(agentId);
    const hostIP = agent?.ip ?? "127.0.0.1";
    let podIP = hostIP;
    if (!this.hostNetworked(pod, agentId) && agent?.podCidr) {
      try {
        podIP = this.podIPs.assign(uid, node, agent.podCidr, this.ipsInUse(node, agent.podCidr, uid));
      } catch (e) {
        this.blocked.set(uid, { reason: "ContainerCreating", message: `Failed to create pod sandbox: ${e instanceof Error ? e.message : String(e)}`, agentId });
        this.statusQueue.add(podKey(pod));
        return undefined;
      }
    }
    // Env, ConfigMap/Secret/downward-API files and probes are rendered here (DESIGN.md decision 10).
    const group = await podTaskGroup(pod, agentId, this.fwId!, this.images, { client: this.opts.client, nodeName: node, hostIP, podIP }, podIP !== hostIP ? { ip: podIP } : undefined);
    if (!group.ok) {
      this.blocked.set(uid, { reason: group.reason, message: group.message, agentId });
      this.kubeletEvents.event(pod, "Warning", "Failed", group.message);
      this.statusQueue.add(podKey(pod));
      return undefined;
    }
    this.launched.set(uid, agentId);
    const at = Date.now() / 1000;
    for (const t of group.tasks) this.tasks.set({ taskId: t.task_id.value, state: "TASK_STAGING", at, agentId, podUid: uid, podKey: podKey(pod), container: t.name });
    this.statusQueue.add(podKey(pod));
    return { type: "LAUNCH_GROUP", launch_group: { executor: group.executor, task_group: { tasks: group.tasks } } };
  }

  /** pods/binding, then the Scheduled event; false when the pod cannot be bound (gone, bound elsewhere). */
  private async bind(pod: Pod, node: string): Promise<boolean> {
    const m = pod.metadata ?? {};
    if (pod.spec?.nodeName) return true;
    try {
      await this.opts.client.create(PODS, m.namespace ?? "", { apiVersion: "v1", kind: "Binding", metadata: { name: m.name, namespace: m.namespace, uid: m.uid }, target: { apiVersion: "v1", kind: "Node", name: node } }, { subresource: "binding" });
    } catch (e) {
      this.log.info("binding failed", { pod: podKey(pod), node, err: e });
      return false;
    }
    this.schedulerEvents.event(pod, "Normal", "Scheduled", `Successfully assigned ${m.namespace}/${m.name} to ${node}`);
    return true;
  }

  /** PodScheduled=False, a FailedScheduling event, and back-off (or a cluster event) before the next try. */
  private unschedulable(pod: Pod, message: string): void {
    this.queue.addUnschedulable(podKey(pod));
    this.schedulerEvents.event(pod, "Warning", "FailedScheduling", message);
    const cur = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
    if (cur?.status === "False" && cur.message === message) return;
    const m = pod.metadata ?? {};
    const patch = { metadata: { uid: m.uid }, status: { conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message, lastProbeTime: null, lastTransitionTime: rfc3339(new Date()) }] } };
    this.opts.client.patch(PODS, m.namespace ?? "", m.name ?? "", "strategic", patch, { subresource: "status", fieldManager: SCHEDULER }).catch((e: unknown) => this.log.info("could not mark pod unschedulable", { pod: podKey(pod), err: e }));
  }

  /** A cycle when the next back-off ends (flushBackoffQCompleted) or unschedulable pods are flushed. */
  private armBackoffTimer(): void {
    clearTimeout(this.backoffTimer);
    const next = Math.min(this.queue.nextBackoffEnd() ?? Infinity, this.queue.nextLeftoverFlush() ?? Infinity);
    if (next === Infinity) return;
    this.backoffTimer = setTimeout(() => {
      if (this.queue.hasActive() && this.offers.size === 0) this.reviveSoon();
      this.kick();
    }, Math.max(0, next - Date.now()) + 10);
    this.backoffTimer.unref();
  }

  // ---- task status -> pod status ---------------------------------------------------------

  private onUpdate(s: TaskStatus): void {
    const id = s.task_id.value;
    const parsed = parseTaskId(id);
    if (s.uuid && s.agent_id) void this.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: s.agent_id, task_id: s.task_id, uuid: s.uuid } });
    if (!this.reconciled && s.reason === "REASON_RECONCILIATION") this.settle();
    if (this.nodePorts.onStatus(s)) {
      if (isTerminal(s.state)) this.nodePortsChanged(); // still wanted: held again from the next offer
      return;
    }
    if (!parsed) {
      this.log.warn("update for a task that is not a pod's", { task: id, state: s.state });
      return;
    }
    const key = `${parsed.namespace}/${parsed.pod}`;
    if (s.agent_id) {
      const a = s.agent_id.value;
      if (s.state === "TASK_UNREACHABLE" || ((s.state === "TASK_LOST" || s.state === "TASK_GONE_BY_OPERATOR") && (s.reason === "REASON_AGENT_REMOVED" || s.reason === "REASON_AGENT_DISCONNECTED" || s.reason === "REASON_AGENT_REMOVED_BY_OPERATOR")))
        this.lifecycle.agentLost(a, this.mirror.nodeName(a), s.state);
      else if (s.state === "TASK_RUNNING" && s.reason !== "REASON_RECONCILIATION" && this.lifecycle.agentSeen(a)) this.agentBack(a);
    }
    this.unanswered.delete(id);
    const prev = this.tasks.get(id);
    const agentId = s.agent_id?.value ?? prev?.agentId ?? this.launched.get(parsed.uid) ?? "";
    const at = s.timestamp ?? Date.now() / 1000;
    if (s.state === "TASK_UNKNOWN" && !prev) return; // the master never heard of it
    const rec: TaskRecord = {
      taskId: id,
      state: s.state,
      at,
      agentId,
      podUid: parsed.uid,
      podKey: key,
      container: parsed.container,
      ...(prev?.runningSince !== undefined ? { runningSince: prev.runningSince } : s.state === "TASK_RUNNING" || s.state === "TASK_KILLING" ? { runningSince: at } : {}),
      ...(s.exit_code !== undefined ? { exitCode: s.exit_code } : {}),
      ...(s.message ? { message: s.message } : {}),
      ...(s.reason ? { reason: s.reason } : {}),
      ...(prev?.killSent ? { killSent: true } : {}),
      // The agent's runtime fields (restarts, readiness); a status without them (one the master made) keeps the last.
      ...(s.restart_count !== undefined ? { runtime: s } : prev?.runtime ? { runtime: prev.runtime } : {}),
    };
    this.tasks.set(rec);
    if (agentId && !isTerminal(s.state)) this.launched.set(parsed.uid, agentId);
    // The address the agent gave the pod's network (Mesos reports it per task).
    const reported = s.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address;
    const node = agentId ? this.mirror.nodeName(agentId) : undefined;
    if (reported && node && !isTerminal(s.state)) this.podIPs.note(parsed.uid, node, reported);
    // Every container ended: the agent freed the pod's address (its status keeps showing it, as kubelet's does).
    if (isTerminal(s.state) && !this.tasks.ofPod(parsed.uid).some((t) => !isTerminal(t.state))) this.podIPs.release(parsed.uid);
    const pod = this.podByUid(key, parsed.uid);
    if (s.state === "TASK_RUNNING" && prev?.state !== "TASK_RUNNING" && pod && prev) this.kubeletEvents.event(pod, "Normal", "Started", `Started container ${parsed.container}`);
    if (pod && s.backoff && !prev?.runtime?.backoff) this.kubeletEvents.event(pod, "Warning", "BackOff", `Back-off restarting failed container ${parsed.container} in pod ${parsed.pod}_${parsed.namespace}(${parsed.uid})`);
    // The launch never happened (offer gone, agent gone before it started, or a master that
    // failed over before the launch reached the agent: reconciliation answers TASK_GONE, or
    // TASK_UNKNOWN for an agent it does not know): place the pod again.
    const neverArrived = s.reason === "REASON_RECONCILIATION" && (s.state === "TASK_GONE" || s.state === "TASK_UNKNOWN" || s.state === "TASK_LOST");
    if (!prev?.runningSince && rec.runningSince === undefined && (s.state === "TASK_DROPPED" || s.reason === "REASON_INVALID_OFFERS" || neverArrived)) {
      this.log.info("launch dropped, the pod goes back to the queue", { task: id, message: s.message });
      for (const t of this.tasks.ofPod(parsed.uid)) this.tasks.delete(t.taskId);
      this.launched.delete(parsed.uid);
      if (pod) this.pendingPods.note(key, pod); // pending again without an event of its own
      this.podIPs.release(parsed.uid);
      this.kick();
      return;
    }
    if (this.reconciled && !pod) {
      // Its pod is gone: stop the task, and forget it once it has ended.
      if (!isTerminal(s.state)) this.kill(rec, 0);
      else {
        this.tasks.delete(id);
        if (!this.tasks.hasPod(parsed.uid)) this.launched.delete(parsed.uid);
      }
      return;
    }
    this.statusQueue.add(key);
  }

  /**
   * The pod object is gone: the agent may drop its ended containers' sandboxes and logs
   * (kubelet removes a deleted pod's dead containers; the agent keeps them until then).
   */
  private releaseSandbox(agentId: string, pod: Pod): void {
    if (!agentId) return;
    void this.call({ type: "SHUTDOWN", shutdown: { executor_id: { value: executorIdOf(pod) }, agent_id: { value: agentId } } });
  }

  private kill(t: TaskRecord, graceSeconds: number): void {
    if (t.killSent) return;
    t.killSent = true;
    void this.call({ type: "KILL", kill: { task_id: { value: t.taskId }, agent_id: { value: t.agentId }, kill_policy: { grace_period: { nanoseconds: Math.max(0, graceSeconds) * 1e9 } } } });
  }

  private async statusWorker(): Promise<void> {
    for (;;) {
      const key = await this.statusQueue.get();
      if (key === undefined) return;
      try {
        await this.syncPod(key);
        this.statusQueue.forget(key);
      } catch (e) {
        if (!this.stopped) {
          this.log.info("pod sync failed, will retry", { pod: key, err: e });
          this.statusQueue.addRateLimited(key);
        }
      } finally {
        this.statusQueue.done(key);
      }
    }
  }

  /** What kubelet's pod workers do for a pod: keep its status, and finish its deletion. */
  private async syncPod(key: string): Promise<void> {
    if (!this.reconciled) return;
    const pod = this.pods.get(key);
    if (!pod) return;
    const m = pod.metadata ?? {};
    const uid = m.uid ?? "";
    const mine = this.tasks.ofPod(uid);
    if (m.deletionTimestamp && pod.spec?.nodeName) {
      const live = mine.filter((t) => !isTerminal(t.state));
      if (live.length) {
        for (const t of live) {
          if (!t.killSent) this.kubeletEvents.event(pod, "Normal", "Killing", `Stopping container ${t.container}`);
          this.kill(t, m.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
        }
        return;
      }
      // Every container has ended: remove the object, as kubelet does once a pod is terminated.
      try {
        await this.opts.client.delete(PODS, m.namespace ?? "", m.name ?? "", { gracePeriodSeconds: 0, preconditions: { uid } });
      } catch (e) {
        if (!(e instanceof ApiClientError && (e.code === 404 || e.code === 409))) throw e;
      }
      // Its node's agent too: tasks that ended before a framework restart are not reconciled, yet their sandboxes are kept.
      const nodeAgent = this.mirror.agentOfNode(pod.spec.nodeName);
      for (const a of new Set([...mine.map((t) => t.agentId), ...(nodeAgent ? [nodeAgent] : [])])) this.releaseSandbox(a, pod);
      for (const t of mine) this.tasks.delete(t.taskId);
      this.launched.delete(uid);
      this.blocked.delete(uid);
      this.podIPs.release(uid);
      return;
    }
    const blocked = this.blocked.get(uid);
    if (!mine.length && !blocked) return;
    const agentId = blocked?.agentId ?? mine[0]?.agentId ?? "";
    const status = computePodStatus({
      pod,
      tasks: new Map(mine.map((t) => [t.container, t])),
      hostIP: this.mirror.agent(agentId)?.ip ?? "127.0.0.1",
      podIP: this.podIPOf(pod, agentId),
      ...(blocked ? { blocked } : {}),
      now: new Date(),
    });
    if (sameStatus(pod.status, status)) return;
    await this.opts.client.patch(PODS, m.namespace ?? "", m.name ?? "", "merge", { metadata: { uid }, status }, { subresource: "status", fieldManager: "kubelet" });
  }
}

/**
 * A container's requests, by the container object of the informer's pod (replaced, never
 * changed, on every update): taskAmounts reads them for every task record set (each status
 * update), and parsing the same quantities each time was most of that cost.
 */
const requestsOf = new WeakMap<object, Amounts>();

function queued(p: Pod): QueuedPod {
  return { key: podKey(p), uid: p.metadata?.uid ?? "", priority: p.spec?.priority ?? 0, timestamp: Date.parse(p.metadata?.creationTimestamp ?? "") || 0 };
}

/** Bound to a node and not finished: it holds resources there. */
function isActive(p: Pod): boolean {
  return Boolean(p.spec?.nodeName) && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed";
}

/** isPodUpdated: anything but status and resourceVersion changed. */
function significantChange(old: Pod, p: Pod): boolean {
  const strip = (x: Pod) => JSON.stringify({ spec: x.spec, labels: x.metadata?.labels, annotations: x.metadata?.annotations });
  return strip(old) !== strip(p);
}

function addScalars(a: Free, o: Offer): void {
  for (const r of o.resources) {
    const v = r.scalar?.value ?? 0;
    if (r.name === "cpus") a.cpus += v;
    else if (r.name === "mem") a.mem += v;
    else if (r.name === "disk") a.disk += v;
    else if (r.name === "ports" && r.type === "RANGES") a.ports = [...(a.ports ?? []), ...(r.ranges?.range ?? [])];
  }
}

/** What a pod asks of an agent: its task group's scalars and its ports (containerPorts too in host networking). */
function needsOf(pod: Pod, hostNetworked: boolean): Needs {
  return { ...podResources(pod), ports: podHostPorts(pod, !hostNetworked) };
}

/** Whether every field of b is already in a (key order and null/absent aside): no write needed. */
function sameStatus(a: Pod["status"], b: NonNullable<Pod["status"]>): boolean {
  if (!a) return false;
  for (const k of Object.keys(b) as (keyof typeof b)[]) if (canonical(a[k]) !== canonical(b[k])) return false;
  return true;
}

function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === "object")
      return Object.fromEntries(
        Object.entries(x)
          .filter(([, y]) => y !== null && y !== undefined)
          .sort(([p], [q]) => p.localeCompare(q))
          .map(([k, y]) => [k, norm(y)]),
      );
    return x;
  };
  return JSON.stringify(norm(v));
}
