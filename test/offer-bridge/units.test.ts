/** The framework's pure parts: quantities, the image catalog, task ids, fit messages, pod status from task states. */
import { expect } from "chai";
import { parseQuantity, formatCpu, formatMebibytes, mebibytes } from "../../src/offer-bridge/quantity.js";
import { BUILTIN_IMAGES, containerArgv, imageRepository } from "../../src/offer-bridge/images.js";
import { expand, parseTaskId, podTaskGroup, taskIdOf, type RenderContext } from "../../src/offer-bridge/pod-tasks.js";
import { ApiClientError, type ApiClient } from "../../src/k8s-api/client/types.js";

/** A render context whose API holds nothing (no services, no ConfigMaps). */
const NO_API: RenderContext = {
  client: { list: async () => ({ items: [] }), get: async () => Promise.reject(new ApiClientError(404, "NotFound", "not found")) } as unknown as ApiClient,
  nodeName: "n1",
  hostIP: "10.0.0.1",
  podIP: "10.0.0.1",
};
import { firstFit, fitError, type NodeCandidate } from "../../src/offer-bridge/placement.js";
import { computePodStatus, type TaskView } from "../../src/offer-bridge/pod-status.js";
import type { Pod } from "../../src/offer-bridge/types.js";

const pod = (spec: Pod["spec"], name = "web.v1"): Pod => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "ns", uid: "0b6e-11" }, spec });

describe("offer-bridge: units", () => {
  it("parses quantities as apimachinery does", () => {
    expect(parseQuantity("100m")).to.equal(0.1);
    expect(parseQuantity("1.5")).to.equal(1.5);
    expect(mebibytes("64Mi")).to.equal(64);
    expect(mebibytes("1Gi")).to.equal(1024);
    expect(parseQuantity("1G")).to.equal(1e9);
    expect(parseQuantity("129e6")).to.equal(129e6);
    expect(parseQuantity("12x")).to.equal(undefined);
    expect(formatCpu(2)).to.equal("2");
    expect(formatCpu(0.25)).to.equal("250m");
    expect(formatMebibytes(2048)).to.equal("2Gi");
    expect(formatMebibytes(1536)).to.equal("1536Mi");
  });

  it("resolves images through the catalog: command replaces ENTRYPOINT, args CMD", () => {
    expect(imageRepository("docker.io/library/busybox:1.36@sha256:abc")).to.equal("busybox");
    expect(imageRepository("registry.k8s.io/pause:3.10")).to.equal("registry.k8s.io/pause");
    expect(imageRepository("localhost:5000/app")).to.equal("localhost:5000/app");
    expect(containerArgv({ image: "busybox", args: ["sh", "-c", "x"] }, BUILTIN_IMAGES)).to.deep.equal(["sh", "-c", "x"]);
    expect(containerArgv({ image: "busybox" }, BUILTIN_IMAGES)).to.deep.equal(["sh"]);
    expect(containerArgv({ image: "nginx", command: ["nginx"], args: ["-g", "daemon off;"] }, BUILTIN_IMAGES)).to.deep.equal(["nginx", "-g", "daemon off;"]);
    expect(containerArgv({ image: "registry.k8s.io/pause:3.10" }, BUILTIN_IMAGES)).to.deep.equal(["sleep", "infinity"]);
    expect(containerArgv({ image: "nginx" }, BUILTIN_IMAGES)).to.equal('berth cannot run image "nginx": no command and no catalog entry');
  });

  it("names tasks <namespace>.<pod>.<uid>.<container> and parses them back (pod names may hold dots)", () => {
    const p = pod({});
    expect(taskIdOf(p, "app")).to.equal("ns.web.v1.0b6e-11.app");
    expect(parseTaskId("ns.web.v1.0b6e-11.app")).to.deep.equal({ namespace: "ns", pod: "web.v1", uid: "0b6e-11", container: "app" });
    expect(parseTaskId("hello-1")).to.equal(undefined);
  });

  it("renders a pod as one task group: argv with shell=false, plain env, $(VAR) expansion, requests or defaults", async () => {
    const g = await podTaskGroup(
      pod({
        terminationGracePeriodSeconds: 7,
        containers: [
          { name: "a", image: "busybox", command: ["echo", "$(GREETING) $$(x)"], env: [{ name: "GREETING", value: "hi" }, { name: "FROM", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }], resources: { requests: { cpu: "250m", memory: "64Mi" } } },
          { name: "b", image: "busybox", command: ["true"] },
        ],
      }),
      "agent-1",
      "fw-1",
      BUILTIN_IMAGES,
      NO_API,
    );
    if (!g.ok) throw new Error(g.message);
    expect(g.executor).to.include({ type: "DEFAULT" });
    expect(g.executor.executor_id.value).to.equal("ns.web.v1.0b6e-11");
    const [a, b] = g.tasks;
    expect(a!.command).to.deep.include({ shell: false, value: "echo", arguments: ["echo", "hi $(x)"] });
    expect(a!.command!.environment!.variables.map((v) => v.name)).to.deep.equal(["HOSTNAME", "GREETING", "FROM"]);
    expect(a!.resources).to.deep.equal([{ name: "cpus", type: "SCALAR", scalar: { value: 0.25 } }, { name: "mem", type: "SCALAR", scalar: { value: 64 } }]);
    expect(b!.resources.map((r) => r.scalar?.value)).to.deep.equal([0.1, 200]);
    expect(a!.kill_policy?.grace_period?.nanoseconds).to.equal(7e9);
    expect(expand("$(A)-$(B)", new Map([["A", "1"]]))).to.equal("1-$(B)");
    const bad = await podTaskGroup(pod({ containers: [{ name: "c", command: ["true"], env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "nope", key: "k" } } }] }] }), "a", "f", BUILTIN_IMAGES, NO_API);
    expect(bad).to.deep.include({ ok: false, reason: "CreateContainerConfigError", message: 'configmap "nope" not found' });
  });

  it("words unschedulable pods as kube-scheduler's FitError", () => {
    expect(fitError(3, new Map([["node(s) were unschedulable", 2], ["Insufficient cpu", 1]]))).to.equal("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable.");
    const cand = (name: string, cpus: number, labels: Record<string, string> = {}): NodeCandidate => ({ name, agentId: name, labels, unschedulable: false, free: { cpus, mem: 1024, disk: 0 } });
    const p = pod({ nodeSelector: { zone: "a" }, containers: [] });
    const r = firstFit.place(p, { cpus: 1, mem: 10, disk: 0 }, [cand("n1", 4), cand("n2", 0.5, { zone: "a" }), cand("n3", 2, { zone: "a" })]);
    expect(r.node?.name).to.equal("n3");
    const none = firstFit.place(p, { cpus: 8, mem: 10, disk: 0 }, [cand("n1", 4), cand("n2", 0.5, { zone: "a" })]);
    expect(none.node).to.equal(undefined);
    expect((none as { message: string }).message).to.equal("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector.");
  });

  describe("pod status from task states", () => {
    const two = (policy: "Always" | "OnFailure" | "Never") => pod({ restartPolicy: policy, containers: [{ name: "a", image: "busybox" }, { name: "b", image: "busybox" }] });
    const t = (state: TaskView["state"], extra: Partial<TaskView> = {}): TaskView => ({ taskId: "x", state, at: 1_700_000_010, runningSince: state === "TASK_STAGING" ? undefined : 1_700_000_000, ...extra }) as TaskView;
    const status = (p: Pod, a: TaskView, b: TaskView) => computePodStatus({ pod: p, tasks: new Map([["a", a], ["b", b]]), hostIP: "10.0.0.5", now: new Date(1_700_000_020_000) });

    it("Pending while a container is being created, Running once all run, Ready with them", () => {
      expect(status(two("Never"), t("TASK_RUNNING"), t("TASK_STAGING")).phase).to.equal("Pending");
      const s = status(two("Never"), t("TASK_RUNNING"), t("TASK_RUNNING"));
      expect(s.phase).to.equal("Running");
      expect(s.conditions!.find((c) => c.type === "Ready")!.status).to.equal("True");
      expect(s.containerStatuses![0]!.state.running!.startedAt).to.equal("2023-11-14T22:13:20Z");
      expect(s).to.include({ hostIP: "10.0.0.5", podIP: "10.0.0.5" });
    });

    it("by restart policy once containers end: Never/OnFailure Succeeded or Failed; Always stays Running", () => {
      expect(status(two("Never"), t("TASK_FINISHED", { exitCode: 0 }), t("TASK_FINISHED", { exitCode: 0 })).phase).to.equal("Succeeded");
      expect(status(two("Never"), t("TASK_FINISHED", { exitCode: 0 }), t("TASK_FAILED", { exitCode: 2 })).phase).to.equal("Failed");
      expect(status(two("OnFailure"), t("TASK_FAILED", { exitCode: 1 }), t("TASK_RUNNING")).phase).to.equal("Running");
      expect(status(two("OnFailure"), t("TASK_FAILED", { exitCode: 1 }), t("TASK_FINISHED")).phase).to.equal("Failed");
      const always = status(two("Always"), t("TASK_FINISHED"), t("TASK_KILLED", { exitCode: 143 }));
      expect(always.phase).to.equal("Running");
      expect(always.containerStatuses![1]!.state.terminated).to.include({ exitCode: 143, reason: "Error" });
      const oom = status(two("Never"), t("TASK_FAILED", { reason: "REASON_CONTAINER_LIMITATION_MEMORY" }), t("TASK_FINISHED"));
      expect(oom.containerStatuses![0]!.state.terminated).to.include({ exitCode: 137, reason: "OOMKilled" });
    });

    it("a blocked pod's containers wait with its reason", () => {
      const s = computePodStatus({ pod: two("Always"), tasks: new Map(), hostIP: "127.0.0.1", blocked: { reason: "ErrImagePull", message: "m" }, now: new Date() });
      expect(s.phase).to.equal("Pending");
      expect(s.containerStatuses!.map((c) => c.state.waiting?.reason)).to.deep.equal(["ErrImagePull", "ErrImagePull"]);
    });
  });
});
