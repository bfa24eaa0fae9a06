/**
 * batch/v1 strategies: SetDefaults_Job/SetDefaults_CronJob (pkg/apis/batch/v1/defaults.go),
 * the Job strategy's generated selector and labels, and ../../validation/batch.ts.
 */
import type { V1CronJob, V1Job } from "@kubernetes/client-node";
import type { Strategy, SubresourceStrategy } from "../types.js";
import { CreateOnlyCauses, dns1123Label, fe, nameIsDNSSubdomain, nonNegative, type Causes } from "../../validation/common.js";
import {
  CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
  validateCronJobSpec,
  validateJob,
  validateJobUpdate,
} from "../../validation/batch.js";
import { defaultPodTemplate } from "./defaults.js";
import { asObj, bumpGenerationOnSpecChange, child, def, keepOldStatus, list, meta, rec, resetStatusAndGeneration, statusSubresource, type Obj, type Typed } from "./helpers.js";

const dnsSubdomain = (n: string) => nameIsDNSSubdomain(n, false);
const MAX_INT32 = 2147483647;

function defaultPodFailurePolicy(spec: Obj): void {
  for (const rule of list(rec(spec.podFailurePolicy)?.rules)) for (const pattern of list(rule.onPodConditions)) if (!pattern.status) pattern.status = "True";
}

/** Labels on the Job default to its template's (SetDefaults_Job; kube also re-applies this on every read). */
function defaultJobLabels(job: Typed<V1Job>): void {
  const labels = rec(rec(rec(asObj(job.spec).template)?.metadata)?.labels);
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) meta(job).labels = { ...(labels as Record<string, string>) };
}

/** SetDefaults_Job. */
function defaultJob(job: Typed<V1Job>): void {
  const spec = child(asObj(job), "spec");
  if ((spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  def(spec, "parallelism", 1);
  if (spec.backoffLimit === undefined || spec.backoffLimit === null) spec.backoffLimit = spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null ? MAX_INT32 : 6;
  defaultJobLabels(job);
  def(spec, "completionMode", "NonIndexed");
  def(spec, "suspend", false);
  defaultPodFailurePolicy(spec);
  if (spec.podReplacementPolicy === undefined || spec.podReplacementPolicy === null) spec.podReplacementPolicy = rec(spec.podFailurePolicy) ? "Failed" : "TerminatingOrFailed";
  def(spec, "manualSelector", false);
  defaultPodTemplate(spec.template);
}

/** generateSelector: pods carry the job's uid and name, the selector picks the uid. */
function generateSelector(job: Typed<V1Job>): void {
  const spec = child(asObj(job), "spec");
  const template = child(spec, "template");
  const tmeta = child(template, "metadata");
  const labels = child(tmeta, "labels");
  const name = job.metadata?.name ?? "";
  const uid = job.metadata?.uid ?? "";
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(k in labels)) labels[k] = name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(k in labels)) labels[k] = uid;
  const selector = child(spec, "selector");
  const matchLabels = child(selector, "matchLabels");
  if (!(CONTROLLER_UID_LABEL in matchLabels)) matchLabels[CONTROLLER_UID_LABEL] = uid;
}

/** Jobs: defaults, generated selector and labels, immutable selector and template. */
export const jobStrategy: Strategy<Typed<V1Job>> = {
  applyDefaults: defaultJob,
  prepareForCreate(job) {
    if (asObj(job.spec).manualSelector !== true) generateSelector(job);
    defaultJobLabels(job);
    resetStatusAndGeneration(job, {});
  },
  prepareForUpdate(job, old) {
    keepOldStatus(job, old);
    bumpGenerationOnSpecChange(job, old);
  },
  validate: (job) => validateJob(asObj(job)),
  validateUpdate: (job, old) => validateJobUpdate(asObj(job), asObj(old)),
  warnings(job, old) {
    if (old) return [];
    const msgs = dns1123Label(job.metadata?.name ?? "");
    return msgs.length ? [`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(" ")}]`] : [];
  },
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** SetDefaults_CronJob (the job template gets pod template defaults only). */
function defaultCronJob(cj: Typed<V1CronJob>): void {
  const spec = child(asObj(cj), "spec");
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = "Allow";
  def(spec, "suspend", false);
  def(spec, "successfulJobsHistoryLimit", 3);
  def(spec, "failedJobsHistoryLimit", 1);
  const jobSpec = rec(rec(spec.jobTemplate)?.spec);
  if (jobSpec) {
    defaultPodFailurePolicy(jobSpec);
    defaultPodTemplate(jobSpec.template);
  }
}

const cronJobCreateOnly = new CreateOnlyCauses();

/** CronJobs: defaults, schedule and time zone validation. */
export const cronJobStrategy: Strategy<Typed<V1CronJob>> = {
  applyDefaults: defaultCronJob,
  prepareForCreate(cj) {
    resetStatusAndGeneration(cj, {});
    // The controller appends an 11-character suffix to Job names (63 at most).
    const name = cj.metadata?.name ?? "";
    cronJobCreateOnly.set(cj, name.length > 52 ? [fe.invalid("metadata.name", name, "must be no more than 52 characters")] : []);
  },
  prepareForUpdate(cj, old) {
    keepOldStatus(cj, old);
    bumpGenerationOnSpecChange(cj, old);
  },
  validate: (cj) => [...validateCronJobSpec(cj.spec), ...cronJobCreateOnly.take(cj)],
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** ValidateJobUpdateStatus: counters never go below zero or backwards, terminal conditions stay. */
function validateJobStatus(next: Obj, old: Obj): Causes {
  const s = rec(next.status) ?? {};
  const o = rec(old.status) ?? {};
  const causes: Causes = [];
  for (const k of ["active", "succeeded", "failed", "ready", "terminating"]) causes.push(...nonNegative(s[k] as number, `status.${k}`));
  const isTrue = (st: Obj, type: string) => list(st.conditions).some((c) => c.type === type && c.status === "True");
  for (const type of ["Failed", "Complete", "FailureTarget"])
    if (isTrue(o, type) && !isTrue(s, type)) causes.push(fe.invalidOmit("status.conditions", `cannot disable the terminal ${type}=True condition`));
  if (typeof o.failed === "number" && (typeof s.failed === "number" ? s.failed : 0) < o.failed) causes.push(fe.invalid("status.failed", s.failed ?? 0, "cannot decrease the failed counter"));
  const finished = isTrue(s, "Complete") || isTrue(s, "Failed");
  if (finished && typeof s.active === "number" && s.active > 0) causes.push(fe.invalid("status.active", s.active, "active>0 is invalid for finished job"));
  if (isTrue(s, "Complete") && isTrue(s, "Failed")) causes.push(fe.invalidOmit("status.conditions", "cannot set Complete=True and Failed=true conditions"));
  return causes;
}

/** Status subresources of batch/v1 kinds. */
export const batchStatusStrategies: Record<string, SubresourceStrategy> = {
  Job: statusSubresource({ validate: (n, o) => validateJobStatus(asObj(n), asObj(o)) }),
  CronJob: statusSubresource(),
};
