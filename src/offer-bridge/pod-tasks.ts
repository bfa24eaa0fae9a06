/**
 * A pod as one task group (DESIGN.md decision 5): its containers are the tasks, named so
 * that a task id alone says which pod (by uid) and container it runs, which is what makes
 * reconciliation after a restart free of duplicate launches.
 */
import type { ExecutorInfo, Resource, RuntimeHandler, RuntimeProbe, TaskInfo, TaskRuntime } from "../mesos/v1.js";
import { containerArgv, type ImageCatalog } from "./images.js";
import { ConfigError, containerEnv, expand, PodSources, type RenderContext } from "./pod-env.js";
import { containerVolumes, sandboxPath, type RenderedMounts } from "./pod-volumes.js";
import { cpuCores, mebibytes } from "./quantity.js";
import type { Container, K8sHandler, K8sProbe, Pod } from "./types.js";

export { expand, type RenderContext };

/**
 * What a container gets when it requests nothing: Mesos tasks need resources, so these
 * are kube-scheduler's "non-zero" defaults (DefaultMilliCPURequest, DefaultMemoryRequest)
 * rather than zero.
 */
export const DEFAULT_CPUS = 0.1;
export const DEFAULT_MEM_MIB = 200;

export interface PodTaskId {
  readonly namespace: string;
  readonly pod: string;
  readonly uid: string;
  readonly container: string;
}

/** `<namespace>.<pod>.<uid>.<container>` */
export function taskIdOf(pod: Pod, container: string): string {
  return `${executorIdOf(pod)}.${container}`;
}

export function executorIdOf(pod: Pod): string {
  const m = pod.metadata ?? {};
  return `${m.namespace ?? ""}.${m.name ?? ""}.${m.uid ?? ""}`;
}

/** Namespaces, uids and container names hold no dots; pod names may. */
export function parseTaskId(id: string): PodTaskId | undefined {
  const parts = id.split(".");
  if (parts.length < 4) return undefined;
  const namespace = parts[0]!;
  const container = parts[parts.length - 1]!;
  const uid = parts[parts.length - 2]!;
  const pod = parts.slice(1, -2).join(".");
  if (!namespace || !pod || !uid || !container) return undefined;
  return { namespace, pod, uid, container };
}

/** A container's cpus and mem (MiB) as its task asks them: its requests, else the defaults. */
export function containerResources(c: Container): { cpus: number; mem: number; disk: number } {
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  return {
    cpus: cpuCores(req.cpu ?? lim.cpu) || DEFAULT_CPUS,
    mem: mebibytes(req.memory ?? lim.memory) || DEFAULT_MEM_MIB,
    disk: mebibytes(req["ephemeral-storage"] ?? lim["ephemeral-storage"]) ?? 0,
  };
}

/**
 * The pod's total as its task group asks it: the containers' sum, and init tasks that
 * top it up to kube-scheduler's max(sum of containers, largest init container) (init
 * tasks run one at a time, before the containers; see initTaskResources).
 */
export function podResources(pod: Pod): { cpus: number; mem: number; disk: number } {
  const t = { cpus: 0, mem: 0, disk: 0 };
  for (const c of pod.spec?.containers ?? []) add(t, containerResources(c));
  for (const r of initTaskResources(pod)) add(t, r);
  return t;
}

function add(t: { cpus: number; mem: number; disk: number }, r: { cpus: number; mem: number; disk: number }): void {
  t.cpus += r.cpus;
  t.mem += r.mem;
  t.disk += r.disk;
}

/** Mesos tasks need resources: the least an init task carries. */
const INIT_MIN_CPUS = 0.001;

/** Per init container (in order): the first carries what the largest init container needs beyond the containers' sum, the rest a token. */
export function initTaskResources(pod: Pod): { cpus: number; mem: number; disk: number }[] {
  const inits = (pod.spec?.initContainers ?? []).filter((c) => !isSidecar(c));
  if (!inits.length) return [];
  const sum = { cpus: 0, mem: 0, disk: 0 };
  for (const c of pod.spec?.containers ?? []) add(sum, containerResources(c));
  for (const c of (pod.spec?.initContainers ?? []).filter(isSidecar)) add(sum, containerResources(c));
  const max = { cpus: 0, mem: 0, disk: 0 };
  for (const c of inits) {
    const r = containerResources(c);
    max.cpus = Math.max(max.cpus, r.cpus);
    max.mem = Math.max(max.mem, r.mem);
    max.disk = Math.max(max.disk, r.disk);
  }
  const extra = { cpus: Math.max(INIT_MIN_CPUS, max.cpus - sum.cpus), mem: Math.max(0, max.mem - sum.mem), disk: Math.max(0, max.disk - sum.disk) };
  return inits.map((_, i) => (i === 0 ? extra : { cpus: INIT_MIN_CPUS, mem: 0, disk: 0 }));
}

/** A restartable init container (sidecar): started with the containers and kept running. */
export function isSidecar(c: Container): boolean {
  return (c as { restartPolicy?: string }).restartPolicy === "Always";
}

export function scalarResources(r: { cpus: number; mem: number; disk: number }): Resource[] {
  const out: Resource[] = [
    { name: "cpus", type: "SCALAR", scalar: { value: round(r.cpus) } },
    { name: "mem", type: "SCALAR", scalar: { value: round(r.mem) } },
  ];
  if (r.disk > 0) out.push({ name: "disk", type: "SCALAR", scalar: { value: round(r.disk) } });
  return out;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

// ---- ports (a port of the agent is a resource) -----------------------------------------

/**
 * The ports a container holds on its agent: every hostPort and, in host networking mode,
 * every declared containerPort (the process binds it on the host); each once per pod (a
 * port two containers of one pod declare goes to the first). Mesos semantics: a port is a
 * `ports` RANGES resource of the task that binds it. With its own network (hostPortsOnly)
 * a pod's containerPorts are its own and cost nothing.
 */
export function containerHostPorts(pod: Pod, hostPortsOnly = false): Map<string, number[]> {
  const seen = new Set<number>();
  const out = new Map<string, number[]>();
  // Containers first: a port an init container shares with a container stays held after the init task ends.
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of all) {
    const mine: number[] = [];
    for (const p of c.ports ?? []) {
      for (const n of hostPortsOnly ? [p.hostPort] : [p.containerPort, p.hostPort]) {
        if (!n || n <= 0 || n > 65535 || seen.has(n)) continue;
        seen.add(n);
        mine.push(n);
      }
    }
    if (mine.length) out.set(c.name, mine.sort((a, b) => a - b));
  }
  return out;
}

/** Every port the pod holds on its agent (sorted). */
export function podHostPorts(pod: Pod, hostPortsOnly = false): number[] {
  return [...containerHostPorts(pod, hostPortsOnly).values()].flat().sort((a, b) => a - b);
}

/** Mesos port mappings of a pod with its own network: each hostPort forwards to its containerPort at the pod IP. */
export function portMappings(pod: Pod): { host_port: number; container_port: number; protocol: string }[] {
  const out: { host_port: number; container_port: number; protocol: string }[] = [];
  const seen = new Set<number>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || seen.has(p.hostPort)) continue;
      seen.add(p.hostPort);
      out.push({ host_port: p.hostPort, container_port: p.containerPort, protocol: (p.protocol ?? "TCP").toLowerCase() });
    }
  }
  return out;
}

/** A `ports` RANGES resource for these ports (adjacent ones coalesced). */
export function portsResource(ports: readonly number[]): Resource | undefined {
  if (!ports.length) return undefined;
  const s = [...new Set(ports)].sort((a, b) => a - b);
  const range: { begin: number; end: number }[] = [];
  for (const n of s) {
    const last = range[range.length - 1];
    if (last && last.end + 1 === n) last.end = n;
    else range.push({ begin: n, end: n });
  }
  return { name: "ports", type: "RANGES", ranges: { range } };
}

export type PodLaunch = { readonly ok: true; readonly executor: ExecutorInfo; readonly tasks: TaskInfo[] } | { readonly ok: false; readonly reason: string; readonly message: string };

/**
 * The LAUNCH_GROUP content for a pod on an agent, or why the pod cannot run (a waiting
 * reason: ErrImagePull, CreateContainerConfigError, or ContainerCreating for a volume).
 * Init containers become init tasks (run in order, each to success, before the rest);
 * restartable init containers (sidecars) start with the containers.
 */
export async function podTaskGroup(pod: Pod, agentId: string, frameworkId: string, catalog: ImageCatalog, ctx: RenderContext, network?: { readonly ip: string }): Promise<PodLaunch> {
  const m = pod.metadata ?? {};
  const mappings = network ? portMappings(pod) : [];
  const executor: ExecutorInfo = {
    type: "DEFAULT",
    executor_id: { value: executorIdOf(pod) },
    framework_id: { value: frameworkId },
    name: `pod ${m.namespace}/${m.name}`,
    // Its own network: the IP the framework picked from the node's pod CIDR, hostPorts forwarded to it.
    ...(network ? { container: { type: "MESOS" as const, network_infos: [{ ip_addresses: [{ protocol: "IPv4" as const, ip_address: network.ip }], ...(mappings.length ? { port_mappings: mappings } : {}) }] } } : {}),
  };
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  const policy = pod.spec?.restartPolicy ?? "Always";
  const src = new PodSources(ctx, m.namespace ?? "");
  let serviceEnv: Map<string, string>;
  try {
    serviceEnv = await src.serviceEnv(pod.spec?.enableServiceLinks !== false);
  } catch (e) {
    return { ok: false, reason: "CreateContainerConfigError", message: `failed to list services when setting up env vars: ${String(e)}` };
  }
  const inits = pod.spec?.initContainers ?? [];
  const initRes = initTaskResources(pod);
  const entries: { c: Container; init: boolean; res: { cpus: number; mem: number; disk: number } }[] = [];
  let n = 0;
  for (const c of inits) entries.push(isSidecar(c) ? { c, init: false, res: containerResources(c) } : { c, init: true, res: initRes[n++]! });
  for (const c of pod.spec?.containers ?? []) entries.push({ c, init: false, res: containerResources(c) });
  // Sidecars start with the containers: after the init tasks in group order.
  entries.sort((a, b) => Number(b.init) - Number(a.init));

  const ports = containerHostPorts(pod, network !== undefined);
  const tasks: TaskInfo[] = [];
  for (const { c, init, res } of entries) {
    const argv = containerArgv(c, catalog);
    if (typeof argv === "string") return { ok: false, reason: "ErrImagePull", message: argv };
    let env: Map<string, string>;
    let volumes: RenderedMounts;
    try {
      env = await containerEnv(pod, c, src, serviceEnv);
      volumes = await containerVolumes(pod, c, src);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const mount = e.message.startsWith("MountVolume.");
      return { ok: false, reason: mount ? "ContainerCreating" : "CreateContainerConfigError", message: e.message };
    }
    const lookup = (k: string) => env.get(k);
    const full = argv.map((a) => expand(a, lookup));
    const variables = [{ name: "HOSTNAME", value: m.name ?? "" }, ...[...env].filter(([k]) => k !== "HOSTNAME").map(([name, value]) => ({ name, value }))];
    if (env.has("HOSTNAME")) variables[0] = { name: "HOSTNAME", value: env.get("HOSTNAME")! };
    const runtime = containerRuntime(c, init ? (policy === "Never" ? "Never" : "OnFailure") : isSidecar(c) ? "Always" : policy, init, volumes);
    tasks.push({
      name: c.name,
      task_id: { value: taskIdOf(pod, c.name) },
      agent_id: { value: agentId },
      resources: withPorts(scalarResources(res), ports.get(c.name)),
      command: { shell: false, value: full[0]!, arguments: full, environment: { variables } },
      kill_policy: { grace_period: { nanoseconds: grace * 1e9 } },
      runtime,
      labels: {
        labels: [
          { key: "io.kubernetes.pod.namespace", value: m.namespace ?? "" },
          { key: "io.kubernetes.pod.name", value: m.name ?? "" },
          { key: "io.kubernetes.pod.uid", value: m.uid ?? "" },
          { key: "io.kubernetes.container.name", value: c.name },
        ],
      },
    });
  }
  if (!tasks.some((t) => !t.runtime?.init)) return { ok: false, reason: "CreateContainerConfigError", message: "the pod has no containers" };
  return { ok: true, executor, tasks };
}

function withPorts(list: Resource[], ports: readonly number[] | undefined): Resource[] {
  const r = portsResource(ports ?? []);
  return r ? [...list, r] : list;
}

/** A container's TaskRuntime: restart policy, volumes, probes, hooks, termination message, working directory. */
function containerRuntime(c: Container, restart: "Always" | "OnFailure" | "Never", init: boolean, volumes: RenderedMounts): TaskRuntime {
  const probes = {
    ...(c.livenessProbe ? { liveness: probe(c, c.livenessProbe) } : {}),
    ...(c.readinessProbe ? { readiness: probe(c, c.readinessProbe) } : {}),
    ...(c.startupProbe ? { startup: probe(c, c.startupProbe) } : {}),
  };
  const preStop = c.lifecycle?.preStop ? handler(c, c.lifecycle.preStop) : undefined;
  return {
    ...(init ? { init: true } : {}),
    restart_policy: restart,
    ...volumes,
    ...(Object.keys(probes).length && !init ? { probes } : {}),
    termination_message_path: sandboxPath(c.terminationMessagePath ?? "/dev/termination-log"),
    ...(c.terminationMessagePolicy === "FallbackToLogsOnError" ? { termination_message_fallback_to_logs: true } : {}),
    ...(preStop ? { pre_stop: preStop } : {}),
    ...(c.workingDir ? { working_dir: sandboxPath(c.workingDir) } : {}),
  };
}

/** A named port resolves through the container's ports, as kubelet's probes do. */
function port(c: Container, p: number | string | undefined): number {
  if (typeof p === "number") return p;
  const named = c.ports?.find((x) => x.name === p)?.containerPort;
  return named ?? (Number(p) || 0);
}

function handler(c: Container, h: K8sHandler): RuntimeHandler {
  if (h.exec) return { exec: { command: h.exec.command ?? [] } };
  if (h.httpGet) return { http: { port: port(c, h.httpGet.port), ...(h.httpGet.path ? { path: h.httpGet.path } : {}), ...(h.httpGet.scheme === "HTTPS" ? { scheme: "HTTPS" as const } : {}), ...(h.httpGet.httpHeaders?.length ? { headers: h.httpGet.httpHeaders } : {}) } };
  if (h.tcpSocket) return { tcp: { port: port(c, h.tcpSocket.port) } };
  // gRPC health checking is not spoken yet: its port accepting connections stands in for SERVING.
  if (h.grpc) return { tcp: { port: h.grpc.port } };
  if (h.sleep) return { exec: { command: ["sleep", String(h.sleep.seconds)] } };
  return {};
}

function probe(c: Container, p: K8sProbe): RuntimeProbe {
  return {
    ...handler(c, p),
    ...(p.initialDelaySeconds !== undefined ? { initial_delay_seconds: p.initialDelaySeconds } : {}),
    ...(p.periodSeconds !== undefined ? { period_seconds: p.periodSeconds } : {}),
    ...(p.timeoutSeconds !== undefined ? { timeout_seconds: p.timeoutSeconds } : {}),
    ...(p.successThreshold !== undefined ? { success_threshold: p.successThreshold } : {}),
    ...(p.failureThreshold !== undefined ? { failure_threshold: p.failureThreshold } : {}),
  };
}
