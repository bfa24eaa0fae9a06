/**
 * Upstream definition names for client-node models: V1Pod -> io.k8s.api.core.v1.Pod,
 * V1Deployment -> io.k8s.api.apps.v1.Deployment, V1ObjectMeta ->
 * io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.
 *
 * client-node drops the Go package from a model's name unless two packages collide
 * (CoreV1Event / EventsV1Event), so the package is recovered, in this order, from:
 *  1. the apimachinery tables below (meta/v1 and friends);
 *  2. the package prefix client-node adds on a collision (CoreV1EndpointPort);
 *  3. the few kinds one API group serves for another (apps serves autoscaling/v1 Scale);
 *  4. the API classes (AppsV1Api imports V1Deployment and V1DeploymentList, so those are apps);
 *  5. for nested-only models, the package of the closest model above them: a model reached
 *     from io.k8s.api.core.v1.PodTemplate at depth 1 and from apps/v1 Deployment at depth 2
 *     (V1PodTemplateSpec) is core. Core types are the ones shared across groups, so core is
 *     walked first and claims what it reaches.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { allModels, modelMeta } from "./model-meta.js";
import { modelRefsOf } from "./types-map.js";

export interface DefinitionName {
  /** "io.k8s.api.core.v1.Pod". */
  readonly name: string;
  /** API group the package belongs to ("" for core, "apps", "meta.k8s.io"-less meta: ""). */
  readonly group: string;
  readonly version: string;
  /** The Go type name: "Pod". */
  readonly kind: string;
}

interface Package {
  /** Definition name prefix before ".<version>.<Kind>". */
  readonly prefix: string;
  readonly group: string;
}

/** client-node package keys (the API class prefix, or a model's collision prefix) -> package. */
const PACKAGES: Readonly<Record<string, Package>> = {
  Admissionregistration: { prefix: "io.k8s.api.admissionregistration", group: "admissionregistration.k8s.io" },
  Apiextensions: { prefix: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions", group: "apiextensions.k8s.io" },
  Apiregistration: { prefix: "io.k8s.kube-aggregator.pkg.apis.apiregistration", group: "apiregistration.k8s.io" },
  Apps: { prefix: "io.k8s.api.apps", group: "apps" },
  Authentication: { prefix: "io.k8s.api.authentication", group: "authentication.k8s.io" },
  Authorization: { prefix: "io.k8s.api.authorization", group: "authorization.k8s.io" },
  Autoscaling: { prefix: "io.k8s.api.autoscaling", group: "autoscaling" },
  Batch: { prefix: "io.k8s.api.batch", group: "batch" },
  Certificates: { prefix: "io.k8s.api.certificates", group: "certificates.k8s.io" },
  Coordination: { prefix: "io.k8s.api.coordination", group: "coordination.k8s.io" },
  Core: { prefix: "io.k8s.api.core", group: "" },
  Discovery: { prefix: "io.k8s.api.discovery", group: "discovery.k8s.io" },
  Events: { prefix: "io.k8s.api.events", group: "events.k8s.io" },
  Flowcontrol: { prefix: "io.k8s.api.flowcontrol", group: "flowcontrol.apiserver.k8s.io" },
  Internal: { prefix: "io.k8s.api.apiserverinternal", group: "internal.apiserver.k8s.io" },
  Networking: { prefix: "io.k8s.api.networking", group: "networking.k8s.io" },
  Node: { prefix: "io.k8s.api.node", group: "node.k8s.io" },
  Policy: { prefix: "io.k8s.api.policy", group: "policy" },
  Rbac: { prefix: "io.k8s.api.rbac", group: "rbac.authorization.k8s.io" },
  Resource: { prefix: "io.k8s.api.resource", group: "resource.k8s.io" },
  Scheduling: { prefix: "io.k8s.api.scheduling", group: "scheduling.k8s.io" },
  Storage: { prefix: "io.k8s.api.storage", group: "storage.k8s.io" },
  Storagemigration: { prefix: "io.k8s.api.storagemigration", group: "storagemigration.k8s.io" },
};

/** API class prefixes that differ from the collision prefix of the same package. */
const API_CLASS_PACKAGE: Readonly<Record<string, string>> = {
  FlowcontrolApiserver: "Flowcontrol",
  RbacAuthorization: "Rbac",
  InternalApiserver: "Internal",
};

const META = "io.k8s.apimachinery.pkg.apis.meta";

/** apimachinery types that client-node names like any v1 model. */
const APIMACHINERY: Readonly<Record<string, string>> = {
  V1APIGroup: `${META}.v1.APIGroup`,
  V1APIGroupList: `${META}.v1.APIGroupList`,
  V1APIResource: `${META}.v1.APIResource`,
  V1APIResourceList: `${META}.v1.APIResourceList`,
  V1APIVersions: `${META}.v1.APIVersions`,
  V1Condition: `${META}.v1.Condition`,
  V1DeleteOptions: `${META}.v1.DeleteOptions`,
  V1FieldSelectorRequirement: `${META}.v1.FieldSelectorRequirement`,
  V1GroupVersionForDiscovery: `${META}.v1.GroupVersionForDiscovery`,
  V1LabelSelector: `${META}.v1.LabelSelector`,
  V1LabelSelectorRequirement: `${META}.v1.LabelSelectorRequirement`,
  V1ListMeta: `${META}.v1.ListMeta`,
  V1ManagedFieldsEntry: `${META}.v1.ManagedFieldsEntry`,
  V1ObjectMeta: `${META}.v1.ObjectMeta`,
  V1OwnerReference: `${META}.v1.OwnerReference`,
  V1Preconditions: `${META}.v1.Preconditions`,
  V1ServerAddressByClientCIDR: `${META}.v1.ServerAddressByClientCIDR`,
  V1Status: `${META}.v1.Status`,
  V1StatusCause: `${META}.v1.StatusCause`,
  V1StatusDetails: `${META}.v1.StatusDetails`,
  V1ShardInfo: `${META}.v1.ShardInfo`,
  V1WatchEvent: `${META}.v1.WatchEvent`,
  VersionInfo: "io.k8s.apimachinery.pkg.version.Info",
};

/** Kinds an API class serves for another group (Scale is autoscaling/v1 wherever it is served). */
const OVERRIDES: Readonly<Record<string, string>> = {
  V1Scale: "Autoscaling",
  V1ScaleSpec: "Autoscaling",
  V1ScaleStatus: "Autoscaling",
  V1Eviction: "Policy",
  V1Binding: "Core",
};

const VERSIONED = /^(V\d+(?:alpha\d+|beta\d+)?)(.+)$/;
const COLLISION = /^([A-Z][a-z]+)(V\d+(?:alpha\d+|beta\d+)?)([A-Z].*)$/;

let table: Map<string, DefinitionName> | undefined;

/** The upstream definition name of a client-node model; undefined for models outside any known package. */
export function definitionName(model: string): DefinitionName | undefined {
  table ??= buildTable();
  return table.get(model);
}

/** The model whose upstream definition name is `name` (the reverse of definitionName). */
export function modelForDefinition(name: string): string | undefined {
  table ??= buildTable();
  for (const [model, d] of table) if (d.name === name) return model;
  return undefined;
}

function buildTable(): Map<string, DefinitionName> {
  const out = new Map<string, DefinitionName>();
  const packageOf = new Map<string, string>();

  for (const [model, name] of Object.entries(APIMACHINERY)) {
    const version = /\.(v\d+)\.[A-Za-z]+$/.exec(name)?.[1] ?? "";
    out.set(model, { name, group: "", version, kind: name.slice(name.lastIndexOf(".") + 1) });
  }
  const all = allModels();
  for (const model of all) {
    if (out.has(model)) continue;
    const c = COLLISION.exec(model);
    if (c && PACKAGES[c[1]!]) packageOf.set(model, c[1]!);
    else if (OVERRIDES[model]) packageOf.set(model, OVERRIDES[model]);
  }
  // API classes: a model imported by exactly one package's API classes belongs to it.
  const importers = new Map<string, Set<string>>();
  for (const [pkg, models] of apiClassImports()) {
    for (const m of models) {
      if (out.has(m) || packageOf.has(m) || !VERSIONED.test(m)) continue;
      let s = importers.get(m);
      if (!s) importers.set(m, (s = new Set()));
      s.add(pkg);
    }
  }
  for (const [m, pkgs] of importers) if (pkgs.size === 1) packageOf.set(m, [...pkgs][0]!);

  // Nested models: breadth-first from each package's roots, core first.
  const order = ["Core", ...Object.keys(PACKAGES).filter((p) => p !== "Core")];
  for (const pkg of order) {
    let frontier = [...packageOf].filter(([, p]) => p === pkg).map(([m]) => m);
    const seen = new Set(frontier);
    while (frontier.length) {
      const next: string[] = [];
      for (const m of frontier) {
        for (const ref of modelRefsOf(modelMeta(m))) {
          if (seen.has(ref)) continue;
          seen.add(ref);
          if (out.has(ref)) continue;
          if (!packageOf.has(ref)) packageOf.set(ref, pkg);
          if (packageOf.get(ref) === pkg) next.push(ref);
        }
      }
      frontier = next;
    }
  }
  for (const [model, pkg] of packageOf) {
    const p = PACKAGES[pkg];
    if (!p) continue;
    const c = COLLISION.exec(model);
    const v = c ? { version: c[2]!, kind: c[3]! } : versioned(model);
    if (!v) continue;
    const version = v.version.charAt(0).toLowerCase() + v.version.slice(1);
    out.set(model, { name: `${p.prefix}.${version}.${v.kind}`, group: p.group, version, kind: v.kind });
  }
  return out;
}

function versioned(model: string): { version: string; kind: string } | undefined {
  const m = VERSIONED.exec(model);
  return m ? { version: m[1]!, kind: m[2]! } : undefined;
}

/** package key -> models imported by that package's versioned API classes. */
function apiClassImports(): Map<string, Set<string>> {
  const req = createRequire(import.meta.url);
  const dir = join(dirname(req.resolve("@kubernetes/client-node")), "gen", "apis");
  const out = new Map<string, Set<string>>();
  for (const file of readdirSync(dir)) {
    const m = /^([A-Z][A-Za-z]*?)(V\d+(?:alpha\d+|beta\d+)?)Api\.d\.ts$/.exec(file);
    if (!m) continue;
    const pkg = API_CLASS_PACKAGE[m[1]!] ?? m[1]!;
    if (!PACKAGES[pkg]) continue;
    let s = out.get(pkg);
    if (!s) out.set(pkg, (s = new Set()));
    for (const imp of readFileSync(join(dir, file), "utf8").matchAll(/import \{ (\w+) \} from '\.\.\/models\//g)) s.add(imp[1]!);
  }
  return out;
}
