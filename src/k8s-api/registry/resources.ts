/**
 * The table of every resource berth serves: identity, scope, shortNames and categories
 * as kube-apiserver v1.35 reports them in discovery.
 */
import { ALL_VERBS, type Verb, type ResourceInfo, type Strategy, type StoredAs, type SubresourceName } from "./types.js";
import * as s from "./strategies/index.js";

interface Row {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceName[];
  model: string;
  strategy: Strategy;
  storedAs?: StoredAs;
  returnDeletedObject?: boolean;
  /** Verbs when not all of them (kube-apiserver serves no deletecollection on namespaces). */
  verbs?: Verb[];
}

const rows: Row[] = [
  // core/v1
  { group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false, shortNames: ["ns"], subresources: ["status", "finalize"], returnDeletedObject: true, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], model: "V1Namespace", strategy: s.namespaceStrategy },
  { group: "", version: "v1", kind: "Pod", plural: "pods", namespaced: true, shortNames: ["po"], categories: ["all"], subresources: ["status", "binding", "eviction", "log", "exec", "attach", "portforward", "proxy", "ephemeralcontainers"], returnDeletedObject: true, model: "V1Pod", strategy: s.podStrategy },
  { group: "", version: "v1", kind: "Service", plural: "services", namespaced: true, shortNames: ["svc"], categories: ["all"], subresources: ["status", "proxy"], model: "V1Service", strategy: s.serviceStrategy },
  { group: "", version: "v1", kind: "Endpoints", plural: "endpoints", namespaced: true, shortNames: ["ep"], model: "V1Endpoints", strategy: s.endpointsStrategy },
  { group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true, shortNames: ["cm"], model: "V1ConfigMap", strategy: s.configMapStrategy },
  { group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true, model: "V1Secret", strategy: s.secretStrategy },
  { group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true, shortNames: ["sa"], returnDeletedObject: true, model: "V1ServiceAccount", strategy: s.serviceAccountStrategy },
  { group: "", version: "v1", kind: "Event", plural: "events", namespaced: true, shortNames: ["ev"], model: "CoreV1Event", strategy: s.eventStrategy },
  { group: "", version: "v1", kind: "Node", plural: "nodes", namespaced: false, shortNames: ["no"], subresources: ["status", "proxy"], model: "V1Node", strategy: s.nodeStrategy },
  { group: "", version: "v1", kind: "ReplicationController", plural: "replicationcontrollers", namespaced: true, shortNames: ["rc"], categories: ["all"], subresources: ["scale", "status"], model: "V1ReplicationController", strategy: s.replicationControllerStrategy },
  { group: "", version: "v1", kind: "PodTemplate", plural: "podtemplates", namespaced: true, model: "V1PodTemplate", strategy: s.podTemplateStrategy },
  // apps/v1
  { group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true, shortNames: ["deploy"], categories: ["all"], subresources: ["scale", "status"], model: "V1Deployment", strategy: s.deploymentStrategy },
  { group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true, shortNames: ["rs"], categories: ["all"], subresources: ["scale", "status"], model: "V1ReplicaSet", strategy: s.replicaSetStrategy },
  { group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true, shortNames: ["sts"], categories: ["all"], subresources: ["scale", "status"], model: "V1StatefulSet", strategy: s.statefulSetStrategy },
  { group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true, shortNames: ["ds"], categories: ["all"], subresources: ["status"], model: "V1DaemonSet", strategy: s.daemonSetStrategy },
  { group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions", namespaced: true, model: "V1ControllerRevision", strategy: s.controllerRevisionStrategy },
  // batch/v1
  { group: "batch", version: "v1", kind: "Job", plural: "jobs", namespaced: true, categories: ["all"], subresources: ["status"], model: "V1Job", strategy: s.jobStrategy },
  { group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", namespaced: true, shortNames: ["cj"], categories: ["all"], subresources: ["status"], model: "V1CronJob", strategy: s.cronJobStrategy },
  // coordination.k8s.io/v1
  { group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true, model: "V1Lease", strategy: s.leaseStrategy },
  // discovery.k8s.io/v1
  { group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", plural: "endpointslices", namespaced: true, model: "V1EndpointSlice", strategy: s.endpointSliceStrategy },
  // events.k8s.io/v1
  { group: "events.k8s.io", version: "v1", kind: "Event", plural: "events", namespaced: true, shortNames: ["ev"], model: "EventsV1Event", strategy: s.eventsV1Strategy, storedAs: { group: "", plural: "events", ...s.eventsV1Conversion } },
  // policy/v1
  { group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", namespaced: true, shortNames: ["pdb"], subresources: ["status"], model: "V1PodDisruptionBudget", strategy: s.podDisruptionBudgetStrategy },
  // rbac.authorization.k8s.io/v1
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles", namespaced: true, model: "V1Role", strategy: s.roleStrategy },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings", namespaced: true, model: "V1RoleBinding", strategy: s.roleBindingStrategy },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false, model: "V1ClusterRole", strategy: s.clusterRoleStrategy },
  { group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false, model: "V1ClusterRoleBinding", strategy: s.clusterRoleBindingStrategy },
  // scheduling.k8s.io/v1
  { group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass", plural: "priorityclasses", namespaced: false, shortNames: ["pc"], model: "V1PriorityClass", strategy: s.priorityClassStrategy },
];

/** Every served resource, in discovery order (core first, then groups as kube-apiserver orders them). */
export const RESOURCES: readonly ResourceInfo[] = rows.map((r) => ({
  group: r.group,
  version: r.version,
  kind: r.kind,
  listKind: `${r.kind}List`,
  plural: r.plural,
  singular: r.kind.toLowerCase(),
  namespaced: r.namespaced,
  shortNames: r.shortNames ?? [],
  categories: r.categories ?? [],
  verbs: r.verbs ?? ALL_VERBS,
  subresources: r.subresources ?? [],
  model: r.model,
  strategy: r.strategy,
  returnDeletedObject: r.returnDeletedObject ?? false,
  ...(r.storedAs ? { storedAs: r.storedAs } : {}),
}));

/** Look up a resource by group, version and plural. */
export function findResource(group: string, version: string, plural: string): ResourceInfo | undefined {
  return byPath.get(`${group}/${version}/${plural}`);
}

/** Look up a resource by group and kind (first version). */
export function findKind(group: string, kind: string): ResourceInfo | undefined {
  return byKind.get(`${group}/${kind}`);
}

const byPath = new Map(RESOURCES.map((r) => [`${r.group}/${r.version}/${r.plural}`, r] as const));
const byKind = new Map(RESOURCES.map((r) => [`${r.group}/${r.kind}`, r] as const));

/** Group/versions in discovery order, with their preferred version. */
export function groupVersions(): { group: string; versions: string[] }[] {
  const out: { group: string; versions: string[] }[] = [];
  for (const r of RESOURCES) {
    let g = out.find((x) => x.group === r.group);
    if (!g) out.push((g = { group: r.group, versions: [] }));
    if (!g.versions.includes(r.version)) g.versions.push(r.version);
  }
  return out;
}
