/**
 * Where a pod goes: kube-scheduler's default profile (./scheduling) over the NodeSnapshot,
 * with one more filter that only the offer-bridge has: a node is feasible only if the
 * framework holds offers for its agent with enough of the offered resources, because the
 * offer is what can actually be launched. A node that would fit but has no offer at hand
 * does not make the pod unschedulable: it waits for the next offers quietly.
 *
 * The first-fit placement of the first slice stays for its unit tests (`firstFit`).
 */
import type { Range } from "../mesos/v1.js";
import type { Pod } from "./types.js";
import { ERR_NODE_PORTS } from "./scheduling/plugins/node-ports.js";
import { schedulePod, UNSCHEDULABLE, type NodeInfo, type NodeSnapshot, type PodInfo, type ScheduleOptions, type Status } from "./scheduling/index.js";
import { status } from "./scheduling/framework.js";

export interface Amounts {
  cpus: number;
  /** MiB */
  mem: number;
  /** MiB */
  disk: number;
}

/** What a pod asks of an agent: its scalars and, in host networking, the ports it holds. */
export interface Needs extends Amounts {
  readonly ports?: readonly number[];
}

/** What the held offers of an agent leave free: scalars and the offered port ranges. */
export interface Free extends Amounts {
  ports?: Range[];
}

/** Whether every port is inside the ranges. */
export function portsFree(ports: readonly number[] | undefined, ranges: readonly Range[] | undefined): boolean {
  for (const p of ports ?? []) if (!(ranges ?? []).some((r) => r.begin <= p && p <= r.end)) return false;
  return true;
}

/** The ranges without these ports. */
export function withoutPorts(ranges: readonly Range[], ports: readonly number[]): Range[] {
  let out = [...ranges];
  for (const p of ports) {
    const next: Range[] = [];
    for (const r of out) {
      if (p < r.begin || p > r.end) next.push(r);
      else {
        if (r.begin < p) next.push({ begin: r.begin, end: p - 1 });
        if (p < r.end) next.push({ begin: p + 1, end: r.end });
      }
    }
    out = next;
  }
  return out;
}

/** Takes a placed pod's needs out of what is free on its node. */
export function take(free: Free, needs: Needs): void {
  free.cpus -= needs.cpus;
  free.mem -= needs.mem;
  free.disk -= needs.disk;
  if (needs.ports?.length) free.ports = withoutPorts(free.ports ?? [], needs.ports);
}

/** Whether the free resources hold the needs. */
export function fits(free: Free, needs: Needs): boolean {
  return needs.cpus <= free.cpus + EPS && needs.mem <= free.mem + EPS && needs.disk <= free.disk + EPS && portsFree(needs.ports, free.ports);
}

/** berth's own filter reason: the node fits in every other way, but nothing of it is offered right now. */
export const NO_OFFER = "node(s) had no offered resources";
const EPS = 1e-9;
/**
 * The node has room by kube-scheduler's accounting, but the offers held for it are smaller:
 * other frameworks hold the rest. Like NO_OFFER this is a wait for offers (DRF hands the
 * framework its share as resources free up), not a failed attempt that backs the pod off.
 */
const OFFER_SHORT = {
  cpus: "node(s) had too little cpu offered",
  mem: "node(s) had too little memory offered",
  disk: "node(s) had too little ephemeral-storage offered",
};
const INSUFFICIENT = {
  cpus: status("Offers", UNSCHEDULABLE, OFFER_SHORT.cpus),
  mem: status("Offers", UNSCHEDULABLE, OFFER_SHORT.mem),
  disk: status("Offers", UNSCHEDULABLE, OFFER_SHORT.disk),
};
const OFFER_REASONS: ReadonlySet<string> = new Set([NO_OFFER, ...Object.values(OFFER_SHORT)]);
const NONE_OFFERED = status("Offers", UNSCHEDULABLE, NO_OFFER);
/** The offers lack a port the pod holds (another pod, or another framework's task, has it): NodePorts' reason. */
const PORTS_TAKEN = status("NodePorts", UNSCHEDULABLE, ERR_NODE_PORTS);

export type Decision =
  | { readonly node: string }
  | { readonly wait: true }
  | { readonly unschedulable: true; readonly message: string };

/**
 * The snapshot's nodes that have offers at hand, in snapshot order: the only nodes that can
 * be feasible (decide's `candidates`). Valid while the snapshot's node list is unchanged,
 * i.e. until the caller yields; `offered`'s amounts may change meanwhile.
 */
export function offeredNodes(snap: NodeSnapshot, offered: ReadonlyMap<string, Free>): NodeInfo[] {
  const out: NodeInfo[] = [];
  for (const name of offered.keys()) {
    const n = snap.node(name);
    if (n) out.push(n);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The pod waits for offers: a node passed every kube-scheduler filter and only lacks an offer. */
const stopOnNoOffer = (st: Status): boolean => st === NONE_OFFERED;

/**
 * Schedule one pod: `offered` is what the held offers leave free per node name (the caller
 * subtracts each placement before the next pod). `candidates` (offeredNodes of the same
 * snapshot and offers) makes the Filter walk visit offered nodes only; the outcome is the
 * same as without it, and so is the FitError message of an unschedulable pod.
 */
export function decide(info: PodInfo, needsOrFor: Needs | ((node: string) => Needs), snap: NodeSnapshot, offered: ReadonlyMap<string, Free>, opts: ScheduleOptions = {}, candidates?: readonly NodeInfo[]): Decision {
  // What the pod needs may depend on the node (its containerPorts are ports only on host-networked agents).
  const needsFor = typeof needsOrFor === "function" ? needsOrFor : () => needsOrFor;
  const offerFilter = (_p: PodInfo, node: { name: string }): Status | null => {
    const free = offered.get(node.name);
    if (!free) return NONE_OFFERED;
    const needs = needsFor(node.name);
    if (needs.cpus > free.cpus + EPS) return INSUFFICIENT.cpus;
    if (needs.mem > free.mem + EPS) return INSUFFICIENT.mem;
    if (needs.disk > free.disk + EPS) return INSUFFICIENT.disk;
    if (!portsFree(needs.ports, free.ports)) return PORTS_TAKEN;
    return null;
  };
  const r = schedulePod(info, snap, { ...opts, extraFilter: offerFilter, ...(candidates ? { candidates, stopOn: stopOnNoOffer } : {}) });
  if ("node" in r) return { node: r.node };
  // A node fits by kube-scheduler's accounting but has no offer at hand: wait, as the full walk's NO_OFFER says.
  if ("stopped" in r) return { wait: true };
  if (r.reasons.has(NO_OFFER) || [...r.reasons.keys()].every((k) => OFFER_REASONS.has(k))) return { wait: true };
  // An offered agent whose Node is not in the snapshot yet (just created): try again then.
  for (const name of offered.keys()) if (!snap.node(name)) return { wait: true };
  return { unschedulable: true, message: r.message };
}

// ---- the first slice's first fit (kept for its unit tests) -------------------------------

export interface NodeCandidate {
  readonly name: string;
  readonly agentId: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly unschedulable: boolean;
  /** Free on the agent right now: the resources of the offers held for it. */
  readonly free: Amounts;
}

export type PlacementResult = { readonly node: NodeCandidate } | { readonly node?: undefined; readonly message: string };

export interface Placement {
  place(pod: Pod, needs: Amounts, candidates: readonly NodeCandidate[]): PlacementResult;
}

/** First fit on cpu/memory/ephemeral storage, honoring spec.nodeName, nodeSelector and cordoned nodes. */
export const firstFit: Placement = {
  place(pod, needs, candidates) {
    const reasons = new Map<string, number>();
    const add = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
    for (const c of candidates) {
      const why = misfit(pod, needs, c);
      if (!why.length) return { node: c };
      for (const r of why) add(r);
    }
    return { message: fitError(candidates.length, reasons) };
  },
};

function misfit(pod: Pod, needs: Amounts, c: NodeCandidate): string[] {
  const spec = pod.spec ?? {};
  if (spec.nodeName && spec.nodeName !== c.name) return ["node(s) didn't match the requested node name"];
  if (c.unschedulable) return ["node(s) were unschedulable"];
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (c.labels[k] !== v) return ["node(s) didn't match Pod's node affinity/selector"];
  const out: string[] = [];
  if (needs.cpus > c.free.cpus + EPS) out.push("Insufficient cpu");
  if (needs.mem > c.free.mem + EPS) out.push("Insufficient memory");
  if (needs.disk > c.free.disk + EPS) out.push("Insufficient ephemeral-storage");
  return out;
}

/** framework.FitError.Error: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable." */
export function fitError(nodes: number, reasons: ReadonlyMap<string, number>): string {
  if (nodes === 0) return "no nodes available to schedule pods";
  const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${nodes} nodes are available: ${parts.join(", ")}.`;
}
