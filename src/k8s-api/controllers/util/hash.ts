/**
 * The pod-template-hash (controller.ComputeHash). Upstream feeds a 32-bit FNV-1a
 * hasher with the template as printed by hashutil.DeepHashObject (go-spew over the Go
 * struct), then the collisionCount as 8 little-endian bytes, and renders the decimal
 * sum through rand.SafeEncodeString. go-spew's output depends on Go struct layout and
 * types we do not have, so berth hashes the template's canonical JSON (keys sorted,
 * no insignificant whitespace) instead; the rest (FNV-1a 32, collision bytes,
 * SafeEncodeString) is upstream's. Hashes are therefore stable within berth and have
 * upstream's shape (up to ten characters of "bcdfghjklmnpqrstvwxz2456789"), but differ
 * from the values kube-controller-manager would compute for the same template.
 */

/** FNV-1a, 32 bits, over bytes; continue from `h` to hash in parts. */
export function fnv32a(bytes: Uint8Array, h = 0x811c9dc5): number {
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const alphanums = "bcdfghjklmnpqrstvwxz2456789";

/** k8s.io/apimachinery/pkg/util/rand.SafeEncodeString: no vowels, no confusable characters. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += alphanums[(ch.codePointAt(0) ?? 0) % alphanums.length];
  return out;
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** controller.ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
