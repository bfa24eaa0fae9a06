import { expect } from "chai";
import { create, created, info, lines, update } from "./helpers.js";

const ROLE = info("rbac.authorization.k8s.io", "Role");
const CLUSTERROLE = info("rbac.authorization.k8s.io", "ClusterRole");
const ROLEBINDING = info("rbac.authorization.k8s.io", "RoleBinding");
const CRB = info("rbac.authorization.k8s.io", "ClusterRoleBinding");
const PC = info("scheduling.k8s.io", "PriorityClass");
const PDB = info("policy", "PodDisruptionBudget");
const LEASE = info("coordination.k8s.io", "Lease");
const SLICE = info("discovery.k8s.io", "EndpointSlice");

describe("strategies: other groups", () => {
  describe("RBAC", () => {
    it("accepts path-segment names and validates rules", () => {
      expect(create(ROLE, { metadata: { name: "system:reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] }).causes).to.deep.equal([]);
      expect(lines(create(ROLE, { metadata: { name: "a/b" }, rules: [{ resources: ["pods"] }] }).causes)).to.deep.equal([
        `metadata.name: Invalid value: "a/b": may not contain '/'`,
        "rules[0].verbs: Required value: verbs must contain at least one value",
        "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
      ]);
      expect(lines(create(ROLE, { metadata: { name: "r" }, rules: [{ nonResourceURLs: ["/healthz"], verbs: ["get"] }] }).causes)).to.deep.equal([
        `rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs`,
      ]);
      expect(create(CLUSTERROLE, { metadata: { name: "agg" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { x: "y" } }] } }).causes).to.deep.equal([]);
    });

    it("defaults API groups on bindings and keeps roleRef immutable", () => {
      const old = created(ROLEBINDING, { metadata: { name: "rb" }, roleRef: { kind: "Role", name: "reader" }, subjects: [{ kind: "User", name: "jane" }, { kind: "ServiceAccount", name: "default" }] });
      expect(old).to.deep.include({
        roleRef: { kind: "Role", name: "reader", apiGroup: "rbac.authorization.k8s.io" },
        subjects: [
          { kind: "User", name: "jane", apiGroup: "rbac.authorization.k8s.io" },
          { kind: "ServiceAccount", name: "default" },
        ],
      });
      expect(lines(update(ROLEBINDING, { metadata: { name: "rb" }, roleRef: { kind: "ClusterRole", name: "reader" } }, old).causes)).to.deep.equal([
        `roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"reader"}: cannot change roleRef`,
      ]);
      expect(lines(create(CRB, { metadata: { name: "crb" }, roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "ServiceAccount", name: "sa" }] }).causes)).to.deep.equal([
        `roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"`,
        "subjects[0].namespace: Required value",
      ]);
    });
  });

  describe("PriorityClass", () => {
    it("defaults preemptionPolicy and reserves system- names and high values", () => {
      expect(created(PC, { metadata: { name: "high" }, value: 1000 })).to.deep.include({ preemptionPolicy: "PreemptLowerPriority" });
      expect(lines(create(PC, { metadata: { name: "system-mine" }, value: 1 }).causes)).to.deep.equal([
        "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
      ]);
      expect(lines(create(PC, { metadata: { name: "huge" }, value: 2000000000 }).causes)).to.deep.equal(["value: Forbidden: maximum allowed value of a user defined priority is 1000000000"]);
      const old = created(PC, { metadata: { name: "high" }, value: 1000 });
      expect(lines(update(PC, { metadata: { name: "high" }, value: 1001 }, old).causes)).to.deep.equal(["value: Forbidden: may not be changed in an update."]);
    });
  });

  describe("PodDisruptionBudget, Lease, EndpointSlice", () => {
    it("validates a PDB and tracks its generation", () => {
      expect(lines(create(PDB, { metadata: { name: "p" }, spec: { minAvailable: 1, maxUnavailable: "50%", selector: { matchLabels: { a: "b" } } } }).causes)).to.have.length(1);
      const old = created(PDB, { metadata: { name: "p" }, spec: { minAvailable: 1, selector: { matchLabels: { a: "b" } } } });
      expect(old.status).to.deep.equal({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
      expect(update(PDB, { metadata: { name: "p" }, spec: { minAvailable: 2, selector: { matchLabels: { a: "b" } } } }, old).obj.metadata?.generation).to.equal(2);
    });

    it("requires a positive lease duration and allows create on update", () => {
      expect(lines(create(LEASE, { metadata: { name: "l" }, spec: { leaseDurationSeconds: 0 } }).causes)).to.deep.equal(["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"]);
      expect(LEASE.strategy.allowCreateOnUpdate).to.equal(true);
      expect(LEASE.strategy.allowUnconditionalUpdate).to.equal(false);
    });

    it("defaults slice ports and accepts loopback endpoints", () => {
      const obj = created(SLICE, { metadata: { name: "web-abc" }, addressType: "IPv4", endpoints: [{ addresses: ["127.0.0.1"] }], ports: [{ port: 80 }] });
      expect(obj).to.deep.include({ ports: [{ port: 80, name: "", protocol: "TCP" }] });
      expect(obj.metadata?.generation).to.equal(1);
      expect(lines(create(SLICE, { metadata: { name: "s" }, addressType: "IPv4", endpoints: [{ addresses: ["not-an-ip"] }] }).causes)).to.deep.equal([
        `endpoints[0].addresses[0]: Invalid value: "not-an-ip": must be a valid IPv4 address`,
      ]);
    });
  });
});
