/** ApiClient over the Registry in the same process (no HTTP, same code path as the handlers). */
import type { V1DeleteOptions } from "@kubernetes/client-node";
import { StatusError } from "../errors.js";
import { cloneJSON, type KubeObject } from "../types.js";
import type { Registry } from "../registry/registry.js";
import type { ResourceInfo } from "../registry/types.js";
import { predicateFromQuery } from "../server/output.js";
import { ApiClientError, type ApiClient, type ClientList, type ClientListOptions, type ClientWatch, type ClientWatchEvent, type ClientWriteOptions, type PatchKind, type ResourceRef } from "./types.js";

export class LocalClient implements ApiClient {
  constructor(
    private readonly registry: Registry,
    /** Field manager for writes that name none (e.g. "kube-controller-manager"). */
    private readonly manager: string,
  ) {}

  private info(r: ResourceRef): ResourceInfo {
    return this.registry.resolve(r.group, r.version, r.plural);
  }

  private wopts(o?: ClientWriteOptions) {
    return { fieldManager: o?.fieldManager ?? this.manager, dryRun: o?.dryRun ?? false, ...(o?.force !== undefined ? { force: o.force } : {}) };
  }

  async get<T extends KubeObject>(r: ResourceRef, ns: string, name: string): Promise<T> {
    return wrap(() => this.registry.get(this.info(r), ns, name)) as Promise<T>;
  }

  async list<T extends KubeObject>(r: ResourceRef, ns: string, o: ClientListOptions = {}): Promise<ClientList<T>> {
    const l = await wrap(() =>
      this.registry.list(this.info(r), ns, {
        ...(o.limit ? { limit: o.limit } : {}),
        ...(o.continue ? { continue: o.continue } : {}),
        ...(o.resourceVersion ? { resourceVersion: o.resourceVersion } : {}),
        ...predicateOf(this.info(r), o),
      }),
    );
    return { items: l.items as T[], resourceVersion: l.resourceVersion, ...(l.continue ? { continue: l.continue } : {}) };
  }

  async watch<T extends KubeObject>(r: ResourceRef, ns: string, o: ClientListOptions, onEvent: (ev: ClientWatchEvent<T>) => void): Promise<ClientWatch> {
    return wrap(() =>
      this.registry.watch(this.info(r), ns, { ...(o.resourceVersion ? { resourceVersion: o.resourceVersion } : {}), ...predicateOf(this.info(r), o) }, (ev) => {
        if (ev.type === "ERROR") {
          const st = ev.object as unknown as { code?: number; message?: string };
          onEvent({ type: "ERROR", code: st.code ?? 500, message: st.message ?? "watch error" });
        } else if (ev.type === "BOOKMARK") onEvent({ type: "BOOKMARK", object: ev.object });
        else onEvent({ type: ev.type, object: ev.object as T });
      }),
    );
  }

  async create<T extends KubeObject>(r: ResourceRef, ns: string, obj: T, o?: ClientWriteOptions & { subresource?: string }): Promise<T> {
    if (o?.subresource === "binding" && r.group === "" && r.plural === "pods") {
      await wrap(() => this.registry.bindPod(ns, obj.metadata?.name ?? "", cloneJSON(obj), this.wopts(o)));
      return obj;
    }
    if (o?.subresource === "eviction" && r.group === "" && r.plural === "pods") return (await wrap(() => this.registry.evictPod(ns, obj.metadata?.name ?? "", cloneJSON(obj), this.wopts(o)))) as T;
    if (o?.subresource) throw new ApiClientError(405, "MethodNotAllowed", `create on ${r.plural}/${o.subresource} is not supported by this client`);
    return (await wrap(() => this.registry.create(this.info(r), ns, cloneJSON(obj), this.wopts(o)))).object as T;
  }

  async update<T extends KubeObject>(r: ResourceRef, ns: string, obj: T, o?: ClientWriteOptions & { subresource?: string }): Promise<T> {
    const name = obj.metadata?.name ?? "";
    // The scale subresource has its own object type (autoscaling/v1 Scale), as the HTTP handlers serve it.
    if (o?.subresource === "scale") return (await wrap(() => this.registry.updateScale(this.info(r), ns, name, cloneJSON(obj), this.wopts(o)))) as T;
    return (await wrap(() => this.registry.update(this.info(r), ns, name, cloneJSON(obj), this.wopts(o), o?.subresource))).object as T;
  }

  async patch<T extends KubeObject>(r: ResourceRef, ns: string, name: string, kind: PatchKind, patch: unknown, o?: ClientWriteOptions & { subresource?: string }): Promise<T> {
    if (o?.subresource === "scale") return (await wrap(() => this.registry.patchScale(this.info(r), ns, name, kind, cloneJSON(patch), this.wopts(o)))) as T;
    return (await wrap(() => this.registry.patch(this.info(r), ns, name, kind, cloneJSON(patch), this.wopts(o), o?.subresource))).object as T;
  }

  async delete(r: ResourceRef, ns: string, name: string, opts: V1DeleteOptions = {}): Promise<KubeObject | undefined> {
    const res = await wrap(() => this.registry.delete(this.info(r), ns, name, opts, { fieldManager: this.manager }));
    return res.deleted ? undefined : res.object;
  }
}

/** The selectors as a predicate; a malformed selector throws its 400 Status (inside wrap). */
function predicateOf(info: ResourceInfo, o: ClientListOptions): { predicate?: ReturnType<typeof predicateFromQuery> & object } {
  const predicate = predicateFromQuery(info, selectorQuery(o));
  return predicate ? { predicate } : {};
}

function selectorQuery(o: ClientListOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (o.labelSelector) q.set("labelSelector", o.labelSelector);
  if (o.fieldSelector) q.set("fieldSelector", o.fieldSelector);
  return q;
}

async function wrap<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof StatusError) throw new ApiClientError(e.code, e.reason, e.message);
    throw e;
  }
}
