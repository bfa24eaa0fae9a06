/**
 * HttpClient over several API server replicas ("URL,URL"): when to move to the next one,
 * and when a request may be sent there again. Plain node:http servers stand in for the
 * replicas so each failure is exact: a refused connection, a server that reads a request
 * and drops the connection without answering.
 */
import { expect } from "chai";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpClient } from "../../src/k8s-api/client/http.js";
import type { KubeObject } from "../../src/k8s-api/types.js";

const CM = { group: "", version: "v1", plural: "configmaps" };
const cm = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" } });

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url?.split("?")[0]}`);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}
const answer = (req: IncomingMessage, res: ServerResponse) => {
  let body = "";
  req.on("data", (d: Buffer) => (body += d.toString()));
  req.on("end", () => {
    const obj = body ? (JSON.parse(body) as KubeObject) : cm("x");
    res.writeHead(req.method === "POST" ? 201 : 200, { "Content-Type": "application/json" }).end(JSON.stringify({ ...obj, metadata: { ...obj.metadata, resourceVersion: "7" } }));
  });
};
/** A port nothing listens on. */
async function deadUrl(): Promise<string> {
  const s = await serve(() => undefined);
  await new Promise((r) => s.server.close(r));
  return s.url;
}

describe("HttpClient over several API servers", function () {
  this.timeout(20_000);
  const servers: Server[] = [];
  const clients: HttpClient[] = [];
  after(() => {
    for (const c of clients) c.close();
    for (const s of servers) s.close();
  });

  it("a refused connection moves reads and writes to the next server, and later requests stay there", async () => {
    const dead = await deadUrl();
    const live = await serve(answer);
    servers.push(live.server);
    const c = new HttpClient({ manager: "t", server: `${dead},${live.url}` });
    clients.push(c);
    expect(c.server.origin).to.equal(new URL(dead).origin);
    const got = await c.get(CM, "default", "x");
    expect(got.metadata?.resourceVersion).to.equal("7");
    expect(c.server.origin).to.equal(new URL(live.url).origin);
    // A create refused by the dead server never arrived there: sent to the live one.
    const c2 = new HttpClient({ manager: "t", server: `${dead},${live.url}` });
    clients.push(c2);
    const made = await c2.create(CM, "default", cm("a"));
    expect(made.metadata?.name).to.equal("a");
    expect(live.hits).to.deep.equal(["GET /api/v1/namespaces/default/configmaps/x", "POST /api/v1/namespaces/default/configmaps"]);
  });

  it("a write whose connection broke after it was sent is not sent to another server; a read is", async () => {
    // Reads the request, then drops the connection without an answer (a server killed mid-request).
    const dropper = await serve((req) => req.on("data", () => undefined).on("end", () => req.socket.destroy()));
    const live = await serve(answer);
    servers.push(dropper.server, live.server);
    const c = new HttpClient({ manager: "t", server: `${dropper.url},${live.url}` });
    clients.push(c);
    let err: Error | undefined;
    await c.create(CM, "default", cm("b")).catch((e: Error) => (err = e));
    expect(err?.message).to.match(/cannot reach the API server at .* \(POST .*\): socket hang up|ECONNRESET/);
    expect(dropper.hits, "the dropped create reached the first server").to.deep.equal(["POST /api/v1/namespaces/default/configmaps"]);
    expect(live.hits, "and was not sent again to the second").to.deep.equal([]);
    // The client has moved on: the next request goes to the other server.
    expect(c.server.origin).to.equal(new URL(live.url).origin);
    // A read is idempotent: dropped by the first server, it is sent to the next.
    const c2 = new HttpClient({ manager: "t", server: `${dropper.url},${live.url}` });
    clients.push(c2);
    const got = await c2.get(CM, "default", "y");
    expect(got.metadata?.resourceVersion).to.equal("7");
    expect(dropper.hits.slice(1)).to.deep.equal(["GET /api/v1/namespaces/default/configmaps/y"]);
  });

  it("with every server down the error names the last one tried", async () => {
    const [a, b] = [await deadUrl(), await deadUrl()];
    const c = new HttpClient({ manager: "t", server: `${a},${b}` });
    clients.push(c);
    let err: Error | undefined;
    await c.get(CM, "default", "x").catch((e: Error) => (err = e));
    expect(err?.message).to.match(/cannot reach the API server at .*ECONNREFUSED/);
  });

  it("refuses a list that mixes http and https", () => {
    expect(() => new HttpClient({ manager: "t", server: "http://127.0.0.1:1,https://127.0.0.1:2" })).to.throw(/mix http and https/);
  });
});
