/**
 * ObjectMeta validation every resource shares, as k8s.io/apimachinery/pkg/api/validation
 * (objectmeta.go) plus pkg/apis/core/validation's finalizer-name rule does it, with the
 * same field paths and messages.
 */
import type { V1ObjectMeta, V1OwnerReference } from "@kubernetes/client-node";
import type { StatusCause } from "../errors.js";
import { isQualifiedName } from "./names.js";
import {
  fe,
  goStringSlice,
  IS_NEGATIVE,
  nameIsDNSSubdomain,
  semanticEqual,
  validateAnnotations,
  validateLabels,
  validateNamespaceName,
  type Causes,
} from "./common.js";

/** How validateObjectMeta checks scope and names. */
export interface ObjectMetaOptions {
  /** Namespaced resources require metadata.namespace; cluster-scoped ones forbid it. */
  readonly namespaced: boolean;
  /** Name format check returning messages (default: DNS-1123 subdomain). */
  readonly nameFn?: (name: string) => string[];
}

/** Finalizers kube-apiserver knows without a domain prefix. */
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/** GroupVersionKinds that may never own anything (objectmeta.go BannedOwners). */
const BANNED_OWNERS = new Set(["/v1, Kind=Event"]);

/**
 * ValidateObjectMeta for a new object (name generation already done): name or
 * generateName, namespace, generation, labels, annotations, ownerReferences, finalizers.
 */
export function validateObjectMeta(meta: V1ObjectMeta, opts: ObjectMetaOptions): StatusCause[] {
  const causes: Causes = [];
  const nameFn = opts.nameFn ?? ((n: string) => nameIsDNSSubdomain(n, false));
  const generateName = meta.generateName ?? "";
  if (generateName) {
    // A generateName only has a suffix appended, so a trailing '-' is fine (maskTrailingDash).
    const masked = generateName.length > 1 && generateName.endsWith("-") ? `${generateName.slice(0, -2)}a` : generateName;
    for (const m of nameFn(masked)) causes.push(fe.invalid("metadata.generateName", generateName, m));
  }
  const name = meta.name ?? "";
  if (!name) causes.push(fe.required("metadata.name", "name or generateName is required"));
  else for (const m of nameFn(name)) causes.push(fe.invalid("metadata.name", name, m));

  const ns = meta.namespace ?? "";
  if (opts.namespaced) {
    if (!ns) causes.push(fe.required("metadata.namespace"));
    else for (const m of validateNamespaceName(ns, false)) causes.push(fe.invalid("metadata.namespace", ns, m));
  } else if (ns) {
    causes.push(fe.forbidden("metadata.namespace", "not allowed on this type"));
  }

  if (typeof meta.generation === "number" && meta.generation < 0) causes.push(fe.invalid("metadata.generation", meta.generation, IS_NEGATIVE));
  causes.push(...validateLabels(meta.labels, "metadata.labels"));
  causes.push(...validateAnnotations(meta.annotations, "metadata.annotations"));
  causes.push(...validateOwnerReferences(meta.ownerReferences ?? [], "metadata.ownerReferences"));
  causes.push(...validateFinalizers(meta.finalizers ?? [], "metadata.finalizers"));
  return causes;
}

/**
 * The checks ValidateObjectMetaUpdate adds for an update: immutable identity fields, no
 * new finalizers while deleting, no decrementing generation. (validateObjectMeta runs on
 * the new object as well, so labels and annotations are not checked twice.)
 */
export function validateObjectMetaUpdate(newMeta: V1ObjectMeta, oldMeta: V1ObjectMeta): StatusCause[] {
  const causes: Causes = [];
  if (oldMeta.deletionTimestamp) {
    const old = new Set(oldMeta.finalizers ?? []);
    const extra = [...new Set((newMeta.finalizers ?? []).filter((f) => !old.has(f)))].sort();
    if (extra.length)
      causes.push(fe.forbidden("metadata.finalizers", `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`));
  }
  if ((newMeta.generation ?? 0) < (oldMeta.generation ?? 0)) causes.push(fe.invalid("metadata.generation", newMeta.generation ?? 0, "must not be decremented"));
  const same = (field: keyof V1ObjectMeta) => {
    const a = newMeta[field] as unknown;
    const b = oldMeta[field] as unknown;
    if (!semanticEqual(normalizeTime(a), normalizeTime(b))) causes.push(fe.invalid(`metadata.${field}`, a, "field is immutable"));
  };
  same("name");
  same("namespace");
  same("uid");
  same("creationTimestamp");
  same("deletionTimestamp");
  same("deletionGracePeriodSeconds");
  return causes;
}

function normalizeTime(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().replace(/\.\d{3}Z$/, "Z") : v;
}

/** ValidateOwnerReferences: each reference complete, not an Event, at most one controller. */
export function validateOwnerReferences(refs: readonly V1OwnerReference[], field: string): StatusCause[] {
  const causes: Causes = [];
  let firstController = "";
  for (const ref of refs) {
    const apiVersion = ref.apiVersion ?? "";
    const slash = apiVersion.lastIndexOf("/");
    const group = slash >= 0 ? apiVersion.slice(0, slash) : "";
    const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
    if (!version) causes.push(fe.invalid(`${field}.apiVersion`, apiVersion, "version must not be empty"));
    if (!ref.kind) causes.push(fe.invalid(`${field}.kind`, ref.kind ?? "", "must not be empty"));
    if (!ref.name) causes.push(fe.invalid(`${field}.name`, ref.name ?? "", "must not be empty"));
    if (!ref.uid) causes.push(fe.invalid(`${field}.uid`, ref.uid ?? "", "must not be empty"));
    const gvk = `${group}/${version}, Kind=${ref.kind ?? ""}`;
    if (BANNED_OWNERS.has(gvk)) causes.push(fe.invalid(field, ref, `${gvk} is disallowed from being an owner`));
    if (ref.controller === true) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController)
        causes.push(fe.invalid(field, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      else firstController = cur;
    }
  }
  return causes;
}

/**
 * ValidateFinalizers plus core's validateKubeFinalizerName: qualified names, not both
 * orphan and foregroundDeletion, and names without a '/' must be standard ones.
 */
export function validateFinalizers(finalizers: readonly string[], field: string): StatusCause[] {
  const causes: Causes = [];
  for (const f of finalizers) for (const m of isQualifiedName(f)) causes.push(fe.invalid(field, f, m));
  if (finalizers.includes("orphan") && finalizers.includes("foregroundDeletion"))
    causes.push(fe.invalid(field, finalizers, "finalizer orphan and foregroundDeletion cannot be both set"));
  finalizers.forEach((f, i) => {
    if (!f.includes("/") && !STANDARD_FINALIZERS.has(f))
      causes.push(fe.invalid(`${field}[${i}]`, f, "name is neither a standard finalizer name nor is it fully qualified"));
  });
  return causes;
}

/** ValidateFinalizerName + validateKubeFinalizerName for one name (namespace spec.finalizers). */
export function validateFinalizerName(name: string, field: string): StatusCause[] {
  const causes: Causes = isQualifiedName(name).map((m) => fe.invalid(field, name, m));
  if (!name.includes("/") && !STANDARD_FINALIZERS.has(name)) causes.push(fe.invalid(field, name, "name is neither a standard finalizer name nor is it fully qualified"));
  return causes;
}

