/**
 * The controller ref manager (pkg/controller/controller_ref_manager.go): a controller
 * claims the objects its selector matches — adopting orphans, keeping its own, and
 * releasing its own that no longer match — and never touches what another controller
 * owns. Adoption and release are JSON merge patches of metadata.ownerReferences made
 * conditional on the resourceVersion the decision was based on.
 */
import type { ApiClient, ResourceRef } from "../../client/types.js";
import type { KubeObject } from "../../types.js";
import type { Logger } from "../../../util/log.js";
import { ApiClientError } from "../../client/types.js";
import { controllerOf, isNotFound, meta, type OwnerReference } from "./objects.js";

export interface ClaimOptions {
  readonly client: ApiClient;
  readonly log: Logger;
  /** The resource of the claimed objects (pods, replicasets). */
  readonly resource: ResourceRef;
  /** The claiming controller object (a ReplicaSet, a Deployment). */
  readonly owner: KubeObject;
  readonly ownerApiVersion: string;
  readonly ownerKind: string;
  readonly match: (obj: KubeObject) => boolean;
  /**
   * Checked (at most once per claim) before the first adoption: upstream's
   * RecheckDeletionTimestamp, an uncached read of the owner that must still exist with
   * the same uid and no deletionTimestamp. Throws to refuse.
   */
  readonly canAdopt: () => Promise<void>;
}

/** ClaimObject over a list: the objects the owner now controls. Errors are collected and thrown after the pass. */
export async function claimObjects<T extends KubeObject>(o: ClaimOptions, objs: readonly T[]): Promise<T[]> {
  const ownerMeta = meta(o.owner);
  const ownerUid = ownerMeta.uid ?? "";
  const claimed: T[] = [];
  const errors: unknown[] = [];
  let adoptCheck: Promise<void> | undefined;
  for (const obj of objs) {
    const m = meta(obj);
    const cref = controllerOf(obj);
    try {
      if (cref) {
        if (cref.uid !== ownerUid) continue;
        if (o.match(obj)) {
          claimed.push(obj);
          continue;
        }
        if (ownerMeta.deletionTimestamp) continue;
        await release(o, obj);
        continue;
      }
      if (ownerMeta.deletionTimestamp || !o.match(obj)) continue;
      if (m.deletionTimestamp) continue;
      if (ownerMeta.namespace && ownerMeta.namespace !== m.namespace) continue;
      adoptCheck ??= o.canAdopt();
      await adoptCheck;
      if (await adopt(o, obj)) claimed.push(obj);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors, errors.map(String).join("; "));
  return claimed;
}

async function adopt(o: ClaimOptions, obj: KubeObject): Promise<boolean> {
  const m = meta(obj);
  const ownerMeta = meta(o.owner);
  const ref: OwnerReference = { apiVersion: o.ownerApiVersion, kind: o.ownerKind, name: ownerMeta.name ?? "", uid: ownerMeta.uid ?? "", controller: true, blockOwnerDeletion: true };
  const refs = [...(m.ownerReferences ?? []).filter((r) => r.uid !== ref.uid), ref];
  o.log.info("adopting", { kind: obj.kind, object: `${m.namespace}/${m.name}`, owner: `${ownerMeta.namespace}/${ownerMeta.name}` });
  try {
    await o.client.patch(o.resource, m.namespace ?? "", m.name ?? "", "merge", { metadata: { ownerReferences: refs, resourceVersion: m.resourceVersion, uid: m.uid } });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

async function release(o: ClaimOptions, obj: KubeObject): Promise<void> {
  const m = meta(obj);
  const ownerUid = meta(o.owner).uid;
  const refs = (m.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  o.log.info("releasing", { kind: obj.kind, object: `${m.namespace}/${m.name}`, owner: `${meta(o.owner).namespace}/${meta(o.owner).name}` });
  try {
    await o.client.patch(o.resource, m.namespace ?? "", m.name ?? "", "merge", { metadata: { ownerReferences: refs.length ? refs : null, resourceVersion: m.resourceVersion, uid: m.uid } });
  } catch (e) {
    // Gone, or deleted and recreated (422 on the uid): nothing left to release.
    if (isNotFound(e) || (e instanceof ApiClientError && e.code === 422)) return;
    throw e;
  }
}

/**
 * controller.RecheckDeletionTimestamp over a fresh GET: the owner must still be the
 * same object and not being deleted.
 */
export function recheckDeletionTimestamp(client: ApiClient, resource: ResourceRef, owner: KubeObject): () => Promise<void> {
  return async () => {
    const m = meta(owner);
    const fresh = await client.get(resource, m.namespace ?? "", m.name ?? "");
    const fm = meta(fresh);
    if (fm.uid !== m.uid) throw new Error(`original ${owner.kind} ${m.namespace}/${m.name} is gone: got uid ${fm.uid}, wanted ${m.uid}`);
    if (fm.deletionTimestamp) throw new Error(`${owner.kind} ${m.namespace}/${m.name} has just been deleted at ${fm.deletionTimestamp}`);
  };
}
