/**
 * Parsing a resource URL into what it addresses, following kube-apiserver's
 * RequestInfoFactory: /api/v1/..., /apis/{group}/{version}/..., optional /watch/,
 * /namespaces/{ns}/..., then {resource}[/{name}[/{subresource}]].
 */
import type { Verb } from "../registry/types.js";

export interface RequestInfo {
  readonly group: string;
  readonly version: string;
  readonly namespace: string;
  readonly resource: string;
  readonly name: string;
  readonly subresource: string;
  readonly verb: Verb | "connect";
}

// Subresources of a namespace itself: /api/v1/namespaces/{name}/status is the namespace's status.
const namespaceSubresources = new Set(["status", "finalize"]);

/** Undefined when the path is not a resource path (discovery, health...). */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo | undefined {
  const parts = path.split("/").filter((p) => p.length > 0).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 3) {
    group = "";
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else return undefined;

  let watchPath = false;
  if (rest[0] === "watch") {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace = "";
  if (rest[0] === "namespaces" && rest.length > 1) {
    namespace = rest[1]!;
    if (rest.length > 2 && !namespaceSubresources.has(rest[2]!)) rest = rest.slice(2);
  }
  const resource = rest[0] ?? "";
  const name = rest[1] ?? "";
  const subresource = rest.slice(2).join("/");
  if (!resource) return undefined;
  // /api/v1/namespaces/{name}: the namespace is the object, not a scope.
  if (resource === "namespaces") namespace = "";

  const isWatch = watchPath || truthy(query.get("watch"));
  let verb: RequestInfo["verb"];
  switch (method) {
    case "GET":
    case "HEAD":
      verb = isWatch ? "watch" : name ? "get" : "list";
      break;
    case "POST":
      verb = "create";
      break;
    case "PUT":
      verb = "update";
      break;
    case "PATCH":
      verb = "patch";
      break;
    case "DELETE":
      verb = name ? "delete" : "deletecollection";
      break;
    default:
      verb = "connect";
  }
  if (["exec", "attach", "portforward", "proxy"].includes(subresource)) verb = "connect";
  return { group, version, namespace, resource, name, subresource, verb };
}

function truthy(v: string | null): boolean {
  return v !== null && v !== "" && v !== "false" && v !== "0";
}
