/**
 * The benchmark's fixed reference workload: any namespaced collection under /api/v1
 * (ConfigMaps, Pods) served by a bare node:http server over a Map, with JSON parse and
 * stringify but no API machinery. LIST takes limit/continue and equality label selectors;
 * watch streams ADDED events. Its figures, measured in the same run, are the floor berth's
 * are compared against.
 */
import { createServer } from "node:http";
import { benchPod, benchPodName, BENCH_NAMESPACE } from "./lib/pods.js";

interface Stored {
  readonly text: string;
  readonly labels: Record<string, string>;
}

interface Collection {
  readonly objects: Map<string, Stored>;
  /** Names in order, rebuilt on the first list after a write. */
  sorted: string[] | undefined;
  readonly watchers: Set<(line: string) => void>;
}

const collections = new Map<string, Collection>();
let rv = 1;
const COLLECTION = /^\/api\/v1\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/;
const KINDS: Record<string, string> = { pods: "Pod", configmaps: "ConfigMap" };

function collection(path: string): Collection {
  let c = collections.get(path);
  if (!c) collections.set(path, (c = { objects: new Map(), sorted: undefined, watchers: new Set() }));
  return c;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const send = (code: number, body: string) => res.writeHead(code, { "content-type": "application/json" }).end(body);
    if (url.pathname === "/healthz") return send(200, "ok");
    if (url.pathname === "/api/v1/namespaces" && req.method === "POST") return send(seedTo > seedFrom ? 409 : 201, Buffer.concat(chunks).toString());
    const m = COLLECTION.exec(url.pathname);
    if (!m) return send(404, "{}");
    const [, ns, resource, name] = m as unknown as [string, string, string, string | undefined];
    const c = collection(`${ns}/${resource}`);
    if (!name && req.method === "POST") {
      const obj = JSON.parse(Buffer.concat(chunks).toString()) as { metadata: { name: string; namespace?: string; resourceVersion?: string; labels?: Record<string, string> } };
      if (c.objects.has(obj.metadata.name)) return send(409, "{}");
      obj.metadata.namespace = ns;
      obj.metadata.resourceVersion = String(++rv);
      const text = JSON.stringify(obj);
      c.objects.set(obj.metadata.name, { text, labels: obj.metadata.labels ?? {} });
      c.sorted = undefined;
      for (const w of c.watchers) w(`{"type":"ADDED","object":${text}}\n`);
      return send(201, text);
    }
    if (!name && req.method === "GET") {
      if (url.searchParams.get("watch")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.flushHeaders();
        const w = (line: string) => res.write(line);
        c.watchers.add(w);
        req.socket.on("close", () => c.watchers.delete(w));
        return;
      }
      const limit = Number(url.searchParams.get("limit") ?? 0);
      const selector = (url.searchParams.get("labelSelector") ?? "")
        .split(",")
        .filter(Boolean)
        .map((t) => t.split("=") as [string, string]);
      const cont = url.searchParams.get("continue");
      const after = cont ? Buffer.from(cont, "base64url").toString() : undefined;
      const keys = (c.sorted ??= [...c.objects.keys()].sort());
      let i = after === undefined ? 0 : upperBound(keys, after);
      const page: string[] = [];
      for (; i < keys.length && !(limit && page.length >= limit); i++) {
        const o = c.objects.get(keys[i]!)!;
        if (selector.every(([k, v]) => o.labels[k] === v)) page.push(o.text);
      }
      const next = limit && i < keys.length ? `,"continue":"${Buffer.from(keys[i - 1]!).toString("base64url")}"` : "";
      return send(200, `{"kind":"${KINDS[resource] ?? "Object"}List","apiVersion":"v1","metadata":{"resourceVersion":"${rv}"${next}},"items":[${page.join(",")}]}`);
    }
    if (name && req.method === "GET") {
      const o = c.objects.get(name);
      return o ? send(200, o.text) : send(404, "{}");
    }
    send(404, "{}");
  });
});

/** First index whose key sorts after k. */
function upperBound(keys: readonly string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// --from M --to N: pods M..N-1 of bench/lib/pods.ts already in namespace bench, as the API benchmark seeds berth.
const seedFrom = Number(process.argv[process.argv.indexOf("--from") + 1] ?? 0) || 0;
const seedTo = process.argv.includes("--to") ? Number(process.argv[process.argv.indexOf("--to") + 1]) : 0;
if (seedTo > seedFrom) {
  const c = collection(`${BENCH_NAMESPACE}/pods`);
  for (let i = seedFrom; i < seedTo; i++) {
    const p = benchPod(benchPodName(i), i);
    const obj = { ...p, metadata: { ...p.metadata, namespace: BENCH_NAMESPACE, resourceVersion: String(++rv) } };
    c.objects.set(p.metadata.name, { text: JSON.stringify(obj), labels: p.metadata.labels });
  }
}

server.listen(0, "127.0.0.1", () => {
  const a = server.address();
  process.stdout.write(`Kubernetes API at http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}\n`);
});
process.on("SIGINT", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
