/** Printers of batch/v1 kinds, after pkg/printers/internalversion/printers.go (v1.35). */
import { formatLabelSelector } from "../selectors/labels.js";
import { humanDuration, timeOf, translateTimestampSince } from "./duration.js";
import { age, cells, int, layoutContainerCells, meta, nameOf } from "./util.js";
import { ageColumn, col, containersColumn, imagesColumn, nameColumn, type PrintHandler } from "./types.js";
import { view, type Condition, type CronJob, type Job } from "./shapes.js";

/** hasJobCondition: the first condition of that type decides. */
function hasJobCondition(conditions: readonly Condition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c !== undefined && c.status === "True";
}

/** The STATUS of printJob. */
export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  const deletionTimestamp = meta(job).deletionTimestamp;
  if (hasJobCondition(conditions, "Complete")) return "Complete";
  if (hasJobCondition(conditions, "Failed")) return "Failed";
  if (deletionTimestamp !== undefined && deletionTimestamp !== null && deletionTimestamp !== "") return "Terminating";
  if (hasJobCondition(conditions, "Suspended")) return "Suspended";
  if (hasJobCondition(conditions, "FailureTarget")) return "FailureTarget";
  if (hasJobCondition(conditions, "SuccessCriteriaMet")) return "SuccessCriteriaMet";
  return "Running";
}

const jobs: PrintHandler = {
  columns: [
    nameColumn,
    col("Status", "string", { text: "Status of the job." }),
    col("Completions", "string", "batch/v1 JobStatus.succeeded"),
    col("Duration", "string", { text: "Time required to complete the job." }),
    ageColumn,
    containersColumn(1),
    imagesColumn(1),
    col("Selector", "string", "batch/v1 JobSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const job = view<Job>(obj);
    const spec = job.spec ?? {};
    const succeeded = int(job.status?.succeeded);
    let completions: string;
    if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${int(spec.completions)}`;
    else {
      const parallelism = int(spec.parallelism);
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = timeOf(job.status?.startTime);
    const completion = timeOf(job.status?.completionTime);
    let duration = "";
    if (start !== undefined) duration = completion === undefined ? humanDuration(now.getTime() - start) : humanDuration(completion - start);
    const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
    return { cells: cells(nameOf(job), jobStatus(job), completions, duration, age(job, now), names, images, formatLabelSelector(spec.selector)) };
  },
};

const cronJobs: PrintHandler = {
  columns: [
    nameColumn,
    col("Schedule", "string", "batch/v1beta1 CronJobSpec.schedule"),
    col("Timezone", "string", "batch/v1beta1 CronJobSpec.timeZone"),
    col("Suspend", "boolean", "batch/v1beta1 CronJobSpec.suspend"),
    col("Active", "integer", "batch/v1beta1 CronJobStatus.active"),
    col("Last Schedule", "string", "batch/v1beta1 CronJobStatus.lastScheduleTime"),
    ageColumn,
    containersColumn(1),
    imagesColumn(1),
    col("Selector", "string", "batch/v1 JobSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const cj = view<CronJob>(obj);
    const spec = cj.spec ?? {};
    const last = cj.status?.lastScheduleTime;
    const lastScheduleTime = last === undefined || last === null ? "<none>" : translateTimestampSince(last, now);
    const jobSpec = spec.jobTemplate?.spec ?? {};
    const [names, images] = layoutContainerCells(jobSpec.template?.spec?.containers);
    // printBoolPtr(spec.suspend); batch/v1 defaulting sets suspend to false.
    const suspend = (spec.suspend ?? false) ? "True" : "False";
    return {
      cells: cells(
        nameOf(cj),
        spec.schedule ?? "",
        spec.timeZone ?? "<none>",
        suspend,
        Array.isArray(cj.status?.active) ? cj.status.active.length : 0,
        lastScheduleTime,
        age(cj, now),
        names,
        images,
        formatLabelSelector(jobSpec.selector),
      ),
    };
  },
};

/** Printers of batch/v1, keyed by kind. */
export const batchPrinters: ReadonlyMap<string, PrintHandler> = new Map([
  ["Job", jobs],
  ["CronJob", cronJobs],
]);
