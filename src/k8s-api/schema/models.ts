/**
 * Access to @kubernetes/client-node's generated model metadata (attributeTypeMap), the
 * single source of what fields each built-in type has.
 */
import * as k8s from "@kubernetes/client-node";

export interface ModelAttribute {
  readonly name: string;
  readonly baseName: string;
  readonly type: string;
  readonly format: string;
}

/** What a field's declared type means for decoding. */
export type FieldType =
  | { readonly kind: "model"; readonly model: string }
  | { readonly kind: "array"; readonly of: FieldType }
  | { readonly kind: "map"; readonly of: FieldType }
  | { readonly kind: "string" | "number" | "boolean" | "date" | "intOrString" | "any" };

const models = new Map<string, Map<string, ModelAttribute>>();
for (const [name, value] of Object.entries(k8s)) {
  const map = (value as { attributeTypeMap?: ModelAttribute[] } | undefined)?.attributeTypeMap;
  if (typeof value === "function" && Array.isArray(map)) models.set(name, new Map(map.map((a) => [a.baseName, a])));
}

/** The attributes of a model by JSON field name, or undefined for an unknown model. */
export function modelAttributes(model: string): ReadonlyMap<string, ModelAttribute> | undefined {
  return models.get(model);
}

const typeCache = new Map<string, FieldType>();

/** Parse a client-node type expression ("Array<V1Container>", "{ [key: string]: string; }"). */
export function parseFieldType(type: string): FieldType {
  let t = typeCache.get(type);
  if (!t) {
    t = parse(type.trim());
    typeCache.set(type, t);
  }
  return t;
}

function parse(type: string): FieldType {
  const arr = /^Array<(.+)>$/.exec(type);
  if (arr) return { kind: "array", of: parse(arr[1]!.trim()) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { kind: "map", of: parse(map[1]!.trim()) };
  switch (type) {
    case "string":
      return { kind: "string" };
    case "number":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "Date":
      return { kind: "date" };
    case "IntOrString":
      return { kind: "intOrString" };
    case "any":
      return { kind: "any" };
    default:
      return models.has(type) ? { kind: "model", model: type } : { kind: "any" };
  }
}

/** Fields whose values (or map values) are resource.Quantity. */
export const QUANTITY_FIELDS: ReadonlySet<string> = new Set([
  "V1ResourceRequirements.limits",
  "V1ResourceRequirements.requests",
  "V1VolumeResourceRequirements.limits",
  "V1VolumeResourceRequirements.requests",
  "V1NodeStatus.allocatable",
  "V1NodeStatus.capacity",
  "V1EmptyDirVolumeSource.sizeLimit",
  "V1ResourceFieldSelector.divisor",
  "V1ContainerStatus.allocatedResources",
  "V1PodStatus.allocatedResources",
  "V1NodeAllocatableResourceClaimStatus.resources",
  "V1PersistentVolumeClaimStatus.allocatedResources",
  "V1PersistentVolumeClaimStatus.capacity",
  "V1PersistentVolumeSpec.capacity",
  "V1ResourceQuotaSpec.hard",
  "V1ResourceQuotaStatus.hard",
  "V1ResourceQuotaStatus.used",
  "V1LimitRangeItem.default",
  "V1LimitRangeItem.defaultRequest",
  "V1LimitRangeItem.max",
  "V1LimitRangeItem.maxLimitRequestRatio",
  "V1LimitRangeItem.min",
  "V1PodSpec.overhead",
  "V1Overhead.podFixed",
  "V1CSIStorageCapacity.capacity",
  "V1CSIStorageCapacity.maximumVolumeSize",
]);

const quantitiesByModel = new Map<string, Set<string>>();
for (const f of QUANTITY_FIELDS) {
  const dot = f.indexOf(".");
  const m = f.slice(0, dot);
  let set = quantitiesByModel.get(m);
  if (!set) quantitiesByModel.set(m, (set = new Set()));
  set.add(f.slice(dot + 1));
}

/** The fields of a model that hold resource.Quantity values (QUANTITY_FIELDS), undefined when none. */
export function quantityFields(model: string): ReadonlySet<string> | undefined {
  return quantitiesByModel.get(model);
}

/** Whether model.field holds resource.Quantity values (client-node types them as strings). */
export function isQuantityField(model: string, field: string): boolean {
  return QUANTITY_FIELDS.has(`${model}.${field}`);
}
