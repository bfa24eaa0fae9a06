/**
 * The API benchmark's server: `berth apiserver` (the API server alone, on the memory or the
 * embedded store) that first fills the store with pods bench/api.ts then measures against,
 * so a 150,000-pod run need not create them all through HTTP on a loaded machine. One pod
 * is created through the registry (defaults, managed fields, uid: what the API stores);
 * the others are copies of its stored JSON with their own name, uid and labels, written
 * straight to the store. Prints "Kubernetes API at <url>" when the store is full.
 *
 *   node dist/bench/api-seeded-server.js --store memory|embedded --data-dir DIR --from M --to N
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startApiServer, Registry } from "../src/k8s-api/index.js";
import { MemoryStore, openEmbeddedStore } from "../src/k8s-api/store/index.js";
import { createLogger } from "../src/util/log.js";
import type { KubeObject } from "../src/k8s-api/types.js";
import { benchPod, benchPodName, BENCH_NAMESPACE } from "./lib/pods.js";

const { values } = parseArgs({
  options: {
    store: { type: "string", default: "memory" },
    "data-dir": { type: "string", default: ".berth-bench" },
    kubeconfig: { type: "string" },
    from: { type: "string", default: "0" },
    to: { type: "string", default: "0" },
  },
});
const from = Number(values.from);
const to = Number(values.to);
const log = createLogger("apiserver", { level: "warn" });
const store = values.store === "embedded" ? await openEmbeddedStore(join(values["data-dir"], "store"), { log }) : new MemoryStore();
const api = await startApiServer({ store, host: "127.0.0.1", port: 0, log, serviceRanges: { serviceCIDR: "127.96.0.0/16", nodePortMin: 30000, nodePortMax: 32767 } });

if (to > from) {
  const started = performance.now();
  const reg: Registry = api.registry;
  await reg.create(reg.resolve("", "v1", "namespaces"), "", { apiVersion: "v1", kind: "Namespace", metadata: { name: BENCH_NAMESPACE } } as KubeObject);
  const pods = reg.resolve("", "v1", "pods");
  await reg.create(pods, BENCH_NAMESPACE, benchPod(benchPodName(from), from) as unknown as KubeObject, { fieldManager: "kubectl-create" });
  const rs = reg.storeFor(pods);
  const template = JSON.parse((await store.get(rs.key(BENCH_NAMESPACE, benchPodName(from))))!.value) as { metadata: { name: string; uid: string; labels: Record<string, string> } };
  const batch: Promise<unknown>[] = [];
  for (let i = from + 1; i < to; i++) {
    const own = benchPod(benchPodName(i), i).metadata;
    template.metadata.name = own.name;
    template.metadata.uid = randomUUID();
    template.metadata.labels = own.labels;
    batch.push(store.create(rs.key(BENCH_NAMESPACE, own.name), JSON.stringify(template)));
    // Concurrent writes share the embedded store's fsyncs.
    if (batch.length === 2000) await Promise.all(batch.splice(0));
    if ((i - from) % 20_000 === 0) process.stderr.write(`    seeded ${i - from}/${to - from} pods\n`);
  }
  await Promise.all(batch);
  process.stderr.write(`    seeded ${to - from} pods in ${Math.round(performance.now() - started) / 1000} s\n`);
}
process.stdout.write(`Kubernetes API at ${api.url}\n`);

const stop = async () => {
  await api.close();
  await store.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
