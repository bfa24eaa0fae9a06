/**
 * Request bodies in application/vnd.kubernetes.protobuf (what kubectl's typed clients send):
 * the "k8s\0" magic, then a runtime.Unknown envelope whose raw bytes are the object's
 * generated.proto message. Decoded to the JSON object kube-apiserver would have for it.
 */
import protobuf from "protobufjs";
import { StatusError, badRequest } from "../errors.js";
import { lookupMessage } from "./schema.js";
import { messageToJson } from "./to-json.js";

export const PROTOBUF_MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

/** Group -> k8s.io/api package: the group's first DNS label ("rbac.authorization.k8s.io" -> rbac). */
function apiPackage(group: string): string {
  return group === "" ? "core" : group.split(".")[0]!;
}

/** Option kinds registered in every group version (metav1.AddToGroupVersion). */
const META_KINDS = new Set(["DeleteOptions", "CreateOptions", "UpdateOptions", "PatchOptions", "GetOptions", "ListOptions"]);

function messageName(group: string, version: string, kind: string): string {
  if (META_KINDS.has(kind) || group === "meta.k8s.io") return `k8s.io.apimachinery.pkg.apis.meta.v1.${kind}`;
  return `k8s.io.api.${apiPackage(group)}.${version}.${kind}`;
}

interface Envelope {
  typeMeta?: { apiVersion?: string; kind?: string };
  raw?: Uint8Array;
  contentEncoding?: string;
}

/** Decode one protobuf-encoded object (the whole request body). */
export function decodeProtobufObject(raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest("the body of the request is empty");
  if (raw.length < MAGIC.length || !raw.subarray(0, MAGIC.length).equals(MAGIC))
    throw badRequest(`provided data does not appear to be a protobuf message, expected prefix [${[...MAGIC].join(" ")}]`);
  const unknownType = lookupMessage("k8s.io.apimachinery.pkg.runtime.Unknown")!;
  const envelope = decode(unknownType, raw.subarray(MAGIC.length)) as Envelope;
  const apiVersion = envelope.typeMeta?.apiVersion ?? "";
  const kind = envelope.typeMeta?.kind ?? "";
  if (!kind) throw badRequest(`Object 'Kind' is missing in '${raw.subarray(0, 30).toString("hex")}'`);
  if (envelope.contentEncoding) throw badRequest(`unsupported protobuf content encoding "${envelope.contentEncoding}"`);
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const type = lookupMessage(messageName(group, version, kind));
  if (!type)
    // runtime.notRegisteredErr, as kube-apiserver's legacy scheme words it.
    throw new StatusError(400, "BadRequest", `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  const body = messageToJson(type, decode(type, envelope.raw ?? new Uint8Array()) as Record<string, unknown>) as Record<string, unknown>;
  // TypeMeta is inline and untagged in Go, so it comes from the envelope (written first, like encoding/json).
  return { kind, apiVersion, ...body };
}

function decode(type: protobuf.Type, bytes: Uint8Array): object {
  try {
    return type.decode(bytes);
  } catch (e) {
    throw badRequest(`unable to decode protobuf ${type.name}: ${(e as Error).message}`);
  }
}
