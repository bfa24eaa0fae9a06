/**
 * The ReplicaSet and ReplicationController controllers (pkg/controller/replicaset; the
 * RC controller is the same code seeing RCs as ReplicaSets, as upstream's
 * pkg/controller/replication does): keep spec.replicas active pods from the template,
 * claiming pods by selector, creating in slow-start batches, deleting the pods
 * earliest in their life first, and reporting status.
 */
import type { KubeObject } from "../types.js";
import type { ResourceRef } from "../client/types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import { Expectations } from "./runtime/expectations.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { labelSelectorMatcher, labelsContain, type LabelMatcher } from "./util/labels.js";
import {
  NAMESPACES,
  PODS,
  REPLICA_SETS,
  REPLICATION_CONTROLLERS,
  clone,
  controllerOf,
  isConflict,
  isNamespaceTerminating,
  isNotFound,
  jsonEqual,
  keyOf,
  meta,
  newControllerRef,
  rfc3339,
  splitKey,
  type Condition,
  type LabelSelector,
  type ObjectMeta,
  type Pod,
  type PodTemplateSpec,
} from "./util/objects.js";
import { isPodActive, isPodAvailable, isPodReady, rankPodsForDeletion } from "./util/pods.js";
import { claimObjects, recheckDeletionTimestamp } from "./util/ref-manager.js";

/** controller.SlowStartInitialBatchSize */
const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** BurstReplicas of kube-controller-manager: most pods created or deleted in one sync. */
const BURST_REPLICAS = 500;
/** statusUpdateRetries */
const STATUS_UPDATE_RETRIES = 1;

export interface ReplicaSetStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: Condition[];
  [k: string]: unknown;
}

/** A ReplicaSet or ReplicationController as JSON. */
export interface ReplicaSetLike extends KubeObject {
  spec?: {
    replicas?: number;
    minReadySeconds?: number;
    selector?: LabelSelector | Record<string, string>;
    template?: PodTemplateSpec;
    [k: string]: unknown;
  };
  status?: ReplicaSetStatus;
}

/** What differs between the two kinds this controller serves. */
interface Kind {
  readonly name: string;
  readonly component: string;
  readonly resource: ResourceRef;
  readonly apiVersion: string;
  readonly kind: string;
  /** The selector as a LabelSelector (an RC's map selector becomes matchLabels). */
  selector(obj: ReplicaSetLike): LabelSelector | undefined;
}

const REPLICA_SET_KIND: Kind = {
  name: "replicaset-controller",
  component: "replicaset-controller",
  resource: REPLICA_SETS,
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  selector: (rs) => rs.spec?.selector as LabelSelector | undefined,
};

const REPLICATION_CONTROLLER_KIND: Kind = {
  name: "replicationcontroller-controller",
  component: "replication-controller",
  resource: REPLICATION_CONTROLLERS,
  apiVersion: "v1",
  kind: "ReplicationController",
  // As the RC defaulter, an absent selector is the template's labels; the conversion
  // to a ReplicaSet turns the map into matchLabels.
  selector: (rc) => {
    const sel = (rc.spec?.selector as Record<string, string> | undefined) ?? rc.spec?.template?.metadata?.labels;
    return sel ? { matchLabels: sel } : undefined;
  },
};

/** replicas with its API default of 1. */
export function specReplicas(o: { spec?: { replicas?: number } }): number {
  return o.spec?.replicas ?? 1;
}

export class ReplicaSetController implements Controller {
  readonly name: string;
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly expectations = new Expectations();
  private readonly owners: Informer<ReplicaSetLike>;
  private readonly ownerIndex: NamespaceIndex<ReplicaSetLike>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly namespaces: Informer;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly k: Kind,
    workers: number,
  ) {
    this.name = k.name;
    this.log = ctx.log.child({ controller: k.name });
    this.recorder = ctx.events.newRecorder(k.component);
    this.loop = new SyncLoop(k.name, this.log, (key) => this.sync(key), { workers });
    this.owners = ctx.informers.for<ReplicaSetLike>(k.resource);
    this.ownerIndex = ctx.informers.index<ReplicaSetLike>(k.resource);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.namespaces = ctx.informers.for(NAMESPACES);
    this.owners.on({
      add: (rs) => this.enqueue(rs),
      update: (rs) => this.enqueue(rs),
      delete: (rs) => {
        this.expectations.delete(keyOf(rs));
        this.enqueue(rs);
      },
    });
    ctx.informers.for<Pod>(PODS).on({
      add: (p) => this.addPod(p),
      update: (cur, old) => this.updatePod(cur, old),
      delete: (p) => this.deletePod(p),
    });
  }

  static replicaSets(ctx: ControllerContext, workers = 5): ReplicaSetController {
    return new ReplicaSetController(ctx, REPLICA_SET_KIND, workers);
  }

  static replicationControllers(ctx: ControllerContext, workers = 5): ReplicaSetController {
    return new ReplicaSetController(ctx, REPLICATION_CONTROLLER_KIND, workers);
  }

  async start(): Promise<void> {
    this.loop.start();
    this.log.info("started");
  }

  stop(): void {
    this.loop.stop();
  }

  private enqueue(rs: KubeObject): void {
    this.loop.queue.add(keyOf(rs));
  }

  // ---- pod events (replica_set.go addPod/updatePod/deletePod) -----------------------

  /** The owner a controllerRef names, if it is of our kind and still the same object. */
  private resolveControllerRef(ns: string, ref: { kind: string; name: string; uid: string; apiVersion: string } | undefined): ReplicaSetLike | undefined {
    if (!ref || ref.kind !== this.k.kind || groupOf(ref.apiVersion) !== groupOf(this.k.apiVersion)) return undefined;
    const rs = this.ownerIndex.get(ns, ref.name);
    return rs && meta(rs).uid === ref.uid ? rs : undefined;
  }

  /** Owners whose selector matches an orphan pod. */
  private podOwners(pod: Pod): ReplicaSetLike[] {
    const m = meta(pod);
    return this.ownerIndex.list(m.namespace ?? "").filter((rs) => {
      try {
        return labelSelectorMatcher(this.k.selector(rs))(m.labels);
      } catch {
        return false;
      }
    });
  }

  private addPod(pod: Pod): void {
    const m = meta(pod);
    if (m.deletionTimestamp) return this.deletePod(pod);
    const cref = controllerOf(pod);
    if (cref) {
      const rs = this.resolveControllerRef(m.namespace ?? "", cref);
      if (!rs) return;
      this.expectations.creationObserved(keyOf(rs));
      this.enqueue(rs);
      return;
    }
    for (const rs of this.podOwners(pod)) this.enqueue(rs);
  }

  private updatePod(cur: Pod, old: Pod): void {
    const cm = meta(cur);
    const om = meta(old);
    if (cm.resourceVersion === om.resourceVersion) return;
    const labelChanged = !jsonEqual(cm.labels ?? {}, om.labels ?? {});
    if (cm.deletionTimestamp) {
      // A pod being deleted counts as deleted for the expectations at once, as upstream.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !jsonEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(om.namespace ?? "", oldRef);
      if (rs) this.enqueue(rs);
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cm.namespace ?? "", curRef);
      if (!rs) return;
      this.enqueue(rs);
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.loop.queue.addAfter(keyOf(rs), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.podOwners(cur)) this.enqueue(rs);
  }

  private deletePod(pod: Pod): void {
    const m = meta(pod);
    const rs = this.resolveControllerRef(m.namespace ?? "", controllerOf(pod));
    if (!rs) return;
    this.expectations.deletionObserved(keyOf(rs), keyOf(pod));
    this.enqueue(rs);
  }

  // ---- sync -------------------------------------------------------------------------

  private async sync(key: string): Promise<void> {
    const cached = this.owners.get(key);
    if (!cached) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const rs = clone(cached);
    const m = meta(rs);
    const ns = m.namespace ?? "";
    let match: LabelMatcher;
    try {
      match = labelSelectorMatcher(this.k.selector(rs));
    } catch (e) {
      this.log.warn("invalid selector", { key, err: e });
      return;
    }
    const active = this.podIndex.list(ns).filter(isPodActive);
    const pods = await claimObjects(
      {
        client: this.ctx.client,
        log: this.log,
        resource: PODS,
        owner: rs,
        ownerApiVersion: this.k.apiVersion,
        ownerKind: this.k.kind,
        match: (p) => match(meta(p).labels),
        canAdopt: recheckDeletionTimestamp(this.ctx.client, this.k.resource, rs),
      },
      active,
    );
    let manageErr: unknown;
    if (needsSync && !m.deletionTimestamp) {
      try {
        await this.manageReplicas(pods, rs);
      } catch (e) {
        manageErr = e ?? new Error("manageReplicas failed");
      }
    }
    const status = this.calculateStatus(rs, pods, manageErr);
    const updated = await this.updateStatus(rs, status);
    const minReady = updated.spec?.minReadySeconds ?? 0;
    const want = specReplicas(updated);
    if (manageErr === undefined && minReady > 0 && (updated.status?.readyReplicas ?? 0) === want && (updated.status?.availableReplicas ?? 0) !== want)
      this.loop.queue.addAfter(key, minReady * 1000);
    if (manageErr !== undefined) throw manageErr;
  }

  private namespaceTerminating(ns: string): boolean {
    const n = this.namespaces.get(ns) as { status?: { phase?: string } } | undefined;
    return !!n && (n.status?.phase === "Terminating" || !!meta(n as KubeObject).deletionTimestamp);
  }

  /** Create or delete pods so that spec.replicas of them are active. */
  private async manageReplicas(pods: Pod[], rs: ReplicaSetLike): Promise<void> {
    const key = keyOf(rs);
    const m = meta(rs);
    const ns = m.namespace ?? "";
    let diff = pods.length - specReplicas(rs);
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff);
      this.log.info("too few replicas", { [this.k.kind]: key, need: specReplicas(rs), creating: diff });
      const { successes, error } = await slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, async () => {
        try {
          await this.createPod(rs);
        } catch (e) {
          // A terminating namespace refuses every create: nothing to do.
          if (isNamespaceTerminating(e, this.namespaceTerminating(ns))) return;
          throw e;
        }
      });
      const skipped = diff - successes;
      if (skipped > 0) {
        this.log.info("slow-start failure, skipping creation of pods", { [this.k.kind]: key, skipped });
        for (let i = 0; i < skipped; i++) this.expectations.creationObserved(key);
      }
      if (error !== undefined) throw error;
      return;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      this.log.info("too many replicas", { [this.k.kind]: key, need: specReplicas(rs), deleting: diff });
      const victims = this.podsToDelete(pods, this.relatedPods(rs), diff);
      this.expectations.expectDeletions(key, victims.map((p) => keyOf(p)));
      const results = await Promise.allSettled(victims.map((p) => this.deletePodOf(rs, p)));
      const errors: unknown[] = [];
      results.forEach((r, i) => {
        if (r.status === "fulfilled") return;
        const p = victims[i]!;
        this.expectations.deletionObserved(key, keyOf(p));
        if (!isNotFound(r.reason)) errors.push(r.reason);
      });
      if (errors.length) throw errors[0];
    }
  }

  /** getPodsToDelete: the diff pods ranked first for deletion. */
  private podsToDelete(pods: Pod[], related: Pod[], diff: number): Pod[] {
    if (diff >= pods.length) return pods.slice(0, diff);
    const onNode = new Map<string, number>();
    for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? "", (onNode.get(p.spec?.nodeName ?? "") ?? 0) + 1);
    const ranks = pods.map((p) => onNode.get(p.spec?.nodeName ?? "") ?? 0);
    return rankPodsForDeletion(pods, ranks, this.ctx.now().getTime()).slice(0, diff);
  }

  /** getIndirectlyRelatedPods: pods of every owner sharing this one's controller (the ReplicaSets of one Deployment). */
  private relatedPods(rs: ReplicaSetLike): Pod[] {
    const cref = controllerOf(rs);
    if (!cref) return [];
    const ns = meta(rs).namespace ?? "";
    const seen = new Set<string>();
    const out: Pod[] = [];
    for (const other of this.ownerIndex.list(ns)) {
      if (controllerOf(other)?.uid !== cref.uid) continue;
      let match: LabelMatcher;
      try {
        match = labelSelectorMatcher(this.k.selector(other));
      } catch {
        continue;
      }
      for (const p of this.podIndex.list(ns)) {
        const uid = meta(p).uid ?? "";
        if (seen.has(uid) || !match(meta(p).labels)) continue;
        seen.add(uid);
        out.push(p);
      }
    }
    return out;
  }

  /** RealPodControl.CreatePods from the template, with the controller reference. */
  private async createPod(rs: ReplicaSetLike): Promise<void> {
    const m = meta(rs);
    const tmpl = rs.spec?.template ?? {};
    const tm: ObjectMeta = tmpl.metadata ?? {};
    const name = m.name ?? "";
    const prefix = name.length + 1 <= 253 ? `${name}-` : name;
    const podMeta: ObjectMeta = {
      generateName: prefix,
      ...(tm.labels ? { labels: { ...tm.labels } } : {}),
      ...(tm.annotations ? { annotations: { ...tm.annotations } } : {}),
      ...(tm.finalizers ? { finalizers: [...tm.finalizers] } : {}),
      ownerReferences: [newControllerRef(rs, this.k.apiVersion, this.k.kind)],
    };
    if (!Object.keys(podMeta.labels ?? {}).length) throw new Error("unable to create pods, no labels");
    const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata: podMeta as KubeObject["metadata"], spec: clone(tmpl.spec ?? {}) };
    let created: Pod;
    try {
      created = await this.ctx.client.create<Pod>(PODS, m.namespace ?? "", pod);
    } catch (e) {
      if (!isNamespaceTerminating(e, this.namespaceTerminating(m.namespace ?? ""))) this.recorder.event(rs, "Warning", "FailedCreate", `Error creating: ${errorMessage(e)}`);
      throw e;
    }
    this.log.info("created pod", { [this.k.kind]: keyOf(rs), pod: keyOf(created) });
    this.recorder.event(rs, "Normal", "SuccessfulCreate", `Created pod: ${meta(created).name}`);
  }

  /** RealPodControl.DeletePod. */
  private async deletePodOf(rs: ReplicaSetLike, pod: Pod): Promise<void> {
    const pm = meta(pod);
    this.log.info("deleting pod", { [this.k.kind]: keyOf(rs), pod: keyOf(pod) });
    try {
      await this.ctx.client.delete(PODS, pm.namespace ?? "", pm.name ?? "");
    } catch (e) {
      if (isNotFound(e)) throw e;
      this.recorder.event(rs, "Warning", "FailedDelete", `Error deleting: ${errorMessage(e)}`);
      throw new Error(`unable to delete pods: ${errorMessage(e)}`);
    }
    this.recorder.event(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pm.name}`);
  }

  /** replica_set_utils.go calculateStatus. */
  private calculateStatus(rs: ReplicaSetLike, pods: Pod[], manageErr: unknown): ReplicaSetStatus {
    const status: ReplicaSetStatus = clone(rs.status ?? {});
    const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const now = this.ctx.now().getTime();
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    for (const p of pods) {
      if (labelsContain(meta(p).labels, templateLabels)) fullyLabeled++;
      if (isPodReady(p)) {
        ready++;
        if (isPodAvailable(p, minReady, now)) available++;
      }
    }
    const failure = status.conditions?.find((c) => c.type === "ReplicaFailure");
    if (manageErr !== undefined && !failure) {
      const diff = pods.length - specReplicas(rs);
      const reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
      status.conditions = [...(status.conditions ?? []), { type: "ReplicaFailure", status: "True", lastTransitionTime: rfc3339(this.ctx.now()), reason, message: errorMessage(manageErr) }];
    } else if (manageErr === undefined && failure) {
      status.conditions = (status.conditions ?? []).filter((c) => c.type !== "ReplicaFailure");
      if (!status.conditions.length) delete status.conditions;
    }
    status.replicas = pods.length;
    setOrOmit(status, "fullyLabeledReplicas", fullyLabeled);
    setOrOmit(status, "readyReplicas", ready);
    setOrOmit(status, "availableReplicas", available);
    return status;
  }

  /** updateReplicaSetStatus: write status unless it is the steady state; one retry after a conflict. */
  private async updateStatus(rs: ReplicaSetLike, status: ReplicaSetStatus): Promise<ReplicaSetLike> {
    const cur = rs.status ?? {};
    const generation = meta(rs).generation ?? 0;
    if (
      (cur.replicas ?? 0) === (status.replicas ?? 0) &&
      (cur.fullyLabeledReplicas ?? 0) === (status.fullyLabeledReplicas ?? 0) &&
      (cur.readyReplicas ?? 0) === (status.readyReplicas ?? 0) &&
      (cur.availableReplicas ?? 0) === (status.availableReplicas ?? 0) &&
      generation === (cur.observedGeneration ?? 0) &&
      jsonEqual(cur.conditions ?? [], status.conditions ?? [])
    )
      return rs;
    let target = rs;
    for (let i = 0; ; i++) {
      const next: ReplicaSetStatus = { ...status };
      setOrOmit(next, "observedGeneration", meta(target).generation ?? 0);
      const body = { ...clone(target), status: next };
      try {
        const updated = await this.ctx.client.update<ReplicaSetLike>(this.k.resource, meta(target).namespace ?? "", body, { subresource: "status" });
        this.log.debug("updated status", { [this.k.kind]: keyOf(rs), replicas: next.replicas, ready: next.readyReplicas ?? 0, available: next.availableReplicas ?? 0 });
        return updated;
      } catch (e) {
        if (!isConflict(e) || i >= STATUS_UPDATE_RETRIES) throw e;
        const { namespace, name } = splitKey(keyOf(rs));
        target = await this.ctx.client.get<ReplicaSetLike>(this.k.resource, namespace, name);
      }
    }
  }
}

/**
 * slowStartBatch: call fn count times in batches of 1, 2, 4... concurrently, stopping
 * after the first batch with a failure.
 */
export async function slowStartBatch(count: number, initial: number, fn: () => Promise<void>): Promise<{ successes: number; error?: unknown }> {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: batch }, () => fn()));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    successes += batch - failed.length;
    if (failed.length) return { successes, error: failed[0]!.reason };
    remaining -= batch;
  }
  return { successes };
}

function setOrOmit(o: Record<string, unknown>, k: string, v: number): void {
  if (v) o[k] = v;
  else delete o[k];
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf("/");
  return i < 0 ? "" : apiVersion.slice(0, i);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
