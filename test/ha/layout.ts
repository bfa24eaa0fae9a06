/**
 * The HA layout of scripts/ha-cluster.mjs for fault tests: the script itself is started
 * (free loopback ports, unique buckets, a temporary directory) and its layout.json read,
 * so the tests exercise exactly what a user runs. Single roles can be killed (kill -9 of
 * their process group) and restarted with their own command line; everything the test
 * started, the script included, is stopped in close() and the buckets deleted.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deleteBuckets, natsUrl } from "../support/nats.js";

const SCRIPT = fileURLToPath(new URL("../../../scripts/ha-cluster.mjs", import.meta.url));
export const KUBECTL = fileURLToPath(new URL("../../../.tools/bin/kubectl", import.meta.url));
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RoleProc {
  readonly name: string;
  readonly role: string;
  pid: number;
  readonly command: string[];
  readonly log: string;
  readonly url: string;
  readonly workDir?: string;
}

export interface LayoutJson {
  readonly dir: string;
  readonly nats: { url: string; masterBucket: string; storeBucket: string };
  readonly kubeconfig: string;
  readonly token: string;
  readonly masters: RoleProc[];
  readonly apiservers: RoleProc[];
  readonly kubeFrameworks: RoleProc[];
  readonly agents: RoleProc[];
  readonly startedMs: number;
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<import("node:net").Server>((r) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => r(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

export async function waitFor<T>(f: () => T | undefined | false | Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve(f()).catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

export interface LayoutOptions {
  /** Extra flags for scripts/ha-cluster.mjs (timings, --simulated, --agent-resources). */
  readonly flags?: string[];
  /** The NATS server to use (default: the shared one, natsUrl()); a test that restarts NATS passes its own. */
  readonly nats?: string;
}

export class Layout {
  private script: ChildProcess | undefined;
  private readonly restarted: ChildProcess[] = [];
  private out = "";
  layout!: LayoutJson;
  readonly dir = mkdtempSync(join(tmpdir(), "berth-ha-layout-"));
  readonly name = `t${Math.random().toString(36).slice(2, 8)}`;

  async start(o: LayoutOptions = {}): Promise<LayoutJson> {
    const nats = o.nats ?? (await natsUrl());
    const p = await freePorts(10);
    const list = (a: number[]) => a.join(",");
    this.script = spawn(process.execPath, [SCRIPT, "--dir", this.dir, "--name", this.name, "--nats", nats,
      "--master-ports", list(p.slice(0, 3)), "--api-ports", list(p.slice(3, 5)), "--framework-ports", list(p.slice(5, 7)), "--agent-ports", list(p.slice(7, 10)),
      ...(o.flags ?? [])], { stdio: ["ignore", "pipe", "pipe"] });
    this.script.stdout!.on("data", (d: Buffer) => (this.out += d.toString()));
    this.script.stderr!.on("data", (d: Buffer) => (this.out += d.toString()));
    await waitFor(() => this.out.includes("layout.json ready") || (this.script!.exitCode !== null && "exit"), 120_000, "the HA layout").then((v) => {
      if (v === "exit") throw new Error(`ha-cluster.mjs exited:\n${this.out}`);
    });
    this.layout = JSON.parse(readFileSync(join(this.dir, "layout.json"), "utf8")) as LayoutJson;
    return this.layout;
  }

  get output(): string {
    return this.out;
  }

  /** kill -9 of the role's process group. */
  kill(p: RoleProc): void {
    try {
      process.kill(-p.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }

  /** Start the role again with its own command line (same ports and data directory). */
  restart(p: RoleProc): void {
    const fd = openSync(p.log, "a");
    const child = spawn(p.command[0]!, p.command.slice(1), { detached: true, stdio: ["ignore", fd, fd] });
    this.restarted.push(child);
    p.pid = child.pid!;
  }

  /** The URL of the leading master, if one leads. */
  async leader(): Promise<RoleProc | undefined> {
    for (const m of this.layout.masters) {
      const h = (await fetch(`${m.url}/healthz`, { signal: AbortSignal.timeout(500) }).then((r) => r.json()).catch(() => undefined)) as { role?: string } | undefined;
      if (h?.role === "leader") return m;
    }
    return undefined;
  }

  async close(): Promise<void> {
    for (const c of this.restarted) {
      try {
        process.kill(-c.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    if (this.script && this.script.exitCode === null) {
      const exited = new Promise((r) => this.script!.once("exit", r));
      this.script.kill("SIGTERM");
      await Promise.race([exited, sleep(20_000)]);
    }
    if (this.layout) await deleteBuckets(this.layout.nats.url, [this.layout.nats.masterBucket, this.layout.nats.storeBucket]).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
