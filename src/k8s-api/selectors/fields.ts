/**
 * Field selectors as kube-apiserver v1.35 serves them: the parser and escaping rules of
 * k8s.io/apimachinery/pkg/fields, the per-kind field label conversion functions that
 * decide which labels a request may use (pkg/apis/<group>/<version>/conversion.go, or
 * runtime.DefaultMetaV1FieldSelectorConversion when a kind registers none), and the field
 * sets the registry matches against (each strategy's GetAttrs / ToSelectableFields).
 */
import { badRequest } from "../errors.js";
import type { KubeObject } from "../types.js";
import type { ResourceInfo } from "../registry/types.js";
import { coreEventView } from "./event-view.js";
import { goCompare, goQuote } from "./go-format.js";

/** One term of a field selector after label conversion. "==" is stored as "=", as upstream does. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: "=" | "!=";
  readonly value: string;
}

/** A field set (fields.Set): label -> value; a label not in the set reads as "". */
export type FieldSet = Readonly<Record<string, string>>;

/** A compiled field selector for one resource: call it with an object of that resource. */
export interface FieldMatcher {
  (obj: KubeObject): boolean;
  readonly requirements: readonly FieldRequirement[];
  /** No requirements: selects everything. */
  readonly empty: boolean;
  /** Whether the set of an object (fieldValues) satisfies the selector. */
  matchesFields(fields: FieldSet): boolean;
  /** The value `field` must equal when an "=" term pins it (what an index can look up). */
  requiresExactMatch(field: string): string | undefined;
  /** fields.Selector.String(), values escaped. */
  toString(): string;
}

// ---------------------------------------------------------------------------------------
// Parsing (fields.ParseSelector)

/** fields.EscapeValue: backslash-escape \, "," and "=". */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** fields.UnescapeValue; throws 400 with upstream's message on a bad escape. */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = "";
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === "\\" || c === "," || c === "=") out += c;
      else throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === "\\") inSlash = true;
    // UnescapedRune prints the rune with %v: its code point.
    else if (c === "," || c === "=") throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw badRequest("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** splitTerms: split on commas not escaped by a backslash (the backslash stays in the term). */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const termOperators = ["!=", "==", "="] as const;

/** splitTerm: the first operator occurrence splits the term (no escaping on the left side). */
function splitTerm(term: string): { lhs: string; op: (typeof termOperators)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/**
 * fields.ParseSelector: the terms of a selector string, before any label conversion.
 * Terms come out in the order upstream keeps them (the raw terms sorted as strings).
 * Throws a 400 BadRequest with upstream's message on a malformed selector.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const parts = splitTerms(selector).sort(goCompare);
  const out: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === "") continue;
    const t = splitTerm(part);
    if (!t) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    const value = unescapeValue(t.rhs);
    out.push({ field: t.lhs, operator: t.op === "!=" ? "!=" : "=", value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Field labels per kind

/**
 * A kind's field label conversion: accepted label -> the label of its field set, and the
 * error for any other label. Kinds without an entry use DefaultMetaV1FieldSelectorConversion.
 */
interface LabelConversion {
  readonly labels: ReadonlyMap<string, string>;
  unsupported(label: string): string;
}

const same = (...labels: string[]): Map<string, string> => new Map(labels.map((l) => [l, l]));
const notSupported = (label: string): string => `field label not supported: ${label}`;

const podLabels = same(
  "metadata.name",
  "metadata.namespace",
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.schedulerName",
  "spec.serviceAccountName",
  "spec.hostNetwork",
  "status.phase",
  "status.podIP",
  "status.podIPs",
  "status.nominatedNodeName",
);
// For backwards compatibility with old v1 clients which send spec.host.
podLabels.set("spec.host", "spec.nodeName");

const eventsV1Labels = new Map([
  ["reason", "reason"],
  ["regarding.kind", "involvedObject.kind"],
  ["regarding.namespace", "involvedObject.namespace"],
  ["regarding.name", "involvedObject.name"],
  ["regarding.uid", "involvedObject.uid"],
  ["regarding.apiVersion", "involvedObject.apiVersion"],
  ["regarding.resourceVersion", "involvedObject.resourceVersion"],
  ["regarding.fieldPath", "involvedObject.fieldPath"],
  ["reportingController", "reportingComponent"],
  ["type", "type"],
  ["metadata.namespace", "metadata.namespace"],
  ["metadata.name", "metadata.name"],
]);

/** Keyed by "<group>/<kind>" (conversion functions are registered per kind). */
const conversions: ReadonlyMap<string, LabelConversion> = new Map([
  // pkg/apis/core/v1/conversion.go
  ["/Pod", { labels: podLabels, unsupported: notSupported }],
  ["/Node", { labels: same("metadata.name", "spec.unschedulable"), unsupported: notSupported }],
  ["/ReplicationController", { labels: same("metadata.name", "metadata.namespace", "status.replicas"), unsupported: notSupported }],
  [
    "/Event",
    {
      labels: same(
        "involvedObject.kind",
        "involvedObject.namespace",
        "involvedObject.name",
        "involvedObject.uid",
        "involvedObject.apiVersion",
        "involvedObject.resourceVersion",
        "involvedObject.fieldPath",
        "reason",
        "reportingComponent",
        "source",
        "type",
        "metadata.namespace",
        "metadata.name",
      ),
      unsupported: notSupported,
    },
  ],
  ["/Namespace", { labels: same("status.phase", "metadata.name"), unsupported: notSupported }],
  ["/Secret", { labels: same("type", "metadata.namespace", "metadata.name"), unsupported: notSupported }],
  ["/Service", { labels: same("metadata.namespace", "metadata.name", "spec.clusterIP", "spec.type"), unsupported: notSupported }],
  // pkg/apis/batch/v1/conversion.go
  ["batch/Job", { labels: same("metadata.name", "metadata.namespace", "status.successful"), unsupported: (l: string) => `field label ${goQuote(l)} not supported for Job` }],
  // pkg/apis/events/v1/conversion.go: events.k8s.io names mapped onto the core Event field set
  // (no "source" there, unlike core/v1)
  ["events.k8s.io/Event", { labels: eventsV1Labels, unsupported: notSupported }],
]);

const defaultConversion: LabelConversion = {
  labels: same("metadata.name", "metadata.namespace"),
  unsupported: (label) => `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

function conversionOf(resource: Pick<ResourceInfo, "group" | "kind">): LabelConversion {
  return conversions.get(`${resource.group}/${resource.kind}`) ?? defaultConversion;
}

/** The field selector labels a resource accepts, as its conversion function does. */
export function fieldLabels(resource: Pick<ResourceInfo, "group" | "kind">): string[] {
  return [...conversionOf(resource).labels.keys()];
}

/**
 * ConvertFieldLabel: the field set label a requested label selects on (e.g. pods
 * "spec.host" -> "spec.nodeName"), or a 400 BadRequest with upstream's message.
 */
export function convertFieldLabel(resource: Pick<ResourceInfo, "group" | "kind">, label: string): string {
  const c = conversionOf(resource);
  const mapped = c.labels.get(label);
  if (mapped === undefined) throw badRequest(c.unsupported(label));
  return mapped;
}

// ---------------------------------------------------------------------------------------
// Field sets (GetAttrs)

interface Meta {
  name?: string;
  namespace?: string;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const int = (v: unknown): string => String(typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0);
const rec = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** generic.ObjectMetaFieldsSet. */
function objectMetaFields(obj: KubeObject, hasNamespaceField: boolean): Record<string, string> {
  const m = (obj.metadata ?? {}) as Meta;
  const set: Record<string, string> = { "metadata.name": str(m.name) };
  if (hasNamespaceField) set["metadata.namespace"] = str(m.namespace);
  return set;
}

type AttrFn = (obj: KubeObject, resource: Pick<ResourceInfo, "group" | "kind" | "namespaced">) => Record<string, string>;

/** The first IP of a pod or service as the internal object has it (the v1 singular field fills in). */
function firstIP(list: unknown, single: unknown, key: "ip" | null): string {
  if (Array.isArray(list) && list.length > 0) return key ? str(rec(list[0])[key]) : str(list[0]);
  return str(single);
}

const podFields: AttrFn = (obj) => {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  return {
    "spec.nodeName": str(spec.nodeName),
    "spec.restartPolicy": str(spec.restartPolicy) || "Always",
    "spec.schedulerName": str(spec.schedulerName) || "default-scheduler",
    // serviceAccount is the deprecated alias; serviceAccountName wins when both are set.
    "spec.serviceAccountName": str(spec.serviceAccountName) || str(spec.serviceAccount),
    "spec.hostNetwork": String(spec.hostNetwork === true),
    "status.phase": str(status.phase),
    // podIPs is accepted as a label but is not in the set: it always reads "".
    "status.podIP": firstIP(status.podIPs, status.podIP, "ip"),
    "status.nominatedNodeName": str(status.nominatedNodeName),
    ...objectMetaFields(obj, true),
  };
};

const coreEventFields = (e: ReturnType<typeof coreEventView>, obj: KubeObject): Record<string, string> => {
  const io = e.involvedObject ?? {};
  const source = str(e.source?.component) || str(e.reportingComponent);
  return {
    "involvedObject.kind": str(io.kind),
    "involvedObject.namespace": str(io.namespace),
    "involvedObject.name": str(io.name),
    "involvedObject.uid": str(io.uid),
    "involvedObject.apiVersion": str(io.apiVersion),
    "involvedObject.resourceVersion": str(io.resourceVersion),
    "involvedObject.fieldPath": str(io.fieldPath),
    reason: str(e.reason),
    reportingComponent: str(e.reportingComponent),
    source,
    type: str(e.type),
    ...objectMetaFields(obj, true),
  };
};

const attrs: ReadonlyMap<string, AttrFn> = new Map<string, AttrFn>([
  ["/Pod", podFields],
  ["/Node", (o) => ({ ...objectMetaFields(o, false), "spec.unschedulable": String(rec(o.spec).unschedulable === true) })],
  // NamespaceToSelectableFields also carries "name" (kept upstream for compatibility).
  ["/Namespace", (o) => ({ ...objectMetaFields(o, false), "status.phase": str(rec(o.status).phase), name: str((o.metadata as Meta | undefined)?.name) })],
  ["/Secret", (o) => ({ ...objectMetaFields(o, true), type: str(o.type) || "Opaque" })],
  [
    "/Service",
    (o) => {
      const spec = rec(o.spec);
      return { ...objectMetaFields(o, true), "spec.clusterIP": str(spec.clusterIP), "spec.type": str(spec.type) || "ClusterIP" };
    },
  ],
  ["/ReplicationController", (o) => ({ ...objectMetaFields(o, true), "status.replicas": int(rec(o.status).replicas) })],
  ["/Event", (o, r) => coreEventFields(coreEventView(r, o), o)],
  ["events.k8s.io/Event", (o, r) => coreEventFields(coreEventView(r, o), o)],
  ["apps/ReplicaSet", (o) => ({ ...objectMetaFields(o, true), "status.replicas": int(rec(o.status).replicas) })],
  ["batch/Job", (o) => ({ ...objectMetaFields(o, true), "status.successful": int(rec(o.status).succeeded) })],
]);

/**
 * The field set of an object of a resource, keyed by field set label (what a converted
 * requirement names), as the resource's GetAttrs computes it. An index can key on these.
 */
export function fieldValues(resource: Pick<ResourceInfo, "group" | "kind" | "namespaced">, obj: KubeObject): Record<string, string> {
  const fn = attrs.get(`${resource.group}/${resource.kind}`);
  return fn ? fn(obj, resource) : objectMetaFields(obj, resource.namespaced);
}

// ---------------------------------------------------------------------------------------
// Compiling

function makeFieldMatcher(resource: Pick<ResourceInfo, "group" | "kind" | "namespaced">, requirements: FieldRequirement[]): FieldMatcher {
  const reqs = Object.freeze(requirements);
  const matchesFields = (set: FieldSet): boolean => {
    for (const r of reqs) {
      const v = Object.prototype.hasOwnProperty.call(set, r.field) ? set[r.field]! : "";
      if (r.operator === "=" ? v !== r.value : v === r.value) return false;
    }
    return true;
  };
  const fn = (obj: KubeObject): boolean => reqs.length === 0 || matchesFields(fieldValues(resource, obj));
  const text = reqs.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(",");
  return Object.assign(fn, {
    requirements: reqs,
    empty: reqs.length === 0,
    matchesFields,
    requiresExactMatch(field: string): string | undefined {
      return reqs.find((r) => r.field === field && r.operator === "=")?.value;
    },
    toString: () => text,
  });
}

/**
 * Parse a `fieldSelector` for a resource and convert its labels as kube-apiserver does:
 * a 400 BadRequest for a malformed selector or a label the resource does not support
 * (`"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"`).
 */
export function compileFieldSelector(resource: Pick<ResourceInfo, "group" | "kind" | "namespaced">, selector: string): FieldMatcher {
  const reqs = parseFieldSelector(selector).map((r) => ({ ...r, field: convertFieldLabel(resource, r.field) }));
  return makeFieldMatcher(resource, reqs);
}
