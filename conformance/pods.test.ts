/**
 * Conformance: pods run on `berth up` through the real kubectl. The kubernetes framework
 * places them on the local agent's offers, launches them as task groups of real
 * processes, and their status moves as kubelet's would: `kubectl run` to Completed, a
 * Deployment's replicas Running on the one Ready node, `kubectl delete pod` killing the
 * task, and a pod too big for any node Pending with kube-scheduler's FailedScheduling event.
 */
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, POD_NETWORKS, type Berth } from "./harness.js";

interface PodJson {
  metadata: { name: string; uid: string };
  spec: { nodeName?: string };
  status: { phase?: string; containerStatuses?: { ready: boolean; state: Record<string, { exitCode?: number; reason?: string }> }[] };
}

interface MasterState {
  frameworks: { name: string; tasks: { id: string; state: string }[]; completed_tasks?: { id: string; state: string }[] }[];
}

// Both pod networks: bridge (the default where berth can) and host (everywhere).
for (const mode of POD_NETWORKS) {
  describe(`conformance: pods run on berth up (pod network ${mode})`, function () {
    this.timeout(120_000);
    let b: Berth;
    let k: ReturnType<typeof kubectlFor>;
    const podJson = async (name: string) => JSON.parse(await k.ok(["get", "pod", name, "-o", "json"])) as PodJson;
    const state = async () => (await (await fetch(`${b.masterUrl}/state`)).json()) as MasterState;
    const kubeTasks = async () => {
      const fw = (await state()).frameworks.find((f) => f.name === "kubernetes");
      return [...(fw?.tasks ?? []), ...(fw?.completed_tasks ?? [])];
    };

    before(async () => {
      b = await startBerth({ args: ["--pod-network", mode] });
      k = kubectlFor(b);
    });
    after(async () => {
      if (b) {
        // Leave no pod processes behind: delete what runs, then stop.
        await k?.run(["delete", "deployment,pods", "--all", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 }).catch(() => undefined);
        await b.stop();
        removeDir(b.dataDir);
      }
    });

    it("kubectl get nodes shows the local agent as one Ready node", async () => {
      const out = await eventually(async () => {
        const o = await k.ok(["get", "nodes"]);
        return /\sReady\s/.test(o) && o;
      }, "a Ready node", 20_000);
      expect(out.split("\n")[0]).to.match(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
      expect(out.trim().split("\n")).to.have.length(2);
      expect(out).to.match(/^127\.0\.0\.1\s+Ready\s+<none>\s+\S+\s+v1\.35\.0-berth$/m);
    });

    it("kubectl run ... -- sh -c: the pod runs, then Completed; its READY/STATUS columns move", async () => {
      expect(await k.ok(["run", "p", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo hi; sleep 3"])).to.contain("pod/p created");
      const running = await eventually(async () => {
        const o = await k.ok(["get", "pods", "p"]);
        return /^p\s+1\/1\s+Running\s+0\s+/m.test(o) && o;
      }, "p 1/1 Running", 20_000, 100);
      expect(running.split("\n")[0]).to.match(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      await eventually(async () => /^p\s+0\/1\s+Completed\s+0\s+/m.test(await k.ok(["get", "pods", "p"])), "p 0/1 Completed", 20_000);
      const p = await podJson("p");
      expect(p.status.phase).to.equal("Succeeded");
      expect(p.spec.nodeName).to.equal("127.0.0.1");
      expect(p.status.containerStatuses?.[0]?.state.terminated).to.include({ exitCode: 0, reason: "Completed" });
      const wide = await k.ok(["get", "pod", "p", "-o", "wide"]);
      // IP: the agent's with host networking, one of the Node's pod CIDR in a bridge network.
      const ip = mode === "host" ? "127\\.0\\.0\\.1" : "10\\.244\\.\\d+\\.\\d+";
      expect(wide).to.match(new RegExp(`^p\\s+0/1\\s+Completed\\s+0\\s+\\S+\\s+${ip}\\s+127\\.0\\.0\\.1\\s+`, "m"));
      const describe = await k.ok(["describe", "pod", "p"]);
      expect(describe).to.match(/Successfully assigned default\/p to 127\.0\.0\.1/);
      expect(describe).to.match(/Status:\s+Succeeded/);
      const task = (await kubeTasks()).find((t) => t.id === `default.p.${p.metadata.uid}.p`);
      expect(task?.state).to.equal("TASK_FINISHED");
    });

    it("a deployment of 2 replicas with a command: both Running", async () => {
      expect(await k.ok(["create", "deployment", "sleeper", "--image=busybox", "--replicas=2", "--", "sleep", "3600"])).to.contain("deployment.apps/sleeper created");
      await eventually(async () => {
        const o = await k.ok(["get", "pods", "-l", "app=sleeper"]);
        return (o.match(/^sleeper-\S+\s+1\/1\s+Running\s+0\s+/gm) ?? []).length === 2;
      }, "two sleeper pods 1/1 Running", 30_000);
      await eventually(async () => /^sleeper\s+2\/2\s+2\s+2\s+/m.test(await k.ok(["get", "deployment", "sleeper"])), "deployment sleeper 2/2 available", 20_000);
    });

    it("kubectl delete pod kills the task and the pod is gone; the ReplicaSet's replacement runs", async () => {
      const pods = (JSON.parse(await k.ok(["get", "pods", "-l", "app=sleeper", "-o", "json"])) as { items: PodJson[] }).items;
      const victim = pods[0]!;
      const taskId = `default.${victim.metadata.name}.${victim.metadata.uid}.busybox`;
      expect((await kubeTasks()).find((t) => t.id === taskId)?.state).to.equal("TASK_RUNNING");
      const r = await k.run(["delete", "pod", victim.metadata.name, "--timeout=30s"], { timeoutMs: 40_000 });
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.contain(`pod "${victim.metadata.name}" deleted`);
      expect((await k.run(["get", "pod", victim.metadata.name])).code).to.equal(1);
      await eventually(async () => (await kubeTasks()).find((t) => t.id === taskId)?.state === "TASK_KILLED", "the victim's task TASK_KILLED", 10_000);
      await eventually(async () => {
        const o = await k.ok(["get", "pods", "-l", "app=sleeper"]);
        return (o.match(/^sleeper-\S+\s+1\/1\s+Running\s+0\s+/gm) ?? []).length === 2 && !o.includes(victim.metadata.name);
      }, "two sleeper pods Running again", 30_000);
    });

    it("a pod requesting 1000 cpus stays Pending with FailedScheduling in kubectl describe", async () => {
      const manifest = [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: huge",
        "spec:",
        "  containers:",
        "  - name: c",
        "    image: busybox",
        "    command: [sleep, '3600']",
        "    resources:",
        "      requests:",
        "        cpu: '1000'",
        "",
      ].join("\n");
      await k.ok(["apply", "-f", "-"], { input: manifest });
      const describe = await eventually(async () => {
        const d = await k.ok(["describe", "pod", "huge"]);
        return /FailedScheduling/.test(d) && d;
      }, "FailedScheduling in describe", 20_000);
      expect(describe).to.match(/Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/1 nodes are available: 1 Insufficient cpu\./);
      expect(describe).to.match(/Status:\s+Pending/);
      expect(describe).to.match(/PodScheduled\s+False/);
      expect(await k.ok(["get", "pod", "huge"])).to.match(/^huge\s+0\/1\s+Pending\s+0\s+/m);
      await k.ok(["delete", "pod", "huge", "--timeout=20s"], { timeoutMs: 30_000 });
    });
  });
}
