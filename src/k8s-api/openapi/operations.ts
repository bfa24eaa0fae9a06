/**
 * The REST operations of each served resource, as kube-apiserver's installer lays them
 * out (paths, operationIds, x-kubernetes-action, x-kubernetes-group-version-kind), in a
 * form neutral to Swagger 2.0 and OpenAPI 3.0; v2.ts and v3.ts render it.
 */
import type { ResourceInfo, SubresourceName } from "../registry/types.js";
import { nameOf, type GroupVersionKind } from "./definitions.js";
import { PARAMS, type QueryParam } from "./params.js";

export type Method = "get" | "put" | "post" | "patch" | "delete" | "head" | "options";

/** What an operation reads and writes, which decides consumes/produces. */
export type BodyKind = "object" | "patch" | "any";
export type ResponseKind = "object" | "list" | "watch" | "text" | "connect";

export interface Response {
  readonly code: "200" | "201" | "202";
  readonly description: "OK" | "Created" | "Accepted";
  /** Definition name of the body; absent: a plain string. */
  readonly ref?: string;
}

export interface Operation {
  readonly method: Method;
  readonly operationId: string;
  readonly description: string;
  /** x-kubernetes-action; absent on the discovery endpoints. */
  readonly action?: "get" | "list" | "post" | "put" | "patch" | "delete" | "deletecollection" | "watch" | "watchlist" | "connect";
  readonly gvk?: GroupVersionKind;
  readonly tag: string;
  readonly query: readonly QueryParam[];
  /** Definition name of the request body and whether it must be sent. */
  readonly body?: { readonly ref: string; readonly required: boolean };
  readonly consumes: BodyKind;
  readonly produces: ResponseKind;
  readonly responses: readonly Response[];
}

export interface PathParam {
  readonly name: string;
  readonly description: string;
}

export interface PathItem {
  readonly path: string;
  readonly pathParams: readonly PathParam[];
  /** Query parameters every operation of the path takes (pretty, the list options of watch paths). */
  readonly query: readonly QueryParam[];
  readonly operations: readonly Operation[];
}

/** Model names a path set needs definitions for beyond the resources' own (subresource kinds, meta types). */
export const META_MODELS = {
  deleteOptions: "V1DeleteOptions",
  status: "V1Status",
  watchEvent: "V1WatchEvent",
  apiResourceList: "V1APIResourceList",
  apiGroup: "V1APIGroup",
  apiGroupList: "V1APIGroupList",
  apiVersions: "V1APIVersions",
  versionInfo: "VersionInfo",
} as const;

const PATCH_DEF = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

const LIST_QUERY = [PARAMS.allowWatchBookmarks, PARAMS.continue, PARAMS.fieldSelector, PARAMS.labelSelector, PARAMS.limit, PARAMS.resourceVersion, PARAMS.resourceVersionMatch, PARAMS.sendInitialEvents, PARAMS.timeoutSeconds, PARAMS.watch];
const WRITE_QUERY = [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation];
const PATCH_QUERY = [PARAMS.dryRun, PARAMS.fieldManagerPatch, PARAMS.fieldValidation, PARAMS.force];
const DELETE_QUERY = [PARAMS.dryRun, PARAMS.gracePeriodSeconds, PARAMS.ignoreStoreReadErrorWithClusterBreakingPotential, PARAMS.orphanDependents, PARAMS.propagationPolicy];
const DELETECOLLECTION_QUERY = [PARAMS.continue, PARAMS.dryRun, PARAMS.fieldSelector, PARAMS.gracePeriodSeconds, PARAMS.ignoreStoreReadErrorWithClusterBreakingPotential, PARAMS.labelSelector, PARAMS.limit, PARAMS.orphanDependents, PARAMS.propagationPolicy, PARAMS.resourceVersion, PARAMS.resourceVersionMatch, PARAMS.sendInitialEvents, PARAMS.timeoutSeconds];
const LOG_QUERY = [PARAMS.container, PARAMS.follow, PARAMS.insecureSkipTLSVerifyBackend, PARAMS.limitBytes, PARAMS.previous, PARAMS.sinceSeconds, PARAMS.stream, PARAMS.tailLines, PARAMS.timestamps];
const EXEC_QUERY = [PARAMS.command, PARAMS.container, PARAMS.stderr, PARAMS.stdin, PARAMS.stdout, PARAMS.tty];
const ATTACH_QUERY = [PARAMS.container, PARAMS.stderr, PARAMS.stdin, PARAMS.stdout, PARAMS.tty];

/**
 * Resources whose DELETE kube-apiserver documents as answering with the object (its
 * registry sets ReturnDeletedObject, or deletion is graceful); all others answer Status.
 */
const DELETE_RETURNS_OBJECT: ReadonlySet<string> = new Set(["/pods", "/services", "/serviceaccounts", "/podtemplates", "/persistentvolumeclaims", "/persistentvolumes", "/resourcequotas", "storage.k8s.io/storageclasses", "storage.k8s.io/csidrivers", "storage.k8s.io/csinodes", "storage.k8s.io/volumeattachments", "storage.k8s.io/volumeattributesclasses", "resource.k8s.io/deviceclasses", "resource.k8s.io/resourceclaims", "resource.k8s.io/resourceclaimtemplates", "resource.k8s.io/resourceslices"]);

const NAMESPACE_PARAM: PathParam = { name: "namespace", description: "object name and auth scope, such as for teams and projects" };
const PROXY_METHODS: readonly Method[] = ["delete", "get", "head", "options", "patch", "post", "put"];

const OK = (ref?: string): Response => ({ code: "200", description: "OK", ...(ref ? { ref } : {}) });
const CREATED = (ref: string): Response => ({ code: "201", description: "Created", ref });
const ACCEPTED = (ref: string): Response => ({ code: "202", description: "Accepted", ref });

/** "rbac.authorization.k8s.io" -> "RbacAuthorization", "" -> "Core": the group part of operationIds. */
export function groupIdent(group: string): string {
  if (!group) return "Core";
  return group
    .replace(/\.k8s\.io$/, "")
    .split(".")
    .map(capitalize)
    .join("");
}

/** "rbac.authorization.k8s.io" -> "rbacAuthorization_v1": the tag of a group version. */
export function tagOf(group: string, version: string): string {
  const g = groupIdent(group);
  return `${g.charAt(0).toLowerCase()}${g.slice(1)}_${version}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "/api/v1" or "/apis/apps/v1". */
export function gvPrefix(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

/** Every path of one resource: collection, item, watch, cluster-wide list and subresources. */
export function resourcePaths(r: ResourceInfo): PathItem[] {
  const gi = `${groupIdent(r.group)}${capitalize(r.version)}`;
  const tag = tagOf(r.group, r.version);
  const ns = r.namespaced ? "Namespaced" : "";
  const nsSeg = r.namespaced ? "/namespaces/{namespace}" : "";
  const nsParams = r.namespaced ? [NAMESPACE_PARAM] : [];
  const prefix = gvPrefix(r.group, r.version);
  const def = nameOf(r.model);
  const listDef = nameOf(`${r.model}List`);
  const statusDef = nameOf(META_MODELS.status);
  const deleteOptionsDef = nameOf(META_MODELS.deleteOptions);
  const watchDef = nameOf(META_MODELS.watchEvent);
  const gvk: GroupVersionKind = { group: r.group, version: r.version, kind: r.kind };
  const nameParam = (kind: string): PathParam => ({ name: "name", description: `name of the ${kind}` });
  const op = (o: Omit<Operation, "tag" | "gvk" | "consumes" | "produces" | "query"> & Partial<Pick<Operation, "gvk" | "consumes" | "produces" | "query">>): Operation => ({
    tag,
    gvk,
    consumes: "any",
    produces: "object",
    query: [],
    ...o,
  });
  const deleted = DELETE_RETURNS_OBJECT.has(`${r.group}/${r.plural}`) ? def : statusDef;
  const has = (v: string): boolean => (r.verbs as readonly string[]).includes(v);

  const out: PathItem[] = [
    {
      path: `${prefix}${nsSeg}/${r.plural}`,
      pathParams: nsParams,
      query: [PARAMS.pretty],
      operations: [
        has("list") && op({ method: "get", operationId: `list${gi}${ns}${r.kind}`, description: `list or watch objects of kind ${r.kind}`, action: "list", query: LIST_QUERY, produces: "list", responses: [OK(listDef)] }),
        has("create") && op({ method: "post", operationId: `create${gi}${ns}${r.kind}`, description: `create${article(r.kind)}${r.kind}`, action: "post", query: WRITE_QUERY, body: { ref: def, required: true }, responses: [OK(def), CREATED(def), ACCEPTED(def)] }),
        has("deletecollection") && op({ method: "delete", operationId: `delete${gi}Collection${ns}${r.kind}`, description: `delete collection of ${r.kind}`, action: "deletecollection", query: DELETECOLLECTION_QUERY, body: { ref: deleteOptionsDef, required: false }, responses: [OK(statusDef)] }),
      ].filter(isOp),
    },
    {
      path: `${prefix}${nsSeg}/${r.plural}/{name}`,
      pathParams: [nameParam(r.kind), ...nsParams],
      query: [PARAMS.pretty],
      operations: [
        has("get") && op({ method: "get", operationId: `read${gi}${ns}${r.kind}`, description: `read the specified ${r.kind}`, action: "get", responses: [OK(def)] }),
        has("update") && op({ method: "put", operationId: `replace${gi}${ns}${r.kind}`, description: `replace the specified ${r.kind}`, action: "put", query: WRITE_QUERY, body: { ref: def, required: true }, responses: [OK(def), CREATED(def)] }),
        has("delete") && op({ method: "delete", operationId: `delete${gi}${ns}${r.kind}`, description: `delete${article(r.kind)}${r.kind}`, action: "delete", query: DELETE_QUERY, body: { ref: deleteOptionsDef, required: false }, responses: [OK(deleted), ACCEPTED(deleted)] }),
        has("patch") && op({ method: "patch", operationId: `patch${gi}${ns}${r.kind}`, description: `partially update the specified ${r.kind}`, action: "patch", query: PATCH_QUERY, body: { ref: PATCH_DEF, required: true }, consumes: "patch", responses: [OK(def), CREATED(def)] }),
      ].filter(isOp),
    },
  ];
  if (r.namespaced && has("list")) {
    out.push({
      path: `${prefix}/${r.plural}`,
      pathParams: [],
      query: [...LIST_QUERY, PARAMS.pretty],
      operations: [op({ method: "get", operationId: `list${gi}${r.kind}ForAllNamespaces`, description: `list or watch objects of kind ${r.kind}`, action: "list", produces: "list", responses: [OK(listDef)] })],
    });
    if (has("watch")) out.push({
      path: `${prefix}/watch/${r.plural}`,
      pathParams: [],
      query: [...LIST_QUERY, PARAMS.pretty],
      operations: [op({ method: "get", operationId: `watch${gi}${r.kind}ListForAllNamespaces`, description: `watch individual changes to a list of ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead.`, action: "watchlist", produces: "watch", responses: [OK(watchDef)] })],
    });
  }
  if (has("watch")) out.push({
    path: `${prefix}/watch${nsSeg}/${r.plural}`,
    pathParams: nsParams,
    query: [...LIST_QUERY, PARAMS.pretty],
    operations: [op({ method: "get", operationId: `watch${gi}${ns}${r.kind}List`, description: `watch individual changes to a list of ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead.`, action: "watchlist", produces: "watch", responses: [OK(watchDef)] })],
  });
  if (has("watch")) out.push({
    path: `${prefix}/watch${nsSeg}/${r.plural}/{name}`,
    pathParams: [nameParam(r.kind), ...nsParams],
    query: [...LIST_QUERY, PARAMS.pretty],
    operations: [op({ method: "get", operationId: `watch${gi}${ns}${r.kind}`, description: `watch changes to an object of kind ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`, action: "watch", produces: "watch", responses: [OK(watchDef)] })],
  });
  for (const sub of r.subresources) out.push(...subresourcePaths(r, sub, { gi, ns, nsSeg, nsParams, prefix, def, op, nameParam }));
  return out.filter((p) => p.operations.length > 0).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

interface Ctx {
  gi: string;
  ns: string;
  nsSeg: string;
  nsParams: PathParam[];
  prefix: string;
  def: string;
  op: (o: Omit<Operation, "tag" | "gvk" | "consumes" | "produces" | "query"> & Partial<Pick<Operation, "gvk" | "consumes" | "produces" | "query">>) => Operation;
  nameParam: (kind: string) => PathParam;
}

/** The paths of one subresource; kinds and operationIds as kube-apiserver registers them. */
function subresourcePaths(r: ResourceInfo, sub: SubresourceName, c: Ctx): PathItem[] {
  const base = `${c.prefix}${c.nsSeg}/${r.plural}/{name}/${sub}`;
  const id = (verb: string, suffix: string): string => `${verb}${c.gi}${c.ns}${r.kind}${suffix}`;
  const item = (kind: string, operations: Operation[], path = base, extra: PathParam[] = [], query: QueryParam[] = [PARAMS.pretty]): PathItem => ({
    path,
    pathParams: [c.nameParam(kind), ...c.nsParams, ...extra],
    query,
    operations,
  });
  // get/put/patch of a view of the object (status, scale, ephemeralcontainers).
  const readWrite = (suffix: string, label: string, def: string, gvk: GroupVersionKind): PathItem =>
    item(gvk.kind, [
      c.op({ method: "get", operationId: id("read", suffix), description: `read ${label} of the specified ${r.kind}`, action: "get", gvk, responses: [OK(def)] }),
      c.op({ method: "put", operationId: id("replace", suffix), description: `replace ${label} of the specified ${r.kind}`, action: "put", gvk, query: WRITE_QUERY, body: { ref: def, required: true }, responses: [OK(def), CREATED(def)] }),
      c.op({ method: "patch", operationId: id("patch", suffix), description: `partially update ${label} of the specified ${r.kind}`, action: "patch", gvk, query: PATCH_QUERY, body: { ref: PATCH_DEF, required: true }, consumes: "patch", responses: [OK(def), CREATED(def)] }),
    ]);
  const create = (suffix: string, def: string, gvk: GroupVersionKind): PathItem =>
    item(gvk.kind, [c.op({ method: "post", operationId: id("create", suffix), description: `create ${suffix.toLowerCase()} of${article(r.kind)}${r.kind}`, action: "post", gvk, query: WRITE_QUERY, body: { ref: def, required: true }, responses: [OK(def), CREATED(def), ACCEPTED(def)] })]);
  const connect = (suffix: string, kind: string, methods: readonly Method[], query: QueryParam[], path = base, extra: PathParam[] = [], pathSuffix = ""): PathItem =>
    item(
      kind,
      methods.map((m) =>
        c.op({ method: m, operationId: `connect${c.gi}${capitalize(m)}${c.ns}${r.kind}${suffix}${pathSuffix}`, description: `connect ${m.toUpperCase()} requests to ${sub} of ${r.kind}`, action: "connect", gvk: { group: r.group, version: r.version, kind }, produces: "connect", responses: [OK()] }),
      ),
      path,
      extra,
      query,
    );
  const self: GroupVersionKind = { group: r.group, version: r.version, kind: r.kind };
  switch (sub) {
    case "status":
      return [readWrite("Status", "status", c.def, self)];
    case "ephemeralcontainers":
      return [readWrite("Ephemeralcontainers", "ephemeralcontainers", c.def, self)];
    case "scale":
      return [readWrite("Scale", "scale", nameOf("V1Scale"), { group: "autoscaling", version: "v1", kind: "Scale" })];
    case "binding":
      return [create("Binding", nameOf("V1Binding"), { group: "", version: "v1", kind: "Binding" })];
    case "eviction":
      return [create("Eviction", nameOf("V1Eviction"), { group: "policy", version: "v1", kind: "Eviction" })];
    case "log":
      return [item(r.kind, [c.op({ method: "get", operationId: id("read", "Log"), description: `read log of the specified ${r.kind}`, action: "get", produces: "text", responses: [OK()] })], base, [], [...LOG_QUERY, PARAMS.pretty])];
    case "exec":
      return [connect("Exec", "PodExecOptions", ["get", "post"], EXEC_QUERY)];
    case "attach":
      return [connect("Attach", "PodAttachOptions", ["get", "post"], ATTACH_QUERY)];
    case "portforward":
      return [connect("Portforward", "PodPortForwardOptions", ["get", "post"], [PARAMS.ports])];
    case "proxy": {
      const kind = `${r.kind}ProxyOptions`;
      return [
        connect("Proxy", kind, PROXY_METHODS, [PARAMS.path]),
        connect("Proxy", kind, PROXY_METHODS, [], `${base}/{path}`, [{ name: "path", description: "path to the resource" }], "WithPath"),
      ];
    }
    case "finalize":
      return [item(r.kind, [c.op({ method: "put", operationId: id("replace", "Finalize"), description: `replace finalize of the specified ${r.kind}`, action: "put", query: WRITE_QUERY, body: { ref: c.def, required: true }, responses: [OK(c.def), CREATED(c.def)] })])];
    case "approval":
      return [readWrite("Approval", "approval", c.def, self)];
  }
}

/** The discovery paths of a group version, a group, /api, /apis and /version. */
export function discoveryPath(kind: "resources" | "group" | "api" | "apis" | "version", group = "", version = ""): PathItem {
  const get = (operationId: string, description: string, model: string, tag: string): PathItem => ({
    path: "",
    pathParams: [],
    query: [],
    operations: [{ method: "get", operationId, description, tag, query: [], consumes: "any", produces: "object", responses: [OK(nameOf(model))] } as Operation],
  });
  switch (kind) {
    case "resources":
      return { ...get(`get${groupIdent(group)}${capitalize(version)}APIResources`, "get available resources", META_MODELS.apiResourceList, tagOf(group, version)), path: `${gvPrefix(group, version)}/` };
    case "group":
      return { ...get(`get${groupIdent(group)}APIGroup`, "get information of a group", META_MODELS.apiGroup, tagOf(group, "").replace(/_$/, "")), path: `/apis/${group}/` };
    case "api":
      return { ...get("getCoreAPIVersions", "get available API versions", META_MODELS.apiVersions, "core"), path: "/api/" };
    case "apis":
      return { ...get("getAPIVersions", "get available API versions", META_MODELS.apiGroupList, "apis"), path: "/apis/" };
    case "version":
      return { ...get("getCodeVersion", "get the version information for this server", META_MODELS.versionInfo, "version"), path: "/version/" };
  }
}

/** " a ", " an " or " " before a kind, as the installer's GetArticleForNoun ("create Endpoints", "create a PriorityClass"). */
function article(kind: string): string {
  if (kind.endsWith("s") && !kind.endsWith("ss")) return " ";
  return /^[aeiou]/i.test(kind) ? " an " : " a ";
}

function isOp(o: Operation | false): o is Operation {
  return o !== false;
}
