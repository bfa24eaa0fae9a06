/**
 * Field sets as structured-merge-diff keeps them (fieldpath.Set) and their fieldsV1 encoding:
 * {"f:spec":{"f:replicas":{}}}, "k:{\"name\":\"web\"}" for keyed list items, "v:" for set items,
 * "i:" for positions and "." for a node that is itself a member.
 */

/** A serialized path element: "f:name", "k:{...}", "v:<json>", "i:<n>". */
export type PathElement = string;
export type Path = readonly PathElement[];

export class FieldSet {
  readonly members = new Set<PathElement>();
  readonly children = new Map<PathElement, FieldSet>();

  insert(path: Path): void {
    if (path.length === 0) return;
    let s: FieldSet = this;
    for (const pe of path.slice(0, -1)) s = s.child(pe);
    s.members.add(path[path.length - 1]!);
  }

  has(path: Path): boolean {
    let s: FieldSet | undefined = this;
    for (const pe of path.slice(0, -1)) s = s?.children.get(pe);
    return !!s && path.length > 0 && s.members.has(path[path.length - 1]!);
  }

  /** Whether any member lies at or below `path`. */
  hasPrefix(path: Path): boolean {
    if (path.length === 0) return !this.empty();
    let s: FieldSet | undefined = this;
    for (const pe of path.slice(0, -1)) s = s?.children.get(pe);
    const last = path[path.length - 1]!;
    return !!s && (s.members.has(last) || !!s.children.get(last)?.nonEmpty());
  }

  child(pe: PathElement): FieldSet {
    let c = this.children.get(pe);
    if (!c) this.children.set(pe, (c = new FieldSet()));
    return c;
  }

  empty(): boolean {
    if (this.members.size !== 0) return false;
    for (const c of this.children.values()) if (!c.empty()) return false;
    return true;
  }

  /** Whether some path is a member of both (so that difference(o) would change this set). */
  intersects(o: FieldSet): boolean {
    const [small, large] = this.members.size <= o.members.size ? [this.members, o.members] : [o.members, this.members];
    for (const pe of small) if (large.has(pe)) return true;
    for (const [pe, c] of this.children) {
      const oc = o.children.get(pe);
      if (oc && c.intersects(oc)) return true;
    }
    return false;
  }

  /** Whether every member of this set is a member of o (so that o.union(this) equals o). */
  isSubsetOf(o: FieldSet): boolean {
    for (const pe of this.members) if (!o.members.has(pe)) return false;
    for (const [pe, c] of this.children) {
      const oc = o.children.get(pe);
      if (oc ? !c.isSubsetOf(oc) : c.nonEmpty()) return false;
    }
    return true;
  }

  nonEmpty(): boolean {
    return !this.empty();
  }

  union(o: FieldSet): FieldSet {
    return combine(this, o, (a, b) => a || b);
  }

  intersection(o: FieldSet): FieldSet {
    return combine(this, o, (a, b) => a && b);
  }

  difference(o: FieldSet): FieldSet {
    return combine(this, o, (a, b) => a && !b);
  }

  /** Members and their paths, in structured-merge-diff's order. */
  leaves(prefix: Path = []): Path[] {
    const out: Path[] = [];
    for (const pe of sortedElements([...new Set([...this.members, ...this.children.keys()])])) {
      if (this.members.has(pe)) out.push([...prefix, pe]);
      const c = this.children.get(pe);
      if (c) out.push(...c.leaves([...prefix, pe]));
    }
    return out;
  }

  /** The fieldsV1 object. */
  toJSON(): Record<string, unknown> {
    return this.writeJSON({});
  }

  /** toJSON's entries written into `out` (after what it holds: "." for a member with children). */
  private writeJSON(out: Record<string, unknown>): Record<string, unknown> {
    const pes = this.children.size === 0 ? [...this.members] : [...new Set([...this.members, ...this.children.keys()])];
    for (const pe of sortedElements(pes)) {
      const c = this.children.get(pe);
      if (c && c.nonEmpty()) out[pe] = this.members.has(pe) ? c.writeJSON({ ".": {} }) : c.writeJSON({});
      else if (this.members.has(pe)) out[pe] = {};
    }
    return out;
  }

  static fromJSON(v: unknown): FieldSet {
    const s = new FieldSet();
    if (typeof v !== "object" || v === null) return s;
    for (const [pe, sub] of Object.entries(v as Record<string, unknown>)) {
      if (pe === ".") continue;
      const entries = typeof sub === "object" && sub !== null ? Object.keys(sub) : [];
      if (entries.length === 0 || entries.includes(".")) s.members.add(pe);
      const child = FieldSet.fromJSON(sub);
      if (child.nonEmpty()) s.children.set(pe, child);
    }
    return s;
  }

  static of(paths: Iterable<Path>): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }
}

function combine(a: FieldSet | undefined, b: FieldSet | undefined, keep: (inA: boolean, inB: boolean) => boolean): FieldSet {
  const out = new FieldSet();
  for (const pe of new Set([...(a?.members ?? []), ...(b?.members ?? [])])) if (keep(!!a?.members.has(pe), !!b?.members.has(pe))) out.members.add(pe);
  for (const pe of new Set([...(a?.children.keys() ?? []), ...(b?.children.keys() ?? [])])) {
    const c = combine(a?.children.get(pe), b?.children.get(pe), keep);
    if (c.nonEmpty()) out.children.set(pe, c);
  }
  return out;
}

// --- path elements ---

export const fieldPE = (name: string): PathElement => `f:${name}`;
export const indexPE = (i: number): PathElement => `i:${i}`;
export const valuePE = (v: unknown): PathElement => `v:${canonicalJSON(v)}`;
export function keyPE(item: Record<string, unknown>, keys: readonly string[]): PathElement {
  const fields: Record<string, unknown> = {};
  for (const k of [...keys].sort()) if (item[k] !== undefined) fields[k] = item[k];
  return `k:${canonicalJSON(fields)}`;
}

/** JSON with object keys sorted, as structured-merge-diff writes values. */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** PathElement.Compare: field names, then keys, then values, then indexes. */
export function comparePE(a: PathElement, b: PathElement): number {
  const ka = KIND_ORDER[a[0]!] ?? 4;
  const kb = KIND_ORDER[b[0]!] ?? 4;
  if (ka !== kb) return ka - kb;
  const ra = a.slice(2);
  const rb = b.slice(2);
  switch (a[0]) {
    case "i":
      return Number(ra) - Number(rb);
    case "k":
    case "v":
      return compareValues(JSON.parse(ra), JSON.parse(rb));
    default:
      return ra < rb ? -1 : ra > rb ? 1 : 0;
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "object" && a && typeof b === "object" && b && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      const c = compareValues((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!]);
      if (c) return c;
    }
    return ka.length - kb.length;
  }
  const ja = canonicalJSON(a);
  const jb = canonicalJSON(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

export function sortedElements(pes: PathElement[]): PathElement[] {
  // Field names (nearly all elements) order as plain strings; keys and values are parsed
  // once per sort instead of once per comparison.
  if (pes.every((pe) => pe.startsWith("f:"))) return pes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parsed = new Map<PathElement, unknown>();
  const value = (pe: PathElement) => {
    if (!parsed.has(pe)) parsed.set(pe, JSON.parse(pe.slice(2)));
    return parsed.get(pe);
  };
  return pes.sort((a, b) => {
    const ka = KIND_ORDER[a[0]!] ?? 4;
    const kb = KIND_ORDER[b[0]!] ?? 4;
    if (ka !== kb || (a[0] !== "k" && a[0] !== "v")) return comparePE(a, b);
    return compareValues(value(a), value(b));
  });
}

/** fieldpath.Path.String(): .spec.containers[name="web"].image, [="a"], [0]. */
export function pathString(path: Path): string {
  return path
    .map((pe) => {
      const rest = pe.slice(2);
      switch (pe[0]) {
        case "f":
          return `.${rest}`;
        case "i":
          return `[${rest}]`;
        case "v":
          return `[=${rest}]`;
        case "k": {
          const o = JSON.parse(rest) as Record<string, unknown>;
          return `[${Object.keys(o).map((k) => `${k}=${JSON.stringify(o[k])}`).join(",")}]`;
        }
        default:
          return pe;
      }
    })
    .join("");
}
