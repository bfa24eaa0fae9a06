/**
 * An example batch framework for berth (or any Mesos master): runs N shell tasks through
 * the public v1 scheduler HTTP API, retrying failed ones, and reports a summary.
 *
 *   const r = await runBatchJob({ master: "http://127.0.0.1:5050", tasks: 8, command: "echo {i}" });
 */
import { resolveOptions, type BatchJobOptions, type BatchResult } from "./options.js";
import { BatchScheduler } from "./scheduler.js";

export type { BatchAttempt, BatchJobOptions, BatchProgress, BatchResult, BatchTaskResult } from "./options.js";
export { formatProgress, formatSummary } from "./progress.js";

/** Run the job to the end (or until opts.signal aborts); never rejects once started. */
export function runBatchJob(opts: BatchJobOptions): Promise<BatchResult> {
  return new BatchScheduler(resolveOptions(opts)).run();
}

/** True when every task succeeded. */
export function jobSucceeded(r: BatchResult): boolean {
  return !r.error && r.failed === 0 && r.unfinished === 0;
}
