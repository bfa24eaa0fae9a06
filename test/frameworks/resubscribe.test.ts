/**
 * The framework's stream to the master breaks mid-job (every connection through a proxy is
 * cut): it re-subscribes with its framework id within the failover timeout, reconciles the
 * tasks it launched, and finishes the job without launching them again.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { createServer, connect, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { runBatchJob } from "../../src/frameworks/batch/index.js";
import { Cluster, waitFor } from "./helpers.js";

/** A TCP proxy to the master whose connections can all be cut at once. */
async function proxy(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const up = connect(Number(port), hostname);
    for (const s of [client, up]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(up).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe("frameworks: a batch job re-subscribes when its stream breaks", function () {
  this.timeout(60_000);
  const c = new Cluster();
  afterEach(() => c.cleanup());

  it("re-subscribes with the same framework id, reconciles, and runs every task once", async () => {
    await c.startMaster();
    await c.startAgent(join(c.tempDir(), "agent"), "cpus:2;mem:2048");
    const shared = c.tempDir("berth-fw-out-");
    const p = await proxy(c.masterUrl);
    try {
      const lines: string[] = [];
      let running = 0;
      const job = runBatchJob({
        master: p.url,
        name: "resilient",
        tasks: 4,
        command: `echo run >> ${shared}/runs-{i}; sleep 2`,
        resources: "cpus:0.5;mem:64",
        failoverTimeout: 30,
        log: (l) => lines.push(l),
        onProgress: (x) => (running = x.running),
      });
      await waitFor(() => running === 4, 20_000, "4 tasks running");
      p.cut();
      const r = await job;
      const log = lines.join("\n");
      expect(r.error, log).to.equal(undefined);
      expect(r.succeeded, log).to.equal(4);
      expect(log).to.match(/disconnected from the master/);
      expect(log).to.contain(`re-subscribed as framework ${r.frameworkId}`);
      expect(log).to.contain("reconciling 4 task(s)");
      for (let i = 0; i < 4; i++) expect(readFileSync(join(shared, `runs-${i}`), "utf8")).to.equal("run\n");
      expect(r.tasks.every((t) => t.attempts.length === 1)).to.equal(true);
    } finally {
      p.close();
    }
  });
});
