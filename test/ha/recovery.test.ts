/**
 * A new leader takes up its predecessor's persisted state (recovery.ts), in process: agents
 * are "recovered" until they re-register with their tasks, which is when their allocations
 * come back (nothing counted twice); persisted tasks they no longer run are lost; an agent
 * that does not come back is unreachable after agent_reregister_timeout; frameworks wait,
 * disconnected, to re-subscribe with their id; reconciliation of an unknown task on a
 * recovered agent gets no answer until the agent is back (Mesos' _reconcileTasks).
 * Then the same through NATS KV: what a leading HA master persisted is what its successor loads.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { connect } from "nats";
import { httpAgentApi, httpSchedulerApi } from "../../src/mesos/http-client.js";
import type { Offer } from "../../src/mesos/v1.js";
import { snapshot, restore, SnapshotCache } from "../../src/resource-manager/recovery.js";
import { startHaMaster, type RunningHaMaster } from "../../src/resource-manager/ha/index.js";
import type { RunningMaster } from "../../src/resource-manager/index.js";
import { stateJson } from "../../src/resource-manager/views.js";
import { commandTask, quiet, scalar, subscribeFramework, TestAgent, testMaster, until, type TestFramework } from "../resource-manager/helpers.js";
import { testNats, type TestNats } from "../support/nats.js";

describe("ha: a new leader recovers the persisted master state", function () {
  this.timeout(30_000);
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.close();
  });

  /** The first offer for this agent from `from` on in the framework's events. */
  async function offerFor(fw: TestFramework, agentId: string, from = 0, timeoutMs = 3000): Promise<Offer> {
    const i = await fw.events.find((e) => e.type === "OFFERS" && e.offers!.offers.some((o) => o.agent_id.value === agentId), from, timeoutMs, `an offer for ${agentId}`);
    return fw.events.all[i]!.offers!.offers.find((o) => o.agent_id.value === agentId)!;
  }

  async function launch(fw: TestFramework, agentId: string, ids: string[]): Promise<void> {
    const offer = await offerFor(fw, agentId);
    const tasks = ids.map((id) => commandTask(id, offer));
    await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: tasks } }] } });
    for (const id of ids) await fw.nextUpdate((s) => s.task_id.value === id && s.state === "TASK_RUNNING");
  }

  it("recovers agents as they re-register with their tasks, loses what they no longer run, times out the rest", async () => {
    const a: RunningMaster = await testMaster();
    running.push(a);
    const agent1 = new TestAgent(a.master.agentApi, [scalar("cpus", 4), scalar("mem", 4096)]);
    const agent2 = new TestAgent(a.master.agentApi, [scalar("cpus", 4), scalar("mem", 4096)]);
    await agent1.register("agent1");
    await agent2.register("agent2");
    const fw = await subscribeFramework(a.master.scheduler, { failover_timeout: 0 });
    // One offer per agent per allocation: launch on each in turn.
    await launch(fw, agent1.id, ["t1", "t2"]);
    await launch(fw, agent2.id, ["t3"]);
    const records = snapshot(a.master);
    expect([...records.keys()].filter((k) => k.startsWith("tasks."))).to.have.length(3);
    await a.close();
    running.splice(0);

    // The successor: short agent_reregister_timeout so the absent agent times out here.
    const b = await testMaster({ agentReregisterTimeoutMs: 1500 });
    running.push(b);
    const counts = restore(b.master, records);
    expect(counts).to.deep.equal({ agents: 2, frameworks: 1, tasks: 3 });
    let s = stateJson(b.master) as { recovered_slaves: { id: string }[]; frameworks: { id: string; active: boolean; tasks: { id: string; state: string }[] }[] };
    expect(s.recovered_slaves.map((r) => r.id).sort()).to.deep.equal([agent1.id, agent2.id].sort());
    expect(s.frameworks.map((f) => [f.id, f.active])).to.deep.equal([[fw.id, false]]);
    expect(s.frameworks[0]!.tasks.map((t) => `${t.id}:${t.state}`).sort()).to.deep.equal(["t1:TASK_RUNNING", "t2:TASK_RUNNING", "t3:TASK_RUNNING"]);

    // The framework re-subscribes with its id (failover_timeout 0 did not remove it).
    const fw2 = await subscribeFramework(b.master.scheduler, { id: { value: fw.id }, failover_timeout: 0 });
    expect(fw2.id).to.equal(fw.id);
    // Explicit reconciliation: a persisted task answers with its state; an unknown task on a
    // recovered agent gets no answer (yet); one on an agent nobody knows is lost.
    await fw2.call({ type: "RECONCILE", reconcile: { tasks: [{ task_id: { value: "t1" }, agent_id: { value: agent1.id } }, { task_id: { value: "ghost" }, agent_id: { value: agent1.id } }, { task_id: { value: "ghost2" }, agent_id: { value: "nobody" } }] } });
    expect((await fw2.nextUpdate((x) => x.task_id.value === "t1")).state).to.equal("TASK_RUNNING");
    expect((await fw2.nextUpdate((x) => x.task_id.value === "ghost2")).state).to.equal("TASK_LOST");
    expect(fw2.events.all.some((e) => e.type === "UPDATE" && e.update!.status.task_id.value === "ghost")).to.equal(false);

    // agent1 comes back running only t1 (t2 ended while no master listened).
    const back = new TestAgent(b.master.agentApi, agent1.resources);
    back.id = agent1.id;
    back.tasks.set("t1", agent1.tasks.get("t1")!);
    await back.reregister(undefined, "agent1");
    const lost = await fw2.nextUpdate((x) => x.task_id.value === "t2");
    expect([lost.state, lost.reason]).to.deep.equal(["TASK_LOST", "REASON_RECONCILIATION"]);
    expect(back.events.all.some((e) => e.type === "RUN_TASK"), "nothing launched again").to.equal(false);
    // Its allocation is what it reported: t1's 1 cpu used, 3 offered -- not 4, not 2.
    const offer = await offerFor(fw2, agent1.id);
    expect(offer.resources.find((r) => r.name === "cpus")!.scalar!.value).to.equal(3);

    // agent2 never comes back: unreachable after the timeout, its task lost.
    const gone = await fw2.nextUpdate((x) => x.task_id.value === "t3", 5000);
    expect([gone.state, gone.reason]).to.deep.equal(["TASK_LOST", "REASON_AGENT_REMOVED"]);
    s = stateJson(b.master) as typeof s;
    expect(s.recovered_slaves).to.deep.equal([]);
    expect(b.master.unreachableAgents.has(agent2.id)).to.equal(true);
    expect(s.frameworks[0]!.tasks.map((t) => `${t.id}:${t.state}`)).to.deep.equal(["t1:TASK_RUNNING"]);
  });

  it("a cached snapshot follows changed tasks and frameworks and equals a fresh one", async () => {
    const a = await testMaster();
    running.push(a);
    const agent = new TestAgent(a.master.agentApi, [scalar("cpus", 2), scalar("mem", 1024)]);
    await agent.register("cached");
    const fw = await subscribeFramework(a.master.scheduler, { name: "before" });
    await launch(fw, agent.id, ["c1"]);
    const cache = new SnapshotCache();
    const first = snapshot(a.master, cache);
    expect(snapshot(a.master, cache)).to.deep.equal(first);
    await agent.update(fw.id, "c1", "TASK_FINISHED");
    await fw.nextUpdate((x) => x.task_id.value === "c1" && x.state === "TASK_FINISHED");
    await fw.call({ type: "UPDATE_FRAMEWORK", update_framework: { framework_info: { user: "test", name: "after", id: { value: fw.id } } } });
    await until(() => a.master.frameworks.get(fw.id)!.info.name === "after", 2000, "the framework update");
    const second = snapshot(a.master, cache);
    expect(second).to.deep.equal(snapshot(a.master), "the cache gives what a fresh snapshot gives");
    const changed = [...second].filter(([k, v]) => first.get(k) !== v).map(([k]) => k.split(".")[0]);
    expect(changed.sort()).to.deep.equal(["frameworks", "tasks"]);
    const task = [...second].find(([k]) => k.startsWith("tasks."))![1];
    expect(JSON.parse(task).state).to.equal("TASK_FINISHED");
  });

  it("keeps an agent's dynamic reservations across the failover", async () => {
    const a = await testMaster();
    running.push(a);
    const agent = new TestAgent(a.master.agentApi, [scalar("cpus", 4), scalar("mem", 4096)]);
    await agent.register("reserved");
    const fw = await subscribeFramework(a.master.scheduler, { role: "dev" });
    const offer = await offerFor(fw, agent.id);
    const reserve = { ...scalar("cpus", 1), reservations: [{ type: "DYNAMIC" as const, role: "dev" }], allocation_info: { role: "dev" } };
    await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "RESERVE", reserve: { resources: [reserve] } }] } });
    await until(() => a.master.agents.get(agent.id)!.total.toJSON().some((r) => r.reservations?.length), 3000, "the reservation");
    const records = snapshot(a.master);
    await a.close();
    running.splice(0);

    const b = await testMaster();
    running.push(b);
    restore(b.master, records);
    const fw2 = await subscribeFramework(b.master.scheduler, { id: { value: fw.id }, role: "dev" });
    const back = new TestAgent(b.master.agentApi, agent.resources);
    back.id = agent.id;
    await back.reregister([], "reserved");
    const again = await offerFor(fw2, agent.id);
    const reserved = again.resources.filter((r) => r.reservations?.some((x) => x.role === "dev"));
    expect(reserved.map((r) => [r.name, r.scalar?.value])).to.deep.equal([["cpus", 1]]);
    expect(again.resources.filter((r) => r.name === "cpus").reduce((n, r) => n + r.scalar!.value, 0)).to.equal(4);
  });

  it("a master whose lease may have run out makes no offers and marks no agent unreachable", async () => {
    let leading = true;
    const m = await testMaster({ isLeader: () => leading, leaderUrl: () => undefined, agentPingTimeoutMs: 50, maxAgentPingTimeouts: 2 });
    running.push(m);
    const agent = new TestAgent(m.master.agentApi, [scalar("cpus", 2), scalar("mem", 1024)], { heartbeat: false });
    await agent.register("silent");
    const fw = await subscribeFramework(m.master.scheduler);
    const offer = await offerFor(fw, agent.id);
    await fw.call({ type: "DECLINE", decline: { offer_ids: [offer.id], filters: { refuse_seconds: 0.1 } } });
    const seen = fw.events.all.length;
    leading = false;
    // Many ping intervals of a silent agent and many allocation rounds past the filter.
    await new Promise((r) => setTimeout(r, 600));
    expect(fw.events.all.slice(seen).filter((e) => e.type === "OFFERS")).to.have.length(0);
    expect(m.master.agents.has(agent.id), "not marked unreachable").to.equal(true);
    leading = true;
    await offerFor(fw, agent.id, seen);
  });

  describe("through NATS KV", () => {
    let nats: TestNats;
    let bucket: string;
    before(async () => {
      nats = await testNats();
    });
    after(async () => {
      await nats?.close();
    });
    beforeEach(() => {
      bucket = `test-rec-${randomUUID().slice(0, 8)}`;
    });
    afterEach(async () => {
      const nc = await connect({ servers: nats.url });
      await nc.jetstreamManager().then((m) => m.streams.delete(`KV_${bucket}`)).catch(() => undefined);
      await nc.close();
    });

    it("the successor loads what the leader persisted and redirects are followed to it", async () => {
      const ha = (advertise?: string) =>
        startHaMaster({ port: 0, allocationIntervalMs: 20, heartbeatIntervalMs: 200, logger: quiet }, { natsUrl: nats.url, bucket, leaseTtlMs: 1000, ...(advertise ? { advertiseUrl: advertise } : {}) });
      const a: RunningHaMaster = await ha();
      running.push(a);
      await until(() => a.role() === "leader" && a.current().isLeader(), 5000, "a to lead");
      const b: RunningHaMaster = await ha();
      running.push(b);
      await until(() => b.lease.leaderUrl() === a.url, 5000, "b to see a lead");

      // Clients given both URLs, b first: b redirects them to a.
      const agent = new TestAgent(httpAgentApi([b.url, a.url]), [scalar("cpus", 2), scalar("mem", 1024)]);
      await agent.register("agent1");
      const fw = await subscribeFramework(httpSchedulerApi([b.url, a.url]), { name: "persisted" });
      await launch(fw, agent.id, ["t1"]);
      const kvKeys = async () => {
        const nc = await connect({ servers: nats.url });
        try {
          const kv = await nc.jetstream().views.kv(bucket);
          const out: string[] = [];
          for await (const k of await kv.keys()) out.push(k);
          return out.sort();
        } finally {
          await nc.close();
        }
      };
      const deadline = Date.now() + 5000;
      let keys: string[] = [];
      while (Date.now() < deadline && keys.filter((k) => k.startsWith("tasks.")).length === 0) {
        keys = await kvKeys();
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(keys.filter((k) => k.split(".")[0] === "agents")).to.have.length(1);
      expect(keys.filter((k) => k.split(".")[0] === "frameworks")).to.have.length(1);
      expect(keys.filter((k) => k.split(".")[0] === "tasks")).to.have.length(1);

      // a steps down (gives the lease up): b leads with a's state.
      running.splice(running.indexOf(a), 1);
      await a.close();
      await until(() => b.role() === "leader" && b.current().isLeader(), 5000, "b to lead");
      const m = b.current();
      expect([...m.recoveredAgents.keys()]).to.deep.equal([agent.id]);
      expect(m.frameworks.get(fw.id)?.connected).to.equal(false);
      expect([...m.frameworks.get(fw.id)!.tasks.keys()]).to.deep.equal(["t1"]);
      expect(m.id).to.not.equal(a.master.id);
    });
  });
});
