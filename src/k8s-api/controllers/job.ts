/**
 * The Job controller (pkg/controller/job): runs a Job's pods to completion —
 * parallelism and completions, NonIndexed and Indexed completion modes, the pod
 * failure backoff and backoffLimit, activeDeadlineSeconds and suspend — and tracks
 * finished pods through the batch.kubernetes.io/job-tracking finalizer: a finished pod
 * is first recorded in status.uncountedTerminatedPods, then its finalizer is removed,
 * then it is moved into the succeeded/failed counters, so no pod is counted twice or
 * lost. As v1.35, a finishing Job first gets the interim SuccessCriteriaMet or
 * FailureTarget condition and its Complete/Failed condition once no pod is left
 * running or terminating.
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import { Expectations } from "./runtime/expectations.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { labelSelectorMatcher } from "./util/labels.js";
import { PODS, clone, controllerOf, isNotFound, keyOf, meta, newControllerRef, ref, rfc3339, timeOf, type ObjectMeta, type Pod } from "./util/objects.js";
import { isPodActive, isPodReady, rankPodsForDeletion } from "./util/pods.js";
import { claimObjects, recheckDeletionTimestamp } from "./util/ref-manager.js";
import { errorMessage, slowStartBatch } from "./replicaset.js";
import {
  COMPLETION_INDEX_ENV,
  JOB_COMPLETION_INDEX,
  JOB_TRACKING_FINALIZER,
  backoffRemaining,
  completionIndex,
  ensureCondition,
  findCondition,
  finishedTime,
  formatIndexes,
  hasTrackingFinalizer,
  isConditionTrue,
  isJobFinished,
  isPodFailed,
  newCondition,
  parseIndexes,
  type Job,
  type JobStatus,
} from "./job-util.js";
import type { Condition } from "./util/objects.js";

export const JOBS = ref("batch", "v1", "jobs");

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;
/** MaxPodCreateDeletePerSync. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface JobControllerOptions {
  /** Base of the pod failure backoff (default 10 s; doubles per consecutive failure, capped at 10 min). */
  readonly podFailureBackoffMs?: number;
  readonly maxPodFailureBackoffMs?: number;
}

interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

export class JobController implements Controller {
  readonly name = "job-controller";
  private readonly loop: SyncLoop;
  private readonly orphans: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly expectations = new Expectations();
  /** Pods whose finalizer removal is sent but not yet seen (finalizerExpectations). */
  private readonly rmFinalizers = new Map<string, Set<string>>();
  private readonly backoffs = new Map<string, BackoffRecord>();
  private readonly jobs: Informer<Job>;
  private readonly jobIndex: NamespaceIndex<Job>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly pods: Informer<Pod>;
  private readonly baseBackoff: number;
  private readonly maxBackoff: number;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
    opts: JobControllerOptions = {},
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("job-controller");
    this.baseBackoff = opts.podFailureBackoffMs ?? DEFAULT_POD_FAILURE_BACKOFF_MS;
    this.maxBackoff = opts.maxPodFailureBackoffMs ?? MAX_POD_FAILURE_BACKOFF_MS;
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.orphans = new SyncLoop("job-orphan-pods", this.log, (key) => this.syncOrphanPod(key), { workers: 1 });
    this.jobs = ctx.informers.for<Job>(JOBS);
    this.jobIndex = ctx.informers.index<Job>(JOBS);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.jobs.on({
      add: (j) => this.loop.queue.add(keyOf(j)),
      update: (j) => this.loop.queue.add(keyOf(j)),
      delete: (j) => {
        this.expectations.delete(keyOf(j));
        this.backoffs.delete(keyOf(j));
        this.rmFinalizers.delete(keyOf(j));
        // Pods of a deleted Job lose their finalizer through the orphan queue.
        for (const p of this.podIndex.list(meta(j).namespace ?? "")) if (controllerOf(p)?.uid === meta(j).uid && hasTrackingFinalizer(p)) this.orphans.queue.add(keyOf(p));
      },
    });
    this.pods.on({
      add: (p) => this.onPod(p, false),
      update: (p) => this.onPod(p, false),
      delete: (p) => this.onPod(p, true),
    });
  }

  async start(): Promise<void> {
    this.loop.start();
    this.orphans.start();
  }

  stop(): void {
    this.loop.stop();
    this.orphans.stop();
  }

  private jobOf(p: Pod): Job | undefined {
    const cref = controllerOf(p);
    if (!cref || cref.kind !== "Job" || !cref.apiVersion.startsWith("batch/")) return undefined;
    const j = this.jobIndex.get(meta(p).namespace ?? "", cref.name);
    return j && meta(j).uid === cref.uid ? j : undefined;
  }

  private onPod(p: Pod, deleted: boolean): void {
    const cref = controllerOf(p);
    const job = this.jobOf(p);
    if (!job) {
      // A pod of a Job that is gone keeps no tracking finalizer.
      if (!deleted && cref?.kind === "Job" && hasTrackingFinalizer(p)) this.orphans.queue.add(keyOf(p));
      return;
    }
    const key = keyOf(job);
    const pm = meta(p);
    if (deleted || pm.deletionTimestamp) this.expectations.deletionObserved(key, keyOf(p));
    else this.expectations.creationObserved(key);
    if (deleted || !hasTrackingFinalizer(p)) this.rmFinalizers.get(key)?.delete(pm.uid ?? "");
    this.loop.queue.add(key);
  }

  private async syncOrphanPod(key: string): Promise<void> {
    const p = this.pods.get(key);
    if (!p || !hasTrackingFinalizer(p) || this.jobOf(p)) return;
    await this.removeFinalizer(p);
  }

  private async removeFinalizer(p: Pod): Promise<void> {
    const pm = meta(p);
    try {
      await this.ctx.client.patch(PODS, pm.namespace ?? "", pm.name ?? "", "merge", {
        metadata: { finalizers: (pm.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER), resourceVersion: pm.resourceVersion },
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  // ---- sync ---------------------------------------------------------------------------

  private async sync(key: string): Promise<void> {
    const cached = this.jobs.get(key);
    if (!cached) {
      this.expectations.delete(key);
      this.backoffs.delete(key);
      return;
    }
    const job = clone(cached);
    const jm = meta(job);
    const ns = jm.namespace ?? "";
    const now = this.ctx.now();
    if (isJobFinished(job)) {
      // Finalizers left on pods of a finished Job are removed.
      for (const p of this.podIndex.list(ns)) if (controllerOf(p)?.uid === jm.uid && hasTrackingFinalizer(p)) await this.removeFinalizer(p);
      return;
    }
    const indexed = job.spec?.completionMode === "Indexed";
    const completions = job.spec?.completions ?? undefined;
    const satisfied = this.expectations.satisfied(key);
    const match = labelSelectorMatcher(job.spec?.selector);
    const pods = await claimObjects(
      {
        client: this.ctx.client,
        log: this.log,
        resource: PODS,
        owner: job,
        ownerApiVersion: "batch/v1",
        ownerKind: "Job",
        match: (p) => match(meta(p).labels),
        canAdopt: recheckDeletionTimestamp(this.ctx.client, JOBS, job),
      },
      this.podIndex.list(ns),
    );
    const status: JobStatus = (job.status ??= {});
    const expectedRm = this.rmFinalizers.get(key) ?? new Set<string>();
    const tracked = (p: Pod) => hasTrackingFinalizer(p) && !expectedRm.has(meta(p).uid ?? "");
    let activePods = pods.filter(isPodActive);
    let ready = activePods.filter(isPodReady).length;
    let terminating = pods.filter((p) => !!meta(p).deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed").length;
    const uncounted = { succeeded: new Set(status.uncountedTerminatedPods?.succeeded ?? []), failed: new Set(status.uncountedTerminatedPods?.failed ?? []) };
    const newSucceeded = pods.filter((p) => tracked(p) && p.status?.phase === "Succeeded" && !uncounted.succeeded.has(meta(p).uid ?? ""));
    const newFailed = pods.filter((p) => tracked(p) && p.status?.phase !== "Succeeded" && isPodFailed(p, job) && !uncounted.failed.has(meta(p).uid ?? ""));
    let succeeded = (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size;
    const failed = (status.failed ?? 0) + newFailed.length + uncounted.failed.size;
    const suspended = job.spec?.suspend === true;
    if (!status.startTime && !suspended) status.startTime = rfc3339(now);
    const backoff = this.newBackoffRecord(key, newSucceeded, newFailed, now.getTime());

    let active = activePods.length;
    let manageErr: unknown;
    // 1. A previous sync's interim condition stands.
    let finished: Condition | undefined = findCondition(status, "SuccessCriteriaMet")?.status === "True" ? findCondition(status, "SuccessCriteriaMet") : undefined;
    if (!finished && isConditionTrue(status, "FailureTarget")) finished = findCondition(status, "FailureTarget");
    // 2. Failure: backoffLimit, then activeDeadlineSeconds.
    if (!finished) {
      if (failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) finished = newCondition("FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
      else if (this.pastActiveDeadline(job, now)) finished = newCondition("FailureTarget", "True", "DeadlineExceeded", "Job was active longer than specified deadline", now);
      else if (job.spec?.activeDeadlineSeconds !== undefined && !suspended && status.startTime)
        this.loop.queue.addAfter(key, job.spec.activeDeadlineSeconds * 1000 - (now.getTime() - timeOf(status.startTime)));
    }
    let succeededIndexes: Set<number> | undefined;
    if (indexed) {
      succeededIndexes = parseIndexes(status.completedIndexes, completions ?? 0);
      for (const p of pods) {
        const ix = completionIndex(p);
        if (p.status?.phase === "Succeeded" && tracked(p) && ix >= 0 && ix < (completions ?? 0)) succeededIndexes.add(ix);
      }
      succeeded = succeededIndexes.size;
    }
    let suspendChanged = false;
    if (finished) {
      // Finishing: no pod keeps running.
      const { deleted, deletedReady, error } = await this.deletePods(job, activePods);
      if (deleted !== active || !satisfied) finished = undefined;
      active -= deleted;
      terminating += deleted;
      ready -= deletedReady;
      manageErr = error;
    } else {
      let managed = false;
      if (satisfied && !jm.deletionTimestamp) {
        try {
          const r = await this.manageJob(job, activePods, { succeeded, terminating, succeededIndexes, backoff, now });
          active = r.active;
          terminating += r.deleted;
          ready -= r.deletedReady;
        } catch (e) {
          manageErr = e;
          active = pods.filter(isPodActive).length;
        }
        managed = true;
      }
      const complete = completions === undefined ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0;
      if (complete) finished = newCondition("SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
      else if (managed) {
        if (suspended) {
          if (ensureCondition(status, "Suspended", "True", "JobSuspended", "Job suspended", now)) {
            suspendChanged = true;
            this.recorder.event(job, "Normal", "Suspended", "Job suspended");
            // MutableSchedulingDirectivesForSuspendedJobs: the clock restarts on resume.
            delete status.startTime;
          }
        } else if (ensureCondition(status, "Suspended", "False", "JobResumed", "Job resumed", now)) {
          suspendChanged = true;
          this.recorder.event(job, "Normal", "Resumed", "Job resumed");
          status.startTime = rfc3339(now);
        }
      }
    }
    activePods = [];
    const needsUpdate = suspendChanged || active !== (status.active ?? 0) || ready !== status.ready || terminating !== status.terminating;
    status.active = active;
    status.ready = ready;
    status.terminating = terminating;
    await this.trackStatusAndRemoveFinalizers(job, pods, finished, needsUpdate, { newSucceeded, newFailed, succeededIndexes, backoff, now, terminating });
    if (manageErr !== undefined) throw manageErr;
  }

  private pastActiveDeadline(job: Job, now: Date): boolean {
    const ads = job.spec?.activeDeadlineSeconds;
    const start = timeOf(job.status?.startTime);
    if (ads === undefined || Number.isNaN(start) || job.spec?.suspend) return false;
    return now.getTime() - start >= ads * 1000;
  }

  /** newBackoffRecord: consecutive failures since the last success and when the last one happened. */
  private newBackoffRecord(key: string, newSucceeded: Pod[], newFailed: Pod[], now: number): BackoffRecord {
    const prev = this.backoffs.get(key) ?? { failuresAfterLastSuccess: 0 };
    if (!newSucceeded.length) {
      if (!newFailed.length) return prev;
      const last = Math.max(...newFailed.map((p) => finishedTime(p, now)));
      return { failuresAfterLastSuccess: prev.failuresAfterLastSuccess + newFailed.length, lastFailureTime: Math.max(last, prev.lastFailureTime ?? 0) };
    }
    const lastSuccess = Math.max(...newSucceeded.map((p) => finishedTime(p, now)));
    const after = newFailed.filter((p) => finishedTime(p, now) > lastSuccess);
    return after.length ? { failuresAfterLastSuccess: after.length, lastFailureTime: Math.max(...after.map((p) => finishedTime(p, now))) } : { failuresAfterLastSuccess: 0 };
  }

  /** manageJob: delete or create pods so that the wanted number are active. */
  private async manageJob(
    job: Job,
    activePods: Pod[],
    c: { succeeded: number; terminating: number; succeededIndexes?: Set<number>; backoff: BackoffRecord; now: Date },
  ): Promise<{ active: number; deleted: number; deletedReady: number }> {
    const key = keyOf(job);
    let active = activePods.length;
    if (job.spec?.suspend) {
      const r = await this.deletePods(job, activePods);
      if (r.error !== undefined) throw r.error;
      return { active: active - r.deleted, deleted: r.deleted, deletedReady: r.deletedReady };
    }
    const parallelism = job.spec?.parallelism ?? 1;
    const completions = job.spec?.completions ?? undefined;
    let wantActive: number;
    if (completions === undefined) wantActive = c.succeeded > 0 ? active : parallelism;
    else wantActive = Math.max(0, Math.min(completions - c.succeeded, parallelism));
    const toDelete = this.activePodsForRemoval(job, activePods, Math.max(0, active - wantActive), c.succeededIndexes).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (toDelete.length) {
      const r = await this.deletePods(job, toDelete);
      if (r.error !== undefined) throw r.error;
      return { active: active - r.deleted, deleted: r.deleted, deletedReady: r.deletedReady };
    }
    const blocking = job.spec?.podReplacementPolicy === "Failed" ? c.terminating : 0;
    let diff = wantActive - blocking - active;
    if (diff <= 0) return { active, deleted: 0, deletedReady: 0 };
    const remaining = backoffRemaining(c.backoff.failuresAfterLastSuccess, c.backoff.lastFailureTime, c.now.getTime(), this.baseBackoff, this.maxBackoff);
    if (remaining > 0) {
      this.loop.queue.addAfter(key, remaining);
      return { active, deleted: 0, deletedReady: 0 };
    }
    diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexes: number[] = [];
    if (job.spec?.completionMode === "Indexed") {
      // firstPendingIndexes: neither succeeded nor held by an active (or, replacing only failed pods, terminating) pod.
      const taken = new Set(c.succeededIndexes ?? []);
      for (const p of activePods) taken.add(completionIndex(p));
      if (job.spec?.podReplacementPolicy === "Failed") for (const p of this.podIndex.list(meta(job).namespace ?? "")) if (controllerOf(p)?.uid === meta(job).uid && meta(p).deletionTimestamp) taken.add(completionIndex(p));
      for (let i = 0; i < (completions ?? 0) && indexes.length < diff; i++) if (!taken.has(i)) indexes.push(i);
      diff = indexes.length;
    }
    this.expectations.expectCreations(key, diff);
    let next = 0;
    const { successes, error } = await slowStartBatch(diff, 1, () => this.createPod(job, indexes.length ? indexes[next++]! : -1));
    for (let i = successes; i < diff; i++) this.expectations.creationObserved(key);
    if (error !== undefined) throw error;
    return { active: active + successes, deleted: 0, deletedReady: 0 };
  }

  /** activePodsForRemoval: for Indexed Jobs, pods of invalid, duplicate or succeeded indexes first; then the ranking. */
  private activePodsForRemoval(job: Job, pods: Pod[], rmAtLeast: number, succeededIndexes?: Set<number>): Pod[] {
    let rm: Pod[] = [];
    let left = pods;
    if (job.spec?.completionMode === "Indexed") {
      const seen = new Set<number>();
      left = [];
      for (const p of pods) {
        const ix = completionIndex(p);
        if (ix < 0 || ix >= (job.spec?.completions ?? 0) || seen.has(ix) || succeededIndexes?.has(ix)) rm.push(p);
        else {
          seen.add(ix);
          left.push(p);
        }
      }
    }
    if (rm.length < rmAtLeast) rm = [...rm, ...rankPodsForDeletion(left, left.map(() => 0), this.ctx.now().getTime()).slice(0, rmAtLeast - rm.length)];
    return rm;
  }

  /** deleteJobPods: DELETE each pod (its finalizer stays until counted). */
  private async deletePods(job: Job, pods: Pod[]): Promise<{ deleted: number; deletedReady: number; error?: unknown }> {
    if (!pods.length) return { deleted: 0, deletedReady: 0 };
    const key = keyOf(job);
    this.expectations.expectDeletions(key, pods.map((p) => keyOf(p)));
    let deleted = 0;
    let deletedReady = 0;
    let error: unknown;
    await Promise.all(
      pods.map(async (p) => {
        const pm = meta(p);
        try {
          await this.ctx.client.delete(PODS, pm.namespace ?? "", pm.name ?? "");
          deleted++;
          if (isPodReady(p)) deletedReady++;
          this.recorder.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${pm.name}`);
        } catch (e) {
          this.expectations.deletionObserved(key, keyOf(p));
          if (isNotFound(e)) {
            deleted++;
            return;
          }
          this.recorder.event(job, "Warning", "FailedDelete", `Error deleting: ${errorMessage(e)}`);
          error ??= e;
        }
      }),
    );
    return { deleted, deletedReady, error };
  }

  /** CreatePodsWithGenerateName from the template, with the tracking finalizer and, for Indexed Jobs, the index. */
  private async createPod(job: Job, index: number): Promise<void> {
    const jm = meta(job);
    const tmpl = clone(job.spec?.template ?? {});
    const tm = tmpl.metadata ?? {};
    const spec = (tmpl.spec ?? {}) as { hostname?: string; containers?: { env?: { name: string }[] }[]; initContainers?: { env?: { name: string }[] }[] };
    const labels: Record<string, string> = { ...(tm.labels ?? {}) };
    const annotations: Record<string, string> = { ...(tm.annotations ?? {}) };
    let generateName = `${jm.name}-`;
    if (index >= 0) {
      annotations[JOB_COMPLETION_INDEX] = String(index);
      labels[JOB_COMPLETION_INDEX] = String(index);
      spec.hostname = `${jm.name}-${index}`;
      const suffix = `-${index}-`;
      generateName = `${jm.name}${suffix}`;
      if (generateName.length > 58) generateName = `${generateName.slice(0, 58 - suffix.length)}${suffix}`;
      // addCompletionIndexEnvVariables
      for (const ct of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        if ((ct.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) continue;
        ct.env = [...(ct.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } } as { name: string }];
      }
    }
    const finalizers = [...(tm.finalizers ?? [])];
    if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
    const podMeta: ObjectMeta = {
      generateName,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      finalizers,
      ownerReferences: [newControllerRef(job, "batch/v1", "Job")],
    };
    const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata: podMeta as KubeObject["metadata"], spec: spec as Pod["spec"] };
    let created: Pod;
    try {
      created = await this.ctx.client.create<Pod>(PODS, jm.namespace ?? "", pod);
    } catch (e) {
      this.recorder.event(job, "Warning", "FailedCreate", `Error creating: ${errorMessage(e)}`);
      throw e;
    }
    this.recorder.event(job, "Normal", "SuccessfulCreate", `Created pod: ${meta(created).name}`);
  }

  /**
   * trackJobStatusAndRemoveFinalizers: record newly finished pods as uncounted, remove
   * their finalizers, move them into the counters, and finish the Job when nothing is
   * left uncounted or terminating.
   */
  private async trackStatusAndRemoveFinalizers(
    job: Job,
    pods: Pod[],
    finished: Condition | undefined,
    needsUpdate: boolean,
    c: { newSucceeded: Pod[]; newFailed: Pod[]; succeededIndexes?: Set<number>; backoff: BackoffRecord; now: Date; terminating: number },
  ): Promise<void> {
    const key = keyOf(job);
    const status = job.status!;
    const indexed = !!c.succeededIndexes;
    const uncounted = { succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(status.uncountedTerminatedPods?.failed ?? [])] };
    const expectedRm = this.rmFinalizers.get(key) ?? new Set<string>();
    const withFinalizer = new Set(pods.filter((p) => hasTrackingFinalizer(p) && !expectedRm.has(meta(p).uid ?? "")).map((p) => meta(p).uid ?? ""));
    let flush = needsUpdate;
    // cleanUncountedPodsWithoutFinalizers: what already lost its finalizer is counted.
    const moveCounted = () => {
      const s = uncounted.succeeded.filter((u) => !withFinalizer.has(u));
      const f = uncounted.failed.filter((u) => !withFinalizer.has(u));
      if (!s.length && !f.length) return false;
      if (!indexed) status.succeeded = (status.succeeded ?? 0) + s.length;
      status.failed = (status.failed ?? 0) + f.length;
      uncounted.succeeded = uncounted.succeeded.filter((u) => withFinalizer.has(u));
      uncounted.failed = uncounted.failed.filter((u) => withFinalizer.has(u));
      return true;
    };
    if (moveCounted()) flush = true;
    const toRemove: Pod[] = [];
    const failing = finished && finished.type !== "SuccessCriteriaMet";
    for (const p of pods) {
      const uid = meta(p).uid ?? "";
      if (!withFinalizer.has(uid)) continue;
      const failedPod = isPodFailed(p, job);
      // canRemoveFinalizer
      if (!(meta(job).deletionTimestamp || finished || p.status?.phase === "Succeeded" || failedPod)) continue;
      toRemove.push(p);
      if (p.status?.phase === "Succeeded" && !uncounted.failed.includes(uid)) {
        if (!indexed && !uncounted.succeeded.includes(uid)) {
          uncounted.succeeded.push(uid);
          flush = true;
        }
      } else if ((failedPod || failing) && !uncounted.failed.includes(uid)) {
        const ix = completionIndex(p);
        if (!indexed || (ix >= 0 && ix < (job.spec?.completions ?? 0))) {
          uncounted.failed.push(uid);
          flush = true;
        }
      }
    }
    if (indexed) {
      const s = formatIndexes(c.succeededIndexes!);
      if (s !== (status.completedIndexes ?? "")) flush = true;
      status.succeeded = c.succeededIndexes!.size;
      if (s) status.completedIndexes = s;
      else delete status.completedIndexes;
    }
    // The interim conditions are recorded before the finalizers go.
    if (finished?.type === "FailureTarget") {
      if (!isConditionTrue(status, "FailureTarget")) {
        (status.conditions ??= []).push(finished);
        flush = true;
      }
      finished = newCondition("Failed", "True", finished.reason ?? "", finished.message ?? "", c.now);
    } else if (finished?.type === "SuccessCriteriaMet") {
      if (!isConditionTrue(status, "SuccessCriteriaMet")) {
        (status.conditions ??= []).push(finished);
        flush = true;
      }
      finished = newCondition("Complete", "True", finished.reason ?? "", finished.message ?? "", c.now);
    }
    // flushUncountedAndRemoveFinalizers
    let cur = job;
    if (flush && toRemove.length) {
      status.uncountedTerminatedPods = { ...(uncounted.succeeded.length ? { succeeded: uncounted.succeeded } : {}), ...(uncounted.failed.length ? { failed: uncounted.failed } : {}) };
      cur = await this.updateStatus(cur);
      flush = false;
    }
    this.backoffs.set(key, c.backoff);
    if (toRemove.length) {
      let set = this.rmFinalizers.get(key);
      if (!set) this.rmFinalizers.set(key, (set = new Set()));
      const results = await Promise.allSettled(toRemove.map((p) => this.removeFinalizer(p)));
      results.forEach((r, i) => {
        if (r.status === "fulfilled") {
          const uid = meta(toRemove[i]).uid ?? "";
          set.add(uid);
          withFinalizer.delete(uid);
        }
      });
      if (moveCounted()) flush = true;
      const failedRm = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failedRm) {
        status.uncountedTerminatedPods = { ...(uncounted.succeeded.length ? { succeeded: uncounted.succeeded } : {}), ...(uncounted.failed.length ? { failed: uncounted.failed } : {}) };
        if (flush) await this.updateStatus(withStatus(cur, status));
        throw failedRm.reason;
      }
    }
    status.uncountedTerminatedPods = { ...(uncounted.succeeded.length ? { succeeded: uncounted.succeeded } : {}), ...(uncounted.failed.length ? { failed: uncounted.failed } : {}) };
    // enactJobFinished
    let jobFinished = false;
    if (finished && !uncounted.succeeded.length && !uncounted.failed.length && c.terminating === 0) {
      ensureCondition(status, finished.type, "True", finished.reason ?? "", finished.message ?? "", c.now);
      if (finished.type === "Complete") status.completionTime = findCondition(status, "Complete")?.lastTransitionTime ?? rfc3339(c.now);
      jobFinished = true;
      flush = true;
    }
    if (!flush) return;
    await this.updateStatus(withStatus(cur, status));
    if (jobFinished) {
      const completions = job.spec?.completions ?? undefined;
      if (finished!.type === "Complete") {
        if (completions !== undefined && (status.succeeded ?? 0) > completions) this.recorder.event(job, "Warning", "TooManySucceededPods", "Too many succeeded pods running after completion count reached");
        this.recorder.event(job, "Normal", "Completed", "Job completed");
      } else this.recorder.event(job, "Warning", finished!.reason ?? "", finished!.message ?? "");
    }
  }

  private async updateStatus(job: Job): Promise<Job> {
    const m = meta(job);
    return this.ctx.client.update<Job>(JOBS, m.namespace ?? "", job, { subresource: "status" });
  }
}

function withStatus(job: Job, status: JobStatus): Job {
  return { ...job, status: clone(status) };
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count as failures. */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if ((job.spec?.template?.spec as { restartPolicy?: string } | undefined)?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== "Running" && p.status?.phase !== "Pending") continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
