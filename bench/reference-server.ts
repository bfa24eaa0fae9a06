/**
 * The benchmark's fixed reference workload: the same ConfigMap routes served by a bare
 * node:http server over a Map, with JSON parse and stringify but no API machinery. Its
 * figures, measured in the same run, are the floor berth's are compared against.
 */
import { createServer } from "node:http";

const objects = new Map<string, string>();
let rv = 1;
const watchers = new Set<(line: string) => void>();
const PREFIX = "/api/v1/namespaces/bench/configmaps";

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const send = (code: number, body: string) => res.writeHead(code, { "content-type": "application/json" }).end(body);
    if (url.pathname === "/healthz") return send(200, "ok");
    if (url.pathname === "/api/v1/namespaces" && req.method === "POST") return send(201, Buffer.concat(chunks).toString());
    if (url.pathname === PREFIX && req.method === "POST") {
      const obj = JSON.parse(Buffer.concat(chunks).toString()) as { metadata: { name: string; resourceVersion?: string } };
      if (objects.has(obj.metadata.name)) return send(409, "{}");
      obj.metadata.resourceVersion = String(++rv);
      const text = JSON.stringify(obj);
      objects.set(obj.metadata.name, text);
      for (const w of watchers) w(`{"type":"ADDED","object":${text}}\n`);
      return send(201, text);
    }
    if (url.pathname === PREFIX && req.method === "GET") {
      if (url.searchParams.get("watch")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.flushHeaders();
        const w = (line: string) => res.write(line);
        watchers.add(w);
        req.socket.on("close", () => watchers.delete(w));
        return;
      }
      const limit = Number(url.searchParams.get("limit") ?? 0);
      const keys = [...objects.keys()].sort();
      const page = limit ? keys.slice(0, limit) : keys;
      return send(200, `{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"${rv}"},"items":[${page.map((k) => objects.get(k)).join(",")}]}`);
    }
    if (url.pathname.startsWith(PREFIX + "/") && req.method === "GET") {
      const o = objects.get(url.pathname.slice(PREFIX.length + 1));
      return o ? send(200, o) : send(404, "{}");
    }
    send(404, "{}");
  });
});
server.listen(0, "127.0.0.1", () => {
  const a = server.address();
  process.stdout.write(`Kubernetes API at http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}\n`);
});
process.on("SIGINT", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
