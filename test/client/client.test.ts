/**
 * One suite, two clients: LocalClient (in-process, over the Registry) and HttpClient (over
 * HTTP to the same API server started in-process) must behave alike — results, Status
 * errors, watch events — so the framework and controllers run unchanged over either.
 */
import { expect } from "chai";
import { startApiServer, MemoryStore, type RunningApiServer } from "../../src/k8s-api/index.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { HttpClient } from "../../src/k8s-api/client/http.js";
import { ApiClientError, type ApiClient, type ClientWatchEvent, type ResourceRef } from "../../src/k8s-api/client/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { createLogger } from "../../src/util/log.js";

const CM: ResourceRef = { group: "", version: "v1", plural: "configmaps" };
const PODS: ResourceRef = { group: "", version: "v1", plural: "pods" };
const DEPLOY: ResourceRef = { group: "apps", version: "v1", plural: "deployments" };
const NS = "default";
type CMObj = KubeObject & { data?: Record<string, string> };

export async function expectStatus(p: Promise<unknown>, code: number, reason: string, message?: RegExp): Promise<ApiClientError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(ApiClientError);
    const err = e as ApiClientError;
    expect(err.code, err.message).to.equal(code);
    expect(err.reason).to.equal(reason);
    if (message) expect(err.message).to.match(message);
    return err;
  }
  throw new Error(`expected ${code} ${reason}, got success`);
}

/** Collect watch events; `until` resolves once a predicate holds (bounded). */
function collector<T extends KubeObject>() {
  const events: ClientWatchEvent<T>[] = [];
  return {
    events,
    on: (ev: ClientWatchEvent<T>) => void events.push(ev),
    async until(f: (evs: ClientWatchEvent<T>[]) => boolean, ms = 5000): Promise<void> {
      const end = Date.now() + ms;
      while (!f(events)) {
        if (Date.now() > end) throw new Error(`watch events did not arrive in ${ms} ms: ${JSON.stringify(events.map((e) => e.type))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

const cm = (name: string, data: Record<string, string> = {}, labels?: Record<string, string>): CMObj => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: NS, ...(labels ? { labels } : {}) }, data });

describe("ApiClient: LocalClient and HttpClient alike", () => {
  let server: RunningApiServer;
  let store: MemoryStore;
  before(async () => {
    store = new MemoryStore();
    server = await startApiServer({ store, host: "127.0.0.1", port: 0, log: createLogger("client-test", { level: "error" }), bookmarkIntervalMs: 200 });
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  const kinds: [string, () => ApiClient][] = [
    ["LocalClient", () => new LocalClient(server.registry, "client-test")],
    ["HttpClient", () => new HttpClient({ server: server.url, token: "t", manager: "client-test" })],
  ];

  for (const [kind, make] of kinds) {
    describe(`ApiClient behaviour: ${kind}`, function () {
      this.timeout(20_000);
      let c: ApiClient;
      const p = kind === "LocalClient" ? "l" : "h";
      before(() => {
        c = make();
      });
      after(() => (c as Partial<HttpClient>).close?.());

      it("creates, gets and updates with optimistic concurrency (409 Conflict on a stale resourceVersion)", async () => {
        const created = await c.create<CMObj>(CM, NS, cm(`${p}a`, { k: "1" }));
        expect(created.metadata?.uid).to.be.a("string");
        const got = await c.get<CMObj>(CM, NS, `${p}a`);
        expect(got.data).to.deep.equal({ k: "1" });
        const updated = await c.update<CMObj>(CM, NS, { ...got, data: { k: "2" } });
        expect(updated.metadata?.resourceVersion).to.not.equal(got.metadata?.resourceVersion);
        await expectStatus(c.update(CM, NS, { ...got, data: { k: "3" } }), 409, "Conflict", /the object has been modified; please apply your changes to the latest version and try again/);
        await expectStatus(c.create(CM, NS, cm(`${p}a`)), 409, "AlreadyExists", new RegExp(`configmaps "${p}a" already exists`));
      });

      it("answers NotFound and Invalid as Status errors with upstream's wording", async () => {
        await expectStatus(c.get(CM, NS, `${p}missing`), 404, "NotFound", new RegExp(`configmaps "${p}missing" not found`));
        await expectStatus(c.create(CM, NS, cm("Not_A_Name")), 422, "Invalid", /ConfigMap "Not_A_Name" is invalid/);
      });

      it("lists with label selectors and limit/continue pages", async () => {
        for (let i = 0; i < 5; i++) await c.create(CM, NS, cm(`${p}page-${i}`, {}, { set: `${p}page`, parity: String(i % 2) }));
        const odd = await c.list<CMObj>(CM, NS, { labelSelector: `set=${p}page,parity=1` });
        expect(odd.items.map((o) => o.metadata?.name)).to.deep.equal([`${p}page-1`, `${p}page-3`]);
        const names: string[] = [];
        let cont: string | undefined;
        let pages = 0;
        do {
          const page = await c.list<CMObj>(CM, NS, { labelSelector: `set=${p}page`, limit: 2, ...(cont ? { continue: cont } : {}) });
          names.push(...page.items.map((o) => o.metadata?.name ?? ""));
          cont = page.continue;
          pages++;
        } while (cont);
        expect(pages).to.equal(3);
        expect(names).to.deep.equal([0, 1, 2, 3, 4].map((i) => `${p}page-${i}`));
        const byField = await c.list<CMObj>(CM, NS, { fieldSelector: `metadata.name=${p}page-4` });
        expect(byField.items).to.have.length(1);
        await expectStatus(c.list(CM, NS, { labelSelector: "a in (" }), 400, "BadRequest");
      });

      it("patches with JSON, merge, strategic merge and server-side apply (conflicts, force, field managers)", async () => {
        await c.create(CM, NS, cm(`${p}patch`, { a: "1" }));
        await c.patch(CM, NS, `${p}patch`, "merge", { data: { b: "2" } });
        await c.patch(CM, NS, `${p}patch`, "json", [{ op: "add", path: "/data/c", value: "3" }]);
        await c.patch(CM, NS, `${p}patch`, "strategic", { data: { d: "4" } });
        expect((await c.get<CMObj>(CM, NS, `${p}patch`)).data).to.deep.equal({ a: "1", b: "2", c: "3", d: "4" });
        const applied = await c.patch<CMObj>(CM, NS, `${p}apply`, "apply", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${p}apply` }, data: { x: "1" } }, { fieldManager: "one" });
        expect(applied.metadata?.managedFields?.map((m) => m.manager)).to.include("one");
        await expectStatus(c.patch(CM, NS, `${p}apply`, "apply", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${p}apply` }, data: { x: "2" } }, { fieldManager: "two" }), 409, "Conflict", /conflict/i);
        const forced = await c.patch<CMObj>(CM, NS, `${p}apply`, "apply", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${p}apply` }, data: { x: "2" } }, { fieldManager: "two", force: true });
        expect(forced.data).to.deep.equal({ x: "2" });
        await expectStatus(c.patch(CM, NS, `${p}patch`, "json", [{ op: "test", path: "/data/a", value: "nope" }]), 422, "Invalid");
      });

      it("dry-run writes persist nothing", async () => {
        const dry = await c.create<CMObj>(CM, NS, cm(`${p}dry`, { a: "1" }), { dryRun: true });
        expect(dry.metadata?.name).to.equal(`${p}dry`);
        await expectStatus(c.get(CM, NS, `${p}dry`), 404, "NotFound");
      });

      it("deletes: undefined once gone, the object while a finalizer holds it, preconditions checked", async () => {
        await c.create(CM, NS, cm(`${p}del`));
        expect(await c.delete(CM, NS, `${p}del`)).to.equal(undefined);
        await expectStatus(c.get(CM, NS, `${p}del`), 404, "NotFound");
        const held = await c.create<CMObj>(CM, NS, { ...cm(`${p}held`), metadata: { name: `${p}held`, namespace: NS, finalizers: ["example.com/hold"] } });
        await expectStatus(c.delete(CM, NS, `${p}held`, { preconditions: { uid: "wrong" } }), 409, "Conflict", /Precondition failed/);
        const pending = await c.delete(CM, NS, `${p}held`, { preconditions: { uid: held.metadata!.uid! } });
        expect(pending?.metadata?.deletionTimestamp).to.be.a("string");
        await c.patch(CM, NS, `${p}held`, "merge", { metadata: { finalizers: null } });
        await expectStatus(c.get(CM, NS, `${p}held`), 404, "NotFound");
      });

      it("binds a pod through the binding subresource and updates its status subresource", async () => {
        await c.create(PODS, NS, { apiVersion: "v1", kind: "Pod", metadata: { name: `${p}pod`, namespace: NS }, spec: { containers: [{ name: "c", image: "busybox" }] } } as KubeObject);
        await c.create(PODS, NS, { apiVersion: "v1", kind: "Binding", metadata: { name: `${p}pod`, namespace: NS }, target: { apiVersion: "v1", kind: "Node", name: "node-1" } } as KubeObject, { subresource: "binding" });
        const pod = await c.get<KubeObject & { spec: { nodeName?: string }; status?: { phase?: string } }>(PODS, NS, `${p}pod`);
        expect(pod.spec.nodeName).to.equal("node-1");
        await expectStatus(c.create(PODS, NS, { apiVersion: "v1", kind: "Binding", metadata: { name: `${p}pod`, namespace: NS }, target: { apiVersion: "v1", kind: "Node", name: "node-2" } } as KubeObject, { subresource: "binding" }), 409, "Conflict");
        const st = await c.update<typeof pod>(PODS, NS, { ...pod, status: { phase: "Running" } }, { subresource: "status" });
        expect(st.status?.phase).to.equal("Running");
        const scaled = await c.create(DEPLOY, NS, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: `${p}dep`, namespace: NS }, spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "busybox" }] } } } } as KubeObject);
        expect(scaled.metadata?.name).to.equal(`${p}dep`);
        const scale = await c.patch<KubeObject & { spec: { replicas: number } }>(DEPLOY, NS, `${p}dep`, "merge", { spec: { replicas: 4 } }, { subresource: "scale" });
        expect(scale.kind).to.equal("Scale");
        expect(scale.spec.replicas).to.equal(4);
      });

      it("watches from a resourceVersion: only later events, in order, with selectors", async () => {
        const base = await c.create<CMObj>(CM, NS, cm(`${p}w0`, {}, { w: p }));
        const col = collector<CMObj>();
        const w = await c.watch<CMObj>(CM, NS, { resourceVersion: base.metadata!.resourceVersion!, labelSelector: `w=${p}` }, col.on);
        try {
          await c.create(CM, NS, cm(`${p}w1`, {}, { w: p }));
          await c.create(CM, NS, cm(`${p}other`));
          await c.patch(CM, NS, `${p}w1`, "merge", { data: { z: "1" } });
          await c.delete(CM, NS, `${p}w0`);
          await col.until((evs) => evs.filter((e) => e.type !== "BOOKMARK").length >= 3);
          const seen = col.events.filter((e) => e.type !== "BOOKMARK").map((e) => `${e.type} ${e.type === "ERROR" ? "" : e.object.metadata?.name}`);
          expect(seen).to.deep.equal([`ADDED ${p}w1`, `MODIFIED ${p}w1`, `DELETED ${p}w0`]);
        } finally {
          w.stop();
        }
      });

      it("a watch the server refuses rejects with its Status", async () => {
      await expectStatus(c.watch(CM, NS, { labelSelector: "a in (" }, () => undefined), 400, "BadRequest", /unable to parse requirement/);
      await expectStatus(c.watch({ group: "", version: "v1", plural: "nosuchthings" }, NS, {}, () => undefined), 404, "NotFound");
    });

    it("a watch from a compacted resourceVersion ends with ERROR 410", async () => {
        const a = await c.create<CMObj>(CM, NS, cm(`${p}old`));
        await c.create(CM, NS, cm(`${p}newer`));
        await store.compact(store.currentRevision());
        const col = collector<CMObj>();
        const w = await c.watch<CMObj>(CM, NS, { resourceVersion: a.metadata!.resourceVersion! }, col.on);
        try {
          await col.until((evs) => evs.some((e) => e.type === "ERROR"));
          const err = col.events.find((e) => e.type === "ERROR") as { code: number; message: string };
          expect(err.code).to.equal(410);
          expect(err.message).to.match(/too old resource version/);
        } finally {
          w.stop();
        }
      });
    });
  }
});
