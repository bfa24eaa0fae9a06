/**
 * What the allocator remembers about frameworks, agents and roles (Mesos'
 * HierarchicalAllocatorProcess::Framework / Slave, and the role tree's bookkeeping).
 */
import { Resources } from "../../mesos/resources.js";
import type { AgentInfo, FrameworkInfo } from "../../mesos/v1.js";
import type { DRFSorter, Quantities } from "./sorter.js";

/** A refused-offer filter (Mesos RefusedOfferFilter): hides offers contained in `resources` until `expires`. */
export interface OfferFilter {
  readonly resources: Resources;
  readonly expires: number;
}

export interface FrameworkState {
  readonly id: string;
  info: FrameworkInfo;
  roles: Set<string>;
  suppressed: Set<string>;
  active: boolean;
  /** Per-role min_allocatable_resources from FrameworkInfo.offer_filters (overrides the global one). */
  minAllocatable: Map<string, Record<string, number>[]>;
  /** role -> agent id -> filters. */
  filters: Map<string, Map<string, OfferFilter[]>>;
}

export interface AgentState {
  readonly id: string;
  info: AgentInfo;
  total: Resources;
  /** Scalar quantities of `total`, as added to the pool. */
  totalScalars: Quantities;
  /** Offered or in use, per framework (allocation_info set). */
  allocated: Map<string, Resources>;
  /** total minus everything allocated (no allocation_info). */
  available: Resources;
  active: boolean;
}

export interface RoleState {
  readonly name: string;
  /** Frameworks subscribed to the role. */
  readonly frameworks: Set<string>;
  /** DRF order of the role's frameworks (also holds frameworks with leftover allocations in the role). */
  readonly sorter: DRFSorter;
  /** Scalars allocated to the role itself (not sub-roles): all, unreserved part, reserved part. */
  readonly allocated: Quantities;
  readonly unreservedAllocated: Quantities;
  readonly reservedAllocated: Quantities;
}

/** Roles of a framework: `roles` for MULTI_ROLE frameworks (or when only `roles` is set), else `role` (default "*"). */
export function frameworkRoles(info: FrameworkInfo): Set<string> {
  const multi = info.capabilities?.some((c) => c.type === "MULTI_ROLE") ?? false;
  if (multi || (info.role === undefined && info.roles?.length)) return new Set(info.roles ?? []);
  return new Set([info.role ?? "*"]);
}

/** FrameworkInfo.offer_filters -> role -> list of quantity alternatives. */
export function frameworkMinAllocatable(info: FrameworkInfo): Map<string, Record<string, number>[]> {
  const out = new Map<string, Record<string, number>[]>();
  for (const [role, f] of Object.entries(info.offer_filters ?? {})) {
    if (f.min_allocatable_resources) out.set(role, f.min_allocatable_resources.quantities.map((q) => q.quantities));
  }
  return out;
}

/** Strict ancestors of a role, nearest first ("a/b/c" -> "a/b", "a"). */
export function ancestors(role: string): string[] {
  const out: string[] = [];
  for (let i = role.lastIndexOf("/"); i > 0; i = role.lastIndexOf("/", i - 1)) out.push(role.slice(0, i));
  return out;
}

/** Split resources by allocation_info.role (unallocated ones are allocated to `fallback`). */
export function byAllocationRole(r: Resources, fallback: string): Map<string, Resources> {
  const out = new Map<string, Resources>();
  for (const x of r) {
    const role = x.allocation_info?.role ?? fallback;
    out.set(role, (out.get(role) ?? Resources.EMPTY).add(Resources.from([x]).allocate(role)));
  }
  return out;
}
