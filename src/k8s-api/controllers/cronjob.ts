/**
 * The CronJob controller (pkg/controller/cronjob, the v2 controller): creates a Job
 * named "<cronjob>-<scheduled time in minutes since the epoch>" for the most recent
 * missed schedule time, honouring suspend, startingDeadlineSeconds, the concurrency
 * policy (Allow, Forbid, Replace) and the time zone; keeps status.active,
 * lastScheduleTime and lastSuccessfulTime; and deletes finished Jobs beyond the
 * history limits. The clock is the context's (tests pin it).
 */
import type { V1ObjectReference } from "@kubernetes/client-node";
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { clone, controllerOf, isAlreadyExists, isNotFound, keyOf, meta, newControllerRef, ref, rfc3339, timeOf } from "./util/objects.js";
import { nextAfter, parseSchedule, rfc3339InZone, timesBetween, validTimeZone, type Schedule } from "./util/cron.js";
import { isConditionTrue, isJobFinished, type Job } from "./job-util.js";
import { JOBS } from "./job.js";
import { errorMessage } from "./replicaset.js";

export const CRON_JOBS = ref("batch", "v1", "cronjobs");
export const CRONJOB_SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";
/** Beyond this many missed start times a warning is recorded. */
const TOO_MANY_MISSED = 100;

/** A reference to an object, as core/v1 ObjectReference. */
type JobRef = V1ObjectReference;

export interface CronJob extends KubeObject {
  spec?: {
    schedule?: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: string;
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Job["spec"] };
  };
  status?: { active?: JobRef[]; lastScheduleTime?: string; lastSuccessfulTime?: string };
}

export class CronJobController implements Controller {
  readonly name = "cronjob-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly cronJobs: Informer<CronJob>;
  private readonly cronJobIndex: NamespaceIndex<CronJob>;
  private readonly jobIndex: NamespaceIndex<Job>;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("cronjob-controller");
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.cronJobs = ctx.informers.for<CronJob>(CRON_JOBS);
    this.cronJobIndex = ctx.informers.index<CronJob>(CRON_JOBS);
    this.jobIndex = ctx.informers.index<Job>(JOBS);
    const enqueue = (o: KubeObject) => this.loop.queue.add(keyOf(o));
    this.cronJobs.on({ add: enqueue, update: enqueue });
    const onJob = (j: Job) => {
      const cref = controllerOf(j);
      if (cref?.kind !== "CronJob") return;
      const cj = this.cronJobIndex.get(meta(j).namespace ?? "", cref.name);
      if (cj && meta(cj).uid === cref.uid) enqueue(cj);
    };
    ctx.informers.for<Job>(JOBS).on({ add: onJob, update: onJob, delete: onJob });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  private async sync(key: string): Promise<void> {
    const cached = this.cronJobs.get(key);
    if (!cached) return;
    const cj = clone(cached);
    const ns = meta(cj).namespace ?? "";
    const children = this.jobIndex.list(ns).filter((j) => controllerOf(j)?.uid === meta(cj).uid);
    const before = JSON.stringify(cj.status ?? {});
    const requeueAfter = await this.syncCronJob(cj, children);
    await this.cleanupFinishedJobs(cj, children);
    if (JSON.stringify(cj.status ?? {}) !== before) {
      await this.ctx.client.update(CRON_JOBS, ns, cj, { subresource: "status" });
    }
    // The next schedule time (upstream adds 100ms so the clock has passed it).
    if (requeueAfter !== undefined) this.loop.queue.addAfter(key, Math.max(0, requeueAfter) + 100);
  }

  /** syncCronJob: reconcile status.active, then maybe start the Job of the latest missed schedule time. Returns the requeue delay. */
  private async syncCronJob(cj: CronJob, children: Job[]): Promise<number | undefined> {
    const status = (cj.status ??= {});
    const active = status.active ?? [];
    const inActive = (uid: string | undefined) => active.some((r) => r.uid === uid);
    for (const j of children) {
      const jm = meta(j);
      const found = inActive(jm.uid);
      if (!found && !isJobFinished(j)) {
        if (!active.some((r) => r.name === jm.name && r.namespace === jm.namespace))
          this.recorder.event(cj, "Warning", "UnexpectedJob", `Saw a job that the controller did not create or forgot: ${jm.name}`);
      } else if (found && isJobFinished(j)) {
        const cond = isConditionTrue(j.status, "Complete") ? "Complete" : "Failed";
        this.recorder.event(cj, "Normal", "SawCompletedJob", `Saw completed job: ${jm.name}, condition: ${cond}`);
        status.active = (status.active ?? []).filter((r) => r.uid !== jm.uid);
        const done = j.status?.completionTime;
        if (cond === "Complete" && done && (!status.lastSuccessfulTime || timeOf(done) > timeOf(status.lastSuccessfulTime))) status.lastSuccessfulTime = done;
      }
    }
    // Active Jobs that are gone.
    for (const r of [...(status.active ?? [])]) {
      if (children.some((j) => meta(j).uid === r.uid)) continue;
      this.recorder.event(cj, "Normal", "MissingJob", `Active job went missing: ${r.name}`);
      status.active = (status.active ?? []).filter((x) => x.uid !== r.uid);
    }
    if (!status.active?.length) delete status.active;
    if (meta(cj).deletionTimestamp) return undefined;
    const tz = cj.spec?.timeZone;
    if (tz && !validTimeZone(tz)) {
      this.recorder.event(cj, "Warning", "UnknownTimeZone", `invalid timeZone: "${tz}": unknown time zone ${tz}`);
      return undefined;
    }
    let sched: Schedule;
    try {
      sched = parseSchedule(cj.spec?.schedule ?? "");
    } catch (e) {
      this.recorder.event(cj, "Warning", "UnparseableSchedule", `unparseable schedule: "${cj.spec?.schedule ?? ""}" : ${errorMessage(e)}`);
      return undefined;
    }
    if (cj.spec?.suspend) return undefined;
    const now = this.ctx.now().getTime();
    const next = () => {
      const t = nextAfter(sched, tz, now);
      return t === undefined ? undefined : t - now;
    };
    const scheduled = this.mostRecentScheduleTime(cj, sched, now);
    if (scheduled === undefined) return next();
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined && scheduled + sds * 1000 < now) {
      this.recorder.event(cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return next();
    }
    const jobName = `${meta(cj).name}-${Math.floor(scheduled / 60_000)}`;
    if ((status.active ?? []).some((r) => r.name === jobName) || (status.lastScheduleTime && timeOf(status.lastScheduleTime) === scheduled)) return next();
    const policy = cj.spec?.concurrencyPolicy ?? "Allow";
    if (policy === "Forbid" && status.active?.length) {
      this.recorder.event(cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
      return next();
    }
    if (policy === "Replace") {
      for (const r of [...(status.active ?? [])]) {
        try {
          await this.ctx.client.delete(JOBS, r.namespace ?? meta(cj).namespace ?? "", r.name ?? "", { propagationPolicy: "Background" });
        } catch (e) {
          if (!isNotFound(e)) {
            this.recorder.event(cj, "Warning", "FailedDelete", `Deleted job: ${errorMessage(e)}`);
            throw e;
          }
        }
        this.recorder.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${r.name}`);
        status.active = (status.active ?? []).filter((x) => x.uid !== r.uid);
      }
      if (!status.active?.length) delete status.active;
    }
    const job = this.jobFromTemplate(cj, jobName, scheduled);
    let created: Job;
    let fresh = true;
    try {
      created = await this.ctx.client.create<Job>(JOBS, meta(cj).namespace ?? "", job);
    } catch (e) {
      fresh = false;
      if (isAlreadyExists(e)) {
        // Created by an earlier sync whose status write was lost: adopt it into active if ours.
        const existing = await this.ctx.client.get<Job>(JOBS, meta(cj).namespace ?? "", jobName);
        if (controllerOf(existing)?.uid !== meta(cj).uid) return next();
        created = existing;
        if (isJobFinished(existing)) {
          status.lastScheduleTime = rfc3339(new Date(scheduled));
          return next();
        }
      } else {
        this.recorder.event(cj, "Warning", "FailedCreate", `Error creating job: ${errorMessage(e)}`);
        throw e;
      }
    }
    if (fresh) this.recorder.event(cj, "Normal", "SuccessfulCreate", `Created job ${meta(created).name}`);
    const cm = meta(created);
    status.active = [...(status.active ?? []), { kind: "Job", namespace: cm.namespace, name: cm.name, uid: cm.uid, apiVersion: "batch/v1", resourceVersion: cm.resourceVersion }];
    status.lastScheduleTime = rfc3339(new Date(scheduled));
    return next();
  }

  /** mostRecentScheduleTime: the latest schedule time after the last one (or creation, or the starting deadline) up to now. */
  private mostRecentScheduleTime(cj: CronJob, sched: Schedule, now: number): number | undefined {
    let earliest = timeOf(cj.status?.lastScheduleTime);
    if (Number.isNaN(earliest)) earliest = timeOf(meta(cj).creationTimestamp);
    if (Number.isNaN(earliest)) earliest = now;
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined && now - sds * 1000 > earliest) earliest = now - sds * 1000;
    if (earliest > now) return undefined;
    const { latest, count } = timesBetween(sched, cj.spec?.timeZone, earliest, now);
    if (count > TOO_MANY_MISSED) this.recorder.event(cj, "Warning", "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
    return latest;
  }

  /** getJobFromTemplate2. */
  private jobFromTemplate(cj: CronJob, name: string, scheduled: number): Job {
    const tmpl = clone(cj.spec?.jobTemplate ?? {});
    const annotations = { ...(tmpl.metadata?.annotations ?? {}), [CRONJOB_SCHEDULED_TIMESTAMP]: rfc3339InZone(scheduled, cj.spec?.timeZone) };
    return {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name,
        namespace: meta(cj).namespace,
        ...(tmpl.metadata?.labels ? { labels: tmpl.metadata.labels } : {}),
        annotations,
        ownerReferences: [newControllerRef(cj, "batch/v1", "CronJob")],
      } as KubeObject["metadata"],
      spec: tmpl.spec ?? {},
    };
  }

  /** cleanupFinishedJobs: the oldest finished Jobs beyond each history limit are deleted. */
  private async cleanupFinishedJobs(cj: CronJob, children: Job[]): Promise<void> {
    const succeeded = children.filter((j) => isConditionTrue(j.status, "Complete"));
    const failed = children.filter((j) => isConditionTrue(j.status, "Failed"));
    await this.removeOldest(cj, succeeded, cj.spec?.successfulJobsHistoryLimit ?? 3);
    await this.removeOldest(cj, failed, cj.spec?.failedJobsHistoryLimit ?? 1);
  }

  private async removeOldest(cj: CronJob, jobs: Job[], limit: number): Promise<void> {
    if (jobs.length <= limit) return;
    const start = (j: Job) => {
      const t = timeOf(j.status?.startTime ?? meta(j).creationTimestamp);
      return Number.isNaN(t) ? 0 : t;
    };
    const sorted = [...jobs].sort((a, b) => start(a) - start(b));
    for (const j of sorted.slice(0, jobs.length - limit)) {
      const jm = meta(j);
      if (jm.deletionTimestamp) continue;
      try {
        await this.ctx.client.delete(JOBS, jm.namespace ?? "", jm.name ?? "", { propagationPolicy: "Background" });
        this.recorder.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${jm.name}`);
      } catch (e) {
        if (!isNotFound(e)) this.recorder.event(cj, "Warning", "FailedDelete", `Deleted job: ${errorMessage(e)}`);
      }
      cj.status!.active = (cj.status?.active ?? []).filter((r) => r.uid !== jm.uid);
      if (!cj.status!.active.length) delete cj.status!.active;
    }
  }
}

/** time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000". */
function rfc1123z(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}

