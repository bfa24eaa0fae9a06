/** Batched cycles on real timers (short intervals; bounded waits). */
import { expect } from "chai";
import { harness, held } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("allocator: batching", () => {
  it("coalesces requested cycles, re-offers on the periodic timer, and stops", async () => {
    const h = harness({ allocationIntervalMs: 30, now: Date.now });
    h.agent("s1", "cpus:1;mem:512");
    h.framework("f1", "r");
    h.allocator.requestCycle();
    await sleep(15);
    expect(h.offers).to.have.length(1); // one cycle for three requests
    const a = h.offers[0]!;
    // A request right after a cycle waits out the interval.
    h.allocator.recoverResources("f1", "s1", held(a, "f1", "r", "s1"));
    h.allocator.requestCycle();
    await sleep(5);
    expect(h.offers).to.have.length(1);
    await sleep(60);
    expect(h.offers).to.have.length(2);
    // The periodic timer alone picks up recovered resources.
    h.allocator.recoverResources("f1", "s1", held(h.offers[1]!, "f1", "r", "s1"));
    await sleep(80);
    expect(h.offers).to.have.length(3);
    h.allocator.stop();
    h.allocator.recoverResources("f1", "s1", held(h.offers[2]!, "f1", "r", "s1"));
    h.allocator.requestCycle();
    await sleep(80);
    expect(h.offers).to.have.length(3);
  });
});
