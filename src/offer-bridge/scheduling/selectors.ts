/**
 * Label and node selectors compiled once per pod, matched many times per cycle.
 * Semantics follow apimachinery's labels.Selector (metav1.LabelSelectorAsSelector) and
 * component-helpers' nodeaffinity (NodeSelectorRequirementsAsSelector, matchFields).
 */
import type { V1LabelSelector, V1NodeSelector, V1NodeSelectorTerm, V1PreferredSchedulingTerm } from "@kubernetes/client-node";

/** Labels as stored here: a prototype-free record, so `labels[k]` is never inherited. */
export type Labels = Readonly<Record<string, string>>;

export function toLabels(src: Record<string, string> | undefined): Labels {
  const out = Object.create(null) as Record<string, string>;
  if (src) for (const k of Object.keys(src)) out[k] = src[k]!;
  return out;
}

export const EMPTY_LABELS: Labels = toLabels(undefined);

export type Op = "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";

export interface Requirement {
  readonly key: string;
  readonly op: Op;
  readonly values: readonly string[];
  /** Gt/Lt bound (node selectors only). */
  readonly bound?: number;
}

/**
 * A compiled selector. `nothing` matches no object (a nil metav1.LabelSelector);
 * a selector with no requirements matches everything (labels.Everything()).
 */
export interface Selector {
  readonly requirements: readonly Requirement[];
  readonly nothing: boolean;
  /** Canonical text, equal for equal selectors: the cache key of count indexes. */
  readonly key: string;
}

export const NOTHING: Selector = { requirements: [], nothing: true, key: "<nothing>" };
export const EVERYTHING: Selector = { requirements: [], nothing: false, key: "" };

export function isEmptySelector(s: Selector): boolean {
  return !s.nothing && s.requirements.length === 0;
}

function requirementKey(r: Requirement): string {
  return `${r.key} ${r.op} ${r.values.join(",")}`;
}

export function makeSelector(reqs: Requirement[]): Selector {
  // Sorted like labels.internalSelector, so equal selectors share one key.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { requirements: reqs, nothing: false, key: reqs.map(requirementKey).join(";") };
}

/** metav1.LabelSelectorAsSelector: nil -> nothing, {} -> everything. Invalid operators -> nothing. */
export function compileLabelSelector(ls: V1LabelSelector | undefined | null): Selector {
  if (ls == null) return NOTHING;
  const reqs: Requirement[] = [];
  const ml = ls.matchLabels ?? {};
  for (const k of Object.keys(ml)) reqs.push({ key: k, op: "In", values: [ml[k]!] });
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator as Op;
    if (op !== "In" && op !== "NotIn" && op !== "Exists" && op !== "DoesNotExist") return NOTHING;
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])].sort() });
  }
  return makeSelector(reqs);
}

/** Selector from a plain label set (labels.SelectorFromSet). */
export function selectorFromSet(set: Record<string, string>): Selector {
  return makeSelector(Object.keys(set).map((k) => ({ key: k, op: "In" as const, values: [set[k]!] })));
}

/** Adds requirements to a selector (labels.Selector.Add); `nothing` stays nothing. */
export function addRequirements(s: Selector, extra: readonly Requirement[]): Selector {
  if (s.nothing || extra.length === 0) return s;
  return makeSelector([...s.requirements, ...extra]);
}

function matchRequirement(r: Requirement, labels: Labels): boolean {
  const v = labels[r.key];
  switch (r.op) {
    case "In":
      return v !== undefined && (r.values.length === 1 ? r.values[0] === v : r.values.includes(v));
    case "NotIn":
      return v === undefined || !r.values.includes(v);
    case "Exists":
      return v !== undefined;
    case "DoesNotExist":
      return v === undefined;
    case "Gt":
    case "Lt": {
      if (v === undefined || !/^[+-]?\d+$/.test(v)) return false;
      const n = Number(v);
      return r.op === "Gt" ? n > r.bound! : n < r.bound!;
    }
  }
}

export function matches(s: Selector, labels: Labels): boolean {
  if (s.nothing) return false;
  const reqs = s.requirements;
  for (let i = 0; i < reqs.length; i++) if (!matchRequirement(reqs[i]!, labels)) return false;
  return true;
}

// ---- Node selectors (node affinity) ----

/** One NodeSelectorTerm: label requirements AND metadata.name requirements. */
export interface NodeTerm {
  readonly labels: Selector;
  readonly fields: readonly Requirement[];
}

/**
 * A compiled term, or undefined when the term can never match: an empty term, or one
 * with an invalid requirement (upstream drops such terms with an error).
 */
export function compileNodeTerm(t: V1NodeSelectorTerm): NodeTerm | undefined {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return undefined;
  const reqs: Requirement[] = [];
  for (const e of exprs) {
    const r = nodeRequirement(e.key, e.operator, e.values ?? []);
    if (!r) return undefined;
    reqs.push(r);
  }
  const f: Requirement[] = [];
  for (const e of fields) {
    // Only metadata.name with In/NotIn and exactly one value is valid upstream.
    if (e.key !== "metadata.name" || (e.operator !== "In" && e.operator !== "NotIn") || (e.values ?? []).length !== 1) return undefined;
    f.push({ key: e.key, op: e.operator, values: e.values! });
  }
  return { labels: makeSelector(reqs), fields: f };
}

/** validation.IsValidLabelValue (labels.NewRequirement rejects other values). */
const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const validValue = (v: string) => v.length <= 63 && labelValueRe.test(v);

function nodeRequirement(key: string, op: string, values: readonly string[]): Requirement | undefined {
  switch (op) {
    case "In":
    case "NotIn":
      return values.length > 0 && values.every(validValue) ? { key, op, values: [...values] } : undefined;
    case "Exists":
    case "DoesNotExist":
      return values.length === 0 ? { key, op, values: [] } : undefined;
    case "Gt":
    case "Lt": {
      if (values.length !== 1 || !/^[+-]?\d+$/.test(values[0]!)) return undefined;
      return { key, op, values: [...values], bound: Number(values[0]) };
    }
    default:
      return undefined;
  }
}

export function matchNodeTerm(t: NodeTerm, name: string, labels: Labels): boolean {
  if (!matches(t.labels, labels)) return false;
  for (const f of t.fields) {
    const hit = f.values.includes(name);
    if (f.op === "In" ? !hit : hit) return false;
  }
  return true;
}

/**
 * nodeaffinity.RequiredNodeAffinity: the pod's nodeSelector AND (any of the required
 * node affinity terms). `terms === undefined` means no required node affinity.
 */
export interface RequiredNodeAffinity {
  readonly nodeSelector: Selector | undefined;
  readonly terms: readonly NodeTerm[] | undefined;
}

export function compileRequiredNodeAffinity(nodeSelector: Record<string, string> | undefined, required: V1NodeSelector | undefined): RequiredNodeAffinity {
  const ns = nodeSelector && Object.keys(nodeSelector).length > 0 ? selectorFromSet(nodeSelector) : undefined;
  let terms: NodeTerm[] | undefined;
  if (required) {
    terms = [];
    for (const t of required.nodeSelectorTerms ?? []) {
      const c = compileNodeTerm(t);
      if (c) terms.push(c);
    }
  }
  return { nodeSelector: ns, terms };
}

export function matchRequiredNodeAffinity(a: RequiredNodeAffinity, name: string, labels: Labels): boolean {
  if (a.nodeSelector && !matches(a.nodeSelector, labels)) return false;
  if (a.terms) {
    for (const t of a.terms) if (matchNodeTerm(t, name, labels)) return true;
    return false;
  }
  return true;
}

export function hasRequiredNodeAffinity(a: RequiredNodeAffinity): boolean {
  return a.nodeSelector !== undefined || a.terms !== undefined;
}

export interface PreferredNodeTerm {
  readonly weight: number;
  readonly term: NodeTerm;
}

/** nodeaffinity.NewPreferredSchedulingTerms: zero-weight and invalid terms are dropped. */
export function compilePreferredNodeTerms(terms: readonly V1PreferredSchedulingTerm[] | undefined): PreferredNodeTerm[] {
  const out: PreferredNodeTerm[] = [];
  for (const t of terms ?? []) {
    if (!t.weight) continue;
    const c = compileNodeTerm(t.preference);
    if (c) out.push({ weight: t.weight, term: c });
  }
  return out;
}
