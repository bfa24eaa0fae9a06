/**
 * `node dist/bench/launch.js [--quick]`: offer -> launch -> RUNNING throughput of the
 * master with simulated agents. One in-process master (port 0), N simulated agents of
 * 4 cpus / 32 GiB on the in-process agent link, and one framework that packs tasks of
 * 0.1 cpu / 128 MB into every offer until M tasks are launched, acknowledging every status
 * update (an agent sends a task's next update only once the previous one is acknowledged,
 * so acknowledgements are on the path to RUNNING, as in Mesos).
 *
 * Measured: tasks reaching TASK_RUNNING per second (average over the run, and p50/p90/p99
 * of per-interval samples) and the latency from a task's ACCEPT call to its RUNNING
 * update. The same workload runs twice in one process: the framework on the in-process
 * scheduler link, then over HTTP (httpSchedulerApi against the master's URL), so the
 * difference is the link's cost (these machines are shared and noisy; compare within a run).
 * N = 1,000 agents and M = 20,000 tasks (quick: 200 and 5,000).
 * Results: bench/results/launch-<time>.{json,md} and launch-latest.{json,md}.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startAgent, type Agent } from "../src/agents/index.js";
import { httpSchedulerApi } from "../src/mesos/http-client.js";
import { callbackSink, type SchedulerApi, type Subscription } from "../src/mesos/link.js";
import type { Offer, Resource, SchedulerCall, SchedulerEvent, TaskInfo } from "../src/mesos/v1.js";
import { startMaster } from "../src/resource-manager/index.js";
import { createLogger } from "../src/util/log.js";
import { round, summarize, type LatencySummary } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, agents: { type: "string" }, tasks: { type: "string" }, concurrency: { type: "string", default: "64" }, workdir: { type: "string" } },
});
const AGENTS = Number(values.agents ?? (values.quick ? 200 : 1000));
const TASKS = Number(values.tasks ?? (values.quick ? 5000 : 20000));
/** Calls the framework has in flight at once (ACCEPT, ACKNOWLEDGE, DECLINE), on either link. */
const CONCURRENCY = Number(values.concurrency);
const TASK_CPUS = 0.1;
const TASK_MEM = 128;
const SIMULATED = { startingMs: 0, runningMs: 5 };
const TIMEOUT_MS = 300_000;
const log = createLogger("bench", { level: "error" });
/**
 * Agents' work directories. A simulated task still gets a sandbox directory, made with a
 * synchronous mkdir; on this disk that costs ~1 ms a task and stalls the whole process, so
 * it would measure the disk rather than the master: tmpfs (/dev/shm) when there is one.
 */
const WORK_ROOT = values.workdir ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());

const scalar = (name: string, value: number): Resource => ({ name, type: "SCALAR", scalar: { value } });
const AGENT_RESOURCES = [scalar("cpus", 4), scalar("mem", 32768), scalar("disk", 100000)];

interface Row {
  readonly link: "in-process" | "http";
  readonly agents: number;
  readonly tasks: number;
  readonly running: number;
  /** Tasks refused (TASK_ERROR, TASK_DROPPED...) or calls that failed. */
  readonly failures: number;
  readonly agentsRegisterMs: number;
  /** First ACCEPT sent to the last task RUNNING. */
  readonly durationMs: number;
  readonly runningPerSecond: number;
  /** Width of the throughput samples (1 s; 100 ms for runs shorter than 5 s, scaled to per second). */
  readonly sampleMs: number;
  readonly samplesPerSecond: { readonly count: number; readonly p50: number; readonly p90: number; readonly p99: number };
  readonly launchToRunningMs: LatencySummary;
  readonly calls: { readonly accept: number; readonly acknowledge: number; readonly decline: number };
  readonly offersReceived: number;
}

/** At most n calls in flight; `idle` resolves once none is in flight or waiting. */
function limiter(n: number): { run<T>(f: () => Promise<T>): Promise<T>; idle(): Promise<void> } {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run(f) {
      if (active >= n) await new Promise<void>((r) => queue.push(r));
      active++;
      try {
        return await f();
      } finally {
        active--;
        queue.shift()?.();
      }
    },
    async idle() {
      while (active > 0 || queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    },
  };
}

function scalarOf(offer: Offer, name: string): number {
  return offer.resources.filter((r) => r.name === name).reduce((s, r) => s + (r.scalar?.value ?? 0), 0);
}

/** Percentile of per-interval throughput samples, in tasks per second. */
function rateSamples(times: readonly number[], t0: number, end: number): { sampleMs: number; samples: number[] } {
  const sampleMs = end - t0 >= 5000 ? 1000 : 100;
  const buckets = new Array<number>(Math.max(1, Math.ceil((end - t0) / sampleMs))).fill(0);
  for (const t of times) buckets[Math.min(buckets.length - 1, Math.floor((t - t0) / sampleMs))]! += 1;
  return { sampleMs, samples: buckets.map((c) => (c * 1000) / sampleMs) };
}

async function scenario(link: Row["link"]): Promise<Row> {
  process.stderr.write(`  ${link}: ${AGENTS} agents, ${TASKS} tasks\n`);
  const m = await startMaster({ port: 0, allocationIntervalMs: 100, logger: log });
  const dir = mkdtempSync(join(WORK_ROOT, "berth-bench-launch-"));
  const agents: Agent[] = [];
  let sub: Subscription | undefined;
  try {
    // Agents: in-process link, simulated containerizer, no checkpoint.
    const t = performance.now();
    for (let i = 0; i < AGENTS; i++) {
      agents.push(
        await startAgent({ api: m.master.agentApi, workDir: join(dir, `a${i}`), log, hostname: `sim-${i}`, resources: AGENT_RESOURCES, containerizers: ["simulated"], simulated: SIMULATED, checkpoint: false }),
      );
    }
    await Promise.all(agents.map((a) => a.registered));
    const agentsRegisterMs = round(performance.now() - t);

    const api: SchedulerApi = link === "http" ? httpSchedulerApi(m.url) : m.master.scheduler;
    const limit = limiter(CONCURRENCY);
    const launchedAt = new Map<string, number>();
    const runningAt: number[] = [];
    const latency: number[] = [];
    const calls = { accept: 0, acknowledge: 0, decline: 0 };
    let failures = 0;
    let launched = 0;
    let offersReceived = 0;
    let suppressed = false;
    let t0 = 0;
    let frameworkId = "";
    let streamId = "";
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    const queued: SchedulerEvent[] = [];

    const send = (c: Omit<SchedulerCall, "framework_id">, onSent?: () => void): void => {
      void limit.run(() => {
        onSent?.();
        return api.call(streamId, { ...c, framework_id: { value: frameworkId } } as SchedulerCall);
      }).catch((e: unknown) => {
        failures++;
        process.stderr.write(`    ${c.type} failed: ${e instanceof Error ? e.message : String(e)}\n`);
      });
    };

    const onOffers = (offers: readonly Offer[]) => {
      offersReceived += offers.length;
      for (const offer of offers) {
        const fit = Math.min(Math.floor(scalarOf(offer, "cpus") / TASK_CPUS + 1e-9), Math.floor(scalarOf(offer, "mem") / TASK_MEM));
        const n = Math.min(fit, TASKS - launched);
        if (n <= 0) {
          calls.decline++;
          send({ type: "DECLINE", decline: { offer_ids: [offer.id], filters: { refuse_seconds: 3600 } } });
          continue;
        }
        const tasks: TaskInfo[] = [];
        for (let i = 0; i < n; i++) {
          const id = `t${launched++}`;
          tasks.push({ name: id, task_id: { value: id }, agent_id: offer.agent_id, resources: [scalar("cpus", TASK_CPUS), scalar("mem", TASK_MEM)], command: { value: "sleep 3600" } });
        }
        calls.accept++;
        // The clock of a task starts when its ACCEPT leaves the framework (not while it waits for a call slot).
        send({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: tasks } }] } }, () => {
          const now = performance.now();
          if (!t0) t0 = now;
          for (const task of tasks) launchedAt.set(task.task_id.value, now);
        });
      }
      if (launched >= TASKS && !suppressed) {
        suppressed = true;
        send({ type: "SUPPRESS" });
      }
    };

    const onEvent = (e: SchedulerEvent) => {
      if (e.type === "OFFERS") onOffers(e.offers!.offers);
      else if (e.type === "UPDATE") {
        const s = e.update!.status;
        if (s.uuid && s.agent_id) {
          calls.acknowledge++;
          send({ type: "ACKNOWLEDGE", acknowledge: { agent_id: s.agent_id, task_id: s.task_id, uuid: s.uuid } });
        }
        if (s.state === "TASK_RUNNING") {
          const at = launchedAt.get(s.task_id.value);
          if (at !== undefined) {
            const now = performance.now();
            runningAt.push(now);
            latency.push(now - at);
            launchedAt.delete(s.task_id.value);
            if (runningAt.length === TASKS) finish();
          }
        } else if (s.state !== "TASK_STARTING" && s.state !== "TASK_STAGING") {
          failures++;
          if (failures <= 5) process.stderr.write(`    ${s.task_id.value}: ${s.state} ${s.message ?? ""}\n`);
        }
      }
    };

    // Events wait until the stream id is known (both links deliver after subscribe resolves).
    const sink = callbackSink<SchedulerEvent>((e) => {
      if (e.type === "SUBSCRIBED") frameworkId = e.subscribed!.framework_id.value;
      if (!streamId) queued.push(e);
      else onEvent(e);
    });
    sub = await api.subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "bench", name: `launch-${link}` } } }, sink);
    streamId = sub.streamId;
    for (const e of queued.splice(0)) onEvent(e);

    const timer = setTimeout(finish, TIMEOUT_MS);
    await done;
    clearTimeout(timer);
    // Let the last acknowledgements land before the master goes (not part of the measurement).
    await limit.idle();
    const end = runningAt.length ? runningAt[runningAt.length - 1]! : performance.now();
    const durationMs = round(end - t0);
    const { sampleMs, samples } = rateSamples(runningAt, t0, end);
    const rates = summarize(samples);
    sink.close("bench done");
    const row: Row = {
      link,
      agents: AGENTS,
      tasks: TASKS,
      running: runningAt.length,
      failures,
      agentsRegisterMs,
      durationMs,
      runningPerSecond: round((runningAt.length * 1000) / Math.max(1, end - t0), 0),
      sampleMs,
      samplesPerSecond: { count: rates.count, p50: round(rates.p50, 0), p90: round(rates.p90, 0), p99: round(rates.p99, 0) },
      launchToRunningMs: summarize(latency),
      calls,
      offersReceived,
    };
    process.stderr.write(`    ${row.running}/${TASKS} RUNNING in ${durationMs} ms: ${row.runningPerSecond}/s, launch->RUNNING p50 ${row.launchToRunningMs.p50} ms p99 ${row.launchToRunningMs.p99} ms\n`);
    return row;
  } finally {
    await Promise.all(agents.map((a) => a.stop()));
    await m.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(meta: Record<string, unknown>, rows: readonly Row[]): string {
  return [
    `# Launch benchmark: offer -> launch -> RUNNING (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}.`,
    `One master and ${meta.agents} simulated agents (4 cpus / 32 GiB, STARTING at ${SIMULATED.startingMs} ms, RUNNING at ${SIMULATED.runningMs} ms, in-process agent link, work directories under ${meta.workRoot}) in one process; one framework packs ${TASK_CPUS} cpu / ${TASK_MEM} MB tasks into every offer until ${meta.tasks} are launched, acknowledging every update (${meta.concurrency} calls in flight at most).`,
    "Same workload twice in the same run: the framework on the in-process link, then over HTTP (httpSchedulerApi); the difference is the link's cost.",
    "RUNNING/s: average from the first ACCEPT to the last RUNNING, and percentiles of per-interval samples (interval in the table). Latency: ACCEPT sent -> RUNNING received.",
    "In-process, a call's consequences run in one go (ACCEPT -> RUN_TASK -> launch), so tasks reach RUNNING in bursts and a short run's per-interval percentiles are coarse; the average is the figure to compare.",
    "",
    "| link | agents | tasks | RUNNING | failures | duration s | avg RUNNING/s | interval | p50 /s | p90 /s | p99 /s | launch->RUNNING p50 ms | p99 ms | max ms | ACCEPT / ACK / DECLINE calls |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.link} | ${r.agents} | ${r.tasks} | ${r.running} | ${r.failures} | ${round(r.durationMs / 1000, 2)} | ${r.runningPerSecond} | ${r.sampleMs} ms x${r.samplesPerSecond.count} | ${r.samplesPerSecond.p50} | ${r.samplesPerSecond.p90} | ${r.samplesPerSecond.p99} | ${r.launchToRunningMs.p50} | ${r.launchToRunningMs.p99} | ${r.launchToRunningMs.max} | ${r.calls.accept} / ${r.calls.acknowledge} / ${r.calls.decline} |`,
    ),
    "",
  ].join("\n");
}

async function main() {
  const meta = { ...runMeta(), quick: values.quick, agents: AGENTS, tasks: TASKS, concurrency: CONCURRENCY, workRoot: WORK_ROOT };
  const rows: Row[] = [];
  for (const link of ["in-process", "http"] as const) rows.push(await scenario(link));
  writeResults("launch", meta, rows, markdown(meta, rows));
  // Incomplete runs fail the scenario (npm run bench counts it).
  if (rows.some((r) => r.running < r.tasks)) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
