/**
 * One strategy per resource kind; each group's strategies live in their own file.
 * `statusStrategies` holds the status subresource of every kind that has one, keyed by
 * kind (the registry falls back to a status-only merge for kinds not listed).
 */
import type { SubresourceStrategy } from "../types.js";
import { coreStatusStrategies } from "./core.js";
import { appsStatusStrategies } from "./apps.js";
import { batchStatusStrategies } from "./batch.js";
import { otherStatusStrategies } from "./other.js";

export * from "./core.js";
export * from "./apps.js";
export * from "./batch.js";
export * from "./other.js";

/** Status subresource behaviour by kind, as upstream's <kind>StatusStrategy. */
export const statusStrategies: Record<string, SubresourceStrategy> = {
  ...coreStatusStrategies,
  ...appsStatusStrategies,
  ...batchStatusStrategies,
  ...otherStatusStrategies,
};
