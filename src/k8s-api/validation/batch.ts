/**
 * batch/v1 validation as pkg/apis/batch/validation/validation.go: Jobs (generated
 * selectors, completion modes, pod failure policy, restart policy) and CronJobs
 * (schedule, time zone, job template).
 */
import { labelSelectorAsMatcher } from "../selectors/index.js";
import { dns1123Label, asArray, objs, strs, asRecord, fe, goLabelSelector, goStringMap, immutable, nonNegative, semanticEqual, str, validateLabelSelector, validateQualifiedName, type Causes } from "./common.js";
import { validatePodTemplateSpec } from "./pod.js";

type Obj = Record<string, unknown>;

/** Labels the Job strategy puts on its pods (batch.JobNameLabel, ControllerUidLabel and their legacy forms). */
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
export const CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
export const LEGACY_JOB_NAME_LABEL = "job-name";
export const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";

const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;
const COMPLETIONS_SOFT_LIMIT = 100000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;
const MAX_POD_CONDITION_PATTERNS = 20;
const POD_FAILURE_ACTIONS = ["Count", "FailIndex", "FailJob", "Ignore"];

function hasLabel(templateMeta: Obj, key: string, expected: string): Causes {
  const labels = asRecord(templateMeta.labels) as Record<string, string> | undefined;
  const field = "spec.template.metadata";
  if (!labels || !(key in labels)) return [fe.required(`${field}.labels[${key}]`, `must be '${expected}'`)];
  if (labels[key] !== expected) return [fe.invalidRendered(`${field}.labels[${key}]`, goStringMap(labels), `must be '${expected}'`)];
  return [];
}

/** validateGeneratedSelector: a generated selector must be the one the strategy generated. */
function validateGeneratedSelector(job: Obj, requirePrefixedLabels: boolean): Causes {
  const spec = asRecord(job.spec) ?? {};
  if (spec.manualSelector === true || spec.selector === undefined || spec.selector === null) return [];
  const meta = asRecord(job.metadata) ?? {};
  const uid = str(meta.uid);
  const name = str(meta.name);
  const causes: Causes = [];
  if (!uid) causes.push(fe.required("metadata.uid"));
  const tmeta = asRecord(asRecord(spec.template)?.metadata) ?? {};
  causes.push(...hasLabel(tmeta, LEGACY_CONTROLLER_UID_LABEL, uid));
  causes.push(...hasLabel(tmeta, LEGACY_JOB_NAME_LABEL, name));
  const expected: Record<string, string> = {};
  if (requirePrefixedLabels) {
    causes.push(...hasLabel(tmeta, CONTROLLER_UID_LABEL, uid));
    causes.push(...hasLabel(tmeta, JOB_NAME_LABEL, name));
    expected[CONTROLLER_UID_LABEL] = uid;
    expected[JOB_NAME_LABEL] = name;
  }
  expected[LEGACY_CONTROLLER_UID_LABEL] = uid;
  expected[LEGACY_JOB_NAME_LABEL] = name;
  try {
    if (!labelSelectorAsMatcher(spec.selector as never)(expected)) causes.push(fe.invalidRendered("spec.selector", goLabelSelector(spec.selector), "`selector` not auto-generated"));
  } catch {
    // reported by the selector validation
  }
  return causes;
}

/** validateJobSpec: everything but the selector (shared with CronJob job templates). */
function validateJobSpecCommon(spec: Obj, field: string): Causes {
  const causes: Causes = [];
  for (const k of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex"] as const)
    causes.push(...nonNegative(spec[k] as number, `${field}.${k}`));
  if (typeof spec.maxFailedIndexes === "number") {
    causes.push(...nonNegative(spec.maxFailedIndexes, `${field}.maxFailedIndexes`));
    if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) causes.push(fe.required(`${field}.backoffLimitPerIndex`, "when maxFailedIndexes is specified"));
  }
  if (typeof spec.managedBy === "string") {
    const mb = spec.managedBy;
    const slash = mb.indexOf("/");
    if (slash <= 0 || slash === mb.length - 1) causes.push(fe.invalid(`${field}.managedBy`, mb, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    if (mb.length > 63) causes.push(fe.invalid(`${field}.managedBy`, mb, "must be no more than 63 bytes"));
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== null) {
    if (mode !== "NonIndexed" && mode !== "Indexed") causes.push(fe.notSupported(`${field}.completionMode`, mode, ["NonIndexed", "Indexed"]));
    if (mode === "Indexed") {
      if (spec.completions === undefined || spec.completions === null) causes.push(fe.required(`${field}.completions`, "when completion mode is Indexed"));
      if (typeof spec.parallelism === "number" && spec.parallelism > MAX_PARALLELISM_INDEXED)
        causes.push(fe.invalid(`${field}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      if (typeof spec.completions === "number" && typeof spec.maxFailedIndexes === "number" && spec.maxFailedIndexes > spec.completions)
        causes.push(fe.invalid(`${field}.maxFailedIndexes`, spec.maxFailedIndexes, "must be less than or equal to completions"));
      if (typeof spec.maxFailedIndexes === "number" && spec.maxFailedIndexes > MAX_FAILED_INDEXES)
        causes.push(fe.invalid(`${field}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
      if (typeof spec.completions === "number" && spec.completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null) {
        if (spec.maxFailedIndexes === undefined || spec.maxFailedIndexes === null)
          causes.push(fe.required(`${field}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
        if (typeof spec.parallelism === "number" && spec.parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS)
          causes.push(
            fe.invalid(`${field}.parallelism`, spec.parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`),
          );
        if (typeof spec.maxFailedIndexes === "number" && spec.maxFailedIndexes > MAX_FAILED_INDEXES_HIGH_COMPLETIONS)
          causes.push(
            fe.invalid(`${field}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`),
          );
      }
    }
  }
  if (mode === undefined || mode === null || mode === "NonIndexed") {
    if (typeof spec.backoffLimitPerIndex === "number") causes.push(fe.invalid(`${field}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, "requires indexed completion mode"));
    if (typeof spec.maxFailedIndexes === "number") causes.push(fe.invalid(`${field}.maxFailedIndexes`, spec.maxFailedIndexes, "requires indexed completion mode"));
  }
  const pfp = asRecord(spec.podFailurePolicy);
  if (pfp) causes.push(...validatePodFailurePolicy(spec, pfp, `${field}.podFailurePolicy`));
  const sp = asRecord(spec.successPolicy);
  if (sp) {
    if (mode !== "Indexed") causes.push(fe.invalid(`${field}.successPolicy`, sp, "requires indexed completion mode"));
    else {
      const rules = objs(sp.rules);
      if (rules.length === 0) causes.push(fe.required(`${field}.successPolicy.rules`, "at least one rules must be specified when the successPolicy is specified"));
      if (rules.length > 20) causes.push(fe.tooMany(`${field}.successPolicy.rules`, rules.length, 20));
      rules.forEach((r, i) => {
        if ((r.succeededCount === undefined || r.succeededCount === null) && (r.succeededIndexes === undefined || r.succeededIndexes === null))
          causes.push(fe.required(`${field}.successPolicy.rules[${i}]`, "at least one of succeededCount or succeededIndexes must be specified"));
        if (typeof r.succeededCount === "number") causes.push(...nonNegative(r.succeededCount, `${field}.successPolicy.rules[${i}].succeededCount`));
      });
    }
  }
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined && prp !== null) {
    if (pfp) {
      if (prp !== "Failed") causes.push(fe.notSupported(`${field}.podReplacementPolicy`, prp, ["Failed"]));
    } else if (prp !== "Failed" && prp !== "TerminatingOrFailed") causes.push(fe.notSupported(`${field}.podReplacementPolicy`, prp, ["Failed", "TerminatingOrFailed"]));
  }
  causes.push(...validatePodTemplateSpec(spec.template, `${field}.template`));
  const rp = str(asRecord(asRecord(spec.template)?.spec)?.restartPolicy);
  if (rp === "Always" || rp === "") causes.push(fe.required(`${field}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  else if (rp !== "OnFailure" && rp !== "Never") causes.push(fe.notSupported(`${field}.template.spec.restartPolicy`, rp, ["OnFailure", "Never"]));
  else if (pfp && rp !== "Never") causes.push(fe.invalid(`${field}.template.spec.restartPolicy`, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return causes;
}

function validatePodFailurePolicy(spec: Obj, pfp: Obj, field: string): Causes {
  const causes: Causes = [];
  const rules = objs(pfp.rules);
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) causes.push(fe.tooMany(`${field}.rules`, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const tspec = asRecord(asRecord(spec.template)?.spec) ?? {};
  const names = new Set([...objs(tspec.containers), ...objs(tspec.initContainers)].map((c) => str(c.name)));
  rules.forEach((rule, i) => {
    const rp = `${field}.rules[${i}]`;
    const action = str(rule.action);
    if (!action) causes.push(fe.required(`${rp}.action`, `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`));
    else if (action === "FailIndex") {
      if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) causes.push(fe.invalid(`${rp}.action`, action, "requires the backoffLimitPerIndex to be set"));
    } else if (!POD_FAILURE_ACTIONS.includes(action)) causes.push(fe.notSupported(`${rp}.action`, action, POD_FAILURE_ACTIONS));
    const onExit = asRecord(rule.onExitCodes);
    const onConds = objs(rule.onPodConditions);
    if (onExit) {
      const ep = `${rp}.onExitCodes`;
      const op = str(onExit.operator);
      if (!op) causes.push(fe.required(`${ep}.operator`, `valid values: ["In" "NotIn"]`));
      else if (op !== "In" && op !== "NotIn") causes.push(fe.notSupported(`${ep}.operator`, op, ["In", "NotIn"]));
      if (typeof onExit.containerName === "string" && !names.has(onExit.containerName))
        causes.push(fe.invalid(`${ep}.containerName`, onExit.containerName, "must be one of the container or initContainer names in the pod template"));
      const values = asArray<number>(onExit.values);
      if (values.length === 0) causes.push(fe.invalid(`${ep}.values`, values, "at least one value is required"));
      else if (values.length > MAX_EXIT_CODE_VALUES) causes.push(fe.tooMany(`${ep}.values`, values.length, MAX_EXIT_CODE_VALUES));
      const seen = new Set<number>();
      let ordered = true;
      values.forEach((v, j) => {
        if (op === "In" && v === 0) causes.push(fe.invalid(`${ep}.values[${j}]`, v, "must not be 0 for the In operator"));
        if (seen.has(v)) causes.push(fe.duplicate(`${ep}.values[${j}]`, v));
        seen.add(v);
        if (j > 0 && values[j - 1]! > v) ordered = false;
      });
      if (!ordered) causes.push(fe.invalid(`${ep}.values`, values, "must be ordered"));
    }
    if (onConds.length > 0) {
      if (onConds.length > MAX_POD_CONDITION_PATTERNS) causes.push(fe.tooMany(`${rp}.onPodConditions`, onConds.length, MAX_POD_CONDITION_PATTERNS));
      onConds.forEach((c, j) => {
        const cp = `${rp}.onPodConditions[${j}]`;
        causes.push(...validateQualifiedName(str(c.type), `${cp}.type`));
        const status = str(c.status);
        if (!status) causes.push(fe.required(`${cp}.status`, `valid values: ["False" "True" "Unknown"]`));
        else if (!["False", "True", "Unknown"].includes(status)) causes.push(fe.notSupported(`${cp}.status`, status, ["False", "True", "Unknown"]));
      });
    }
    if (onExit && onConds.length > 0) causes.push(fe.invalidOmit(rp, "specifying both OnExitCodes and OnPodConditions is not supported"));
    if (!onExit && onConds.length === 0) causes.push(fe.invalidOmit(rp, "specifying one of OnExitCodes and OnPodConditions is required"));
  });
  return causes;
}

/**
 * ValidateJob minus ObjectMeta: generated selector, spec, selector and template labels.
 * `requirePrefixedLabels` is false only for old jobs that predate the batch.kubernetes.io labels.
 */
export function validateJob(job: Obj, requirePrefixedLabels = true): Causes {
  const spec = asRecord(job.spec) ?? {};
  const causes: Causes = [...validateGeneratedSelector(job, requirePrefixedLabels)];
  causes.push(...validateJobSpecCommon(spec, "spec"));
  if (spec.selector === undefined || spec.selector === null) causes.push(fe.required("spec.selector"));
  else causes.push(...validateLabelSelector(spec.selector, "spec.selector"));
  try {
    const labels = asRecord(asRecord(asRecord(spec.template)?.metadata)?.labels) as Record<string, string> | undefined;
    if (!labelSelectorAsMatcher((spec.selector ?? null) as never)(labels))
      causes.push(fe.invalidRendered("spec.template.metadata.labels", goStringMap(labels ?? null), "`selector` does not match template `labels`"));
  } catch {
    // reported by the selector validation
  }
  const meta = asRecord(job.metadata) ?? {};
  if (spec.completionMode === "Indexed" && typeof spec.completions === "number" && spec.completions > 0) {
    const host = `${str(meta.name)}-${spec.completions - 1}`;
    if (dns1123Label(host).length) causes.push(fe.invalid("metadata.name", str(meta.name), `will not able to create pod with invalid DNS label: ${host}`));
  }
  return causes;
}

/** ValidateJobSpecUpdate: selector, template (unless suspended and never started), completion mode... are immutable. */
export function validateJobUpdate(job: Obj, old: Obj): Causes {
  const spec = asRecord(job.spec) ?? {};
  const o = asRecord(old.spec) ?? {};
  const causes: Causes = [];
  // ElasticIndexedJob: Indexed jobs may change completions together with parallelism.
  if (spec.completionMode === "Indexed") {
    if (!semanticEqual(spec.completions, o.completions) && typeof spec.completions === "number" && spec.completions !== spec.parallelism)
      causes.push(fe.invalid("spec.completions", spec.completions, "can only be modified in tandem with spec.parallelism"));
  } else causes.push(...immutable(spec.completions, o.completions, "spec.completions"));
  causes.push(...immutable(spec.selector, o.selector, "spec.selector", goLabelSelector));
  // Scheduling directives of a suspended Job that never started may change.
  const suspended = o.suspend === true;
  const notStarted = !asRecord(old.status)?.startTime;
  let oldTemplate: unknown = o.template;
  const template = asRecord(spec.template) ?? {};
  if (suspended && notStarted) {
    const ot = structuredClone(asRecord(o.template) ?? {});
    const otSpec = (ot.spec ??= {}) as Obj;
    const tSpec = asRecord(template.spec) ?? {};
    const otAffinity = asRecord(otSpec.affinity);
    const tAffinity = asRecord(tSpec.affinity);
    if (!tAffinity && otAffinity) {
      delete otAffinity.nodeAffinity;
      if (Object.keys(otAffinity).length === 0) delete otSpec.affinity;
    } else if (tAffinity && !otAffinity) otSpec.affinity = { nodeAffinity: tAffinity.nodeAffinity };
    else if (tAffinity && otAffinity) otAffinity.nodeAffinity = tAffinity.nodeAffinity;
    otSpec.nodeSelector = tSpec.nodeSelector;
    otSpec.tolerations = tSpec.tolerations;
    otSpec.schedulingGates = tSpec.schedulingGates;
    const otMeta = (ot.metadata ??= {}) as Obj;
    const tMeta = asRecord(template.metadata) ?? {};
    otMeta.annotations = tMeta.annotations;
    otMeta.labels = tMeta.labels;
    oldTemplate = ot;
  }
  causes.push(...immutable(spec.template, oldTemplate, "spec.template", (v) => JSON.stringify(v)));
  causes.push(...immutable(spec.completionMode, o.completionMode, "spec.completionMode"));
  causes.push(...immutable(spec.podFailurePolicy, o.podFailurePolicy, "spec.podFailurePolicy", (v) => JSON.stringify(v ?? null)));
  causes.push(...immutable(spec.backoffLimitPerIndex, o.backoffLimitPerIndex, "spec.backoffLimitPerIndex"));
  causes.push(...immutable(spec.managedBy, o.managedBy, "spec.managedBy"));
  causes.push(...immutable(spec.successPolicy, o.successPolicy, "spec.successPolicy", (v) => JSON.stringify(v ?? null)));
  return causes;
}

const VALID_TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateCronJobSpec. */
export function validateCronJobSpec(spec: unknown, oldSpec?: unknown): Causes {
  const s = asRecord(spec) ?? {};
  const o = asRecord(oldSpec);
  const causes: Causes = [];
  const schedule = str(s.schedule);
  if (!schedule) causes.push(fe.required("spec.schedule"));
  else {
    const err = cronParseError(schedule);
    if (err) causes.push(fe.invalid("spec.schedule", schedule, err));
    const allowTZ = o ? str(o.schedule).includes("TZ") : false;
    if (allowTZ && schedule.includes("TZ") && s.timeZone !== undefined && s.timeZone !== null)
      causes.push(fe.invalid("spec.schedule", schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
    else if (!allowTZ && schedule.includes("TZ")) causes.push(fe.invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  causes.push(...nonNegative(s.startingDeadlineSeconds as number, "spec.startingDeadlineSeconds"));
  if (!o || o.timeZone !== s.timeZone) causes.push(...validateTimeZone(s.timeZone));
  const cp = str(s.concurrencyPolicy);
  if (!cp) causes.push(fe.required("spec.concurrencyPolicy"));
  else if (!["Allow", "Forbid", "Replace"].includes(cp)) causes.push(fe.notSupported("spec.concurrencyPolicy", cp, ["Allow", "Forbid", "Replace"]));
  const jt = asRecord(s.jobTemplate) ?? {};
  const jspec = asRecord(jt.spec) ?? {};
  causes.push(...validateJobSpecCommon(jspec, "spec.jobTemplate.spec"));
  if (jspec.selector !== undefined && jspec.selector !== null) causes.push(fe.invalidRendered("spec.jobTemplate.spec.selector", goLabelSelector(jspec.selector), "`selector` will be auto-generated"));
  if (jspec.manualSelector === true) causes.push(fe.notSupported("spec.jobTemplate.spec.manualSelector", true, ["nil", "false"]));
  causes.push(...nonNegative(s.successfulJobsHistoryLimit as number, "spec.successfulJobsHistoryLimit"));
  causes.push(...nonNegative(s.failedJobsHistoryLimit as number, "spec.failedJobsHistoryLimit"));
  return causes;
}

function validateTimeZone(tz: unknown): Causes {
  if (tz === undefined || tz === null) return [];
  const v = str(tz);
  if (v === "") return [fe.invalid("spec.timeZone", v, "timeZone must be nil or non-empty string")];
  for (const part of v.split("/"))
    if (part === "." || part === ".." || part.startsWith("-") || !VALID_TZ_PART.test(part)) return [fe.invalid("spec.timeZone", v, `unknown time zone ${v}`)];
  if (v.toLowerCase() === "local") return [fe.invalid("spec.timeZone", v, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")];
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: v });
  } catch {
    return [fe.invalid("spec.timeZone", v, `unknown time zone ${v}`)];
  }
  return [];
}

const CRON_FIELDS: readonly { name: string; min: number; max: number; names?: readonly string[] }[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { name: "day of week", min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

const CRON_DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** The error robfig/cron's ParseStandard reports for a schedule, or undefined when it parses. */
export function cronParseError(schedule: string): string | undefined {
  let spec = schedule.trim();
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    const i = spec.indexOf(" ");
    spec = i < 0 ? "" : spec.slice(i).trim();
  }
  if (spec.startsWith("@")) {
    if (CRON_DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith("@every ")) return /^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*$/.test(spec.slice(7).trim()) ? undefined : `failed to parse duration ${spec}`;
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter((f) => f !== "");
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`;
  for (let i = 0; i < 5; i++) {
    const err = cronFieldError(fields[i]!, CRON_FIELDS[i]!);
    if (err) return err;
  }
  return undefined;
}

function cronFieldError(field: string, f: { min: number; max: number; names?: readonly string[] }): string | undefined {
  for (const expr of field.split(",")) {
    const [rangeAndStep, ...extra] = expr.split("/");
    if (extra.length > 1) return `too many slashes: ${expr}`;
    const rangeParts = rangeAndStep!.split("-");
    if (rangeParts.length > 2) return `too many hyphens: ${expr}`;
    const parse = (s: string): number | string => {
      const lower = s.toLowerCase();
      if (f.names) {
        const idx = f.names.indexOf(lower);
        if (idx >= 0) return idx + f.min;
      }
      if (!/^\d+$/.test(s)) return `failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
      return Number(s);
    };
    let start: number;
    let end: number;
    if (rangeParts[0] === "*" || rangeParts[0] === "?") {
      if (rangeParts.length > 1) return `too many hyphens: ${expr}`;
      start = f.min;
      end = f.max;
    } else {
      const a = parse(rangeParts[0]!);
      if (typeof a === "string") return a;
      start = a;
      end = a;
      if (rangeParts.length === 2) {
        const b = parse(rangeParts[1]!);
        if (typeof b === "string") return b;
        end = b;
      }
    }
    if (extra.length === 1) {
      const step = parse(extra[0]!);
      if (typeof step === "string") return step;
      if (step === 0) return `step of range should be a positive number: ${expr}`;
      if (rangeParts.length === 1 && rangeParts[0] !== "*" && rangeParts[0] !== "?") end = f.max;
    }
    if (start < f.min) return `beginning of range (${start}) below minimum (${f.min}): ${expr}`;
    if (end > f.max) return `end of range (${end}) above maximum (${f.max}): ${expr}`;
    if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  }
  return undefined;
}
