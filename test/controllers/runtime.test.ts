import { expect } from "chai";
import { WorkQueue } from "../../src/k8s-api/controllers/runtime/queue.js";
import { EventBroadcaster } from "../../src/k8s-api/controllers/runtime/events.js";
import { Expectations } from "../../src/k8s-api/controllers/runtime/expectations.js";
import { computeHash, fnv32a, safeEncodeString } from "../../src/k8s-api/controllers/util/hash.js";
import { labelSelectorMatcher } from "../../src/k8s-api/controllers/util/labels.js";
import { rankPodsForDeletion } from "../../src/k8s-api/controllers/util/pods.js";
import type { ApiClient } from "../../src/k8s-api/client/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { createLogger } from "../../src/util/log.js";

describe("controller runtime", () => {
  describe("WorkQueue", () => {
    it("dedupes keys and hands each key to one worker at a time", async () => {
      const q = new WorkQueue("t");
      q.add("a");
      q.add("a");
      q.add("b");
      expect(q.length).to.equal(2);
      const k = await q.get();
      expect(k).to.equal("a");
      q.add("a"); // while processing: held back
      expect(await q.get()).to.equal("b");
      expect(q.length).to.equal(0);
      q.done("a");
      expect(q.length).to.equal(1);
      expect(await q.get()).to.equal("a");
      q.done("a");
      q.done("b");
      q.shutDown();
      expect(await q.get()).to.equal(undefined);
    });

    it("backs off exponentially per key and forgets on success", async () => {
      const q = new WorkQueue("t", { baseDelayMs: 20, maxDelayMs: 1000 });
      const t0 = Date.now();
      q.addRateLimited("x");
      expect(await q.get()).to.equal("x");
      q.done("x");
      const d1 = Date.now() - t0;
      const t1 = Date.now();
      q.addRateLimited("x");
      expect(await q.get()).to.equal("x");
      q.done("x");
      const d2 = Date.now() - t1;
      expect(d1).to.be.gte(15);
      expect(d2).to.be.gte(35);
      expect(q.numRequeues("x")).to.equal(2);
      q.forget("x");
      expect(q.numRequeues("x")).to.equal(0);
      q.shutDown();
    });

    it("keeps the earliest of several delayed adds", async () => {
      const q = new WorkQueue("t");
      q.addAfter("k", 5000);
      q.addAfter("k", 10);
      const t0 = Date.now();
      expect(await q.get()).to.equal("k");
      expect(Date.now() - t0).to.be.lt(1000);
      q.shutDown();
    });
  });

  describe("Expectations", () => {
    it("are satisfied once every create and delete is observed", () => {
      const e = new Expectations();
      expect(e.satisfied("ns/rs")).to.equal(true);
      e.expectCreations("ns/rs", 2);
      expect(e.satisfied("ns/rs")).to.equal(false);
      e.creationObserved("ns/rs");
      e.creationObserved("ns/rs");
      expect(e.satisfied("ns/rs")).to.equal(true);
      e.expectDeletions("ns/rs", ["ns/a"]);
      e.deletionObserved("ns/rs", "ns/b");
      expect(e.satisfied("ns/rs")).to.equal(false);
      e.deletionObserved("ns/rs", "ns/a");
      e.deletionObserved("ns/rs", "ns/a");
      expect(e.satisfied("ns/rs")).to.equal(true);
    });
  });

  describe("pod-template-hash", () => {
    it("uses FNV-1a 32 and SafeEncodeString", () => {
      const enc = new TextEncoder();
      expect(fnv32a(enc.encode(""))).to.equal(0x811c9dc5);
      expect(fnv32a(enc.encode("a"))).to.equal(0xe40c292c);
      expect(fnv32a(enc.encode("foobar"))).to.equal(0xbf9cf968);
      // rand.SafeEncodeString maps each character through "bcdfghjklmnpqrstvwxz2456789".
      expect(safeEncodeString("0123456789")).to.equal("456789bcdf");
      const h = computeHash({ metadata: { labels: { app: "x" } }, spec: { containers: [] } });
      expect(h).to.match(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
      expect(computeHash({ spec: { containers: [] }, metadata: { labels: { app: "x" } } })).to.equal(h);
      expect(computeHash({ metadata: { labels: { app: "x" } }, spec: { containers: [] } }, 1)).to.not.equal(h);
    });
  });

  describe("label selectors", () => {
    it("match matchLabels and matchExpressions; undefined matches nothing, {} everything", () => {
      const m = labelSelectorMatcher({ matchLabels: { app: "a" }, matchExpressions: [{ key: "tier", operator: "In", values: ["web", "api"] }, { key: "canary", operator: "DoesNotExist" }] });
      expect(m({ app: "a", tier: "web" })).to.equal(true);
      expect(m({ app: "a", tier: "db" })).to.equal(false);
      expect(m({ app: "a", tier: "web", canary: "1" })).to.equal(false);
      expect(labelSelectorMatcher(undefined)({ a: "b" })).to.equal(false);
      expect(labelSelectorMatcher({})({ a: "b" })).to.equal(true);
    });
  });

  describe("deletion ranking", () => {
    it("prefers unscheduled, then pending, then not ready pods", () => {
      const pod = (name: string, nodeName: string, phase: string, ready: boolean): KubeObject => ({
        metadata: { name, uid: name, creationTimestamp: "2024-01-01T00:00:00Z" } as unknown as KubeObject["metadata"],
        spec: nodeName ? { nodeName } : {},
        status: { phase, conditions: [{ type: "Ready", status: ready ? "True" : "False", lastTransitionTime: "2024-01-01T00:00:00Z" }] },
      });
      const pods = [pod("running-ready", "n1", "Running", true), pod("running-unready", "n1", "Running", false), pod("pending", "n1", "Pending", false), pod("unscheduled", "", "Pending", false)];
      const ranked = rankPodsForDeletion(pods, [0, 0, 0, 0], Date.now()).map((p) => p.metadata?.name);
      expect(ranked).to.deep.equal(["unscheduled", "pending", "running-unready", "running-ready"]);
    });
  });

  describe("EventBroadcaster", () => {
    it("creates an event once and patches its count on repeats", async () => {
      const writes: { verb: string; body: unknown }[] = [];
      const fake = {
        create: async (_r: unknown, _ns: string, obj: KubeObject) => {
          writes.push({ verb: "create", body: obj });
          return obj;
        },
        patch: async (_r: unknown, _ns: string, _name: string, _kind: string, body: unknown) => {
          writes.push({ verb: "patch", body });
          return {} as KubeObject;
        },
      } as unknown as ApiClient;
      const b = new EventBroadcaster(fake, createLogger("t", { level: "error" }));
      const rec = b.newRecorder("deployment-controller");
      const obj: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default", uid: "u1" } };
      rec.event(obj, "Normal", "ScalingReplicaSet", "Scaled up replica set web-abc from 0 to 3");
      rec.event(obj, "Normal", "ScalingReplicaSet", "Scaled up replica set web-abc from 0 to 3");
      await b.flush();
      expect(writes.map((w) => w.verb)).to.deep.equal(["create", "patch"]);
      const ev = writes[0]!.body as Record<string, unknown>;
      expect(ev).to.include({ reason: "ScalingReplicaSet", type: "Normal", count: 1, reportingComponent: "deployment-controller" });
      expect(ev.source).to.deep.equal({ component: "deployment-controller" });
      expect(ev.involvedObject).to.include({ kind: "Deployment", name: "web", namespace: "default", uid: "u1", apiVersion: "apps/v1" });
      expect((ev.metadata as { name: string }).name).to.match(/^web\.[0-9a-f]+$/);
      expect(writes[1]!.body).to.include({ count: 2 });
    });

    it("combines ten distinct messages of one reason into one event", async () => {
      const created: Record<string, unknown>[] = [];
      let patches = 0;
      const fake = {
        create: async (_r: unknown, _ns: string, obj: KubeObject) => {
          created.push(obj as Record<string, unknown>);
          return obj;
        },
        patch: async () => {
          patches++;
          return {} as KubeObject;
        },
      } as unknown as ApiClient;
      const b = new EventBroadcaster(fake, createLogger("t", { level: "error" }));
      const rec = b.newRecorder("replicaset-controller");
      const obj: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-abc", namespace: "default", uid: "u2" } };
      for (let i = 0; i < 12; i++) rec.event(obj, "Normal", "SuccessfulCreate", `Created pod: web-abc-${i}`);
      await b.flush();
      expect(created).to.have.length(10);
      expect(created[9]!.message).to.equal("(combined from similar events): Created pod: web-abc-9");
      expect(patches).to.equal(2);
    });
  });
});
