/**
 * Scalar quantity arithmetic the allocator needs for quota and headroom, after Mesos'
 * ResourceQuantities (absent means zero) and ResourceLimits (absent means no limit), and
 * shrinkResources() in src/common/resources_utils.cpp.
 */
import { Resources, scalarAdd } from "../../mesos/resources.js";
import type { Resource } from "../../mesos/v1.js";
import type { Quantities } from "./sorter.js";

export function scalarQuantities(r: Resources): Quantities {
  const q: Quantities = new Map();
  const items = r.list;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x.type !== "SCALAR") continue;
    const prev = q.get(x.name);
    q.set(x.name, prev === undefined ? (x.scalar?.value ?? 0) : scalarAdd(prev, x.scalar?.value ?? 0));
  }
  return q;
}

/** Record -> Map; `keepZero` for limits, where 0 is a real (exhausted) limit. */
export function fromRecord(r: Record<string, number> | undefined, keepZero = false): Quantities {
  const q: Quantities = new Map();
  for (const [k, v] of Object.entries(r ?? {})) if (v > 0 || (keepZero && v === 0)) q.set(k, v);
  return q;
}

export function toRecord(q: Quantities): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of q) out[k] = v;
  return out;
}

/** into += sign * q, dropping entries that reach zero. */
export function addInto(into: Quantities, q: Quantities, sign: 1 | -1 = 1): void {
  for (const [k, v] of q) {
    const n = scalarAdd(into.get(k) ?? 0, sign * v);
    if (n > 0) into.set(k, n);
    else into.delete(k);
  }
}

/** a - b clamped at zero (ResourceQuantities::operator-). */
export function minus(a: Quantities, b: Quantities): Quantities {
  const out: Quantities = new Map();
  for (const [k, v] of a) {
    const n = scalarAdd(v, -(b.get(k) ?? 0));
    if (n > 0) out.set(k, n);
  }
  return out;
}

/** Element-wise minimum of limits (absent = unlimited). */
export function minLimits(a: Quantities | undefined, b: Quantities): Quantities {
  if (!a) return new Map(b);
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, Math.min(v, out.get(k) ?? Infinity));
  return out;
}

function shrink(res: Resources, target: Quantities, absentIsZero: boolean): Resources {
  const left = new Map(target);
  const out: Resource[] = [];
  for (const r of res) {
    const t = left.get(r.name);
    if (t === undefined) {
      if (!absentIsZero) out.push(r);
      continue;
    }
    if (r.type !== "SCALAR" || t <= 0) continue;
    const v = Math.min(r.scalar?.value ?? 0, t);
    if (v <= 0) continue;
    out.push({ ...r, scalar: { value: v } });
    left.set(r.name, scalarAdd(t, -v));
  }
  return Resources.from(out);
}

/** Shrink scalar resources down to the quantities; names absent from `target` are dropped. */
export function shrinkToQuantities(res: Resources, target: Quantities): Resources {
  return target.size === 0 ? Resources.EMPTY : shrink(res, target, true);
}

/** Shrink scalar resources down to the limits; names absent from `limits` are kept. */
export function shrinkToLimits(res: Resources, limits: Quantities): Resources {
  return limits.size === 0 ? res : shrink(res, limits, false);
}

/** Resources::contains(ResourceQuantities): scalars by value, ranges by size, sets by items. */
export function containsQuantities(res: Resources, q: Record<string, number>): boolean {
  for (const k in q) if (res.quantity(k) + 1e-9 < q[k]!) return false;
  return true;
}

/** limits - consumed, keeping exhausted names at 0 (a ResourceLimits: absent would mean unlimited). */
export function limitsMinus(limits: Quantities, consumed: Quantities): Quantities {
  const out: Quantities = new Map();
  for (const [k, v] of limits) out.set(k, Math.max(0, scalarAdd(v, -(consumed.get(k) ?? 0))));
  return out;
}
