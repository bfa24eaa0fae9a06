/**
 * PodInfo: everything the filters and scorers need from a V1Pod, derived once per pod
 * (upstream does this in framework.NewPodInfo and the plugins' PreFilter/PreScore).
 */
import type { V1Container, V1Pod, V1PodAffinityTerm, V1WeightedPodAffinityTerm } from "@kubernetes/client-node";
import { addList, maxList, parseResourceList, toResources, type QuantityList, type Resources } from "./resources.js";
import { parseQuantity } from "../../k8s-api/validation/quantity.js";
import {
  addRequirements,
  compileLabelSelector,
  compilePreferredNodeTerms,
  compileRequiredNodeAffinity,
  NOTHING,
  toLabels,
  type Labels,
  type PreferredNodeTerm,
  type Requirement,
  type RequiredNodeAffinity,
  type Selector,
} from "./selectors.js";
import { toTolerations, type Toleration } from "./taints.js";

export interface HostPort {
  /** "0.0.0.0" when unset. */
  readonly ip: string;
  /** "TCP" when unset. */
  readonly protocol: string;
  readonly port: number;
}

/** framework.AffinityTerm: which pods (namespaces x selector) and in which topology. */
export interface AffinityTerm {
  /** Namespaces named by the term (the pod's own when neither names nor selector are given). */
  readonly namespaces: ReadonlySet<string>;
  /** namespaceSelector: NOTHING when absent, empty = every namespace. */
  readonly nsSelector: Selector;
  readonly selector: Selector;
  readonly topologyKey: string;
  /** Canonical text of the term (cache key). */
  readonly key: string;
}

export interface WeightedAffinityTerm {
  readonly weight: number;
  readonly term: AffinityTerm;
}

export type InclusionPolicy = "Honor" | "Ignore";

/** A topology spread constraint after defaulting and matchLabelKeys merging. */
export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: InclusionPolicy;
  readonly nodeTaintsPolicy: InclusionPolicy;
}

export interface PodInfo {
  /** namespace/name. */
  readonly key: string;
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** spec.nodeName ("" when unset). */
  readonly nodeName: string;
  readonly priority: number;
  readonly preemptionPolicy: string;
  /** metadata.deletionTimestamp is set (spread counting skips such pods). */
  readonly terminating: boolean;
  /** computePodResourceRequest: what NodeResourcesFit filters on and nodes account. */
  readonly requests: Resources;
  /** cpu/memory with upstream's defaults (100m / 200Mi) for containers that request none; used by LeastAllocated. */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly Toleration[];
  readonly requiredNodeAffinity: RequiredNodeAffinity;
  /** Node names from required matchFields metadata.name In (NodeAffinity PreFilterResult); undefined = all nodes. */
  readonly nodeNamesFromAffinity: ReadonlySet<string> | undefined;
  readonly preferredNodeAffinity: readonly PreferredNodeTerm[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** Explicit DoNotSchedule constraints. */
  readonly hardSpread: readonly SpreadConstraint[];
  /** Explicit ScheduleAnyway constraints, or the system defaults when the pod has none. */
  readonly softSpread: readonly SpreadConstraint[];
  /** Whether softSpread are the system default constraints (no missing-label exclusion then). */
  readonly softSpreadDefaulted: boolean;
}

export interface PodInfoOptions {
  /**
   * The pod's default spreading selector (helper.DefaultSelector: its services' and
   * controller's selectors; see defaultSpreadSelector). Without it, the system default
   * constraints do not apply, as upstream when the selector is empty.
   */
  defaultSpreadSelector?: Selector;
}

/** PodTopologySpread's systemDefaultConstraints (v1.35). */
export const SYSTEM_DEFAULT_SPREAD: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: "kubernetes.io/hostname", maxSkew: 3 },
  { topologyKey: "topology.kubernetes.io/zone", maxSkew: 5 },
];

const DEFAULT_MILLI_CPU_REQUEST = 100;
const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function isSidecar(c: V1Container): boolean {
  return c.restartPolicy === "Always";
}

/**
 * resourcehelper.PodRequests: max(sum of containers + sidecars, max over init containers of
 * (init + sidecars started before it)), pod-level requests override, plus overhead.
 * With `nonMissing`, containers missing a cpu/memory request count the scheduler defaults.
 */
function podRequests(pod: V1Pod, nonMissing: boolean): QuantityList {
  const spec = pod.spec!;
  const withDefaults = (c: V1Container): QuantityList => {
    const l = parseResourceList(c.resources?.requests);
    if (nonMissing) {
      if (!c.resources?.requests || !("cpu" in c.resources.requests)) l.set("cpu", { mantissa: BigInt(DEFAULT_MILLI_CPU_REQUEST), exp10: -3, exp2: 0 });
      if (!c.resources?.requests || !("memory" in c.resources.requests)) l.set("memory", { mantissa: BigInt(DEFAULT_MEMORY_REQUEST), exp10: 0, exp2: 0 });
    }
    return l;
  };
  const reqs: QuantityList = new Map();
  for (const c of spec.containers ?? []) addList(reqs, withDefaults(c));
  const sidecars: QuantityList = new Map();
  const initMax: QuantityList = new Map();
  for (const c of spec.initContainers ?? []) {
    const r = withDefaults(c);
    if (isSidecar(c)) {
      addList(reqs, r);
      addList(sidecars, r);
      maxList(initMax, sidecars);
    } else {
      const tmp: QuantityList = new Map();
      addList(tmp, r);
      addList(tmp, sidecars);
      maxList(initMax, tmp);
    }
  }
  maxList(reqs, initMax);
  // PodLevelResources (beta, on by default): pod-level cpu/memory/hugepages requests win.
  const podLevel = pod.spec?.resources?.requests;
  if (podLevel) {
    for (const k of Object.keys(podLevel)) {
      if (k !== "cpu" && k !== "memory" && !k.startsWith("hugepages-")) continue;
      const q = parseQuantity(podLevel[k]);
      if (q) reqs.set(k, q);
    }
  }
  if (spec.overhead) addList(reqs, parseResourceList(spec.overhead));
  return reqs;
}

/** util.GetHostPorts: ports with hostPort > 0 of containers and sidecar init containers. */
function hostPorts(pod: V1Pod): HostPort[] {
  const out: HostPort[] = [];
  const add = (c: V1Container) => {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  };
  for (const c of pod.spec?.initContainers ?? []) if (isSidecar(c)) add(c);
  for (const c of pod.spec?.containers ?? []) add(c);
  return out;
}

/** The API server's matchLabelKeys/mismatchLabelKeys merge (pod strategy), idempotent here. */
function labelKeyRequirements(keys: readonly string[] | undefined, op: "In" | "NotIn", labels: Labels): Requirement[] {
  const out: Requirement[] = [];
  for (const k of keys ?? []) {
    const v = labels[k];
    if (v !== undefined) out.push({ key: k, op, values: [v] });
  }
  return out;
}

function affinityTerm(t: V1PodAffinityTerm, pod: V1Pod, labels: Labels): AffinityTerm {
  let selector = compileLabelSelector(t.labelSelector);
  if (t.labelSelector) {
    selector = addRequirements(selector, [...labelKeyRequirements(t.matchLabelKeys, "In", labels), ...labelKeyRequirements(t.mismatchLabelKeys, "NotIn", labels)]);
  }
  const names = new Set(t.namespaces ?? []);
  const nsSelector = t.namespaceSelector ? compileLabelSelector(t.namespaceSelector) : NOTHING;
  if (names.size === 0 && !t.namespaceSelector) names.add(pod.metadata?.namespace ?? "default");
  const key = `${[...names].sort().join(",")}|${nsSelector.key}|${selector.key}|${t.topologyKey}`;
  return { namespaces: names, nsSelector, selector, topologyKey: t.topologyKey, key };
}

function weighted(ts: readonly V1WeightedPodAffinityTerm[] | undefined, pod: V1Pod, labels: Labels): WeightedAffinityTerm[] {
  return (ts ?? []).map((w) => ({ weight: w.weight, term: affinityTerm(w.podAffinityTerm, pod, labels) }));
}

function nodeNamesFromAffinity(pod: V1Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  // NodeAffinity.PreFilter: union over terms of the intersection of metadata.name In sets;
  // any term without such a field means every node may match.
  let union: Set<string> | undefined;
  for (const t of terms) {
    let inter: Set<string> | undefined;
    for (const f of t.matchFields ?? []) {
      if (f.key !== "metadata.name" || f.operator !== "In") continue;
      const s = new Set(f.values ?? []);
      inter = inter ? new Set([...inter].filter((n) => s.has(n))) : s;
    }
    if (!inter) return undefined;
    union = union ?? new Set();
    for (const n of inter) union.add(n);
  }
  return union;
}

export function podInfoFromPod(pod: V1Pod, opts: PodInfoOptions = {}): PodInfo {
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const labels = toLabels(meta.labels);
  const namespace = meta.namespace ?? "default";
  const aff = spec.affinity;
  const explicit = spec.topologySpreadConstraints ?? [];
  const compile = (want: string) =>
    explicit
      .filter((c) => c.whenUnsatisfiable === want)
      .map((c): SpreadConstraint => {
        let selector = compileLabelSelector(c.labelSelector);
        // filterTopologySpreadConstraints merges matchLabelKeys itself too.
        selector = addRequirements(selector, labelKeyRequirements(c.matchLabelKeys, "In", labels));
        return {
          maxSkew: c.maxSkew,
          topologyKey: c.topologyKey,
          selector,
          minDomains: c.minDomains ?? 1,
          nodeAffinityPolicy: c.nodeAffinityPolicy === "Ignore" ? "Ignore" : "Honor",
          nodeTaintsPolicy: c.nodeTaintsPolicy === "Honor" ? "Honor" : "Ignore",
        };
      });
  let softSpread = compile("ScheduleAnyway");
  let softSpreadDefaulted = false;
  if (explicit.length === 0) {
    const sel = opts.defaultSpreadSelector;
    softSpread =
      sel && !sel.nothing && sel.requirements.length > 0
        ? SYSTEM_DEFAULT_SPREAD.map((d) => ({ maxSkew: d.maxSkew, topologyKey: d.topologyKey, selector: sel, minDomains: 1, nodeAffinityPolicy: "Honor" as const, nodeTaintsPolicy: "Ignore" as const }))
        : [];
    softSpreadDefaulted = true;
  }
  const requests = toResources(podRequests(pod, false));
  const nonZero = toResources(podRequests(pod, true));
  return {
    key: `${namespace}/${meta.name ?? ""}`,
    uid: meta.uid ?? "",
    namespace,
    name: meta.name ?? "",
    labels,
    nodeName: spec.nodeName ?? "",
    priority: spec.priority ?? 0,
    preemptionPolicy: spec.preemptionPolicy ?? "PreemptLowerPriority",
    terminating: meta.deletionTimestamp != null,
    requests,
    nonZeroMilliCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    hostPorts: hostPorts(pod),
    tolerations: toTolerations(spec.tolerations),
    requiredNodeAffinity: compileRequiredNodeAffinity(spec.nodeSelector, aff?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    nodeNamesFromAffinity: nodeNamesFromAffinity(pod),
    preferredNodeAffinity: compilePreferredNodeTerms(aff?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    requiredAffinityTerms: (aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(t, pod, labels)),
    requiredAntiAffinityTerms: (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(t, pod, labels)),
    preferredAffinityTerms: weighted(aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pod, labels),
    preferredAntiAffinityTerms: weighted(aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pod, labels),
    hardSpread: compile("DoNotSchedule"),
    softSpread,
    softSpreadDefaulted,
  };
}

export function hasPodAffinity(p: PodInfo): boolean {
  return p.requiredAffinityTerms.length + p.requiredAntiAffinityTerms.length + p.preferredAffinityTerms.length + p.preferredAntiAffinityTerms.length > 0;
}
