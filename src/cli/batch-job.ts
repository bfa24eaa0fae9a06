/**
 * `berth batch-job`: the example batch framework (src/frameworks/batch) from the command
 * line. Progress goes to stdout; the exit code is 0 only if every task succeeded.
 */
import { parseArgs } from "node:util";
import { jobSucceeded, runBatchJob } from "../frameworks/batch/index.js";

export const BATCH_JOB_USAGE = `Usage: berth batch-job --master URL[,URL...] --tasks N --command CMD [flags]

Runs N tasks of a shell command on the pool as a Mesos v1 HTTP framework, retries
tasks that fail or are lost, prints progress and a summary, then tears the framework
down. In the command, {i} (or $BATCH_TASK_INDEX) is the task's index, 0 to N-1;
$MESOS_SANDBOX is its sandbox directory. Exit code 0 if every task succeeded, else 1.

Flags:
  --master URL[,URL...]   the master, e.g. http://127.0.0.1:5050 (required); with HA
                          masters list them all: the leader is found and followed
  --tasks N               number of tasks (required)
  --command CMD           shell command each task runs (required)
  --resources TEXT        per task (default "cpus:0.1;mem:32"), e.g. "cpus:0.5;mem:128"
  --role ROLE             role to receive offers in (default "*")
  --name NAME             framework name (default "batch")
  --max-retries N         launches after a failed first attempt (default 3)
  --failover-timeout S    seconds the master waits for a disconnected framework (default 60)
  --refuse-seconds S      filter for declined offers (default 1)
  --progress-interval MS  periodic progress line interval (default 5000)
  --quiet                 print only the summary
`;

function int(name: string, v: string | undefined, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}: current value is ${v}`);
  return n;
}

function seconds(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number of seconds: current value is ${v}`);
  return n;
}

export async function batchJob(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      master: { type: "string" },
      tasks: { type: "string" },
      command: { type: "string" },
      resources: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "max-retries": { type: "string" },
      "failover-timeout": { type: "string" },
      "refuse-seconds": { type: "string" },
      "progress-interval": { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(BATCH_JOB_USAGE);
    return;
  }
  if (!values.master) throw new Error("--master is required");
  if (values.command === undefined) throw new Error("--command is required");
  const tasks = int("tasks", values.tasks);
  if (tasks === undefined) throw new Error("--tasks is required");
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  const abort = new AbortController();
  // Ctrl-C: tear the framework down (killing its tasks) and print the summary.
  const onSignal = () => abort.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const summaryOnly = values.quiet;
  const result = await runBatchJob({
    master: values.master,
    tasks,
    command: values.command,
    signal: abort.signal,
    log: (line) => {
      if (!summaryOnly || line.startsWith("summary:") || line.includes("\n")) process.stdout.write(line + "\n");
    },
    ...opt("resources", values.resources),
    ...opt("role", values.role),
    ...opt("name", values.name),
    ...opt("maxRetries", int("max-retries", values["max-retries"])),
    ...opt("failoverTimeout", seconds("failover-timeout", values["failover-timeout"])),
    ...opt("refuseSeconds", seconds("refuse-seconds", values["refuse-seconds"])),
    ...opt("progressIntervalMs", int("progress-interval", values["progress-interval"], 1)),
  });
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.exitCode = jobSucceeded(result) ? 0 : 1;
}
