/**
 * NodeSnapshot: the nodes and the pods placed on them, updated incrementally
 * (assume/forget as the scheduler cache does), plus the indexes that keep affinity and
 * topology-spread counting off the all-pods scan upstream does per scheduling cycle:
 *   - per topology key, the number of nodes in each domain;
 *   - per pod matcher (a spread selector, an affinity term), the matching pods per node
 *     and per topology domain, built on first use and then maintained on every
 *     assume/forget, so a workload's replicas reuse them (bounded, least recently used).
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
      this.matchers.clear();
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
    this.matchers.clear();
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
    if (pod.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.add(pod);
    for (const m of this.matchers.values()) if (m.match(pod)) m.add(node, 1);
  }

  /** Removes a placed pod (binding failed, pod deleted). */
  forget(pod: PodInfo): void {
    const node = this.placement.get(pod);
    if (!node) return;
    node.account(pod, -1);
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
    this.matchers.clear();
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

  /** Pods matching one affinity term. */
  termCounts(t: AffinityTerm): MatchCounts {
    return this.counts(`t\0${t.key}`, (p) => this.termMatches(t, p));
  }

  /** Pods matching every term (podMatchesAllAffinityTerms), for required pod affinity. */
  allTermsCounts(terms: readonly AffinityTerm[]): MatchCounts {
    return this.counts(`a\0${terms.map((t) => t.key).join("\0")}`, (p) => terms.length > 0 && terms.every((t) => this.termMatches(t, p)));
  }
}
