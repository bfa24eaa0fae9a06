/** NodeName (plugins/nodename): spec.nodeName, when set, must be the node. */
import { status, UNRESOLVABLE, type FilterPlugin } from "../framework.js";

export const ERR_NODE_NAME = "node(s) didn't match the requested node name";
const REJECT = status("NodeName", UNRESOLVABLE, ERR_NODE_NAME);

export const nodeName: FilterPlugin<null> = {
  name: "NodeName",
  preFilter: (pod) => (pod.nodeName === "" ? { skip: true } : { state: null }),
  filter: (_s, pod, node) => (pod.nodeName !== node.name ? REJECT : null),
};
