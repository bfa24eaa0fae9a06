/**
 * The discovery view of the resource table: APIResource entries for /api/v1 and
 * /apis/<group>/<version> (subresources included, as kube-apiserver's installer lists
 * them), group and version ordering by the aggregator's priorities, and storage version
 * hashes.
 */
import { createHash } from "node:crypto";
import type { ResourceInfo, SubresourceName, Verb } from "../registry/types.js";

/** What a subresource answers with and which kube verbs it supports. */
export interface SubresourceDiscovery {
  /** Set when the subresource's kind lives in another group/version (Scale, Eviction). */
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  /** Sorted kube verbs, as discovery lists them. */
  readonly verbs: readonly string[];
  /**
   * HTTP methods of a connect subresource (exec, attach, portforward, proxy); absent for
   * subresources served by the REST verbs.
   */
  readonly connectMethods?: readonly ConnectMethod[];
}

export type ConnectMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

const STATUS_VERBS = ["get", "patch", "update"] as const;
const PROXY_METHODS: readonly ConnectMethod[] = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/**
 * Kind, group/version and verbs of `resource/sub` the way kube-apiserver registers them
 * (pods/exec is PodExecOptions with create+get, deployments/scale is autoscaling/v1 Scale...).
 */
export function subresourceDiscovery(r: Pick<ResourceInfo, "kind">, sub: SubresourceName): SubresourceDiscovery {
  switch (sub) {
    case "status":
    case "ephemeralcontainers":
    case "approval":
      return { kind: r.kind, verbs: STATUS_VERBS };
    case "scale":
      return { group: "autoscaling", version: "v1", kind: "Scale", verbs: STATUS_VERBS };
    case "binding":
      return { kind: "Binding", verbs: ["create"] };
    case "eviction":
      return { group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] };
    case "log":
      return { kind: r.kind, verbs: ["get"] };
    case "finalize":
      return { kind: r.kind, verbs: ["update"] };
    case "exec":
      return { kind: "PodExecOptions", verbs: ["create", "get"], connectMethods: ["GET", "POST"] };
    case "attach":
      return { kind: "PodAttachOptions", verbs: ["create", "get"], connectMethods: ["GET", "POST"] };
    case "portforward":
      return { kind: "PodPortForwardOptions", verbs: ["create", "get"], connectMethods: ["GET", "POST"] };
    case "proxy":
      return { kind: `${r.kind}ProxyOptions`, verbs: ["create", "delete", "get", "patch", "update"], connectMethods: PROXY_METHODS };
  }
}

/** metav1.APIResource, fields in the order kube-apiserver serializes them. */
export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

/** One group/version and the resources it serves. */
export interface GroupVersionResources {
  readonly group: string;
  readonly version: string;
  readonly resources: readonly ResourceInfo[];
}

/**
 * StorageVersionHash as kube-apiserver computes it: the first 8 bytes of
 * sha256("<group>/<version>/<kind>") of the storage version, base64.
 */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash("sha256").update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString("base64");
}

/** The APIResource list of one group/version, sorted by name as the installer registers paths. */
export function apiResources(gv: GroupVersionResources): APIResource[] {
  const out: APIResource[] = [];
  for (const r of gv.resources) {
    const stored = r.storedAs ? { group: r.storedAs.group, version: "v1", kind: r.kind } : { group: r.group, version: r.version, kind: r.kind };
    out.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: sortedVerbs(r.verbs),
      ...(r.shortNames.length ? { shortNames: [...r.shortNames] } : {}),
      ...(r.categories.length ? { categories: [...r.categories] } : {}),
      storageVersionHash: storageVersionHash(stored.group, stored.version, stored.kind),
    });
    for (const sub of r.subresources) {
      const d = subresourceDiscovery(r, sub);
      const crossGroup = d.group !== undefined && (d.group !== gv.group || d.version !== gv.version);
      out.push({
        name: `${r.plural}/${sub}`,
        singularName: "",
        namespaced: r.namespaced,
        ...(crossGroup ? { group: d.group, version: d.version } : {}),
        kind: d.kind,
        verbs: [...d.verbs],
      });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function sortedVerbs(verbs: readonly Verb[]): string[] {
  return [...verbs].sort();
}

/**
 * GroupPriorityMinimum of the built-in groups, from kube-apiserver's APIService
 * priorities; they order /apis and aggregated discovery. Other groups get 1000, the
 * default of an APIService that sets none.
 */
const GROUP_PRIORITY: Readonly<Record<string, number>> = {
  "": 18000,
  apps: 17800,
  "events.k8s.io": 17750,
  "authentication.k8s.io": 17700,
  "authorization.k8s.io": 17600,
  autoscaling: 17500,
  batch: 17400,
  "certificates.k8s.io": 17300,
  "networking.k8s.io": 17200,
  policy: 17100,
  "rbac.authorization.k8s.io": 17000,
  "storage.k8s.io": 16800,
  "admissionregistration.k8s.io": 16700,
  "apiextensions.k8s.io": 16700,
  "scheduling.k8s.io": 16600,
  "coordination.k8s.io": 16500,
  "node.k8s.io": 16300,
  "discovery.k8s.io": 16200,
  "resource.k8s.io": 16200,
  "flowcontrol.apiserver.k8s.io": 16100,
  "internal.apiserver.k8s.io": 16000,
  "storagemigration.k8s.io": 15800,
};

/** A group with its versions, preferred first. */
export interface DiscoveryGroup {
  readonly name: string;
  readonly versions: readonly GroupVersionResources[];
}

/**
 * Group the resources by group and version. Groups are ordered by priority (name breaks
 * ties) and versions within a group by kube-aware version order (v2 > v1 > v1beta2 >
 * v1beta1 > v1alpha1), the preferred version first, as the aggregator sorts them.
 */
export function discoveryGroups(resources: readonly ResourceInfo[]): DiscoveryGroup[] {
  const groups = new Map<string, Map<string, ResourceInfo[]>>();
  for (const r of resources) {
    let g = groups.get(r.group);
    if (!g) groups.set(r.group, (g = new Map()));
    let v = g.get(r.version);
    if (!v) g.set(r.version, (v = []));
    v.push(r);
  }
  const out: DiscoveryGroup[] = [...groups].map(([name, versions]) => ({
    name,
    versions: [...versions]
      .map(([version, rs]) => ({ group: name, version, resources: rs }))
      .sort((a, b) => compareKubeAwareVersions(b.version, a.version)),
  }));
  return out.sort((a, b) => {
    const pa = GROUP_PRIORITY[a.name] ?? 1000;
    const pb = GROUP_PRIORITY[b.name] ?? 1000;
    if (pa !== pb) return pb - pa;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/**
 * version.CompareKubeAwareVersionStrings: positive when a sorts as the higher (more
 * preferred) version. GA > beta > alpha, then by major, then by minor; non-kube version
 * strings sort below kube ones, alphabetically.
 */
export function compareKubeAwareVersions(a: string, b: string): number {
  const pa = parseKubeVersion(a);
  const pb = parseKubeVersion(b);
  if (!pa && !pb) return a < b ? 1 : a > b ? -1 : 0;
  if (!pa) return -1;
  if (!pb) return 1;
  if (pa.stability !== pb.stability) return pa.stability - pb.stability;
  if (pa.major !== pb.major) return pa.major - pb.major;
  return pa.minor - pb.minor;
}

function parseKubeVersion(v: string): { major: number; stability: number; minor: number } | undefined {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return undefined;
  const stability = m[2] === "alpha" ? 0 : m[2] === "beta" ? 1 : 2;
  return { major: Number(m[1]), stability, minor: m[3] ? Number(m[3]) : 0 };
}
