/**
 * Validation of the smaller groups: coordination (Lease), discovery (EndpointSlice),
 * policy (PodDisruptionBudget), rbac (roles and bindings) and scheduling (PriorityClass).
 */
import { asArray, objs, strs, asRecord, fe, immutable, isIPv4, isIPv6, nameIsPathSegment, nonNegative, percentErrors, str, validateDNS1123Label, validateLabelSelector, type Causes } from "./common.js";
import { isDNS1123Label, isDNS1123Subdomain } from "./names.js";
import { nonSpecialIP, validateEndpointPort } from "./core.js";

type Obj = Record<string, unknown>;

// ---- coordination.k8s.io Lease -----------------------------------------------------------

/** ValidateLeaseSpec. */
export function validateLease(lease: Obj): Causes {
  const spec = asRecord(lease.spec) ?? {};
  const causes: Causes = [];
  if (typeof spec.leaseDurationSeconds === "number" && spec.leaseDurationSeconds <= 0)
    causes.push(fe.invalid("spec.leaseDurationSeconds", spec.leaseDurationSeconds, "must be greater than 0"));
  if (typeof spec.leaseTransitions === "number" && spec.leaseTransitions < 0)
    causes.push(fe.invalid("spec.leaseTransitions", spec.leaseTransitions, "must be greater than or equal to 0"));
  if (spec.strategy !== undefined && spec.strategy !== null && spec.strategy !== "OldestEmulationVersion")
    causes.push(fe.notSupported("spec.strategy", spec.strategy, ["OldestEmulationVersion"]));
  return causes;
}

// ---- discovery.k8s.io EndpointSlice --------------------------------------------------------

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

/** ValidateEndpointSlice minus ObjectMeta. */
export function validateEndpointSlice(slice: Obj): Causes {
  const causes: Causes = [];
  const addressType = str(slice.addressType);
  if (!addressType) causes.push(fe.required("addressType"));
  else if (!ADDRESS_TYPES.includes(addressType)) causes.push(fe.notSupported("addressType", addressType, ADDRESS_TYPES));
  const endpoints = objs(slice.endpoints);
  if (endpoints.length > 1000) causes.push(fe.tooMany("endpoints", endpoints.length, 1000));
  endpoints.forEach((ep, i) => {
    const p = `endpoints[${i}]`;
    const addresses = strs(ep.addresses);
    if (addresses.length === 0) causes.push(fe.required(`${p}.addresses`, "must contain at least 1 address"));
    else if (addresses.length > 100) causes.push(fe.tooMany(`${p}.addresses`, addresses.length, 100));
    addresses.forEach((a, j) => {
      const ap = `${p}.addresses[${j}]`;
      if (addressType === "IPv4") {
        if (!isIPv4(a)) causes.push(fe.invalid(ap, a, "must be a valid IPv4 address"));
        else causes.push(...nonSpecialIP(a, ap));
      } else if (addressType === "IPv6") {
        if (!isIPv6(a)) causes.push(fe.invalid(ap, a, "must be a valid IPv6 address"));
        else causes.push(...nonSpecialIP(a, ap));
      } else if (addressType === "FQDN") {
        const name = a.endsWith(".") ? a.slice(0, -1) : a;
        const errs = isDNS1123Subdomain(name);
        if (errs.length) causes.push(fe.invalid(ap, name, errs.join(",")));
        else if (name.split(".").length < 2) causes.push(fe.invalid(ap, name, "should be a domain with at least two segments separated by dots"));
      }
    });
    if (typeof ep.nodeName === "string") for (const m of isDNS1123Subdomain(ep.nodeName)) causes.push(fe.invalid(`${p}.nodeName`, ep.nodeName, m));
    if (typeof ep.hostname === "string") causes.push(...validateDNS1123Label(ep.hostname, `${p}.hostname`));
  });
  const ports = objs(slice.ports);
  if (ports.length > 20000) causes.push(fe.tooMany("ports", ports.length, 20000));
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `ports[${i}]`;
    const name = str(port.name);
    if (name) {
      for (const m of isDNS1123Label(name)) causes.push(fe.invalid(`${p}.name`, name, m));
      if (names.has(name)) causes.push(fe.duplicate(`${p}.name`, name));
      names.add(name);
    }
    const proto = port.protocol;
    if (proto === undefined || proto === null) causes.push(fe.required(`${p}.protocol`));
    else if (!["SCTP", "TCP", "UDP"].includes(str(proto))) causes.push(fe.notSupported(`${p}.protocol`, proto, ["SCTP", "TCP", "UDP"]));
    if (typeof port.port === "number" && (port.port < 1 || port.port > 65535)) causes.push(fe.invalid(`${p}.port`, port.port, "must be between 1 and 65535, inclusive"));
    if (typeof port.appProtocol === "string")
      causes.push(...validateEndpointPort({ port: 1, protocol: "TCP", appProtocol: port.appProtocol }, false, p).filter((c) => c.field === `${p}.appProtocol`));
  });
  return causes;
}

/** ValidateEndpointSliceUpdate: addressType is immutable. */
export function validateEndpointSliceUpdate(slice: Obj, old: Obj): Causes {
  return slice.addressType === old.addressType ? [] : [fe.invalid("addressType", slice.addressType ?? "", "field is immutable")];
}

// ---- policy PodDisruptionBudget ---------------------------------------------------------------

function intOrPercent(v: unknown, field: string): Causes {
  if (typeof v === "string") {
    const errs = percentErrors(v).map((m) => fe.invalid(field, v, m));
    if (!errs.length && Number(v.slice(0, -1)) > 100) errs.push(fe.invalid(field, v, "must not be greater than 100%"));
    return errs;
  }
  if (typeof v === "number") return nonNegative(v, field);
  return [];
}

/** ValidatePodDisruptionBudgetSpec. */
export function validatePodDisruptionBudget(pdb: Obj): Causes {
  const spec = asRecord(pdb.spec) ?? {};
  const causes: Causes = [];
  const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
  const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
  if (hasMin && hasMax) causes.push(fe.invalid("spec", spec, "minAvailable and maxUnavailable cannot be both set"));
  if (hasMin) causes.push(...intOrPercent(spec.minAvailable, "spec.minAvailable"));
  if (hasMax) causes.push(...intOrPercent(spec.maxUnavailable, "spec.maxUnavailable"));
  causes.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== null && policy !== "AlwaysAllow" && policy !== "IfHealthyBudget")
    causes.push(fe.notSupported("spec.unhealthyPodEvictionPolicy", policy, ["AlwaysAllow", "IfHealthyBudget"]));
  return causes;
}

// ---- rbac.authorization.k8s.io ------------------------------------------------------------------

export const RBAC_GROUP = "rbac.authorization.k8s.io";

function validatePolicyRule(rule: Obj, namespaced: boolean, p: string): Causes {
  const causes: Causes = [];
  if (asArray(rule.verbs).length === 0) causes.push(fe.required(`${p}.verbs`, "verbs must contain at least one value"));
  const nonResourceURLs = strs(rule.nonResourceURLs);
  if (nonResourceURLs.length > 0) {
    if (namespaced) causes.push(fe.invalid(`${p}.nonResourceURLs`, nonResourceURLs, "namespaced rules cannot apply to non-resource URLs"));
    if (asArray(rule.apiGroups).length > 0 || asArray(rule.resources).length > 0 || asArray(rule.resourceNames).length > 0)
      causes.push(fe.invalid(`${p}.nonResourceURLs`, nonResourceURLs, "rules cannot apply to both regular resources and non-resource URLs"));
    return causes;
  }
  if (asArray(rule.apiGroups).length === 0) causes.push(fe.required(`${p}.apiGroups`, "resource rules must supply at least one api group"));
  if (asArray(rule.resources).length === 0) causes.push(fe.required(`${p}.resources`, "resource rules must supply at least one resource"));
  if (asArray(rule.resourceNames).length > 0 && asArray(rule.resources).length > 1)
    causes.push(fe.required(`${p}.resourceNames`, "resource names cannot apply to multiple resources"));
  return causes;
}

/** ValidateRole / ValidateClusterRole minus ObjectMeta. */
export function validateRole(role: Obj, namespaced: boolean): Causes {
  const causes: Causes = [];
  objs(role.rules).forEach((r, i) => causes.push(...validatePolicyRule(r, namespaced, `rules[${i}]`)));
  const agg = asRecord(role.aggregationRule);
  if (!namespaced && agg) {
    const selectors = asArray(agg.clusterRoleSelectors);
    if (selectors.length === 0) causes.push(fe.required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil"));
    selectors.forEach((s, i) => causes.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
  }
  return causes;
}

function validateSubject(subject: Obj, namespaced: boolean, p: string): Causes {
  const causes: Causes = [];
  const name = str(subject.name);
  const apiGroup = str(subject.apiGroup);
  if (!name) causes.push(fe.required(`${p}.name`));
  switch (str(subject.kind)) {
    case "ServiceAccount":
      if (name) for (const m of isDNS1123Subdomain(name)) causes.push(fe.invalid(`${p}.name`, name, m));
      if (apiGroup) causes.push(fe.notSupported(`${p}.apiGroup`, apiGroup, [""]));
      if (!namespaced && !str(subject.namespace)) causes.push(fe.required(`${p}.namespace`));
      break;
    case "User":
      if (!name) causes.push(fe.invalid(`${p}.name`, name, "user name cannot be empty"));
      if (apiGroup !== RBAC_GROUP) causes.push(fe.notSupported(`${p}.apiGroup`, apiGroup, [RBAC_GROUP]));
      break;
    case "Group":
      if (!name) causes.push(fe.invalid(`${p}.name`, name, "group name cannot be empty"));
      if (apiGroup !== RBAC_GROUP) causes.push(fe.notSupported(`${p}.apiGroup`, apiGroup, [RBAC_GROUP]));
      break;
    default:
      causes.push(fe.notSupported(`${p}.kind`, str(subject.kind), ["ServiceAccount", "User", "Group"]));
  }
  return causes;
}

/** ValidateRoleBinding / ValidateClusterRoleBinding minus ObjectMeta. */
export function validateRoleBinding(binding: Obj, namespaced: boolean): Causes {
  const causes: Causes = [];
  const ref = asRecord(binding.roleRef) ?? {};
  if (str(ref.apiGroup) !== RBAC_GROUP) causes.push(fe.notSupported("roleRef.apiGroup", str(ref.apiGroup), [RBAC_GROUP]));
  const kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(str(ref.kind))) causes.push(fe.notSupported("roleRef.kind", str(ref.kind), kinds));
  const name = str(ref.name);
  if (!name) causes.push(fe.required("roleRef.name"));
  else for (const m of nameIsPathSegment(name)) causes.push(fe.invalid("roleRef.name", name, m));
  objs(binding.subjects).forEach((s, i) => causes.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return causes;
}

/** Validate(Cluster)RoleBindingUpdate: roleRef is immutable. */
export function validateRoleBindingUpdate(binding: Obj, old: Obj): Causes {
  const ref = asRecord(binding.roleRef) ?? {};
  const oldRef = asRecord(old.roleRef) ?? {};
  const same = ["apiGroup", "kind", "name"].every((k) => str(ref[k]) === str(oldRef[k]));
  return same
    ? []
    : [fe.invalidRendered("roleRef", `rbac.RoleRef{APIGroup:${JSON.stringify(str(ref.apiGroup))}, Kind:${JSON.stringify(str(ref.kind))}, Name:${JSON.stringify(str(ref.name))}}`, "cannot change roleRef")];
}

// ---- scheduling.k8s.io PriorityClass -------------------------------------------------------------

export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** The system priority classes kube-apiserver creates and their values. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };

/** ValidatePriorityClass minus ObjectMeta. */
export function validatePriorityClass(pc: Obj): Causes {
  const name = str(asRecord(pc.metadata)?.name);
  const value = typeof pc.value === "number" ? pc.value : 0;
  const causes: Causes = [];
  if (name.startsWith("system-")) {
    let err: string | undefined;
    const known = SYSTEM_PRIORITY_CLASSES[name];
    if (known === undefined) err = `${name} is not a known system priority class`;
    else if (known !== value) err = `value of ${name} PriorityClass must be ${known}`;
    else if (pc.globalDefault === true) err = `globalDefault of ${name} PriorityClass must be false`;
    if (err) causes.push(fe.forbidden("metadata.name", `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    causes.push(fe.forbidden("value", `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy !== undefined && pc.preemptionPolicy !== null) {
    const pp = str(pc.preemptionPolicy);
    if (pp === "") causes.push(fe.required("preemptionPolicy"));
    else if (pp !== "PreemptLowerPriority" && pp !== "Never") causes.push(fe.notSupported("preemptionPolicy", pp, ["PreemptLowerPriority", "Never"]));
  }
  return causes;
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy are immutable. */
export function validatePriorityClassUpdate(pc: Obj, old: Obj): Causes {
  const causes: Causes = [];
  if ((pc.value ?? 0) !== (old.value ?? 0)) causes.push(fe.forbidden("value", "may not be changed in an update."));
  causes.push(...immutable(pc.preemptionPolicy, old.preemptionPolicy, "preemptionPolicy"));
  return causes;
}
