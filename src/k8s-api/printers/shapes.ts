/**
 * The parts of API objects the printers read, as they travel in JSON. client-node's models
 * type timestamps as Date, but stored objects carry RFC 3339 strings, so the printers read
 * these narrow shapes (every field optional: a printer never trusts an object to be complete).
 * A KubeObject becomes one with view<T>().
 */
import type { KubeObject } from "../types.js";
import type { LabelSelectorLike } from "../selectors/labels.js";

export type Time = string | null;

export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface Meta {
  name?: string;
  namespace?: string;
  creationTimestamp?: Time;
  deletionTimestamp?: Time;
  resourceVersion?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface Container {
  name?: string;
  image?: string;
  restartPolicy?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string } | null;
  running?: { startedAt?: Time } | null;
  terminated?: { exitCode?: number; signal?: number; reason?: string; message?: string; startedAt?: Time; finishedAt?: Time } | null;
}

export interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean | null;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  readinessGates?: { conditionType?: string }[];
}

export interface PodTemplateSpec {
  metadata?: Meta;
  spec?: PodSpec;
}

export interface Pod {
  metadata?: Meta;
  spec?: PodSpec;
  status?: {
    phase?: string;
    reason?: string;
    conditions?: Condition[];
    podIP?: string;
    podIPs?: { ip?: string }[];
    nominatedNodeName?: string;
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

/** The workload kinds: spec.replicas, a pod template and a selector. */
export interface Workload {
  metadata?: Meta;
  spec?: {
    replicas?: number;
    selector?: LabelSelectorLike | null;
    template?: PodTemplateSpec;
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}

export interface ReplicationController {
  metadata?: Meta;
  spec?: { replicas?: number; selector?: Record<string, string> | null; template?: PodTemplateSpec | null };
  status?: { replicas?: number; readyReplicas?: number };
}

export interface Job {
  metadata?: Meta;
  spec?: { completions?: number | null; parallelism?: number | null; selector?: LabelSelectorLike | null; template?: PodTemplateSpec };
  status?: { succeeded?: number; startTime?: Time; completionTime?: Time; conditions?: Condition[] };
}

export interface CronJob {
  metadata?: Meta;
  spec?: {
    schedule?: string;
    timeZone?: string | null;
    suspend?: boolean | null;
    jobTemplate?: { spec?: { selector?: LabelSelectorLike | null; template?: PodTemplateSpec } };
  };
  status?: { active?: unknown[]; lastScheduleTime?: Time };
}

export interface ServicePort {
  port?: number;
  nodePort?: number;
  protocol?: string;
}

export interface Service {
  metadata?: Meta;
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePort[];
    selector?: Record<string, string> | null;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface Node {
  metadata?: Meta;
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: Condition[];
    addresses?: { type?: string; address?: string }[];
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
  };
}

export interface Endpoints {
  metadata?: Meta;
  subsets?: { addresses?: { ip?: string }[]; ports?: { name?: string; port?: number }[] }[];
}

export interface EndpointSlice {
  metadata?: Meta;
  addressType?: string;
  ports?: { name?: string | null; port?: number | null }[] | null;
  endpoints?: { addresses?: string[] }[];
}

export interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface RoleBinding {
  metadata?: Meta;
  roleRef?: { kind?: string; name?: string };
  subjects?: Subject[] | null;
}

/** Read a stored object through one of these shapes. */
export function view<T>(obj: KubeObject): T {
  return obj as unknown as T;
}
