/**
 * A pod as one task group (DESIGN.md decision 5): its containers are the tasks, named so
 * that a task id alone says which pod (by uid) and container it runs, which is what makes
 * reconciliation after a restart free of duplicate launches.
 */
import type { ExecutorInfo, Resource, TaskInfo } from "../mesos/v1.js";
import { containerArgv, type ImageCatalog } from "./images.js";
import { cpuCores, mebibytes } from "./quantity.js";
import type { Container, Pod } from "./types.js";

/**
 * What a container gets when it requests nothing: Mesos tasks need resources, so these
 * are kube-scheduler's "non-zero" defaults (DefaultMilliCPURequest, DefaultMemoryRequest)
 * rather than zero.
 */
export const DEFAULT_CPUS = 0.1;
export const DEFAULT_MEM_MIB = 200;

export interface PodTaskId {
  readonly namespace: string;
  readonly pod: string;
  readonly uid: string;
  readonly container: string;
}

/** `<namespace>.<pod>.<uid>.<container>` */
export function taskIdOf(pod: Pod, container: string): string {
  return `${executorIdOf(pod)}.${container}`;
}

export function executorIdOf(pod: Pod): string {
  const m = pod.metadata ?? {};
  return `${m.namespace ?? ""}.${m.name ?? ""}.${m.uid ?? ""}`;
}

/** Namespaces, uids and container names hold no dots; pod names may. */
export function parseTaskId(id: string): PodTaskId | undefined {
  const parts = id.split(".");
  if (parts.length < 4) return undefined;
  const namespace = parts[0]!;
  const container = parts[parts.length - 1]!;
  const uid = parts[parts.length - 2]!;
  const pod = parts.slice(1, -2).join(".");
  if (!namespace || !pod || !uid || !container) return undefined;
  return { namespace, pod, uid, container };
}

/** A container's cpus and mem (MiB) as its task asks them: its requests, else the defaults. */
export function containerResources(c: Container): { cpus: number; mem: number; disk: number } {
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  return {
    cpus: cpuCores(req.cpu ?? lim.cpu) || DEFAULT_CPUS,
    mem: mebibytes(req.memory ?? lim.memory) || DEFAULT_MEM_MIB,
    disk: mebibytes(req["ephemeral-storage"] ?? lim["ephemeral-storage"]) ?? 0,
  };
}

/** The pod's total: the sum over its containers (init containers do not run yet). */
export function podResources(pod: Pod): { cpus: number; mem: number; disk: number } {
  const t = { cpus: 0, mem: 0, disk: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = containerResources(c);
    t.cpus += r.cpus;
    t.mem += r.mem;
    t.disk += r.disk;
  }
  return t;
}

export function scalarResources(r: { cpus: number; mem: number; disk: number }): Resource[] {
  const out: Resource[] = [
    { name: "cpus", type: "SCALAR", scalar: { value: round(r.cpus) } },
    { name: "mem", type: "SCALAR", scalar: { value: round(r.mem) } },
  ];
  if (r.disk > 0) out.push({ name: "disk", type: "SCALAR", scalar: { value: round(r.disk) } });
  return out;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Kubelet's $(VAR) expansion in command, args and env values; $$ escapes a dollar. */
export function expand(s: string, vars: ReadonlyMap<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (name === undefined ? "$" : (vars.get(name) ?? m)));
}

export type PodLaunch = { readonly ok: true; readonly executor: ExecutorInfo; readonly tasks: TaskInfo[] } | { readonly ok: false; readonly reason: string; readonly message: string };

/** The LAUNCH_GROUP content for a pod on an agent, or why the pod cannot run. */
export function podTaskGroup(pod: Pod, agentId: string, frameworkId: string, catalog: ImageCatalog): PodLaunch {
  if (pod.spec?.initContainers?.length) return { ok: false, reason: "CreateContainerConfigError", message: "berth does not run init containers yet" };
  const m = pod.metadata ?? {};
  const executor: ExecutorInfo = {
    type: "DEFAULT",
    executor_id: { value: executorIdOf(pod) },
    framework_id: { value: frameworkId },
    name: `pod ${m.namespace}/${m.name}`,
  };
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  const tasks: TaskInfo[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const vars = new Map<string, string>();
    const variables: { name: string; value: string }[] = [{ name: "HOSTNAME", value: m.name ?? "" }];
    // valueFrom (fieldRef, configMapKeyRef...) is not rendered yet; such variables are left out.
    for (const e of c.env ?? []) {
      if (e.valueFrom !== undefined) continue;
      const v = expand(e.value ?? "", vars);
      vars.set(e.name, v);
      variables.push({ name: e.name, value: v });
    }
    const argv = containerArgv(c, catalog);
    if (typeof argv === "string") return { ok: false, reason: "ErrImagePull", message: argv };
    const full = argv.map((a) => expand(a, vars));
    tasks.push({
      name: c.name,
      task_id: { value: taskIdOf(pod, c.name) },
      agent_id: { value: agentId },
      resources: scalarResources(containerResources(c)),
      command: { shell: false, value: full[0]!, arguments: full, environment: { variables } },
      kill_policy: { grace_period: { nanoseconds: grace * 1e9 } },
      labels: {
        labels: [
          { key: "io.kubernetes.pod.namespace", value: m.namespace ?? "" },
          { key: "io.kubernetes.pod.name", value: m.name ?? "" },
          { key: "io.kubernetes.pod.uid", value: m.uid ?? "" },
          { key: "io.kubernetes.container.name", value: c.name },
        ],
      },
    });
  }
  if (!tasks.length) return { ok: false, reason: "CreateContainerConfigError", message: "the pod has no containers" };
  return { ok: true, executor, tasks };
}
