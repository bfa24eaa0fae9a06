/**
 * The allocator's interface, after Mesos' (mesos/allocator/allocator.hpp): the master tells
 * it what exists and what changed; it decides, in batched cycles, which role of which
 * framework is offered which agent's resources, by hierarchical Dominant Resource
 * Fairness over roles and then over the frameworks of each role.
 */
import type { AgentInfo, Filters, FrameworkInfo, OfferOperation, Resource } from "../../mesos/v1.js";

/** What one cycle hands out: framework id -> role -> agent id -> resources (allocation_info set to the role). */
export type Allocation = Map<string, Map<string, Map<string, Resource[]>>>;

export interface AllocatorOptions {
  /** Batch interval of allocation cycles (Mesos --allocation_interval, default 1 s; berth default 100 ms). */
  readonly allocationIntervalMs?: number;
  /** Called with each cycle's non-empty allocation; the master turns it into offers. */
  readonly offer: (allocation: Allocation) => void;
  /** Roles' weights (default 1). */
  readonly weights?: Record<string, number>;
  /** Smallest offer worth making (Mesos --min_allocatable_resources): any of these quantities suffices. */
  readonly minAllocatable?: readonly Record<string, number>[];
  /** Clock, for offer filters (default Date.now). */
  readonly now?: () => number;
  /** Random source in [0, 1) for the per-cycle agent shuffle (default Math.random; tests pin it). */
  readonly random?: () => number;
}

/** Quota of a role (Mesos 1.9+ QuotaConfig): guarantees are offered first; limits cap what the role holds. */
export interface Quota {
  readonly guarantees?: Record<string, number>;
  readonly limits?: Record<string, number>;
}

export interface Allocator {
  /** used: agent id -> resources the framework already holds (after failover). */
  addFramework(frameworkId: string, info: FrameworkInfo, used: ReadonlyMap<string, readonly Resource[]>, active: boolean, suppressedRoles?: readonly string[]): void;
  removeFramework(frameworkId: string): void;
  activateFramework(frameworkId: string): void;
  deactivateFramework(frameworkId: string): void;
  updateFramework(frameworkId: string, info: FrameworkInfo, suppressedRoles?: readonly string[]): void;

  /** total: everything the agent has (reservations included); used: framework id -> resources in use there. */
  addAgent(agentId: string, info: AgentInfo, total: readonly Resource[], used: ReadonlyMap<string, readonly Resource[]>): void;
  removeAgent(agentId: string): void;
  updateAgent(agentId: string, info: AgentInfo, total: readonly Resource[]): void;
  activateAgent(agentId: string): void;
  deactivateAgent(agentId: string): void;

  /** Apply RESERVE/UNRESERVE/CREATE/DESTROY to resources offered to (and so held by) a framework. */
  updateAllocation(frameworkId: string, agentId: string, offered: readonly Resource[], operations: readonly OfferOperation[]): void;
  /** Resources a framework gives back (declined, unused part of an accept, finished tasks, rescinded offers), with the filter to apply. */
  recoverResources(frameworkId: string, agentId: string, resources: readonly Resource[], filters?: Filters): void;

  suppressOffers(frameworkId: string, roles: readonly string[]): void;
  reviveOffers(frameworkId: string, roles: readonly string[]): void;

  updateWeights(weights: Record<string, number>): void;
  updateQuota(role: string, quota: Quota): void;

  /** Run one cycle now (also used by tests and benchmarks); returns what was allocated. */
  allocate(): Allocation;
  /** Ask for a cycle soon (coalesced with the batch timer), as Mesos' event-triggered allocation. */
  requestCycle(): void;

  /** Per-role view for /roles and the operator API. */
  roles(): { role: string; weight: number; quota: Quota; allocated: Record<string, number>; frameworks: string[] }[];
  stop(): void;
}
