/**
 * The narrow JSON shapes of the API objects the framework reads and writes (timestamps
 * as RFC 3339 strings, as they travel), and the resources it names.
 */
import type { KubeObject } from "../k8s-api/types.js";
import type { ResourceRef } from "../k8s-api/client/types.js";

export interface Meta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

export interface K8sHandler {
  exec?: { command?: string[] };
  httpGet?: { port: number | string; path?: string; scheme?: string; host?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string };
  grpc?: { port: number; service?: string };
  sleep?: { seconds: number };
}

export interface K8sProbe extends K8sHandler {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { prefix?: string; configMapRef?: { name?: string; optional?: boolean }; secretRef?: { name?: string; optional?: boolean } }[];
  workingDir?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  ports?: { name?: string; containerPort: number; protocol?: string; hostPort?: number }[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string; readOnly?: boolean }[];
  livenessProbe?: K8sProbe;
  readinessProbe?: K8sProbe;
  startupProbe?: K8sProbe;
  lifecycle?: { preStop?: K8sHandler; postStart?: K8sHandler };
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  restartPolicy?: string;
}

export interface PodCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; signal?: number; reason?: string; message?: string; startedAt?: string | null; finishedAt?: string | null; containerID?: string };
}

export interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  started: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
}

export interface PodStatus {
  phase?: string;
  conditions?: PodCondition[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  reason?: string;
  message?: string;
}

export interface Pod extends KubeObject {
  metadata?: Meta & KubeObject["metadata"];
  spec?: {
    nodeName?: string;
    nodeSelector?: Record<string, string>;
    schedulerName?: string;
    priority?: number;
    restartPolicy?: "Always" | "OnFailure" | "Never";
    terminationGracePeriodSeconds?: number;
    containers?: Container[];
    initContainers?: Container[];
    schedulingGates?: unknown[];
    [k: string]: unknown;
  };
  status?: PodStatus;
}

export interface NodeObj extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: unknown[]; [k: string]: unknown };
  status?: Record<string, unknown>;
}

const ref = (group: string, version: string, plural: string): ResourceRef => ({ group, version, plural });
export const PODS = ref("", "v1", "pods");
export const NODES = ref("", "v1", "nodes");
export const LEASES = ref("coordination.k8s.io", "v1", "leases");
export const CONFIGMAPS = ref("", "v1", "configmaps");

export function podKey(p: Pod): string {
  return `${p.metadata?.namespace ?? ""}/${p.metadata?.name ?? ""}`;
}

export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
