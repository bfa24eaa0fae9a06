/**
 * Conformance: the bridge pod network on `berth up --pod-network bridge`, through the real
 * kubectl. Two replicas of a deployment on one containerPort run side by side on the one
 * agent, each in its own network namespace with its own IP from the Node's spec.podCIDR;
 * the Service's ClusterIP reaches both, from the host and from inside a pod; kubectl exec
 * runs inside the pod's network (localhost is the pod's); kubectl port-forward reaches the
 * pod's localhost; a hostPort forwards from the agent to the pod; `kubectl describe node`
 * says the mode. Skipped where the machine cannot (not root).
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import { startBerth, kubectlFor, eventually, removeDir, KUBECTL, type Berth } from "./harness.js";
import { freshGet } from "../test/support/http.js";

interface PodJson {
  metadata: { name: string };
  spec: { nodeName?: string };
  status: { phase?: string; podIP?: string; podIPs?: { ip: string }[] };
}

/** One GET on a fresh connection; undefined when nothing answers. */
const get = (url: string) => freshGet(url, 3000);

const inCidr = (cidr: string, ip: string): boolean => {
  const [base, bits] = cidr.split("/");
  const n = (s: string) => s.split(".").reduce((a, x) => a * 256 + Number(x), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(n(ip) / size) === Math.floor(n(base!) / size);
};

describe("conformance: pod network (bridge)", function () {
  this.timeout(180_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;
  // Every replica binds this one port: its own, in its own network namespace.
  const PORT = 8080;
  const server = `require('http').createServer((q,s)=>s.end('hello from '+process.env.HOSTNAME)).listen(${PORT})`;

  before(async function () {
    if (process.getuid?.() !== 0) throw new Error("bridge pod networking needs root (and ip from iproute2, nsenter)");
    b = await startBerth({ args: ["--pod-network", "bridge"] });
    k = kubectlFor(b);
  });
  after(async () => {
    if (b) {
      await k.run(["delete", "deployment,service,pod", "--all", "--wait=true", "--timeout=60s"], { timeoutMs: 70_000 });
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("kubectl describe node shows the bridge mode and the Node has a pod CIDR", async () => {
    const node = (await eventually(async () => (await k.ok(["get", "nodes", "-o", "jsonpath={.items[0].metadata.name}"])).trim() || undefined, "a node", 20_000))!;
    const described = await k.ok(["describe", "node", node]);
    expect(described).to.match(/berth\.io\/pod-network=bridge/);
    expect(described).to.match(/berth\.io\/pod-network: bridge/);
    expect(described).to.match(/PodCIDR:\s+10\.244\.\d+\.0\/24/);
  });

  it("two replicas on one containerPort run on the one agent with distinct pod IPs; the Service, exec and port-forward reach them", async () => {
    await k.ok(["create", "deployment", "web", "--image=busybox", "--replicas=2", `--port=${PORT}`, "--", "node", "-e", server]);
    const r = await k.run(["rollout", "status", "deployment/web", "--timeout=90s"], { timeoutMs: 100_000 });
    if (r.code !== 0) throw new Error(`rollout did not finish: ${r.stderr}\n${(await k.run(["describe", "pods", "-l", "app=web"])).stdout}\n${b.output().slice(-3000)}`);
    const cidr = (await k.ok(["get", "nodes", "-o", "jsonpath={.items[0].spec.podCIDR}"])).trim();
    const pods = (JSON.parse(await k.ok(["get", "pods", "-l", "app=web", "-o", "json"])) as { items: PodJson[] }).items;
    expect(pods).to.have.length(2);
    expect(pods.map((p) => p.status.phase)).to.deep.equal(["Running", "Running"]);
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).to.equal(1);
    const ips = pods.map((p) => p.status.podIP!);
    expect(ips[0]).to.not.equal(ips[1]);
    for (const p of pods) {
      expect(inCidr(cidr, p.status.podIP!), `${p.status.podIP} in ${cidr}`).to.equal(true);
      expect(p.status.podIPs).to.deep.equal([{ ip: p.status.podIP }]);
    }
    // Each pod answers at its own IP from the host.
    for (const p of pods) expect(await eventually(async () => get(`http://${p.status.podIP}:${PORT}/`), `pod ${p.metadata.name} at its IP`, 20_000)).to.equal(`hello from ${p.metadata.name}`);

    // The Service's ClusterIP round-robins over both.
    await k.ok(["expose", "deployment", "web", "--port=80", `--target-port=${PORT}`]);
    const clusterIP = (await k.ok(["get", "service", "web", "-o", "jsonpath={.spec.clusterIP}"])).trim();
    const seen = new Set<string>();
    await eventually(
      async () => {
        const body = await get(`http://${clusterIP}/`);
        if (body) seen.add(body);
        return seen.size === 2 || undefined;
      },
      `answers from both pods through ${clusterIP}`,
      30_000,
      100,
    );
    expect([...seen].sort()).to.deep.equal(pods.map((p) => `hello from ${p.metadata.name}`).sort());

    // kubectl exec runs in the pod's network: its localhost is the pod's server, and the ClusterIP is reachable from inside.
    const [p0] = pods;
    const fetchJs = (url: string) => `fetch(${JSON.stringify(url)}).then(r=>r.text()).then(t=>console.log(t),e=>{console.error(String(e));process.exit(1)})`;
    expect((await k.ok(["exec", p0!.metadata.name, "--", "node", "-e", fetchJs(`http://localhost:${PORT}/`)])).trim()).to.equal(`hello from ${p0!.metadata.name}`);
    expect((await k.ok(["exec", p0!.metadata.name, "--", "node", "-e", fetchJs(`http://${clusterIP}/`)])).trim()).to.match(/^hello from web-/);

    // kubectl port-forward reaches the pod's localhost.
    const pf = spawn(KUBECTL, ["port-forward", `pod/${p0!.metadata.name}`, `0:${PORT}`], { env: { ...process.env, KUBECONFIG: b.kubeconfig, HOME: b.dataDir }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    pf.stdout.on("data", (d: Buffer) => (out += d.toString()));
    pf.stderr.on("data", (d: Buffer) => (out += d.toString()));
    try {
      const m = await eventually(async () => /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out) ?? undefined, `port-forward to start; printed ${out}`, 15_000, 100);
      expect(await get(`http://127.0.0.1:${m[1]}/`)).to.equal(`hello from ${p0!.metadata.name}`);
      expect(await get(`http://127.0.0.1:${m[1]}/again`)).to.equal(`hello from ${p0!.metadata.name}`);
    } finally {
      if (pf.exitCode === null) pf.kill("SIGKILL");
    }
  });

  it("a hostPort forwards from the agent to the pod", async () => {
    // Inside the agent's ports range ([1024-32767] for berth up): a hostPort is a ports resource.
    const hostPort = 20000 + Math.floor(Math.random() * 9000);
    const manifest = JSON.stringify({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "hp" },
      spec: { containers: [{ name: "c", image: "busybox", command: ["node", "-e", server], ports: [{ containerPort: PORT, hostPort }] }] },
    });
    await k.ok(["apply", "-f", "-"], { input: manifest });
    expect(await eventually(async () => get(`http://127.0.0.1:${hostPort}/`), `an answer on hostPort ${hostPort}`, 30_000)).to.equal("hello from hp");
  });
});
