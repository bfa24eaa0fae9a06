/**
 * Tasks of the built-in proxy executor (`berth.proxy`; containerizers/ports.ts): no
 * process, RUNNING until killed, holding their ports resources; the agent's proxy listens
 * on a held rule's port only while such a task holds it, also after an agent restart.
 */
import { expect } from "chai";
import { connect } from "node:net";
import { startAgent, type Agent } from "../../src/agents/agent.js";
import { encodeProxyTable, PROXY_EXECUTOR_ID } from "../../src/agents/proxy/proxy.js";
import { FakeMaster, FRAMEWORK, runTask } from "./helpers/fake-master.js";
import { memoryLogger, sleep, tempDir } from "./helpers/util.js";
import { freePort } from "../support/net.js";

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port });
    s.once("connect", () => (s.destroy(), resolve(true)));
    // A rule without backends accepts and resets: only a refusal means nothing listens.
    s.once("error", (e: NodeJS.ErrnoException) => resolve(e.code !== "ECONNREFUSED"));
  });
}


describe("agents: port holds of the built-in proxy executor", function () {
  this.timeout(30_000);
  let master: FakeMaster;
  let tmp: ReturnType<typeof tempDir>;
  const agents: Agent[] = [];
  const start = async () => {
    const a = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], cgroupRoot: false, recoveryPollMs: 100 });
    agents.push(a);
    await a.registered;
    return a;
  };
  const table = (version: number, port: number) =>
    master.send({ type: "FRAMEWORK_MESSAGE", framework_message: { framework_id: FRAMEWORK.id!, executor_id: { value: PROXY_EXECUTOR_ID }, data: encodeProxyTable({ version, rules: [{ listen: `127.0.0.1:${port}`, backends: [], held: true }] }) } });
  const until = async (what: string, f: () => Promise<boolean>) => {
    for (let i = 0; !(await f()); i++) {
      if (i > 100) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };

  beforeEach(() => {
    tmp = tempDir();
    master = new FakeMaster();
  });
  afterEach(async () => {
    for (const a of agents.splice(0)) await a.stop({ killTasks: true });
    tmp.cleanup();
  });

  it("runs without a process, makes the proxy listen on its port, survives an agent restart and ends when killed", async () => {
    let agent = await start();
    const port = await freePort();
    table(1, port);
    await sleep(100);
    expect(await listening(port)).to.equal(false, "no hold yet");
    runTask(master, { id: "hold-1", executor: { executor_id: { value: PROXY_EXECUTOR_ID }, type: "CUSTOM" }, resources: [{ name: "ports", type: "RANGES", ranges: { range: [{ begin: port, end: port }] } }] });
    const running = await master.waitState("hold-1", "TASK_RUNNING");
    expect(running.container_status).to.equal(undefined, "no process");
    expect(agent.tasks()).to.deep.include({ frameworkId: "fw-1", taskId: "hold-1", executorId: PROXY_EXECUTOR_ID, state: "TASK_RUNNING", sandbox: agent.tasks()[0]!.sandbox, containerizer: "proxy" });
    await until("the proxy listening", () => listening(port));

    await agent.stop();
    expect(await listening(port)).to.equal(false);
    agent = await start();
    table(2, port); // a restarted agent's proxy gets its table from the framework's periodic resend
    await until("the proxy listening after the restart", () => listening(port));
    expect(agent.tasks().map((t) => [t.taskId, t.state])).to.deep.equal([["hold-1", "TASK_RUNNING"]]);
    expect(master.states("hold-1")).to.not.include("TASK_FAILED");

    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "hold-1" } } });
    await master.waitState("hold-1", "TASK_KILLED");
    await until("the proxy to stop listening", async () => !(await listening(port)));
    await master.waitFor(() => agent.tasks().length === 0, 5000, "forgotten");
    expect(agent.completedTasks()).to.deep.equal([], "nothing of a hold is kept");
  });

  it("a restarted agent serves its checkpointed proxy table at once, and a newer table from the framework replaces it", async () => {
    let agent = await start();
    const [port, port2] = [await freePort(), await freePort()];
    runTask(master, { id: "hold-2", executor: { executor_id: { value: PROXY_EXECUTOR_ID }, type: "CUSTOM" }, resources: [{ name: "ports", type: "RANGES", ranges: { range: [{ begin: port, end: port }, { begin: port2, end: port2 }] } }] });
    await master.waitState("hold-2", "TASK_RUNNING");
    table(5, port);
    await until("the proxy listening", () => listening(port));
    table(4, port2); // stale: neither applied nor checkpointed
    await sleep(100);

    await agent.stop();
    expect(await listening(port)).to.equal(false);
    agent = await start();
    // No table sent since the restart: the checkpointed one (version 5) is in force.
    await until("the proxy listening after the restart", () => listening(port));
    expect(await listening(port2)).to.equal(false);
    table(6, port2);
    await until("the newer table in force", async () => (await listening(port2)) && !(await listening(port)));

    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "hold-2" } } });
    await master.waitState("hold-2", "TASK_KILLED");
  });
});
