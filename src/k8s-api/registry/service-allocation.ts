/**
 * ClusterIP and NodePort allocation for Services. Each allocated address or port is a
 * key in the store created only if absent, so concurrent API servers never hand out
 * the same one (the role of kube-apiserver's IPAddress objects and port bitmaps).
 */
import type { V1Service } from "@kubernetes/client-node";
import { KeyExistsError } from "../store/errors.js";
import type { Store } from "../store/types.js";
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";

export interface ServiceRanges {
  /** CIDR of ClusterIPs (default 127.96.0.0/16: loopback, never leaves the machine). */
  readonly serviceCIDR: string;
  /** Inclusive NodePort range. */
  readonly nodePortMin: number;
  readonly nodePortMax: number;
}

export const DEFAULT_SERVICE_RANGES: ServiceRanges = { serviceCIDR: "127.96.0.0/16", nodePortMin: 30000, nodePortMax: 32767 };

const ipKey = (ip: string) => `/registry/ranges/serviceips/${ip}`;
const portKey = (port: number, proto: string) => `/registry/ranges/servicenodeports/${proto}/${port}`;

function ipToInt(ip: string): number {
  const p = ip.split(".").map(Number);
  if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0 || x > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return ((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!;
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** First and last usable address of a CIDR (network and broadcast excluded). */
export function cidrRange(cidr: string): { first: number; last: number } {
  const [ip, bits] = cidr.split("/");
  const prefix = Number(bits);
  if (!ip || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) throw new Error(`invalid service CIDR: ${cidr}`);
  const base = (ipToInt(ip) & (~0 << (32 - prefix))) >>> 0;
  return { first: base + 1, last: base + 2 ** (32 - prefix) - 2 };
}

export function inCidr(ip: string, cidr: string): boolean {
  const { first, last } = cidrRange(cidr);
  const n = ipToInt(ip);
  return n >= first && n <= last;
}

export class ServiceAllocator {
  constructor(
    private readonly store: Store,
    readonly ranges: ServiceRanges = DEFAULT_SERVICE_RANGES,
  ) {}

  /** Allocate clusterIP (unless None or set) and node ports on a new Service, in place. */
  async allocate(obj: KubeObject): Promise<void> {
    const svc = obj as V1Service;
    const spec = (svc.spec ??= {});
    const type = spec.type ?? "ClusterIP";
    if (type !== "ExternalName" && spec.clusterIP !== "None") {
      if (spec.clusterIP) await this.claimIP(spec.clusterIP, svc);
      else spec.clusterIP = await this.randomIP(svc);
      spec.clusterIPs = [spec.clusterIP];
    }
    if (type === "NodePort" || type === "LoadBalancer") {
      for (const port of spec.ports ?? []) {
        const proto = port.protocol ?? "TCP";
        if (port.nodePort) await this.claimPort(port.nodePort, proto, svc);
        else port.nodePort = await this.randomPort(proto, svc);
      }
    }
  }

  /** Return what a deleted Service held. */
  async release(obj: KubeObject): Promise<void> {
    const spec = (obj as V1Service).spec ?? {};
    const keys: string[] = [];
    if (spec.clusterIP && spec.clusterIP !== "None") keys.push(ipKey(spec.clusterIP));
    for (const p of spec.ports ?? []) if (p.nodePort) keys.push(portKey(p.nodePort, p.protocol ?? "TCP"));
    for (const k of keys) await this.store.delete(k).catch(() => undefined);
  }

  /** Release ports a Service no longer has after an update and claim new ones. */
  async reconcileUpdate(next: KubeObject, old: KubeObject): Promise<void> {
    const nspec = ((next as V1Service).spec ??= {});
    const ospec = (old as V1Service).spec ?? {};
    const type = nspec.type ?? "ClusterIP";
    await this.reconcileClusterIP(next as V1Service, nspec, ospec, type);
    const held = new Set((ospec.ports ?? []).filter((p) => p.nodePort).map((p) => `${p.protocol ?? "TCP"}/${p.nodePort}`));
    if (type === "NodePort" || type === "LoadBalancer") {
      for (const port of nspec.ports ?? []) {
        const proto = port.protocol ?? "TCP";
        if (port.nodePort && held.has(`${proto}/${port.nodePort}`)) {
          held.delete(`${proto}/${port.nodePort}`);
          continue;
        }
        if (port.nodePort) await this.claimPort(port.nodePort, proto, next as V1Service);
        else port.nodePort = await this.randomPort(proto, next as V1Service);
      }
    } else for (const port of nspec.ports ?? []) delete port.nodePort;
    for (const h of held) {
      const [proto, port] = h.split("/");
      await this.store.delete(portKey(Number(port), proto!)).catch(() => undefined);
    }
  }

  /** ExternalName holds no cluster IP: leaving it allocates one, entering it releases it (as the service REST storage does). */
  private async reconcileClusterIP(svc: V1Service, nspec: NonNullable<V1Service["spec"]>, ospec: NonNullable<V1Service["spec"]>, type: string): Promise<void> {
    const held = ospec.clusterIP && ospec.clusterIP !== "None" ? ospec.clusterIP : undefined;
    if (type === "ExternalName") {
      if (held) await this.store.delete(ipKey(held)).catch(() => undefined);
      delete nspec.clusterIP;
      delete nspec.clusterIPs;
      return;
    }
    if (held || nspec.clusterIP === "None") return;
    if (nspec.clusterIP) await this.claimIP(nspec.clusterIP, svc);
    else nspec.clusterIP = await this.randomIP(svc);
    nspec.clusterIPs = [nspec.clusterIP];
  }

  private owner(svc: V1Service): string {
    return JSON.stringify({ namespace: svc.metadata?.namespace, name: svc.metadata?.name });
  }

  private async claimIP(ip: string, svc: V1Service): Promise<void> {
    if (!inCidr(ip, this.ranges.serviceCIDR))
      throw invalidService(svc, "spec.clusterIPs", ip, `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.ranges.serviceCIDR}`);
    try {
      await this.store.create(ipKey(ip), this.owner(svc));
    } catch (e) {
      if (e instanceof KeyExistsError) throw invalidService(svc, "spec.clusterIPs", ip, `failed to allocate IP ${ip}: provided IP is already allocated`);
      throw e;
    }
  }

  private async randomIP(svc: V1Service): Promise<string> {
    const { first, last } = cidrRange(this.ranges.serviceCIDR);
    const size = last - first + 1;
    const start = Math.floor(Math.random() * size);
    for (let i = 0; i < Math.min(size, 4096); i++) {
      const ip = intToIp(first + ((start + i) % size));
      try {
        await this.store.create(ipKey(ip), this.owner(svc));
        return ip;
      } catch (e) {
        if (!(e instanceof KeyExistsError)) throw e;
      }
    }
    throw new StatusError(500, "InternalError", `Internal error occurred: failed to allocate a serviceIP: range is full`);
  }

  private async claimPort(port: number, proto: string, svc: V1Service): Promise<void> {
    const { nodePortMin: min, nodePortMax: max } = this.ranges;
    if (port < min || port > max)
      throw invalidService(svc, "spec.ports[0].nodePort", port, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`);
    try {
      await this.store.create(portKey(port, proto), this.owner(svc));
    } catch (e) {
      if (e instanceof KeyExistsError) throw invalidService(svc, "spec.ports[0].nodePort", port, "provided port is already allocated");
      throw e;
    }
  }

  private async randomPort(proto: string, svc: V1Service): Promise<number> {
    const { nodePortMin: min, nodePortMax: max } = this.ranges;
    const size = max - min + 1;
    const start = Math.floor(Math.random() * size);
    for (let i = 0; i < size; i++) {
      const port = min + ((start + i) % size);
      try {
        await this.store.create(portKey(port, proto), this.owner(svc));
        return port;
      } catch (e) {
        if (!(e instanceof KeyExistsError)) throw e;
      }
    }
    throw new StatusError(500, "InternalError", "Internal error occurred: failed to allocate a nodePort: range is full");
  }
}

function invalidService(svc: V1Service, field: string, value: unknown, detail: string): StatusError {
  const name = svc.metadata?.name ?? "";
  return new StatusError(422, "Invalid", `Service "${name}" is invalid: ${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`, {
    name,
    kind: "Service",
    causes: [{ reason: "FieldValueInvalid", field, message: `Invalid value: ${JSON.stringify(value)}: ${detail}` }],
  });
}
