/**
 * The pods that may be waiting for a placement, so that a scheduling cycle need not look
 * at every pod of the cluster. It is a superset: a pod enters when an event shows it
 * possibly pending (`note`), and leaves when a read finds it no longer can be (gone,
 * running, launched, being deleted...). The framework's own predicate decides on every
 * read, so membership never changes what counts as pending, only what is looked at.
 *
 * A pod leaves only for reasons that an event undoes: a change of the pod itself (which
 * calls `note` again) or the framework forgetting its launch (which calls `note` too).
 */
import type { Pod } from "./types.js";

export interface PendingPodsDeps {
  pod(key: string): Pod | undefined;
  /** The full predicate: pending right now. */
  isPending(p: Pod): boolean;
  /** Could become pending without an event of its own (only a node appearing differs from isPending). */
  mayBePending(p: Pod): boolean;
}

export class PendingPods {
  /** key -> the informer's order of the pod (first seen), for loops that must keep the pod list's order. */
  private readonly keys = new Map<string, number>();
  private readonly order = new Map<string, number>();
  /** The keys whose pod is bound to a node (spec.nodeName, which only a pod event sets): bound() walks these alone, not every pending pod. */
  private readonly boundKeys = new Map<string, number>();
  private seq = 0;

  constructor(private readonly d: PendingPodsDeps) {}

  /** The pod was added or changed (or its launch forgotten). */
  note(key: string, p: Pod): void {
    let n = this.order.get(key);
    if (n === undefined) this.order.set(key, (n = this.seq++));
    if (this.d.mayBePending(p)) {
      this.keys.set(key, n);
      if (p.spec?.nodeName) this.boundKeys.set(key, n);
      else this.boundKeys.delete(key);
    } else this.drop(key);
  }

  /** The pod object is gone. */
  forget(key: string): void {
    this.drop(key);
    this.order.delete(key);
  }

  /** Whether any pod is pending (other than those `except` names). */
  any(except?: (key: string) => boolean): boolean {
    for (const key of this.keys.keys()) {
      if (except?.(key)) continue;
      const p = this.live(key);
      if (p && this.d.isPending(p)) return true;
    }
    return false;
  }

  /** Pending pods already bound to a node, in the order the pod list has them. */
  bound(): Pod[] {
    const out: { p: Pod; n: number }[] = [];
    for (const [key, n] of this.boundKeys) {
      const p = this.live(key);
      if (p?.spec?.nodeName && this.d.isPending(p)) out.push({ p, n });
    }
    return out.sort((a, b) => a.n - b.n).map((x) => x.p);
  }

  /** The pod under key if it may still be pending; else it leaves the set. */
  private live(key: string): Pod | undefined {
    const p = this.d.pod(key);
    if (p && this.d.mayBePending(p)) return p;
    this.drop(key);
    return undefined;
  }

  private drop(key: string): void {
    this.keys.delete(key);
    this.boundKeys.delete(key);
  }
}
