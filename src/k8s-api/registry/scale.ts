/** The scale subresource: an autoscaling/v1 Scale view of replicas and selector. */
import type { KubeObject } from "../types.js";
import { isJsonObject } from "../types.js";
import { badRequest, conflict } from "../errors.js";
import { clone, metaOf } from "./object-meta.js";
import type { ResourceInfo } from "./types.js";
import { selectorString } from "../selectors/index.js";

interface Scalable {
  spec?: { replicas?: number; selector?: unknown };
  status?: { replicas?: number; selector?: string };
}

/** autoscaling/v1 Scale of a Deployment, ReplicaSet, StatefulSet or ReplicationController. */
export function scaleOf(info: ResourceInfo, obj: KubeObject): KubeObject {
  const o = obj as KubeObject & Scalable;
  const meta = metaOf(obj);
  const sel = o.spec?.selector;
  // ReplicationController selectors are plain maps; the apps kinds use LabelSelector.
  const selector = info.kind === "ReplicationController" ? mapSelector(sel) : isJsonObject(sel) ? selectorString(sel) : "";
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: {
      name: meta.name!,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      uid: meta.uid!,
      resourceVersion: meta.resourceVersion!,
      creationTimestamp: meta.creationTimestamp!,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

/** The object with spec.replicas from scale (a Scale's resourceVersion makes it conditional). */
export function applyScale(info: ResourceInfo, current: KubeObject, scale: KubeObject): KubeObject {
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
  if (replicas !== undefined && (typeof replicas !== "number" || !Number.isInteger(replicas)))
    throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  const next = clone(current) as KubeObject & Scalable;
  const wantRV = scale.metadata?.resourceVersion;
  if (wantRV && wantRV !== current.metadata?.resourceVersion)
    throw conflict(info.group, info.plural, metaOf(current).name ?? "", "the object has been modified; please apply your changes to the latest version and try again");
  next.spec = { ...(next.spec ?? {}), replicas: (replicas as number | undefined) ?? 0 };
  return next;
}

function mapSelector(sel: unknown): string {
  if (!isJsonObject(sel)) return "";
  return Object.keys(sel)
    .sort()
    .map((k) => `${k}=${String(sel[k])}`)
    .join(",");
}
