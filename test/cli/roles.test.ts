/**
 * `berth apiserver` and `berth kube-framework` as processes: flags checked with clear
 * errors, health and metrics served, the kubeconfig the API server writes usable by the
 * framework, and --leader-elect=false running the framework without a Lease.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Cluster, exitCode, waitFor } from "../frameworks/helpers.js";
import { freePort } from "../support/net.js";


describe("berth apiserver and berth kube-framework (CLI)", function () {
  this.timeout(60_000);
  const c = new Cluster();
  afterEach(() => c.cleanup());

  const fails = async (args: string[], message: RegExp) => {
    const p = c.spawn(args[0]!, args);
    expect(await exitCode(p, 20_000), p.err).to.equal(1);
    expect(p.err).to.match(message);
  };

  it("refuses bad flags and an unreachable API server with clear errors", async () => {
    const port = await freePort();
    await fails(["kube-framework", "--master", "http://127.0.0.1:5050"], /berth: --api-server or --kubeconfig is required/);
    await fails(["kube-framework", "--api-server", "http://127.0.0.1:6443"], /berth: --master is required/);
    await fails(["kube-framework", "--master", "http://x", "--api-server", "http://127.0.0.1:1", "--lease-duration", "5s"], /berth: --lease-duration \(5000 ms\) must be greater than --renew-deadline \(10000 ms\)/);
    await fails(["kube-framework", "--master", "http://x", "--api-server", "http://127.0.0.1:1", "--retry-period", "fifteen"], /berth: --retry-period must be a duration such as 15s, 500ms or 1m30s: current value is fifteen/);
    await fails(["kube-framework", "--master", "http://x", "--api-server", "http://127.0.0.1:1", "--leader-elect", "maybe"], /berth: --leader-elect must be true or false: current value is maybe/);
    await fails(["kube-framework", "--master", "http://x", "--api-server", "not-a-url"], /berth: invalid API server URL "not-a-url"/);
    await fails(["kube-framework", "--master", "http://x", "--api-server", `http://127.0.0.1:${port}`], new RegExp(`berth: the API server does not answer after 10 s: cannot reach the API server at http://127.0.0.1:${port} .*ECONNREFUSED`));
    await fails(["apiserver", "--store", "bogus", "--data-dir", c.tempDir()], /berth: --store must be embedded, memory or nats:\/\/HOST:PORT\[\/bucket\]: current value is bogus/);
    await fails(["apiserver", "--port", "70000"], /berth: --port must be an integer from 0 to 65535: current value is 70000/);
  });

  it("kube-framework waits for an API server that starts after it", async () => {
    const masterUrl = await c.startMaster();
    const port = await freePort();
    const fw = c.spawn("kube-framework", ["kube-framework", "--api-server", `http://127.0.0.1:${port}`, "--master", masterUrl, "--leader-elect=false", "--port", "0"]);
    await waitFor(() => /"msg":"waiting for the API server"/.test(fw.err) || (fw.child.exitCode !== null && "exit"), 10_000, "kube-framework to wait").then((v) => expect(v, fw.err).to.equal(true));
    c.spawn("apiserver", ["apiserver", "--port", String(port), "--store", "memory", "--data-dir", c.tempDir(), "--log-level", "warn"]);
    const health = await waitFor(() => /serving health and metrics on (http:\/\/\S+)/.exec(fw.out)?.[1] ?? (fw.child.exitCode !== null && "exit"), 20_000, "kube-framework to start");
    expect(health, fw.err).to.not.equal("exit");
    await waitFor(async () => ((await (await fetch(`${health}/status`)).json()) as { running: boolean }).running, 30_000, "the framework to run");
  });

  it("serves health and metrics, writes a kubeconfig the framework uses, and runs the framework without a Lease when --leader-elect=false", async () => {
    const masterUrl = await c.startMaster();
    const dir = c.tempDir("berth-api-");
    const api = c.spawn("apiserver", ["apiserver", "--port", "0", "--store", "memory", "--data-dir", dir, "--token", "tok-123", "--log-level", "warn"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(api.out)?.[1], 20_000, "the API server");
    expect(await (await fetch(`${url}/healthz`)).text()).to.equal("ok");
    expect((await fetch(`${url}/readyz`)).status).to.equal(200);
    const kubeconfig = join(dir, "kubeconfig");
    const kc = parse(readFileSync(kubeconfig, "utf8")) as { clusters: { cluster: { server: string } }[]; users: { user: { token: string } }[] };
    expect(kc.clusters[0]!.cluster.server).to.equal(url);
    expect(kc.users[0]!.user.token).to.equal("tok-123");

    const fw = c.spawn("kube-framework", ["kube-framework", "--kubeconfig", kubeconfig, "--master", masterUrl, "--leader-elect=false", "--port", "0", "--identity", "solo"]);
    const health = await waitFor(() => /serving health and metrics on (http:\/\/\S+)/.exec(fw.out)?.[1] ?? (fw.child.exitCode !== null && "exit"), 20_000, "kube-framework health");
    expect(health, fw.err).to.not.equal("exit");
    await waitFor(async () => ((await (await fetch(`${health}/status`)).json()) as { running: boolean }).running, 30_000, "the framework to run");
    expect((await fetch(`${health}/readyz`)).status).to.equal(200);
    expect(await (await fetch(`${health}/healthz`)).text()).to.equal("ok");
    const metrics = await (await fetch(`${health}/metrics`)).text();
    expect(metrics).to.match(/^berth_kube_framework_running 1$/m);
    expect(metrics).to.match(/^leader_election_master_status\{name="berth-kube-framework"\} 0$/m);
    // The framework subscribed to the master, and no Lease was taken.
    await waitFor(async () => (await c.state()).frameworks.some((f) => f.name === "kubernetes"), 20_000, "the kubernetes framework on the master");
    const lease = await fetch(`${url}/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/berth-kube-framework`);
    expect(lease.status).to.equal(404);
    // The controllers run too: the serviceaccount controller fills the default namespace.
    await waitFor(async () => (await fetch(`${url}/api/v1/namespaces/default/serviceaccounts/default`)).status === 200, 20_000, "the default ServiceAccount");
    expect((await fetch(`${url}/metrics`)).status).to.equal(200);

    fw.child.kill("SIGTERM");
    expect(await exitCode(fw, 20_000), fw.err).to.equal(0);
    expect(fw.err).to.match(/"msg":"stopped cleanly"/);
    api.child.kill("SIGTERM");
    expect(await exitCode(api, 20_000), api.err).to.equal(0);
  });
});
