/**
 * Building blocks shared by the resource validations: field errors worded and rendered
 * the way k8s.io/apimachinery/pkg/util/validation/field prints them (Go's %q, %v and %#v
 * renderings of bad values), name and format checks from util/validation that names.ts
 * does not carry, and label/selector validation from apis/meta/v1/validation.
 */
import type { StatusCause } from "../errors.js";
import { fieldError } from "./field.js";
import { isDNS1123Subdomain, isDNS1035Label, isQualifiedName, isValidLabelValue, DNS1123_LABEL_MAX } from "./names.js";

/** A list of field errors. */
export type Causes = StatusCause[];

// ---- rendering bad values ------------------------------------------------------------

/** Go's %q of a string (close enough: JSON escaping of the same characters). */
export function goQuoteString(s: string): string {
  return JSON.stringify(s);
}

/** %#v of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`; nil renders as `map[string]string(nil)`. */
export function goStringMap(m: Readonly<Record<string, string>> | null | undefined): string {
  if (m === null || m === undefined) return "map[string]string(nil)";
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuoteString(k)}:${goQuoteString(String(m[k]))}`).join(", ")}}`;
}

/** %#v of a []string. */
export function goStringSlice(v: readonly string[] | null | undefined): string {
  if (v === null || v === undefined) return "[]string(nil)";
  return `[]string{${v.map(goQuoteString).join(", ")}}`;
}

interface SelectorShape {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key?: string; operator?: string; values?: string[] | null }[] | null;
}

/** %#v of a metav1.LabelSelector (what "spec.selector: Invalid value: ...: field is immutable" shows). */
export function goLabelSelector(sel: unknown): string {
  if (sel === null || sel === undefined) return "null";
  const s = sel as SelectorShape;
  const exprs = s.matchExpressions;
  const renderedExprs =
    exprs === null || exprs === undefined
      ? "[]v1.LabelSelectorRequirement(nil)"
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${goQuoteString(e.key ?? "")}, Operator:${goQuoteString(e.operator ?? "")}, Values:${goStringSlice(e.values ?? null)}}`)
          .join(", ")}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels ?? null)}, MatchExpressions:${renderedExprs}}`;
}

/**
 * How field.Error prints a bad value: strings with %q, numbers and booleans with %v,
 * nil as "null", string slices as %#v, anything else (structs) as JSON.
 */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuoteString(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return goStringSlice(v as string[]);
  return JSON.stringify(v);
}

// ---- field errors --------------------------------------------------------------------

/** Field errors with upstream wording; `invalid`, `notFound` and `duplicate` render values the Go way. */
export const fe = {
  required: fieldError.required,
  forbidden: fieldError.forbidden,
  tooLong: fieldError.tooLong,
  tooMany: fieldError.tooMany,
  notSupported(field: string, value: unknown, supported: readonly string[]): StatusCause {
    return { reason: "FieldValueNotSupported", field, message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map(goQuoteString).join(", ")}` };
  },
  invalid(field: string, value: unknown, detail: string): StatusCause {
    return fe.invalidRendered(field, goValue(value), detail);
  },
  /** field.Invalid with a value already rendered (maps, selectors). */
  invalidRendered(field: string, rendered: string, detail: string): StatusCause {
    return { reason: "FieldValueInvalid", field, message: detail ? `Invalid value: ${rendered}: ${detail}` : `Invalid value: ${rendered}` };
  },
  /** field.Invalid(path, field.OmitValueType{}, detail). */
  invalidOmit(field: string, detail: string): StatusCause {
    return { reason: "FieldValueInvalid", field, message: `Invalid value: ${detail}` };
  },
  duplicate(field: string, value: unknown): StatusCause {
    return { reason: "FieldValueDuplicate", field, message: `Duplicate value: ${goValue(value)}` };
  },
  notFound(field: string, value: unknown): StatusCause {
    return { reason: "FieldValueNotFound", field, message: `Not found: ${goValue(value)}` };
  },
  immutable(field: string, value: unknown): StatusCause {
    return { reason: "FieldValueInvalid", field, message: `Invalid value: ${goValue(value)}: field is immutable` };
  },
};

/** apimachinery FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = "field is immutable";
/** apimachinery IsNegativeErrorMsg. */
export const IS_NEGATIVE = "must be greater than or equal to 0";

/** ValidateNonnegativeField. */
export function nonNegative(value: number | undefined | null, field: string): Causes {
  return typeof value === "number" && value < 0 ? [fe.invalid(field, value, IS_NEGATIVE)] : [];
}

/** ValidateImmutableField: deep equality, else `Invalid value: <new>: field is immutable`. */
export function immutable(newVal: unknown, oldVal: unknown, field: string, render: (v: unknown) => string = goValue): Causes {
  return semanticEqual(newVal, oldVal) ? [] : [fe.invalidRendered(field, render(newVal), FIELD_IMMUTABLE)];
}

/** apiequality.Semantic.DeepEqual over JSON: absent, null, empty map and empty list are all "unset". */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = normalizeEmpty(a);
  const nb = normalizeEmpty(b);
  if (na === nb) return true;
  if (na === undefined || nb === undefined) return false;
  if (typeof na !== typeof nb || typeof na !== "object" || na === null || nb === null) return false;
  if (Array.isArray(na)) {
    if (!Array.isArray(nb) || na.length !== nb.length) return false;
    return na.every((x, i) => semanticEqual(x, nb[i]));
  }
  if (Array.isArray(nb)) return false;
  const ao = na as Record<string, unknown>;
  const bo = nb as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

/** Go zero values that JSON may or may not carry: undefined, null, "", 0, false, {} and []. */
function normalizeEmpty(v: unknown): unknown {
  if (v === null || v === undefined || v === "" || v === 0 || v === false) return undefined;
  if (Array.isArray(v)) return v.length ? v : undefined;
  if (typeof v === "object") {
    for (const k of Object.keys(v as object)) if (normalizeEmpty((v as Record<string, unknown>)[k]) !== undefined) return v;
    return undefined;
  }
  return v;
}

// ---- names and formats ---------------------------------------------------------------

const dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123SubdomainRe = new RegExp(`^${dns1123LabelFmt}(\\.${dns1123LabelFmt})*$`);

/** validation.IsDNS1123Label, including its "must not contain dots" special case. */
export function dns1123Label(v: string): string[] {
  const errs: string[] = [];
  if (v.length > DNS1123_LABEL_MAX) errs.push(`must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!dns1123LabelRe.test(v)) {
    if (dns1123SubdomainRe.test(v)) errs.push("must not contain dots");
    else
      errs.push(
        `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${dns1123LabelFmt}')`,
      );
  }
  return errs;
}

/** generateName may end in '-': mask it the way apimachinery's maskTrailingDash does. */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
}

/** A ValidateNameFunc: messages for a name (or, with prefix, a generateName). */
export type NameFn = (name: string, prefix?: boolean) => string[];

/** NameIsDNSSubdomain (most object names). */
export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** NameIsDNSLabel (namespaces, StatefulSets). */
export const nameIsDNSLabel: NameFn = (name, prefix) => dns1123Label(prefix ? maskTrailingDash(name) : name);
/** NameIsDNS1035Label (Services). */
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
/** path.IsValidPathSegmentName (RBAC). */
export const nameIsPathSegment: NameFn = (name) => {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};

/** Namespace names are DNS labels. */
export const validateNamespaceName = nameIsDNSLabel;

/** DNS-1123 label field check (ValidateDNS1123Label). */
export function validateDNS1123Label(value: string, field: string): Causes {
  return dns1123Label(value).map((m) => fe.invalid(field, value, m));
}

/** DNS-1123 subdomain field check. */
export function validateDNS1123Subdomain(value: string, field: string): Causes {
  return isDNS1123Subdomain(value).map((m) => fe.invalid(field, value, m));
}

/** ValidateQualifiedName. */
export function validateQualifiedName(value: string, field: string): Causes {
  return isQualifiedName(value).map((m) => fe.invalid(field, value, m));
}

/** validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** IsValidPortNum. */
export function portNumErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsValidPortName (IANA service names). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: unknown, field: string): Causes {
  if (typeof port === "number") return portNumErrors(port).map((m) => fe.invalid(field, port, m));
  if (typeof port === "string") return portNameErrors(port).map((m) => fe.invalid(field, port, m));
  return [fe.invalid(field, port, "must be an integer or a port name")];
}

function hasChDirPrefix(v: string): string[] {
  if (v === ".") return ["must not be '.'"];
  if (v === "..") return ["must not be '..'"];
  if (v.startsWith("..")) return ["must not start with '..'"];
  return [];
}

/** IsConfigMapKey (ConfigMap and Secret data keys, key selectors). */
export function configMapKeyErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push("must be no more than 253 characters");
  if (!/^[-._a-zA-Z0-9]+$/.test(v))
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  errs.push(...hasChDirPrefix(v));
  return errs;
}

/**
 * IsRelaxedEnvVarName: RelaxedEnvironmentVariableValidation is on by default since v1.32
 * (GA in v1.34), so any printable ASCII but '=' is accepted.
 */
export function envVarNameErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length === 0) errs.push("environment variable name must be non-empty");
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c < 0x20 || ch === "=") {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

/** IsValidPercent. */
export function percentErrors(v: string): string[] {
  return /^[0-9]+%$/.test(v) ? [] : ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"];
}

const ipv4Re = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A dotted-quad IPv4 address (no leading zeros). */
export function isIPv4(ip: string): boolean {
  return ipv4Re.test(ip);
}

/** An IPv6 address, compressed or not, optionally with an IPv4 tail. */
export function isIPv6(ip: string): boolean {
  if (!ip.includes(":")) return false;
  let s = ip;
  const v4tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4tail) {
    if (!isIPv4(v4tail[1]!)) return false;
    s = `${s.slice(0, v4tail.index)}:0:0`;
  }
  const parts = s.split("::");
  if (parts.length > 2) return false;
  const groups = (p: string) => (p === "" ? [] : p.split(":"));
  const head = groups(parts[0]!);
  const tail = parts.length === 2 ? groups(parts[1]!) : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return parts.length === 2 ? all.length < 8 : all.length === 8;
}

/** validation.IsValidIP (strict parsing, as for new objects). */
export function validateIP(field: string, ip: string): Causes {
  if (isIPv4(ip) || isIPv6(ip)) return [];
  return [fe.invalid(field, ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")];
}

/** validation.IsValidCIDR. */
export function validateCIDR(field: string, cidr: string): Causes {
  const m = /^(.+)\/(\d{1,3})$/.exec(cidr);
  const ok = m !== null && ((isIPv4(m[1]!) && Number(m[2]) <= 32) || (isIPv6(m[1]!) && Number(m[2]) <= 128));
  return ok ? [] : [fe.invalid(field, cidr, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")];
}

// ---- labels, annotations, selectors --------------------------------------------------

/** ValidateLabelName. */
export function validateLabelName(key: string, field: string): Causes {
  return isQualifiedName(key).map((m) => fe.invalid(field, key, m));
}

/** metav1 validation.ValidateLabels: keys and values, both reported at the map's path. */
export function validateLabels(labels: unknown, field: string): Causes {
  if (labels === null || labels === undefined || typeof labels !== "object") return [];
  const causes: Causes = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    causes.push(...validateLabelName(k, field));
    const value = typeof v === "string" ? v : String(v);
    for (const m of isValidLabelValue(value)) causes.push(fe.invalid(field, value, m));
  }
  return causes;
}

/** Annotations may hold 256 KiB of keys and values in total. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);

/** apimachinery ValidateAnnotations: lower-cased qualified-name keys, total size at most 256 KiB. */
export function validateAnnotations(annotations: unknown, field: string): Causes {
  if (annotations === null || annotations === undefined || typeof annotations !== "object") return [];
  const causes: Causes = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const m of isQualifiedName(k.toLowerCase())) causes.push(fe.invalid(field, k, m));
    total += Buffer.byteLength(k) + Buffer.byteLength(typeof v === "string" ? v : String(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) causes.push(fe.tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return causes;
}

/** metav1 validation.ValidateLabelSelector (label values in expressions validated strictly). */
export function validateLabelSelector(sel: unknown, field: string): Causes {
  if (sel === null || sel === undefined || typeof sel !== "object") return [];
  const s = sel as SelectorShape;
  const causes: Causes = [...validateLabels(s.matchLabels ?? undefined, `${field}.matchLabels`)];
  (s.matchExpressions ?? []).forEach((e, i) => {
    const p = `${field}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) causes.push(fe.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length > 0) causes.push(fe.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        causes.push(fe.invalid(`${p}.operator`, e.operator ?? "", "not a valid selector operator"));
    }
    causes.push(...validateLabelName(e.key ?? "", `${p}.key`));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(v)) causes.push(fe.invalid(`${p}.values[${j}]`, v, m));
    });
  });
  return causes;
}

/** Whether a LabelSelector has no requirements at all. */
export function selectorIsEmpty(sel: unknown): boolean {
  const s = (sel ?? {}) as SelectorShape;
  return Object.keys(s.matchLabels ?? {}).length + (s.matchExpressions ?? []).length === 0;
}

// ---- small typed accessors for plain JSON ---------------------------------------------

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** v when it is an array, else an empty one. */
export function asArray<T = unknown>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** The entries of a JSON array as objects (non-objects read as {}, so indexes stay right). */
export function objs(v: unknown): Record<string, unknown>[] {
  return asArray(v).map((x) => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {}));
}

/** The entries of a JSON array as strings. */
export function strs(v: unknown): string[] {
  return asArray(v).map((x) => (typeof x === "string" ? x : String(x)));
}

/** v when it is a string, else "". */
export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * Causes that apply only when an object is created (upstream's Validate differs from
 * ValidateUpdate): prepareForCreate records them for the object, validate() reports them.
 */
export class CreateOnlyCauses {
  private readonly byObject = new WeakMap<object, Causes>();
  set(obj: object, causes: Causes): void {
    if (causes.length) this.byObject.set(obj, causes);
    else this.byObject.delete(obj);
  }
  take(obj: object): Causes {
    const c = this.byObject.get(obj) ?? [];
    this.byObject.delete(obj);
    return c;
  }
}
