import type { KubeObject } from "../../types.js";
import type { Strategy } from "../types.js";

const generic: Strategy = {};

export const namespaceStrategy = generic;
export const podStrategy = generic;
export const serviceStrategy = generic;
export const endpointsStrategy = generic;
export const configMapStrategy = generic;
export const secretStrategy = generic;
export const serviceAccountStrategy = generic;
export const eventStrategy = generic;
export const nodeStrategy = generic;
export const replicationControllerStrategy = generic;
export const podTemplateStrategy = generic;
export const eventsV1Strategy = generic;
/** events.k8s.io/v1 <-> core/v1 Event (placeholder: identity). */
export const eventsV1Conversion = {
  toStored: (o: KubeObject): KubeObject => o,
  fromStored: (o: KubeObject): KubeObject => o,
};
