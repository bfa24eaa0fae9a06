/**
 * The hierarchical DRF allocator, after Mesos' HierarchicalAllocatorProcess
 * (src/master/allocator/mesos/hierarchical.cpp): roles are ordered by a hierarchical DRF
 * sorter, each role's frameworks by one DRF sorter per role; a cycle walks the shuffled
 * agents and gives each agent's available resources to the first (role, framework) pairs
 * in DRF order that want them. Stage 1 serves roles below their quota guarantees, stage 2
 * everyone, with quota limits and the headroom other roles' guarantees need enforced on
 * unreserved scalars in both.
 *
 * Cost of a cycle: per agent one walk of the sorted orders that stops as soon as the agent
 * is used up, plus O(depth x log n) repositioning of whoever got it (see sorter.ts); not
 * agents x frameworks.
 *
 * Which agents a cycle walks (Mesos' `allocationCandidates`): only the candidates, agents
 * whose situation changed since they were last walked, unless something framework- or
 * role-wide changed, which makes the next cycle a full one. Why an agent that is not a
 * candidate cannot have become allocatable since its last walk (no quotas; see below):
 * - After a walk of agent A, every active (role, framework) pair was visited and either
 *   took from A or declined what was left then: nothing allocatable to it, or filtered.
 *   Later visits only shrink A's available resources, and both tests are monotone:
 *   `allocatable` (contains some min_allocatable quantity) can only turn false on a subset,
 *   `isFiltered` (some filter contains the offer) can only turn true. So at the end of the
 *   walk every active pair declines A's remaining available resources.
 * - That verdict depends only on: A's available resources and reservations (they change in
 *   addAgent, updateAgent, updateAllocation, recoverResources, removeFramework: candidate
 *   A), A being active (activateAgent: candidate A), the set of active pairs (addFramework,
 *   activateFramework, updateFramework, reviveOffers/unsuppress: full cycle), a framework's
 *   min_allocatable (updateFramework: full) and A's filters (a filter only disappears by
 *   expiring — candidate A at its expiry, tracked in a min-heap — or with revive,
 *   updateFramework or deactivation, which are full-cycle triggers or leave the framework
 *   inactive until activateFramework). The DRF order (weights, shares, pool totals) decides
 *   who gets a walked agent first, never whether a declined pair would take A, so it needs
 *   no trigger; weight changes make a full cycle anyway.
 * - Quota makes agents depend on each other (limits and headroom depend on every
 *   allocation, in any order), so while any role has a quota every cycle is full and the
 *   periodic tick always runs, as before. That also covers reservations: without quota a
 *   reservation only changes what its own agent can offer.
 * The walked agents keep the order a full cycle would give them: the agents with available
 * resources are listed and shuffled exactly as before (same random draws, a few ns per
 * agent), then only the candidates among them are walked (the expensive part: sorter walks,
 * filter checks). So, with the same random source, incremental and full cycles hand out the
 * same offers (test/allocator/candidates.test.ts checks it on random event sequences).
 */
import { Resources, reservationRole } from "../../mesos/resources.js";
import type { AgentInfo, Filters, FrameworkInfo, OfferOperation, Resource } from "../../mesos/v1.js";
import { addInto, containsQuantities, fromRecord, limitsMinus, minLimits, minus, scalarQuantities, shrinkToLimits, shrinkToQuantities, toRecord } from "./quantities.js";
import { DRFSorter, Pool, type Quantities } from "./sorter.js";
import { ancestors, byAllocationRole, frameworkMinAllocatable, frameworkRoles, type AgentState, type FrameworkState, type RoleState } from "./state.js";
import type { Allocation, Allocator, AllocatorOptions, Quota } from "./types.js";
import { MinHeap } from "../../util/heap.js";

/** Mesos' default --min_allocatable_resources ("cpus:0.01|mem:32"). */
export const DEFAULT_MIN_ALLOCATABLE: readonly Record<string, number>[] = [{ cpus: 0.01 }, { mem: 32 }];
/** Filters.refuse_seconds default (mesos.proto). */
export const DEFAULT_REFUSE_SECONDS = 5;
const MAX_REFUSE_SECONDS = 365 * 24 * 3600;

const isScalarUnreserved = (r: Resource) => r.type === "SCALAR" && !r.reservations?.length;

/** Per-cycle quota bookkeeping (only built when some role has a quota). */
interface QuotaCycle {
  /** role -> reservations + unreserved allocation of the role and its sub-roles. */
  readonly consumed: Map<string, Quantities>;
  requiredHeadroom: Quantities;
  availableHeadroom: Quantities;
}

type Offerable = Map<string, Map<string, Map<string, Resources>>>;

export interface HierarchicalAllocatorOptions extends AllocatorOptions {
  /** false: every cycle walks every agent (the behaviour before candidates; a reference for tests and benchmarks). Default true. */
  readonly incremental?: boolean;
}

/** Counters of the cycles run (for tests and benchmarks). */
export interface CycleStats {
  cycles: number;
  fullCycles: number;
  /** Agents walked (offered to the DRF order) over all cycles, and in the last cycle. */
  agentsWalked: number;
  lastWalked: number;
}

/** When a refuse filter runs out, for which agent (entries may be stale). */
interface Expiry {
  readonly at: number;
  readonly agentId: string;
}

export class HierarchicalAllocator implements Allocator {
  private readonly interval: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly offerCb: (a: Allocation) => void;
  private readonly minAllocatable: readonly Record<string, number>[];
  private readonly weights = new Map<string, number>();
  private readonly quotas = new Map<string, Quota>();

  private readonly pool = new Pool();
  private readonly roleSorter: DRFSorter;
  private readonly roleStates = new Map<string, RoleState>();
  /** Scalars reserved (in agents' totals) per innermost reservation role. */
  private readonly reserved = new Map<string, Quantities>();
  private readonly frameworks = new Map<string, FrameworkState>();
  private readonly agents = new Map<string, AgentState>();

  private periodic: NodeJS.Timeout | undefined;
  private pendingCycle: NodeJS.Timeout | undefined;
  private lastCycleAt = -Infinity;
  private stopped = false;

  private readonly incremental: boolean;
  /** Agents whose situation changed since they were last walked (see the header comment). */
  private readonly candidates = new Set<string>();
  /** The next cycle walks every agent. */
  private fullDue = true;
  /** When filters expire: their agents become candidates at the next cycle. */
  private readonly expiries = new MinHeap<Expiry>((a, b) => a.at < b.at);
  private compactExpiriesAt = 1024;
  readonly stats: CycleStats = { cycles: 0, fullCycles: 0, agentsWalked: 0, lastWalked: 0 };

  constructor(opts: HierarchicalAllocatorOptions) {
    this.incremental = opts.incremental ?? true;
    this.interval = opts.allocationIntervalMs ?? 100;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.offerCb = opts.offer;
    this.minAllocatable = opts.minAllocatable ?? DEFAULT_MIN_ALLOCATABLE;
    for (const [r, w] of Object.entries(opts.weights ?? {})) this.weights.set(r, w);
    this.roleSorter = new DRFSorter(this.pool, (role) => this.weights.get(role) ?? 1, true);
  }

  // ---- frameworks ------------------------------------------------------------------------

  addFramework(frameworkId: string, info: FrameworkInfo, used: ReadonlyMap<string, readonly Resource[]>, active: boolean, suppressedRoles: readonly string[] = []): void {
    if (this.frameworks.has(frameworkId)) throw new Error(`framework ${frameworkId} already added`);
    const fw: FrameworkState = {
      id: frameworkId,
      info,
      roles: frameworkRoles(info),
      suppressed: new Set(suppressedRoles),
      active,
      minAllocatable: frameworkMinAllocatable(info),
      filters: new Map(),
    };
    this.frameworks.set(frameworkId, fw);
    for (const role of fw.roles) this.trackFrameworkUnderRole(fw, role);
    // As Mesos: `used` is counted in the sorters only for agents already known; the
    // agents' own books got it from addAgent.
    for (const [agentId, list] of used) {
      if (!this.agents.has(agentId)) continue;
      for (const [role, res] of byAllocationRole(Resources.from(list), this.firstRole(fw))) this.trackInSorters(frameworkId, role, res, 1);
    }
    // An inactive framework adds no (role, framework) pair to walk: activateFramework will.
    if (active) {
      this.fullDue = true;
      this.requestCycle();
    }
  }

  removeFramework(frameworkId: string): void {
    const fw = this.frameworks.get(frameworkId);
    if (!fw) return;
    for (const agent of this.agents.values()) {
      const held = agent.allocated.get(frameworkId);
      if (!held) continue;
      for (const [role, res] of byAllocationRole(held, this.firstRole(fw))) this.trackInSorters(frameworkId, role, res, -1);
      agent.allocated.delete(frameworkId);
      agent.available = agent.available.add(held.unallocate());
      this.markCandidate(agent.id);
    }
    for (const role of [...fw.roles]) this.untrackFrameworkUnderRole(fw, role, true);
    for (const [role, rs] of this.roleStates) {
      if (rs.sorter.has(frameworkId)) rs.sorter.remove(frameworkId);
      this.refreshRole(role);
    }
    this.frameworks.delete(frameworkId);
  }

  activateFramework(frameworkId: string): void {
    const fw = this.frameworks.get(frameworkId);
    if (!fw) return;
    fw.active = true;
    for (const role of fw.roles) if (!fw.suppressed.has(role)) this.setActive(fw, role, true);
    this.fullDue = true;
    this.requestCycle();
  }

  deactivateFramework(frameworkId: string): void {
    const fw = this.frameworks.get(frameworkId);
    if (!fw) return;
    fw.active = false;
    for (const role of fw.roles) this.setActive(fw, role, false);
    fw.filters.clear(); // as Mesos: filters go with the scheduler's session
  }

  updateFramework(frameworkId: string, info: FrameworkInfo, suppressedRoles?: readonly string[]): void {
    const fw = this.frameworks.get(frameworkId);
    if (!fw) return;
    const next = frameworkRoles(info);
    for (const role of next) if (!fw.roles.has(role)) this.trackFrameworkUnderRole(fw, role);
    for (const role of [...fw.roles]) {
      if (next.has(role)) continue;
      this.untrackFrameworkUnderRole(fw, role, false);
      fw.filters.delete(role);
      fw.suppressed.delete(role);
    }
    fw.roles = next;
    fw.info = info;
    fw.minAllocatable = frameworkMinAllocatable(info);
    if (suppressedRoles) {
      const want = new Set(suppressedRoles);
      this.suppress(fw, [...want].filter((r) => !fw.suppressed.has(r)));
      const revive = [...fw.suppressed].filter((r) => !want.has(r) && next.has(r));
      if (revive.length) this.reviveOffers(frameworkId, revive);
      fw.suppressed = want;
    }
    // New roles, unsuppressed roles, dropped filters or min_allocatable: any agent may qualify.
    this.fullDue = true;
    this.requestCycle();
  }

  /** Suppress the roles (all of the framework's when empty): no offers until revived. */
  suppressOffers(frameworkId: string, roles: readonly string[]): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw) this.suppress(fw, roles.length ? roles : [...fw.roles]);
  }

  private suppress(fw: FrameworkState, roles: readonly string[]): void {
    for (const role of roles) {
      fw.suppressed.add(role);
      if (fw.roles.has(role)) this.setActive(fw, role, false);
    }
  }

  reviveOffers(frameworkId: string, roles: readonly string[]): void {
    const fw = this.frameworks.get(frameworkId);
    if (!fw) return;
    for (const role of roles.length ? roles : [...fw.roles]) {
      fw.suppressed.delete(role);
      fw.filters.delete(role); // reviving clears the role's refusal filters
      if (fw.active && fw.roles.has(role)) this.setActive(fw, role, true);
    }
    this.fullDue = true;
    this.requestCycle();
  }

  // ---- agents ----------------------------------------------------------------------------

  addAgent(agentId: string, info: AgentInfo, total: readonly Resource[], used: ReadonlyMap<string, readonly Resource[]>): void {
    if (this.agents.has(agentId)) throw new Error(`agent ${agentId} already added`);
    const t = Resources.from(total).unallocate();
    const agent: AgentState = { id: agentId, info, total: t, totalScalars: scalarQuantities(t), allocated: new Map(), available: t, active: true };
    this.agents.set(agentId, agent);
    this.pool.add(agent.totalScalars);
    this.trackReservations(t, 1);
    for (const [fwId, list] of used) {
      const fw = this.frameworks.get(fwId);
      const res = Resources.from(list);
      for (const [role, part] of byAllocationRole(res, fw ? this.firstRole(fw) : "*")) {
        this.holdOnAgent(agent, fwId, part, 1);
        if (fw) this.trackInSorters(fwId, role, part, 1);
      }
    }
    this.candidates.add(agentId);
    this.requestCycle();
  }

  removeAgent(agentId: string): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    for (const [fwId, held] of agent.allocated) {
      const fw = this.frameworks.get(fwId);
      if (fw) for (const [role, res] of byAllocationRole(held, this.firstRole(fw))) this.trackInSorters(fwId, role, res, -1);
    }
    this.pool.add(agent.totalScalars, -1);
    this.trackReservations(agent.total, -1);
    this.agents.delete(agentId);
    this.candidates.delete(agentId); // its expiry entries are dropped when they come up
    for (const fw of this.frameworks.values()) for (const m of fw.filters.values()) m.delete(agentId);
  }

  updateAgent(agentId: string, info: AgentInfo, total: readonly Resource[]): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    agent.info = info;
    this.setAgentTotal(agent, Resources.from(total).unallocate());
    this.candidates.add(agentId);
    this.requestCycle();
  }

  activateAgent(agentId: string): void {
    const a = this.agents.get(agentId);
    if (!a) return;
    a.active = true;
    this.candidates.add(agentId);
    this.requestCycle();
  }

  deactivateAgent(agentId: string): void {
    const a = this.agents.get(agentId);
    if (a) a.active = false;
  }

  // ---- allocations -----------------------------------------------------------------------

  updateAllocation(frameworkId: string, agentId: string, offered: readonly Resource[], operations: readonly OfferOperation[]): void {
    const agent = this.agents.get(agentId);
    const fw = this.frameworks.get(frameworkId);
    if (!agent || !fw) throw new Error(`unknown framework ${frameworkId} or agent ${agentId}`);
    const before = Resources.from(offered);
    const role = before.toJSON()[0]?.allocation_info?.role ?? this.firstRole(fw);
    const held = agent.allocated.get(frameworkId) ?? Resources.EMPTY;
    if (!held.contains(before.allocate(role))) throw new Error(`framework ${frameworkId} does not hold ${before} on agent ${agentId}`);
    const conversions = operations.flatMap(toConversion);
    let after = before.unallocate();
    let total = agent.total;
    for (const c of conversions) {
      if (!after.contains(c.consumed)) throw new Error(`${after} does not contain ${c.consumed}`);
      after = after.subtract(c.consumed).add(c.converted);
      total = total.subtract(c.consumed).add(c.converted);
    }
    // Swap the allocation's form, then the agent's total (reservations live in the total).
    this.holdOnAgent(agent, frameworkId, before.allocate(role), -1);
    this.trackInSorters(frameworkId, role, before.allocate(role), -1);
    this.setAgentTotal(agent, total);
    this.holdOnAgent(agent, frameworkId, after.allocate(role), 1);
    this.trackInSorters(frameworkId, role, after.allocate(role), 1, false);
    // The agent's total (its reservations, volumes) changed form: walk it again.
    this.markCandidate(agentId);
  }

  recoverResources(frameworkId: string, agentId: string, resources: readonly Resource[], filters?: Filters): void {
    const res = Resources.from(resources);
    if (res.isEmpty()) return;
    const agent = this.agents.get(agentId);
    const fw = this.frameworks.get(frameworkId);
    const parts = byAllocationRole(res, fw ? this.firstRole(fw) : "*");
    if (agent) {
      for (const [role, part] of parts) {
        // Recover only what the framework holds (Mesos CHECKs this; we clamp).
        const held = agent.allocated.get(frameworkId) ?? Resources.EMPTY;
        const mine = held.subtract(held.subtract(part));
        if (mine.isEmpty()) continue;
        this.holdOnAgent(agent, frameworkId, mine, -1);
        // Sorters count only what they were told about (unknown frameworks' use is not tracked, as Mesos).
        if (this.roleStates.get(role)?.sorter.has(frameworkId)) this.trackInSorters(frameworkId, role, mine, -1);
        this.markCandidate(agentId);
      }
    }
    if (!fw || !agent) return;
    this.ensurePeriodic();
    if (filters === undefined) return;
    let secs = filters.refuse_seconds ?? DEFAULT_REFUSE_SECONDS;
    if (!Number.isFinite(secs) || secs < 0) secs = DEFAULT_REFUSE_SECONDS;
    secs = Math.min(secs, MAX_REFUSE_SECONDS);
    if (secs === 0) return;
    // A filter lasts at least one allocation interval, as Mesos.
    const expires = this.now() + Math.max(this.interval, secs * 1000);
    for (const [role, part] of parts) {
      let m = fw.filters.get(role);
      if (!m) fw.filters.set(role, (m = new Map()));
      const list = m.get(agentId) ?? [];
      list.push({ resources: part.unallocate(), expires });
      m.set(agentId, list);
    }
    this.trackExpiry(expires, agentId);
  }

  // ---- roles -----------------------------------------------------------------------------

  updateWeights(weights: Record<string, number>): void {
    for (const [r, w] of Object.entries(weights)) {
      if (!(w > 0)) throw new Error(`weight of role ${r} must be positive`);
      this.weights.set(r, w);
    }
    this.roleSorter.invalidate();
    this.fullDue = true;
  }

  updateQuota(role: string, quota: Quota): void {
    const empty = Object.keys(quota.guarantees ?? {}).length === 0 && Object.keys(quota.limits ?? {}).length === 0;
    if (empty) this.quotas.delete(role);
    else this.quotas.set(role, quota);
    // Removing the last quota leaves agents that headroom or limits held back: walk them all.
    this.fullDue = true;
  }

  roles(): { role: string; weight: number; quota: Quota; allocated: Record<string, number>; frameworks: string[] }[] {
    const names = new Set<string>([...this.roleStates.keys(), ...this.weights.keys(), ...this.quotas.keys(), ...this.reserved.keys()]);
    for (const n of [...names]) for (const a of ancestors(n)) names.add(a);
    const subtree = new Map<string, Quantities>();
    for (const [name, rs] of this.roleStates) for (const r of [name, ...ancestors(name)]) addInto(subtree.get(r) ?? (subtree.set(r, new Map()), subtree.get(r)!), rs.allocated);
    return [...names].sort().map((role) => ({
      role,
      weight: this.weights.get(role) ?? 1,
      quota: this.quotas.get(role) ?? {},
      allocated: toRecord(subtree.get(role) ?? new Map()),
      frameworks: [...(this.roleStates.get(role)?.frameworks ?? [])].sort(),
    }));
  }

  // ---- the cycle -------------------------------------------------------------------------

  /**
   * Run a cycle now: over the candidate agents, or over all of them when a full cycle is due
   * (always while some role has a quota, or when not incremental).
   */
  allocate(): Allocation {
    this.lastCycleAt = Date.now();
    this.takeExpired();
    const full = this.fullDue || !this.incremental || this.quotas.size > 0;
    // Taken before the walk: whatever happens during it (or in the offer callback) counts for the next cycle.
    const changed = full ? undefined : new Set(this.candidates);
    this.candidates.clear();
    this.fullDue = false;
    const offerable: Offerable = new Map();
    const eligible: AgentState[] = [];
    for (const a of this.agents.values()) if (a.active && !a.available.isEmpty()) eligible.push(a);
    let walked = 0;
    try {
      if (eligible.length > 0 && this.roleSorter.activeCount > 0) {
        // The shuffles run over every eligible agent, as a full cycle's, so the walked ones
        // keep the order (and the random draws) a full cycle would give them.
        const pick = (list: AgentState[]) => (changed ? list.filter((a) => changed.has(a.id)) : list);
        const quota = this.quotaCycle();
        if (quota && [...this.quotas.values()].some((q) => Object.keys(q.guarantees ?? {}).length)) {
          this.shuffle(eligible);
          for (const agent of pick(eligible)) this.stage1(agent, quota, offerable);
        }
        // Reshuffle to spread the first stage's bias to the front of the list (as Mesos).
        this.shuffle(eligible);
        const walk = pick(eligible);
        walked = walk.length;
        for (const agent of walk) this.stage2(agent, quota, offerable);
      }
    } catch (e) {
      this.fullDue = true; // a half-done walk proves nothing about the agents it left
      throw e;
    }
    this.stats.cycles++;
    if (full) this.stats.fullCycles++;
    this.stats.agentsWalked += walked;
    this.stats.lastWalked = walked;
    const out: Allocation = new Map();
    for (const [fw, byRole] of offerable) {
      const m = new Map<string, Map<string, Resource[]>>();
      for (const [role, byAgent] of byRole) m.set(role, new Map([...byAgent].map(([a, r]) => [a, r.toJSON()])));
      out.set(fw, m);
    }
    if (out.size > 0) this.offerCb(out);
    return out;
  }

  /** Stage 1: roles below their quota guarantees get unreserved scalars towards them first. */
  private stage1(agent: AgentState, q: QuotaCycle, out: Offerable): void {
    this.roleSorter.each((role) => {
      if (agent.available.isEmpty()) return true;
      const guarantees = fromRecord(this.quotas.get(role)?.guarantees);
      if (guarantees.size === 0) return;
      const rs = this.roleStates.get(role)!;
      let unsatisfied = minus(guarantees, q.consumed.get(role) ?? new Map());
      if (unsatisfied.size === 0) return;
      rs.sorter.each((fwId) => {
        if (unsatisfied.size === 0) return true;
        const fw = this.frameworks.get(fwId)!;
        const available = agent.available.allocatableTo(role);
        if (available.isEmpty()) return true;
        if (!this.allocatable(available, role, fw)) return;
        const quotaResources = available.filter(isScalarUnreserved);
        const guaranteed = shrinkToQuantities(quotaResources, unsatisfied);
        if (guaranteed.isEmpty()) return;
        // The role's own reservations and non-scalars always come along.
        let toOffer = guaranteed.add(available.filter((r) => reservationRole(r) === role || r.type !== "SCALAR"));
        let additional = quotaResources.subtract(guaranteed);
        const limits = this.remainingLimits(role, q);
        if (limits) additional = shrinkToLimits(additional, limitsMinus(limits, scalarQuantities(guaranteed)));
        if (q.requiredHeadroom.size > 0 && !additional.isEmpty()) additional = shrinkToQuantities(additional, minus(q.availableHeadroom, q.requiredHeadroom));
        toOffer = toOffer.add(additional);
        if (!this.allocatable(toOffer, role, fw) || this.isFiltered(fw, role, agent.id, toOffer)) return;
        this.give(agent, fw, role, toOffer, out);
        const inc = scalarQuantities(guaranteed.add(additional));
        unsatisfied = minus(unsatisfied, inc);
        this.consume(q, role, inc);
        q.requiredHeadroom = minus(q.requiredHeadroom, scalarQuantities(guaranteed));
        q.availableHeadroom = minus(q.availableHeadroom, inc);
      });
    });
  }

  /** Stage 2: everything left, in DRF order, within quota limits and the guarantees' headroom. */
  private stage2(agent: AgentState, q: QuotaCycle | undefined, out: Offerable): void {
    this.roleSorter.each((role) => {
      if (agent.available.isEmpty()) return true;
      const rs = this.roleStates.get(role)!;
      let available = agent.available.allocatableTo(role);
      if (available.isEmpty()) return;
      rs.sorter.each((fwId) => {
        if (available.isEmpty()) return true;
        const fw = this.frameworks.get(fwId)!;
        if (!this.allocatable(available, role, fw)) return;
        // Reservations (the role's and its ancestors') and non-scalars always go; unreserved
        // scalars are subject to limits and headroom (nothing to cut without quotas).
        let toOffer = available;
        let additional = available;
        if (q) {
          additional = available.filter(isScalarUnreserved);
          const limits = this.remainingLimits(role, q);
          if (limits) additional = shrinkToLimits(additional, limits);
          if (q.requiredHeadroom.size > 0 && !additional.isEmpty()) additional = shrinkToQuantities(additional, minus(q.availableHeadroom, q.requiredHeadroom));
          toOffer = available.filter((r) => !isScalarUnreserved(r)).add(additional);
        }
        if (!this.allocatable(toOffer, role, fw) || this.isFiltered(fw, role, agent.id, toOffer)) return;
        this.give(agent, fw, role, toOffer, out);
        if (q) {
          const inc = scalarQuantities(additional);
          this.consume(q, role, inc);
          q.availableHeadroom = minus(q.availableHeadroom, inc);
        }
        available = agent.available.allocatableTo(role);
      });
    });
  }

  private give(agent: AgentState, fw: FrameworkState, role: string, res: Resources, out: Offerable): void {
    const allocated = res.allocate(role);
    let byRole = out.get(fw.id);
    if (!byRole) out.set(fw.id, (byRole = new Map()));
    let byAgent = byRole.get(role);
    if (!byAgent) byRole.set(role, (byAgent = new Map()));
    byAgent.set(agent.id, (byAgent.get(agent.id) ?? Resources.EMPTY).add(allocated));
    this.holdOnAgent(agent, fw.id, allocated, 1, res);
    this.trackInSorters(fw.id, role, allocated, 1);
  }

  /** Build the cycle's quota view, or undefined when no role has a quota. */
  private quotaCycle(): QuotaCycle | undefined {
    if (this.quotas.size === 0) return undefined;
    const consumed = new Map<string, Quantities>();
    const charge = (role: string, q: Quantities) => {
      for (const r of [role, ...ancestors(role)]) {
        let m = consumed.get(r);
        if (!m) consumed.set(r, (m = new Map()));
        addInto(m, q);
      }
    };
    // Consumed quota = reservations (allocated or not) + unreserved allocation, sub-roles included.
    for (const [role, q] of this.reserved) charge(role, q);
    for (const [role, rs] of this.roleStates) charge(role, rs.unreservedAllocated);
    // Headroom: what unsatisfied guarantees still need from unallocated unreserved resources.
    const required: Quantities = new Map();
    for (const [role, quota] of this.quotas) {
      if (ancestors(role).some((a) => Object.keys(this.quotas.get(a)?.guarantees ?? {}).length)) continue; // counted by the ancestor
      addInto(required, minus(fromRecord(quota.guarantees), consumed.get(role) ?? new Map()));
    }
    const available = new Map(this.pool.totals);
    const reservedTotal: Quantities = new Map();
    for (const q of this.reserved.values()) addInto(reservedTotal, q);
    for (const rs of this.roleStates.values()) {
      addInto(available, rs.allocated, -1);
      addInto(reservedTotal, rs.reservedAllocated, -1);
    }
    return { consumed, requiredHeadroom: required, availableHeadroom: minus(available, reservedTotal) };
  }

  private consume(q: QuotaCycle, role: string, inc: Quantities): void {
    for (const r of [role, ...ancestors(role)]) {
      let m = q.consumed.get(r);
      if (!m) q.consumed.set(r, (m = new Map()));
      addInto(m, inc);
    }
  }

  /** What the role may still take under its own and its ancestors' limits (undefined: unlimited). */
  private remainingLimits(role: string, q: QuotaCycle): Quantities | undefined {
    let out: Quantities | undefined;
    for (const r of [role, ...ancestors(role)]) {
      const limits = this.quotas.get(r)?.limits;
      if (!limits || Object.keys(limits).length === 0) continue;
      out = minLimits(out, limitsMinus(fromRecord(limits, true), q.consumed.get(r) ?? new Map()));
    }
    return out;
  }

  private allocatable(res: Resources, role: string, fw: FrameworkState): boolean {
    if (res.isEmpty()) return false;
    const min = fw.minAllocatable.get(role) ?? this.minAllocatable;
    return min.length === 0 || min.some((q) => containsQuantities(res, q));
  }

  private isFiltered(fw: FrameworkState, role: string, agentId: string, res: Resources): boolean {
    const list = fw.filters.get(role)?.get(agentId);
    if (!list) return false;
    const now = this.now();
    let filtered = false;
    for (let i = list.length - 1; i >= 0; i--) {
      const f = list[i]!;
      if (f.expires <= now) list.splice(i, 1);
      else if (!filtered && f.resources.contains(res)) filtered = true;
    }
    if (list.length === 0) fw.filters.get(role)!.delete(agentId);
    return filtered;
  }

  /** Agents whose filters expired become candidates. */
  private takeExpired(): void {
    const now = this.now();
    while ((this.expiries.peek()?.at ?? Infinity) <= now) {
      const { agentId } = this.expiries.pop()!;
      if (this.agents.has(agentId)) this.candidates.add(agentId);
    }
  }

  private trackExpiry(expires: number, agentId: string): void {
    this.expiries.push({ at: expires, agentId });
    if (this.expiries.size <= this.compactExpiriesAt) return;
    // Entries of filters dropped early (revive, removal) linger until they come up: rebuild
    // from the live filters when the heap has grown well past them.
    this.expiries.clear();
    for (const fw of this.frameworks.values()) for (const byAgent of fw.filters.values()) for (const [id, list] of byAgent) for (const f of list) this.expiries.push({ at: f.expires, agentId: id });
    this.compactExpiriesAt = Math.max(1024, 2 * this.expiries.size);
  }

  /** Something on the agent changed (resources came back, total changed): walk it next cycle. */
  private markCandidate(agentId: string): void {
    this.candidates.add(agentId);
    this.ensurePeriodic();
  }

  /** Whether the periodic tick has anything to do. */
  private cycleDue(): boolean {
    return this.fullDue || !this.incremental || this.quotas.size > 0 || this.candidates.size > 0 || (this.expiries.peek()?.at ?? Infinity) <= this.now();
  }

  private shuffle<T>(a: T[]): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
  }

  // ---- bookkeeping -----------------------------------------------------------------------

  private firstRole(fw: FrameworkState): string {
    return fw.roles.values().next().value ?? "*";
  }

  private role(name: string): RoleState {
    let rs = this.roleStates.get(name);
    if (!rs) {
      rs = { name, frameworks: new Set(), sorter: new DRFSorter(this.pool, () => 1, false), allocated: new Map(), unreservedAllocated: new Map(), reservedAllocated: new Map() };
      this.roleStates.set(name, rs);
      this.roleSorter.add(name);
    }
    return rs;
  }

  /** Keep the role active in the role sorter iff some framework in it is active; drop it when unused. */
  private refreshRole(name: string): void {
    const rs = this.roleStates.get(name);
    if (!rs) return;
    if (rs.sorter.activeCount > 0) this.roleSorter.activate(name);
    else this.roleSorter.deactivate(name);
    if (rs.frameworks.size === 0 && rs.sorter.size === 0 && rs.allocated.size === 0) {
      this.roleSorter.remove(name);
      this.roleStates.delete(name);
    }
  }

  private trackFrameworkUnderRole(fw: FrameworkState, role: string): void {
    const rs = this.role(role);
    rs.frameworks.add(fw.id);
    rs.sorter.add(fw.id);
    if (fw.active && !fw.suppressed.has(role)) rs.sorter.activate(fw.id);
    this.refreshRole(role);
  }

  /** The framework leaves the role; its sorter entry stays while it still holds resources there. */
  private untrackFrameworkUnderRole(fw: FrameworkState, role: string, force: boolean): void {
    const rs = this.roleStates.get(role);
    if (!rs) return;
    rs.frameworks.delete(fw.id);
    rs.sorter.deactivate(fw.id);
    if (force || rs.sorter.allocation(fw.id).size === 0) rs.sorter.remove(fw.id);
    this.refreshRole(role);
  }

  private setActive(fw: FrameworkState, role: string, active: boolean): void {
    const rs = this.roleStates.get(role);
    if (!rs) return;
    if (active) rs.sorter.activate(fw.id);
    else rs.sorter.deactivate(fw.id);
    this.refreshRole(role);
  }

  /** The agent's side of an allocation change. */
  private holdOnAgent(agent: AgentState, fwId: string, res: Resources, sign: 1 | -1, plain = res.unallocate()): void {
    const held = agent.allocated.get(fwId) ?? Resources.EMPTY;
    const next = sign > 0 ? held.add(res) : held.subtract(res);
    if (next.isEmpty()) agent.allocated.delete(fwId);
    else agent.allocated.set(fwId, next);
    // Offering an agent's whole available set is the common case: no arithmetic needed.
    if (sign > 0 && plain === agent.available) agent.available = Resources.EMPTY;
    else agent.available = sign > 0 ? agent.available.subtract(plain) : agent.available.add(plain);
  }

  /** The sorters' side of an allocation change (role tree and the role's framework order). */
  private trackInSorters(fwId: string, role: string, res: Resources, sign: 1 | -1, countAllocation = true): void {
    const q = scalarQuantities(res);
    const rs = this.role(role);
    if (!rs.sorter.has(fwId)) rs.sorter.add(fwId); // held in a role it is not subscribed to (yet)
    this.roleSorter.allocated(role, q, sign, countAllocation);
    rs.sorter.allocated(fwId, q, sign, countAllocation);
    addInto(rs.allocated, q, sign);
    const reserved = res.reserved();
    if (reserved.isEmpty()) addInto(rs.unreservedAllocated, q, sign);
    else {
      addInto(rs.unreservedAllocated, scalarQuantities(res.unreserved()), sign);
      addInto(rs.reservedAllocated, scalarQuantities(reserved), sign);
    }
    if (sign < 0 && !rs.frameworks.has(fwId) && rs.sorter.allocation(fwId).size === 0) rs.sorter.remove(fwId);
    if (sign < 0) this.refreshRole(role);
  }

  private trackReservations(total: Resources, sign: 1 | -1): void {
    for (const r of total.reserved()) {
      if (r.type !== "SCALAR") continue;
      const role = reservationRole(r);
      let m = this.reserved.get(role);
      if (!m) this.reserved.set(role, (m = new Map()));
      addInto(m, new Map([[r.name, r.scalar?.value ?? 0]]), sign);
      if (m.size === 0) this.reserved.delete(role);
    }
  }

  private setAgentTotal(agent: AgentState, total: Resources): void {
    this.pool.add(agent.totalScalars, -1);
    this.trackReservations(agent.total, -1);
    agent.total = total;
    agent.totalScalars = scalarQuantities(total);
    this.pool.add(agent.totalScalars);
    this.trackReservations(total, 1);
    let available = total;
    for (const held of agent.allocated.values()) available = available.subtract(held.unallocate());
    agent.available = available;
  }

  // ---- batching --------------------------------------------------------------------------

  requestCycle(): void {
    if (this.stopped) return;
    this.ensurePeriodic();
    if (this.pendingCycle) return;
    // Coalesce: at most one cycle per interval; the next one waits out the rest of it.
    const wait = Math.max(0, this.lastCycleAt + this.interval - Date.now());
    this.pendingCycle = setTimeout(() => {
      this.pendingCycle = undefined;
      this.runCycle();
    }, wait);
    this.pendingCycle.unref();
  }

  private ensurePeriodic(): void {
    if (this.stopped || this.periodic) return;
    this.periodic = setInterval(() => {
      if (this.agents.size === 0 || this.roleSorter.activeCount === 0) {
        clearInterval(this.periodic);
        this.periodic = undefined;
        return;
      }
      if (!this.pendingCycle && this.cycleDue()) this.runCycle();
    }, this.interval);
    this.periodic.unref();
  }

  private runCycle(): void {
    if (this.stopped) return;
    try {
      this.allocate();
    } catch (e) {
      process.emitWarning(`allocation cycle failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.periodic);
    clearTimeout(this.pendingCycle);
    this.periodic = this.pendingCycle = undefined;
  }
}

/** An offer operation as (consumed, converted) resource pairs (Mesos ResourceConversion), unallocated. */
function toConversion(op: OfferOperation): { consumed: Resources; converted: Resources }[] {
  switch (op.type) {
    case "RESERVE": {
      const converted = Resources.from(op.reserve?.resources ?? []).unallocate();
      return [{ consumed: converted.popReservation(), converted }];
    }
    case "UNRESERVE": {
      const consumed = Resources.from(op.unreserve?.resources ?? []).unallocate();
      return [{ consumed, converted: consumed.popReservation() }];
    }
    case "CREATE": {
      const converted = Resources.from(op.create?.volumes ?? []).unallocate();
      return [{ consumed: converted.map(stripVolume), converted }];
    }
    case "DESTROY": {
      const consumed = Resources.from(op.destroy?.volumes ?? []).unallocate();
      return [{ consumed, converted: consumed.map(stripVolume) }];
    }
    default:
      return []; // launches use offered resources as they are
  }
}

/** The disk a persistent volume is carved from: no persistence, no volume, not shared. */
function stripVolume(r: Resource): Resource {
  const { disk, shared: _s, ...rest } = r;
  if (!disk) return rest;
  const { persistence: _p, volume: _v, ...d } = disk;
  return Object.keys(d).length ? { ...rest, disk: d } : rest;
}
