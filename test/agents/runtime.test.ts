/**
 * The agent's task runtime (TaskRuntime, not in Mesos): restarts with crash-loop back-off
 * (short timings here), init ordering, probes (exec, http, tcp), files and mounts,
 * termination messages, pre-stop hooks, and restart counts surviving an agent restart.
 */
import { expect } from "chai";
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { startAgent, type Agent } from "../../src/agents/agent.js";
import type { TaskInfo, TaskRuntime } from "../../src/mesos/v1.js";
import { restartDelay, afterRestart, KUBELET_BACKOFF } from "../../src/agents/runtime/backoff.js";
import { FakeMaster, FRAMEWORK, runTask } from "./helpers/fake-master.js";
import { memoryLogger, sleep, tempDir } from "./helpers/util.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");

function group(master: FakeMaster, tasks: { id: string; cmd: string; runtime?: TaskRuntime; grace?: number }[]): void {
  master.send({
    type: "RUN_TASK_GROUP",
    run_task_group: {
      framework_info: FRAMEWORK,
      executor: { executor_id: { value: "exec-1" }, framework_id: FRAMEWORK.id! },
      task_group: {
        tasks: tasks.map(
          (t): TaskInfo => ({
            name: t.id,
            task_id: { value: t.id },
            agent_id: { value: "agent-1" },
            resources: [],
            command: { value: t.cmd },
            ...(t.runtime ? { runtime: t.runtime } : {}),
            ...(t.grace !== undefined ? { kill_policy: { grace_period: { nanoseconds: t.grace * 1e6 } } } : {}),
          }),
        ),
      },
    },
  });
}

describe("agents: crash-loop back-off arithmetic (kubelet's)", () => {
  it("first restart at once, then 10 s doubling to 5 min; reset after 10 min of running", () => {
    const t = KUBELET_BACKOFF;
    let s = undefined as ReturnType<typeof afterRestart> | undefined;
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      const w = restartDelay(s, now, now, t);
      waits.push(w / 1000);
      now += w;
      s = afterRestart(s, now - w, now, t);
      now += 1000; // runs 1 s, then fails
    }
    expect(waits).to.deep.equal([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(restartDelay(s, now + 601_000, now + 601_000, t)).to.equal(0);
  });
});

describe("agents: task runtime", function () {
  this.timeout(30_000);
  let master: FakeMaster;
  let agent: Agent;
  let tmp: ReturnType<typeof tempDir>;
  const start = async () => {
    agent = await startAgent({ api: master, workDir: tmp.dir, log: memoryLogger().log, resources: [], cgroupRoot: false, recoveryPollMs: 100, restartBackoff: { initialMs: 400, maxMs: 1600 } });
    await agent.registered;
  };
  /** A task's sandbox (also after the agent forgot the task). */
  const sandboxOf = (id: string): string => {
    const known = agent.tasks().find((t) => t.taskId === id)?.sandbox;
    if (known) return known;
    const found = execSync(`find ${tmp.dir}/frameworks -type d -name ${id} -path '*/tasks/*' -o -type d -path '*/executors/${id}/runs/*' -prune`, { encoding: "utf8" }).trim().split("\n")[0]!;
    return found;
  };

  beforeEach(async () => {
    tmp = tempDir();
    master = new FakeMaster();
    await start();
  });
  afterEach(async () => {
    await agent.stop({ killTasks: true });
    tmp.cleanup();
  });

  it("restartPolicy Always: restarts in place with back-off; restart_count, last_termination and backoff reported; never terminal", async () => {
    runTask(master, { id: "crash", cmd: "echo run; exit 2", runtime: { restart_policy: "Always" } });
    const withBackoff = await master.waitFor(() => master.updates.find((u) => u.task_id.value === "crash" && u.backoff), 10_000, "a back-off update");
    expect(withBackoff.state).to.equal("TASK_RUNNING");
    expect(withBackoff.restart_count).to.equal(1); // the first restart was immediate
    expect(withBackoff.backoff!.seconds).to.equal(0); // 400 ms rounds to 0 s
    expect(withBackoff.last_termination).to.include({ exit_code: 2 });
    expect(withBackoff.ready).to.equal(false);
    const later = await master.waitFor(() => master.updates.find((u) => u.task_id.value === "crash" && (u.restart_count ?? 0) >= 3), 10_000, "3 restarts");
    expect(later.state).to.equal("TASK_RUNNING");
    expect(master.states("crash")).to.not.include("TASK_FAILED");
    expect(readFileSync(join(sandboxOf("crash"), "stdout"), "utf8").split("run").length - 1).to.be.at.least(4);
    // The gaps between runs grow: 0, 0.4 s, 0.8 s...
    const starts = master.updates.filter((u) => u.task_id.value === "crash" && u.state === "TASK_RUNNING" && !u.backoff && u.started_at).map((u) => u.started_at!);
    expect(starts[3]! - starts[2]!).to.be.greaterThan(starts[2]! - starts[1]!);
    // A kill during the back-off ends it at once.
    await master.waitFor(() => master.last("crash")?.backoff, 5000, "in back-off");
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "crash" } } });
    const killed = await master.waitState("crash", "TASK_KILLED");
    expect(killed.last_termination?.exit_code).to.equal(2);
  });

  it("restartPolicy OnFailure: a success ends the task; Never: a failure is terminal", async () => {
    runTask(master, { id: "onf", cmd: "test -f once && exit 0; touch once; exit 1", runtime: { restart_policy: "OnFailure" } });
    const fin = await master.waitState("onf", "TASK_FINISHED");
    expect(fin.restart_count).to.equal(1);
    expect(fin.last_termination).to.include({ exit_code: 0 });
    runTask(master, { id: "nev", cmd: "exit 4", runtime: { restart_policy: "Never" } });
    const failed = await master.waitState("nev", "TASK_FAILED");
    expect(failed.restart_count).to.equal(0);
    expect(failed.last_termination).to.include({ exit_code: 4 });
  });

  it("init tasks run one at a time in order before the others; a shared mount connects them", async () => {
    const mounts = [{ path: "work", shared: "work", env: "WORK" }];
    group(master, [
      { id: "i1", cmd: "sleep 0.3; echo one >> work/log", runtime: { init: true, restart_policy: "Never", mounts } },
      { id: "i2", cmd: 'echo two >> "$WORK/log"', runtime: { init: true, restart_policy: "Never", mounts } },
      { id: "main", cmd: "cat work/log > seen; echo main >> work/log", runtime: { restart_policy: "Never", mounts } },
    ]);
    await master.waitState("main", "TASK_FINISHED");
    const order = master.updates.filter((u) => u.state === "TASK_FINISHED").sort((a, b) => a.timestamp! - b.timestamp!).map((u) => u.task_id.value);
    expect(order).to.deep.equal(["i1", "i2", "main"]);
    expect(master.states("main")[0]).to.equal("TASK_STARTING");
    // Updates of different tasks may arrive out of order: compare when they were generated.
    const at = (id: string, st: string) => master.updates.find((u) => u.task_id.value === id && u.state === st)!.timestamp!;
    expect(at("i2", "TASK_STARTING")).to.be.at.least(at("i1", "TASK_FINISHED"));
    expect(at("main", "TASK_STARTING")).to.be.at.least(at("i2", "TASK_FINISHED"));
    expect(readFileSync(join(sandboxOf("main"), "seen"), "utf8")).to.equal("one\ntwo\n");
  });

  it("a failed init task (Never) ends the waiting tasks without running them; OnFailure retries it", async () => {
    group(master, [
      { id: "bad", cmd: "exit 1", runtime: { init: true, restart_policy: "Never" } },
      { id: "after", cmd: "touch ran", runtime: { restart_policy: "Never" } },
    ]);
    const k = await master.waitState("after", "TASK_KILLED");
    expect(k.message).to.equal("Init task 'bad' failed");
    expect(master.states("after")).to.deep.equal(["TASK_KILLED"]);
  });

  it("files are written before start; working_dir; termination message from a file and from logs", async () => {
    runTask(master, {
      id: "f",
      cmd: "cat ../cfg/key > out; cat out > /proc/self/fd/1; echo bye > ../dev/termination-log; exit 3",
      runtime: { files: [{ path: "cfg/key", content: b64("value-1"), mode: 0o600 }], working_dir: "wd", termination_message_path: "dev/termination-log" },
    });
    const st = await master.waitState("f", "TASK_FAILED");
    expect(st.last_termination).to.include({ exit_code: 3, message: "bye\n" });
    expect(readFileSync(join(sandboxOf("f"), "wd", "out"), "utf8")).to.equal("value-1");
    runTask(master, { id: "g", cmd: "echo some error >&2; exit 1", runtime: { termination_message_path: "dev/termination-log", termination_message_fallback_to_logs: true } });
    expect((await master.waitState("g", "TASK_FAILED")).last_termination?.message).to.equal("some error\n");
  });

  it("readiness (http) flips ready; liveness (tcp) failure restarts with the probe's reason", async () => {
    let healthy = true;
    const srv: Server = createServer((_q, r) => {
      r.statusCode = healthy ? 200 : 503;
      r.end();
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const port = (srv.address() as AddressInfo).port;
    try {
      runTask(master, { id: "r", cmd: "sleep 30", runtime: { restart_policy: "Always", probes: { readiness: { http: { port, path: "/healthz" }, period_seconds: 0.1, failure_threshold: 1 } } } });
      const running = await master.waitState("r", "TASK_RUNNING");
      expect(running.ready).to.equal(false);
      await master.waitFor(() => master.last("r")?.ready === true, 5000, "ready");
      healthy = false;
      await master.waitFor(() => master.last("r")?.ready === false, 5000, "unready");
      // Liveness on a closed port: killed and restarted.
      runTask(master, { id: "l", cmd: "sleep 30", kill_policy: { grace_period: { nanoseconds: 200e6 } }, runtime: { restart_policy: "Always", probes: { liveness: { tcp: { port: 1 }, period_seconds: 0.1, failure_threshold: 2 } } } });
      const restarted = await master.waitFor(() => master.updates.find((u) => u.task_id.value === "l" && u.restart_count === 1), 8000, "liveness restart");
      expect(restarted.last_termination?.reason).to.equal("REASON_TASK_HEALTH_CHECK_STATUS_UPDATED");
    } finally {
      srv.close();
    }
  });

  it("exec probes run in the sandbox with the task's env; startup gates readiness", async () => {
    runTask(master, {
      id: "e",
      cmd: "sleep 0.5; touch started; sleep 30",
      command: { value: "sleep 0.5; touch started; sleep 30", environment: { variables: [{ name: "FLAG", value: "started" }] } },
      runtime: { probes: { startup: { exec: { command: ["sh", "-c", 'test -f "$FLAG"'] }, period_seconds: 0.1, failure_threshold: 50 }, readiness: { exec: { command: ["true"] }, period_seconds: 0.1 } } },
    });
    const r = await master.waitState("e", "TASK_RUNNING");
    expect(r).to.include({ started: false, ready: false });
    const started = await master.waitFor(() => master.updates.find((u) => u.task_id.value === "e" && u.started), 5000, "started");
    expect(started.ready).to.equal(false);
    await master.waitFor(() => master.last("e")?.ready === true, 5000, "ready");
    expect(existsSync(join(sandboxOf("e"), "started"))).to.equal(true);
  });

  it("pre-stop runs before SIGTERM on kill", async () => {
    runTask(master, { id: "p", cmd: "trap 'echo term >> log; exit 0' TERM; while true; do sleep 0.05; done", kill_policy: { grace_period: { nanoseconds: 3000e6 } }, runtime: { pre_stop: { exec: { command: ["sh", "-c", "echo prestop >> log"] } } } });
    await master.waitState("p", "TASK_RUNNING");
    await sleep(200);
    master.send({ type: "KILL_TASK", kill_task: { framework_id: FRAMEWORK.id!, task_id: { value: "p" } } });
    await master.waitState("p", "TASK_KILLED");
    expect(readFileSync(join(sandboxOf("p"), "log"), "utf8")).to.equal("prestop\nterm\n");
  });

  it("the restart count survives an agent restart (checkpointed)", async () => {
    runTask(master, { id: "c", cmd: "sleep 0.2; exit 1", runtime: { restart_policy: "Always" } });
    await master.waitFor(() => master.updates.find((u) => u.task_id.value === "c" && (u.restart_count ?? 0) >= 2), 10_000, "2 restarts");
    await agent.stop();
    await start();
    const n = Math.max(...master.updates.filter((u) => u.task_id.value === "c").map((u) => u.restart_count ?? 0));
    await master.waitFor(() => master.updates.find((u) => u.task_id.value === "c" && (u.restart_count ?? 0) > n), 10_000, "restarts counted on");
  });
});
