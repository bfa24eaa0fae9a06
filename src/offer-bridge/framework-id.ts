/**
 * The framework id, kept in the API store (ConfigMap kube-system/berth-kubernetes-framework)
 * so that after a restart the framework re-subscribes as itself and the master hands back
 * its running tasks instead of treating it as new.
 */
import type { ApiClient, ResourceRef } from "../k8s-api/client/types.js";
import { ApiClientError } from "../k8s-api/client/types.js";
import type { KubeObject } from "../k8s-api/types.js";

const NS = "kube-system";
const NAME = "berth-kubernetes-framework";

export class FrameworkIdStore {
  constructor(
    private readonly client: ApiClient,
    private readonly configmaps: ResourceRef,
  ) {}

  async load(): Promise<string | undefined> {
    try {
      const cm = await this.client.get<KubeObject & { data?: Record<string, string> }>(this.configmaps, NS, NAME);
      return cm.data?.frameworkId || undefined;
    } catch (e) {
      if (e instanceof ApiClientError && e.code === 404) return undefined;
      throw e;
    }
  }

  async save(id: string | undefined): Promise<void> {
    const data = { frameworkId: id ?? "" };
    try {
      await this.client.patch(this.configmaps, NS, NAME, "merge", { data });
    } catch (e) {
      if (!(e instanceof ApiClientError && e.code === 404)) throw e;
      await this.client.create(this.configmaps, NS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: NAME, namespace: NS }, data });
    }
  }
}
