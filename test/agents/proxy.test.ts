import { expect } from "chai";
import { createServer, connect, type Server, type AddressInfo } from "node:net";
import { UserspaceProxy, decodeProxyTable, encodeProxyTable, parseHostPort } from "../../src/agents/proxy/proxy.js";
import { createLogger } from "../../src/util/log.js";
import { freePort } from "../support/net.js";

const log = createLogger("proxy-test", { level: "error" });

/** A TCP server answering every connection with its name, then closing. */
async function named(name: string): Promise<{ server: Server; addr: string }> {
  const server = createServer((s) => s.end(name));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, addr: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** An echo server. */
async function echo(): Promise<{ server: Server; addr: string }> {
  const server = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, addr: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}


/** Connect, optionally write, read to end. Rejects on reset/refused. */
function fetchVia(addr: string, write?: string): Promise<string> {
  const hp = parseHostPort(addr)!;
  return new Promise((resolve, reject) => {
    const c = connect({ host: hp.host, port: hp.port }, () => {
      if (write !== undefined) c.end(write);
    });
    let out = "";
    c.setEncoding("utf8");
    c.on("data", (d: string) => (out += d));
    c.on("end", () => resolve(out));
    c.on("error", reject);
  });
}

describe("agent userspace proxy", () => {
  let proxy: UserspaceProxy;
  const servers: Server[] = [];
  beforeEach(() => {
    proxy = new UserspaceProxy({ log, retryMs: 100 });
  });
  afterEach(async () => {
    await proxy.close();
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  it("encodes and decodes tables, rejecting malformed ones", () => {
    const t = { version: 3, rules: [{ listen: "127.96.0.10:80", backends: ["127.0.0.1:8080"] }] };
    expect(decodeProxyTable(encodeProxyTable(t))).to.deep.equal(t);
    expect(decodeProxyTable("!!!")).to.be.a("string");
    expect(decodeProxyTable(Buffer.from(JSON.stringify({ version: 1, rules: [{ listen: "nope", backends: [] }] })).toString("base64"))).to.be.a("string");
    expect(decodeProxyTable(Buffer.from(JSON.stringify({ rules: [] })).toString("base64"))).to.be.a("string");
    expect(parseHostPort("[::1]:80")).to.deep.equal({ host: "::1", port: 80 });
  });

  it("round-robins connections across backends on a 127.96/16 address and carries data both ways", async () => {
    const a = await named("a");
    const b = await named("b");
    const e = await echo();
    servers.push(a.server, b.server, e.server);
    const port = await freePort();
    const listen = `127.96.0.10:${port}`;
    const echoListen = `127.96.0.11:${port}`;
    expect(await proxy.handleMessage(encodeProxyTable({ version: 1, rules: [{ listen, backends: [a.addr, b.addr] }, { listen: echoListen, backends: [e.addr] }] }))).to.equal(true);
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await fetchVia(listen));
    expect(got).to.deep.equal(["a", "b", "a", "b"]);
    const big = "x".repeat(200_000);
    expect(await fetchVia(echoListen, big)).to.equal(big);
  });

  it("skips a backend that refuses and tries the next", async () => {
    const a = await named("a");
    servers.push(a.server);
    const dead = `127.0.0.1:${await freePort()}`;
    const listen = `127.0.0.1:${await freePort()}`;
    await proxy.apply({ version: 1, rules: [{ listen, backends: [dead, a.addr] }] });
    for (let i = 0; i < 3; i++) expect(await fetchVia(listen)).to.equal("a");
  });

  it("resets the connection when no backend is left", async () => {
    const listen = `127.0.0.1:${await freePort()}`;
    await proxy.apply({ version: 1, rules: [{ listen, backends: [] }] });
    let failed = false;
    await fetchVia(listen).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it("updates backends in place, closes removed rules, and ignores stale versions", async () => {
    const a = await named("a");
    const b = await named("b");
    servers.push(a.server, b.server);
    const l1 = `127.0.0.1:${await freePort()}`;
    const l2 = `127.0.0.1:${await freePort()}`;
    await proxy.apply({ version: 10, rules: [{ listen: l1, backends: [a.addr] }, { listen: l2, backends: [a.addr] }] });
    expect(await fetchVia(l2)).to.equal("a");
    await proxy.apply({ version: 11, rules: [{ listen: l1, backends: [b.addr] }] });
    expect(await fetchVia(l1)).to.equal("b");
    let refused = false;
    await fetchVia(l2).catch(() => (refused = true));
    expect(refused).to.equal(true);
    // A late message with an older version changes nothing.
    expect(await proxy.apply({ version: 9, rules: [{ listen: l1, backends: [a.addr] }] })).to.equal(false);
    expect(await fetchVia(l1)).to.equal("b");
    expect(proxy.version).to.equal(11);
    expect(proxy.rules().map((r) => r.listen)).to.deep.equal([l1]);
  });

  it("retries a listener whose address is taken until it frees up", async () => {
    const a = await named("a");
    servers.push(a.server);
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", r));
    const listen = `127.0.0.1:${port}`;
    await proxy.apply({ version: 1, rules: [{ listen, backends: [a.addr] }] });
    expect(proxy.rules()[0]?.bound).to.equal(false);
    await new Promise((r) => blocker.close(r));
    const deadline = Date.now() + 3000;
    while (!proxy.rules()[0]?.bound && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await fetchVia(listen)).to.equal("a");
  });

  it("a held rule (a NodePort) listens only while its port is held by a task", async () => {
    const a = await named("a");
    servers.push(a.server);
    const port = await freePort();
    const listen = `127.0.0.1:${port}`;
    expect(decodeProxyTable(encodeProxyTable({ version: 1, rules: [{ listen, backends: [], held: true }] }))).to.deep.equal({ version: 1, rules: [{ listen, backends: [], held: true }] });
    expect(decodeProxyTable(Buffer.from(JSON.stringify({ version: 1, rules: [{ listen, backends: [], held: "yes" }] })).toString("base64"))).to.match(/held must be a boolean/);
    await proxy.apply({ version: 1, rules: [{ listen, backends: [a.addr], held: true }] });
    expect(proxy.rules()).to.deep.equal([]);
    expect(proxy.waiting()).to.deep.equal([listen]);
    await fetchVia(listen).then(
      () => expect.fail("nothing may listen before the port is held"),
      () => undefined,
    );
    await proxy.setHeldPorts([port]);
    expect(await fetchVia(listen)).to.equal("a");
    // A newer table keeps it while the port stays held.
    await proxy.apply({ version: 2, rules: [{ listen, backends: [a.addr], held: true }] });
    expect(await fetchVia(listen)).to.equal("a");
    await proxy.setHeldPorts([]);
    expect(proxy.waiting()).to.deep.equal([listen]);
    let refused = false;
    await fetchVia(listen).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });
});
