/**
 * Label selectors as the controllers use them, over src/k8s-api/selectors:
 * metav1.LabelSelector objects matched against label maps (LabelSelectorAsSelector),
 * and label sets as selectors (labels.SelectorFromSet).
 */
import { labelSelectorAsMatcher, selectorFromSet, type LabelMatcher } from "../../selectors/index.js";
import type { LabelSelector } from "./objects.js";

export type { LabelMatcher } from "../../selectors/index.js";

/**
 * metav1.LabelSelectorAsSelector: undefined matches nothing, {} matches everything.
 * Throws (400 BadRequest, upstream's message) on an invalid selector.
 */
export function labelSelectorMatcher(sel: LabelSelector | undefined | null): LabelMatcher {
  return labelSelectorAsMatcher(sel);
}

/** Whether every label of `subset` is in `labels` with the same value (labels.Set(subset).AsSelector().Matches). */
export function labelsContain(labels: Record<string, string> | undefined, subset: Record<string, string> | undefined): boolean {
  return selectorFromSet(subset)(labels);
}

/** Whether the selector is {} (selects everything). */
export function selectsEverything(sel: LabelSelector | undefined | null): boolean {
  return !!sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
}

/** labelsutil.CloneSelectorAndAddLabel. */
export function selectorWithLabel(sel: LabelSelector | undefined, key: string, value: string): LabelSelector {
  const out: LabelSelector = structuredClone(sel ?? {});
  out.matchLabels = { ...(out.matchLabels ?? {}), [key]: value };
  return out;
}
