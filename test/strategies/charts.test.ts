/** The objects `helm create` and `kubectl create ...` produce must pass unchanged. */
import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { create, info, lines, update } from "./helpers.js";

const chartLabels = { "helm.sh/chart": "mychart-0.1.0", "app.kubernetes.io/name": "mychart", "app.kubernetes.io/instance": "rel", "app.kubernetes.io/version": "1.16.0", "app.kubernetes.io/managed-by": "Helm" };
const selectorLabels = { "app.kubernetes.io/name": "mychart", "app.kubernetes.io/instance": "rel" };

const objects: { group: string; kind: string; obj: KubeObject }[] = [
  { group: "", kind: "ServiceAccount", obj: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "rel-mychart", labels: chartLabels }, automountServiceAccountToken: true } },
  {
    group: "",
    kind: "Service",
    obj: { apiVersion: "v1", kind: "Service", metadata: { name: "rel-mychart", labels: chartLabels }, spec: { type: "ClusterIP", ports: [{ port: 80, targetPort: "http", protocol: "TCP", name: "http" }], selector: selectorLabels } },
  },
  {
    group: "apps",
    kind: "Deployment",
    obj: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "rel-mychart", labels: chartLabels },
      spec: {
        replicas: 1,
        selector: { matchLabels: selectorLabels },
        template: {
          metadata: { labels: chartLabels },
          spec: {
            serviceAccountName: "rel-mychart",
            securityContext: {},
            containers: [
              {
                name: "mychart",
                securityContext: {},
                image: "nginx:1.16.0",
                imagePullPolicy: "IfNotPresent",
                ports: [{ name: "http", containerPort: 80, protocol: "TCP" }],
                livenessProbe: { httpGet: { path: "/", port: "http" } },
                readinessProbe: { httpGet: { path: "/", port: "http" } },
                resources: {},
              },
            ],
          },
        },
      },
    },
  },
  {
    group: "",
    kind: "Pod",
    obj: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "rel-mychart-test-connection", labels: chartLabels, annotations: { "helm.sh/hook": "test" } },
      spec: { containers: [{ name: "wget", image: "busybox", command: ["wget"], args: ["rel-mychart:80"] }], restartPolicy: "Never" },
    },
  },
  {
    group: "batch",
    kind: "CronJob",
    obj: {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "tick" },
      spec: { jobTemplate: { metadata: { name: "tick" }, spec: { template: { metadata: {}, spec: { containers: [{ image: "busybox", name: "tick", resources: {} }], restartPolicy: "OnFailure" } } } }, schedule: "*/1 * * * *" },
      status: {},
    },
  },
  { group: "", kind: "ConfigMap", obj: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { "app.properties": "a=b\n" } } },
  { group: "", kind: "Secret", obj: { apiVersion: "v1", kind: "Secret", metadata: { name: "creds" }, data: { password: "czNjcjN0" }, type: "Opaque" } },
  { group: "", kind: "Namespace", obj: { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" }, spec: {}, status: {} } },
  { group: "rbac.authorization.k8s.io", kind: "Role", obj: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }] } },
  {
    group: "rbac.authorization.k8s.io",
    kind: "RoleBinding",
    obj: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "read-pods" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "jane" }] },
  },
  { group: "policy", kind: "PodDisruptionBudget", obj: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } } }, status: {} } },
  { group: "scheduling.k8s.io", kind: "PriorityClass", obj: { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000, globalDefault: false, description: "x" } },
  {
    group: "apps",
    kind: "StatefulSet",
    obj: {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db" },
      spec: {
        serviceName: "db",
        replicas: 2,
        selector: { matchLabels: { app: "db" } },
        template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "postgres:16", volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }] }] } },
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      },
    },
  },
];

describe("strategies: chart and kubectl objects", () => {
  for (const o of objects)
    it(`accepts ${o.kind} ${o.obj.metadata?.name} and an identical replace`, () => {
      const r = info(o.group, o.kind);
      const res = create(r, o.obj);
      expect(lines(res.causes)).to.deep.equal([]);
      // As upstream, a pod cannot be replaced by its manifest: admission filled in fields the manifest lacks.
      if (o.kind === "Pod") return;
      const again = update(r, o.obj, res.obj);
      expect(lines(again.causes)).to.deep.equal([]);
      if (o.kind !== "Service") expect(again.obj.metadata?.generation).to.equal(res.obj.metadata?.generation);
    });
});

describe("strategies: robustness", () => {
  it("never throws on sparse or odd objects, only reports causes", async () => {
    const { RESOURCES } = await import("../../src/k8s-api/registry/resources.js");
    const odd: KubeObject[] = [
      { metadata: { name: "x" } },
      { metadata: { name: "x" }, spec: null, status: null },
      { metadata: { name: "x" }, spec: { template: null, selector: null, containers: null, ports: "nope" }, data: null },
      { metadata: { name: "x" }, spec: { template: { spec: { containers: [null, 3, { ports: [null] }] } } } },
    ];
    for (const r of RESOURCES)
      for (const o of odd) {
        const res = create(r, o);
        expect(res.causes, `${r.kind}`).to.be.an("array");
        update(r, o, res.obj);
      }
  });
});
