/**
 * Two API servers over one NATS KV bucket, as replicas behind a load balancer: what one
 * acknowledges the other serves at once, a watch on one from a resourceVersion listed on
 * the other sees the other's writes, CAS conflicts across them, and an object over the
 * NATS payload limit is 413 as kube-apiserver answers for etcd's "request is too large".
 */
import { expect } from "chai";
import { startApiServer, type RunningApiServer } from "../../src/k8s-api/index.js";
import { openNatsStore } from "../../src/k8s-api/store/nats/nats-store.js";
import type { Store } from "../../src/k8s-api/store/types.js";
import { createLogger } from "../../src/util/log.js";
import { deleteBuckets, natsUrl, uniqueBucket } from "../support/nats.js";
import { client, CM, configMap, expectFailure, expectOk, openWatch, type Client } from "./helpers.js";

describe("API servers sharing a NATS KV bucket", function () {
  this.timeout(30_000);
  const bucket = uniqueBucket("api");
  const stores: Store[] = [];
  const servers: RunningApiServer[] = [];
  let a: Client;
  let b: Client;
  let aUrl: string;

  before(async () => {
    const url = await natsUrl();
    for (let i = 0; i < 2; i++) {
      const log = createLogger(`api-${i}`, { level: "error" });
      const store = await openNatsStore({ servers: url, bucket, log });
      stores.push(store);
      servers.push(await startApiServer({ store, host: "127.0.0.1", port: 0, log }));
    }
    aUrl = servers[0]!.url;
    a = client(servers[0]!.url);
    b = client(servers[1]!.url);
  });
  after(async () => {
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
    await deleteBuckets(await natsUrl(), [bucket]);
  });

  it("an object created through one server is served by the other at once", async () => {
    for (let i = 0; i < 10; i++) {
      const created = expectOk(await a.post(CM, configMap(`shared-${i}`)), 201);
      const got = expectOk(await b.get(`${CM}/shared-${i}`));
      expect(got.metadata.resourceVersion).to.equal(created.metadata.resourceVersion);
      expect(got.metadata.uid).to.equal(created.metadata.uid);
    }
  });

  it("an update through one server with a resourceVersion read from the other; a stale one conflicts", async () => {
    const cm = expectOk(await a.post(CM, configMap("cas", { v: "1" })), 201);
    const fromB = expectOk(await b.get(`${CM}/cas`));
    const updated = expectOk(await a.put(`${CM}/cas`, { ...fromB, data: { v: "2" } }));
    expectFailure(await b.put(`${CM}/cas`, { ...cm, data: { v: "3" } }), 409, "Conflict");
    expect(expectOk(await b.get(`${CM}/cas`)).data).to.deep.equal({ v: "2" });
    expect(updated.metadata.resourceVersion).to.not.equal(cm.metadata.resourceVersion);
  });

  it("a watch on one server from a resourceVersion listed on the other sees the other's writes", async () => {
    const list = expectOk(await b.get(CM));
    const w = await openWatch(aUrl, `${CM}?watch=1&resourceVersion=${list.metadata.resourceVersion}`);
    try {
      await b.post(CM, configMap("watched"));
      await b.del(`${CM}/watched`);
      const evs = await w.next(2, 5000);
      expect(evs.map((e) => `${e.type} ${e.object.metadata.name}`)).to.deep.equal(["ADDED watched", "DELETED watched"]);
    } finally {
      await w.close();
    }
  });

  it("an object over the NATS payload limit is 413 RequestEntityTooLarge and is not stored", async () => {
    // A ConfigMap at its own 1 MiB validation limit: valid, but with its metadata it is
    // more than a default NATS server's 1 MiB max_payload (etcd would take it: 1.5 MiB).
    const r = await a.post(CM, configMap("huge", { big: "x".repeat(1024 * 1024 - 10) }));
    expectFailure(r, 413, "RequestEntityTooLarge", /^Request entity too large: request is too large/);
    expectFailure(await b.get(`${CM}/huge`), 404, "NotFound");
  });
});

describe("API servers sharing a NATS KV bucket: a watch ahead of this server", function () {
  this.timeout(30_000);
  const bucket = uniqueBucket("api");
  const stores: Store[] = [];
  const servers: RunningApiServer[] = [];
  after(async () => {
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
    await deleteBuckets(await natsUrl(), [bucket]);
  });

  it("a watch from a resourceVersion the server has not applied yet waits for it (as the watch cache does), then streams", async () => {
    const log = createLogger("api", { level: "error" });
    const store = await openNatsStore({ servers: await natsUrl(), bucket, log });
    stores.push(store);
    const server = await startApiServer({ store, host: "127.0.0.1", port: 0, log });
    servers.push(server);
    const c = client(server.url);
    expectOk(await c.post(CM, configMap("first")), 201);
    // A revision another replica may already have handed out: the next write's.
    const ahead = store.currentRevision() + 1;
    const w = await openWatch(server.url, `${CM}?watch=1&resourceVersion=${ahead}`);
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(w.ended).to.equal(false);
      expectOk(await c.post(CM, configMap("at-ahead")), 201);
      expectOk(await c.post(CM, configMap("after-ahead")), 201);
      const evs = await w.next(1, 5000);
      expect(evs.map((e) => `${e.type} ${e.object.metadata.name}`)).to.deep.equal(["ADDED after-ahead"]);
    } finally {
      await w.close();
    }
  });
});
