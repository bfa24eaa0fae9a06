/**
 * The v1 operator API (POST /api/v1, include/mesos/v1/master/master.proto): JSON calls
 * {"type": "GET_STATE"} answered with {"type": "GET_STATE", "get_state": {...}}; mutating
 * calls answer 200 with an empty body, as Mesos' handlers do.
 */
import type { Request, Response } from "express";
import { MesosApiError } from "../../mesos/link.js";
import { Resources, validateRole } from "../../mesos/resources.js";
import { MASTER_VERSION, type Master } from "../master.js";
import { getAgents, getExecutors, getFrameworks, getRoles, getState, getTasks, metricsSnapshot } from "../views.js";
import { parseJsonCall, sendError } from "./stream.js";

type Scalar = Record<string, { value: number }>;
interface OperatorCall {
  readonly type?: string;
  readonly update_weights?: { readonly weight_infos?: readonly { readonly role?: string; readonly weight: number }[] };
  readonly update_quota?: { readonly force?: boolean; readonly quota_configs?: readonly { readonly role: string; readonly guarantees?: Scalar; readonly limits?: Scalar }[] };
  readonly teardown?: { readonly framework_id: { readonly value: string } };
}

function quantities(s: Scalar | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(s ?? {})) out[k] = v.value;
  return out;
}

function fmtQuantities(q: Record<string, number>): string {
  const entries = Object.entries(q);
  return entries.length ? entries.map(([k, v]) => `${k}:${v}`).join("; ") : "{}";
}

function updateWeights(m: Master, call: OperatorCall): void {
  const infos = call.update_weights?.weight_infos;
  if (!infos) throw new MesosApiError(400, "Failed to validate master::Call: Expecting 'update_weights' to be present");
  const next: Record<string, number> = {};
  for (const w of infos) {
    const role = (w.role ?? "").trim();
    const err = validateRole(role);
    if (err) throw new MesosApiError(400, `Failed to validate update weights request JSON: Invalid role '${role}': ${err}`);
    if (!(w.weight > 0)) throw new MesosApiError(400, `Failed to validate update weights request JSON for role '${role}': Invalid weight '${w.weight}': Weights must be positive`);
    next[role] = w.weight;
  }
  for (const [r, w] of Object.entries(next)) m.weights.set(r, w);
  m.allocator.updateWeights(next);
}

function updateQuota(m: Master, call: OperatorCall): void {
  const u = call.update_quota;
  if (!u) throw new MesosApiError(400, "Failed to validate master::Call: Expecting 'update_quota' to be present");
  const configs = u.quota_configs ?? [];
  for (const c of configs) {
    if (c.role.includes("/")) throw new MesosApiError(400, `Updating quota on nested role '${c.role}' is not supported yet`);
    const err = validateRole(c.role);
    if (err) throw new MesosApiError(400, `Invalid QuotaConfig: ${err}`);
    if (c.role === "*") throw new MesosApiError(400, "Invalid QuotaConfig: Invalid role: Cannot set quota on the default role '*'");
    const g = quantities(c.guarantees);
    const l = quantities(c.limits);
    for (const [k, v] of [...Object.entries(g), ...Object.entries(l)]) {
      if (!(v >= 0) || !Number.isFinite(v)) throw new MesosApiError(400, `Invalid QuotaConfig: Negative or non-finite quantity '${k}:${v}'`);
    }
    for (const [k, v] of Object.entries(g)) {
      if (l[k] !== undefined && v > l[k]!) throw new MesosApiError(400, `Invalid QuotaConfig: guarantees '${fmtQuantities(g)}' is not contained within limits '${fmtQuantities(l)}'`);
    }
  }
  if (!u.force) {
    let capacity = Resources.EMPTY;
    for (const a of m.agents.values()) capacity = capacity.add(a.total.scalars());
    const total: Record<string, number> = {};
    const after = new Map(m.quotas);
    for (const c of configs) after.set(c.role, c);
    for (const c of after.values()) for (const [k, v] of Object.entries(quantities(c.guarantees))) total[k] = (total[k] ?? 0) + v;
    const cap = capacity.quantities();
    if (Object.entries(total).some(([k, v]) => v > (cap[k] ?? 0))) {
      throw new MesosApiError(400, `Invalid QuotaConfig: total quota guarantees '${fmtQuantities(total)}' exceed cluster capacity '${fmtQuantities(cap)}' (use 'force' flag to bypass this check)`);
    }
  }
  for (const c of configs) {
    m.quotas.set(c.role, c);
    m.allocator.updateQuota(c.role, { guarantees: quantities(c.guarantees), limits: quantities(c.limits) });
  }
}

export function operatorHandler(m: Master) {
  return (req: Request, res: Response): void => {
    try {
      const call = parseJsonCall<OperatorCall>(req, "master");
      const reply = (body: Record<string, unknown>) => res.status(200).json({ type: call.type, ...body });
      switch (call.type) {
        case undefined:
          throw new MesosApiError(400, "Failed to validate master::Call: Expecting 'type' to be present");
        case "GET_HEALTH":
          return void reply({ get_health: { healthy: true } });
        case "GET_VERSION":
          return void reply({ get_version: { version_info: { version: MASTER_VERSION, build_user: "berth", build_time: m.startTime / 1000 } } });
        case "GET_STATE":
          return void reply({ get_state: getState(m) });
        case "GET_AGENTS":
          return void reply({ get_agents: getAgents(m) });
        case "GET_FRAMEWORKS":
          return void reply({ get_frameworks: getFrameworks(m) });
        case "GET_TASKS":
          return void reply({ get_tasks: getTasks(m) });
        case "GET_EXECUTORS":
          return void reply({ get_executors: getExecutors(m) });
        case "GET_ROLES":
          return void reply({ get_roles: getRoles(m) });
        case "GET_WEIGHTS":
          return void reply({ get_weights: { weight_infos: [...m.weights].map(([role, weight]) => ({ role, weight })) } });
        case "GET_QUOTA":
          return void reply({ get_quota: { status: { configs: [...m.quotas.values()] } } });
        case "GET_MASTER":
          return void reply({ get_master: { master_info: m.info, start_time: m.startTime / 1000, elected_time: m.startTime / 1000 } });
        case "GET_METRICS":
          return void reply({ get_metrics: { metrics: Object.entries(metricsSnapshot(m)).map(([name, value]) => ({ name, value })) } });
        case "UPDATE_WEIGHTS":
          updateWeights(m, call);
          return void res.status(200).end();
        case "UPDATE_QUOTA":
          updateQuota(m, call);
          return void res.status(200).end();
        case "TEARDOWN": {
          const id = call.teardown?.framework_id?.value;
          if (!id) throw new MesosApiError(400, "Failed to validate master::Call: Expecting 'teardown' to be present");
          const fw = m.frameworks.get(id);
          if (!fw) throw new MesosApiError(400, `No framework found with specified ID`);
          m.removeFramework(fw);
          return void res.status(200).end();
        }
        default:
          throw new MesosApiError(501, `Unsupported operator call type ${call.type}`);
      }
    } catch (e) {
      sendError(res, e);
    }
  };
}
