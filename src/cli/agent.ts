/**
 * `berth agent`: one agent per machine, talking to the master over HTTP.
 *
 * SIGINT/SIGTERM stop the agent (no more heartbeats, the master stream closes) and exit
 * while its tasks keep running, as a Mesos agent does: the task processes live in their
 * own process groups, and the next `berth agent` on the same --work-dir recovers them
 * from the checkpoint (re-attaching to live processes, reporting those that ended while
 * it was down) and re-registers with the same agent id.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startAgent } from "../agents/agent.js";
import { parseAttributes } from "../agents/attributes.js";
import type { ContainerizerName } from "../agents/containerizers/types.js";
import { httpAgentApi } from "../mesos/http-client.js";
import { parseResources } from "../mesos/resources.js";
import { createLogger, type Level } from "../util/log.js";
import { podNetworkFlag, POD_NETWORK_USAGE, portFlag } from "./flags.js";

export const AGENT_USAGE = `Usage: berth agent --master URL[,URL...] --work-dir DIR [flags]

Runs an agent: registers this machine's resources with the master and runs the tasks
launched on it. Tasks survive an agent restart (stop with SIGINT/SIGTERM; start again
with the same --work-dir to recover them).

Flags:
  --master URL[,URL...]   the master, e.g. http://127.0.0.1:5050 (required); with HA
                          masters list them all: the leader is found and followed
  --work-dir DIR          sandboxes and the checkpoint (required)
  --resources TEXT        e.g. "cpus:4;mem:8192;disk:10000;ports:[31000-32000]"
                          (default: detected from this machine)
  --attributes TEXT       e.g. "rack:r1;zone:a"
  --hostname NAME         the name to advertise (default: the machine's hostname)
  --port N                port of the agent's container API on 127.0.0.1 (logs, exec,
                          attach, port-forward; reported to the master as AgentInfo.port;
                          default 0: a free one)
  --containerizers LIST   comma-separated, first is the default: process,simulated
                          (default process)
  --no-cgroups            do not put tasks into cgroups even where possible
${POD_NETWORK_USAGE}  --service-cidr CIDR     the ClusterIP range pods reach through the agent's proxy
                          (default 127.96.0.0/16; the same as the API server's)
  --log-level LEVEL       debug, info, warn or error (default info)
`;

export async function agent(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      master: { type: "string" },
      "work-dir": { type: "string" },
      resources: { type: "string" },
      attributes: { type: "string" },
      hostname: { type: "string" },
      port: { type: "string", default: "0" },
      containerizers: { type: "string", default: "process" },
      "no-cgroups": { type: "boolean", default: false },
      "pod-network": { type: "string", default: "auto" },
      "pod-cidr": { type: "string" },
      "service-cidr": { type: "string", default: "127.96.0.0/16" },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(AGENT_USAGE);
    return;
  }
  if (!values.master) throw new Error("--master is required");
  if (!values["work-dir"]) throw new Error("--work-dir is required");
  const containerizers = values.containerizers.split(",").map((s) => s.trim());
  for (const c of containerizers) if (c !== "process" && c !== "simulated") throw new Error(`--containerizers: unknown containerizer "${c}"`);
  const log = createLogger("berth-agent", { level: values["log-level"] as Level });
  const a = await startAgent({
    api: httpAgentApi(values.master),
    workDir: resolve(values["work-dir"]),
    ...(values.resources ? { resources: parseResources(values.resources) } : {}),
    ...(values.attributes ? { attributes: parseAttributes(values.attributes) } : {}),
    ...(values.hostname ? { hostname: values.hostname } : {}),
    containerApi: { host: "127.0.0.1", port: portFlag("--port", values.port) },
    containerizers: containerizers as ContainerizerName[],
    ...(values["no-cgroups"] ? { cgroupRoot: false as const } : {}),
    podNetwork: podNetworkFlag(values["pod-network"]),
    ...(values["pod-cidr"] ? { podCidr: values["pod-cidr"] } : {}),
    serviceCidr: values["service-cidr"],
    log,
  });
  await new Promise<void>((done) => {
    const stop = (sig: string) => {
      log.info("stopping; tasks keep running and are recovered by the next agent on this work directory", { signal: sig });
      void a.stop().then(done);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
