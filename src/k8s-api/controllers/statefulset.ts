/**
 * The StatefulSet controller (pkg/controller/statefulset): pods named
 * "<set>-<ordinal>" with stable identity labels, created in order (OrderedReady waits
 * for each to be Running and Ready; Parallel does not), removed in reverse order on
 * scale down, updated by RollingUpdate (highest ordinal first, down to the partition)
 * or OnDelete, with the history of templates kept as ControllerRevisions.
 * volumeClaimTemplates are not provisioned (berth has no PersistentVolumeClaims).
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { labelSelectorMatcher } from "./util/labels.js";
import { PODS, clone, controllerOf, isAlreadyExists, isNotFound, jsonEqual, keyOf, meta, newControllerRef, ref, type LabelSelector, type Pod, type PodTemplateSpec } from "./util/objects.js";
import { isPodAvailable, isPodReady } from "./util/pods.js";
import { claimObjects, recheckDeletionTimestamp } from "./util/ref-manager.js";
import { computeHash } from "./util/hash.js";
import { errorMessage } from "./replicaset.js";

export const STATEFUL_SETS = ref("apps", "v1", "statefulsets");
export const CONTROLLER_REVISIONS = ref("apps", "v1", "controllerrevisions");
export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
export const REVISION_LABEL = "controller-revision-hash";

export interface StatefulSet extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    serviceName?: string;
    podManagementPolicy?: string;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
    ordinals?: { start?: number };
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    currentReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    collisionCount?: number;
    [k: string]: unknown;
  };
}

export interface ControllerRevision extends KubeObject {
  data?: { spec?: { template?: PodTemplateSpec } };
  revision: number;
}

/** getOrdinal: the ordinal of "<set>-<n>", or -1. */
export function ordinalOf(set: string, pod: Pod): number {
  const name = meta(pod).name ?? "";
  const m = /^(.*)-(\d+)$/.exec(name);
  return m && m[1] === set ? Number(m[2]) : -1;
}

const isRunningAndReady = (p: Pod) => p.status?.phase === "Running" && isPodReady(p);
const isFailed = (p: Pod) => p.status?.phase === "Failed";
const isTerminating = (p: Pod) => !!meta(p).deletionTimestamp;

export class StatefulSetController implements Controller {
  readonly name = "statefulset-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly sets: Informer<StatefulSet>;
  private readonly setIndex: NamespaceIndex<StatefulSet>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly revisionIndex: NamespaceIndex<ControllerRevision>;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("statefulset-controller");
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.sets = ctx.informers.for<StatefulSet>(STATEFUL_SETS);
    this.setIndex = ctx.informers.index<StatefulSet>(STATEFUL_SETS);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.revisionIndex = ctx.informers.index<ControllerRevision>(CONTROLLER_REVISIONS);
    const enqueue = (o: KubeObject) => this.loop.queue.add(keyOf(o));
    this.sets.on({ add: enqueue, update: enqueue, delete: enqueue });
    const onPod = (p: Pod) => {
      const cref = controllerOf(p);
      if (cref?.kind === "StatefulSet") {
        const s = this.setIndex.get(meta(p).namespace ?? "", cref.name);
        if (s && meta(s).uid === cref.uid) enqueue(s);
        return;
      }
      // Orphans may be adopted by a matching set.
      for (const s of this.setIndex.list(meta(p).namespace ?? "")) if (matches(s, p)) enqueue(s);
    };
    ctx.informers.for<Pod>(PODS).on({ add: onPod, update: onPod, delete: onPod });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  private async sync(key: string): Promise<void> {
    const cached = this.sets.get(key);
    if (!cached) return;
    const set = clone(cached);
    const sm = meta(set);
    const ns = sm.namespace ?? "";
    const name = sm.name ?? "";
    const pods = await claimObjects(
      {
        client: this.ctx.client,
        log: this.log,
        resource: PODS,
        owner: set,
        ownerApiVersion: "apps/v1",
        ownerKind: "StatefulSet",
        // isMemberOf: the selector and the set's naming.
        match: (p) => matches(set, p as Pod) && ordinalOf(name, p as Pod) >= 0,
        canAdopt: recheckDeletionTimestamp(this.ctx.client, STATEFUL_SETS, set),
      },
      this.podIndex.list(ns),
    );
    if (sm.deletionTimestamp) return;
    const { current, update } = await this.revisions(set);
    const status = await this.updateStatefulSet(set, pods, current, update);
    await this.writeStatus(set, status);
    await this.truncateHistory(set, pods, current, update);
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.readyReplicas ?? 0) !== (status.availableReplicas ?? 0)) this.loop.queue.addAfter(key, minReady * 1000);
  }

  /** getStatefulSetRevisions: the revision of the current template (created when new) and the current one. */
  private async revisions(set: StatefulSet): Promise<{ current: ControllerRevision; update: ControllerRevision }> {
    const sm = meta(set);
    const ns = sm.namespace ?? "";
    const owned = this.revisionIndex.list(ns).filter((r) => controllerOf(r)?.uid === sm.uid).sort((a, b) => a.revision - b.revision);
    const data = { spec: { template: { ...clone(set.spec?.template ?? {}), $patch: "replace" } } };
    const template = (r: ControllerRevision) => {
      const t = { ...(r.data?.spec?.template ?? {}) } as Record<string, unknown>;
      delete t.$patch;
      return t;
    };
    const want = clone(set.spec?.template ?? {});
    let update = [...owned].reverse().find((r) => jsonEqual(template(r), want));
    const nextNumber = (owned[owned.length - 1]?.revision ?? 0) + 1;
    if (!update) {
      const collision = set.status?.collisionCount ?? 0;
      const hash = computeHash(data, collision);
      const rev: ControllerRevision = {
        apiVersion: "apps/v1",
        kind: "ControllerRevision",
        metadata: {
          name: `${sm.name}-${hash}`,
          namespace: ns,
          labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [REVISION_LABEL]: hash },
          ownerReferences: [newControllerRef(set, "apps/v1", "StatefulSet")],
        } as KubeObject["metadata"],
        data,
        revision: nextNumber,
      };
      try {
        update = await this.ctx.client.create<ControllerRevision>(CONTROLLER_REVISIONS, ns, rev);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        const existing = await this.ctx.client.get<ControllerRevision>(CONTROLLER_REVISIONS, ns, meta(rev).name ?? "");
        if (!jsonEqual(template(existing), want)) {
          // A hash collision: bump the count so the next name differs.
          set.status = { ...(set.status ?? {}), collisionCount: collision + 1 };
          await this.writeStatus(set, set.status);
          throw new Error(`controller revision ${meta(rev).name} collides`);
        }
        update = existing;
      }
    } else if (update.revision < nextNumber - 1) {
      // An old template came back: it becomes the newest revision (rollback).
      update = await this.ctx.client.patch<ControllerRevision>(CONTROLLER_REVISIONS, ns, meta(update).name ?? "", "merge", { revision: nextNumber });
    }
    const current = owned.find((r) => meta(r).name === set.status?.currentRevision) ?? update;
    return { current, update };
  }

  /** updateStatefulSet: the monotonic (OrderedReady) or burst (Parallel) pass, then the rolling update. */
  private async updateStatefulSet(set: StatefulSet, pods: Pod[], current: ControllerRevision, update: ControllerRevision): Promise<NonNullable<StatefulSet["status"]>> {
    const sm = meta(set);
    const name = sm.name ?? "";
    const start = set.spec?.ordinals?.start ?? 0;
    const replicaCount = set.spec?.replicas ?? 1;
    const monotonic = set.spec?.podManagementPolicy !== "Parallel";
    const currentName = meta(current).name ?? "";
    const updateName = meta(update).name ?? "";
    const replicas: (Pod | undefined)[] = new Array(replicaCount).fill(undefined);
    const condemned: Pod[] = [];
    for (const p of pods) {
      const ord = ordinalOf(name, p);
      if (ord >= start && ord < start + replicaCount) replicas[ord - start] = p;
      else condemned.push(p);
    }
    condemned.sort((a, b) => ordinalOf(name, b) - ordinalOf(name, a));
    const status = this.computeStatus(set, pods, currentName, updateName);
    const ru = set.spec?.updateStrategy?.type !== "OnDelete";
    const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    // newVersionedStatefulSetPod: ordinals below the partition keep the current revision.
    const revisionFor = (ord: number) => (ru && ord < partition + start && currentName !== updateName ? current : update);

    for (let i = 0; i < replicaCount; i++) {
      const ord = i + start;
      let p = replicas[i];
      if (p && isFailed(p) && !isTerminating(p)) {
        await this.deletePod(set, p);
        p = undefined;
        if (monotonic) return status;
      }
      if (!p) {
        await this.createPod(set, ord, revisionFor(ord));
        if (monotonic) return status;
        continue;
      }
      if (isTerminating(p) && monotonic) return status;
      if (monotonic && !isRunningAndReady(p)) return status;
    }
    // Scale down: highest ordinal first, one at a time unless Parallel.
    for (const p of condemned) {
      if (isTerminating(p)) {
        if (monotonic) return status;
        continue;
      }
      if (monotonic && replicas.some((r) => !r || !isRunningAndReady(r) || isTerminating(r))) return status;
      await this.deletePod(set, p);
      if (monotonic) return status;
    }
    if (!ru) return status;
    // RollingUpdate: from the highest ordinal down to the partition, one pod at a time.
    for (let i = replicaCount - 1; i >= partition; i--) {
      const p = replicas[i];
      if (!p) return status;
      if (p.metadata?.labels?.[REVISION_LABEL] !== updateName && !isTerminating(p)) {
        await this.deletePod(set, p);
        return status;
      }
      if (!isRunningAndReady(p) || isTerminating(p)) return status;
    }
    return status;
  }

  private computeStatus(set: StatefulSet, pods: Pod[], currentName: string, updateName: string): NonNullable<StatefulSet["status"]> {
    const now = this.ctx.now().getTime();
    const minReady = set.spec?.minReadySeconds ?? 0;
    let replicas = 0;
    let ready = 0;
    let available = 0;
    let cur = 0;
    let upd = 0;
    for (const p of pods) {
      replicas++;
      if (isRunningAndReady(p) && !isTerminating(p)) {
        ready++;
        if (isPodAvailable(p, minReady, now)) available++;
      }
      if (isTerminating(p)) continue;
      const rev = meta(p).labels?.[REVISION_LABEL];
      if (rev === currentName) cur++;
      if (rev === updateName) upd++;
    }
    const status: NonNullable<StatefulSet["status"]> = {
      ...(set.status ?? {}),
      observedGeneration: meta(set).generation ?? 0,
      replicas,
      readyReplicas: ready,
      availableReplicas: available,
      currentReplicas: cur,
      updatedReplicas: upd,
      currentRevision: currentName,
      updateRevision: updateName,
      collisionCount: set.status?.collisionCount ?? 0,
    };
    // completeRollingUpdate: once every replica runs the update revision it is the current one.
    if (set.spec?.updateStrategy?.type !== "OnDelete" && upd === (set.spec?.replicas ?? 1) && ready === upd && replicas === upd) {
      status.currentRevision = updateName;
      status.currentReplicas = upd;
    }
    return status;
  }

  private async writeStatus(set: StatefulSet, status: NonNullable<StatefulSet["status"]>): Promise<void> {
    if (jsonEqual(set.status ?? {}, status)) return;
    const m = meta(set);
    const updated = await this.ctx.client.update<StatefulSet>(STATEFUL_SETS, m.namespace ?? "", { ...set, status }, { subresource: "status" });
    set.metadata = updated.metadata;
    set.status = updated.status;
  }

  /** newStatefulSetPod from a revision's template, with the identity labels. */
  private async createPod(set: StatefulSet, ord: number, rev: ControllerRevision): Promise<void> {
    const sm = meta(set);
    const tmpl = clone(rev.data?.spec?.template ?? set.spec?.template ?? {}) as PodTemplateSpec & { $patch?: string };
    delete tmpl.$patch;
    const podName = `${sm.name}-${ord}`;
    const spec = { ...(tmpl.spec ?? {}), hostname: podName, ...(set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {}) };
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: podName,
        labels: { ...(tmpl.metadata?.labels ?? {}), [POD_NAME_LABEL]: podName, [POD_INDEX_LABEL]: String(ord), [REVISION_LABEL]: meta(rev).name ?? "" },
        ...(tmpl.metadata?.annotations ? { annotations: tmpl.metadata.annotations } : {}),
        ownerReferences: [newControllerRef(set, "apps/v1", "StatefulSet")],
      } as KubeObject["metadata"],
      spec,
    };
    try {
      await this.ctx.client.create(PODS, sm.namespace ?? "", pod);
    } catch (e) {
      if (isAlreadyExists(e)) return;
      this.recorder.event(set, "Warning", "FailedCreate", `create Pod ${podName} in StatefulSet ${sm.name} failed error: ${errorMessage(e)}`);
      throw e;
    }
    this.recorder.event(set, "Normal", "SuccessfulCreate", `create Pod ${podName} in StatefulSet ${sm.name} successful`);
  }

  private async deletePod(set: StatefulSet, p: Pod): Promise<void> {
    const sm = meta(set);
    const pm = meta(p);
    try {
      await this.ctx.client.delete(PODS, pm.namespace ?? "", pm.name ?? "", { preconditions: { uid: pm.uid } });
    } catch (e) {
      if (isNotFound(e)) return;
      this.recorder.event(set, "Warning", "FailedDelete", `delete Pod ${pm.name} in StatefulSet ${sm.name} failed error: ${errorMessage(e)}`);
      throw e;
    }
    this.recorder.event(set, "Normal", "SuccessfulDelete", `delete Pod ${pm.name} in StatefulSet ${sm.name} successful`);
  }

  /** truncateHistory: keep revisionHistoryLimit revisions besides the live ones. */
  private async truncateHistory(set: StatefulSet, pods: Pod[], current: ControllerRevision, update: ControllerRevision): Promise<void> {
    const sm = meta(set);
    const live = new Set([meta(current).name, meta(update).name, ...pods.map((p) => meta(p).labels?.[REVISION_LABEL])]);
    const history = this.revisionIndex
      .list(sm.namespace ?? "")
      .filter((r) => controllerOf(r)?.uid === sm.uid && !live.has(meta(r).name))
      .sort((a, b) => a.revision - b.revision);
    const limit = set.spec?.revisionHistoryLimit ?? 10;
    for (const r of history.slice(0, Math.max(0, history.length - limit))) {
      try {
        await this.ctx.client.delete(CONTROLLER_REVISIONS, sm.namespace ?? "", meta(r).name ?? "");
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }
}

function matches(set: StatefulSet, p: Pod): boolean {
  try {
    return labelSelectorMatcher(set.spec?.selector)(meta(p).labels);
  } catch {
    return false;
  }
}
