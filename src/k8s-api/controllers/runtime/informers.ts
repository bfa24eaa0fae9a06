/**
 * Informers shared between controllers (client-go's SharedInformerFactory): one list
 * and watch per resource, however many controllers look at it. Controllers register
 * their handlers while they are built; start() then lists everything and resolves
 * once every cache holds its first list.
 */
import { Informer } from "../../client/informer.js";
import type { ApiClient, ResourceRef } from "../../client/types.js";
import type { KubeObject } from "../../types.js";
import type { Logger } from "../../../util/log.js";

export class InformerFactory {
  private readonly informers = new Map<string, Informer>();
  private readonly indexes = new Map<string, NamespaceIndex>();
  private readonly started = new Set<string>();

  constructor(
    private readonly client: ApiClient,
    private readonly log: Logger,
  ) {}

  /** The shared informer of a resource (created on first use). */
  for<T extends KubeObject = KubeObject>(r: ResourceRef): Informer<T> {
    const k = `${r.group}/${r.version}/${r.plural}`;
    let inf = this.informers.get(k);
    if (!inf) {
      inf = new Informer(this.client, r, { onError: (e) => this.log.warn("informer watch error", { resource: k, err: e }) });
      this.informers.set(k, inf);
      // The index is the first handler, so every controller handler sees it up to date.
      this.indexes.set(k, new NamespaceIndex(inf));
    }
    return inf as unknown as Informer<T>;
  }

  /** The namespace index of a resource's shared informer. */
  index<T extends KubeObject = KubeObject>(r: ResourceRef): NamespaceIndex<T> {
    this.for(r);
    return this.indexes.get(`${r.group}/${r.version}/${r.plural}`) as unknown as NamespaceIndex<T>;
  }

  /** Start every informer not yet started and wait for their first lists. */
  async start(): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const [k, inf] of this.informers) {
      if (this.started.has(k)) {
        waits.push(inf.synced);
        continue;
      }
      this.started.add(k);
      void inf.start();
      waits.push(inf.synced);
    }
    await Promise.all(waits);
  }

  stop(): void {
    for (const inf of this.informers.values()) inf.stop();
  }
}

/** Objects of one informer grouped by namespace (client-go's namespace index). */
export class NamespaceIndex<T extends KubeObject = KubeObject> {
  private readonly byNs = new Map<string, Map<string, T>>();

  constructor(inf: Informer<T>) {
    inf.on({ add: (o) => this.put(o), update: (o) => this.put(o), delete: (o) => this.remove(o) });
  }

  /** Objects in namespace ns (a snapshot). */
  list(ns: string): T[] {
    return [...(this.byNs.get(ns)?.values() ?? [])];
  }

  get(ns: string, name: string): T | undefined {
    return this.byNs.get(ns)?.get(name);
  }

  private put(o: T): void {
    const ns = o.metadata?.namespace ?? "";
    let m = this.byNs.get(ns);
    if (!m) this.byNs.set(ns, (m = new Map()));
    m.set(o.metadata?.name ?? "", o);
  }

  private remove(o: T): void {
    const ns = o.metadata?.namespace ?? "";
    const m = this.byNs.get(ns);
    if (!m) return;
    m.delete(o.metadata?.name ?? "");
    if (!m.size) this.byNs.delete(ns);
  }
}
