/**
 * Runs a strategy the way the generic store does (create: server fields, defaults,
 * prepareForCreate, metadata + strategy validation; update: carried-over server fields,
 * defaults, prepareForUpdate, validation), without a store.
 */
import { randomUUID } from "node:crypto";
import type { StatusCause } from "../../src/k8s-api/errors.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { findKind } from "../../src/k8s-api/registry/resources.js";
import type { ResourceInfo, SubresourceStrategy } from "../../src/k8s-api/registry/types.js";
import { statusStrategies } from "../../src/k8s-api/registry/strategies/index.js";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../src/k8s-api/validation/meta.js";

export interface Result {
  readonly obj: KubeObject;
  readonly causes: StatusCause[];
}

export function info(group: string, kind: string): ResourceInfo {
  const r = findKind(group, kind);
  if (!r) throw new Error(`no resource ${group}/${kind}`);
  return r;
}

function metaCauses(r: ResourceInfo, obj: KubeObject, old?: KubeObject): StatusCause[] {
  const causes = validateObjectMeta(obj.metadata ?? {}, { namespaced: r.namespaced, ...(r.strategy.validateName ? { nameFn: r.strategy.validateName } : {}) });
  if (old) causes.push(...validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}));
  return causes;
}

/** Create as the store would (the input is not modified). */
export function create(r: ResourceInfo, input: KubeObject, ns = "default"): Result {
  const obj = structuredClone(input);
  const meta = (obj.metadata ??= {});
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}abcde`;
  meta.uid = randomUUID();
  meta.creationTimestamp = "2025-01-01T00:00:00Z" as unknown as Date;
  if (r.namespaced) meta.namespace = ns;
  else delete meta.namespace;
  r.strategy.applyDefaults?.(obj);
  r.strategy.prepareForCreate?.(obj);
  const causes = [...metaCauses(r, obj), ...(r.strategy.validate?.(obj) ?? [])];
  return { obj, causes };
}

/** Update `old` (a created object) to `input` as the store would; `sub` for subresource writes. */
export function update(r: ResourceInfo, input: KubeObject, old: KubeObject, sub?: SubresourceStrategy): Result {
  let obj = structuredClone(input);
  if (sub) obj = sub.merge(obj, structuredClone(old));
  const meta = (obj.metadata ??= {});
  const oldMeta = old.metadata ?? {};
  meta.name = oldMeta.name!;
  if (r.namespaced) meta.namespace = oldMeta.namespace!;
  meta.uid = oldMeta.uid!;
  meta.creationTimestamp = oldMeta.creationTimestamp!;
  if (oldMeta.generation !== undefined) meta.generation = oldMeta.generation;
  else delete meta.generation;
  r.strategy.applyDefaults?.(obj);
  const causes: StatusCause[] = [];
  if (sub) causes.push(...(sub.validate?.(obj, old) ?? []));
  else r.strategy.prepareForUpdate?.(obj, old);
  causes.push(...metaCauses(r, obj, old));
  if (sub?.validateResource) causes.push(...sub.validateResource(obj, old));
  else causes.push(...(r.strategy.validate?.(obj) ?? []), ...(r.strategy.validateUpdate?.(obj, old) ?? []));
  return { obj, causes };
}

/** A status subresource write. */
export function updateStatus(r: ResourceInfo, input: KubeObject, old: KubeObject): Result {
  return update(r, input, old, statusStrategies[r.kind]);
}

/** Create and insist it is valid. */
export function created(r: ResourceInfo, input: KubeObject, ns = "default"): KubeObject {
  const res = create(r, input, ns);
  if (res.causes.length) throw new Error(`unexpected causes: ${JSON.stringify(res.causes, null, 2)}`);
  return res.obj;
}

/** "field: message" lines, the way kubectl prints a 422's causes. */
export function lines(causes: readonly StatusCause[]): string[] {
  return causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}
