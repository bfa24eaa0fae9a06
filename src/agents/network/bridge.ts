/**
 * Per-pod network namespaces on a per-agent bridge, with nothing but iproute2 and sysctl
 * (no NAT, no iptables):
 *
 *   host:  bridge berth-<tag>, the first address of the pod CIDR, route_localnet=1 (so the
 *          host answers pods from its loopback ClusterIPs)
 *   pod:   netns berth-<tag>-<group>, veth v<tag><hash> on the bridge <-> eth0 in the netns
 *          with the pod IP; lo reduced to 127.0.0.1/32 so the rest of 127/8 (the service
 *          range) is routed to the bridge, route_localnet=1, a route for the service CIDR
 *          and the default route via the bridge address.
 *
 * The tag is derived from the agent's work directory, so a restarted agent finds its own
 * bridge (and keeps its pod CIDR) and the namespaces of its running groups; namespaces of
 * its prefix whose group is gone are removed. Two agents on one machine get different
 * tags, bridges and CIDRs: a CIDR is picked under a machine-wide lock, away from every
 * address and route the host already has.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../../util/log.js";
import { contains, formatCidr, formatIPv4, gateway, isPodAddress, overlaps, parseCidr, parseIPv4, size, type Cidr } from "../../util/cidr.js";
import { inNetns, ip, ipJson, ipQuiet, run } from "./ip.js";

export type PodNetworkMode = "auto" | "bridge" | "host";

/** Where berth looks for a free pod CIDR when none is given: a /24 of this block. */
export const DEFAULT_POD_CIDR_POOL = "10.244.0.0/16";
export const DEFAULT_SERVICE_CIDR = "127.96.0.0/16";
const LOCK_DIR = "/run/berth-net.lock";
/** <bridge>.pid: the agent process that owns a bridge (a bridge left by a dead owner with no pods on it is reaped). */
const OWNERS_DIR = "/run/berth-net";
const LOCK_STALE_MS = 15_000;

export interface PodNetns {
  readonly name: string;
  readonly ip: string;
}

export interface BridgeNetworkOptions {
  /** Stable per agent (its work directory): names the bridge and prefixes its namespaces. */
  readonly workDir: string;
  /** The pod CIDR; default a free /24 of 10.244.0.0/16 (or the one the agent's bridge already has). */
  readonly podCidr?: string;
  /** Routed from pods to the bridge, so the agent's proxy on loopback ClusterIPs serves them (default 127.96.0.0/16). */
  readonly serviceCidr?: string;
  readonly log: Logger;
}

/** "bridge" when this process is root and `ip` works; otherwise "host", with the reason. */
export async function resolvePodNetwork(mode: PodNetworkMode): Promise<{ mode: "bridge" | "host"; reason?: string }> {
  if (mode === "host") return { mode: "host", reason: "--pod-network host" };
  let why: string | undefined;
  if (process.getuid?.() !== 0) why = "not running as root";
  else {
    try {
      await ip("link", "show", "lo");
      await run(["nsenter", "--version"]);
    } catch (e) {
      why = `iproute2/nsenter not usable: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (why === undefined) return { mode: "bridge" };
  if (mode === "bridge") throw new Error(`--pod-network bridge needs root and iproute2: ${why}`);
  return { mode: "host", reason: why };
}

export function tagOf(workDir: string): string {
  return createHash("sha1").update(workDir).digest("hex").slice(0, 6);
}

export class BridgeNetwork {
  readonly bridge: string;
  readonly prefix: string;
  private readonly byGroup = new Map<string, PodNetns>();
  private readonly reserved = new Map<string, string>();
  private next = 0;

  private constructor(
    private readonly tag: string,
    readonly cidr: Cidr,
    readonly serviceCidr: Cidr,
    private readonly log: Logger,
  ) {
    this.bridge = `berth-${tag}`;
    this.prefix = `berth-${tag}-`;
  }

  /** Sets up (or finds) the agent's bridge and its pod CIDR. */
  static async create(opts: BridgeNetworkOptions): Promise<BridgeNetwork> {
    const tag = tagOf(opts.workDir);
    const bridge = `berth-${tag}`;
    const service = parseCidr(opts.serviceCidr ?? DEFAULT_SERVICE_CIDR, "service CIDR");
    const wanted = opts.podCidr !== undefined ? parseCidr(opts.podCidr, "pod CIDR") : undefined;
    if (wanted && wanted.prefix > 30) throw new Error(`invalid pod CIDR ${formatCidr(wanted)}: too small for a bridge and pods (at most /30)`);
    // The owner file is written under the lock, so no other agent ever sees this bridge without an owner.
    const own = () => {
      mkdirSync(OWNERS_DIR, { recursive: true });
      writeFileSync(join(OWNERS_DIR, `${bridge}.pid`), `${process.pid}\n`);
    };
    const cidr = await withLock(async () => {
      await reapBridges(bridge, opts.log);
      const existing = await bridgeCidr(bridge);
      if (existing && (!wanted || (existing.base === wanted.base && existing.prefix === wanted.prefix))) {
        own();
        return existing;
      }
      if (existing) {
        // A different CIDR was asked for: the old bridge goes (pods on it are gone with their namespaces' routes).
        opts.log.warn("pod CIDR changed; recreating the bridge", { bridge, from: formatCidr(existing), to: formatCidr(wanted!) });
        await ipQuiet("link", "del", bridge);
      }
      const taken = await hostNetworks();
      let c = wanted;
      if (c) {
        const clash = taken.find((t) => overlaps(t, c!));
        if (clash) throw new Error(`pod CIDR ${formatCidr(c)} overlaps ${formatCidr(clash)}, already on this host`);
      } else {
        c = pickFree(parseCidr(DEFAULT_POD_CIDR_POOL), 24, taken);
        if (!c) throw new Error(`no free /24 left in ${DEFAULT_POD_CIDR_POOL} for the pod network; give one with --pod-cidr`);
      }
      own();
      await ip("link", "add", bridge, "type", "bridge");
      try {
        await ip("addr", "add", `${formatIPv4(gateway(c))}/${c.prefix}`, "dev", bridge);
        await ip("link", "set", bridge, "up");
      } catch (e) {
        await ipQuiet("link", "del", bridge);
        throw e;
      }
      return c;
    });
    // Pods reach the host's loopback ClusterIPs through the bridge (and get answers back).
    await run(["sysctl", "-qw", `net.ipv4.conf.${bridge}.route_localnet=1`]);
    const net = new BridgeNetwork(tag, cidr, service, opts.log);
    opts.log.info("pod network: bridge", { bridge, pod_cidr: formatCidr(cidr), service_cidr: formatCidr(service) });
    return net;
  }

  get cidrText(): string {
    return formatCidr(this.cidr);
  }

  netnsName(group: string): string {
    return `${this.prefix}${group}`;
  }

  private vethName(group: string): string {
    return `v${this.tag}${createHash("sha1").update(group).digest("hex").slice(0, 8)}`;
  }

  /** The group's namespace, once attached. */
  of(group: string): PodNetns | undefined {
    return this.byGroup.get(group);
  }

  /**
   * Reserves the pod IP of a group: the requested one (inside the CIDR, not the network,
   * gateway or broadcast address, not in use), or else the next free one. Throws with the reason.
   */
  reserve(group: string, requested?: string): string {
    const mine = this.reserved.get(group);
    if (mine && (requested === undefined || requested === mine)) return mine;
    const used = new Set([...this.reserved.entries()].filter(([g]) => g !== group).map(([, a]) => a));
    if (requested !== undefined) {
      const n = parseIPv4(requested);
      if (n === undefined) throw new Error(`requested IP address ${JSON.stringify(requested)} is not an IPv4 address`);
      if (!contains(this.cidr, n)) throw new Error(`requested IP address ${requested} is outside the agent's pod CIDR ${this.cidrText}`);
      if (!isPodAddress(this.cidr, n)) throw new Error(`requested IP address ${requested} is the network, gateway or broadcast address of ${this.cidrText}`);
      if (used.has(requested)) throw new Error(`requested IP address ${requested} is already in use by another pod on this agent`);
      this.reserved.set(group, requested);
      return requested;
    }
    const n = size(this.cidr);
    for (let i = 0; i < n; i++) {
      const cand = this.cidr.base + ((this.next + i) % n);
      const text = formatIPv4(cand);
      if (!isPodAddress(this.cidr, cand) || used.has(text)) continue;
      this.next = (cand - this.cidr.base + 1) % n;
      this.reserved.set(group, text);
      return text;
    }
    throw new Error(`no free IP address left in the pod CIDR ${this.cidrText}`);
  }

  release(group: string): void {
    this.reserved.delete(group);
  }

  /** Creates the group's namespace with its reserved IP (idempotent: an existing one is kept). */
  async attach(group: string): Promise<PodNetns> {
    const have = this.byGroup.get(group);
    if (have) return have;
    const addr = this.reserved.get(group);
    if (!addr) throw new Error(`no IP address reserved for group ${group}`);
    const ns = this.netnsName(group);
    if (existsNetns(ns)) {
      // Set up by this agent before a restart (its group lives on): adopt it as it is.
      const p = { name: ns, ip: addr };
      this.byGroup.set(group, p);
      return p;
    }
    const veth = this.vethName(group);
    const gw = formatIPv4(gateway(this.cidr));
    try {
      await ip("netns", "add", ns);
      await ip("link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
      await ip("link", "set", veth, "master", this.bridge, "up");
      await ip("-n", ns, "addr", "add", `${addr}/${this.cidr.prefix}`, "dev", "eth0");
      await ip("-n", ns, "link", "set", "eth0", "up");
      await ip("-n", ns, "link", "set", "lo", "up");
      // lo keeps only 127.0.0.1: the rest of 127/8 (ClusterIPs) must leave through eth0.
      await ip("-n", ns, "addr", "del", "127.0.0.1/8", "dev", "lo");
      await ip("-n", ns, "addr", "add", "127.0.0.1/32", "dev", "lo");
      await run([...inNetns(ns), "sysctl", "-qw", "net.ipv4.conf.all.route_localnet=1", "net.ipv4.conf.eth0.route_localnet=1"]);
      await ip("-n", ns, "route", "add", formatCidr(this.serviceCidr), "via", gw, "dev", "eth0");
      await ip("-n", ns, "route", "add", "default", "via", gw, "dev", "eth0");
    } catch (e) {
      await ipQuiet("link", "del", veth);
      await ipQuiet("netns", "del", ns);
      throw e;
    }
    const p: PodNetns = { name: ns, ip: addr };
    this.byGroup.set(group, p);
    this.log.info("pod network namespace created", { netns: ns, ip: addr });
    return p;
  }

  /** After an agent restart: a running group keeps its namespace and IP (recreated if it vanished). */
  async adopt(group: string, addr: string): Promise<PodNetns> {
    this.reserve(group, addr);
    return this.attach(group);
  }

  /** The group has ended: its veth pair and namespace go, its IP is free again. */
  async detach(group: string): Promise<void> {
    this.byGroup.delete(group);
    this.release(group);
    await ipQuiet("link", "del", this.vethName(group));
    await ipQuiet("netns", "del", this.netnsName(group));
    this.log.debug("pod network namespace removed", { netns: this.netnsName(group) });
  }

  /** Removes this agent's namespaces whose group is not in `keep` (left by groups that ended while it was down). */
  async prune(keep: ReadonlySet<string>): Promise<string[]> {
    const removed: string[] = [];
    for (const name of listNetns()) {
      if (!name.startsWith(this.prefix)) continue;
      const group = name.slice(this.prefix.length);
      if (keep.has(group)) continue;
      await ipQuiet("link", "del", this.vethName(group));
      await ipQuiet("netns", "del", name);
      removed.push(name);
    }
    if (removed.length) this.log.info("removed stale pod network namespaces", { netns: removed });
    return removed;
  }

  /** Removes the bridge and every namespace of this agent (tests, and an agent stopped with its tasks killed). */
  async destroy(): Promise<void> {
    await this.prune(new Set());
    this.byGroup.clear();
    this.reserved.clear();
    await ipQuiet("link", "del", this.bridge);
    rmSync(join(OWNERS_DIR, `${this.bridge}.pid`), { force: true });
  }
}

/**
 * Bridges of agents that are gone (their owner process is dead) and hold no pods: left by
 * an agent stopped while its pods ran, once those pods ended too (their empty namespaces
 * are removed here as well; a veth goes with its namespace). Without this every test run
 * would keep a /24 of the pool.
 */
async function reapBridges(mine: string, log: Logger): Promise<void> {
  const bridges = await ipJson<{ ifname: string }>("link", "show", "type", "bridge");
  // Owner files of bridges that no longer exist.
  let owners: string[] = [];
  try {
    owners = readdirSync(OWNERS_DIR);
  } catch {
    /* none yet */
  }
  for (const f of owners) if (f !== `${mine}.pid` && !bridges.some((b) => `${b.ifname}.pid` === f)) rmSync(join(OWNERS_DIR, f), { force: true });
  for (const { ifname } of bridges) {
    if (!/^berth-[0-9a-f]{6}$/.test(ifname) || ifname === mine) continue;
    let owner: number | undefined;
    try {
      owner = Number(readFileSync(join(OWNERS_DIR, `${ifname}.pid`), "utf8").trim()) || undefined;
    } catch {
      /* no owner file */
    }
    if (owner !== undefined && alive(owner)) continue;
    // Its namespaces whose processes are all gone go first (their groups ended while no agent watched).
    let removed = 0;
    for (const ns of listNetns().filter((n) => n.startsWith(`${ifname}-`))) {
      if ((await ip("netns", "pids", ns)).trim()) continue;
      await ipQuiet("netns", "del", ns);
      removed++;
    }
    // The kernel destroys a released namespace (and the veths in it) asynchronously: give it a moment.
    let members = await ipJson("link", "show", "master", ifname);
    for (let i = 0; members.length && removed && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      members = await ipJson("link", "show", "master", ifname);
    }
    if (members.length) continue;
    await ipQuiet("link", "del", ifname);
    rmSync(join(OWNERS_DIR, `${ifname}.pid`), { force: true });
    log.info("removed the bridge of an agent that is gone", { bridge: ifname });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function listNetns(): string[] {
  try {
    return readdirSync("/run/netns");
  } catch {
    return [];
  }
}

function existsNetns(name: string): boolean {
  return listNetns().includes(name);
}

/** The IPv4 block on the bridge, if it exists. */
async function bridgeCidr(bridge: string): Promise<Cidr | undefined> {
  let links: { addr_info?: { family: string; local: string; prefixlen: number }[] }[];
  try {
    links = await ipJson("-4", "addr", "show", "dev", bridge);
  } catch {
    return undefined;
  }
  const a = links[0]?.addr_info?.find((x) => x.family === "inet");
  if (!a) return undefined;
  const n = parseIPv4(a.local)!;
  const mask = a.prefixlen === 0 ? 0 : (0xffffffff << (32 - a.prefixlen)) >>> 0;
  return { base: (n & mask) >>> 0, prefix: a.prefixlen };
}

/** Every IPv4 block the host already uses: interface addresses and routes of all tables. */
async function hostNetworks(): Promise<Cidr[]> {
  const out: Cidr[] = [];
  const addrs = await ipJson<{ addr_info?: { family: string; local: string; prefixlen: number }[] }>("-4", "addr", "show");
  for (const l of addrs) for (const a of l.addr_info ?? []) {
    const n = parseIPv4(a.local);
    if (n === undefined || a.local.startsWith("127.")) continue;
    const mask = a.prefixlen === 0 ? 0 : (0xffffffff << (32 - a.prefixlen)) >>> 0;
    out.push({ base: (n & mask) >>> 0, prefix: a.prefixlen });
  }
  const routes = await ipJson<{ dst?: string }>("-4", "route", "show", "table", "all");
  for (const r of routes) {
    if (!r.dst || r.dst === "default" || r.dst.startsWith("127.")) continue;
    const [a, p] = r.dst.split("/");
    const n = parseIPv4(a!);
    const prefix = p === undefined ? 32 : Number(p);
    if (n === undefined) continue;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if (r.dst.includes("/") || prefix === 32) out.push({ base: (n & mask) >>> 0, prefix });
  }
  return out;
}

/** The first /len block of the pool that overlaps nothing taken. */
export function pickFree(pool: Cidr, len: number, taken: readonly Cidr[]): Cidr | undefined {
  const step = 2 ** (32 - len);
  for (let b = pool.base; b < pool.base + size(pool); b += step) {
    const c = { base: b >>> 0, prefix: len };
    if (!taken.some((t) => overlaps(t, c))) return c;
  }
  return undefined;
}

/** A machine-wide lock (an atomic mkdir) around picking a CIDR and creating the bridge. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > LOCK_STALE_MS) rmdirSync(LOCK_DIR); // its holder died
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`could not take ${LOCK_DIR} to set up the pod network`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      rmdirSync(LOCK_DIR);
    } catch {
      /* removed as stale by another */
    }
  }
}
