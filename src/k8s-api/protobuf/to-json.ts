/**
 * A decoded protobuf message to the JSON kube-apiserver (Go encoding/json) writes for the same
 * Go value: JSON names, inline embeds, omitempty, and the custom encodings of the apimachinery
 * types (Time, MicroTime, Duration, Quantity, IntOrString, RawExtension, FieldsV1).
 */
import protobuf from "protobufjs";
import { badRequest } from "../errors.js";
import { protoSchema, type JsonField } from "./schema.js";

const META = "k8s.io.apimachinery.pkg.apis.meta.v1";

type Msg = Record<string, unknown>;

/** Custom MarshalJSON implementations, keyed by full proto name. */
const SPECIAL: Record<string, (m: Msg) => unknown> = {
  // Time truncates to seconds; an empty message is the zero Time, which is JSON null.
  [`${META}.Time`]: (m) => (has(m, "seconds") || has(m, "nanos") ? rfc3339(toBigInt(m.seconds), 0n, 0) : null),
  [`${META}.MicroTime`]: (m) => (has(m, "seconds") || has(m, "nanos") ? rfc3339(toBigInt(m.seconds), toBigInt(m.nanos), 6) : null),
  [`${META}.Duration`]: (m) => goDuration(toBigInt(m.duration)),
  // Quantity's wire form is its canonical string; the zero Quantity prints "0".
  ["k8s.io.apimachinery.pkg.api.resource.Quantity"]: (m) => (typeof m.string === "string" && m.string !== "" ? m.string : "0"),
  ["k8s.io.apimachinery.pkg.util.intstr.IntOrString"]: (m) => (toNumber(m.type) === 1 ? (m.strVal ?? "") : toNumber(m.intVal ?? 0)),
  ["k8s.io.apimachinery.pkg.runtime.RawExtension"]: (m) => rawJson(m.raw, "RawExtension"),
  [`${META}.FieldsV1`]: (m) => rawJson(m.Raw, "FieldsV1"),
};

/** Convert a decoded message of `type` to its Go JSON value. */
export function messageToJson(type: protobuf.Type, msg: Msg): unknown {
  const name = fullName(type);
  const special = SPECIAL[name];
  if (special) return special(msg);
  const table = protoSchema().fields[name] ?? {};
  const out: Msg = {};
  for (const field of type.fieldsArray) {
    const tag: JsonField = table[String(field.id)] ?? { json: field.name };
    if (tag.skip) continue;
    const present = has(msg, field.name);
    const raw = msg[field.name];
    let value: unknown;
    if (field.map) {
      // Go maps: a nil map is omitted (omitempty) or null; proto cannot tell nil from empty.
      const entries = Object.entries((raw ?? {}) as Msg);
      if (entries.length === 0) continue;
      value = Object.fromEntries(entries.map(([k, v]) => [k, scalarOrMessage(field, v)]));
    } else if (field.repeated) {
      const items = (raw ?? []) as unknown[];
      if (items.length === 0) continue;
      value = items.map((v) => scalarOrMessage(field, v));
    } else if (field.type === "bytes") {
      // []byte: nil (absent) is omitted/null; empty but present is "" unless omitempty.
      const bytes = raw as Uint8Array | undefined;
      if (!present || !bytes || (bytes.length === 0 && tag.omitempty)) continue;
      value = Buffer.from(bytes).toString("base64");
    } else if (field.resolvedType instanceof protobuf.Type) {
      // Pointers are omitted when nil; struct values are always written (omitempty ignores structs).
      if (!present || raw == null) {
        if (tag.pointer) continue;
        value = messageToJson(field.resolvedType, {});
      } else value = messageToJson(field.resolvedType, raw as Msg);
      // omitzero: the only tagged structs are Times, whose zero value converts to null.
      if (tag.omitzero && (value === null || (!present && !tag.pointer))) continue;
    } else {
      if (!present) {
        if (tag.pointer || tag.omitempty) continue;
        value = scalarZero(field.type);
      } else value = scalar(field.type, raw);
      if (tag.omitempty && !tag.pointer && (value === "" || value === 0 || value === false)) continue;
    }
    if (tag.inline) {
      if (value && typeof value === "object") Object.assign(out, value);
    } else out[tag.json] = value;
  }
  return out;
}

function scalarOrMessage(field: protobuf.Field, v: unknown): unknown {
  if (field.resolvedType instanceof protobuf.Type) return messageToJson(field.resolvedType, (v ?? {}) as Msg);
  if (field.type === "bytes") return Buffer.from(v as Uint8Array).toString("base64");
  return scalar(field.type, v);
}

function scalar(type: string, v: unknown): unknown {
  if (type === "string" || type === "bool") return v;
  return toNumber(v);
}

function scalarZero(type: string): unknown {
  return type === "string" ? "" : type === "bool" ? false : 0;
}

function has(m: Msg, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

function fullName(type: protobuf.Type): string {
  return type.fullName.replace(/^\./, "");
}

/** int64 fields decode to Long (protobufjs with the long package) or number. */
function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "toNumber" in v) return (v as { toNumber(): number }).toNumber();
  return Number(v ?? 0);
}

function toBigInt(v: unknown): bigint {
  if (v == null) return 0n;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  return BigInt(String(v)); // Long#toString is its decimal value
}

/** RFC 3339 in UTC with `digits` fractional digits (Go's time.RFC3339 / metav1.RFC3339Micro). */
function rfc3339(seconds: bigint, nanos: bigint, digits: number): string {
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  if (digits === 0) return `${base}Z`;
  const frac = (nanos / 10n ** BigInt(9 - digits)).toString().padStart(digits, "0");
  return `${base}.${frac}Z`;
}

/** Go's time.Duration.String(): "0s", "1.5µs", "300ms", "1h2m3.5s". */
export function goDuration(d: bigint): string {
  if (d === 0n) return "0s";
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, div] = u < 1_000n ? ["ns", 1n] : u < 1_000_000n ? ["µs", 1_000n] : ["ms", 1_000_000n];
    out = fraction(u, div as bigint) + unit;
  } else {
    const h = u / 3_600_000_000_000n;
    u %= 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u %= 60_000_000_000n;
    out = (h ? `${h}h` : "") + (h || m ? `${m}m` : "") + fraction(u, 1_000_000_000n) + "s";
  }
  return (neg ? "-" : "") + out;
}

function fraction(v: bigint, div: bigint): string {
  const whole = v / div;
  const rest = v % div;
  if (rest === 0n) return `${whole}`;
  const digits = div.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, "0").replace(/0+$/, "")}`;
}

/** RawExtension/FieldsV1 carry JSON bytes; none is JSON null. */
function rawJson(raw: unknown, what: string): unknown {
  const bytes = raw as Uint8Array | undefined;
  if (!bytes || bytes.length === 0) return null;
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    throw badRequest(`${what}: invalid JSON: ${(e as Error).message}`);
  }
}
