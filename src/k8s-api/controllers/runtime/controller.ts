/**
 * What every controller is, and the worker loop they share: N workers take keys from a
 * WorkQueue and run the controller's sync for each; a failure requeues the key with
 * backoff, a success forgets its backoff (client-go's processNextWorkItem/handleErr).
 */
import type { ApiClient } from "../../client/types.js";
import type { Logger } from "../../../util/log.js";
import type { InformerFactory } from "./informers.js";
import type { EventBroadcaster } from "./events.js";
import { WorkQueue } from "./queue.js";

/** A controller: named, started once, stopped once. */
export interface Controller {
  /** As kube-controller-manager names it ("deployment", "replicaset", "garbage-collector"...). */
  readonly name: string;
  /** Start the workers (the shared informers are started by the caller). */
  start(): Promise<void>;
  /** Stop the workers; pending keys are dropped. */
  stop(): void;
}

/** Thrown by a sync to have its key retried with backoff without reporting a failure (upstream's requeueItem). */
export class RequeueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RequeueError";
  }
}

/** What a controller is built from. */
export interface ControllerContext {
  readonly client: ApiClient;
  readonly informers: InformerFactory;
  readonly events: EventBroadcaster;
  readonly log: Logger;
  /** Clock (tests may pin it). */
  readonly now: () => Date;
}

export interface SyncLoopOptions {
  /** Concurrent workers (kube-controller-manager's --concurrent-*-syncs). */
  readonly workers: number;
  /** Give up on a key after this many consecutive failures (default: never). */
  readonly maxRetries?: number;
}

/**
 * A queue and its workers. `sync` returns normally when the key is done; throwing
 * requeues it rate-limited.
 */
export class SyncLoop {
  readonly queue: WorkQueue;
  private running: Promise<void>[] = [];

  constructor(
    readonly name: string,
    private readonly log: Logger,
    private readonly sync: (key: string) => Promise<void>,
    private readonly opts: SyncLoopOptions,
  ) {
    this.queue = new WorkQueue(name);
  }

  start(): void {
    for (let i = 0; i < this.opts.workers; i++) this.running.push(this.worker());
  }

  stop(): void {
    this.queue.shutDown();
  }

  /** Resolves when every worker has returned (after stop). */
  async stopped(): Promise<void> {
    await Promise.all(this.running);
  }

  private async worker(): Promise<void> {
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      const started = Date.now();
      try {
        await this.sync(key);
        this.queue.forget(key);
        this.log.debug("synced", { key, ms: Date.now() - started });
      } catch (e) {
        if (e instanceof RequeueError) {
          this.log.debug("requeue", { key, why: e.message });
          this.queue.addRateLimited(key);
          continue;
        }
        const n = this.queue.numRequeues(key);
        if (this.opts.maxRetries !== undefined && n >= this.opts.maxRetries) {
          this.log.warn("dropping key out of the queue", { key, err: e, retries: n });
          this.queue.forget(key);
        } else {
          this.log.info("sync failed, will retry", { key, err: e, retries: n });
          this.queue.addRateLimited(key);
        }
      } finally {
        this.queue.done(key);
      }
    }
  }
}
