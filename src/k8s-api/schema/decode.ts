/**
 * Decoding a request body into a built-in type the way the Go decoder does: fields the
 * type does not have are dropped (and reported, for fieldValidation), values of the
 * wrong JSON type are errors, numbers given for quantities become strings.
 */
import { isJsonObject, type Json, type JsonObject } from "../types.js";
import { modelAttributes, parseFieldType, quantityFields, type FieldType } from "./models.js";

export interface DecodeReport {
  /** Paths of dropped fields: "spec.foo", "spec.containers[0].bar". */
  readonly unknownFields: string[];
  /** Type mismatches, worded like encoding/json. */
  readonly typeErrors: string[];
}

/** Drop unknown fields of obj (a `model`) in place and report them and type errors. */
export function decodeInto(model: string, obj: JsonObject): DecodeReport {
  const report: DecodeReport = { unknownFields: [], typeErrors: [] };
  walkModel(model, obj, "", report, undefined);
  return report;
}

/**
 * decodeInto for `obj`, the result of a merge or strategic merge `patch` of a stored object:
 * only the fields the patch reaches are walked. What it does not reach was carried over from
 * the stored object, which passed this check when it was written (and holds nothing the
 * check would drop, refuse or coerce), as upstream decodes only the patched JSON of a typed
 * object. The report is decodeInto's, in its order: the same walk, skipping carried-over fields.
 */
export function decodePatchedInto(model: string, obj: JsonObject, patch: JsonObject): DecodeReport {
  const report: DecodeReport = { unknownFields: [], typeErrors: [] };
  walkModel(model, obj, "", report, guideOf(patch, obj));
  return report;
}

const goTypes = new Map<string, string>();

/** The Go type name of a model in type errors ("V1PodSpec" -> "PodSpec"). */
function goType(model: string): string {
  let t = goTypes.get(model);
  if (t === undefined) goTypes.set(model, (t = model.replace(/^V\d+(beta\d+|alpha\d+)?|^(Core|Events|Discovery)V\d+/, "")));
  return t;
}

function join(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}

/**
 * What of `value` a patch reaches: `guide` (the patch's value there) when both are objects,
 * undefined (all of it) otherwise. A strategic merge directive ($patch, $retainKeys,
 * $setElementOrder/..., $deleteFromPrimitiveList/...) can change fields the patch does not
 * name: an object with one is walked whole.
 */
function guideOf(g: Json | undefined, value: Json): JsonObject | undefined {
  if (!isJsonObject(g) || !isJsonObject(value)) return undefined;
  for (const k in g) if (k.charCodeAt(0) === 36 /* $ */) return undefined;
  return g;
}

/** `guide`: only keys the patch has are walked (decodePatchedInto); undefined: every key. */
function walkModel(model: string, obj: JsonObject, path: string, report: DecodeReport, guide: JsonObject | undefined): void {
  const attrs = modelAttributes(model);
  if (!attrs) return;
  const quantities = quantityFields(model);
  for (const key of Object.keys(obj)) {
    if (guide && !Object.hasOwn(guide, key)) continue;
    const attr = attrs.get(key);
    if (!attr) {
      // apiVersion/kind are always accepted at the top level (TypeMeta).
      if (path === "" && (key === "apiVersion" || key === "kind")) continue;
      report.unknownFields.push(join(path, key));
      delete obj[key];
      continue;
    }
    const value = obj[key]!;
    // Quantities are typed as strings in the models but accept JSON numbers, as resource.Quantity does.
    if (quantities?.has(key)) {
      obj[key] = quantityValue(value);
      continue;
    }
    const coerced = walkValue(parseFieldType(attr.type), value, join(path, key), `${goType(model)}.${join(path, key)}`, report, guide && guideOf(guide[key], value));
    if (coerced !== undefined) obj[key] = coerced;
  }
}

/** Returns a replacement value when coercion applies. `guide`: as walkModel's, for an object value. */
function walkValue(type: FieldType, value: Json, path: string, goField: string, report: DecodeReport, guide?: JsonObject): Json | undefined {
  if (value === null) return undefined;
  switch (type.kind) {
    case "model":
      if (!isJsonObject(value)) report.typeErrors.push(mismatch(value, goField, "object"));
      else walkModel(type.model, value, path, report, guide);
      return undefined;
    case "array":
      if (!Array.isArray(value)) {
        report.typeErrors.push(mismatch(value, goField, "array"));
        return undefined;
      }
      value.forEach((item, i) => {
        const c = walkValue(type.of, item, `${path}[${i}]`, goField, report);
        if (c !== undefined) value[i] = c;
      });
      return undefined;
    case "map":
      if (!isJsonObject(value)) {
        report.typeErrors.push(mismatch(value, goField, "map"));
        return undefined;
      }
      for (const k of Object.keys(value)) {
        if (guide && !Object.hasOwn(guide, k)) continue;
        const c = walkValue(type.of, value[k]!, `${path}[${k}]`, goField, report, guide && guideOf(guide[k], value[k]!));
        if (c !== undefined) value[k] = c;
      }
      return undefined;
    case "string":
    case "date":
      if (typeof value !== "string") report.typeErrors.push(mismatch(value, goField, "string"));
      return undefined;
    case "number":
      if (typeof value !== "number") report.typeErrors.push(mismatch(value, goField, "int"));
      return undefined;
    case "boolean":
      if (typeof value !== "boolean") report.typeErrors.push(mismatch(value, goField, "bool"));
      return undefined;
    case "intOrString":
      if (typeof value !== "string" && typeof value !== "number") report.typeErrors.push(mismatch(value, goField, "intstr.IntOrString"));
      return undefined;
    case "any":
      return undefined;
  }
}

function quantityValue(v: Json): Json {
  if (typeof v === "number") return String(v);
  if (isJsonObject(v)) for (const k of Object.keys(v)) if (typeof v[k] === "number") v[k] = String(v[k]);
  return v;
}

function jsonKind(v: Json): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v === "boolean" ? "bool" : typeof v;
}

function mismatch(v: Json, goField: string, want: string): string {
  return `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${goField} of type ${want}`;
}
