/**
 * Printers of the core/v1 kinds, after pkg/printers/internalversion/printers.go (v1.35):
 * column definitions and cells as kube-apiserver serves them (always Wide: the client
 * hides priority-1 columns unless asked for -o wide).
 */
import { coreEventView } from "../selectors/event-view.js";
import { formatLabels } from "../selectors/labels.js";
import { humanDuration, timeOf, translateTimestampSince } from "./duration.js";
import { age, cells, int, joinHostPort, layoutContainerCells, meta, nameOf, timeOrZero, ZERO_TIME } from "./util.js";
import { ageColumn, col, containersColumn, imagesColumn, nameColumn, type PrintHandler, type TableRowCondition } from "./types.js";
import { view, type Condition, type Container, type ContainerStatus, type Endpoints, type Node, type Pod, type PodTemplateSpec, type ReplicationController, type Service } from "./shapes.js";

// ---------------------------------------------------------------------------------------
// Pods

const podSuccessConditions: TableRowCondition[] = [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
const podFailedConditions: TableRowCondition[] = [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];

/** podutil.IsRestartableInitContainer: a sidecar (restartPolicy: Always). */
function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function hasPodReadyCondition(conditions: readonly Condition[]): boolean {
  return conditions.some((c) => c.type === "Ready" && c.status === "True");
}

function isPodInitializedConditionTrue(conditions: readonly Condition[]): boolean {
  const c = conditions.find((x) => x.type === "Initialized");
  return c !== undefined && c.status === "True";
}

/** The READY, STATUS and RESTARTS of printPod. */
export function podStatusCells(pod: Pod, now: Date): { ready: string; reason: string; restarts: string } {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initSpecs = spec.initContainers ?? [];
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestartDate = ZERO_TIME;
  let lastRestartableInitContainerRestartDate = ZERO_TIME;

  const podPhase = status.phase ?? "";
  let reason = podPhase;
  if (status.reason) reason = status.reason;

  // A pod carrying {type: PodScheduled, reason: SchedulingGated} shows SchedulingGated.
  for (const c of conditions) if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";

  const initContainers = new Map<string, Container>();
  for (const c of initSpecs) {
    initContainers.set(c.name ?? "", c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses: readonly ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    const restartable = isRestartableInitContainer(initContainers.get(container.name ?? ""));
    const rc = int(container.restartCount);
    restarts += rc;
    const lastTerminated = container.lastState?.terminated;
    if (lastTerminated) {
      const t = timeOrZero(lastTerminated.finishedAt);
      if (lastRestartDate < t) lastRestartDate = t;
    }
    if (restartable) {
      restartableInitContainerRestarts += rc;
      if (lastTerminated) {
        const t = timeOrZero(lastTerminated.finishedAt);
        if (lastRestartableInitContainerRestartDate < t) lastRestartableInitContainerRestartDate = t;
      }
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = int(terminated.signal) !== 0 ? `Init:Signal:${int(terminated.signal)}` : `Init:ExitCode:${int(terminated.exitCode)}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(conditions)) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    let errorReason = "";
    const statuses: readonly ContainerStatus[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      restarts += int(container.restartCount);
      const lastTerminated = container.lastState?.terminated;
      if (lastTerminated) {
        const t = timeOrZero(lastTerminated.finishedAt);
        if (lastRestartDate < t) lastRestartDate = t;
      }
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (terminated) {
        if (terminated.reason) reason = terminated.reason;
        else if (int(terminated.signal) !== 0) reason = `Signal:${int(terminated.signal)}`;
        else reason = `ExitCode:${int(terminated.exitCode)}`;
        if (int(terminated.exitCode) !== 0) errorReason = reason;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to "Running" if at least one container still runs and the pod is ready; a
    // completed pod with a failed container shows that failure.
    if (reason === "Completed") {
      if (hasRunning && hasPodReadyCondition(conditions)) reason = "Running";
      else if (errorReason !== "") reason = errorReason;
      else if (hasRunning) reason = "NotReady";
    }
  }

  const deletionTimestamp = meta(pod).deletionTimestamp;
  const deleting = deletionTimestamp !== undefined && deletionTimestamp !== null && deletionTimestamp !== "";
  if (deleting && status.reason === "NodeLost") reason = "Unknown";
  else if (deleting && podPhase !== "Failed" && podPhase !== "Succeeded") reason = "Terminating";

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate !== ZERO_TIME) restartsStr = `${restarts} (${humanDuration(now.getTime() - lastRestartDate)} ago)`;

  return { ready: `${readyContainers}/${totalContainers}`, reason, restarts: restartsStr };
}

const pods: PrintHandler = {
  columns: [
    nameColumn,
    col("Ready", "string", { text: "The aggregate readiness state of this pod for accepting traffic." }),
    col("Status", "string", { text: "The aggregate status of the containers in this pod." }),
    col("Restarts", "string", { text: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted." }),
    ageColumn,
    col("IP", "string", "core/v1 PodStatus.podIP", { priority: 1 }),
    col("Node", "string", "core/v1 PodSpec.nodeName", { priority: 1 }),
    col("Nominated Node", "string", "core/v1 PodStatus.nominatedNodeName", { priority: 1 }),
    col("Readiness Gates", "string", "core/v1 PodSpec.readinessGates", { priority: 1 }),
  ],
  row(obj, { now }) {
    const pod = view<Pod>(obj);
    const { ready, reason, restarts } = podStatusCells(pod, now);
    const status = pod.status ?? {};
    const spec = pod.spec ?? {};
    let podIP = status.podIPs && status.podIPs.length > 0 ? (status.podIPs[0]!.ip ?? "") : (status.podIP ?? "");
    if (podIP === "") podIP = "<none>";
    const nodeName = spec.nodeName || "<none>";
    const nominatedNodeName = status.nominatedNodeName || "<none>";
    let readinessGates = "<none>";
    const gates = spec.readinessGates ?? [];
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        if (c && c.status === "True") trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    const row = { cells: cells(nameOf(pod), ready, reason, restarts, age(pod, now), podIP, nodeName, nominatedNodeName, readinessGates) };
    if (status.phase === "Succeeded") return { ...row, conditions: podSuccessConditions };
    if (status.phase === "Failed") return { ...row, conditions: podFailedConditions };
    return row;
  },
};

// ---------------------------------------------------------------------------------------
// Pod templates, replication controllers

const podTemplates: PrintHandler = {
  columns: [
    nameColumn,
    containersColumn(0),
    imagesColumn(0),
    col("Pod Labels", "string", { text: "The labels for the pod template." }),
  ],
  row(obj) {
    const template = (obj as { template?: PodTemplateSpec }).template ?? {};
    const [names, images] = layoutContainerCells(template.spec?.containers);
    return { cells: cells(nameOf(obj), names, images, formatLabels(template.metadata?.labels)) };
  },
};

const replicationControllers: PrintHandler = {
  columns: [
    nameColumn,
    col("Desired", "integer", "core/v1 ReplicationControllerSpec.replicas"),
    col("Current", "integer", "core/v1 ReplicationControllerStatus.replicas"),
    col("Ready", "integer", "core/v1 ReplicationControllerStatus.readyReplicas"),
    ageColumn,
    containersColumn(1),
    imagesColumn(1),
    col("Selector", "string", "core/v1 ReplicationControllerSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const rc = view<ReplicationController>(obj);
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return {
      cells: cells(nameOf(rc), int(rc.spec?.replicas ?? 1), int(rc.status?.replicas), int(rc.status?.readyReplicas), age(rc, now), names, images, formatLabels(rc.spec?.selector)),
    };
  },
};

// ---------------------------------------------------------------------------------------
// Services, endpoints

/** loadBalancerStatusStringer (wide: never clipped). */
function loadBalancerStatusStringer(svc: Service): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort().join(",");
}

function serviceType(svc: Service): string {
  return svc.spec?.type || "ClusterIP";
}

function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (serviceType(svc)) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lbIps = loadBalancerStatusStringer(svc);
      if (externalIPs.length > 0) return [...(lbIps ? lbIps.split(",") : []), ...externalIPs].join(",");
      return lbIps || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
  }
  return "<unknown>";
}

function makePortString(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => {
      const protocol = p.protocol || "TCP";
      return int(p.nodePort) > 0 ? `${int(p.port)}:${int(p.nodePort)}/${protocol}` : `${int(p.port)}/${protocol}`;
    })
    .join(",");
}

const services: PrintHandler = {
  columns: [
    nameColumn,
    col("Type", "string", "core/v1 ServiceSpec.type"),
    col("Cluster-IP", "string", "core/v1 ServiceSpec.clusterIP"),
    col("External-IP", "string", "core/v1 ServiceSpec.externalIPs"),
    col("Port(s)", "string", "core/v1 ServiceSpec.ports"),
    ageColumn,
    col("Selector", "string", "core/v1 ServiceSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const svc = view<Service>(obj);
    const spec = svc.spec ?? {};
    // The internal object's clusterIPs is filled from the v1 singular field when only that is set.
    const internalIP = spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs[0]! : spec.clusterIP ? spec.clusterIP : "<none>";
    const ports = makePortString(svc) || "<none>";
    return { cells: cells(nameOf(svc), serviceType(svc), internalIP, serviceExternalIP(svc), ports, age(svc, now), formatLabels(spec.selector)) };
  },
};

/** formatEndpoints with all ports: up to three host:port pairs, then "+ N more...". */
function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // headless services with no ports
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip ?? "");
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip ?? "", int(port.port)));
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

const endpoints: PrintHandler = {
  columns: [nameColumn, col("Endpoints", "string", "core/v1 Endpoints.subsets"), ageColumn],
  row(obj, { now }) {
    return { cells: cells(nameOf(obj), formatEndpoints(view<Endpoints>(obj)), age(obj, now)) };
  },
};

// ---------------------------------------------------------------------------------------
// Nodes

const labelNodeRolePrefix = "node-role.kubernetes.io/";
const nodeLabelRole = "kubernetes.io/role";

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>, sorted. */
function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(meta(node).labels ?? {})) {
    if (k.startsWith(labelNodeRolePrefix)) {
      const role = k.slice(labelNodeRolePrefix.length);
      if (role.length > 0) roles.add(role);
    } else if (k === nodeLabelRole && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

const nodes: PrintHandler = {
  columns: [
    nameColumn,
    col("Status", "string", { text: "The status of the node" }),
    col("Roles", "string", { text: "The roles of the node" }),
    ageColumn,
    col("Version", "string", "core/v1 NodeSystemInfo.kubeletVersion"),
    col("Internal-IP", "string", "core/v1 NodeStatus.addresses", { priority: 1 }),
    col("External-IP", "string", "core/v1 NodeStatus.addresses", { priority: 1 }),
    col("OS-Image", "string", "core/v1 NodeSystemInfo.osImage", { priority: 1 }),
    col("Kernel-Version", "string", "core/v1 NodeSystemInfo.kernelVersion", { priority: 1 }),
    col("Container-Runtime", "string", "core/v1 NodeSystemInfo.containerRuntimeVersion", { priority: 1 }),
  ],
  row(obj, { now }) {
    const node = view<Node>(obj);
    const byType = new Map<string, Condition>();
    for (const c of node.status?.conditions ?? []) byType.set(c.type ?? "", c);
    const status: string[] = [];
    for (const t of ["Ready"]) {
      const c = byType.get(t);
      if (c) status.push(c.status === "True" ? t : `Not${t}`);
    }
    if (status.length === 0) status.push("Unknown");
    if (node.spec?.unschedulable) status.push("SchedulingDisabled");
    const roles = findNodeRoles(node).join(",") || "<none>";
    const info = node.status?.nodeInfo ?? {};
    return {
      cells: cells(
        nameOf(node),
        status.join(","),
        roles,
        age(node, now),
        info.kubeletVersion ?? "",
        nodeAddress(node, "InternalIP"),
        nodeAddress(node, "ExternalIP"),
        info.osImage || "<unknown>",
        info.kernelVersion || "<unknown>",
        info.containerRuntimeVersion || "<unknown>",
      ),
    };
  },
};

// ---------------------------------------------------------------------------------------
// Events (core/v1 and, through the core view, events.k8s.io/v1)

/** formatEventSource: component (or reportingController), then ", host" (or reportingInstance). */
function formatEventSource(component: string, host: string): string {
  return host.length === 0 ? component : `${component}, ${host}`;
}

const events: PrintHandler = {
  columns: [
    col("Last Seen", "string", "core/v1 Event.lastTimestamp"),
    col("Type", "string", "core/v1 Event.type"),
    col("Reason", "string", "core/v1 Event.reason"),
    col("Object", "string", "core/v1 Event.involvedObject"),
    col("Subobject", "string", "core/v1 ObjectReference.fieldPath", { priority: 1 }),
    col("Source", "string", "core/v1 Event.source", { priority: 1 }),
    col("Message", "string", "core/v1 Event.message"),
    col("First Seen", "string", "core/v1 Event.firstTimestamp", { priority: 1 }),
    col("Count", "string", "core/v1 Event.count", { priority: 1 }),
    col("Name", "string", "meta/v1 ObjectMeta.name", { priority: 1, format: "name" }),
  ],
  row(obj, { now, resource }) {
    const e = coreEventView(resource, obj);
    let firstTimestamp = translateTimestampSince(e.firstTimestamp, now);
    if (timeOf(e.firstTimestamp) === undefined) firstTimestamp = translateTimestampSince(e.eventTime, now);
    let lastTimestamp = translateTimestampSince(e.lastTimestamp, now);
    if (timeOf(e.lastTimestamp) === undefined) lastTimestamp = firstTimestamp;
    let count = int(e.count);
    if (e.series) {
      lastTimestamp = translateTimestampSince(e.series.lastObservedTime, now);
      count = int(e.series.count);
    } else if (count === 0) {
      // Singleton events don't have a count set in the new API.
      count = 1;
    }
    const io = e.involvedObject ?? {};
    const kind = (io.kind ?? "").toLowerCase();
    const target = io.name ? `${kind}/${io.name}` : kind;
    const source = formatEventSource(e.source?.component || e.reportingComponent || "", e.source?.host || e.reportingInstance || "");
    return {
      cells: cells(lastTimestamp, e.type ?? "", e.reason ?? "", target, io.fieldPath ?? "", source, (e.message ?? "").trim(), firstTimestamp, count, nameOf(obj)),
    };
  },
};

// ---------------------------------------------------------------------------------------
// Namespaces, secrets, service accounts, config maps

const namespaces: PrintHandler = {
  columns: [nameColumn, col("Status", "string", { text: "The status of the namespace" }), ageColumn],
  row(obj, { now }) {
    return { cells: cells(nameOf(obj), (obj as { status?: { phase?: string } }).status?.phase ?? "", age(obj, now)) };
  },
};

const countKeys = (...maps: unknown[]): number => {
  const keys = new Set<string>();
  for (const m of maps) if (typeof m === "object" && m !== null) for (const k of Object.keys(m)) keys.add(k);
  return keys.size;
};

const secrets: PrintHandler = {
  columns: [nameColumn, col("Type", "string", "core/v1 Secret.type"), col("Data", "string", "core/v1 Secret.data"), ageColumn],
  row(obj, { now }) {
    const s = obj as { type?: string; data?: unknown; stringData?: unknown };
    // stringData is merged into data on the way in; count both for an object stored unmerged.
    return { cells: cells(nameOf(obj), s.type || "Opaque", countKeys(s.data, s.stringData), age(obj, now)) };
  },
};

// Since 1.32 (SECRETS dropped with legacy service account tokens): name and age only.
const serviceAccounts: PrintHandler = {
  columns: [nameColumn, ageColumn],
  row(obj, { now }) {
    return { cells: cells(nameOf(obj), age(obj, now)) };
  },
};

const configMaps: PrintHandler = {
  columns: [nameColumn, col("Data", "string", "core/v1 ConfigMap.data"), ageColumn],
  row(obj, { now }) {
    const cm = obj as { data?: unknown; binaryData?: unknown };
    return { cells: cells(nameOf(obj), countKeys(cm.data) + countKeys(cm.binaryData), age(obj, now)) };
  },
};

/** Printers of core/v1, keyed by kind. */
export const corePrinters: ReadonlyMap<string, PrintHandler> = new Map([
  ["Pod", pods],
  ["PodTemplate", podTemplates],
  ["ReplicationController", replicationControllers],
  ["Service", services],
  ["Endpoints", endpoints],
  ["Node", nodes],
  ["Event", events],
  ["Namespace", namespaces],
  ["Secret", secrets],
  ["ServiceAccount", serviceAccounts],
  ["ConfigMap", configMaps],
]);

/** The event printer, also used for events.k8s.io/v1 (same storage, same table upstream). */
export const eventPrinter: PrintHandler = events;

