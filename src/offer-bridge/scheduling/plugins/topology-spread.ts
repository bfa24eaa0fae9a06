/**
 * PodTopologySpread (plugins/podtopologyspread): DoNotSchedule constraints filter on skew
 * (with minDomains, nodeAffinityPolicy/nodeTaintsPolicy, matchLabelKeys); ScheduleAnyway
 * constraints, or the system defaults, score (weight 2).
 * Matching-pod counts per node and domain come from the snapshot's maintained indexes;
 * only the eligible-domain set is derived per pod (from the node-per-domain index when no
 * inclusion policy narrows it).
 */
import { MAX_NODE_SCORE, status, UNRESOLVABLE, UNSCHEDULABLE, type FilterPlugin, type ScorePlugin } from "../framework.js";
import type { NodeInfo } from "../node-info.js";
import type { PodInfo, SpreadConstraint } from "../pod-info.js";
import { hasRequiredNodeAffinity, matches, matchRequiredNodeAffinity } from "../selectors.js";
import type { MatchCounts, NodeSnapshot } from "../snapshot.js";
import { findUntoleratedDoNotScheduleTaint } from "../taints.js";

export const ERR_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = ERR_CONSTRAINTS + " (missing required label)";
const NAME = "PodTopologySpread";
const REJECT = status(NAME, UNSCHEDULABLE, ERR_CONSTRAINTS);
const REJECT_LABEL = status(NAME, UNRESOLVABLE, ERR_MISSING_LABEL);
const HOSTNAME = "kubernetes.io/hostname";
const MAX_INT32 = 2147483647;

function hasAllKeys(node: NodeInfo, cs: readonly SpreadConstraint[]): boolean {
  for (const c of cs) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

/** topologySpreadConstraint.matchNodeInclusionPolicies. */
function eligible(c: SpreadConstraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === "Honor" && !matchRequiredNodeAffinity(pod.requiredNodeAffinity, node.name, node.labels)) return false;
  if (c.nodeTaintsPolicy === "Honor" && node.taints.length > 0 && findUntoleratedDoNotScheduleTaint(node.taints, pod.tolerations)) return false;
  return true;
}

/** Whether the inclusion policies can exclude any node for this pod. */
function policiesNarrow(c: SpreadConstraint, pod: PodInfo, snap: NodeSnapshot): boolean {
  return (c.nodeAffinityPolicy === "Honor" && hasRequiredNodeAffinity(pod.requiredNodeAffinity)) || (c.nodeTaintsPolicy === "Honor" && snap.taintedNodes > 0);
}

interface FilterState {
  /** Per constraint: matching pods per eligible domain (0 included). */
  counts: Map<string, number>[];
  /** Per constraint: the global minimum, 0 when fewer domains than minDomains. */
  min: number[];
  selfMatch: number[];
}

export const topologySpreadFilter: FilterPlugin<FilterState> = {
  name: NAME,
  preFilter: (pod, snap) => {
    const cs = pod.hardSpread;
    if (cs.length === 0) return { skip: true };
    const counts = cs.map(() => new Map<string, number>());
    const matchers = cs.map((c) => snap.spreadCounts(pod.namespace, c.selector));
    const sameKey = cs.every((c) => c.topologyKey === cs[0]!.topologyKey);
    cs.forEach((c, i) => {
      const m = counts[i]!;
      const mc = matchers[i];
      if (sameKey && !policiesNarrow(c, pod, snap)) {
        // Every node with the key is eligible: domains from the node index, counts from the pod index.
        for (const v of snap.domainNodeCounts(c.topologyKey).keys()) m.set(v, 0);
        if (mc) for (const [v, n] of mc.domains(c.topologyKey)) m.set(v, n);
        return;
      }
      for (const node of snap.nodes) {
        if (!hasAllKeys(node, cs) || !eligible(c, pod, node)) continue;
        const v = node.labels[c.topologyKey]!;
        m.set(v, (m.get(v) ?? 0) + (mc ? mc.onNode(node) : 0));
      }
    });
    const min = cs.map((c, i) => {
      const m = counts[i]!;
      if (m.size < c.minDomains) return 0;
      let lo = MAX_INT32;
      for (const n of m.values()) if (n < lo) lo = n;
      return lo;
    });
    const selfMatch = cs.map((c) => (matches(c.selector, pod.labels) ? 1 : 0));
    return { state: { counts, min, selfMatch } };
  },
  filter: (s, pod, node) => {
    const cs = pod.hardSpread;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const v = node.labels[c.topologyKey];
      if (v === undefined) return REJECT_LABEL;
      const skew = (s.counts[i]!.get(v) ?? 0) + s.selfMatch[i]! - s.min[i]!;
      if (skew > c.maxSkew) return REJECT;
    }
    return null;
  },
};

interface ScoreState {
  ignored: Set<NodeInfo>;
  /** Per constraint: matching pods per domain of the feasible nodes (non-hostname keys). */
  domainCounts: (Map<string, number> | undefined)[];
  matchers: (MatchCounts | undefined)[];
  weights: number[];
}

export const topologySpreadScore: ScorePlugin<ScoreState> = {
  name: NAME,
  weight: 2,
  preScore: (pod, feasible, snap) => {
    const cs = pod.softSpread;
    if (cs.length === 0 || snap.size === 0) return undefined;
    const requireAll = !pod.softSpreadDefaulted;
    const ignored = new Set<NodeInfo>();
    const domainCounts = cs.map((c) => (c.topologyKey === HOSTNAME ? undefined : new Map<string, number>()));
    for (const node of feasible) {
      if (requireAll && !hasAllKeys(node, cs)) {
        ignored.add(node);
        continue;
      }
      cs.forEach((c, i) => {
        const m = domainCounts[i];
        if (!m) return;
        const v = node.labels[c.topologyKey] ?? ""; // upstream reads "" for a missing label here
        if (!m.has(v)) m.set(v, 0);
      });
    }
    const matchers = cs.map((c) => snap.spreadCounts(pod.namespace, c.selector));
    cs.forEach((c, i) => {
      const m = domainCounts[i];
      const mc = matchers[i];
      if (!m || !mc) return;
      // Only nodes holding matching pods contribute; visit those instead of every node.
      for (const [node, n] of mc.perNode) {
        if (requireAll && !hasAllKeys(node, cs)) continue;
        if (!eligible(c, pod, node)) continue;
        const v = node.labels[c.topologyKey] ?? "";
        const cur = m.get(v);
        if (cur !== undefined) m.set(v, cur + n);
      }
    });
    const weights = cs.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - ignored.size : domainCounts[i]!.size) + 2));
    return { ignored, domainCounts, matchers, weights };
  },
  score: (s, pod, node) => {
    if (s.ignored.has(node)) return 0;
    const cs = pod.softSpread;
    let score = 0;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const v = node.labels[c.topologyKey];
      if (v === undefined) continue;
      const mc = s.matchers[i];
      const cnt = c.topologyKey === HOSTNAME ? (mc ? mc.onNode(node) : 0) : (s.domainCounts[i]!.get(v) ?? 0);
      score += cnt * s.weights[i]! + (c.maxSkew - 1);
    }
    return Math.round(score);
  },
  normalize: (s, feasible, scores) => {
    let min = Infinity;
    let max = 0;
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(feasible[i]!)) continue;
      const v = scores[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(feasible[i]!)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
    }
  },
};
