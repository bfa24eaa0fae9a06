/**
 * How a client-node field type maps onto an OpenAPI schema: models become references,
 * arrays and maps nest, numbers get integer/number by their format, and the apimachinery
 * value types (Time, MicroTime, Quantity, IntOrString, RawExtension, FieldsV1) become
 * references to their own definitions, as in kube-apiserver's spec.
 *
 * client-node types a Quantity as a plain string (or a map of strings), so the Quantity
 * fields are listed here; everything else comes from the generated metadata.
 */
import { isModel, type ModelField, type ModelMeta } from "./model-meta.js";
import { QUANTITY_FIELDS as QUANTITY } from "../schema/models.js";

/** The apimachinery value types that have a definition of their own. */
export type ValueType = "Time" | "MicroTime" | "Quantity" | "IntOrString" | "RawExtension" | "FieldsV1";

export type FieldType =
  | { readonly kind: "model"; readonly model: string }
  | { readonly kind: "value"; readonly value: ValueType }
  | { readonly kind: "array"; readonly of: FieldType }
  | { readonly kind: "map"; readonly of: FieldType }
  | { readonly kind: "primitive"; readonly type: "string" | "integer" | "number" | "boolean"; readonly format?: string }
  | { readonly kind: "any" };


/** `any`-typed fields that are a runtime.RawExtension or a meta/v1 FieldsV1. */
const ANY_FIELDS: Readonly<Record<string, ValueType>> = {
  "V1ControllerRevision.data": "RawExtension",
  "V1WatchEvent.object": "RawExtension",
  "V1ManagedFieldsEntry.fieldsV1": "FieldsV1",
  "V1AllocatedDeviceStatus.data": "RawExtension",
};

const cache = new Map<string, FieldType>();

/** The schema type of one field of a model. */
export function fieldType(model: string, field: ModelField): FieldType {
  const key = `${model}.${field.name}`;
  let t = cache.get(key);
  if (!t) {
    t = parse(field.type.trim(), field.format, key);
    cache.set(key, t);
  }
  return t;
}

function parse(type: string, format: string, key: string): FieldType {
  const arr = /^Array<(.+)>$/.exec(type);
  if (arr) return { kind: "array", of: parse(arr[1]!.trim(), format, key) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { kind: "map", of: parse(map[1]!.trim(), format, key) };
  if (QUANTITY.has(key)) return { kind: "value", value: "Quantity" };
  switch (type) {
    case "string":
      return format ? { kind: "primitive", type: "string", format } : { kind: "primitive", type: "string" };
    case "boolean":
      return { kind: "primitive", type: "boolean" };
    case "number":
      if (format === "int32" || format === "int64") return { kind: "primitive", type: "integer", format };
      return format ? { kind: "primitive", type: "number", format } : { kind: "primitive", type: "number" };
    case "Date":
      return { kind: "value", value: "Time" };
    case "V1MicroTime":
      return { kind: "value", value: "MicroTime" };
    case "IntOrString":
      return { kind: "value", value: "IntOrString" };
    case "any": {
      const v = ANY_FIELDS[key];
      return v ? { kind: "value", value: v } : { kind: "any" };
    }
    default:
      return isModel(type) ? { kind: "model", model: type } : { kind: "any" };
  }
}

/** Models a model's fields refer to, directly or through arrays and maps. */
export function modelRefsOf(meta: ModelMeta | undefined): string[] {
  if (!meta) return [];
  const out: string[] = [];
  const walk = (t: FieldType): void => {
    if (t.kind === "model") out.push(t.model);
    else if (t.kind === "array" || t.kind === "map") walk(t.of);
  };
  for (const f of meta.fields) walk(fieldType(meta.name, f));
  return out;
}
