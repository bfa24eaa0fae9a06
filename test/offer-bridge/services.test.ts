import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryStore } from "../../src/k8s-api/store/index.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { LocalClient } from "../../src/k8s-api/client/local.js";
import { bootstrapApiObjects } from "../../src/k8s-api/bootstrap.js";
import { startControllers, type ControllersHandle } from "../../src/k8s-api/controllers/index.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { startMaster, type RunningMaster } from "../../src/resource-manager/index.js";
import { startAgent, type Agent } from "../../src/agents/index.js";
import { startKubeFramework, type KubeFramework } from "../../src/offer-bridge/index.js";
import { proxyRules, type EndpointSliceObj, type ServiceObj } from "../../src/offer-bridge/services.js";
import type { Resource } from "../../src/mesos/v1.js";
import { eventually, getPod, PODS, testLogger } from "./helpers.js";
import { freshGet } from "../support/http.js";
import { freePort } from "../support/net.js";

const SERVICES = { group: "", version: "v1", plural: "services" } as const;

describe("service proxy rules", () => {
  const svc = (name: string, spec: ServiceObj["spec"]): ServiceObj => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec });
  const slice = (svcName: string, ports: EndpointSliceObj["ports"], endpoints: EndpointSliceObj["endpoints"]): EndpointSliceObj => ({
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: `${svcName}-x`, namespace: "default", labels: { "kubernetes.io/service-name": svcName } },
    addressType: "IPv4",
    ports,
    endpoints,
  });

  it("maps ClusterIP and NodePort ports to ready endpoints with resolved target ports", () => {
    const services = [
      svc("web", { type: "NodePort", clusterIP: "127.96.0.10", clusterIPs: ["127.96.0.10"], ports: [{ name: "http", port: 80, nodePort: 30080 }, { name: "dns", protocol: "UDP", port: 53 }] }),
      svc("headless", { clusterIP: "None", ports: [{ port: 80 }] }),
      svc("ext", { type: "ExternalName", ports: [{ port: 80 }] }),
      svc("empty", { clusterIP: "127.96.0.12", ports: [{ port: 81 }] }),
    ];
    const slices = [
      // Named target ports resolve per pod: one slice per port set.
      slice("web", [{ name: "http", port: 8081, protocol: "TCP" }], [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]),
      slice("web", [{ name: "http", port: 8082, protocol: "TCP" }], [{ addresses: ["10.0.0.5"], conditions: { ready: true } }, { addresses: ["10.0.0.6"], conditions: { ready: false } }]),
      slice("headless", [{ port: 80 }], [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]),
    ];
    expect(proxyRules(services, slices, "192.168.1.5")).to.deep.equal([
      { listen: "127.0.0.1:30080", backends: ["10.0.0.5:8082", "127.0.0.1:8081"], held: true },
      { listen: "127.96.0.10:80", backends: ["10.0.0.5:8082", "127.0.0.1:8081"] },
      { listen: "127.96.0.12:81", backends: [] },
      { listen: "192.168.1.5:30080", backends: ["10.0.0.5:8082", "127.0.0.1:8081"], held: true },
    ]);
    // On a loopback agent the NodePort listens once.
    expect(proxyRules(services, slices, "127.0.0.1").map((r) => r.listen)).to.deep.equal(["127.0.0.1:30080", "127.96.0.10:80", "127.96.0.12:81"]);
  });
});


/** One GET on a fresh connection; undefined when nothing answers. */
const get = (url: string) => freshGet(url, 2000);

const SERVER = "require('http').createServer((q,s)=>s.end(process.env.NAME)).listen(+process.env.PORT,'127.0.0.1')";

describe("services through the agent proxy (in-process cluster)", function () {
  this.timeout(60_000);
  let registry: Registry;
  let client: LocalClient;
  let rm: RunningMaster;
  let agent: Agent;
  let framework: KubeFramework;
  let controllers: ControllersHandle;
  let workDir: string;
  const log = testLogger("services-test");

  before(async () => {
    registry = new Registry(new MemoryStore());
    await bootstrapApiObjects(registry, { host: "127.0.0.1", port: 6443 });
    client = new LocalClient(registry, "services-test");
    controllers = await startControllers(new LocalClient(registry, "kube-controller-manager"), log.child({ component: "controllers" }), { controllers: ["endpointslice-controller"] });
    rm = await startMaster({ port: 0, logger: log.child({ component: "master" }), allocationIntervalMs: 50 });
    workDir = mkdtempSync(join(tmpdir(), "berth-svc-"));
    const scalar = (name: string, value: number): Resource => ({ name, type: "SCALAR", scalar: { value } });
    agent = await startAgent({
      api: rm.master.agentApi,
      workDir,
      hostname: "127.0.0.1",
      log: log.child({ component: "agent" }),
      resources: [scalar("cpus", 2), scalar("mem", 2048), scalar("disk", 4096), { name: "ports", type: "RANGES", ranges: { range: [{ begin: 1024, end: 65535 }] } }],
      cgroupRoot: false,
    });
    await agent.registered;
    framework = await startKubeFramework({ client: new LocalClient(registry, "kubernetes-framework"), scheduler: rm.master.scheduler, log: log.child({ component: "kube-framework" }), reconcileSettleMs: 300, serviceProxy: { debounceMs: 50, resendMs: 1000 } });
    await framework.ready;
  });

  after(async () => {
    await framework?.stop();
    await agent?.stop({ killTasks: true });
    await rm?.close();
    controllers?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("routes ClusterIP and NodePort traffic to every ready pod by named targetPort and drops pods that turn unready", async () => {
    const unready = join(workDir, "b-unready");
    const mkPod = async (name: string, port: number) =>
      client.create(PODS, "default", {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, namespace: "default", labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "srv",
              image: "busybox",
              command: ["node", "-e", SERVER],
              env: [
                { name: "PORT", value: String(port) },
                { name: "NAME", value: name },
              ],
              ports: [{ name: "http", containerPort: port }],
              readinessProbe: { exec: { command: ["sh", "-c", `test ! -f ${unready.replace("b-unready", `${name}-unready`)}`] }, periodSeconds: 1, failureThreshold: 1 },
            },
          ],
        },
      } as KubeObject);
    const [pa, pb] = [await freePort(), await freePort()];
    await mkPod("a", pa);
    await mkPod("b", pb);
    const nodePort = 30000 + Math.floor(Math.random() * 2000);
    const svc = (await client.create(SERVICES, "default", {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, targetPort: "http", nodePort }] },
    } as KubeObject)) as KubeObject & { spec: { clusterIP: string } };
    const ip = svc.spec.clusterIP;
    expect(ip).to.match(/^127\.96\./);
    for (const n of ["a", "b"]) await eventually(`${n} ready`, async () => (await getPod({ client } as never, n))?.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"), 30_000);

    // Both backends answer through the ClusterIP (round robin), and through the NodePort.
    const seen = await eventually(
      "both pods through the ClusterIP",
      async () => {
        const got = new Set<string>();
        for (let i = 0; i < 6; i++) got.add((await get(`http://${ip}:80/`)) ?? "-");
        // A round with a failed request ("-") is tried again: the exec readiness probe says
        // nothing about the server listening yet.
        return got.has("a") && got.has("b") && !got.has("-") ? got : undefined;
      },
      20_000,
    );
    expect([...seen].sort()).to.deep.equal(["a", "b"]);
    const viaNodePort = new Set<string>();
    await eventually("both pods through the NodePort", async () => {
      viaNodePort.add((await get(`http://127.0.0.1:${nodePort}/`)) ?? "-");
      return viaNodePort.has("a") && viaNodePort.has("b");
    });

    // b turns unready: only a answers.
    writeFileSync(join(workDir, "b-unready"), "");
    await eventually(
      "b out of rotation",
      async () => {
        const got: string[] = [];
        for (let i = 0; i < 6; i++) got.push((await get(`http://${ip}:80/`)) ?? "-");
        return got.every((g) => g === "a");
      },
      20_000,
    );
  });
});
