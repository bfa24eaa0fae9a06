/**
 * The garbage collector (pkg/controller/garbagecollector): a graph of ownerReferences
 * over every watched resource, and two queues working on it.
 *
 * - attemptToDelete: a dependent whose owners are all gone (checked by uid with a live
 *   GET, never only from the cache) is deleted, Background unless it already carries
 *   a propagation finalizer; dangling references next to a live owner are removed. An
 *   owner being deleted in the foreground ("foregroundDeletion" finalizer) has its
 *   dependents deleted (in the foreground themselves when they have dependents) and
 *   loses the finalizer once no dependent with blockOwnerDeletion=true is left.
 * - attemptToOrphan: an owner being deleted with the "orphan" finalizer has its
 *   reference removed from every dependent, then loses the finalizer.
 *
 * Owners named only in a reference get a "virtual" node until observed; checking one
 * that does not exist removes it and sends its dependents to attemptToDelete.
 */
import type { KubeObject } from "../types.js";
import type { ApiClient, ResourceRef } from "../client/types.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { RequeueError, SyncLoop } from "./runtime/controller.js";
import { isConflict, isNotFound, jsonEqual, meta, parseApiVersion, type OwnerReference } from "./util/objects.js";

/** A resource the collector can watch and resolve owner references to. */
export interface GCResource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

export const FINALIZER_ORPHAN = "orphan";
export const FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";

/** Resources the collector ignores, as kube-controller-manager's defaults (events). */
const IGNORED: readonly string[] = ["/events", "events.k8s.io/events"];

interface Identity {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  uid: string;
}

interface GraphNode {
  identity: Identity;
  owners: OwnerReference[];
  dependents: Set<GraphNode>;
  /** Known only from a reference; not (yet) observed through an informer. */
  virtual: boolean;
  beingDeleted: boolean;
  deletingDependents: boolean;
}

const MAX_ABSENT = 500;
const FINALIZER_RETRIES = 5;

export class GarbageCollector implements Controller {
  readonly name = "garbage-collector-controller";
  private readonly log: Logger;
  private readonly client: ApiClient;
  private readonly nodes = new Map<string, GraphNode>();
  /** uids verified absent (an LRU, as upstream's absentOwnerCache). */
  private readonly absent = new Map<string, true>();
  private readonly byKind = new Map<string, GCResource>();
  private readonly attemptToDelete: SyncLoop;
  private readonly attemptToOrphan: SyncLoop;

  constructor(ctx: ControllerContext, resources: readonly GCResource[], workers = 20) {
    this.log = ctx.log.child({ controller: this.name });
    this.client = ctx.client;
    this.attemptToDelete = new SyncLoop("garbage_collector_attempt_to_delete", this.log, (uid) => this.attemptToDeleteItem(uid), { workers });
    this.attemptToOrphan = new SyncLoop("garbage_collector_attempt_to_orphan", this.log, (uid) => this.attemptToOrphanItem(uid), { workers });
    for (const r of resources) {
      if (!this.byKind.has(`${r.group}/${r.kind}`)) this.byKind.set(`${r.group}/${r.kind}`, r);
      if (IGNORED.includes(`${r.group}/${r.plural}`)) continue;
      const ref: ResourceRef = { group: r.group, version: r.version, plural: r.plural };
      ctx.informers.for(ref).on({
        add: (o) => this.observe(o, undefined, r),
        update: (o, old) => this.observe(o, old, r),
        delete: (o) => this.observeDelete(o),
      });
    }
  }

  async start(): Promise<void> {
    this.attemptToDelete.start();
    this.attemptToOrphan.start();
    this.log.info("started", { monitoredKinds: this.byKind.size });
  }

  stop(): void {
    this.attemptToDelete.stop();
    this.attemptToOrphan.stop();
  }

  // ---- graph builder (graph_builder.go processGraphChanges) -------------------------

  private identityOf(o: KubeObject, r: GCResource): Identity {
    const m = meta(o);
    return { apiVersion: o.apiVersion ?? (r.group ? `${r.group}/${r.version}` : r.version), kind: o.kind ?? r.kind, name: m.name ?? "", namespace: m.namespace ?? "", uid: m.uid ?? "" };
  }

  private observe(o: KubeObject, old: KubeObject | undefined, r: GCResource): void {
    const m = meta(o);
    const uid = m.uid;
    if (!uid) return;
    let node = this.nodes.get(uid);
    const owners = m.ownerReferences ?? [];
    if (node && node.virtual) {
      // First sight of an owner known from references: take its real coordinates and
      // re-check dependents that named it differently.
      const observed = this.identityOf(o, r);
      for (const dep of node.dependents) {
        const ref = dep.owners.find((x) => x.uid === uid);
        if (!ref || ref.kind !== observed.kind || ref.name !== observed.name || parseApiVersion(ref.apiVersion).group !== parseApiVersion(observed.apiVersion).group) this.enqueueDelete(dep);
      }
      node.identity = observed;
      node.virtual = false;
    }
    if (!node) {
      node = { identity: this.identityOf(o, r), owners, dependents: new Set(), virtual: false, beingDeleted: beingDeleted(o), deletingDependents: beingDeleted(o) && hasFinalizer(o, FINALIZER_DELETE_DEPENDENTS) };
      this.nodes.set(uid, node);
      this.addDependentToOwners(node, owners);
    } else {
      const { added, removed, changed } = referencesDiffs(node.owners, owners);
      if (added.length || removed.length || changed.length) {
        this.addUnblockedOwnersToDeleteQueue(removed, changed);
        node.owners = owners;
        this.addDependentToOwners(node, added);
        for (const ref of removed) this.nodes.get(ref.uid)?.dependents.delete(node);
      }
      if (beingDeleted(o)) node.beingDeleted = true;
    }
    this.processTransitions(old, o, node);
  }

  private observeDelete(o: KubeObject): void {
    const uid = meta(o).uid;
    const node = uid ? this.nodes.get(uid) : undefined;
    if (!node) return;
    this.removeNode(node);
  }

  /** Drop a node; its dependents are checked, and owners waiting on it re-checked. */
  private removeNode(node: GraphNode): void {
    this.nodes.delete(node.identity.uid);
    for (const ref of node.owners) this.nodes.get(ref.uid)?.dependents.delete(node);
    if (node.dependents.size) this.markAbsent(node.identity.uid);
    for (const dep of node.dependents) this.enqueueDelete(dep);
    for (const ref of node.owners) {
      const owner = this.nodes.get(ref.uid);
      if (owner?.deletingDependents) this.enqueueDelete(owner);
    }
  }

  private addDependentToOwners(node: GraphNode, owners: readonly OwnerReference[]): void {
    let potentiallyInvalid = false;
    for (const ref of owners) {
      let owner = this.nodes.get(ref.uid);
      if (!owner) {
        owner = { identity: { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, namespace: node.identity.namespace, uid: ref.uid }, owners: [], dependents: new Set(), virtual: true, beingDeleted: false, deletingDependents: false };
        this.log.debug("add virtual node", { identity: owner.identity });
        this.nodes.set(ref.uid, owner);
        owner.dependents.add(node);
        // Verify the owner exists; if not, the dependents are collected.
        this.enqueueDelete(owner);
        continue;
      }
      owner.dependents.add(node);
      // A dependent appearing while its owner deletes dependents in the foreground
      // (e.g. created just before the owner's deletion) is collected too.
      if (owner.deletingDependents) this.enqueueDelete(node);
      const ownerNamespaced = owner.identity.namespace !== "";
      if (ownerNamespaced && owner.identity.namespace !== node.identity.namespace) potentiallyInvalid = true;
      else if (owner.identity.kind !== ref.kind || owner.identity.name !== ref.name) potentiallyInvalid = true;
    }
    if (potentiallyInvalid) this.enqueueDelete(node);
  }

  private addUnblockedOwnersToDeleteQueue(removed: readonly OwnerReference[], changed: readonly { old: OwnerReference; cur: OwnerReference }[]): void {
    for (const ref of removed) {
      if (!ref.blockOwnerDeletion) continue;
      const owner = this.nodes.get(ref.uid);
      if (owner?.deletingDependents) this.enqueueDelete(owner);
    }
    for (const c of changed) {
      if (!(c.old.blockOwnerDeletion && !c.cur.blockOwnerDeletion)) continue;
      const owner = this.nodes.get(c.cur.uid);
      if (owner?.deletingDependents) this.enqueueDelete(owner);
    }
  }

  private processTransitions(old: KubeObject | undefined, cur: KubeObject, node: GraphNode): void {
    if (startsWaitingFor(old, cur, FINALIZER_ORPHAN)) {
      this.log.debug("add item to attemptToOrphan", { identity: node.identity });
      this.attemptToOrphan.queue.add(node.identity.uid);
      return;
    }
    if (startsWaitingFor(old, cur, FINALIZER_DELETE_DEPENDENTS)) {
      this.log.info("owner is waiting for its dependents to be deleted", { identity: node.identity, dependents: node.dependents.size });
      node.deletingDependents = true;
      for (const dep of node.dependents) this.enqueueDelete(dep);
      this.enqueueDelete(node);
    }
  }

  private enqueueDelete(node: GraphNode): void {
    this.attemptToDelete.queue.add(node.identity.uid);
  }

  private markAbsent(uid: string): void {
    this.absent.delete(uid);
    this.absent.set(uid, true);
    if (this.absent.size > MAX_ABSENT) {
      const first = this.absent.keys().next();
      if (!first.done) this.absent.delete(first.value);
    }
  }

  // ---- API access -------------------------------------------------------------------

  private resourceFor(apiVersion: string, kind: string): GCResource | undefined {
    return this.byKind.get(`${parseApiVersion(apiVersion).group}/${kind}`);
  }

  private refFor(r: GCResource): ResourceRef {
    return { group: r.group, version: r.version, plural: r.plural };
  }

  /** Live GET of an identity; undefined when absent. Throws when its kind is unknown. */
  private async getObject(id: Identity): Promise<KubeObject | undefined> {
    const r = this.resourceFor(id.apiVersion, id.kind);
    if (!r) throw new Error(`unable to get REST mapping for ${id.apiVersion}/${id.kind}`);
    try {
      return await this.client.get(this.refFor(r), r.namespaced ? id.namespace : "", id.name);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Merge-patch metadata conditionally on the resourceVersion it was computed from, retrying on conflicts. */
  private async patchMeta(id: Identity, compute: (latest: KubeObject) => Record<string, unknown> | undefined): Promise<void> {
    const r = this.resourceFor(id.apiVersion, id.kind);
    if (!r) throw new Error(`unable to get REST mapping for ${id.apiVersion}/${id.kind}`);
    for (let attempt = 0; ; attempt++) {
      const latest = await this.getObject(id);
      if (!latest || meta(latest).uid !== id.uid) return;
      const patch = compute(latest);
      if (!patch) return;
      try {
        await this.client.patch(this.refFor(r), r.namespaced ? id.namespace : "", id.name, "merge", { metadata: { ...patch, resourceVersion: meta(latest).resourceVersion } });
        return;
      } catch (e) {
        if (isNotFound(e)) return;
        if (isConflict(e) && attempt < FINALIZER_RETRIES) continue;
        throw e;
      }
    }
  }

  private async deleteObject(id: Identity, policy: "Background" | "Foreground" | "Orphan"): Promise<void> {
    const r = this.resourceFor(id.apiVersion, id.kind);
    if (!r) throw new Error(`unable to get REST mapping for ${id.apiVersion}/${id.kind}`);
    this.log.info("deleting object", { kind: id.kind, object: id.namespace ? `${id.namespace}/${id.name}` : id.name, uid: id.uid, propagationPolicy: policy });
    try {
      await this.client.delete(this.refFor(r), r.namespaced ? id.namespace : "", id.name, { propagationPolicy: policy, preconditions: { uid: id.uid } });
    } catch (e) {
      // Gone already, or replaced by another object of the same name (uid precondition).
      if (isNotFound(e) || isConflict(e)) return;
      throw e;
    }
  }

  private async removeFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    await this.patchMeta(node.identity, (latest) => {
      const fs = meta(latest).finalizers ?? [];
      if (!fs.includes(finalizer)) return undefined;
      const rest = fs.filter((f) => f !== finalizer);
      this.log.info("removing finalizer", { kind: node.identity.kind, object: fmtId(node.identity), finalizer });
      return { finalizers: rest.length ? rest : null };
    });
  }

  // ---- attemptToDelete (garbagecollector.go attemptToDeleteItem) --------------------

  private async attemptToDeleteItem(uid: string): Promise<void> {
    const node = this.nodes.get(uid);
    if (!node) return;
    if (node.beingDeleted && !node.deletingDependents) return;
    const latest = await this.getObject(node.identity);
    if (!latest || meta(latest).uid !== node.identity.uid) {
      // Not there (with this uid): a virtual delete. Its dependents get checked.
      this.log.debug("item absent, removing from graph", { identity: node.identity });
      if (this.nodes.get(uid) === node) this.removeNode(node);
      this.markAbsent(uid);
      return;
    }
    if (node.deletingDependents) return this.processDeletingDependents(node);
    const refs = meta(latest).ownerReferences ?? [];
    if (!refs.length) return this.requeueIfVirtual(node);

    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = await this.ownerOf(ref, node);
      if (!owner) dangling.push(ref);
      else if (meta(owner).deletionTimestamp && hasFinalizer(owner, FINALIZER_DELETE_DEPENDENTS)) waiting.push(ref);
      else solid.push(ref);
    }

    if (solid.length) {
      if (!dangling.length && !waiting.length) return this.requeueIfVirtual(node);
      // Drop the dangling references and those to owners deleting their dependents,
      // or such owners would wait forever on this live object.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.log.info("removing dangling and waiting owner references", { object: fmtId(node.identity), dangling: dangling.map((r) => r.uid), waiting: waiting.map((r) => r.uid) });
      await this.patchMeta(node.identity, (l) => {
        const cur = meta(l).ownerReferences ?? [];
        const rest = cur.filter((r) => !drop.has(r.uid));
        return rest.length === cur.length ? undefined : { ownerReferences: rest.length ? rest : null };
      });
      return;
    }
    if (waiting.length && node.dependents.size) {
      for (const dep of node.dependents) {
        if (!dep.deletingDependents) continue;
        // A cycle may be forming: unblock this item's references before deleting it.
        this.log.info("owner and dependent both delete dependents; unblocking owner references", { object: fmtId(node.identity), dependent: fmtId(dep.identity) });
        await this.patchMeta(node.identity, (l) => {
          const cur = meta(l).ownerReferences ?? [];
          if (!cur.some((r) => r.blockOwnerDeletion)) return undefined;
          return { ownerReferences: cur.map((r) => (r.blockOwnerDeletion ? { ...r, blockOwnerDeletion: false } : r)) };
        });
        break;
      }
      await this.deleteObject(node.identity, "Foreground");
      return;
    }
    const policy = hasFinalizer(latest, FINALIZER_ORPHAN) ? "Orphan" : hasFinalizer(latest, FINALIZER_DELETE_DEPENDENTS) ? "Foreground" : "Background";
    await this.deleteObject(node.identity, policy);
  }

  /**
   * An owner known only from references exists: check again later until an informer
   * shows it, or a node for an object created and deleted unseen would stay forever
   * (upstream issue 56121).
   */
  private requeueIfVirtual(node: GraphNode): void {
    if (node.virtual && this.nodes.get(node.identity.uid) === node) throw new RequeueError(`${fmtId(node.identity)} not yet observed by an informer`);
  }

  /** The owner a reference names, by a live GET; undefined when it is absent or has another uid. */
  private async ownerOf(ref: OwnerReference, dependent: GraphNode): Promise<KubeObject | undefined> {
    if (this.absent.has(ref.uid)) return undefined;
    const r = this.resourceFor(ref.apiVersion, ref.kind);
    if (!r) throw new Error(`unable to get REST mapping for ${ref.apiVersion}/${ref.kind}`);
    // A cluster-scoped dependent cannot name a namespaced owner: that reference is invalid.
    if (r.namespaced && !dependent.identity.namespace) {
      this.log.warn("cluster-scoped object references a namespaced owner", { object: fmtId(dependent.identity), owner: ref });
      return undefined;
    }
    let owner: KubeObject | undefined;
    try {
      owner = await this.client.get(this.refFor(r), r.namespaced ? dependent.identity.namespace : "", ref.name);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    if (!owner || meta(owner).uid !== ref.uid) {
      this.markAbsent(ref.uid);
      return undefined;
    }
    return owner;
  }

  private async processDeletingDependents(node: GraphNode): Promise<void> {
    const blocking = [...node.dependents].filter((dep) => dep.owners.some((r) => r.uid === node.identity.uid && r.blockOwnerDeletion));
    if (!blocking.length) {
      await this.removeFinalizer(node, FINALIZER_DELETE_DEPENDENTS);
      return;
    }
    for (const dep of blocking) if (!dep.deletingDependents) this.enqueueDelete(dep);
  }

  // ---- attemptToOrphan --------------------------------------------------------------

  private async attemptToOrphanItem(uid: string): Promise<void> {
    const node = this.nodes.get(uid);
    if (!node) return;
    const errors: unknown[] = [];
    await Promise.all(
      [...node.dependents].map(async (dep) => {
        try {
          await this.patchMeta(dep.identity, (l) => {
            const cur = meta(l).ownerReferences ?? [];
            const rest = cur.filter((r) => r.uid !== uid);
            return rest.length === cur.length ? undefined : { ownerReferences: rest.length ? rest : null };
          });
        } catch (e) {
          errors.push(e);
        }
      }),
    );
    if (errors.length) throw errors[0];
    this.log.info("orphaned dependents", { owner: fmtId(node.identity), dependents: node.dependents.size });
    await this.removeFinalizer(node, FINALIZER_ORPHAN);
  }
}

function beingDeleted(o: KubeObject): boolean {
  return !!meta(o).deletionTimestamp;
}

function hasFinalizer(o: KubeObject, f: string): boolean {
  return (meta(o).finalizers ?? []).includes(f);
}

/** The object just now started waiting on the finalizer (it did not before). */
function startsWaitingFor(old: KubeObject | undefined, cur: KubeObject, finalizer: string): boolean {
  if (!beingDeleted(cur) || !hasFinalizer(cur, finalizer)) return false;
  return !old || !beingDeleted(old) || !hasFinalizer(old, finalizer);
}

function referencesDiffs(old: readonly OwnerReference[], cur: readonly OwnerReference[]) {
  const oldByUid = new Map(old.map((r) => [r.uid, r] as const));
  const curByUid = new Map(cur.map((r) => [r.uid, r] as const));
  const added = cur.filter((r) => !oldByUid.has(r.uid));
  const removed = old.filter((r) => !curByUid.has(r.uid));
  const changed: { old: OwnerReference; cur: OwnerReference }[] = [];
  for (const r of cur) {
    const o = oldByUid.get(r.uid);
    if (o && !jsonEqual(o, r)) changed.push({ old: o, cur: r });
  }
  return { added, removed, changed };
}

function fmtId(id: Identity): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ""}${id.name}`;
}
