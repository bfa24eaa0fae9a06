/**
 * The EndpointSlice controller (pkg/controller/endpointslice and
 * k8s.io/endpointslice's reconciler): for every Service with a selector,
 * discovery.k8s.io/v1 EndpointSlices owned by the Service, labelled
 * kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by, one per set
 * of resolved ports (split at 100 endpoints), with ready/serving/terminating
 * conditions; a Service without endpoints keeps one empty placeholder slice.
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { labelsContain } from "./util/labels.js";
import { PODS, isNotFound, jsonEqual, keyOf, meta, newControllerRef, ref, splitKey, type Pod } from "./util/objects.js";
import {
  LABEL_HEADLESS,
  endpointPort,
  findPort,
  isPodReady,
  isServiceIPSet,
  ipFamilyOf,
  podIPOfFamily,
  podIPs,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type Service,
} from "./util/endpoints.js";
import { SERVICES, podServiceKeys } from "./endpoints.js";
import { errorMessage } from "./replicaset.js";

export const ENDPOINT_SLICES = ref("discovery.k8s.io", "v1", "endpointslices");
export const NODES = ref("", "v1", "nodes");

export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
/** --max-endpoints-per-slice default. */
const MAX_ENDPOINTS_PER_SLICE = 100;

interface SlicePort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}
interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  targetRef: { kind: string; namespace?: string; name?: string; uid?: string };
  nodeName?: string;
  zone?: string;
}
export interface EndpointSlice extends KubeObject {
  addressType: string;
  endpoints?: SliceEndpoint[] | null;
  ports?: SlicePort[] | null;
}

export class EndpointSliceController implements Controller {
  readonly name = "endpointslice-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly services: Informer<Service>;
  private readonly serviceIndex: NamespaceIndex<Service>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly sliceIndex: NamespaceIndex<EndpointSlice>;
  private readonly nodes: Informer;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("endpoint-slice-controller");
    // Upstream retries a Service 15 times before dropping it (maxRetries).
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers, maxRetries: 15 });
    this.services = ctx.informers.for<Service>(SERVICES);
    this.serviceIndex = ctx.informers.index<Service>(SERVICES);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.sliceIndex = ctx.informers.index<EndpointSlice>(ENDPOINT_SLICES);
    this.nodes = ctx.informers.for(NODES);
    const enqueue = (o: KubeObject) => this.loop.queue.add(keyOf(o));
    this.services.on({ add: enqueue, update: enqueue, delete: enqueue });
    const enqueuePods = (...pods: Pod[]) => {
      for (const k of podServiceKeys(this.serviceIndex, pods)) this.loop.queue.add(k);
    };
    ctx.informers.for<Pod>(PODS).on({
      add: (p) => enqueuePods(p),
      update: (cur, old) => {
        if (meta(cur).resourceVersion !== meta(old).resourceVersion) enqueuePods(cur, old);
      },
      delete: (p) => enqueuePods(p),
    });
    // A managed slice changed or deleted by someone else is put back.
    const onSlice = (s: EndpointSlice) => {
      const l = meta(s).labels ?? {};
      const svc = l[LABEL_SERVICE_NAME];
      if (svc && l[LABEL_MANAGED_BY] === CONTROLLER_NAME) this.loop.queue.add(`${meta(s).namespace}/${svc}`);
    };
    ctx.informers.for<EndpointSlice>(ENDPOINT_SLICES).on({ update: onSlice, delete: onSlice });
    // Nodes give endpoints their zone, and pods on unknown nodes wait for them.
    const allServices = () => {
      for (const s of this.services.list()) this.loop.queue.add(keyOf(s));
    };
    this.nodes.on({ add: allServices, delete: allServices });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  private async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(key);
    // A deleted Service's slices go with it through their owner reference.
    if (!svc || svc.spec?.type === "ExternalName" || !svc.spec?.selector) return;
    const existing = this.sliceIndex
      .list(namespace)
      .filter((s) => meta(s).labels?.[LABEL_SERVICE_NAME] === name && meta(s).labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && !meta(s).deletionTimestamp);
    const errors: unknown[] = [];
    try {
      await this.reconcile(svc, existing, errors);
    } catch (e) {
      this.recorder.event(svc, "Warning", "FailedToUpdateEndpointSlices", `Error updating Endpoint Slices for Service ${namespace}/${name}: ${errorMessage(e)}`);
      throw e;
    }
    if (errors.length) throw errors[0];
  }

  /** The desired slices (by address type and port set), then create, update or delete to match. */
  private async reconcile(svc: Service, existing: EndpointSlice[], errors: unknown[]): Promise<void> {
    const sm = meta(svc);
    const ns = sm.namespace ?? "";
    const families = svc.spec?.ipFamilies?.length ? svc.spec.ipFamilies : undefined;
    const desired = new Map<string, { addressType: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    const pods = this.podIndex.list(ns).filter((p) => labelsContain(meta(p).labels, svc.spec?.selector ?? {}));
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const nodeName = pod.spec?.nodeName ?? "";
      const node = this.nodes.get(nodeName);
      if (!node && !svc.spec?.publishNotReadyAddresses) {
        errors.push(new Error(`skipping Pod ${meta(pod).name} for Service ${ns}/${sm.name}: Node ${nodeName} Not Found`));
        continue;
      }
      // A headless Service without families serves every family its pods have.
      const types = families ?? [...new Set(podIPs(pod).map(ipFamilyOf))];
      const ports: SlicePort[] = [];
      for (const sp of svc.spec?.ports ?? []) {
        const n = findPort(pod, sp);
        if (n !== undefined) ports.push(endpointPort(sp, n));
      }
      for (const addressType of types) {
        const ip = podIPOfFamily(pod, addressType);
        if (!ip) continue;
        const k = `${addressType}\u0000${JSON.stringify(ports)}`;
        let d = desired.get(k);
        if (!d) desired.set(k, (d = { addressType, ports, endpoints: [] }));
        d.endpoints.push(this.endpointFor(svc, pod, ip, node));
      }
    }
    const labels = sliceLabels(svc);
    // Chunks of at most MAX_ENDPOINTS_PER_SLICE per (address type, ports).
    const want: { addressType: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
    for (const d of desired.values()) {
      d.endpoints.sort((a, b) => (a.addresses[0]! < b.addresses[0]! ? -1 : a.addresses[0]! > b.addresses[0]! ? 1 : 0));
      for (let i = 0; i < d.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) want.push({ ...d, endpoints: d.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
    // The placeholder: a Service with no endpoints keeps one empty slice.
    if (!want.length) want.push({ addressType: families?.[0] ?? "IPv4", ports: [], endpoints: [] });
    const unused = [...existing];
    const writes: Promise<unknown>[] = [];
    for (const w of want) {
      const k = `${w.addressType}\u0000${JSON.stringify(w.ports)}`;
      // Reuse a slice of the same address type and ports; the exact match first.
      let i = unused.findIndex((s) => sliceKey(s) === k && sameEndpoints(s.endpoints ?? [], w.endpoints) && jsonEqual(meta(s).labels ?? {}, labels));
      if (i >= 0) {
        unused.splice(i, 1);
        continue;
      }
      i = unused.findIndex((s) => sliceKey(s) === k);
      if (i < 0 && !w.endpoints.length) i = unused.findIndex((s) => s.addressType === w.addressType);
      if (i >= 0) {
        const [cur] = unused.splice(i, 1);
        const body: EndpointSlice = { ...cur!, metadata: { ...cur!.metadata, labels } as KubeObject["metadata"], endpoints: w.endpoints, ports: w.ports };
        writes.push(this.ctx.client.update(ENDPOINT_SLICES, ns, body));
        continue;
      }
      const body: EndpointSlice = {
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: { generateName: slicePrefix(sm.name ?? ""), namespace: ns, labels, ownerReferences: [newControllerRef(svc, "v1", "Service")] } as KubeObject["metadata"],
        addressType: w.addressType,
        endpoints: w.endpoints,
        ports: w.ports,
      };
      writes.push(this.ctx.client.create(ENDPOINT_SLICES, ns, body));
    }
    for (const s of unused)
      writes.push(
        this.ctx.client.delete(ENDPOINT_SLICES, ns, meta(s).name ?? "").catch((e: unknown) => {
          if (!isNotFound(e)) throw e;
        }),
      );
    const results = await Promise.allSettled(writes);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** podToEndpoint. */
  private endpointFor(svc: Service, pod: Pod, ip: string, node: KubeObject | undefined): SliceEndpoint {
    const pm = meta(pod);
    const serving = isPodReady(pod);
    const terminating = !!pm.deletionTimestamp;
    // For compatibility, a terminating pod is never ready unless unready addresses are published.
    const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
    const zone = meta(node).labels?.["topology.kubernetes.io/zone"];
    return {
      addresses: [ip],
      conditions: { ready, serving, terminating },
      ...(shouldSetHostname(pod, svc) ? { hostname: (pod.spec as { hostname?: string }).hostname } : {}),
      targetRef: { kind: "Pod", namespace: pm.namespace, name: pm.name, uid: pm.uid },
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      ...(zone ? { zone } : {}),
    };
  }
}

function sliceKey(s: EndpointSlice): string {
  return `${s.addressType}\u0000${JSON.stringify((s.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })))}`;
}

function sameEndpoints(a: SliceEndpoint[], b: SliceEndpoint[]): boolean {
  const key = (e: SliceEndpoint) => JSON.stringify([e.addresses, e.conditions, e.hostname ?? "", e.targetRef.uid ?? "", e.nodeName ?? "", e.zone ?? ""]);
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return jsonEqual(ka, kb);
}

/** setEndpointSliceLabels: the Service's labels (but the reserved ones), headless marker, service name, manager. */
function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta(svc).labels ?? {})) if (k !== LABEL_SERVICE_NAME && k !== LABEL_MANAGED_BY) labels[k] = v;
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = "";
  labels[LABEL_SERVICE_NAME] = meta(svc).name ?? "";
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return labels;
}

/** getEndpointSlicePrefix: "<service>-", shortened so generated names stay DNS labels. */
function slicePrefix(name: string): string {
  const prefix = `${name}-`;
  return prefix.length > 58 ? prefix.slice(0, 58) : prefix;
}
