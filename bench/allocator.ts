/**
 * `node dist/bench/allocator.js [--quick]`: time of one full allocation cycle of the
 * hierarchical DRF allocator at 1,000 / 5,000 / 10,000 agents x 20 / 200 frameworks
 * (quick: 1,000 and 5,000 agents). Agents have 4 cpus / 32 GiB (plus disk and ports);
 * frameworks, spread over 10 roles, always want more, so every agent is handed out.
 * "full" is the first cycle (everything free); "idle" a cycle with everything held.
 * The same run measures a naive reference allocator at 1,000 agents: it re-sorts every
 * role and framework for each agent and then tries every (role, framework) pair, as Mesos'
 * allocator did before 1.7 (these machines are shared and noisy; compare within a run).
 *
 * Incremental cycles (the allocator walks only candidate agents, hierarchical.ts): at
 * 1,000 / 5,000 / 10,000 agents, after the full cycle, resources come back on 1% of the
 * agents and the next cycle is timed, by the allocator as it is and by the same allocator
 * walking every agent (`incremental: false`, the behaviour before candidates), in the same
 * run. Two situations: "held" (200 frameworks hold every other agent, as above) and
 * "filtered" (one framework declined every other agent with a long refuse filter, so they
 * have available resources a full walk must visit: the end-to-end scheduling bench's case).
 * `--incremental-only` runs just these rows.
 * Results: bench/results/allocator-<time>.{json,md} and allocator-latest.{json,md}.
 */
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseResources, Resources } from "../src/mesos/resources.js";
import type { Resource } from "../src/mesos/v1.js";
import { createAllocator, HierarchicalAllocator } from "../src/resource-manager/allocator/index.js";
import { round, summarize, type LatencySummary } from "./lib/stats.js";
import { runMeta, writeResults } from "./lib/run-meta.js";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, "incremental-only": { type: "boolean", default: false } } });
const AGENTS = values.quick ? [1000, 5000] : [1000, 5000, 10000];
const FRAMEWORKS = [20, 200];
const ROLES = 10;
// Collect setup garbage before each timed cycle, so a cycle pays only for its own.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const AGENT_RESOURCES: Resource[] = parseResources("cpus:4;mem:32768;disk:100000;ports:[31000-32000]");

interface Row {
  readonly allocator: "hierarchical" | "naive";
  readonly agents: number;
  readonly frameworks: number;
  readonly fullCycleMs: LatencySummary;
  readonly fullMinMs: number;
  readonly idleCycleMs: LatencySummary;
  /** Agents handed out in the full cycle (must equal `agents`). */
  readonly agentsOffered: number;
}

/** The minimal surface both allocators offer the benchmark. */
interface Subject {
  addAgent(id: string): void;
  addFramework(id: string, role: string): void;
  allocate(): number; // agents offered
}

function hierarchical(): Subject {
  const a = createAllocator({ offer: () => {}, allocationIntervalMs: 1e9 });
  return {
    addAgent: (id) => a.addAgent(id, { hostname: id, resources: AGENT_RESOURCES }, AGENT_RESOURCES, new Map()),
    addFramework: (id, role) => a.addFramework(id, { user: "bench", name: id, id: { value: id }, role }, new Map(), true),
    allocate: () => {
      let n = 0;
      for (const byRole of a.allocate().values()) for (const byAgent of byRole.values()) n += byAgent.size;
      a.stop();
      return n;
    },
  };
}

/** Pre-1.7 style: per agent, recompute and fully sort every share, then visit every pair. */
function naive(): Subject {
  const agents: { id: string; available: Resources }[] = [];
  const fws: { id: string; role: string; alloc: Map<string, number> }[] = [];
  const roleAlloc = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  const share = (alloc: Map<string, number> | undefined) => {
    let s = 0;
    for (const [k, t] of total) s = Math.max(s, (alloc?.get(k) ?? 0) / t);
    return s;
  };
  const add = (m: Map<string, number>, q: Record<string, number>) => {
    for (const [k, v] of Object.entries(q)) m.set(k, (m.get(k) ?? 0) + v);
  };
  return {
    addAgent: (id) => {
      const r = Resources.from(AGENT_RESOURCES);
      agents.push({ id, available: r });
      for (const x of r) if (x.type === "SCALAR") total.set(x.name, (total.get(x.name) ?? 0) + x.scalar!.value);
    },
    addFramework: (id, role) => {
      fws.push({ id, role, alloc: new Map() });
      if (!roleAlloc.has(role)) roleAlloc.set(role, new Map());
    },
    allocate: () => {
      let n = 0;
      for (const agent of agents) {
        const roles = [...roleAlloc.keys()].sort((a, b) => share(roleAlloc.get(a)) - share(roleAlloc.get(b)));
        let offered = false;
        for (const role of roles) {
          const inRole = fws.filter((f) => f.role === role).sort((a, b) => share(a.alloc) - share(b.alloc));
          for (const f of inRole) {
            const available = agent.available.allocatableTo(role);
            if (available.isEmpty()) continue; // no early exit: every pair is visited
            const q = available.scalars().quantities();
            if (!((q.cpus ?? 0) >= 0.01 || (q.mem ?? 0) >= 32)) continue;
            const toOffer = available.allocate(role);
            agent.available = agent.available.subtract(toOffer.unallocate());
            add(f.alloc, q);
            add(roleAlloc.get(role)!, q);
            offered = true;
          }
        }
        if (offered) n++;
      }
      return n;
    },
  };
}

function build(make: () => Subject, nAgents: number, nFrameworks: number): Subject {
  const s = make();
  for (let i = 0; i < nFrameworks; i++) s.addFramework(`fw-${i}`, `role-${i % ROLES}`);
  for (let i = 0; i < nAgents; i++) s.addAgent(`agent-${i}`);
  return s;
}

function measure(kind: Row["allocator"], nAgents: number, nFrameworks: number, reps: number): Row {
  const make = kind === "hierarchical" ? hierarchical : naive;
  const full: number[] = [];
  const idle: number[] = [];
  let offered = 0;
  for (let r = 0; r < reps; r++) {
    const s = build(make, nAgents, nFrameworks);
    gc();
    let t = performance.now();
    offered = s.allocate();
    full.push(performance.now() - t);
    gc();
    t = performance.now();
    s.allocate();
    idle.push(performance.now() - t);
  }
  process.stderr.write(`  ${kind} ${nAgents} agents x ${nFrameworks} frameworks: full p50 ${summarize(full).p50} ms\n`);
  return { allocator: kind, agents: nAgents, frameworks: nFrameworks, fullCycleMs: summarize(full), fullMinMs: round(Math.min(...full)), idleCycleMs: summarize(idle), agentsOffered: offered };
}

interface IncrementalRow {
  readonly scenario: "incremental";
  readonly situation: "held" | "filtered";
  readonly agents: number;
  readonly frameworks: number;
  /** The first cycle (every agent free, every agent walked): the baseline. Wall and CPU time. */
  readonly fullCycleMs: LatencySummary;
  readonly fullCycleCpuMs: LatencySummary;
  /** The cycle after 1% of the agents got their resources back. */
  readonly incrementalCycleMs: LatencySummary;
  readonly incrementalCycleCpuMs: LatencySummary;
  /** The same cycle by an allocator that walks every agent with available resources. */
  readonly fullWalkCycleMs: LatencySummary;
  readonly fullWalkCycleCpuMs: LatencySummary;
  /** Smallest CPU time of each (full cycle, incremental, full walk). */
  readonly cpuMinMs: { full: number; incremental: number; fullWalk: number };
  /** Agents walked / offered in the timed incremental cycle, and walked by the full walk. */
  readonly walked: number;
  readonly offered: number;
  readonly fullWalkWalked: number;
}

/**
 * Time the cycle after 1% of the agents got resources back. "held": 200 frameworks hold
 * everything; "filtered": one framework declined all but those agents for an hour.
 */
async function measureIncremental(situation: IncrementalRow["situation"], nAgents: number, nFrameworks: number, reps: number): Promise<IncrementalRow> {
  // After gc(), let V8's background sweeping finish: process CPU time counts every thread.
  const settle = () => (gc(), new Promise((r) => setTimeout(r, 200)));
  const full: number[] = [];
  const inc: number[] = [];
  const fullWalk: number[] = [];
  const fullCpu: number[] = [];
  const incCpu: number[] = [];
  const fullWalkCpu: number[] = [];
  // This process's CPU time in ms since `c` (the machine is shared: wall time includes waiting).
  const cpuSince = (c: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  let walked = 0;
  let offered = 0;
  let fullWalkWalked = 0;
  const back = Math.max(1, Math.round(nAgents / 100));
  for (let r = 0; r < reps; r++) {
    for (const incremental of [true, false]) {
      const a = new HierarchicalAllocator({ offer: () => {}, allocationIntervalMs: 1e9, incremental });
      a.stop(); // no timers: only the cycles run here (the settle pauses would let a requested one fire)
      for (let i = 0; i < nFrameworks; i++) a.addFramework(`fw-${i}`, { user: "bench", name: `fw-${i}`, id: { value: `fw-${i}` }, role: `role-${i % ROLES}` }, new Map(), true);
      for (let i = 0; i < nAgents; i++) a.addAgent(`agent-${i}`, { hostname: `agent-${i}`, resources: AGENT_RESOURCES }, AGENT_RESOURCES, new Map());
      await settle();
      let t = performance.now();
      let c = process.cpuUsage();
      const first = a.allocate();
      if (incremental) (full.push(performance.now() - t), fullCpu.push(cpuSince(c)));
      // Who holds what, per agent.
      const holder = new Map<string, [string, string, Resource[]]>();
      for (const [fw, byRole] of first) for (const [role, byAgent] of byRole) for (const [agent, res] of byAgent) holder.set(agent, [fw, role, res]);
      if (holder.size !== nAgents) throw new Error(`full cycle offered ${holder.size} agents of ${nAgents}`);
      const ids = [...holder.keys()];
      if (situation === "filtered") {
        // Everything but the last `back` agents declined for an hour (one cycle walks them, filtered).
        for (const id of ids.slice(0, -back)) {
          const [fw, , res] = holder.get(id)!;
          a.recoverResources(fw, id, res, { refuse_seconds: 3600 });
        }
        a.allocate();
      }
      for (const id of ids.slice(-back)) {
        const [fw, , res] = holder.get(id)!;
        a.recoverResources(fw, id, res);
      }
      await settle();
      t = performance.now();
      c = process.cpuUsage();
      const next = a.allocate();
      const ms = performance.now() - t;
      const cpu = cpuSince(c);
      let n = 0;
      for (const byRole of next.values()) for (const byAgent of byRole.values()) n += byAgent.size;
      if (n !== back) throw new Error(`${situation}: the next cycle offered ${n} agents, expected ${back}`);
      if (incremental) {
        inc.push(ms);
        incCpu.push(cpu);
        walked = a.stats.lastWalked;
        offered = n;
      } else {
        fullWalk.push(ms);
        fullWalkCpu.push(cpu);
        fullWalkWalked = a.stats.lastWalked;
      }
    }
  }
  process.stderr.write(`  incremental/${situation} ${nAgents} agents x ${nFrameworks} frameworks: CPU p50: full ${summarize(fullCpu).p50} ms, incremental ${summarize(incCpu).p50} ms (walked ${walked}), full walk ${summarize(fullWalkCpu).p50} ms (walked ${fullWalkWalked})\n`);
  return { scenario: "incremental", situation, agents: nAgents, frameworks: nFrameworks, fullCycleMs: summarize(full), fullCycleCpuMs: summarize(fullCpu), incrementalCycleMs: summarize(inc), incrementalCycleCpuMs: summarize(incCpu), fullWalkCycleMs: summarize(fullWalk), fullWalkCycleCpuMs: summarize(fullWalkCpu), cpuMinMs: { full: round(Math.min(...fullCpu)), incremental: round(Math.min(...incCpu)), fullWalk: round(Math.min(...fullWalkCpu)) }, walked, offered, fullWalkWalked };
}

const cell = (cpu: LatencySummary, min: number, wall: LatencySummary) => `${cpu.p50} / ${min} (${wall.p50})`;

function markdown(meta: Record<string, unknown>, rows: readonly Row[], incRows: readonly IncrementalRow[]): string {
  return [
    `# Allocator benchmark (${meta.date})`,
    "",
    `commit ${meta.commit}, ${meta.cpus} CPUs, ${meta.memGiB} GiB, node ${meta.node}${meta.quick ? " (quick)" : ""}.`,
    `Agents 4 cpus / 32 GiB / disk / ports; frameworks in ${ROLES} roles, never declining. "full": first cycle, every agent free; "idle": next cycle, everything held. Setup garbage is collected before each timed cycle.`,
    "The naive row is a reference allocator measured in the same run (full re-sort per agent, every role x framework pair visited).",
    "",
    "| allocator | agents | frameworks | reps | full p50 ms | full min ms | full max ms | idle p50 ms | agents offered |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.allocator} | ${r.agents} | ${r.frameworks} | ${r.fullCycleMs.count} | ${r.fullCycleMs.p50} | ${r.fullMinMs} | ${r.fullCycleMs.max} | ${r.idleCycleMs.p50} | ${r.agentsOffered} |`),
    "",
    "## Incremental cycles",
    "",
    'After the full cycle, resources come back on 1% of the agents; "next" is the cycle after that, as the allocator runs it (candidate agents only) and by the same allocator walking every agent with available resources (before candidates). "held": 200 frameworks hold every other agent; "filtered": one framework declined every other agent for an hour. Process CPU time in ms (all threads; measured after a GC and its background sweeping), p50 / min, wall p50 in parentheses.',
    "",
    "| situation | agents | frameworks | reps | full cycle | next, incremental | next, full walk | walked (incremental / full walk) | agents offered |",
    "|---|---|---|---|---|---|---|---|---|",
    ...incRows.map(
      (r) =>
        `| ${r.situation} | ${r.agents} | ${r.frameworks} | ${r.fullCycleMs.count} | ${cell(r.fullCycleCpuMs, r.cpuMinMs.full, r.fullCycleMs)} | ${cell(r.incrementalCycleCpuMs, r.cpuMinMs.incremental, r.incrementalCycleMs)} | ${cell(r.fullWalkCycleCpuMs, r.cpuMinMs.fullWalk, r.fullWalkCycleMs)} | ${r.walked} / ${r.fullWalkWalked} | ${r.offered} |`,
    ),
    "",
  ].join("\n");
}

async function main() {
  const meta = { ...runMeta(), quick: values.quick };
  // Warm up the JIT so the first measured size is not penalized.
  measure("hierarchical", 500, 20, 3);
  await measureIncremental("filtered", 500, 1, 2);
  const rows: Row[] = [];
  if (!values["incremental-only"]) {
    for (const a of AGENTS) for (const f of FRAMEWORKS) rows.push(measure("hierarchical", a, f, a >= 10000 ? 3 : 5));
    for (const f of FRAMEWORKS) rows.push(measure("naive", AGENTS[0]!, f, 3));
  }
  const incRows: IncrementalRow[] = [];
  for (const a of [1000, 5000, 10000]) {
    incRows.push(await measureIncremental("held", a, 200, 5));
    incRows.push(await measureIncremental("filtered", a, 1, 5));
  }
  writeResults("allocator", meta, [...rows, ...incRows], markdown(meta, rows, incRows));
}

await main();
