/**
 * What the Endpoints and EndpointSlice controllers share (k8s.io/endpointslice/util and
 * pkg/api/v1/endpoints): which pods back a Service, which port a service port resolves
 * to on a pod, and the Service shape they read.
 */
import type { KubeObject } from "../../types.js";
import { meta, type Pod } from "./objects.js";
import { isPodReady } from "./pods.js";

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  appProtocol?: string;
}

export interface Service extends KubeObject {
  spec?: {
    type?: string;
    selector?: Record<string, string> | null;
    clusterIP?: string;
    ipFamilies?: string[];
    ports?: ServicePort[];
    publishNotReadyAddresses?: boolean;
    [k: string]: unknown;
  };
}

export interface PodSpecPorts {
  hostname?: string;
  subdomain?: string;
  nodeName?: string;
  restartPolicy?: string;
  containers?: { name?: string; ports?: { name?: string; containerPort: number; protocol?: string }[] }[];
  initContainers?: { name?: string; restartPolicy?: string; ports?: { name?: string; containerPort: number; protocol?: string }[] }[];
}

export const LABEL_HEADLESS = "service.kubernetes.io/headless";

/** helper.IsServiceIPSet: a ClusterIP that is neither empty nor None. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== "None";
}

/** ShouldPodBeInEndpoints: the pod has an IP, is not finished for good and (unless included) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const spec = (pod.spec ?? {}) as PodSpecPorts;
  const phase = pod.status?.phase;
  if (spec.restartPolicy === "Never" && (phase === "Failed" || phase === "Succeeded")) return false;
  if (spec.restartPolicy === "OnFailure" && phase === "Succeeded") return false;
  if (!podIPs(pod).length) return false;
  if (!includeTerminating && meta(pod).deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod names this Service as its subdomain and has a hostname. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  const spec = (pod.spec ?? {}) as PodSpecPorts;
  return !!spec.hostname && spec.subdomain === meta(svc).name && meta(svc).namespace === meta(pod).namespace;
}

/** The pod's IPs (status.podIPs, else status.podIP). */
export function podIPs(pod: Pod): string[] {
  const ips = (pod.status?.podIPs as { ip?: string }[] | undefined)?.map((p) => p.ip ?? "").filter(Boolean) ?? [];
  if (ips.length) return ips;
  const ip = pod.status?.podIP as string | undefined;
  return ip ? [ip] : [];
}

export function ipFamilyOf(ip: string): "IPv4" | "IPv6" {
  return ip.includes(":") ? "IPv6" : "IPv4";
}

/** The pod IP of the given family. */
export function podIPOfFamily(pod: Pod, family: string): string | undefined {
  return podIPs(pod).find((ip) => ipFamilyOf(ip) === family);
}

/**
 * FindPort: the container port a service port's targetPort names (a named port must
 * match name and protocol on a container or restartable init container), or the number.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  const spec = (pod.spec ?? {}) as PodSpecPorts;
  const protocol = sp.protocol ?? "TCP";
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always")];
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  return undefined;
}

/** The Endpoints/EndpointSlice port of a resolved service port. */
export function endpointPort(sp: ServicePort, port: number): { name?: string; port: number; protocol: string; appProtocol?: string } {
  return { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? "TCP", ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
}

export { isPodReady };
