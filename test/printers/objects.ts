/**
 * Representative objects of every printed kind, as they are stored (v1 JSON). The same
 * objects were fed to kube-apiserver 1.35's own printers, GetAttrs and field label
 * conversions (see upstream-tables.ts); the tests compare our output with theirs.
 */
import type { KubeObject } from "../../src/k8s-api/types.js";

/** The clock of every case: ages below are relative to it. */
export const NOW = new Date("2025-06-01T12:00:00Z");

/** NOW minus a duration, as an RFC 3339 time (optionally with microseconds). */
export function ago(seconds: number, micro = false): string {
  const iso = new Date(NOW.getTime() - seconds * 1000).toISOString();
  return micro ? iso.replace(/\.(\d{3})Z$/, ".$1000Z") : iso.replace(/\.\d{3}Z$/, "Z");
}

const M = 60;
const H = 3600;
const D = 86400;

/** An object literal as a stored object (its timestamps are strings, as in JSON). */
const obj = (o: Record<string, unknown>): KubeObject => o as KubeObject;

export interface PrinterCase {
  name: string;
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
  object: KubeObject;
}

const meta = (name: string, age: number, extra: Record<string, unknown> = {}) => ({ name, namespace: "default", uid: `uid-${name}`, resourceVersion: "42", creationTimestamp: ago(age), ...extra });
const clusterMeta = (name: string, age: number, extra: Record<string, unknown> = {}) => ({ name, uid: `uid-${name}`, resourceVersion: "42", creationTimestamp: ago(age), ...extra });

const podSpec = (containers: string[], extra: Record<string, unknown> = {}) => ({
  containers: containers.map((n) => ({ name: n, image: `${n}:1.0` })),
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  serviceAccountName: "default",
  ...extra,
});

const running = (name: string, ready = true, restarts = 0, extra: Record<string, unknown> = {}) => ({
  name,
  ready,
  restartCount: restarts,
  started: true,
  image: `${name}:1.0`,
  imageID: "",
  state: { running: { startedAt: ago(10 * M) } },
  ...extra,
});

const pod = (name: string, age: number, spec: Record<string, unknown>, status: Record<string, unknown>, metaExtra: Record<string, unknown> = {}): PrinterCase => ({
  name: `pod ${name}`,
  group: "",
  version: "v1",
  kind: "Pod",
  namespaced: true,
  object: obj({ apiVersion: "v1", kind: "Pod", metadata: meta(name, age, metaExtra), spec, status }),
});

const pods: PrinterCase[] = [
  pod("pending", 5, podSpec(["app"]), { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] }),
  pod("scheduling-gated", 5, podSpec(["app"], { schedulingGates: [{ name: "g" }] }), { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }),
  pod(
    "container-creating",
    30,
    podSpec(["app"], { nodeName: "node-1" }),
    { phase: "Pending", containerStatuses: [{ name: "app", ready: false, restartCount: 0, image: "app:1.0", imageID: "", state: { waiting: { reason: "ContainerCreating" } } }] },
  ),
  pod(
    "running-half",
    200,
    podSpec(["app", "sidecar"], { nodeName: "node-1" }),
    {
      phase: "Running",
      podIP: "10.1.0.5",
      podIPs: [{ ip: "10.1.0.5" }, { ip: "fd00::5" }],
      conditions: [{ type: "Ready", status: "False" }],
      containerStatuses: [running("app"), running("sidecar", false)],
    },
  ),
  pod(
    "running",
    2 * D + 3 * H + 5,
    podSpec(["app"], { nodeName: "node-2", readinessGates: [{ conditionType: "example.com/ready" }, { conditionType: "example.com/other" }] }),
    {
      phase: "Running",
      podIP: "10.1.0.6",
      podIPs: [{ ip: "10.1.0.6" }],
      nominatedNodeName: "node-3",
      conditions: [
        { type: "Ready", status: "True" },
        { type: "example.com/ready", status: "True" },
        { type: "example.com/other", status: "False" },
      ],
      containerStatuses: [running("app")],
    },
  ),
  pod(
    "crashloop",
    H,
    podSpec(["app"], { nodeName: "node-1" }),
    {
      phase: "Running",
      podIP: "10.1.0.7",
      containerStatuses: [
        {
          name: "app",
          ready: false,
          restartCount: 3,
          started: false,
          image: "app:1.0",
          imageID: "",
          state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container" } },
          lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: ago(6 * M), finishedAt: ago(5 * M) } },
        },
      ],
    },
  ),
  pod(
    "terminating",
    10 * M,
    podSpec(["app"], { nodeName: "node-1" }),
    { phase: "Running", podIP: "10.1.0.8", podIPs: [{ ip: "10.1.0.8" }], conditions: [{ type: "Ready", status: "True" }], containerStatuses: [running("app")] },
    { deletionTimestamp: ago(-30), deletionGracePeriodSeconds: 30 },
  ),
  pod(
    "node-lost",
    10 * M,
    podSpec(["app"], { nodeName: "node-1" }),
    { phase: "Running", reason: "NodeLost", containerStatuses: [running("app")] },
    { deletionTimestamp: ago(-30), deletionGracePeriodSeconds: 30 },
  ),
  pod(
    "completed",
    3 * H + 20 * M,
    podSpec(["job"], { restartPolicy: "Never", nodeName: "node-1" }),
    {
      phase: "Succeeded",
      podIP: "10.1.0.9",
      podIPs: [{ ip: "10.1.0.9" }],
      containerStatuses: [
        { name: "job", ready: false, restartCount: 0, started: false, image: "job:1.0", imageID: "", state: { terminated: { exitCode: 0, reason: "Completed", startedAt: ago(3 * H), finishedAt: ago(2 * H) } } },
      ],
    },
  ),
  pod(
    "failed",
    3 * H,
    podSpec(["job"], { restartPolicy: "Never", nodeName: "node-1" }),
    {
      phase: "Failed",
      containerStatuses: [{ name: "job", ready: false, restartCount: 0, image: "job:1.0", imageID: "", state: { terminated: { exitCode: 2, startedAt: ago(3 * H), finishedAt: ago(2 * H) } } }],
    },
  ),
  pod(
    "completed-with-error",
    3 * H,
    podSpec(["a", "b"], { restartPolicy: "Never", nodeName: "node-1" }),
    {
      phase: "Failed",
      containerStatuses: [
        { name: "a", ready: false, restartCount: 0, image: "a:1.0", imageID: "", state: { terminated: { exitCode: 0, reason: "Completed", finishedAt: ago(2 * H) } } },
        { name: "b", ready: false, restartCount: 0, image: "b:1.0", imageID: "", state: { terminated: { exitCode: 137, reason: "OOMKilled", finishedAt: ago(2 * H) } } },
      ],
    },
  ),
  pod(
    "signal",
    3 * H,
    podSpec(["a"], { nodeName: "node-1" }),
    { phase: "Running", containerStatuses: [{ name: "a", ready: false, restartCount: 1, image: "a:1.0", imageID: "", state: { terminated: { exitCode: 0, signal: 9, finishedAt: ago(H) } } }] },
  ),
  pod(
    "init-pending",
    70,
    podSpec(["app"], { nodeName: "node-1", initContainers: [{ name: "setup", image: "busybox" }] }),
    {
      phase: "Pending",
      conditions: [{ type: "Initialized", status: "False" }],
      initContainerStatuses: [{ name: "setup", ready: false, restartCount: 0, image: "busybox", imageID: "", state: { running: { startedAt: ago(60) } } }],
      containerStatuses: [{ name: "app", ready: false, restartCount: 0, image: "app:1.0", imageID: "", state: { waiting: { reason: "PodInitializing" } } }],
    },
  ),
  pod(
    "init-error",
    70,
    podSpec(["app"], { nodeName: "node-1", initContainers: [{ name: "one", image: "busybox" }, { name: "two", image: "busybox" }] }),
    {
      phase: "Pending",
      initContainerStatuses: [
        { name: "one", ready: true, restartCount: 0, image: "busybox", imageID: "", state: { terminated: { exitCode: 0, reason: "Completed" } } },
        { name: "two", ready: false, restartCount: 2, image: "busybox", imageID: "", state: { terminated: { exitCode: 1, reason: "Error" } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(40) } } },
      ],
      containerStatuses: [{ name: "app", ready: false, restartCount: 0, image: "app:1.0", imageID: "", state: { waiting: { reason: "PodInitializing" } } }],
    },
  ),
  pod(
    "init-crashloop",
    70,
    podSpec(["app"], { nodeName: "node-1", initContainers: [{ name: "one", image: "busybox" }] }),
    {
      phase: "Pending",
      initContainerStatuses: [{ name: "one", ready: false, restartCount: 4, image: "busybox", imageID: "", state: { waiting: { reason: "CrashLoopBackOff" } } }],
    },
  ),
  pod(
    "init-exitcode",
    70,
    podSpec(["app"], { nodeName: "node-1", initContainers: [{ name: "one", image: "busybox" }] }),
    { phase: "Pending", initContainerStatuses: [{ name: "one", ready: false, restartCount: 0, image: "busybox", imageID: "", state: { terminated: { exitCode: 3 } } }] },
  ),
  pod(
    "sidecar",
    5 * M,
    podSpec(["app"], { nodeName: "node-1", initContainers: [{ name: "proxy", image: "envoy", restartPolicy: "Always" }] }),
    {
      phase: "Running",
      podIP: "10.1.0.10",
      conditions: [
        { type: "Initialized", status: "True" },
        { type: "Ready", status: "True" },
      ],
      initContainerStatuses: [
        { ...running("proxy", true, 2), lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * M) } } },
      ],
      containerStatuses: [running("app", true, 1, { lastState: { terminated: { exitCode: 1, finishedAt: ago(4 * M) } } })],
    },
  ),
  pod("bare", 0, { containers: [{ name: "c", image: "i" }] }, {}),
];

const svc = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): PrinterCase => ({
  name: `service ${name}`,
  group: "",
  version: "v1",
  kind: "Service",
  namespaced: true,
  object: obj({ apiVersion: "v1", kind: "Service", metadata: meta(name, 3 * D), spec, status }),
});

const services: PrinterCase[] = [
  svc("cluster-ip", { type: "ClusterIP", clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"], selector: { app: "web", tier: "fe" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }] }),
  svc("node-port", {
    type: "NodePort",
    clusterIP: "10.96.0.11",
    clusterIPs: ["10.96.0.11"],
    selector: { app: "web" },
    ports: [
      { name: "http", port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30080 },
      { name: "dns", port: 53, protocol: "UDP", targetPort: 53, nodePort: 30053 },
    ],
  }),
  svc(
    "lb-pending",
    { type: "LoadBalancer", clusterIP: "10.96.0.12", clusterIPs: ["10.96.0.12"], ports: [{ port: 443, protocol: "TCP", targetPort: 443, nodePort: 31443 }] },
  ),
  svc(
    "lb",
    { type: "LoadBalancer", clusterIP: "10.96.0.13", clusterIPs: ["10.96.0.13"], externalIPs: ["192.0.2.7"], ports: [{ port: 443, protocol: "TCP", targetPort: 443, nodePort: 31444 }] },
    { loadBalancer: { ingress: [{ ip: "203.0.113.9" }, { hostname: "a-very-long-hostname.elb.example.com" }, { ip: "203.0.113.1" }] } },
  ),
  svc("external-name", { type: "ExternalName", externalName: "db.example.com" }),
  svc("headless", { type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], selector: { app: "db" } }),
  svc("external-ips", { type: "ClusterIP", clusterIP: "10.96.0.14", clusterIPs: ["10.96.0.14"], externalIPs: ["198.51.100.1", "198.51.100.2"], ports: [{ port: 8080, protocol: "SCTP", targetPort: 8080 }] }),
];

const template = (containers: string[], labels: Record<string, string> = { app: "web" }, extra: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: podSpec(containers, extra),
});

const apps: PrinterCase[] = [
  {
    name: "deployment web",
    group: "apps",
    version: "v1",
    kind: "Deployment",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta("web", 5 * D),
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["fe", "be"] }] },
        template: template(["nginx", "log"], { app: "web", tier: "fe" }),
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
    }),
  },
  {
    name: "deployment fresh",
    group: "apps",
    version: "v1",
    kind: "Deployment",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta("fresh", 4),
      spec: { replicas: 0, selector: { matchLabels: { app: "fresh" } }, template: template(["c"], { app: "fresh" }), strategy: { type: "Recreate" } },
      status: {},
    }),
  },
  {
    name: "replicaset",
    group: "apps",
    version: "v1",
    kind: "ReplicaSet",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: meta("web-5d7f", 5 * D, { ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "uid-web", controller: true }] }),
      spec: { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "5d7f" } }, template: template(["nginx"]) },
      status: { replicas: 3, readyReplicas: 1, fullyLabeledReplicas: 3 },
    }),
  },
  {
    name: "statefulset",
    group: "apps",
    version: "v1",
    kind: "StatefulSet",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: meta("db", 9 * D),
      spec: { replicas: 3, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: template(["postgres"], { app: "db" }) },
      status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
    }),
  },
  {
    name: "daemonset",
    group: "apps",
    version: "v1",
    kind: "DaemonSet",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: meta("agent", 400 * D),
      spec: { selector: { matchLabels: { app: "agent" } }, template: template(["agent"], { app: "agent" }, { nodeSelector: { "kubernetes.io/os": "linux", disk: "ssd" } }) },
      status: { desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 3, updatedNumberScheduled: 4, numberAvailable: 3, numberMisscheduled: 0 },
    }),
  },
  {
    name: "controllerrevision",
    group: "apps",
    version: "v1",
    kind: "ControllerRevision",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: meta("db-6c5f", 9 * D, { ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "db", uid: "uid-db", controller: true }] }),
      data: { spec: {} },
      revision: 2,
    }),
  },
  {
    name: "controllerrevision core owner",
    group: "apps",
    version: "v1",
    kind: "ControllerRevision",
    namespaced: true,
    object: obj({
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: meta("x-1", D, { ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "p", uid: "uid-p", controller: true }] }),
      revision: 1,
    }),
  },
  {
    name: "controllerrevision orphan",
    group: "apps",
    version: "v1",
    kind: "ControllerRevision",
    namespaced: true,
    object: obj({ apiVersion: "apps/v1", kind: "ControllerRevision", metadata: meta("y-1", D), revision: 7 }),
  },
];

const jobSpec = (extra: Record<string, unknown>) => ({
  selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "uid-j" } },
  template: template(["work"], { "batch.kubernetes.io/controller-uid": "uid-j" }, { restartPolicy: "Never" }),
  backoffLimit: 6,
  completionMode: "NonIndexed",
  suspend: false,
  ...extra,
});

const job = (name: string, spec: Record<string, unknown>, status: Record<string, unknown>, metaExtra: Record<string, unknown> = {}): PrinterCase => ({
  name: `job ${name}`,
  group: "batch",
  version: "v1",
  kind: "Job",
  namespaced: true,
  object: obj({ apiVersion: "batch/v1", kind: "Job", metadata: meta(name, 2 * H, metaExtra), spec: jobSpec(spec), status }),
});

const batch: PrinterCase[] = [
  job("complete", { completions: 3, parallelism: 1 }, { succeeded: 3, startTime: ago(2 * H), completionTime: ago(2 * H - 75), conditions: [{ type: "SuccessCriteriaMet", status: "True" }, { type: "Complete", status: "True" }] }),
  job("running", { completions: 5, parallelism: 2 }, { succeeded: 1, active: 2, startTime: ago(7 * M) }),
  job("work-queue", { parallelism: 4 }, { succeeded: 0, active: 4, startTime: ago(30) }),
  job("failed", { completions: 1, parallelism: 1 }, { failed: 7, startTime: ago(H), conditions: [{ type: "FailureTarget", status: "True" }, { type: "Failed", status: "True" }] }),
  job("failure-target", { completions: 1, parallelism: 1 }, { failed: 7, startTime: ago(H), conditions: [{ type: "FailureTarget", status: "True" }] }),
  job("success-criteria", { completions: 1, parallelism: 1 }, { succeeded: 1, startTime: ago(H), conditions: [{ type: "SuccessCriteriaMet", status: "True" }] }),
  job("suspended", { completions: 1, parallelism: 1, suspend: true }, { conditions: [{ type: "Suspended", status: "True" }] }),
  job("terminating", { completions: 1, parallelism: 1 }, { startTime: ago(H) }, { deletionTimestamp: ago(5), finalizers: ["foregroundDeletion"] }),
  {
    name: "cronjob",
    group: "batch",
    version: "v1",
    kind: "CronJob",
    namespaced: true,
    object: obj({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: meta("nightly", 30 * D),
      spec: { schedule: "0 2 * * *", timeZone: "Europe/Paris", suspend: false, concurrencyPolicy: "Forbid", jobTemplate: { spec: jobSpec({}) } },
      status: { active: [{ kind: "Job", name: "nightly-1", namespace: "default" }], lastScheduleTime: ago(10 * H) },
    }),
  },
  {
    name: "cronjob never ran",
    group: "batch",
    version: "v1",
    kind: "CronJob",
    namespaced: true,
    object: obj({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: meta("hourly", 20 * M),
      spec: { schedule: "@hourly", suspend: true, jobTemplate: { spec: { template: template(["w"], {}, { restartPolicy: "OnFailure" }) } } },
      status: {},
    }),
  },
];

const node = (name: string, labels: Record<string, string>, spec: Record<string, unknown>, status: Record<string, unknown>): PrinterCase => ({
  name: `node ${name}`,
  group: "",
  version: "v1",
  kind: "Node",
  namespaced: false,
  object: obj({ apiVersion: "v1", kind: "Node", metadata: clusterMeta(name, 12 * D, { labels }), spec, status }),
});

const nodeInfo = { kubeletVersion: "v1.35.0", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.1.0-18-amd64", containerRuntimeVersion: "berth://0.1.0", machineID: "", systemUUID: "", bootID: "", kubeProxyVersion: "", operatingSystem: "linux", architecture: "amd64" };

const core: PrinterCase[] = [
  node(
    "cordoned",
    { "node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/worker": "", "kubernetes.io/role": "infra", "kubernetes.io/hostname": "cordoned" },
    { unschedulable: true, taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }] },
    {
      conditions: [
        { type: "MemoryPressure", status: "False" },
        { type: "Ready", status: "True" },
      ],
      addresses: [
        { type: "Hostname", address: "cordoned" },
        { type: "InternalIP", address: "192.168.1.10" },
        { type: "ExternalIP", address: "203.0.113.10" },
      ],
      nodeInfo,
    },
  ),
  node("not-ready", {}, {}, { conditions: [{ type: "Ready", status: "Unknown" }], addresses: [{ type: "InternalIP", address: "192.168.1.11" }], nodeInfo: { ...nodeInfo, osImage: "", kernelVersion: "" } }),
  node("new", { "node-role.kubernetes.io/": "x" }, {}, {}),
  {
    name: "namespace",
    group: "",
    version: "v1",
    kind: "Namespace",
    namespaced: false,
    object: obj({ apiVersion: "v1", kind: "Namespace", metadata: clusterMeta("team-a", 50 * D), spec: { finalizers: ["kubernetes"] }, status: { phase: "Terminating" } }),
  },
  {
    name: "configmap",
    group: "",
    version: "v1",
    kind: "ConfigMap",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "ConfigMap", metadata: meta("settings", 90), data: { a: "1", b: "2" }, binaryData: { c: "AAE=" } }),
  },
  {
    name: "secret",
    group: "",
    version: "v1",
    kind: "Secret",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "Secret", metadata: meta("tls", 90), type: "kubernetes.io/tls", data: { "tls.crt": "Yw==", "tls.key": "aw==" } }),
  },
  {
    name: "secret opaque",
    group: "",
    version: "v1",
    kind: "Secret",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "Secret", metadata: meta("plain", 90), type: "Opaque" }),
  },
  {
    name: "serviceaccount",
    group: "",
    version: "v1",
    kind: "ServiceAccount",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "ServiceAccount", metadata: meta("builder", 90), secrets: [{ name: "builder-token" }] }),
  },
  {
    name: "endpoints",
    group: "",
    version: "v1",
    kind: "Endpoints",
    namespaced: true,
    object: obj({
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: meta("web", 3 * D),
      subsets: [
        { addresses: [{ ip: "10.1.0.5" }, { ip: "10.1.0.6" }], ports: [{ name: "http", port: 8080, protocol: "TCP" }, { name: "metrics", port: 9090, protocol: "TCP" }] },
        { addresses: [{ ip: "fd00::7" }], ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
      ],
    }),
  },
  {
    name: "endpoints headless",
    group: "",
    version: "v1",
    kind: "Endpoints",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "Endpoints", metadata: meta("db", 3 * D), subsets: [{ addresses: [{ ip: "10.1.0.8" }] }] }),
  },
  {
    name: "endpoints empty",
    group: "",
    version: "v1",
    kind: "Endpoints",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "Endpoints", metadata: meta("none", 3 * D) }),
  },
  {
    name: "event",
    group: "",
    version: "v1",
    kind: "Event",
    namespaced: true,
    object: obj({
      apiVersion: "v1",
      kind: "Event",
      metadata: meta("web-5d7f-abcde.17f1", 5 * M),
      involvedObject: { kind: "Pod", namespace: "default", name: "web-5d7f-abcde", uid: "uid-p", apiVersion: "v1", resourceVersion: "12", fieldPath: "spec.containers{nginx}" },
      reason: "Pulled",
      message: "  Successfully pulled image \"nginx:1.0\"\n",
      source: { component: "kubelet", host: "node-1" },
      firstTimestamp: ago(5 * M),
      lastTimestamp: ago(2 * M),
      count: 4,
      type: "Normal",
      eventTime: null,
      reportingComponent: "kubelet",
      reportingInstance: "node-1",
    }),
  },
  {
    name: "event series",
    group: "",
    version: "v1",
    kind: "Event",
    namespaced: true,
    object: obj({
      apiVersion: "v1",
      kind: "Event",
      metadata: meta("web.17f2", 50 * M),
      involvedObject: { kind: "Deployment", namespace: "default", name: "web", apiVersion: "apps/v1" },
      reason: "ScalingReplicaSet",
      message: "Scaled up replica set web-5d7f to 3",
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: "Normal",
      eventTime: ago(50 * M, true),
      series: { count: 7, lastObservedTime: ago(45, true) },
      action: "ScalingReplicaSet",
      reportingComponent: "deployment-controller",
      reportingInstance: "",
    }),
  },
  {
    name: "event new api singleton",
    group: "",
    version: "v1",
    kind: "Event",
    namespaced: true,
    object: obj({
      apiVersion: "v1",
      kind: "Event",
      metadata: meta("cluster.17f3", 100),
      involvedObject: { kind: "Node" },
      reason: "Starting",
      message: "",
      source: {},
      type: "Warning",
      eventTime: ago(100, true),
      reportingComponent: "berth",
      reportingInstance: "host-a",
    }),
  },
  {
    name: "events.k8s.io event",
    group: "events.k8s.io",
    version: "v1",
    kind: "Event",
    namespaced: true,
    object: obj({
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: meta("db-0.17f4", 20 * M),
      eventTime: ago(20 * M, true),
      series: { count: 3, lastObservedTime: ago(3 * M, true) },
      reportingController: "kubelet",
      reportingInstance: "node-2",
      action: "Killing",
      reason: "Killing",
      regarding: { kind: "Pod", namespace: "default", name: "db-0", uid: "uid-db-0", apiVersion: "v1", fieldPath: "spec.containers{postgres}" },
      note: "Stopping container postgres",
      type: "Normal",
      deprecatedSource: { component: "kubelet", host: "node-2" },
      deprecatedCount: 3,
    }),
  },
  {
    name: "replicationcontroller",
    group: "",
    version: "v1",
    kind: "ReplicationController",
    namespaced: true,
    object: obj({
      apiVersion: "v1",
      kind: "ReplicationController",
      metadata: meta("legacy", 100 * D),
      spec: { replicas: 2, selector: { app: "legacy", "a.b": "x" }, template: template(["old", "older"], { app: "legacy", "a.b": "x" }) },
      status: { replicas: 2, readyReplicas: 1 },
    }),
  },
  {
    name: "podtemplate",
    group: "",
    version: "v1",
    kind: "PodTemplate",
    namespaced: true,
    object: obj({ apiVersion: "v1", kind: "PodTemplate", metadata: meta("tmpl", 100), template: template(["a", "b"], { run: "x", app: "y" }) }),
  },
];

const other: PrinterCase[] = [
  {
    name: "lease",
    group: "coordination.k8s.io",
    version: "v1",
    kind: "Lease",
    namespaced: true,
    object: obj({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: meta("kube-framework", H), spec: { holderIdentity: "berth-1_abc", leaseDurationSeconds: 15 } }),
  },
  {
    name: "lease free",
    group: "coordination.k8s.io",
    version: "v1",
    kind: "Lease",
    namespaced: true,
    object: obj({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: meta("free", H), spec: {} }),
  },
  {
    name: "endpointslice",
    group: "discovery.k8s.io",
    version: "v1",
    kind: "EndpointSlice",
    namespaced: true,
    object: obj({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: meta("web-abc12", 3 * D, { labels: { "kubernetes.io/service-name": "web" } }),
      addressType: "IPv4",
      ports: [{ name: "http", port: 8080, protocol: "TCP" }, { name: "metrics", port: 9090, protocol: "TCP" }, { name: "named", protocol: "TCP" }, { port: 1, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.1.0.5"] }, { addresses: ["10.1.0.6", "10.1.0.7"] }, { addresses: ["10.1.0.8"] }],
    }),
  },
  {
    name: "endpointslice empty",
    group: "discovery.k8s.io",
    version: "v1",
    kind: "EndpointSlice",
    namespaced: true,
    object: obj({ apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: meta("web-empty", 3 * D), addressType: "IPv6", ports: null, endpoints: [] }),
  },
  {
    name: "pdb min",
    group: "policy",
    version: "v1",
    kind: "PodDisruptionBudget",
    namespaced: true,
    object: obj({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: meta("web", 8 * D),
      spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } },
      status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 },
    }),
  },
  {
    name: "pdb max",
    group: "policy",
    version: "v1",
    kind: "PodDisruptionBudget",
    namespaced: true,
    object: obj({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta("db", 8 * D), spec: { maxUnavailable: "25%", selector: { matchLabels: { app: "db" } } }, status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } }),
  },
  {
    name: "rolebinding",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    kind: "RoleBinding",
    namespaced: true,
    object: obj({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta("readers", 30 * D),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [
        { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "alice" },
        { kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "devs" },
        { kind: "ServiceAccount", name: "ci", namespace: "tools" },
        { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "bob" },
      ],
    }),
  },
  {
    name: "clusterrolebinding",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    kind: "ClusterRoleBinding",
    namespaced: false,
    object: obj({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: clusterMeta("admins", 30 * D),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
    }),
  },
  {
    name: "role",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    kind: "Role",
    namespaced: true,
    object: obj({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta("reader", 30 * D), rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] }),
  },
  {
    name: "clusterrole",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    kind: "ClusterRole",
    namespaced: false,
    object: obj({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: clusterMeta("view", 30 * D), rules: [] }),
  },
  {
    name: "priorityclass",
    group: "scheduling.k8s.io",
    version: "v1",
    kind: "PriorityClass",
    namespaced: false,
    object: obj({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: clusterMeta("high", 30 * D), value: 1000000, globalDefault: true, preemptionPolicy: "Never", description: "x" }),
  },
  {
    name: "priorityclass default policy",
    group: "scheduling.k8s.io",
    version: "v1",
    kind: "PriorityClass",
    namespaced: false,
    object: obj({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: clusterMeta("low", 30 * D), value: -5 }),
  },
];

export const printerCases: PrinterCase[] = [...pods, ...services, ...apps, ...batch, ...core, ...other];

/** Field labels whose conversion is checked for every kind. */
export const fieldLabelsToTry = [
  "metadata.name",
  "metadata.namespace",
  "spec.nodeName",
  "spec.host",
  "spec.restartPolicy",
  "spec.schedulerName",
  "spec.serviceAccountName",
  "spec.hostNetwork",
  "status.phase",
  "status.podIP",
  "status.podIPs",
  "status.nominatedNodeName",
  "spec.unschedulable",
  "status.replicas",
  "status.successful",
  "type",
  "spec.type",
  "spec.clusterIP",
  "involvedObject.kind",
  "involvedObject.name",
  "involvedObject.fieldPath",
  "regarding.name",
  "regarding.kind",
  "reportingController",
  "reportingComponent",
  "source",
  "reason",
  "name",
  "spec.foo",
  "",
];
