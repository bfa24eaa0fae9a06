import { expect } from "chai";
import { PendingPods } from "../../src/offer-bridge/pending.js";
import type { Pod } from "../../src/offer-bridge/types.js";

describe("offer-bridge: pending pods", () => {
  const pods = new Map<string, Pod>();
  const launched = new Set<string>();
  let lookups = 0;
  const pending = () =>
    new PendingPods({
      pod: (k) => {
        lookups++;
        return pods.get(k);
      },
      mayBePending: (p) => !launched.has(p.metadata!.name!),
      isPending: (p) => !launched.has(p.metadata!.name!),
    });
  const pod = (name: string, nodeName?: string): Pod => ({ metadata: { name, namespace: "ns" }, spec: { containers: [], ...(nodeName ? { nodeName } : {}) } });
  const put = (set: PendingPods, p: Pod) => {
    pods.set(`ns/${p.metadata!.name}`, p);
    set.note(`ns/${p.metadata!.name}`, p);
  };

  beforeEach(() => {
    pods.clear();
    launched.clear();
    lookups = 0;
  });

  it("bound() lists the pending pods bound to a node, in the order first seen, looking at no unbound pod", () => {
    const set = pending();
    put(set, pod("b1", "n1"));
    for (let i = 0; i < 10_000; i++) put(set, pod(`u${i}`));
    put(set, pod("b2", "n2"));
    put(set, pod("u5", "n3")); // bound later by an update: keeps its first-seen place
    lookups = 0;
    expect(set.bound().map((p) => p.metadata!.name)).to.deep.equal(["b1", "u5", "b2"]);
    // The cycle calls bound() every time: its cost follows the bound pods, not the pending ones.
    expect(lookups).to.equal(3);
    expect(set.any()).to.equal(true);
  });

  it("a launched or deleted pod leaves both views", () => {
    const set = pending();
    put(set, pod("b1", "n1"));
    put(set, pod("u1"));
    launched.add("b1");
    put(set, pods.get("ns/b1")!);
    expect(set.bound()).to.deep.equal([]);
    pods.delete("ns/u1");
    set.forget("ns/u1");
    expect(set.any()).to.equal(false);
    // Launched without an event (the informer's object unchanged): found out on the next walk.
    put(set, pod("b2", "n2"));
    launched.add("b2");
    expect(set.bound()).to.deep.equal([]);
    launched.delete("b2");
    expect(set.bound()).to.deep.equal([]); // gone until a note says it may be pending again
    set.note("ns/b2", pods.get("ns/b2")!);
    expect(set.bound().map((p) => p.metadata!.name)).to.deep.equal(["b2"]);
  });
});
