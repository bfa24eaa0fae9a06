/**
 * Fault test on the HA layout (scripts/ha-cluster.mjs, real processes, the process
 * containerizer): kill -9 of agents under a Deployment whose pods run real processes.
 *
 * 1. An agent killed and restarted within the master's --agent-reregister-timeout keeps its
 *    tasks, as a Mesos agent recovering from its checkpoint does: the same pods (uids), the
 *    same container processes (pids from the agent's checkpoint, still alive), no restart,
 *    and no replacement pod, also after the timeout has passed.
 * 2. An agent killed for good is marked unreachable by the master after that timeout; its
 *    tasks turn TASK_UNREACHABLE, the kubernetes framework taints its Node unreachable, the
 *    pods are evicted after their tolerationSeconds and the ReplicaSet's replacements run on
 *    the other agents. The time from the kill to a full Deployment again is printed.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { KUBECTL, Layout, sleep, waitFor, type RoleProc } from "./layout.js";

const run = promisify(execFile);
const REPLICAS = 6;
const REREGISTER_TIMEOUT_MS = 8000;
const TOLERATION_S = 1;

interface PodJson {
  metadata: { name: string; uid: string; deletionTimestamp?: string };
  spec: { nodeName?: string };
  status: { phase: string; containerStatuses?: { restartCount: number }[] };
}

/** Task id -> pid from an agent's checkpoint. */
function checkpointPids(workDir: string): Map<string, number> {
  const out = new Map<string, number>();
  const base = join(workDir, "meta/frameworks");
  for (const fw of readdirSync(base)) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(join(base, fw, "tasks"));
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const rec = JSON.parse(readFileSync(join(base, fw, "tasks", t, "task.json"), "utf8")) as { container?: { pid?: number } };
        if (rec.container?.pid) out.set(t, rec.container.pid);
      } catch {
        /* not checkpointed */
      }
    }
  }
  return out;
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("ha layout: kill -9 of agents under a Deployment of real processes", function () {
  this.timeout(240_000);
  const l = new Layout();
  after(() => l.close());

  it("a restarted agent keeps its tasks; a lost one's pods are replaced after the timeout", async () => {
    const layout = await l.start({
      flags: ["--lease-ttl", "2000", "--agent-reregister-timeout", String(REREGISTER_TIMEOUT_MS), "--kf-lease-duration", "4s", "--kf-renew-deadline", "3s", "--kf-retry-period", "1s", "--log-level", "warn"],
    });
    const kubectl = async (args: string[], timeoutMs = 30_000) => (await run(KUBECTL, ["--kubeconfig", layout.kubeconfig, ...args], { timeout: timeoutMs })).stdout;
    const manifest = join(l.dir, "spread.yaml");
    writeFileSync(manifest, JSON.stringify({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "spread", namespace: "default" },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app: "spread" } },
        template: {
          metadata: { labels: { app: "spread" } },
          spec: {
            containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], resources: { requests: { cpu: "600m", memory: "32Mi" } } }],
            // 600m of each agent's 2 cpus: at most 3 pods an agent, so the 6 spread over at least
            // two of them whatever the order of offers, and still fit on two after one is lost.
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "spread" } } }],
            // The taint-based eviction delay (DefaultTolerationSeconds would give 300 s).
            tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: TOLERATION_S }],
          },
        },
      },
    }));
    await kubectl(["apply", "-f", manifest]);
    await kubectl(["rollout", "status", "deployment/spread", "--timeout=90s"], 100_000);
    const pods = async () => (JSON.parse(await kubectl(["get", "pods", "-l", "app=spread", "-o", "json"])) as { items: PodJson[] }).items;
    const before = await pods();
    const byNode = (ps: PodJson[], node: string) => ps.filter((p) => p.spec.nodeName === node);
    const withPods = layout.agents.filter((a) => byNode(before, a.name).length > 0);
    expect(withPods.length, `pods on at least two agents: ${before.map((p) => p.spec.nodeName).join(",")}`).to.be.greaterThanOrEqual(2);
    const [kept, lost] = withPods as [RoleProc, RoleProc];

    // ---- 1. kill -9 and restart within the timeout ----
    const keptPods = byNode(before, kept.name).map((p) => p.metadata.uid).sort();
    const pidsBefore = checkpointPids(kept.workDir!);
    expect(pidsBefore.size).to.equal(keptPods.length);
    const t1 = Date.now();
    l.kill(kept);
    await sleep(1500);
    l.restart(kept);
    const leader = await waitFor(() => l.leader(), 10_000, "the leading master");
    await waitFor(async () => {
      const s = (await (await fetch(`${leader.url}/state`)).json()) as { slaves: { hostname: string; active: boolean }[] };
      return s.slaves.find((a) => a.hostname === kept.name)?.active;
    }, 20_000, `${kept.name} to re-register`);
    const backMs = Date.now() - t1;
    // Past the timeout: nothing may have been replaced.
    await sleep(Math.max(0, REREGISTER_TIMEOUT_MS + 3000 - (Date.now() - t1)));
    const after1 = await pods();
    expect(byNode(after1, kept.name).map((p) => p.metadata.uid).sort(), "the same pods on the restarted agent").to.deep.equal(keptPods);
    expect(after1.map((p) => p.metadata.uid).sort(), "no pod replaced anywhere").to.deep.equal(before.map((p) => p.metadata.uid).sort());
    expect(after1.every((p) => p.status.phase === "Running" && (p.status.containerStatuses ?? []).every((c) => c.restartCount === 0)), "all Running, no restart").to.equal(true);
    const pidsAfter = checkpointPids(kept.workDir!);
    expect([...pidsAfter.entries()].sort(), "the same container processes").to.deep.equal([...pidsBefore.entries()].sort());
    expect([...pidsAfter.values()].every(alive), "and they are alive").to.equal(true);
    console.log(`      kill -9 of ${kept.name} and restart after 1.5 s: re-registered ${backMs} ms after the kill; its ${keptPods.length} pods and processes kept (checked ${Date.now() - t1} ms after the kill, past the ${REREGISTER_TIMEOUT_MS} ms timeout)`);

    // ---- 2. kill -9 for good ----
    const lostPods = byNode(after1, lost.name).map((p) => p.metadata.name);
    const t2 = Date.now();
    l.kill(lost);
    const tainted = await waitFor(async () => {
      const n = JSON.parse(await kubectl(["get", "node", lost.name, "-o", "json"])) as { spec: { taints?: { key: string; effect: string }[] } };
      return n.spec.taints?.some((t) => t.key === "node.kubernetes.io/unreachable" && t.effect === "NoExecute") ? Date.now() - t2 : undefined;
    }, 60_000, `${lost.name}'s Node tainted unreachable`);
    const replaced = await waitFor(async () => {
      const ps = (await pods()).filter((p) => !p.metadata.deletionTimestamp);
      return ps.length === REPLICAS && ps.every((p) => p.status.phase === "Running" && p.spec.nodeName !== lost.name) ? ps : undefined;
    }, 90_000, `${REPLICAS} pods Running off ${lost.name}`);
    const replacedMs = Date.now() - t2;
    expect(replaced.map((p) => p.metadata.name)).to.not.include.members(lostPods);
    console.log(`      kill -9 of ${lost.name} for good: Node tainted unreachable after ${tainted} ms (agent re-register timeout ${REREGISTER_TIMEOUT_MS} ms); its ${lostPods.length} pods evicted (tolerationSeconds ${TOLERATION_S}) and replaced, ${REPLICAS} Running again ${replacedMs} ms after the kill`);
    expect(tainted, "not before the timeout").to.be.greaterThanOrEqual(REREGISTER_TIMEOUT_MS - 500);
  });
});
