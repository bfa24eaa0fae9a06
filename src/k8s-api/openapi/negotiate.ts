/**
 * Accept negotiation for the OpenAPI endpoints. kube-openapi offers JSON and protobuf;
 * berth offers JSON, plus protobuf for /openapi/v2 only, so a header is acceptable when some
 * clause (q > 0) matches application/json: application/json itself, application/*, or * / *.
 */
import { parseAccept } from "../accept.js";

/** /openapi/v2 also offers gnostic's protobuf, as kube-openapi does (JSON first, its order). */
export const OPENAPI_V2_PROTOBUF_TYPES = ["com.github.proto-openapi.spec.v2@v1.0+protobuf", "com.github.proto-openapi.spec.v2.v1.0+protobuf"];

export function negotiateOpenApiV2(accept: string | undefined): "application/json" | "protobuf" | undefined {
  for (const c of parseAccept(accept?.trim() ? accept : "*/*")) {
    if (c.type !== "application" && c.type !== "*") continue;
    if (c.subType === "json" || c.subType === "*") return "application/json";
    if (OPENAPI_V2_PROTOBUF_TYPES.includes(c.subType)) return "protobuf";
  }
  return undefined;
}

export function negotiateOpenApi(accept: string | undefined): "application/json" | undefined {
  for (const c of parseAccept(accept?.trim() ? accept : "*/*")) {
    if ((c.type === "application" || c.type === "*") && (c.subType === "json" || c.subType === "*")) return "application/json";
  }
  return undefined;
}
