/**
 * Master HA with real processes on loopback: three `berth master --ha` replicas over a
 * NATS server this test starts (so it can restart it), two `berth agent`s given all three
 * master URLs, and a batch framework (the public HTTP scheduler API) running long tasks.
 *
 * 1. kill -9 the leader: a standby leads within 5 s (measured and printed); the agents
 *    re-register and the framework re-subscribes with the same id; the running tasks are
 *    kept, none launched twice.
 * 2. SIGSTOP the new leader for longer than the lease, then SIGCONT: another master has
 *    taken over; the paused one steps down instead of acting (its /healthz and /state say
 *    so, the lease in NATS names the other one) and exactly one master leads.
 * 3. Restart the NATS server: the masters reconnect and go on; the job finishes with every
 *    task run exactly once.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { connect } from "nats";
import { runBatchJob } from "../../src/frameworks/batch/index.js";
import { Cluster, sleep, waitFor, type Proc, type StateJson } from "../frameworks/helpers.js";
import { testNats, type TestNats } from "../support/nats.js";

interface Healthz {
  role: "leader" | "standby";
  id: string;
  url: string;
  leader: { id: string; url: string } | null;
  leader_changes: number;
  registry: { writes: number; failures: number };
}

const TTL_MS = 1500;

async function healthz(url: string): Promise<Healthz | undefined> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) });
    return (await res.json()) as Healthz;
  } catch {
    return undefined;
  }
}

describe("ha: three masters over NATS with agents and a framework (real processes)", function () {
  this.timeout(180_000);
  const c = new Cluster();
  let nats: TestNats | undefined;
  const bucket = `test-ha-${randomUUID().slice(0, 8)}`;

  after(async () => {
    await c.cleanup();
    await nats?.close();
  });

  it("survives kill -9 and SIGSTOP of the leader and a NATS restart without running a task twice", async () => {
    nats = await testNats({ own: true });
    const masters: { proc: Proc; url: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const proc = c.spawn(`master${i}`, ["master", "--port", "0", "--host", "127.0.0.1", "--ha", nats.url, "--ha-bucket", bucket, "--ha-lease-ttl", String(TTL_MS), "--agent-ping-timeout", "500", "--heartbeat-interval", "500", "--allocation-interval", "100", "--log-level", "info"]);
      const m = await waitFor(() => /listening on (http:\/\/\S+)/.exec(proc.out) ?? (proc.child.exitCode !== null && "exit"), 15_000, `master${i}'s URL`);
      if (m === "exit") throw new Error(`master${i} exited: ${proc.err}`);
      masters.push({ proc, url: m[1]! });
    }
    const all = masters.map((m) => m.url).join(",");
    const leaders = async () => {
      const out: { proc: Proc; url: string; h: Healthz }[] = [];
      for (const m of masters) {
        const h = await healthz(m.url);
        if (h?.role === "leader") out.push({ ...m, h });
      }
      return out;
    };
    const first = await waitFor(async () => (await leaders())[0], 15_000, "a leader");
    expect(await leaders()).to.have.length(1);
    const standby = masters.find((m) => m !== masters.find((x) => x.url === first.url))!;
    const redirect = await fetch(`${standby.url}/state`, { redirect: "manual" });
    expect(redirect.status, "a standby redirects to the leader").to.equal(307);
    expect(redirect.headers.get("location")).to.equal(`${first.url}/state`);
    const metrics = async (url: string) => (await fetch(`${url}/metrics`)).text();
    expect(await metrics(first.url)).to.match(/^berth_master_leader 1$/m);
    expect(await metrics(standby.url)).to.match(/^berth_master_leader 0$/m);
    expect(((await (await fetch(`${standby.url}/metrics/snapshot`)).json()) as Record<string, number>)["master/elected"]).to.equal(0);

    const agents: Proc[] = [];
    for (const name of ["agent-a", "agent-b"]) {
      const dir = join(c.tempDir(), name);
      c.agentDirs.push(dir);
      const p = c.spawn(name, ["agent", "--master", all, "--work-dir", dir, "--resources", "cpus:1;mem:1024", "--no-cgroups", "--log-level", "info"]);
      await waitFor(() => /"msg":"registered with master"/.test(p.err) || (p.child.exitCode !== null && "exit"), 15_000, `${name} to register`).then((v) => {
        if (v === "exit") throw new Error(`${name} exited: ${p.err}`);
      });
      agents.push(p);
    }
    const shared = c.tempDir("berth-ha-out-");
    const lines: string[] = [];
    let running = 0;
    const job = runBatchJob({
      master: all,
      name: "ha-job",
      tasks: 4,
      // Long enough to outlive both leader failures; each run appends a line to its own file.
      command: `echo run >> ${shared}/runs-{i}; sleep 18`,
      resources: "cpus:0.5;mem:64",
      failoverTimeout: 120,
      log: (l) => lines.push(`${new Date().toISOString()} ${l}`),
      onProgress: (p) => (running = p.running),
    });
    await waitFor(() => running >= 4, 30_000, "4 tasks running");
    const stateOf = async (url: string) => (await (await fetch(`${url}/state`)).json()) as StateJson;
    const before = await stateOf(first.url);
    expect(before.frameworks).to.have.length(1);
    const frameworkId = before.frameworks[0]!.id;
    const taskIds = before.frameworks[0]!.tasks.map((t) => t.id).sort();
    const agentIds = JSON.stringify(before.slaves.map((a) => a.id).sort());
    expect(taskIds).to.have.length(4);
    await sleep(600); // the registrar writes within a fraction of a second

    /** The cluster is whole again under `leaderUrl`: agents back, same framework, the same 4 tasks running. */
    const recovered = (leaderUrl: string) =>
      waitFor(
        async () => {
          const s = await stateOf(leaderUrl).catch(() => undefined);
          const fw = s?.frameworks.find((f) => f.id === frameworkId);
          // The same two agents (re-registered with their ids, not registered anew).
          if (!s || JSON.stringify(s.slaves.filter((a) => a.active).map((a) => a.id).sort()) !== agentIds || !fw || (fw as unknown as { active: boolean }).active !== true) return undefined;
          const live = fw.tasks.filter((t) => t.state === "TASK_RUNNING").map((t) => t.id).sort();
          return JSON.stringify(live) === JSON.stringify(taskIds) ? s : undefined;
        },
        30_000,
        `agents, framework ${frameworkId} and its 4 running tasks under ${leaderUrl}`,
      );

    // ---- 1. kill -9 the leader ----
    const t0 = Date.now();
    c.kill(first.proc);
    const second = await waitFor(async () => (await leaders()).find((l) => l.url !== first.url), 10_000, "a new leader");
    const electedMs = Date.now() - t0;
    await recovered(second.url);
    const recoveredMs = Date.now() - t0;
    console.log(`      kill -9 of the leader: new leader in ${electedMs} ms (lease TTL ${TTL_MS} ms); agents re-registered, framework re-subscribed and 4 tasks running again after ${recoveredMs} ms`);
    expect(electedMs, "new leader within 5 s").to.be.lessThan(5000);
    expect(second.h.leader_changes).to.be.greaterThan(0);
    expect(await metrics(second.url)).to.match(/^berth_master_leader_changes_total [1-9]/m);

    // ---- 2. SIGSTOP the leader past its lease, then SIGCONT ----
    const t1 = Date.now();
    process.kill(second.proc.child.pid!, "SIGSTOP");
    const third = await waitFor(async () => (await leaders()).find((l) => l.url !== first.url && l.url !== second.url), 10_000, "a leader while the other is paused");
    const pausedTakeoverMs = Date.now() - t1;
    await sleep(Math.max(0, 2 * TTL_MS - (Date.now() - t1)));
    process.kill(second.proc.child.pid!, "SIGCONT");
    await sleep(1000);
    const hs = await healthz(second.url);
    expect(hs?.role, "the resumed master stands by").to.equal("standby");
    const stale = await fetch(`${second.url}/state`, { redirect: "manual" });
    expect(stale.status, "the resumed master no longer answers as leader").to.equal(307);
    expect(stale.headers.get("location")).to.equal(`${third.url}/state`);
    const now = await leaders();
    expect(now.map((l) => l.url), "exactly one leader").to.deep.equal([third.url]);
    const nc = await connect({ servers: nats.url });
    try {
      const kv = await nc.jetstream().views.kv(bucket);
      const lease = JSON.parse(new TextDecoder().decode((await kv.get("leader"))!.value)) as { id: string; url: string };
      expect(lease).to.deep.equal({ id: third.h.id, url: third.url });
    } finally {
      await nc.close();
    }
    expect(second.proc.err, "the paused master stepped down").to.match(/"msg":"no longer the leading master"/);
    await recovered(third.url);
    console.log(`      SIGSTOP of the leader: another master led after ${pausedTakeoverMs} ms; after SIGCONT the paused one stood by; cluster whole again after ${Date.now() - t1} ms`);

    // ---- 3. restart NATS ----
    const writesBefore = (await healthz(third.url))!.registry.writes;
    await nats.restart(300);
    const t2 = Date.now();
    const r = await waitFor(() => Promise.race([job, sleep(100).then(() => undefined)]), 60_000, "the job to finish");
    const log = lines.join("\n");
    expect(r.error, log).to.equal(undefined);
    expect(r.succeeded, log).to.equal(4);
    expect(r.frameworkId).to.equal(frameworkId);
    for (let i = 0; i < 4; i++) expect(readFileSync(join(shared, `runs-${i}`), "utf8"), `task ${i} ran once`).to.equal("run\n");
    expect(r.tasks.every((t) => t.attempts.length === 1), `no task was launched again\n${log}`).to.equal(true);
    const after = await waitFor(async () => {
      const l = await leaders();
      return l.length === 1 && l[0]!.h.registry.writes > writesBefore ? l[0] : undefined;
    }, 15_000, "one leader persisting state again after the NATS restart");
    console.log(`      NATS restarted: ${after.url} leads and persists again (${after.h.registry.writes - writesBefore} writes since); job done ${Date.now() - t2} ms after the restart`);
  });
});
