/**
 * NodeInfo: one node (agent) as the scheduler sees it: labels, taints, allocatable, and
 * what the pods placed on it use (framework.NodeInfo). Mutated only through NodeSnapshot.
 */
import type { HostPort, PodInfo } from "./pod-info.js";
import { emptyResources, parseAllocatable, type Allocatable, type Resources } from "./resources.js";
import { toLabels, type Labels } from "./selectors.js";
import type { Taint } from "./taints.js";

/** What the caller knows about a node (from an agent and its offers). */
export interface NodeSpec {
  readonly name: string;
  readonly labels?: Record<string, string>;
  readonly taints?: readonly Taint[];
  /** Parsed amounts, or a V1Node-style status.allocatable map ({cpu: "4", memory: "32Gi", pods: "110"}). */
  readonly allocatable: Allocatable | Record<string, string | number>;
  readonly unschedulable?: boolean;
  /** Informational (node conditions are enforced upstream through taints, not here). */
  readonly conditions?: readonly { type: string; status: string }[];
}

function isAllocatable(a: NodeSpec["allocatable"]): a is Allocatable {
  return typeof (a as Allocatable).milliCPU === "number" && (a as Allocatable).scalar instanceof Map;
}

let nextId = 1;

export class NodeInfo {
  /** Stable identity (never reused), for per-node maps. */
  readonly id = nextId++;
  /** Position in the snapshot's node list (round-robin order). */
  index = -1;
  name: string;
  labels: Labels;
  taints: readonly Taint[];
  allocatable: Allocatable;
  unschedulable: boolean;
  conditions: readonly { type: string; status: string }[];
  /** Sum of the placed pods' requests (NodeResourcesFit, BalancedAllocation). */
  readonly requested: Resources = emptyResources();
  /** cpu/memory with scheduler defaults for pods without requests (LeastAllocated). */
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  readonly pods = new Set<PodInfo>();
  /** "PROTO/port" -> host IP -> number of pods using it (framework.HostPortInfo). */
  readonly usedPorts = new Map<string, Map<string, number>>();

  constructor(spec: NodeSpec) {
    this.name = spec.name;
    this.labels = toLabels(spec.labels);
    this.taints = spec.taints ?? [];
    this.allocatable = isAllocatable(spec.allocatable) ? spec.allocatable : parseAllocatable(spec.allocatable);
    this.unschedulable = spec.unschedulable ?? false;
    this.conditions = spec.conditions ?? [];
  }

  /** Replaces what the node spec carries; pods and their accounting stay. */
  update(spec: NodeSpec): void {
    this.labels = toLabels(spec.labels);
    this.taints = spec.taints ?? [];
    this.allocatable = isAllocatable(spec.allocatable) ? spec.allocatable : parseAllocatable(spec.allocatable);
    this.unschedulable = spec.unschedulable ?? false;
    this.conditions = spec.conditions ?? [];
  }

  /** Adds (sign 1) or removes (sign -1) a pod's usage. */
  account(pod: PodInfo, sign: 1 | -1): void {
    const r = this.requested;
    const p = pod.requests;
    r.milliCPU += sign * p.milliCPU;
    r.memory += sign * p.memory;
    r.ephemeralStorage += sign * p.ephemeralStorage;
    for (const [k, v] of p.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
    this.nonZeroMilliCPU += sign * pod.nonZeroMilliCPU;
    this.nonZeroMemory += sign * pod.nonZeroMemory;
    for (const hp of pod.hostPorts) this.usePort(hp, sign);
    if (sign > 0) this.pods.add(pod);
    else this.pods.delete(pod);
  }

  private usePort(hp: HostPort, sign: 1 | -1): void {
    const k = `${hp.protocol}/${hp.port}`;
    let ips = this.usedPorts.get(k);
    if (!ips) {
      if (sign < 0) return;
      ips = new Map();
      this.usedPorts.set(k, ips);
    }
    const n = (ips.get(hp.ip) ?? 0) + sign;
    if (n > 0) ips.set(hp.ip, n);
    else ips.delete(hp.ip);
    if (ips.size === 0) this.usedPorts.delete(k);
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with any IP on the same protocol/port. */
  portConflicts(hp: HostPort): boolean {
    const ips = this.usedPorts.get(`${hp.protocol}/${hp.port}`);
    if (!ips) return false;
    if (hp.ip === "0.0.0.0") return ips.size > 0;
    return ips.has(hp.ip) || ips.has("0.0.0.0");
  }
}
