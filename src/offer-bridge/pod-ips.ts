/**
 * Pod IPs on bridge-networked agents: the framework picks each pod's address from its
 * node's pod CIDR at launch (it knows every pod on the node) and requests it in the task
 * group (Mesos' NetworkInfo.ip_addresses); the agent validates it. Addresses are handed
 * out round-robin per node, so a freed address is not reused at once (an old pod's
 * endpoints may still name it for a moment). After a framework restart the pods' own
 * status.podIP (and what the agents report) says which are in use.
 */
import { contains, formatIPv4, isPodAddress, parseCidr, parseIPv4, size, type Cidr } from "../util/cidr.js";

export class PodIPs {
  /** Pod uid -> its address and node. */
  private readonly byPod = new Map<string, { ip: string; node: string }>();
  private readonly cursor = new Map<string, number>();

  get(uid: string): string | undefined {
    return this.byPod.get(uid)?.ip;
  }

  /** Records an address known for a pod (reported by its agent, or from its status after a restart). */
  note(uid: string, node: string, ip: string): void {
    this.byPod.set(uid, { ip, node });
  }

  release(uid: string): void {
    this.byPod.delete(uid);
  }

  /**
   * The pod's address on the node: the one it has, else the next free one of the CIDR
   * (`alsoUsed`: addresses other pods on the node hold, from their status). Throws when
   * the CIDR is full or invalid.
   */
  assign(uid: string, node: string, cidrText: string, alsoUsed: Iterable<string>): string {
    const have = this.byPod.get(uid);
    if (have && have.node === node) return have.ip;
    const cidr: Cidr = parseCidr(cidrText, `pod CIDR of node ${node}`);
    const used = new Set(alsoUsed);
    for (const [u, p] of this.byPod) if (p.node === node && u !== uid) used.add(p.ip);
    const n = size(cidr);
    const start = this.cursor.get(node) ?? 0;
    for (let i = 0; i < n; i++) {
      const off = (start + i) % n;
      const ip = cidr.base + off;
      const text = formatIPv4(ip);
      if (!isPodAddress(cidr, ip) || used.has(text)) continue;
      this.cursor.set(node, (off + 1) % n);
      this.byPod.set(uid, { ip: text, node });
      return text;
    }
    throw new Error(`no free pod IP left in node ${node}'s pod CIDR ${cidrText}`);
  }
}

/** Whether ip is an address of the CIDR (both as text; false for anything unparsable). */
export function inCidr(cidrText: string, ip: string): boolean {
  try {
    const n = parseIPv4(ip);
    return n !== undefined && contains(parseCidr(cidrText), n);
  } catch {
    return false;
  }
}
