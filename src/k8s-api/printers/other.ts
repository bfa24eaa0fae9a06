/**
 * Printers of coordination, discovery, policy, rbac and scheduling kinds, after
 * pkg/printers/internalversion/printers.go (v1.35). Role and ClusterRole have no printer
 * upstream: they get the default table (see table.ts).
 */
import { age, cells, int, listWithMore, nameOf } from "./util.js";
import { ageColumn, col, nameColumn, type PrintHandler } from "./types.js";
import { view, type EndpointSlice, type RoleBinding } from "./shapes.js";

const leases: PrintHandler = {
  columns: [nameColumn, col("Holder", "string", "coordination/v1 LeaseSpec.holderIdentity"), ageColumn],
  row(obj, { now }) {
    const holder = (obj as { spec?: { holderIdentity?: string | null } }).spec?.holderIdentity ?? "";
    return { cells: cells(nameOf(obj), holder, age(obj, now)) };
  },
};

/** formatDiscoveryPorts: up to three ports (number, else name, else "*"). */
function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined && p.port !== null ? String(int(p.port)) : p.name !== undefined && p.name !== null ? p.name : "*");
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max, "<unset>");
}

/** formatDiscoveryEndpoints: up to three addresses. */
function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const a of ep.addresses ?? []) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max, "<unset>");
}

const endpointSlices: PrintHandler = {
  columns: [
    nameColumn,
    col("AddressType", "string", "discovery/v1beta1 EndpointSlice.addressType"),
    col("Ports", "string", "discovery/v1beta1 EndpointSlice.ports"),
    col("Endpoints", "string", "discovery/v1beta1 EndpointSlice.endpoints"),
    ageColumn,
  ],
  row(obj, { now }) {
    const s = view<EndpointSlice>(obj);
    return { cells: cells(nameOf(s), s.addressType ?? "", formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), age(s, now)) };
  },
};

/** intstr.IntOrString.String(). */
function intOrString(v: unknown): string {
  return typeof v === "number" ? String(Math.trunc(v)) : String(v);
}

const podDisruptionBudgets: PrintHandler = {
  columns: [
    nameColumn,
    col("Min Available", "string", { text: "The minimum number of pods that must be available." }),
    col("Max Unavailable", "string", { text: "The maximum number of pods that may be unavailable." }),
    col("Allowed Disruptions", "integer", { text: "Calculated number of pods that may be disrupted at this time." }),
    ageColumn,
  ],
  row(obj, { now }) {
    const pdb = obj as { spec?: { minAvailable?: unknown; maxUnavailable?: unknown }; status?: { disruptionsAllowed?: number } };
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return {
      cells: cells(
        nameOf(obj),
        min === undefined || min === null ? "N/A" : intOrString(min),
        max === undefined || max === null ? "N/A" : intOrString(max),
        int(pdb.status?.disruptionsAllowed),
        age(obj, now),
      ),
    };
  },
};

/** rbac.SubjectsStrings: users, groups and "namespace/name" of service accounts. */
function subjectsStrings(b: RoleBinding): { users: string[]; groups: string[]; sas: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of b.subjects ?? []) {
    if (s.kind === "ServiceAccount") sas.push(`${s.namespace ?? ""}/${s.name ?? ""}`);
    else if (s.kind === "User") users.push(s.name ?? "");
    else if (s.kind === "Group") groups.push(s.name ?? "");
  }
  return { users, groups, sas };
}

function bindingPrinter(kind: "RoleBinding" | "ClusterRoleBinding", noun: string): PrintHandler {
  return {
    columns: [
      nameColumn,
      col("Role", "string", kind === "RoleBinding" ? "rbac/v1beta1 RoleBinding.roleRef" : "rbac/v1beta1 ClusterRoleBinding.roleRef"),
      ageColumn,
      col("Users", "string", { text: `Users in the ${noun}` }, { priority: 1 }),
      col("Groups", "string", { text: `Groups in the ${noun}` }, { priority: 1 }),
      col("ServiceAccounts", "string", { text: `ServiceAccounts in the ${noun}` }, { priority: 1 }),
    ],
    row(obj, { now }) {
      const b = view<RoleBinding>(obj);
      const { users, groups, sas } = subjectsStrings(b);
      const roleRef = `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`;
      return { cells: cells(nameOf(b), roleRef, age(b, now), users.join(", "), groups.join(", "), sas.join(", ")) };
    },
  };
}

const priorityClasses: PrintHandler = {
  columns: [
    nameColumn,
    col("Value", "integer", "scheduling/v1 PriorityClass.value"),
    col("Global-Default", "boolean", "scheduling/v1 PriorityClass.globalDefault"),
    ageColumn,
    col("PreemptionPolicy", "string", "scheduling/v1 PriorityClass.preemptionPolicy"),
  ],
  row(obj, { now }) {
    const pc = obj as { value?: number; globalDefault?: boolean; preemptionPolicy?: string | null };
    // scheduling/v1 defaulting sets preemptionPolicy to PreemptLowerPriority.
    return { cells: cells(nameOf(obj), int(pc.value), pc.globalDefault === true, age(obj, now), pc.preemptionPolicy ?? "PreemptLowerPriority") };
  },
};

/** Printers of the remaining groups, keyed by "<group>/<kind>". */
export const otherPrinters: ReadonlyMap<string, PrintHandler> = new Map([
  ["coordination.k8s.io/Lease", leases],
  ["discovery.k8s.io/EndpointSlice", endpointSlices],
  ["policy/PodDisruptionBudget", podDisruptionBudgets],
  ["rbac.authorization.k8s.io/RoleBinding", bindingPrinter("RoleBinding", "roleBinding")],
  ["rbac.authorization.k8s.io/ClusterRoleBinding", bindingPrinter("ClusterRoleBinding", "clusterRoleBinding")],
  ["scheduling.k8s.io/PriorityClass", priorityClasses],
]);
