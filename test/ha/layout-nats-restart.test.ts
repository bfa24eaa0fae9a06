/**
 * Fault test on the HA layout (scripts/ha-cluster.mjs, real processes, simulated agents):
 * restart of the NATS server under every role. Its outage outlasts the masters' lease, so
 * the leader steps down; when NATS is back the masters elect a leader again, the API
 * servers' stores reconnect and resume their mirrors, and the kubernetes framework and
 * agents carry on: a write through each API server succeeds and a Deployment scales.
 * The times from the restart to each of these are printed.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { testNats, type TestNats } from "../support/nats.js";
import { KUBECTL, Layout, waitFor } from "./layout.js";

const run = promisify(execFile);
const LEASE_TTL_MS = 2000;
const OUTAGE_MS = 3000;

describe("ha layout: restart of the NATS server (real processes)", function () {
  this.timeout(240_000);
  const l = new Layout();
  let nats: TestNats | undefined;
  after(async () => {
    await l.close();
    await nats?.close();
  });

  it("every role reconnects and goes on: a leader again, writes through both API servers, a Deployment scales", async () => {
    nats = await testNats({ own: true });
    const layout = await l.start({
      nats: nats.url,
      flags: ["--simulated", "--lease-ttl", String(LEASE_TTL_MS), "--kf-lease-duration", "4s", "--kf-renew-deadline", "3s", "--kf-retry-period", "1s", "--log-level", "warn"],
    });
    const kubectl = async (args: string[], context?: string, timeoutMs = 30_000) =>
      (await run(KUBECTL, ["--kubeconfig", layout.kubeconfig, ...(context ? ["--context", context] : []), ...args], { timeout: timeoutMs })).stdout;
    const contexts = (await kubectl(["config", "get-contexts", "-o", "name"])).trim().split("\n");
    expect(contexts).to.have.length(2);
    await kubectl(["create", "deployment", "n", "--image=busybox", "--replicas=5", "--", "sleep", "3600"]);
    await kubectl(["rollout", "status", "deployment/n", "--timeout=90s"], undefined, 100_000);
    const before = (await l.leader())!;

    const t0 = Date.now();
    await nats.restart(OUTAGE_MS);
    const backMs = Date.now() - t0;
    const leader = await waitFor(() => l.leader(), 30_000, "a leading master after the NATS restart");
    const leaderMs = Date.now() - t0;
    // A write through each API server: retried while its store reconnects (a create that was
    // applied but whose answer was lost comes back AlreadyExists on the retry: it took effect).
    const wrote: number[] = [];
    for (const [i, ctx] of contexts.entries()) {
      let last = "";
      await waitFor(
        async () => {
          const out = await kubectl(["create", "configmap", `after-restart-${i}`, `--from-literal=n=${i}`], ctx).catch((e: { stderr?: string }) => ((last = e.stderr ?? String(e)), ""));
          return out.includes("created") || /AlreadyExists|already exists/.test(last);
        },
        30_000,
        `a write through ${ctx}`,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; last error: ${last}`);
      });
      wrote.push(Date.now() - t0);
    }
    // Each replica reads the other's write (the mirrors resumed from the stream).
    for (const [i, ctx] of contexts.entries()) {
      const other = (i + 1) % contexts.length;
      expect((await kubectl(["get", "configmap", `after-restart-${other}`, "-o", "jsonpath={.data.n}"], ctx)).trim()).to.equal(String(other));
    }
    await kubectl(["scale", "deployment/n", "--replicas=10"]);
    await kubectl(["rollout", "status", "deployment/n", "--timeout=60s"], undefined, 70_000);
    const scaledMs = Date.now() - t0;
    type State = { frameworks: { name: string; tasks: { id: string; state: string }[] }[]; slaves: { active: boolean }[] };
    const stateOf = async () => (await (await fetch(`${leader.url}/state`)).json()) as State;
    const running = (await stateOf()).frameworks.find((f) => f.name === "kubernetes")!.tasks.filter((t) => t.id.startsWith("default.n-") && t.state === "TASK_RUNNING");
    expect(running).to.have.length(10);
    // Every agent is back with the leader (an agent re-detects the master after 3 silent ping intervals).
    await waitFor(async () => (await stateOf()).slaves.filter((a) => a.active).length === 3, 30_000, "all 3 agents active at the leader");
    const agentsMs = Date.now() - t0;
    console.log(
      `      NATS down ${OUTAGE_MS} ms (lease TTL ${LEASE_TTL_MS} ms), back after ${backMs} ms: a leader (${leader.name}; before: ${before.name}) ${leaderMs} ms after the restart began; ` +
        `writes through both API servers after ${wrote.join(" and ")} ms; scaled 5 -> 10 pods ${scaledMs} ms after; all 3 agents with the leader after ${agentsMs} ms`,
    );
  });
});
