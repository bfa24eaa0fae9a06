/**
 * The Priority admission plugin (plugin/pkg/admission/priority) on pod create: resolve
 * spec.priorityClassName to spec.priority and spec.preemptionPolicy, or use the
 * globalDefault PriorityClass (the lowest-valued one if several) when the pod names none;
 * 0 without any. The system classes resolve even when no object exists for them.
 * The strategy's admitPod has already defaulted the pod; what the client sent is kept
 * aside (podPriorityInput) so that a conflicting explicit value is refused as upstream.
 */
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";
import { SYSTEM_PRIORITY_CLASSES } from "../validation/other.js";

interface PriorityClassLike {
  metadata?: { name?: string };
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

/** What the client sent, recorded by the pod strategy before defaulting. */
const inputs = new WeakMap<object, { priority?: unknown; preemptionPolicy?: unknown }>();

export function recordPodPriorityInput(pod: object, spec: { priority?: unknown; preemptionPolicy?: unknown }): void {
  inputs.set(pod, { priority: spec.priority, preemptionPolicy: spec.preemptionPolicy });
}

export interface PriorityClassLookup {
  get(name: string): Promise<PriorityClassLike | undefined>;
  list(): Promise<PriorityClassLike[]>;
}

export async function admitPodPriority(pod: KubeObject, classes: PriorityClassLookup): Promise<void> {
  const input = inputs.get(pod);
  inputs.delete(pod);
  const spec = (pod.spec ?? {}) as { priorityClassName?: string; priority?: number; preemptionPolicy?: string };
  const name = pod.metadata?.name ?? "";
  const forbidden = (msg: string) => new StatusError(403, "Forbidden", `pods "${name}" is forbidden: ${msg}`, { name, kind: "pods" });
  let priority = 0;
  let policy: string | undefined = "PreemptLowerPriority";
  if (!spec.priorityClassName) {
    let def: PriorityClassLike | undefined;
    for (const pc of await classes.list()) if (pc.globalDefault && (!def || (def.value ?? 0) > (pc.value ?? 0))) def = pc;
    if (def) {
      spec.priorityClassName = def.metadata?.name ?? "";
      priority = def.value ?? 0;
      policy = def.preemptionPolicy;
    } else delete spec.priorityClassName;
  } else {
    const pc = await classes.get(spec.priorityClassName);
    const system = SYSTEM_PRIORITY_CLASSES[spec.priorityClassName];
    if (pc) {
      priority = pc.value ?? 0;
      policy = pc.preemptionPolicy;
    } else if (system !== undefined) priority = system;
    else throw forbidden(`no PriorityClass with name ${spec.priorityClassName} was found`);
  }
  const sent = input ? input.priority : undefined;
  if (typeof sent === "number" && sent !== priority)
    throw forbidden(`the integer value of priority (${sent}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  spec.priority = priority;
  if (policy) {
    const sentPolicy = input ? input.preemptionPolicy : undefined;
    if (typeof sentPolicy === "string" && sentPolicy !== policy)
      throw forbidden(`the string value of PreemptionPolicy (${sentPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    spec.preemptionPolicy = policy;
  }
  pod.spec = spec;
}
