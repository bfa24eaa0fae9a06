/**
 * Kubernetes resource quantities ("100m", "1.5", "64Mi", "1G", "129e6") as plain
 * numbers, the little of apimachinery's resource.Quantity the framework needs.
 */

import { parseQuantity as parseExact } from "../k8s-api/validation/quantity.js";

/** The value of a quantity, or undefined when it does not parse (the API's exact parser, as a float). */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === "number") return q;
  const e = parseExact(q);
  return e === undefined ? undefined : Number(e.mantissa) * 10 ** e.exp10 * 2 ** e.exp2;
}

/** cpu quantity -> cores. */
export function cpuCores(q: string | undefined): number | undefined {
  return parseQuantity(q);
}

/** memory/storage quantity -> MiB (Mesos' unit). */
export function mebibytes(q: string | undefined): number | undefined {
  const v = parseQuantity(q);
  return v === undefined ? undefined : v / 2 ** 20;
}

/** cores -> a canonical cpu quantity ("2", "500m"). */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** MiB -> a canonical binary quantity ("16Gi", "1536Mi", "123Ki"). */
export function formatMebibytes(mib: number): string {
  const ki = Math.round(mib * 1024);
  if (ki % (1024 * 1024) === 0) return `${ki / (1024 * 1024)}Gi`;
  if (ki % 1024 === 0) return `${ki / 1024}Mi`;
  return `${ki}Ki`;
}
