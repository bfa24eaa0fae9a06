import { expect } from "chai";
import { request } from "node:http";
import { MesosApiError, callbackSink, type EventSink, type Subscription } from "../../src/mesos/link.js";
import { RecordIODecoder } from "../../src/mesos/recordio.js";
import type { RunningMaster } from "../../src/resource-manager/index.js";
import { EventLog, IN_PROCESS, LINKS, TestAgent, rejection, subscribeFramework, testMaster } from "./helpers.js";
import type { SchedulerEvent } from "../../src/mesos/v1.js";

async function post(url: string, body: string, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  const res = await fetch(`${url}/api/v1/scheduler`, { method: "POST", headers, body, redirect: "manual" });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

// Inherently HTTP: bytes on the wire, status codes of raw requests, headers, redirects.
describe("resource-manager: scheduler API, HTTP only", function () {
  this.timeout(10000);
  let m: RunningMaster;
  beforeEach(async () => {
    m = await testMaster();
  });
  afterEach(async () => {
    await m.close();
  });

  it("streams RecordIO exactly as Mesos documents: 200, JSON, Mesos-Stream-Id, <length>\\n<json>", async () => {
    const body = JSON.stringify({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "raw" } } });
    const { port } = new URL(m.url);
    const result = await new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/api/v1/scheduler", method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          chunks.push(c);
          const all = Buffer.concat(chunks);
          // SUBSCRIBED then one HEARTBEAT (heartbeat interval is 200 ms here).
          if (new RecordIODecoder().decode(all).length >= 2) {
            resolve({ status: res.statusCode!, headers: res.headers, bytes: all });
            req.destroy();
          }
        });
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(result.status).to.equal(200);
    expect(result.headers["content-type"]).to.equal("application/json");
    expect(result.headers["transfer-encoding"]).to.equal("chunked");
    expect(result.headers["mesos-stream-id"]).to.match(/^[0-9a-f-]{36}$/);
    // Parse by hand: digits, LF, that many bytes.
    const text = result.bytes;
    const lf = text.indexOf(0x0a);
    const len = Number(text.subarray(0, lf).toString());
    const first = JSON.parse(text.subarray(lf + 1, lf + 1 + len).toString());
    expect(first.type).to.equal("SUBSCRIBED");
    expect(first.subscribed.heartbeat_interval_seconds).to.equal(0.2);
    expect(first.subscribed.framework_id.value).to.be.a("string");
    const rest = text.subarray(lf + 1 + len);
    const lf2 = rest.indexOf(0x0a);
    const second = JSON.parse(rest.subarray(lf2 + 1, lf2 + 1 + Number(rest.subarray(0, lf2).toString())).toString());
    expect(second).to.deep.equal({ type: "HEARTBEAT" });
  });

  it("answers raw requests with Mesos' codes and messages", async () => {
    const fw = await subscribeFramework(m.url);
    // 202 with the right stream id.
    await fw.call({ type: "REVIVE" });
    const call = JSON.stringify({ type: "REVIVE", framework_id: { value: fw.id } });
    let r = await post(m.url, call);
    expect(r.status).to.equal(400);
    expect(r.text).to.equal("All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    r = await post(m.url, call, { "Content-Type": "application/json", "Mesos-Stream-Id": "nope" });
    expect(r.status).to.equal(400);
    expect(r.text).to.equal(`The stream ID 'nope' included in this request didn't match the stream ID currently associated with framework ID ${fw.id}`);
    r = await post(m.url, JSON.stringify({ type: "REVIVE", framework_id: { value: "unknown" } }), { "Content-Type": "application/json", "Mesos-Stream-Id": fw.sub.streamId });
    expect(r).to.include({ status: 400, text: "Framework cannot be found" });
    r = await post(m.url, JSON.stringify({ type: "REVIVE" }));
    expect(r).to.include({ status: 400, text: "Failed to validate scheduler::Call: Expecting 'framework_id' to be present" });
    r = await post(m.url, "{", { "Content-Type": "application/json" });
    expect(r.status).to.equal(400);
    expect(r.text).to.match(/^Failed to parse body into JSON/);
    r = await post(m.url, "x", { "Content-Type": "application/x-protobuf" });
    expect(r.status).to.equal(415);
    expect(r.text).to.match(/^Unsupported 'Content-Type' application\/x-protobuf/);
    r = await post(m.url, JSON.stringify({ type: "SUBSCRIBE", subscribe: { framework_info: { name: "x" } } }));
    expect(r).to.include({ status: 400, text: "Failed to convert JSON into Call protobuf: Missing required fields: subscribe.framework_info.user" });
    r = await post(m.url, JSON.stringify({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "x" } } }), { "Content-Type": "application/json", "Mesos-Stream-Id": "x" });
    expect(r).to.include({ status: 400, text: "Subscribe calls should not include the 'Mesos-Stream-Id' header" });
    const get = await fetch(`${m.url}/api/v1/scheduler`);
    expect(get.status).to.equal(405);
    // The client turns non-202 answers into MesosApiError.
    let err: unknown;
    try {
      await fw.api.call("wrong", { type: "REVIVE", framework_id: { value: fw.id } });
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(MesosApiError);
    expect((err as MesosApiError).code).to.equal(400);
  });

  it("redirects a non-leading master's calls to the leader (307), and the client follows", async () => {
    const standby = await testMaster({ isLeader: () => false, leaderUrl: () => m.url });
    try {
      const r = await fetch(`${standby.url}/api/v1/scheduler`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}", redirect: "manual" });
      expect(r.status).to.equal(307);
      expect(r.headers.get("location")).to.equal(`${m.url}/api/v1/scheduler`);
      const fw = await subscribeFramework(standby.url);
      expect(m.master.frameworks.has(fw.id)).to.equal(true);
      await fw.call({ type: "REVIVE" });
      expect((await fetch(`${standby.url}/state`, { redirect: "manual" })).status).to.equal(307);
      expect((await fetch(`${standby.url}/health`)).status).to.equal(200);
      // In-process there is nothing to follow: the standby's API refuses with the leader's URL.
      const e = await rejection(IN_PROCESS.scheduler(standby).subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "x" } } }, new EventLog<SchedulerEvent>().sink));
      expect(e).to.be.instanceOf(MesosApiError);
      expect(e).to.include({ code: 307, location: m.url });
    } finally {
      await standby.close();
    }
  });
});

// The same cases over both links of the one interface (DESIGN.md decision 1).
for (const link of LINKS) {
  describe(`resource-manager: scheduler API (${link.name})`, function () {
    this.timeout(10000);
    let m: RunningMaster;
    beforeEach(async () => {
      m = await testMaster();
    });
    afterEach(async () => {
      await m.close();
    });

    it("answers calls with Mesos' codes and messages (MesosApiError on either link)", async () => {
      const fw = await subscribeFramework(link.scheduler(m));
      const api = fw.api;
      const sid = fw.sub.streamId;
      const revive = { type: "REVIVE" as const, framework_id: { value: fw.id } };
      await api.call(sid, revive);
      const refused = async (p: Promise<unknown>, code: number, message: string) => {
        const e = await rejection(p);
        expect(e).to.be.instanceOf(MesosApiError);
        expect({ code: e.code, message: e.message }).to.deep.equal({ code, message });
      };
      await refused(api.call("", revive), 400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
      await refused(api.call("nope", revive), 400, `The stream ID 'nope' included in this request didn't match the stream ID currently associated with framework ID ${fw.id}`);
      await refused(api.call(sid, { type: "REVIVE", framework_id: { value: "unknown" } }), 400, "Framework cannot be found");
      await refused(api.call(sid, { type: "REVIVE" }), 400, "Failed to validate scheduler::Call: Expecting 'framework_id' to be present");
      await refused(api.call(sid, { type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "x" } } }), 400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
      const events = new EventLog<SchedulerEvent>();
      await refused(
        api.subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { name: "x" } } } as never, events.sink),
        400,
        "Failed to convert JSON into Call protobuf: Missing required fields: subscribe.framework_info.user",
      );
      // A refused subscription delivers nothing.
      expect(await events.none(() => true, 50)).to.equal(true);
    });

    it("delivers no event before subscribe resolves, so the subscriber holds its stream id first", async () => {
      // Scheduler and agent side alike.
      const subscribers: [(sink: EventSink<never>) => Promise<Subscription>, string][] = [
        [(sink) => link.scheduler(m).subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "x" } } }, sink), "SUBSCRIBED"],
        [(sink) => link.agent(m).subscribe({ type: "REGISTER", register: { agent_info: { hostname: "h", resources: [] } } }, sink), "REGISTERED"],
      ];
      for (const [subscribe, first] of subscribers) {
        let resolved = false;
        let early = 0;
        const events = new EventLog<{ type: string }>();
        const sink = callbackSink<never>((e) => {
          if (!resolved) early++;
          events.sink.send(e);
        });
        const sub = await subscribe(sink);
        resolved = true;
        expect(sub.streamId).to.match(/^[0-9a-f-]{36}$/);
        expect((await events.next(() => true)).type).to.equal(first);
        expect(early).to.equal(0);
        (sub as Partial<{ close(): void }>).close?.();
        sink.close();
      }
    });

    it("refuses an invalid FrameworkInfo on the stream with ERROR, then closes it", async () => {
      const api = link.scheduler(m);
      const events = new EventLog<SchedulerEvent>();
      await api.subscribe({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "n", roles: ["a"] } } }, events.sink);
      const e = await events.next("ERROR");
      expect(e.error!.message).to.equal("'FrameworkInfo.roles' must not be set when the framework is not MULTI_ROLE capable");
      await events.waitClosed();
    });

    it("sends HEARTBEAT events at the announced interval", async () => {
      const fw = await subscribeFramework(link.scheduler(m));
      // The first comes right after SUBSCRIBED (Mesos' heartbeater starts with one).
      expect(fw.events.all[1]).to.deep.equal({ type: "HEARTBEAT" });
      await fw.events.next("HEARTBEAT", 1000);
      const t0 = Date.now();
      await fw.events.next("HEARTBEAT", 1000);
      await fw.events.next("HEARTBEAT", 1000);
      expect(Date.now() - t0).to.be.within(300, 1000);
    });

    it("offers a registered agent's resources, with ids, hostname and allocation_info", async () => {
      const fw = await subscribeFramework(link.scheduler(m), { role: "web" });
      const agent = new TestAgent(link.agent(m));
      const agentId = await agent.register("host-a");
      const offer = await fw.nextOffer();
      expect(offer.agent_id.value).to.equal(agentId);
      expect(offer.framework_id.value).to.equal(fw.id);
      expect(offer.hostname).to.equal("host-a");
      expect(offer.allocation_info).to.deep.equal({ role: "web" });
      expect(offer.resources.find((r) => r.name === "cpus")!.scalar!.value).to.equal(4);
      expect(offer.resources.every((r) => r.allocation_info?.role === "web")).to.equal(true);
    });
  });
}
