/**
 * NodeAffinity (plugins/nodeaffinity): nodeSelector and required node affinity filter
 * (PreFilter narrows to metadata.name matchFields); preferred terms score (weight 2).
 */
import { defaultNormalize, status, UNRESOLVABLE, type FilterPlugin, type ScorePlugin } from "../framework.js";
import type { PodInfo } from "../pod-info.js";
import { hasRequiredNodeAffinity, matchNodeTerm, matchRequiredNodeAffinity } from "../selectors.js";

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_AFFINITY_CONFLICT = "pod affinity terms conflict";
const REJECT = status("NodeAffinity", UNRESOLVABLE, ERR_NODE_AFFINITY);

export const nodeAffinityFilter: FilterPlugin<null> = {
  name: "NodeAffinity",
  preFilter: (pod: PodInfo) => {
    if (!hasRequiredNodeAffinity(pod.requiredNodeAffinity)) return { skip: true };
    const names = pod.nodeNamesFromAffinity;
    if (names && names.size === 0) return { reject: status("NodeAffinity", UNRESOLVABLE, ERR_AFFINITY_CONFLICT) };
    return names ? { state: null, nodeNames: names } : { state: null };
  },
  filter: (_s, pod, node) => (matchRequiredNodeAffinity(pod.requiredNodeAffinity, node.name, node.labels) ? null : REJECT),
};

export const nodeAffinityScore: ScorePlugin<null> = {
  name: "NodeAffinity",
  weight: 2,
  preScore: (pod) => (pod.preferredNodeAffinity.length === 0 ? undefined : null),
  score: (_s, pod, node) => {
    let sum = 0;
    for (const p of pod.preferredNodeAffinity) if (matchNodeTerm(p.term, node.name, node.labels)) sum += p.weight;
    return sum;
  },
  normalize: (_s, _f, scores) => defaultNormalize(scores, false),
};
