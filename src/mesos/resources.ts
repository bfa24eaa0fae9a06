/**
 * Mesos' Resources semantics (src/common/resources.cpp, src/common/values.cpp) over the
 * v1 JSON `Resource`. Immutable: every operation returns a new `Resources`.
 *
 * - Resources with the same name, type, reservation stack, disk, allocation_info and
 *   sharedness combine: scalars add in Mesos' fixed point (3 decimals), ranges merge
 *   (coalescing adjacent ones), sets union. Persistent volumes (disk.persistence) never
 *   combine; a shared resource is kept once per copy, as Mesos' shared counts.
 * - Empty and invalid resources are dropped on the way in, as Mesos' `Resources(list)`.
 * - `subtract` follows Mesos: it never throws; subtracting what is not contained removes
 *   what overlaps, and a scalar that would go negative disappears (clamps to nothing).
 */
import type { ReservationInfo, Resource, Range } from "./v1.js";

// ---- scalars in fixed point (values.cpp convertToFixed/convertToFloating) -------------

function toFixed(v: number): number {
  // llround: half away from zero.
  return v < 0 ? -Math.round(-v * 1000) : Math.round(v * 1000);
}
function fromFixed(f: number): number {
  const q = Math.trunc(f / 1000);
  return q + (f - q * 1000) / 1000;
}
/** Mesos' scalar addition (and subtraction with a negative b): exact to 3 decimals. */
export function scalarAdd(a: number, b: number): number {
  return fromFixed(toFixed(a) + toFixed(b));
}
function scalarRound(v: number): number {
  return fromFixed(toFixed(v));
}

// ---- ranges ----------------------------------------------------------------------------

/** Sort and merge overlapping or adjacent ranges (values.cpp coalesce). */
export function coalesceRanges(list: readonly Range[]): Range[] {
  if (list.length === 0) return [];
  const s = [...list].sort((a, b) => a.begin - b.begin || a.end - b.end);
  const out: Range[] = [];
  let cur = { begin: s[0]!.begin, end: s[0]!.end };
  for (let i = 1; i < s.length; i++) {
    const r = s[i]!;
    if (r.begin <= cur.end + 1) cur.end = Math.max(cur.end, r.end);
    else {
      out.push(cur);
      cur = { begin: r.begin, end: r.end };
    }
  }
  out.push(cur);
  return out;
}

function subtractRanges(left: readonly Range[], right: readonly Range[]): Range[] {
  const out: Range[] = [];
  const r = coalesceRanges(right);
  for (const l of coalesceRanges(left)) {
    let begin = l.begin;
    for (const x of r) {
      if (x.end < begin || x.begin > l.end) continue;
      if (x.begin > begin) out.push({ begin, end: x.begin - 1 });
      begin = x.end + 1;
      if (begin > l.end) break;
    }
    if (begin <= l.end) out.push({ begin, end: l.end });
  }
  return out;
}

function rangesContain(left: readonly Range[], right: readonly Range[]): boolean {
  const l = coalesceRanges(left);
  return coalesceRanges(right).every((x) => l.some((y) => x.begin >= y.begin && x.end <= y.end));
}

function rangesSize(list: readonly Range[]): number {
  let n = 0;
  for (const r of list) n += r.end - r.begin + 1;
  return n;
}

// ---- identity of a resource (addable/subtractable in resources.cpp) -------------------

/** JSON with sorted keys, so equal protobuf messages compare equal whatever the key order. */
function canon(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
    .join(",")}}`;
}

function reservationKey(r: ReservationInfo): string {
  return canon({ type: r.type, role: r.role, principal: r.principal, labels: r.labels });
}

/**
 * Everything but the value: two resources with the same key combine (unless persistent or
 * shared). The allocation role comes last so allocate()/unallocate() can re-key by suffix.
 */
function identity(r: Resource): string {
  const res = r.reservations?.length ? r.reservations.map(reservationKey).join("|") : "";
  // First character: "X" for resources that never combine (persistent volumes, shared), else "C".
  const flag = isPersistentVolume(r) || r.shared ? "X" : "C";
  return `${flag}${r.name}\u0000${r.type}\u0000${res}\u0000${r.disk ? canon(r.disk) : ""}\u0000${allocKey(r.allocation_info?.role)}`;
}
const allocKey = (role: string | undefined) => (role === undefined ? "\u0001" : role);
const combinable = (key: string) => key.charCodeAt(0) === 67; // "C"

/** Re-keyed strings are cached so equal keys stay the same flat string (fast compares, less garbage). */
const rekeyCache = new Map<string, Map<string, string>>();
function rekey(key: string, role: string | undefined): string {
  const r = allocKey(role);
  let m = rekeyCache.get(key);
  if (!m) {
    if (rekeyCache.size > 10_000) rekeyCache.clear();
    rekeyCache.set(key, (m = new Map()));
  }
  let k = m.get(r);
  if (k === undefined) {
    k = key.slice(0, key.lastIndexOf("\u0000") + 1) + r;
    if (m.size < 1000) m.set(r, k);
  }
  return k;
}

function isPersistentVolume(r: Resource): boolean {
  return r.disk?.persistence !== undefined;
}

/** Whole-resource equality (value included). */
function sameResource(a: Resource, b: Resource): boolean {
  if (identity(a) !== identity(b)) return false;
  switch (a.type) {
    case "SCALAR":
      return toFixed(a.scalar?.value ?? 0) === toFixed(b.scalar?.value ?? 0);
    case "RANGES":
      return canon(coalesceRanges(a.ranges?.range ?? [])) === canon(coalesceRanges(b.ranges?.range ?? []));
    case "SET": {
      const x = new Set(a.set?.item ?? []);
      const y = b.set?.item ?? [];
      return x.size === y.length && y.every((i) => x.has(i));
    }
    default:
      return false;
  }
}

function isEmptyResource(r: Resource): boolean {
  switch (r.type) {
    case "SCALAR":
      return toFixed(r.scalar?.value ?? 0) === 0;
    case "RANGES":
      return (r.ranges?.range.length ?? 0) === 0;
    case "SET":
      return (r.set?.item.length ?? 0) === 0;
    default:
      return false;
  }
}

/** Copy with a new value (a valid resource carries only its own type's value field). */
function withValue(r: Resource, v: Pick<Resource, "scalar" | "ranges" | "set">): Resource {
  return { ...r, ...v };
}

function combine(a: Resource, b: Resource): Resource {
  switch (a.type) {
    case "SCALAR":
      return withValue(a, { scalar: { value: scalarAdd(a.scalar?.value ?? 0, b.scalar?.value ?? 0) } });
    case "RANGES":
      return withValue(a, { ranges: { range: coalesceRanges([...(a.ranges?.range ?? []), ...(b.ranges?.range ?? [])]) } });
    case "SET": {
      const items = [...(a.set?.item ?? [])];
      const seen = new Set(items);
      for (const i of b.set?.item ?? []) if (!seen.has(i)) (seen.add(i), items.push(i));
      return withValue(a, { set: { item: items } });
    }
    default:
      return a;
  }
}

/** left - right for resources with the same identity; undefined when nothing (or less than nothing) is left. */
function difference(a: Resource, b: Resource): Resource | undefined {
  let out: Resource;
  switch (a.type) {
    case "SCALAR": {
      const f = toFixed(a.scalar?.value ?? 0) - toFixed(b.scalar?.value ?? 0);
      if (f <= 0) return undefined; // Mesos drops negative results ("subtracting more than they should")
      out = withValue(a, { scalar: { value: fromFixed(f) } });
      break;
    }
    case "RANGES":
      out = withValue(a, { ranges: { range: subtractRanges(a.ranges?.range ?? [], b.ranges?.range ?? []) } });
      break;
    case "SET": {
      const drop = new Set(b.set?.item ?? []);
      out = withValue(a, { set: { item: (a.set?.item ?? []).filter((i) => !drop.has(i)) } });
      break;
    }
    default:
      return undefined;
  }
  return isEmptyResource(out) ? undefined : out;
}

function containsOne(a: Resource, b: Resource): boolean {
  if (identity(a) !== identity(b)) return false;
  if ((isPersistentVolume(a) || a.shared) && !sameResource(a, b)) return false;
  switch (a.type) {
    case "SCALAR":
      return toFixed(b.scalar?.value ?? 0) <= toFixed(a.scalar?.value ?? 0);
    case "RANGES":
      return rangesContain(a.ranges?.range ?? [], b.ranges?.range ?? []);
    case "SET": {
      const x = new Set(a.set?.item ?? []);
      return (b.set?.item ?? []).every((i) => x.has(i));
    }
    default:
      return false;
  }
}

/** Normalized copy of one valid resource: fixed-point scalar, coalesced ranges, no duplicate set items. */
function normalize(r: Resource): Resource {
  switch (r.type) {
    case "SCALAR":
      return withValue(r, { scalar: { value: scalarRound(r.scalar?.value ?? 0) } });
    case "RANGES":
      return withValue(r, { ranges: { range: coalesceRanges(r.ranges?.range ?? []) } });
    default:
      return r;
  }
}

// ---- roles -----------------------------------------------------------------------------

/** The role a resource is reserved to (innermost reservation), or "*" if unreserved. */
export function reservationRole(r: Resource): string {
  const n = r.reservations?.length ?? 0;
  return n === 0 ? "*" : r.reservations![n - 1]!.role;
}

/** "a/b/c" is a strict sub-role of "a" and "a/b" (roles::isStrictSubroleOf). */
export function isStrictSubrole(role: string, ancestor: string): boolean {
  return role.length > ancestor.length && role.startsWith(ancestor) && role[ancestor.length] === "/";
}

/** Resources::isAllocatableTo: unreserved, reserved to the role, or reserved to one of its ancestors. */
export function isAllocatableTo(r: Resource, role: string): boolean {
  const rr = reservationRole(r);
  return rr === "*" || rr === role || isStrictSubrole(role, rr);
}

/** roles::validate; undefined when valid. */
export function validateRole(role: string): string | undefined {
  if (role === "*") return undefined;
  if (role.startsWith("/")) return `Role '${role}' cannot start with a slash`;
  if (role.endsWith("/")) return `Role '${role}' cannot end with a slash`;
  if (role.includes("//")) return `Role '${role}' cannot contain two adjacent slashes`;
  const parts = role.split("/").filter((p) => p !== "");
  if (parts.length === 0) return "Role names cannot be the empty string";
  for (const c of parts) {
    if (c === ".") return `Role '${role}' cannot include '.' as a component`;
    if (c === "..") return `Role '${role}' cannot include '..' as a component`;
    if (c === "*") return `Role '${role}' cannot include '*' as a component`;
    if (c.startsWith("-")) return `Role component '${c}' is invalid because it starts with a dash`;
    if (/[\x08\x0b\x0c\n\r\t ]/.test(c)) return `Role component '${c}' is invalid because it contains backspace or whitespace`;
  }
  return undefined;
}

// ---- validation (Resources::validate) --------------------------------------------------

/** Why one resource is malformed, or undefined (Resources::validate(const Resource&)). */
export function validateResource(r: Resource): string | undefined {
  if (!r || typeof r !== "object") return "Invalid resource";
  if (!r.name) return "Empty resource name";
  const has = { scalar: r.scalar !== undefined, ranges: r.ranges !== undefined, set: r.set !== undefined };
  switch (r.type) {
    case "SCALAR": {
      if (!has.scalar || has.ranges || has.set || typeof r.scalar?.value !== "number") return "Invalid scalar resource";
      const v = r.scalar.value;
      if (!Number.isFinite(v)) return "Invalid scalar resource: value is not finite";
      // Negative values, or non-zero values that would round to zero, are refused.
      if (v !== 0 && toFixed(v) <= 0) return "Invalid scalar resource: value <= 0";
      break;
    }
    case "RANGES": {
      if (has.scalar || !has.ranges || has.set || !Array.isArray(r.ranges?.range)) return "Invalid ranges resource";
      const list = r.ranges.range;
      for (let i = 0; i < list.length; i++) {
        const a = list[i]!;
        if (!Number.isInteger(a.begin) || !Number.isInteger(a.end) || a.begin < 0) return "Invalid ranges resource";
        if (a.begin > a.end) return "Invalid ranges resource: begin > end";
        for (let j = i + 1; j < list.length; j++) {
          const b = list[j]!;
          // Both directions: Mesos' check is one-sided, but either order overlaps.
          if ((a.begin <= b.begin && b.begin <= a.end) || (b.begin <= a.begin && a.begin <= b.end)) return "Invalid ranges resource: overlapping ranges";
        }
      }
      break;
    }
    case "SET": {
      if (has.scalar || has.ranges || !has.set || !Array.isArray(r.set?.item)) return "Invalid set resource";
      if (new Set(r.set.item).size !== r.set.item.length) return "Invalid set resource: duplicated elements";
      break;
    }
    case "TEXT":
      return "Unsupported resource type";
    default:
      return "Invalid resource type";
  }
  if (r.disk !== undefined && r.name !== "disk") return `DiskInfo should not be set for ${r.name} resource`;
  const stack = r.reservations ?? [];
  for (const res of stack) {
    if (!res.type) return "Invalid reservation: 'Resource.ReservationInfo.type' field must be set.";
    if (res.type !== "STATIC" && res.type !== "DYNAMIC") return "Unsupported 'Resource.ReservationInfo.Type'";
    if (res.role === undefined) return "Invalid reservation: 'Resource.ReservationInfo.role' field must be set.";
    const e = validateRole(res.role);
    if (e) return e;
    if (res.role === "*") return 'Invalid reservation: role "*" cannot be reserved';
  }
  for (let i = 1; i < stack.length; i++) {
    if (stack[i]!.type === "STATIC") return "Invalid refined reservation: A refined reservation cannot be STATIC";
    if (!isStrictSubrole(stack[i]!.role, stack[i - 1]!.role)) return `Invalid refined reservation: role '${stack[i]!.role}' is not a refinement of '${stack[i - 1]!.role}'`;
  }
  if (r.shared !== undefined) {
    if (r.name !== "disk") return `Resource ${r.name} cannot be shared`;
    if (!isPersistentVolume(r)) return "Only persistent volumes can be shared";
  }
  return undefined;
}

/** Resources::validate over a list: "Resource '<r>' is invalid: <why>", or undefined. */
export function validateResources(list: readonly Resource[]): string | undefined {
  for (const r of list) {
    const e = validateResource(r);
    if (e) return `Resource '${safeFormat(r)}' is invalid: ${e}`;
  }
  return undefined;
}

// ---- formatting (operator<< in resources.cpp / values.cpp) ------------------------------

function formatScalar(v: number): string {
  // Mesos prints with 15 significant digits after fixed-point rounding.
  return String(Number(scalarRound(v).toPrecision(15)));
}

function formatReservation(r: ReservationInfo): string {
  let s = `${r.type},${r.role}`;
  if (r.principal !== undefined) s += `,${r.principal}`;
  if (r.labels) s += `,{${r.labels.labels.map((l) => (l.value !== undefined ? `${l.key}: ${l.value}` : l.key)).join(", ")}}`;
  return s;
}

export function formatResource(r: Resource): string {
  let s = r.name;
  if (r.allocation_info) s += `(allocated: ${r.allocation_info.role})`;
  if (r.reservations?.length) s += `(reservations: [${r.reservations.map((x) => `(${formatReservation(x)})`).join(",")}])`;
  if (r.disk) {
    const parts: string[] = [];
    if (r.disk.persistence) parts.push(r.disk.persistence.id);
    let d = parts.join(",");
    if (r.disk.volume) d += `:${r.disk.volume.container_path}:${r.disk.volume.mode}`;
    s += `[${d}]`;
  }
  if (r.shared) s += "<SHARED>";
  s += ":";
  switch (r.type) {
    case "SCALAR":
      return s + formatScalar(r.scalar?.value ?? 0);
    case "RANGES":
      return s + `[${(r.ranges?.range ?? []).map((x) => `${x.begin}-${x.end}`).join(", ")}]`;
    case "SET":
      return s + `{${(r.set?.item ?? []).join(", ")}}`;
    default:
      return s + "?";
  }
}

function safeFormat(r: Resource): string {
  try {
    return formatResource(r);
  } catch {
    return JSON.stringify(r);
  }
}

// ---- the Resources collection ------------------------------------------------------------

export class Resources {
  static readonly EMPTY = new Resources([], []);

  /** Combined entries and their identity keys (parallel arrays). */
  private constructor(
    private readonly items: readonly Resource[],
    private readonly keys: readonly string[],
  ) {}

  /** Combines the list; empty and invalid resources are dropped, as Mesos' Resources(vector). */
  static from(list: readonly Resource[] | Resources): Resources {
    if (list instanceof Resources) return list;
    const items: Resource[] = [];
    const keys: string[] = [];
    for (const r of list) {
      if (validateResource(r) !== undefined || isEmptyResource(r)) continue;
      addInto(items, keys, normalize(r), identity(r));
    }
    return new Resources(items, keys);
  }

  /** Parse Mesos' --resources syntax (see parseResources) into Resources. Throws on malformed text. */
  static parse(text: string, defaultRole = "*"): Resources {
    return Resources.from(parseResources(text, defaultRole));
  }

  toJSON(): Resource[] {
    return [...this.items];
  }
  /** The combined resources without copying (read-only view). */
  get list(): readonly Resource[] {
    return this.items;
  }
  get size(): number {
    return this.items.length;
  }
  [Symbol.iterator](): Iterator<Resource> {
    return this.items[Symbol.iterator]();
  }

  isEmpty(): boolean {
    return this.items.length === 0;
  }

  add(o: Resources | readonly Resource[]): Resources {
    const other = Resources.from(o);
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    const items = [...this.items];
    const keys = [...this.keys];
    for (let i = 0; i < other.items.length; i++) addInto(items, keys, other.items[i]!, other.keys[i]!);
    return new Resources(items, keys);
  }

  /** Mesos' operator-=: never throws; what is not contained is ignored, and negative scalars vanish. */
  subtract(o: Resources | readonly Resource[]): Resources {
    const other = Resources.from(o);
    if (other.isEmpty() || this.isEmpty()) return this;
    const items = [...this.items];
    const keys = [...this.keys];
    for (let j = 0; j < other.items.length; j++) {
      const b = other.items[j]!;
      const k = other.keys[j]!;
      for (let i = 0; i < items.length; i++) {
        if (keys[i] !== k) continue;
        const a = items[i]!;
        if (!combinable(k) && !sameResource(a, b)) continue;
        const d = a.shared ? undefined : difference(a, b);
        if (d) items[i] = d;
        else (items.splice(i, 1), keys.splice(i, 1));
        break;
      }
    }
    return new Resources(items, keys);
  }

  contains(o: Resources | readonly Resource[]): boolean {
    const other = Resources.from(o);
    let remaining: Resources = this;
    for (let j = 0; j < other.items.length; j++) {
      const b = other.items[j]!;
      const k = other.keys[j]!;
      let found = false;
      for (let i = 0; i < remaining.items.length; i++) {
        if (remaining.keys[i] === k && containsOne(remaining.items[i]!, b)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
      if (isPersistentVolume(b) || b.shared) remaining = remaining.subtract(new Resources([b], [k]));
    }
    return true;
  }

  equals(o: Resources | readonly Resource[]): boolean {
    const other = Resources.from(o);
    return this.contains(other) && other.contains(this);
  }

  filter(pred: (r: Resource) => boolean): Resources {
    let items: Resource[] | undefined; // allocated at the first rejected resource
    let keys: string[] | undefined;
    for (let i = 0; i < this.items.length; i++) {
      const keep = pred(this.items[i]!);
      if (items && keys) {
        if (keep) (items.push(this.items[i]!), keys.push(this.keys[i]!));
      } else if (!keep) {
        items = this.items.slice(0, i);
        keys = this.keys.slice(0, i);
      }
    }
    if (!items || !keys) return this;
    return items.length === 0 ? Resources.EMPTY : new Resources(items, keys);
  }

  /** Map every resource to a new form, recombining afterwards. */
  map(fn: (r: Resource) => Resource): Resources {
    return Resources.from(this.items.map(fn));
  }

  /** Sum of the scalar resources with this name. */
  scalar(name: string): number {
    let f = 0;
    for (const r of this.items) if (r.name === name && r.type === "SCALAR") f += toFixed(r.scalar?.value ?? 0);
    return fromFixed(f);
  }

  /** Merged ranges of the range resources with this name. */
  ranges(name: string): Range[] {
    const all: Range[] = [];
    for (const r of this.items) if (r.name === name && r.type === "RANGES") all.push(...(r.ranges?.range ?? []));
    return coalesceRanges(all);
  }

  /** Name -> quantity: scalars summed, ranges counted by size, sets by items (ResourceQuantities). */
  quantities(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.items) {
      const q = r.type === "SCALAR" ? r.scalar?.value ?? 0 : r.type === "RANGES" ? rangesSize(r.ranges?.range ?? []) : r.type === "SET" ? r.set?.item.length ?? 0 : 0;
      out[r.name] = scalarAdd(out[r.name] ?? 0, q);
    }
    return out;
  }

  /** Only the scalar resources. */
  scalars(): Resources {
    return this.filter((r) => r.type === "SCALAR");
  }

  unreserved(): Resources {
    return this.filter((r) => !r.reservations?.length);
  }
  /** Reserved resources: to any role, or (with `role`) whose innermost reservation is that role. */
  reserved(role?: string): Resources {
    return this.filter((r) => (r.reservations?.length ?? 0) > 0 && (role === undefined || reservationRole(r) === role));
  }
  /** Resources reserved exactly to `role` (Resources::reserved(role)). */
  reservedTo(role: string): Resources {
    return this.reserved(role);
  }
  /** What a framework in `role` may be offered: unreserved, or reserved to the role or an ancestor. */
  allocatableTo(role: string): Resources {
    return this.filter((r) => isAllocatableTo(r, role));
  }
  reservationRole(r: Resource): string {
    return reservationRole(r);
  }

  /** Set allocation_info.role on every resource. */
  allocate(role: string): Resources {
    if (this.items.every((r) => r.allocation_info?.role === role)) return this;
    const info = { role };
    return this.reallocate(role, (r) => ({ ...r, allocation_info: info }));
  }
  /** Clear allocation_info. */
  unallocate(): Resources {
    if (this.items.every((r) => !r.allocation_info)) return this;
    return this.reallocate(undefined, ({ allocation_info: _a, ...r }) => r);
  }

  /** Change allocation_info only: no re-validation, keys re-made by suffix (hot in the allocator). */
  private reallocate(role: string | undefined, fn: (r: Resource) => Resource): Resources {
    const items: Resource[] = [];
    const keys: string[] = [];
    for (let i = 0; i < this.items.length; i++) addInto(items, keys, fn(this.items[i]!), rekey(this.keys[i]!, role));
    return new Resources(items, keys);
  }

  /** Sum of the quantity (scalar value, range size, set items) of resources with this name. */
  quantity(name: string): number {
    let f = 0;
    for (const r of this.items) {
      if (r.name !== name) continue;
      f += r.type === "SCALAR" ? toFixed(r.scalar?.value ?? 0) : 1000 * (r.type === "RANGES" ? rangesSize(r.ranges?.range ?? []) : r.type === "SET" ? (r.set?.item.length ?? 0) : 0);
    }
    return fromFixed(f);
  }
  /** Resources allocated to the role (allocation_info.role). */
  allocatedTo(role: string): Resources {
    return this.filter((r) => r.allocation_info?.role === role);
  }

  /** Push a reservation onto every resource (Resources::pushReservation). */
  pushReservation(res: ReservationInfo): Resources {
    return this.map((r) => ({ ...r, reservations: [...(r.reservations ?? []), res] }));
  }
  /** Pop the innermost reservation of every reserved resource (Resources::popReservation). */
  popReservation(): Resources {
    return this.map((r) => {
      if (!r.reservations?.length) return r;
      const { reservations, ...rest } = r;
      return reservations.length > 1 ? { ...rest, reservations: reservations.slice(0, -1) } : rest;
    });
  }
  /** Drop every reservation (Resources::toUnreserved). */
  toUnreserved(): Resources {
    return this.map(({ reservations: _r, ...r }) => r);
  }

  /** Mesos' text form: "cpus:4; mem:1024; ports:[31000-32000]", or "{}" when empty. */
  toString(): string {
    return this.items.length ? this.items.map(formatResource).join("; ") : "{}";
  }
}

function addInto(items: Resource[], keys: string[], r: Resource, key: string): void {
  if (combinable(key)) {
    const i = keys.indexOf(key);
    if (i >= 0) {
      items[i] = combine(items[i]!, r);
      return;
    }
  }
  items.push(r);
  keys.push(key);
}

// ---- parsing (Resources::fromString) ------------------------------------------------------

/**
 * Mesos' --resources syntax: either a JSON array of Resource objects, or
 * "name(role):value;..." where value is a scalar ("4"), ranges ("[31000-32000,33000-34000]")
 * or a set ("{a,b}"). A role other than "*" (from the parentheses or `defaultRole`) becomes
 * a STATIC reservation. Legacy JSON fields `role`/`reservation` are upgraded to the
 * `reservations` stack. Throws on malformed text or invalid resources
 * (Resources::parse validates every resource and the command-line rules).
 */
export function parseResources(text: string, defaultRole = "*"): Resource[] {
  const trimmed = text.trim();
  let list: Resource[];
  let json: unknown;
  try {
    json = trimmed.startsWith("[") ? JSON.parse(trimmed) : undefined;
  } catch {
    json = undefined;
  }
  if (Array.isArray(json)) list = json.map((r) => upgradeJson(r as Record<string, unknown>, defaultRole));
  else list = parseSimple(text, defaultRole);
  const types = new Map<string, string>();
  for (const r of list) {
    const e = validateResource(r);
    if (e) throw new Error(e);
    if (isPersistentVolume(r)) throw new Error("Persistent volumes cannot be specified at the command line");
    if (r.reservations?.some((x) => x.type === "DYNAMIC")) throw new Error("Dynamic reservations cannot be specified at the command line; do not include a reservation with DYNAMIC type in the resources JSON");
    const t = types.get(r.name);
    if (t !== undefined && t !== r.type) throw new Error(`Resources with the same name ('${r.name}') but different types are not allowed`);
    types.set(r.name, r.type);
  }
  return list;
}

function upgradeJson(raw: Record<string, unknown>, defaultRole: string): Resource {
  if (!raw || typeof raw !== "object") throw new Error("Some JSON resources were not formatted properly");
  const { role, reservation, ...rest } = raw as { role?: string; reservation?: { principal?: string; labels?: unknown } } & Record<string, unknown>;
  const r = rest as unknown as Resource;
  if (r.reservations?.length) return r;
  const effective = role ?? defaultRole;
  if (effective === "*") return r;
  const info: ReservationInfo = reservation
    ? { type: "DYNAMIC", role: effective, ...(reservation.principal !== undefined ? { principal: reservation.principal } : {}), ...(reservation.labels ? { labels: reservation.labels as ReservationInfo["labels"] } : {}) }
    : { type: "STATIC", role: effective };
  return { ...r, reservations: [info] };
}

function parseSimple(text: string, defaultRole: string): Resource[] {
  const out: Resource[] = [];
  for (const token of text.split(";")) {
    if (token.trim() === "") continue;
    const pair = token.split(":").filter((p) => p !== "");
    if (pair.length !== 2) throw new Error(`Bad value for resources, missing or extra ':' in ${token}`);
    const [head, value] = pair as [string, string];
    let name: string;
    let role: string;
    const open = head.indexOf("(");
    if (open < 0) {
      name = head.trim();
      role = defaultRole;
    } else {
      const close = head.indexOf(")");
      if (close < 0 || close < open) throw new Error(`Bad value for resources, mismatched parentheses in ${token}`);
      name = head.slice(0, open).trim();
      role = head.slice(open + 1, close).trim();
    }
    const v = parseValue(value, name);
    out.push({ name, ...v, ...(role !== "*" ? { reservations: [{ type: "STATIC", role }] } : {}) });
  }
  return out;
}

function parseValue(text: string, name: string): Pick<Resource, "type" | "scalar" | "ranges" | "set"> {
  const t = text.replace(/ /g, "");
  const fail = (why: string) => new Error(`Failed to parse resource ${name} value ${text} error ${why}`);
  if (t === "") throw fail("Expecting non-empty string");
  for (const [o, c] of [["{", "}"], ["[", "]"], ["(", ")"]] as const) {
    let depth = 0;
    for (const ch of t) {
      if (ch === o) depth++;
      else if (ch === c && --depth < 0) break;
    }
    if (depth !== 0) throw fail("Mismatched brackets");
  }
  if (t.startsWith("[")) {
    const tokens = t.split(/[[\]\-,\n]/).filter((s) => s !== "");
    if (tokens.length % 2 !== 0) throw fail('Expecting one or more "ranges"');
    const range: Range[] = [];
    for (let i = 0; i < tokens.length; i += 2) {
      const b = tokens[i]!;
      const e = tokens[i + 1]!;
      if (!/^\d+$/.test(b) || !/^\d+$/.test(e)) throw fail(`Expecting non-negative integers in '${b}'`);
      range.push({ begin: Number(b), end: Number(e) });
    }
    return { type: "RANGES", ranges: { range: coalesceRanges(range) } };
  }
  if (t.includes("[")) throw fail("Unexpected '[' found");
  if (t.startsWith("{")) return { type: "SET", set: { item: t.split(/[{},\n]/).filter((s) => s !== "") } };
  if (t.includes("{")) throw fail("Unexpected '{' found");
  const n = Number(t);
  if (t !== "" && Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    if (n < 0) throw fail("Negative values not supported");
    return { type: "SCALAR", scalar: { value: n } };
  }
  // Mesos parses anything else as TEXT, which no resource may be.
  throw fail("Bad type for resource: TEXT");
}
