/**
 * Running iproute2 (and the few other tools a bridge network needs: nsenter, sysctl) with
 * a time bound; a failure says which command failed and what it printed.
 */
import { execFile } from "node:child_process";

export const IP = "/usr/sbin/ip";
export const NSENTER = "nsenter";

const TIMEOUT_MS = 10_000;

export class CommandError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly stderr: string,
    readonly code: number | string | undefined,
  ) {
    super(`${argv.join(" ")} failed${code !== undefined ? ` (${code})` : ""}: ${stderr.trim() || "no output"}`);
  }
}

export function run(argv: readonly string[], opts: { input?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(argv[0]!, argv.slice(1), { timeout: TIMEOUT_MS, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { code?: number | string };
        reject(new CommandError(argv, String(stderr) || e.message, e.code));
      } else resolve(String(stdout));
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** `ip ...` */
export function ip(...args: string[]): Promise<string> {
  return run([IP, ...args]);
}

/** `ip -j ...` parsed. */
export async function ipJson<T>(...args: string[]): Promise<T[]> {
  const out = await ip("-j", ...args);
  return out.trim() ? (JSON.parse(out) as T[]) : [];
}

/** Runs ip, ignoring a failure (teardown of what may already be gone). */
export async function ipQuiet(...args: string[]): Promise<void> {
  try {
    await ip(...args);
  } catch {
    /* already gone */
  }
}

/** The argv prefix that runs a program inside a named network namespace. */
export function inNetns(netns: string): string[] {
  return [NSENTER, `--net=${netnsPath(netns)}`, "--"];
}

export function netnsPath(netns: string): string {
  return `/run/netns/${netns}`;
}
