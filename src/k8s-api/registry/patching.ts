/** Applying a PATCH body of any of the four Kubernetes patch types to the current object. */
import { applyJsonPatch, applyMergePatch, applyMergePatchInPlace, applyStrategicMergePatch, applyServerSide } from "../patch/index.js";
import { badRequest, StatusError } from "../errors.js";
import { isJsonObject, type KubeObject } from "../types.js";
import { apiVersionOf, type ResourceInfo } from "./types.js";
import { clone, metaOf } from "./object-meta.js";

export type PatchType = "json" | "merge" | "strategic" | "apply";

/** Content-Type of a PATCH request -> patch type (415 for anything else). */
export function patchTypeOf(contentType: string | undefined): PatchType {
  const ct = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  switch (ct) {
    case "application/json-patch+json":
      return "json";
    case "application/merge-patch+json":
      return "merge";
    case "application/strategic-merge-patch+json":
      return "strategic";
    case "application/apply-patch+yaml":
    case "application/apply-patch+json":
      return "apply";
    default:
      throw new StatusError(
        415,
        "UnsupportedMediaType",
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
      );
  }
}

export interface PatchRequest {
  readonly info: ResourceInfo;
  /** The stored object; undefined only for an apply that creates. */
  readonly current: KubeObject | undefined;
  readonly type: PatchType;
  readonly body: unknown;
  readonly name: string;
  readonly namespace: string;
  readonly manager: string;
  readonly force: boolean;
  readonly now: Date;
  readonly subresource: string | undefined;
  /** `current` is the caller's own copy, which the patch may consume (a merge or strategic merge patch is then applied in place). */
  readonly consumeCurrent?: boolean;
}

/** The object after the patch; name and namespace may not be changed by it. */
export function applyPatch(r: PatchRequest): KubeObject {
  const { info, current, type, body } = r;
  // Read before the patch: with consumeCurrent, current may be the patched object itself.
  const curName = current ? metaOf(current).name : undefined;
  const curNamespace = current ? metaOf(current).namespace : undefined;
  let next: KubeObject;
  switch (type) {
    case "json":
      if (!Array.isArray(body)) throw badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
      next = applyJsonPatch(current!, body) as KubeObject;
      break;
    case "merge":
      if (!isJsonObject(body)) throw badRequest("error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}");
      next = (r.consumeCurrent && current ? applyMergePatchInPlace(current, body) : applyMergePatch(current!, body)) as KubeObject;
      break;
    case "strategic":
      if (!isJsonObject(body)) throw badRequest("error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}");
      next = applyStrategicMergePatch(current!, body, info.model, Boolean(r.consumeCurrent && current)) as KubeObject;
      break;
    case "apply": {
      if (!isJsonObject(body)) throw badRequest("error decoding patch: the apply configuration must be an object");
      const config = clone(body) as KubeObject;
      const want = apiVersionOf(info);
      if (config.apiVersion !== want || config.kind !== info.kind)
        throw badRequest(`the API version and kind in the apply configuration (${String(config.apiVersion)}, ${String(config.kind)}) do not match the request (${want}, ${info.kind})`);
      const cm = metaOf(config);
      if (cm.name !== undefined && cm.name !== r.name) throw badRequest(`the name of the object (${cm.name}) does not match the name on the URL (${r.name})`);
      cm.name = r.name;
      if (info.namespaced) {
        if (cm.namespace !== undefined && cm.namespace !== r.namespace) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
        cm.namespace = r.namespace;
      }
      next = applyServerSide(current, config, {
        manager: r.manager,
        force: r.force,
        apiVersion: want,
        now: r.now,
        model: info.model,
        ...(r.subresource ? { subresource: r.subresource } : {}),
      }) as KubeObject;
      break;
    }
  }
  const meta = metaOf(next);
  if (current) {
    if (meta.name !== curName) throw badRequest(`metadata.name: Invalid value: "${String(meta.name)}": field is immutable`);
    if (info.namespaced && meta.namespace !== curNamespace) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  return next;
}
