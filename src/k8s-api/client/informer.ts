/**
 * List-then-watch with resume and relist on 410, keeping a cache keyed by
 * namespace/name (the shape of client-go's informer, and of client-node's ListWatch).
 */
import type { KubeObject } from "../types.js";
import { ApiClientError, type ApiClient, type ClientList, type ClientListOptions, type ClientWatch, type ResourceRef } from "./types.js";

/** client-go's pager page size (k8s.io/client-go/tools/pager defaultPageSize). */
export const LIST_PAGE_SIZE = 500;

/**
 * Every page of a list, as client-go's ListPager walks it: no single answer has to carry
 * 150,000 objects within the client's request timeout. A continue token that expired
 * (410) falls back to one full list, as the pager's FullListIfExpired does.
 */
export async function listAllPages<T extends KubeObject>(client: ApiClient, r: ResourceRef, ns: string, opts: ClientListOptions = {}): Promise<ClientList<T>> {
  const items: T[] = [];
  let cont: string | undefined;
  for (;;) {
    let page: ClientList<T>;
    try {
      page = await client.list<T>(r, ns, { ...opts, limit: LIST_PAGE_SIZE, ...(cont ? { continue: cont } : {}) });
    } catch (e) {
      if (cont && e instanceof ApiClientError && e.code === 410) return client.list<T>(r, ns, opts);
      throw e;
    }
    for (const o of page.items) items.push(o);
    if (!page.continue) return { items, resourceVersion: page.resourceVersion };
    cont = page.continue;
  }
}

export interface InformerHandlers<T extends KubeObject> {
  add?(obj: T): void;
  update?(obj: T, old: T): void;
  delete?(obj: T): void;
}

export interface InformerOptions {
  readonly namespace?: string;
  /**
   * Keep metadata.managedFields in the cache (default false: dropped, as kube-scheduler and
   * kube-controller-manager do with client-go's TransformStripManagedFields: the field is
   * often the largest part of an object and no controller reads it; a PUT of a cached object
   * without it keeps the stored entries).
   */
  readonly keepManagedFields?: boolean;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Called on watch errors other than 410 (the informer retries with backoff). */
  readonly onError?: (e: unknown) => void;
}

/**
 * The object without metadata.managedFields (client-go's TransformStripManagedFields): a
 * shallow copy when it has them (the object may be shared, e.g. by an in-process client),
 * else the object itself.
 */
export function stripManagedFields<T extends KubeObject>(obj: T): T {
  const m = obj?.metadata;
  if (!m || m.managedFields === undefined) return obj;
  const { managedFields: _, ...meta } = m;
  return { ...obj, metadata: meta };
}

/** namespace/name, or name for cluster-scoped objects. */
export function cacheKey(obj: KubeObject): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : (m.name ?? "");
}

export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private watch: ClientWatch | undefined;
  private stopped = false;
  private resourceVersion = "";
  private syncedResolve!: () => void;
  /** Resolves once the first list is in the cache. */
  readonly synced: Promise<void> = new Promise((r) => (this.syncedResolve = r));

  constructor(
    private readonly client: ApiClient,
    readonly resource: ResourceRef,
    private readonly opts: InformerOptions = {},
  ) {}

  on(h: InformerHandlers<T>): this {
    this.handlers.push(h);
    return this;
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  async start(): Promise<void> {
    await this.relist();
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
  }

  private async relist(backoffMs = 100): Promise<void> {
    if (this.stopped) return;
    try {
      const ns = this.opts.namespace ?? "";
      const sel = { ...(this.opts.labelSelector ? { labelSelector: this.opts.labelSelector } : {}), ...(this.opts.fieldSelector ? { fieldSelector: this.opts.fieldSelector } : {}) };
      const list = await listAllPages<T>(this.client, this.resource, ns, sel);
      const seen = new Set<string>();
      for (const item of list.items) {
        const obj = this.transform(item);
        const k = cacheKey(obj);
        seen.add(k);
        this.apply(k, obj);
      }
      for (const [k, old] of this.cache) if (!seen.has(k)) {
        this.cache.delete(k);
        for (const h of this.handlers) h.delete?.(old);
      }
      this.resourceVersion = list.resourceVersion;
      this.syncedResolve();
      this.watch = await this.client.watch<T>(this.resource, ns, { ...sel, resourceVersion: this.resourceVersion }, (ev) => {
        if (ev.type === "ERROR") {
          this.watch?.stop();
          if (ev.code !== 410) this.opts.onError?.(new Error(ev.message));
          setTimeout(() => void this.relist(), ev.code === 410 ? 0 : backoffMs).unref();
          return;
        }
        this.resourceVersion = ev.object.metadata?.resourceVersion ?? this.resourceVersion;
        if (ev.type === "BOOKMARK") return;
        const obj = this.transform(ev.object);
        const k = cacheKey(obj);
        if (ev.type === "DELETED") {
          const old = this.cache.get(k);
          this.cache.delete(k);
          for (const h of this.handlers) h.delete?.(obj ?? old);
        } else this.apply(k, obj);
      });
    } catch (e) {
      this.opts.onError?.(e);
      setTimeout(() => void this.relist(Math.min(backoffMs * 2, 10_000)), backoffMs).unref();
    }
  }

  private transform(obj: T): T {
    return this.opts.keepManagedFields ? obj : stripManagedFields(obj);
  }

  private apply(k: string, obj: T): void {
    const old = this.cache.get(k);
    this.cache.set(k, obj);
    if (!old) for (const h of this.handlers) h.add?.(obj);
    else if (old.metadata?.resourceVersion !== obj.metadata?.resourceVersion) for (const h of this.handlers) h.update?.(obj, old);
  }
}
