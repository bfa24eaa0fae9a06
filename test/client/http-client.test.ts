/**
 * What only the HTTP client has to get right: a watch that survives the API server going
 * away (resumed from the last resourceVersion, nothing missed or repeated), a 410 after
 * compaction that makes the Informer relist, kubeconfig loading, and clear errors for a
 * bad URL, an unreachable server and a non-Status error body.
 */
import { expect } from "chai";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { spawnSync } from "node:child_process";
import { stringify } from "yaml";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApiServer, MemoryStore, type RunningApiServer } from "../../src/k8s-api/index.js";
import { HttpClient } from "../../src/k8s-api/client/http.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { Informer, stripManagedFields } from "../../src/k8s-api/client/informer.js";
import { ApiClientError, type ApiClient, type ClientListOptions, type ClientWatchEvent, type ResourceRef } from "../../src/k8s-api/client/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { writeKubeconfig } from "../../src/cli/kubeconfig.js";
import { createLogger } from "../../src/util/log.js";

const CM: ResourceRef = { group: "", version: "v1", plural: "configmaps" };
const NS = "default";
const cm = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: NS } });
const log = createLogger("http-client-test", { level: "error" });

async function until(f: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("HttpClient over a real API server", function () {
  this.timeout(30_000);
  let store: MemoryStore;
  let server: RunningApiServer;
  let port = 0;
  const start = async () => {
    server = await startApiServer({ store, host: "127.0.0.1", port, log, bookmarkIntervalMs: 100 });
    port = server.port;
  };
  beforeEach(async () => {
    store = new MemoryStore();
    port = 0;
    await start();
  });
  afterEach(async () => {
    await server.close();
    await store.close();
  });

  it("resumes a watch across an API server restart from the last resourceVersion: nothing missed, nothing repeated", async () => {
    const c = new HttpClient({ server: server.url, manager: "t" });
    const local = () => new LocalClient(server.registry, "t");
    const first = await c.create(CM, NS, cm("before"));
    const events: ClientWatchEvent[] = [];
    const w = await c.watch(CM, NS, { resourceVersion: first.metadata!.resourceVersion! }, (e) => events.push(e));
    try {
      await c.create(CM, NS, cm("one"));
      await until(() => events.some((e) => e.type === "ADDED"), 5000, "ADDED one");
      await server.close();
      // Written while no API server serves the watch.
      await local().create(CM, NS, cm("two"));
      await local().delete(CM, NS, "one");
      await start();
      await c.create(CM, NS, cm("three"));
      await until(() => events.filter((e) => e.type !== "BOOKMARK").length >= 4, 10_000, "the events after the restart");
      const seen = events.filter((e) => e.type !== "BOOKMARK").map((e) => `${e.type} ${e.type === "ERROR" ? e.message : e.object.metadata?.name}`);
      expect(seen).to.deep.equal(["ADDED one", "ADDED two", "DELETED one", "ADDED three"]);
      // Bookmarks are asked for (allowWatchBookmarks) and delivered, carrying the latest resourceVersion.
      await until(() => events.some((e) => e.type === "BOOKMARK"), 5000, "a BOOKMARK");
    } finally {
      w.stop();
      c.close();
    }
  });

  it("after compaction the resumed watch gets 410 and the Informer relists to the current state", async () => {
    const c = new HttpClient({ server: server.url, manager: "t" });
    for (const n of ["keep", "gone"]) await c.create(CM, NS, cm(n));
    const inf = new Informer(c, CM, { namespace: NS });
    const added: string[] = [];
    const deleted: string[] = [];
    inf.on({ add: (o) => added.push(o.metadata!.name!), delete: (o) => deleted.push(o.metadata!.name!) });
    await inf.start();
    await inf.synced;
    try {
      expect(inf.list().map((o) => o.metadata?.name).sort()).to.deep.equal(["gone", "keep"]);
      await server.close();
      const local = new LocalClient(server.registry, "t");
      await local.create(CM, NS, cm("new"));
      await local.delete(CM, NS, "gone");
      await store.compact(store.currentRevision());
      await start();
      await until(() => added.includes("new") && deleted.includes("gone"), 10_000, "the relist after 410");
      expect(inf.list().map((o) => o.metadata?.name).sort()).to.deep.equal(["keep", "new"]);
    } finally {
      inf.stop();
      c.close();
    }
  });

  it("the Informer caches objects without managedFields (as kube-controller-manager's and kube-scheduler's informers); a PUT of a cached object keeps the stored ones", async () => {
    const c = new HttpClient({ server: server.url, manager: "writer" });
    await c.create(CM, NS, { ...cm("listed"), data: { a: "1" } });
    const inf = new Informer(c, CM, { namespace: NS });
    const kept = new Informer(c, CM, { namespace: NS, keepManagedFields: true });
    const seen: KubeObject[] = [];
    inf.on({ add: (o) => seen.push(o), update: (o, old) => seen.push(o, old) });
    await Promise.all([inf.start(), kept.start()]);
    try {
      await c.create(CM, NS, { ...cm("watched"), data: { a: "1" } });
      await until(() => !!inf.get(`${NS}/watched`) && !!kept.get(`${NS}/watched`), 10_000, "the watched object in both caches");
      for (const name of ["listed", "watched"]) {
        expect(inf.get(`${NS}/${name}`)!.metadata).to.not.have.property("managedFields");
        expect(inf.get(`${NS}/${name}`)!.metadata!.resourceVersion).to.be.a("string");
        expect(kept.get(`${NS}/${name}`)!.metadata!.managedFields).to.have.length(1);
      }
      // Read-modify-write from the cache, by another manager: the stored entries stay, and the new manager's is added.
      const cached = inf.get(`${NS}/listed`)! as KubeObject & { data: Record<string, string> };
      const other = new HttpClient({ server: server.url, manager: "other" });
      const updated = await other.update(CM, NS, { ...cached, data: { ...cached.data, b: "2" } });
      other.close();
      expect(updated.metadata!.managedFields!.map((e) => e.manager).sort()).to.deep.equal(["other", "writer"]);
      await until(() => inf.get(`${NS}/listed`)!.metadata!.resourceVersion === updated.metadata!.resourceVersion, 10_000, "the update in the cache");
      expect(inf.get(`${NS}/listed`)!.metadata).to.not.have.property("managedFields");
      expect(seen.length).to.be.greaterThan(2);
      for (const o of seen) expect(o.metadata).to.not.have.property("managedFields");
    } finally {
      inf.stop();
      kept.stop();
      c.close();
    }
  });

  it("an in-process client's objects are not changed by an Informer dropping managedFields", async () => {
    const local = new LocalClient(server.registry, "writer");
    await local.create(CM, NS, { ...cm("shared"), data: { a: "1" } });
    const obj = (await local.list(CM, NS)).items.find((o) => o.metadata?.name === "shared")!;
    expect(obj.metadata!.managedFields).to.have.length(1);
    const stripped = stripManagedFields(obj);
    expect(stripped.metadata).to.not.have.property("managedFields");
    expect(stripped.metadata!.name).to.equal("shared");
    expect(obj.metadata!.managedFields).to.have.length(1);
    const plain = cm("plain");
    expect(stripManagedFields(plain)).to.equal(plain);
  });

  it("the Informer lists in pages of 500 (client-go's pager); a continue token expired by compaction falls back to one full list", async () => {
    const local = new LocalClient(server.registry, "t");
    for (let i = 0; i < 1203; i++) await local.create(CM, NS, cm(`cm-${i}`));
    const http = new HttpClient({ server: server.url, manager: "t" });
    const calls: ClientListOptions[] = [];
    let compactAfterFirstPage = false;
    // The same client, with its list calls recorded (and, in the second round, the store compacted after the first page).
    const c: ApiClient = Object.assign(Object.create(http) as HttpClient, {
      list: async <T extends KubeObject>(r: ResourceRef, ns: string, o: ClientListOptions = {}) => {
        calls.push(o);
        const page = await http.list<T>(r, ns, o);
        if (compactAfterFirstPage && calls.length === 1) {
          await local.create(CM, NS, cm("during"));
          await store.compact(store.currentRevision());
        }
        return page;
      },
    });
    const names = async () => {
      const inf = new Informer(c, CM, { namespace: NS });
      await inf.start();
      await inf.synced;
      inf.stop();
      return inf.list().map((o) => o.metadata!.name!);
    };
    try {
      expect(await names()).to.have.length(1203);
      expect(calls.map((o) => [o.limit, !!o.continue])).to.deep.equal([[500, false], [500, true], [500, true]]);
      calls.length = 0;
      compactAfterFirstPage = true;
      const all = await names();
      expect(all).to.have.length(1204).and.include("during");
      expect(calls.map((o) => [o.limit ?? 0, !!o.continue])).to.deep.equal([[500, false], [500, true], [0, false]]);
    } finally {
      http.close();
    }
  });

  it("reads the server and token from a kubeconfig (as berth writes it) and sends the bearer token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "berth-kc-"));
    let auth = "";
    // A stand-in server that records the Authorization header and answers with a list.
    const probe = createServer((req, res) => {
      auth = req.headers.authorization ?? "";
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ kind: "ConfigMapList", apiVersion: "v1", metadata: { resourceVersion: "7" }, items: [] }));
    });
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    try {
      const addr = probe.address() as { port: number };
      const path = join(dir, "kubeconfig");
      writeKubeconfig(path, { server: `http://127.0.0.1:${addr.port}`, name: "berth", token: "s3cret" });
      const c = new HttpClient({ kubeconfig: path, manager: "t" });
      const l = await c.list(CM, NS);
      expect(l.resourceVersion).to.equal("7");
      expect(auth).to.equal("Bearer s3cret");
      c.close();
      // A hand-written kubeconfig for a plain http server, without insecure-skip-tls-verify (kubectl accepts it).
      const plain = join(dir, "plain");
      writeFileSync(plain, stringify({ apiVersion: "v1", kind: "Config", clusters: [{ name: "p", cluster: { server: `http://127.0.0.1:${addr.port}` } }], users: [{ name: "u", user: { token: "other" } }], contexts: [{ name: "ctx", context: { cluster: "p", user: "u" } }], "current-context": "ctx" }));
      const p = new HttpClient({ kubeconfig: plain, manager: "t" });
      await p.list(CM, NS);
      expect(auth).to.equal("Bearer other");
      p.close();
      expect(() => new HttpClient({ kubeconfig: plain, context: "nope", manager: "t" })).to.throw(/nope/);
    } finally {
      probe.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("speaks HTTPS with the kubeconfig's certificate authority, and refuses a certificate it cannot verify", async function () {
    const dir = mkdtempSync(join(tmpdir(), "berth-tls-"));
    try {
      // A self-signed certificate for 127.0.0.1 (openssl is part of the base system here).
      const gen = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { encoding: "utf8" });
      if (gen.error) throw new Error(`openssl is needed to make a test certificate: ${gen.error.message}`);
      expect(gen.status, gen.stderr).to.equal(0);
      const cert = readFileSync(join(dir, "cert.pem"));
      let auth = "";
      const tls = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert }, (req, res) => {
        auth = req.headers.authorization ?? "";
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ kind: "ConfigMapList", apiVersion: "v1", metadata: { resourceVersion: "9" }, items: [] }));
      });
      await new Promise<void>((r) => tls.listen(0, "127.0.0.1", r));
      try {
        const url = `https://127.0.0.1:${(tls.address() as { port: number }).port}`;
        const path = join(dir, "kubeconfig");
        writeFileSync(path, stringify({ apiVersion: "v1", kind: "Config", clusters: [{ name: "s", cluster: { server: url, "certificate-authority-data": cert.toString("base64") } }], users: [{ name: "u", user: { token: "tls-token" } }], contexts: [{ name: "c", context: { cluster: "s", user: "u" } }], "current-context": "c" }));
        const ok = new HttpClient({ kubeconfig: path, manager: "t" });
        expect((await ok.list(CM, NS)).resourceVersion).to.equal("9");
        expect(auth).to.equal("Bearer tls-token");
        ok.close();
        const untrusted = new HttpClient({ server: url, manager: "t" });
        const err = await untrusted.list(CM, NS).catch((e: unknown) => e);
        expect(String(err)).to.match(/cannot reach the API server at https:\/\/127\.0\.0\.1:\d+ .*self[- ]signed certificate/);
        untrusted.close();
        const insecure = new HttpClient({ server: url, manager: "t", insecureSkipTLSVerify: true });
        expect((await insecure.list(CM, NS)).resourceVersion).to.equal("9");
        insecure.close();
      } finally {
        tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("bad URLs, unreachable servers and non-Status errors are clear errors", async () => {
    expect(() => new HttpClient({ server: "not a url", manager: "t" })).to.throw(/invalid API server URL "not a url": expected http\(s\):\/\/host:port/);
    expect(() => new HttpClient({ server: "ftp://127.0.0.1:1", manager: "t" })).to.throw(/the scheme must be http or https/);
    expect(() => new HttpClient({ manager: "t" })).to.throw(/an API server URL or a kubeconfig is required/);
    expect(() => new HttpClient({ kubeconfig: "/nonexistent/kubeconfig", manager: "t" })).to.throw(/cannot load kubeconfig \/nonexistent\/kubeconfig/);
    // A port nothing listens on: the one just freed by a closed server.
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
    const freePort = (gone.address() as { port: number }).port;
    await new Promise<void>((r) => gone.close(() => r()));
    const down = new HttpClient({ server: `http://127.0.0.1:${freePort}`, manager: "t" });
    let err: unknown;
    await down.get(CM, NS, "x").catch((e: unknown) => (err = e));
    expect(String(err)).to.match(new RegExp(`cannot reach the API server at http://127.0.0.1:${freePort} \\(GET /api/v1/namespaces/default/configmaps/x\\): connect ECONNREFUSED`));
    down.close();
    // An HTTP error whose body is not a Status (a proxy in between, say).
    const plain = createServer((_req, res) => res.writeHead(503, { "Content-Type": "text/plain" }).end("upstream unavailable"));
    await new Promise<void>((r) => plain.listen(0, "127.0.0.1", r));
    try {
      const c = new HttpClient({ server: `http://127.0.0.1:${(plain.address() as { port: number }).port}`, manager: "t" });
      const e = (await c.list(CM, NS).catch((x: unknown) => x)) as ApiClientError;
      expect(e).to.be.instanceOf(ApiClientError);
      expect(e.code).to.equal(503);
      expect(e.reason).to.equal("ServiceUnavailable");
      expect(e.message).to.match(/upstream unavailable/);
      c.close();
    } finally {
      plain.close();
    }
  });
});
