/** Which part of an object a subresource write may change. */
import { StatusError } from "../errors.js";
import type { KubeObject } from "../types.js";
import { clone } from "./object-meta.js";
import type { ResourceInfo, SubresourceStrategy } from "./types.js";
import { statusStrategies } from "./strategies/index.js";

/** The status subresource by default takes status from the request and everything else from the stored object. */
export const statusOnly: SubresourceStrategy = {
  merge(incoming: KubeObject, old: KubeObject): KubeObject {
    const next = clone(old);
    if (incoming.status === undefined) delete next.status;
    else next.status = incoming.status;
    return next;
  },
};

/** Strategy for a write to `info/name`; 404 for subresources the resource does not have. */
export function subresourceStrategy(info: ResourceInfo, name: string): SubresourceStrategy {
  if (!info.subresources.includes(name as never))
    throw new StatusError(404, "NotFound", "the server could not find the requested resource", { kind: `${info.plural}/${name}` });
  if (name === "status") return statusStrategies[info.kind] ?? statusOnly;
  throw new StatusError(405, "MethodNotAllowed", `the server does not allow this method on the requested resource (${info.plural}/${name})`, { kind: `${info.plural}/${name}` });
}
