/**
 * Content negotiation for the discovery endpoints: kubectl asks for aggregated discovery
 * first (`application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`), then
 * v2beta1, then plain JSON; anything else that names JSON or YAML gets the legacy document.
 * Clauses come in goautoneg's order, as kube-apiserver negotiates them.
 */
import { parseAccept } from "../accept.js";

export type DiscoveryFormat =
  | { readonly kind: "aggregated"; readonly version: "v2" | "v2beta1" }
  | { readonly kind: "legacy"; readonly mediaType: "application/json" | "application/yaml" };

/**
 * The first representation of a discovery document the Accept header allows; undefined: 406.
 * Only /api and /apis offer the aggregated document (`aggregated`); elsewhere such a clause
 * is skipped like any other conversion the endpoint does not offer.
 */
export function negotiateDiscovery(accept: string | undefined, aggregated = true): DiscoveryFormat | undefined {
  for (const c of parseAccept(accept?.trim() ? accept : "*/*")) {
    const as = c.params.get("as");
    if (as !== undefined) {
      if (!aggregated || c.type !== "application" || c.subType !== "json") continue;
      const g = c.params.get("g");
      const v = c.params.get("v");
      if (as === "APIGroupDiscoveryList" && g === "apidiscovery.k8s.io" && (v === "v2" || v === "v2beta1")) return { kind: "aggregated", version: v };
      continue;
    }
    if ((c.type === "application" || c.type === "*") && (c.subType === "json" || c.subType === "*")) return { kind: "legacy", mediaType: "application/json" };
    if (c.type === "application" && c.subType === "yaml") return { kind: "legacy", mediaType: "application/yaml" };
  }
  return undefined;
}
