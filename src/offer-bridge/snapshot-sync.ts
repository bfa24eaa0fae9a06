/**
 * Keeps the scheduling module's NodeSnapshot in step with the API, as kube-scheduler's
 * cache does from its informers: one NodeInfo per agent-backed Node (labels, taints,
 * unschedulable, allocatable), every bound pod that has not terminated assumed on its
 * node, namespace labels for affinity namespaceSelectors, and the objects that give a
 * pod its default spreading selector (Services, ReplicaSets, ReplicationControllers,
 * StatefulSets).
 *
 * In host networking mode (the only pod network so far) a pod's processes bind their
 * containerPorts on the agent itself, so every containerPort counts as a host port of its
 * node here: NodePorts then keeps two pods that declare one port off the same node, with
 * kube-scheduler's reason.
 */
import type { V1Pod } from "@kubernetes/client-node";
import type { KubeObject } from "../k8s-api/types.js";
import { NodeSnapshot, defaultSpreadSelector, podInfoFromPod, toTaints, type HostPort, type PodInfo, type SpreadOwners } from "./scheduling/index.js";
import { AGENT_ID_ANNOTATION } from "./nodes.js";
import { podKey, type NodeObj, type Pod } from "./types.js";

/** Where the owners of a pod's default spread selector are looked up (informer caches). */
export interface OwnerLookup {
  services(namespace: string): readonly KubeObject[];
  /** The object of `kind` named `name` in `namespace`, if cached. */
  controller(kind: string, namespace: string, name: string): KubeObject | undefined;
}

export class SnapshotSync {
  readonly snapshot = new NodeSnapshot();
  /** Bound, non-terminal pods by namespace/name, with their PodInfo (assumed once their node is known). */
  private readonly bound = new Map<string, { uid: string; node: string; info: PodInfo }>();

  /** hostNetwork: containerPorts are host ports (default true: pods run as host processes). */
  constructor(
    private readonly owners?: OwnerLookup,
    private readonly opts: { readonly hostNetwork?: boolean } = {},
  ) {}

  /** Only Nodes mirroring an agent are places pods can be launched. */
  static isAgentNode(n: NodeObj): boolean {
    return Boolean(n.metadata?.annotations?.[AGENT_ID_ANNOTATION]);
  }

  upsertNode(n: NodeObj): void {
    const name = n.metadata?.name ?? "";
    if (!SnapshotSync.isAgentNode(n)) {
      this.removeNode(name);
      return;
    }
    const status = (n.status ?? {}) as { allocatable?: Record<string, string>; conditions?: { type: string; status: string }[] };
    const fresh = !this.snapshot.node(name);
    this.snapshot.upsertNode({
      name,
      labels: n.metadata?.labels ?? {},
      taints: toTaints(n.spec?.taints as { key: string; value?: string; effect: string }[] | undefined),
      allocatable: status.allocatable ?? {},
      unschedulable: Boolean(n.spec?.unschedulable),
      conditions: status.conditions ?? [],
    });
    // Pods bound before their node showed up are placed now.
    if (fresh) for (const b of this.bound.values()) if (b.node === name) this.snapshot.assume(b.info, name);
  }

  removeNode(name: string): void {
    this.snapshot.removeNode(name);
  }

  /** A pod was added or changed: assumed while bound and not terminal, forgotten otherwise. */
  syncPod(p: Pod): void {
    const key = podKey(p);
    const node = p.spec?.nodeName ?? "";
    const phase = p.status?.phase ?? "Pending";
    if (!node || phase === "Succeeded" || phase === "Failed") {
      this.forgetPod(key);
      return;
    }
    const info = this.podInfo(p);
    this.bound.set(key, { uid: p.metadata?.uid ?? "", node, info });
    if (this.snapshot.node(node)) this.snapshot.assume(info, node);
    else {
      const prev = this.snapshot.pod(key);
      if (prev) this.snapshot.forget(prev);
    }
  }

  /** Placed by this scheduler before the informer shows the binding (the scheduler cache's assume). */
  assume(p: Pod, info: PodInfo, node: string): void {
    this.bound.set(podKey(p), { uid: p.metadata?.uid ?? "", node, info });
    this.snapshot.assume(info, node);
  }

  forgetPod(key: string): void {
    this.bound.delete(key);
    const prev = this.snapshot.pod(key);
    if (prev) this.snapshot.forget(prev);
  }

  setNamespace(ns: KubeObject, deleted = false): void {
    const name = ns.metadata?.name ?? "";
    this.snapshot.setNamespaceLabels(name, deleted ? undefined : ((ns.metadata?.labels as Record<string, string> | undefined) ?? {}));
  }

  /** The PodInfo the filters and scores use, with the default spread selector of its owners. */
  podInfo(p: Pod): PodInfo {
    return this.opts.hostNetwork === false ? this.basePodInfo(p) : withContainerPorts(p, this.basePodInfo(p));
  }

  private basePodInfo(p: Pod): PodInfo {
    const pod = p as unknown as V1Pod;
    if (!this.owners) return podInfoFromPod(pod);
    const ns = p.metadata?.namespace ?? "default";
    const owners: SpreadOwners = { services: this.owners.services(ns) as SpreadOwners["services"] };
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller);
    if (ref) {
      const c = this.owners.controller(ref.kind, ns, ref.name) as { spec?: { selector?: SpreadOwners["controller"] extends infer C ? (C extends { selector?: infer S } ? S : never) : never } } | undefined;
      if (c) owners.controller = { kind: ref.kind, ...(c.spec?.selector ? { selector: c.spec.selector } : {}) };
    }
    return podInfoFromPod(pod, { defaultSpreadSelector: defaultSpreadSelector(pod, owners) });
  }
}

/** Host networking: each declared containerPort is also a host port (0.0.0.0, its protocol). */
export function withContainerPorts(p: Pod, info: PodInfo): PodInfo {
  const extra: HostPort[] = [];
  const has = (protocol: string, port: number) => info.hostPorts.some((h) => h.port === port && h.protocol === protocol) || extra.some((h) => h.port === port && h.protocol === protocol);
  for (const c of [...(p.spec?.containers ?? []), ...(p.spec?.initContainers ?? [])]) {
    for (const port of c.ports ?? []) {
      const protocol = port.protocol || "TCP";
      if (port.containerPort > 0 && !has(protocol, port.containerPort)) extra.push({ ip: "0.0.0.0", protocol, port: port.containerPort });
    }
  }
  return extra.length ? { ...info, hostPorts: [...info.hostPorts, ...extra] } : info;
}
