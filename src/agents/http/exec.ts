/**
 * exec: runs a command beside a task — in its sandbox, with its environment, in its cgroup
 * when it has one — and streams stdin/stdout/stderr over the channel protocol. The status
 * on the error channel carries the exit code (kubectl exits with it).
 *
 * A TTY is a pseudo-terminal from util-linux `script` (no native pty in Node): output is
 * merged on stdout, as with a real terminal; a resize sets the terminal's size with
 * `stty -F` on script's pty (the kernel then sends SIGWINCH to the command).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import { constants as osConstants } from "node:os";
import type { TaskHandle } from "./types.js";
import { ChannelConn, exitStatus, failure, STDERR, STDOUT, success } from "./channels.js";
import { inNetns } from "../network/ip.js";

export interface StreamFlags {
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly tty: boolean;
}

const truthy = (v: string | null) => v !== null && v !== "" && v !== "false" && v !== "0";

export function streamFlags(q: URLSearchParams): StreamFlags {
  const tty = truthy(q.get("tty"));
  // With a TTY there is no separate stderr (kubelet rejects stderr+tty; kubectl never asks).
  return { stdin: truthy(q.get("stdin")) || truthy(q.get("input")), stdout: truthy(q.get("stdout")) || truthy(q.get("output")), stderr: !tty && (truthy(q.get("stderr")) || truthy(q.get("error"))), tty };
}

/** The task's own environment: its process's, else what its TaskInfo declares. */
export function taskEnvironment(task: TaskHandle): NodeJS.ProcessEnv {
  if (task.pid !== undefined) {
    try {
      const env: NodeJS.ProcessEnv = {};
      for (const kv of readFileSync(`/proc/${task.pid}/environ`, "utf8").split("\0")) {
        const i = kv.indexOf("=");
        if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
      }
      if (Object.keys(env).length) return env;
    } catch {
      /* gone or not ours to read: fall back */
    }
  }
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin", HOME: process.env.HOME ?? "/" };
  for (const v of task.task.command?.environment?.variables ?? []) if (v.type !== "SECRET") env[v.name] = v.value ?? "";
  env.MESOS_SANDBOX = task.sandbox;
  return env;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Joins the task's cgroup first (so exec'd processes count against its limits), then execs argv. */
const CGROUP_JOIN = 'cgroups=$1; shift; for f in $cgroups; do echo $$ > "$f" || exit 126; done; exec "$@"';

function spawnFor(task: TaskHandle, argv: readonly string[], flags: StreamFlags): ChildProcess {
  let cmd = [...argv];
  const env = taskEnvironment(task);
  if (flags.tty) {
    env.TERM ??= "xterm";
    cmd = ["script", "-q", "-f", "-e", "-c", argv.map(shellQuote).join(" "), "/dev/null"];
  }
  if (task.cgroupProcs?.length) cmd = ["/bin/sh", "-c", CGROUP_JOIN, "berth-exec", task.cgroupProcs.join(" "), ...cmd];
  // Beside the container means in its network namespace too (kubectl exec ... curl localhost:port).
  if (task.netns) cmd = [...inNetns(task.netns), ...cmd];
  return spawn(cmd[0]!, cmd.slice(1), {
    cwd: existsSync(task.sandbox) ? task.sandbox : "/",
    env,
    detached: true, // its own process group: a dropped connection kills everything it started
    stdio: [flags.stdin ? "pipe" : "ignore", "pipe", "pipe"],
  });
}

/** Serves one exec on an upgraded channel connection. */
export function runExec(ws: import("ws").WebSocket, task: TaskHandle, argv: readonly string[], flags: StreamFlags): void {
  let child: ChildProcess | undefined;
  let exited = false;
  const conn = new ChannelConn(ws, {
    stdin: (d) => child?.stdin?.write(d),
    stdinEnd: () => child?.stdin?.end(),
    resize: (size) => {
      if (flags.tty && child?.pid !== undefined) resizePty(child.pid, size.Width, size.Height, 10);
    },
    closed: () => {
      // The client went away: nothing may keep running on its behalf.
      if (child?.pid !== undefined && !exited) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    },
  });
  if (argv.length === 0) return conn.finish(failure("you must specify at least one command for the container", "BadRequest"));
  if (!task.running()) return conn.finish(failure(`task ${task.taskId} is not running`, "BadRequest"));
  if (task.pid === undefined) return conn.finish(failure(`task ${task.taskId} runs no process (simulated containerizer): nothing to exec beside`, "BadRequest"));
  const c = spawnFor(task, argv, flags);
  child = c;
  c.stdin?.on("error", () => undefined); // EPIPE when the command ignores its stdin
  const pump = (stream: NodeJS.ReadableStream | null, channel: number, wanted: boolean) => {
    if (!stream) return;
    stream.on("data", (d: Buffer) => {
      if (!wanted) return;
      // Backpressure: stop reading while the socket is behind.
      if (ws.bufferedAmount > 1 << 20) {
        stream.pause();
        void conn.send(channel, d).then(() => stream.resume());
      } else void conn.send(channel, d);
    });
  };
  pump(c.stdout, STDOUT, flags.stdout);
  pump(c.stderr, flags.tty ? STDOUT : STDERR, flags.stderr || flags.tty);

  let spawnError: Error | undefined;
  c.on("error", (e) => {
    spawnError = e;
    exited = true;
    const code = (e as NodeJS.ErrnoException).code;
    const msg = code === "ENOENT" ? `exec: "${argv[0]}": executable file not found in $PATH` : code === "EACCES" ? `exec: "${argv[0]}": permission denied` : e.message;
    conn.finish(failure(`failed to exec in task ${task.taskId}: ${msg}`));
  });
  let status: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const done = () => {
    if (spawnError || !status) return;
    const code = status.code ?? (status.signal ? 128 + (signalNumber(status.signal) ?? 0) : 1);
    conn.finish(code === 0 ? success() : exitStatus(code, argv));
  };
  c.on("exit", (code, signal) => {
    exited = true;
    status = { code, signal };
    // Output still in the pipes comes first; a background child holding them open gets 2 s.
    setTimeout(done, 2000).unref();
  });
  c.on("close", () => setImmediate(done));
}

/** The terminal of `script`'s child (the command) gets the client's size; retried while it starts. */
function resizePty(scriptPid: number, cols: number, rows: number, tries: number): void {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols <= 0 || rows <= 0) return;
  let tty: string | undefined;
  try {
    const kid = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, "utf8").trim().split(/\s+/)[0];
    if (kid) tty = readlinkSync(`/proc/${kid}/fd/0`);
  } catch {
    /* not started yet, or gone */
  }
  if (!tty?.startsWith("/dev/pts/")) {
    if (tries > 0) setTimeout(() => resizePty(scriptPid, cols, rows, tries - 1), 100).unref();
    return;
  }
  spawn("stty", ["-F", tty, "rows", String(rows), "cols", String(cols)], { stdio: "ignore" }).on("error", () => undefined);
}

function signalNumber(sig: NodeJS.Signals): number | undefined {
  return (osConstants.signals as Record<string, number>)[sig];
}
