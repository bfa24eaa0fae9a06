/**
 * The disruption controller (pkg/controller/disruption), minimal: for each
 * PodDisruptionBudget, the pods its selector picks in its namespace, how many are
 * expected (minAvailable as a number: the pods found; maxUnavailable or a percentage:
 * the scale of the pods' controllers: ReplicaSet or its Deployment, ReplicationController,
 * StatefulSet), how many are healthy (Ready, not being deleted, not just evicted) and so
 * how many disruptions the eviction subresource may allow. disruptedPods entries the
 * eviction added are dropped once the pod is being deleted or after 2 minutes.
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import { labelSelectorMatcher } from "./util/labels.js";
import { DEPLOYMENTS, PODS, REPLICA_SETS, REPLICATION_CONTROLLERS, controllerOf, isConflict, isNotFound, keyOf, meta, rfc3339, splitKey, type Pod } from "./util/objects.js";
import { isPodReady } from "./util/pods.js";

export const PDBS = { group: "policy", version: "v1", plural: "poddisruptionbudgets" } as const;
const STATEFUL_SETS = { group: "apps", version: "v1", plural: "statefulsets" } as const;
/** DeletionTimeout: how long an eviction's disruptedPods entry counts without the pod being deleted. */
const DELETION_TIMEOUT_MS = 2 * 60_000;

interface Pdb extends KubeObject {
  spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }; minAvailable?: number | string; maxUnavailable?: number | string };
  status?: Record<string, unknown> & { disruptedPods?: Record<string, string>; conditions?: { type: string; status: string; reason: string; message: string; lastTransitionTime?: string; observedGeneration?: number }[] };
}

type Scaled = KubeObject & { spec?: { replicas?: number } };

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
function scaled(v: number | string, total: number): number {
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(v) || 0;
}

export class DisruptionController implements Controller {
  readonly name = "disruption-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly pdbs: Informer<Pdb>;
  private readonly pods: Informer<Pod>;
  private readonly owners: Record<string, Informer<Scaled>>;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.pdbs = ctx.informers.for<Pdb>(PDBS);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.owners = {
      ReplicaSet: ctx.informers.for<Scaled>(REPLICA_SETS),
      Deployment: ctx.informers.for<Scaled>(DEPLOYMENTS),
      ReplicationController: ctx.informers.for<Scaled>(REPLICATION_CONTROLLERS),
      StatefulSet: ctx.informers.for<Scaled>(STATEFUL_SETS),
    };
    const enqueue = (b: Pdb) => this.loop.queue.add(keyOf(b));
    this.pdbs.on({ add: enqueue, update: enqueue });
    const podChanged = (p: Pod) => {
      for (const b of this.pdbs.list()) if (meta(b).namespace === meta(p).namespace && this.selects(b, p)) enqueue(b);
    };
    this.pods.on({ add: podChanged, update: (p, old) => (podChanged(p), podChanged(old)), delete: podChanged });
    // Scale changes move expectedPods.
    for (const inf of Object.values(this.owners)) inf.on({ update: (o) => this.pdbs.list().filter((b) => meta(b).namespace === meta(o).namespace).forEach(enqueue) });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  private selects(b: Pdb, p: Pod): boolean {
    try {
      return labelSelectorMatcher(b.spec?.selector as never)(meta(p).labels ?? {});
    } catch {
      return false;
    }
  }

  /** getExpectedScale: the sum of the replicas of the pods' controllers (each counted once). */
  private expectedScale(pods: Pod[]): number | string {
    const seen = new Set<string>();
    let total = 0;
    for (const p of pods) {
      const ref = controllerOf(p);
      if (!ref) return `found no controller ref for pod "${meta(p).name}"`;
      const ns = meta(p).namespace ?? "";
      let owner = this.owners[ref.kind]?.get(`${ns}/${ref.name}`);
      if (owner && ref.kind === "ReplicaSet") {
        const dref = controllerOf(owner);
        const d = dref?.kind === "Deployment" ? this.owners.Deployment!.get(`${ns}/${dref.name}`) : undefined;
        if (d) owner = d;
      }
      if (!owner) return `found no controllers for pod "${meta(p).name}"`;
      const uid = meta(owner).uid ?? keyOf(owner);
      if (seen.has(uid)) continue;
      seen.add(uid);
      total += owner.spec?.replicas ?? 1;
    }
    return total;
  }

  private async sync(key: string): Promise<void> {
    const pdb = this.pdbs.get(key);
    if (!pdb || meta(pdb).deletionTimestamp) return;
    const { namespace } = splitKey(key);
    const pods = this.pods.list().filter((p) => meta(p).namespace === namespace && this.selects(pdb, p));
    const now = this.ctx.now().getTime();
    let expected = 0;
    let desired = 0;
    let failure: string | undefined;
    const spec = pdb.spec ?? {};
    if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
      const s = this.expectedScale(pods);
      if (typeof s === "string") failure = s;
      else {
        expected = s;
        desired = Math.max(0, expected - scaled(spec.maxUnavailable, expected));
      }
    } else if (typeof spec.minAvailable === "number") {
      expected = pods.length;
      desired = spec.minAvailable;
    } else if (typeof spec.minAvailable === "string") {
      const s = this.expectedScale(pods);
      if (typeof s === "string") failure = s;
      else {
        expected = s;
        desired = scaled(spec.minAvailable, expected);
      }
    }
    // disruptedPods: entries still pending (pod not yet being deleted, not expired).
    const disrupted: Record<string, string> = {};
    for (const [name, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const p = pods.find((x) => meta(x).name === name);
      if (!p || meta(p).deletionTimestamp) continue;
      if (now - Date.parse(at) > DELETION_TIMEOUT_MS) continue;
      disrupted[name] = at;
    }
    const healthy = pods.filter((p) => !meta(p).deletionTimestamp && !disrupted[meta(p).name ?? ""] && isPodReady(p)).length;
    const allowed = failure || expected <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
    const generation = meta(pdb).generation ?? 0;
    const cond = failure
      ? { type: "DisruptionAllowed", status: "False", reason: "SyncFailed", message: failure }
      : allowed > 0
        ? { type: "DisruptionAllowed", status: "True", reason: "SufficientPods", message: "" }
        : { type: "DisruptionAllowed", status: "False", reason: "InsufficientPods", message: "" };
    const prev = pdb.status?.conditions?.find((c) => c.type === "DisruptionAllowed");
    const condition = { ...cond, observedGeneration: generation, lastTransitionTime: prev && prev.status === cond.status ? (prev.lastTransitionTime ?? rfc3339(new Date(now))) : rfc3339(new Date(now)) };
    const status = {
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy: failure ? 0 : healthy,
      desiredHealthy: failure ? 0 : desired,
      expectedPods: failure ? 0 : expected,
      observedGeneration: generation,
      conditions: [...(pdb.status?.conditions ?? []).filter((c) => c.type !== "DisruptionAllowed"), condition],
    };
    if (JSON.stringify(status) === JSON.stringify(pdb.status)) return;
    try {
      await this.ctx.client.update(PDBS, namespace, { ...pdb, status }, { subresource: "status" });
    } catch (e) {
      if (isNotFound(e)) return;
      if (isConflict(e)) throw e;
      throw e;
    }
    // Expiring disruptedPods entries need a later look.
    if (Object.keys(disrupted).length) setTimeout(() => this.loop.queue.add(key), DELETION_TIMEOUT_MS).unref();
  }
}
