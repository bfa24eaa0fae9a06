import { expect } from "chai";
import type { RunningMaster } from "../../src/resource-manager/index.js";
import type { Offer, TaskInfo } from "../../src/mesos/v1.js";
import { LINKS, TestAgent, commandTask, scalar, subscribeFramework, testMaster, until, type TestFramework } from "./helpers.js";

// Every case runs over both links of the one interface (DESIGN.md decision 1).
for (const link of LINKS) {
  describe(`resource-manager: offers, tasks and status updates (${link.name})`, function () {
    this.timeout(10000);
    let m: RunningMaster;
    let fw: TestFramework;
    let agent: TestAgent;
    let offer: Offer;
    beforeEach(async () => {
      m = await testMaster();
      fw = await subscribeFramework(link.scheduler(m), { capabilities: [{ type: "PARTITION_AWARE" }] });
      agent = new TestAgent(link.agent(m));
      await agent.register();
      offer = await fw.nextOffer();
    });
    afterEach(async () => {
      await m.close();
    });

    it("ACCEPT LAUNCH: RUN_TASK at the agent, updates to the framework, ACKNOWLEDGE back to the agent", async () => {
      const task = commandTask("t1", offer);
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }], filters: { refuse_seconds: 0 } } });
      const run = await agent.events.next("RUN_TASK");
      expect(run.run_task!.task.task_id.value).to.equal("t1");
      expect(run.run_task!.framework_info.id!.value).to.equal(fw.id);
      expect(run.run_task!.task.resources.every((r) => r.allocation_info?.role === "*")).to.equal(true);
      const starting = await fw.nextUpdate((s) => s.state === "TASK_STARTING");
      expect(starting.agent_id!.value).to.equal(agent.id);
      expect(starting.uuid).to.be.a("string");
      await fw.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: { value: agent.id }, task_id: { value: "t1" }, uuid: starting.uuid! } });
      const running = await fw.nextUpdate((s) => s.state === "TASK_RUNNING");
      await fw.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: { value: agent.id }, task_id: { value: "t1" }, uuid: running.uuid! } });
      await until(() => agent.acked.length === 2, 2000, "acknowledgements at the agent");
      expect(agent.acked).to.deep.equal([starting.uuid, running.uuid]);
      expect(m.master.frameworks.get(fw.id)!.tasks.get("t1")!.state).to.equal("TASK_RUNNING");
      // The rest of the offer went back to the allocator and comes back (cpus 4 - 1).
      const again = await fw.nextOffer();
      expect(again.resources.find((r) => r.name === "cpus")!.scalar!.value).to.equal(3);
      // A terminal update returns the task's resources; the acknowledgement retires the task.
      await agent.update(fw.id, "t1", "TASK_FINISHED");
      const fin = await fw.nextUpdate((s) => s.state === "TASK_FINISHED");
      await fw.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: { value: agent.id }, task_id: { value: "t1" }, uuid: fin.uuid! } });
      await until(() => !m.master.frameworks.get(fw.id)!.tasks.has("t1"), 2000, "task retired");
      expect(m.master.frameworks.get(fw.id)!.completedTasks.map((t) => t.state)).to.deep.equal(["TASK_FINISHED"]);
    });

    it("DECLINE with refuse_seconds keeps the agent away from this framework for that long", async () => {
      await fw.call({ type: "DECLINE", decline: { offer_ids: [offer.id], filters: { refuse_seconds: 0.6 } } });
      const t0 = Date.now();
      const next = await fw.nextOffer(3000);
      expect(next.id.value).to.not.equal(offer.id.value);
      expect(Date.now() - t0).to.be.greaterThan(450);
    });

    it("without filters, DECLINE and the unused part of an ACCEPT are refused for Filters' default 5 s; another framework gets them", async () => {
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [commandTask("part", offer)] } }] } });
      await fw.nextUpdate((x) => x.task_id.value === "part" && x.state === "TASK_RUNNING");
      const other = await subscribeFramework(link.scheduler(m), { name: "other" });
      const rest = await other.nextOffer(3000);
      expect(rest.agent_id.value).to.equal(agent.id);
      await other.call({ type: "DECLINE", decline: { offer_ids: [rest.id] } });
      // Within the 5 s neither framework is offered the agent again (allocation runs every 20 ms here).
      expect(await fw.events.none("OFFERS", 1500)).to.equal(true);
      expect(await other.events.none("OFFERS", 10)).to.equal(true);
    });

    it("an over-committed LAUNCH gets TASK_ERROR (REASON_TASK_INVALID) and no RUN_TASK", async () => {
      const task = commandTask("big", offer, [scalar("cpus", 8)]);
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }], filters: { refuse_seconds: 0 } } });
      const s = await fw.nextUpdate((x) => x.task_id.value === "big");
      expect(s.state).to.equal("TASK_ERROR");
      expect(s.reason).to.equal("REASON_TASK_INVALID");
      expect(s.source).to.equal("SOURCE_MASTER");
      expect(s.message).to.match(/^Total resources cpus\(allocated: \*\):8 required by task and its executor is more than available /);
      expect(await agent.events.none("RUN_TASK", 200)).to.equal(true);
    });

    it("tasks launched in order consume what remains of the offer; a duplicate id is refused", async () => {
      const a = commandTask("a", offer, [scalar("cpus", 3)]);
      const b = commandTask("b", offer, [scalar("cpus", 2)]);
      const dup = commandTask("a", offer, [scalar("cpus", 0.5)]);
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [a, b, dup] } }], filters: { refuse_seconds: 0 } } });
      const sb = await fw.nextUpdate((x) => x.task_id.value === "b");
      expect(sb.state).to.equal("TASK_ERROR");
      const sdup = await fw.nextUpdate((x) => x.task_id.value === "a" && x.state === "TASK_ERROR");
      expect(sdup.message).to.equal("Task has duplicate ID: a");
    });

    it("ACCEPT of an unknown offer: TASK_DROPPED (partition-aware) with REASON_INVALID_OFFERS; a stale offer id too", async () => {
      const bogus = { ...offer, id: { value: "no-such-offer" } };
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [bogus.id], operations: [{ type: "LAUNCH", launch: { task_infos: [commandTask("x", offer)] } }] } });
      const s = await fw.nextUpdate((x) => x.task_id.value === "x");
      expect(s.state).to.equal("TASK_DROPPED");
      expect(s.reason).to.equal("REASON_INVALID_OFFERS");
      expect(s.message).to.equal("Task launched with invalid offers: Offer no-such-offer is no longer valid");
      // The real offer is still valid and can be used once; then it is gone.
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [] } });
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [commandTask("y", offer)] } }], filters: { refuse_seconds: 0 } } });
      const y = await fw.nextUpdate((x) => x.task_id.value === "y");
      expect(y.state).to.equal("TASK_DROPPED");
    });

    it("LAUNCH_GROUP is all-or-nothing", async () => {
      const executor = { type: "DEFAULT" as const, executor_id: { value: "pod-1" }, resources: [scalar("cpus", 0.1), scalar("mem", 32)] };
      const ok = (id: string, cpus: number): TaskInfo => ({ name: id, task_id: { value: id }, agent_id: offer.agent_id, resources: [scalar("cpus", cpus)], command: { value: "true" } });
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH_GROUP", launch_group: { executor, task_group: { tasks: [ok("g1", 1), ok("g2", 10)] } } }], filters: { refuse_seconds: 0 } } });
      const s1 = await fw.nextUpdate((x) => x.task_id.value === "g1");
      const s2 = await fw.nextUpdate((x) => x.task_id.value === "g2");
      for (const s of [s1, s2]) {
        expect(s.state).to.equal("TASK_ERROR");
        expect(s.reason).to.equal("REASON_TASK_GROUP_INVALID");
        expect(s.message).to.match(/required by task group and its executor are more than available/);
      }
      expect(await agent.events.none("RUN_TASK_GROUP", 150)).to.equal(true);
      const again = await fw.nextOffer();
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [again.id], operations: [{ type: "LAUNCH_GROUP", launch_group: { executor, task_group: { tasks: [ok("g3", 1), ok("g4", 1)] } } }], filters: { refuse_seconds: 0 } } });
      const run = await agent.events.next("RUN_TASK_GROUP");
      expect(run.run_task_group!.task_group.tasks.map((t) => t.task_id.value)).to.deep.equal(["g3", "g4"]);
      expect(run.run_task_group!.executor.framework_id!.value).to.equal(fw.id);
      expect(run.run_task_group!.task_group.tasks[0]!.executor!.executor_id.value).to.equal("pod-1");
      await fw.nextUpdate((x) => x.task_id.value === "g4" && x.state === "TASK_RUNNING");
      // Executor resources are counted once: 4 - 1 - 1 - 0.1 cpus remain.
      const third = await fw.nextOffer();
      expect(third.resources.find((r) => r.name === "cpus")!.scalar!.value).to.equal(1.9);
      expect(third.executor_ids).to.deep.equal([{ value: "pod-1" }]);
    });

    it("KILL sends KILL_TASK; an unknown task is reconciled (TASK_UNKNOWN / TASK_GONE)", async () => {
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [commandTask("k", offer)] } }], filters: { refuse_seconds: 0 } } });
      await fw.nextUpdate((s) => s.task_id.value === "k" && s.state === "TASK_RUNNING");
      await fw.call({ type: "KILL", kill: { task_id: { value: "k" } } });
      const kill = await agent.events.next("KILL_TASK");
      expect(kill.kill_task!.task_id.value).to.equal("k");
      expect((await fw.nextUpdate((s) => s.task_id.value === "k")).state).to.equal("TASK_KILLED");
      await fw.call({ type: "KILL", kill: { task_id: { value: "ghost" } } });
      const ghost = await fw.nextUpdate((s) => s.task_id.value === "ghost");
      expect(ghost).to.include({ state: "TASK_UNKNOWN", reason: "REASON_RECONCILIATION", message: "Reconciliation: Task is unknown" });
      await fw.call({ type: "KILL", kill: { task_id: { value: "ghost2" }, agent_id: { value: agent.id } } });
      expect((await fw.nextUpdate((s) => s.task_id.value === "ghost2")).state).to.equal("TASK_GONE");
    });

    it("RECONCILE explicit and implicit answer the latest state with REASON_RECONCILIATION", async () => {
      await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [commandTask("r1", offer), commandTask("r2", offer)] } }], filters: { refuse_seconds: 0 } } });
      await fw.nextUpdate((s) => s.task_id.value === "r2" && s.state === "TASK_RUNNING");
      await fw.call({ type: "RECONCILE", reconcile: { tasks: [{ task_id: { value: "r1" } }, { task_id: { value: "zz" }, agent_id: { value: "unknown-agent" } }] } });
      const r1 = await fw.nextUpdate((s) => s.reason === "REASON_RECONCILIATION");
      expect(r1).to.include({ state: "TASK_RUNNING", message: "Reconciliation: Latest task state", source: "SOURCE_MASTER" });
      expect(r1.uuid).to.equal(undefined);
      expect((await fw.nextUpdate((s) => s.task_id.value === "zz")).state).to.equal("TASK_UNKNOWN");
      await fw.call({ type: "RECONCILE", reconcile: { tasks: [] } });
      const a = await fw.nextUpdate((s) => s.reason === "REASON_RECONCILIATION");
      const b = await fw.nextUpdate((s) => s.reason === "REASON_RECONCILIATION");
      expect([a.task_id.value, b.task_id.value].sort()).to.deep.equal(["r1", "r2"]);
    });

    it("SUPPRESS stops offers for the role and REVIVE brings them back", async () => {
      await fw.call({ type: "SUPPRESS", suppress: {} });
      await fw.call({ type: "DECLINE", decline: { offer_ids: [offer.id], filters: { refuse_seconds: 0 } } });
      expect(await fw.events.none("OFFERS", 300)).to.equal(true);
      await fw.call({ type: "REVIVE", revive: {} });
      await fw.nextOffer();
    });

    it("offer_timeout rescinds unused offers", async () => {
      await m.close();
      m = await testMaster({ offerTimeoutMs: 150 });
      fw = await subscribeFramework(link.scheduler(m));
      agent = new TestAgent(link.agent(m));
      await agent.register();
      const o = await fw.nextOffer();
      const r = await fw.events.next("RESCIND", 1000);
      expect(r.rescind!.offer_id.value).to.equal(o.id.value);
    });

    it("MESSAGE goes to the agent as FRAMEWORK_MESSAGE and back as MESSAGE", async () => {
      await fw.call({ type: "MESSAGE", message: { agent_id: { value: agent.id }, executor_id: { value: "e" }, data: "aGk=" } });
      const e = await agent.events.next("FRAMEWORK_MESSAGE");
      expect(e.framework_message).to.deep.equal({ framework_id: { value: fw.id }, executor_id: { value: "e" }, data: "aGk=" });
      await agent.call({ type: "FRAMEWORK_MESSAGE", framework_message: { framework_id: { value: fw.id }, executor_id: { value: "e" }, data: "eW8=" } });
      const back = await fw.events.next("MESSAGE");
      expect(back.message).to.deep.equal({ agent_id: { value: agent.id }, executor_id: { value: "e" }, data: "eW8=" });
    });
  });
}
