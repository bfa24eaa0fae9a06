/**
 * Pod placement with kube-scheduler's semantics (v1.35 default profile), independent of
 * Mesos types: the caller turns agents/offers into NodeSpecs and pods into PodInfos.
 */
export { NodeSnapshot, MatchCounts } from "./snapshot.js";
export { NodeInfo, type NodeSpec } from "./node-info.js";
export { podInfoFromPod, SYSTEM_DEFAULT_SPREAD, type PodInfo, type PodInfoOptions, type AffinityTerm, type SpreadConstraint, type HostPort } from "./pod-info.js";
export { defaultSpreadSelector, type SpreadOwners } from "./default-spread.js";
export { schedulePod, numFeasibleNodesToFind, scoreNodes, filterNode, FILTERS, type ScheduleOptions, type ScheduleResult } from "./schedule.js";
export { fitErrorMessage, preemptionMessage, reasonHistogram, sortedHistogram, type Diagnosis } from "./fit-error.js";
export { UNSCHEDULABLE, UNRESOLVABLE, MAX_NODE_SCORE, type Status } from "./framework.js";
export { parseAllocatable, emptyResources, type Allocatable, type Resources } from "./resources.js";
export { compileLabelSelector, selectorFromSet, type Selector, type Labels } from "./selectors.js";
export { toTaints, toTolerations, type Taint, type Toleration } from "./taints.js";
