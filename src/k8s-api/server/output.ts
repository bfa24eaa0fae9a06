/**
 * What a GET returns: the object itself, a meta.k8s.io Table (kubectl get), or
 * PartialObjectMetadata (garbage collector, helm), chosen from the Accept header as
 * kube-apiserver negotiates it; and the predicate of label and field selectors.
 */
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";
import type { ObjectList } from "../registry/generic-store.js";
import { apiVersionOf, type ResourceInfo } from "../registry/types.js";
import { compileLabelSelector, compileFieldSelector } from "../selectors/index.js";
import { toTable } from "../printers/index.js";

export type Output =
  | { readonly as: "Object" }
  | { readonly as: "Table"; readonly version: "v1" | "v1beta1"; readonly includeObject: "None" | "Metadata" | "Object" }
  | { readonly as: "PartialObjectMetadata"; readonly version: "v1" | "v1beta1" };

/** Pick the first acceptable representation in the Accept header; 406 when none is. */
export function negotiateOutput(accept: string | undefined, includeObject: "None" | "Metadata" | "Object" = "Metadata"): Output {
  if (!accept) return { as: "Object" };
  for (const clause of accept.split(",")) {
    const [type, ...paramParts] = clause.split(";").map((s) => s.trim());
    const params = new Map(paramParts.map((p) => p.split("=").map((s) => s.trim()) as [string, string]));
    const mt = (type ?? "").toLowerCase();
    if (mt !== "application/json" && mt !== "*/*" && mt !== "application/*") continue;
    const as = params.get("as");
    if (!as) return { as: "Object" };
    const g = params.get("g");
    const v = params.get("v");
    if (g !== "meta.k8s.io" || (v !== "v1" && v !== "v1beta1")) continue;
    if (as === "Table") return { as: "Table", version: v, includeObject };
    if (as === "PartialObjectMetadata" || as === "PartialObjectMetadataList") return { as: "PartialObjectMetadata", version: v };
  }
  throw new StatusError(406, "NotAcceptable", `only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io`);
}

/** The body for a single object. */
export function renderObject(info: ResourceInfo, obj: KubeObject, out: Output): unknown {
  switch (out.as) {
    case "Object":
      return obj;
    case "Table":
      return toTable(info, [obj], { includeObject: out.includeObject, now: new Date(), apiVersion: `meta.k8s.io/${out.version}` });
    case "PartialObjectMetadata":
      return { kind: "PartialObjectMetadata", apiVersion: `meta.k8s.io/${out.version}`, metadata: obj.metadata ?? {} };
  }
}

/** The body for a list. */
export function renderList(info: ResourceInfo, list: ObjectList, out: Output): unknown {
  const listMeta = {
    resourceVersion: list.resourceVersion,
    ...(list.continue ? { continue: list.continue } : {}),
    ...(list.remainingItemCount !== undefined ? { remainingItemCount: list.remainingItemCount } : {}),
  };
  switch (out.as) {
    case "Object":
      // Items of a typed list carry no apiVersion/kind, as kube-apiserver serializes them.
      return {
        kind: info.listKind,
        apiVersion: apiVersionOf(info),
        metadata: listMeta,
        items: list.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
      };
    case "Table":
      return toTable(info, list.items, { includeObject: out.includeObject, now: new Date(), apiVersion: `meta.k8s.io/${out.version}`, listMeta });
    case "PartialObjectMetadata":
      return {
        kind: "PartialObjectMetadataList",
        apiVersion: `meta.k8s.io/${out.version}`,
        metadata: listMeta,
        items: list.items.map((o) => ({ kind: "PartialObjectMetadata", apiVersion: `meta.k8s.io/${out.version}`, metadata: o.metadata ?? {} })),
      };
  }
}

/** labelSelector and fieldSelector of a request as one predicate (undefined: everything). */
export function predicateFromQuery(info: ResourceInfo, q: URLSearchParams): ((obj: KubeObject) => boolean) | undefined {
  const ls = q.get("labelSelector");
  const fs = q.get("fieldSelector");
  const labels = ls ? compileLabelSelector(ls) : undefined;
  const fields = fs ? compileFieldSelector(info, fs) : undefined;
  if (!labels && !fields) return undefined;
  return (obj) => (!labels || labels(obj.metadata?.labels ?? {})) && (!fields || fields(obj));
}
