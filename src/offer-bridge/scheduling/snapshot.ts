/**
 * NodeSnapshot: the nodes and the pods placed on them, updated incrementally
 * (assume/forget as the scheduler cache does), plus the indexes that keep affinity and
 * topology-spread counting off the all-pods scan upstream does per scheduling cycle:
 *   - per topology key, the number of nodes in each domain;
 *   - per pod matcher (a spread selector, an affinity term), the matching pods per node
 *     and per topology domain, built on first use and then maintained on every
 *     assume/forget, so a workload's replicas reuse them (bounded, least recently used);
 *   - per incoming pod's namespace and labels, the placed pods' required anti-affinity terms
 *     that match it, per topology domain (InterPodAffinity's existing-pods anti-affinity
 *     counts), likewise built once and maintained, instead of a pass over every placed pod
 *     with required anti-affinity per scheduling cycle.
 */
import { NodeInfo, type NodeSpec } from "./node-info.js";
import { hasPodAffinity, type AffinityTerm, type PodInfo } from "./pod-info.js";
import { EMPTY_LABELS, isEmptySelector, matches, toLabels, type Labels, type Selector } from "./selectors.js";

/** Pods matching one predicate, counted per node and per topology domain. */
export class MatchCounts {
  readonly perNode = new Map<NodeInfo, number>();
  private readonly byKey = new Map<string, Map<string, number>>();
  total = 0;

  constructor(readonly match: (p: PodInfo) => boolean) {}

  /** Matching pods per value of `topologyKey` (nodes without the label are not counted). */
  domains(topologyKey: string): ReadonlyMap<string, number> {
    let m = this.byKey.get(topologyKey);
    if (!m) {
      m = new Map();
      for (const [node, n] of this.perNode) {
        const v = node.labels[topologyKey];
        if (v !== undefined) m.set(v, (m.get(v) ?? 0) + n);
      }
      this.byKey.set(topologyKey, m);
    }
    return m;
  }

  onNode(node: NodeInfo): number {
    return this.perNode.get(node) ?? 0;
  }

  add(node: NodeInfo, delta: number): void {
    const n = (this.perNode.get(node) ?? 0) + delta;
    if (n > 0) this.perNode.set(node, n);
    else this.perNode.delete(node);
    this.total += delta;
    for (const [key, m] of this.byKey) {
      const v = node.labels[key];
      if (v === undefined) continue;
      const c = (m.get(v) ?? 0) + delta;
      if (c > 0) m.set(v, c);
      else m.delete(v);
    }
  }
}

const MAX_MATCHERS = 1024;
/** Pod classes (namespace and labels) whose existing-anti-affinity counts are kept; each costs a little on every assume/forget of a pod with required anti-affinity. */
const MAX_ANTI_CLASSES = 256;

/** topologyKey -> value -> count. */
export type TopologyCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;
const NO_COUNTS: TopologyCounts = new Map();

/** Existing pods' required anti-affinity terms matching pods like `rep` (same namespace and labels). */
interface AntiClass {
  readonly rep: PodInfo;
  readonly nsLabels: Labels;
  readonly counts: Map<string, Map<string, number>>;
}

/** What AffinityTerm matching reads of a pod: its namespace and labels. */
const classKeys = new WeakMap<PodInfo, string>();
function classKey(p: PodInfo): string {
  let k = classKeys.get(p);
  if (k === undefined) {
    k = p.namespace;
    for (const l of Object.keys(p.labels).sort()) k += `\0${l}=${p.labels[l]}`;
    classKeys.set(p, k);
  }
  return k;
}

export class NodeSnapshot {
  private readonly list: NodeInfo[] = [];
  private readonly byName = new Map<string, NodeInfo>();
  private readonly placement = new Map<PodInfo, NodeInfo>();
  private readonly byKey = new Map<string, PodInfo>();
  /** Pods with any (anti-)affinity term (InterPodAffinity scoring of existing pods). */
  readonly podsWithAffinity = new Set<PodInfo>();
  /** Pods with required anti-affinity (InterPodAffinity filtering of existing pods). */
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  private readonly nsLabels = new Map<string, Labels>();
  private readonly matchers = new Map<string, MatchCounts>();
  private readonly antiClasses = new Map<string, AntiClass>();
  private readonly domainNodes = new Map<string, Map<string, number>>();
  /** Round-robin start of the next filter pass (sched.nextStartNodeIndex). */
  nextStartNodeIndex = 0;
  /** Nodes with at least one taint (taint-policy fast paths). */
  taintedNodes = 0;
  /** Bumped whenever a node is added or removed (NodeInfo.index values may change): lists of NodeInfos built from the snapshot are stale. */
  nodeListVersion = 0;

  constructor(nodes: readonly NodeSpec[] = []) {
    for (const n of nodes) this.upsertNode(n);
  }

  get nodes(): readonly NodeInfo[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  node(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  /** The node a pod was placed on. */
  nodeOf(pod: PodInfo): NodeInfo | undefined {
    return this.placement.get(pod);
  }

  pod(key: string): PodInfo | undefined {
    return this.byKey.get(key);
  }

  /** All placed pods. */
  pods(): IterableIterator<PodInfo> {
    return this.placement.keys();
  }

  upsertNode(spec: NodeSpec): NodeInfo {
    const existing = this.byName.get(spec.name);
    if (existing) {
      if (existing.taints.length > 0) this.taintedNodes--;
      this.indexDomains(existing, -1);
      existing.update(spec);
      this.indexDomains(existing, 1);
      if (existing.taints.length > 0) this.taintedNodes++;
      // Topology values may have moved: per-domain counts are rebuilt on demand.
      this.clearIndexes();
      return existing;
    }
    const n = new NodeInfo(spec);
    n.index = this.list.length;
    this.list.push(n);
    this.nodeListVersion++;
    this.byName.set(n.name, n);
    this.indexDomains(n, 1);
    if (n.taints.length > 0) this.taintedNodes++;
    return n;
  }

  /** Removes a node and forgets the pods on it. */
  removeNode(name: string): void {
    const n = this.byName.get(name);
    if (!n) return;
    for (const p of [...n.pods]) this.forget(p);
    this.indexDomains(n, -1);
    if (n.taints.length > 0) this.taintedNodes--;
    this.byName.delete(name);
    this.list.splice(n.index, 1);
    this.nodeListVersion++;
    for (let i = n.index; i < this.list.length; i++) this.list[i]!.index = i;
    if (this.nextStartNodeIndex >= this.list.length) this.nextStartNodeIndex = 0;
    this.clearIndexes();
  }

  /** Per-pod indexes built on demand; rebuilt after a node's labels or a namespace's may have changed. */
  private clearIndexes(): void {
    this.matchers.clear();
    this.antiClasses.clear();
  }

  /** Places a pod on a node: a bound pod, or one the scheduler just chose (assume). */
  assume(pod: PodInfo, nodeName: string): void {
    const node = this.byName.get(nodeName);
    if (!node) throw new Error(`unknown node ${nodeName}`);
    if (this.placement.has(pod)) this.forget(pod);
    const prev = this.byKey.get(pod.key);
    if (prev && prev !== pod) this.forget(prev);
    node.account(pod, 1);
    this.placement.set(pod, node);
    this.byKey.set(pod.key, pod);
    if (hasPodAffinity(pod)) this.podsWithAffinity.add(pod);
    if (pod.requiredAntiAffinityTerms.length > 0) {
      this.podsWithRequiredAntiAffinity.add(pod);
      for (const c of this.antiClasses.values()) this.countAnti(c, pod, node, 1);
    }
    for (const m of this.matchers.values()) if (m.match(pod)) m.add(node, 1);
  }

  /** Removes a placed pod (binding failed, pod deleted). */
  forget(pod: PodInfo): void {
    const node = this.placement.get(pod);
    if (!node) return;
    node.account(pod, -1);
    if (this.podsWithRequiredAntiAffinity.has(pod)) for (const c of this.antiClasses.values()) this.countAnti(c, pod, node, -1);
    this.placement.delete(pod);
    if (this.byKey.get(pod.key) === pod) this.byKey.delete(pod.key);
    this.podsWithAffinity.delete(pod);
    this.podsWithRequiredAntiAffinity.delete(pod);
    for (const m of this.matchers.values()) if (m.match(pod)) m.add(node, -1);
  }

  /** Namespace labels, for affinity terms with a namespaceSelector. */
  setNamespaceLabels(ns: string, labels: Record<string, string> | undefined): void {
    if (labels === undefined) this.nsLabels.delete(ns);
    else this.nsLabels.set(ns, toLabels(labels));
    this.clearIndexes();
  }

  namespaceLabels(ns: string): Labels {
    return this.nsLabels.get(ns) ?? EMPTY_LABELS;
  }

  hasNamespace(ns: string): boolean {
    return this.nsLabels.has(ns);
  }

  /** Number of nodes per value of a topology label. */
  domainNodeCounts(topologyKey: string): ReadonlyMap<string, number> {
    let m = this.domainNodes.get(topologyKey);
    if (!m) {
      m = new Map();
      for (const n of this.list) {
        const v = n.labels[topologyKey];
        if (v !== undefined) m.set(v, (m.get(v) ?? 0) + 1);
      }
      this.domainNodes.set(topologyKey, m);
    }
    return m;
  }

  private indexDomains(n: NodeInfo, sign: 1 | -1): void {
    for (const [key, m] of this.domainNodes) {
      const v = n.labels[key];
      if (v === undefined) continue;
      const c = (m.get(v) ?? 0) + sign;
      if (c > 0) m.set(v, c);
      else m.delete(v);
    }
  }

  /** Counts of placed pods matching `match`, cached under `key` and kept up to date. */
  counts(key: string, match: (p: PodInfo) => boolean): MatchCounts {
    let m = this.matchers.get(key);
    if (m) {
      // Refresh recency (Map keeps insertion order; the oldest is evicted first).
      this.matchers.delete(key);
      this.matchers.set(key, m);
      return m;
    }
    m = new MatchCounts(match);
    for (const [p, node] of this.placement) if (match(p)) m.add(node, 1);
    if (this.matchers.size >= MAX_MATCHERS) this.matchers.delete(this.matchers.keys().next().value!);
    this.matchers.set(key, m);
    return m;
  }

  /** PodTopologySpread's countPodsMatchSelector: same namespace, not terminating. */
  spreadCounts(namespace: string, selector: Selector): MatchCounts | undefined {
    if (isEmptySelector(selector) || selector.nothing) return undefined; // counts 0, as upstream
    return this.counts(`s\0${namespace}\0${selector.key}`, (p) => p.namespace === namespace && !p.terminating && matches(selector, p.labels));
  }

  /** AffinityTerm.Matches(pod, labels of pod's namespace). */
  termMatches(t: AffinityTerm, p: PodInfo, nsLabels?: Labels): boolean {
    if (!t.namespaces.has(p.namespace)) {
      if (t.nsSelector.nothing) return false;
      if (!isEmptySelector(t.nsSelector)) {
        // Non-empty selectors resolve against known namespaces (mergeAffinityTermNamespacesIfNotEmpty).
        if (!nsLabels && !this.hasNamespace(p.namespace)) return false;
        if (!matches(t.nsSelector, nsLabels ?? this.namespaceLabels(p.namespace))) return false;
      }
    }
    return matches(t.selector, p.labels);
  }

  /**
   * getExistingAntiAffinityCounts for `pod`: per topology key and value, the required
   * anti-affinity terms of placed pods that match it (a pod counts once per matching term).
   * Kept per namespace and labels, the only parts of a pod a term reads.
   */
  existingAntiAffinityCounts(pod: PodInfo): TopologyCounts {
    if (this.podsWithRequiredAntiAffinity.size === 0) return NO_COUNTS;
    const key = classKey(pod);
    let c = this.antiClasses.get(key);
    if (c) {
      this.antiClasses.delete(key);
      this.antiClasses.set(key, c);
      return c.counts;
    }
    c = { rep: pod, nsLabels: this.namespaceLabels(pod.namespace), counts: new Map() };
    for (const existing of this.podsWithRequiredAntiAffinity) this.countAnti(c, existing, this.placement.get(existing)!, 1);
    if (this.antiClasses.size >= MAX_ANTI_CLASSES) this.antiClasses.delete(this.antiClasses.keys().next().value!);
    this.antiClasses.set(key, c);
    return c.counts;
  }

  private countAnti(c: AntiClass, existing: PodInfo, node: NodeInfo, delta: 1 | -1): void {
    for (const t of existing.requiredAntiAffinityTerms) {
      if (!this.termMatches(t, c.rep, c.nsLabels)) continue;
      const v = node.labels[t.topologyKey];
      if (v === undefined) continue;
      let m = c.counts.get(t.topologyKey);
      if (!m) c.counts.set(t.topologyKey, (m = new Map()));
      const n = (m.get(v) ?? 0) + delta;
      if (n > 0) m.set(v, n);
      else m.delete(v);
      if (m.size === 0) c.counts.delete(t.topologyKey);
    }
  }

  /** Pods matching one affinity term. */
  termCounts(t: AffinityTerm): MatchCounts {
    return this.counts(`t\0${t.key}`, (p) => this.termMatches(t, p));
  }

  /** Pods matching every term (podMatchesAllAffinityTerms), for required pod affinity. */
  allTermsCounts(terms: readonly AffinityTerm[]): MatchCounts {
    return this.counts(`a\0${terms.map((t) => t.key).join("\0")}`, (p) => terms.length > 0 && terms.every((t) => this.termMatches(t, p)));
  }
}
