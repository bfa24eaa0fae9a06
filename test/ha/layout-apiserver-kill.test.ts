/**
 * Fault test on the HA layout (scripts/ha-cluster.mjs, real processes): kill -9 of one of
 * the two API servers while kubectl and a client informer watch through it.
 *
 * The objects watched are ConfigMaps that only this test writes (through the surviving
 * replica, so every write is acknowledged), so the exact stream of events is known: one
 * ADDED per create and one MODIFIED per update, each at the resourceVersion the write
 * returned. Watchers must see exactly that stream, in order, across the kill: nothing
 * missed, nothing twice.
 *
 * - The informer runs on an HttpClient given both replicas ("URL0,URL1"): when the stream
 *   breaks it re-opens the watch from its last resourceVersion, the dead replica refuses
 *   the connection and the request goes to the other one.
 * - kubectl has no resourceVersion flag for `get -w`, and its watch ends when the server
 *   goes away (it does not retry). So kubectl watches first with `get -w
 *   --output-watch-events` through replica 0 and, once that ends, the test starts
 *   `kubectl --context berth-ha-1 get --raw '/api/v1/...?watch=true&resourceVersion=<last>'`,
 *   which is what a reflector does: resume from the last resourceVersion on another server.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import { HttpClient } from "../../src/k8s-api/client/http.js";
import { Informer } from "../../src/k8s-api/client/informer.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { KUBECTL, Layout, sleep, waitFor } from "./layout.js";

const CM = { group: "", version: "v1", plural: "configmaps" };
const NS = "watch-ha";
const WRITES = 200;

interface Seen {
  type: string;
  name: string;
  rv: string;
}

/** kubectl as a child; its stdout lines, and its exit. */
function kubectl(kubeconfig: string, args: string[]) {
  const child = spawn(KUBECTL, ["--kubeconfig", kubeconfig, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const p = { child, out: "", err: "", exited: new Promise<number | null>((r) => child.once("exit", (c) => r(c))) };
  child.stdout.on("data", (d: Buffer) => (p.out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (p.err += d.toString()));
  return p;
}

describe("ha layout: kill -9 of an API server under kubectl and informer watches (real processes)", function () {
  this.timeout(240_000);
  const l = new Layout();
  const clients: HttpClient[] = [];
  const kubectls: ReturnType<typeof kubectl>[] = [];
  after(async () => {
    for (const k of kubectls) if (k.child.exitCode === null) k.child.kill("SIGKILL");
    for (const c of clients) c.close();
    await l.close();
  });

  it("the watches go on through the other replica from their last resourceVersion, nothing missed or duplicated", async () => {
    const layout = await l.start({ flags: ["--simulated", "--lease-ttl", "2000", "--kf-lease-duration", "4s", "--kf-renew-deadline", "3s", "--kf-retry-period", "1s", "--log-level", "warn"] });
    const [api0, api1] = layout.apiservers as [typeof layout.apiservers[0], typeof layout.apiservers[0]];
    const writer = new HttpClient({ manager: "writer", server: api1.url, token: layout.token });
    const both = new HttpClient({ manager: "informer", server: `${api0.url},${api1.url}`, token: layout.token });
    clients.push(writer, both);
    await writer.create({ group: "", version: "v1", plural: "namespaces" }, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });

    // The informer, through replica 0 first.
    const informerSeen: Seen[] = [];
    const inf = new Informer<KubeObject>(both, CM, { namespace: NS });
    const note = (type: string) => (o: KubeObject) => informerSeen.push({ type, name: o.metadata!.name!, rv: o.metadata!.resourceVersion! });
    inf.on({ add: note("ADDED"), update: (o) => note("MODIFIED")(o), delete: note("DELETED") });
    await inf.start();
    await inf.synced;
    expect(both.server.origin).to.equal(new URL(api0.url).origin);

    // kubectl through replica 0 (the kubeconfig's current context).
    const k0 = kubectl(layout.kubeconfig, ["get", "configmaps", "-n", NS, "-w", "--output-watch-events", "-o", 'jsonpath={.type} {.object.metadata.name} {.object.metadata.resourceVersion}{"\\n"}']);
    kubectls.push(k0);
    await sleep(1500); // kubectl lists (nothing there) and opens its watch

    // Writes through replica 1: creates, then updates, every one acknowledged with its resourceVersion.
    const expected: Seen[] = [];
    let killedAfter = -1;
    let tKill = 0;
    for (let i = 0; i < WRITES; i++) {
      const name = `cm-${i % 100}`;
      if (i < 100) {
        const o = await writer.create<KubeObject>(CM, NS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { v: "0" } });
        expected.push({ type: "ADDED", name, rv: o.metadata!.resourceVersion! });
      } else {
        const o = await writer.patch<KubeObject>(CM, NS, name, "merge", { data: { v: String(i) } });
        expected.push({ type: "MODIFIED", name, rv: o.metadata!.resourceVersion! });
      }
      if (i === WRITES / 2) {
        l.kill(api0);
        killedAfter = expected.length;
        tKill = Date.now();
      }
      await sleep(10);
    }
    const last = expected[expected.length - 1]!.rv;

    // The informer caught up through replica 1.
    await waitFor(() => informerSeen.some((s) => s.rv === last), 30_000, "the informer to see the last write");
    const informerMs = Date.now() - tKill;
    expect(both.server.origin, "the client moved to the other replica").to.equal(new URL(api1.url).origin);
    expect(informerSeen, "the informer saw every write once, in order").to.deep.equal(expected);

    // kubectl: its watch ended with the server; resume on replica 1 from the last resourceVersion it printed.
    const code = await Promise.race([k0.exited, sleep(20_000).then(() => "running" as const)]);
    const parse = (out: string) => out.split("\n").filter(Boolean).map((line) => { const [type, name, rv] = line.trim().split(" "); return { type: type!, name: name!, rv: rv! }; });
    const first = parse(k0.out);
    console.log(`      kubectl get -w through the killed replica: ended (${code === "running" ? "still running, stopped by the test" : `exit code ${String(code)}`}) after ${first.length} events; ${killedAfter} writes were acknowledged before the kill`);
    if (code === "running") k0.child.kill("SIGKILL");
    const lastRv = first.length ? first[first.length - 1]!.rv : "";
    const tResume = Date.now();
    const k1 = kubectl(layout.kubeconfig, ["--context", "berth-ha-1", "get", "--raw", `/api/v1/namespaces/${NS}/configmaps?watch=true&resourceVersion=${lastRv}`]);
    kubectls.push(k1);
    const resumed = () =>
      k1.out
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; object: KubeObject })
        .map((e) => ({ type: e.type, name: e.object.metadata!.name!, rv: e.object.metadata!.resourceVersion! }));
    await waitFor(() => resumed().some((s) => s.rv === last), 30_000, `kubectl's resumed watch to reach ${last}\n${k1.err}`);
    const kubectlSeen = [...first, ...resumed()];
    console.log(`      kill -9 of ${api0.name}: the informer (HttpClient over both replicas) was at the last write ${informerMs} ms after the kill; kubectl resumed on ${api1.name} from resourceVersion ${lastRv} and caught up in ${Date.now() - tResume} ms; ${expected.length} events each seen once by both`);
    expect(kubectlSeen, "kubectl saw every write once, in order").to.deep.equal(expected);
    inf.stop();
  });
});
