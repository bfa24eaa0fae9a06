/** Taints and tolerations (k8s.io/api/core/v1 Toleration.ToleratesTaint and v1helper). */

export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: TaintEffect | string;
}

export interface Toleration {
  readonly key: string;
  /** "Exists" or "Equal" ("" means Equal). */
  readonly operator: string;
  readonly value: string;
  /** "" tolerates every effect. */
  readonly effect: string;
}

export function toTaints(src: readonly { key: string; value?: string; effect: string }[] | undefined): Taint[] {
  return (src ?? []).map((t) => ({ key: t.key, value: t.value ?? "", effect: t.effect }));
}

export function toTolerations(src: readonly { key?: string; operator?: string; value?: string; effect?: string }[] | undefined): Toleration[] {
  return (src ?? []).map((t) => ({ key: t.key ?? "", operator: t.operator ?? "", value: t.value ?? "", effect: t.effect ?? "" }));
}

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect !== "" && t.effect !== taint.effect) return false;
  if (t.key !== "" && t.key !== taint.key) return false;
  switch (t.operator) {
    case "":
    case "Equal":
      return t.value === taint.value;
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(ts: readonly Toleration[], taint: Taint): boolean {
  for (let i = 0; i < ts.length; i++) if (toleratesTaint(ts[i]!, taint)) return true;
  return false;
}

/** v1helper.FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc (NoSchedule, NoExecute). */
export function findUntoleratedDoNotScheduleTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i]!;
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
