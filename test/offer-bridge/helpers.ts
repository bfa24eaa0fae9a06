/**
 * An in-process cluster for the kubernetes framework: Registry over MemoryStore with a
 * LocalClient, a real master (port 0) and a real agent with the process containerizer in
 * a temporary work directory, and the framework subscribed over the in-process link.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { bootstrapApiObjects } from "../../src/k8s-api/bootstrap.js";
import type { ApiClient } from "../../src/k8s-api/client/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { startMaster, type RunningMaster } from "../../src/resource-manager/index.js";
import { startAgent, type Agent } from "../../src/agents/index.js";
import { startKubeFramework, type KubeFramework, type KubeFrameworkOptions } from "../../src/offer-bridge/index.js";
import type { Attribute, Resource } from "../../src/mesos/v1.js";
import type { SchedulerApi } from "../../src/mesos/link.js";
import { createLogger, type Level, type Logger } from "../../src/util/log.js";

export const PODS = { group: "", version: "v1", plural: "pods" } as const;
export const NODES = { group: "", version: "v1", plural: "nodes" } as const;
export const EVENTS = { group: "", version: "v1", plural: "events" } as const;
export const LEASES = { group: "coordination.k8s.io", version: "v1", plural: "leases" } as const;

export interface TestCluster {
  readonly client: ApiClient;
  readonly registry: Registry;
  readonly rm: RunningMaster;
  agent: Agent;
  framework: KubeFramework;
  readonly workDir: string;
  readonly log: Logger;
  /** Stop the framework and start a new one on the same API and master. */
  restartFramework(): Promise<void>;
  stop(): Promise<void>;
}

export function testLogger(role: string): Logger {
  return createLogger(role, { level: (process.env.BERTH_LOG_LEVEL as Level | undefined) ?? "error" });
}

const scalar = (name: string, value: number): Resource => ({ name, type: "SCALAR", scalar: { value } });

/** ports: the agent's ports resource (default [1024-32767], as `berth up`'s local agent). */
export async function startCluster(opts: { cpus?: number; mem?: number; ports?: { begin: number; end: number }[]; framework?: Partial<KubeFrameworkOptions>; attributes?: Attribute[]; extraResources?: Resource[]; podNetwork?: "bridge" | "host"; wrapScheduler?: (s: SchedulerApi) => SchedulerApi; extraAgents?: number } = {}): Promise<TestCluster> {
  const log = testLogger("offer-bridge-test");
  const registry = new Registry(new MemoryStore());
  await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
  const client = new LocalClient(registry, "offer-bridge-test");
  const rm = await startMaster({ port: 0, logger: log.child({ component: "master" }), allocationIntervalMs: 50 });
  const workDir = mkdtempSync(join(tmpdir(), "berth-bridge-"));
  const agent = await startAgent({
    api: rm.master.agentApi,
    workDir,
    hostname: "127.0.0.1",
    log: log.child({ component: "agent" }),
    resources: [scalar("cpus", opts.cpus ?? 2), scalar("mem", opts.mem ?? 2048), scalar("disk", 4096), { name: "ports", type: "RANGES", ranges: { range: opts.ports ?? [{ begin: 1024, end: 32767 }] } }, ...(opts.extraResources ?? [])],
    ...(opts.attributes ? { attributes: opts.attributes } : {}),
    cgroupRoot: false,
    ...(opts.podNetwork ? { podNetwork: opts.podNetwork } : {}),
  });
  await agent.registered;
  // More agents of the same shape, registered before the framework subscribes (so its first round offers them all).
  const extra: Agent[] = [];
  for (let i = 0; i < (opts.extraAgents ?? 0); i++) {
    const a = await startAgent({ api: rm.master.agentApi, workDir: join(workDir, `extra-${i}`), hostname: "127.0.0.1", log: log.child({ component: `agent-${i + 1}` }), resources: [scalar("cpus", opts.cpus ?? 2), scalar("mem", opts.mem ?? 2048), scalar("disk", 4096)], cgroupRoot: false });
    await a.registered;
    extra.push(a);
  }
  const fwOpts: KubeFrameworkOptions = { client: new LocalClient(registry, "kubernetes-framework"), scheduler: opts.wrapScheduler ? opts.wrapScheduler(rm.master.scheduler) : rm.master.scheduler, log: log.child({ component: "kube-framework" }), reconcileSettleMs: 300, ...opts.framework };
  const framework = await startKubeFramework(fwOpts);
  await framework.ready;
  const c: TestCluster = {
    client,
    registry,
    rm,
    agent,
    framework,
    workDir,
    log,
    async restartFramework() {
      await c.framework.stop();
      c.framework = await startKubeFramework(fwOpts);
      await c.framework.ready;
    },
    async stop() {
      await c.framework.stop();
      await c.agent.stop({ killTasks: true });
      for (const a of extra) await a.stop({ killTasks: true });
      await rm.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return c;
}

/** Poll fn until it returns something other than undefined/false, or fail after timeoutMs. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface PodShape extends KubeObject {
  spec?: { nodeName?: string; containers?: { name: string }[] };
  status?: {
    phase?: string;
    hostIP?: string;
    podIP?: string;
    startTime?: string;
    qosClass?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: { name: string; ready: boolean; started: boolean; restartCount: number; image: string; imageID: string; state: { waiting?: { reason?: string; message?: string }; running?: { startedAt: string }; terminated?: { exitCode: number; reason?: string; startedAt?: string; finishedAt?: string } } }[];
  };
}

export function pod(name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", ...extra }, spec };
}

export async function getPod(c: TestCluster, name: string): Promise<PodShape | undefined> {
  try {
    return await c.client.get<PodShape>(PODS, "default", name);
  } catch {
    return undefined;
  }
}

export async function eventsFor(c: TestCluster, name: string): Promise<{ reason: string; message: string; type: string; source?: { component?: string } }[]> {
  const l = await c.client.list(EVENTS, "default");
  return (l.items as unknown as { involvedObject: { name: string }; reason: string; message: string; type: string; source?: { component?: string } }[]).filter((e) => e.involvedObject.name === name);
}
