/**
 * Agents' attributes and reserved roles as Node labels (nodes.ts): berth.io/<attribute>
 * for every attribute type, berth.io/reserved-for-<role>=true for each role the agent's
 * offered resources are reserved for; a pod's nodeSelector can pick them.
 */
import { expect } from "chai";
import { nodeLabels, reservedRolesOf, type AgentSeen } from "../../src/offer-bridge/nodes.js";
import { startCluster, eventually, pod, getPod, NODES, PODS, type TestCluster } from "./helpers.js";

describe("offer-bridge: agent attributes and roles as Node labels", () => {
  const agent = (extra: Partial<AgentSeen>): AgentSeen => ({ agentId: "a1", hostname: "h", ip: "10.0.0.1", attributes: [], podNetwork: "host", ...extra });

  it("maps text, scalar, set and ranges attributes; skips values a label cannot hold", () => {
    const l = nodeLabels(
      agent({
        attributes: [
          { name: "rack", type: "TEXT", text: { value: "r1" } },
          { name: "gen", type: "SCALAR", scalar: { value: 3 } },
          { name: "disks", type: "SET", set: { item: ["ssd", "nvme"] } },
          { name: "slots", type: "RANGES", ranges: { range: [{ begin: 1, end: 2 }, { begin: 4, end: 4 }] } },
          { name: "note", type: "TEXT", text: { value: "has spaces" } },
          { name: "Zone.Name", type: "TEXT", text: { value: "z" } },
        ],
      }),
      "h",
    );
    expect(l).to.include({ "berth.io/rack": "r1", "berth.io/gen": "3", "berth.io/disks": "ssd_nvme", "berth.io/slots": "1-2_4-4", "berth.io/zone-name": "z" });
    expect(l).to.not.have.property("berth.io/note");
  });

  it("labels each reserved role (hierarchical roles with dots); none for unreserved resources", () => {
    const roles = reservedRolesOf([
      { name: "cpus", type: "SCALAR", scalar: { value: 1 } },
      { name: "cpus", type: "SCALAR", scalar: { value: 1 }, reservations: [{ type: "STATIC", role: "kubernetes" }] },
      { name: "mem", type: "SCALAR", scalar: { value: 64 }, reservations: [{ type: "STATIC", role: "eng" }, { type: "DYNAMIC", role: "eng/web" }] },
    ]);
    expect(roles).to.deep.equal(["eng/web", "kubernetes"]);
    const l = nodeLabels(agent({ reservedRoles: roles }), "h");
    expect(l).to.include({ "berth.io/reserved-for-kubernetes": "true", "berth.io/reserved-for-eng.web": "true" });
    expect(Object.keys(nodeLabels(agent({}), "h")).filter((k) => k.startsWith("berth.io/reserved-for-"))).to.deep.equal([]);
  });

  describe("on a cluster", function () {
    this.timeout(60_000);
    let c: TestCluster;
    before(async () => {
      c = await startCluster({
        attributes: [
          { name: "rack", type: "TEXT", text: { value: "r7" } },
          { name: "disks", type: "SET", set: { item: ["ssd"] } },
        ],
        extraResources: [{ name: "cpus", type: "SCALAR", scalar: { value: 1 }, reservations: [{ type: "STATIC", role: "kubernetes" }] }],
      });
    });
    after(async () => {
      await c?.stop();
    });

    it("the Node carries them, and a nodeSelector on them places a pod", async () => {
      const node = await eventually("the labelled node", async () => {
        const n = (await c.client.list(NODES, "")).items[0];
        return n?.metadata?.labels?.["berth.io/reserved-for-kubernetes"] ? n : undefined;
      });
      expect(node.metadata?.labels).to.include({ "berth.io/rack": "r7", "berth.io/disks": "ssd", "berth.io/reserved-for-kubernetes": "true" });
      await c.client.create(PODS, "default", pod("picky", { restartPolicy: "Never", nodeSelector: { "berth.io/rack": "r7", "berth.io/reserved-for-kubernetes": "true" }, containers: [{ name: "c", image: "busybox", command: ["true"] }] }));
      await eventually("picky Succeeded", async () => (await getPod(c, "picky"))?.status?.phase === "Succeeded", 20_000);
    });
  });
});
