import { expect } from "chai";
import type { RunningMaster } from "../../src/resource-manager/index.js";
import { EventLog, LINKS, TestAgent, commandTask, sleep, subscribeFramework, testMaster, until, type TestFramework } from "./helpers.js";
import type { SchedulerEvent } from "../../src/mesos/v1.js";

/** Launch ids from the next offer; the unused rest is refused for `refuseSeconds` (unset: Filters' default 5 s). */
async function launch(fw: TestFramework, agent: TestAgent, ids: string[], refuseSeconds?: number): Promise<void> {
  const offer = await fw.nextOffer();
  const filters = refuseSeconds !== undefined ? { filters: { refuse_seconds: refuseSeconds } } : {};
  await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: ids.map((id) => commandTask(id, offer)) } }], ...filters } });
  // In whatever order the tasks report RUNNING (waiting for them one by one would skip a later one's update).
  const pending = new Set(ids);
  while (pending.size > 0) {
    const s = await fw.nextUpdate((x) => pending.has(x.task_id.value) && x.state === "TASK_RUNNING");
    pending.delete(s.task_id.value);
    await fw.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: { value: agent.id }, task_id: s.task_id, uuid: s.uuid! } });
  }
}

// Every case runs over both links; /state and /metrics are read over HTTP (operator endpoints).
for (const link of LINKS) {
  describe(`resource-manager: framework failover, teardown and agent health (${link.name})`, function () {
    this.timeout(15000);
    let m: RunningMaster;
    afterEach(async () => {
      await m?.close();
    });

    it("a framework or agent that closes its event sink is disconnected at once, not at the next heartbeat", async () => {
      m = await testMaster({ heartbeatIntervalMs: 60_000, agentPingTimeoutMs: 60_000 });
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m), { failover_timeout: 60 });
      await fw.nextOffer();
      // Closing its event sink is how a subscriber ends a subscription on either link.
      fw.events.sink.close();
      await until(() => !m.master.frameworks.get(fw.id)!.connected, 500, "framework disconnected");
      expect(m.master.frameworks.get(fw.id)!.active).to.equal(false);
      expect(m.master.offers.size).to.equal(0);
      agent.disconnect();
      await until(() => !m.master.agents.get(agent.id)!.connected, 500, "agent disconnected");
    });

    it("a framework failing over within failover_timeout keeps its tasks; the old stream gets ERROR 'Framework failed over'", async () => {
      m = await testMaster();
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m), { failover_timeout: 5 });
      await launch(fw, agent, ["keep"]);
      // A second scheduler instance subscribes with the same id while the first is connected.
      const fw2 = await subscribeFramework(link.scheduler(m), { id: { value: fw.id }, failover_timeout: 5 });
      expect(fw2.id).to.equal(fw.id);
      const err = await fw.events.next("ERROR");
      expect(err.error!.message).to.equal("Framework failed over");
      await fw.events.waitClosed();
      // Old stream id is no longer valid.
      let code = 0;
      await fw.call({ type: "REVIVE" }).catch((e: { code: number }) => (code = e.code));
      expect(code).to.equal(400);
      // Disconnect entirely, come back within the timeout: tasks are still there.
      fw2.sub.close();
      await until(() => !m.master.frameworks.get(fw.id)!.connected, 2000, "framework disconnected");
      expect(m.master.frameworks.get(fw.id)!.active).to.equal(false);
      // Updates while disconnected are kept and delivered on re-subscription.
      await agent.update(fw.id, "keep", "TASK_FINISHED");
      const fw3 = await subscribeFramework(link.scheduler(m), { id: { value: fw.id }, failover_timeout: 5 });
      const fin = await fw3.nextUpdate((s) => s.task_id.value === "keep");
      expect(fin.state).to.equal("TASK_FINISHED");
      await fw3.call({ type: "RECONCILE", reconcile: { tasks: [{ task_id: { value: "keep" } }] } });
      expect((await fw3.nextUpdate((s) => s.reason === "REASON_RECONCILIATION")).state).to.equal("TASK_FINISHED");
    });

    it("after failover_timeout a disconnected framework is removed: agents shut it down, tasks end TASK_KILLED", async () => {
      m = await testMaster();
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m), { failover_timeout: 0.3 });
      await launch(fw, agent, ["doomed"]);
      fw.sub.close();
      const shutdown = await agent.events.next("SHUTDOWN_FRAMEWORK", 3000);
      expect(shutdown.shutdown_framework!.framework_id.value).to.equal(fw.id);
      expect(m.master.frameworks.has(fw.id)).to.equal(false);
      const done = m.master.completedFrameworks.get(fw.id)!;
      expect(done.completedTasks[0]!.state).to.equal("TASK_KILLED");
      expect(done.completedTasks[0]!.statuses.at(-1)!.reason).to.equal("REASON_FRAMEWORK_REMOVED");
      // Re-subscribing a removed framework is refused on the stream.
      const events = new EventLog<SchedulerEvent>();
      await fw.api.subscribe({ type: "SUBSCRIBE", framework_id: { value: fw.id }, subscribe: { framework_info: { user: "test", name: "x", id: { value: fw.id } } } }, events.sink);
      expect((await events.next("ERROR")).error!.message).to.equal("Framework has been removed");
    });

    it("TEARDOWN removes the framework at once and closes its stream", async () => {
      m = await testMaster();
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m), { failover_timeout: 60 });
      await launch(fw, agent, ["t"]);
      await fw.call({ type: "TEARDOWN" });
      await agent.events.next("SHUTDOWN_FRAMEWORK");
      await fw.events.waitClosed();
      const state = (await (await fetch(`${m.url}/state`)).json()) as { frameworks: unknown[]; completed_frameworks: { id: string; completed_tasks: { state: string }[] }[] };
      expect(state.frameworks).to.have.length(0);
      expect(state.completed_frameworks[0]!.id).to.equal(fw.id);
      expect(state.completed_frameworks[0]!.completed_tasks[0]!.state).to.equal("TASK_KILLED");
      // The agent's late TASK_KILLED for the removed framework is acknowledged by the master.
      await agent.update(fw.id, "t", "TASK_KILLED");
      await until(() => agent.acked.length > 0, 2000, "master's acknowledgement");
    });

    it("an agent that stops answering heartbeats becomes unreachable: TASK_UNREACHABLE (partition-aware) / TASK_LOST, FAILURE; re-registering brings tasks back", async () => {
      // Pings answered late on a loaded machine must not cost the agent before the launches: 3 x 250 ms.
      m = await testMaster({ agentPingTimeoutMs: 250, maxAgentPingTimeouts: 3 });
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const pa = await subscribeFramework(link.scheduler(m), { name: "pa", capabilities: [{ type: "PARTITION_AWARE" }], failover_timeout: 60 });
      await launch(pa, agent, ["p1"]);
      const old = await subscribeFramework(link.scheduler(m), { name: "old", failover_timeout: 60 });
      await launch(old, agent, ["o1"]);
      agent.heartbeat = false;
      const u = await pa.nextUpdate((s) => s.task_id.value === "p1", 8000);
      expect(u).to.include({ state: "TASK_UNREACHABLE", reason: "REASON_AGENT_REMOVED", source: "SOURCE_MASTER" });
      expect((u as unknown as { unreachable_time?: { nanoseconds: number } }).unreachable_time?.nanoseconds).to.be.a("number");
      const l = await old.nextUpdate((s) => s.task_id.value === "o1", 8000);
      expect(l).to.include({ state: "TASK_LOST", reason: "REASON_AGENT_REMOVED" });
      const failure = await pa.events.next("FAILURE");
      expect(failure.failure!.agent_id!.value).to.equal(agent.id);
      expect(m.master.unreachableAgents.has(agent.id)).to.equal(true);
      // Explicit reconciliation with the agent id: TASK_UNREACHABLE.
      await pa.call({ type: "RECONCILE", reconcile: { tasks: [{ task_id: { value: "p1" }, agent_id: { value: agent.id } }] } });
      expect((await pa.nextUpdate((s) => s.reason === "REASON_RECONCILIATION")).state).to.equal("TASK_UNREACHABLE");
      const metrics = (await (await fetch(`${m.url}/metrics/snapshot`)).json()) as Record<string, number>;
      expect(metrics["master/slaves_unreachable"]).to.equal(1);
      expect(metrics["master/tasks_unreachable"]).to.equal(2);
      // The agent comes back with its tasks: TASK_RUNNING with REASON_AGENT_REREGISTERED.
      agent.heartbeat = true;
      await agent.reregister();
      const back = await pa.nextUpdate((s) => s.task_id.value === "p1" && s.reason === "REASON_AGENT_REREGISTERED");
      expect(back.state).to.equal("TASK_RUNNING");
      expect(back.message).to.equal("Unreachable agent re-reregistered");
      expect(m.master.frameworks.get(pa.id)!.tasks.get("p1")!.state).to.equal("TASK_RUNNING");
      await agent.update(pa.id, "p1", "TASK_FINISHED");
      expect((await pa.nextUpdate((s) => s.task_id.value === "p1" && s.state === "TASK_FINISHED")).source).to.equal("SOURCE_EXECUTOR");
    });

    it("an agent whose stream closed is disconnected (offers rescinded), then unreachable after the reregister timeout; an unreachable agent is forgotten after the removal timeout", async () => {
      m = await testMaster({ agentReregisterTimeoutMs: 300, agentRemovalTimeoutMs: 300, agentPingTimeoutMs: 50 });
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m), { capabilities: [{ type: "PARTITION_AWARE" }], checkpoint: true });
      await launch(fw, agent, ["x"], 0);
      await fw.nextOffer();
      agent.disconnect();
      await fw.events.next("RESCIND", 2000);
      expect(m.master.agents.get(agent.id)!.connected).to.equal(false);
      expect(m.master.frameworks.get(fw.id)!.tasks.get("x")!.state).to.equal("TASK_RUNNING");
      const u = await fw.nextUpdate((s) => s.task_id.value === "x", 3000);
      expect(u.state).to.equal("TASK_UNREACHABLE");
      await until(() => !m.master.unreachableAgents.has(agent.id), 3000, "unreachable agent forgotten");
      await fw.call({ type: "RECONCILE", reconcile: { tasks: [{ task_id: { value: "x" }, agent_id: { value: agent.id } }] } });
      expect((await fw.nextUpdate((s) => s.reason === "REASON_RECONCILIATION")).state).to.equal("TASK_UNKNOWN");
    });

    it("an agent re-registering after a disconnection keeps its tasks; tasks it no longer has end TASK_LOST", async () => {
      m = await testMaster({ agentPingTimeoutMs: 50 });
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m), { checkpoint: true });
      await launch(fw, agent, ["stay", "vanish"]);
      agent.disconnect();
      await until(() => !m.master.agents.get(agent.id)!.connected, 2000, "agent disconnected");
      await agent.reregister(agent.reportedTasks().filter((t) => t.task.task_id.value === "stay"));
      const lost = await fw.nextUpdate((s) => s.task_id.value === "vanish");
      expect(lost).to.include({ state: "TASK_LOST", reason: "REASON_RECONCILIATION", message: "Reconciliation: task unknown to the agent" });
      expect(m.master.agents.get(agent.id)!.connected).to.equal(true);
      expect(m.master.frameworks.get(fw.id)!.tasks.get("stay")!.state).to.equal("TASK_RUNNING");
      // Offers flow again for the reconnected agent, and updates from it too.
      await fw.nextOffer();
      await agent.update(fw.id, "stay", "TASK_FAILED");
      expect((await fw.nextUpdate((s) => s.task_id.value === "stay")).state).to.equal("TASK_FAILED");
    });

    it("a REGISTER retried by the same agent process replaces its earlier registration (its tasks end TASK_LOST); another process on the same host is another agent", async () => {
      m = await testMaster({ agentPingTimeoutMs: 50 });
      const agent = new TestAgent(link.agent(m));
      const first = await agent.register("agent1", "process-1");
      const fw = await subscribeFramework(link.scheduler(m), { checkpoint: true });
      await launch(fw, agent, ["never-got"]);
      // Registered after the launch, so the launch takes this agent's offer, not the neighbour's.
      const neighbour = new TestAgent(link.agent(m));
      await neighbour.register("agent1", "process-2");
      // The process gave up waiting for REGISTERED and registers again.
      agent.disconnect();
      const second = await agent.register("agent1", "process-1");
      expect(second).to.not.equal(first);
      expect([...m.master.agents.keys()].sort()).to.deep.equal([neighbour.id, second].sort());
      const lost = await fw.nextUpdate((s) => s.task_id.value === "never-got");
      expect(lost).to.include({ state: "TASK_LOST", reason: "REASON_AGENT_REMOVED", message: "a new agent registered at the same address" });
      // And again while the master still counts the earlier stream as connected.
      const third = await agent.register("agent1", "process-1");
      expect([...m.master.agents.keys()].sort()).to.deep.equal([neighbour.id, third].sort());
      expect(m.master.agents.get(neighbour.id)!.connected).to.equal(true);
    });

    it("tasks of a framework that does not checkpoint are lost when their agent disconnects", async () => {
      m = await testMaster({ agentPingTimeoutMs: 50 });
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      const fw = await subscribeFramework(link.scheduler(m));
      await launch(fw, agent, ["ephemeral"]);
      agent.disconnect();
      const s = await fw.nextUpdate((x) => x.task_id.value === "ephemeral", 2000);
      expect(s).to.include({ state: "TASK_LOST", reason: "REASON_AGENT_DISCONNECTED" });
      await sleep(10);
    });
  });
}
