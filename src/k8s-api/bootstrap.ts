/**
 * What kube-apiserver creates for itself at start: the system namespaces and the
 * "kubernetes" Service and Endpoints in default that point at the API server.
 */
import { StatusError } from "./errors.js";
import type { KubeObject } from "./types.js";
import { IMMORTAL_NAMESPACES, type Registry } from "./registry/registry.js";
import { findResource } from "./registry/resources.js";
import type { ResourceInfo } from "./registry/types.js";

const MANAGER = { fieldManager: "kube-apiserver" };

function must(group: string, version: string, plural: string): ResourceInfo {
  const info = findResource(group, version, plural);
  if (!info) throw new Error(`missing resource ${plural}`);
  return info;
}

/** Create obj unless it exists. */
async function ensure(registry: Registry, info: ResourceInfo, ns: string, obj: KubeObject): Promise<void> {
  try {
    await registry.create(info, ns, obj, MANAGER);
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 409)) throw e;
  }
}

export interface ApiEndpoint {
  readonly host: string;
  readonly port: number;
}

export async function bootstrapApiObjects(registry: Registry, endpoint: ApiEndpoint): Promise<void> {
  const namespaces = must("", "v1", "namespaces");
  for (const name of IMMORTAL_NAMESPACES) await ensure(registry, namespaces, "", { apiVersion: "v1", kind: "Namespace", metadata: { name } });

  const services = must("", "v1", "services");
  await ensure(registry, services, "default", {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: { type: "ClusterIP", sessionAffinity: "None", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: endpoint.port }] },
  });
  const endpoints = must("", "v1", "endpoints");
  const desired = {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: endpoint.host }], ports: [{ name: "https", port: endpoint.port, protocol: "TCP" }] }],
  };
  try {
    await registry.update(endpoints, "default", "kubernetes", desired, MANAGER);
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e;
    await ensure(registry, endpoints, "default", desired);
  }
}
