/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job
 * with spec.ttlSecondsAfterFinished is deleted (foreground, so its pods go first) that
 * many seconds after its Complete/Failed condition, re-checked against a fresh read.
 */
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import { isNotFound, keyOf, meta, splitKey } from "./util/objects.js";
import { isJobFinished, jobFinishTime, type Job } from "./job-util.js";
import { JOBS } from "./job.js";

export class TTLAfterFinishedController implements Controller {
  readonly name = "ttl-after-finished-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly jobs: Informer<Job>;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.jobs = ctx.informers.for<Job>(JOBS);
    const enqueue = (j: Job) => {
      if (j.spec?.ttlSecondsAfterFinished !== undefined && j.spec.ttlSecondsAfterFinished !== null && isJobFinished(j) && !meta(j).deletionTimestamp) this.loop.queue.add(keyOf(j));
    };
    this.jobs.on({ add: enqueue, update: enqueue });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  /** Seconds left before the Job expires, or undefined when it never does. */
  private timeLeft(j: Job): number | undefined {
    const ttl = j.spec?.ttlSecondsAfterFinished;
    if (ttl === undefined || ttl === null || !isJobFinished(j) || meta(j).deletionTimestamp) return undefined;
    const finishAt = jobFinishTime(j);
    if (finishAt === undefined) return undefined;
    return finishAt + ttl * 1000 - this.ctx.now().getTime();
  }

  private async sync(key: string): Promise<void> {
    const cached = this.jobs.get(key);
    if (!cached) return;
    let left = this.timeLeft(cached);
    if (left === undefined) return;
    if (left > 0) {
      this.loop.queue.addAfter(key, left);
      return;
    }
    // The TTL may have been changed since the cache saw the Job: check a fresh copy.
    const { namespace, name } = splitKey(key);
    let fresh: Job;
    try {
      fresh = await this.ctx.client.get<Job>(JOBS, namespace, name);
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    left = this.timeLeft(fresh);
    if (left === undefined) return;
    if (left > 0) {
      this.loop.queue.addAfter(key, left);
      return;
    }
    this.log.info("cleaning up Job", { job: key });
    try {
      await this.ctx.client.delete(JOBS, namespace, name, { propagationPolicy: "Foreground", preconditions: { uid: meta(fresh).uid, resourceVersion: meta(fresh).resourceVersion } });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
