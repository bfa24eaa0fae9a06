/** The agent subsystem's public surface (src/cli wires it up; it imports only src/mesos). */
export { startAgent, DEFAULT_KILL_GRACE_MS, AGENT_VERSION, type Agent, type AgentOptions, type AgentTaskView } from "./agent.js";
export { parseAttributes } from "./attributes.js";
export { detectResources } from "./resources.js";
export { TimerQueue, sharedTimers } from "./timer-queue.js";
export type { ContainerizerName } from "./containerizers/types.js";
export type { SimulatedTimings } from "./containerizers/simulated.js";
export { startSimAgents, DEFAULT_SIM_AGENT_RESOURCES, type SimFleet, type SimFleetOptions } from "./sim.js";
