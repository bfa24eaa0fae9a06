/**
 * Strategic merge patch application, ported from k8s.io/apimachinery/pkg/util/strategicpatch
 * (patch.go: StrategicMergeMapPatch -> mergeMap with MergeParallelList and IgnoreUnmatchedNulls),
 * including its list ordering rules so results match kube-apiserver element for element.
 */
import { badRequest, StatusError } from "../errors.js";
import { goFormat } from "./go-format.js";
import { lookupField, modelSchema, type PatchSchema } from "./schema.js";

type JMap = Record<string, unknown>;

const DIRECTIVE = "$patch";
const REPLACE = "replace";
const MERGE = "merge";
const DELETE = "delete";
const RETAIN_KEYS_STRATEGY = "retainKeys";
const RETAIN_KEYS = "$retainKeys";
const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
const SET_ELEMENT_ORDER = "$setElementOrder";

/** How kube-apiserver reports a strategic merge failure (interpretStrategicMergePatchError). */
type SmpErrorKind = "badRequest" | "invalid" | "internal";

export class SmpError extends Error {
  constructor(
    message: string,
    readonly kind: SmpErrorKind = "internal",
  ) {
    super(message);
  }
}

const errBadPatchFormatForPrimitiveList = () => new SmpError("invalid patch format of primitive list", "badRequest");
const errBadPatchFormatForRetainKeys = () => new SmpError("invalid patch format of retainKeys", "badRequest");
const errBadPatchFormatForSetElementOrderList = () => new SmpError("invalid patch format of setElementOrder list", "badRequest");
const errNoListOfLists = () => new SmpError("lists of lists are not supported", "invalid");
const errNoMergeKey = (m: unknown, k: string) => new SmpError(`map: ${goFormat(m)} does not contain declared merge key: ${k}`);
const errBadPatchType = (t: unknown, m: unknown) => new SmpError(`unknown patch type: ${goFormat(t)} in map: ${goFormat(m)}`);
const errBadArgType = (expected: string, actual: unknown) => new SmpError(`expected a ${expected}, but received a ${goKind(actual)}`);

/** Go reflect kind names of decoded JSON values, used where upstream compares types. */
function goKind(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  switch (typeof v) {
    case "object":
      return "map";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int64" : "float64";
    default:
      return typeof v;
  }
}

const isMap = (v: unknown): v is JMap => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Apply a strategic merge patch to an object of a client-node model. Neither argument is
 * modified, unless `consume`: obj is the caller's own copy, which it gives up (merged into in
 * place instead of copied whole). Failures are StatusErrors worded as kube-apiserver words them.
 */
export function applyStrategicMergePatch(obj: unknown, patch: unknown, model: string, consume = false): unknown {
  try {
    return strategicMergeWithSchema(obj, patch, modelSchema(model), consume);
  } catch (e) {
    if (!(e instanceof SmpError)) throw e;
    switch (e.kind) {
      case "badRequest":
        throw badRequest(e.message);
      case "invalid":
        throw new StatusError(422, "Invalid", "the server rejected our request due to an error in our request", {});
      default:
        // Upstream answers a plain error with code 500, reason "" and the error text.
        throw new StatusError(500, "InternalError", e.message);
    }
  }
}

/** The merge itself against any schema (the tests use upstream's mergeItem schema). Throws SmpError. */
export function strategicMergeWithSchema(obj: unknown, patch: unknown, schema: PatchSchema | undefined, consume = false): JMap {
  if (!isMap(patch)) throw new SmpError("invalid JSON document", "badRequest");
  const original = isMap(obj) ? (consume ? obj : (structuredClone(obj) as JMap)) : {};
  return mergeMap(original, structuredClone(patch) as JMap, schema);
}

function mergeMap(original: JMap | undefined, patch: JMap, schema: PatchSchema | undefined): JMap {
  if (Object.hasOwn(patch, DIRECTIVE)) return handleDirectiveInMergeMap(patch[DIRECTIVE], patch);
  original ??= {};
  applyRetainKeysDirective(original, patch);
  mergePatchIntoOriginal(original, patch, schema);

  for (let [k, patchV] of Object.entries(patch)) {
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      continue;
    }
    if (!Object.hasOwn(original, k) || goKind(original[k]) !== goKind(patchV) || (goKind(patchV) !== "map" && goKind(patchV) !== "slice")) {
      if (!isDeleteList) takePatchValue(original, k, patchV);
      continue;
    }
    const [sub, meta] = lookupField(schema, k);
    const strategy = extractRetainKeysPatchStrategy(meta.strategies);
    if (isMap(patchV)) original[k] = mergeMapHandler(original[k], patchV, sub, strategy);
    else original[k] = mergeSliceHandler(original[k], patchV as unknown[], sub, strategy, meta.mergeKey, isDeleteList);
  }
  return original;
}

/** A patch value with nothing to merge into: nulls dropped, directives removed (or the key, if the value is one). */
function takePatchValue(original: JMap, k: string, patchV: unknown): void {
  discardNullValuesFromPatch(patchV);
  const [v, keep] = removeDirectives(patchV);
  if (keep) original[k] = v;
  else delete original[k];
}

function handleDirectiveInMergeMap(directive: unknown, patch: JMap): JMap {
  if (directive === REPLACE) {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === DELETE) return {};
  throw errBadPatchType(directive, patch);
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf("/");
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw errBadPatchFormatForPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER) throw errBadPatchFormatForSetElementOrderList();
    throw new SmpError(`fail to find unknown prefix "${prefix}" in ${s}\n`);
  }
  return s.slice(slash + 1);
}

function applyRetainKeysDirective(original: JMap, patch: JMap): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw errBadPatchFormatForRetainKeys();
  const keep = new Set<unknown>(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** $setElementOrder/<list>: merge that list now and order the result as the directive says. */
function mergePatchIntoOriginal(original: JMap, patch: JMap, schema: PatchSchema | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType("slice", order);
    const originalKey = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = Object.hasOwn(original, originalKey);
    const foundPatch = Object.hasOwn(patch, originalKey);
    let originalList: unknown[] = [];
    let patchList: unknown[] = [];
    if (foundOriginal) {
      const v = original[originalKey];
      if (!Array.isArray(v)) throw errBadArgType("slice", v);
      originalList = v;
    }
    if (foundPatch) {
      const v = patch[originalKey];
      if (!Array.isArray(v)) throw errBadArgType("slice", v);
      patchList = v;
    }
    const [sub, meta] = lookupField(schema, originalKey);
    const strategy = extractRetainKeysPatchStrategy(meta.strategies);
    validatePatchWithSetOrderList(patchList, order, meta.mergeKey);

    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) {
      const [v, keep] = removeDirectives(patchList);
      if (!keep) continue;
      merged = v as unknown[];
    } else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, sub, strategy, meta.mergeKey, false);
    else continue;

    const [patchItems, serverOnly] = meta.mergeKey ? partitionMapsByPresentInList(merged, order, meta.mergeKey) : partitionPrimitivesByPresentInList(merged, order);
    const kind = sliceElementKind(originalList, patchList);
    original[originalKey] = normalizeElementOrder(patchItems, serverOnly, order, originalList, meta.mergeKey, kind);
    delete patch[originalKey];
  }
}

function validatePatchWithSetOrderList(patchList: unknown[], setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    if (containsDirectiveMarker(nonDelete[p])) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[p], setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length)
    throw new SmpError(`The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goFormat(setOrderList)}\n`);
}

function containsDirectiveMarker(item: unknown): boolean {
  return isMap(item) && Object.hasOwn(item, DIRECTIVE);
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isMap(left)) throw errBadArgType("map", left);
  if (!isMap(right)) throw errBadArgType("map", right);
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

function partitionPrimitivesByPresentInList(list: unknown[], by: unknown[]): [unknown[], unknown[]] {
  const inPatch = new Set(by);
  return [list.filter((v) => inPatch.has(v)), list.filter((v) => !inPatch.has(v))];
}

function partitionMapsByPresentInList(list: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw errBadArgType("map", v);
    if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    if (findMapInSliceBasedOnKeyValue(by, mergeKey, v[mergeKey]) >= 0) patch.push(v);
    else serverOnly.push(v);
  }
  return [patch, serverOnly];
}

/** Strip $patch'd maps and directive keys from a value taken verbatim; [value, keep]. */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isMap(obj)) {
    if (Object.hasOwn(obj, DIRECTIVE)) return [undefined, false];
    for (const [k, v] of Object.entries(obj)) {
      const [nv, keep] = removeDirectives(v);
      if (keep) obj[k] = nv;
      else delete obj[k];
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) {
    const res: unknown[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) res.push(nv);
    }
    return [res, true];
  }
  return [obj, true];
}

function discardNullValuesFromPatch(v: unknown): void {
  if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNullValuesFromPatch(x);
    }
  } else if (Array.isArray(v)) v.forEach(discardNullValuesFromPatch);
}

function mergeMapHandler(original: unknown, patch: JMap, schema: PatchSchema | undefined, strategy: string): JMap {
  if (!isMap(original)) throw errBadArgType("map", original);
  return strategy !== REPLACE ? mergeMap(original, patch, schema) : patch;
}

function mergeSliceHandler(original: unknown, patch: unknown[], schema: PatchSchema | undefined, strategy: string, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (!Array.isArray(original)) throw errBadArgType("slice", original);
  return strategy === MERGE || isDeleteList ? mergeSlice(original, patch, schema, mergeKey, isDeleteList) : patch;
}

function mergeSlice(original: unknown[], patch: unknown[], schema: PatchSchema | undefined, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let merged: unknown[];
  let serverOrder = original;
  if (kind !== "map") {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new SmpError(`cannot merge lists without merge key for ${schema?.name ?? ""}`);
    const special = mergeSliceWithSpecialElements(original, patch, mergeKey);
    patch = special.patch;
    serverOrder = special.base.slice(0, special.len);
    merged = mergeSliceWithoutSpecialElements(special.base, special.len, patch, mergeKey, schema);
  }
  const [patchItems, serverOnly] = mergeKey ? partitionMapsByPresentInList(merged, patch, mergeKey) : partitionPrimitivesByPresentInList(merged, patch);
  return normalizeElementOrder(patchItems, serverOnly, patch, serverOrder, mergeKey, kind);
}

/*
 * Go slices share their backing array: upstream deletes and appends in place, and the caller's
 * view of the original list (the server order of $setElementOrder) sees those writes. The lists
 * below are (array, length) pairs over the caller's array to reproduce the resulting order.
 */

interface SpecialResult {
  base: unknown[];
  len: number;
  patch: unknown[];
}

function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): SpecialResult {
  const plain: unknown[] = [];
  let len = original.length;
  let replace = false;
  for (const v of patch) {
    const m = v as JMap;
    if (!Object.hasOwn(m, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const t = m[DIRECTIVE];
    if (t === DELETE) {
      if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      for (;;) {
        const i = findMapInSliceBasedOnKeyValue(original.slice(0, len), mergeKey, m[mergeKey]);
        if (i < 0) break;
        original.copyWithin(i, i + 1, len);
        len--;
      }
    } else if (t === REPLACE) replace = true;
    else if (t === MERGE) throw new SmpError("merging lists cannot yet be specified in the patch");
    else throw errBadPatchType(t, m);
  }
  // A replace directive makes the patch items the whole list.
  return replace ? { base: [...plain], len: plain.length, patch: [] } : { base: original, len, patch: plain };
}

function mergeSliceWithoutSpecialElements(base: unknown[], len: number, patch: unknown[], mergeKey: string, schema: PatchSchema | undefined): unknown[] {
  let out = base;
  for (const v of patch) {
    const m = v as JMap;
    if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const i = findMapInSliceBasedOnKeyValue(out.slice(0, len), mergeKey, m[mergeKey]);
    if (i >= 0) out[i] = mergeMap(out[i] as JMap, m, schema);
    else {
      // Within the shared array's capacity append writes in place; past it Go reallocates.
      if (out === base && len >= base.length) out = base.slice(0, len);
      out[len++] = v;
    }
  }
  return out.slice(0, len);
}

function findMapInSliceBasedOnKeyValue(list: unknown[], key: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isMap(v)) throw new SmpError(`value for key ${i} is not a map`);
    if (v[key] === value) return i;
  }
  return -1;
}

function deleteFromSlice(current: unknown[], toDelete: unknown[]): unknown[] {
  const del = new Set(toDelete);
  return current.filter((v) => !del.has(v));
}

/** Upstream's in-place dedup: a later duplicate is overwritten by the last element. */
function deduplicateScalars(s: unknown[]): unknown[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function sliceElementKind(...slices: unknown[][]): string {
  let prev: string | undefined;
  for (const s of slices) {
    for (const v of s) {
      const k = goKind(v);
      if (prev === undefined) {
        prev = k;
        if (k === "slice") throw errNoListOfLists();
      } else if (prev !== k) throw new SmpError(`list element types are not identical: ${goFormat(slices)}`);
    }
  }
  if (prev === undefined) throw new SmpError("no elements in any of the given slices");
  return prev;
}

function extractRetainKeysPatchStrategy(strategies: readonly string[]): string {
  switch (strategies.length) {
    case 0:
      return "";
    case 1:
      return strategies[0] === RETAIN_KEYS_STRATEGY ? "" : strategies[0]!;
    case 2:
      if (strategies[0] === RETAIN_KEYS_STRATEGY) return strategies[1]!;
      if (strategies[1] === RETAIN_KEYS_STRATEGY) return strategies[0]!;
  }
  throw new SmpError(`unexpected patch strategy: [${strategies.join(" ")}]`);
}

// --- ordering (normalizeElementOrder, mergeSortedSlice, index, normalizeSliceOrder) ---

function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: string): unknown[] {
  patch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  serverOnly = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(serverOnly, patch, serverOrder, mergeKey, kind);
}

function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = index(serverOrder, left[i], mergeKey, kind);
      const ri = index(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function index(list: unknown[], v: unknown, mergeKey: string, kind: string): number {
  const val = (x: unknown) => (kind === "map" ? (isMap(x) ? x[mergeKey] : undefined) : x);
  const want = val(v);
  return list.findIndex((x) => val(x) === want);
}

function extractToDeleteItems(list: unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const del: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw errBadArgType("map", v);
    if (v[DIRECTIVE] === DELETE) del.push(v);
    else keep.push(v);
  }
  return [keep, del];
}

function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists)
    for (const item of list) {
      if (!isMap(item)) throw errBadArgType("map", item);
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
}

function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: string): unknown[] {
  let toDelete: unknown[] = [];
  if (kind === "map") {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [toSort, toDelete] = extractToDeleteItems(toSort);
  } else toSort = [...toSort];
  // Go's sort.SliceStable is an insertion sort for short slices; this "less" is not a strict
  // order (unknown items sort before everything), so the algorithm decides the result.
  const less = (a: unknown, b: unknown) => {
    const ia = index(order, a, mergeKey, kind);
    if (ia < 0) return true;
    const ib = index(order, b, mergeKey, kind);
    return ib < 0 ? true : ia < ib;
  };
  for (let i = 1; i < toSort.length; i++)
    for (let j = i; j > 0 && less(toSort[j], toSort[j - 1]); j--) [toSort[j - 1], toSort[j]] = [toSort[j], toSort[j - 1]];
  return [...toSort, ...toDelete];
}


