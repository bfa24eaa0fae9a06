import { expect } from "chai";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import type { ResourceInfo } from "../../src/k8s-api/registry/types.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { StatusError } from "../../src/k8s-api/errors.js";
import { columnDefinitions, humanDuration, toTable, translateTimestampSince } from "../../src/k8s-api/printers/index.js";
import { NOW, ago, printerCases } from "./objects.js";

const resource = (group: string, kind: string): ResourceInfo => RESOURCES.find((r) => r.group === group && r.kind === kind)!;
const caseObject = (name: string): KubeObject => printerCases.find((c) => c.name === name)!.object;
const cellsOf = (group: string, kind: string, name: string) => toTable(resource(group, kind), [caseObject(name)], { now: NOW }).rows![0]!.cells;

describe("printers: representative cells (kubectl get -o wide)", () => {
  const pods: [string, (string | number)[]][] = [
    ["pod pending", ["pending", "0/1", "Pending", "0", "5s", "<none>", "<none>", "<none>", "<none>"]],
    ["pod running-half", ["running-half", "1/2", "Running", "0", "3m20s", "10.1.0.5", "node-1", "<none>", "<none>"]],
    ["pod running", ["running", "1/1", "Running", "0", "2d3h", "10.1.0.6", "node-2", "node-3", "1/2"]],
    ["pod crashloop", ["crashloop", "0/1", "CrashLoopBackOff", "3 (5m ago)", "60m", "10.1.0.7", "node-1", "<none>", "<none>"]],
    ["pod terminating", ["terminating", "1/1", "Terminating", "0", "10m", "10.1.0.8", "node-1", "<none>", "<none>"]],
    ["pod completed", ["completed", "0/1", "Completed", "0", "3h20m", "10.1.0.9", "node-1", "<none>", "<none>"]],
    ["pod init-pending", ["init-pending", "0/1", "Init:0/1", "0", "70s", "<none>", "node-1", "<none>", "<none>"]],
    ["pod init-error", ["init-error", "0/1", "Init:Error", "2 (40s ago)", "70s", "<none>", "node-1", "<none>", "<none>"]],
    ["pod sidecar", ["sidecar", "2/2", "Running", "3 (3m ago)", "5m", "10.1.0.10", "node-1", "<none>", "<none>"]],
  ];
  for (const [name, cells] of pods) it(name, () => expect(cellsOf("", "Pod", name)).to.deep.equal(cells));

  it("marks finished pods with a Completed row condition", () => {
    const t = toTable(resource("", "Pod"), [caseObject("pod completed"), caseObject("pod failed"), caseObject("pod running")], { now: NOW });
    expect(t.rows![0]!.conditions).to.deep.equal([{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }]);
    expect(t.rows![1]!.conditions).to.deep.equal([{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }]);
    expect(t.rows![2]).to.not.have.property("conditions");
  });

  it("services: ClusterIP and NodePort", () => {
    expect(cellsOf("", "Service", "service cluster-ip")).to.deep.equal(["cluster-ip", "ClusterIP", "10.96.0.10", "<none>", "80/TCP", "3d", "app=web,tier=fe"]);
    expect(cellsOf("", "Service", "service node-port")).to.deep.equal(["node-port", "NodePort", "10.96.0.11", "<none>", "80:30080/TCP,53:30053/UDP", "3d", "app=web"]);
    expect(cellsOf("", "Service", "service lb-pending")[3]).to.equal("<pending>");
  });

  it("deployment", () => {
    expect(cellsOf("apps", "Deployment", "deployment web")).to.deep.equal(["web", "2/3", 3, 2, "5d", "nginx,log", "nginx:1.0,log:1.0", "app=web,tier in (be,fe)"]);
  });

  it("node Ready,SchedulingDisabled with roles", () => {
    expect(cellsOf("", "Node", "node cordoned")).to.deep.equal([
      "cordoned",
      "Ready,SchedulingDisabled",
      "control-plane,infra,worker",
      "12d",
      "v1.35.0",
      "192.168.1.10",
      "203.0.113.10",
      "Debian GNU/Linux 12 (bookworm)",
      "6.1.0-18-amd64",
      "berth://0.1.0",
    ]);
  });

  it("columns: names and the -o wide ones (priority 1)", () => {
    const cols = (g: string, k: string) => columnDefinitions(resource(g, k)).map((c) => (c.priority ? `${c.name}*` : c.name));
    expect(cols("", "Pod")).to.deep.equal(["Name", "Ready", "Status", "Restarts", "Age", "IP*", "Node*", "Nominated Node*", "Readiness Gates*"]);
    expect(cols("", "Service")).to.deep.equal(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector*"]);
    expect(cols("apps", "Deployment")).to.deep.equal(["Name", "Ready", "Up-to-date", "Available", "Age", "Containers*", "Images*", "Selector*"]);
    expect(cols("batch", "Job")).to.deep.equal(["Name", "Status", "Completions", "Duration", "Age", "Containers*", "Images*", "Selector*"]);
    expect(cols("", "Event")).to.deep.equal(["Last Seen", "Type", "Reason", "Object", "Subobject*", "Source*", "Message", "First Seen*", "Count*", "Name*"]);
    expect(cols("", "Node")).to.deep.equal(["Name", "Status", "Roles", "Age", "Version", "Internal-IP*", "External-IP*", "OS-Image*", "Kernel-Version*", "Container-Runtime*"]);
    expect(cols("rbac.authorization.k8s.io", "Role")).to.deep.equal(["Name", "Created At"]);
    const name = columnDefinitions(resource("", "Pod"))[0]!;
    expect(name.format).to.equal("name");
    expect(name.description).to.match(/^Name must be unique within a namespace/);
  });
});

describe("printers: the Table", () => {
  const pods = resource("", "Pod");
  const p1 = caseObject("pod running");
  const p2 = caseObject("pod pending");

  it("is a meta.k8s.io/v1 Table with list metadata", () => {
    const t = toTable(pods, [p1, p2], { now: NOW, listMeta: { resourceVersion: "77", continue: "abc", remainingItemCount: 5 } });
    expect(t.kind).to.equal("Table");
    expect(t.apiVersion).to.equal("meta.k8s.io/v1");
    expect(t.metadata).to.deep.equal({ resourceVersion: "77", continue: "abc", remainingItemCount: 5 });
    expect(t.columnDefinitions).to.have.length(9);
    expect(t.rows).to.have.length(2);
    expect(Object.keys(t)).to.deep.equal(["kind", "apiVersion", "metadata", "columnDefinitions", "rows"]);
  });

  it("omits empty list metadata and carries a single object's resourceVersion", () => {
    expect(toTable(pods, [p1, p2], { now: NOW, listMeta: { resourceVersion: "9", continue: "" } }).metadata).to.deep.equal({ resourceVersion: "9" });
    expect(toTable(pods, [p1], { now: NOW }).metadata).to.deep.equal({ resourceVersion: "42" });
  });

  it("rows carry PartialObjectMetadata by default", () => {
    const row = toTable(pods, [p1], { now: NOW }).rows![0]!;
    expect(row.object).to.deep.equal({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: p1.metadata });
    expect(Object.keys(row)).to.deep.equal(["cells", "object"]);
    const beta = toTable(pods, [p1], { now: NOW, includeObject: "Metadata", apiVersion: "meta.k8s.io/v1beta1" });
    expect(beta.apiVersion).to.equal("meta.k8s.io/v1beta1");
    expect((beta.rows![0]!.object as { apiVersion: string }).apiVersion).to.equal("meta.k8s.io/v1beta1");
  });

  it("includeObject=Object carries the whole object with apiVersion and kind", () => {
    const { apiVersion: _a, kind: _k, ...bare } = p1;
    const row = toTable(pods, [bare], { now: NOW, includeObject: "Object" }).rows![0]!;
    expect(row.object).to.deep.equal({ kind: "Pod", apiVersion: "v1", ...bare });
  });

  it("includeObject=None serializes the object as null", () => {
    const t = toTable(pods, [p1], { now: NOW, includeObject: "None" });
    expect(t.rows![0]!.object).to.equal(null);
    expect(JSON.stringify(t.rows![0])).to.contain('"object":null');
  });

  it("rejects an unknown includeObject", () => {
    expect(() => toTable(pods, [p1], { includeObject: "All" as "None" })).to.throw(StatusError, 'unrecognized includeObject value: "All"');
  });

  it("noHeaders leaves the columns out (later watch events)", () => {
    expect(toTable(pods, [p1], { now: NOW, noHeaders: true }).columnDefinitions).to.equal(null);
  });

  it("an empty list has no rows ([] from a printer, null from the default convertor)", () => {
    expect(toTable(pods, [], { now: NOW, listMeta: { resourceVersion: "5" } }).rows).to.deep.equal([]);
    expect(toTable(resource("rbac.authorization.k8s.io", "ClusterRole"), [], { now: NOW }).rows).to.equal(null);
  });

  it("the default table prints Name and Created At (RFC 3339, UTC)", () => {
    const role = caseObject("role");
    const t = toTable(resource("rbac.authorization.k8s.io", "Role"), [role], { now: NOW });
    expect(t.columnDefinitions!.map((c) => [c.name, c.type, c.format])).to.deep.equal([
      ["Name", "string", "name"],
      ["Created At", "date", ""],
    ]);
    expect(t.rows![0]!.cells).to.deep.equal(["reader", ago(30 * 86400)]);
    expect(toTable(resource("rbac.authorization.k8s.io", "Role"), [{ metadata: { name: "x" } }], { now: NOW }).rows![0]!.cells).to.deep.equal(["x", "0001-01-01T00:00:00Z"]);
  });

  it("events.k8s.io events print like core events", () => {
    const cells = toTable(resource("events.k8s.io", "Event"), [caseObject("events.k8s.io event")], { now: NOW }).rows![0]!.cells;
    expect(cells).to.deep.equal(["3m", "Normal", "Killing", "pod/db-0", "spec.containers{postgres}", "kubelet, node-2", "Stopping container postgres", "20m", 3, "db-0.17f4"]);
  });
});

describe("printers: durations (duration.HumanDuration)", () => {
  const s = 1000;
  const cases: [number, string][] = [
    [-3 * s, "<invalid>"],
    [-1.5 * s, "0s"],
    [0, "0s"],
    [5 * s, "5s"],
    [119 * s, "119s"],
    [120 * s, "2m"],
    [200 * s, "3m20s"],
    [600 * s, "10m"],
    [179 * 60 * s, "179m"],
    [(3 * 60 + 1) * 60 * s, "3h1m"],
    [8 * 3600 * s, "8h"],
    [47 * 3600 * s + 59 * 60 * s, "47h"],
    [(2 * 24 + 3) * 3600 * s, "2d3h"],
    [8 * 24 * 3600 * s, "8d"],
    [730 * 24 * 3600 * s, "2y"],
    [731 * 24 * 3600 * s, "2y1d"],
    [9 * 365 * 24 * 3600 * s, "9y"],
  ];
  for (const [ms, want] of cases) it(`${ms}ms is ${want}`, () => expect(humanDuration(ms)).to.equal(want));

  it("translateTimestampSince: <unknown> for unset times", () => {
    expect(translateTimestampSince(undefined, NOW)).to.equal("<unknown>");
    expect(translateTimestampSince(null, NOW)).to.equal("<unknown>");
    expect(translateTimestampSince("0001-01-01T00:00:00Z", NOW)).to.equal("<unknown>");
    expect(translateTimestampSince(ago(65), NOW)).to.equal("65s");
  });
});
