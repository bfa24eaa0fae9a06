/**
 * The kubernetes framework end to end in one process: real master, real agent running
 * real processes, the API over a MemoryStore. Pods are placed, bound, launched as task
 * groups, and their status follows their tasks; deletion kills them; Nodes and Leases
 * mirror the agent.
 */
import { expect } from "chai";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { startCluster, eventually, pod, getPod, eventsFor, PODS, NODES, LEASES, type TestCluster, type PodShape } from "./helpers.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

describe("offer-bridge: pods on offered resources", function () {
  this.timeout(60_000);
  let c: TestCluster;

  before(async () => {
    c = await startCluster({ cpus: 2, mem: 2048 });
  });
  after(async () => {
    await c?.stop();
  });

  it("mirrors the agent as a Ready Node with capacity, labels and a Lease", async () => {
    const node = await eventually("the node", async () => (await c.client.list(NODES, "")).items[0]);
    const n = node as KubeObject & { metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> }; status: { capacity: Record<string, string>; allocatable: Record<string, string>; conditions: { type: string; status: string }[]; addresses: { type: string; address: string }[] } };
    expect(n.metadata.name).to.equal("127.0.0.1");
    expect(n.metadata.labels).to.include({ "kubernetes.io/hostname": "127.0.0.1", "kubernetes.io/os": "linux" });
    expect(n.metadata.labels["kubernetes.io/arch"]).to.be.a("string");
    expect(n.metadata.annotations["berth.io/agent-id"]).to.be.a("string");
    expect(n.status.capacity).to.include({ cpu: "2", memory: "2Gi", pods: "110", "ephemeral-storage": "4Gi" });
    expect(n.status.allocatable).to.deep.equal(n.status.capacity);
    expect(n.status.conditions.find((x) => x.type === "Ready")?.status).to.equal("True");
    expect(n.status.addresses).to.deep.include({ type: "InternalIP", address: "127.0.0.1" });
    const lease = await eventually("the node lease", async () => c.client.get(LEASES, "kube-node-lease", "127.0.0.1"));
    expect((lease as { spec: { holderIdentity: string; renewTime: string } }).spec.holderIdentity).to.equal("127.0.0.1");
  });

  it("runs a pod to Succeeded: bound, Scheduled event, Running, then Succeeded with exit code 0", async () => {
    await c.client.create(PODS, "default", pod("hello", { restartPolicy: "Never", containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "echo hello from $HOSTNAME $GREETING; sleep 1"], env: [{ name: "GREETING", value: "hi" }] }] }));
    const running = await eventually("hello Running", async () => {
      const p = await getPod(c, "hello");
      return p?.status?.phase === "Running" && p;
    });
    expect(running.spec?.nodeName).to.equal("127.0.0.1");
    const cs = running.status!.containerStatuses![0]!;
    expect(cs).to.include({ name: "main", ready: true, started: true, restartCount: 0, image: "busybox" });
    expect(cs.state.running?.startedAt).to.be.a("string");
    expect(running.status!.hostIP).to.equal("127.0.0.1");
    expect(running.status!.podIP).to.equal("127.0.0.1");
    expect(running.status!.startTime).to.be.a("string");
    expect(running.status!.qosClass).to.equal("BestEffort");
    const conds = Object.fromEntries(running.status!.conditions!.map((x) => [x.type, x.status]));
    expect(conds).to.include({ PodScheduled: "True", Initialized: "True", ContainersReady: "True", Ready: "True" });
    const done = await eventually("hello Succeeded", async () => {
      const p = await getPod(c, "hello");
      return p?.status?.phase === "Succeeded" && p;
    });
    const term = done.status!.containerStatuses![0]!.state.terminated!;
    expect(term).to.include({ exitCode: 0, reason: "Completed" });
    expect(term.finishedAt).to.be.a("string");
    expect(done.status!.conditions!.find((x) => x.type === "Ready")).to.include({ status: "False", reason: "PodCompleted" });
    const evs = await eventsFor(c, "hello");
    expect(evs.find((e) => e.reason === "Scheduled")?.message).to.equal("Successfully assigned default/hello to 127.0.0.1");
    // The container's stdout is in its sandbox: it ran with its env and $(VAR)-free argv.
    const stdout = findFile(c.workDir, "default.hello.", "stdout");
    expect(stdout && readFileSync(stdout, "utf8")).to.equal("hello from hello hi\n");
  });

  it("a finished pod's sandbox stays on the agent (its logs readable) until the pod object is deleted", async () => {
    await c.client.create(PODS, "default", pod("kept", { restartPolicy: "Never", containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "echo kept-output"] }] }));
    await eventually("kept Succeeded", async () => (await getPod(c, "kept"))?.status?.phase === "Succeeded");
    const done = await eventually("kept completed on the agent", async () => c.agent.completedTasks().find((t) => t.executorId.startsWith("default.kept.")));
    expect(readFileSync(join(done.sandbox, "stdout"), "utf8")).to.equal("kept-output\n");
    await c.client.delete(PODS, "default", "kept");
    await eventually("the agent to drop kept's sandbox", async () => !c.agent.completedTasks().some((t) => t.executorId.startsWith("default.kept.")) && !existsSync(done.sandbox));
  });

  it("a failing container makes a restartPolicy Never pod Failed with its exit code", async () => {
    await c.client.create(PODS, "default", pod("fails", { restartPolicy: "Never", containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "exit 3"] }] }));
    const p = await eventually("fails Failed", async () => {
      const x = await getPod(c, "fails");
      return x?.status?.phase === "Failed" && x;
    });
    expect(p.status!.containerStatuses![0]!.state.terminated).to.include({ exitCode: 3, reason: "Error" });
  });

  it("a container without command runs its image's catalog entrypoint with args (kubectl run ... -- sh -c)", async () => {
    await c.client.create(PODS, "default", pod("catalog", { restartPolicy: "Never", containers: [{ name: "c", image: "docker.io/library/busybox:1.36", args: ["sh", "-c", "echo from-args"] }] }));
    await eventually("catalog Succeeded", async () => (await getPod(c, "catalog"))?.status?.phase === "Succeeded");
    expect(readFileSync(findFile(c.workDir, "default.catalog.", "stdout")!, "utf8")).to.equal("from-args\n");
  });

  it("an image with no command and no catalog entry waits with ErrImagePull and is not launched", async () => {
    await c.client.create(PODS, "default", pod("noimage", { containers: [{ name: "web", image: "nginx:1.27" }] }));
    const p = await eventually("noimage waiting", async () => {
      const x = await getPod(c, "noimage");
      return x?.status?.containerStatuses?.[0]?.state.waiting?.reason === "ErrImagePull" && x;
    });
    expect(p.status!.phase).to.equal("Pending");
    expect(p.spec?.nodeName).to.equal("127.0.0.1");
    expect(p.status!.containerStatuses![0]!.state.waiting!.message).to.equal('berth cannot run image "nginx:1.27": no command and no catalog entry');
    expect(c.agent.tasks().some((t) => t.taskId.startsWith("default.noimage."))).to.equal(false);
    // A bound pod that never ran is removed at once when deleted.
    await c.client.delete(PODS, "default", "noimage");
    await eventually("noimage gone", async () => !(await getPod(c, "noimage")));
  });

  it("a pod that fits nowhere is Unschedulable with kube-scheduler's FailedScheduling message, and is retried", async () => {
    await c.client.create(PODS, "default", pod("huge", { containers: [{ name: "c", image: "busybox", command: ["sleep", "10"], resources: { requests: { cpu: "1000" } } }] }));
    const p = await eventually("huge unschedulable", async () => {
      const x = await getPod(c, "huge");
      return x?.status?.conditions?.find((k) => k.type === "PodScheduled" && k.status === "False") && x;
    });
    expect(p.status!.conditions!.find((k) => k.type === "PodScheduled")).to.include({ reason: "Unschedulable", message: "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling." });
    expect(p.status!.phase).to.equal("Pending");
    expect(p.spec?.nodeName).to.equal(undefined);
    const ev = await eventually("FailedScheduling", async () => (await eventsFor(c, "huge")).find((e) => e.reason === "FailedScheduling"));
    expect(ev).to.include({ type: "Warning", message: "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling." });
    expect(ev.source?.component).to.equal("default-scheduler");
    // Back-off retries: the event's count grows.
    await eventually("a retried FailedScheduling", async () => ((await eventsFor(c, "huge")).find((e) => e.reason === "FailedScheduling") as unknown as { count: number }).count >= 2, 8000);
    await c.client.delete(PODS, "default", "huge");
    await eventually("huge gone", async () => !(await getPod(c, "huge")));
  });

  it("nodeSelector that no node matches is unschedulable; one that matches is placed", async () => {
    await c.client.create(PODS, "default", pod("sel-no", { containers: [{ name: "c", image: "busybox", command: ["sleep", "30"] }], nodeSelector: { disk: "ssd" } }));
    await eventually("sel-no unschedulable", async () => (await getPod(c, "sel-no"))?.status?.conditions?.find((k) => k.type === "PodScheduled")?.message === "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
    await c.client.create(PODS, "default", pod("sel-yes", { containers: [{ name: "c", image: "busybox", command: ["sleep", "30"] }], nodeSelector: { "kubernetes.io/os": "linux" } }));
    await eventually("sel-yes Running", async () => (await getPod(c, "sel-yes"))?.status?.phase === "Running");
    await c.client.delete(PODS, "default", "sel-no");
  });

  it("deleting a running pod kills its task with the grace period, then removes the object", async () => {
    await c.client.create(PODS, "default", pod("long", { terminationGracePeriodSeconds: 5, containers: [{ name: "a", image: "busybox", command: ["sleep", "300"] }, { name: "b", image: "busybox", command: ["sleep", "300"] }] }));
    const p = await eventually("long Running", async () => {
      const x = await getPod(c, "long");
      return x?.status?.phase === "Running" && x;
    });
    expect(p.status!.containerStatuses!.map((s) => s.name)).to.deep.equal(["a", "b"]);
    const uid = p.metadata!.uid!;
    const tasks = c.agent.tasks().filter((t) => t.taskId.includes(uid));
    expect(tasks.map((t) => t.taskId).sort()).to.deep.equal([`default.long.${uid}.a`, `default.long.${uid}.b`]);
    const pids = tasks.map((t) => t.pid!);
    const t0 = Date.now();
    await c.client.delete(PODS, "default", "long");
    await eventually("long gone", async () => !(await getPod(c, "long")), 15_000);
    expect(Date.now() - t0).to.be.below(5000); // sleep dies on SIGTERM: no need to wait out the grace period
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).to.equal(false);
    expect((await eventsFor(c, "long")).some((e) => e.reason === "Killing")).to.equal(true);
  });

  it("the kill honours the grace period: a container ignoring SIGTERM is killed after it", async () => {
    await c.client.create(PODS, "default", pod("stubborn", { terminationGracePeriodSeconds: 1, containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "trap '' TERM; while true; do sleep 0.1; done"] }] }));
    await eventually("stubborn Running", async () => (await getPod(c, "stubborn"))?.status?.phase === "Running");
    const t0 = Date.now();
    await c.client.delete(PODS, "default", "stubborn");
    await eventually("stubborn gone", async () => !(await getPod(c, "stubborn")), 15_000);
    expect(Date.now() - t0).to.be.within(900, 6000);
  });

  it("a restarted framework re-subscribes as itself and does not launch a running pod twice", async () => {
    await c.client.create(PODS, "default", pod("stay", { containers: [{ name: "c", image: "busybox", command: ["sleep", "300"] }] }));
    const p = await eventually("stay Running", async () => {
      const x = await getPod(c, "stay");
      return x?.status?.phase === "Running" && x;
    });
    // Status is written when it changes, not in a loop.
    const rv = (await getPod(c, "stay"))!.metadata!.resourceVersion;
    await new Promise((r) => setTimeout(r, 1000));
    expect((await getPod(c, "stay"))!.metadata!.resourceVersion).to.equal(rv);
    const id = c.framework.frameworkId();
    const before = c.agent.tasks().filter((t) => t.taskId.includes(p.metadata!.uid!));
    expect(before).to.have.length(1);
    await c.restartFramework();
    expect(c.framework.frameworkId()).to.equal(id);
    // A new pod still runs, and the old one keeps its single task.
    await c.client.create(PODS, "default", pod("after", { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["true"] }] }));
    await eventually("after Succeeded", async () => (await getPod(c, "after"))?.status?.phase === "Succeeded");
    const now = c.agent.tasks().filter((t) => t.taskId.includes(p.metadata!.uid!));
    expect(now.map((t) => [t.taskId, t.pid])).to.deep.equal(before.map((t) => [t.taskId, t.pid]));
    expect((await getPod(c, "stay"))!.status!.phase).to.equal("Running");
    // Deletion still works through the new subscription.
    await c.client.delete(PODS, "default", "stay");
    await eventually("stay gone", async () => !(await getPod(c, "stay")), 15_000);
  });

  it("a pod deleted outright (grace 0) has its tasks killed", async () => {
    await c.client.create(PODS, "default", pod("forced", { containers: [{ name: "c", image: "busybox", command: ["sleep", "300"] }] }));
    const p = await eventually("forced Running", async () => {
      const x = await getPod(c, "forced");
      return x?.status?.phase === "Running" && x;
    });
    const task = c.agent.tasks().find((t) => t.taskId.includes(p.metadata!.uid!))!;
    await c.client.delete(PODS, "default", "forced", { gracePeriodSeconds: 0 });
    await eventually("forced's process gone", () => !alive(task.pid!), 10_000);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The first file named `name` under root whose path mentions `marker`. */
function findFile(root: string, marker: string, name: string): string | undefined {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (e === name && p.includes(marker)) return p;
    }
  }
  return undefined;
}

export type { PodShape };
