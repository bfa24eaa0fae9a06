/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per Node that the pod can
 * run on (nodeSelector, required node affinity, taints against the pod's tolerations
 * plus the node.kubernetes.io/* ones upstream adds), each pinned to its Node through
 * required node affinity on metadata.name for the scheduler to bind; RollingUpdate
 * within maxUnavailable or OnDelete; templates kept as ControllerRevisions.
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
import { PODS, clone, controllerOf, isAlreadyExists, isNotFound, jsonEqual, keyOf, meta, newControllerRef, ref, timeOf, type LabelSelector, type Pod, type PodTemplateSpec } from "./util/objects.js";
import { isPodAvailable, isPodReady } from "./util/pods.js";
import { claimObjects, recheckDeletionTimestamp } from "./util/ref-manager.js";
import { computeHash } from "./util/hash.js";
import { errorMessage } from "./replicaset.js";
import { NODES } from "./endpointslice.js";
import { CONTROLLER_REVISIONS, REVISION_LABEL, type ControllerRevision } from "./statefulset.js";

export const DAEMON_SETS = ref("apps", "v1", "daemonsets");
const TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";
const POD_TEMPLATE_GENERATION_LABEL = "pod-template-generation";

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}
interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}
interface Node extends KubeObject {
  spec?: { taints?: Taint[]; unschedulable?: boolean };
}
interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  hostNetwork?: boolean;
  affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] }; [k: string]: unknown }; [k: string]: unknown };
  [k: string]: unknown;
}

export interface DaemonSet extends KubeObject {
  spec?: {
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
  };
  status?: Record<string, unknown> & { collisionCount?: number };
}

/** util.AddOrUpdateDaemonPodTolerations. */
export function daemonPodTolerations(spec: PodSpec): Toleration[] {
  const out = [...(spec.tolerations ?? [])];
  const add = (key: string, effect: string) => {
    if (!out.some((t) => t.key === key && t.effect === effect && t.operator === "Exists")) out.push({ key, operator: "Exists", effect });
  };
  add("node.kubernetes.io/not-ready", "NoExecute");
  add("node.kubernetes.io/unreachable", "NoExecute");
  add("node.kubernetes.io/disk-pressure", "NoSchedule");
  add("node.kubernetes.io/memory-pressure", "NoSchedule");
  add("node.kubernetes.io/pid-pressure", "NoSchedule");
  add("node.kubernetes.io/unschedulable", "NoSchedule");
  if (spec.hostNetwork) add("node.kubernetes.io/network-unavailable", "NoSchedule");
  return out;
}

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (!t.key) return t.operator === "Exists";
  if (t.key !== taint.key) return false;
  return t.operator === "Exists" || (t.value ?? "") === (taint.value ?? "");
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && vals.includes(value);
    case "NotIn":
      return value === undefined || !vals.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(vals[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(vals[0]);
    default:
      return false;
  }
}

/** NodeShouldRunDaemonPod: the node's labels, name and taints admit the pod. */
export function nodeShouldRunDaemonPod(node: Node, spec: PodSpec): boolean {
  const nm = meta(node);
  const labels = nm.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length) {
    const ok = terms.some(
      (t) =>
        (t.matchExpressions?.length || t.matchFields?.length) &&
        (t.matchExpressions ?? []).every((r) => requirementMatches(r, labels[r.key])) &&
        (t.matchFields ?? []).every((r) => r.key === "metadata.name" && requirementMatches(r, nm.name)),
    );
    if (!ok) return false;
  }
  const tolerations = daemonPodTolerations(spec);
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerations.some((t) => tolerates(t, taint))) return false;
  }
  return true;
}

/** The node a daemon pod is for: spec.nodeName, else its metadata.name affinity. */
function podNode(p: Pod): string | undefined {
  const spec = (p.spec ?? {}) as PodSpec;
  if (spec.nodeName) return spec.nodeName;
  for (const t of spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [])
    for (const f of t.matchFields ?? []) if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
  return undefined;
}

/** intstr scaled against a total, rounding up (maxUnavailable). */
function scaled(v: number | string | undefined, total: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(v) || 0;
}

export class DaemonSetController implements Controller {
  readonly name = "daemonset-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly expectations = new Expectations();
  private readonly sets: Informer<DaemonSet>;
  private readonly setIndex: NamespaceIndex<DaemonSet>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly revisionIndex: NamespaceIndex<ControllerRevision>;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("daemonset-controller");
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.sets = ctx.informers.for<DaemonSet>(DAEMON_SETS);
    this.setIndex = ctx.informers.index<DaemonSet>(DAEMON_SETS);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.nodes = ctx.informers.for<Node>(NODES);
    this.revisionIndex = ctx.informers.index<ControllerRevision>(CONTROLLER_REVISIONS);
    const enqueue = (o: KubeObject) => this.loop.queue.add(keyOf(o));
    this.sets.on({
      add: enqueue,
      update: enqueue,
      delete: (d) => {
        this.expectations.delete(keyOf(d));
        enqueue(d);
      },
    });
    const onPod = (p: Pod, deleted: boolean) => {
      const cref = controllerOf(p);
      if (cref?.kind !== "DaemonSet") return;
      const d = this.setIndex.get(meta(p).namespace ?? "", cref.name);
      if (!d || meta(d).uid !== cref.uid) return;
      if (deleted || meta(p).deletionTimestamp) this.expectations.deletionObserved(keyOf(d), keyOf(p));
      else this.expectations.creationObserved(keyOf(d));
      enqueue(d);
    };
    ctx.informers.for<Pod>(PODS).on({ add: (p) => onPod(p, false), update: (p) => onPod(p, false), delete: (p) => onPod(p, true) });
    const allSets = () => {
      for (const d of this.sets.list()) enqueue(d);
    };
    this.nodes.on({ add: allSets, update: (cur, old) => !jsonEqual(cur.metadata?.labels, old.metadata?.labels) || !jsonEqual(cur.spec, old.spec) ? allSets() : undefined, delete: allSets });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  private async sync(key: string): Promise<void> {
    const cached = this.sets.get(key);
    if (!cached) {
      this.expectations.delete(key);
      return;
    }
    const ds = clone(cached);
    const dm = meta(ds);
    const ns = dm.namespace ?? "";
    const match = labelSelectorMatcher(ds.spec?.selector);
    const pods = await claimObjects(
      {
        client: this.ctx.client,
        log: this.log,
        resource: PODS,
        owner: ds,
        ownerApiVersion: "apps/v1",
        ownerKind: "DaemonSet",
        match: (p) => match(meta(p).labels),
        canAdopt: recheckDeletionTimestamp(this.ctx.client, DAEMON_SETS, ds),
      },
      this.podIndex.list(ns),
    );
    if (dm.deletionTimestamp) return;
    const hash = await this.ensureRevision(ds);
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) {
      const n = podNode(p) ?? "";
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const spec = (ds.spec?.template?.spec ?? {}) as PodSpec;
    const nodes = this.nodes.list();
    const shouldRun = new Set(nodes.filter((n) => nodeShouldRunDaemonPod(n, spec)).map((n) => meta(n).name ?? ""));
    if (this.expectations.satisfied(key)) {
      // manage: create where missing, delete where not wanted, failed or duplicated.
      const create: string[] = [];
      const del: Pod[] = [];
      for (const n of nodes) {
        const name = meta(n).name ?? "";
        const onNode = (byNode.get(name) ?? []).filter((p) => !meta(p).deletionTimestamp);
        if (!shouldRun.has(name)) {
          del.push(...onNode);
          continue;
        }
        const live: Pod[] = [];
        for (const p of onNode) {
          if (p.status?.phase === "Failed") {
            this.recorder.event(ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${ns}/${meta(p).name} on node ${name}, will try to kill it`);
            del.push(p);
          } else live.push(p);
        }
        if (!live.length && !(byNode.get(name) ?? []).some((p) => meta(p).deletionTimestamp)) create.push(name);
        else if (live.length > 1) {
          live.sort((a, b) => timeOf(meta(a).creationTimestamp) - timeOf(meta(b).creationTimestamp));
          del.push(...live.slice(1));
        }
      }
      // Pods for nodes that no longer exist go too.
      for (const [name, ps] of byNode) if (!nodes.some((n) => meta(n).name === name)) del.push(...ps.filter((p) => !meta(p).deletionTimestamp));
      if (!create.length && !del.length && ds.spec?.updateStrategy?.type !== "OnDelete") del.push(...this.rollingUpdate(ds, byNode, shouldRun, hash));
      await this.syncNodes(ds, create, del, hash);
    }
    await this.updateStatus(ds, byNode, shouldRun, hash);
  }

  /** rollingUpdate: old-revision pods go, unavailable ones first, keeping at most maxUnavailable nodes without an available pod. */
  private rollingUpdate(ds: DaemonSet, byNode: Map<string, Pod[]>, shouldRun: Set<string>, hash: string): Pod[] {
    const now = this.ctx.now().getTime();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const maxUnavailable = scaled(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable, shouldRun.size, 1);
    let unavailable = 0;
    const oldAvailable: Pod[] = [];
    const oldUnavailable: Pod[] = [];
    for (const n of shouldRun) {
      const p = (byNode.get(n) ?? []).find((x) => !meta(x).deletionTimestamp);
      if (!p || !isPodAvailable(p, minReady, now)) unavailable++;
      if (!p || meta(p).labels?.[REVISION_LABEL] === hash) continue;
      (isPodAvailable(p, minReady, now) ? oldAvailable : oldUnavailable).push(p);
    }
    const out = [...oldUnavailable];
    for (const p of oldAvailable) {
      if (unavailable >= maxUnavailable) break;
      out.push(p);
      unavailable++;
    }
    return out;
  }

  private async syncNodes(ds: DaemonSet, create: string[], del: Pod[], hash: string): Promise<void> {
    const key = keyOf(ds);
    const dm = meta(ds);
    const ns = dm.namespace ?? "";
    const errors: unknown[] = [];
    if (create.length) {
      this.expectations.expectCreations(key, create.length);
      await Promise.all(
        create.map(async (node) => {
          try {
            const created = await this.ctx.client.create<Pod>(PODS, ns, this.newPod(ds, node, hash));
            this.recorder.event(ds, "Normal", "SuccessfulCreate", `Created pod: ${meta(created).name}`);
          } catch (e) {
            this.expectations.creationObserved(key);
            this.recorder.event(ds, "Warning", "FailedCreate", `Error creating: ${errorMessage(e)}`);
            errors.push(e);
          }
        }),
      );
    } else if (del.length) {
      this.expectations.expectDeletions(key, del.map((p) => keyOf(p)));
      await Promise.all(
        del.map(async (p) => {
          try {
            await this.ctx.client.delete(PODS, ns, meta(p).name ?? "");
            this.recorder.event(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${meta(p).name}`);
          } catch (e) {
            this.expectations.deletionObserved(key, keyOf(p));
            if (isNotFound(e)) return;
            this.recorder.event(ds, "Warning", "FailedDelete", `Error deleting: ${errorMessage(e)}`);
            errors.push(e);
          }
        }),
      );
    }
    if (errors.length) throw errors[0];
  }

  /** The template, with the revision labels, the daemon tolerations and the node affinity (util.CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity). */
  private newPod(ds: DaemonSet, node: string, hash: string): Pod {
    const dm = meta(ds);
    const tmpl = clone(ds.spec?.template ?? {});
    const spec = (tmpl.spec ?? {}) as PodSpec;
    spec.tolerations = daemonPodTolerations(spec);
    const affinity = (spec.affinity ??= {});
    const na = (affinity.nodeAffinity ??= {});
    const term: NodeSelectorTerm = { matchFields: [{ key: "metadata.name", operator: "In", values: [node] }] };
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (!req?.nodeSelectorTerms?.length) na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
    else req.nodeSelectorTerms = req.nodeSelectorTerms.map((t) => ({ ...(t.matchExpressions ? { matchExpressions: t.matchExpressions } : {}), matchFields: term.matchFields }));
    const gen = dm.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        generateName: `${dm.name}-`,
        labels: { ...(tmpl.metadata?.labels ?? {}), [REVISION_LABEL]: hash, ...(gen ? { [POD_TEMPLATE_GENERATION_LABEL]: gen } : {}) },
        ...(tmpl.metadata?.annotations ? { annotations: tmpl.metadata.annotations } : {}),
        ownerReferences: [newControllerRef(ds, "apps/v1", "DaemonSet")],
      } as KubeObject["metadata"],
      spec,
    };
  }

  /** constructHistory: the ControllerRevision "<ds>-<hash>" of the current template. Returns the hash. */
  private async ensureRevision(ds: DaemonSet): Promise<string> {
    const dm = meta(ds);
    const ns = dm.namespace ?? "";
    const data = { spec: { template: { ...clone(ds.spec?.template ?? {}), $patch: "replace" } } };
    const hash = computeHash(data, ds.status?.collisionCount);
    const name = `${dm.name}-${hash}`;
    const owned = this.revisionIndex.list(ns).filter((r) => controllerOf(r)?.uid === dm.uid);
    const max = Math.max(0, ...owned.map((r) => r.revision));
    const existing = owned.find((r) => meta(r).name === name);
    if (existing) {
      if (existing.revision < max) await this.ctx.client.patch(CONTROLLER_REVISIONS, ns, name, "merge", { revision: max + 1 });
    } else {
      try {
        await this.ctx.client.create(CONTROLLER_REVISIONS, ns, {
          apiVersion: "apps/v1",
          kind: "ControllerRevision",
          metadata: { name, namespace: ns, labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_LABEL]: hash }, ownerReferences: [newControllerRef(ds, "apps/v1", "DaemonSet")] },
          data,
          revision: max + 1,
        } as KubeObject);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
      }
    }
    // Keep revisionHistoryLimit old revisions not used by any pod.
    const used = new Set(this.podIndex.list(ns).filter((p) => controllerOf(p)?.uid === dm.uid).map((p) => meta(p).labels?.[REVISION_LABEL]));
    const old = owned.filter((r) => meta(r).name !== name && !used.has(meta(r).labels?.[REVISION_LABEL])).sort((a, b) => a.revision - b.revision);
    for (const r of old.slice(0, Math.max(0, old.length - (ds.spec?.revisionHistoryLimit ?? 10))))
      await this.ctx.client.delete(CONTROLLER_REVISIONS, ns, meta(r).name ?? "").catch((e: unknown) => {
        if (!isNotFound(e)) throw e;
      });
    return hash;
  }

  /** updateDaemonSetStatus. */
  private async updateStatus(ds: DaemonSet, byNode: Map<string, Pod[]>, shouldRun: Set<string>, hash: string): Promise<void> {
    const now = this.ctx.now().getTime();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let updated = 0;
    let available = 0;
    for (const [node, ps] of byNode) {
      const live = ps.filter((p) => !meta(p).deletionTimestamp);
      if (!live.length) continue;
      if (!shouldRun.has(node)) {
        misscheduled++;
        continue;
      }
      current++;
      const p = live[0]!;
      if (isPodReady(p)) {
        ready++;
        if (isPodAvailable(p, minReady, now)) available++;
      }
      if (meta(p).labels?.[REVISION_LABEL] === hash) updated++;
    }
    const desired = shouldRun.size;
    const status = {
      ...(ds.status ?? {}),
      observedGeneration: meta(ds).generation ?? 0,
      desiredNumberScheduled: desired,
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: Math.max(0, desired - available),
    };
    for (const k of ["updatedNumberScheduled", "numberAvailable", "numberUnavailable"] as const) if (!status[k]) delete (status as Record<string, unknown>)[k];
    if (jsonEqual(ds.status ?? {}, status)) return;
    await this.ctx.client.update(DAEMON_SETS, meta(ds).namespace ?? "", { ...ds, status }, { subresource: "status" });
    if (minReady > 0 && ready !== available) this.loop.queue.addAfter(keyOf(ds), minReady * 1000);
  }
}
