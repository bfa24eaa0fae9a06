/**
 * Agent recovery against the real master over HTTP: an agent process is killed with
 * SIGKILL and restarted on the same work directory; its task must still be the same
 * process (no second launch), and a task that died while the agent was down must be
 * reported failed.
 */
import { expect } from "chai";
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { callbackSink, type SchedulerApi } from "../../src/mesos/link.js";
import type { Offer, SchedulerEvent, TaskStatus } from "../../src/mesos/v1.js";
import { startMaster, type RunningMaster } from "../../src/resource-manager/index.js";
import { createLogger } from "../../src/util/log.js";
import { alive, sleep, tempDir } from "./helpers/util.js";

const AGENT_MAIN = fileURLToPath(new URL("./helpers/agent-main.js", import.meta.url));

async function loadMaster(): Promise<RunningMaster> {
  return startMaster({ host: "127.0.0.1", port: 0, allocationIntervalMs: 100, logger: createLogger("master", { level: "warn" }) });
}

/** A minimal framework on the master's in-process scheduler API: acknowledges every update. */
async function testFramework(api: SchedulerApi) {
  const updates: TaskStatus[] = [];
  const offers: Offer[] = [];
  let frameworkId = "";
  const sub = await api.subscribe(
    { type: "SUBSCRIBE", subscribe: { framework_info: { user: "root", name: "recovery-test", checkpoint: true, failover_timeout: 600 } } },
    callbackSink<SchedulerEvent>((e) => {
      if (e.type === "SUBSCRIBED") frameworkId = e.subscribed!.framework_id.value;
      if (e.type === "OFFERS") offers.push(...e.offers!.offers);
      if (e.type === "UPDATE") {
        const s = e.update!.status;
        updates.push(s);
        // Acknowledge on a later turn, as a framework across the network would.
        const { uuid, agent_id } = s;
        if (uuid && agent_id) setImmediate(() => void api.call(sub.streamId, { type: "ACKNOWLEDGE", framework_id: { value: frameworkId }, acknowledge: { agent_id, task_id: s.task_id, uuid } }).catch(() => {}));
      }
    }),
  );
  const waitFor = async <T>(f: () => T | undefined | false, ms: number, what: string): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = f();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; updates: ${JSON.stringify(updates.map((u) => [u.task_id.value, u.state, u.message]))}`);
      await sleep(50);
    }
  };
  return {
    updates,
    waitFor,
    async launch(taskId: string, cmd: string): Promise<void> {
      const offer = await waitFor(() => offers.shift(), 15_000, "an offer");
      await api.call(sub.streamId, {
        type: "ACCEPT",
        framework_id: { value: frameworkId },
        accept: {
          offer_ids: [offer.id],
          operations: [{ type: "LAUNCH", launch: { task_infos: [{ name: taskId, task_id: { value: taskId }, agent_id: offer.agent_id, resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 0.1 } }, { name: "mem", type: "SCALAR", scalar: { value: 32 } }], command: { value: cmd } }] } }],
        },
      });
    },
    state: (taskId: string, state: string) => waitFor(() => updates.find((u) => u.task_id.value === taskId && u.state === state), 20_000, `${taskId} ${state}`),
  };
}

/** Unacknowledged updates the agent has checkpointed for a task. */
function pendingUpdates(workDir: string, taskId: string): number {
  const fw = readdirSync(join(workDir, "meta/frameworks"))[0]!;
  const file = join(workDir, "meta/frameworks", fw, "tasks", taskId, "updates.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { pending: unknown[] }).pending.length : 0;
}

function taskRecord(workDir: string, taskId: string): { container?: { pid?: number }; sandbox: string } {
  const fw = readdirSync(join(workDir, "meta/frameworks"))[0]!;
  return JSON.parse(readFileSync(join(workDir, "meta/frameworks", fw, "tasks", taskId, "task.json"), "utf8")) as { container?: { pid?: number }; sandbox: string };
}

describe("agents: recovery with the real master over HTTP", function () {
  this.timeout(60_000);
  let master: RunningMaster | undefined;
  let tmp: ReturnType<typeof tempDir>;
  const procs: ChildProcess[] = [];
  const taskPids: number[] = [];
  let log = "";

  const startAgentProcess = async (): Promise<ChildProcess> => {
    const p = spawn(process.execPath, [AGENT_MAIN, master!.url, tmp.dir], { stdio: ["ignore", "ignore", "pipe"] });
    procs.push(p);
    let registered = false;
    p.stderr!.on("data", (d: Buffer) => {
      log += d.toString();
      if (process.env.BERTH_TEST_LOG) process.stderr.write(d);
      if (/"msg":"(re-)?registered with master"/.test(d.toString())) registered = true;
    });
    const end = Date.now() + 15_000;
    while (!registered) {
      if (Date.now() > end || p.exitCode !== null) throw new Error(`agent did not register:\n${log}`);
      await sleep(50);
    }
    return p;
  };

  before(async () => {
    master = await loadMaster();
  });
  beforeEach(() => {
    tmp = tempDir();
    log = "";
  });
  afterEach(async () => {
    for (const p of procs.splice(0)) if (p.exitCode === null) p.kill("SIGKILL");
    for (const pid of taskPids.splice(0)) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    await sleep(200);
    removeAgentCgroups(tmp.dir);
    tmp.cleanup();
  });
  after(async () => {
    await master?.close();
  });

  it("kill -9 the agent, restart it: the task is the same process, not launched again, and the agent re-registers it", async () => {
    const fw = await testFramework(master!.master.scheduler);
    const a1 = await startAgentProcess();
    await fw.launch("sleeper", "echo launched >> launches.txt; exec sleep 30");
    await fw.state("sleeper", "TASK_RUNNING");
    const rec = taskRecord(tmp.dir, "sleeper");
    const pid = rec.container!.pid!;
    taskPids.push(pid);
    // Only an update whose acknowledgement the agent checkpointed is never resent (at-least-once delivery).
    for (let i = 0; i < 100 && pendingUpdates(tmp.dir, "sleeper") > 0; i++) await sleep(20);
    expect(pendingUpdates(tmp.dir, "sleeper")).to.equal(0);
    a1.kill("SIGKILL");
    await sleep(300);
    expect(alive(pid)).to.equal(true, "the task survives its agent");
    await startAgentProcess();
    expect(log).to.contain('"msg":"re-registering with master"');
    expect(log).to.contain('"msg":"recovering task"');
    await sleep(1000);
    expect(taskRecord(tmp.dir, "sleeper").container!.pid).to.equal(pid);
    expect(alive(pid)).to.equal(true);
    expect(readFileSync(join(rec.sandbox, "launches.txt"), "utf8")).to.equal("launched\n");
    expect(fw.updates.filter((u) => u.task_id.value === "sleeper" && u.state === "TASK_RUNNING" && u.source !== "SOURCE_MASTER")).to.have.length(1);
  });

  it("a task killed while its agent is down is reported TASK_FAILED after the agent restarts", async () => {
    const fw = await testFramework(master!.master.scheduler);
    const a1 = await startAgentProcess();
    await fw.launch("victim", "exec sleep 30");
    await fw.state("victim", "TASK_RUNNING");
    const pid = taskRecord(tmp.dir, "victim").container!.pid!;
    taskPids.push(pid);
    a1.kill("SIGKILL");
    await sleep(300);
    execSync(`pkill -KILL -P ${pid}`);
    await startAgentProcess();
    const failed = await fw.state("victim", "TASK_FAILED");
    expect(failed.message).to.equal("Command terminated with signal Killed");
    expect(existsSync(join(tmp.dir, "meta"))).to.equal(true);
  });
});

/** The agent processes were SIGKILLed, so nobody removed their task cgroups: do it here. */
function removeAgentCgroups(workDir: string): void {
  let id: string;
  try {
    id = (JSON.parse(readFileSync(join(workDir, "meta/agent.json"), "utf8")) as { agent_id: string }).agent_id;
  } catch {
    return;
  }
  for (const base of ["/sys/fs/cgroup/berth", "/sys/fs/cgroup/memory/berth", "/sys/fs/cgroup/cpu/berth"]) {
    const dir = join(base, id.replace(/[^A-Za-z0-9_.-]/g, "_"));
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) rmdirQuiet(join(dir, e.name));
    rmdirQuiet(dir);
    rmdirQuiet(base);
  }
}

function rmdirQuiet(d: string): void {
  try {
    rmdirSync(d);
  } catch {
    /* busy or gone */
  }
}
