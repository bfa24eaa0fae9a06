/**
 * Bounded write test on the HA layout (scripts/ha-cluster.mjs, real processes): 10,000
 * ConfigMaps created through both API servers concurrently while one API server and the
 * leading master are killed (kill -9) and started again.
 *
 * Two writers, each an HttpClient given both replicas (its own first), 8 creates in flight
 * each. A create the dead replica refused is sent to the other one (it never arrived); one
 * whose connection broke after it was sent is not retried, since it may have been applied:
 * it counts as unacknowledged, and the test reports whether it landed. Afterwards, through
 * each replica: every acknowledged create is there exactly once, with the resourceVersion
 * and data it was acknowledged with, and nothing is there that was not written.
 */
import { expect } from "chai";
import { HttpClient } from "../../src/k8s-api/client/http.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { Layout, sleep, waitFor, type RoleProc } from "./layout.js";

const CM = { group: "", version: "v1", plural: "configmaps" };
const NS = "storm";
const TOTAL = 10_000;
const PER_WRITER = TOTAL / 2;
const IN_FLIGHT = 8;
const BOUND_MS = 240_000;

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

describe("ha layout: 10,000 writes through two API servers while an API server and the leading master are killed", function () {
  this.timeout(420_000);
  const l = new Layout();
  const clients: HttpClient[] = [];
  after(async () => {
    for (const c of clients) c.close();
    await l.close();
  });

  it("keeps every acknowledged write exactly once", async () => {
    const layout = await l.start({ flags: ["--simulated", "--lease-ttl", "2000", "--kf-lease-duration", "4s", "--kf-renew-deadline", "3s", "--kf-retry-period", "1s", "--log-level", "warn"] });
    const [api0, api1] = layout.apiservers as [RoleProc, RoleProc];
    const w = [
      new HttpClient({ manager: "writer-0", server: `${api0.url},${api1.url}`, token: layout.token, requestTimeoutMs: 10_000 }),
      new HttpClient({ manager: "writer-1", server: `${api1.url},${api0.url}`, token: layout.token, requestTimeoutMs: 10_000 }),
    ];
    clients.push(...w);
    await w[1]!.create({ group: "", version: "v1", plural: "namespaces" }, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });

    const acked = new Map<string, string>(); // name -> resourceVersion
    const failed = new Map<string, string>(); // name -> error
    let done = 0;
    const t0 = Date.now();
    const deadline = t0 + BOUND_MS;
    const writer = async (k: number) => {
      let next = 0;
      const worker = async () => {
        while (next < PER_WRITER && Date.now() < deadline) {
          const name = `w${k}-${next++}`;
          try {
            const o = await w[k]!.create<ConfigMap>(CM, NS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { writer: String(k), name } });
            acked.set(name, o.metadata!.resourceVersion!);
          } catch (e) {
            failed.set(name, (e as Error).message);
          }
          done++;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    };
    const writing = Promise.all([writer(0), writer(1)]);

    // The faults, at points of the run.
    const at = (n: number) => waitFor(() => done >= n || undefined, BOUND_MS, `${n} writes`);
    const events: string[] = [];
    const mark = (s: string) => events.push(`${s} at ${done} writes, ${Date.now() - t0} ms`);
    await at(2000);
    l.kill(api0);
    mark(`kill -9 ${api0.name}`);
    await at(3500);
    const leader = await waitFor(() => l.leader(), 10_000, "the leading master");
    l.kill(leader);
    mark(`kill -9 ${leader.name} (leading master)`);
    await at(5000);
    l.restart(api0);
    await waitFor(() => fetch(`${api0.url}/readyz`).then((r) => r.ok), 30_000, `${api0.name} ready again`);
    mark(`${api0.name} restarted and ready`);
    await at(6500);
    l.restart(leader);
    mark(`${leader.name} restarted`);
    await writing;
    const writeMs = Date.now() - t0;
    const newLeader = await waitFor(() => l.leader(), 15_000, "a leading master");

    // Read everything back through each replica (paginated, as kubectl --chunk-size does).
    const readAll = async (c: HttpClient) => {
      const seen = new Map<string, ConfigMap[]>();
      let cont: string | undefined;
      do {
        const page = await c.list<ConfigMap>(CM, NS, { limit: 500, ...(cont ? { continue: cont } : {}) });
        for (const o of page.items) seen.set(o.metadata!.name!, [...(seen.get(o.metadata!.name!) ?? []), o]);
        cont = page.continue;
      } while (cont);
      return seen;
    };
    for (const api of [api0, api1]) {
      const c = new HttpClient({ manager: "reader", server: api.url, token: layout.token });
      clients.push(c);
      const seen = await readAll(c);
      const dup = [...seen.entries()].filter(([, v]) => v.length > 1).map(([k]) => k);
      expect(dup, `no object twice through ${api.name}`).to.deep.equal([]);
      const missing = [...acked.keys()].filter((n) => !seen.has(n));
      expect(missing, `every acknowledged write through ${api.name}`).to.deep.equal([]);
      const changed = [...acked.entries()].filter(([n, rv]) => seen.get(n)![0]!.metadata!.resourceVersion !== rv || seen.get(n)![0]!.data?.name !== n);
      expect(changed, `acknowledged writes as acknowledged through ${api.name}`).to.deep.equal([]);
      const unknown = [...seen.keys()].filter((n) => !acked.has(n) && !failed.has(n));
      expect(unknown, "nothing that was not written").to.deep.equal([]);
      if (api === api1) {
        const landed = [...failed.keys()].filter((n) => seen.has(n));
        const reasons = new Map<string, number>();
        for (const m of failed.values()) {
          const r = m.replace(/w\d-\d+/g, "<name>").replace(/\d+ ms/g, "N ms").slice(0, 160);
          reasons.set(r, (reasons.get(r) ?? 0) + 1);
        }
        console.log(`      ${events.join("; ")}`);
        console.log(`      ${done} creates in ${writeMs} ms (${Math.round((done / writeMs) * 1000)}/s): ${acked.size} acknowledged, all present exactly once through both replicas; ${failed.size} unacknowledged, of which ${landed.length} were applied anyway (present) and ${failed.size - landed.length} not`);
        for (const [r, n] of reasons) console.log(`        unacknowledged x${n}: ${r}`);
        console.log(`      leading master afterwards: ${newLeader.name}`);
      }
    }
    expect(done, "the run stayed within its bound").to.equal(TOTAL);
    // A write that may have been applied is never sent again elsewhere: no writer meets its own create.
    expect([...failed.values()].filter((m) => /already exists/.test(m)), "no create sent twice").to.deep.equal([]);
    // A create the dead replica refused went to the other one: only those in flight at the kill can fail.
    expect(failed.size, "only creates in flight at the kill go unacknowledged").to.be.lessThanOrEqual(2 * IN_FLIGHT);
    await sleep(0);
  });
});
