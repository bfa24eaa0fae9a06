/**
 * The agent in bridge pod-network mode: two task groups listening on one port, each in its
 * own namespace at its own IP; the IP reported in TaskStatus.container_status.network_infos;
 * an http readiness probe reaching the pod IP; a ClusterIP on the host's loopback served by
 * the agent's proxy to a client inside a pod; a host port mapping; a requested IP the agent
 * refuses; and the namespaces gone once the groups end. Skipped where bridge mode is not
 * possible (not root, no iproute2).
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { connect } from "node:net";
import { startAgent, type Agent } from "../../src/agents/agent.js";
import { listNetns, resolvePodNetwork } from "../../src/agents/network/bridge.js";
import { inNetns } from "../../src/agents/network/ip.js";
import { encodeProxyTable, PROXY_EXECUTOR_ID } from "../../src/agents/proxy/proxy.js";
import type { NetworkInfo, TaskInfo } from "../../src/mesos/v1.js";
import { FakeMaster, FRAMEWORK } from "./helpers/fake-master.js";
import { memoryLogger, tempDir } from "./helpers/util.js";
import { freePort } from "../support/net.js";

const PORT = 18090;
const server = (name: string) => `exec node -e "require('net').createServer(s=>s.end('${name}')).listen(${PORT},'0.0.0.0')"`;

function launch(master: FakeMaster, id: string, cmd: string, network: NetworkInfo, extra: Partial<TaskInfo> = {}): void {
  master.send({
    type: "RUN_TASK_GROUP",
    run_task_group: {
      framework_info: FRAMEWORK,
      executor: { executor_id: { value: id }, framework_id: FRAMEWORK.id!, container: { type: "MESOS", network_infos: [network] } },
      task_group: { tasks: [{ name: id, task_id: { value: `${id}.c` }, agent_id: { value: "agent-1" }, resources: [], command: { value: cmd }, ...extra }] },
    },
  });
}

function fetchTcp(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = connect({ host, port });
    let out = "";
    const t = setTimeout(() => c.destroy(new Error(`timeout on ${host}:${port}`)), 3000);
    c.setEncoding("utf8");
    c.on("data", (d: string) => (out += d));
    c.on("end", () => (clearTimeout(t), resolve(out)));
    c.on("error", (e) => (clearTimeout(t), reject(e)));
  });
}

async function eventually<T>(f: () => Promise<T>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await f();
    } catch (e) {
      if (Date.now() > end) throw new Error(`${what}: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}


describe("agents: bridge pod network", function () {
  this.timeout(60_000);
  let master: FakeMaster;
  let agent: Agent | undefined;
  let tmp: ReturnType<typeof tempDir>;

  before(async function () {
    const net = await resolvePodNetwork("auto");
    if (net.mode !== "bridge") throw new Error(`bridge pod networking needs root, ip (iproute2) and nsenter: ${net.reason ?? "not available"}`);
  });
  beforeEach(() => {
    tmp = tempDir();
    master = new FakeMaster();
  });
  afterEach(async () => {
    await agent?.stop({ killTasks: true });
    agent = undefined;
    tmp.cleanup();
  });

  it("runs two groups on one containerPort at their own IPs, serves them ClusterIPs and host ports, and removes their namespaces when they end", async () => {
    const logs = memoryLogger();
    agent = await startAgent({ api: master, workDir: tmp.dir, log: logs.log, resources: [], cgroupRoot: false, podNetwork: "bridge", serviceCidr: "127.96.0.0/16" });
    await agent.registered;
    expect(agent.podNetwork.mode).to.equal("bridge");
    const cidr = agent.podNetwork.cidr!;
    const base = cidr.split("/")[0]!.split(".").slice(0, 3).join(".");
    // It says so in its registration, for the framework to mirror.
    const attrs = master.subscriptions[0]!.register!.agent_info.attributes ?? [];
    expect(attrs).to.deep.include({ name: "pod-network", type: "TEXT", text: { value: "bridge" } });
    expect(attrs).to.deep.include({ name: "pod-cidr", type: "TEXT", text: { value: cidr } });

    const hostPort = await freePort();
    launch(master, "pod-a", server("A"), { ip_addresses: [{ ip_address: `${base}.10` }], port_mappings: [{ host_port: hostPort, container_port: PORT, protocol: "tcp" }] }, {
      runtime: { probes: { readiness: { tcp: { port: PORT }, period_seconds: 1 } } },
    });
    launch(master, "pod-b", server("B"), { ip_addresses: [{ ip_address: `${base}.11` }] });
    const a = await master.waitState("pod-a.c", "TASK_RUNNING");
    await master.waitState("pod-b.c", "TASK_RUNNING");
    expect(a.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address).to.equal(`${base}.10`);
    expect(await eventually(() => fetchTcp(`${base}.10`, PORT), "pod A")).to.equal("A");
    expect(await eventually(() => fetchTcp(`${base}.11`, PORT), "pod B")).to.equal("B");
    // The readiness probe (tcp) reaches the pod IP: nothing listens on the host for it.
    await master.waitFor(() => master.updates.some((u) => u.task_id.value === "pod-a.c" && u.ready === true), 10_000, "pod A ready");
    // hostPort -> podIP:containerPort.
    // On failure, say what the host-port listener logged (a port it could not bind, say).
    const hostPortLog = () =>
      JSON.stringify({
        hostPorts: logs.lines.filter((l) => l.part === "host-ports"),
        podA: master.updates.filter((u) => u.task_id.value === "pod-a.c").map((u) => ({ state: u.state, reason: u.reason, message: u.message, source: u.source })),
        warnings: logs.lines.filter((l) => l.level === "warn" || l.level === "error"),
      });
    expect(await eventually(() => fetchTcp("127.0.0.1", hostPort), "host port").catch((e: Error) => Promise.reject(new Error(`${e.message}; host-port log: ${hostPortLog()}`)))).to.equal("A");

    // A ClusterIP on the host's loopback, proxied by the agent to pod A, reached from inside pod B.
    master.send({ type: "FRAMEWORK_MESSAGE", framework_message: { framework_id: FRAMEWORK.id!, executor_id: { value: PROXY_EXECUTOR_ID }, data: encodeProxyTable({ version: 1, rules: [{ listen: "127.96.44.5:80", backends: [`${base}.10:${PORT}`] }] }) } });
    // Pod B's namespace is named after its executor run (the run directory of its sandbox).
    const runB = /\/runs\/([^/]+)\//.exec(agent.tasks().find((t) => t.taskId === "pod-b.c")!.sandbox)![1]!;
    const netnsB = `${agent.podNetwork.bridge}-${runB}`;
    expect(listNetns()).to.include(netnsB);
    const fromB = () =>
      new Promise<string>((resolve, reject) => {
        execFile(inNetns(netnsB)[0]!, [...inNetns(netnsB).slice(1), process.execPath, "-e", "require('net').connect(80,'127.96.44.5').setEncoding('utf8').on('data',d=>process.stdout.write(d)).on('error',e=>{console.error(e.message);process.exit(1)})"], { timeout: 5000 }, (e, out) => (e ? reject(e) : resolve(out)));
      });
    expect(await eventually(fromB, "ClusterIP from inside a pod")).to.equal("A");

    // A requested IP outside the CIDR, or one in use, fails the group with the reason.
    launch(master, "pod-c", server("C"), { ip_addresses: [{ ip_address: "10.9.9.9" }] });
    const c = await master.waitState("pod-c.c", "TASK_FAILED");
    expect(c.message).to.equal(`Failed to launch container: requested IP address 10.9.9.9 is outside the agent's pod CIDR ${cidr}`);
    launch(master, "pod-d", server("D"), { ip_addresses: [{ ip_address: `${base}.11` }] });
    expect((await master.waitState("pod-d.c", "TASK_FAILED")).message).to.contain(`requested IP address ${base}.11 is already in use`);

    // The groups end: their namespaces go.
    const mine = () => listNetns().filter((n) => n.startsWith(`${agent!.podNetwork.bridge}-`));
    expect(mine()).to.have.length(2);
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "pod-a.c" } } });
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "pod-b.c" } } });
    await master.waitState("pod-a.c", "TASK_KILLED");
    await master.waitState("pod-b.c", "TASK_KILLED");
    await master.waitFor(() => mine().length === 0, 5000, "namespaces removed");
  });

  it("a restarted agent re-adopts the namespace of a running group and removes it once the group ends", async () => {
    const start = async () => {
      agent = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], cgroupRoot: false, podNetwork: "bridge", recoveryPollMs: 100 });
      await agent.registered;
      return agent;
    };
    await start();
    const base = agent!.podNetwork.cidr!.split("/")[0]!.split(".").slice(0, 3).join(".");
    launch(master, "pod-r", server("R"), { ip_addresses: [{ ip_address: `${base}.20` }] }, { runtime: { restart_policy: "Always" } });
    await master.waitState("pod-r.c", "TASK_RUNNING");
    expect(await eventually(() => fetchTcp(`${base}.20`, PORT), "pod R")).to.equal("R");
    const mine = () => listNetns().filter((n) => n.startsWith(`${agent!.podNetwork.bridge}-`));
    const before = mine();
    expect(before).to.have.length(1);
    // The agent stops (its tasks keep running) and a new one on the same work directory takes over.
    await agent!.stop();
    await start();
    expect(agent!.podNetwork.cidr).to.equal(`${base}.0/24`);
    expect(mine()).to.deep.equal(before);
    expect(await fetchTcp(`${base}.20`, PORT)).to.equal("R");
    // Its IP stays taken; re-registration reports it.
    launch(master, "pod-s", server("S"), { ip_addresses: [{ ip_address: `${base}.20` }] });
    expect((await master.waitState("pod-s.c", "TASK_FAILED")).message).to.contain("already in use");
    // The process dies and is restarted in place (restart policy): still in its namespace, at its IP.
    const pid = agent!.tasks().find((t) => t.taskId === "pod-r.c")!.pid!;
    process.kill(-pid, "SIGKILL");
    await master.waitFor(() => master.updates.some((u) => u.task_id.value === "pod-r.c" && (u.restart_count ?? 0) >= 1 && u.state === "TASK_RUNNING" && !u.backoff), 15_000, "restarted");
    expect(await eventually(() => fetchTcp(`${base}.20`, PORT), "pod R after its restart")).to.equal("R");
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "pod-r.c" } } });
    await master.waitState("pod-r.c", "TASK_KILLED");
    await master.waitFor(() => mine().length === 0, 5000, "namespace removed");
  });

  it("refuses a network on a host-mode agent with a clear message", async () => {
    agent = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], cgroupRoot: false, podNetwork: "host" });
    await agent.registered;
    launch(master, "pod-x", server("X"), { ip_addresses: [{ ip_address: "10.244.0.5" }] });
    const x = await master.waitState("pod-x.c", "TASK_FAILED");
    expect(x.message).to.match(/^Failed to launch container: this agent runs containers on the host network \(pod network "host": --pod-network host\)/);
  });
});
