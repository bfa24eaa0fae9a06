/**
 * The master lease over a real NATS JetStream KV bucket: one leader among contenders,
 * takeover only after the TTL, and fencing -- once another master has taken the lease,
 * every write of the old leader is refused and it steps down.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "nats";
import { LEASE_KEY, LeaderLease, NotLeaderError } from "../../src/resource-manager/ha/lease.js";
import { createLogger } from "../../src/util/log.js";
import { testNats, type TestNats } from "../support/nats.js";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function waitFor<T>(f: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms}ms waiting for ${what}`);
    await sleep(20);
  }
}

describe("ha: master lease in NATS KV", function () {
  this.timeout(30_000);
  let nats: TestNats;
  let nc: NatsConnection;
  let bucket: string;
  const leases: LeaderLease[] = [];
  const log = createLogger("lease-test", { level: "error" });

  before(async () => {
    nats = await testNats();
    nc = await connect({ servers: nats.url });
  });
  after(async () => {
    await nc?.drain();
    await nats?.close();
  });
  beforeEach(() => {
    bucket = `test-lease-${randomUUID().slice(0, 8)}`;
  });
  afterEach(async () => {
    for (const l of leases.splice(0)) await l.stop();
    await nc.jetstreamManager().then((m) => m.streams.delete(`KV_${bucket}`)).catch(() => undefined);
  });

  const make = (name: string, ttlMs: number, events: string[] = []) => {
    const l = new LeaderLease({ natsUrl: nats.url, bucket, id: `${name}-${randomUUID()}`, url: `http://${name}`, ttlMs, log, onElected: () => void events.push(`${name}:elected`), onDemoted: (r) => void events.push(`${name}:demoted:${r}`) });
    leases.push(l);
    return l;
  };

  it("elects exactly one of three contenders and standbys point at it", async () => {
    const ls = [make("a", 1000), make("b", 1000), make("c", 1000)];
    await Promise.all(ls.map((l) => l.start()));
    const leader = await waitFor(() => ls.find((l) => l.isLeader()), 5000, "a leader");
    await sleep(1500); // more than a TTL: renewals keep the others standing by
    expect(ls.filter((l) => l.isLeader())).to.have.length(1);
    expect(leader.isLeader()).to.equal(true);
    const url = leader.leaderUrl();
    for (const l of ls) if (l !== leader) expect(l.leaderUrl()).to.equal(url);
  });

  it("a standby takes over only after the leader stopped renewing for a TTL", async () => {
    const a = make("a", 800);
    await a.start();
    await waitFor(() => a.isLeader(), 5000, "a to lead");
    const b = make("b", 800);
    await b.start();
    // Simulate a leader that vanished without giving the lease up (kill -9): stop renewing.
    (a as unknown as { stopped: boolean }).stopped = true;
    clearTimeout((a as unknown as { timer: NodeJS.Timeout }).timer);
    const t0 = Date.now();
    await waitFor(() => b.isLeader(), 5000, "b to take over");
    const took = Date.now() - t0;
    expect(took, "not before the lease ran out").to.be.greaterThan(400);
    expect(took).to.be.lessThan(2500);
    expect(a.isLeader(), "the old leader's own clock has run out too").to.equal(false);
  });

  it("fences the old leader: after a takeover its writes are refused and it steps down", async () => {
    const events: string[] = [];
    const a = make("a", 5000, events);
    await a.start();
    await waitFor(() => a.isLeader(), 5000, "a to lead");
    await a.put("records.x", new TextEncoder().encode("1"));
    // Another master takes the lease over (as a standby does after the TTL).
    const kv = await nc.jetstream().views.kv(bucket);
    const e = (await kv.get(LEASE_KEY))!;
    await kv.update(LEASE_KEY, new TextEncoder().encode(JSON.stringify({ id: "other", url: "http://other" })), e.revision);
    // a still believes its lease valid by its clock, but cannot write any more.
    let err: unknown;
    await a.put("records.x", new TextEncoder().encode("2")).catch((x: unknown) => (err = x));
    expect(err).to.be.instanceOf(NotLeaderError);
    expect(a.isLeader()).to.equal(false);
    expect(events.some((x) => x.startsWith("a:demoted:"))).to.equal(true);
    expect(new TextDecoder().decode((await kv.get("records.x"))!.value)).to.equal("1");
  });

  describe("across NATS restarts (a server of its own)", () => {
    let own: TestNats;
    before(async () => {
      own = await testNats({ own: true });
    });
    after(async () => {
      await own?.close();
    });

    it("keeps leading through a short outage; steps down in a long one and leads again when NATS is back", async () => {
      const events: string[] = [];
      const a = new LeaderLease({ natsUrl: own.url, bucket, id: `a-${randomUUID()}`, url: "http://a", ttlMs: 1500, log, onElected: () => void events.push("elected"), onDemoted: (r) => void events.push(`demoted:${r}`) });
      leases.push(a);
      await a.start();
      await waitFor(() => a.isLeader(), 5000, "a to lead");
      // Shorter than the lease: nobody could have taken over, and a never stopped leading.
      await own.restart(200);
      const end = Date.now() + 2500;
      while (Date.now() < end) {
        expect(a.isLeader(), "leading through a short outage").to.equal(true);
        await sleep(50);
      }
      expect(events).to.deep.equal(["elected"]);
      // Longer than the lease: a cannot know whether another master took over, so it stops.
      const t0 = Date.now();
      const restarted = own.restart(2500);
      await waitFor(() => !a.isLeader(), 3000, "a to stop leading");
      expect(Date.now() - t0, "within the lease").to.be.lessThan(1500);
      await restarted;
      await waitFor(() => a.isLeader(), 8000, "a to lead again");
      expect(events[0]).to.equal("elected");
      expect(events[1]).to.match(/^demoted:/);
      expect(events[2]).to.equal("elected");
      await a.put("records.after", new TextEncoder().encode("ok"));
    });
  });
});
