/**
 * The agent's container API on its own: logs with kubelet's options, exec and attach over
 * the v5/v4 channel protocol, port-forward over SPDY/3.1 (plain upgrade and tunneled in a
 * WebSocket), and its errors.
 */
import { appendFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { expect } from "chai";
import { WebSocket } from "ws";
import { startContainerApi, type ContainerApi } from "../../src/agents/http/server.js";
import { createLogger } from "../../src/util/log.js";
import { channelSession, fakeTask, rawWebSocket, SpdyClient, spdyUpgrade, until, type FakeTask } from "./helpers.js";

describe("agent container API", function () {
  this.timeout(20_000);
  let api: ContainerApi;
  let task: FakeTask;
  const tasks = new Map<string, FakeTask>();
  const path = (t: FakeTask, action: string) => `/containers/${encodeURIComponent(t.executorId)}/${encodeURIComponent(t.taskId)}/${action}`;
  const get = async (p: string) => {
    const r = await fetch(`${api.url}${p}`);
    return { status: r.status, text: await r.text() };
  };

  before(async () => {
    task = fakeTask("echo out1; echo out2; echo err1 >&2; exec sleep 30", { GREETING: "hello" });
    tasks.set(task.taskId, task);
    api = await startContainerApi({ port: 0, lookup: (eid, tid) => (tasks.get(tid)?.executorId === eid ? tasks.get(tid) : undefined), log: createLogger("test", { level: "error" }) });
    await until(() => (api ? true : false), "api");
    await new Promise((r) => setTimeout(r, 300)); // let the task write its lines
  });
  after(async () => {
    await api?.close();
    for (const t of tasks.values()) {
      t.kill();
      rmSync(t.sandbox, { recursive: true, force: true });
    }
  });

  describe("log", () => {
    it("serves stdout then stderr", async () => {
      const r = await get(path(task, "log"));
      expect(r.status).to.equal(200);
      expect(r.text).to.equal("out1\nout2\nerr1\n");
    });

    it("tailLines, limitBytes and stream select what kubelet would", async () => {
      expect((await get(path(task, "log") + "?tailLines=2")).text).to.equal("out2\nerr1\n");
      expect((await get(path(task, "log") + "?tailLines=0")).text).to.equal("");
      expect((await get(path(task, "log") + "?limitBytes=6")).text).to.equal("out1\no");
      expect((await get(path(task, "log") + "?stream=Stderr")).text).to.equal("err1\n");
    });

    it("timestamps lines in kubelet's format; sinceSeconds drops older files", async () => {
      const r = await get(path(task, "log") + "?timestamps=true&tailLines=1");
      expect(r.text).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z err1\n$/);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await get(path(task, "log") + `?sinceTime=${future}`)).text).to.equal("");
    });

    it("a task restarted in place: current and previous runs from logStarts", async () => {
      const restarted = { ...task, taskId: "ex1.restarted", logStarts: () => [{ stdout: 0, stderr: 0 }, { stdout: 5, stderr: 5 }] };
      tasks.set(restarted.taskId, restarted as FakeTask);
      expect((await get(path(restarted as FakeTask, "log"))).text).to.equal("out2\n");
      expect((await get(path(restarted as FakeTask, "log") + "?previous=true")).text).to.equal("out1\nerr1\n");
      tasks.delete(restarted.taskId);
    });

    it("previous without a known earlier run: 400", async () => {
      const r = await get(path(task, "log") + "?previous=true");
      expect(r.status).to.equal(400);
      expect(r.text).to.contain("previous run");
    });

    it("follow streams new output and ends when the task ends", async () => {
      const t = fakeTask("exec sleep 30", {}, "ex1.follow");
      tasks.set(t.taskId, t);
      const res = await fetch(`${api.url}${path(t, "log")}?follow=true`);
      const reader = res.body!.getReader();
      appendFileSync(join(t.sandbox, "stdout"), "later\n");
      const first = await reader.read();
      expect(Buffer.from(first.value!).toString()).to.equal("later\n");
      appendFileSync(join(t.sandbox, "stderr"), "last\n");
      t.setRunning(false);
      let rest = "";
      for (;;) {
        const c = await reader.read();
        if (c.done) break;
        rest += Buffer.from(c.value).toString();
      }
      expect(rest).to.equal("last\n");
      t.kill();
    });

    it("unknown task: 404", async () => {
      expect((await get("/containers/ex1/nope/log")).status).to.equal(404);
    });
  });

  describe("exec", () => {
    const wsUrl = (q: string) => `${api.url.replace("http", "ws")}${path(task, "exec")}?${q}`;

    it("negotiates v5.channel.k8s.io and returns Success", async () => {
      const r = await channelSession(wsUrl("command=echo&command=hi&stdout=1&stderr=1"));
      expect(r.protocol).to.equal("v5.channel.k8s.io");
      expect(r.stdout).to.equal("hi\n");
      expect(r.status).to.deep.equal({ metadata: {}, status: "Success" });
      expect(r.closeCode).to.equal(1000);
    });

    it("runs in the sandbox with the task's environment", async () => {
      const r = await channelSession(wsUrl("command=sh&command=-c&command=pwd;echo%20$GREETING&stdout=1"));
      expect(r.stdout).to.equal(`${task.sandbox}\nhello\n`);
    });

    it("a non-zero exit is a NonZeroExitCode status with the ExitCode cause", async () => {
      const r = await channelSession(wsUrl("command=sh&command=-c&command=echo%20e%20>%262;exit%203&stdout=1&stderr=1"));
      expect(r.stderr).to.equal("e\n");
      expect(r.status?.status).to.equal("Failure");
      expect(r.status?.reason).to.equal("NonZeroExitCode");
      expect(r.status?.details?.causes).to.deep.equal([{ reason: "ExitCode", message: "3" }]);
    });

    it("stdin flows until the v5 close signal", async () => {
      const r = await channelSession(wsUrl("command=cat&stdin=1&stdout=1"), { stdin: "abc\n", closeStdin: true });
      expect(r.stdout).to.equal("abc\n");
      expect(r.status?.status).to.equal("Success");
    });

    it("v4 clients get v4 (no close signal: stdin ends with the command)", async () => {
      const r = await channelSession(wsUrl("command=echo&command=v4&stdout=1"), { protocols: ["v4.channel.k8s.io"] });
      expect(r.protocol).to.equal("v4.channel.k8s.io");
      expect(r.stdout).to.equal("v4\n");
    });

    it("tty: a pseudo-terminal sized by resize messages", async () => {
      const r = await channelSession(wsUrl("command=sh&command=-c&command=sleep%200.5;tty;stty%20size&stdout=1&tty=1"), { resize: { Width: 123, Height: 45 } });
      expect(r.stdout).to.match(/^\/dev\/pts\/\d+\r\n45 123\r\n$/);
      expect(r.status?.status).to.equal("Success");
    });

    it("a missing executable is a Failure with a clear message", async () => {
      const r = await channelSession(wsUrl("command=/no/such/binary&stdout=1"));
      expect(r.status?.status).to.equal("Failure");
    });

    it("unsupported subprotocols and plain requests are refused", async () => {
      const e = await channelSession(wsUrl("command=true"), { protocols: ["base64.channel.k8s.io"] }).catch((x: { statusCode?: number }) => x);
      expect((e as { statusCode?: number }).statusCode).to.equal(400);
      const plain = await fetch(`${api.url}${path(task, "exec")}?command=true`, { method: "POST" });
      expect(plain.status).to.equal(400);
      expect(await plain.text()).to.contain("Upgrade request required");
    });
  });

  describe("attach", () => {
    it("streams output written after attaching, and refuses stdin", async () => {
      const url = `${api.url.replace("http", "ws")}${path(task, "attach")}`;
      const ws = new WebSocket(`${url}?stdout=1&stderr=1`, ["v5.channel.k8s.io"]);
      const got: string[] = [];
      ws.on("message", (d: Buffer) => got.push(`${d[0]}:${d.subarray(1).toString()}`));
      await new Promise((r) => ws.once("open", r));
      await new Promise((r) => setTimeout(r, 200));
      appendFileSync(join(task.sandbox, "stdout"), "attached\n");
      await until(() => got.includes("1:attached\n"), "attached output");
      ws.close();
      const r = await channelSession(`${url}?stdin=1&stdout=1`);
      expect(r.status?.status).to.equal("Failure");
      expect(r.status?.message).to.contain("without stdin");
    });
  });

  describe("portforward", () => {
    let target: Server;
    let port: number;
    before(async () => {
      target = createServer((_q, s) => s.end("pong"));
      await new Promise<void>((r) => target.listen(0, "127.0.0.1", () => r()));
      port = (target.address() as { port: number }).port;
    });
    after(() => new Promise<void>((r) => target.close(() => r())));

    async function roundTrip(c: SpdyClient, requestId: string, toPort: number): Promise<{ err: number; data: number }> {
      const err = await c.open({ streamtype: "error", port: String(toPort), requestid: requestId });
      c.send(err, Buffer.alloc(0), true);
      const data = await c.open({ streamtype: "data", port: String(toPort), requestid: requestId });
      await until(() => c.replies.has(err) && c.replies.has(data), "SYN_REPLYs");
      c.send(data, Buffer.from("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), true);
      await until(() => c.fin.has(err), "the error stream closed");
      return { err, data };
    }

    it("over a plain SPDY/3.1 upgrade: forwards a connection, answers pings", async () => {
      const { socket, head, headers } = await spdyUpgrade(api.url, path(task, "portforward"));
      expect(headers["x-stream-protocol-version"]).to.equal("portforward.k8s.io");
      const c = new SpdyClient((b) => socket.write(b));
      if (head.length) c.feed(head);
      socket.on("data", (d: Buffer) => c.feed(d));
      c.ping(1);
      const { err, data } = await roundTrip(c, "0", port);
      expect(c.text(data)).to.match(/^HTTP\/1\.1 200 OK[\s\S]*pong$/);
      expect(c.text(err)).to.equal("");
      expect(c.pings).to.deep.equal([1]);
      // A refused port: the message on the error stream, as kubelet writes it.
      const refused = await roundTrip(c, "1", 1);
      expect(c.text(refused.err)).to.contain("connection refused");
      socket.destroy();
    });

    it("tunneled in a WebSocket (SPDY/3.1+portforward.k8s.io)", async () => {
      const { ws, protocol } = await rawWebSocket(`${api.url.replace("http", "ws")}${path(task, "portforward")}`, "SPDY/3.1+portforward.k8s.io");
      expect(protocol).to.equal("SPDY/3.1+portforward.k8s.io");
      const c = new SpdyClient((b) => ws.send(b));
      ws.on("message", (d: Buffer) => c.feed(d));
      const { data } = await roundTrip(c, "7", port);
      expect(c.text(data)).to.contain("pong");
      ws.close();
    });
  });
});
