/**
 * Conformance: the pod runtime on `berth up` through the real kubectl. An init container
 * prepares a file its main container reads; a crash-looping pod shows RESTARTS growing and
 * CrashLoopBackOff; a readiness probe flips READY; a ConfigMap volume and env from a
 * ConfigMap, a Secret and the downward API reach the container.
 */
import { expect } from "chai";
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { startBerth, kubectlFor, eventually, removeDir, type Berth } from "./harness.js";

const yaml = (lines: string[]) => lines.join("\n") + "\n";

/** A container's output: kubectl logs where the agent serves it, else its sandbox's stdout under the data directory. */
async function output(b: Berth, k: ReturnType<typeof kubectlFor>, pod: string, container: string): Promise<string> {
  const r = await k.run(["logs", pod, "-c", container]);
  if (r.code === 0) return r.stdout;
  const found = execSync(`find ${JSON.stringify(b.dataDir)} -path '*/tasks/default.${pod}.*.${container}/stdout'`, { encoding: "utf8" }).trim().split("\n")[0];
  return found ? readFileSync(found, "utf8") : "";
}

describe("conformance: the pod runtime on berth up", function () {
  this.timeout(120_000);
  let b: Berth;
  let k: ReturnType<typeof kubectlFor>;

  before(async () => {
    b = await startBerth();
    k = kubectlFor(b);
    await eventually(async () => /\sReady\s/.test(await k.ok(["get", "nodes"])), "a Ready node", 20_000);
  });
  after(async () => {
    if (b) {
      await k?.run(["delete", "pods", "--all", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 }).catch(() => undefined);
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("an init container writes a file into an emptyDir; the main container reads it; kubectl shows Init:0/1 then Completed", async () => {
    const manifest = yaml([
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: init-demo}",
      "spec:",
      "  restartPolicy: Never",
      "  volumes: [{name: work, emptyDir: {}}]",
      "  initContainers:",
      "  - {name: prepare, image: busybox, command: [sh, -c, 'sleep 2; echo prepared-by-init > work/index.html'], volumeMounts: [{name: work, mountPath: /work}]}",
      "  containers:",
      "  - {name: main, image: busybox, command: [sh, -c, 'cat data/index.html'], volumeMounts: [{name: work, mountPath: /data}]}",
    ]);
    await k.ok(["apply", "-f", "-"], { input: manifest });
    await eventually(async () => /^init-demo\s+0\/1\s+Init:0\/1\s+0\s+/m.test(await k.ok(["get", "pod", "init-demo"])), "init-demo Init:0/1", 20_000, 100);
    await eventually(async () => /^init-demo\s+0\/1\s+Completed\s+0\s+/m.test(await k.ok(["get", "pod", "init-demo"])), "init-demo Completed", 30_000);
    expect(await output(b, k, "init-demo", "main")).to.equal("prepared-by-init\n");
    const describe = await k.ok(["describe", "pod", "init-demo"]);
    expect(describe).to.match(/Init Containers:\s+prepare:/);
    expect(describe).to.match(/Initialized\s+True/);
  });

  it("a crash-looping pod: RESTARTS grows and STATUS shows CrashLoopBackOff; describe shows the last state", async () => {
    await k.ok(["run", "crasher", "--image=busybox", "--", "sh", "-c", "echo crashing; exit 1"]);
    const line = await eventually(async () => {
      const o = await k.ok(["get", "pod", "crasher"]);
      return /^crasher\s+0\/1\s+CrashLoopBackOff\s+1 \(\S+ ago\)\s+/m.test(o) && o;
    }, "crasher CrashLoopBackOff with 1 restart", 30_000, 100);
    expect(line).to.contain("CrashLoopBackOff");
    // The second restart comes after the 10 s back-off.
    await eventually(async () => /^crasher\s+0\/1\s+\S+\s+2 \(\S+ ago\)\s+/m.test(await k.ok(["get", "pod", "crasher"])), "crasher restarted twice", 40_000, 250);
    const describe = await k.ok(["describe", "pod", "crasher"]);
    expect(describe).to.match(/Last State:\s+Terminated\s+Reason:\s+Error\s+Exit Code:\s+1/);
    expect(describe).to.match(/Restart Count:\s+2/);
    expect(describe).to.match(/Back-off restarting failed container crasher in pod crasher_default/);
    await k.ok(["delete", "pod", "crasher", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 });
  });

  it("a readiness probe flips READY from 0/1 to 1/1 and back", async () => {
    const manifest = yaml([
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: probed}",
      "spec:",
      "  containers:",
      "  - name: c",
      "    image: busybox",
      "    command: [sh, -c, 'sleep 2; touch ready; sleep 4; rm ready; sleep 3600']",
      "    readinessProbe: {exec: {command: [test, -f, ready]}, periodSeconds: 1, failureThreshold: 1}",
    ]);
    await k.ok(["apply", "-f", "-"], { input: manifest });
    await eventually(async () => /^probed\s+0\/1\s+Running\s+0\s+/m.test(await k.ok(["get", "pod", "probed"])), "probed 0/1 Running", 20_000, 100);
    await eventually(async () => /^probed\s+1\/1\s+Running\s+0\s+/m.test(await k.ok(["get", "pod", "probed"])), "probed 1/1 Running", 20_000, 200);
    await eventually(async () => /^probed\s+0\/1\s+Running\s+0\s+/m.test(await k.ok(["get", "pod", "probed"])), "probed 0/1 again", 20_000, 200);
    await k.ok(["delete", "pod", "probed", "--wait=true", "--timeout=30s"], { timeoutMs: 40_000 });
  });

  it("a ConfigMap volume, env from a ConfigMap and a Secret, and downward-API env reach the container", async () => {
    await k.ok(["create", "configmap", "web-config", "--from-literal=greeting=hello", "--from-literal=index.html=<h1>berth</h1>"]);
    await k.ok(["create", "secret", "generic", "web-secret", "--from-literal=token=t0ken"]);
    const manifest = yaml([
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: configured, labels: {app: configured}}",
      "spec:",
      "  restartPolicy: Never",
      "  volumes: [{name: html, configMap: {name: web-config, items: [{key: index.html, path: index.html}]}}]",
      "  containers:",
      "  - name: c",
      "    image: busybox",
      "    command: [sh, -c, 'echo $GREETING $TOKEN $MY_POD $MY_NS $MY_NODE; cat usr/share/html/index.html']",
      "    volumeMounts: [{name: html, mountPath: /usr/share/html}]",
      "    env:",
      "    - {name: GREETING, valueFrom: {configMapKeyRef: {name: web-config, key: greeting}}}",
      "    - {name: TOKEN, valueFrom: {secretKeyRef: {name: web-secret, key: token}}}",
      "    - {name: MY_POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}",
      "    - {name: MY_NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}",
      "    - {name: MY_NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}",
    ]);
    await k.ok(["apply", "-f", "-"], { input: manifest });
    await eventually(async () => /^configured\s+0\/1\s+Completed\s+0\s+/m.test(await k.ok(["get", "pod", "configured"])), "configured Completed", 30_000);
    const p = JSON.parse(await k.ok(["get", "pod", "configured", "-o", "json"])) as { status: { phase: string } };
    expect(p.status.phase).to.equal("Succeeded");
    expect(await output(b, k, "configured", "c")).to.equal("hello t0ken configured default 127.0.0.1\n<h1>berth</h1>");
  });
});
