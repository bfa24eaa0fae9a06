/**
 * Conformance (issue 5, item 8): the app scenario exactly as the issue words it —
 * `kubectl create deployment web --replicas=3 --port=8080` with a real HTTP server on that
 * port, all three Running on the one machine (each pod in its own network namespace on the
 * agent's bridge, so they share containerPort 8080), `kubectl expose` and traffic through
 * the ClusterIP reaching every replica, a new version rolled out (RollingUpdate surges: the
 * new pod does not wait for the old one's port) and rolled back, scale up and down, a killed
 * container process restarted with RESTARTS 1, kubectl logs/exec/port-forward/cp on a
 * replica, and a Job to completion whose logs stay readable. `kubectl drain` is in
 * drain.test.ts; the same app with Helm in helm-app.test.ts.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshGet } from "../test/support/http.js";
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, KUBECTL, type Berth } from "./harness.js";

const PORT = 8080;
/** A real HTTP server on 8080: answers with its pod name, $VERSION and pid. */
const SERVER = [
  "const http = require('http');",
  "const s = http.createServer((q, r) => r.end(JSON.stringify({ pod: process.env.HOSTNAME, version: process.env.VERSION || 'v1', pid: process.pid })));",
  `s.listen(${PORT}, () => console.log('listening on ${PORT} pid ' + process.pid));`,
].join(" ");

interface Pod {
  metadata: { name: string; deletionTimestamp?: string };
  status?: { phase?: string; podIP?: string; containerStatuses?: { ready: boolean; restartCount: number }[] };
}
interface Answer {
  pod: string;
  version: string;
  pid: number;
}

/** One GET on a fresh connection (so the Service proxy picks a backend per request), as JSON. */
async function getJson(url: string): Promise<Answer> {
  const body = await freshGet(url, 5000);
  if (body === undefined) throw new Error(`nothing answered at ${url}`);
  return JSON.parse(body) as Answer;
}

describe("conformance: an app with kubectl (deploy, roll out, roll back, scale, restart, job)", function () {
  this.timeout(120_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;

  let clusterIP = "";
  const pods = async (selector: string) => (JSON.parse(await k.ok(["get", "pods", "-l", selector, "-o", "json"])) as { items: Pod[] }).items.filter((p) => !p.metadata.deletionTimestamp);
  /** The pid a pod's server printed (the latest start). */
  const served = async (pod: string) => {
    const m = [...(await k.ok(["logs", pod])).matchAll(/listening on 8080 pid (\d+)/g)].at(-1);
    return m ? Number(m[1]) : undefined;
  };
  /** Every Running pod of web answers at its own IP on 8080 with the version, and the Service reaches each of them. */
  const allServe = async (version: string, n: number) => {
    const list = (await pods("app=web")).filter((p) => p.status?.phase === "Running");
    expect(list).to.have.length(n);
    expect(new Set(list.map((p) => p.status!.podIP)).size, "distinct pod IPs").to.equal(n);
    for (const p of list) {
      const pid = await eventually(() => served(p.metadata.name), `${p.metadata.name} to print its pid`);
      expect(await getJson(`http://${p.status!.podIP}:${PORT}/`)).to.deep.equal({ pod: p.metadata.name, version, pid });
    }
    if (!clusterIP) return;
    // Round-robin over the ready endpoints: within a bounded number of requests every replica answers.
    const seen = new Set<string>();
    await eventually(async () => {
      const a = await getJson(`http://${clusterIP}/`);
      expect(a.version).to.equal(version);
      seen.add(a.pod);
      return list.every((p) => seen.has(p.metadata.name));
    }, `every replica to answer through ${clusterIP}:80`, 30_000, 20);
  };

  before(async () => {
    // Three replicas on one containerPort need each pod in its own network namespace.
    b = await startBerth({ args: ["--pod-network", "bridge"] });
    k = kubectlFor(b);
  });
  after(async () => {
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("kubectl create deployment web --replicas=3 --port=8080 with a real HTTP server on that port: rollout status, all replicas Running and answering", async () => {
    expect(await k.ok(["create", "deployment", "web", "--replicas=3", `--port=${PORT}`, "--image=busybox", "--", "node", "-e", SERVER])).to.contain("deployment.apps/web created");
    const status = await k.ok(["rollout", "status", "deployment/web", "--timeout=60s"], { timeoutMs: 70_000 });
    expect(status).to.contain('deployment "web" successfully rolled out');
    const table = await k.ok(["get", "pods", "-l", "app=web"]);
    expect(table.match(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+/g)).to.have.length(3);
    expect(await k.ok(["get", "deployment", "web"])).to.match(/web\s+3\/3\s+3\s+3\s+/);
    await allServe("v1", 3);
  });

  it("kubectl expose: traffic through the ClusterIP reaches every replica", async () => {
    expect(await k.ok(["expose", "deployment", "web", "--port=80", `--target-port=${PORT}`])).to.contain("service/web exposed");
    clusterIP = (await k.ok(["get", "service", "web", "-o", "jsonpath={.spec.clusterIP}"])).trim();
    expect(clusterIP).to.match(/^127\.96\.\d+\.\d+$/);
    const endpoints = await eventually(async () => {
      const out = (await k.ok(["get", "endpoints", "web", "-o", "jsonpath={.subsets[0].addresses[*].ip}"])).trim().split(/\s+/).filter(Boolean);
      return out.length === 3 && out;
    }, "three endpoints", 20_000);
    expect(endpoints.every((ip) => !ip.startsWith("127."))).to.equal(true);
    await allServe("v1", 3);
  });

  it("a new version (kubectl set env) rolls out; rollout history has two revisions", async () => {
    expect(await k.ok(["set", "env", "deployment/web", "VERSION=v2"])).to.contain("deployment.apps/web env updated");
    expect(await k.ok(["rollout", "status", "deployment/web", "--timeout=60s"], { timeoutMs: 70_000 })).to.contain('deployment "web" successfully rolled out');
    await eventually(async () => (await pods("app=web")).length === 3, "old pods gone", 30_000);
    await allServe("v2", 3);
    const history = await k.ok(["rollout", "history", "deployment/web"]);
    expect(history).to.match(/REVISION\s+CHANGE-CAUSE/);
    expect(history).to.match(/^1\s/m);
    expect(history).to.match(/^2\s/m);
  });

  it("kubectl rollout undo goes back to v1", async () => {
    expect(await k.ok(["rollout", "undo", "deployment/web"])).to.contain("deployment.apps/web rolled back");
    expect(await k.ok(["rollout", "status", "deployment/web", "--timeout=60s"], { timeoutMs: 70_000 })).to.contain('deployment "web" successfully rolled out');
    await eventually(async () => (await pods("app=web")).length === 3, "v2 pods gone", 30_000);
    await allServe("v1", 3);
    expect(await k.ok(["get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].env}"])).to.not.contain("v2");
  });

  it("scale up to 5 and down to 2", async () => {
    expect(await k.ok(["scale", "deployment/web", "--replicas=5"])).to.contain("deployment.apps/web scaled");
    expect(await k.ok(["rollout", "status", "deployment/web", "--timeout=60s"], { timeoutMs: 70_000 })).to.contain("successfully rolled out");
    await eventually(async () => (await pods("app=web")).filter((p) => p.status?.containerStatuses?.[0]?.ready).length === 5, "5 ready pods", 30_000);
    await allServe("v1", 5);
    expect(await k.ok(["scale", "deployment/web", "--replicas=2"])).to.contain("deployment.apps/web scaled");
    await eventually(async () => (await pods("app=web")).length === 2, "2 pods left", 30_000);
    expect(await k.ok(["get", "deployment", "web"])).to.match(/web\s+2\/2\s+2\s+2\s+/);
    await allServe("v1", 2);
  });

  it("a killed container process is restarted: RESTARTS 1, and it serves again", async () => {
    const [pod] = await pods("app=web");
    const name = pod!.metadata.name;
    const before = (await served(name))!;
    process.kill(before, "SIGKILL");
    const after = await eventually(async () => {
      const pid = await served(name);
      return pid && pid !== before && pid;
    }, "the container to restart", 30_000);
    await eventually(async () => (await pods("app=web")).find((p) => p.metadata.name === name)?.status?.containerStatuses?.[0]?.ready, "ready again", 30_000);
    expect(await k.ok(["get", "pod", name])).to.match(new RegExp(`${name}\\s+1/1\\s+Running\\s+1 \\(\\S+ ago\\)\\s+`));
    expect(await k.ok(["get", "pod", name, "-o", "jsonpath={.status.containerStatuses[0].restartCount}"])).to.equal("1");
    expect(await k.ok(["get", "pod", name, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"])).to.equal("137");
    expect(await getJson(`http://${pod!.status!.podIP}:${PORT}/`)).to.deep.equal({ pod: name, version: "v1", pid: after });
  });

  it("kubectl logs, exec, cp and port-forward on a replica", async () => {
    const [pod] = await pods("app=web");
    const name = pod!.metadata.name;
    expect(await k.ok(["logs", `deployment/web`, "--tail=1"])).to.match(/^listening on 8080 pid \d+\n$/);
    // exec runs inside the pod's network: its own localhost:8080 is this replica.
    const viaExec = JSON.parse(await k.ok(["exec", name, "--", "node", "-e", `require('http').get('http://127.0.0.1:${PORT}/',r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>console.log(b))})`])) as Answer;
    expect(viaExec.pod).to.equal(name);
    // cp in and out (tar through exec).
    const dir = mkdtempSync(join(tmpdir(), "berth-app-cp-"));
    writeFileSync(join(dir, "in.txt"), "copied in\n");
    await k.ok(["cp", join(dir, "in.txt"), `${name}:in.txt`]);
    expect(await k.ok(["exec", name, "--", "cat", "in.txt"])).to.equal("copied in\n");
    await k.ok(["cp", `${name}:in.txt`, join(dir, "out.txt")]);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).to.equal("copied in\n");
    // port-forward: a local port to this replica's 8080.
    const pf = spawn(KUBECTL, ["port-forward", `pod/${name}`, `:${PORT}`], { env: { ...process.env, KUBECONFIG: b.kubeconfig, HOME: b.dataDir }, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      pf.stdout!.on("data", (d: Buffer) => (out += d.toString()));
      pf.stderr!.on("data", (d: Buffer) => (out += d.toString()));
      const local = await eventually(async () => /Forwarding from 127\.0\.0\.1:(\d+) -> 8080/.exec(out)?.[1], `port-forward to start; printed: ${out}`, 15_000, 100);
      expect((await getJson(`http://127.0.0.1:${local}/`)).pod).to.equal(name);
    } finally {
      pf.kill("SIGKILL");
    }
  });

  it("kubectl create job runs to completion (kubectl wait --for=condition=complete)", async () => {
    expect(await k.ok(["create", "job", "hello", "--image=busybox", "--", "sh", "-c", "echo done"])).to.contain("job.batch/hello created");
    expect(await k.ok(["wait", "--for=condition=complete", "job/hello", "--timeout=60s"], { timeoutMs: 70_000 })).to.contain("job.batch/hello condition met");
    expect(await k.ok(["get", "job", "hello"])).to.match(/hello\s+Complete\s+1\/1\s+/);
    expect(await k.ok(["logs", "job/hello"])).to.equal("done\n");
  });
});
