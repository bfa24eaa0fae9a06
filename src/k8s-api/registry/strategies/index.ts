/** One strategy per resource kind; each group's strategies live in their own file. */
export * from "./core.js";
export * from "./apps.js";
export * from "./batch.js";
export * from "./other.js";
