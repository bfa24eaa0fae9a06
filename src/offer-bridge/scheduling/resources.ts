/**
 * Resource amounts as kube-scheduler keeps them (framework.Resource): integers, cpu in
 * millicores, everything else in base units, extended ("scalar") resources by name.
 * Quantities are summed exactly (bigint) and converted once, rounding up like
 * resource.Quantity's MilliValue()/Value().
 */
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from "../../k8s-api/validation/quantity.js";

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources, hugepages-*, attachable-volumes-* (schedutil.IsScalarResourceName). */
  scalar: Map<string, number>;
}

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: new Map() };
}

/** schedutil.IsScalarResourceName: extended (domain-prefixed), hugepages, attachable volumes, prefixed native. */
export function isScalarResourceName(name: string): boolean {
  return name.includes("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

/** ceil(q * 10^shift) as a number (shift 3 gives MilliValue, 0 gives Value). */
export function scaledCeil(q: Quantity, shift: number): number {
  let n = q.mantissa * 2n ** BigInt(q.exp2);
  const e = q.exp10 + shift;
  if (e >= 0) n *= 10n ** BigInt(e);
  else {
    const d = 10n ** BigInt(-e);
    const r = n % d;
    n = n / d + (r > 0n ? 1n : 0n);
  }
  return Number(n);
}

/** An exact resource list: name -> Quantity (v1.ResourceList). */
export type QuantityList = Map<string, Quantity>;

export function parseResourceList(src: Record<string, string | number> | undefined): QuantityList {
  const out: QuantityList = new Map();
  if (!src) return out;
  for (const k of Object.keys(src)) {
    const q = parseQuantity(src[k]);
    if (q) out.set(k, q);
  }
  return out;
}

export function addList(into: QuantityList, add: QuantityList): void {
  for (const [k, q] of add) {
    const cur = into.get(k);
    into.set(k, cur ? addQuantity(cur, q) : q);
  }
}

export function maxList(into: QuantityList, other: QuantityList): void {
  for (const [k, q] of other) {
    const cur = into.get(k);
    if (!cur || compareQuantity(q, cur) > 0) into.set(k, q);
  }
}

/** framework.Resource.SetMaxResource from an empty Resource. */
export function toResources(list: QuantityList): Resources {
  const r = emptyResources();
  for (const [k, q] of list) {
    if (k === "cpu") r.milliCPU = scaledCeil(q, 3);
    else if (k === "memory") r.memory = scaledCeil(q, 0);
    else if (k === "ephemeral-storage") r.ephemeralStorage = scaledCeil(q, 0);
    else if (isScalarResourceName(k)) r.scalar.set(k, scaledCeil(q, 0));
  }
  return r;
}

/** Node allocatable: Resources plus the pod count (status.allocatable.pods). */
export interface Allocatable extends Resources {
  pods: number;
}

/** Allocatable from a node's status.allocatable (strings or numbers, as in V1Node). */
export function parseAllocatable(src: Record<string, string | number> | undefined): Allocatable {
  const list = parseResourceList(src);
  const r = toResources(list);
  const pods = list.get("pods");
  return { ...r, pods: pods ? scaledCeil(pods, 0) : 0 };
}
