/**
 * The Endpoints controller (pkg/controller/endpoint): for every Service with a selector,
 * an Endpoints object of the same name listing the matching pods' IPs — ready pods
 * under addresses, the others under notReadyAddresses — per resolved port set.
 * ExternalName Services and Services without a selector are left alone; the Endpoints
 * of a deleted Service are deleted.
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import type { EventRecorder } from "./runtime/events.js";
import type { NamespaceIndex } from "./runtime/informers.js";
import { labelsContain } from "./util/labels.js";
import { PODS, isNotFound, jsonEqual, keyOf, meta, ref, splitKey, type Pod } from "./util/objects.js";
import {
  LABEL_HEADLESS,
  endpointPort,
  findPort,
  isPodReady,
  isServiceIPSet,
  podIPOfFamily,
  podIPs,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type Service,
} from "./util/endpoints.js";
import { errorMessage } from "./replicaset.js";

export const SERVICES = ref("", "v1", "services");
export const ENDPOINTS = ref("", "v1", "endpoints");

/** endpoints.kubernetes.io/managed-by: endpoint-controller (LabelManagedBy/ControllerName). */
const LABEL_MANAGED_BY = "endpoints.kubernetes.io/managed-by";
const CONTROLLER_NAME = "endpoint-controller";
/** maxCapacity: addresses kept before truncation. */
const MAX_CAPACITY = 1000;
const OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";

interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace?: string; name?: string; uid?: string };
}
interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}
export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}
export interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[];
}

export class EndpointsController implements Controller {
  readonly name = "endpoints-controller";
  private readonly loop: SyncLoop;
  private readonly log: Logger;
  private readonly recorder: EventRecorder;
  private readonly services: Informer<Service>;
  private readonly serviceIndex: NamespaceIndex<Service>;
  private readonly podIndex: NamespaceIndex<Pod>;
  private readonly endpointsIndex: NamespaceIndex<Endpoints>;

  constructor(
    private readonly ctx: ControllerContext,
    workers: number,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.recorder = ctx.events.newRecorder("endpoint-controller");
    this.loop = new SyncLoop(this.name, this.log, (key) => this.sync(key), { workers });
    this.services = ctx.informers.for<Service>(SERVICES);
    this.serviceIndex = ctx.informers.index<Service>(SERVICES);
    this.podIndex = ctx.informers.index<Pod>(PODS);
    this.endpointsIndex = ctx.informers.index<Endpoints>(ENDPOINTS);
    const enqueue = (o: KubeObject) => this.loop.queue.add(keyOf(o));
    this.services.on({ add: enqueue, update: enqueue, delete: enqueue });
    ctx.informers.for<Pod>(PODS).on({
      add: (p) => this.enqueuePodServices(p),
      update: (cur, old) => {
        if (meta(cur).resourceVersion === meta(old).resourceVersion) return;
        this.enqueuePodServices(cur, old);
      },
      delete: (p) => this.enqueuePodServices(p),
    });
    // A deleted Endpoints of a selector Service is recreated (onEndpointsDelete).
    ctx.informers.for<Endpoints>(ENDPOINTS).on({ delete: enqueue });
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  /** getPodServiceMemberships for the pod as it is and as it was. */
  private enqueuePodServices(...pods: Pod[]): void {
    for (const key of podServiceKeys(this.serviceIndex, pods)) this.loop.queue.add(key);
  }

  private async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(key);
    if (!svc) {
      try {
        await this.ctx.client.delete(ENDPOINTS, namespace, name);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      return;
    }
    if (svc.spec?.type === "ExternalName" || !svc.spec?.selector) return;
    const subsets = repackSubsets(this.subsetsFor(svc));
    const current = this.endpointsIndex.get(namespace, name);
    const labels = desiredLabels(svc);
    const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    const overCapacity = total > MAX_CAPACITY;
    if (
      current &&
      jsonEqual(current.subsets ?? [], subsets) &&
      jsonEqual(meta(current).labels ?? {}, labels) &&
      (meta(current).annotations?.[OVER_CAPACITY] === "truncated") === overCapacity
    )
      return;
    const annotations = { ...(meta(current).annotations ?? {}) };
    delete annotations["endpoints.kubernetes.io/last-change-trigger-time"];
    if (overCapacity) annotations[OVER_CAPACITY] = "truncated";
    else delete annotations[OVER_CAPACITY];
    const body: Endpoints = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: {
        ...(current?.metadata ?? {}),
        name,
        namespace,
        labels,
        ...(Object.keys(annotations).length ? { annotations } : {}),
      } as KubeObject["metadata"],
      subsets: overCapacity ? truncate(subsets) : subsets,
    };
    if (!Object.keys(annotations).length) delete (body.metadata as { annotations?: unknown }).annotations;
    try {
      if (current) await this.ctx.client.update(ENDPOINTS, namespace, body);
      else await this.ctx.client.create(ENDPOINTS, namespace, body);
    } catch (e) {
      if (current) this.recorder.event(body, "Warning", "FailedToUpdateEndpoint", `Failed to update endpoint ${namespace}/${name}: ${errorMessage(e)}`);
      else this.recorder.event(body, "Warning", "FailedToCreateEndpoint", `Failed to create endpoint for service ${namespace}/${name}: ${errorMessage(e)}`);
      throw e;
    }
  }

  /** One subset per (pod, port), before repacking (syncService's loop). */
  private subsetsFor(svc: Service): EndpointSubset[] {
    const ns = meta(svc).namespace ?? "";
    const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
    const family = svc.spec?.ipFamilies?.[0];
    const out: EndpointSubset[] = [];
    for (const pod of this.podIndex.list(ns)) {
      if (!labelsContain(meta(pod).labels, svc.spec?.selector ?? {})) continue;
      if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
      // podToEndpointAddressForService: the IP of the Service's family (any, for a headless Service without families).
      const ip = family ? podIPOfFamily(pod, family) : podIPs(pod)[0];
      if (!ip) continue;
      const pm = meta(pod);
      const addr: EndpointAddress = {
        ip,
        ...(shouldSetHostname(pod, svc) ? { hostname: (pod.spec as { hostname?: string }).hostname } : {}),
        ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
        targetRef: { kind: "Pod", namespace: pm.namespace, name: pm.name, uid: pm.uid },
      };
      const ready = tolerateUnready || isPodReady(pod);
      const ports = svc.spec?.ports ?? [];
      if (!ports.length) {
        // A headless Service may have no ports.
        if (svc.spec?.clusterIP === "None") out.push(ready ? { addresses: [addr] } : { notReadyAddresses: [addr] });
        continue;
      }
      for (const sp of ports) {
        const n = findPort(pod, sp);
        if (n === undefined) {
          this.log.debug("failed to find port for service", { service: keyOf(svc), pod: keyOf(pod), port: sp.name ?? sp.port });
          continue;
        }
        const p = endpointPort(sp, n);
        out.push(ready ? { addresses: [addr], ports: [p] } : { notReadyAddresses: [addr], ports: [p] });
      }
    }
    return out;
  }
}

/** Keys of the Services (in the pods' namespace) whose selector matches any of the pods. */
export function podServiceKeys(services: NamespaceIndex<Service>, pods: Pod[]): Set<string> {
  const keys = new Set<string>();
  for (const pod of pods) {
    for (const svc of services.list(meta(pod).namespace ?? "")) {
      const sel = svc.spec?.selector;
      if (sel && labelsContain(meta(pod).labels, sel)) keys.add(keyOf(svc));
    }
  }
  return keys;
}

/** The Service's labels, the headless marker when it has no cluster IP, and the managed-by label. */
function desiredLabels(svc: Service): Record<string, string> {
  const labels = { ...(meta(svc).labels ?? {}) };
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = "";
  else delete labels[LABEL_HEADLESS];
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return labels;
}

const addrKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ""}`;
const portKey = (p: EndpointPort) => JSON.stringify([p.name ?? "", p.port, p.protocol, p.appProtocol ?? ""]);

/**
 * endpoints.RepackSubsets: group ports by the set of addresses serving them (an address
 * ready on any subset is ready), one subset per distinct address set, all sorted.
 */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const addrs = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port?: EndpointPort; ready: Map<string, boolean> }>();
  for (const s of subsets) {
    const ports: (EndpointPort | undefined)[] = s.ports?.length ? s.ports : [undefined];
    for (const port of ports) {
      const pk = port ? portKey(port) : "";
      let e = byPort.get(pk);
      if (!e) byPort.set(pk, (e = { port, ready: new Map() }));
      for (const a of s.addresses ?? []) {
        addrs.set(addrKey(a), a);
        e.ready.set(addrKey(a), true);
      }
      for (const a of s.notReadyAddresses ?? []) {
        addrs.set(addrKey(a), a);
        if (!e.ready.has(addrKey(a))) e.ready.set(addrKey(a), false);
      }
    }
  }
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const k = [...ready.entries()].map(([a, r]) => `${a}=${r}`).sort().join(",");
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ready, ports: [] }));
    if (port) g.ports.push(port);
  }
  const cmpAddr = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef?.uid ?? "") < (b.targetRef?.uid ?? "") ? -1 : 1);
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.ready) (r ? ready : notReady).push(addrs.get(k)!);
    const s: EndpointSubset = {};
    if (ready.length) s.addresses = ready.sort(cmpAddr);
    if (notReady.length) s.notReadyAddresses = notReady.sort(cmpAddr);
    if (g.ports.length) s.ports = g.ports.sort((a, b) => (portKey(a) < portKey(b) ? -1 : 1));
    if (s.addresses || s.notReadyAddresses) out.push(s);
  }
  return out.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** truncateEndpoints: keep MAX_CAPACITY addresses, ready ones first, spread over the subsets. */
function truncate(subsets: EndpointSubset[]): EndpointSubset[] {
  let left = MAX_CAPACITY;
  const out = subsets.map((s) => ({ ...s }));
  for (const s of out) {
    s.addresses = s.addresses?.slice(0, Math.max(0, left));
    left -= s.addresses?.length ?? 0;
  }
  for (const s of out) {
    s.notReadyAddresses = s.notReadyAddresses?.slice(0, Math.max(0, left));
    left -= s.notReadyAddresses?.length ?? 0;
  }
  return out;
}
