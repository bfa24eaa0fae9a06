/**
 * Where a pod goes, behind a small interface so that kube-scheduler's filters and scores
 * (src/offer-bridge/scheduling, being written) can replace this first fit. A candidate is
 * one Node (one agent) with what the offers held for it leave free.
 */
import type { Pod } from "./types.js";

export interface Amounts {
  cpus: number;
  /** MiB */
  mem: number;
  /** MiB */
  disk: number;
}

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

/** The reasons (worded as kube-scheduler's plugins) why pod does not fit on c. */
function misfit(pod: Pod, needs: Amounts, c: NodeCandidate): string[] {
  const spec = pod.spec ?? {};
  // NodeName and NodeUnschedulable/NodeAffinity stop at the first failing filter, as the framework's filter loop does.
  if (spec.nodeName && spec.nodeName !== c.name) return ["node(s) didn't match the requested node name"];
  if (c.unschedulable) return ["node(s) were unschedulable"];
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (c.labels[k] !== v) return ["node(s) didn't match Pod's node affinity/selector"];
  const out: string[] = [];
  const eps = 1e-9;
  if (needs.cpus > c.free.cpus + eps) out.push("Insufficient cpu");
  if (needs.mem > c.free.mem + eps) out.push("Insufficient memory");
  if (needs.disk > c.free.disk + eps) out.push("Insufficient ephemeral-storage");
  return out;
}

/** framework.FitError.Error: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable." */
export function fitError(nodes: number, reasons: ReadonlyMap<string, number>): string {
  if (nodes === 0) return "no nodes available to schedule pods";
  const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${nodes} nodes are available: ${parts.join(", ")}.`;
}
