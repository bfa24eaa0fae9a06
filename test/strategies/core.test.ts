import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { computePodQOS, eventsV1Conversion, podBindingStrategy } from "../../src/k8s-api/registry/strategies/index.js";
import { imageTag } from "../../src/k8s-api/registry/strategies/defaults.js";
import { clone, create, created, info, lines, update, updateStatus } from "./helpers.js";

const POD = info("", "Pod");
const SVC = info("", "Service");
const NS = info("", "Namespace");
const CM = info("", "ConfigMap");
const SECRET = info("", "Secret");
const EVENT = info("", "Event");
const EVENTS_V1 = info("events.k8s.io", "Event");
const NODE = info("", "Node");
const RC = info("", "ReplicationController");

const pod = (spec: Record<string, unknown> = {}, name = "web"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, labels: { run: name } },
  spec: { containers: [{ name: "web", image: "nginx", resources: {} }], ...spec },
});

describe("strategies: core/v1", () => {
  describe("Pod", () => {
    it("defaults a kubectl run pod as kube-apiserver and its admission plugins do", () => {
      const obj = created(POD, pod());
      expect(obj.metadata?.generation).to.equal(1);
      expect(obj.spec).to.deep.equal({
        containers: [{ name: "web", image: "nginx", resources: {}, imagePullPolicy: "Always", terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File" }],
        dnsPolicy: "ClusterFirst",
        enableServiceLinks: true,
        preemptionPolicy: "PreemptLowerPriority",
        priority: 0,
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        securityContext: {},
        serviceAccount: "default",
        serviceAccountName: "default",
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
          { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        ],
      });
      expect(obj.status).to.deep.equal({ phase: "Pending", qosClass: "BestEffort" });
    });

    it("defaults ports, probes, volumes and pull policies", () => {
      const obj = created(
        POD,
        pod({
          containers: [
            {
              name: "app",
              image: "registry.local:5000/team/app:1.2",
              ports: [{ containerPort: 8080 }],
              livenessProbe: { httpGet: { port: 8080 } },
              env: [{ name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
              volumeMounts: [{ name: "cfg", mountPath: "/cfg" }],
            },
          ],
          volumes: [{ name: "cfg", configMap: { name: "app" } }, { name: "scratch" }],
          tolerations: [{ operator: "Exists" }],
        }),
      );
      const c = (obj.spec as { containers: Record<string, unknown>[] }).containers[0]!;
      expect(c.imagePullPolicy).to.equal("IfNotPresent");
      expect(c.ports).to.deep.equal([{ containerPort: 8080, protocol: "TCP" }]);
      expect(c.livenessProbe).to.deep.equal({ httpGet: { port: 8080, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
      expect(c.env).to.deep.equal([{ name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName", apiVersion: "v1" } } }]);
      expect((obj.spec as { volumes: unknown }).volumes).to.deep.equal([
        { name: "cfg", configMap: { name: "app", defaultMode: 420 } },
        { name: "scratch", emptyDir: {} },
      ]);
      // A toleration of every NoExecute taint already covers both defaults.
      expect((obj.spec as { tolerations: unknown }).tolerations).to.deep.equal([{ operator: "Exists" }]);
    });

    const pullPolicies: [string, string][] = [
      ["nginx", "latest"],
      ["nginx:latest", "latest"],
      ["nginx:1.27", "1.27"],
      ["docker.io/library/nginx", "latest"],
      ["localhost:5000/app", "latest"],
      ["nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ""],
      ["Nginx", ""],
    ];
    for (const [image, tag] of pullPolicies) it(`finds tag ${JSON.stringify(tag)} in ${image}`, () => expect(imageTag(image)).to.equal(tag));

    it("computes the QoS class", () => {
      const withResources = (resources: Record<string, unknown>) => ({ spec: { containers: [{ name: "a", image: "x", resources }] } });
      expect(computePodQOS(withResources({}) as never)).to.equal("BestEffort");
      expect(computePodQOS(withResources({ requests: { cpu: "100m" } }) as never)).to.equal("Burstable");
      expect(computePodQOS(withResources({ requests: { cpu: "0.5", memory: "1Gi" }, limits: { cpu: "500m", memory: "1073741824" } }) as never)).to.equal("Guaranteed");
      // Limits only: requests default to limits, so the pod is Guaranteed.
      const obj = created(POD, pod({ containers: [{ name: "a", image: "x", resources: { limits: { cpu: "1", memory: "64Mi" } } }] }));
      expect((obj.status as { qosClass: string }).qosClass).to.equal("Guaranteed");
    });

    const invalid: { name: string; spec: Record<string, unknown>; want: string[] }[] = [
      { name: "no containers", spec: { containers: [] }, want: ["spec.containers: Required value"] },
      {
        name: "container without name and image",
        spec: { containers: [{}] },
        want: ["spec.containers[0].name: Required value", "spec.containers[0].image: Required value"],
      },
      {
        name: "bad container name",
        spec: { containers: [{ name: "Web_1", image: "nginx" }] },
        want: [
          `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        ],
      },
      {
        name: "port out of range",
        spec: { containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 70000 }] }] },
        want: ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"],
      },
      {
        name: "duplicate container names",
        spec: { containers: [{ name: "a", image: "x" }, { name: "a", image: "y" }] },
        want: [`spec.containers[1].name: Duplicate value: "a"`],
      },
      {
        name: "mount of a missing volume",
        spec: { containers: [{ name: "a", image: "x", volumeMounts: [{ name: "data", mountPath: "/data" }] }] },
        want: [`spec.containers[0].volumeMounts[0].name: Not found: "data"`],
      },
      {
        name: "bad restart policy",
        spec: { restartPolicy: "Sometimes" },
        want: [`spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"`],
      },
      {
        name: "requests above limits",
        spec: { containers: [{ name: "a", image: "x", resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } }] },
        want: [`spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`],
      },
      {
        name: "volume with two sources",
        spec: { volumes: [{ name: "v", emptyDir: {}, secret: { secretName: "s" } }] },
        want: ["spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type"],
      },
    ];
    for (const t of invalid)
      it(`rejects a pod with ${t.name}`, () => {
        expect(lines(create(POD, pod(t.spec)).causes)).to.deep.equal(t.want);
      });

    it("rejects a pod without a name", () => {
      const res = create(POD, { metadata: {}, spec: { containers: [{ name: "a", image: "x" }] } });
      expect(lines(res.causes)).to.deep.equal(["metadata.name: Required value: name or generateName is required"]);
    });

    it("allows only image, activeDeadlineSeconds and added tolerations to change", () => {
      const old = created(POD, pod());
      const newImage = clone(old);
      (newImage.spec as { containers: { image: string }[] }).containers[0]!.image = "nginx:1.27";
      const ok = update(POD, newImage, old);
      expect(ok.causes).to.deep.equal([]);
      expect(ok.obj.metadata?.generation).to.equal(2);

      const addTol = clone(old);
      (addTol.spec as { tolerations: unknown[] }).tolerations.push({ key: "gpu", operator: "Exists", effect: "NoSchedule" });
      expect(update(POD, addTol, old).causes).to.deep.equal([]);

      const labels = clone(old);
      labels.metadata!.labels = { run: "web", tier: "front" };
      const relabel = update(POD, labels, old);
      expect(relabel.causes).to.deep.equal([]);
      expect(relabel.obj.metadata?.generation).to.equal(1);

      const restart = clone(old);
      (restart.spec as Record<string, unknown>).restartPolicy = "Never";
      const bad = lines(update(POD, restart, old).causes);
      expect(bad).to.have.length(1);
      expect(bad[0]).to.match(
        /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
      );
      expect(bad[0]).to.contain("RestartPolicy");

      const removeTol = clone(old);
      (removeTol.spec as { tolerations: unknown[] }).tolerations = [];
      expect(lines(update(POD, removeTol, old).causes)).to.deep.equal(["spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds"]);
    });

    it("keeps status on spec writes and spec on status writes", () => {
      const old = created(POD, pod());
      const spoof = clone(old);
      spoof.status = { phase: "Running" };
      expect((update(POD, spoof, old).obj.status as { phase: string }).phase).to.equal("Pending");

      const running = clone(old);
      running.status = { phase: "Running", podIP: "127.0.0.1" };
      (running.spec as Record<string, unknown>).restartPolicy = "Never";
      const res = updateStatus(POD, running, old);
      expect(res.causes).to.deep.equal([]);
      expect(res.obj.status).to.deep.equal({ phase: "Running", podIP: "127.0.0.1", qosClass: "BestEffort" });
      expect((res.obj.spec as { restartPolicy: string }).restartPolicy).to.equal("Always");
    });

    it("accepts the binding write (nodeName with PodScheduled) but not a plain nodeName change", () => {
      const old = created(POD, pod());
      const bound = clone(old);
      (bound.spec as Record<string, unknown>).nodeName = "agent-1";
      bound.status = { ...(old.status as object), conditions: [{ type: "PodScheduled", status: "True" }] };
      expect(update(POD, bound, old, { merge: (i) => i }).causes).to.deep.equal([]);
      const moved = clone(old);
      (moved.spec as Record<string, unknown>).nodeName = "agent-1";
      expect(lines(update(POD, moved, old).causes)[0]).to.match(/^spec: Forbidden: pod updates may not change fields/);
    });

    it("validates a status write as ValidatePodStatusUpdate: status and metadata, not the stored spec", () => {
      const old = created(POD, pod());
      // A stored spec that validatePod would refuse now (written before a rule existed): upstream's status writes do not look at it.
      (old.spec as { containers: { image: string }[] }).containers[0]!.image = " nginx ";
      const running = clone(old);
      running.status = { ...(old.status as object), phase: "Running" };
      expect(updateStatus(POD, running, old).causes).to.deep.equal([]);
      expect(lines(update(POD, clone(old), old).causes)).to.deep.equal(['spec.containers[0].image: Invalid value: " nginx ": must not have leading or trailing whitespace', 'spec.containers[0].image: Invalid value: " nginx ": must not have leading or trailing whitespace']);
      const bad = clone(old);
      bad.status = { ...(old.status as object), qosClass: "Guaranteed", hostIP: "10.0.0.1", hostIPs: [{ ip: "10.0.0.2" }] };
      bad.metadata!.annotations = { "kubernetes.io/config.mirror": "m" };
      expect(lines(updateStatus(POD, bad, old).causes)).to.deep.equal([
        'status.qosClass: Invalid value: "Guaranteed": field is immutable',
        'status.hostIPs[0].ip: Invalid value: "10.0.0.2": must be equal to `hostIP`',
        "metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"m\": must set spec.nodeName if mirror pod annotation is set",
        "metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation",
      ]);
    });

    it("validates a binding for the node name and the pod update rules only", () => {
      const old = created(POD, pod());
      const bind = (node: string, from = old) => {
        const b = clone(from);
        (b.spec as Record<string, unknown>).nodeName = node;
        b.status = { ...(from.status as object), conditions: [{ type: "PodScheduled", status: "True" }] };
        return b;
      };
      expect(update(POD, bind("agent-1"), old, podBindingStrategy).causes).to.deep.equal([]);
      expect(lines(update(POD, bind("Agent_1"), old, podBindingStrategy).causes)).to.have.length(1).and.to.match(/^spec\.nodeName: Invalid value: "Agent_1": a lowercase RFC 1123 subdomain/);
      // Already marked scheduled: not the binding write validatePodUpdate lets through.
      const scheduled = clone(old);
      scheduled.status = { ...(old.status as object), conditions: [{ type: "PodScheduled", status: "True" }] };
      expect(lines(update(POD, bind("agent-1", scheduled), scheduled, podBindingStrategy).causes)[0]).to.match(/^spec: Forbidden: pod updates may not change fields/);
    });

    it("computes the deletion grace period as CheckGracefulDelete", () => {
      const p = created(POD, pod());
      expect(POD.strategy.deletionGracePeriod?.(p, undefined)).to.equal(0); // unscheduled
      (p.spec as Record<string, unknown>).nodeName = "agent-1";
      expect(POD.strategy.deletionGracePeriod?.(p, undefined)).to.equal(30);
      expect(POD.strategy.deletionGracePeriod?.(p, 5)).to.equal(5);
      (p.status as Record<string, unknown>).phase = "Succeeded";
      expect(POD.strategy.deletionGracePeriod?.(p, 5)).to.equal(0);
    });
  });

  describe("Service", () => {
    const svc = (spec: Record<string, unknown>, name = "web"): KubeObject => ({ metadata: { name }, spec });

    it("defaults a kubectl create service clusterip", () => {
      const obj = create(SVC, svc({ ports: [{ name: "80-80", port: 80 }], selector: { app: "web" } })).obj;
      expect(obj.spec).to.deep.equal({
        ports: [{ name: "80-80", port: 80, protocol: "TCP", targetPort: 80 }],
        selector: { app: "web" },
        sessionAffinity: "None",
        type: "ClusterIP",
        internalTrafficPolicy: "Cluster",
        ipFamilyPolicy: "SingleStack",
        ipFamilies: ["IPv4"],
      });
      expect(obj.status).to.deep.equal({ loadBalancer: {} });
    });

    it("defaults NodePort and LoadBalancer traffic policies", () => {
      const np = create(SVC, svc({ type: "NodePort", ports: [{ port: 80 }] })).obj;
      expect(np.spec).to.include({ externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster" });
      const lb = create(SVC, svc({ type: "LoadBalancer", ports: [{ port: 80 }] })).obj;
      expect(lb.spec).to.include({ allocateLoadBalancerNodePorts: true, externalTrafficPolicy: "Cluster" });
    });

    it("gives headless services without a selector both families", () => {
      const obj = created(SVC, svc({ clusterIP: "None" }));
      expect(obj.spec).to.include({ clusterIP: "None", ipFamilyPolicy: "RequireDualStack" });
      expect((obj.spec as { clusterIPs: string[]; ipFamilies: string[] }).clusterIPs).to.deep.equal(["None"]);
      expect((obj.spec as { ipFamilies: string[] }).ipFamilies).to.deep.equal(["IPv4", "IPv6"]);
    });

    const invalid: { name: string; svc: KubeObject; want: string[] }[] = [
      { name: "no ports", svc: svc({ selector: { app: "x" } }), want: ["spec.ports: Required value"] },
      {
        name: "a name that is not a DNS-1035 label",
        svc: svc({ ports: [{ port: 80 }] }, "1web"),
        want: [
          `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
        ],
      },
      {
        name: "two unnamed ports",
        svc: svc({ ports: [{ port: 80 }, { port: 443 }] }),
        want: ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"],
      },
      { name: "port 0", svc: svc({ ports: [{ port: 0, targetPort: 80 }] }), want: ["spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"] },
      {
        name: "a node port on a ClusterIP service",
        svc: svc({ ports: [{ port: 80, nodePort: 30080 }] }),
        want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
      },
      { name: "an unknown type", svc: svc({ type: "Magic", ports: [{ port: 80 }] }), want: [`spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`] },
    ];
    for (const t of invalid) it(`rejects a service with ${t.name}`, () => expect(lines(create(SVC, t.svc).causes)).to.deep.equal(t.want));

    it("keeps the allocated clusterIP when a manifest is resubmitted, and refuses to change it", () => {
      const made = create(SVC, svc({ ports: [{ port: 80 }], selector: { app: "web" } })).obj;
      // What the registry's allocator does before storing.
      Object.assign(made.spec as object, { clusterIP: "127.96.0.10", clusterIPs: ["127.96.0.10"] });
      const again = update(SVC, svc({ ports: [{ port: 80 }], selector: { app: "web" } }), made);
      expect(again.causes).to.deep.equal([]);
      expect(again.obj.spec).to.include({ clusterIP: "127.96.0.10" });
      const moved = update(SVC, svc({ clusterIP: "127.96.0.11", ports: [{ port: 80 }], selector: { app: "web" } }), made);
      expect(lines(moved.causes)).to.deep.equal([`spec.clusterIPs[0]: Invalid value: []string{"127.96.0.11"}: may not change once set`]);
    });
  });

  describe("Namespace", () => {
    it("adds the kubernetes finalizer, phase Active and the name label", () => {
      const obj = created(NS, { metadata: { name: "team-a" } });
      expect(obj.metadata?.labels).to.deep.equal({ "kubernetes.io/metadata.name": "team-a" });
      expect(obj.spec).to.deep.equal({ finalizers: ["kubernetes"] });
      expect(obj.status).to.deep.equal({ phase: "Active" });
    });

    it("validates names as DNS labels", () => {
      expect(lines(create(NS, { metadata: { name: "team.a" } }).causes)).to.deep.equal([`metadata.name: Invalid value: "team.a": must not contain dots`]);
    });

    it("keeps spec.finalizers and status on update", () => {
      const old = created(NS, { metadata: { name: "team-a" } });
      const res = update(NS, { metadata: { name: "team-a", labels: { env: "dev" } }, spec: { finalizers: [] }, status: { phase: "Terminating" } }, old);
      expect(res.causes).to.deep.equal([]);
      expect(res.obj.spec).to.deep.equal({ finalizers: ["kubernetes"] });
      expect(res.obj.status).to.deep.equal({ phase: "Active" });
      expect(res.obj.metadata?.labels).to.deep.equal({ env: "dev", "kubernetes.io/metadata.name": "team-a" });
    });
  });

  describe("ConfigMap and Secret", () => {
    it("validates data keys", () => {
      expect(lines(create(CM, { metadata: { name: "c" }, data: { "bad key": "x", "..": "y" } }).causes)).to.deep.equal([
        `data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
        `data[..]: Invalid value: "..": must not be '..'`,
      ]);
    });

    it("limits a ConfigMap to 1 MiB", () => {
      expect(lines(create(CM, { metadata: { name: "c" }, data: { big: "x".repeat(1024 * 1024 + 1) } }).causes)).to.deep.equal(["Too long: may not be more than 1048576 bytes"]);
    });

    it("freezes immutable ConfigMaps", () => {
      const old = created(CM, { metadata: { name: "c" }, data: { a: "1" }, immutable: true });
      expect(lines(update(CM, { metadata: { name: "c" }, data: { a: "2" }, immutable: true }, old).causes)).to.deep.equal(["data: Forbidden: field is immutable when `immutable` is set"]);
      expect(lines(update(CM, { metadata: { name: "c" }, data: { a: "1" } }, old).causes)).to.deep.equal(["immutable: Forbidden: field is immutable when `immutable` is set"]);
    });

    it("defaults type Opaque and folds stringData into data", () => {
      const obj = created(SECRET, { metadata: { name: "s" }, data: { a: "eA==" }, stringData: { b: "hello" } });
      expect(obj).to.deep.include({ type: "Opaque", data: { a: "eA==", b: "aGVsbG8=" } });
      expect(obj).not.to.have.property("stringData");
    });

    it("checks well-known secret types and keeps type immutable", () => {
      expect(lines(create(SECRET, { metadata: { name: "s" }, type: "kubernetes.io/tls", data: {} }).causes)).to.deep.equal(["data[tls.crt]: Required value", "data[tls.key]: Required value"]);
      const old = created(SECRET, { metadata: { name: "s" } });
      expect(lines(update(SECRET, { metadata: { name: "s" }, type: "kubernetes.io/basic-auth", data: { username: "dQ==" } }, old).causes)).to.deep.equal([
        `type: Invalid value: "kubernetes.io/basic-auth": field is immutable`,
      ]);
    });
  });

  describe("ReplicationController and Node", () => {
    it("defaults an RC's selector and labels from its template", () => {
      const obj = created(RC, { metadata: { name: "rc" }, spec: { template: { metadata: { labels: { app: "a" } }, spec: { containers: [{ name: "a", image: "x" }] } } } });
      expect(obj.metadata?.labels).to.deep.equal({ app: "a" });
      expect(obj.spec).to.include({ replicas: 1 });
      expect((obj.spec as { selector: unknown }).selector).to.deep.equal({ app: "a" });
    });

    it("keeps node status given on create and defaults allocatable", () => {
      const obj = created(NODE, { metadata: { name: "agent-1" }, status: { capacity: { cpu: "4", memory: "32Gi", pods: "110" } } });
      expect(obj.status).to.deep.equal({ capacity: { cpu: "4", memory: "32Gi", pods: "110" }, allocatable: { cpu: "4", memory: "32Gi", pods: "110" } });
    });
  });

  describe("Events", () => {
    const coreEvent: KubeObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "web.1", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web", namespace: "default" },
      reason: "Scheduled",
      message: "Successfully assigned default/web to agent-1",
      source: { component: "default-scheduler" },
      firstTimestamp: "2025-01-01T00:00:00Z",
      lastTimestamp: "2025-01-01T00:00:01Z",
      count: 2,
      type: "Normal",
      reportingComponent: "default-scheduler",
      reportingInstance: "",
    };

    it("converts core/v1 to events.k8s.io/v1 and back", () => {
      const v1 = eventsV1Conversion.fromStored(coreEvent);
      expect(v1).to.deep.equal({
        apiVersion: "events.k8s.io/v1",
        kind: "Event",
        metadata: { name: "web.1", namespace: "default" },
        regarding: { kind: "Pod", name: "web", namespace: "default" },
        reason: "Scheduled",
        note: "Successfully assigned default/web to agent-1",
        deprecatedSource: { component: "default-scheduler" },
        deprecatedFirstTimestamp: "2025-01-01T00:00:00Z",
        deprecatedLastTimestamp: "2025-01-01T00:00:01Z",
        deprecatedCount: 2,
        type: "Normal",
        reportingController: "default-scheduler",
        reportingInstance: "",
      });
      expect(eventsV1Conversion.toStored(v1)).to.deep.equal(coreEvent);
    });

    it("validates core/v1 events leniently and events.k8s.io/v1 events strictly", () => {
      expect(create(EVENT, coreEvent).causes).to.deep.equal([]);
      const wrongNs = clone(coreEvent);
      (wrongNs.involvedObject as Record<string, unknown>).namespace = "other";
      expect(lines(create(EVENT, wrongNs).causes)).to.deep.equal([`involvedObject.namespace: Invalid value: "other": does not match event.namespace`]);
      const v1 = { apiVersion: "events.k8s.io/v1", kind: "Event", metadata: { name: "e1" }, regarding: { kind: "Pod", name: "web", namespace: "default" }, reason: "Started", type: "Normal" };
      expect(lines(create(EVENTS_V1, v1).causes)).to.deep.equal(["eventTime: Required value"]);
      const good = { ...v1, eventTime: "2025-01-01T00:00:00.000000Z", reportingController: "berth.io/kubelet", reportingInstance: "agent-1", action: "Start" };
      expect(create(EVENTS_V1, good).causes).to.deep.equal([]);
    });
  });
});
