/**
 * The service account controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
 * every active namespace has a "default" ServiceAccount, recreated when deleted.
 *
 * kube-controller-manager's root CA publisher also puts a ConfigMap "kube-root-ca.crt"
 * (data key ca.crt: the API server's CA bundle) in every namespace. berth serves plain
 * HTTP on loopback and has no CA yet, and an empty ca.crt would mislead clients that
 * mount it, so that ConfigMap is deliberately not created; it belongs here once the API
 * server serves TLS.
 */
import type { KubeObject } from "../types.js";
import type { Informer } from "../client/informer.js";
import type { Logger } from "../../util/log.js";
import type { Controller, ControllerContext } from "./runtime/controller.js";
import { SyncLoop } from "./runtime/controller.js";
import { NAMESPACES, SERVICE_ACCOUNTS, isAlreadyExists, isNamespaceTerminating, meta } from "./util/objects.js";

/** The service accounts every namespace gets (DefaultServiceAccountsControllerOptions). */
const SERVICE_ACCOUNTS_TO_ENSURE: readonly string[] = ["default"];

interface Namespace extends KubeObject {
  status?: { phase?: string };
}

export class ServiceAccountsController implements Controller {
  readonly name = "serviceaccount-controller";
  private readonly log: Logger;
  private readonly loop: SyncLoop;
  private readonly namespaces: Informer<Namespace>;
  private readonly serviceAccounts: Informer;

  constructor(
    private readonly ctx: ControllerContext,
    workers = 1,
  ) {
    this.log = ctx.log.child({ controller: this.name });
    this.loop = new SyncLoop("serviceaccount", this.log, (ns) => this.sync(ns), { workers });
    this.namespaces = ctx.informers.for<Namespace>(NAMESPACES);
    this.serviceAccounts = ctx.informers.for(SERVICE_ACCOUNTS);
    const enqueueNs = (ns: KubeObject) => this.loop.queue.add(meta(ns).name ?? "");
    this.namespaces.on({ add: enqueueNs, update: enqueueNs });
    this.serviceAccounts.on({
      delete: (sa) => {
        const m = meta(sa);
        if (SERVICE_ACCOUNTS_TO_ENSURE.includes(m.name ?? "")) this.loop.queue.add(m.namespace ?? "");
      },
    });
  }

  async start(): Promise<void> {
    this.loop.start();
    this.log.info("started");
  }

  stop(): void {
    this.loop.stop();
  }

  private async sync(name: string): Promise<void> {
    const ns = this.namespaces.get(name);
    if (!ns) return;
    // Only active namespaces get content (a namespace whose phase is not set yet and
    // which is not being deleted counts as active).
    const phase = ns.status?.phase ?? (meta(ns).deletionTimestamp ? "Terminating" : "Active");
    if (phase !== "Active") return;
    const failures: unknown[] = [];
    for (const sa of SERVICE_ACCOUNTS_TO_ENSURE) {
      if (this.serviceAccounts.get(`${name}/${sa}`)) continue;
      try {
        await this.ctx.client.create(SERVICE_ACCOUNTS, name, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: sa, namespace: name } });
        this.log.info("created service account", { namespace: name, serviceAccount: sa });
      } catch (e) {
        if (isAlreadyExists(e) || isNamespaceTerminating(e, true)) continue;
        failures.push(e);
      }
    }
    if (failures.length) throw failures[0];
  }
}
