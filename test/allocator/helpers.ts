/** Test harness for the allocator: injected clock, pinned shuffle, offers collected per cycle. */
import { parseResources, Resources } from "../../src/mesos/resources.js";
import type { FrameworkInfo, Resource } from "../../src/mesos/v1.js";
import { createAllocator, type Allocation, type Allocator, type AllocatorOptions } from "../../src/resource-manager/allocator/index.js";

export const R = (text: string, role?: string): Resource[] => parseResources(text, role);

export interface Harness {
  readonly allocator: Allocator;
  readonly offers: Allocation[];
  clock: number;
  /** Run a cycle; summary: framework -> role -> agent -> Mesos text. */
  cycle(): Record<string, Record<string, Record<string, string>>>;
  agent(id: string, resources: string, used?: Map<string, readonly Resource[]>): void;
  framework(id: string, roles: string | string[], opts?: { active?: boolean; suppressed?: string[]; info?: Partial<FrameworkInfo> }): void;
}

export function summarize(a: Allocation): Record<string, Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, Record<string, string>>> = {};
  for (const [fw, byRole] of a) {
    out[fw] = {};
    for (const [role, byAgent] of byRole) {
      out[fw][role] = {};
      for (const [agent, res] of byAgent) out[fw][role][agent] = Resources.from(res).unallocate().toString();
    }
  }
  return out;
}

export function frameworkInfo(id: string, roles: string | string[], extra: Partial<FrameworkInfo> = {}): FrameworkInfo {
  return Array.isArray(roles)
    ? { user: "u", name: id, id: { value: id }, roles, capabilities: [{ type: "MULTI_ROLE" }], ...extra }
    : { user: "u", name: id, id: { value: id }, role: roles, ...extra };
}

export function harness(opts: Partial<AllocatorOptions> = {}): Harness {
  const offers: Allocation[] = [];
  let seed = 42;
  const h: Harness = {
    offers,
    clock: 1_000_000,
    allocator: createAllocator({
      allocationIntervalMs: 1000,
      offer: (a) => offers.push(a),
      now: () => h.clock,
      // Deterministic LCG so tests do not depend on the shuffle.
      random: () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31),
      ...opts,
    }),
    cycle: () => summarize(h.allocator.allocate()),
    agent: (id, resources, used = new Map()) => h.allocator.addAgent(id, { hostname: id, resources: R(resources) }, R(resources), used),
    framework: (id, roles, o = {}) => h.allocator.addFramework(id, frameworkInfo(id, roles, o.info), new Map(), o.active ?? true, o.suppressed),
  };
  return h;
}

/** Resources of one agent in one allocation, as JSON (for recoverResources). */
export function held(a: Allocation, fw: string, role: string, agent: string): Resource[] {
  const r = a.get(fw)?.get(role)?.get(agent);
  if (!r) throw new Error(`no allocation for ${fw}/${role}/${agent}`);
  return r;
}
