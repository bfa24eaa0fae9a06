import { expect } from "chai";
import { MesosApiError } from "../../src/mesos/link.js";
import type { RunningMaster } from "../../src/resource-manager/index.js";
import { LINKS, TestAgent, commandTask, rejection, subscribeFramework, testMaster, until, type Link } from "./helpers.js";

async function operator(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> | undefined; text: string }> {
  const res = await fetch(`${url}/api/v1`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: text && res.headers.get("content-type")?.startsWith("application/json") ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** An agent and a framework on `link` run a task; the operator views (HTTP by nature) show it all. */
async function agentRunsTask(m: RunningMaster, link: Link): Promise<void> {
  const agent = new TestAgent(link.agent(m), undefined);
  const agentId = await agent.register("node-1");
  const fw = await subscribeFramework(link.scheduler(m), { name: "spark", role: "batch" });
  const offer = await fw.nextOffer();
  await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [commandTask("job-1", offer)] } }], filters: { refuse_seconds: 0 } } });
  const running = await fw.nextUpdate((s) => s.state === "TASK_RUNNING");
  await fw.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: { value: agentId }, task_id: running.task_id, uuid: running.uuid! } });
  await until(() => agent.acked.includes(running.uuid!), 2000, "ack at the agent");

  const state = (await (await fetch(`${m.url}/state`)).json()) as Record<string, any>;
  expect(state.version).to.be.a("string");
  expect(state.activated_slaves).to.equal(1);
  expect(state.leader_info.id).to.equal(m.master.id);
  const slave = state.slaves[0];
  expect(slave).to.include({ id: agentId, hostname: "node-1", active: true });
  expect(slave.resources).to.include({ cpus: 4, mem: 4096, disk: 10000, gpus: 0 });
  expect(slave.used_resources).to.include({ cpus: 1, mem: 128 });
  const f = state.frameworks[0];
  expect(f).to.include({ id: fw.id, name: "spark", active: true, connected: true, role: "batch" });
  expect(f.tasks[0]).to.include({ id: "job-1", state: "TASK_RUNNING", slave_id: agentId, framework_id: fw.id, role: "batch" });
  expect(f.tasks[0].resources).to.include({ cpus: 1, mem: 128 });
  expect((await (await fetch(`${m.url}/master/state`)).json()) as object).to.have.property("slaves");

  const gs = await operator(m.url, { type: "GET_STATE" });
  expect(gs.status).to.equal(200);
  expect(gs.json!.type).to.equal("GET_STATE");
  const s = gs.json!.get_state as Record<string, any>;
  expect(s.get_tasks.tasks[0]).to.deep.include({ task_id: { value: "job-1" }, state: "TASK_RUNNING", agent_id: { value: agentId } });
  expect(s.get_tasks.tasks[0].status_update_state).to.equal("TASK_RUNNING");
  expect(s.get_agents.agents[0].agent_info.id).to.deep.equal({ value: agentId });
  expect(s.get_agents.agents[0].total_resources.find((r: { name: string }) => r.name === "cpus").scalar.value).to.equal(4);
  expect(s.get_frameworks.frameworks[0].framework_info.id).to.deep.equal({ value: fw.id });
  expect(s.get_frameworks.frameworks[0]).to.include({ active: true, connected: true, recovered: false });

  const summary = (await (await fetch(`${m.url}/state-summary`)).json()) as Record<string, any>;
  expect(summary.slaves[0].TASK_RUNNING).to.equal(1);
  expect(summary.frameworks[0].TASK_RUNNING).to.equal(1);

  const metrics = (await (await fetch(`${m.url}/metrics/snapshot`)).json()) as Record<string, number>;
  expect(metrics["master/tasks_running"]).to.equal(1);
  expect(metrics["master/frameworks_active"]).to.equal(1);
  expect(metrics["master/slaves_active"]).to.equal(1);
  expect(metrics["master/cpus_total"]).to.equal(4);
  expect(metrics["master/cpus_used"]).to.equal(1);
  const prom = await (await fetch(`${m.url}/metrics`)).text();
  expect(prom).to.match(/mesos_master_tasks_running 1/);
  expect(prom).to.match(/mesos_metric\{name="master\/slaves_active"\} 1/);
  expect((await fetch(`${m.url}/health`)).status).to.equal(200);
}

describe("resource-manager: operator endpoints and the agent link", function () {
  this.timeout(10000);
  let m: RunningMaster;
  beforeEach(async () => {
    m = await testMaster();
  });
  afterEach(async () => {
    await m.close();
  });

  for (const link of LINKS) {
    it(`an agent and a framework (${link.name}) register, heartbeat and run a task; /state and GET_STATE show it all`, () => agentRunsTask(m, link));
  }

  it("GET_HEALTH, GET_VERSION, GET_AGENTS, GET_FRAMEWORKS, GET_TASKS, GET_ROLES, UPDATE_WEIGHTS, UPDATE_QUOTA", async () => {
    const agent = new TestAgent(m.master.agentApi);
    await agent.register();
    const fw = await subscribeFramework(m.url, { role: "dev" });
    await fw.nextOffer();
    expect((await operator(m.url, { type: "GET_HEALTH" })).json).to.deep.equal({ type: "GET_HEALTH", get_health: { healthy: true } });
    expect(((await operator(m.url, { type: "GET_VERSION" })).json!.get_version as any).version_info.version).to.be.a("string");
    expect(((await operator(m.url, { type: "GET_AGENTS" })).json!.get_agents as any).agents).to.have.length(1);
    expect(((await operator(m.url, { type: "GET_FRAMEWORKS" })).json!.get_frameworks as any).frameworks[0].framework_info.role).to.equal("dev");
    expect(((await operator(m.url, { type: "GET_TASKS" })).json!.get_tasks as any).tasks).to.deep.equal([]);
    let r = await operator(m.url, { type: "UPDATE_WEIGHTS", update_weights: { weight_infos: [{ role: "dev", weight: 2.5 }] } });
    expect(r.status).to.equal(200);
    r = await operator(m.url, { type: "UPDATE_WEIGHTS", update_weights: { weight_infos: [{ role: "dev", weight: 0 }] } });
    expect(r).to.include({ status: 400, text: "Failed to validate update weights request JSON for role 'dev': Invalid weight '0': Weights must be positive" });
    const roles = ((await operator(m.url, { type: "GET_ROLES" })).json!.get_roles as any).roles as { name: string; weight: number; frameworks: { value: string }[] }[];
    const dev = roles.find((x) => x.name === "dev")!;
    expect(dev.weight).to.equal(2.5);
    expect(dev.frameworks).to.deep.equal([{ value: fw.id }]);
    r = await operator(m.url, { type: "UPDATE_QUOTA", update_quota: { quota_configs: [{ role: "dev", guarantees: { cpus: { value: 1 } }, limits: { cpus: { value: 2 } } }] } });
    expect(r.status).to.equal(200);
    r = await operator(m.url, { type: "UPDATE_QUOTA", update_quota: { quota_configs: [{ role: "dev", guarantees: { cpus: { value: 100 } } }] } });
    expect(r.status).to.equal(400);
    expect(r.text).to.match(/exceed cluster capacity/);
    const q = (await operator(m.url, { type: "GET_QUOTA" })).json!.get_quota as any;
    expect(q.status.configs[0].role).to.equal("dev");
    const rolesJson = (await (await fetch(`${m.url}/roles`)).json()) as any;
    expect(rolesJson.roles.find((x: { name: string }) => x.name === "dev").weight).to.equal(2.5);
    expect((await operator(m.url, { type: "NOPE" })).status).to.equal(501);
  });

  it("the agent API answers a raw request for an unknown agent 403", async () => {
    const res = await fetch(`${m.url}/api/v1/agent`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ type: "HEARTBEAT", agent_id: { value: "nope" } }) });
    expect(res.status).to.equal(403);
    expect(await res.text()).to.equal("Agent nope is not registered");
  });

  for (const link of LINKS) {
    it(`the agent API answers Mesos-style errors (${link.name})`, async () => {
      const agent = new TestAgent(link.agent(m));
      await agent.register();
      let e = await rejection(agent.api.call("bad-stream", { type: "HEARTBEAT", agent_id: { value: agent.id } }));
      expect(e).to.be.instanceOf(MesosApiError);
      expect(e).to.include({ code: 400, message: `The stream ID 'bad-stream' included in this request didn't match the stream ID currently associated with agent ID ${agent.id}` });
      e = await rejection(agent.api.call(agent.streamId, { type: "HEARTBEAT", agent_id: { value: "nope" } }));
      expect(e).to.include({ code: 403, message: "Agent nope is not registered" });
      // Invalid resources: ERROR on the stream, as Mesos shuts such an agent down.
      const bad = new TestAgent(link.agent(m), [{ name: "cpus", type: "SCALAR", scalar: { value: -1 } }]);
      await bad.api.subscribe({ type: "REGISTER", register: { agent_info: { hostname: "bad", resources: bad.resources } } }, bad.events.sink);
      expect((await bad.events.next("ERROR")).error!.message).to.match(/^Agent has invalid resources: Resource 'cpus:-1' is invalid/);
      await bad.events.waitClosed();
    });
  }
});
