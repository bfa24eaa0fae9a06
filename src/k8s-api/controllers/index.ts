/**
 * The workload controllers, in the manner of kube-controller-manager: each reads
 * through shared informers, works through its own rate-limited queue and writes only
 * through an ApiClient, so the same controllers run in-process over the Registry or
 * against a remote API server.
 */
import type { ApiClient } from "../client/types.js";
import type { Logger } from "../../util/log.js";
import { RESOURCES } from "../registry/resources.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { InformerFactory } from "./runtime/informers.js";
import { EventBroadcaster } from "./runtime/events.js";
import { GarbageCollector, type GCResource } from "./garbagecollector.js";
import { NamespaceController } from "./namespace.js";
import { ServiceAccountsController } from "./serviceaccount.js";
import { ReplicaSetController } from "./replicaset.js";
import { DeploymentController } from "./deployment.js";
import { DisruptionController } from "./disruption.js";
import { EndpointsController } from "./endpoints.js";
import { EndpointSliceController } from "./endpointslice.js";
import { JobController, type JobControllerOptions } from "./job.js";
import { TTLAfterFinishedController } from "./ttlafterfinished.js";
import { CronJobController } from "./cronjob.js";
import { StatefulSetController } from "./statefulset.js";
import { DaemonSetController } from "./daemonset.js";

export type { Controller, ControllerContext } from "./runtime/controller.js";
export { WorkQueue, type WorkQueueOptions } from "./runtime/queue.js";
export { computeHash } from "./util/hash.js";

/** Controller names as kube-controller-manager's --controllers flag spells them. */
export const CONTROLLER_NAMES = [
  "garbage-collector-controller",
  "namespace-controller",
  "serviceaccount-controller",
  "replicaset-controller",
  "replicationcontroller-controller",
  "deployment-controller",
  "disruption-controller",
  "endpoints-controller",
  "endpointslice-controller",
  "job-controller",
  "ttl-after-finished-controller",
  "cronjob-controller",
  "statefulset-controller",
  "daemonset-controller",
] as const;

export type ControllerName = (typeof CONTROLLER_NAMES)[number];

/** A served resource as the controllers need to know it (discovery's view). */
export interface ControllerResource extends GCResource {
  readonly verbs?: readonly string[];
}

export interface StartControllersOptions {
  /** Which controllers to run (default: all of CONTROLLER_NAMES). */
  readonly controllers?: readonly ControllerName[];
  /** Workers per controller (defaults as kube-controller-manager: GC 20, namespace 10, deployment/replicaset/RC/endpoints/endpointslice/job/ttl-after-finished/cronjob/statefulset 5, daemonset 2, serviceaccount 1). */
  readonly workers?: Partial<Record<ControllerName, number>>;
  /** The resources the garbage collector watches and the namespace controller empties (default: RESOURCES). */
  readonly resources?: readonly ControllerResource[];
  /** Clock (default: the system clock). */
  readonly now?: () => Date;
  /** Job controller tuning (tests shorten the pod failure backoff). */
  readonly job?: JobControllerOptions;
}

/** Running controllers. */
export interface ControllersHandle {
  readonly controllers: readonly Controller[];
  /** Stop every controller and informer; pending event writes are dropped. */
  stop(): void;
}

/**
 * Build the controllers, start the shared informers, wait for their first lists, then
 * start every controller's workers.
 */
export async function startControllers(client: ApiClient, log: Logger, opts: StartControllersOptions = {}): Promise<ControllersHandle> {
  const now = opts.now ?? (() => new Date());
  const informers = new InformerFactory(client, log.child({ component: "informers" }));
  const events = new EventBroadcaster(client, log.child({ component: "events" }), now);
  const ctx: ControllerContext = { client, informers, events, log, now };
  const enabled = new Set<ControllerName>(opts.controllers ?? CONTROLLER_NAMES);
  const resources = opts.resources ?? RESOURCES;
  const w = opts.workers ?? {};
  const controllers: Controller[] = [];
  if (enabled.has("garbage-collector-controller")) controllers.push(new GarbageCollector(ctx, resources, w["garbage-collector-controller"] ?? 20));
  if (enabled.has("namespace-controller")) controllers.push(new NamespaceController(ctx, resources, w["namespace-controller"] ?? 10));
  if (enabled.has("serviceaccount-controller")) controllers.push(new ServiceAccountsController(ctx, w["serviceaccount-controller"] ?? 1));
  if (enabled.has("replicaset-controller")) controllers.push(ReplicaSetController.replicaSets(ctx, w["replicaset-controller"] ?? 5));
  if (enabled.has("replicationcontroller-controller")) controllers.push(ReplicaSetController.replicationControllers(ctx, w["replicationcontroller-controller"] ?? 5));
  if (enabled.has("deployment-controller")) controllers.push(new DeploymentController(ctx, w["deployment-controller"] ?? 5));
  if (enabled.has("disruption-controller")) controllers.push(new DisruptionController(ctx, w["disruption-controller"] ?? 5));
  if (enabled.has("endpoints-controller")) controllers.push(new EndpointsController(ctx, w["endpoints-controller"] ?? 5));
  if (enabled.has("endpointslice-controller")) controllers.push(new EndpointSliceController(ctx, w["endpointslice-controller"] ?? 5));
  if (enabled.has("job-controller")) controllers.push(new JobController(ctx, w["job-controller"] ?? 5, opts.job));
  if (enabled.has("ttl-after-finished-controller")) controllers.push(new TTLAfterFinishedController(ctx, w["ttl-after-finished-controller"] ?? 5));
  if (enabled.has("cronjob-controller")) controllers.push(new CronJobController(ctx, w["cronjob-controller"] ?? 5));
  if (enabled.has("statefulset-controller")) controllers.push(new StatefulSetController(ctx, w["statefulset-controller"] ?? 5));
  if (enabled.has("daemonset-controller")) controllers.push(new DaemonSetController(ctx, w["daemonset-controller"] ?? 2));

  log.info("starting controllers", { controllers: controllers.map((c) => c.name) });
  await informers.start();
  for (const c of controllers) await c.start();
  log.info("controllers started", { controllers: controllers.map((c) => c.name) });
  let stopped = false;
  return {
    controllers,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const c of controllers) c.stop();
      informers.stop();
      events.shutdown();
      log.info("controllers stopped");
    },
  };
}
