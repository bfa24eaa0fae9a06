/**
 * Strategies of the smaller groups: coordination.k8s.io Lease, discovery.k8s.io
 * EndpointSlice, policy PodDisruptionBudget, rbac.authorization.k8s.io roles and
 * bindings, scheduling.k8s.io PriorityClass.
 */
import type {
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1EndpointSlice,
  V1Lease,
  V1PodDisruptionBudget,
  V1PriorityClass,
  V1Role,
  V1RoleBinding,
} from "@kubernetes/client-node";
import type { Strategy, SubresourceStrategy } from "../types.js";
import { nameIsDNSSubdomain, nameIsPathSegment, nonNegative, semanticEqual, type Causes } from "../../validation/common.js";
import {
  RBAC_GROUP,
  validateEndpointSlice,
  validateEndpointSliceUpdate,
  validateLease,
  validatePodDisruptionBudget,
  validatePriorityClass,
  validatePriorityClassUpdate,
  validateRole,
  validateRoleBinding,
  validateRoleBindingUpdate,
} from "../../validation/other.js";
import { asObj, bumpGenerationIf, bumpGenerationOnSpecChange, def, defStr, keepOldStatus, list, meta, rec, resetStatusAndGeneration, statusSubresource, type Obj, type Typed } from "./helpers.js";

const dnsSubdomain = (n: string) => nameIsDNSSubdomain(n, false);

/** Leases: created by PUT, updated only with a resourceVersion. */
export const leaseStrategy: Strategy<Typed<V1Lease>> = {
  validate: (lease) => validateLease(asObj(lease)),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: false,
  validateName: dnsSubdomain,
};

/** EndpointSlices: port defaults, generation on any non-metadata change. */
export const endpointSliceStrategy: Strategy<Typed<V1EndpointSlice>> = {
  applyDefaults(slice) {
    // SetDefaults_EndpointPort: name "" and protocol TCP.
    for (const port of list(asObj(slice).ports)) {
      def(port, "name", "");
      def(port, "protocol", "TCP");
    }
  },
  prepareForCreate: (slice) => void (meta(slice).generation = 1),
  prepareForUpdate(slice, old) {
    // Any change but metadata (labels aside) moves the generation.
    const strip = (o: Obj) => {
      const { metadata: _m, ...rest } = o;
      return rest;
    };
    bumpGenerationIf(slice, old, !semanticEqual(strip(asObj(slice)), strip(asObj(old))) || !semanticEqual(slice.metadata?.labels, old.metadata?.labels));
  },
  validate: (slice) => validateEndpointSlice(asObj(slice)),
  validateUpdate: (slice, old) => validateEndpointSliceUpdate(asObj(slice), asObj(old)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** PodDisruptionBudgets: status kept on spec writes, generation on spec changes. */
export const podDisruptionBudgetStrategy: Strategy<Typed<V1PodDisruptionBudget>> = {
  prepareForCreate: (pdb) => resetStatusAndGeneration(pdb, { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
  prepareForUpdate(pdb, old) {
    keepOldStatus(pdb, old);
    bumpGenerationOnSpecChange(pdb, old);
  },
  validate: (pdb) => validatePodDisruptionBudget(asObj(pdb)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** SetDefaults_Subject and the roleRef group default from pkg/apis/rbac/v1/defaults.go. */
function defaultBinding(binding: V1RoleBinding | V1ClusterRoleBinding): void {
  const b = asObj(binding);
  const ref = rec(b.roleRef);
  if (ref) defStr(ref, "apiGroup", RBAC_GROUP);
  for (const subject of list(b.subjects)) if ((subject.kind === "User" || subject.kind === "Group") && !subject.apiGroup) subject.apiGroup = RBAC_GROUP;
}

/** Roles: policy rules; path-segment names. */
export const roleStrategy: Strategy<Typed<V1Role>> = {
  validate: (role) => validateRole(asObj(role), true),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: nameIsPathSegment,
};

/** ClusterRoles: policy rules or an aggregation rule; path-segment names. */
export const clusterRoleStrategy: Strategy<Typed<V1ClusterRole>> = {
  validate: (role) => validateRole(asObj(role), false),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: nameIsPathSegment,
};

/** RoleBindings: API group defaults, immutable roleRef. */
export const roleBindingStrategy: Strategy<Typed<V1RoleBinding>> = {
  applyDefaults: defaultBinding,
  validate: (b) => validateRoleBinding(asObj(b), true),
  validateUpdate: (b, old) => validateRoleBindingUpdate(asObj(b), asObj(old)),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: nameIsPathSegment,
};

/** ClusterRoleBindings: API group defaults, immutable roleRef. */
export const clusterRoleBindingStrategy: Strategy<Typed<V1ClusterRoleBinding>> = {
  applyDefaults: defaultBinding,
  validate: (b) => validateRoleBinding(asObj(b), false),
  validateUpdate: (b, old) => validateRoleBindingUpdate(asObj(b), asObj(old)),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
  validateName: nameIsPathSegment,
};

/** PriorityClasses: preemptionPolicy default, reserved names, immutable value. */
export const priorityClassStrategy: Strategy<Typed<V1PriorityClass>> = {
  applyDefaults: (pc) => def(asObj(pc), "preemptionPolicy", "PreemptLowerPriority"),
  validate: (pc) => validatePriorityClass(asObj(pc)),
  validateUpdate: (pc, old) => validatePriorityClassUpdate(asObj(pc), asObj(old)),
  allowCreateOnUpdate: false,
  allowUnconditionalUpdate: true,
  validateName: dnsSubdomain,
};

/** ValidatePodDisruptionBudgetStatusUpdate's counters. */
function validatePDBStatus(next: Obj): Causes {
  const s = rec(next.status) ?? {};
  const causes: Causes = [];
  for (const k of ["disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"]) causes.push(...nonNegative(s[k] as number, `status.${k}`));
  return causes;
}

/** Status subresources of the other groups. */
export const otherStatusStrategies: Record<string, SubresourceStrategy> = {
  PodDisruptionBudget: statusSubresource({ validate: (n) => validatePDBStatus(asObj(n)) }),
};

