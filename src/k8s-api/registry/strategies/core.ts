/**
 * core/v1 strategies: defaulting (pkg/apis/core/v1/defaults.go), PrepareForCreate/Update
 * (pkg/registry/core/<kind>/strategy.go), validation (../../validation) and the admission
 * plugins whose effects kubectl users see on every pod (ServiceAccount, Priority,
 * DefaultTolerationSeconds).
 */
import type {
  CoreV1Event,
  V1ConfigMap,
  V1Endpoints,
  V1Namespace,
  V1Node,
  V1Pod,
  V1PodTemplate,
  V1ReplicationController,
  V1Secret,
  V1Service,
  V1ServiceAccount,
} from "@kubernetes/client-node";
import type { KubeObject } from "../../types.js";
import type { Strategy, SubresourceStrategy } from "../types.js";
import { CreateOnlyCauses, dns1123Label, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, semanticEqual } from "../../validation/common.js";
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateEndpoints,
  validateEventLegacy,
  validateEventStrictCreate,
  validateEventStrictUpdate,
  validateNamespace,
  validateNamespaceStatusUpdate,
  validateNode,
  validateNodeUpdate,
  validatePodTemplate,
  validateReplicationControllerSpec,
  validateSecret,
  validateSecretUpdate,
  validateService,
  validateServiceUpdate,
} from "../../validation/core.js";
import { validatePod, validatePodBindingResource, validatePodCreateOnly, validatePodStatusResource, validatePodStatusUpdate, validatePodUpdate } from "../../validation/pod.js";
import { addQuantity, compareQuantity, isPositive, parseQuantity, type Quantity } from "../../validation/quantity.js";
import { SYSTEM_PRIORITY_CLASSES } from "../../validation/other.js";
import { recordPodPriorityInput } from "../admission-priority.js";
import { defaultPodOnly, defaultPodSpec, defaultPodTemplate } from "./defaults.js";
import {
  asObj,
  bumpGenerationIf,
  bumpGenerationOnSpecChange,
  child,
  def,
  defStr,
  keepOldStatus,
  list,
  ownCopy,
  meta,
  rec,
  resetStatusAndGeneration,
  statusSubresource,
  unset,
  type Obj,
  type Typed,
} from "./helpers.js";

const dnsSubdomain = (n: string) => nameIsDNSSubdomain(n, false);

// ---- Pod ------------------------------------------------------------------------------------

/** The NoExecute tolerations the DefaultTolerationSeconds admission plugin adds. */
const DEFAULT_TOLERATION_KEYS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];
/** How long pods tolerate not-ready and unreachable nodes by default. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** What the ServiceAccount, Priority and DefaultTolerationSeconds admission plugins do to a new pod. */
export function admitPod(pod: Typed<V1Pod>): void {
  const spec = child(asObj(pod), "spec");
  // ServiceAccount admission: every pod runs as a service account, "default" unless named.
  if (unset(spec.serviceAccountName) || spec.serviceAccountName === "") {
    spec.serviceAccountName = "default";
    spec.serviceAccount = "default";
  }
  // DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300s.
  const tolerations = list(spec.tolerations);
  for (const key of DEFAULT_TOLERATION_KEYS) {
    const tolerated = tolerations.some(
      (t) => (t.key === key || t.key === undefined || t.key === "") && (t.effect === "NoExecute" || t.effect === undefined || t.effect === ""),
    );
    if (!tolerated) tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  spec.tolerations = tolerations;
  // What the client sent, for the registry's Priority admission (admission-priority.ts), which resolves PriorityClasses.
  recordPodPriorityInput(pod, spec);
  // Priority admission: system classes resolve here; other classes need a PriorityClass
  // lookup the registry would have to provide (pods without a class get priority 0).
  const className = typeof spec.priorityClassName === "string" ? spec.priorityClassName : "";
  if (!className) def(spec, "priority", 0);
  else if (className in SYSTEM_PRIORITY_CLASSES) def(spec, "priority", SYSTEM_PRIORITY_CLASSES[className]);
  def(spec, "preemptionPolicy", "PreemptLowerPriority");
}

/** qos.ComputePodQOS: Guaranteed, Burstable or BestEffort from cpu and memory requests and limits. */
export function computePodQOS(pod: Typed<V1Pod>): "Guaranteed" | "Burstable" | "BestEffort" {
  const spec = asObj(pod.spec);
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  const add = (m: Map<string, Quantity>, name: string, q: Quantity) => m.set(name, m.has(name) ? addQuantity(m.get(name)!, q) : q);
  let guaranteed = true;
  const podResources = rec(spec.resources);
  const podLevel = podResources && (Object.keys(rec(podResources.requests) ?? {}).length > 0 || Object.keys(rec(podResources.limits) ?? {}).length > 0);
  const sources = podLevel ? [podResources] : [...list(spec.containers), ...list(spec.initContainers)].map((c) => rec(c.resources) ?? {});
  for (const res of sources) {
    for (const [name, raw] of Object.entries(rec(res.requests) ?? {})) {
      const q = parseQuantity(raw);
      if ((name === "cpu" || name === "memory") && q && isPositive(q)) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries(rec(res.limits) ?? {})) {
      const q = parseQuantity(raw);
      if ((name === "cpu" || name === "memory") && q && isPositive(q)) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed)
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

const podCreateOnly = new CreateOnlyCauses();

/** Pods: defaults, admission, status Pending with its QoS class, restricted updates, graceful deletion. */
export const podStrategy: Strategy<Typed<V1Pod>> = {
  applyDefaults(pod) {
    const spec = child(asObj(pod), "spec");
    defaultPodOnly(spec);
    defaultPodSpec(spec);
  },
  prepareForCreate(pod) {
    admitPod(pod);
    meta(pod).generation = 1;
    const status: Obj = { phase: "Pending", qosClass: computePodQOS(pod) };
    // applySchedulingGatedCondition
    if (list(asObj(pod.spec).schedulingGates).length > 0)
      status.conditions = [{ type: "PodScheduled", status: "False", reason: "SchedulingGated", message: "Scheduling is blocked due to non-empty scheduling gates", lastProbeTime: null, lastTransitionTime: null }];
    pod.status = status as V1Pod["status"];
    podCreateOnly.set(pod, validatePodCreateOnly(asObj(pod)));
  },
  prepareForUpdate(pod, old) {
    keepOldStatus(pod, old);
    // updatePodGeneration: only spec changes move the generation.
    bumpGenerationIf(pod, old, !semanticEqual(pod.spec, old.spec));
  },
  validate: (pod) => [...validatePod(asObj(pod)), ...podCreateOnly.take(pod)],
  validateUpdate: (pod, old) => validatePodUpdate(asObj(pod), asObj(old)),
  warnings(pod, old) {
    if (old) return [];
    const name = pod.metadata?.name ?? "";
    const msgs = dns1123Label(name);
    return msgs.length ? [`metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(" ")}]`] : [];
  },
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
  deletionGracePeriod(pod, requested) {
    let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0;
    if (!pod.spec?.nodeName) period = 0;
    const phase = pod.status?.phase;
    if (phase === "Failed" || phase === "Succeeded") period = 0;
    return period < 0 ? 1 : period;
  },
};

/** pods/status: the request's object with the stored spec and ownerReferences; qosClass and observedGeneration are backfilled. */
export const podStatusStrategy: SubresourceStrategy = statusSubresource({
  fixup(next, old) {
    const m = meta(next);
    const oldRefs = old.metadata?.ownerReferences;
    if (oldRefs === undefined) delete m.ownerReferences;
    else m.ownerReferences = ownCopy(m.ownerReferences, oldRefs);
    const status = child(asObj(next), "status");
    const oldStatus = rec(old.status) ?? {};
    if (unset(status.qosClass) || status.qosClass === "") {
      if (oldStatus.qosClass !== undefined) status.qosClass = oldStatus.qosClass;
    }
    if ((unset(status.observedGeneration) || status.observedGeneration === 0) && oldStatus.observedGeneration !== undefined) status.observedGeneration = oldStatus.observedGeneration;
    const oldGens = new Map<string, unknown[]>();
    for (const c of list(oldStatus.conditions)) oldGens.set(String(c.type), [...(oldGens.get(String(c.type)) ?? []), c.observedGeneration]);
    for (const c of list(status.conditions)) {
      const gens = oldGens.get(String(c.type)) ?? [];
      const g = gens.shift();
      if ((unset(c.observedGeneration) || c.observedGeneration === 0) && g !== undefined && g !== null) c.observedGeneration = g;
    }
  },
  validate: (next, old) => validatePodStatusUpdate(asObj(next), asObj(old)),
  // podStatusStrategy.ValidateUpdate is ValidatePodStatusUpdate alone: the spec is the stored one.
  validateResource: (next, old) => validatePodStatusResource(asObj(next), asObj(old)),
});

/**
 * pods/binding: the object bindPod built (spec.nodeName and the PodScheduled condition),
 * validated for what a binding changes (validatePodBindingResource), not as a whole pod.
 */
export const podBindingStrategy: SubresourceStrategy = {
  merge: (incoming) => incoming,
  validateResource: (next, old) => validatePodBindingResource(asObj(next), asObj(old)),
};

// ---- Service ----------------------------------------------------------------------------------

const needsClusterIP = (spec: Obj) => spec.type !== "ExternalName";
const needsNodePort = (spec: Obj) => spec.type === "NodePort" || spec.type === "LoadBalancer";
const needsHCNodePort = (spec: Obj) => spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";

/** SetDefaults_Service. */
function defaultService(svc: Typed<V1Service>): void {
  const spec = child(asObj(svc), "spec");
  defStr(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = rec(rec(spec.sessionAffinityConfig)?.clientIP)?.timeoutSeconds;
    if (unset(timeout)) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  defStr(spec, "type", "ClusterIP");
  for (const port of list(spec.ports)) {
    defStr(port, "protocol", "TCP");
    if (unset(port.targetPort) || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
  const externallyAccessible = spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible) defStr(spec, "externalTrafficPolicy", "Cluster");
  if (unset(spec.internalTrafficPolicy) && (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP")) spec.internalTrafficPolicy = "Cluster";
  if (spec.type === "LoadBalancer") {
    def(spec, "allocateLoadBalancerNodePorts", true);
    for (const ing of list(rec(rec(svc.status)?.loadBalancer)?.ingress)) if (ing.ip && unset(ing.ipMode)) ing.ipMode = "VIP";
  }
}

function sameClusterIPs(a: Obj, b: Obj): boolean {
  return semanticEqual(a.clusterIPs, b.clusterIPs);
}

/** normalizeClusterIPs: keep clusterIP and clusterIPs in step (old is undefined on create). */
function normalizeClusterIPs(spec: Obj, old?: Obj): void {
  const clusterIP = typeof spec.clusterIP === "string" ? spec.clusterIP : "";
  const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (!old) {
    if (clusterIP && ips.length === 0) spec.clusterIPs = [clusterIP];
    return;
  }
  const oldIP = typeof old.clusterIP === "string" ? old.clusterIP : "";
  const oldIPs = Array.isArray(old.clusterIPs) ? old.clusterIPs : [];
  if (oldIPs.length > 0 && ips.length === 0 && oldIP === clusterIP) spec.clusterIPs = structuredClone(oldIPs);
  if (oldIP !== clusterIP) {
    if (oldIP && !clusterIP) {
      if (sameClusterIPs(old, spec)) delete spec.clusterIPs;
    } else if (sameClusterIPs(old, spec)) spec.clusterIPs = [clusterIP];
  }
}

/** patchAllocatedValues: a resubmitted manifest keeps the cluster IPs and node ports the server chose. */
function patchAllocatedValues(spec: Obj, old: Obj): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (unset(spec.clusterIP) || spec.clusterIP === "") if (old.clusterIP !== undefined) spec.clusterIP = old.clusterIP;
    const noIPs = !Array.isArray(spec.clusterIPs) || spec.clusterIPs.length === 0;
    if (noIPs && Array.isArray(old.clusterIPs) && old.clusterIPs.length > 0) spec.clusterIPs = structuredClone(old.clusterIPs);
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = (s: Obj) => new Set(list(s.ports).map((p) => p.nodePort).filter((n) => typeof n === "number" && n !== 0));
    const oldUsed = used(old);
    const newUsed = used(spec);
    const both = new Set([...oldUsed].filter((n) => newUsed.has(n)));
    const byName = new Map(list(old.ports).map((p) => [String(p.name ?? ""), p.nodePort]));
    for (const p of list(spec.ports)) {
      if (!unset(p.nodePort) && p.nodePort !== 0) continue;
      const prev = byName.get(String(p.name ?? ""));
      if (typeof prev === "number" && prev !== 0 && !both.has(prev)) p.nodePort = prev;
    }
  }
  if (needsHCNodePort(old) && needsHCNodePort(spec) && (unset(spec.healthCheckNodePort) || spec.healthCheckNodePort === 0) && old.healthCheckNodePort !== undefined)
    spec.healthCheckNodePort = old.healthCheckNodePort;
}

/** dropTypeDependentFields: leaving a type drops what only that type used, unless the client changed it. */
function dropTypeDependentFields(spec: Obj, old: Obj): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (spec.clusterIP === old.clusterIP && sameClusterIPs(old, spec)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (semanticEqual(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec)) {
    const same = list(spec.ports).every((p) => list(old.ports).some((o) => o.name === p.name && o.nodePort === p.nodePort));
    if (same) for (const p of list(spec.ports)) delete p.nodePort;
  }
  if (needsHCNodePort(old) && !needsHCNodePort(spec) && spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (old.type === "LoadBalancer" && spec.type !== "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === old.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (spec.type === "ExternalName" && old.type !== "ExternalName" && spec.internalTrafficPolicy === old.internalTrafficPolicy) delete spec.internalTrafficPolicy;
}

/**
 * initIPFamilyFields for berth's single-stack IPv4 service range: SingleStack/[IPv4] by
 * default, families inferred from clusterIPs; headless services without a selector are
 * RequireDualStack/[IPv4, IPv6] as upstream defaults them on any cluster.
 */
function initIPFamilies(spec: Obj): void {
  if (!needsClusterIP(spec)) return;
  const headless = spec.clusterIP === "None";
  const selectorless = Object.keys(rec(spec.selector) ?? {}).length === 0;
  if (headless && selectorless) {
    def(spec, "ipFamilyPolicy", "RequireDualStack");
    const fams = Array.isArray(spec.ipFamilies) && spec.ipFamilies.length ? (spec.ipFamilies as string[]) : ["IPv4"];
    if (fams.length < 2 && spec.ipFamilyPolicy !== "SingleStack") fams.push(fams[0] === "IPv6" ? "IPv4" : "IPv6");
    spec.ipFamilies = fams;
    return;
  }
  const fams = Array.isArray(spec.ipFamilies) ? [...(spec.ipFamilies as string[])] : [];
  (Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as string[]) : []).forEach((ip, i) => {
    if (ip === "None" || fams.length >= i + 1) return;
    fams.push(ip.includes(":") ? "IPv6" : "IPv4");
  });
  def(spec, "ipFamilyPolicy", "SingleStack");
  if (fams.length === 0) fams.push("IPv4");
  spec.ipFamilies = fams;
}

/** Services: defaults, IP family fields, allocated values kept across updates. */
export const serviceStrategy: Strategy<Typed<V1Service>> = {
  applyDefaults: defaultService,
  prepareForCreate(svc) {
    svc.status = { loadBalancer: {} };
    const spec = child(asObj(svc), "spec");
    normalizeClusterIPs(spec);
    initIPFamilies(spec);
    // ClusterIP and NodePort allocation happen after this, in the registry's beginCreate hook.
  },
  prepareForUpdate(svc, old) {
    keepOldStatus(svc, old);
    const spec = child(asObj(svc), "spec");
    const oldSpec = asObj(old.spec);
    patchAllocatedValues(spec, oldSpec);
    normalizeClusterIPs(spec, oldSpec);
    dropTypeDependentFields(spec, oldSpec);
    initIPFamilies(spec);
  },
  validate: (svc) => validateService(asObj(svc)),
  validateUpdate: (svc, old) => validateServiceUpdate(asObj(svc), asObj(old)),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: (n) => nameIsDNS1035Label(n, false),
};

// ---- Namespace --------------------------------------------------------------------------------

export const namespaceStrategy: Strategy<Typed<V1Namespace>> = {
  // ShouldDeleteNamespaceDuringUpdate: a terminating namespace goes only once spec.finalizers is empty.
  shouldDeleteDuringUpdate: (ns) => !(ns.spec?.finalizers && ns.spec.finalizers.length),
  applyDefaults(ns) {
    const name = ns.metadata?.name;
    if (name) meta(ns).labels = { ...(ns.metadata?.labels ?? {}), "kubernetes.io/metadata.name": name };
    const status = rec(ns.status);
    if (status) defStr(status, "phase", "Active");
  },
  prepareForCreate(ns) {
    ns.status = { phase: "Active" };
    const spec = child(asObj(ns), "spec");
    const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
    if (!finalizers.includes("kubernetes")) finalizers.push("kubernetes");
    spec.finalizers = finalizers;
  },
  prepareForUpdate(ns, old) {
    const spec = child(asObj(ns), "spec");
    const oldFinalizers = old.spec?.finalizers;
    if (oldFinalizers === undefined) delete spec.finalizers;
    else spec.finalizers = [...oldFinalizers];
    keepOldStatus(ns, old);
  },
  validate: (ns) => validateNamespace(asObj(ns)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: (n) => nameIsDNSLabel(n, false),
};

/** namespaces/status: phase must agree with deletionTimestamp. */
export const namespaceStatusStrategy: SubresourceStrategy = statusSubresource({ validate: (next) => validateNamespaceStatusUpdate(asObj(next)) });

// ---- ConfigMap, Secret, ServiceAccount ---------------------------------------------------------------

export const configMapStrategy: Strategy<Typed<V1ConfigMap>> = {
  validate: (cm) => validateConfigMap(asObj(cm)),
  validateUpdate: (cm, old) => validateConfigMapUpdate(asObj(cm), asObj(old)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** Secrets: stringData folded into data, type Opaque by default. */
export const secretStrategy: Strategy<Typed<V1Secret>> = {
  applyDefaults(secret) {
    const s = asObj(secret);
    // v1 conversion: stringData entries overwrite data entries (base64-encoded) and are not stored.
    const stringData = rec(s.stringData);
    if (stringData) {
      const data = child(s, "data");
      for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(typeof v === "string" ? v : String(v), "utf8").toString("base64");
    }
    delete s.stringData;
    defStr(s, "type", "Opaque");
  },
  validate: (secret) => validateSecret(asObj(secret)),
  validateUpdate: (secret, old) => validateSecretUpdate(asObj(secret), asObj(old)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** ServiceAccounts: secret references keep only their names. */
export const serviceAccountStrategy: Strategy<Typed<V1ServiceAccount>> = {
  prepareForCreate(sa) {
    // cleanSecretReferences: only secret names are kept.
    if (Array.isArray(sa.secrets)) sa.secrets = sa.secrets.map((s) => ({ name: s.name ?? "" }));
  },
  prepareForUpdate(sa) {
    if (Array.isArray(sa.secrets)) sa.secrets = sa.secrets.map((s) => ({ name: s.name ?? "" }));
  },
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

// ---- Endpoints, Event, Node ------------------------------------------------------------------

export const endpointsStrategy: Strategy<Typed<V1Endpoints>> = {
  applyDefaults(ep) {
    for (const ss of list(asObj(ep).subsets)) for (const port of list(ss.ports)) defStr(port, "protocol", "TCP");
  },
  validate: (ep) => validateEndpoints(asObj(ep)),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** core/v1 Events: the legacy checks only. */
export const eventStrategy: Strategy<Typed<CoreV1Event>> = {
  validate: (ev) => validateEventLegacy(asObj(ev)),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** Nodes: status may be set on create, spec writes keep it afterwards. */
export const nodeStrategy: Strategy<Typed<V1Node>> = {
  applyDefaults(node) {
    const status = rec(node.status);
    if (status && unset(status.allocatable) && !unset(status.capacity)) status.allocatable = structuredClone(status.capacity);
  },
  prepareForUpdate: keepOldStatus,
  validate: (node) => validateNode(asObj(node)),
  validateUpdate: (node, old) => validateNodeUpdate(asObj(node), asObj(old)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

// ---- ReplicationController and PodTemplate ----------------------------------------------------

export const replicationControllerStrategy: Strategy<Typed<V1ReplicationController>> = {
  applyDefaults(rc) {
    const spec = child(asObj(rc), "spec");
    const labels = rec(rec(rec(spec.template)?.metadata)?.labels);
    if (labels) {
      if (Object.keys(rec(spec.selector) ?? {}).length === 0) spec.selector = { ...labels };
      if (Object.keys(rc.metadata?.labels ?? {}).length === 0) meta(rc).labels = { ...(labels as Record<string, string>) };
    }
    def(spec, "replicas", 1);
    defaultPodTemplate(spec.template);
  },
  prepareForCreate: (rc) => resetStatusAndGeneration(rc, { replicas: 0 }),
  prepareForUpdate(rc, old) {
    keepOldStatus(rc, old);
    bumpGenerationOnSpecChange(rc, old);
  },
  validate: (rc) => validateReplicationControllerSpec(rc.spec),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** PodTemplates: template defaults, generation on template changes. */
export const podTemplateStrategy: Strategy<Typed<V1PodTemplate>> = {
  applyDefaults: (pt) => defaultPodTemplate(pt.template),
  prepareForCreate: (pt) => void (meta(pt).generation = 1),
  prepareForUpdate: (pt, old) => bumpGenerationIf(pt, old, !semanticEqual(pt.template, old.template)),
  validate: (pt) => validatePodTemplate(asObj(pt)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

// ---- events.k8s.io/v1 ---------------------------------------------------------------------------

/** events.k8s.io/v1 Event field -> core/v1 Event field (pkg/apis/events/v1/conversion.go). */
const EVENTS_V1_TO_CORE: readonly [string, string][] = [
  ["regarding", "involvedObject"],
  ["note", "message"],
  ["deprecatedSource", "source"],
  ["deprecatedFirstTimestamp", "firstTimestamp"],
  ["deprecatedLastTimestamp", "lastTimestamp"],
  ["deprecatedCount", "count"],
  ["reportingController", "reportingComponent"],
];
const EVENTS_SHARED_FIELDS = ["metadata", "eventTime", "series", "reportingInstance", "action", "reason", "related", "type"];

function convertEvent(o: KubeObject, pairs: readonly [string, string][], apiVersion: string): KubeObject {
  const out: KubeObject = { apiVersion, kind: "Event" };
  for (const k of EVENTS_SHARED_FIELDS) if (o[k] !== undefined) out[k] = structuredClone(o[k]);
  for (const [from, to] of pairs) if (o[from] !== undefined) out[to] = structuredClone(o[from]);
  return out;
}

/** events.k8s.io/v1 <-> core/v1 Event, the form both are stored in. */
export const eventsV1Conversion = {
  toStored: (o: KubeObject): KubeObject => convertEvent(o, EVENTS_V1_TO_CORE, "v1"),
  fromStored: (o: KubeObject): KubeObject =>
    convertEvent(
      o,
      EVENTS_V1_TO_CORE.map(([a, b]) => [b, a] as [string, string]),
      "events.k8s.io/v1",
    ),
};

const eventsV1CreateOnly = new CreateOnlyCauses();

/** events.k8s.io/v1 writes pass the legacy checks and the strict ones (on the core/v1 form). */
export const eventsV1Strategy: Strategy = {
  prepareForCreate(ev) {
    eventsV1CreateOnly.set(ev, validateEventStrictCreate(asObj(eventsV1Conversion.toStored(ev))));
  },
  validate: (ev) => [...validateEventLegacy(asObj(eventsV1Conversion.toStored(ev))), ...eventsV1CreateOnly.take(ev)],
  validateUpdate: (ev, old) => validateEventStrictUpdate(asObj(eventsV1Conversion.toStored(ev)), asObj(eventsV1Conversion.toStored(old))),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** Status subresources of core kinds. */
export const coreStatusStrategies: Record<string, SubresourceStrategy> = {
  Pod: podStatusStrategy,
  Namespace: namespaceStatusStrategy,
  Service: statusSubresource(),
  Node: statusSubresource(),
  ReplicationController: statusSubresource(),
};

