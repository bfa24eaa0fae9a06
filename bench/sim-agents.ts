/**
 * `node dist/bench/sim-agents.js [--quick] [--agents N]`: what simulated agents cost, on
 * the two links. N agents of scheduler_perf's shape (src/agents/sim.ts) register with a
 * master, then sit idle (heartbeats only) for --idle-seconds:
 *   in-process   master and agents in one process (berth up --sim-agents, the e2e bench)
 *   http         the master as a `berth master` child process, the agents in this process
 *                over HTTP, one agent stream (a streaming POST) each, as `berth sim-agents`
 * Measured: time to register all N, memory (RSS and heap of the agents' process, and the
 * master's RSS for the HTTP link), CPU while idle (agents' process and master).
 * Baseline in the same run: the same process before any agent exists (the master alone
 * in-process; the agents' process with no agents for HTTP), so the figures are per agent.
 * N = 5,000 (quick: 1,000). Results: bench/results/sim-agents-<time>.{json,md} and -latest.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startSimAgents } from "../src/agents/index.js";
import { httpAgentApi } from "../src/mesos/http-client.js";
import type { AgentApi } from "../src/mesos/link.js";
import { startMaster } from "../src/resource-manager/index.js";
import { createLogger } from "../src/util/log.js";
import { round } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, agents: { type: "string" }, "idle-seconds": { type: "string" } } });
const N = Number(values.agents ?? (values.quick ? 1000 : 5000));
const IDLE_S = Number(values["idle-seconds"] ?? (values.quick ? 20 : 30));
const log = createLogger("bench", { level: "error" });
const MAIN = resolve(import.meta.dirname, "..", "src", "cli", "main.js");

interface Row {
  readonly link: "in-process" | "http";
  readonly agents: number;
  readonly registerSeconds: number;
  /** Agents' process: RSS and heap before any agent (the baseline) and with all registered. */
  readonly rssBaselineMiB: number;
  readonly rssMiB: number;
  readonly heapKiBPerAgent: number;
  readonly rssKiBPerAgent: number;
  /** HTTP: the master process's RSS with all agents connected. */
  readonly masterRssMiB?: number;
  /** Idle (heartbeats only), in % of one core. */
  readonly idleCpuPercent: number;
  readonly masterIdleCpuPercent?: number;
  readonly connectedAfterIdle: number;
}

const mib = (b: number) => round(b / 2 ** 20, 0);
// A full collection before each memory reading, so the heap figures are live objects, not garbage.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** RSS (MiB) and CPU seconds of another process, from /proc. */
function procStats(pid: number): { rssMiB: number; cpuSeconds: number } {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return { rssMiB: round(rss, 0), cpuSeconds: (Number(f[11]) + Number(f[12])) / 100 };
}

async function measure(link: Row["link"]): Promise<Row> {
  let api: AgentApi;
  let masterPid: number | undefined;
  let stopMaster: () => Promise<void>;
  if (link === "in-process") {
    const rm = await startMaster({ port: 0, logger: log });
    api = rm.master.agentApi;
    stopMaster = () => rm.close();
  } else {
    const child = spawn(process.execPath, [MAIN, "master", "--port", "0", "--log-level", "error"], { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((ok, fail) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) ok(m[1]!);
      });
      child.once("exit", (code) => fail(new Error(`berth master exited ${code} before listening: ${out}`)));
    });
    api = httpAgentApi(url);
    masterPid = child.pid;
    stopMaster = async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    };
  }
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const fleet = await startSimAgents({ api, count: N, log });
  await fleet.registered;
  const registerSeconds = (performance.now() - t0) / 1000;
  gc();
  const after = process.memoryUsage();
  const master0 = masterPid ? procStats(masterPid) : undefined;
  const cpu0 = process.cpuUsage();
  await new Promise((r) => setTimeout(r, IDLE_S * 1000));
  const cpu = process.cpuUsage(cpu0);
  const master1 = masterPid ? procStats(masterPid) : undefined;
  const row: Row = {
    link,
    agents: N,
    registerSeconds: round(registerSeconds, 2),
    rssBaselineMiB: mib(before.rss),
    rssMiB: mib(after.rss),
    heapKiBPerAgent: round((after.heapUsed - before.heapUsed) / N / 1024, 1),
    rssKiBPerAgent: round((after.rss - before.rss) / N / 1024, 1),
    ...(master0 && master1 ? { masterRssMiB: master1.rssMiB, masterIdleCpuPercent: round(((master1.cpuSeconds - master0.cpuSeconds) / IDLE_S) * 100, 1) } : {}),
    idleCpuPercent: round(((cpu.user + cpu.system) / 1e6 / IDLE_S) * 100, 1),
    connectedAfterIdle: fleet.agents.filter((a) => a.connected).length,
  };
  process.stderr.write(`  ${link}: ${N} agents registered in ${row.registerSeconds} s, ${row.heapKiBPerAgent} KiB heap each, idle CPU ${row.idleCpuPercent}%${row.masterIdleCpuPercent !== undefined ? ` (master ${row.masterIdleCpuPercent}%)` : ""}\n`);
  await fleet.stop();
  await stopMaster();
  return row;
}

function markdown(meta: Record<string, unknown>, rows: readonly Row[]): string {
  return [
    `# Simulated agents: footprint (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}; ${IDLE_S} s idle window (heartbeats every 15 s).`,
    "Each agent: 4 cpus / 32 GiB / 110 pods, simulated containerizer, no container API, sandboxes or checkpoint files, one shared timer queue.",
    "Baseline (same run): the agents' process before any agent exists; per-agent figures are the difference.",
    "",
    "| link | agents | register s | RSS before MiB | RSS after MiB | RSS KiB/agent | heap KiB/agent | idle CPU % | master RSS MiB | master idle CPU % | connected after idle |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.link} | ${r.agents} | ${r.registerSeconds} | ${r.rssBaselineMiB} | ${r.rssMiB} | ${r.rssKiBPerAgent} | ${r.heapKiBPerAgent} | ${r.idleCpuPercent} | ${r.masterRssMiB ?? "(same process)"} | ${r.masterIdleCpuPercent ?? "-"} | ${r.connectedAfterIdle} |`),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const meta = { ...runMeta(), quick: values.quick };
  const rows = [await measure("in-process"), await measure("http")];
  writeResults("sim-agents", meta, rows, markdown(meta, rows));
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`sim-agents: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
