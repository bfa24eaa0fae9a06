/**
 * The exact protobuf bodies the real kubectl v1.35 sends for `kubectl create ...`, decoded to
 * JSON. Expected objects are what k8s.io/apimachinery's protobuf serializer decodes the same
 * bytes to, marshalled with encoding/json (checked once with a Go program; equal to the JSON
 * kubectl sends with --output json).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { decodeProtobufObject } from "../../src/k8s-api/protobuf/index.js";
import { KUBECTL, startCaptureServer, type CaptureServer } from "./capture.js";

interface Case {
  args: string[];
  path: string;
  expected: unknown;
}

const V = "--validate=false";

function cases(dir: string): Case[] {
  const bin = join(dir, "bin.dat");
  const txt = join(dir, "txt.txt");
  return [
    {
      args: ["create", "configmap", "x2", "--from-literal=a=b", V],
      path: "/api/v1/namespaces/default/configmaps",
      expected: { kind: "ConfigMap", apiVersion: "v1", metadata: { name: "x2" }, data: { a: "b" } },
    },
    {
      args: ["create", "configmap", "files", `--from-file=${bin}`, `--from-file=${txt}`, V],
      path: "/api/v1/namespaces/default/configmaps",
      expected: { kind: "ConfigMap", apiVersion: "v1", metadata: { name: "files" }, data: { "txt.txt": "hello\nworld\n" }, binaryData: { "bin.dat": "AAEC//4K" } },
    },
    {
      args: ["create", "secret", "generic", "s1", "--from-literal=user=admin", "--from-literal=pw=", "--type=Opaque", V],
      path: "/api/v1/namespaces/default/secrets",
      expected: { kind: "Secret", apiVersion: "v1", metadata: { name: "s1" }, data: { pw: "", user: "YWRtaW4=" }, type: "Opaque" },
    },
    {
      args: ["create", "secret", "docker-registry", "reg", "--docker-server=r.io", "--docker-username=u", "--docker-password=p", V],
      path: "/api/v1/namespaces/default/secrets",
      expected: {
        kind: "Secret",
        apiVersion: "v1",
        metadata: { name: "reg" },
        data: { ".dockerconfigjson": Buffer.from('{"auths":{"r.io":{"username":"u","password":"p","auth":"dTpw"}}}').toString("base64") },
        type: "kubernetes.io/dockerconfigjson",
      },
    },
    {
      args: ["create", "namespace", "ns1", V],
      path: "/api/v1/namespaces",
      expected: { kind: "Namespace", apiVersion: "v1", metadata: { name: "ns1" }, spec: {}, status: {} },
    },
    {
      args: ["create", "deployment", "web", "--image=nginx", "--replicas=3", "--port=80", V],
      path: "/apis/apps/v1/namespaces/default/deployments",
      expected: {
        kind: "Deployment",
        apiVersion: "apps/v1",
        metadata: { name: "web", labels: { app: "web" } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }], resources: {} }] } },
          strategy: {},
        },
        status: {},
      },
    },
    {
      // replicas is a pointer: 0 is kept.
      args: ["create", "deployment", "zero", "--image=nginx", "--replicas=0", V],
      path: "/apis/apps/v1/namespaces/default/deployments",
      expected: {
        kind: "Deployment",
        apiVersion: "apps/v1",
        metadata: { name: "zero", labels: { app: "zero" } },
        spec: { replicas: 0, selector: { matchLabels: { app: "zero" } }, template: { metadata: { labels: { app: "zero" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] } }, strategy: {} },
        status: {},
      },
    },
    {
      args: ["create", "service", "clusterip", "svc", "--tcp=80:8080", V],
      path: "/api/v1/namespaces/default/services",
      expected: {
        kind: "Service",
        apiVersion: "v1",
        metadata: { name: "svc", labels: { app: "svc" } },
        spec: { ports: [{ name: "80-8080", protocol: "TCP", port: 80, targetPort: 8080 }], selector: { app: "svc" }, type: "ClusterIP" },
        status: { loadBalancer: {} },
      },
    },
    {
      args: ["create", "service", "nodeport", "np", "--tcp=80:http", "--node-port=30080", V],
      path: "/api/v1/namespaces/default/services",
      expected: {
        kind: "Service",
        apiVersion: "v1",
        metadata: { name: "np", labels: { app: "np" } },
        spec: { ports: [{ name: "80-http", protocol: "TCP", port: 80, targetPort: "http", nodePort: 30080 }], selector: { app: "np" }, type: "NodePort" },
        status: { loadBalancer: {} },
      },
    },
    {
      args: ["create", "service", "clusterip", "headless", "--clusterip=None", V],
      path: "/api/v1/namespaces/default/services",
      expected: { kind: "Service", apiVersion: "v1", metadata: { name: "headless", labels: { app: "headless" } }, spec: { selector: { app: "headless" }, clusterIP: "None", type: "ClusterIP" }, status: { loadBalancer: {} } },
    },
    {
      args: ["create", "job", "j1", "--image=busybox", V, "--", "echo", "hi"],
      path: "/apis/batch/v1/namespaces/default/jobs",
      expected: {
        kind: "Job",
        apiVersion: "batch/v1",
        metadata: { name: "j1" },
        spec: { template: { metadata: {}, spec: { containers: [{ name: "j1", image: "busybox", command: ["echo", "hi"], resources: {} }], restartPolicy: "Never" } } },
        status: {},
      },
    },
    {
      args: ["create", "cronjob", "cj", "--image=busybox", "--schedule=*/1 * * * *", V],
      path: "/apis/batch/v1/namespaces/default/cronjobs",
      expected: {
        kind: "CronJob",
        apiVersion: "batch/v1",
        metadata: { name: "cj" },
        spec: {
          schedule: "*/1 * * * *",
          jobTemplate: { metadata: { name: "cj" }, spec: { template: { metadata: {}, spec: { containers: [{ name: "cj", image: "busybox", resources: {} }], restartPolicy: "OnFailure" } } } },
        },
        status: {},
      },
    },
    {
      args: ["create", "role", "r1", "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=a", V],
      path: "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
      expected: {
        kind: "Role",
        apiVersion: "rbac.authorization.k8s.io/v1",
        metadata: { name: "r1" },
        rules: [
          { verbs: ["get", "list"], apiGroups: [""], resources: ["pods"], resourceNames: ["a"] },
          { verbs: ["get", "list"], apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["a"] },
        ],
      },
    },
    {
      args: ["create", "rolebinding", "rb1", "--role=r1", "--user=bob", "--serviceaccount=default:sa1", "--group=g", V],
      path: "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings",
      expected: {
        kind: "RoleBinding",
        apiVersion: "rbac.authorization.k8s.io/v1",
        metadata: { name: "rb1" },
        subjects: [
          { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "bob" },
          { kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "g" },
          { kind: "ServiceAccount", name: "sa1", namespace: "default" },
        ],
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r1" },
      },
    },
    {
      args: ["create", "clusterrole", "cr1", "--verb=get", "--non-resource-url=/logs/*", V],
      path: "/apis/rbac.authorization.k8s.io/v1/clusterroles",
      expected: { kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1", metadata: { name: "cr1" }, rules: [{ verbs: ["get"], nonResourceURLs: ["/logs/*"] }] },
    },
    {
      args: ["create", "clusterrolebinding", "crb1", "--clusterrole=cr1", "--user=alice", V],
      path: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
      expected: {
        kind: "ClusterRoleBinding",
        apiVersion: "rbac.authorization.k8s.io/v1",
        metadata: { name: "crb1" },
        subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "alice" }],
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cr1" },
      },
    },
    {
      args: ["create", "serviceaccount", "sa1", V],
      path: "/api/v1/namespaces/default/serviceaccounts",
      expected: { kind: "ServiceAccount", apiVersion: "v1", metadata: { name: "sa1" } },
    },
    {
      // globalDefault=false is a non-pointer bool with omitempty: dropped.
      args: ["create", "priorityclass", "high", "--value=1000", "--global-default=false", "--description=hi", "--preemption-policy=Never", V],
      path: "/apis/scheduling.k8s.io/v1/priorityclasses",
      expected: { kind: "PriorityClass", apiVersion: "scheduling.k8s.io/v1", metadata: { name: "high" }, value: 1000, description: "hi", preemptionPolicy: "Never" },
    },
    {
      args: ["create", "poddisruptionbudget", "pdb1", "--selector=app=web", "--min-available=50%", V],
      path: "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
      expected: {
        kind: "PodDisruptionBudget",
        apiVersion: "policy/v1",
        metadata: { name: "pdb1" },
        spec: { minAvailable: "50%", selector: { matchLabels: { app: "web" } } },
        status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
      },
    },
    {
      args: ["create", "poddisruptionbudget", "pdb2", "--selector=app=web", "--max-unavailable=1", V],
      path: "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
      expected: {
        kind: "PodDisruptionBudget",
        apiVersion: "policy/v1",
        metadata: { name: "pdb2" },
        spec: { selector: { matchLabels: { app: "web" } }, maxUnavailable: 1 },
        status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
      },
    },
  ];
}

describe("protobuf: bodies sent by the real kubectl", function () {
  this.timeout(120_000);
  let server: CaptureServer;
  let dir: string;
  before(async function () {
    if (!existsSync(KUBECTL)) throw new Error(`${KUBECTL} is missing: run npm ci`);
    server = await startCaptureServer();
    dir = mkdtempSync(join(tmpdir(), "berth-proto-files-"));
    writeFileSync(join(dir, "bin.dat"), Buffer.from([0, 1, 2, 255, 254, 10]));
    writeFileSync(join(dir, "txt.txt"), "hello\nworld\n");
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const i of cases("<dir>").keys()) {
    const title = cases("<dir>")[i]!.args.filter((a) => a !== V && a !== "--").join(" ").replaceAll("<dir>/", "");
    it(`kubectl ${title}`, async () => {
      const c = cases(dir)[i]!;
      const r = await server.kubectl(...c.args);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.writes).to.have.length(1);
      const w = r.writes[0]!;
      expect(w.method).to.equal("POST");
      expect(w.url.split("?")[0]).to.equal(c.path);
      expect(w.contentType).to.equal("application/vnd.kubernetes.protobuf");
      expect(decodeProtobufObject(w.body)).to.deep.equal(c.expected);
    });
  }
});
