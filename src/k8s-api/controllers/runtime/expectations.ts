/**
 * Controller expectations (pkg/controller's UIDTrackingControllerExpectations): after a
 * controller creates or deletes pods it waits until its informer has seen those
 * changes before acting on the same owner again, so a lagging cache never makes it
 * create or delete twice. Expectations expire after five minutes, as upstream.
 */

const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Record_ {
  add: number;
  del: number;
  /** Keys of pods whose deletion is expected. */
  deleting: Set<string>;
  at: number;
}

export class Expectations {
  private readonly records = new Map<string, Record_>();

  /** True when the owner may be synced: no record, all observed, or expired. */
  satisfied(owner: string): boolean {
    const r = this.records.get(owner);
    if (!r) return true;
    if (r.add <= 0 && r.del <= 0) return true;
    return Date.now() - r.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(owner: string, n: number): void {
    this.records.set(owner, { add: n, del: 0, deleting: new Set(), at: Date.now() });
  }

  expectDeletions(owner: string, podKeys: string[]): void {
    this.records.set(owner, { add: 0, del: podKeys.length, deleting: new Set(podKeys), at: Date.now() });
  }

  creationObserved(owner: string): void {
    const r = this.records.get(owner);
    if (r) r.add--;
  }

  /** A pod of owner was seen deleted (or terminating); counted once per pod. */
  deletionObserved(owner: string, podKey: string): void {
    const r = this.records.get(owner);
    if (r && r.deleting.delete(podKey)) r.del--;
  }

  delete(owner: string): void {
    this.records.delete(owner);
  }
}
