/** A small cluster for controller tests: Registry over MemoryStore, LocalClient, the controllers. */
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import type { ApiClient, ResourceRef } from "../../src/k8s-api/client/types.js";
import { ApiClientError } from "../../src/k8s-api/client/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { startControllers, type ControllersHandle, type StartControllersOptions } from "../../src/k8s-api/controllers/index.js";
import { createLogger, type Level } from "../../src/util/log.js";

export const NS = { group: "", version: "v1", plural: "namespaces" } as const;
export const PODS = { group: "", version: "v1", plural: "pods" } as const;
export const RS = { group: "apps", version: "v1", plural: "replicasets" } as const;
export const RC = { group: "", version: "v1", plural: "replicationcontrollers" } as const;
export const DEPLOY = { group: "apps", version: "v1", plural: "deployments" } as const;
export const SA = { group: "", version: "v1", plural: "serviceaccounts" } as const;
export const CM = { group: "", version: "v1", plural: "configmaps" } as const;
export const EVENTS = { group: "", version: "v1", plural: "events" } as const;

export interface Cluster {
  readonly client: ApiClient;
  readonly registry: Registry;
  readonly controllers: ControllersHandle;
  stop(): void;
}

/** A fresh store, registry and controllers, with the namespace "default". */
export async function newCluster(opts: StartControllersOptions = {}): Promise<Cluster> {
  const store = new MemoryStore();
  const registry = new Registry(store);
  const client = new LocalClient(registry, "kube-controller-manager");
  await createNamespace(client, "default");
  const log = createLogger("controllers-test", { level: (process.env.BERTH_LOG_LEVEL as Level | undefined) ?? "error" });
  const controllers = await startControllers(client, log, opts);
  return {
    client,
    registry,
    controllers,
    stop: () => {
      controllers.stop();
    },
  };
}

export async function createNamespace(client: ApiClient, name: string): Promise<KubeObject> {
  return client.create(NS, "", { apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: { finalizers: ["kubernetes"] } });
}

/** Poll fn until it returns something other than undefined/false, or fail after timeoutMs. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000): Promise<T> {
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
    await new Promise((r) => setTimeout(r, 15));
  }
}

export async function list<T extends KubeObject = KubeObject>(client: ApiClient, r: ResourceRef, ns: string, labelSelector?: string): Promise<T[]> {
  return (await client.list<T>(r, ns, labelSelector ? { labelSelector } : {})).items;
}

export async function getOrUndefined<T extends KubeObject = KubeObject>(client: ApiClient, r: ResourceRef, ns: string, name: string): Promise<T | undefined> {
  try {
    return await client.get<T>(r, ns, name);
  } catch (e) {
    if (e instanceof ApiClientError && e.code === 404) return undefined;
    throw e;
  }
}

/** Objects in ns whose controller reference points at owner. */
export async function ownedBy<T extends KubeObject = KubeObject>(client: ApiClient, r: ResourceRef, owner: KubeObject): Promise<T[]> {
  const ns = owner.metadata?.namespace ?? "";
  return (await list<T>(client, r, ns)).filter((o) => (o.metadata?.ownerReferences ?? []).some((ref) => ref.uid === owner.metadata?.uid && ref.controller));
}

export function deployment(name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "main", image: "busybox", command: ["sleep", "3600"] }] } },
      ...extra,
    },
  };
}

/**
 * Stand-in for a kubelet: every pod in ns becomes Running and Ready, until stopped.
 */
export function fakeKubelet(client: ApiClient, ns: string): { stop(): void } {
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      try {
        for (const p of await list<KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string }[] } }>(client, PODS, ns)) {
          if (p.metadata?.deletionTimestamp || p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")) continue;
          const now = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
          await client
            .update(PODS, ns, { ...p, status: { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: now }] } }, { subresource: "status" })
            .catch(() => undefined);
        }
      } catch {
        // the namespace may be going away
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  void loop();
  return { stop: () => (stopped = true) };
}
