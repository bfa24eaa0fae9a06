/**
 * apps/v1 validation as pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec,
 * ValidateReplicaSetSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec...), plus the
 * selector immutability the apps/v1 strategies add.
 */
import { labelSelectorAsMatcher } from "../selectors/index.js";
import { asRecord, fe, goLabelSelector, goStringMap, immutable, nonNegative, percentErrors, selectorIsEmpty, semanticEqual, str, validateLabels, validateAnnotations, validateLabelSelector, type Causes } from "./common.js";
import { validatePodSpecificAnnotations, validatePodTemplateSpec } from "./pod.js";

type Obj = Record<string, unknown>;

/**
 * The selector must match the template's labels (`selector` does not match template
 * `labels`); an unparsable selector is reported on spec.selector.
 */
export function validateSelectorMatchesTemplate(selector: unknown, template: Obj, selectorField: string, templateField: string, badSelectorDetail: string): Causes {
  let matcher;
  try {
    matcher = labelSelectorAsMatcher((selector ?? null) as never);
  } catch {
    return [fe.invalidRendered(selectorField, goLabelSelector(selector), badSelectorDetail)];
  }
  const labels = (asRecord(asRecord(template.metadata)?.labels) ?? undefined) as Record<string, string> | undefined;
  if (!matcher.empty && !matcher(labels)) return [fe.invalidRendered(`${templateField}.metadata.labels`, goStringMap(labels ?? null), "`selector` does not match template `labels`")];
  return [];
}

/** ValidatePodTemplateSpecForReplicaSet (Deployments and ReplicaSets). */
function validateTemplateForReplicaSet(selector: unknown, template: unknown, field: string, kind: "ReplicaSet" | "DaemonSet"): Causes {
  const t = asRecord(template) ?? {};
  try {
    labelSelectorAsMatcher((selector ?? null) as never);
  } catch {
    // LabelSelectorAsSelector failed: upstream reports only that, not the template.
    return [fe.invalidRendered("spec.selector", goLabelSelector(selector), "invalid label selector")];
  }
  const causes: Causes = [...validateSelectorMatchesTemplate(selector, t, "spec.selector", field, "invalid label selector")];
  causes.push(...validatePodTemplateSpec(t, field));
  causes.push(...alwaysRestartNoDeadline(t, field, kind));
  return causes;
}

function alwaysRestartNoDeadline(t: Obj, field: string, kind: string): Causes {
  const spec = asRecord(t.spec) ?? {};
  const causes: Causes = [];
  const rp = str(spec.restartPolicy);
  if (rp !== "Always") causes.push(fe.notSupported(`${field}.spec.restartPolicy`, rp, ["Always"]));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null)
    causes.push(fe.forbidden(`${field}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`));
  return causes;
}

function validateSelector(selector: unknown, field: string, kindForEmpty: string): Causes {
  if (selector === undefined || selector === null) return [fe.required(field)];
  const causes = validateLabelSelector(selector, field);
  if (selectorIsEmpty(selector)) causes.push(fe.invalidRendered(field, goLabelSelector(selector), `empty selector is invalid for ${kindForEmpty}`));
  return causes;
}

function getPercent(v: unknown): number | undefined {
  if (typeof v !== "string" || percentErrors(v).length) return undefined;
  return Number(v.slice(0, -1));
}

function intOrPercentValue(v: unknown): number {
  const p = getPercent(v);
  if (p !== undefined) return p;
  return typeof v === "number" ? v : 0;
}

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(v: unknown, field: string): Causes {
  if (typeof v === "string") return percentErrors(v).map((m) => fe.invalid(field, v, m));
  if (typeof v === "number") return nonNegative(v, field);
  if (v === undefined || v === null) return [];
  return [fe.invalid(field, v, "must be an integer or percentage (e.g '5%%')")];
}

function notMoreThan100Percent(v: unknown, field: string): Causes {
  const p = getPercent(v);
  return p !== undefined && p > 100 ? [fe.invalid(field, v, "must not be greater than 100%")] : [];
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: unknown): Causes {
  const s = asRecord(spec) ?? {};
  const causes: Causes = [...nonNegative(s.replicas as number, "spec.replicas")];
  causes.push(...validateSelector(s.selector, "spec.selector", "deployment"));
  causes.push(...validateTemplateForReplicaSet(s.selector, s.template, "spec.template", "ReplicaSet"));
  const strategy = asRecord(s.strategy) ?? {};
  const type = str(strategy.type);
  if (type === "Recreate") {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null)
      causes.push(fe.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === "RollingUpdate") {
    const ru = asRecord(strategy.rollingUpdate);
    if (!ru) causes.push(fe.required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil"));
    else {
      const p = "spec.strategy.rollingUpdate";
      causes.push(...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      causes.push(...positiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0)
        causes.push(fe.invalid(`${p}.maxUnavailable`, ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
      causes.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    }
  } else {
    causes.push(fe.notSupported("spec.strategy", strategy, ["Recreate", "RollingUpdate"]));
  }
  const minReady = typeof s.minReadySeconds === "number" ? s.minReadySeconds : 0;
  causes.push(...nonNegative(minReady, "spec.minReadySeconds"));
  causes.push(...nonNegative(s.revisionHistoryLimit as number, "spec.revisionHistoryLimit"));
  if (typeof s.progressDeadlineSeconds === "number") {
    causes.push(...nonNegative(s.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    if (s.progressDeadlineSeconds <= minReady) causes.push(fe.invalid("spec.progressDeadlineSeconds", s.progressDeadlineSeconds, "must be greater than minReadySeconds"));
  }
  return causes;
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: unknown): Causes {
  const s = asRecord(spec) ?? {};
  const causes: Causes = [...nonNegative(s.replicas as number, "spec.replicas"), ...nonNegative(s.minReadySeconds as number, "spec.minReadySeconds")];
  // Upstream's ReplicaSet check reuses the Deployment wording.
  causes.push(...validateSelector(s.selector, "spec.selector", "deployment"));
  causes.push(...validateTemplateForReplicaSet(s.selector, s.template, "spec.template", "ReplicaSet"));
  return causes;
}

/** The apps/v1 strategies forbid changing spec.selector. */
export function validateSelectorImmutable(spec: unknown, oldSpec: unknown): Causes {
  return immutable(asRecord(spec)?.selector, asRecord(oldSpec)?.selector, "spec.selector", goLabelSelector);
}

/** ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(spec: unknown): Causes {
  const s = asRecord(spec) ?? {};
  const causes: Causes = [];
  const pmp = str(s.podManagementPolicy);
  if (pmp === "") causes.push(fe.required("spec.podManagementPolicy"));
  else if (pmp !== "OrderedReady" && pmp !== "Parallel") causes.push(fe.invalid("spec.podManagementPolicy", pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = asRecord(s.updateStrategy) ?? {};
  const ustype = str(us.type);
  const ru = asRecord(us.rollingUpdate);
  if (ustype === "") causes.push(fe.required("spec.updateStrategy"));
  else if (ustype === "OnDelete") {
    if (ru) causes.push(fe.invalid("spec.updateStrategy.rollingUpdate", ru, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (ustype === "RollingUpdate") {
    if (ru) {
      const p = "spec.updateStrategy.rollingUpdate";
      causes.push(...nonNegative(ru.partition as number, `${p}.partition`));
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
        causes.push(...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
        if (intOrPercentValue(ru.maxUnavailable) === 0) causes.push(fe.invalid(`${p}.maxUnavailable`, ru.maxUnavailable, "cannot be 0"));
        causes.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      }
    }
  } else causes.push(fe.invalid("spec.updateStrategy", us, "must be 'RollingUpdate' or 'OnDelete'"));
  const retention = asRecord(s.persistentVolumeClaimRetentionPolicy);
  if (retention)
    for (const k of ["whenDeleted", "whenScaled"] as const) {
      const v = str(retention[k]);
      if (v !== "Retain" && v !== "Delete") causes.push(fe.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, v, ["Retain", "Delete"]));
    }
  causes.push(...nonNegative(s.replicas as number, "spec.replicas"));
  causes.push(...nonNegative(s.minReadySeconds as number, "spec.minReadySeconds"));
  const ordinals = asRecord(s.ordinals);
  if (ordinals) causes.push(...nonNegative(ordinals.start as number, "spec.ordinals.start"));
  if (s.selector === undefined || s.selector === null) causes.push(fe.required("spec.selector"));
  else {
    causes.push(...validateLabelSelector(s.selector, "spec.selector"));
    if (selectorIsEmpty(s.selector)) causes.push(fe.invalidRendered("spec.selector", goLabelSelector(s.selector), "empty selector is invalid for statefulset"));
  }
  const t = asRecord(s.template) ?? {};
  const tmeta = asRecord(t.metadata) ?? {};
  const selectorCauses = validateSelectorMatchesTemplate(s.selector, t, "spec.selector", "spec.template", "");
  causes.push(...selectorCauses);
  if (selectorCauses.some((c) => c.field === "spec.selector")) return causes;
  // Upstream validates only the template's metadata here (volumes come from claim templates too).
  causes.push(...validateLabels(tmeta.labels, "spec.template.labels"));
  causes.push(...validateAnnotations(tmeta.annotations, "spec.template.annotations"));
  causes.push(...validatePodSpecificAnnotations(tmeta.annotations, t.spec, "spec.template.annotations"));
  const tspec = asRecord(t.spec) ?? {};
  const rp = str(tspec.restartPolicy);
  if (rp !== "Always") causes.push(fe.notSupported("spec.template.spec.restartPolicy", rp, ["Always"]));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null)
    causes.push(fe.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported"));
  return causes;
}

/** ValidateStatefulSetUpdate: only some spec fields may change. */
export function validateStatefulSetUpdate(spec: unknown, oldSpec: unknown): Causes {
  const s = { ...(asRecord(spec) ?? {}) };
  const o = asRecord(oldSpec) ?? {};
  for (const k of ["replicas", "template", "updateStrategy", "minReadySeconds", "ordinals", "persistentVolumeClaimRetentionPolicy", "revisionHistoryLimit"]) s[k] = o[k];
  if (!semanticEqual(s, o))
    return [
      fe.forbidden(
        "spec",
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    ];
  return [];
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(spec: unknown): Causes {
  const s = asRecord(spec) ?? {};
  const causes: Causes = [...validateLabelSelector(s.selector, "spec.selector")];
  const t = asRecord(s.template) ?? {};
  try {
    const matcher = labelSelectorAsMatcher((s.selector ?? null) as never);
    const labels = asRecord(asRecord(t.metadata)?.labels) as Record<string, string> | undefined;
    if (!matcher(labels)) causes.push(fe.invalidRendered("spec.template.metadata.labels", goStringMap(labels ?? null), "`selector` does not match template `labels`"));
  } catch {
    // Upstream skips the match check when the selector does not parse.
  }
  if (s.selector !== undefined && s.selector !== null && selectorIsEmpty(s.selector))
    causes.push(fe.invalidRendered("spec.selector", goLabelSelector(s.selector), "empty selector is invalid for daemonset"));
  causes.push(...validatePodTemplateSpec(t, "spec.template"));
  causes.push(...alwaysRestartNoDeadline(t, "spec.template", "DaemonSet"));
  causes.push(...nonNegative(s.minReadySeconds as number, "spec.minReadySeconds"));
  const us = asRecord(s.updateStrategy) ?? {};
  switch (str(us.type)) {
    case "OnDelete":
      break;
    case "RollingUpdate": {
      const ru = asRecord(us.rollingUpdate);
      if (!ru) {
        causes.push(fe.required("spec.updateStrategy.rollingUpdate"));
        break;
      }
      const p = "spec.updateStrategy.rollingUpdate";
      causes.push(...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      causes.push(...positiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      causes.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      causes.push(...notMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) causes.push(fe.invalid(`${p}.maxSurge`, ru.maxSurge, "may not be set when maxUnavailable is non-zero"));
      else if (!hasUnavailable && !hasSurge) causes.push(fe.required(`${p}.maxUnavailable`, "cannot be 0 when maxSurge is 0"));
      break;
    }
    default:
      causes.push(fe.notSupported("spec.updateStrategy", us, ["RollingUpdate", "OnDelete"]));
  }
  causes.push(...nonNegative(s.revisionHistoryLimit as number, "spec.revisionHistoryLimit"));
  return causes;
}

/** ValidateControllerRevision (data is mandatory, revision non-negative). */
export function validateControllerRevision(obj: Obj): Causes {
  const causes: Causes = [];
  if (obj.data === undefined || obj.data === null) causes.push(fe.required("data", "data is mandatory"));
  causes.push(...nonNegative(obj.revision as number, "revision"));
  return causes;
}

/** ValidateControllerRevisionUpdate: data is immutable. */
export function validateControllerRevisionUpdate(obj: Obj, old: Obj): Causes {
  return immutable(obj.data, old.data, "data");
}

