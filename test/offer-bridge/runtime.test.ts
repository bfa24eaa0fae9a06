/**
 * The pod runtime end to end in one process (real master, agent and processes): init
 * containers, restart policies with CrashLoopBackOff, env from the API (valueFrom,
 * envFrom, service variables), volumes as files in the sandbox, probes flipping
 * readiness, termination messages, and config errors as kubelet words them.
 */
import { expect } from "chai";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { startCluster, eventually, pod, getPod, eventsFor, PODS, type TestCluster } from "./helpers.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

const CONFIGMAPS = { group: "", version: "v1", plural: "configmaps" } as const;
const SECRETS = { group: "", version: "v1", plural: "secrets" } as const;
const SERVICES = { group: "", version: "v1", plural: "services" } as const;

type Status = {
  phase?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
  initContainerStatuses?: Cs[];
  containerStatuses?: Cs[];
};
type Cs = { name: string; ready: boolean; started: boolean; restartCount: number; state: St; lastState: St };
type St = { waiting?: { reason?: string; message?: string }; running?: { startedAt: string }; terminated?: { exitCode: number; reason?: string; message?: string } };

/** The stdout of a pod's container (its sandbox is the task's). */
function stdoutOf(workDir: string, podName: string, container: string): string {
  const walk = (d: string): string | undefined => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (!statSync(p).isDirectory()) continue;
      if (e.startsWith(`default.${podName}.`) && e.endsWith(`.${container}`) && p.includes("/tasks/")) return join(p, "stdout");
      const r = walk(p);
      if (r) return r;
    }
    return undefined;
  };
  const f = walk(join(workDir, "frameworks"));
  return f ? readFileSync(f, "utf8") : "";
}

describe("offer-bridge: the pod runtime", function () {
  this.timeout(60_000);
  let c: TestCluster;
  const status = async (name: string) => ((await getPod(c, name)) as unknown as { status?: Status } | undefined)?.status;

  before(async () => {
    c = await startCluster({ cpus: 4, mem: 4096 });
  });
  after(async () => {
    await c?.stop();
  });

  it("init containers run in order before the containers, sharing an emptyDir; Initialized follows them", async () => {
    await c.client.create(
      PODS,
      "default",
      pod("init", {
        restartPolicy: "Never",
        volumes: [{ name: "work", emptyDir: {} }],
        initContainers: [
          { name: "first", image: "busybox", command: ["sh", "-c", "sleep 0.5; echo one > work/msg"], volumeMounts: [{ name: "work", mountPath: "/work" }] },
          { name: "second", image: "busybox", command: ["sh", "-c", 'echo two >> "$BERTH_VOLUME_WORK/msg"'], volumeMounts: [{ name: "work", mountPath: "/work" }] },
        ],
        containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "cat data/msg"], volumeMounts: [{ name: "work", mountPath: "/data" }] }],
      }),
    );
    const early = await eventually("init Pending with the first init running", async () => {
      const s = await status("init");
      return s?.initContainerStatuses?.[0]?.state.running && s;
    });
    expect(early.phase).to.equal("Pending");
    expect(early.conditions!.find((x) => x.type === "Initialized")).to.include({ status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [first second]" });
    expect(early.initContainerStatuses![1]!.state.waiting?.reason).to.equal("PodInitializing");
    expect(early.containerStatuses![0]!.state.waiting?.reason).to.equal("PodInitializing");
    const done = await eventually("init Succeeded", async () => {
      const s = await status("init");
      return s?.phase === "Succeeded" && s;
    });
    expect(done.initContainerStatuses!.map((s) => s.state.terminated?.reason)).to.deep.equal(["Completed", "Completed"]);
    expect(done.conditions!.find((x) => x.type === "Initialized")?.status).to.equal("True");
    expect(stdoutOf(c.workDir, "init", "main")).to.equal("one\ntwo\n");
  });

  it("a crash-looping container (restartPolicy Always) restarts: restartCount, lastState, CrashLoopBackOff as kubelet words it; BackOff event", async () => {
    const p = await c.client.create(PODS, "default", pod("crash", { containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "echo boom; exit 3"] }] }));
    const uid = p.metadata!.uid!;
    const s = await eventually("crash in CrashLoopBackOff", async () => {
      const x = await status("crash");
      return x?.containerStatuses?.[0]?.state.waiting?.reason === "CrashLoopBackOff" && x;
    });
    const cs = s.containerStatuses![0]!;
    expect(cs.state.waiting!.message).to.equal(`back-off 10s restarting failed container=c pod=crash_default(${uid})`);
    expect(cs.restartCount).to.equal(1);
    expect(cs.lastState.terminated).to.include({ exitCode: 3, reason: "Error" });
    expect(cs.ready).to.equal(false);
    expect(s.phase).to.equal("Running");
    const ev = await eventually("BackOff event", async () => (await eventsFor(c, "crash")).find((e) => e.reason === "BackOff"));
    expect(ev).to.include({ type: "Warning", message: `Back-off restarting failed container c in pod crash_default(${uid})` });
    await c.client.delete(PODS, "default", "crash");
    await eventually("crash gone", async () => !(await getPod(c, "crash")), 15_000);
  });

  it("restartPolicy OnFailure: a failing container is restarted until it succeeds; the pod Succeeds with restartCount 1", async () => {
    await c.client.create(PODS, "default", pod("onfail", { restartPolicy: "OnFailure", volumes: [{ name: "s", emptyDir: {} }], containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "test -f s/once && exit 0; touch s/once; exit 1"], volumeMounts: [{ name: "s", mountPath: "/s" }] }] }));
    const s = await eventually("onfail Succeeded", async () => {
      const x = await status("onfail");
      return x?.phase === "Succeeded" && x;
    });
    expect(s.containerStatuses![0]!.restartCount).to.equal(1);
    expect(s.containerStatuses![0]!.state.terminated).to.include({ exitCode: 0, reason: "Completed" });
  });

  it("env: valueFrom (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef, optional), envFrom with prefix, $(VAR), service variables", async () => {
    await c.client.create(CONFIGMAPS, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app-config" }, data: { color: "blue", size: "L" } } as KubeObject);
    await c.client.create(SECRETS, "default", { apiVersion: "v1", kind: "Secret", metadata: { name: "app-secret" }, data: { password: Buffer.from("s3cret").toString("base64") } } as KubeObject);
    const svc = (await c.client.create(SERVICES, "default", { apiVersion: "v1", kind: "Service", metadata: { name: "my-db" }, spec: { ports: [{ name: "sql", port: 5432, protocol: "TCP" }] } } as KubeObject)) as KubeObject & { spec: { clusterIP: string } };
    const ip = svc.spec.clusterIP;
    const master = (await c.client.get(SERVICES, "default", "kubernetes")) as KubeObject & { spec: { clusterIP: string } };
    await c.client.create(
      PODS,
      "default",
      pod(
        "envs",
        {
          restartPolicy: "Never",
          containers: [
            {
              name: "c",
              image: "busybox",
              command: ["sh", "-c", "env | sort | grep -E '^(POD_|NODE=|CFG_|COLOR|PASS|MISSING|GREETING|MEM|CPU|MY_DB_|KUBERNETES_SERVICE_HOST)'; echo $(COLOR)-arg"],
              resources: { requests: { cpu: "250m", memory: "64Mi" }, limits: { memory: "128Mi" } },
              envFrom: [{ prefix: "CFG_", configMapRef: { name: "app-config" } }],
              env: [
                { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                { name: "POD_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
                { name: "POD_UID", valueFrom: { fieldRef: { fieldPath: "metadata.uid" } } },
                { name: "POD_TIER", valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
                { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
                { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
                { name: "CPU_REQ", valueFrom: { resourceFieldRef: { resource: "requests.cpu", divisor: "1m" } } },
                { name: "MEM_LIMIT", valueFrom: { resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } } },
                { name: "COLOR", valueFrom: { configMapKeyRef: { name: "app-config", key: "color" } } },
                { name: "PASS", valueFrom: { secretKeyRef: { name: "app-secret", key: "password" } } },
                { name: "MISSING", valueFrom: { configMapKeyRef: { name: "app-config", key: "nope", optional: true } } },
                { name: "GREETING", value: "$(COLOR) at $(MY_DB_SERVICE_HOST) $$(COLOR)" },
              ],
            },
          ],
        },
        { labels: { tier: "web" } },
      ),
    );
    const p = await eventually("envs Succeeded", async () => {
      const x = await getPod(c, "envs");
      return x?.status?.phase === "Succeeded" && x;
    });
    const out = stdoutOf(c.workDir, "envs", "c");
    const lines = out.trim().split("\n");
    expect(lines).to.include.members([
      "CFG_color=blue",
      "CFG_size=L",
      "COLOR=blue",
      "CPU_REQ=250",
      `GREETING=blue at ${ip} $(COLOR)`,
      "MEM_LIMIT=128",
      "NODE=127.0.0.1",
      "PASS=s3cret",
      "POD_IP=127.0.0.1",
      "POD_NAME=envs",
      "POD_NAMESPACE=default",
      `POD_UID=${p.metadata!.uid}`,
      "POD_TIER=web",
      `MY_DB_SERVICE_HOST=${ip}`,
      "MY_DB_SERVICE_PORT=5432",
      "MY_DB_SERVICE_PORT_SQL=5432",
      `MY_DB_PORT=tcp://${ip}:5432`,
      `MY_DB_PORT_5432_TCP=tcp://${ip}:5432`,
      "MY_DB_PORT_5432_TCP_PROTO=tcp",
      "MY_DB_PORT_5432_TCP_PORT=5432",
      `MY_DB_PORT_5432_TCP_ADDR=${ip}`,
      `KUBERNETES_SERVICE_HOST=${master.spec.clusterIP}`,
      "blue-arg",
    ]);
    expect(lines.some((l) => l.startsWith("MISSING="))).to.equal(false);
  });

  it("a missing ConfigMap key waits with CreateContainerConfigError in kubelet's words", async () => {
    await c.client.create(PODS, "default", pod("badref", { containers: [{ name: "c", image: "busybox", command: ["true"], env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "app-config", key: "absent" } } }] }] }));
    const s = await eventually("badref waiting", async () => {
      const x = await status("badref");
      return x?.containerStatuses?.[0]?.state.waiting?.reason === "CreateContainerConfigError" && x;
    });
    expect(s.containerStatuses![0]!.state.waiting!.message).to.equal("couldn't find key absent in ConfigMap default/app-config");
    expect(s.phase).to.equal("Pending");
    await c.client.delete(PODS, "default", "badref");
  });

  it("volumes: configMap (items, defaultMode), secret, downwardAPI and projected as files under the mount path in the sandbox", async () => {
    await c.client.create(
      PODS,
      "default",
      pod(
        "vols",
        {
          restartPolicy: "Never",
          volumes: [
            { name: "cfg", configMap: { name: "app-config", defaultMode: 0o600 } },
            { name: "one", configMap: { name: "app-config", items: [{ key: "color", path: "sub/colour.txt" }] } },
            { name: "sec", secret: { secretName: "app-secret" } },
            { name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }, { path: "name", fieldRef: { fieldPath: "metadata.name" } }] } },
            { name: "all", projected: { sources: [{ configMap: { name: "app-config", items: [{ key: "size", path: "size" }] } }, { secret: { name: "app-secret" } }] } },
          ],
          containers: [
            {
              name: "c",
              image: "busybox",
              command: ["sh", "-c", 'cat etc/config/color; echo; stat -c %a etc/config/size; cat one/sub/colour.txt; echo; cat "$BERTH_VOLUME_SEC/password"; echo; cat info/labels; echo; cat info/name; echo; cat all/size all/password; echo'],
              volumeMounts: [
                { name: "cfg", mountPath: "/etc/config" },
                { name: "one", mountPath: "/one" },
                { name: "sec", mountPath: "/sec" },
                { name: "info", mountPath: "/info" },
                { name: "all", mountPath: "/all" },
              ],
            },
          ],
        },
        { labels: { app: "v", tier: "x" } },
      ),
    );
    await eventually("vols Succeeded", async () => (await status("vols"))?.phase === "Succeeded");
    expect(stdoutOf(c.workDir, "vols", "c")).to.equal('blue\n600\nblue\ns3cret\napp="v"\ntier="x"\nvols\nLs3cret\n');
  });

  it("a readiness probe flips READY; the termination message comes from the file", async () => {
    await c.client.create(
      PODS,
      "default",
      pod("probed", {
        restartPolicy: "Never",
        containers: [
          {
            name: "c",
            image: "busybox",
            command: ["sh", "-c", "sleep 1.5; touch ready; sleep 1.5; rm ready; sleep 1.5; echo all done > /proc/self/cwd/dev/termination-log"],
            readinessProbe: { exec: { command: ["test", "-f", "ready"] }, periodSeconds: 1, failureThreshold: 1 },
          },
        ],
      }),
    );
    const running = await eventually("probed Running", async () => {
      const x = await status("probed");
      return x?.phase === "Running" && x;
    });
    expect(running.containerStatuses![0]!.ready).to.equal(false);
    expect(running.conditions!.find((x) => x.type === "Ready")).to.include({ status: "False", reason: "ContainersNotReady" });
    await eventually("probed Ready", async () => (await status("probed"))?.conditions?.find((x) => x.type === "Ready")?.status === "True", 10_000);
    await eventually("probed not Ready again", async () => (await status("probed"))?.containerStatuses?.[0]?.ready === false, 10_000);
    const s = await eventually("probed Succeeded", async () => {
      const x = await status("probed");
      return x?.phase === "Succeeded" && x;
    }, 15_000);
    expect(s.containerStatuses![0]!.state.terminated).to.include({ exitCode: 0, reason: "Completed", message: "all done\n" });
  });
});
