/**
 * NATS for tests: the server at NATS_URL (default nats://127.0.0.1:4222) when one
 * answers there with JetStream, otherwise a `nats-server -js` this process starts on a
 * free loopback port with a temporary store directory (stopped when the process exits).
 * Never a silent skip: no server and no nats-server binary is an error.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "nats";
import { freePort } from "./net.js";

const DEFAULT_URL = "nats://127.0.0.1:4222";
let shared: Promise<string> | undefined;

/** The URL of a NATS server with JetStream for this test process. */
export function natsUrl(): Promise<string> {
  shared ??= (async () => {
    const url = process.env.NATS_URL || DEFAULT_URL;
    if (await answers(url)) {
      await requireJetStream(url);
      return url;
    }
    const server = await startNatsServer();
    process.once("exit", () => {
      server.kill();
      server.cleanup();
    });
    return server.url;
  })();
  return shared;
}

export interface NatsServerProcess {
  readonly url: string;
  readonly port: number;
  readonly storeDir: string;
  /** SIGKILL the server (its store directory stays). */
  kill(): void;
  /** Stop it and wait until it has exited. */
  stop(): Promise<void>;
  /** Remove the store directory (after stop). */
  cleanup(): void;
}

/** Starts `nats-server -js` on 127.0.0.1 (a free port unless given) and waits until it accepts clients. */
export async function startNatsServer(opts: { port?: number; storeDir?: string } = {}): Promise<NatsServerProcess> {
  const port = opts.port ?? (await freePort());
  const storeDir = opts.storeDir ?? mkdtempSync(join(tmpdir(), "berth-nats-"));
  const bin = process.env.NATS_SERVER_BIN || "nats-server";
  const child: ChildProcess = spawn(bin, ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", storeDir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const spawnError = new Promise<never>((_, reject) => child.once("error", (e) => reject(new Error(`cannot start ${bin} (install the Debian package nats-server or set NATS_URL): ${e.message}`))));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `nats://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await Promise.race([answers(url), spawnError]);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nats-server did not accept connections on ${url} within 10 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    storeDir,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    },
    cleanup: () => rmSync(storeDir, { recursive: true, force: true }),
  };
}

/** Whether a NATS server answers at url (its INFO line arrives within 2 s). */
function answers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const sock = tcpConnect({ host: u.hostname, port: Number(u.port || 4222) });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(2000, () => done(false));
    sock.once("error", () => done(false));
    sock.once("data", (d: Buffer) => done(d.toString().startsWith("INFO")));
  });
}

async function requireJetStream(url: string): Promise<void> {
  const nc = await connect({ servers: url, timeout: 3000 });
  try {
    await nc.jetstreamManager();
  } catch (e) {
    throw new Error(`the NATS server at ${url} has no JetStream (start it with -js, or unset NATS_URL): ${(e as Error).message}`);
  } finally {
    await nc.close();
  }
}


let counter = 0;
/** A bucket name no other test (or test process) uses. */
export function uniqueBucket(prefix = "t"): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}

/** Deletes buckets' streams; missing ones are fine. */
export async function deleteBuckets(url: string, buckets: readonly string[]): Promise<void> {
  if (!buckets.length) return;
  const nc = await connect({ servers: url, timeout: 3000 });
  try {
    const jsm = await nc.jetstreamManager();
    for (const b of buckets) await jsm.streams.delete(`KV_${b}`).catch(() => false);
  } finally {
    await nc.close();
  }
}

/** A NATS server a test holds: the shared one, or its own (which it may restart). */
export interface TestNats {
  readonly url: string;
  /** True when the test started the server (so it may be stopped and restarted). */
  readonly owned: boolean;
  /** SIGKILL the server and start it again on the same port and store (owned servers only). */
  restart(downMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The shared server (natsUrl), or with `own: true` a private one, for tests of NATS outages. */
export async function testNats(opts: { own?: boolean } = {}): Promise<TestNats> {
  if (!opts.own) {
    const url = await natsUrl();
    return { url, owned: false, restart: () => Promise.reject(new Error("cannot restart a NATS server this test did not start")), close: async () => undefined };
  }
  let server = await startNatsServer();
  const { port, storeDir } = server;
  return {
    url: server.url,
    owned: true,
    async restart(downMs = 0) {
      server.kill();
      await server.stop();
      await new Promise((r) => setTimeout(r, downMs));
      server = await startNatsServer({ port, storeDir });
    },
    async close() {
      server.kill();
      await server.stop();
      server.cleanup();
    },
  };
}
