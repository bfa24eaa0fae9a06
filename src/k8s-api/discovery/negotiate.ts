/**
 * Content negotiation for the discovery endpoints: kubectl asks for aggregated discovery
 * first (`application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`), then
 * v2beta1, then plain JSON; anything else that names JSON or YAML gets the legacy document.
 */

export type DiscoveryFormat =
  | { readonly kind: "aggregated"; readonly version: "v2" | "v2beta1" }
  | { readonly kind: "legacy"; readonly mediaType: "application/json" | "application/yaml" };

interface Clause {
  readonly type: string;
  readonly subtype: string;
  readonly params: ReadonlyMap<string, string>;
  readonly q: number;
  readonly index: number;
}

/** Parse an Accept header into clauses ordered by quality (then by position), like goautoneg. */
export function parseAccept(header: string | undefined): Clause[] {
  const text = header && header.trim() ? header : "*/*";
  const out: Clause[] = [];
  text.split(",").forEach((raw, index) => {
    const [range, ...paramParts] = raw.split(";").map((s) => s.trim());
    if (!range) return;
    const [type, subtype] = range.toLowerCase().split("/");
    const params = new Map<string, string>();
    let q = 1;
    for (const p of paramParts) {
      const eq = p.indexOf("=");
      if (eq < 0) continue;
      const k = p.slice(0, eq).trim().toLowerCase();
      const v = p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
      if (k === "q") q = Number.isFinite(Number(v)) ? Number(v) : 0;
      else params.set(k, v);
    }
    if (type && q > 0) out.push({ type, subtype: subtype ?? "*", params, q, index });
  });
  return out.sort((a, b) => b.q - a.q || a.index - b.index);
}

/**
 * The first representation of a discovery document the Accept header allows; undefined: 406.
 * Only /api and /apis offer the aggregated document (`aggregated`); elsewhere such a clause
 * is skipped like any other conversion the endpoint does not offer.
 */
export function negotiateDiscovery(accept: string | undefined, aggregated = true): DiscoveryFormat | undefined {
  for (const c of parseAccept(accept)) {
    const as = c.params.get("as");
    if (as !== undefined) {
      if (!aggregated || c.type !== "application" || c.subtype !== "json") continue;
      const g = c.params.get("g");
      const v = c.params.get("v");
      if (as === "APIGroupDiscoveryList" && g === "apidiscovery.k8s.io" && (v === "v2" || v === "v2beta1")) return { kind: "aggregated", version: v };
      continue;
    }
    if ((c.type === "application" || c.type === "*") && (c.subtype === "json" || c.subtype === "*")) return { kind: "legacy", mediaType: "application/json" };
    if (c.type === "application" && c.subtype === "yaml") return { kind: "legacy", mediaType: "application/yaml" };
  }
  return undefined;
}
