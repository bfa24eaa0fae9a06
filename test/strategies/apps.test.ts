import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { DAEMONSET_TEMPLATE_GENERATION_ANNOTATION } from "../../src/k8s-api/registry/strategies/index.js";
import { clone, create, created, info, lines, update, updateStatus } from "./helpers.js";

const DEPLOY = info("apps", "Deployment");
const RS = info("apps", "ReplicaSet");
const STS = info("apps", "StatefulSet");
const DS = info("apps", "DaemonSet");

const template = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }], ...extra },
});

/** What `kubectl create deployment web --image=nginx` sends. */
const deployment = (name = "web"): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, labels: { app: name } },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: template({ app: name }), strategy: {} },
  status: {},
});

describe("strategies: apps/v1", () => {
  describe("Deployment", () => {
    it("defaults strategy, limits, deadlines and the pod template", () => {
      const obj = created(DEPLOY, deployment());
      expect(obj.metadata?.generation).to.equal(1);
      expect(obj.status).to.deep.equal({});
      expect(obj.spec).to.deep.equal({
        replicas: 1,
        selector: { matchLabels: { app: "web" } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        template: {
          metadata: { labels: { app: "web" } },
          spec: {
            containers: [{ name: "nginx", image: "nginx", resources: {}, imagePullPolicy: "Always", terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File" }],
            dnsPolicy: "ClusterFirst",
            restartPolicy: "Always",
            schedulerName: "default-scheduler",
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      });
    });

    it("keeps Recreate without rolling update parameters", () => {
      const d = deployment();
      (d.spec as Record<string, unknown>).strategy = { type: "Recreate" };
      expect((created(DEPLOY, d).spec as Record<string, unknown>).strategy).to.deep.equal({ type: "Recreate" });
    });

    const invalid: { name: string; mutate: (spec: Record<string, unknown>) => void; want: string[] }[] = [
      {
        name: "a selector that does not match the template",
        mutate: (s) => (s.selector = { matchLabels: { app: "other" } }),
        want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
      },
      {
        name: "no selector",
        mutate: (s) => delete s.selector,
        want: ["spec.selector: Required value", 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
      },
      {
        name: "an empty selector",
        mutate: (s) => (s.selector = {}),
        want: ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"],
      },
      { name: "negative replicas", mutate: (s) => (s.replicas = -1), want: ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"] },
      {
        name: "a template restart policy other than Always",
        mutate: (s) => ((s.template as { spec: Record<string, unknown> }).spec.restartPolicy = "Never"),
        want: [`spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"`],
      },
      {
        name: "maxSurge and maxUnavailable both 0",
        mutate: (s) => (s.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
        want: ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"],
      },
      {
        name: "a percentage above 100%",
        mutate: (s) => (s.strategy = { rollingUpdate: { maxUnavailable: "150%" } }),
        want: [`spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%`],
      },
      {
        name: "progressDeadlineSeconds not above minReadySeconds",
        mutate: (s) => Object.assign(s, { minReadySeconds: 600, progressDeadlineSeconds: 600 }),
        want: ["spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"],
      },
      {
        name: "an invalid selector key (the template is then not checked)",
        mutate: (s) => {
          s.selector = { matchLabels: { "app!": "web" } };
          (s.template as { metadata: { labels: Record<string, string> } }).metadata.labels = { "app!": "web" };
        },
        want: [
          `spec.selector.matchLabels: Invalid value: "app!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
          `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app!":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector`,
        ],
      },
    ];
    for (const t of invalid)
      it(`rejects ${t.name}`, () => {
        const d = deployment();
        t.mutate(d.spec as Record<string, unknown>);
        expect(lines(create(DEPLOY, d).causes)).to.deep.equal(t.want);
      });

    it("bumps generation on spec and annotation changes only, and keeps status", () => {
      const old = created(DEPLOY, deployment());
      old.status = { replicas: 1, observedGeneration: 1 };
      const same = update(DEPLOY, deployment(), old);
      expect(same.causes).to.deep.equal([]);
      expect(same.obj.metadata?.generation).to.equal(1);
      expect(same.obj.status).to.deep.equal({ replicas: 1, observedGeneration: 1 });

      const scaled = deployment();
      (scaled.spec as Record<string, unknown>).replicas = 3;
      expect(update(DEPLOY, scaled, old).obj.metadata?.generation).to.equal(2);

      const annotated = deployment();
      annotated.metadata!.annotations = { "kubernetes.io/change-cause": "x" };
      expect(update(DEPLOY, annotated, old).obj.metadata?.generation).to.equal(2);

      const relabeled = deployment();
      relabeled.metadata!.labels = { app: "web", extra: "1" };
      expect(update(DEPLOY, relabeled, old).obj.metadata?.generation).to.equal(1);
    });

    it("refuses to change the selector", () => {
      const old = created(DEPLOY, deployment());
      const d = deployment();
      (d.spec as Record<string, unknown>).selector = { matchLabels: { app: "web", v: "2" } };
      (d.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = { app: "web", v: "2" };
      expect(lines(update(DEPLOY, d, old).causes)).to.deep.equal([
        `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`,
      ]);
    });

    it("takes status and labels from the stored object on status writes", () => {
      const old = created(DEPLOY, deployment());
      const next = clone(old);
      next.status = { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, observedGeneration: 1 };
      (next.spec as Record<string, unknown>).replicas = 5;
      next.metadata!.labels = { app: "hacked" };
      const res = updateStatus(DEPLOY, next, old);
      expect(res.causes).to.deep.equal([]);
      expect((res.obj.spec as Record<string, unknown>).replicas).to.equal(1);
      expect(res.obj.metadata?.labels).to.deep.equal({ app: "web" });
      expect(res.obj.metadata?.generation).to.equal(1);

      const bad = clone(old);
      bad.status = { replicas: 1, readyReplicas: 2 };
      expect(lines(updateStatus(DEPLOY, bad, old).causes)).to.deep.equal(["status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas"]);
    });
  });

  describe("ReplicaSet", () => {
    it("defaults replicas and starts with replicas 0 in status", () => {
      const obj = created(RS, { metadata: { name: "rs" }, spec: { selector: { matchLabels: { a: "b" } }, template: template({ a: "b" }) } });
      expect((obj.spec as Record<string, unknown>).replicas).to.equal(1);
      expect(obj.status).to.deep.equal({ replicas: 0 });
      expect(obj.metadata?.generation).to.equal(1);
    });
  });

  describe("StatefulSet", () => {
    const sts = (): KubeObject => ({
      metadata: { name: "db" },
      spec: {
        serviceName: "db",
        selector: { matchLabels: { app: "db" } },
        template: template({ app: "db" }),
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      },
    });

    it("defaults policies, partition and claim templates", () => {
      const obj = created(STS, sts());
      expect(obj.spec).to.deep.include({
        podManagementPolicy: "OrderedReady",
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
        replicas: 1,
        revisionHistoryLimit: 10,
      });
      expect((obj.spec as { volumeClaimTemplates: unknown[] }).volumeClaimTemplates[0]).to.deep.equal({
        metadata: { name: "data" },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, volumeMode: "Filesystem" },
        status: { phase: "Pending" },
      });
    });

    it("forbids updates beyond replicas, template, strategy and friends", () => {
      const old = created(STS, sts());
      const scaled = sts();
      (scaled.spec as Record<string, unknown>).replicas = 3;
      const ok = update(STS, scaled, old);
      expect(ok.causes).to.deep.equal([]);
      expect(ok.obj.metadata?.generation).to.equal(2);
      const renamed = sts();
      (renamed.spec as Record<string, unknown>).serviceName = "db2";
      expect(lines(update(STS, renamed, old).causes)).to.deep.equal([
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ]);
    });

    it("requires DNS-label names", () => {
      const s = sts();
      s.metadata!.name = "db.primary";
      expect(lines(create(STS, s).causes)).to.deep.equal([`metadata.name: Invalid value: "db.primary": must not contain dots`]);
    });
  });

  describe("DaemonSet", () => {
    const ds = (image = "agent"): KubeObject => ({
      metadata: { name: "agent" },
      spec: { selector: { matchLabels: { app: "agent" } }, template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "a", image }] } } },
    });

    it("defaults the update strategy and tracks the template generation", () => {
      const old = created(DS, ds());
      expect(old.spec).to.deep.include({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
      expect(old.metadata?.annotations).to.deep.equal({ [DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]: "1" });
      const res = update(DS, ds("agent:2"), old);
      expect(res.causes).to.deep.equal([]);
      expect(res.obj.metadata?.annotations).to.deep.equal({ [DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]: "2" });
      expect(res.obj.metadata?.generation).to.equal(2);
      const same = update(DS, ds(), old);
      expect(same.obj.metadata?.annotations).to.deep.equal({ [DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]: "1" });
      expect(same.obj.metadata?.generation).to.equal(1);
    });

    it("rejects both maxSurge and maxUnavailable", () => {
      const d = ds();
      (d.spec as Record<string, unknown>).updateStrategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } };
      expect(lines(create(DS, d).causes)).to.deep.equal(["spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"]);
    });
  });
});
