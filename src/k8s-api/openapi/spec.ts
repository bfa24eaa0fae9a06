/**
 * The format-neutral API description of the served resources: every definition (as
 * Swagger 2.0 schemas) and every path, grouped the way /openapi/v3 splits them ("api/v1",
 * "apis/apps/v1", "apis/apps", "api", "apis", "version").
 */
import type { ResourceInfo } from "../registry/types.js";
import { buildDefinitions, type GroupVersionKind, type Schema } from "./definitions.js";
import { discoveryPath, META_MODELS, resourcePaths, type PathItem } from "./operations.js";

export interface ApiSpec {
  /** Definition name -> Swagger 2.0 schema ($ref "#/definitions/..."). */
  readonly definitions: Readonly<Record<string, Schema>>;
  /** v3 document key ("api/v1", "apis/apps") -> its paths, sorted by path. */
  readonly groups: ReadonlyMap<string, readonly PathItem[]>;
}

/** Models that subresources answer with, and the one kind each is. */
const SUBRESOURCE_MODELS: Readonly<Record<string, { model: string; gvk: GroupVersionKind }>> = {
  scale: { model: "V1Scale", gvk: { group: "autoscaling", version: "v1", kind: "Scale" } },
  binding: { model: "V1Binding", gvk: { group: "", version: "v1", kind: "Binding" } },
  eviction: { model: "V1Eviction", gvk: { group: "policy", version: "v1", kind: "Eviction" } },
};

export function buildSpec(resources: readonly ResourceInfo[]): ApiSpec {
  const gvks = new Map<string, GroupVersionKind[]>();
  const add = (model: string, gvk: GroupVersionKind): void => {
    const list = gvks.get(model) ?? [];
    if (!list.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) list.push(gvk);
    gvks.set(model, list);
  };
  const roots = new Set<string>(Object.values(META_MODELS));
  // Group versions served, core v1 always first: DeleteOptions and WatchEvent are registered in each.
  const gvs: { group: string; version: string }[] = [{ group: "", version: "v1" }];
  for (const r of resources) {
    roots.add(r.model).add(`${r.model}List`);
    add(r.model, { group: r.group, version: r.version, kind: r.kind });
    add(`${r.model}List`, { group: r.group, version: r.version, kind: r.listKind });
    for (const sub of r.subresources) {
      const s = SUBRESOURCE_MODELS[sub];
      if (s) {
        roots.add(s.model);
        add(s.model, s.gvk);
      }
    }
    if (!gvs.some((g) => g.group === r.group && g.version === r.version)) gvs.push({ group: r.group, version: r.version });
  }
  gvs.sort((a, b) => cmp(a.group, b.group) || cmp(a.version, b.version));
  for (const gv of gvs) {
    add(META_MODELS.deleteOptions, { ...gv, kind: "DeleteOptions" });
    add(META_MODELS.watchEvent, { ...gv, kind: "WatchEvent" });
  }
  for (const [key, kind] of [["status", "Status"], ["apiResourceList", "APIResourceList"], ["apiGroup", "APIGroup"], ["apiGroupList", "APIGroupList"], ["apiVersions", "APIVersions"]] as const) {
    add(META_MODELS[key], { group: "", version: "v1", kind });
  }
  const definitions = sortKeys(buildDefinitions(roots, gvks, ["Patch"]));

  const groups = new Map<string, PathItem[]>();
  const push = (key: string, items: PathItem[]): void => {
    groups.set(key, [...(groups.get(key) ?? []), ...items]);
  };
  push("api", [discoveryPath("api")]);
  push("apis", [discoveryPath("apis")]);
  push("version", [discoveryPath("version")]);
  for (const gv of gvs) {
    if (!resources.some((r) => r.group === gv.group && r.version === gv.version)) continue;
    const key = gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
    push(key, [discoveryPath("resources", gv.group, gv.version)]);
    if (gv.group && !groups.has(`apis/${gv.group}`)) push(`apis/${gv.group}`, [discoveryPath("group", gv.group)]);
  }
  for (const r of resources) push(r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`, resourcePaths(r));
  for (const [key, items] of groups) groups.set(key, items.sort((a, b) => cmp(a.path, b.path)));
  return { definitions, groups };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The object with its keys in byte order, as Go's encoder writes a map. */
export function sortKeys<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.keys(o).sort(cmp).map((k) => [k, o[k]])) as T;
}
