/**
 * `berth sim-agents`: N simulated agents in this process joining a master over HTTP, each
 * with its own agent stream (a streaming POST) and calls, exactly as N `berth agent`
 * processes would, but without running anything: launched tasks report RUNNING after
 * --running-delay. For scale tests of a master (and the Kubernetes framework on it) in
 * another process.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SIM_AGENT_RESOURCES, startSimAgents } from "../agents/index.js";
import { httpAgentApi } from "../mesos/http-client.js";
import { parseResources } from "../mesos/resources.js";
import { createLogger, type Level } from "../util/log.js";
import { wholeNumberFlag } from "./flags.js";

export const SIM_AGENTS_USAGE = `Usage: berth sim-agents --master URL --count N [flags]

Runs N simulated agents in one process against a master over HTTP. Tasks run nothing:
each reports STARTING, then RUNNING after --running-delay, until killed.

Flags:
  --master URL            the master, e.g. http://127.0.0.1:5050 (required)
  --count N               how many agents (required)
  --resources TEXT        each agent's resources (default "${DEFAULT_SIM_AGENT_RESOURCES}")
  --running-delay MS      launch -> RUNNING (default 0)
  --hostname-prefix P     agents are P-0, P-1, ... (default sim-node); also their Node names
  --register-concurrency N
                          agents registering at once (default 200)
  --log-level LEVEL       debug, info, warn or error (default warn: info logs every task update)
`;

export async function simAgents(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      master: { type: "string" },
      count: { type: "string" },
      resources: { type: "string", default: DEFAULT_SIM_AGENT_RESOURCES },
      "running-delay": { type: "string", default: "0" },
      "hostname-prefix": { type: "string", default: "sim-node" },
      "register-concurrency": { type: "string", default: "200" },
      "log-level": { type: "string", default: "warn" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(SIM_AGENTS_USAGE);
    return;
  }
  if (!values.master) throw new Error("--master is required");
  if (values.count === undefined) throw new Error("--count is required");
  const count = wholeNumberFlag("--count", values.count);
  const log = createLogger("berth-sim-agents", { level: values["log-level"] as Level });
  const fleet = await startSimAgents({
    api: httpAgentApi(values.master),
    count,
    resources: parseResources(values.resources),
    runningDelayMs: wholeNumberFlag("--running-delay", values["running-delay"]),
    hostnamePrefix: values["hostname-prefix"],
    registerConcurrency: Math.max(1, wholeNumberFlag("--register-concurrency", values["register-concurrency"])),
    log,
  });
  const t0 = Date.now();
  await fleet.registered;
  // stdout: one line scripts can wait for.
  process.stdout.write(`berth sim-agents: ${count} agents registered with ${values.master} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  await new Promise<void>((done) => {
    const stop = (sig: string) => {
      log.warn("stopping simulated agents", { signal: sig, count });
      void fleet.stop().then(done);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
