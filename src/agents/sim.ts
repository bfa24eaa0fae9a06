/**
 * A fleet of simulated agents in one process, for scale (scheduler_perf-style nodes: by
 * default 4 cpus / 32 GiB / 110 pods each). Each is a real agent (same registration,
 * heartbeats, status updates with acknowledgements and retries, kills) with only the
 * simulated containerizer, so what is measured is the real protocol, not a mock. What
 * would make thousands of them expensive is left out: no container API server, no
 * sandboxes or checkpoint files, no service proxy; all their deadlines (simulated task
 * timings, heartbeats, status update retries) share one timer queue, so the whole fleet
 * holds one Node timer.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentCall } from "../mesos/agent.js";
import type { AgentApi } from "../mesos/link.js";
import { parseResources } from "../mesos/resources.js";
import type { Resource } from "../mesos/v1.js";
import type { Logger } from "../util/log.js";
import { startAgent, type Agent } from "./agent.js";
import { TimerQueue } from "./timer-queue.js";

/** scheduler_perf's node: 4 cpus, 32 GiB, 110 pods (the pods scalar becomes the Node's allocatable pods). */
export const DEFAULT_SIM_AGENT_RESOURCES = "cpus:4;mem:32768;pods:110";

export interface SimFleetOptions {
  /** The master's agent API: in-process (berth up, benchmarks) or httpAgentApi (berth sim-agents). */
  readonly api: AgentApi;
  readonly count: number;
  /** Resources of each agent (default DEFAULT_SIM_AGENT_RESOURCES). */
  readonly resources?: readonly Resource[];
  /** Launch -> TASK_RUNNING (default 0: the next turn of the timer queue). */
  readonly runningDelayMs?: number;
  /** Hostnames are `<prefix>-<n>` (zero-padded), also the Node names (default "sim-node"). */
  readonly hostnamePrefix?: string;
  readonly log: Logger;
  /** Agents registering at once (default 200): bounds the burst of subscriptions on an HTTP master. */
  readonly registerConcurrency?: number;
  /** Heartbeat interval (default: what the master says at registration). */
  readonly heartbeatIntervalMs?: number;
  /**
   * Fault-domain zones: agent n is in zones[n % zones.length] (and `region`), which the
   * Kubernetes framework mirrors as the Node's topology.kubernetes.io/zone and /region
   * labels. Default none: agents without a fault domain, Nodes without topology labels.
   */
  readonly zones?: readonly string[];
  /** The fault domain's region when zones are given (default "region-1"). */
  readonly region?: string;
}

/** The agent API with this fault domain added to REGISTER/REREGISTER's agent_info (the agent itself sends none). */
function withDomain(api: AgentApi, region: string, zone: string): AgentApi {
  const domain = { fault_domain: { region: { value: region, name: region }, zone: { value: zone, name: zone } } };
  return {
    subscribe: (call, sink) => {
      const c: AgentCall = call.register
        ? { ...call, register: { ...call.register, agent_info: { ...call.register.agent_info, domain } } }
        : call.reregister
          ? { ...call, reregister: { ...call.reregister, agent_info: { ...call.reregister.agent_info, domain } } }
          : call;
      return api.subscribe(c, sink);
    },
    call: (streamId, call) => api.call(streamId, call),
  };
}

export interface SimFleet {
  readonly agents: readonly Agent[];
  /** Resolves once every agent has registered. */
  readonly registered: Promise<void>;
  /** Stops every agent (their simulated tasks end with them) and the shared timers. */
  stop(): Promise<void>;
}

export async function startSimAgents(opts: SimFleetOptions): Promise<SimFleet> {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new Error(`simulated agent count must be a whole number >= 0: current value is ${opts.count}`);
  const resources = opts.resources ?? parseResources(DEFAULT_SIM_AGENT_RESOURCES);
  const running = Math.max(0, opts.runningDelayMs ?? 0);
  const prefix = opts.hostnamePrefix ?? "sim-node";
  const width = String(Math.max(0, opts.count - 1)).length;
  // No files are written (checkpoint off, no sandboxes), but the agent wants a work directory to exist.
  const workDir = join(tmpdir(), "berth-sim-agents");
  const timers = new TimerQueue();
  const agents: Agent[] = [];
  const concurrency = Math.max(1, opts.registerConcurrency ?? 200);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= opts.count) return;
      const hostname = `${prefix}-${String(i).padStart(width, "0")}`;
      const zone = opts.zones?.length ? opts.zones[i % opts.zones.length]! : undefined;
      const a = await startAgent({
        api: zone ? withDomain(opts.api, opts.region ?? "region-1", zone) : opts.api,
        workDir,
        hostname,
        resources,
        containerizers: ["simulated"],
        simulated: { startingMs: 0, runningMs: running },
        checkpoint: false,
        proxy: false,
        timers,
        log: opts.log.child({ agent: hostname }),
        ...(opts.heartbeatIntervalMs ? { heartbeatIntervalMs: opts.heartbeatIntervalMs } : {}),
      });
      agents.push(a);
      await a.registered;
    }
  };
  const started = Date.now();
  const registered = Promise.all(Array.from({ length: Math.min(concurrency, opts.count) }, worker)).then(() => {
    opts.log.info("simulated agents registered", { count: opts.count, seconds: (Date.now() - started) / 1000 });
  });
  return {
    agents,
    registered,
    async stop() {
      await registered.catch(() => undefined);
      await Promise.all(agents.map((a) => a.stop({ killTasks: true })));
      timers.clear();
    },
  };
}
