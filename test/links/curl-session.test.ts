/**
 * A hand-written curl session against the master, as docs/scheduler-http-api.md (Mesos)
 * walks one through: the real `curl` binary SUBSCRIBEs and keeps the RecordIO stream open
 * (read incrementally, records parsed by hand), the Mesos-Stream-Id comes from the headers
 * curl dumps, and every other call is a separate curl invocation. The agent is in-process
 * (master.agentApi) and runs a real command through the process containerizer, so the
 * session's task really runs. Field names are checked against the documented examples.
 */
import { expect } from "chai";
import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent, type Agent } from "../../src/agents/index.js";
import type { Offer } from "../../src/mesos/v1.js";
import { startMaster, type RunningMaster } from "../../src/resource-manager/index.js";
import { createLogger } from "../../src/util/log.js";

const quiet = createLogger("curl-session", { level: "error" });

function curlBinary(): string {
  try {
    return execFileSync("sh", ["-c", "command -v curl"], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

/** One non-streaming call: status code and body, exactly as curl saw them. */
function curl(url: string, body: string, headers: string[]): Promise<{ status: number; body: string }> {
  const args = ["-s", "-X", "POST", "-H", "Content-Type: application/json", ...headers.flatMap((h) => ["-H", h]), "-d", body, "-w", "\n%{http_code}", `${url}/api/v1/scheduler`];
  return new Promise((resolve, reject) => {
    execFile("curl", args, { encoding: "utf8" }, (err, stdout) => {
      if (err) return reject(err);
      const nl = stdout.lastIndexOf("\n");
      resolve({ status: Number(stdout.slice(nl + 1)), body: stdout.slice(0, nl) });
    });
  });
}

/** The subscription: curl's stdout, parsed as RecordIO by hand (digits, LF, that many bytes). */
class Stream {
  private buf = Buffer.alloc(0);
  readonly raw: Buffer[] = [];
  readonly records: { length: number; text: string; json: Record<string, any> }[] = [];
  private cursor = 0;
  exited: number | null | undefined;

  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on("data", (chunk: Buffer) => {
      this.raw.push(chunk);
      this.buf = Buffer.concat([this.buf, chunk]);
      for (;;) {
        const lf = this.buf.indexOf(0x0a);
        if (lf < 0) return;
        const sizeLine = this.buf.subarray(0, lf).toString("ascii");
        if (!/^\d+$/.test(sizeLine)) throw new Error(`not a RecordIO size line: ${JSON.stringify(sizeLine)}`);
        const length = Number(sizeLine);
        if (this.buf.length < lf + 1 + length) return;
        const text = this.buf.subarray(lf + 1, lf + 1 + length).toString("utf8");
        this.buf = this.buf.subarray(lf + 1 + length);
        this.records.push({ length, text, json: JSON.parse(text) as Record<string, any> });
      }
    });
    proc.on("exit", (code) => (this.exited = code));
  }

  /** The next record (after the previous `next`) satisfying pred. */
  async next(pred: (e: Record<string, any>) => boolean, what: string, timeoutMs = 10_000): Promise<Record<string, any>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.records.length) {
        const r = this.records[this.cursor++]!;
        if (pred(r.json)) return r.json;
      }
      if (Date.now() > deadline || this.exited !== undefined) throw new Error(`no ${what} on the stream; saw ${this.records.map((r) => r.json.type).join(",")}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  get bytes(): Buffer {
    return Buffer.concat(this.raw);
  }
}

async function waitFor<T>(f: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("links: a hand-written curl session (docs/scheduler-http-api.md)", function () {
  this.timeout(30_000);
  let m: RunningMaster;
  let agent: Agent;
  let dir: string;
  let sub: ChildProcessWithoutNullStreams | undefined;

  before(function () {
    // Not a skip: this test is about the real binary.
    if (!curlBinary()) throw new Error("curl is not installed (PATH has no `curl`); this test drives the master with the real curl binary");
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "berth-curl-"));
    m = await startMaster({ port: 0, allocationIntervalMs: 50, logger: quiet });
    agent = await startAgent({
      api: m.master.agentApi,
      workDir: join(dir, "agent"),
      log: quiet,
      hostname: "curl-agent",
      resources: [
        { name: "cpus", type: "SCALAR", scalar: { value: 2 } },
        { name: "mem", type: "SCALAR", scalar: { value: 1024 } },
      ],
      containerizers: ["process"],
      checkpoint: false,
      cgroupRoot: false,
    });
    await agent.registered;
  });

  afterEach(async () => {
    if (sub && sub.exitCode === null) sub.kill("SIGKILL");
    await agent?.stop({ killTasks: true });
    await m?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("SUBSCRIBE streams RecordIO; DECLINE, REVIVE, errors, ACCEPT/LAUNCH, UPDATE + ACKNOWLEDGE, TEARDOWN, each a curl call", async () => {
    const headersFile = join(dir, "headers.txt");
    const subscribe = '{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"foo","name":"Example HTTP Framework"}}}';
    sub = spawn("curl", ["-sN", "-X", "POST", "-H", "Content-Type: application/json", "-d", subscribe, `${m.url}/api/v1/scheduler`, "-D", headersFile]);
    const stream = new Stream(sub);

    // <length>\n{"type":"SUBSCRIBED",...}: the first bytes on the wire are the size line.
    const subscribed = await stream.next((e) => e.type === "SUBSCRIBED", "SUBSCRIBED");
    expect(stream.bytes.toString("utf8")).to.match(/^\d+\n\{/);
    const first = stream.records[0]!;
    expect(first.length).to.equal(Buffer.byteLength(first.text));
    expect(stream.bytes.toString("utf8").startsWith(`${first.length}\n${first.text}`)).to.equal(true);
    // Documented: {"type":"SUBSCRIBED","subscribed":{"framework_id":{"value":...},"heartbeat_interval_seconds":15}}
    expect(subscribed.subscribed.framework_id.value).to.be.a("string");
    expect(subscribed.subscribed.heartbeat_interval_seconds).to.equal(15);
    const frameworkId = subscribed.subscribed.framework_id.value as string;

    // Then OFFERS and HEARTBEAT (Mesos' heartbeater sends one right away), in either order.
    const seen = new Set<string>();
    let offers: Record<string, any> | undefined;
    while (!(seen.has("OFFERS") && seen.has("HEARTBEAT"))) {
      const e = await stream.next((x) => x.type === "OFFERS" || x.type === "HEARTBEAT", "OFFERS and HEARTBEAT");
      seen.add(e.type);
      if (e.type === "OFFERS") offers ??= e;
      else expect(e).to.deep.equal({ type: "HEARTBEAT" });
    }
    // The documented example predates v1's final shape: v1 Event.Offers wraps the list
    // (offers.offers) and an Offer's id is "id" (scheduler.proto); the other keys match.
    const offer = offers!.offers.offers[0] as Offer & Record<string, unknown>;
    expect(offer).to.include.keys("id", "framework_id", "agent_id", "hostname", "resources", "attributes", "executor_ids");
    expect(offer.framework_id.value).to.equal(frameworkId);
    expect(offer.hostname).to.equal("curl-agent");

    // The stream id, from the headers curl dumped.
    const headers = await waitFor(() => {
      const text = existsSync(headersFile) ? readFileSync(headersFile, "utf8") : "";
      return /mesos-stream-id:/i.test(text) ? text : undefined;
    }, "Mesos-Stream-Id in headers.txt");
    expect(headers).to.match(/^HTTP\/1\.1 200 OK\r\n/);
    expect(headers).to.match(/\r\ncontent-type: application\/json\r\n/i);
    expect(headers).to.match(/\r\ntransfer-encoding: chunked\r\n/i);
    const streamId = /\r\nmesos-stream-id: ([^\r\n]+)\r\n/i.exec(headers)![1]!;
    const sid = `Mesos-Stream-Id: ${streamId}`;
    const fid = `{"value":"${frameworkId}"}`;

    // DECLINE (default filter: 5 s), then REVIVE clears it and the agent is offered again at once.
    let r = await curl(m.url, `{"framework_id":${fid},"type":"DECLINE","decline":{"offer_ids":[{"value":"${offer.id.value}"}]}}`, [sid]);
    expect(r).to.deep.equal({ status: 202, body: "" });
    r = await curl(m.url, `{"framework_id":${fid},"type":"REVIVE"}`, [sid]);
    expect(r).to.deep.equal({ status: 202, body: "" });
    const t0 = Date.now();
    const again = (await stream.next((e) => e.type === "OFFERS", "OFFERS after REVIVE", 3000)).offers.offers[0] as Offer;
    expect(Date.now() - t0).to.be.below(3000);
    expect(again.id.value).to.not.equal(offer.id.value);

    // Mistakes answer 400 with Mesos' messages.
    r = await curl(m.url, `{"framework_id":${fid},"type":"REVIVE"}`, []);
    expect(r).to.deep.equal({ status: 400, body: "All non-subscribe calls should include the 'Mesos-Stream-Id' header" });
    r = await curl(m.url, `{"framework_id":${fid},"type":"REVIVE",`, [sid]);
    expect(r.status).to.equal(400);
    expect(r.body).to.match(/^Failed to parse body into JSON: /);

    // ACCEPT with a LAUNCH of a real command on the in-process agent.
    const task = {
      name: "curl-task",
      task_id: { value: "curl-task" },
      agent_id: again.agent_id,
      resources: [
        { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
        { name: "mem", type: "SCALAR", scalar: { value: 32 } },
      ],
      command: { value: "echo hello from curl; sleep 0.2" },
    };
    const accept = { framework_id: { value: frameworkId }, type: "ACCEPT", accept: { offer_ids: [again.id], operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }] } };
    r = await curl(m.url, JSON.stringify(accept), [sid]);
    expect(r).to.deep.equal({ status: 202, body: "" });

    // UPDATEs on the stream, each acknowledged by curl. Documented keys: task_id, state, source, uuid.
    const states: string[] = [];
    let sandbox: string | undefined;
    for (;;) {
      const u = await stream.next((e) => e.type === "UPDATE" && e.update.status.task_id.value === "curl-task", "UPDATE for curl-task");
      const status = u.update.status as Record<string, any>;
      expect(status).to.include.keys("task_id", "state", "source", "uuid", "agent_id", "timestamp");
      expect(Buffer.from(status.uuid as string, "base64")).to.have.length(16);
      states.push(status.state as string);
      sandbox ??= agent.tasks().find((t) => t.taskId === "curl-task")?.sandbox;
      const ack = { framework_id: { value: frameworkId }, type: "ACKNOWLEDGE", acknowledge: { agent_id: status.agent_id, task_id: status.task_id, uuid: status.uuid } };
      r = await curl(m.url, JSON.stringify(ack), [sid]);
      expect(r).to.deep.equal({ status: 202, body: "" });
      if (status.state === "TASK_FINISHED") {
        expect(status.source).to.equal("SOURCE_EXECUTOR");
        expect(status.message).to.equal("Command exited with status 0");
        break;
      }
    }
    expect(states).to.include.members(["TASK_RUNNING", "TASK_FINISHED"]);
    expect(states.at(-1)).to.equal("TASK_FINISHED");
    // It really ran: its stdout is in the sandbox.
    expect(sandbox, "the agent's sandbox of curl-task").to.be.a("string");
    expect(readFileSync(join(sandbox!, "stdout"), "utf8")).to.equal("hello from curl\n");
    // The acknowledged terminal update retires the task at the master.
    await waitFor(() => (m.master.frameworks.get(frameworkId)?.tasks.has("curl-task") === false ? true : undefined), "task retired after ACKNOWLEDGE");

    // TEARDOWN: 202, the framework is gone and the master ends the stream (curl exits 0).
    r = await curl(m.url, `{"framework_id":${fid},"type":"TEARDOWN"}`, [sid]);
    expect(r).to.deep.equal({ status: 202, body: "" });
    const code = await waitFor(() => stream.exited, "curl to exit when the stream ends");
    expect(code).to.equal(0);
    expect(m.master.frameworks.has(frameworkId)).to.equal(false);
    expect(m.master.completedFrameworks.has(frameworkId)).to.equal(true);
    // After TEARDOWN the stream id is worthless.
    r = await curl(m.url, `{"framework_id":${fid},"type":"REVIVE"}`, [sid]);
    expect(r).to.deep.equal({ status: 400, body: "Framework cannot be found" });
  });
});
