/**
 * apps/v1 strategies: SetDefaults_* from pkg/apis/apps/v1/defaults.go (with the pod
 * template defaults), PrepareForCreate/Update from pkg/registry/apps/<kind>/strategy.go
 * and the validation in ../../validation/apps.ts.
 */
import type { V1ControllerRevision, V1DaemonSet, V1Deployment, V1ReplicaSet, V1StatefulSet } from "@kubernetes/client-node";
import type { Strategy, SubresourceStrategy } from "../types.js";
import { nameIsDNSLabel, nameIsDNSSubdomain, nonNegative, semanticEqual, fe, type Causes } from "../../validation/common.js";
import {
  validateControllerRevision,
  validateControllerRevisionUpdate,
  validateDaemonSetSpec,
  validateDeploymentSpec,
  validateReplicaSetSpec,
  validateSelectorImmutable,
  validateStatefulSetSpec,
  validateStatefulSetUpdate,
} from "../../validation/apps.js";
import { defaultClaimTemplate, defaultPodTemplate } from "./defaults.js";
import { asObj, bumpGenerationIf, bumpGenerationOnSpecChange, child, def, intAnnotation, keepOldStatus, list, meta, rec, resetStatusAndGeneration, statusSubresource, type Obj, type Typed } from "./helpers.js";

const dnsSubdomain = (n: string) => nameIsDNSSubdomain(n, false);

/** SetDefaults_Deployment. */
function defaultDeployment(d: Typed<V1Deployment>): void {
  const spec = child(asObj(d), "spec");
  def(spec, "replicas", 1);
  const strategy = child(spec, "strategy");
  if (strategy.type === undefined || strategy.type === null || strategy.type === "") strategy.type = "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const ru = child(strategy, "rollingUpdate");
    def(ru, "maxUnavailable", "25%");
    def(ru, "maxSurge", "25%");
  }
  def(spec, "revisionHistoryLimit", 10);
  def(spec, "progressDeadlineSeconds", 600);
  defaultPodTemplate(spec.template);
}

/** Deployments: defaults, generation on spec or annotation changes, immutable selector. */
export const deploymentStrategy: Strategy<Typed<V1Deployment>> = {
  applyDefaults: defaultDeployment,
  prepareForCreate: (d) => resetStatusAndGeneration(d, {}),
  prepareForUpdate(d, old) {
    keepOldStatus(d, old);
    // Spec changes and annotation changes (copied to ReplicaSets) move the generation.
    bumpGenerationIf(d, old, !semanticEqual(d.spec, old.spec) || !semanticEqual(d.metadata?.annotations, old.metadata?.annotations));
  },
  validate: (d) => validateDeploymentSpec(d.spec),
  validateUpdate: (d, old) => validateSelectorImmutable(d.spec, old.spec),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** ReplicaSets: defaults, generation on spec changes, immutable selector. */
export const replicaSetStrategy: Strategy<Typed<V1ReplicaSet>> = {
  applyDefaults(rs) {
    const spec = child(asObj(rs), "spec");
    def(spec, "replicas", 1);
    defaultPodTemplate(spec.template);
  },
  prepareForCreate: (rs) => resetStatusAndGeneration(rs, { replicas: 0 }),
  prepareForUpdate(rs, old) {
    keepOldStatus(rs, old);
    bumpGenerationOnSpecChange(rs, old);
  },
  validate: (rs) => validateReplicaSetSpec(rs.spec),
  validateUpdate: (rs, old) => validateSelectorImmutable(rs.spec, old.spec),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** SetDefaults_StatefulSet. */
function defaultStatefulSet(sts: Typed<V1StatefulSet>): void {
  const spec = child(asObj(sts), "spec");
  if (spec.podManagementPolicy === undefined || spec.podManagementPolicy === null || spec.podManagementPolicy === "") spec.podManagementPolicy = "OrderedReady";
  const us = child(spec, "updateStrategy");
  if (us.type === undefined || us.type === null || us.type === "") {
    us.type = "RollingUpdate";
    def(us, "rollingUpdate", {});
  }
  const ru = rec(us.rollingUpdate);
  if (us.type === "RollingUpdate" && ru) def(ru, "partition", 0);
  const retention = child(spec, "persistentVolumeClaimRetentionPolicy");
  if (!retention.whenDeleted) retention.whenDeleted = "Retain";
  if (!retention.whenScaled) retention.whenScaled = "Retain";
  def(spec, "replicas", 1);
  def(spec, "revisionHistoryLimit", 10);
  defaultPodTemplate(spec.template);
  for (const claim of list(spec.volumeClaimTemplates)) defaultClaimTemplate(claim);
}

/** StatefulSets: defaults (claim templates too), only some spec fields may change. */
export const statefulSetStrategy: Strategy<Typed<V1StatefulSet>> = {
  applyDefaults: defaultStatefulSet,
  prepareForCreate: (sts) => resetStatusAndGeneration(sts, { replicas: 0, availableReplicas: 0 }),
  prepareForUpdate(sts, old) {
    keepOldStatus(sts, old);
    bumpGenerationOnSpecChange(sts, old);
  },
  validate: (sts) => validateStatefulSetSpec(sts.spec),
  validateUpdate: (sts, old) => validateStatefulSetUpdate(sts.spec, old.spec),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  // StatefulSet names become pod hostnames: DNS labels.
  validateName: (n) => nameIsDNSLabel(n, false),
};

/** apps/v1 carries the internal spec.templateGeneration in this annotation. */
export const DAEMONSET_TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

function setTemplateGeneration(ds: Typed<V1DaemonSet>, gen: number): void {
  meta(ds).annotations = { ...(ds.metadata?.annotations ?? {}), [DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]: String(gen) };
}

/** DaemonSets: defaults, the template generation annotation, immutable selector. */
export const daemonSetStrategy: Strategy<Typed<V1DaemonSet>> = {
  applyDefaults(ds) {
    const spec = child(asObj(ds), "spec");
    const us = child(spec, "updateStrategy");
    if (us.type === undefined || us.type === null || us.type === "") us.type = "RollingUpdate";
    if (us.type === "RollingUpdate") {
      const ru = child(us, "rollingUpdate");
      def(ru, "maxUnavailable", 1);
      def(ru, "maxSurge", 0);
    }
    def(spec, "revisionHistoryLimit", 10);
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(ds) {
    resetStatusAndGeneration(ds, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    setTemplateGeneration(ds, Math.max(1, intAnnotation(ds, DAEMONSET_TEMPLATE_GENERATION_ANNOTATION)));
  },
  prepareForUpdate(ds, old) {
    keepOldStatus(ds, old);
    const oldGen = intAnnotation(old, DAEMONSET_TEMPLATE_GENERATION_ANNOTATION);
    // The template generation is the server's: it moves when the template does.
    const templateChanged = !semanticEqual(asObj(ds.spec).template, asObj(old.spec).template);
    if (templateChanged) setTemplateGeneration(ds, oldGen + 1);
    else if (oldGen > 0) setTemplateGeneration(ds, oldGen);
    else if (ds.metadata?.annotations) delete ds.metadata.annotations[DAEMONSET_TEMPLATE_GENERATION_ANNOTATION];
    bumpGenerationIf(ds, old, templateChanged || !semanticEqual(ds.spec, old.spec));
  },
  validate: (ds) => validateDaemonSetSpec(ds.spec),
  validateUpdate: (ds, old) => validateSelectorImmutable(ds.spec, old.spec),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** ControllerRevisions: data is required and immutable. */
export const controllerRevisionStrategy: Strategy<Typed<V1ControllerRevision>> = {
  validate: (cr) => validateControllerRevision(asObj(cr)),
  validateUpdate: (cr, old) => validateControllerRevisionUpdate(asObj(cr), asObj(old)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

// ---- status subresources ----------------------------------------------------------------------

function replicaCounts(status: Obj, keys: readonly string[]): Causes {
  const causes: Causes = [];
  for (const k of keys) causes.push(...nonNegative(status[k] as number, `status.${k}`));
  return causes;
}

function num(v: unknown): number {
  return typeof v === "number" ? v : 0;
}

function collisionCount(status: Obj, oldStatus: Obj): Causes {
  const cur = status.collisionCount;
  const prev = oldStatus.collisionCount;
  const decremented = (cur === undefined || cur === null) ? prev !== undefined && prev !== null : typeof prev === "number" && num(cur) < prev;
  return decremented ? [fe.invalid("status.collisionCount", num(cur), "cannot be decremented")] : [];
}

/** ValidateDeploymentStatusUpdate. */
function validateDeploymentStatus(next: Obj, old: Obj): Causes {
  const s = rec(next.status) ?? {};
  const causes = replicaCounts(s, ["observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas", "collisionCount"]);
  const msg = "cannot be greater than status.replicas";
  if (num(s.updatedReplicas) > num(s.replicas)) causes.push(fe.invalid("status.updatedReplicas", num(s.updatedReplicas), msg));
  if (num(s.readyReplicas) > num(s.replicas)) causes.push(fe.invalid("status.readyReplicas", num(s.readyReplicas), msg));
  if (num(s.availableReplicas) > num(s.replicas)) causes.push(fe.invalid("status.availableReplicas", num(s.availableReplicas), msg));
  if (num(s.availableReplicas) > num(s.readyReplicas)) causes.push(fe.invalid("status.availableReplicas", num(s.availableReplicas), "cannot be greater than readyReplicas"));
  causes.push(...collisionCount(s, rec(old.status) ?? {}));
  return causes;
}

/** ValidateReplicaSetStatus. */
function validateReplicaSetStatus(next: Obj): Causes {
  const s = rec(next.status) ?? {};
  const causes = replicaCounts(s, ["replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration"]);
  const msg = "cannot be greater than status.replicas";
  if (num(s.fullyLabeledReplicas) > num(s.replicas)) causes.push(fe.invalid("status.fullyLabeledReplicas", num(s.fullyLabeledReplicas), msg));
  if (num(s.readyReplicas) > num(s.replicas)) causes.push(fe.invalid("status.readyReplicas", num(s.readyReplicas), msg));
  if (num(s.availableReplicas) > num(s.replicas)) causes.push(fe.invalid("status.availableReplicas", num(s.availableReplicas), msg));
  if (num(s.availableReplicas) > num(s.readyReplicas)) causes.push(fe.invalid("status.availableReplicas", num(s.availableReplicas), "cannot be greater than readyReplicas"));
  return causes;
}

/** ValidateStatefulSetStatusUpdate. */
function validateStatefulSetStatus(next: Obj, old: Obj): Causes {
  const s = rec(next.status) ?? {};
  const causes = replicaCounts(s, ["replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas", "observedGeneration", "collisionCount"]);
  const msg = "cannot be greater than status.replicas";
  for (const k of ["readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"]) if (num(s[k]) > num(s.replicas)) causes.push(fe.invalid(`status.${k}`, num(s[k]), msg));
  if (num(s.availableReplicas) > num(s.readyReplicas)) causes.push(fe.invalid("status.availableReplicas", num(s.availableReplicas), "cannot be greater than status.readyReplicas"));
  causes.push(...collisionCount(s, rec(old.status) ?? {}));
  return causes;
}

/** validateDaemonSetStatus. */
function validateDaemonSetStatus(next: Obj, old: Obj): Causes {
  const s = rec(next.status) ?? {};
  const causes = replicaCounts(s, [
    "currentNumberScheduled",
    "numberMisscheduled",
    "desiredNumberScheduled",
    "numberReady",
    "observedGeneration",
    "updatedNumberScheduled",
    "numberAvailable",
    "numberUnavailable",
    "collisionCount",
  ]);
  causes.push(...collisionCount(s, rec(old.status) ?? {}));
  return causes;
}

/** Status subresources of apps/v1 kinds. */
export const appsStatusStrategies: Record<string, SubresourceStrategy> = {
  Deployment: statusSubresource({ keepLabels: true, validate: (n, o) => validateDeploymentStatus(asObj(n), asObj(o)) }),
  ReplicaSet: statusSubresource({ validate: (n) => validateReplicaSetStatus(asObj(n)) }),
  StatefulSet: statusSubresource({ validate: (n, o) => validateStatefulSetStatus(asObj(n), asObj(o)) }),
  DaemonSet: statusSubresource({ validate: (n, o) => validateDaemonSetStatus(asObj(n), asObj(o)) }),
};
