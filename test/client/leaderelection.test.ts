/**
 * Lease leader election against a real API server (over HTTP): one leader at a time,
 * leaseTransitions and holderIdentity as client-go writes them, release on stop, a leader
 * cut off from the API stepping down at renewDeadline before a standby takes over at
 * leaseDuration, and the timing checks of NewLeaderElector.
 */
import { expect } from "chai";
import { startApiServer, MemoryStore, type RunningApiServer } from "../../src/k8s-api/index.js";
import { HttpClient } from "../../src/k8s-api/client/http.js";
import { LEASES, LeaderElector, validateLeaderElection } from "../../src/k8s-api/client/leaderelection.js";
import type { ApiClient } from "../../src/k8s-api/client/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { createLogger } from "../../src/util/log.js";

const log = createLogger("le-test", { level: "error" });
const TIMING = { leaseDurationMs: 1000, renewDeadlineMs: 600, retryPeriodMs: 150 };
type LeaseObj = KubeObject & { spec: { holderIdentity?: string; leaseTransitions?: number; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string } };

async function until(f: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A client whose calls fail while `cut` is set: a replica partitioned from the API server. */
function partitionable(c: ApiClient): ApiClient & { cut: boolean } {
  const p = { cut: false } as ApiClient & { cut: boolean };
  for (const m of ["get", "list", "watch", "create", "update", "patch", "delete"] as const)
    (p as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => (p.cut ? Promise.reject(new Error("partitioned")) : (c[m] as (...a: unknown[]) => Promise<unknown>).apply(c, args));
  return p;
}

describe("Lease leader election (client-go semantics)", function () {
  this.timeout(30_000);
  let store: MemoryStore;
  let server: RunningApiServer;
  let client: HttpClient;
  const electors: LeaderElector[] = [];
  /** Who leads, as the callbacks say; also records any overlap. */
  let leading: Set<string>;
  let overlaps: number;
  const timeline: string[] = [];

  const elector = (identity: string, c: ApiClient = client, timing = TIMING) => {
    const e = new LeaderElector({
      client: c,
      namespace: "kube-system",
      name: "test-lease",
      identity,
      ...timing,
      log,
      onStartedLeading: () => {
        leading.add(identity);
        timeline.push(`${Date.now()} start ${identity}`);
        if (leading.size > 1) overlaps++;
      },
      onStoppedLeading: () => {
        leading.delete(identity);
        timeline.push(`${Date.now()} stop ${identity}`);
      },
    });
    electors.push(e);
    return e;
  };
  const lease = () => client.get<LeaseObj>(LEASES, "kube-system", "test-lease");

  beforeEach(async () => {
    store = new MemoryStore();
    server = await startApiServer({ store, host: "127.0.0.1", port: 0, log });
    client = new HttpClient({ server: server.url, manager: "le-test" });
    leading = new Set();
    overlaps = 0;
    timeline.length = 0;
  });
  afterEach(async () => {
    for (const e of electors.splice(0)) await e.stop();
    client.close();
    await server.close();
    await store.close();
  });

  it("one of several candidates leads; the Lease names it, with leaseTransitions 0 and the duration in seconds", async () => {
    const es = ["a", "b", "c"].map((id) => elector(id));
    for (const e of es) e.run();
    await until(() => leading.size === 1, 5000, "a leader");
    // Several renewals later, still exactly one.
    await new Promise((r) => setTimeout(r, 800));
    expect(leading.size).to.equal(1);
    expect(overlaps).to.equal(0);
    const l = await lease();
    const leader = [...leading][0]!;
    expect(l.spec.holderIdentity).to.equal(leader);
    expect(l.spec.leaseTransitions).to.equal(0);
    expect(l.spec.leaseDurationSeconds).to.equal(1);
    expect(l.spec.renewTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(es.find((e) => e.isLeader())).to.not.equal(undefined);
    for (const e of es) expect(e.leader()).to.equal(leader);
  });

  it("a clean stop releases the Lease and a standby takes over well before leaseDuration", async () => {
    const a = elector("a");
    a.run();
    await until(() => leading.has("a"), 5000, "a to lead");
    const b = elector("b", client, { leaseDurationMs: 10_000, renewDeadlineMs: 600, retryPeriodMs: 150 });
    b.run();
    await new Promise((r) => setTimeout(r, 400));
    expect(leading.has("b")).to.equal(false);
    const t0 = Date.now();
    await a.stop();
    await until(() => leading.has("b"), 5000, "b to take over");
    expect(Date.now() - t0).to.be.below(2000);
    const l = await lease();
    expect(l.spec.holderIdentity).to.equal("b");
    expect(l.spec.leaseTransitions).to.equal(1);
  });

  it("a leader cut off from the API stops acting at renewDeadline, before the standby acquires at leaseDuration", async () => {
    const pa = partitionable(client);
    const a = elector("a", pa);
    a.run();
    await until(() => leading.has("a"), 5000, "a to lead");
    const before = await lease();
    const b = elector("b");
    b.run();
    await new Promise((r) => setTimeout(r, 300));
    const cutAt = Date.now();
    pa.cut = true;
    await until(() => leading.has("b"), 5000, "b to take over");
    const stopA = timeline.find((t) => t.endsWith("stop a"));
    const startB = timeline.find((t) => t.endsWith("start b"));
    expect(stopA, timeline.join("\n")).to.be.a("string");
    const stopAt = Number(stopA!.split(" ")[0]);
    const startAt = Number(startB!.split(" ")[0]);
    expect(stopAt, "a stops before b starts").to.be.below(startAt);
    expect(overlaps).to.equal(0);
    // a had renewed up to the cut; it gives up after renewDeadline (plus one retry period) without a successful renewal.
    expect(stopAt - cutAt).to.be.within(TIMING.renewDeadlineMs - TIMING.retryPeriodMs - 50, TIMING.renewDeadlineMs + 2 * TIMING.retryPeriodMs + 200);
    // b waits out leaseDuration from when it last saw the record change.
    expect(startAt - cutAt).to.be.at.least(TIMING.leaseDurationMs - 2 * TIMING.retryPeriodMs);
    const after = await lease();
    expect(after.spec.holderIdentity).to.equal("b");
    expect(after.spec.leaseTransitions).to.equal((before.spec.leaseTransitions ?? 0) + 1);
    expect(after.spec.acquireTime).to.not.equal(before.spec.acquireTime);
    // Back on the network, a finds the Lease held and stays a standby.
    pa.cut = false;
    await new Promise((r) => setTimeout(r, 500));
    expect(leading.has("a")).to.equal(false);
    expect(a.leader()).to.equal("b");
  });

  it("keeps acquireTime and leaseTransitions while the same holder renews", async () => {
    const a = elector("a");
    a.run();
    await until(() => leading.has("a"), 5000, "a to lead");
    const first = await lease();
    await new Promise((r) => setTimeout(r, 500));
    const later = await lease();
    expect(later.spec.acquireTime).to.equal(first.spec.acquireTime);
    expect(later.spec.renewTime).to.not.equal(first.spec.renewTime);
    expect(later.spec.leaseTransitions).to.equal(0);
    expect(Number(later.metadata?.resourceVersion)).to.be.above(Number(first.metadata?.resourceVersion));
  });

  it("refuses timings client-go refuses", () => {
    expect(() => validateLeaderElection({ leaseDurationMs: 10_000, renewDeadlineMs: 10_000, retryPeriodMs: 2000, identity: "x" })).to.throw(/--lease-duration \(10000 ms\) must be greater than --renew-deadline/);
    expect(() => validateLeaderElection({ leaseDurationMs: 15_000, renewDeadlineMs: 2000, retryPeriodMs: 2000, identity: "x" })).to.throw(/--renew-deadline \(2000 ms\) must be greater than 1.2 x --retry-period/);
    expect(() => validateLeaderElection({ leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2000, identity: "" })).to.throw(/identity may not be empty/);
    expect(() => validateLeaderElection({ leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2000, identity: "x" })).to.not.throw();
  });
});
