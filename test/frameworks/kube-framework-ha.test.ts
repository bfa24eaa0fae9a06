/**
 * The distributed roles as real processes on loopback: `berth master`, `berth agent`,
 * `berth apiserver` and two `berth kube-framework` replicas electing a leader through the
 * Lease kube-system/berth-kube-framework (default timings: 15s / 10s / 2s). The real
 * kubectl creates a deployment of 3 that runs; the leading replica is killed with
 * SIGKILL; the standby acquires the Lease (the takeover time is printed), takes the
 * framework over without relaunching the running pods, and a scale to 5 completes. Then
 * the new leader is stalled with SIGSTOP: a third replica takes over, and the stalled one,
 * resumed, finds the Lease gone, stops acting and stands by; a scale to 2 completes.
 */
import { expect } from "chai";
import { join } from "node:path";
import { KUBECTL, run } from "../../conformance/harness.js";
import { Cluster, waitFor, type Proc } from "./helpers.js";

interface Status {
  identity: string;
  leader: string;
  isLeader: boolean;
  running: boolean;
}

describe("distributed roles: berth apiserver + berth kube-framework replicas with Lease leader election", function () {
  this.timeout(180_000);
  const c = new Cluster();
  after(() => c.cleanup());

  let kubeconfig = "";
  const kubectl = async (...args: string[]) => {
    const r = await run(KUBECTL, args, { env: { KUBECONFIG: kubeconfig, HOME: c.dirs[0] ?? "/tmp" }, timeoutMs: 30_000 });
    if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  const phases = async () => {
    const out = await kubectl("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.metadata.name}={.status.phase}={.metadata.deletionTimestamp} {end}");
    return out.split(" ").filter(Boolean).map((s) => s.split("=") as [string, string, string]);
  };
  const running = async (n: number) => {
    const ps = await phases();
    return ps.length === n && ps.every(([, phase, deleting]) => phase === "Running" && !deleting) ? ps.map(([name]) => name).sort() : undefined;
  };
  const holder = async () => {
    const out = await kubectl("get", "lease", "-n", "kube-system", "berth-kube-framework", "-o", "jsonpath={.spec.holderIdentity}/{.spec.leaseTransitions}");
    const [identity, transitions] = out.split("/");
    return { identity: identity ?? "", transitions: Number(transitions) };
  };
  const healthUrl = async (p: Proc) => (await waitFor(() => /serving health and metrics on (http:\/\/\S+)/.exec(p.out)?.[1] ?? (p.child.exitCode !== null && "exit"), 20_000, `${p.name} to serve health`)) as string;
  const status = async (url: string) => (await (await fetch(`${url}/status`)).json()) as Status;
  const metric = async (url: string, name: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
    return m ? Number(m[1]) : undefined;
  };

  it("runs a deployment, survives kill -9 of the leading replica, and scales on the new leader", async () => {
    const masterUrl = await c.startMaster();
    const apiDir = c.tempDir("berth-api-");
    const api = c.spawn("apiserver", ["apiserver", "--port", "0", "--store", "embedded", "--data-dir", apiDir, "--log-level", "warn"]);
    const apiUrl = await waitFor(() => /listening on (http:\/\/\S+)/.exec(api.out)?.[1] ?? (api.child.exitCode !== null && "exit"), 20_000, "the API server's URL");
    expect(apiUrl, api.err).to.not.equal("exit");
    kubeconfig = join(apiDir, "kubeconfig");
    await c.startAgent(join(c.tempDir(), "agent"), "cpus:4;mem:8192;ports:[31000-32000]");

    const replica = (id: string) => c.spawn(id, ["kube-framework", "--api-server", apiUrl, "--master", masterUrl, "--port", "0", "--identity", id, "--log-level", "info"]);
    const r1 = replica("kf-1");
    const url1 = await healthUrl(r1);
    await waitFor(async () => (await status(url1)).running, 30_000, "kf-1 to lead and run the framework");
    const r2 = replica("kf-2");
    const url2 = await healthUrl(r2);
    await waitFor(async () => (await status(url2)).leader === "kf-1", 10_000, "kf-2 to see kf-1 lead");
    expect((await status(url2)).isLeader).to.equal(false);
    expect((await status(url2)).running, "the standby runs no framework").to.equal(false);
    expect(await metric(url1, "leader_election_master_status")).to.equal(1);
    expect(await metric(url2, "leader_election_master_status")).to.equal(0);
    expect((await fetch(`${url2}/readyz`)).status, "a standby is ready").to.equal(200);
    expect((await fetch(`${url1}/healthz`)).status).to.equal(200);
    expect(await holder()).to.deep.equal({ identity: "kf-1", transitions: 0 });

    await kubectl("create", "deployment", "web", "--image=busybox", "--replicas=3", "--", "sleep", "3600");
    const first3 = await waitFor(() => running(3), 60_000, "3 pods Running");
    const nodes = await kubectl("get", "nodes", "-o", "name");
    expect(nodes.trim().split("\n")).to.have.length(1);

    // kill -9 the leader: no release, so the standby must wait out the Lease.
    const t0 = Date.now();
    c.kill(r1);
    await r1.exited;
    await waitFor(async () => (await holder()).identity === "kf-2", 40_000, "kf-2 to acquire the Lease");
    const takeoverMs = Date.now() - t0;
    await waitFor(async () => (await status(url2)).running, 30_000, "kf-2 to run the framework");
    const runningMs = Date.now() - t0;
    console.log(`      kube-framework takeover after kill -9 of the leader: Lease acquired in ${(takeoverMs / 1000).toFixed(1)} s, framework and controllers running in ${(runningMs / 1000).toFixed(1)} s (lease-duration 15s, renew-deadline 10s, retry-period 2s)`);
    // Not before the Lease expired (15 s from the last renewal it saw, renewals every 2 s), and not much later.
    expect(takeoverMs).to.be.within(15_000 - 2_500, 15_000 + 2 * 2_400 + 3_000);
    expect((await holder()).transitions).to.equal(1);
    expect(await metric(url2, "leader_election_master_status")).to.equal(1);
    expect(await metric(url2, "berth_kube_framework_leadership_acquired_total")).to.equal(1);

    await kubectl("scale", "deployment", "web", "--replicas=5");
    const all5 = await waitFor(() => running(5), 60_000, "5 pods Running after the scale");
    // The new leader re-subscribed as the same framework and adopted the running pods: none relaunched or replaced.
    for (const name of first3) expect(all5).to.include(name);
    const restarts = await kubectl("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.containerStatuses[0].restartCount}");
    expect(restarts.trim().split(" ").map(Number)).to.deep.equal([0, 0, 0, 0, 0]);
    const frameworks = (await c.state()).frameworks.filter((f) => f.name === "kubernetes");
    expect(frameworks, "one kubernetes framework on the master").to.have.length(1);
    expect(frameworks[0]!.tasks.filter((t) => t.state === "TASK_RUNNING")).to.have.length(5);

    // A leader that stalls (SIGSTOP: no renewals, its connections still open) loses the Lease to a
    // third replica; when it resumes it finds the Lease held, stops its framework and controllers, and stands by.
    const r3 = replica("kf-3");
    const url3 = await healthUrl(r3);
    await waitFor(async () => (await status(url3)).leader === "kf-2", 10_000, "kf-3 to see kf-2 lead");
    process.kill(r2.child.pid!, "SIGSTOP");
    try {
      await waitFor(async () => (await holder()).identity === "kf-3", 40_000, "kf-3 to acquire the Lease from the stalled leader");
      await waitFor(async () => (await status(url3)).running, 30_000, "kf-3 to run the framework");
    } finally {
      process.kill(r2.child.pid!, "SIGCONT");
    }
    await waitFor(async () => !(await status(url2)).running, 10_000, "kf-2 to stop its framework after it resumes");
    const s2 = await status(url2);
    expect(s2.isLeader).to.equal(false);
    expect(s2.leader).to.equal("kf-3");
    expect(r2.err).to.match(/"msg":"leader election lost"/);
    expect(await metric(url2, "leader_election_master_status")).to.equal(0);
    expect(await metric(url2, "berth_kube_framework_running")).to.equal(0);
    expect((await holder()).transitions).to.equal(2);
    await kubectl("scale", "deployment", "web", "--replicas=2");
    await waitFor(() => running(2), 60_000, "2 pods Running after scaling down on kf-3");
    const after = (await c.state()).frameworks.filter((f) => f.name === "kubernetes");
    expect(after, "still one kubernetes framework").to.have.length(1);
    await waitFor(async () => (await c.state()).frameworks.find((f) => f.name === "kubernetes")?.tasks.filter((t) => t.state === "TASK_RUNNING").length === 2, 30_000, "2 running tasks on the master");
    expect((await status(url3)).isLeader).to.equal(true);
  });
});
