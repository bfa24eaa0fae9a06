/**
 * `berth up`: a one-machine cluster in one process — the store, the API server, the
 * master, a local agent (or simulated agents), the kubernetes framework and the
 * controllers — plus a kubeconfig for kubectl.
 */
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve, delimiter } from "node:path";
import { parseArgs } from "node:util";
import { startApiServer } from "../k8s-api/index.js";
import { LocalClient } from "../k8s-api/client/local.js";
import { startControllers } from "../k8s-api/controllers/index.js";
import { startMaster } from "../resource-manager/index.js";
import { DEFAULT_SIM_AGENT_RESOURCES, detectResources, startAgent, startSimAgents, type Agent, type SimFleet } from "../agents/index.js";
import { startKubeFramework } from "../offer-bridge/index.js";
import { withoutPorts } from "../offer-bridge/placement.js";
import type { Range, Resource } from "../mesos/v1.js";
import { createLogger, type Level } from "../util/log.js";
import { mergeKubeconfig, tokenFor, writeKubeconfig } from "./kubeconfig.js";
import { podNetworkFlag, POD_NETWORK_USAGE, portFlag, weightsFlag, wholeNumberFlag } from "./flags.js";
import { openStoreFlag, STORE_FLAG_HELP } from "./store.js";
import { parseResources } from "../mesos/resources.js";

export const UP_USAGE = `Usage: berth up [flags]

Starts a one-machine berth cluster and writes a kubeconfig.

Flags:
  --host ADDR             address to listen on (default 127.0.0.1)
  --port N                API server port (default 6443; 0 picks a free one)
  --master-port N         resource-manager master port (default 5050; 0 picks a free one)
  --agent-port N          the local agent's container API port, on 127.0.0.1 (kubectl logs,
                          exec, attach and port-forward go through it; default 0: a free one)
  --data-dir DIR          where the store keeps its data (default ./.berth)
  --kubeconfig PATH       where to write the kubeconfig (default <data-dir>/kubeconfig)
  --merge-kubeconfig      also merge the context "berth" into ~/.kube/config (or $KUBECONFIG)
  --service-cidr CIDR     ClusterIP range (default 127.96.0.0/16, loopback)
  --agent-resources TEXT  the local agent's resources, e.g. "cpus:4;mem:4096" (default:
                          detected from the machine)
  --agent-ports RANGES    the local agent's ports resource, e.g. "[8000-9000,31000-32000]"
                          (default [1024-32767] less the API server, master and agent ports:
                          each hostPort, with host networking each containerPort, and each
                          Service's nodePort (30000-32767) is taken from it; a ports entry
                          in --agent-resources wins)
${POD_NETWORK_USAGE}  --sim-agents N          instead of the local agent, N simulated agents (no processes run:
                          tasks report RUNNING after --sim-running-delay); for scale tests
  --sim-agent-resources TEXT
                          each simulated agent's resources (default "${DEFAULT_SIM_AGENT_RESOURCES}",
                          scheduler_perf's node; "pods" is the Node's allocatable pods)
  --sim-running-delay MS  launch -> RUNNING of a simulated task (default 0)
  --kube-roles ROLE,...   the roles the kubernetes framework subscribes with (default
                          kubernetes); a pod picks one with the annotation berth.io/role
  --weights ROLE=W,...    role weights on the master, e.g. kubernetes=1,batch=2
${STORE_FLAG_HELP}
  --repair-store          truncate a corrupt write-ahead log at the last good record
  --log-level LEVEL       debug, info, warn or error (default info)
`;

export async function up(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "6443" },
      "master-port": { type: "string", default: "5050" },
      "agent-port": { type: "string", default: "0" },
      "data-dir": { type: "string", default: ".berth" },
      kubeconfig: { type: "string" },
      "merge-kubeconfig": { type: "boolean", default: false },
      "service-cidr": { type: "string", default: "127.96.0.0/16" },
      "agent-resources": { type: "string" },
      "agent-ports": { type: "string" },
      "pod-network": { type: "string", default: "auto" },
      "pod-cidr": { type: "string" },
      "kube-roles": { type: "string", default: "kubernetes" },
      "sim-agents": { type: "string" },
      "sim-agent-resources": { type: "string", default: DEFAULT_SIM_AGENT_RESOURCES },
      "sim-running-delay": { type: "string", default: "0" },
      weights: { type: "string" },
      store: { type: "string", default: "embedded" },
      "repair-store": { type: "boolean", default: false },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(UP_USAGE);
    return;
  }
  const port = portFlag("--port", values.port);
  const masterPort = portFlag("--master-port", values["master-port"]);
  const agentPort = portFlag("--agent-port", values["agent-port"]);
  const weights = weightsFlag(values.weights);
  const podNetwork = podNetworkFlag(values["pod-network"]);
  const log = createLogger("berth-up", { level: values["log-level"] as Level });
  const dataDir = resolve(values["data-dir"]);
  mkdirSync(dataDir, { recursive: true });

  const store = await openStoreFlag(values.store, { dataDir, repair: values["repair-store"], log: log.child({ component: "store" }) });
  const api = await startApiServer({
    store,
    host: values.host,
    port,
    log: log.child({ component: "apiserver" }),
    serviceRanges: { serviceCIDR: values["service-cidr"], nodePortMin: 30000, nodePortMax: 32767 },
  });

  // The resource manager: frameworks (Spark/Hadoop-style, and later the Kubernetes one) subscribe to it over the v1 scheduler API.
  const rm = await startMaster({ host: values.host, port: masterPort, logger: log.child({ component: "master" }), ...(Object.keys(weights).length ? { weights } : {}) });
  let localAgent: Agent | undefined;
  let simFleet: SimFleet | undefined;
  if (values["sim-agents"] !== undefined) {
    // Simulated nodes only: over the in-process link; their per-task lines would drown the log, so only warnings unless debugging.
    const count = wholeNumberFlag("--sim-agents", values["sim-agents"]);
    const runningDelayMs = wholeNumberFlag("--sim-running-delay", values["sim-running-delay"]);
    const simLog = createLogger("berth-up", { level: values["log-level"] === "debug" ? "debug" : "warn" }, { component: "sim-agents" });
    simFleet = await startSimAgents({ api: rm.master.agentApi, count, resources: parseResources(values["sim-agent-resources"]), runningDelayMs, log: simLog });
    await simFleet.registered;
    log.info("simulated agents registered", { count });
  } else {
    // The local agent joins over the in-process link; its work directory keeps sandboxes and checkpoints across restarts.
    const agentResources = localAgentResources(values["agent-resources"], values["agent-ports"], [port, masterPort, agentPort], join(dataDir, "agent"));
    localAgent = await startAgent({ api: rm.master.agentApi, workDir: join(dataDir, "agent"), hostname: "127.0.0.1", resources: agentResources, containerApi: { host: "127.0.0.1", port: agentPort }, podNetwork, ...(values["pod-cidr"] ? { podCidr: values["pod-cidr"] } : {}), serviceCidr: values["service-cidr"], log: log.child({ component: "agent" }) });
  }
  // The kubernetes framework (offer-bridge): pods become task groups on the agents' offers; in-process link, like any framework.
  const kubeRoles = values["kube-roles"].split(",").map((r) => r.trim()).filter(Boolean);
  const kubeFramework = await startKubeFramework({ client: new LocalClient(api.registry, "kubernetes-framework"), scheduler: rm.master.scheduler, log: log.child({ component: "kube-framework" }), ...(kubeRoles.length ? { roles: kubeRoles } : {}) });

  // In one process the controllers talk to the registry directly, as kube-controller-manager would over HTTP.
  const controllers = await startControllers(new LocalClient(api.registry, "kube-controller-manager"), log.child({ component: "controllers" }));

  const kubeconfigPath = resolve(values.kubeconfig ?? join(dataDir, "kubeconfig"));
  const target = { server: api.url, name: "berth", token: tokenFor(dataDir) };
  writeKubeconfig(kubeconfigPath, target);
  let merged = "";
  if (values["merge-kubeconfig"]) {
    merged = (process.env.KUBECONFIG ?? "").split(delimiter)[0] || join(homedir(), ".kube", "config");
    mergeKubeconfig(merged, target);
  }
  printNextSteps(api.url, rm.url, kubeconfigPath, merged);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    controllers.stop();
    await kubeFramework.stop();
    await api.close();
    // Tasks keep running, as a Mesos agent leaves them; the next start re-attaches to them.
    await localAgent?.stop();
    await simFleet?.stop();
    await rm.close();
    await store.close();
    log.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/**
 * The local agent's resources: --agent-resources (or detected), with a ports range wide
 * enough for typical containerPorts (host networking: every declared port is a ports
 * resource). Ports picked with 0 come from the kernel's ephemeral range (32768 and up on
 * Linux), outside the default.
 */
function localAgentResources(text: string | undefined, portsText: string | undefined, serverPorts: readonly number[], workDir: string): Resource[] {
  const base = text ? parseResources(text) : detectResources(workDir);
  // A ports entry the user wrote in --agent-resources stands; detection's Mesos default does not.
  if (text && base.some((r) => r.name === "ports") && !portsText) return base;
  let range: Range[];
  if (portsText) {
    const parsed = parseResources(`ports:${portsText.startsWith("[") ? portsText : `[${portsText}]`}`)[0];
    if (!parsed?.ranges?.range.length) throw new Error(`--agent-ports must be ranges like [1024-32767]: current value is ${portsText}`);
    range = [...parsed.ranges.range];
  } else range = withoutPorts([{ begin: 1024, end: 32767 }], serverPorts.filter((p) => p > 0));
  return [...base.filter((r) => r.name !== "ports"), { name: "ports", type: "RANGES", ranges: { range } }];
}

function printNextSteps(url: string, masterUrl: string, kubeconfig: string, merged: string): void {
  const kubectl = findKubectl();
  const lines = [
    "",
    `berth is up: Kubernetes API at ${url}`,
    `resource manager (Mesos v1 scheduler API) at ${masterUrl}/api/v1/scheduler, state at ${masterUrl}/state`,
    `kubeconfig written to ${kubeconfig}${merged ? ` (and merged into ${merged} as context "berth")` : ""}`,
    "",
    "Next, in another terminal:",
    `  export KUBECONFIG=${merged || kubeconfig}`,
    ...(kubectl === "kubectl" ? [] : [`  export PATH=${resolve(kubectl, "..")}:$PATH   # kubectl and helm from the npm package`]),
    "  kubectl get namespaces",
    "  kubectl run hello --image=busybox --restart=Never -- sh -c 'echo hello; sleep 5'",
    "  kubectl get pods -w",
    "",
    "Press Ctrl-C to stop; data stays in the data directory.",
    "",
  ];
  process.stdout.write(lines.join("\n"));
}

function findKubectl(): string {
  const local = resolve(".tools", "bin", "kubectl");
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && existsSync(join(dir, "kubectl"))) return "kubectl";
  return existsSync(local) ? local : "kubectl";
}
