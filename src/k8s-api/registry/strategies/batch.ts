import type { Strategy } from "../types.js";

const generic: Strategy = {};

export const jobStrategy = generic;
export const cronJobStrategy = generic;
