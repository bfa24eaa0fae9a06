/**
 * NodePorts as port resources, the Mesos way: the kubernetes framework holds every
 * Service's nodePort on every agent as an allocated `ports` resource, so the master never
 * offers it to another framework sharing the pool, and the agent's proxy listens on a
 * NodePort only while such a hold exists there (src/agents/proxy/proxy.ts, rules marked
 * `held`).
 *
 * A hold is one task per (agent, port) whose only resource is that port, launched for the
 * agent's built-in proxy executor (`berth.proxy`): it runs no process and stays RUNNING
 * until killed (src/agents/containerizers/ports.ts). Holds are taken from the offers of
 * the framework's default role, before pods are placed on them; a hold whose port no
 * Service wants any more is killed, and one that ends while still wanted is taken again
 * from the next offer. Holds found by reconciliation (after a framework restart) are
 * adopted.
 *
 * An agent whose offer lacks a wanted port (another framework holds it, a pod of ours
 * declares it, or it lies outside the agent's ports range) cannot serve the NodePort: a
 * Warning Event on the Service says so, once per agent and port until the port is held.
 */
import type { EventRecorder } from "../k8s-api/controllers/runtime/events.js";
import type { ExecutorInfo, TaskInfo, TaskState, TaskStatus } from "../mesos/v1.js";
import type { Logger } from "../util/log.js";
import { portsFree, withoutPorts, type Free } from "./placement.js";
import { isTerminal } from "./pod-status.js";
import { portsResource } from "./pod-tasks.js";
import { PROXY_EXECUTOR_ID, type ServiceObj } from "./services.js";

/** Task ids of holds: `berth-nodeport-<port>-<agent id>-<suffix>` (no dots: never a pod's task id). */
export const NODEPORT_TASK_PREFIX = "berth-nodeport-";
export const NODEPORT_UNAVAILABLE = "NodePortUnavailable";
/** A hold the agent could not run (no proxy executor there) is tried again after this long. */
const FAILED_RETRY_MS = 60_000;

/** nodePort -> the Service that has it (the proxy serves NodePorts of NodePort and LoadBalancer Services with a ClusterIP). */
export function wantedNodePorts(services: readonly ServiceObj[]): Map<number, ServiceObj> {
  const out = new Map<number, ServiceObj>();
  for (const svc of services) {
    const spec = svc.spec;
    if (!spec || (spec.type !== "NodePort" && spec.type !== "LoadBalancer")) continue;
    if (!spec.clusterIP || spec.clusterIP === "None") continue;
    for (const p of spec.ports ?? []) if (p.nodePort && !out.has(p.nodePort)) out.set(p.nodePort, svc);
  }
  return out;
}

interface Hold {
  readonly taskId: string;
  readonly agentId: string;
  readonly port: number;
  state: TaskState;
  killSent: boolean;
}

export interface NodePortHoldsOptions {
  readonly log: Logger;
  readonly services: () => readonly ServiceObj[];
  readonly frameworkId: () => string | undefined;
  readonly kill: (taskId: string, agentId: string) => void;
  readonly events: EventRecorder;
}

export interface AgentOffer {
  readonly agentId: string;
  readonly node: string;
  /** What the held offers of the default role leave; claimed ports are taken out. */
  readonly free: Free;
}

export class NodePortHolds {
  private readonly holds = new Map<string, Hold>();
  /** `<agent>/<port>` found unavailable (and reported) since it was last held or wanted anew. */
  private readonly unavailable = new Set<string>();
  /** `<agent>/<port>` -> when its hold last failed (an agent without the proxy executor): not retried for a while. */
  private readonly failed = new Map<string, number>();
  private seq = 0;

  constructor(private readonly opts: NodePortHoldsOptions) {}

  static isHoldTask(taskId: string): boolean {
    return taskId.startsWith(NODEPORT_TASK_PREFIX);
  }

  /** Live holds (for tests and logs). */
  held(): { agentId: string; port: number; state: TaskState }[] {
    return [...this.holds.values()].filter((h) => !isTerminal(h.state)).map((h) => ({ agentId: h.agentId, port: h.port, state: h.state }));
  }

  private live(agentId: string, port: number): boolean {
    for (const h of this.holds.values()) if (h.agentId === agentId && h.port === port && !isTerminal(h.state)) return true;
    return false;
  }

  /**
   * Takes every wanted port not yet held on these agents out of their offers: the LAUNCH
   * tasks per agent. Ports an offer lacks are reported on their Service.
   */
  claim(agents: readonly AgentOffer[]): Map<string, TaskInfo[]> {
    const out = new Map<string, TaskInfo[]>();
    const fid = this.opts.frameworkId();
    if (!fid) return out;
    const wanted = wantedNodePorts(this.opts.services());
    const executor: ExecutorInfo = { type: "CUSTOM", executor_id: { value: PROXY_EXECUTOR_ID }, framework_id: { value: fid }, name: "berth proxy" };
    for (const { agentId, node, free } of agents) {
      for (const [port, svc] of wanted) {
        if (this.live(agentId, port)) continue;
        const k = `${agentId}/${port}`;
        if (Date.now() - (this.failed.get(k) ?? -Infinity) < FAILED_RETRY_MS) continue;
        if (!portsFree([port], free.ports)) {
          if (this.unavailable.has(k)) continue;
          this.unavailable.add(k);
          const m = svc.metadata ?? {};
          this.opts.log.warn("nodePort not offered on an agent: the Service does not listen there", { service: `${m.namespace}/${m.name}`, node, port });
          this.opts.events.event(svc, "Warning", NODEPORT_UNAVAILABLE, `nodePort ${port} is not available on node ${node}: another framework of the pool holds it, a pod on the node declares it, or the agent does not offer it; the Service does not listen there until the port can be held`);
          continue;
        }
        free.ports = withoutPorts(free.ports ?? [], [port]);
        this.unavailable.delete(k);
        this.failed.delete(k);
        const taskId = `${NODEPORT_TASK_PREFIX}${port}-${agentId}-${Date.now().toString(36)}${(this.seq++).toString(36)}`;
        this.holds.set(taskId, { taskId, agentId, port, state: "TASK_STAGING", killSent: false });
        const list = out.get(agentId) ?? [];
        list.push({ name: `nodePort ${port}`, task_id: { value: taskId }, agent_id: { value: agentId }, resources: [portsResource([port])!], executor });
        out.set(agentId, list);
      }
    }
    if (out.size) this.opts.log.info("holding nodePorts", { holds: [...out].map(([a, ts]) => `${a}: ${ts.map((t) => t.name).join(", ")}`) });
    return out;
  }

  /**
   * Whether offers are still needed: a wanted port on one of these agents that is neither
   * held nor found unavailable (those wait for the framework's periodic revive).
   */
  wantsOffers(agentIds: readonly string[]): boolean {
    const wanted = wantedNodePorts(this.opts.services());
    for (const a of agentIds) for (const port of wanted.keys()) if (!this.live(a, port) && !this.unavailable.has(`${a}/${port}`) && !this.failed.has(`${a}/${port}`)) return true;
    return false;
  }

  /** A hold's status update (true: it was a hold's; the caller acknowledges it anyway). */
  onStatus(s: TaskStatus): boolean {
    const id = s.task_id.value;
    if (!NodePortHolds.isHoldTask(id)) return false;
    let h = this.holds.get(id);
    if (!h) {
      // Reconciliation after a restart: adopt it (id carries port and agent).
      const m = /^berth-nodeport-(\d+)-(.+)-[0-9a-z]+$/.exec(id);
      const agentId = s.agent_id?.value ?? m?.[2];
      if (!m || !agentId || isTerminal(s.state)) return true;
      h = { taskId: id, agentId, port: Number(m[1]), state: s.state, killSent: false };
      this.holds.set(id, h);
    }
    h.state = s.state;
    if (isTerminal(s.state)) {
      this.holds.delete(id);
      if (s.state === "TASK_FAILED" || s.state === "TASK_ERROR") this.failed.set(`${h.agentId}/${h.port}`, Date.now());
      if (s.state !== "TASK_KILLED") this.opts.log.warn("nodePort hold ended", { task: id, state: s.state, message: s.message });
      return true;
    }
    this.sync();
    return true;
  }

  /** Services changed: kill holds of ports no Service wants (and duplicates); forget stale reports. */
  sync(): void {
    const wanted = wantedNodePorts(this.opts.services());
    const seen = new Set<string>();
    for (const h of this.holds.values()) {
      if (isTerminal(h.state)) continue;
      const k = `${h.agentId}/${h.port}`;
      if (wanted.has(h.port) && !seen.has(k)) {
        seen.add(k);
        continue;
      }
      if (h.killSent) continue;
      h.killSent = true;
      this.opts.log.info("releasing nodePort", { task: h.taskId, port: h.port });
      this.opts.kill(h.taskId, h.agentId);
    }
    for (const k of [...this.unavailable]) if (!wanted.has(Number(k.slice(k.lastIndexOf("/") + 1)))) this.unavailable.delete(k);
  }
}
