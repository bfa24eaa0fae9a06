/**
 * The discovery documents: legacy (APIVersions, APIGroupList, APIGroup, APIResourceList)
 * and aggregated (apidiscovery.k8s.io APIGroupDiscoveryList), shaped and ordered as
 * kube-apiserver v1.35 serializes them.
 */
import { apiResources, subresourceDiscovery, type DiscoveryGroup, type GroupVersionResources } from "./resources.js";

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface ServerAddressByClientCIDR {
  clientCIDR: string;
  serverAddress: string;
}

function groupVersionString(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/**
 * GET /api. kube-apiserver strips apiVersion from this one (release-1.1 compatibility) and
 * reports its own address for every client (0.0.0.0/0).
 */
export function apiVersions(core: DiscoveryGroup | undefined, serverAddress: string): unknown {
  return {
    kind: "APIVersions",
    versions: core ? core.versions.map((v) => v.version) : [],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress } satisfies ServerAddressByClientCIDR],
  };
}

/** metav1.APIGroup of one named group, as the aggregator serves it. */
export function apiGroup(g: DiscoveryGroup): { name: string; versions: GroupVersionForDiscovery[]; preferredVersion: GroupVersionForDiscovery } {
  const versions = g.versions.map((v) => ({ groupVersion: groupVersionString(g.name, v.version), version: v.version }));
  return { name: g.name, versions, preferredVersion: versions[0]! };
}

/** GET /apis: every named group, preferred version first. */
export function apiGroupList(groups: readonly DiscoveryGroup[]): unknown {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groups.filter((g) => g.name !== "").map(apiGroup) };
}

/** GET /apis/<group>. */
export function apiGroupDocument(g: DiscoveryGroup): unknown {
  return { kind: "APIGroup", apiVersion: "v1", ...apiGroup(g) };
}

/** GET /api/v1 or /apis/<group>/<version>; the core list carries no apiVersion, as upstream. */
export function apiResourceList(gv: GroupVersionResources): unknown {
  return {
    kind: "APIResourceList",
    ...(gv.group ? { apiVersion: "v1" } : {}),
    groupVersion: groupVersionString(gv.group, gv.version),
    resources: apiResources(gv),
  };
}

/** The aggregated discovery versions a client may ask for. */
export type AggregatedVersion = "v2" | "v2beta1";

/**
 * apidiscovery APIGroupDiscoveryList items for the given groups. Subresources nest under
 * their resource; responseKind of a resource leaves group and version empty (they are the
 * containing group version's), as ConvertGroupVersionIntoToDiscovery does.
 */
export function aggregatedItems(groups: readonly DiscoveryGroup[]): unknown[] {
  return groups.map((g) => ({
    metadata: g.name ? { name: g.name } : {},
    versions: g.versions.map((gv) => ({
      version: gv.version,
      resources: gv.resources
        .slice()
        .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
        .map((r) => {
          const subs = [...r.subresources].sort().map((sub) => {
            const d = subresourceDiscovery(r, sub);
            const cross = d.group !== undefined && (d.group !== gv.group || d.version !== gv.version);
            return {
              subresource: sub,
              responseKind: { group: cross ? d.group : "", version: cross ? d.version : "", kind: d.kind },
              verbs: [...d.verbs],
            };
          });
          return {
            resource: r.plural,
            responseKind: { group: "", version: "", kind: r.kind },
            scope: r.namespaced ? "Namespaced" : "Cluster",
            singularResource: r.singular,
            verbs: [...r.verbs].sort(),
            ...(r.shortNames.length ? { shortNames: [...r.shortNames] } : {}),
            ...(r.categories.length ? { categories: [...r.categories] } : {}),
            ...(subs.length ? { subresources: subs } : {}),
          };
        }),
      freshness: "Current",
    })),
  }));
}

/** The full APIGroupDiscoveryList in the requested version. */
export function aggregatedList(items: readonly unknown[], version: AggregatedVersion): unknown {
  return { kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}
