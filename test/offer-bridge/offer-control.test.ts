/**
 * The kube-framework's SUPPRESS and REVIVE reach the master in the order it sends them. Over
 * HTTP each call may travel on its own connection, so two in flight at once can arrive in
 * either order; a SUPPRESS arriving after a later REVIVE leaves the framework suppressed
 * while it believes it is not, and pods wait for offers that never come. The scheduler API
 * here is the real master's, with each SUPPRESS held back (as a slow connection would) until
 * a REVIVE is sent or a second has passed.
 */
import { expect } from "chai";
import type { SchedulerApi } from "../../src/mesos/link.js";
import type { SchedulerCall } from "../../src/mesos/v1.js";
import { startCluster, eventually, pod, getPod, type TestCluster } from "./helpers.js";

describe("offer-bridge: SUPPRESS and REVIVE in order", function () {
  this.timeout(30_000);
  let c: TestCluster | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it("never has a SUPPRESS and a REVIVE in flight at once, and pods still get offers", async () => {
    const sent: string[] = [];
    let inFlight = 0;
    let overlaps = 0;
    let reviveSent: (() => void) | undefined;
    const wrap = (s: SchedulerApi): SchedulerApi => ({
      subscribe: (call, sink) => s.subscribe(call, sink),
      async call(streamId: string, call: SchedulerCall) {
        if (call.type !== "SUPPRESS" && call.type !== "REVIVE") return s.call(streamId, call);
        sent.push(call.type);
        if (inFlight > 0) overlaps++;
        inFlight++;
        try {
          if (call.type === "REVIVE") reviveSent?.();
          else await new Promise<void>((r) => ((reviveSent = r), setTimeout(r, 1000)));
          await s.call(streamId, call);
        } finally {
          inFlight--;
        }
      },
    });
    // Idle, the framework suppresses after each round of offers, and the node refresh revives 100 ms later.
    c = await startCluster({ framework: { nodeRefreshMs: 100 }, wrapScheduler: wrap });
    const rounds = (t: string) => sent.filter((x) => x === t).length;
    // Stops at the first overlap: out of order, the master is left suppressed and no round follows.
    await eventually("two SUPPRESS and REVIVE rounds", () => overlaps > 0 || (rounds("SUPPRESS") >= 2 && rounds("REVIVE") >= 2), 15_000);
    expect(overlaps, `calls in order sent: ${sent.join(" ")}`).to.equal(0);
    await c.client.create({ group: "", version: "v1", plural: "pods" }, "default", pod("after-suppress", { containers: [{ name: "c", image: "pause", resources: { requests: { cpu: "100m", memory: "16Mi" } } }] }));
    await eventually("the pod bound", async () => (await getPod(c!, "after-suppress"))?.spec?.nodeName, 10_000);
    expect(overlaps, `calls in order sent: ${sent.join(" ")}`).to.equal(0);
  });

  it("declines every agent's unused offers in one DECLINE", async () => {
    const declines: number[] = [];
    const wrap = (s: SchedulerApi): SchedulerApi => ({
      subscribe: (call, sink) => s.subscribe(call, sink),
      call(streamId: string, call: SchedulerCall) {
        if (call.type === "DECLINE") declines.push(call.decline?.offer_ids?.length ?? 0);
        return s.call(streamId, call);
      },
    });
    // Four agents registered before the framework subscribes: its first round offers all four, and nothing waits.
    c = await startCluster({ extraAgents: 3, wrapScheduler: wrap });
    await eventually("the first round declined", () => declines.reduce((a, b) => a + b, 0) >= 4, 10_000);
    expect(declines, "offers per DECLINE call").to.deep.equal([4]);
  });
});
