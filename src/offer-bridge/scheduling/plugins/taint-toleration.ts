/**
 * TaintToleration (plugins/tainttoleration): NoSchedule/NoExecute taints must be tolerated;
 * score counts untolerated PreferNoSchedule taints, normalized in reverse (weight 3).
 */
import { defaultNormalize, status, UNRESOLVABLE, type FilterPlugin, type ScorePlugin } from "../framework.js";
import { findUntoleratedDoNotScheduleTaint, tolerationsTolerateTaint, type Toleration } from "../taints.js";

/** v1.35 wording (older releases printed the taint: "node(s) had untolerated taint {k: v}"). */
export const ERR_UNTOLERATED_TAINT = "node(s) had untolerated taint(s)";
const REJECT = status("TaintToleration", UNRESOLVABLE, ERR_UNTOLERATED_TAINT);

export const taintTolerationFilter: FilterPlugin<null> = {
  name: "TaintToleration",
  preFilter: () => ({ state: null }),
  filter: (_s, pod, node) => (node.taints.length > 0 && findUntoleratedDoNotScheduleTaint(node.taints, pod.tolerations) ? REJECT : null),
};

export const taintTolerationScore: ScorePlugin<readonly Toleration[]> = {
  name: "TaintToleration",
  weight: 3,
  preScore: (pod) => pod.tolerations.filter((t) => t.effect === "" || t.effect === "PreferNoSchedule"),
  score: (tolerations, _pod, node) => {
    let n = 0;
    for (const taint of node.taints) if (taint.effect === "PreferNoSchedule" && !tolerationsTolerateTaint(tolerations, taint)) n++;
    return n;
  },
  normalize: (_s, _f, scores) => defaultNormalize(scores, true),
};
