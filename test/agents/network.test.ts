/**
 * The bridge pod network on real namespaces: a bridge per agent with a CIDR picked away
 * from what the host has, a namespace per group with its IP, reachable from the host, the
 * host's loopback service addresses reachable from inside, IP validation, and recovery
 * (adopt a live namespace, prune stale ones). Skipped where this process cannot (not root).
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, connect, type Server } from "node:net";
import { BridgeNetwork, listNetns, pickFree, resolvePodNetwork } from "../../src/agents/network/bridge.js";
import { formatCidr, parseCidr } from "../../src/util/cidr.js";
import { inNetns } from "../../src/agents/network/ip.js";
import { memoryLogger, tempDir } from "./helpers/util.js";

function fetchOnce(host: string, port: number, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = connect({ host, port });
    let out = "";
    const t = setTimeout(() => c.destroy(new Error(`timeout connecting to ${host}:${port}`)), timeoutMs);
    c.setEncoding("utf8");
    c.on("data", (d: string) => (out += d));
    c.on("end", () => {
      clearTimeout(t);
      resolve(out);
    });
    c.on("error", (e) => {
      clearTimeout(t);
      reject(e);
    });
  });
}

/** A node one-liner in a namespace answering `name` on 0.0.0.0:port; resolves once it listens. */
async function serveIn(netns: string, port: number, name: string): Promise<ChildProcess> {
  const child = spawn(inNetns(netns)[0]!, [...inNetns(netns).slice(1), process.execPath, "-e", `require('net').createServer(s=>s.end(${JSON.stringify(name)})).listen(${port},'0.0.0.0',()=>console.log('up'))`], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (c) => reject(new Error(`server in ${netns} exited ${c}`)));
  });
  return child;
}

describe("agents: bridge pod network (cidr arithmetic)", () => {
  it("parses blocks, refuses host bits and picks a free /24", () => {
    expect(formatCidr(parseCidr("10.244.3.0/24"))).to.equal("10.244.3.0/24");
    expect(() => parseCidr("10.244.3.1/24")).to.throw(/host bits are set \(did you mean 10.244.3.0\/24\?\)/);
    expect(() => parseCidr("10.300.0.0/16")).to.throw(/invalid CIDR/);
    const pool = parseCidr("10.244.0.0/16");
    expect(formatCidr(pickFree(pool, 24, [parseCidr("10.244.0.0/24"), parseCidr("10.244.1.0/25")])!)).to.equal("10.244.2.0/24");
    expect(pickFree(pool, 24, [parseCidr("10.0.0.0/8")])).to.equal(undefined);
  });
});

describe("agents: bridge pod network (real namespaces)", function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof tempDir>;
  let net: BridgeNetwork | undefined;
  let other: BridgeNetwork | undefined;
  const children: ChildProcess[] = [];
  const servers: Server[] = [];

  before(async function () {
    const net = await resolvePodNetwork("auto");
    if (net.mode !== "bridge") throw new Error(`bridge pod networking needs root, ip (iproute2) and nsenter: ${net.reason ?? "not available"}`);
  });
  beforeEach(() => {
    tmp = tempDir("berth-net-");
  });
  afterEach(async () => {
    for (const c of children.splice(0)) c.kill("SIGKILL");
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
    await net?.destroy();
    await other?.destroy();
    net = other = undefined;
    tmp.cleanup();
  });

  it("gives two agents on one machine their own bridge and non-overlapping CIDRs", async () => {
    const t2 = tempDir("berth-net-");
    try {
      [net, other] = await Promise.all([BridgeNetwork.create({ workDir: tmp.dir, log: memoryLogger().log }), BridgeNetwork.create({ workDir: t2.dir, log: memoryLogger().log })]);
      expect(net.bridge).to.not.equal(other.bridge);
      expect(net.cidrText).to.match(/^10\.244\.\d+\.0\/24$/);
      expect(net.cidrText).to.not.equal(other.cidrText);
      // A restarted agent (same work directory) finds its bridge and keeps its CIDR.
      const again = await BridgeNetwork.create({ workDir: tmp.dir, log: memoryLogger().log });
      expect(again.cidrText).to.equal(net.cidrText);
      // An explicit CIDR that overlaps another agent's is refused.
      const t3 = tempDir("berth-net-");
      try {
        await BridgeNetwork.create({ workDir: t3.dir, podCidr: other.cidrText, log: memoryLogger().log }).then(
          () => expect.fail("overlap accepted"),
          (e: Error) => expect(e.message).to.contain(`pod CIDR ${other!.cidrText} overlaps`),
        );
      } finally {
        t3.cleanup();
      }
    } finally {
      t2.cleanup();
    }
  });

  it("puts groups on one port at their own IPs, reachable from the host, and reaches the host's loopback services from inside", async () => {
    net = await BridgeNetwork.create({ workDir: tmp.dir, log: memoryLogger().log });
    const ipA = net.reserve("ga");
    const ipB = net.reserve("gb");
    expect(ipA).to.not.equal(ipB);
    const [a, b] = [await net.attach("ga"), await net.attach("gb")];
    expect(listNetns()).to.include.members([a.name, b.name]);
    children.push(await serveIn(a.name, 18080, "A"), await serveIn(b.name, 18080, "B"));
    expect(await fetchOnce(ipA, 18080)).to.equal("A");
    expect(await fetchOnce(ipB, 18080)).to.equal("B");
    // A server on a host loopback address of the service range, reached from the namespace.
    const svc = createServer((s) => s.end("service"));
    servers.push(svc);
    await new Promise<void>((r) => svc.listen(18081, "127.96.250.7", r));
    // (asynchronously: the server answers from this very process)
    const out = await new Promise<string>((resolve, reject) =>
      execFile(inNetns(a.name)[0]!, [...inNetns(a.name).slice(1), process.execPath, "-e", "require('net').connect(18081,'127.96.250.7').setEncoding('utf8').on('data',d=>process.stdout.write(d))"], { encoding: "utf8", timeout: 10_000 }, (e, o) => (e ? reject(e) : resolve(o))),
    );
    expect(out).to.equal("service");
    // lo inside is 127.0.0.1/32 only.
    expect(execFileSync("ip", ["-n", a.name, "-4", "-o", "addr", "show", "dev", "lo"], { encoding: "utf8" })).to.match(/127\.0\.0\.1\/32/);
    // Detach removes the namespace and frees the IP.
    await net.detach("gb");
    expect(listNetns()).to.not.include(b.name);
    expect(net.reserve("gc", ipB)).to.equal(ipB);
  });

  it("reaps the bridge of an agent that is gone and left no pods, and keeps one whose owner lives", async () => {
    const dead = `berth-${randomBytes(3).toString("hex")}`;
    const live = `berth-${randomBytes(3).toString("hex")}`;
    try {
      for (const b of [dead, live]) execFileSync("ip", ["link", "add", b, "type", "bridge"]);
      // The dead agent left an empty namespace on its bridge: it goes, and the bridge with it.
      execFileSync("ip", ["netns", "add", `${dead}-g1`]);
      execFileSync("ip", ["link", "add", `v${dead.slice(6)}x`, "type", "veth", "peer", "name", "eth0", "netns", `${dead}-g1`]);
      execFileSync("ip", ["link", "set", `v${dead.slice(6)}x`, "master", dead]);
      mkdirSync("/run/berth-net", { recursive: true });
      // A pid far above pid_max's default range stands for a process that is gone.
      writeFileSync(`/run/berth-net/${dead}.pid`, "4194000\n");
      writeFileSync(`/run/berth-net/${live}.pid`, `${process.pid}\n`);
      net = await BridgeNetwork.create({ workDir: tmp.dir, log: memoryLogger().log });
      const links = execFileSync("ip", ["-br", "link", "show", "type", "bridge"], { encoding: "utf8" });
      expect(links).to.not.contain(dead);
      expect(links).to.contain(live);
      expect(listNetns()).to.not.include(`${dead}-g1`);
    } finally {
      for (const b of [dead, live]) spawnSync("ip", ["link", "del", b]);
      spawnSync("ip", ["netns", "del", `${dead}-g1`]);
      rmSync(`/run/berth-net/${live}.pid`, { force: true });
    }
  });

  it("validates requested IPs with clear errors", async () => {
    net = await BridgeNetwork.create({ workDir: tmp.dir, podCidr: "10.244.250.0/29", log: memoryLogger().log });
    expect(net.reserve("g1", "10.244.250.2")).to.equal("10.244.250.2");
    expect(() => net!.reserve("g2", "10.244.250.2")).to.throw("requested IP address 10.244.250.2 is already in use by another pod on this agent");
    expect(() => net!.reserve("g2", "10.244.251.2")).to.throw("requested IP address 10.244.251.2 is outside the agent's pod CIDR 10.244.250.0/29");
    expect(() => net!.reserve("g2", "10.244.250.1")).to.throw(/network, gateway or broadcast/);
    expect(() => net!.reserve("g2", "nope")).to.throw(/not an IPv4 address/);
    // .3 to .6 are left: four more, then the block is full.
    for (const g of ["g3", "g4", "g5", "g6"]) net.reserve(g);
    expect(() => net!.reserve("g7")).to.throw("no free IP address left in the pod CIDR 10.244.250.0/29");
  });

  it("adopts a live namespace after a restart and prunes stale ones of its own prefix only", async () => {
    net = await BridgeNetwork.create({ workDir: tmp.dir, log: memoryLogger().log });
    const ip1 = net.reserve("live");
    await net.attach("live");
    net.reserve("stale");
    const stale = await net.attach("stale");
    children.push(await serveIn(net.netnsName("live"), 18082, "live"));
    // The agent restarts: a new object on the same work directory.
    const again = await BridgeNetwork.create({ workDir: tmp.dir, log: memoryLogger().log });
    const p = await again.adopt("live", ip1);
    expect(p.ip).to.equal(ip1);
    expect(await again.prune(new Set(["live"]))).to.deep.equal([stale.name]);
    expect(listNetns()).to.include(p.name).and.not.include(stale.name);
    expect(await fetchOnce(ip1, 18082)).to.equal("live");
    expect(() => again.reserve("other", ip1)).to.throw(/already in use/);
  });
});
