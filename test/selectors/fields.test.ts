import { expect } from "chai";
import { StatusError } from "../../src/k8s-api/errors.js";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import type { ResourceInfo } from "../../src/k8s-api/registry/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { compileFieldSelector, fieldLabels, fieldValues, parseFieldSelector } from "../../src/k8s-api/selectors/index.js";

const resource = (group: string, kind: string): ResourceInfo => RESOURCES.find((r) => r.group === group && r.kind === kind)!;
const obj = (o: Record<string, unknown>): KubeObject => o as KubeObject;

function badRequest(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(StatusError);
    expect((e as StatusError).code).to.equal(400);
    expect((e as StatusError).reason).to.equal("BadRequest");
    return (e as StatusError).message;
  }
  throw new Error("expected a 400 BadRequest");
}

describe("field selectors: parsing (fields.ParseSelector)", () => {
  it("terms, operators and escapes", () => {
    expect(parseFieldSelector("")).to.deep.equal([]);
    expect(parseFieldSelector("b==2,a=1,c!=3")).to.deep.equal([
      { field: "a", operator: "=", value: "1" },
      { field: "b", operator: "=", value: "2" },
      { field: "c", operator: "!=", value: "3" },
    ]);
    expect(parseFieldSelector(String.raw`metadata.name=a\,b\=c\\`)).to.deep.equal([{ field: "metadata.name", operator: "=", value: "a,b=c\\" }]);
    expect(parseFieldSelector("spec.nodeName=")).to.deep.equal([{ field: "spec.nodeName", operator: "=", value: "" }]);
    expect(parseFieldSelector("a=b,")).to.deep.equal([{ field: "a", operator: "=", value: "b" }]);
  });

  const bad: [string, string][] = [
    ["x", "invalid selector: 'x'; can't understand 'x'"],
    ["x=a,b", "invalid selector: 'x=a,b'; can't understand 'b'"],
    ["x in (a)", "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    ["x==a==b", "invalid field selector: unescaped character in value: 61"],
    [String.raw`k=\a`, String.raw`invalid field selector: invalid escape sequence: \a`],
    ["k=\\", "invalid field selector: invalid escape sequence: \\"],
  ];
  for (const [s, message] of bad) it(`rejects ${JSON.stringify(s)}`, () => expect(badRequest(() => parseFieldSelector(s))).to.equal(message));
});

describe("field selectors: labels per resource", () => {
  const pods = resource("", "Pod");

  it("pods", () => {
    expect(fieldLabels(pods)).to.include.members(["metadata.name", "metadata.namespace", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName", "spec.host"]);
  });

  const unsupported: [string, string, string, string][] = [
    ["apps", "Deployment", "status.replicas", `"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"`],
    ["apps", "ReplicaSet", "status.replicas", `"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"`],
    ["", "ConfigMap", "data.x", `"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"`],
    ["", "Pod", "spec.foo", "field label not supported: spec.foo"],
    ["", "Node", "metadata.namespace", "field label not supported: metadata.namespace"],
    ["", "Namespace", "metadata.namespace", "field label not supported: metadata.namespace"],
    ["batch", "Job", "status.active", `field label "status.active" not supported for Job`],
    ["events.k8s.io", "Event", "source", "field label not supported: source"],
  ];
  for (const [g, k, label, message] of unsupported) {
    it(`${g}/${k} rejects ${label}`, () => expect(badRequest(() => compileFieldSelector(resource(g, k), `${label}=x`))).to.equal(message));
  }

  it("the first unsupported label in sorted order is the one reported", () => {
    expect(badRequest(() => compileFieldSelector(resource("apps", "Deployment"), "z=1,b=2,metadata.name=x"))).to.equal(`"b" is not a known field selector: only "metadata.name", "metadata.namespace"`);
  });
});

describe("field selectors: matching", () => {
  const pod = obj({
    metadata: { name: "web-1", namespace: "prod" },
    spec: { nodeName: "node-1", restartPolicy: "Always", schedulerName: "default-scheduler", serviceAccountName: "web", hostNetwork: true },
    status: { phase: "Running", podIP: "10.0.0.1", podIPs: [{ ip: "10.0.0.1" }, { ip: "fd00::1" }] },
  });
  const pods = resource("", "Pod");

  const cases: [string, boolean][] = [
    ["", true],
    ["metadata.name=web-1", true],
    ["metadata.name==web-1,metadata.namespace=prod", true],
    ["metadata.namespace!=prod", false],
    ["spec.nodeName=node-1", true],
    ["spec.host=node-1", true],
    ["spec.nodeName=", false],
    ["spec.hostNetwork=true", true],
    ["status.phase!=Running", false],
    ["status.phase!=Pending,spec.restartPolicy=Always", true],
    ["status.podIP=10.0.0.1", true],
    // accepted by the conversion but not in the field set: reads as ""
    ["status.podIPs=10.0.0.1", false],
    ["status.podIPs=", true],
    ["status.nominatedNodeName=", true],
    ["spec.serviceAccountName=web", true],
    ["spec.schedulerName=default-scheduler", true],
  ];
  for (const [s, want] of cases) it(`${JSON.stringify(s)} ${want ? "matches" : "does not match"}`, () => expect(compileFieldSelector(pods, s)(pod)).to.equal(want));

  it("unscheduled pods (what the scheduler watches)", () => {
    const m = compileFieldSelector(pods, "spec.nodeName=,status.phase!=Succeeded,status.phase!=Failed");
    expect(m(obj({ metadata: { name: "p" }, spec: {}, status: { phase: "Pending" } }))).to.equal(true);
    expect(m(pod)).to.equal(false);
    expect(m.requiresExactMatch("spec.nodeName")).to.equal("");
    expect(m.requiresExactMatch("status.phase")).to.equal(undefined);
    expect(m.toString()).to.equal("spec.nodeName=,status.phase!=Failed,status.phase!=Succeeded");
  });

  it("cluster-scoped: metadata.namespace is accepted and reads as empty", () => {
    const pcs = resource("scheduling.k8s.io", "PriorityClass");
    const pc = obj({ metadata: { name: "high" }, value: 10 });
    expect(compileFieldSelector(pcs, "metadata.namespace=")(pc)).to.equal(true);
    expect(compileFieldSelector(pcs, "metadata.namespace=default")(pc)).to.equal(false);
    expect(fieldValues(pcs, pc)).to.deep.equal({ "metadata.name": "high" });
  });

  it("events: involvedObject, source and reportingComponent", () => {
    const events = resource("", "Event");
    const ev = obj({ metadata: { name: "e", namespace: "d" }, involvedObject: { kind: "Pod", name: "p", uid: "u" }, reason: "Pulled", type: "Normal", reportingComponent: "kubelet" });
    expect(compileFieldSelector(events, "involvedObject.kind=Pod,involvedObject.name=p,type=Normal")(ev)).to.equal(true);
    // source falls back to reportingController when source.component is empty
    expect(compileFieldSelector(events, "source=kubelet")(ev)).to.equal(true);
  });

  it("events.k8s.io: regarding.* select on the core field set", () => {
    const events = resource("events.k8s.io", "Event");
    const ev = obj({ metadata: { name: "e", namespace: "d" }, regarding: { kind: "Pod", name: "p" }, reportingController: "kubelet", type: "Warning", reason: "BackOff", note: "x" });
    const m = compileFieldSelector(events, "regarding.kind=Pod,regarding.name=p,reportingController=kubelet,type=Warning");
    expect(m.requirements.map((r) => r.field)).to.deep.equal(["involvedObject.kind", "involvedObject.name", "reportingComponent", "type"]);
    expect(m(ev)).to.equal(true);
    expect(compileFieldSelector(events, "regarding.name=q")(ev)).to.equal(false);
  });

  it("secrets, services, namespaces, nodes, jobs, replication controllers", () => {
    expect(compileFieldSelector(resource("", "Secret"), "type=kubernetes.io/tls")(obj({ metadata: { name: "s" }, type: "kubernetes.io/tls" }))).to.equal(true);
    expect(compileFieldSelector(resource("", "Service"), "spec.type=NodePort,spec.clusterIP=10.0.0.9")(obj({ metadata: { name: "s" }, spec: { type: "NodePort", clusterIP: "10.0.0.9" } }))).to.equal(true);
    expect(compileFieldSelector(resource("", "Namespace"), "status.phase=Active")(obj({ metadata: { name: "n" }, status: { phase: "Active" } }))).to.equal(true);
    expect(compileFieldSelector(resource("", "Node"), "spec.unschedulable=false")(obj({ metadata: { name: "n" }, spec: {} }))).to.equal(true);
    expect(compileFieldSelector(resource("batch", "Job"), "status.successful=2")(obj({ metadata: { name: "j" }, status: { succeeded: 2 } }))).to.equal(true);
    expect(compileFieldSelector(resource("", "ReplicationController"), "status.replicas=0")(obj({ metadata: { name: "rc" } }))).to.equal(true);
  });

  it("field sets for an index", () => {
    expect(fieldValues(resource("", "Pod"), pod)).to.deep.equal({
      "metadata.name": "web-1",
      "metadata.namespace": "prod",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "web",
      "spec.hostNetwork": "true",
      "status.phase": "Running",
      "status.podIP": "10.0.0.1",
      "status.nominatedNodeName": "",
    });
    expect(fieldValues(resource("apps", "Deployment"), obj({ metadata: { name: "d", namespace: "n" } }))).to.deep.equal({ "metadata.name": "d", "metadata.namespace": "n" });
  });
});
