/**
 * Swagger 2.0 definitions for a set of client-node models and everything they reach,
 * named, typed and annotated as kube-apiserver names them (io.k8s.api.core.v1.Pod...).
 * The v3 documents are derived from these (v3.ts), so this is the one place that turns
 * model metadata into schemas.
 */
import { patchMetaFor } from "../patch/patch-meta.js";
import { definitionName } from "./definition-names.js";
import { modelMeta } from "./model-meta.js";
import { refDescription, structExtensions } from "./ref-descriptions.js";
import { fieldType, type FieldType } from "./types-map.js";
import { VALUE_DEFINITIONS } from "./value-types.js";

/** A JSON schema object as it is serialized. */
export type Schema = Record<string, unknown>;

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export const DEFINITIONS_PREFIX = "#/definitions/";

/** The definition name of a model; throws for a model outside every known package (a bug in the tables). */
export function nameOf(model: string): string {
  const d = definitionName(model);
  if (!d) throw new Error(`openapi: no upstream definition name for model ${model}`);
  return d.name;
}

/**
 * Definitions of `roots` and every model and value type they reach. `gvks` gives the
 * x-kubernetes-group-version-kind list of the models that are kinds; `extra` adds value
 * definitions no model field reaches (Patch, the PATCH body).
 */
export function buildDefinitions(roots: Iterable<string>, gvks: ReadonlyMap<string, readonly GroupVersionKind[]>, extra: readonly (keyof typeof VALUE_DEFINITIONS)[] = []): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const v of extra) out[VALUE_DEFINITIONS[v].name] = { ...VALUE_DEFINITIONS[v].schema };
  const queue = [...roots];
  const seen = new Set(queue);
  while (queue.length) {
    const model = queue.shift()!;
    const meta = modelMeta(model);
    if (!meta) throw new Error(`openapi: unknown model ${model}`);
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const f of meta.fields) {
      const t = fieldType(model, f);
      visit(t, (ref) => {
        if (!seen.has(ref)) {
          seen.add(ref);
          queue.push(ref);
        }
      }, (value) => {
        out[VALUE_DEFINITIONS[value].name] ??= { ...VALUE_DEFINITIONS[value].schema };
      });
      // A model-typed field's own description is only upstream's; client-node gives none, or the type's.
      const description = (t.kind === "model" || t.kind === "value" ? refDescription(model, f.name) : undefined) ?? f.description;
      properties[f.name] = { ...schemaOf(t), ...(description ? { description } : {}), ...patchExtensions(model, f.name) };
      if (f.required) required.push(f.name);
    }
    const gvk = gvks.get(model) ?? impliedKind(model, meta.fields);
    out[nameOf(model)] = {
      ...(meta.description ? { description: meta.description } : {}),
      type: "object",
      ...(meta.fields.length ? { properties } : {}),
      ...(required.length ? { required } : {}),
      ...(gvk?.length ? { "x-kubernetes-group-version-kind": gvk.map((g) => ({ group: g.group, kind: g.kind, version: g.version })) } : {}),
      ...structExtensions(model),
    };
  }
  return out;
}

/**
 * A model reached only as a field type but that is a kind of its own (StatefulSet's
 * PersistentVolumeClaim templates): upstream still tags it with its group/version/kind.
 * Kinds are the models with apiVersion, kind and metadata.
 */
function impliedKind(model: string, fields: readonly { name: string }[]): GroupVersionKind[] | undefined {
  const names = new Set(fields.map((f) => f.name));
  if (!names.has("apiVersion") || !names.has("kind") || !names.has("metadata")) return undefined;
  const d = definitionName(model);
  return d ? [{ group: d.group, version: d.version, kind: d.kind }] : undefined;
}

function visit(t: FieldType, onModel: (m: string) => void, onValue: (v: Extract<FieldType, { kind: "value" }>["value"]) => void): void {
  if (t.kind === "model") onModel(t.model);
  else if (t.kind === "value") onValue(t.value);
  else if (t.kind === "array" || t.kind === "map") visit(t.of, onModel, onValue);
}

/** The schema of a field type, without description. */
function schemaOf(t: FieldType): Schema {
  switch (t.kind) {
    case "model":
      return { $ref: DEFINITIONS_PREFIX + nameOf(t.model) };
    case "value":
      return { $ref: DEFINITIONS_PREFIX + VALUE_DEFINITIONS[t.value].name };
    case "array":
      return { type: "array", items: schemaOf(t.of) };
    case "map":
      return { type: "object", additionalProperties: schemaOf(t.of) };
    case "primitive":
      return t.format ? { type: t.type, format: t.format } : { type: t.type };
    case "any":
      // Free-form JSON (upstream leaves these untyped, e.g. apiextensions JSON); object is what client-node means.
      return { type: "object" };
  }
}

/** The x-kubernetes-* patch extensions of one field, from the shared patch metadata table. */
export function patchExtensions(model: string, field: string): Schema {
  const m = patchMetaFor(model, field);
  if (!m) return {};
  return {
    ...(m.listMapKeys ? { "x-kubernetes-list-map-keys": [...m.listMapKeys] } : {}),
    ...(m.listType ? { "x-kubernetes-list-type": m.listType } : {}),
    ...(m.mapType ? { "x-kubernetes-map-type": m.mapType } : {}),
    ...(m.patchMergeKey ? { "x-kubernetes-patch-merge-key": m.patchMergeKey } : {}),
    ...(m.patchStrategy ? { "x-kubernetes-patch-strategy": m.patchStrategy } : {}),
  };
}
