/**
 * IPv4 addresses and CIDR blocks as plain numbers: parsing (with errors that say what is
 * wrong), membership, overlap and the host addresses of a block. Pod networks are IPv4
 * only, as is berth's service range.
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** "10.244.3.0/24" -> the block; a host address with bits beyond the prefix is an error (as Go's net.ParseCIDR callers treat it). */
export function parseCidr(s: string, what = "CIDR"): Cidr {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s.trim());
  const ip = m ? parseIPv4(m[1]!) : undefined;
  const prefix = m ? Number(m[2]) : NaN;
  if (ip === undefined || !(prefix >= 0 && prefix <= 32)) throw new Error(`invalid ${what} ${JSON.stringify(s)}: expected an IPv4 block like 10.244.0.0/24`);
  const base = (ip & maskOf(prefix)) >>> 0;
  if (base !== ip) throw new Error(`invalid ${what} ${JSON.stringify(s)}: host bits are set (did you mean ${formatCidr({ base, prefix })}?)`);
  return { base, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.base)}/${c.prefix}`;
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

export function contains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.base;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  const m = maskOf(p);
  return ((a.base & m) >>> 0) === ((b.base & m) >>> 0);
}

/** The first host address: the bridge's (the pods' gateway). */
export function gateway(c: Cidr): number {
  return c.base + 1;
}

/** Whether ip may be given to a pod: inside the block, not its network, gateway or broadcast address. */
export function isPodAddress(c: Cidr, ip: number): boolean {
  return contains(c, ip) && ip !== c.base && ip !== gateway(c) && ip !== c.base + size(c) - 1;
}
