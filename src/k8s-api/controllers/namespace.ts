/**
 * The namespace controller (pkg/controller/namespace, deletion/namespaced_resources_deleter.go):
 * a namespace with a deletionTimestamp has everything in it deleted, resource by
 * resource, with status conditions reporting what remains; when nothing is left its
 * "kubernetes" finalizer is removed through PUT namespaces/{name}/finalize and the API
 * server removes the namespace.
 */
import type { KubeObject } from "../types.js";
import type { ApiClient, ResourceRef } from "../client/types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import { NAMESPACES, PODS, clone, isConflict, isNotFound, meta, rfc3339, timeOf, type Condition } from "./util/objects.js";
import { errorMessage } from "./replicaset.js";

/** A resource whose objects live in namespaces and can be deleted. */
export interface NamespacedResource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly verbs?: readonly string[];
}

/** The finalizer this controller owns (v1.FinalizerKubernetes). */
export const FINALIZER_KUBERNETES = "kubernetes";

/** Seconds to wait when content remains only because of finalizers (finalizerEstimateSeconds). */
const FINALIZER_ESTIMATE_SECONDS = 15;

interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: Condition[] };
}

/** Content is left; come back after about estimate seconds (deletion.ResourcesRemainingError). */
class ResourcesRemaining extends Error {
  constructor(readonly estimate: number) {
    super(`some content remains in the namespace, estimate ${estimate} seconds before it is removed`);
    this.name = "ResourcesRemainingError";
  }
}

// namespace_condition_utils.go
const CONDITION_TYPES = ["NamespaceDeletionDiscoveryFailure", "NamespaceDeletionGroupVersionParsingFailure", "NamespaceDeletionContentFailure", "NamespaceContentRemaining", "NamespaceFinalizersRemaining"] as const;
type ConditionType = (typeof CONDITION_TYPES)[number];
const OK_MESSAGES: Record<ConditionType, string> = {
  NamespaceDeletionDiscoveryFailure: "All resources successfully discovered",
  NamespaceDeletionGroupVersionParsingFailure: "All legacy kube types successfully parsed",
  NamespaceDeletionContentFailure: "All content successfully deleted, may be waiting on finalization",
  NamespaceContentRemaining: "All content successfully removed",
  NamespaceFinalizersRemaining: "All content-preserving finalizers finished",
};
const OK_REASONS: Record<ConditionType, string> = {
  NamespaceDeletionDiscoveryFailure: "ResourcesDiscovered",
  NamespaceDeletionGroupVersionParsingFailure: "ParsedGroupVersions",
  NamespaceDeletionContentFailure: "ContentDeleted",
  NamespaceContentRemaining: "ContentRemoved",
  NamespaceFinalizersRemaining: "ContentHasNoFinalizers",
};

interface GvrResult {
  estimate: number;
  remaining: number;
  finalizers: Map<string, number>;
  error?: unknown;
}

export class NamespaceController implements Controller {
  readonly name = "namespace-controller";
  private readonly log: Logger;
  private readonly client: ApiClient;
  private readonly loop: SyncLoop;
  private readonly namespaces: Informer<Namespace>;
  private readonly resources: NamespacedResource[];

  constructor(
    private readonly ctx: ControllerContext,
    resources: readonly NamespacedResource[],
    workers = 10,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.client = ctx.client;
    this.resources = resources.filter((r) => r.namespaced && (!r.verbs || r.verbs.includes("delete")));
    this.loop = new SyncLoop("namespace", this.log, (key) => this.sync(key), { workers });
    this.namespaces = ctx.informers.for<Namespace>(NAMESPACES);
    const enqueue = (ns: Namespace) => {
      if (meta(ns).deletionTimestamp) this.loop.queue.add(meta(ns).name ?? "");
    };
    this.namespaces.on({ add: enqueue, update: enqueue });
  }

  async start(): Promise<void> {
    this.loop.start();
    this.log.info("started", { resources: this.resources.length });
  }

  stop(): void {
    this.loop.stop();
  }

  private async sync(name: string): Promise<void> {
    const started = Date.now();
    try {
      await this.delete(name);
      this.log.debug("finished syncing namespace", { namespace: name, ms: Date.now() - started });
    } catch (e) {
      if (e instanceof ResourcesRemaining) {
        const wait = Math.floor(e.estimate / 2) + 1;
        this.log.info("content remaining in namespace", { namespace: name, waitSeconds: wait });
        this.loop.queue.addAfter(name, wait * 1000);
        return;
      }
      throw e;
    }
  }

  /** namespacedResourcesDeleter.Delete */
  private async delete(name: string): Promise<void> {
    let ns: Namespace;
    try {
      ns = await this.client.get<Namespace>(NAMESPACES, "", name);
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    if (!meta(ns).deletionTimestamp) return;
    try {
      ns = await this.retryOnConflict(ns, (n) => this.updatePhase(n));
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    if (!meta(ns).deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).length) return;
    const { estimate, namespace } = await this.deleteAllContent(ns);
    if (estimate > 0) throw new ResourcesRemaining(estimate);
    ns = namespace;
    try {
      await this.retryOnConflict(ns, (n) => this.finalize(n));
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }

  private async retryOnConflict(ns: Namespace, fn: (n: Namespace) => Promise<Namespace>): Promise<Namespace> {
    let cur = ns;
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn(cur);
      } catch (e) {
        if (!isConflict(e) || attempt >= 4) throw e;
        cur = await this.client.get<Namespace>(NAMESPACES, "", meta(ns).name ?? "");
      }
    }
  }

  /** updateNamespaceStatusFunc: phase Terminating once deletion started. */
  private async updatePhase(ns: Namespace): Promise<Namespace> {
    if (!meta(ns).deletionTimestamp || ns.status?.phase === "Terminating") return ns;
    const next = clone(ns);
    next.status = { ...(next.status ?? {}), phase: "Terminating" };
    return this.client.update<Namespace>(NAMESPACES, "", next, { subresource: "status" });
  }

  /** finalizeNamespace: drop our finalizer from spec.finalizers through /finalize. */
  private async finalize(ns: Namespace): Promise<Namespace> {
    const rest = [...new Set((ns.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES))].sort();
    const body: Namespace = { ...clone(ns), spec: { ...(ns.spec ?? {}), finalizers: rest } };
    this.log.info("finalizing namespace", { namespace: meta(ns).name, finalizers: rest });
    return this.client.update<Namespace>(NAMESPACES, "", body, { subresource: "finalize" });
  }

  /** deleteAllContent: delete every namespaced resource's objects, update conditions, estimate the wait. */
  private async deleteAllContent(ns: Namespace): Promise<{ estimate: number; namespace: Namespace }> {
    const name = meta(ns).name ?? "";
    const deletedAt = timeOf(meta(ns).deletionTimestamp);
    let estimate = 0;
    const errors: unknown[] = [];
    const gvrRemaining = new Map<string, number>();
    const finalizersRemaining = new Map<string, number>();
    for (const r of this.resources) {
      const res = await this.deleteAllContentFor(r, name, deletedAt);
      if (res.error !== undefined) errors.push(res.error);
      estimate = Math.max(estimate, res.estimate);
      if (res.remaining > 0) {
        gvrRemaining.set(`${r.plural}.${r.group}`, res.remaining);
        for (const [f, n] of res.finalizers) if (n) finalizersRemaining.set(f, (finalizersRemaining.get(f) ?? 0) + n);
      }
    }
    const newConditions: Condition[] = [];
    const now = rfc3339(this.ctx.now());
    if (gvrRemaining.size) {
      const parts = [...gvrRemaining].filter(([, n]) => n > 0).map(([gr, n]) => `${gr} has ${n} resource instances`).sort();
      newConditions.push({ type: "NamespaceContentRemaining", status: "True", lastTransitionTime: now, reason: "SomeResourcesRemain", message: `Some resources are remaining: ${parts.join(", ")}` });
    }
    if (finalizersRemaining.size) {
      const parts = [...finalizersRemaining].filter(([, n]) => n > 0).map(([f, n]) => `${f} in ${n} resource instances`).sort();
      newConditions.push({ type: "NamespaceFinalizersRemaining", status: "True", lastTransitionTime: now, reason: "SomeFinalizersRemain", message: `Some content in the namespace has finalizers remaining: ${parts.join(", ")}` });
    }
    if (errors.length) {
      const msgs = errors.map(errorMessage).sort();
      newConditions.push({ type: "NamespaceDeletionContentFailure", status: "True", lastTransitionTime: now, reason: "ContentDeletionFailed", message: `Failed to delete all resource types, ${errors.length} remaining: ${msgs.join(", ")}` });
    }
    let next = clone(ns);
    if (updateConditions(next, newConditions, now)) {
      try {
        next = await this.client.update<Namespace>(NAMESPACES, "", next, { subresource: "status" });
      } catch (e) {
        this.log.warn("couldn't update status condition for namespace", { namespace: name, err: e });
      }
    }
    this.log.info("deleted namespace content", { namespace: name, estimate, remaining: Object.fromEntries(gvrRemaining), errors: errors.length });
    if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors, errors.map(errorMessage).join(", "));
    return { estimate, namespace: next };
  }

  /** deleteAllContentForGroupVersionResource */
  private async deleteAllContentFor(r: NamespacedResource, ns: string, deletedAt: number): Promise<GvrResult> {
    const ref: ResourceRef = { group: r.group, version: r.version, plural: r.plural };
    const out: GvrResult = { estimate: 0, remaining: 0, finalizers: new Map() };
    try {
      out.estimate = r.group === "" && r.plural === "pods" ? await this.estimatePods(ns, deletedAt) : 0;
      // Like a deletecollection: everything, Background, so that the garbage collector
      // adds no orphan finalizer (the namespace is purged before it goes).
      const listed = await this.client.list(ref, ns);
      for (const item of listed.items) {
        try {
          await this.client.delete(ref, ns, meta(item).name ?? "", { propagationPolicy: "Background" });
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      const left = await this.client.list(ref, ns);
      if (!left.items.length) {
        out.estimate = 0;
        return out;
      }
      out.remaining = left.items.length;
      for (const item of left.items) for (const f of meta(item).finalizers ?? []) out.finalizers.set(f, (out.finalizers.get(f) ?? 0) + 1);
      if (out.estimate !== 0) return out;
      if (out.finalizers.size) {
        out.estimate = FINALIZER_ESTIMATE_SECONDS;
        return out;
      }
      out.error = new Error(`unexpected items still remain in namespace: ${ns} for gvr: ${r.group}/${r.version}, Resource=${r.plural}`);
      return out;
    } catch (e) {
      out.error = e;
      return out;
    }
  }

  /** estimateGracefulTerminationForPods, zero once the namespace has been deleting longer than that. */
  private async estimatePods(ns: string, deletedAt: number): Promise<number> {
    const pods = await this.client.list<KubeObject & { spec?: { terminationGracePeriodSeconds?: number }; status?: { phase?: string } }>(PODS, ns);
    let estimate = 0;
    for (const p of pods.items) {
      const phase = p.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") continue;
      estimate = Math.max(estimate, p.spec?.terminationGracePeriodSeconds ?? 0);
    }
    const elapsed = Number.isNaN(deletedAt) ? Infinity : this.ctx.now().getTime() - deletedAt;
    return elapsed >= estimate * 1000 ? 0 : estimate;
  }
}

/** updateConditions: every managed type present, failures as given, the rest as their "ok" variant. */
function updateConditions(ns: Namespace, fresh: Condition[], now: string): boolean {
  const status = (ns.status ??= {});
  const conditions = (status.conditions ??= []);
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const want = fresh.find((c) => c.type === type) ?? { type, status: "False", lastTransitionTime: now, reason: OK_REASONS[type], message: OK_MESSAGES[type] };
    const old = conditions.find((c) => c.type === type);
    if (!old) {
      conditions.push(want);
      changed = true;
    } else if (old.status !== want.status || old.message !== want.message || old.reason !== want.reason) {
      if (old.status !== want.status) old.lastTransitionTime = now;
      old.status = want.status;
      old.reason = want.reason;
      old.message = want.message;
      changed = true;
    }
  }
  return changed;
}
