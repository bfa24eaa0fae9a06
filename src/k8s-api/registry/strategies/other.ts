import type { Strategy } from "../types.js";

const generic: Strategy = {};

export const leaseStrategy = generic;
export const endpointSliceStrategy = generic;
export const podDisruptionBudgetStrategy = generic;
export const roleStrategy = generic;
export const roleBindingStrategy = generic;
export const clusterRoleStrategy = generic;
export const clusterRoleBindingStrategy = generic;
export const priorityClassStrategy = generic;
