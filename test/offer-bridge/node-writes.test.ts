/** The node mirror's writes follow kubelet's cadence: status on change or per report period, Leases per renew interval, no no-op patches. */
import { expect } from "chai";
import { bootstrapApiObjects } from "../../src/k8s-api/bootstrap.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import type { ApiClient } from "../../src/k8s-api/client/types.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import { NodeMirror } from "../../src/offer-bridge/nodes.js";
import { eventually, testLogger } from "./helpers.js";

describe("offer-bridge: the node mirror's writes", () => {
  it("renews a Lease once per interval, rewrites status per report period without re-patching unchanged labels", async () => {
    const registry = new Registry(new MemoryStore());
    await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
    const inner = new LocalClient(registry, "node-writes-test");
    const writes: string[] = [];
    // Every write the mirror makes, as "verb resource[/subresource]".
    const client = new Proxy(inner, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if ((prop === "patch" || prop === "create") && typeof v === "function")
          return (...args: unknown[]) => {
            const r = args[0] as { plural: string };
            const opts = args[prop === "patch" ? 5 : 3] as { subresource?: string } | undefined;
            writes.push(`${String(prop)} ${r.plural}${opts?.subresource ? `/${opts.subresource}` : ""}`);
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        return v;
      },
    }) as ApiClient;
    const mirror = new NodeMirror(client, testLogger("node-writes-test"), { leaseIntervalMs: 200, statusIntervalMs: 500 });
    const agent = { agentId: "a1", hostname: "n1", ip: "127.0.0.1", attributes: [], podNetwork: "host" as const };
    try {
      mirror.observe(agent, { cpus: 4, mem: 32768, disk: 0 }, 110);
      await eventually("Node and Lease created", () => writes.includes("create nodes") && writes.includes("create leases"));
      writes.length = 0;
      // The same capacity again: nothing to write.
      mirror.observe(agent, { cpus: 4, mem: 32768, disk: 0 }, 110);
      await new Promise((r) => setTimeout(r, 1100));
      const count = (w: string) => writes.filter((x) => x === w).length;
      // 1.1 s at a 200 ms interval: at most 5-6 renewals (ticks every 20 ms renew only what is due; fewer on a busy machine).
      expect(count("patch leases")).to.be.within(2, 6);
      // Status every 500 ms: 2; the labels and annotations are already there, so no metadata patch.
      expect(count("patch nodes/status")).to.be.within(1, 3);
      expect(count("patch nodes")).to.equal(0);
      expect(count("create nodes")).to.equal(0);
    } finally {
      mirror.stop();
    }
  });
});
