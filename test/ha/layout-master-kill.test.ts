/**
 * Fault test on the HA layout of scripts/ha-cluster.mjs (real processes: NATS, 3 HA
 * masters, 2 API servers, 2 kube-frameworks, 3 agents with the simulated containerizer,
 * so 300 pods fit on one machine): kill -9 the leading master in the middle of rolling out
 * a 300-replica Deployment.
 *
 * Expected, as with Mesos masters behind ZooKeeper: a standby leads within 5 s (measured
 * from the kill, printed); agents re-register and the kubernetes framework re-subscribes
 * with its framework id and reconciles; `kubectl rollout status` completes; every pod is
 * Running; every pod was launched exactly once (one task per pod in the new leader's
 * /state, none ended: nothing lost and launched again); and the Deployment and every pod
 * acknowledged by the API are there.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { KUBECTL, Layout, waitFor } from "./layout.js";

const run = promisify(execFile);
const REPLICAS = 300;
const LEASE_TTL_MS = 2000;

interface Task {
  id: string;
  slave_id: string;
  state: string;
}
interface State {
  frameworks: { id: string; name: string; active?: boolean; tasks: Task[]; completed_tasks: Task[] }[];
  slaves: { id: string; active: boolean }[];
}

describe("ha layout: kill -9 of the leading master during a 300-pod rollout (real processes)", function () {
  this.timeout(300_000);
  const l = new Layout();
  after(() => l.close());

  it("elects a new leader within 5 s; the rollout completes with every pod Running, each launched once", async () => {
    const t0 = Date.now();
    const layout = await l.start({
      flags: ["--simulated", "--agent-resources", "cpus:16;mem:32768;ports:[31000-31099]", "--lease-ttl", String(LEASE_TTL_MS),
        "--heartbeat-interval", "1000", "--kf-lease-duration", "4s", "--kf-renew-deadline", "3s", "--kf-retry-period", "1s", "--log-level", "info"],
    });
    console.log(`      HA layout up in ${Date.now() - t0} ms (script's own count: ${layout.startedMs} ms)`);
    const kubectl = async (args: string[], timeoutMs = 30_000) => (await run(KUBECTL, ["--kubeconfig", layout.kubeconfig, ...args], { timeout: timeoutMs, maxBuffer: 64 << 20 })).stdout;

    const manifest = join(l.dir, "big.yaml");
    writeFileSync(manifest, JSON.stringify({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "big", namespace: "default" },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app: "big" } },
        template: {
          metadata: { labels: { app: "big" } },
          spec: { containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"], resources: { requests: { cpu: "10m", memory: "16Mi" } } }] },
        },
      },
    }));
    const tApply = Date.now();
    await kubectl(["apply", "-f", manifest]);
    const running = async () => {
      const out = await kubectl(["get", "pods", "-l", "app=big", "--field-selector=status.phase=Running", "-o", "name"]);
      return out.split("\n").filter(Boolean).length;
    };
    // The middle of the rollout: a third of the pods Running. Most of the rest are launched by
    // then, as far as the framework knows, but not all are at their agents yet.
    const leader = await waitFor(() => l.leader(), 10_000, "the leading master");
    const mid = await waitFor(async () => { const n = await running(); return n >= REPLICAS / 3 && n < REPLICAS ? n : undefined; }, 120_000, `${REPLICAS / 3} pods Running`);
    const tKill = Date.now();
    l.kill(leader);
    const next = await waitFor(async () => { const m = await l.leader(); return m && m.url !== leader.url ? m : undefined; }, 15_000, "a new leading master");
    const electedMs = Date.now() - tKill;
    console.log(`      kill -9 of the leading master ${leader.name} with ${mid}/${REPLICAS} pods Running (${Date.now() - tApply} ms into the rollout): ${next.name} leads after ${electedMs} ms (lease TTL ${LEASE_TTL_MS} ms)`);
    expect(electedMs, "a new leader within 5 s").to.be.lessThan(5000);

    const status = await kubectl(["rollout", "status", "deployment/big", "--timeout=180s"], 200_000);
    const doneMs = Date.now() - tKill;
    expect(status).to.contain('deployment "big" successfully rolled out');

    const pods = JSON.parse(await kubectl(["get", "pods", "-l", "app=big", "-o", "json"])) as { items: { metadata: { name: string; namespace: string; uid: string }; status: { phase: string } }[] };
    expect(pods.items, "exactly the Deployment's pods").to.have.length(REPLICAS);
    expect(pods.items.filter((p) => p.status.phase !== "Running").map((p) => p.metadata.name), "every pod Running").to.deep.equal([]);

    // Launched once: in the new leader's view, one task per pod and none ended.
    const state = await waitFor(async () => {
      const s = (await (await fetch(`${next.url}/state`)).json()) as State;
      const fw = s.frameworks.find((f) => f.name === "kubernetes");
      return fw && fw.tasks.filter((t) => t.id.startsWith("default.big-")).length >= REPLICAS ? { s, fw } : undefined;
    }, 30_000, "the new leader to know every task");
    const podTasks = state.fw.tasks.filter((t) => t.id.startsWith("default.big-"));
    const byPod = new Map<string, number>();
    for (const t of podTasks) byPod.set(t.id.split(".").slice(0, 3).join("."), (byPod.get(t.id.split(".").slice(0, 3).join(".")) ?? 0) + 1);
    const expected = new Set(pods.items.map((p) => `${p.metadata.namespace}.${p.metadata.name}.${p.metadata.uid}`));
    expect([...byPod.keys()].sort(), "one task per pod, for exactly the pods there are").to.deep.equal([...expected].sort());
    expect([...byPod.values()].every((n) => n === 1), "no pod launched twice").to.equal(true);
    expect(podTasks.every((t) => t.state === "TASK_RUNNING"), "every task running").to.equal(true);
    const ended = state.fw.completed_tasks.filter((t) => t.id.startsWith("default.big-"));
    expect(ended.map((t) => `${t.id} ${t.state}`), "no pod task ended (lost, killed or dropped) through the failover").to.deep.equal([]);
    await waitFor(async () => ((await (await fetch(`${next.url}/state`)).json()) as State).slaves.filter((a) => a.active).length === 3, 30_000, "the 3 agents re-registered with the new leader");

    // Acknowledged writes: the Deployment applied before the kill, its ReplicaSet with all replicas.
    const d = JSON.parse(await kubectl(["get", "deployment", "big", "-o", "json"])) as { status: { readyReplicas?: number; updatedReplicas?: number; observedGeneration?: number } };
    expect(d.status.readyReplicas).to.equal(REPLICAS);
    // Launches the old leader took but never delivered come back TASK_GONE from reconciliation and are placed again.
    const replaced = layout.kubeFrameworks.map((f) => readFileSync(f.log, "utf8").split("\n").filter((line) => line.includes('"msg":"launch dropped, the pod goes back to the queue"')).length).reduce((a, b) => a + b, 0);
    console.log(`      rollout of ${REPLICAS} pods complete ${doneMs} ms after the kill (${Date.now() - tApply} ms after apply); ${podTasks.length} tasks, each pod launched once, none lost; ${replaced} launches the old leader never delivered were placed again`);
  });
});
