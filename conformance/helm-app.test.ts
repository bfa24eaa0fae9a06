/**
 * Conformance (issue 5, item 8): a chart made by `helm create`, adapted to run a real HTTP
 * server on its container port, installed with `--wait`, its `helm test` hook passing,
 * then upgraded, rolled back and uninstalled.
 *
 * Adaptations (in the test's copy of the chart):
 * - the container runs `node -e <server>` on .Values.service.port (image busybox: the
 *   command runs on the host, DESIGN.md decision 6); the chart's probes (GET / on port
 *   "http") hit it unchanged;
 * - the port is a free one picked by the test in the agent's port range (31000-32000; a
 *   declared containerPort is a port resource under host networking), and the Deployment uses strategy Recreate:
 *   pods use host networking until pod networking lands, so a surge pod could not bind the
 *   port its predecessor holds;
 * - the test hook fetches the pod's address (127.0.0.1, host networking) instead of
 *   `wget <service>:<port>`: the Service proxy had not landed when this was written.
 * It runs berth with `--pod-network host` on purpose: it is the host-networking case of a
 * chart whose declared port is a port resource (the bridge pod network is covered by
 * pod-network.test.ts and the cases that run in both modes).
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBerth, kubectlFor, helmFor, eventually, removeDir, type Berth } from "./harness.js";
import { freePort } from "../test/support/net.js";

/** A free port in the agent's default port range (31000-32000): declared containerPorts are the agent's port resources under host networking. */
const freeAgentPort = () => freePort({ from: 31000, to: 32000 });

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

describe("conformance: a helm-create chart running a real HTTP server (install --wait, test, upgrade, rollback, uninstall)", function () {
  this.timeout(120_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;
  let h: ReturnType<typeof helmFor>;
  let work: string;
  let port: number;
  const get = async () => (await (await fetch(`http://127.0.0.1:${port}/`)).text()).trim();

  before(async () => {
    b = await startBerth({ args: ["--pod-network", "host"] });
    k = kubectlFor(b);
    h = helmFor(b);
    work = mkdtempSync(join(tmpdir(), "berth-helm-app-"));
    port = await freeAgentPort();
  });
  after(async () => {
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
    if (work) removeDir(work);
  });

  it("helm create, adapted: the chart lints", async () => {
    expect(await h.ok(["create", "demo"], { cwd: work })).to.contain("Creating demo");
    const chart = join(work, "demo");
    edit(join(chart, "values.yaml"), "  repository: nginx", "  repository: busybox");
    edit(join(chart, "values.yaml"), '  tag: ""', '  tag: "latest"');
    edit(join(chart, "values.yaml"), "  port: 80", `  port: ${port}`);
    writeFileSync(
      join(chart, "values.yaml"),
      readFileSync(join(chart, "values.yaml"), "utf8") +
        '\nversion: v1\nserver: "require(\'http\').createServer((q, r) => r.end(process.env.VERSION)).listen(Number(process.env.PORT), \'127.0.0.1\')"\n',
    );
    const deployment = join(chart, "templates", "deployment.yaml");
    edit(deployment, "  selector:\n", "  strategy:\n    type: Recreate\n  selector:\n");
    edit(
      deployment,
      "          imagePullPolicy: {{ .Values.image.pullPolicy }}\n",
      "          imagePullPolicy: {{ .Values.image.pullPolicy }}\n" +
        '          command: ["node", "-e", {{ .Values.server | quote }}]\n' +
        "          env:\n" +
        '            - { name: PORT, value: {{ .Values.service.port | quote }} }\n' +
        "            - { name: VERSION, value: {{ .Values.version | quote }} }\n",
    );
    const test = join(chart, "templates", "tests", "test-connection.yaml");
    edit(test, "      command: ['wget']", "      command: ['node', '-e']");
    edit(
      test,
      "      args: ['{{ include \"demo.fullname\" . }}:{{ .Values.service.port }}']",
      "      args: [\"fetch('http://127.0.0.1:{{ .Values.service.port }}/').then(r => { console.log(r.status); process.exit(r.ok ? 0 : 1) }, e => { console.error(e); process.exit(1) })\"]",
    );
    expect(await h.ok(["lint", "demo"], { cwd: work })).to.contain("1 chart(s) linted, 0 chart(s) failed");
  });

  it("helm install --wait: the release is deployed once its pod is Ready, and it answers", async () => {
    const out = await h.ok(["install", "demo", "./demo", "--wait", "--timeout", "60s"], { cwd: work, timeoutMs: 70_000 }).catch(async (e: unknown) => {
      console.log((await k.run(["logs", "-l", "app.kubernetes.io/instance=demo", "--previous"])).stdout);
      throw e;
    });
    expect(out).to.match(/STATUS: deployed/);
    expect(out).to.match(/REVISION: 1/);
    expect(await k.ok(["get", "deployment", "demo"])).to.match(/demo\s+1\/1\s+1\s+1\s+/);
    expect(await get()).to.equal("v1");
  });

  it("helm test runs the chart's test hook to success", async () => {
    const out = await h.ok(["test", "demo", "--timeout", "60s"], { cwd: work, timeoutMs: 70_000 });
    expect(out).to.match(/TEST SUITE:\s+demo-test-connection/);
    expect(out).to.match(/Phase:\s+Succeeded/);
  });

  it("helm upgrade --wait rolls out v2; helm rollback goes back to v1", async () => {
    const up = await h.ok(["upgrade", "demo", "./demo", "--set", "version=v2", "--wait", "--timeout", "60s"], { cwd: work, timeoutMs: 70_000 });
    expect(up).to.match(/REVISION: 2/);
    await eventually(async () => (await get()) === "v2", "v2 to answer", 30_000);
    expect(await k.ok(["rollout", "status", "deployment/demo", "--timeout=30s"], { timeoutMs: 40_000 })).to.contain("successfully rolled out");

    expect(await h.ok(["rollback", "demo", "1", "--wait", "--timeout", "60s"], { cwd: work, timeoutMs: 70_000 })).to.contain("Rollback was a success");
    await eventually(async () => (await get()) === "v1", "v1 to answer again", 30_000);
    const history = await h.ok(["history", "demo"], { cwd: work });
    expect(history).to.match(/^1\s.*superseded/m);
    expect(history).to.match(/^2\s.*superseded/m);
    expect(history).to.match(/^3\s.*deployed\s.*Rollback to 1/m);
  });

  it("helm uninstall removes the release and its pods", async () => {
    expect(await h.ok(["uninstall", "demo", "--wait", "--timeout", "60s"], { cwd: work, timeoutMs: 70_000 })).to.contain('release "demo" uninstalled');
    await eventually(async () => (await k.ok(["get", "pods", "-l", "app.kubernetes.io/instance=demo", "-o", "name"])).trim() === "pod/demo-test-connection", "the release's pods to be gone (helm keeps the finished test pod: no hook-delete-policy)", 30_000);
    expect((await k.ok(["get", "deployment,service", "-l", "app.kubernetes.io/instance=demo", "-o", "name"])).trim()).to.equal("");
    expect((await h.ok(["list", "-q"], { cwd: work })).trim()).to.equal("");
    await eventually(async () => {
      try {
        await get();
        return false;
      } catch {
        return true;
      }
    }, "the server to stop", 30_000);
  });
});
