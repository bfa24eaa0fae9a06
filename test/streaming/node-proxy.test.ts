/**
 * The API server's side of pods/log, exec, attach and portforward: pod -> node -> the
 * agent's container API, with kube-apiserver's and kubelet's errors, and the WebSocket
 * upgrade passed through with the negotiated subprotocol.
 */
import { rmSync } from "node:fs";
import { expect } from "chai";
import { MemoryStore, startApiServer, type RunningApiServer } from "../../src/k8s-api/index.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { startContainerApi, type ContainerApi } from "../../src/agents/http/server.js";
import { createLogger } from "../../src/util/log.js";
import { channelSession, fakeTask, rawWebSocket, until, type FakeTask } from "./helpers.js";

describe("API server: pod streams through the node's agent", function () {
  this.timeout(20_000);
  const log = createLogger("test", { level: "error" });
  let store: MemoryStore;
  let api: RunningApiServer;
  let agent: ContainerApi;
  let task: FakeTask;
  let uid = "";
  const base = () => `${api.url}/api/v1/namespaces/default/pods`;
  const status = async (url: string) => {
    const r = await fetch(url);
    const text = await r.text();
    return { code: r.status, text, body: (() => { try { return JSON.parse(text) as { message?: string; reason?: string }; } catch { return undefined; } })() };
  };

  async function put(kind: "pods" | "nodes", obj: KubeObject, status?: Record<string, unknown>): Promise<KubeObject> {
    const info = api.registry.resolve("", "v1", kind);
    const ns = kind === "pods" ? "default" : "";
    const created = (await api.registry.create(info, ns, obj)).object;
    if (!status) return created;
    return (await api.registry.update(info, ns, created.metadata!.name!, { ...created, status } as KubeObject, {}, "status")).object;
  }

  before(async () => {
    store = new MemoryStore();
    api = await startApiServer({ store, host: "127.0.0.1", port: 0, log });
    const pod = await put("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "p1", namespace: "default" }, spec: { nodeName: "n1", containers: [{ name: "c1", image: "busybox" }] } } as KubeObject);
    uid = pod.metadata!.uid!;
    const eid = `default.p1.${uid}`;
    task = Object.assign(fakeTask("echo from-task; exec sleep 30", {}, `${eid}.c1`), { executorId: eid });
    agent = await startContainerApi({ port: 0, lookup: (e, t) => (e === task.executorId && t === task.taskId ? task : undefined), log });
    await api.registry.update(api.registry.resolve("", "v1", "pods"), "default", "p1", { ...pod, status: { phase: "Running", containerStatuses: [{ name: "c1", ready: true, restartCount: 0, image: "busybox", imageID: "", state: { running: { startedAt: new Date().toISOString() } } }] } } as KubeObject, {}, "status");
    const nodeStatus = (port: number) => ({ addresses: [{ type: "InternalIP", address: "127.0.0.1" }], daemonEndpoints: { kubeletEndpoint: { Port: port } } });
    await put("nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "n1" } } as KubeObject, nodeStatus(agent.port));
    await put("nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "n0" } } as KubeObject, nodeStatus(0));
    await put("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "orphan", namespace: "default" }, spec: { nodeName: "n0", containers: [{ name: "c", image: "busybox" }] } } as KubeObject, {
      phase: "Running",
      containerStatuses: [{ name: "c", ready: true, restartCount: 0, image: "busybox", imageID: "", state: { running: {} } }],
    });
    await put("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "waiting", namespace: "default" }, spec: { nodeName: "n1", containers: [{ name: "c", image: "busybox" }] } } as KubeObject, {
      phase: "Pending",
      containerStatuses: [{ name: "c", ready: false, restartCount: 0, image: "busybox", imageID: "", state: { waiting: { reason: "ContainerCreating" } } }],
    });
    await put("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "unbound", namespace: "default" }, spec: { containers: [{ name: "a", image: "x" }, { name: "b", image: "x" }] } } as KubeObject);
    await new Promise((r) => setTimeout(r, 200));
  });
  after(async () => {
    await api?.close();
    await agent?.close();
    await store?.close();
    task?.kill();
    if (task) rmSync(task.sandbox, { recursive: true, force: true });
  });

  describe("log", () => {
    it("streams the container's log from its agent", async () => {
      const r = await status(`${base()}/p1/log`);
      expect(r.code).to.equal(200);
      expect(r.text).to.equal("from-task\n");
      expect((await status(`${base()}/p1/log?container=c1&tailLines=1`)).text).to.equal("from-task\n");
    });

    it("answers with kube-apiserver's and kubelet's errors", async () => {
      const missing = await status(`${base()}/nope/log`);
      expect(missing.code).to.equal(404);
      expect(missing.body?.message).to.equal('pods "nope" not found');
      const bad = await status(`${base()}/p1/log?container=zz`);
      expect(bad.code).to.equal(400);
      expect(bad.body?.message).to.equal("container zz is not valid for pod p1");
      const prev = await status(`${base()}/p1/log?previous=true`);
      expect(prev.code).to.equal(400);
      expect(prev.body?.message).to.equal('previous terminated container "c1" in pod "p1" not found');
      const waiting = await status(`${base()}/waiting/log`);
      expect(waiting.code).to.equal(400);
      expect(waiting.body?.message).to.equal('container "c" in pod "waiting" is waiting to start: ContainerCreating');
      const choose = await status(`${base()}/unbound/log`);
      expect(choose.code).to.equal(400);
      expect(choose.body?.message).to.equal("a container name must be specified for pod unbound, choose one of: [a b]");
      // Not scheduled: an empty log, as kube-apiserver answers.
      const unbound = await status(`${base()}/unbound/log?container=a`);
      expect(unbound.code).to.equal(200);
      expect(unbound.text).to.equal("");
      const noEndpoint = await status(`${base()}/orphan/log`);
      expect(noEndpoint.code).to.equal(503);
      expect(noEndpoint.body?.reason).to.equal("ServiceUnavailable");
    });
  });

  describe("exec and port-forward upgrades", () => {
    const ws = (pod: string, q: string) => `${base().replace("http", "ws")}/${pod}/exec?${q}`;

    it("exec goes through to the agent with the negotiated v5 subprotocol", async () => {
      const r = await channelSession(ws("p1", "command=sh&command=-c&command=pwd;exit%202&stdout=true&stderr=true&container=c1"));
      expect(r.protocol).to.equal("v5.channel.k8s.io");
      expect(r.stdout.trim()).to.equal(task.sandbox);
      expect(r.status?.details?.causes).to.deep.equal([{ reason: "ExitCode", message: "2" }]);
    });

    it("refuses an upgrade with a Status before reaching any agent", async () => {
      const err = async (url: string) => channelSession(url).then(() => undefined, (e: { statusCode?: number; body?: string }) => ({ code: e.statusCode, status: JSON.parse(e.body ?? "{}") as { message?: string } }));
      expect(await err(ws("nope", "command=true"))).to.deep.include({ code: 404 });
      expect((await err(ws("p1", "command=true&container=zz")))?.status.message).to.equal("container zz is not valid for pod p1");
      expect((await err(ws("waiting", "command=true")))?.status.message).to.equal('container "c" in pod "waiting" is waiting to start: ContainerCreating');
      expect((await err(ws("unbound", "command=true&container=a")))?.status.message).to.equal("pod unbound does not have a host assigned");
      expect((await err(ws("orphan", "command=true")))?.code).to.equal(503);
    });

    it("a plain POST to exec is told to upgrade", async () => {
      const r = await fetch(`${base()}/p1/exec?command=true`, { method: "POST" });
      expect(r.status).to.equal(400);
      expect(((await r.json()) as { message: string }).message).to.equal("Upgrade request required");
    });

    it("port-forward's tunneled WebSocket is passed through with its subprotocol", async () => {
      const { ws: sock, protocol } = await rawWebSocket(`${base().replace("http", "ws")}/p1/portforward`, "SPDY/3.1+portforward.k8s.io");
      expect(protocol).to.equal("SPDY/3.1+portforward.k8s.io");
      let closed = false;
      sock.on("close", () => (closed = true));
      sock.close();
      await until(() => closed, "close");
    });
  });
});
