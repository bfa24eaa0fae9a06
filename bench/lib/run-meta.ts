/**
 * What every benchmark result records about its run (machine, commit, Node), so figures
 * from different runs can be told apart; the repository root is where results are written.
 */
import { execSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";
import { round } from "./stats.js";

/** The repository root (bench/lib is compiled to dist/bench/lib). */
export const REPO_ROOT = resolve(import.meta.dirname, "..", "..", "..");

export interface RunMeta {
  readonly date: string;
  readonly commit: string;
  readonly cpus: number;
  readonly memGiB: number;
  readonly node: string;
}

export function runMeta(): RunMeta {
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    /* not a checkout */
  }
  return { date: new Date().toISOString(), commit, cpus: cpus().length, memGiB: round(totalmem() / 2 ** 30, 1), node: process.version };
}
