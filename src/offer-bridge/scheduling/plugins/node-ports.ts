/** NodePorts (plugins/nodeports): requested host ports must be free on the node. */
import { status, UNSCHEDULABLE, type FilterPlugin } from "../framework.js";

export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
const REJECT = status("NodePorts", UNSCHEDULABLE, ERR_NODE_PORTS);

export const nodePorts: FilterPlugin<null> = {
  name: "NodePorts",
  preFilter: (pod) => (pod.hostPorts.length === 0 ? { skip: true } : { state: null }),
  filter: (_s, pod, node) => {
    if (node.usedPorts.size === 0) return null;
    for (const hp of pod.hostPorts) if (node.portConflicts(hp)) return REJECT;
    return null;
  },
};
