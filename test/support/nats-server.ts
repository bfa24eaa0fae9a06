/**
 * A NATS server with JetStream for tests: NATS_URL (default nats://127.0.0.1:4222) when
 * something answers there, otherwise `nats-server -js` started on a free loopback port
 * with a temporary store directory. Never a silent skip: if neither works the test fails
 * with the reason. A server this module started can be restarted on the same port and
 * store (for tests of reconnection).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestNats {
  readonly url: string;
  /** True when this module started the server (so it may be stopped and restarted). */
  readonly owned: boolean;
  /** SIGKILL the server and start it again on the same port and store (owned servers only). */
  restart(downMs?: number): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function answers(url: string, ms = 1000): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(ms, () => done(false));
    // A NATS server greets every client with an INFO line.
    s.once("data", (d) => done(d.toString().startsWith("INFO")));
    s.once("error", () => done(false));
    s.connect(Number(u.port || 4222), u.hostname);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function startServer(port: number, dir: string): ChildProcess {
  const bin = process.env.NATS_SERVER_BIN ?? "nats-server";
  const child = spawn(bin, ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  child.once("error", (e) => (err += `\n${e.message}`));
  (child as ChildProcess & { errText: () => string }).errText = () => err;
  return child;
}

async function waitUp(url: string, child: ChildProcess): Promise<void> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (await answers(url, 300)) return;
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(50);
  }
  const text = (child as ChildProcess & { errText?: () => string }).errText?.() ?? "";
  throw new Error(`nats-server did not come up on ${url}: ${text || "no output (is /usr/sbin/nats-server installed? set NATS_SERVER_BIN)"}`);
}

/** NATS_URL if it answers, else a private server. `own: true` always starts a private one. */
export async function testNats(opts: { own?: boolean } = {}): Promise<TestNats> {
  const shared = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
  if (!opts.own && (await answers(shared))) {
    return { url: shared, owned: false, restart: () => Promise.reject(new Error("cannot restart a NATS server this test did not start")), close: async () => undefined };
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "berth-nats-"));
  const url = `nats://127.0.0.1:${port}`;
  let child = startServer(port, dir);
  await waitUp(url, child);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await gone;
  };
  return {
    url,
    owned: true,
    async restart(downMs = 0) {
      await stop();
      await sleep(downMs);
      child = startServer(port, dir);
      await waitUp(url, child);
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
