/**
 * resource.Quantity values, exact: "100m", "1.5Gi", "2e3", 4. Enough to compare and sum
 * them (requests <= limits, QoS class) without floating-point surprises.
 */

/** value = mantissa * 10^exp10 * 2^exp2. */
export interface Quantity {
  readonly mantissa: bigint;
  readonly exp10: number;
  readonly exp2: number;
}

const quantityRe = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimalSuffixes: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parse a quantity as it appears in JSON (string or number); undefined when malformed. */
export function parseQuantity(v: unknown): Quantity | undefined {
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : undefined;
  if (s === undefined || s === "") return undefined;
  const m = quantityRe.exec(s);
  if (!m) return undefined;
  const num = m[1]!;
  const suffix = m[2]!;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return undefined;
  const negative = num.startsWith("-");
  const digits = num.replace(/^[+-]/, "");
  const [intPart = "", fracPart = ""] = digits.split(".");
  let mantissa = BigInt((intPart + fracPart).replace(/^0+(?=\d)/, "") || "0");
  if (negative) mantissa = -mantissa;
  let exp10 = -fracPart.length;
  let exp2 = 0;
  if (suffix in binarySuffixes) exp2 = binarySuffixes[suffix]!;
  else if (suffix in decimalSuffixes) exp10 += decimalSuffixes[suffix]!;
  else if (/^[eE][-+]?\d+$/.test(suffix)) exp10 += Number(suffix.slice(1));
  else return undefined;
  return { mantissa, exp10, exp2 };
}

/** a compared with b: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const e10 = Math.min(a.exp10, b.exp10);
  const e2 = Math.min(a.exp2, b.exp2);
  const scale = (q: Quantity) => q.mantissa * 10n ** BigInt(q.exp10 - e10) * 2n ** BigInt(q.exp2 - e2);
  const x = scale(a);
  const y = scale(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a + b, exactly. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const e10 = Math.min(a.exp10, b.exp10);
  const e2 = Math.min(a.exp2, b.exp2);
  const scale = (q: Quantity) => q.mantissa * 10n ** BigInt(q.exp10 - e10) * 2n ** BigInt(q.exp2 - e2);
  return { mantissa: scale(a) + scale(b), exp10: e10, exp2: e2 };
}

/** The quantity 0. */
export const ZERO: Quantity = { mantissa: 0n, exp10: 0, exp2: 0 };

/** Whether q > 0. */
export function isPositive(q: Quantity): boolean {
  return q.mantissa > 0n;
}

/** Whether q is a whole number (for integer resources such as pods or hugepages counts). */
export function isWhole(q: Quantity): boolean {
  if (q.exp10 >= 0) return true;
  return (q.mantissa * 2n ** BigInt(Math.max(0, q.exp2))) % 10n ** BigInt(-q.exp10) === 0n;
}
