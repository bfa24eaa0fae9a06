/**
 * The registry: every resource's store behind one set of verbs, shared by the HTTP
 * handlers and in-process clients (controllers). It adds what spans resources:
 * admission (namespace lifecycle), patches, subresources and managed fields.
 */
import type { V1DeleteOptions, V1Namespace } from "@kubernetes/client-node";
import type { Store } from "../store/types.js";
import { StatusError, badRequest, notFound, type StatusCause } from "../errors.js";
import { isJsonObject, type KubeObject } from "../types.js";
import { RESOURCES, findResource } from "./resources.js";
import { ResourceStore, type DeleteResult, type EntryList, type ListParams, type ObjectList, type WatchEvent, type WatchParams, type WriteContext } from "./generic-store.js";
import { apiVersionOf, type ResourceInfo } from "./types.js";
import { clone, metaOf, rfc3339 } from "./object-meta.js";
import { applyPatch, type PatchType } from "./patching.js";
import { checkFields, type FieldValidation } from "./field-validation.js";
import { subresourceStrategy } from "./subresources.js";
import { scaleOf, applyScale } from "./scale.js";
import { validateObjectMeta, validateObjectMetaUpdate } from "../validation/meta.js";
import { updateManagedFields } from "../patch/index.js";
import { ServiceAllocator, type ServiceRanges } from "./service-allocation.js";
import { admitPodPriority, type PriorityClassLookup } from "./admission-priority.js";
import { evictPod } from "./eviction.js";
import { podBindingStrategy } from "./strategies/core.js";

/** Namespaces that always exist and can never be deleted (as kube-apiserver's). */
export const IMMORTAL_NAMESPACES: readonly string[] = ["default", "kube-system", "kube-public", "kube-node-lease"];

export interface WriteOptions {
  readonly fieldManager?: string;
  /** What to do with fields the type does not have (default Warn, as kube-apiserver). */
  readonly fieldValidation?: FieldValidation;
  readonly dryRun?: boolean;
  /** Field manager defaulted from the User-Agent when fieldManager is absent. */
  readonly userAgent?: string;
}

export interface PatchOptions extends WriteOptions {
  readonly force?: boolean;
}

export interface WriteResult {
  readonly object: KubeObject;
  readonly created: boolean;
  readonly warnings: string[];
}

export class Registry {
  private readonly stores = new Map<ResourceInfo, ResourceStore>();
  private readonly namespaces: ResourceStore;
  /** Injectable clock, for tests. */
  now: () => Date = () => new Date();

  readonly services: ServiceAllocator;

  constructor(
    readonly store: Store,
    opts: { serviceRanges?: ServiceRanges } = {},
  ) {
    this.services = new ServiceAllocator(store, opts.serviceRanges);
    const isService = (i: ResourceInfo) => i.group === "" && i.kind === "Service";
    for (const info of RESOURCES) {
      this.stores.set(
        info,
        new ResourceStore(info, store, {
          admitCreate: (i, o) => this.admitCreate(i, o),
          validateMeta: (i, o, old) => validateMeta(i, o, old),
          trackManagedFields: (i, old, next, w) => trackManagedFields(i, old, next, w),
          ...(isService(info)
            ? {
                beginCreate: async (_i, o) => {
                  await this.services.allocate(o);
                  return async (ok) => {
                    if (!ok) await this.services.release(o);
                  };
                },
                beginUpdate: async (_i, next, old) => {
                  await this.services.reconcileUpdate(next, old);
                  return async () => {};
                },
                afterDelete: (_i, o) => this.services.release(o),
              }
            : {}),
        }),
      );
    }
    this.namespaces = this.storeFor(mustFind("", "v1", "namespaces"));
  }

  storeFor(info: ResourceInfo): ResourceStore {
    const s = this.stores.get(info);
    if (!s) throw new Error(`no store for ${info.plural}`);
    return s;
  }

  /** Resolve group/version/plural to a served resource, or 404 like kube-apiserver. */
  resolve(group: string, version: string, plural: string): ResourceInfo {
    const info = findResource(group, version, plural);
    // go-restful's 404 through NewGenericServerResponse: empty details.
    if (!info) throw new StatusError(404, "NotFound", "the server could not find the requested resource", {});
    return info;
  }

  private ctx(o: WriteOptions, subresource?: string, operation: "Update" | "Apply" = "Update"): WriteContext {
    const manager = o.fieldManager || defaultManager(o.userAgent);
    return { fieldManager: manager, operation, dryRun: Boolean(o.dryRun), now: this.now(), ...(subresource ? { subresource } : {}) };
  }

  // ---- verbs ----------------------------------------------------------------------

  async get(info: ResourceInfo, ns: string, name: string, resourceVersion?: string): Promise<KubeObject> {
    return this.storeFor(info).get(ns, name, resourceVersion);
  }

  async list(info: ResourceInfo, ns: string, p: ListParams): Promise<ObjectList> {
    return this.storeFor(info).list(ns, p);
  }

  /** A list as stored entries, for responses written from stored JSON (ResourceStore.listEntries). */
  async listEntries(info: ResourceInfo, ns: string, p: ListParams): Promise<EntryList> {
    return this.storeFor(info).listEntries(ns, p);
  }

  async watch(info: ResourceInfo, ns: string, p: WatchParams, emit: (ev: WatchEvent) => void) {
    return this.storeFor(info).watch(ns, p, emit);
  }

  async create(info: ResourceInfo, ns: string, obj: KubeObject, o: WriteOptions = {}): Promise<WriteResult> {
    checkTypeMeta(info, obj);
    const fieldWarnings = checkFields(info, obj, o.fieldValidation);
    const w = this.ctx(o);
    const object = await this.storeFor(info).create(ns, obj, w);
    return { object, created: true, warnings: [...fieldWarnings, ...(info.strategy.warnings?.(object) ?? [])] };
  }

  async update(info: ResourceInfo, ns: string, name: string, obj: KubeObject, o: WriteOptions = {}, subresource?: string): Promise<WriteResult> {
    checkTypeMeta(info, obj);
    const fieldWarnings = checkFields(info, obj, o.fieldValidation);
    const w = this.ctx(o, subresource);
    if (subresource === "finalize") return this.finalizeNamespace(name, obj, w);
    const sub = subresource ? subresourceStrategy(info, subresource) : undefined;
    const res = await this.storeFor(info).update(ns, name, obj, w, sub);
    return { object: res.object, created: res.created, warnings: [...fieldWarnings, ...(info.strategy.warnings?.(res.object, res.previous) ?? [])] };
  }

  async patch(info: ResourceInfo, ns: string, name: string, type: PatchType, body: unknown, o: PatchOptions = {}, subresource?: string): Promise<WriteResult> {
    const w = this.ctx(o, subresource, type === "apply" ? "Apply" : "Update");
    if (type !== "apply" && o.force !== undefined) throw badRequest("force: Invalid value: true: may not be specified for non-apply patch");
    if (type === "apply" && !o.fieldManager) throw new StatusError(422, "Invalid", `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch`, { kind: "PatchOptions", group: "meta.k8s.io", causes: [{ reason: "FieldValueRequired", field: "fieldManager", message: "Required value: is required for apply patch" }] });
    const sub = subresource ? subresourceStrategy(info, subresource) : undefined;
    const store = this.storeFor(info);
    let fieldWarnings: string[] = [];
    const res = await store.guaranteedUpdate(ns, name, w, async (current) => {
      // current is guaranteedUpdate's own copy: the patch may consume it.
      const currentRV = current?.metadata?.resourceVersion;
      const next = applyPatch({ info, current, type, body, name, namespace: ns, manager: w.fieldManager, force: Boolean(o.force), now: w.now, subresource, consumeCurrent: true });
      // A merge or strategic merge patch of a stored object: only what the body reaches is checked.
      const patched = current && (type === "merge" || type === "strategic") && isJsonObject(body) ? body : undefined;
      fieldWarnings = checkFields(info, next, o.fieldValidation, patched);
      if (!current) {
        if (type !== "apply") throw notFound(info.group, info.plural, name);
        return { create: next };
      }
      // A patch that sets resourceVersion is conditional on it, as kube's patcher checks.
      const wanted = metaOf(next).resourceVersion;
      if (wanted !== undefined && wanted !== currentRV)
        throw new StatusError(409, "Conflict", `Operation cannot be fulfilled on ${info.group ? `${info.plural}.${info.group}` : info.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, kind: info.plural });
      return { update: next };
    }, sub);
    return { object: res.object, created: res.created, warnings: [...fieldWarnings, ...(info.strategy.warnings?.(res.object, res.previous) ?? [])] };
  }

  async delete(info: ResourceInfo, ns: string, name: string, opts: V1DeleteOptions = {}, o: WriteOptions = {}): Promise<DeleteResult> {
    const w = this.ctx(o);
    if (info === this.namespaces.info) return this.deleteNamespace(name, opts, w);
    return this.storeFor(info).delete(ns, name, opts, w);
  }

  /** DELETE on a collection: every object the selectors match. */
  async deleteCollection(info: ResourceInfo, ns: string, p: ListParams, opts: V1DeleteOptions = {}, o: WriteOptions = {}): Promise<ObjectList> {
    const listed = await this.list(info, ns, { ...p, limit: 0 });
    const deleted: KubeObject[] = [];
    for (const item of listed.items) {
      const meta = metaOf(item);
      try {
        const r = await this.delete(info, meta.namespace ?? "", meta.name!, opts, o);
        deleted.push(r.object);
      } catch (e) {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      }
    }
    return { items: deleted, resourceVersion: listed.resourceVersion };
  }

  // ---- subresources with their own object types -----------------------------------

  async getScale(info: ResourceInfo, ns: string, name: string): Promise<KubeObject> {
    return scaleOf(info, await this.get(info, ns, name));
  }

  async updateScale(info: ResourceInfo, ns: string, name: string, scale: KubeObject, o: WriteOptions = {}): Promise<KubeObject> {
    const w = this.ctx(o, "scale");
    const res = await this.storeFor(info).guaranteedUpdate(ns, name, w, async (current) => {
      if (!current) throw notFound(info.group, info.plural, name);
      return { update: applyScale(info, current, scale) };
    });
    return scaleOf(info, res.object);
  }

  async patchScale(info: ResourceInfo, ns: string, name: string, type: PatchType, body: unknown, o: PatchOptions = {}): Promise<KubeObject> {
    const w = this.ctx(o, "scale");
    const res = await this.storeFor(info).guaranteedUpdate(ns, name, w, async (current) => {
      if (!current) throw notFound(info.group, info.plural, name);
      const scaleInfo = { ...info, model: "V1Scale", group: "autoscaling", version: "v1", kind: "Scale" };
      const scale = applyPatch({ info: scaleInfo, current: scaleOf(info, current), type, body, name, namespace: ns, manager: w.fieldManager, force: Boolean(o.force), now: w.now, subresource: "scale" });
      return { update: applyScale(info, current, scale) };
    });
    return scaleOf(info, res.object);
  }

  /** pods/eviction (policy/v1 Eviction): delete the pod unless its PodDisruptionBudget forbids it (eviction.ts). */
  async evictPod(ns: string, name: string, eviction: KubeObject, o: WriteOptions = {}): Promise<KubeObject> {
    const pods = mustFind("", "v1", "pods");
    const pdbs = mustFind("policy", "v1", "poddisruptionbudgets");
    return evictPod(
      {
        pods,
        pdbs,
        get: (info, n, x) => this.get(info, n, x),
        list: async (info, n) => (await this.list(info, n, {})).items,
        updateStatus: async (info, n, obj) => (await this.update(info, n, obj.metadata?.name ?? "", obj, { fieldManager: o.fieldManager ?? "kube-apiserver" }, "status")).object,
        delete: (info, n, x, opts) => this.delete(info, n, x, opts, { ...o, dryRun: Boolean(opts.dryRun?.length) }),
      },
      ns,
      name,
      eviction,
      Boolean(o.dryRun),
    );
  }

  /** pods/binding: assign a pod to a node once (as the scheduler's Bind). */
  async bindPod(ns: string, name: string, binding: KubeObject, o: WriteOptions = {}): Promise<void> {
    const pods = this.storeFor(mustFind("", "v1", "pods"));
    const target = isJsonObject(binding.target) ? binding.target : undefined;
    const node = typeof target?.name === "string" ? target.name : "";
    if (!node) throw new StatusError(422, "Invalid", `Binding "${name}" is invalid: target.name: Required value`, { kind: "Binding", name, causes: [{ reason: "FieldValueRequired", field: "target.name", message: "Required value" }] });
    await pods.guaranteedUpdate(ns, name, this.ctx(o, "binding"), async (current) => {
      if (!current) throw notFound("", "pods", name);
      const spec = (current.spec ?? {}) as { nodeName?: string };
      if (metaOf(current).deletionTimestamp) throw new StatusError(409, "Conflict", `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`, { name, kind: "pods/binding" });
      if (spec.nodeName) throw new StatusError(409, "Conflict", `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${spec.nodeName}"`, { name, kind: "pods/binding" });
      spec.nodeName = node;
      current.spec = spec;
      const status = (current.status ?? {}) as { conditions?: { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: null }[] };
      const conditions = (status.conditions ?? []).filter((c) => c.type !== "PodScheduled");
      conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(new Date()) });
      status.conditions = conditions;
      current.status = status;
      return { update: current };
    }, podBindingStrategy);
  }

  // ---- namespaces -----------------------------------------------------------------

  /** PriorityClasses as the Priority admission plugin reads them. */
  private priorityClasses(): PriorityClassLookup {
    const store = this.storeFor(mustFind("scheduling.k8s.io", "v1", "priorityclasses"));
    return {
      get: async (name) => (await store.tryGet("", name))?.obj as PriorityClassLookup extends { get(n: string): Promise<infer T> } ? T : never,
      list: async () => (await store.list("", {})).items as never,
    };
  }

  /** Namespace lifecycle admission: the namespace must exist and not be terminating. */
  private async admitCreate(info: ResourceInfo, obj: KubeObject): Promise<void> {
    if (!info.namespaced) return;
    if (info.group === "" && info.plural === "pods") await admitPodPriority(obj, this.priorityClasses());
    const meta = metaOf(obj);
    const ns = meta.namespace ?? "";
    const found = await this.namespaces.tryGet("", ns);
    if (!found) throw notFound("", "namespaces", ns);
    const phase = (found.obj as V1Namespace).status?.phase;
    if (phase === "Terminating" || found.obj.metadata?.deletionTimestamp)
      throw new StatusError(403, "Forbidden", `${info.plural}${info.group ? `.${info.group}` : ""} "${meta.name ?? ""}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`, {
        name: meta.name,
        kind: info.plural,
        causes: [{ reason: "NamespaceTerminating", message: `namespace ${ns} is being terminated`, field: "metadata.namespace" }],
      });
  }

  /** Namespaces stay (phase Terminating) until their spec.finalizers are cleared through /finalize. */
  private async deleteNamespace(name: string, opts: V1DeleteOptions, w: WriteContext): Promise<DeleteResult> {
    if (IMMORTAL_NAMESPACES.includes(name))
      throw new StatusError(403, "Forbidden", `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: "namespaces" });
    const store = this.namespaces;
    const cur = await store.tryGet("", name);
    if (!cur) throw notFound("", "namespaces", name);
    const ns = cur.obj as V1Namespace;
    if (!(ns.spec?.finalizers?.length)) return store.delete("", name, opts, w);
    // Straight on storage, as the namespace REST's Delete: metadata validation would refuse a new deletionTimestamp.
    const object = await store.rawUpdate("", name, w, (current) => {
      const n = current as V1Namespace;
      const meta = metaOf(current);
      if (!meta.deletionTimestamp) {
        meta.deletionTimestamp = rfc3339(w.now) as unknown as Date;
        meta.deletionGracePeriodSeconds = 0;
      }
      n.status = { ...(n.status ?? {}), phase: "Terminating" };
      return n as KubeObject;
    });
    return { object, deleted: false };
  }

  /** PUT namespaces/{name}/finalize: only spec.finalizers changes; when none remain and the namespace is terminating, it goes. */
  private async finalizeNamespace(name: string, obj: KubeObject, w: WriteContext): Promise<WriteResult> {
    const store = this.namespaces;
    const wanted = ((obj as V1Namespace).spec?.finalizers ?? []).slice();
    const res = await store.guaranteedUpdate("", name, w, async (current) => {
      if (!current) throw notFound("", "namespaces", name);
      const n = clone(current) as V1Namespace;
      n.spec = { ...(n.spec ?? {}), finalizers: wanted };
      return { update: n as KubeObject };
    }, { merge: (incoming) => incoming });
    const ns = res.object as V1Namespace;
    if (ns.metadata?.deletionTimestamp && !(ns.spec?.finalizers?.length) && !(ns.metadata.finalizers?.length)) {
      await store.delete("", name, {}, w).catch((e: unknown) => {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      });
    }
    return { object: res.object, created: false, warnings: [] };
  }
}

function mustFind(group: string, version: string, plural: string): ResourceInfo {
  const info = findResource(group, version, plural);
  if (!info) throw new Error(`resource table lacks ${group}/${version}/${plural}`);
  return info;
}

/** The apiVersion and kind in a body must name the resource of the URL. */
function checkTypeMeta(info: ResourceInfo, obj: KubeObject): void {
  const want = apiVersionOf(info);
  const apiVersion = typeof obj.apiVersion === "string" && obj.apiVersion ? obj.apiVersion : want;
  // Another kind fails the decoder's conversion to the URL's type (transformDecodeError), before any version check.
  if (typeof obj.kind === "string" && obj.kind && obj.kind !== info.kind) {
    const version = apiVersion.split("/").pop()!;
    const internalPkg = info.group ? info.group.split(".")[0]! : "core";
    throw badRequest(`${obj.kind} in version "${version}" cannot be handled as a ${info.kind}: converting (${version}.${obj.kind}) to (${internalPkg}.${info.kind}): unknown conversion`);
  }
  if (apiVersion !== want) throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${want})`);
}

/** kube-apiserver's default field manager: the User-Agent's program name. */
function defaultManager(userAgent: string | undefined): string {
  const ua = (userAgent ?? "").split("/")[0]?.trim() ?? "";
  return ua.length > 128 ? ua.slice(0, 128) : ua || "unknown";
}

function validateMeta(info: ResourceInfo, obj: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const causes = validateObjectMeta(metaOf(obj), { namespaced: info.namespaced, ...(info.strategy.validateName ? { nameFn: info.strategy.validateName } : {}) });
  if (old) causes.push(...validateObjectMetaUpdate(metaOf(obj), metaOf(old)));
  return causes;
}

function trackManagedFields(info: ResourceInfo, old: KubeObject | undefined, next: KubeObject, w: WriteContext): void {
  // An apply already recorded its ownership while merging.
  if (w.operation === "Apply") return;
  updateManagedFields(old, next, { manager: w.fieldManager, operation: "Update", apiVersion: apiVersionOf(info), now: w.now, model: info.model, ...(w.subresource ? { subresource: w.subresource } : {}) });
}
