/**
 * What representation a GET or LIST answers with, negotiated from the Accept header as
 * k8s.io/apiserver/pkg/endpoints/handlers/negotiation does for a resource endpoint:
 * clauses ordered as goautoneg orders them, `as`/`g`/`v` asking for a meta.k8s.io Table
 * or PartialObjectMetadata(List), 406 NotAcceptable when no clause can be served.
 * Also the includeObject option of Tables and the PartialObjectMetadata shapes.
 */
import { StatusError, badRequest } from "../errors.js";
import type { KubeObject } from "../types.js";
import { goQuote } from "../selectors/go-format.js";
import type { ResourceInfo } from "../registry/types.js";
import type { ListMeta } from "./types.js";
import type { IncludeObject } from "./table.js";
import { parseAccept } from "../accept.js";

export type MetaVersion = "v1" | "v1beta1";

/** The outcome of negotiation: the object itself, or a conversion to a meta.k8s.io kind. */
export type NegotiatedOutput =
  | { readonly as: "Object"; readonly mediaType: string; readonly pretty: boolean; readonly stream?: string }
  | {
      readonly as: "Table" | "PartialObjectMetadata" | "PartialObjectMetadataList";
      readonly version: MetaVersion;
      readonly mediaType: string;
      readonly pretty: boolean;
      readonly stream?: string;
    };

export interface NegotiateOptions {
  /** Media types the server writes, in preference order (default: application/json only). */
  readonly mediaTypes?: readonly string[];
}

const streamingMediaTypes = new Set(["application/json", "application/vnd.kubernetes.protobuf"]);

/** acceptMediaTypeOptions with RequestScope's restrictions: undefined when this media type cannot serve the clause. */
function acceptClause(params: ReadonlyMap<string, string>, mediaType: string): NegotiatedOutput | undefined {
  let kind: string | undefined;
  let group = "";
  let version = "";
  let convert = false;
  let stream: string | undefined;
  let pretty = false;
  for (const [k, v] of params) {
    switch (k) {
      case "as":
        convert = true;
        kind = v;
        break;
      case "g":
        convert = true;
        group = v;
        break;
      case "v":
        convert = true;
        version = v;
        break;
      case "stream":
        if (v.length > 0 && (!streamingMediaTypes.has(mediaType) || v !== "watch")) return undefined;
        stream = v;
        break;
      case "sv":
        if (v.length > 0 && v !== "v1") return undefined;
        break;
      case "pretty":
        pretty = v === "1";
        break;
      default:
        // export, profile and unrecognized parameters do not change what is served
        break;
    }
  }
  const extra = stream !== undefined ? { stream } : {};
  if (!convert) return { as: "Object", mediaType, pretty, ...extra };
  if (group !== "meta.k8s.io" || (version !== "v1" && version !== "v1beta1")) return undefined;
  switch (kind) {
    case "Table":
      if (mediaType !== "application/json" && mediaType !== "application/yaml") return undefined;
      return { as: "Table", version, mediaType, pretty, ...extra };
    case "PartialObjectMetadata":
    case "PartialObjectMetadataList":
      return { as: kind, version, mediaType, pretty, ...extra };
    default:
      return undefined;
  }
}

/**
 * Negotiate the response of a resource endpoint from its Accept header (NegotiateOutputMediaType).
 * No header means the object as the first media type. Throws 406 NotAcceptable
 * ("only the following media types are accepted: application/json") when nothing fits.
 */
export function negotiateAs(acceptHeader: string | null | undefined, options: NegotiateOptions = {}): NegotiatedOutput {
  const mediaTypes = options.mediaTypes && options.mediaTypes.length > 0 ? options.mediaTypes : ["application/json"];
  if (!acceptHeader) return { as: "Object", mediaType: mediaTypes[0]!, pretty: false };
  for (const clause of parseAccept(acceptHeader)) {
    for (const mt of mediaTypes) {
      const [type, subType] = mt.split("/") as [string, string];
      const fits = (clause.type === type && clause.subType === subType) || (clause.type === type && clause.subType === "*") || (clause.type === "*" && clause.subType === "*");
      if (!fits) continue;
      const out = acceptClause(clause.params, mt);
      if (out) return out;
    }
  }
  throw new StatusError(406, "NotAcceptable", `only the following media types are accepted: ${mediaTypes.join(", ")}`);
}

/**
 * The includeObject query parameter of a Table request (ValidateTableOptions): "" (the
 * default, Metadata), None, Metadata or Object; anything else is a 400 BadRequest.
 */
export function includeObjectFrom(value: string | null | undefined): IncludeObject | "" {
  const v = value ?? "";
  if (v === "" || v === "None" || v === "Metadata" || v === "Object") return v;
  throw badRequest(`Unable to convert to Table as requested: includeObject: Invalid value: ${goQuote(v)}: must be 'Metadata', 'Object', 'None', or empty`);
}

/** The Go type kube-apiserver names in its 406 messages ("*core.PodList", "*apps.Deployment"). */
function goTypeName(resource: Pick<ResourceInfo, "group" | "kind">, list: boolean): string {
  // events.k8s.io Events are served from the core Event storage.
  const pkg = resource.group === "" || resource.group === "events.k8s.io" ? "core" : resource.group.split(".")[0]!;
  return `*${pkg}.${resource.kind}${list ? "List" : ""}`;
}

/** meta.AsPartialObjectMetadata of one object, in meta.k8s.io/<version>. */
export function asPartialObjectMetadata(obj: KubeObject, version: MetaVersion = "v1"): { kind: "PartialObjectMetadata"; apiVersion: string; metadata: unknown } {
  return { kind: "PartialObjectMetadata", apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata ?? {} };
}

/** A PartialObjectMetadataList of a list's items, with the list's metadata. */
export function asPartialObjectMetadataList(
  items: readonly KubeObject[],
  listMeta: ListMeta,
  version: MetaVersion = "v1",
): { kind: "PartialObjectMetadataList"; apiVersion: string; metadata: ListMeta; items: ReturnType<typeof asPartialObjectMetadata>[] } {
  const metadata: ListMeta = {};
  if (listMeta.resourceVersion) metadata.resourceVersion = listMeta.resourceVersion;
  if (listMeta.continue) metadata.continue = listMeta.continue;
  if (listMeta.remainingItemCount !== undefined && listMeta.remainingItemCount !== null) metadata.remainingItemCount = listMeta.remainingItemCount;
  return { kind: "PartialObjectMetadataList", apiVersion: `meta.k8s.io/${version}`, metadata, items: items.map((i) => asPartialObjectMetadata(i, version)) };
}

/**
 * The 406 for asking a list as PartialObjectMetadata, or one object as
 * PartialObjectMetadataList (doTransformObject's messages).
 */
export function partialMetadataMismatch(resource: Pick<ResourceInfo, "group" | "kind">, asked: "PartialObjectMetadata" | "PartialObjectMetadataList"): StatusError {
  const msg =
    asked === "PartialObjectMetadata"
      ? `you requested PartialObjectMetadata, but the requested object is a list (${goTypeName(resource, true)})`
      : `you requested PartialObjectMetadataList, but the requested object is not a list (${goTypeName(resource, false)})`;
  return new StatusError(406, "NotAcceptable", msg);
}
