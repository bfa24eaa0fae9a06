/**
 * helper.DefaultSelector: the selector the system default spread constraints use for a
 * pod: the selectors of services selecting it, plus its controller's (ReplicationController,
 * ReplicaSet, StatefulSet) selector. The caller passes it to podInfoFromPod.
 */
import type { V1LabelSelector, V1OwnerReference, V1Pod } from "@kubernetes/client-node";
import { addRequirements, compileLabelSelector, matches, selectorFromSet, toLabels, type Selector } from "./selectors.js";

export interface SpreadOwners {
  /** Services in the pod's namespace (spec.selector). */
  services?: readonly { spec?: { selector?: Record<string, string> } }[];
  /** The controller object named by the pod's controller ownerReference, if known. */
  controller?: { kind: string; selector?: V1LabelSelector | Record<string, string> };
}

export function defaultSpreadSelector(pod: V1Pod, owners: SpreadOwners): Selector {
  const labels = toLabels(pod.metadata?.labels);
  const set: Record<string, string> = {};
  for (const s of owners.services ?? []) {
    const sel = s.spec?.selector;
    if (!sel) continue;
    if (!matches(selectorFromSet(sel), labels)) continue;
    Object.assign(set, sel); // labels.Merge: later services win on key clashes
  }
  let selector = selectorFromSet(set);
  const owner: V1OwnerReference | undefined = pod.metadata?.ownerReferences?.find((o) => o.controller);
  const c = owners.controller;
  if (!owner || !c || c.kind !== owner.kind) return selector;
  if (c.kind === "ReplicationController") {
    selector = selectorFromSet({ ...set, ...(c.selector as Record<string, string> | undefined) });
  } else if (c.kind === "ReplicaSet" || c.kind === "StatefulSet") {
    const other = compileLabelSelector(c.selector as V1LabelSelector | undefined);
    if (!other.nothing) selector = addRequirements(selector, other.requirements);
  }
  return selector;
}
