/**
 * InterPodAffinity (plugins/interpodaffinity, filtering.go and scoring.go): required pod
 * affinity / anti-affinity of the incoming pod and required anti-affinity of existing pods;
 * preferred terms of both sides (and existing pods' required affinity at
 * hardPodAffinityWeight 1) score, min-max normalized (weight 2).
 * Counts per topology domain come from the snapshot's maintained indexes.
 */
import { MAX_NODE_SCORE, status, UNRESOLVABLE, UNSCHEDULABLE, type FilterPlugin, type ScorePlugin } from "../framework.js";
import type { PodInfo } from "../pod-info.js";
import type { TopologyCounts } from "../snapshot.js";

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
const NAME = "InterPodAffinity";
const REJECT_AFFINITY = status(NAME, UNRESOLVABLE, ERR_AFFINITY);
const REJECT_ANTI = status(NAME, UNSCHEDULABLE, ERR_ANTI_AFFINITY);
const REJECT_EXISTING = status(NAME, UNSCHEDULABLE, ERR_EXISTING_ANTI_AFFINITY);
export const HARD_POD_AFFINITY_WEIGHT = 1;

type DomainCounts = ReadonlyMap<string, number>;

interface FilterState {
  /** topologyKey -> value -> existing pods whose required anti-affinity the incoming pod matches (the snapshot's maintained index). */
  existingAnti: TopologyCounts;
  /** Per required affinity term: pods matching all terms, per domain of the term's key. */
  affinity: DomainCounts[];
  /** No pod matches all affinity terms anywhere (affinityCounts empty upstream). */
  affinityEmpty: boolean;
  /** The pod matches its own affinity terms (the first pod of a group may go anywhere). */
  selfMatchesAffinity: boolean;
  /** Per required anti-affinity term: matching pods per domain. */
  anti: DomainCounts[];
}

export const interPodAffinityFilter: FilterPlugin<FilterState> = {
  name: NAME,
  preFilter: (pod, snap) => {
    const existingAnti = snap.existingAntiAffinityCounts(pod);
    const req = pod.requiredAffinityTerms;
    const reqAnti = pod.requiredAntiAffinityTerms;
    if (existingAnti.size === 0 && req.length === 0 && reqAnti.length === 0) return { skip: true };
    let affinity: DomainCounts[] = [];
    let affinityEmpty = true;
    if (req.length > 0) {
      const c = snap.allTermsCounts(req);
      affinity = req.map((t) => c.domains(t.topologyKey));
      affinityEmpty = affinity.every((d) => d.size === 0);
    }
    const anti = reqAnti.map((t) => snap.termCounts(t).domains(t.topologyKey));
    const selfMatchesAffinity = req.length > 0 && req.every((t) => snap.termMatches(t, pod));
    return { state: { existingAnti, affinity, affinityEmpty, selfMatchesAffinity, anti } };
  },
  filter: (s, pod, node) => {
    // satisfyPodAffinity
    const req = pod.requiredAffinityTerms;
    if (req.length > 0) {
      let podsExist = true;
      for (let i = 0; i < req.length; i++) {
        const v = node.labels[req[i]!.topologyKey];
        if (v === undefined) return REJECT_AFFINITY;
        if ((s.affinity[i]!.get(v) ?? 0) <= 0) podsExist = false;
      }
      if (!podsExist && !(s.affinityEmpty && s.selfMatchesAffinity)) return REJECT_AFFINITY;
    }
    // satisfyPodAntiAffinity
    const anti = pod.requiredAntiAffinityTerms;
    for (let i = 0; i < anti.length; i++) {
      const v = node.labels[anti[i]!.topologyKey];
      if (v !== undefined && (s.anti[i]!.get(v) ?? 0) > 0) return REJECT_ANTI;
    }
    // satisfyExistingPodsAntiAffinity
    for (const [key, m] of s.existingAnti) {
      const v = node.labels[key];
      if (v !== undefined && (m.get(v) ?? 0) > 0) return REJECT_EXISTING;
    }
    return null;
  },
};

/** topologyKey -> value -> score. */
type TopologyScore = Map<string, Map<string, number>>;

function addScore(m: TopologyScore, key: string, value: string, delta: number): void {
  let byValue = m.get(key);
  if (!byValue) m.set(key, (byValue = new Map()));
  byValue.set(value, (byValue.get(value) ?? 0) + delta);
}

export const interPodAffinityScore: ScorePlugin<TopologyScore> = {
  name: NAME,
  weight: 2,
  preScore: (pod, _feasible, snap) => {
    const pref = pod.preferredAffinityTerms;
    const prefAnti = pod.preferredAntiAffinityTerms;
    const m: TopologyScore = new Map();
    // The incoming pod's preferred terms against every existing pod (from the indexes).
    // Upstream skips nodes without labels; a domain count already implies the label.
    for (const w of pref) for (const [v, n] of snap.termCounts(w.term).domains(w.term.topologyKey)) addScore(m, w.term.topologyKey, v, w.weight * n);
    for (const w of prefAnti) for (const [v, n] of snap.termCounts(w.term).domains(w.term.topologyKey)) addScore(m, w.term.topologyKey, v, -w.weight * n);
    // Existing pods' terms against the incoming pod.
    const nsLabels = snap.namespaceLabels(pod.namespace);
    for (const existing of snap.podsWithAffinity) {
      const node = snap.nodeOf(existing)!;
      const apply = (key: string, weight: number) => {
        const v = node.labels[key];
        if (v !== undefined) addScore(m, key, v, weight);
      };
      for (const t of existing.requiredAffinityTerms) if (snap.termMatches(t, pod, nsLabels)) apply(t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
      for (const w of existing.preferredAffinityTerms) if (snap.termMatches(w.term, pod, nsLabels)) apply(w.term.topologyKey, w.weight);
      for (const w of existing.preferredAntiAffinityTerms) if (snap.termMatches(w.term, pod, nsLabels)) apply(w.term.topologyKey, -w.weight);
    }
    return m.size === 0 ? undefined : m;
  },
  score: (m, _pod, node) => {
    let score = 0;
    for (const [key, byValue] of m) {
      const v = node.labels[key];
      if (v !== undefined) score += byValue.get(v) ?? 0;
    }
    return score;
  },
  normalize: (_m, _f, scores) => {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s > max) max = s;
      if (s < min) min = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
  },
};

