import type { Strategy } from "../types.js";

const generic: Strategy = {};

export const deploymentStrategy = generic;
export const replicaSetStrategy = generic;
export const statefulSetStrategy = generic;
export const daemonSetStrategy = generic;
export const controllerRevisionStrategy = generic;
