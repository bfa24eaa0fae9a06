/**
 * Accept negotiation for the OpenAPI endpoints. kube-openapi offers JSON and protobuf;
 * berth offers JSON only, so a header is acceptable when some clause (q > 0) matches
 * application/json: application/json itself, application/*, or * / *.
 */
import { parseAccept } from "../discovery/negotiate.js";

export function negotiateOpenApi(accept: string | undefined): "application/json" | undefined {
  for (const c of parseAccept(accept)) {
    if ((c.type === "application" || c.type === "*") && (c.subtype === "json" || c.subtype === "*")) return "application/json";
  }
  return undefined;
}
