/**
 * Per-field patch metadata lookup over the client-node models, the shape of upstream's
 * strategicpatch.LookupPatchMeta: a field's sub-schema plus its patch strategies and merge key.
 */
import { modelAttributes, parseFieldType, type FieldType } from "../schema/models.js";
import { isAtomicModel, patchMetaFor, type FieldPatchMeta } from "./patch-meta.js";

export interface SmpFieldMeta {
  /** patchStrategy split on ",": ["merge"], ["merge", "retainKeys"], []. */
  readonly strategies: readonly string[];
  readonly mergeKey: string;
  /** The full extension set (list/map types for server-side apply). */
  readonly meta: FieldPatchMeta | undefined;
}

export interface PatchSchema {
  readonly name: string;
  /** Schema and metadata of a field (of a struct, or of any key of a map). */
  lookup(field: string): [PatchSchema | undefined, SmpFieldMeta];
  /** Whether the value is a struct with x-kubernetes-map-type: atomic. */
  readonly atomic?: boolean;
  /** Whether values under this schema are a map with string keys of arbitrary names. */
  readonly isMap?: boolean;
}

const NO_META: SmpFieldMeta = { strategies: [], mergeKey: "", meta: undefined };

export function fieldMeta(meta: FieldPatchMeta | undefined): SmpFieldMeta {
  if (!meta) return NO_META;
  return { strategies: meta.patchStrategy ? meta.patchStrategy.split(",") : [], mergeKey: meta.patchMergeKey ?? "", meta };
}

const cache = new Map<string, PatchSchema>();

/** The schema of a client-node model, or undefined when the model is unknown. */
export function modelSchema(model: string): PatchSchema | undefined {
  let s = cache.get(model);
  if (s) return s;
  const attrs = modelAttributes(model);
  if (!attrs) return undefined;
  s = {
    name: model,
    atomic: isAtomicModel(model),
    lookup(field) {
      const attr = attrs.get(field);
      if (!attr) return [undefined, NO_META];
      return [schemaOfType(parseFieldType(attr.type)), fieldMeta(patchMetaFor(model, field))];
    },
  };
  cache.set(model, s);
  return s;
}

/** Schema of a value of a field type; arrays yield their element's schema, as upstream does. */
export function schemaOfType(t: FieldType): PatchSchema | undefined {
  switch (t.kind) {
    case "model":
      return modelSchema(t.model);
    case "array":
      return schemaOfType(t.of);
    case "map": {
      const elem = schemaOfType(t.of);
      return { name: `map[string]${elem?.name ?? "any"}`, isMap: true, lookup: () => [elem, NO_META] };
    }
    default:
      return undefined;
  }
}

/** Lookup that tolerates a missing schema (untyped data: no strategies anywhere). */
export function lookupField(schema: PatchSchema | undefined, field: string): [PatchSchema | undefined, SmpFieldMeta] {
  return schema ? schema.lookup(field) : [undefined, NO_META];
}
