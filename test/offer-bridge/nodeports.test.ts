/**
 * NodePorts as port resources (nodeports.ts): the kubernetes framework holds each
 * Service's nodePort on the agent as an allocated `ports` resource (a task of the agent's
 * built-in proxy executor), so a batch framework sharing the pool is never offered it,
 * while the NodePort carries traffic; a port another framework holds is reported on the
 * Service and not listened on, until it is free; a deleted Service releases its port.
 */
import { expect } from "chai";
import { createServer, connect, type Server, type AddressInfo } from "node:net";
import { freshGet } from "../support/http.js";
import { startCluster, eventually, eventsFor, type TestCluster } from "./helpers.js";
import { callbackSink } from "../../src/mesos/link.js";
import type { Offer, SchedulerEvent, TaskStatus } from "../../src/mesos/v1.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

const SERVICES = { group: "", version: "v1", plural: "services" } as const;
const SLICES = { group: "discovery.k8s.io", version: "v1", plural: "endpointslices" } as const;

interface MasterState {
  frameworks: { name: string; tasks: { id: string; state: string; resources: Record<string, unknown> }[] }[];
}

/** One GET on a fresh connection; undefined when nothing answers. */
const get = (url: string) => freshGet(url, 2000);

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

const hasPort = (o: Offer, port: number) => o.resources.some((r) => r.name === "ports" && (r.ranges?.range ?? []).some((x) => x.begin <= port && port <= x.end));

describe("offer-bridge: NodePorts held as the agent's port resources", function () {
  this.timeout(90_000);
  let c: TestCluster;
  let backend: Server;
  let backendPort = 0;
  // A batch framework on the same pool (role batch): records every offer; declines them
  // quickly unless the test wants one to launch from.
  const offers: Offer[] = [];
  const updates: TaskStatus[] = [];
  let streamId = "";
  let fwId = "";
  let launchFrom: ((o: Offer) => boolean) | undefined;
  const sink = callbackSink<SchedulerEvent>((e) => {
    if (e.type === "SUBSCRIBED") fwId = e.subscribed!.framework_id.value;
    if (e.type === "UPDATE") {
      updates.push(e.update!.status);
      const s = e.update!.status;
      if (s.uuid) void c.rm.master.scheduler.call(streamId, { type: "ACKNOWLEDGE", framework_id: { value: fwId }, acknowledge: { agent_id: s.agent_id!, task_id: s.task_id, uuid: s.uuid } }).catch(() => undefined);
    }
    if (e.type !== "OFFERS") return;
    const got = e.offers?.offers ?? [];
    offers.push(...got);
    setImmediate(() => {
      for (const o of got) {
        if (launchFrom?.(o)) continue;
        void c.rm.master.scheduler.call(streamId, { type: "DECLINE", framework_id: { value: fwId }, decline: { offer_ids: [o.id], filters: { refuse_seconds: 0.2 } } }).catch(() => undefined);
      }
    });
  });
  const state = async () => (await (await fetch(`${c.rm.url}/state`)).json()) as MasterState;
  const kubeTasks = async () => (await state()).frameworks.find((f) => f.name === "kubernetes")?.tasks ?? [];
  const nodePortService = async (name: string, nodePort: number) => {
    await c.client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { type: "NodePort", ports: [{ port: 80, nodePort, targetPort: backendPort }] } } as KubeObject);
    await c.client.create(SLICES, "default", {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: `${name}-x`, namespace: "default", labels: { "kubernetes.io/service-name": name } },
      addressType: "IPv4",
      ports: [{ name: "", port: backendPort, protocol: "TCP" }],
      endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }],
    } as unknown as KubeObject);
  };

  before(async () => {
    backend = createServer((s) => s.end("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"));
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
    backendPort = (backend.address() as AddressInfo).port;
    c = await startCluster({ framework: { serviceProxy: { debounceMs: 50, resendMs: 500 }, nodeRefreshMs: 1000 } });
    streamId = (await c.rm.master.scheduler.subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "root", name: "batch", roles: ["batch"], capabilities: [{ type: "MULTI_ROLE" }] } } }, sink)).streamId;
  });
  after(async () => {
    if (fwId) await c?.rm.master.scheduler.call(streamId, { type: "TEARDOWN", framework_id: { value: fwId } }).catch(() => undefined);
    sink.close("done");
    await c?.stop();
    backend?.close();
  });

  const nodePort = 30000 + Math.floor(Math.random() * 1000);
  const taken = nodePort + 1000;

  it("holds a Service's nodePort as a RUNNING task's ports; the batch framework is never offered it, and the NodePort serves traffic", async () => {
    expect(await listening(nodePort)).to.equal(false);
    await nodePortService("web", nodePort);
    const hold = await eventually("the hold in the master's state", async () => (await kubeTasks()).find((t) => t.state === "TASK_RUNNING" && t.resources.ports === `[${nodePort}-${nodePort}]`), 20_000);
    expect(hold.id).to.match(/^berth-nodeport-/);
    expect(hold.resources).to.include({ cpus: 0, mem: 0 }, "only the port");
    expect(await eventually("traffic through the NodePort", async () => (await get(`http://127.0.0.1:${nodePort}/`)) === "hello" || undefined)).to.equal(true);
    const since = offers.length;
    await eventually("three more batch offers with ports", () => offers.slice(since).filter((o) => o.resources.some((r) => r.name === "ports")).length >= 3, 20_000);
    expect(offers.slice(since).filter((o) => hasPort(o, nodePort))).to.deep.equal([], "no batch offer holds the NodePort");
    expect(offers.slice(since).some((o) => hasPort(o, nodePort + 1))).to.equal(true, "its neighbour is offered");
  });

  it("a nodePort another framework holds is reported on the Service and not listened on, then held once free", async () => {
    // The batch framework takes the port first, with a task that does not listen on it.
    let batchTask = "";
    launchFrom = (o) => {
      if (batchTask || !hasPort(o, taken)) return false;
      batchTask = "batch-holder";
      const res = (name: string, value: number) => ({ name, type: "SCALAR" as const, scalar: { value }, allocation_info: { role: "batch" } });
      void c.rm.master.scheduler.call(streamId, {
        type: "ACCEPT",
        framework_id: { value: fwId },
        accept: { offer_ids: [o.id], operations: [{ type: "LAUNCH", launch: { task_infos: [{ name: batchTask, task_id: { value: batchTask }, agent_id: o.agent_id, resources: [res("cpus", 0.1), res("mem", 32), { name: "ports", type: "RANGES", ranges: { range: [{ begin: taken, end: taken }] }, allocation_info: { role: "batch" } }], command: { value: "sleep 300" } }] } }], filters: { refuse_seconds: 0.2 } },
      });
      return true;
    };
    await eventually("the batch task running", () => updates.some((u) => u.task_id.value === "batch-holder" && u.state === "TASK_RUNNING"), 20_000);
    launchFrom = undefined;

    await nodePortService("blocked", taken);
    const ev = await eventually("the NodePortUnavailable event", async () => (await eventsFor(c, "blocked")).find((e) => e.reason === "NodePortUnavailable"), 20_000);
    expect(ev.type).to.equal("Warning");
    expect(ev.message).to.equal(`nodePort ${taken} is not available on node 127.0.0.1: another framework of the pool holds it, a pod on the node declares it, or the agent does not offer it; the Service does not listen there until the port can be held`);
    expect(ev.source?.component).to.equal("kube-proxy");
    expect((await kubeTasks()).some((t) => t.resources.ports === `[${taken}-${taken}]`)).to.equal(false);
    expect(await listening(taken)).to.equal(false, "the proxy does not listen on a port it does not hold");

    // The batch framework lets go: the kubernetes framework holds the port and serves it.
    await c.rm.master.scheduler.call(streamId, { type: "KILL", framework_id: { value: fwId }, kill: { task_id: { value: "batch-holder" }, agent_id: offers[0]!.agent_id } });
    await eventually("held by the kubernetes framework", async () => (await kubeTasks()).some((t) => t.state === "TASK_RUNNING" && t.resources.ports === `[${taken}-${taken}]`), 20_000);
    expect(await eventually("traffic through the freed NodePort", async () => (await get(`http://127.0.0.1:${taken}/`)) === "hello" || undefined, 10_000)).to.equal(true);
  });

  it("deleting the Service releases the port: the hold is killed, the proxy stops listening, and the port is offered again", async () => {
    await c.client.delete(SERVICES, "default", "web");
    await eventually("the hold gone from the master", async () => !(await kubeTasks()).some((t) => t.state === "TASK_RUNNING" && t.resources.ports === `[${nodePort}-${nodePort}]`), 20_000);
    await eventually("the proxy to stop listening", async () => !(await listening(nodePort)), 10_000);
    const since = offers.length;
    await eventually("a batch offer with the released port", () => offers.slice(since).some((o) => hasPort(o, nodePort)), 20_000);
  });

  it("a restarted framework adopts its holds: no second hold, and it releases them when their Service goes", async () => {
    const holdsOf = async (port: number) => (await kubeTasks()).filter((t) => t.state === "TASK_RUNNING" && t.resources.ports === `[${port}-${port}]`).map((t) => t.id);
    const before = await holdsOf(taken);
    expect(before).to.have.length(1);
    await c.restartFramework();
    // Offers come and go for a while: the adopted hold stays the only one, and the port keeps serving.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await holdsOf(taken)).to.deep.equal(before);
    expect(await get(`http://127.0.0.1:${taken}/`)).to.equal("hello");
    // Adopted, so the new instance releases it when its Service goes.
    await c.client.delete(SERVICES, "default", "blocked");
    await eventually("the adopted hold released", async () => (await holdsOf(taken)).length === 0, 20_000);
  });
});
