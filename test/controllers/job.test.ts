import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { EVENTS, PODS, eventually, getOrUndefined, list, newCluster, ownedBy, type Cluster } from "./helpers.js";

const JOBS = { group: "batch", version: "v1", plural: "jobs" } as const;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = KubeObject & { metadata: any; [k: string]: any };

function job(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: "default" },
    spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "main", image: "busybox" }] } }, ...spec },
  };
}

async function finish(c: Cluster, pod: Any, phase: "Succeeded" | "Failed"): Promise<void> {
  const cur = await c.client.get<Any>(PODS, "default", pod.metadata.name);
  await c.client.update(PODS, "default", { ...cur, status: { phase } }, { subresource: "status" });
}

async function activePods(c: Cluster, j: KubeObject): Promise<Any[]> {
  return (await ownedBy<Any>(c.client, PODS, j)).filter((p) => !p.status?.phase || p.status.phase === "Pending" || p.status.phase === "Running").filter((p) => !p.metadata.deletionTimestamp);
}

async function getJob(c: Cluster, name: string): Promise<Any> {
  return c.client.get<Any>(JOBS, "default", name);
}

const cond = (j: Any, type: string) => (j.status?.conditions ?? []).find((x: Any) => x.type === type);

describe("job controller", function () {
  let c: Cluster;
  beforeEach(async () => {
    c = await newCluster({ controllers: ["job-controller", "ttl-after-finished-controller", "garbage-collector-controller"], job: { podFailureBackoffMs: 50 } });
  });
  afterEach(() => c.stop());

  it("runs completions with parallelism, tracks pods by finalizer and completes", async () => {
    const j = await c.client.create(JOBS, "default", job("pi", { completions: 3, parallelism: 2 }));
    const first = await eventually("2 active pods", async () => {
      const l = await activePods(c, j);
      return l.length === 2 && l;
    });
    const p = first[0]!;
    expect(p.metadata.generateName).to.equal("pi-");
    expect(p.metadata.finalizers).to.include("batch.kubernetes.io/job-tracking");
    expect(p.metadata.labels).to.include({ "batch.kubernetes.io/job-name": "pi", "job-name": "pi", "batch.kubernetes.io/controller-uid": j.metadata?.uid, "controller-uid": j.metadata?.uid });
    expect(p.metadata.ownerReferences[0]).to.include({ kind: "Job", name: "pi", controller: true, blockOwnerDeletion: true });
    const st = await eventually("active 2", async () => {
      const s = (await getJob(c, "pi")).status;
      return s?.active === 2 && s;
    });
    expect(st.startTime).to.be.a("string");
    expect(st.ready).to.equal(0);

    for (let done = 0; done < 3; ) {
      const act = await eventually("an active pod", async () => (await activePods(c, j))[0]);
      await finish(c, act, "Succeeded");
      done++;
      await eventually(`succeeded ${done}`, async () => (await getJob(c, "pi")).status?.succeeded === done);
    }
    const done = await eventually("Complete", async () => {
      const cur = await getJob(c, "pi");
      return cond(cur, "Complete")?.status === "True" && cur;
    });
    expect(done.status).to.include({ succeeded: 3, active: 0 });
    expect(done.status.completionTime).to.be.a("string");
    expect(cond(done, "SuccessCriteriaMet")).to.include({ status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" });
    expect(cond(done, "Complete")).to.include({ reason: "CompletionsReached" });
    // Finalizers are gone from every pod.
    for (const pod of await ownedBy<Any>(c.client, PODS, j)) expect(pod.metadata.finalizers ?? []).to.not.include("batch.kubernetes.io/job-tracking");
    await eventually("Completed event", async () => (await list<Any>(c.client, EVENTS, "default")).some((e) => e.reason === "Completed" && e.message === "Job completed"));
  });

  it("replaces failed pods with backoff and fails at the backoff limit", async () => {
    const j = await c.client.create(JOBS, "default", job("flaky", { backoffLimit: 1 }));
    const p1 = await eventually("pod", async () => (await activePods(c, j))[0]);
    await finish(c, p1, "Failed");
    const p2 = await eventually("replacement", async () => (await activePods(c, j)).find((p) => p.metadata.uid !== p1.metadata.uid));
    expect((await getJob(c, "flaky")).status.failed).to.equal(1);
    await finish(c, p2, "Failed");
    const failed = await eventually("Failed", async () => {
      const cur = await getJob(c, "flaky");
      return cond(cur, "Failed")?.status === "True" && cur;
    });
    expect(cond(failed, "FailureTarget")).to.include({ status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" });
    expect(cond(failed, "Failed")).to.include({ reason: "BackoffLimitExceeded" });
    expect(failed.status).to.include({ failed: 2, active: 0 });
    expect(failed.status.completionTime).to.equal(undefined);
  });

  it("runs Indexed jobs with one pod per completion index", async () => {
    const j = await c.client.create(JOBS, "default", job("idx", { completions: 3, parallelism: 3, completionMode: "Indexed" }));
    const pods = await eventually("3 pods", async () => {
      const l = await activePods(c, j);
      return l.length === 3 && l;
    });
    const byIndex = new Map(pods.map((p) => [p.metadata.annotations["batch.kubernetes.io/job-completion-index"], p]));
    expect([...byIndex.keys()].sort()).to.deep.equal(["0", "1", "2"]);
    const p1 = byIndex.get("1")!;
    expect(p1.metadata.generateName).to.equal("idx-1-");
    expect(p1.metadata.labels["batch.kubernetes.io/job-completion-index"]).to.equal("1");
    expect(p1.spec.hostname).to.equal("idx-1");
    expect(p1.spec.containers[0].env).to.deep.include({ name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } });
    await finish(c, p1, "Succeeded");
    await eventually("completedIndexes 1", async () => (await getJob(c, "idx")).status?.completedIndexes === "1");
    // A failed index is retried with a pod of the same index.
    await finish(c, byIndex.get("0")!, "Failed");
    const again = await eventually("index 0 again", async () => (await activePods(c, j)).find((p) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"] === "0"));
    await finish(c, again, "Succeeded");
    await finish(c, byIndex.get("2")!, "Succeeded");
    const done = await eventually("Complete", async () => {
      const cur = await getJob(c, "idx");
      return cond(cur, "Complete")?.status === "True" && cur;
    });
    expect(done.status).to.include({ completedIndexes: "0-2", succeeded: 3, failed: 1 });
  });

  it("fails at activeDeadlineSeconds, deleting running pods", async () => {
    const j = await c.client.create(JOBS, "default", job("slow", { activeDeadlineSeconds: 1, parallelism: 2, completions: 2 }));
    await eventually("2 pods", async () => (await activePods(c, j)).length === 2);
    const failed = await eventually(
      "Failed",
      async () => {
        const cur = await getJob(c, "slow");
        return cond(cur, "Failed")?.status === "True" && cur;
      },
      8000,
    );
    expect(cond(failed, "Failed")).to.include({ reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" });
    expect(failed.status.active).to.equal(0);
    await eventually("pods gone", async () => (await ownedBy(c.client, PODS, j)).length === 0);
  });

  it("suspends and resumes", async () => {
    const j = await c.client.create(JOBS, "default", job("sus", { suspend: true }));
    const s = await eventually("Suspended", async () => {
      const cur = await getJob(c, "sus");
      return cond(cur, "Suspended")?.status === "True" && cur;
    });
    expect(cond(s, "Suspended")).to.include({ reason: "JobSuspended", message: "Job suspended" });
    expect(s.status.startTime).to.equal(undefined);
    expect(await ownedBy(c.client, PODS, j)).to.have.length(0);
    await c.client.patch(JOBS, "default", "sus", "merge", { spec: { suspend: false } });
    await eventually("resumed with a pod", async () => {
      const cur = await getJob(c, "sus");
      return cond(cur, "Suspended")?.status === "False" && cond(cur, "Suspended")?.reason === "JobResumed" && cur.status.startTime && (await activePods(c, j)).length === 1;
    });
    await c.client.patch(JOBS, "default", "sus", "merge", { spec: { suspend: true } });
    await eventually("pods deleted", async () => (await ownedBy(c.client, PODS, j)).length === 0);
  });

  it("deletes finished jobs after ttlSecondsAfterFinished", async () => {
    const j = await c.client.create(JOBS, "default", job("short", { ttlSecondsAfterFinished: 0 }));
    const p = await eventually("pod", async () => (await activePods(c, j))[0]);
    await finish(c, p, "Succeeded");
    await eventually("job deleted", async () => (await getOrUndefined(c.client, JOBS, "default", "short")) === undefined, 8000);
  });
});
