/**
 * Indexes the framework keeps beside its maps so that an offer round and a pod's status
 * sync cost what they touch, not the whole cluster: held offers by agent, tasks by pod and
 * by agent, and the pods that may be pending. Each keeps insertion order within a key, as
 * the plain maps they replace did, so every loop over them sees the same order as before.
 */
import type { Offer } from "../mesos/v1.js";
import type { Amounts } from "./placement.js";

/** Adds v under k in a map of maps, keeping the inner map's insertion order. */
function addTo<V>(m: Map<string, Map<string, V>>, k: string, id: string, v: V): void {
  let inner = m.get(k);
  if (!inner) m.set(k, (inner = new Map()));
  inner.set(id, v);
}

function removeFrom<V>(m: Map<string, Map<string, V>>, k: string, id: string): void {
  const inner = m.get(k);
  if (!inner) return;
  inner.delete(id);
  if (!inner.size) m.delete(k);
}

const NONE: ReadonlyMap<string, never> = new Map<string, never>();

/** The offers the framework holds, by id and by agent. */
export class HeldOffers {
  private readonly all = new Map<string, Offer>();
  private readonly byAgent = new Map<string, Map<string, Offer>>();
  /** When each offer arrived (ms), so that offers kept across cycles are answered within a bound. */
  private readonly since = new Map<string, number>();

  get size(): number {
    return this.all.size;
  }

  get(id: string): Offer | undefined {
    return this.all.get(id);
  }

  /** When the offer arrived (Date.now() at set), or undefined if not held. */
  heldSince(id: string): number | undefined {
    return this.since.get(id);
  }

  values(): IterableIterator<Offer> {
    return this.all.values();
  }

  set(o: Offer): void {
    const prev = this.all.get(o.id.value);
    if (prev && prev.agent_id.value !== o.agent_id.value) removeFrom(this.byAgent, prev.agent_id.value, o.id.value);
    this.all.set(o.id.value, o);
    if (!prev) this.since.set(o.id.value, Date.now());
    addTo(this.byAgent, o.agent_id.value, o.id.value, o);
  }

  delete(id: string): void {
    const o = this.all.get(id);
    if (!o) return;
    this.all.delete(id);
    this.since.delete(id);
    removeFrom(this.byAgent, o.agent_id.value, id);
  }

  clear(): void {
    this.all.clear();
    this.since.clear();
    this.byAgent.clear();
  }

  /** The offers held for one agent, in the order they arrived. */
  ofAgent(agentId: string): Iterable<Offer> {
    return (this.byAgent.get(agentId) ?? NONE).values();
  }
}

interface Indexed {
  readonly taskId: string;
  readonly agentId: string;
  readonly podUid: string;
}

/** Sums kept in thousandths as integers, so adding and taking away the same amounts leaves no rounding behind. */
const MILLI = 1000;

/**
 * Task records by task id, with the tasks of each pod and of each agent, and what each agent's
 * tasks use: `weigh` gives a record's amounts when it is set (none for a task that no longer
 * runs), and the agent's sum changes by exactly those amounts when the record is replaced or
 * deleted, so reading it is O(1) however many tasks the agent runs.
 */
export class TaskTable<T extends Indexed> {
  private readonly all = new Map<string, T>();
  private readonly byPod = new Map<string, Map<string, T>>();
  private readonly byAgent = new Map<string, Map<string, T>>();
  private readonly weights = new Map<string, { readonly agentId: string; readonly cpus: number; readonly mem: number; readonly disk: number }>();
  private readonly usedByAgent = new Map<string, { cpus: number; mem: number; disk: number }>();

  constructor(private readonly weigh?: (t: T) => Amounts | undefined) {}

  get size(): number {
    return this.all.size;
  }

  get(id: string): T | undefined {
    return this.all.get(id);
  }

  values(): IterableIterator<T> {
    return this.all.values();
  }

  /** Adds or replaces the record of t.taskId (a replaced record keeps its place in every order, as Map.set does). */
  set(t: T): void {
    const prev = this.all.get(t.taskId);
    if (prev && prev.podUid !== t.podUid) removeFrom(this.byPod, prev.podUid, t.taskId);
    if (prev && prev.agentId !== t.agentId) removeFrom(this.byAgent, prev.agentId, t.taskId);
    this.all.set(t.taskId, t);
    addTo(this.byPod, t.podUid, t.taskId, t);
    addTo(this.byAgent, t.agentId, t.taskId, t);
    this.unweigh(t.taskId);
    const a = this.weigh?.(t);
    if (a) {
      const w = { agentId: t.agentId, cpus: Math.round(a.cpus * MILLI), mem: Math.round(a.mem * MILLI), disk: Math.round(a.disk * MILLI) };
      this.weights.set(t.taskId, w);
      const u = this.usedByAgent.get(t.agentId) ?? { cpus: 0, mem: 0, disk: 0 };
      u.cpus += w.cpus;
      u.mem += w.mem;
      u.disk += w.disk;
      this.usedByAgent.set(t.agentId, u);
    }
  }

  delete(id: string): void {
    const t = this.all.get(id);
    if (!t) return;
    this.all.delete(id);
    removeFrom(this.byPod, t.podUid, id);
    removeFrom(this.byAgent, t.agentId, id);
    this.unweigh(id);
  }

  /** What the agent's tasks use (the sum of their weights). */
  usedOn(agentId: string): Amounts {
    const u = this.usedByAgent.get(agentId);
    return u ? { cpus: u.cpus / MILLI, mem: u.mem / MILLI, disk: u.disk / MILLI } : { cpus: 0, mem: 0, disk: 0 };
  }

  private unweigh(id: string): void {
    const w = this.weights.get(id);
    if (!w) return;
    this.weights.delete(id);
    const u = this.usedByAgent.get(w.agentId)!;
    u.cpus -= w.cpus;
    u.mem -= w.mem;
    u.disk -= w.disk;
    if (u.cpus === 0 && u.mem === 0 && u.disk === 0) this.usedByAgent.delete(w.agentId);
  }

  /** The pod's tasks (a copy: callers delete while they go). */
  ofPod(uid: string): T[] {
    return [...(this.byPod.get(uid) ?? NONE).values()];
  }

  hasPod(uid: string): boolean {
    return this.byPod.has(uid);
  }

  /** The agent's tasks (a copy). */
  onAgent(agentId: string): T[] {
    return [...(this.byAgent.get(agentId) ?? NONE).values()];
  }
}
