/**
 * What client-node's model metadata lacks and the upstream spec has (see
 * tools/gen-upstream-data.mjs): descriptions of model-typed fields and the extensions on
 * a definition itself, looked up by the model's upstream definition name.
 */
import { definitionName } from "./definition-names.js";
import { REF_DESCRIPTIONS, STRUCT_EXTENSIONS } from "./upstream-data.js";

export function refDescription(model: string, field: string): string | undefined {
  const name = definitionName(model)?.name;
  return name ? REF_DESCRIPTIONS[name]?.[field] : undefined;
}

/** x-kubernetes-map-type / x-kubernetes-unions of a definition (atomic structs such as LabelSelector). */
export function structExtensions(model: string): Readonly<Record<string, unknown>> {
  const name = definitionName(model)?.name;
  return (name ? STRUCT_EXTENSIONS[name] : undefined) ?? {};
}
