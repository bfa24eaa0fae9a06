/**
 * POST pods/{name}/eviction (policy/v1 Eviction), as kube-apiserver's EvictionREST
 * (pkg/registry/core/pod/storage/eviction.go): pods that are Pending, finished or already
 * being deleted go at once; otherwise the pod's PodDisruptionBudget (at most one) must
 * allow a disruption: its disruptionsAllowed is decremented and the pod recorded in
 * status.disruptedPods before the pod gets the DisruptionTarget condition and is deleted
 * with the eviction's DeleteOptions. Refusals are 429 TooManyRequests with a
 * DisruptionBudget cause.
 */
import type { V1DeleteOptions } from "@kubernetes/client-node";
import { StatusError, badRequest } from "../errors.js";
import type { KubeObject } from "../types.js";
import { labelSelectorAsMatcher } from "../selectors/index.js";
import { rfc3339 } from "./object-meta.js";
import type { ResourceInfo } from "./types.js";

/** What the eviction needs of the registry (kept narrow: the registry passes itself). */
export interface EvictionStorage {
  readonly pods: ResourceInfo;
  readonly pdbs: ResourceInfo;
  get(info: ResourceInfo, ns: string, name: string): Promise<KubeObject>;
  list(info: ResourceInfo, ns: string): Promise<KubeObject[]>;
  updateStatus(info: ResourceInfo, ns: string, obj: KubeObject): Promise<KubeObject>;
  delete(info: ResourceInfo, ns: string, name: string, opts: V1DeleteOptions): Promise<unknown>;
}

interface PodView {
  metadata?: { name?: string; resourceVersion?: string; uid?: string; labels?: Record<string, string>; deletionTimestamp?: unknown };
  status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
}

interface PdbView {
  metadata?: { name?: string; generation?: number };
  spec?: { selector?: unknown; unhealthyPodEvictionPolicy?: string };
  status?: { observedGeneration?: number; disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; disruptedPods?: Record<string, string>; conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; observedGeneration?: number }[] };
}

const SUCCESS = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success" };
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";
const MAX_DISRUPTED_PODS = 2000;

function tooManyRequests(cause: string, retryAfterSeconds: number): StatusError {
  return new StatusError(429, "TooManyRequests", VIOLATION, { causes: [{ reason: "DisruptionBudget", message: cause }], ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}) });
}

function stillProcessing(pdb: string): StatusError {
  return tooManyRequests(`The disruption budget ${pdb} is still being processed by the server.`, 10);
}

function forbiddenPdb(pdb: string, why: string): StatusError {
  return new StatusError(403, "Forbidden", `poddisruptionbudget.policy "${pdb}" is forbidden: ${why}`, { name: pdb, group: "policy", kind: "poddisruptionbudget" });
}

function canIgnorePDB(p: PodView): boolean {
  const phase = p.status?.phase;
  return phase === "Succeeded" || phase === "Failed" || phase === "Pending" || Boolean(p.metadata?.deletionTimestamp);
}

function isReady(p: PodView): boolean {
  return p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

export async function evictPod(s: EvictionStorage, ns: string, name: string, eviction: KubeObject, dryRun: boolean): Promise<KubeObject> {
  const evName = (eviction.metadata as { name?: string } | undefined)?.name;
  if (evName !== name) throw badRequest("name in URL does not match name in Eviction object");
  const opts: V1DeleteOptions = { ...((eviction.deleteOptions as V1DeleteOptions | undefined) ?? {}) };
  if (dryRun) opts.dryRun = ["All"];
  const isDry = Boolean(opts.dryRun?.length);
  const rvUnset = !opts.preconditions?.resourceVersion;

  const pod = (await s.get(s.pods, ns, name)) as PodView;
  if (canIgnorePDB(pod)) {
    const enforce = pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed" && !pod.metadata?.deletionTimestamp;
    const o = enforce && rvUnset ? { ...opts, preconditions: { ...(opts.preconditions ?? {}), resourceVersion: pod.metadata?.resourceVersion ?? "" } } : opts;
    await addConditionAndDelete(s, ns, name, o, isDry);
    return SUCCESS;
  }

  const labels = pod.metadata?.labels ?? {};
  const pdbs = ((await s.list(s.pdbs, ns)) as PdbView[]).filter((b) => {
    try {
      return labelSelectorAsMatcher(b.spec?.selector as never)(labels);
    } catch {
      return false; // an invalid selector matches nothing
    }
  });
  if (pdbs.length > 1) return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", code: 500 };
  let pinRv = false;
  const pdb = pdbs[0];
  if (pdb) {
    const unhealthyGoes = !isReady(pod) && (pdb.spec?.unhealthyPodEvictionPolicy === "AlwaysAllow" || ((pdb.status?.currentHealthy ?? 0) >= (pdb.status?.desiredHealthy ?? 0) && (pdb.status?.desiredHealthy ?? 0) > 0));
    if (unhealthyGoes) pinRv = true;
    else await checkAndDecrement(s, ns, name, pdb, isDry);
  }
  const o = pinRv ? { ...opts, preconditions: { ...(opts.preconditions ?? {}), resourceVersion: pod.metadata?.resourceVersion ?? "" } } : opts;
  try {
    await addConditionAndDelete(s, ns, name, o, isDry);
  } catch (e) {
    if (e instanceof StatusError && e.code === 409 && pinRv && rvUnset) throw stillProcessing(pdb?.metadata?.name ?? "");
    throw e;
  }
  return SUCCESS;
}

async function checkAndDecrement(s: EvictionStorage, ns: string, podName: string, first: PdbView, dryRun: boolean): Promise<void> {
  let pdb = first;
  for (let attempt = 0; ; attempt++) {
    const name = pdb.metadata?.name ?? "";
    const st = pdb.status ?? {};
    if ((st.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) throw stillProcessing(name);
    const allowed = st.disruptionsAllowed ?? 0;
    if (allowed < 0) throw forbiddenPdb(name, "pdb disruptions allowed is negative");
    if (Object.keys(st.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS) throw forbiddenPdb(name, "DisruptedPods map too big - too many evictions not confirmed by PDB controller");
    if (allowed === 0) {
      const cond = st.conditions?.find((c) => c.type === "DisruptionAllowed");
      let msg: string;
      if (cond && cond.status === "False" && cond.message && cond.reason === "SyncFailed") msg = `The disruption budget ${name} does not allow evicting pods currently because it failed sync: ${cond.message}`;
      else if ((st.currentHealthy ?? 0) <= (st.desiredHealthy ?? 0)) msg = `The disruption budget ${name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`;
      else if (cond && cond.status === "False" && cond.message) msg = `The disruption budget ${name} does not allow evicting pods currently (${cond.reason}): ${cond.message}`;
      else msg = `The disruption budget ${name} does not allow evicting pods currently`;
      throw tooManyRequests(msg, 0);
    }
    if (dryRun) return;
    const next = structuredClone(pdb) as PdbView & KubeObject;
    const ns2 = next.status!;
    ns2.disruptionsAllowed = allowed - 1;
    if (ns2.disruptionsAllowed === 0) setCondition(ns2, { type: "DisruptionAllowed", status: "False", reason: "InsufficientPods", message: "" }, pdb.metadata?.generation);
    ns2.disruptedPods = { ...(ns2.disruptedPods ?? {}), [podName]: rfc3339(new Date()) };
    try {
      await s.updateStatus(s.pdbs, ns, next);
      return;
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 409) || attempt >= 4) throw e;
      pdb = (await s.get(s.pdbs, ns, name)) as PdbView;
    }
  }
}

function setCondition(st: NonNullable<PdbView["status"]>, c: { type: string; status: string; reason: string; message: string }, generation: number | undefined): void {
  const list = st.conditions ?? [];
  const cur = list.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return;
  const next = { ...c, lastTransitionTime: cur && cur.status === c.status ? (cur.lastTransitionTime ?? rfc3339(new Date())) : rfc3339(new Date()), observedGeneration: generation ?? 0 };
  st.conditions = [...list.filter((x) => x.type !== c.type), next];
}

/** The DisruptionTarget condition (EvictionByEvictionAPI), then the delete. */
async function addConditionAndDelete(s: EvictionStorage, ns: string, name: string, opts: V1DeleteOptions, dryRun: boolean): Promise<void> {
  let o = opts;
  if (!dryRun) {
    const latest = (await s.get(s.pods, ns, name)) as PodView & KubeObject;
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== latest.metadata?.uid)
      throw new StatusError(409, "Conflict", `Operation cannot be fulfilled on Pod "${name}": the UID in the precondition (${pre.uid}) does not match the UID in record (${latest.metadata?.uid}). The object might have been deleted and then recreated`, { name, kind: "Pod" });
    if (pre?.resourceVersion && pre.resourceVersion !== latest.metadata?.resourceVersion)
      throw new StatusError(409, "Conflict", `Operation cannot be fulfilled on Pod "${name}": the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${latest.metadata?.resourceVersion}). The object might have been modified`, { name, kind: "Pod" });
    const status = latest.status ?? {};
    const cond = { type: "DisruptionTarget", status: "True", reason: "EvictionByEvictionAPI", message: "Eviction API: evicting", lastTransitionTime: rfc3339(new Date()) };
    const prev = status.conditions?.find((c) => c.type === "DisruptionTarget");
    if (!(prev && prev.status === "True" && prev.reason === cond.reason)) {
      status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== "DisruptionTarget"), cond];
      latest.status = status;
      const updated = await s.updateStatus(s.pods, ns, latest);
      if (pre?.resourceVersion) o = { ...opts, preconditions: { ...pre, resourceVersion: updated.metadata?.resourceVersion ?? "" } };
    }
  }
  await s.delete(s.pods, ns, name, o);
}
