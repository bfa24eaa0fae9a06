/**
 * First fit of pending tasks into one offer: as many whole tasks as the offer contains,
 * each taking the requested resources from what is left (Mesos' Resources arithmetic, so
 * fractions behave as they do on the master).
 */
import { Resources } from "../../mesos/resources.js";
import type { Offer, Resource } from "../../mesos/v1.js";

export interface Fit<T> {
  readonly item: T;
  /** The task's resources, allocated to the offer's role (MULTI_ROLE requires it). */
  readonly resources: readonly Resource[];
}

export function offerRole(offer: Offer): string | undefined {
  return offer.allocation_info?.role ?? offer.resources.find((r) => r.allocation_info)?.allocation_info?.role;
}

/** The items (in order) that fit into the offer, one task's `perTask` resources each. */
export function pack<T>(offer: Offer, perTask: Resources, items: readonly T[]): Fit<T>[] {
  const role = offerRole(offer);
  const want = role === undefined ? perTask : perTask.allocate(role);
  let left = Resources.from(offer.resources);
  const out: Fit<T>[] = [];
  for (const item of items) {
    if (!left.contains(want)) break;
    left = left.subtract(want);
    out.push({ item, resources: want.toJSON() });
  }
  return out;
}
