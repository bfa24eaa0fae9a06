/** `berth master`: the resource manager (master + DRF allocator) as its own process. */
import { parseArgs } from "node:util";
import { startMaster } from "../resource-manager/index.js";
import { startHaMaster } from "../resource-manager/ha/index.js";
import { createLogger, type Level } from "../util/log.js";
import { portFlag, weightsFlag } from "./flags.js";

export const MASTER_USAGE = `Usage: berth master [flags]

Starts the resource manager: the Mesos v1 scheduler API (POST /api/v1/scheduler), the
agent API (POST /api/v1/agent), the operator API (POST /api/v1, GET /state, /metrics).

Flags:
  --host ADDR                    address to listen on (default 127.0.0.1)
  --port N                       port (default 5050; 0 picks a free one)
  --hostname NAME                hostname advertised in MasterInfo (default: --host)
  --allocation-interval MS       allocation batch interval (default 100)
  --heartbeat-interval MS        framework HEARTBEAT interval (default 15000)
  --agent-ping-timeout MS        agent health check interval (default 15000)
  --max-agent-ping-timeouts N    missed health checks before an agent is unreachable (default 5)
  --agent-reregister-timeout MS  a disconnected agent is unreachable after this (default 600000)
  --offer-timeout MS             rescind offers unused for this long (default: never)
  --weights ROLE=W,...           role weights
  --ha NATS_URL                  high availability: contend for leadership through a lease in
                                 a NATS JetStream KV bucket and persist the master's state
                                 there; standbys redirect (307) to the leader
  --ha-bucket NAME               the KV bucket (default berth-master)
  --ha-lease-ttl MS              lease time to live; a standby takes over after the leader
                                 has not renewed for this long (default 5000)
  --advertise URL                URL standbys redirect clients to while this master leads
                                 (default http://HOST:PORT)
  --log-level LEVEL              debug, info, warn or error (default info)
`;

function ms(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number of milliseconds: current value is ${v}`);
  return n;
}

export async function master(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "5050" },
      hostname: { type: "string" },
      "allocation-interval": { type: "string" },
      "heartbeat-interval": { type: "string" },
      "agent-ping-timeout": { type: "string" },
      "max-agent-ping-timeouts": { type: "string" },
      "agent-reregister-timeout": { type: "string" },
      "offer-timeout": { type: "string" },
      weights: { type: "string" },
      ha: { type: "string" },
      "ha-bucket": { type: "string" },
      "ha-lease-ttl": { type: "string" },
      advertise: { type: "string" },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(MASTER_USAGE);
    return;
  }
  const port = portFlag("--port", values.port);
  const weights = weightsFlag(values.weights);
  const log = createLogger("master", { level: values["log-level"] as Level });
  const opt = <K extends string>(k: K, v: number | undefined) => (v === undefined ? {} : { [k]: v });
  if (!values.ha && (values["ha-bucket"] || values["ha-lease-ttl"] || values.advertise)) throw new Error("--ha-bucket, --ha-lease-ttl and --advertise need --ha NATS_URL");
  if (values["ha-bucket"] !== undefined && !/^[-\w]+$/.test(values["ha-bucket"])) throw new Error(`--ha-bucket must be letters, digits, - and _: current value is ${values["ha-bucket"]}`);
  const ttl = ms("ha-lease-ttl", values["ha-lease-ttl"]);
  if (ttl !== undefined && ttl < 200) throw new Error(`--ha-lease-ttl must be at least 200 ms: current value is ${ttl}`);
  if (values.advertise !== undefined) {
    try {
      new URL(values.advertise);
    } catch {
      throw new Error(`--advertise must be a URL such as http://10.0.0.1:5050: current value is ${values.advertise}`);
    }
  }
  const masterOpts = {
    host: values.host,
    port,
    logger: log,
    ...(values.hostname ? { hostname: values.hostname } : {}),
    ...(Object.keys(weights).length ? { weights } : {}),
    ...opt("allocationIntervalMs", ms("allocation-interval", values["allocation-interval"])),
    ...opt("heartbeatIntervalMs", ms("heartbeat-interval", values["heartbeat-interval"])),
    ...opt("agentPingTimeoutMs", ms("agent-ping-timeout", values["agent-ping-timeout"])),
    ...opt("maxAgentPingTimeouts", ms("max-agent-ping-timeouts", values["max-agent-ping-timeouts"])),
    ...opt("agentReregisterTimeoutMs", ms("agent-reregister-timeout", values["agent-reregister-timeout"])),
    ...opt("offerTimeoutMs", ms("offer-timeout", values["offer-timeout"])),
  };
  const running = values.ha
    ? await startHaMaster(masterOpts, {
        natsUrl: values.ha,
        ...(values["ha-bucket"] ? { bucket: values["ha-bucket"] } : {}),
        ...(values.advertise ? { advertiseUrl: values.advertise } : {}),
        ...(ttl !== undefined ? { leaseTtlMs: ttl } : {}),
      })
    : await startMaster(masterOpts);
  process.stdout.write(`berth master listening on ${running.url}${values.ha ? ` (HA via ${values.ha})` : ""}\n`);
  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      log.info("shutting down", { signal: sig });
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      void running.close().then(resolve);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}
