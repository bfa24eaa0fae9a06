/**
 * What kube-controller-manager's node-lifecycle and taint-eviction controllers do, for
 * the agents the framework mirrors as Nodes:
 *   - an agent the master reports lost (FAILURE, its tasks TASK_UNREACHABLE/TASK_LOST, or
 *     its offers rescinded and none coming back within the grace period) gets every node
 *     condition Unknown ("Kubelet stopped posting node status."), its Lease is no longer
 *     renewed, and it is tainted node.kubernetes.io/unreachable NoSchedule and NoExecute
 *     (not-ready for a Ready=False node);
 *   - pods on a node with NoExecute taints are deleted once their tolerations run out
 *     (not tolerated: at once; tolerationSeconds: that long after the taint was added;
 *     DefaultTolerationSeconds gives every pod 300 s for not-ready/unreachable);
 *   - an agent that comes back (offers again) loses those taints and is Ready again;
 *   - spec.unschedulable (kubectl cordon) is mirrored by the
 *     node.kubernetes.io/unschedulable:NoSchedule taint, added and removed.
 */
import type { ApiClient } from "../k8s-api/client/types.js";
import { ApiClientError } from "../k8s-api/client/types.js";
import type { EventRecorder } from "../k8s-api/controllers/runtime/events.js";
import type { Logger } from "../util/log.js";
import { tolerationsTolerateTaint, toleratesTaint } from "./scheduling/taints.js";
import { toTolerations } from "./scheduling/index.js";
import { NODES, PODS, podKey, rfc3339, type NodeObj, type Pod } from "./types.js";

export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
export const NODE_STATUS_UNKNOWN_MESSAGE = "Kubelet stopped posting node status.";

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface NodeLifecycleOptions {
  /** How long an agent whose offers were rescinded may stay silent before it counts as lost (node-monitor-grace-period, default 50 s). */
  readonly gracePeriodMs?: number;
  /** How often NoExecute taints are checked against pods' tolerations (default 1 s). */
  readonly evictionPollMs?: number;
}

export interface LifecycleDeps {
  readonly client: ApiClient;
  readonly log: Logger;
  readonly events: EventRecorder;
  nodes(): NodeObj[];
  node(name: string): NodeObj | undefined;
  pods(): Pod[];
  /** The agent stops (true) or resumes (false) posting its Node status and Lease. */
  setPosting(agentId: string, posting: boolean): void;
}

export class NodeLifecycle {
  private readonly lost = new Map<string, string>();
  /** Agent -> when its offers were rescinded (a disconnected agent's are). */
  private readonly rescinded = new Map<string, { at: number; node: string }>();
  private readonly timer: NodeJS.Timeout;
  private readonly evicted = new Set<string>();
  private readonly gracePeriodMs: number;
  private busy = false;

  constructor(
    private readonly d: LifecycleDeps,
    opts: NodeLifecycleOptions = {},
  ) {
    this.gracePeriodMs = opts.gracePeriodMs ?? 50_000;
    this.timer = setInterval(() => void this.tick(), opts.evictionPollMs ?? 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  isLost(agentId: string): boolean {
    return this.lost.has(agentId);
  }

  /** The master says the agent is gone (FAILURE, unreachable tasks). */
  agentLost(agentId: string, node: string | undefined, why: string): void {
    if (!node || this.lost.has(agentId)) return;
    this.lost.set(agentId, node);
    this.rescinded.delete(agentId);
    this.d.log.warn("agent lost: node unreachable", { agent: agentId, node, why });
    this.d.setPosting(agentId, false);
    void this.markUnknown(node).catch((e: unknown) => this.d.log.warn("could not mark node unreachable", { node, err: e }));
  }

  /** Offers (or running tasks) from the agent again. */
  agentSeen(agentId: string): boolean {
    this.rescinded.delete(agentId);
    const node = this.lost.get(agentId);
    if (!node) return false;
    this.lost.delete(agentId);
    this.d.log.info("agent back: node ready", { agent: agentId, node });
    this.d.setPosting(agentId, true);
    void this.setTaints(node, (ts) => ts.filter((t) => t.key !== TAINT_UNREACHABLE && t.key !== TAINT_NOT_READY)).catch((e: unknown) => this.d.log.warn("could not untaint node", { node, err: e }));
    return true;
  }

  /** An offer of the agent was rescinded: lost if it offers nothing for the grace period. */
  offerRescinded(agentId: string, node: string | undefined): void {
    if (node && !this.rescinded.has(agentId)) this.rescinded.set(agentId, { at: Date.now(), node });
  }

  /** Cordon: spec.unschedulable mirrored by the unschedulable NoSchedule taint. */
  nodeChanged(n: NodeObj): void {
    const name = n.metadata?.name ?? "";
    const want = Boolean(n.spec?.unschedulable);
    const has = ((n.spec?.taints ?? []) as Taint[]).some((t) => t.key === TAINT_UNSCHEDULABLE && t.effect === "NoSchedule");
    if (want === has) return;
    void this.setTaints(name, (ts) => {
      const rest = ts.filter((t) => !(t.key === TAINT_UNSCHEDULABLE && t.effect === "NoSchedule"));
      return want ? [...rest, { key: TAINT_UNSCHEDULABLE, effect: "NoSchedule", timeAdded: rfc3339(new Date()) }] : rest;
    }).catch((e: unknown) => this.d.log.warn("could not sync the unschedulable taint", { node: name, err: e }));
  }

  /** Conditions Unknown, then the NoSchedule and NoExecute taints for its Ready status. */
  private async markUnknown(node: string): Promise<void> {
    const now = rfc3339(new Date());
    const cur = await this.d.client.get<NodeObj>(NODES, "", node);
    const conditions = ((cur.status?.conditions ?? []) as Record<string, unknown>[]).map((c) =>
      c.status === "Unknown" ? c : { ...c, status: "Unknown", reason: "NodeStatusUnknown", message: NODE_STATUS_UNKNOWN_MESSAGE, lastTransitionTime: now },
    );
    if (!conditions.some((c) => c.type === "Ready")) conditions.push({ type: "Ready", status: "Unknown", reason: "NodeStatusNeverUpdated", message: NODE_STATUS_UNKNOWN_MESSAGE, lastHeartbeatTime: now, lastTransitionTime: now });
    await this.d.client.patch(NODES, "", node, "merge", { status: { conditions } }, { subresource: "status", fieldManager: "node-lifecycle-controller" });
    await this.syncReadyTaints(node, "Unknown");
  }

  /** doNoExecuteTaintingPass/doNoScheduleTaintingPass for one Ready status. */
  private async syncReadyTaints(node: string, ready: "False" | "Unknown"): Promise<void> {
    const key = ready === "Unknown" ? TAINT_UNREACHABLE : TAINT_NOT_READY;
    const other = ready === "Unknown" ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    const now = rfc3339(new Date());
    await this.setTaints(node, (ts) => {
      const rest = ts.filter((t) => t.key !== other);
      for (const effect of ["NoSchedule", "NoExecute"]) if (!rest.some((t) => t.key === key && t.effect === effect)) rest.push({ key, effect, ...(effect === "NoExecute" ? { timeAdded: now } : {}) });
      return rest;
    });
  }

  /** Read-modify-write of spec.taints, retried on conflicts. */
  private async setTaints(node: string, f: (ts: Taint[]) => Taint[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const cur = await this.d.client.get<NodeObj>(NODES, "", node);
      const before = (cur.spec?.taints ?? []) as Taint[];
      const after = f(before.map((t) => ({ ...t })));
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      try {
        await this.d.client.update(NODES, "", { ...cur, spec: { ...(cur.spec ?? {}), taints: after } }, { fieldManager: "node-lifecycle-controller" });
        return;
      } catch (e) {
        if (!(e instanceof ApiClientError && e.code === 409) || attempt > 5) throw e;
      }
    }
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now();
      for (const [agentId, r] of this.rescinded) if (now - r.at > this.gracePeriodMs) this.agentLost(agentId, r.node, "no offers since its offers were rescinded");
      await this.evictPass(now);
    } catch (e) {
      this.d.log.warn("node lifecycle pass failed", { err: e });
    } finally {
      this.busy = false;
    }
  }

  /** The taint-eviction controller: delete pods whose NoExecute tolerations have run out. */
  private async evictPass(now: number): Promise<void> {
    const tainted = new Map<string, Taint[]>();
    for (const n of this.d.nodes()) {
      const ts = ((n.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === "NoExecute");
      if (ts.length) tainted.set(n.metadata?.name ?? "", ts);
    }
    if (!tainted.size) return;
    for (const p of this.d.pods()) {
      const taints = tainted.get(p.spec?.nodeName ?? "");
      if (!taints || p.metadata?.deletionTimestamp) continue;
      const due = evictionTime(p, taints);
      if (due === undefined || due > now) continue;
      const key = `${podKey(p)}/${p.metadata?.uid ?? ""}`;
      if (this.evicted.has(key)) continue;
      this.evicted.add(key);
      await this.evict(p).catch((e: unknown) => {
        this.evicted.delete(key);
        this.d.log.warn("taint eviction failed", { pod: podKey(p), err: e });
      });
    }
  }

  private async evict(p: Pod): Promise<void> {
    const m = p.metadata ?? {};
    this.d.events.event(p, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${m.namespace}/${m.name}`);
    const condition = { type: "DisruptionTarget", status: "True", reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint", lastTransitionTime: rfc3339(new Date()) };
    await this.d.client.patch(PODS, m.namespace ?? "", m.name ?? "", "strategic", { metadata: { uid: m.uid }, status: { conditions: [condition] } }, { subresource: "status", fieldManager: "taint-eviction-controller" }).catch(() => undefined);
    try {
      await this.d.client.delete(PODS, m.namespace ?? "", m.name ?? "", { preconditions: { uid: m.uid ?? "" } });
    } catch (e) {
      if (!(e instanceof ApiClientError && (e.code === 404 || e.code === 409))) throw e;
    }
  }
}

/**
 * When a pod on a node with these NoExecute taints is to be deleted: now for a taint it
 * does not tolerate, the earliest (taint added + tolerationSeconds) otherwise, undefined
 * when it tolerates all of them forever (getMinTolerationTime).
 */
export function evictionTime(p: Pod, taints: readonly Taint[]): number | undefined {
  const raw = (p.spec?.tolerations ?? []) as { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[];
  const tols = toTolerations(raw);
  let due: number | undefined;
  for (const t of taints) {
    const taint = { key: t.key, value: t.value ?? "", effect: t.effect };
    if (!tolerationsTolerateTaint(tols, taint)) return 0;
    const added = Date.parse(t.timeAdded ?? "") || 0;
    let min: number | undefined;
    tols.forEach((tol, i) => {
      if (!toleratesTaint(tol, taint)) return;
      const secs = raw[i]!.tolerationSeconds;
      if (secs === undefined || secs === null) return;
      const s = Math.max(0, secs);
      if (min === undefined || s < min) min = s;
    });
    // A toleration without tolerationSeconds tolerates forever unless a bounded one also matches.
    if (min === undefined) continue;
    const at = added + min * 1000;
    if (due === undefined || at < due) due = at;
  }
  return due;
}
