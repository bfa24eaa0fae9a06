/**
 * Typed walks over objects for server-side apply, following structured-merge-diff's typed
 * package: the field set of a value (ToFieldSet), the comparison of two values (Compare),
 * apply's merge (Merge) and removal of owned fields (RemoveItems). Types come from the
 * client-node models and the patch-meta table, converted as kube-openapi's schemaconv does.
 */
import { modelAttributes, parseFieldType, type FieldType } from "../schema/models.js";
import { FieldSet, fieldPE, keyPE, valuePE, type Path, type PathElement } from "./fieldpath.js";
import { isAtomicModel, patchMetaFor, type FieldPatchMeta } from "./patch-meta.js";

type JMap = Record<string, unknown>;

/** A schema node; undefined means untyped ("deduced": maps granular, lists atomic). */
export type TypeNode =
  | { readonly kind: "struct"; readonly model: string; readonly atomic: boolean }
  | { readonly kind: "map"; readonly elem: TypeNode | undefined; readonly atomic: boolean }
  | { readonly kind: "list"; readonly elem: TypeNode | undefined; readonly listType: "atomic" | "set" | "map"; readonly keys: readonly string[] }
  | { readonly kind: "scalar" }
  | undefined;

const isMap = (v: unknown): v is JMap => typeof v === "object" && v !== null && !Array.isArray(v);

export function modelNode(model: string): TypeNode {
  return modelAttributes(model) ? { kind: "struct", model, atomic: isAtomicModel(model) } : undefined;
}

function nodeOf(t: FieldType, meta: FieldPatchMeta | undefined): TypeNode {
  switch (t.kind) {
    case "model":
      return { kind: "struct", model: t.model, atomic: isAtomicModel(t.model) || meta?.mapType === "atomic" };
    case "map":
      return { kind: "map", elem: nodeOf(t.of, undefined), atomic: meta?.mapType === "atomic" };
    case "array": {
      // schemaconv: without x-kubernetes-list-type, patchStrategy merge makes a map (with the
      // merge key) or a set (of scalars); anything else is atomic.
      const strategies = meta?.patchStrategy?.split(",") ?? [];
      const merge = strategies.includes("merge");
      const listType = meta?.listType ?? (merge ? (meta?.patchMergeKey ? "map" : "set") : "atomic");
      const keys = meta?.listMapKeys ?? (meta?.patchMergeKey ? [meta.patchMergeKey] : []);
      return { kind: "list", elem: nodeOf(t.of, undefined), listType, keys };
    }
    case "any":
      return undefined;
    default:
      return { kind: "scalar" };
  }
}

/** The nodes of each model's fields, made once (the models and patch metadata are fixed tables). */
const fieldNodes = new Map<string, Map<string, TypeNode>>();

/** Type of a child of a map-like node. */
export function childNode(node: TypeNode, key: string): TypeNode {
  if (!node) return undefined;
  if (node.kind === "map") return node.elem;
  if (node.kind !== "struct") return undefined;
  let fields = fieldNodes.get(node.model);
  if (!fields) fieldNodes.set(node.model, (fields = new Map()));
  const known = fields.get(key);
  if (known) return known;
  // Only a field's node is kept: a name the model lacks (anything a client sent) is not.
  const attr = modelAttributes(node.model)?.get(key);
  if (!attr) return undefined;
  const made = nodeOf(parseFieldType(attr.type), patchMetaFor(node.model, key));
  if (made) fields.set(key, made);
  return made;
}

function isAtomic(node: TypeNode, v: unknown): boolean {
  if (!isMap(v) && !Array.isArray(v)) return true;
  if (Array.isArray(v)) return !node || node.kind !== "list" || node.listType === "atomic";
  return !!node && (node.kind === "scalar" || node.kind === "list" || ((node.kind === "struct" || node.kind === "map") && node.atomic));
}

/** Path element of a list item; undefined when the item cannot be keyed. */
function itemPE(node: TypeNode, item: unknown): PathElement | undefined {
  if (!node || node.kind !== "list") return undefined;
  if (node.listType === "set") return valuePE(item);
  if (node.listType === "map" && isMap(item)) return keyPE(item, node.keys);
  return undefined;
}

/** The fields set in v (ToFieldSet). */
export function toFieldSet(v: unknown, node: TypeNode): FieldSet {
  const set = new FieldSet();
  walkSet(v, node, [], set);
  return set;
}

function walkSet(v: unknown, node: TypeNode, path: Path, set: FieldSet): void {
  if (isAtomic(node, v)) {
    set.insert(path);
    return;
  }
  if (Array.isArray(v)) {
    const listNode = node as Extract<TypeNode, { kind: "list" }>;
    for (const item of v) {
      const pe = itemPE(listNode, item);
      if (!pe) continue;
      walkSet(item, listNode.elem, [...path, pe], set);
      set.insert([...path, pe]);
    }
    return;
  }
  for (const [k, val] of Object.entries(v as JMap)) {
    const p = [...path, fieldPE(k)];
    walkSet(val, childNode(node, k), p, set);
    if (val === null || (isMap(val) && Object.keys(val).length === 0)) set.insert(p);
  }
}

export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/** Compare: what changed from lhs to rhs. */
export function compare(lhs: unknown, rhs: unknown, node: TypeNode): Comparison {
  const c = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  // Equal values add nothing to any of the three sets: the walk itself finds that out, and a
  // write's two objects are rarely equal.
  walkCompare(lhs, rhs, node, [], c, false, false);
  return c;
}

/**
 * Whether two parts compare equal: equal values add nothing to any of the three sets.
 * Checking first skips the walk (and its path copies) through the unchanged parts, which on
 * a write are nearly all of the object. Each part is checked once, by its parent's walk:
 * walkCompare does not check again what it is given.
 */
function same(lhs: unknown, rhs: unknown): boolean {
  return lhs === rhs || (lhs !== undefined && rhs !== undefined && typeof lhs === "object" && deepEqual(lhs, rhs));
}

/** `unequal`: lhs and rhs are known to differ (same() said so). */
function walkCompare(lhs: unknown, rhs: unknown, node: TypeNode, path: Path, c: Comparison, isItem: boolean, unequal: boolean): void {
  if (lhs === undefined && rhs === undefined) return;
  if (lhs === undefined && path.length) {
    addedAt(c.added, path, rhs, node, isItem);
    return;
  }
  const leaf = (lhs !== undefined && isAtomic(node, lhs)) || (rhs !== undefined && isAtomic(node, rhs)) || (lhs !== undefined && rhs !== undefined && kindOf(lhs) !== kindOf(rhs));
  if (leaf) {
    if (lhs === undefined) set(c.added, path);
    else if (rhs === undefined) set(c.removed, path);
    else if (unequal || !deepEqual(lhs, rhs)) set(c.modified, path);
    return;
  }
  if (Array.isArray(lhs) || Array.isArray(rhs)) {
    const listNode = node as Extract<TypeNode, { kind: "list" }>;
    const l = indexItems(listNode, (lhs as unknown[] | undefined) ?? []);
    const r = indexItems(listNode, (rhs as unknown[] | undefined) ?? []);
    for (const [pe, item] of l) {
      const other = r.get(pe);
      if (!same(item, other)) walkCompare(item, other, listNode.elem, [...path, pe], c, true, true);
    }
    for (const [pe, item] of r) if (!l.has(pe)) walkCompare(undefined, item, listNode.elem, [...path, pe], c, true, true);
  } else {
    const l = (lhs as JMap | undefined) ?? {};
    const r = (rhs as JMap | undefined) ?? {};
    for (const k of new Set([...Object.keys(l), ...Object.keys(r)])) {
      const a = l[k];
      const b = r[k];
      if (!same(a, b)) walkCompare(a, b, childNode(node, k), [...path, fieldPE(k)], c, false, true);
    }
  }
  // Upstream compares typed Go objects, where struct fields (non-pointer) and lists (null) are
  // always present: only maps and list items show up as added or removed themselves (".").
  // Structs are approximated as never being pointers.
  if (!isItem && (node?.kind === "struct" || Array.isArray(lhs ?? rhs))) return;
  if (lhs === undefined) set(c.added, path);
  else if (rhs === undefined) set(c.removed, path);
}

/**
 * walkCompare of nothing against `rhs` (all of it added, a create's whole object): the same
 * members, built below the set at `path` instead of inserted one path at a time from the root.
 */
function addedAt(added: FieldSet, path: Path, rhs: unknown, node: TypeNode, isItem: boolean): void {
  const last = path[path.length - 1]!;
  const own = new FieldSet();
  addChild(own, last, rhs, node, isItem);
  // Nothing added (an empty struct): no sets on the way to it either, as insert makes none.
  if (own.members.size === 0 && own.children.size === 0) return;
  let parent = added;
  for (let i = 0; i < path.length - 1; i++) parent = parent.child(path[i]!);
  const sub = own.children.get(last);
  if (sub) parent.children.set(last, sub);
  if (own.members.size) parent.members.add(last);
}

/** Adds `pe` (holding v) to `into` as walkCompare would: a member when it is one, its own set of what is below it. */
function addChild(into: FieldSet, pe: PathElement, v: unknown, node: TypeNode, isItem: boolean): void {
  if (isAtomic(node, v)) {
    into.members.add(pe);
    return;
  }
  const sub = new FieldSet();
  let self: boolean;
  if (Array.isArray(v)) {
    const listNode = node as Extract<TypeNode, { kind: "list" }>;
    for (const [ipe, item] of indexItems(listNode, v)) if (item !== undefined) addChild(sub, ipe, item, listNode.elem, true);
    self = isItem;
  } else {
    const m = v as JMap;
    for (const k of Object.keys(m)) {
      const x = m[k];
      if (x !== undefined) addChild(sub, fieldPE(k), x, childNode(node, k), false);
    }
    // Struct fields and lists are never added themselves (walkCompare's last rule); maps and list items are.
    self = isItem || node?.kind !== "struct";
  }
  if (sub.members.size || sub.children.size) into.children.set(pe, sub);
  if (self) into.members.add(pe);
}

function set(s: FieldSet, path: Path): void {
  if (path.length) s.insert(path);
}

function kindOf(v: unknown): string {
  return v === undefined ? "none" : Array.isArray(v) ? "list" : isMap(v) ? "map" : "scalar";
}

function indexItems(node: TypeNode, items: unknown[]): Map<PathElement, unknown> {
  const m = new Map<PathElement, unknown>();
  for (const item of items) {
    const pe = itemPE(node, item);
    if (pe && !m.has(pe)) m.set(pe, item);
  }
  return m;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Plain JSON objects: for-in sees their own keys, as Object.keys does, without the arrays.
  const ao = a as JMap;
  const bo = b as JMap;
  let n = 0;
  for (const k in ao) {
    if (!Object.hasOwn(bo, k) || !deepEqual(ao[k], bo[k])) return false;
    n++;
  }
  for (const _ in bo) n--;
  return n === 0;
}

/** Apply's merge of a configuration into the live object (typed.Merge). */
export function merge(lhs: unknown, rhs: unknown, node: TypeNode): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined || isAtomic(node, rhs) || kindOf(lhs) !== kindOf(rhs) || isAtomic(node, lhs)) return structuredClone(rhs);
  if (Array.isArray(rhs)) return mergeList(node as Extract<TypeNode, { kind: "list" }>, lhs as unknown[], rhs);
  const out: JMap = { ...(lhs as JMap) };
  for (const [k, v] of Object.entries(rhs as JMap)) out[k] = merge(out[k], v, childNode(node, k));
  return out;
}

/** Port of mergingWalker.visitListItems: live order, with the config's shared items in its order. */
function mergeList(node: Extract<TypeNode, { kind: "list" }>, lhs: unknown[], rhs: unknown[]): unknown[] {
  const lPEs = lhs.map((i) => itemPE(node, i) ?? "");
  const rPEs = rhs.map((i) => itemPE(node, i) ?? "");
  const observedL = new Map<string, unknown>();
  lhs.forEach((item, i) => observedL.has(lPEs[i]!) || observedL.set(lPEs[i]!, item));
  const observedR = new Map<string, unknown>();
  rhs.forEach((item, i) => observedR.has(rPEs[i]!) || observedR.set(rPEs[i]!, item));
  const shared = rPEs.filter((pe) => observedL.has(pe));
  let nextShared = shared.shift();
  const mergedR = new Set<string>();
  const out: unknown[] = [];
  let lI = 0;
  let rI = 0;
  while (lI < lhs.length || rI < rhs.length) {
    if (lI < lhs.length && rI < rhs.length) {
      const pe = lPEs[lI]!;
      if (pe === rPEs[rI]) {
        mergedR.add(pe);
        out.push(merge(observedL.get(pe), observedR.get(pe), node.elem));
        lI++;
        rI++;
        nextShared = shared.shift();
        continue;
      }
      if (observedR.has(pe) && nextShared !== undefined && nextShared !== pe) {
        lI++;
        continue;
      }
    }
    if (lI < lhs.length) {
      const pe = lPEs[lI]!;
      if (!observedR.has(pe)) {
        out.push(lhs[lI]);
        lI++;
        continue;
      } else if (mergedR.has(pe)) {
        lI++;
        continue;
      }
    }
    if (rI < rhs.length) {
      const pe = rPEs[rI]!;
      mergedR.add(pe);
      out.push(merge(observedL.get(pe), observedR.get(pe), node.elem));
      rI++;
      if (nextShared !== undefined && nextShared === pe) nextShared = shared.shift();
    }
  }
  return out;
}

/** The value without the members of `remove` (RemoveItems). */
export function removeItems(v: unknown, node: TypeNode, remove: FieldSet): unknown {
  if (remove.empty() || isAtomic(node, v)) return v;
  if (Array.isArray(v)) {
    const listNode = node as Extract<TypeNode, { kind: "list" }>;
    const out: unknown[] = [];
    for (const item of v) {
      const pe = itemPE(listNode, item);
      if (pe && remove.members.has(pe)) continue;
      const sub = pe ? remove.children.get(pe) : undefined;
      out.push(sub ? removeItems(item, listNode.elem, sub) : item);
    }
    return out;
  }
  const out: JMap = {};
  for (const [k, val] of Object.entries(v as JMap)) {
    const pe = fieldPE(k);
    if (remove.members.has(pe)) continue;
    const sub = remove.children.get(pe);
    out[k] = sub ? removeItems(val, childNode(node, k), sub) : val;
  }
  return out;
}
