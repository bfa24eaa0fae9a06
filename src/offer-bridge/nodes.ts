/**
 * One Node per agent seen in offers, kept the way kubelet keeps its own: labels, capacity
 * and allocatable, conditions with heartbeats, and a Lease in kube-node-lease renewed
 * every 10 s.
 *
 * Writes, as kubelet's: a Node's status is written when what it reports changes, and
 * otherwise every 5 minutes (nodeStatusReportFrequency) to refresh its heartbeat times;
 * labels and annotations are patched only when they differ. Each Lease is renewed 10 s
 * after its last renewal (not in whole-fleet bursts, and never twice at once), so at N
 * nodes the Leases cost N/10 writes per second and no more.
 *
 * Naming: a Node is named after its agent's hostname (lowercased), as kubelet names its
 * Node; when two agents of one session share a hostname, the later one is named after its
 * agent id instead. The agent id is kept in the annotation berth.io/agent-id.
 *
 * Capacity is what the framework can see: offers carry what is free, not an agent's total,
 * so an agent's capacity is the largest (offered + used by this framework's tasks) seen so
 * far. Resources held by other frameworks sharing the agent are not in it.
 *
 * Labels: kubelet's well-known ones, topology from the agent's fault domain, each agent
 * attribute as berth.io/<name> (text and scalar as they are; a set's items and a ranges'
 * ranges joined with "_", e.g. {ssd,nvme} -> ssd_nvme, [1-2,4-4] -> 1-2_4-4), and each
 * role the agent's offered resources are reserved for as berth.io/reserved-for-<role>=true
 * ("/" of hierarchical roles as "."): only the framework's own roles are ever seen, and a
 * role once seen stays (a reservation whose resources are all in use is not in offers).
 */
import type { ApiClient } from "../k8s-api/client/types.js";
import { ApiClientError } from "../k8s-api/client/types.js";
import type { Attribute, Resource } from "../mesos/v1.js";
import type { Logger } from "../util/log.js";
import type { Amounts } from "./placement.js";
import { formatCpu, formatMebibytes } from "./quantity.js";
import { LEASES, NODES, rfc3339, type NodeObj } from "./types.js";

export const AGENT_ID_ANNOTATION = "berth.io/agent-id";
/**
 * Node annotation (and label, from the agent's attribute): the pod network of the agent.
 * "bridge": each pod has its own network namespace and an IP from the Node's
 * spec.podCIDR, so containerPorts cost nothing; only hostPorts are `ports` resources.
 * "host": pods run as host processes with the agent's IP, and every containerPort/hostPort
 * is a `ports` resource of the agent.
 */
export const POD_NETWORK_ANNOTATION = "berth.io/pod-network";
/** The agent attributes that say it (src/agents/agent.ts sets them). */
export const POD_NETWORK_ATTRIBUTE = "pod-network";
export const POD_CIDR_ATTRIBUTE = "pod-cidr";
export type PodNetwork = "bridge" | "host";

/** An agent's pod network from its attributes: bridge only with a pod CIDR; anything else (older agents) is host. */
export function podNetworkOf(attributes: readonly Attribute[]): { mode: PodNetwork; cidr?: string } {
  const mode = attributes.find((a) => a.name === POD_NETWORK_ATTRIBUTE)?.text?.value;
  const cidr = attributes.find((a) => a.name === POD_CIDR_ATTRIBUTE)?.text?.value;
  return mode === "bridge" && cidr ? { mode, cidr } : { mode: "host" };
}
export const MAX_PODS = 110;
const LEASE_DURATION_SECONDS = 40;
const KUBELET_VERSION = "v1.35.0-berth";

export interface AgentSeen {
  readonly agentId: string;
  readonly hostname: string;
  /** Address pods on this agent are reached at (host networking). */
  readonly ip: string;
  /** The agent's container API port (AgentInfo.port): kubectl logs/exec/port-forward go there, as to a kubelet's. */
  readonly port?: number;
  readonly attributes: readonly Attribute[];
  readonly domain?: { readonly zone?: string; readonly region?: string };
  /** Roles its offered resources are reserved for (innermost reservation). */
  readonly reservedRoles?: readonly string[];
  /** How its pods are networked, and the pod CIDR in bridge mode (from its attributes). */
  readonly podNetwork: PodNetwork;
  readonly podCidr?: string;
}

/** The roles resources are reserved for (innermost reservation), sorted. */
export function reservedRolesOf(resources: readonly Resource[]): string[] {
  const roles = new Set<string>();
  for (const r of resources) {
    const n = r.reservations?.length ?? 0;
    if (n) roles.add(r.reservations![n - 1]!.role);
  }
  return [...roles].sort();
}

export const RESERVED_ROLE_LABEL_PREFIX = "berth.io/reserved-for-";

interface Mirrored {
  agent: AgentSeen;
  readonly name: string;
  capacity: Amounts;
  /** Allocatable pods: the agent's "pods" scalar if it declares one, else kubelet's default maxPods. */
  maxPods: number;
  /** The capacity last written to the Node ("" before the first write). */
  written: string;
  writing?: Promise<void>;
  /** When its Lease was last renewed (ms; at first, when the agent was seen): the next renewal is due an interval later. */
  renewedAt: number;
}

export interface NodeMirrorOptions {
  readonly leaseIntervalMs?: number;
  /** How often conditions' lastHeartbeatTime is refreshed (default 5 min, kubelet's nodeStatusReportFrequency). */
  readonly statusIntervalMs?: number;
}

export class NodeMirror {
  private readonly byAgent = new Map<string, Mirrored>();
  /** Node name -> agent id (names are unique: a taken hostname falls back to the agent id). */
  private readonly byName = new Map<string, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;
  /** Agents the master reports lost: their Node's status and Lease are no longer renewed (node-lifecycle.ts owns them). */
  private readonly lost = new Set<string>();
  private readonly leaseIntervalMs: number;
  /** A renewal pass is running: the next tick does not start another (that would renew Leases twice). */
  private renewing = false;

  constructor(
    private readonly client: ApiClient,
    private readonly log: Logger,
    opts: NodeMirrorOptions = {},
  ) {
    this.leaseIntervalMs = opts.leaseIntervalMs ?? 10_000;
    // Ticks at a tenth of the interval renew the Leases that are due: renewals follow each node's own 10 s.
    const lease = setInterval(() => void this.renewLeases(), Math.max(1, Math.floor(this.leaseIntervalMs / 10)));
    const status = setInterval(() => this.heartbeat(), opts.statusIntervalMs ?? 300_000);
    lease.unref();
    status.unref();
    this.timers.push(lease, status);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
  }

  nodeName(agentId: string): string | undefined {
    return this.byAgent.get(agentId)?.name;
  }

  agent(agentId: string): AgentSeen | undefined {
    return this.byAgent.get(agentId)?.agent;
  }

  agentOfNode(name: string): string | undefined {
    return this.byName.get(name);
  }

  agents(): AgentSeen[] {
    return [...this.byAgent.values()].map((m) => m.agent);
  }

  /** The labels berth gives the Node of an agent (the Node object may carry more). */
  labels(agentId: string): Record<string, string> {
    const m = this.byAgent.get(agentId);
    return m ? nodeLabels(m.agent, m.name) : {};
  }

  /** An agent was seen with `total` (offered + this framework's use): name it, and create or refresh its Node. */
  observe(agent: AgentSeen, total: Amounts, pods?: number): string {
    const declared = pods !== undefined && pods >= 0 ? Math.floor(pods) : undefined;
    let m = this.byAgent.get(agent.agentId);
    if (!m) {
      let name = dnsName(agent.hostname);
      if (!name || this.byName.has(name)) name = dnsName(agent.agentId);
      m = { agent, name, capacity: { ...total }, maxPods: declared ?? MAX_PODS, written: "", renewedAt: Date.now() };
      this.byAgent.set(agent.agentId, m);
      if (!this.byName.has(name)) this.byName.set(name, agent.agentId);
      this.log.info("agent mirrored as a node", { agent: agent.agentId, node: name });
    } else {
      // A restarted agent may serve on another address, port or network: the Node must follow; reserved roles accumulate.
      const roles = [...new Set([...(m.agent.reservedRoles ?? []), ...(agent.reservedRoles ?? [])])].sort();
      if (m.agent.ip !== agent.ip || m.agent.port !== agent.port || m.agent.podNetwork !== agent.podNetwork || m.agent.podCidr !== agent.podCidr || roles.length !== (m.agent.reservedRoles ?? []).length) {
        m.agent = { ...agent, reservedRoles: roles };
        m.written = "";
      }
      m.capacity = { cpus: Math.max(m.capacity.cpus, total.cpus), mem: Math.max(m.capacity.mem, total.mem), disk: Math.max(m.capacity.disk, total.disk) };
      // An offer of resources recovered from a finished task need not carry the pods scalar: keep what the agent declared.
      if (declared !== undefined) m.maxPods = declared;
    }
    if (written(m) !== m.written) this.write(m);
    return m.name;
  }

  /** A lost agent stops posting status, as a kubelet that is gone; once back, its Node is written at once. */
  setLost(agentId: string, lost: boolean): void {
    if (!lost && this.lost.delete(agentId)) {
      const m = this.byAgent.get(agentId);
      if (m) {
        this.write(m, true);
        void this.renewLease(m).catch((e: unknown) => this.log.warn("could not renew node lease", { node: m.name, err: e }));
      }
    } else if (lost) this.lost.add(agentId);
  }

  isLost(agentId: string): boolean {
    return this.lost.has(agentId);
  }

  private heartbeat(): void {
    for (const m of this.byAgent.values()) this.write(m);
  }

  /** Writes are serialized per node; a write asked while one runs is folded into the next. */
  private write(m: Mirrored, force = false): void {
    if (this.stopped || this.lost.has(m.agent.agentId)) return;
    if (m.writing) {
      if (force) m.written = "";
      return;
    }
    const snapshot = written(m);
    m.writing = this.ensureNode(m)
      .then(() => {
        m.written = snapshot;
      })
      .catch((e: unknown) => this.log.warn("could not write node", { node: m.name, err: e }))
      .finally(() => {
        m.writing = undefined;
        if (written(m) !== m.written && m.written !== "") this.write(m);
      });
  }

  private async ensureNode(m: Mirrored): Promise<void> {
    const status = nodeStatus(m, new Date());
    let node: NodeObj | undefined;
    try {
      node = await this.client.get<NodeObj>(NODES, "", m.name);
    } catch (e) {
      if (!(e instanceof ApiClientError && e.code === 404)) throw e;
    }
    if (!node) {
      await this.client.create<NodeObj>(NODES, "", {
        apiVersion: "v1",
        kind: "Node",
        metadata: { name: m.name, labels: nodeLabels(m.agent, m.name), annotations: { [AGENT_ID_ANNOTATION]: m.agent.agentId, [POD_NETWORK_ANNOTATION]: m.agent.podNetwork, "node.alpha.kubernetes.io/ttl": "0" } },
        spec: podCidrSpec(m.agent),
        status,
      });
      await this.renewLease(m);
      return;
    }
    // A condition keeps its lastTransitionTime while its status stays the same.
    const old = (node.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime?: string }[];
    for (const c of status.conditions as { type: string; status: string; lastTransitionTime: string }[]) {
      const prev = old.find((o) => o.type === c.type);
      if (prev?.status === c.status && prev.lastTransitionTime) c.lastTransitionTime = prev.lastTransitionTime;
    }
    // Labels and annotation of this agent (others, set by users, stay); then the status.
    // spec.podCIDR is set once (the API refuses to change it, as upstream): a Node whose agent moved to another CIDR keeps the old value.
    const spec = !node.spec?.podCIDR && m.agent.podCidr ? { spec: podCidrSpec(m.agent) } : {};
    const labels = nodeLabels(m.agent, m.name);
    const annotations = { [AGENT_ID_ANNOTATION]: m.agent.agentId, [POD_NETWORK_ANNOTATION]: m.agent.podNetwork };
    // A merge patch that would change nothing is still a write (new resourceVersion, watch event): skip it.
    if (spec.spec || !contains(node.metadata?.labels, labels) || !contains(node.metadata?.annotations, annotations)) await this.client.patch(NODES, "", m.name, "merge", { metadata: { labels, annotations }, ...spec });
    await this.client.patch(NODES, "", m.name, "merge", { status }, { subresource: "status" });
  }

  /** Renews the Leases that are due (renewed, or first seen, an interval ago or more). */
  private async renewLeases(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      for (const m of this.byAgent.values()) {
        if (this.stopped) return;
        if (this.lost.has(m.agent.agentId) || Date.now() - m.renewedAt < this.leaseIntervalMs) continue;
        try {
          await this.renewLease(m);
        } catch (e) {
          this.log.warn("could not renew node lease", { node: m.name, err: e });
        }
      }
    } finally {
      this.renewing = false;
    }
  }

  private async renewLease(m: Mirrored): Promise<void> {
    const now = new Date();
    m.renewedAt = now.getTime();
    const renewTime = microTime(now);
    try {
      await this.client.patch(LEASES, "kube-node-lease", m.name, "merge", { spec: { holderIdentity: m.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime } });
    } catch (e) {
      if (!(e instanceof ApiClientError && e.code === 404)) throw e;
      let owner: { apiVersion: string; kind: string; name: string; uid: string }[] = [];
      try {
        const node = await this.client.get<NodeObj>(NODES, "", m.name);
        owner = [{ apiVersion: "v1", kind: "Node", name: m.name, uid: node.metadata?.uid ?? "" }];
      } catch {
        /* no node yet: a lease without owner */
      }
      await this.client.create(LEASES, "kube-node-lease", {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name: m.name, namespace: "kube-node-lease", ownerReferences: owner },
        spec: { holderIdentity: m.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
      });
    }
  }
}

/** Whether every key of want is in have with the same value. */
function contains(have: Readonly<Record<string, string>> | undefined, want: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(want)) if (have?.[k] !== v) return false;
  return true;
}

function podCidrSpec(agent: AgentSeen): { podCIDR?: string; podCIDRs?: string[] } {
  return agent.podNetwork === "bridge" && agent.podCidr ? { podCIDR: agent.podCidr, podCIDRs: [agent.podCidr] } : {};
}

/** A DNS-1123 subdomain made of s (lowercase, invalid characters as "-"). */
export function dnsName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
    .slice(0, 253);
}

function archOf(agent: AgentSeen): string {
  const a = agent.attributes.find((x) => x.name === "arch")?.text?.value;
  if (a) return a;
  // Without an attribute, the framework's own architecture (one-machine clusters).
  return ({ x64: "amd64", arm64: "arm64", arm: "arm", ppc64: "ppc64le", s390x: "s390x" } as Record<string, string>)[process.arch] ?? process.arch;
}

export function nodeLabels(agent: AgentSeen, name: string): Record<string, string> {
  const labels: Record<string, string> = {
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
    "kubernetes.io/arch": archOf(agent),
    "beta.kubernetes.io/os": "linux",
    "beta.kubernetes.io/arch": archOf(agent),
  };
  if (agent.domain?.zone) labels["topology.kubernetes.io/zone"] = agent.domain.zone;
  if (agent.domain?.region) labels["topology.kubernetes.io/region"] = agent.domain.region;
  // Agent attributes with a label-safe value become berth.io/<name> labels.
  for (const a of agent.attributes) {
    const v = a.text?.value ?? (a.scalar ? String(a.scalar.value) : a.set ? a.set.item.join("_") : a.ranges ? a.ranges.range.map((r) => `${r.begin}-${r.end}`).join("_") : undefined);
    const key = `berth.io/${dnsName(a.name).replace(/\./g, "-")}`;
    if (v !== undefined && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v) && v.length <= 63 && key.length <= 63 + 9) labels[key] = v;
  }
  for (const role of agent.reservedRoles ?? []) {
    const key = RESERVED_ROLE_LABEL_PREFIX + role.replace(/\//g, ".");
    if (/^berth\.io\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key) && key.length <= 63 + 9) labels[key] = "true";
  }
  return labels;
}

/** What the Node's status is written from (compared to skip writes that change nothing). */
function written(m: Mirrored): string {
  return JSON.stringify([m.capacity, m.maxPods]);
}

function nodeStatus(m: Mirrored, now: Date): Record<string, unknown> {
  const t = rfc3339(now);
  const quantities = { cpu: formatCpu(m.capacity.cpus), memory: formatMebibytes(Math.floor(m.capacity.mem)), pods: String(m.maxPods), "ephemeral-storage": formatMebibytes(Math.floor(m.capacity.disk)) };
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t });
  return {
    capacity: quantities,
    allocatable: quantities,
    conditions: [
      cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
      cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
      cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
      cond("Ready", "True", "KubeletReady", "berth agent is registered and offering resources"),
    ],
    addresses: [
      { type: "InternalIP", address: m.agent.ip },
      { type: "Hostname", address: m.agent.hostname },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: m.agent.port ?? 0 } },
    nodeInfo: {
      machineID: "",
      systemUUID: "",
      bootID: "",
      kernelVersion: "",
      osImage: "",
      containerRuntimeVersion: "berth://process",
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: "",
      operatingSystem: "linux",
      architecture: archOf(m.agent),
    },
  };
}

/** metav1.MicroTime's RFC 3339 with microseconds. */
function microTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
