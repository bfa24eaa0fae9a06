/**
 * The Deployment controller (pkg/controller/deployment: deployment_controller.go,
 * sync.go, rolling.go, recreate.go, progress.go): one ReplicaSet per pod template,
 * named <deployment>-<pod-template-hash>; rolling updates within maxSurge and
 * maxUnavailable, Recreate, proportional scaling, pause, revision history cleanup, and
 * status with the Progressing and Available conditions.
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { specReplicas, errorMessage, type ReplicaSetLike } from "./replicaset.js";
import * as du from "./deployment-util.js";
import type { Deployment, DeploymentStatus } from "./deployment-util.js";
import { computeHash } from "./util/hash.js";
import { labelSelectorMatcher, selectorWithLabel, selectsEverything } from "./util/labels.js";
import {
  DEPLOYMENTS,
  NAMESPACES,
  PODS,
  REPLICA_SETS,
  clone,
  controllerOf,
  isAlreadyExists,
  isNamespaceTerminating,
  isNotFound,
  jsonEqual,
  keyOf,
  meta,
  mutableMeta,
  newControllerRef,
  timeOf,
  type Pod,
} from "./util/objects.js";
import { claimObjects, recheckDeletionTimestamp } from "./util/ref-manager.js";

const API_VERSION = "apps/v1";
const KIND = "Deployment";
/** maxRetries of the deployment controller's queue. */
const MAX_RETRIES = 15;

export class DeploymentController implements Controller {
  readonly name = "deployment-controller";
  private readonly log: Logger;
  private readonly loop: SyncLoop;
  private readonly recorder: EventRecorder;
  private readonly deployments: Informer<Deployment>;
  private readonly deploymentIndex: NamespaceIndex<Deployment>;
  private readonly rsIndex: NamespaceIndex<ReplicaSetLike>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly namespaces: Informer;

  constructor(
    private readonly ctx: ControllerContext,
    workers = 5,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("deployment-controller");
    this.loop = new SyncLoop("deployment", this.log, (key) => this.syncDeployment(key), { workers, maxRetries: MAX_RETRIES });
    this.deployments = ctx.informers.for<Deployment>(DEPLOYMENTS);
    this.deploymentIndex = ctx.informers.index<Deployment>(DEPLOYMENTS);
    this.rsIndex = ctx.informers.index<ReplicaSetLike>(REPLICA_SETS);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.namespaces = ctx.informers.for(NAMESPACES);
    const enqueue = (d: KubeObject) => this.loop.queue.add(keyOf(d));
    this.deployments.on({ add: enqueue, update: enqueue, delete: enqueue });
    ctx.informers.for<ReplicaSetLike>(REPLICA_SETS).on({
      add: (rs) => this.addReplicaSet(rs),
      update: (cur, old) => this.updateReplicaSet(cur, old),
      delete: (rs) => this.deleteReplicaSet(rs),
    });
    ctx.informers.for<Pod>(PODS).on({ delete: (p) => this.deletePod(p) });
  }

  async start(): Promise<void> {
    this.loop.start();
    this.log.info("started");
  }

  stop(): void {
    this.loop.stop();
  }

  // ---- event handlers ---------------------------------------------------------------

  private resolveControllerRef(ns: string, ref: { kind: string; name: string; uid: string; apiVersion: string } | undefined): Deployment | undefined {
    if (!ref || ref.kind !== KIND || !ref.apiVersion.startsWith("apps/")) return undefined;
    const d = this.deploymentIndex.get(ns, ref.name);
    return d && meta(d).uid === ref.uid ? d : undefined;
  }

  /** Deployments whose (non-empty) selector matches an orphan ReplicaSet. */
  private deploymentsFor(rs: ReplicaSetLike): Deployment[] {
    const m = meta(rs);
    return this.deploymentIndex.list(m.namespace ?? "").filter((d) => {
      if (!d.spec?.selector || selectsEverything(d.spec.selector)) return false;
      try {
        return labelSelectorMatcher(d.spec.selector)(m.labels);
      } catch {
        return false;
      }
    });
  }

  private enqueue(d: Deployment): void {
    this.loop.queue.add(keyOf(d));
  }

  private addReplicaSet(rs: ReplicaSetLike): void {
    const m = meta(rs);
    if (m.deletionTimestamp) return this.deleteReplicaSet(rs);
    const cref = controllerOf(rs);
    if (cref) {
      const d = this.resolveControllerRef(m.namespace ?? "", cref);
      if (d) this.enqueue(d);
      return;
    }
    for (const d of this.deploymentsFor(rs)) this.enqueue(d);
  }

  private updateReplicaSet(cur: ReplicaSetLike, old: ReplicaSetLike): void {
    const cm = meta(cur);
    if (cm.resourceVersion === meta(old).resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !jsonEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(meta(old).namespace ?? "", oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolveControllerRef(cm.namespace ?? "", curRef);
      if (d) this.enqueue(d);
      return;
    }
    const labelChanged = !jsonEqual(cm.labels ?? {}, meta(old).labels ?? {});
    if (labelChanged || refChanged) for (const d of this.deploymentsFor(cur)) this.enqueue(d);
  }

  private deleteReplicaSet(rs: ReplicaSetLike): void {
    const d = this.resolveControllerRef(meta(rs).namespace ?? "", controllerOf(rs));
    if (d) this.enqueue(d);
  }

  /** A Recreate deployment waits for its old pods to be gone. */
  private deletePod(pod: Pod): void {
    const m = meta(pod);
    const rsRef = controllerOf(pod);
    if (!rsRef || rsRef.kind !== "ReplicaSet") return;
    const rs = this.rsIndex.get(m.namespace ?? "", rsRef.name);
    if (!rs || meta(rs).uid !== rsRef.uid) return;
    const d = this.resolveControllerRef(m.namespace ?? "", controllerOf(rs));
    if (d && du.strategyType(d) === "Recreate") this.enqueue(d);
  }

  // ---- sync (deployment_controller.go syncDeployment) -------------------------------

  private async syncDeployment(key: string): Promise<void> {
    const cached = this.deployments.get(key);
    if (!cached) {
      this.log.debug("deployment has been deleted", { deployment: key });
      return;
    }
    const d = clone(cached);
    if (!d.spec?.selector || selectsEverything(d.spec.selector)) {
      this.recorder.event(d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
      const gen = meta(d).generation ?? 0;
      if ((d.status?.observedGeneration ?? 0) < gen) {
        d.status = { ...(d.status ?? {}), observedGeneration: gen };
        await this.updateStatus(d);
      }
      return;
    }
    const rsList = await this.getReplicaSetsForDeployment(d);
    const podMap = this.getPodMapForDeployment(d, rsList);

    if (meta(d).deletionTimestamp) return this.syncStatusOnly(d, rsList);

    await this.checkPausedConditions(d);
    if (d.spec.paused) return this.sync(d, rsList);

    if (await this.isScalingEvent(d, rsList)) return this.sync(d, rsList);

    switch (du.strategyType(d)) {
      case "Recreate":
        return this.rolloutRecreate(d, rsList, podMap);
      case "RollingUpdate":
        return this.rolloutRolling(d, rsList);
      default:
        throw new Error(`unexpected deployment strategy type: ${du.strategyType(d)}`);
    }
  }

  /** ReplicaSets this deployment controls, adopting and releasing by selector. */
  private async getReplicaSetsForDeployment(d: Deployment): Promise<ReplicaSetLike[]> {
    const match = labelSelectorMatcher(d.spec?.selector);
    const all = this.rsIndex.list(meta(d).namespace ?? "");
    const claimed = await claimObjects(
      {
        client: this.ctx.client,
        log: this.log,
        resource: REPLICA_SETS,
        owner: d,
        ownerApiVersion: API_VERSION,
        ownerKind: KIND,
        match: (rs) => match(meta(rs).labels),
        canAdopt: recheckDeletionTimestamp(this.ctx.client, DEPLOYMENTS, d),
      },
      all,
    );
    return claimed.map((rs) => clone(rs));
  }

  /** Pods of the deployment grouped by the uid of their ReplicaSet. */
  private getPodMapForDeployment(d: Deployment, rsList: ReplicaSetLike[]): Map<string, Pod[]> {
    const match = labelSelectorMatcher(d.spec?.selector);
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) map.set(meta(rs).uid ?? "", []);
    for (const p of this.podIndex.list(meta(d).namespace ?? "")) {
      if (!match(meta(p).labels)) continue;
      const ref = controllerOf(p);
      const list = ref ? map.get(ref.uid) : undefined;
      if (list) list.push(p);
    }
    return map;
  }

  private namespaceTerminating(ns: string): boolean {
    const n = this.namespaces.get(ns) as (KubeObject & { status?: { phase?: string } }) | undefined;
    return !!n && (n.status?.phase === "Terminating" || !!meta(n).deletionTimestamp);
  }

  // ---- writes -----------------------------------------------------------------------

  /**
   * Write the deployment's status (UpdateStatus). As upstream, the same write carries
   * the revision annotation: the status subresource keeps metadata other than labels.
   */
  private async updateStatus(d: Deployment): Promise<void> {
    const m = mutableMeta(d);
    const updated = await this.ctx.client.update<Deployment>(DEPLOYMENTS, m.namespace ?? "", d, { subresource: "status" });
    m.resourceVersion = meta(updated).resourceVersion;
    this.log.debug("updated deployment status", { deployment: keyOf(d), status: d.status });
  }

  private async writeReplicaSet(rs: ReplicaSetLike): Promise<ReplicaSetLike> {
    const m = meta(rs);
    return this.ctx.client.update<ReplicaSetLike>(REPLICA_SETS, m.namespace ?? "", rs);
  }

  // ---- sync.go ----------------------------------------------------------------------

  private async syncStatusOnly(d: Deployment, rsList: ReplicaSetLike[]): Promise<void> {
    const { newRS, oldRSs } = await this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** sync: scaling events and paused deployments. */
  private async sync(d: Deployment, rsList: ReplicaSetLike[]): Promise<void> {
    const { newRS, oldRSs } = await this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    await this.scale(d, newRS, oldRSs);
    if (d.spec?.paused) await this.cleanupDeployment(oldRSs, d);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
  private async checkPausedConditions(d: Deployment): Promise<void> {
    if (!du.hasProgressDeadline(d)) return;
    const cond = du.getCondition(d.status, "Progressing");
    if (cond?.reason === du.TIMED_OUT_REASON) return;
    const pausedCondExists = cond?.reason === du.PAUSED_DEPLOY_REASON;
    const status: DeploymentStatus = (d.status ??= {});
    if (d.spec?.paused && !pausedCondExists) du.setCondition(status, du.newCondition("Progressing", "Unknown", du.PAUSED_DEPLOY_REASON, "Deployment is paused", this.ctx.now()));
    else if (!d.spec?.paused && pausedCondExists) du.setCondition(status, du.newCondition("Progressing", "Unknown", du.RESUMED_DEPLOY_REASON, "Deployment is resumed", this.ctx.now()));
    else return;
    await this.updateStatus(d);
  }

  private async getAllReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSetLike[], createIfNotExisted: boolean): Promise<{ newRS: ReplicaSetLike | undefined; oldRSs: ReplicaSetLike[] }> {
    const { all } = du.findOldReplicaSets(d, rsList);
    const newRS = await this.getNewReplicaSet(d, rsList, all, createIfNotExisted);
    return { newRS, oldRSs: all };
  }

  /** getNewReplicaSet: find (and sync the annotations of) or create the ReplicaSet of the current template. */
  private async getNewReplicaSet(d: Deployment, rsList: ReplicaSetLike[], oldRSs: ReplicaSetLike[], createIfNotExisted: boolean): Promise<ReplicaSetLike | undefined> {
    const existing = du.findNewReplicaSet(d, rsList);
    const newRevision = String(du.maxRevision(oldRSs) + 1);
    const minReadySeconds = d.spec?.minReadySeconds ?? 0;
    if (existing) {
      const rsCopy = clone(existing);
      const annotationsUpdated = du.setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, du.MAX_REV_HISTORY_LENGTH_IN_CHARS);
      const minReadyNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds;
      if (annotationsUpdated || minReadyNeedsUpdate) {
        rsCopy.spec = { ...(rsCopy.spec ?? {}), minReadySeconds };
        return this.writeReplicaSet(rsCopy);
      }
      let needsUpdate = du.setDeploymentRevision(d, meta(rsCopy).annotations?.[du.REVISION_ANNOTATION] ?? "");
      const cond = du.getCondition(d.status, "Progressing");
      if (du.hasProgressDeadline(d) && !cond) {
        du.setCondition((d.status ??= {}), du.newCondition("Progressing", "True", du.FOUND_NEW_RS_REASON, `Found new replica set "${meta(rsCopy).name}"`, this.ctx.now()));
        needsUpdate = true;
      }
      if (needsUpdate) await this.updateStatus(d);
      return rsCopy;
    }
    if (!createIfNotExisted) return undefined;

    const dm = meta(d);
    const template = clone(d.spec?.template ?? {});
    const hash = computeHash(template, d.status?.collisionCount);
    const labels = { ...(d.spec?.template?.metadata?.labels ?? {}), [du.POD_TEMPLATE_HASH_LABEL]: hash };
    template.metadata = { ...(template.metadata ?? {}), labels };
    const newRS: ReplicaSetLike = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${dm.name}-${hash}`,
        namespace: dm.namespace,
        ownerReferences: [newControllerRef(d, API_VERSION, KIND)],
        labels: { ...labels },
      } as KubeObject["metadata"],
      spec: {
        replicas: 0,
        minReadySeconds,
        selector: selectorWithLabel(d.spec?.selector, du.POD_TEMPLATE_HASH_LABEL, hash),
        template,
      },
    };
    const newReplicas = du.newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    newRS.spec!.replicas = newReplicas;
    du.setNewReplicaSetAnnotations(d, newRS, newRevision, false, du.MAX_REV_HISTORY_LENGTH_IN_CHARS);

    let created: ReplicaSetLike;
    let alreadyExists = false;
    try {
      created = await this.ctx.client.create<ReplicaSetLike>(REPLICA_SETS, dm.namespace ?? "", newRS);
    } catch (e) {
      if (isAlreadyExists(e)) {
        // A slow cache, or a hash collision: the same name with another template.
        alreadyExists = true;
        const rs = this.rsIndex.get(dm.namespace ?? "", meta(newRS).name ?? "") ?? (await this.ctx.client.get<ReplicaSetLike>(REPLICA_SETS, dm.namespace ?? "", meta(newRS).name ?? ""));
        const cref = controllerOf(rs);
        if (cref && cref.uid === dm.uid && du.equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
          created = rs;
        } else {
          const status: DeploymentStatus = (d.status ??= {});
          const pre = status.collisionCount ?? 0;
          status.collisionCount = pre + 1;
          try {
            await this.updateStatus(d);
            this.log.info("found a hash collision for deployment, bumping collisionCount", { deployment: keyOf(d), oldCollisionCount: pre, newCollisionCount: pre + 1 });
          } catch {
            // Requeued by the error below.
          }
          throw e;
        }
      } else if (isNamespaceTerminating(e, this.namespaceTerminating(dm.namespace ?? ""))) {
        throw e;
      } else {
        const msg = `Failed to create new replica set "${meta(newRS).name}": ${errorMessage(e)}`;
        if (du.hasProgressDeadline(d)) {
          du.setCondition((d.status ??= {}), du.newCondition("Progressing", "False", du.FAILED_RS_CREATE_REASON, msg, this.ctx.now()));
          await this.updateStatus(d).catch(() => undefined);
        }
        this.recorder.event(d, "Warning", du.FAILED_RS_CREATE_REASON, msg);
        throw e;
      }
    }
    if (!alreadyExists && newReplicas > 0) this.recorder.event(d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${meta(created).name} from 0 to ${newReplicas}`);
    if (!alreadyExists) this.log.info("created new replica set", { deployment: keyOf(d), replicaSet: meta(created).name, replicas: newReplicas, revision: newRevision });
    let needsUpdate = du.setDeploymentRevision(d, newRevision);
    if (!alreadyExists && du.hasProgressDeadline(d)) {
      du.setCondition((d.status ??= {}), du.newCondition("Progressing", "True", du.NEW_REPLICA_SET_REASON, `Created new replica set "${meta(created).name}"`, this.ctx.now()));
      needsUpdate = true;
    }
    if (needsUpdate) await this.updateStatus(d);
    return created;
  }

  /** scale: proportional scaling of the active ReplicaSets on a change of spec.replicas. */
  private async scale(d: Deployment, newRS: ReplicaSetLike | undefined, oldRSs: ReplicaSetLike[]): Promise<void> {
    const want = specReplicas(d);
    const activeOrLatest = du.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (specReplicas(activeOrLatest) === want) return;
      await this.scaleReplicaSetAndRecordEvent(activeOrLatest, want, d);
      return;
    }
    if (du.isSaturated(d, newRS)) {
      for (const old of du.filterActive(oldRSs)) await this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!du.isRollingUpdate(d)) return;
    const all = du.filterActive([...oldRSs, newRS]);
    const allReplicas = du.replicaCount(all);
    const allowedSize = want > 0 ? want + du.maxSurge(d) : 0;
    const toAdd = allowedSize - allReplicas;
    let operation = "";
    if (toAdd > 0) {
      all.sort(du.bySizeNewer);
      operation = "up";
    } else if (toAdd < 0) {
      all.sort(du.bySizeOlder);
      operation = "down";
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      const name = meta(rs).name ?? "";
      if (toAdd !== 0) {
        const p = du.getProportion(rs, d, toAdd, added);
        sizes.set(name, specReplicas(rs) + p);
        added += p;
      } else sizes.set(name, specReplicas(rs));
    }
    for (let i = 0; i < all.length; i++) {
      const rs = all[i]!;
      const name = meta(rs).name ?? "";
      if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
      await this.scaleReplicaSet(rs, sizes.get(name) ?? 0, d, operation);
    }
  }

  private async scaleReplicaSetAndRecordEvent(rs: ReplicaSetLike, newScale: number, d: Deployment): Promise<{ scaled: boolean; rs: ReplicaSetLike }> {
    if (specReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, d, specReplicas(rs) < newScale ? "up" : "down");
  }

  private async scaleReplicaSet(rs: ReplicaSetLike, newScale: number, d: Deployment, operation: string): Promise<{ scaled: boolean; rs: ReplicaSetLike }> {
    const sizeNeedsUpdate = specReplicas(rs) !== newScale;
    const desired = specReplicas(d);
    const max = desired + du.maxSurge(d);
    const annotationsNeedUpdate = du.replicasAnnotationsNeedUpdate(rs, desired, max);
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const oldScale = specReplicas(rs);
    const copy = clone(rs);
    copy.spec = { ...(copy.spec ?? {}), replicas: newScale };
    du.setReplicasAnnotations(copy, desired, max);
    const updated = await this.writeReplicaSet(copy);
    if (sizeNeedsUpdate) {
      this.log.info("scaled replica set", { deployment: keyOf(d), replicaSet: meta(rs).name, from: oldScale, to: newScale });
      this.recorder.event(d, "Normal", "ScalingReplicaSet", `Scaled ${operation} replica set ${meta(rs).name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
  private async isScalingEvent(d: Deployment, rsList: ReplicaSetLike[]): Promise<boolean> {
    const { newRS, oldRSs } = await this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of du.filterActive([...oldRSs, newRS])) {
      const desired = du.desiredReplicasAnnotation(rs);
      if (desired === undefined) continue;
      if (desired !== specReplicas(d)) return true;
    }
    return false;
  }

  /** cleanupDeployment: delete the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
  private async cleanupDeployment(oldRSs: ReplicaSetLike[], d: Deployment): Promise<void> {
    if (!du.hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !meta(rs).deletionTimestamp);
    const diff = cleanable.length - du.revisionHistoryLimit(d);
    if (diff <= 0) return;
    cleanable.sort(du.byRevision);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i]!;
      const m = meta(rs);
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (m.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || m.deletionTimestamp) continue;
      this.log.info("cleaning up old replica set", { deployment: keyOf(d), replicaSet: m.name, revision: m.annotations?.[du.REVISION_ANNOTATION] });
      try {
        await this.ctx.client.delete(REPLICA_SETS, m.namespace ?? "", m.name ?? "");
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }

  /** calculateStatus */
  private calculateStatus(allRSs: (ReplicaSetLike | undefined)[], newRS: ReplicaSetLike | undefined, d: Deployment): DeploymentStatus {
    const available = du.availableReplicaCount(allRSs);
    const total = du.replicaCount(allRSs);
    const unavailable = Math.max(0, total - available);
    const status: DeploymentStatus = {};
    const set = (k: keyof DeploymentStatus, v: number) => {
      if (v) (status as Record<string, unknown>)[k] = v;
    };
    set("observedGeneration", meta(d).generation ?? 0);
    set("replicas", du.actualReplicaCount(allRSs));
    set("updatedReplicas", du.actualReplicaCount([newRS]));
    set("readyReplicas", du.readyReplicaCount(allRSs));
    set("availableReplicas", available);
    set("unavailableReplicas", unavailable);
    if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
    if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
    if (available >= specReplicas(d) - du.maxUnavailable(d)) du.setCondition(status, du.newCondition("Available", "True", du.MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", this.ctx.now()));
    else du.setCondition(status, du.newCondition("Available", "False", du.MINIMUM_REPLICAS_UNAVAILABLE, "Deployment does not have minimum availability.", this.ctx.now()));
    return status;
  }

  private async syncDeploymentStatus(allRSs: (ReplicaSetLike | undefined)[], newRS: ReplicaSetLike | undefined, d: Deployment): Promise<void> {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (jsonEqual(d.status ?? {}, status)) return;
    d.status = status;
    await this.updateStatus(d);
  }

  // ---- rolling.go -------------------------------------------------------------------

  private async rolloutRolling(d: Deployment, rsList: ReplicaSetLike[]): Promise<void> {
    const { newRS, oldRSs } = await this.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    const nrs = newRS!;
    const allRSs = [...oldRSs, nrs];
    if (await this.reconcileNewReplicaSet(allRSs, nrs, d)) return this.syncRolloutStatus(allRSs, nrs, d);
    if (await this.reconcileOldReplicaSets(allRSs, du.filterActive(oldRSs), nrs, d)) return this.syncRolloutStatus(allRSs, nrs, d);
    if (du.deploymentComplete(d, d.status ?? {})) await this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(allRSs, nrs, d);
  }

  private async reconcileNewReplicaSet(allRSs: ReplicaSetLike[], newRS: ReplicaSetLike, d: Deployment): Promise<boolean> {
    const want = specReplicas(d);
    if (specReplicas(newRS) === want) return false;
    if (specReplicas(newRS) > want) return (await this.scaleReplicaSetAndRecordEvent(newRS, want, d)).scaled;
    const count = du.newRSNewReplicas(d, allRSs, newRS);
    return (await this.scaleReplicaSetAndRecordEvent(newRS, count, d)).scaled;
  }

  private async reconcileOldReplicaSets(allRSs: ReplicaSetLike[], oldRSs: ReplicaSetLike[], newRS: ReplicaSetLike, d: Deployment): Promise<boolean> {
    const oldPods = du.replicaCount(oldRSs);
    if (oldPods === 0) return false;
    const allPods = du.replicaCount(allRSs);
    const minAvailable = specReplicas(d) - du.maxUnavailable(d);
    const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newRSUnavailable;
    if (maxScaledDown <= 0) return false;
    let cleanup: { rss: ReplicaSetLike[]; count: number };
    try {
      cleanup = await this.cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    } catch (e) {
      this.log.debug("cleaning up unhealthy replicas failed", { deployment: keyOf(d), err: e });
      return false;
    }
    let scaledDown: number;
    try {
      scaledDown = await this.scaleDownOldReplicaSetsForRollingUpdate([...cleanup.rss, newRS], cleanup.rss, d);
    } catch (e) {
      this.log.debug("scaling down old replica sets failed", { deployment: keyOf(d), err: e });
      return false;
    }
    return cleanup.count + scaledDown > 0;
  }

  private async cleanupUnhealthyReplicas(oldRSs: ReplicaSetLike[], d: Deployment, maxCleanup: number): Promise<{ rss: ReplicaSetLike[]; count: number }> {
    const rss = [...oldRSs].sort(du.byCreationTimestamp);
    let total = 0;
    for (let i = 0; i < rss.length; i++) {
      if (total >= maxCleanup) break;
      const rs = rss[i]!;
      if (specReplicas(rs) === 0) continue;
      const availableRS = rs.status?.availableReplicas ?? 0;
      if (specReplicas(rs) === availableRS) continue;
      const count = Math.min(maxCleanup - total, specReplicas(rs) - availableRS);
      const next = specReplicas(rs) - count;
      if (next > specReplicas(rs)) throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${keyOf(rs)} ${specReplicas(rs)} -> ${next}`);
      const res = await this.scaleReplicaSetAndRecordEvent(rs, next, d);
      total += count;
      rss[i] = res.rs;
    }
    return { rss, count: total };
  }

  private async scaleDownOldReplicaSetsForRollingUpdate(allRSs: ReplicaSetLike[], oldRSs: ReplicaSetLike[], d: Deployment): Promise<number> {
    const minAvailable = specReplicas(d) - du.maxUnavailable(d);
    const available = du.availableReplicaCount(allRSs);
    if (available <= minAvailable) return 0;
    const rss = [...oldRSs].sort(du.byCreationTimestamp);
    let total = 0;
    const toScaleDown = available - minAvailable;
    for (const rs of rss) {
      if (total >= toScaleDown) break;
      if (specReplicas(rs) === 0) continue;
      const count = Math.min(specReplicas(rs), toScaleDown - total);
      await this.scaleReplicaSetAndRecordEvent(rs, specReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }

  // ---- recreate.go ------------------------------------------------------------------

  private async rolloutRecreate(d: Deployment, rsList: ReplicaSetLike[], podMap: Map<string, Pod[]>): Promise<void> {
    let { newRS, oldRSs } = await this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    let allRSs = [...oldRSs, newRS];
    const activeOld = du.filterActive(oldRSs);
    let scaledDown = false;
    for (const rs of activeOld) if ((await this.scaleReplicaSetAndRecordEvent(rs, 0, d)).scaled) scaledDown = true;
    if (scaledDown) return this.syncRolloutStatus(allRSs, newRS, d);
    if (oldPodsRunning(newRS, oldRSs, podMap)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (!newRS) {
      ({ newRS, oldRSs } = await this.getAllReplicaSetsAndSyncRevision(d, rsList, true));
      allRSs = [...oldRSs, newRS];
    }
    if (newRS) await this.scaleReplicaSetAndRecordEvent(newRS, specReplicas(d), d);
    if (du.deploymentComplete(d, d.status ?? {})) await this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(allRSs, newRS, d);
  }

  // ---- progress.go ------------------------------------------------------------------

  private async syncRolloutStatus(allRSs: (ReplicaSetLike | undefined)[], newRS: ReplicaSetLike | undefined, d: Deployment): Promise<void> {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (!du.hasProgressDeadline(d)) du.removeCondition(status, "Progressing");
    const currentCond = du.getCondition(d.status, "Progressing");
    const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && currentCond?.reason === du.NEW_RS_AVAILABLE_REASON;
    const now = this.ctx.now();
    if (du.hasProgressDeadline(d) && !isComplete) {
      const rsName = newRS ? meta(newRS).name : undefined;
      if (du.deploymentComplete(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${meta(d).name}" has successfully progressed.`;
        du.setCondition(status, du.newCondition("Progressing", "True", du.NEW_RS_AVAILABLE_REASON, msg, now));
      } else if (du.deploymentProgressing(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${meta(d).name}" is progressing.`;
        const c = du.newCondition("Progressing", "True", du.REPLICA_SET_UPDATED_REASON, msg, now);
        if (currentCond) {
          if (currentCond.status === "True" && currentCond.lastTransitionTime !== undefined) c.lastTransitionTime = currentCond.lastTransitionTime;
          du.removeCondition(status, "Progressing");
        }
        du.setCondition(status, c);
      } else if (du.deploymentTimedOut(d, status, now.getTime())) {
        const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${meta(d).name}" has timed out progressing.`;
        du.setCondition(status, du.newCondition("Progressing", "False", du.TIMED_OUT_REASON, msg, now));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) du.setCondition(status, failure);
    else du.removeCondition(status, "ReplicaFailure");

    if (jsonEqual(d.status ?? {}, status)) {
      this.requeueStuckDeployment(d, status);
      return;
    }
    d.status = status;
    await this.updateStatus(d);
  }

  /** requeueStuckDeployment: come back when the progress deadline would pass. */
  private requeueStuckDeployment(d: Deployment, status: DeploymentStatus): void {
    const cond = du.getCondition(d.status, "Progressing");
    if (!du.hasProgressDeadline(d) || !cond) return;
    if (du.deploymentComplete(d, status) || cond.reason === du.TIMED_OUT_REASON) return;
    const last = timeOf(cond.lastUpdateTime);
    if (Number.isNaN(last)) return;
    const after = last + du.progressDeadlineSeconds(d) * 1000 - this.ctx.now().getTime();
    if (after < 1000) {
      this.loop.queue.addRateLimited(keyOf(d));
      return;
    }
    this.loop.queue.addAfter(keyOf(d), after + 1000);
  }
}

/** oldPodsRunning: any old ReplicaSet still has pods, or any pod not of the new one is not finished. */
function oldPodsRunning(newRS: ReplicaSetLike | undefined, oldRSs: ReplicaSetLike[], podMap: Map<string, Pod[]>): boolean {
  if (du.actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && meta(newRS).uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase === "Failed" || phase === "Succeeded") continue;
      return true;
    }
  }
  return false;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure condition, else an old one's. */
function replicaFailure(allRSs: (ReplicaSetLike | undefined)[], newRS: ReplicaSetLike | undefined) {
  const from = (rs: ReplicaSetLike | undefined) => rs?.status?.conditions?.find((c) => c.type === "ReplicaFailure");
  const toDeployment = (c: NonNullable<ReturnType<typeof from>>) => ({ type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message });
  const n = from(newRS);
  if (n) return toDeployment(n);
  for (const rs of allRSs) {
    if (rs === newRS) continue;
    const c = from(rs);
    if (c) return toDeployment(c);
  }
  return undefined;
}
