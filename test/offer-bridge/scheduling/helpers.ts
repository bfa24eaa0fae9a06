/**
 * Builders in the spirit of upstream's pkg/scheduler/testing (st.MakePod(), st.MakeNode()),
 * so ported table tests read like their Go originals.
 */
import type { V1LabelSelector, V1Pod, V1PodAffinityTerm, V1TopologySpreadConstraint } from "@kubernetes/client-node";
import { NodeSnapshot, podInfoFromPod, type NodeSpec, type PodInfo, type PodInfoOptions } from "../../../src/offer-bridge/scheduling/index.js";

export class PodBuilder {
  readonly pod: V1Pod = { metadata: { name: "", namespace: "default", labels: {} }, spec: { containers: [] } };
  name(n: string): this {
    this.pod.metadata!.name = n;
    return this;
  }
  namespace(ns: string): this {
    this.pod.metadata!.namespace = ns;
    return this;
  }
  label(k: string, v: string): this {
    this.pod.metadata!.labels![k] = v;
    return this;
  }
  /** Where the pod runs (st.Node): the snapshot places it there. */
  node(n: string): this {
    this.placedOn = n;
    return this;
  }
  placedOn?: string;
  nodeName(n: string): this {
    this.pod.spec!.nodeName = n;
    return this;
  }
  /** A container requesting the given resources. */
  req(requests: Record<string, string>): this {
    this.pod.spec!.containers.push({ name: `c${this.pod.spec!.containers.length}`, resources: { requests } });
    return this;
  }
  initReq(requests: Record<string, string>, sidecar = false): this {
    (this.pod.spec!.initContainers ??= []).push({ name: `i${this.pod.spec!.initContainers.length}`, resources: { requests }, ...(sidecar ? { restartPolicy: "Always" } : {}) });
    return this;
  }
  overhead(o: Record<string, string>): this {
    this.pod.spec!.overhead = o;
    return this;
  }
  hostPort(port: number, protocol = "TCP", hostIP = ""): this {
    this.pod.spec!.containers.push({ name: `p${this.pod.spec!.containers.length}`, ports: [{ containerPort: port, hostPort: port, protocol, hostIP }] });
    return this;
  }
  toleration(key: string, operator: string, value: string, effect: string): this {
    (this.pod.spec!.tolerations ??= []).push({ key, operator, value, effect });
    return this;
  }
  nodeSelector(s: Record<string, string>): this {
    this.pod.spec!.nodeSelector = s;
    return this;
  }
  private aff() {
    return (this.pod.spec!.affinity ??= {});
  }
  requiredNodeAffinity(terms: NonNullable<NonNullable<NonNullable<V1Pod["spec"]>["affinity"]>["nodeAffinity"]>["requiredDuringSchedulingIgnoredDuringExecution"]): this {
    (this.aff().nodeAffinity ??= {}).requiredDuringSchedulingIgnoredDuringExecution = terms;
    return this;
  }
  preferredNodeAffinity(weight: number, key: string, op: string, values: string[]): this {
    ((this.aff().nodeAffinity ??= {}).preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, preference: { matchExpressions: [{ key, operator: op, values }] } });
    return this;
  }
  podAffinity(topologyKey: string, labelSelector: V1LabelSelector | undefined, extra: Partial<V1PodAffinityTerm> = {}): this {
    ((this.aff().podAffinity ??= {}).requiredDuringSchedulingIgnoredDuringExecution ??= []).push({ topologyKey, labelSelector, ...extra });
    return this;
  }
  podAntiAffinity(topologyKey: string, labelSelector: V1LabelSelector | undefined, extra: Partial<V1PodAffinityTerm> = {}): this {
    ((this.aff().podAntiAffinity ??= {}).requiredDuringSchedulingIgnoredDuringExecution ??= []).push({ topologyKey, labelSelector, ...extra });
    return this;
  }
  preferredPodAffinity(weight: number, topologyKey: string, labelSelector: V1LabelSelector): this {
    ((this.aff().podAffinity ??= {}).preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, podAffinityTerm: { topologyKey, labelSelector } });
    return this;
  }
  preferredPodAntiAffinity(weight: number, topologyKey: string, labelSelector: V1LabelSelector): this {
    ((this.aff().podAntiAffinity ??= {}).preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, podAffinityTerm: { topologyKey, labelSelector } });
    return this;
  }
  /** st.SpreadConstraint(maxSkew, key, when, selector, minDomains, nodeAffinityPolicy, nodeTaintsPolicy, matchLabelKeys). */
  spread(maxSkew: number, topologyKey: string, when: "DoNotSchedule" | "ScheduleAnyway", labelSelector?: V1LabelSelector, minDomains?: number, nodeAffinityPolicy?: string, nodeTaintsPolicy?: string, matchLabelKeys?: string[]): this {
    const c: V1TopologySpreadConstraint = { maxSkew, topologyKey, whenUnsatisfiable: when, labelSelector, minDomains, nodeAffinityPolicy, nodeTaintsPolicy, matchLabelKeys };
    (this.pod.spec!.topologySpreadConstraints ??= []).push(c);
    return this;
  }
  terminating(): this {
    this.pod.metadata!.deletionTimestamp = new Date();
    return this;
  }
  priority(p: number): this {
    this.pod.spec!.priority = p;
    return this;
  }
  preemptionPolicy(p: string): this {
    this.pod.spec!.preemptionPolicy = p;
    return this;
  }
  info(opts?: PodInfoOptions): PodInfo {
    return podInfoFromPod(this.pod, opts);
  }
}

export const makePod = () => new PodBuilder();

export const exists = (key: string): V1LabelSelector => ({ matchExpressions: [{ key, operator: "Exists" }] });
export const labelsIn = (key: string, ...values: string[]): V1LabelSelector => ({ matchExpressions: [{ key, operator: "In", values }] });

/** A node with ample resources unless given. */
export function makeNode(name: string, labels: Record<string, string> = {}, extra: Partial<NodeSpec> = {}): NodeSpec {
  return { name, labels, allocatable: { cpu: "1000", memory: "1000Gi", pods: "1000" }, ...extra };
}

/** A snapshot with the nodes and existing pods (each on its `node(...)`). */
export function makeSnapshot(nodes: readonly NodeSpec[], existing: readonly PodBuilder[] = []): NodeSnapshot {
  const snap = new NodeSnapshot(nodes);
  for (const p of existing) snap.assume(p.info(), p.placedOn!);
  return snap;
}

import type { FilterPlugin } from "../../../src/offer-bridge/scheduling/framework.js";

/** One plugin's PreFilter+Filter status code per node (0 = Success), like upstream's plugin unit tests. */
export function pluginCodes(plugin: FilterPlugin<any>, pod: PodInfo, snap: NodeSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  const r = plugin.preFilter(pod, snap);
  for (const n of snap.nodes) {
    if (r.skip) out[n.name] = 0;
    else if ("reject" in r) out[n.name] = r.reject.code;
    else out[n.name] = plugin.filter(r.state, pod, n)?.code ?? 0;
  }
  return out;
}

/** `P("p-a1", "node-a", {foo: ""})`: an existing pod on a node. */
export function P(name: string, node: string, labels: Record<string, string> = {}, ns = "default"): PodBuilder {
  const b = makePod().name(name).namespace(ns).node(node);
  for (const [k, v] of Object.entries(labels)) b.label(k, v);
  return b;
}
