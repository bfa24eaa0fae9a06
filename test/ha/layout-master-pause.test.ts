/**
 * Fault test on the HA layout (scripts/ha-cluster.mjs, real processes, simulated agents):
 * SIGSTOP of the leading master. Its connections stay open, so nothing sees a stream end;
 * the agents and the kubernetes framework must notice the silence (3 missed heartbeats)
 * and move to the master that took the lease, where the Deployment scales while the old
 * leader is still paused. After SIGCONT exactly one master leads.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { KUBECTL, Layout, waitFor } from "./layout.js";

const run = promisify(execFile);
const HEARTBEAT_MS = 1000;

interface State {
  frameworks: { name: string; active?: boolean; tasks: { id: string; state: string }[] }[];
  slaves: { active: boolean }[];
}

describe("ha layout: SIGSTOP of the leading master (real processes)", function () {
  this.timeout(240_000);
  const l = new Layout();
  let paused: number | undefined;
  after(async () => {
    if (paused) process.kill(paused, "SIGCONT");
    await l.close();
  });

  it("the kubernetes framework and agents move to the new leader while the old one is paused", async () => {
    const layout = await l.start({
      flags: ["--simulated", "--lease-ttl", "2000", "--heartbeat-interval", String(HEARTBEAT_MS), "--agent-ping-timeout", String(HEARTBEAT_MS), "--kf-lease-duration", "4s", "--kf-renew-deadline", "3s", "--kf-retry-period", "1s", "--log-level", "warn"],
    });
    const kubectl = async (args: string[], timeoutMs = 30_000) => (await run(KUBECTL, ["--kubeconfig", layout.kubeconfig, ...args], { timeout: timeoutMs })).stdout;
    await kubectl(["create", "deployment", "p", "--image=busybox", "--replicas=10", "--", "sleep", "3600"]);
    await kubectl(["rollout", "status", "deployment/p", "--timeout=90s"], 100_000);
    const old = (await l.leader())!;

    const t0 = Date.now();
    process.kill(old.pid, "SIGSTOP");
    paused = old.pid;
    const next = await waitFor(async () => { const m = await l.leader(); return m && m.url !== old.url ? m : undefined; }, 15_000, "a new leading master");
    const electedMs = Date.now() - t0;
    await waitFor(async () => {
      const s = (await (await fetch(`${next.url}/state`)).json()) as State;
      const fw = s.frameworks.find((f) => f.name === "kubernetes");
      return fw?.active && s.slaves.filter((a) => a.active).length === 3 ? s : undefined;
    }, 30_000, "the kubernetes framework and 3 agents at the new leader");
    const movedMs = Date.now() - t0;
    await kubectl(["scale", "deployment/p", "--replicas=20"]);
    await kubectl(["rollout", "status", "deployment/p", "--timeout=60s"], 70_000);
    const scaledMs = Date.now() - t0;
    const s = (await (await fetch(`${next.url}/state`)).json()) as State;
    const tasks = s.frameworks.find((f) => f.name === "kubernetes")!.tasks.filter((t) => t.id.startsWith("default.p-"));
    expect(tasks.filter((t) => t.state === "TASK_RUNNING")).to.have.length(20);

    process.kill(old.pid, "SIGCONT");
    paused = undefined;
    await new Promise((r) => setTimeout(r, 1500));
    const leaders = [];
    for (const m of layout.masters) {
      const h = (await fetch(`${m.url}/healthz`).then((r) => r.json())) as { role: string };
      if (h.role === "leader") leaders.push(m.name);
    }
    expect(leaders, "exactly one leader after SIGCONT").to.deep.equal([next.name]);
    console.log(`      SIGSTOP of ${old.name}: ${next.name} led after ${electedMs} ms; the kubernetes framework and the 3 agents were with it after ${movedMs} ms (heartbeats every ${HEARTBEAT_MS} ms); scaled 10 -> 20 pods ${scaledMs} ms after the pause; after SIGCONT only ${next.name} leads`);
  });
});
