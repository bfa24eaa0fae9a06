/**
 * Conformance: kubectl logs, exec, attach, port-forward and cp on `berth up`, with the real
 * kubectl 1.35 (WebSocket v5.channel.k8s.io for exec/attach, SPDY tunneled over WebSocket
 * for port-forward). The API server proxies each to the agent's container API, as
 * kube-apiserver proxies to a kubelet.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect } from "chai";
import { startBerth, kubectlFor, eventually, removeDir, KUBECTL, type Berth } from "./harness.js";
import { freePort } from "../test/support/net.js";

interface PodJson {
  status: { phase?: string; containerStatuses?: { state: Record<string, unknown> }[] };
}


/** A long-running kubectl (logs -f, attach, port-forward): its output so far, and a kill. */
function background(b: Berth, args: string[]): { child: ChildProcess; out: () => string; waitFor(re: RegExp, ms?: number): Promise<RegExpExecArray>; kill(): void } {
  const child = spawn(KUBECTL, args, { env: { ...process.env, KUBECONFIG: b.kubeconfig, HOME: b.dataDir }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  return {
    child,
    out: () => out,
    waitFor: (re, ms = 15_000) =>
      eventually(async () => re.exec(out) ?? undefined, `kubectl ${args.join(" ")} to print ${re}; printed: ${out}`, ms, 100),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

describe("conformance: kubectl logs, exec, attach, port-forward, cp", function () {
  this.timeout(120_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;
  const running = (name: string) =>
    eventually(async () => {
      const p = JSON.parse(await k.ok(["get", "pod", name, "-o", "json"])) as PodJson;
      return p.status.phase === "Running" && p.status.containerStatuses?.[0]?.state.running !== undefined;
    }, `pod ${name} Running`, 30_000);

  before(async () => {
    b = await startBerth();
    k = kubectlFor(b);
    await k.ok(["run", "chatty", "--image=busybox", "--", "sh", "-c", "for i in 1 2 3; do echo line$i; done; sleep 3600"]);
    await running("chatty");
  });
  after(async () => {
    if (b) {
      await k?.run(["delete", "pods", "--all", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 }).catch(() => undefined);
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  describe("logs", () => {
    it("kubectl logs prints the container's output", async () => {
      const out = await eventually(async () => {
        const s = await k.ok(["logs", "chatty"]);
        return s.includes("line3") && s;
      }, "all three lines");
      expect(out).to.equal("line1\nline2\nline3\n");
    });

    it("kubectl logs --tail=1 prints the last line", async () => {
      expect(await k.ok(["logs", "chatty", "--tail=1"])).to.equal("line3\n");
    });

    it("kubectl logs --timestamps prefixes RFC 3339 times; --limit-bytes cuts", async () => {
      const ts = await k.ok(["logs", "chatty", "--timestamps", "--tail=1"]);
      expect(ts).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line3\n$/);
      expect(await k.ok(["logs", "chatty", "--limit-bytes=7"])).to.equal("line1\nl");
    });

    it("kubectl logs -f keeps streaming until interrupted", async () => {
      const f = background(b, ["logs", "-f", "chatty"]);
      try {
        await f.waitFor(/line3/);
        await new Promise((r) => setTimeout(r, 500));
        expect(f.child.exitCode, "still following").to.equal(null);
      } finally {
        f.kill();
      }
    });

    it("kubectl logs --previous shows the run before a restart", async () => {
      await k.ok(["run", "crashy", "--image=busybox", "--", "sh", "-c", "echo run-$(date +%s%N); sleep 1; exit 1"]);
      await eventually(async () => {
        const p = JSON.parse(await k.ok(["get", "pod", "crashy", "-o", "json"])) as { status: { containerStatuses?: { restartCount: number; lastState?: { terminated?: unknown } }[] } };
        const cs = p.status.containerStatuses?.[0];
        return (cs?.restartCount ?? 0) >= 1 && cs?.lastState?.terminated !== undefined;
      }, "crashy restarted once", 30_000);
      const prev = await eventually(async () => (await k.ok(["logs", "crashy", "--previous"])) || undefined, "previous logs");
      expect(prev).to.match(/^run-\d+\n$/);
      const cur = await eventually(async () => (await k.ok(["logs", "crashy"])) || undefined, "current logs");
      expect(cur).to.match(/^run-\d+\n$/);
      expect(cur).to.not.equal(prev);
      await k.run(["delete", "pod", "crashy", "--wait=false"]);
    });

    it("errors are kube-apiserver's and kubelet's", async () => {
      const bad = await k.run(["logs", "chatty", "-c", "nope"]);
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.contain("container nope is not valid for pod chatty");
      const prev = await k.run(["logs", "chatty", "--previous"]);
      expect(prev.code).to.equal(1);
      expect(prev.stderr).to.contain('previous terminated container "chatty" in pod "chatty" not found');
      const missing = await k.run(["logs", "nosuchpod"]);
      expect(missing.stderr).to.contain('pods "nosuchpod" not found');
    });
  });

  describe("exec", () => {
    it("kubectl exec runs a command beside the container", async () => {
      expect(await k.ok(["exec", "chatty", "--", "echo", "hi"])).to.equal("hi\n");
    });

    it("propagates the exit code", async () => {
      const r = await k.run(["exec", "chatty", "--", "sh", "-c", "echo partial; exit 3"]);
      expect(r.code).to.equal(3);
      expect(r.stdout).to.equal("partial\n");
      expect(r.stderr).to.contain("command terminated with exit code 3");
    });

    it("separates stdout and stderr", async () => {
      const r = await k.run(["exec", "chatty", "--", "sh", "-c", "echo out; echo err >&2"]);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.equal("out\n");
      expect(r.stderr).to.contain("err\n");
    });

    it("kubectl exec -i streams stdin until it ends", async () => {
      const r = await k.run(["exec", "-i", "chatty", "--", "cat"], { input: "abc\ndef\n", timeoutMs: 20_000 });
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.equal("abc\ndef\n");
    });

    it("runs with the container's environment", async () => {
      const out = await k.ok(["exec", "chatty", "--", "sh", "-c", "echo $MESOS_TASK_ID"]);
      expect(out.trim()).to.match(/^default\.chatty\.[0-9a-f-]+\.chatty$/);
    });
  });

  describe("cp", () => {
    it("kubectl cp copies a file into the container and back (exec + tar)", async () => {
      const src = join(b.dataDir, "cp-src.txt");
      writeFileSync(src, "copied through tar\n");
      const dir = (await k.ok(["exec", "chatty", "--", "sh", "-c", "mkdir -p cpdir && cd cpdir && pwd"])).trim();
      await k.ok(["cp", src, `chatty:${dir}/in.txt`], { timeoutMs: 20_000 });
      expect(await k.ok(["exec", "chatty", "--", "cat", `${dir}/in.txt`])).to.equal("copied through tar\n");
      const back = join(b.dataDir, "cp-back.txt");
      await k.ok(["cp", `chatty:${dir}/in.txt`, back], { timeoutMs: 20_000 });
      expect(readFileSync(back, "utf8")).to.equal("copied through tar\n");
    });
  });

  describe("port-forward", () => {
    it("kubectl port-forward reaches a server in the pod", async () => {
      const port = await freePort();
      await k.ok(["run", "web", "--image=busybox", "--command", "--", "node", "-e", `require('http').createServer((q,s)=>s.end('ok')).listen(${port}, '127.0.0.1')`]);
      await running("web");
      // Wait until the server listens on the pod's localhost (asked from inside the pod, its
      // network being the host's or its own), since kubectl port-forward gives up at the
      // first connection the pod refuses (as upstream).
      const probe = `fetch('http://127.0.0.1:${port}/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
      await eventually(async () => (await k.run(["exec", "web", "--", "node", "-e", probe])).code === 0, "the server in the pod to listen", 15_000, 200);
      const pf = background(b, ["port-forward", "pod/web", `0:${port}`]);
      try {
        const m = await pf.waitFor(/Forwarding from 127\.0\.0\.1:(\d+)/);
        const local = Number(m[1]);
        const body = await (await fetch(`http://127.0.0.1:${local}/`, { signal: AbortSignal.timeout(5000) })).text();
        expect(body).to.equal("ok");
        // A second connection through the same forward.
        expect(await (await fetch(`http://127.0.0.1:${local}/again`, { signal: AbortSignal.timeout(3000) })).text()).to.equal("ok");
      } finally {
        pf.kill();
      }
    });
  });

  describe("attach", () => {
    it("kubectl attach streams what the container writes from now on", async () => {
      await k.ok(["run", "ticker", "--image=busybox", "--", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.3; done"]);
      await running("ticker");
      const a = background(b, ["attach", "ticker"]);
      try {
        await a.waitFor(/tick\d+\n.*tick\d+/s);
      } finally {
        a.kill();
      }
    });

    it("kubectl attach -i answers clearly that the container has no stdin", async () => {
      const r = await k.run(["attach", "-i", "ticker"], { timeoutMs: 20_000 });
      expect(r.code).to.equal(1);
      expect(r.stderr).to.contain("without stdin");
    });
  });
});
