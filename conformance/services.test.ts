/**
 * Conformance: Services through the real kubectl on `berth up` — `kubectl expose` gives a
 * ClusterIP on the loopback range, and the agent's userspace proxy carries HTTP from it
 * (and from a NodePort) to the deployment's pod; with no ready pod left the service stops
 * answering.
 */
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, POD_NETWORKS, type Berth } from "./harness.js";
import { freshGet } from "../test/support/http.js";

/** One GET on a fresh connection; undefined when nothing answers. */
const get = (url: string) => freshGet(url, 2000);

// Both pod networks: bridge (the default where berth can) and host (everywhere).
for (const mode of POD_NETWORKS) {
  describe(`conformance: services (pod network ${mode})`, function () {
    this.timeout(120_000);
    let b: Berth;
    let k: ReturnType<typeof kubectlFor>;
    // With host networking the pod binds its containerPort on the machine, inside the agent's ports range;
    // it listens on every address, so the proxy reaches it at its pod IP in either mode.
    const port = 20000 + Math.floor(Math.random() * 9000);
    const server = `require('http').createServer((q,s)=>s.end('hello from '+(process.env.HOSTNAME||'?'))).listen(${port})`;

    before(async () => {
      b = await startBerth({ args: ["--pod-network", mode] });
      k = kubectlFor(b);
    });
    after(async () => {
      if (b) {
        await b.stop();
        removeDir(b.dataDir);
      }
    });

    it("kubectl expose routes the ClusterIP to the deployment's pod", async () => {
      await k.ok(["create", "deployment", "hello", "--image=busybox", `--port=${port}`, "--", "node", "-e", server]);
      const r = await k.run(["rollout", "status", "deployment/hello", "--timeout=60s"], { timeoutMs: 70_000 });
      if (r.code !== 0) throw new Error(`rollout did not finish: ${r.stderr}\n${(await k.run(["describe", "pods", "-l", "app=hello"])).stdout}\n${b.output().slice(-3000)}`);
      expect(await k.ok(["expose", "deployment", "hello", "--port=80", `--target-port=${port}`])).to.contain("service/hello exposed");
      const ip = (await k.ok(["get", "service", "hello", "-o", "jsonpath={.spec.clusterIP}"])).trim();
      expect(ip).to.match(/^127\.96\.\d+\.\d+$/);
      const body = await eventually(async () => get(`http://${ip}/`), `an answer through ${ip}:80`, 20_000);
      expect(body).to.match(/^hello from /);
    });

    it("a NodePort service answers on the agent, and a service without ready pods stops answering", async () => {
      await k.ok(["expose", "deployment", "hello", "--name=hello-np", "--type=NodePort", "--port=8080", `--target-port=${port}`]);
      const nodePort = Number((await k.ok(["get", "service", "hello-np", "-o", "jsonpath={.spec.ports[0].nodePort}"])).trim());
      expect(nodePort).to.be.within(30000, 32767);
      expect(await eventually(async () => get(`http://127.0.0.1:${nodePort}/`), `an answer on NodePort ${nodePort}`, 20_000)).to.match(/^hello from /);
      // The kubernetes framework holds the NodePort as a ports resource of the agent (master's /state).
      const state = (await (await fetch(`${b.masterUrl}/state`)).json()) as { frameworks: { name: string; tasks: { id: string; state: string; resources: { ports?: string } }[] }[] };
      const hold = state.frameworks.find((f) => f.name === "kubernetes")?.tasks.find((t) => t.resources.ports === `[${nodePort}-${nodePort}]`);
      expect(hold?.state).to.equal("TASK_RUNNING");
      expect(hold?.id).to.match(/^berth-nodeport-/);

      await k.ok(["scale", "deployment", "hello", "--replicas=0"]);
      const ip = (await k.ok(["get", "service", "hello", "-o", "jsonpath={.spec.clusterIP}"])).trim();
      await eventually(async () => (await get(`http://${ip}/`)) === undefined, "the ClusterIP to stop answering", 30_000);
    });
  });
}
