/**
 * Conformance: kubectl logs of containers that have ended, as kubelet serves them (it keeps
 * a dead container's log until the pod is deleted): a `kubectl run --restart=Never` pod
 * that printed and exited, a Job's pod, and `--previous` of a crash-restarted container
 * after berth (its agent included) restarts.
 */
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, type Berth } from "./harness.js";

interface PodJson {
  status: { phase?: string; containerStatuses?: { restartCount: number; state: Record<string, unknown>; lastState?: { terminated?: unknown } }[] };
}

describe("conformance: kubectl logs of finished containers", function () {
  this.timeout(180_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;
  const phase = (name: string, want: string) =>
    eventually(async () => (JSON.parse(await k.ok(["get", "pod", name, "-o", "json"])) as PodJson).status.phase === want, `pod ${name} ${want}`, 60_000);

  before(async () => {
    b = await startBerth();
    k = kubectlFor(b);
  });
  after(async () => {
    if (b) {
      await k?.run(["delete", "pods", "--all", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 }).catch(() => undefined);
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("kubectl run --restart=Never that exited: logs with --tail, --since, -c, --timestamps and -f (which ends)", async () => {
    await k.ok(["run", "printer", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo first; echo second; echo third"]);
    await phase("printer", "Succeeded");
    expect(await k.ok(["logs", "printer"])).to.equal("first\nsecond\nthird\n");
    expect(await k.ok(["logs", "printer", "--tail=1"])).to.equal("third\n");
    expect(await k.ok(["logs", "printer", "-c", "printer", "--since=1h"])).to.equal("first\nsecond\nthird\n");
    expect(await k.ok(["logs", "printer", "--timestamps", "--tail=1"])).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z third\n$/);
    const t0 = Date.now();
    const followed = await k.run(["logs", "-f", "printer"], { timeoutMs: 20_000 });
    expect(followed.code).to.equal(0);
    expect(followed.stdout).to.equal("first\nsecond\nthird\n");
    expect(Date.now() - t0).to.be.below(10_000, "-f of a finished container ends at EOF");
    // A failed one too.
    await k.ok(["run", "failer", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo about to fail >&2; exit 2"]);
    await phase("failer", "Failed");
    expect(await k.ok(["logs", "failer"])).to.equal("about to fail\n");
    // Deleted: gone with the pod.
    await k.ok(["delete", "pod", "printer", "--wait=true"]);
    const gone = await k.run(["logs", "printer"]);
    expect(gone.code).to.equal(1);
    expect(gone.stderr).to.contain('pods "printer" not found');
  });

  it("a Job's pod: kubectl logs job/<name> after it completed", async () => {
    await k.ok(["create", "job", "reporter", "--image=busybox", "--", "sh", "-c", "echo job-result 42"]);
    await k.ok(["wait", "--for=condition=complete", "job/reporter", "--timeout=60s"], { timeoutMs: 70_000 });
    expect(await k.ok(["logs", "job/reporter"])).to.equal("job-result 42\n");
  });

  it("--previous of a crash-restarted container, after berth restarts", async () => {
    // The first run fails at once; the restarted one stays up (the sandbox persists across restarts).
    await k.ok(["run", "crasher", "--image=busybox", "--", "sh", "-c", "if [ -f ran ]; then echo second-run; exec sleep 3600; fi; touch ran; echo first-run; exit 1"]);
    await eventually(async () => {
      const cs = (JSON.parse(await k.ok(["get", "pod", "crasher", "-o", "json"])) as PodJson).status.containerStatuses?.[0];
      return (cs?.restartCount ?? 0) >= 1 && cs?.lastState?.terminated !== undefined && cs.state.running !== undefined;
    }, "crasher restarted and running", 60_000);
    expect(await eventually(async () => (await k.ok(["logs", "crasher"])) || undefined, "current logs")).to.equal("second-run\n");
    expect(await k.ok(["logs", "crasher", "--previous"])).to.equal("first-run\n");
    await b.stop();
    b = await startBerth({ dataDir: b.dataDir });
    k = kubectlFor(b);
    const prev = await eventually(async () => {
      const r = await k.run(["logs", "crasher", "--previous"]);
      return r.code === 0 ? r.stdout : undefined;
    }, "previous logs after the restart", 30_000);
    expect(prev).to.equal("first-run\n");
    expect(await k.ok(["logs", "crasher"])).to.equal("second-run\n");
    expect((JSON.parse(await k.ok(["get", "pod", "crasher", "-o", "json"])) as PodJson).status.containerStatuses?.[0]?.restartCount).to.equal(1, "re-attached, not restarted");
  });
});
