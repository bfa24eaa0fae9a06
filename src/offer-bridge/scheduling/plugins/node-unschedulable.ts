/** NodeUnschedulable (plugins/nodeunschedulable): spec.unschedulable unless the pod tolerates its taint. */
import { status, UNRESOLVABLE, type FilterPlugin } from "../framework.js";
import { tolerationsTolerateTaint } from "../taints.js";

export const ERR_UNSCHEDULABLE = "node(s) were unschedulable";
const REJECT = status("NodeUnschedulable", UNRESOLVABLE, ERR_UNSCHEDULABLE);
const UNSCHEDULABLE_TAINT = { key: "node.kubernetes.io/unschedulable", value: "", effect: "NoSchedule" };

export const nodeUnschedulable: FilterPlugin<boolean> = {
  name: "NodeUnschedulable",
  preFilter: (pod) => ({ state: tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT) }),
  filter: (tolerates, _pod, node) => (node.unschedulable && !tolerates ? REJECT : null),
};
