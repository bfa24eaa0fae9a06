/**
 * The HTTP link with several master URLs (agents and frameworks of an HA cluster): a master
 * that cannot be reached, a standby that knows no leader (503), a redirect to a leader that
 * is gone, and a master that accepts connections but never answers (paused) are each passed
 * over for the next URL, within a bounded time, ending at the leader.
 */
import { expect } from "chai";
import { createServer, type Server } from "node:http";
import { httpAgentApi, httpSchedulerApi, masterUrls } from "../../src/mesos/http-client.js";
import type { RunningMaster } from "../../src/resource-manager/index.js";
import { rejection, scalar, subscribeFramework, TestAgent, testMaster } from "../resource-manager/helpers.js";

function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

describe("ha: HTTP link over several master URLs", function () {
  this.timeout(20_000);
  let leader: RunningMaster;
  const servers: Server[] = [];
  let dead: string;

  before(async () => {
    leader = await testMaster();
    // A port nothing listens on any more.
    const s = await serve(() => undefined);
    dead = s.url;
    await new Promise((r) => s.server.close(r));
  });
  after(async () => {
    for (const s of servers) s.closeAllConnections?.();
    for (const s of servers) await new Promise((r) => s.close(r));
    await leader.close();
  });
  const server = async (handler: Parameters<typeof createServer>[1]) => {
    const s = await serve(handler);
    servers.push(s.server);
    return s.url;
  };

  it("parses lists and comma-separated URLs", () => {
    expect(masterUrls("http://a:5050, http://b:5050/,http://a:5050")).to.deep.equal(["http://a:5050", "http://b:5050"]);
    expect(() => masterUrls(" , ")).to.throw(/no master URL/);
  });

  it("passes over an unreachable master, a standby without a leader and a redirect to a gone leader", async () => {
    const noLeader = await server((_req, res) => void res.writeHead(503, { "Content-Type": "text/plain" }).end("No leader elected"));
    const staleRedirect = await server((req, res) => void res.writeHead(307, { Location: `${dead}${req.url}` }).end());
    const api = httpAgentApi([dead, noLeader, staleRedirect, leader.url]);
    const agent = new TestAgent(api, [scalar("cpus", 1), scalar("mem", 128)]);
    await agent.register("multi");
    expect(api.masterUrl).to.equal(new URL(leader.url).origin);
    expect(leader.master.agents.has(agent.id)).to.equal(true);
    // Later calls go straight to the leader found.
    await agent.call({ type: "HEARTBEAT" });
  });

  it("follows a standby's 307 to the leader for frameworks", async () => {
    const standby = await server((req, res) => void res.writeHead(307, { Location: `${leader.url}${req.url}` }).end());
    const fw = await subscribeFramework(httpSchedulerApi(`${standby},${dead}`), { name: "follows" });
    expect(leader.master.frameworks.has(fw.id)).to.equal(true);
    fw.sub.close();
  });

  it("gives up on a master that never answers (paused) after the request timeout and tries the next", async () => {
    const paused = await server(() => undefined);
    const t0 = Date.now();
    const agent = new TestAgent(httpAgentApi([paused, leader.url], { requestTimeoutMs: 400 }), [scalar("cpus", 1), scalar("mem", 128)]);
    await agent.register("after-pause");
    const took = Date.now() - t0;
    expect(took).to.be.within(350, 3000);
    // Alone, the paused master's silence is a clear error, not a hang.
    const only = httpAgentApi(paused, { requestTimeoutMs: 300 });
    const err = await rejection(only.call("s", { type: "HEARTBEAT", agent_id: { value: "x" } }));
    expect(err.code).to.equal(503);
    expect(err.message).to.match(/no answer from http:\/\/127\.0\.0\.1:\d+ within 300ms/);
  });
});
