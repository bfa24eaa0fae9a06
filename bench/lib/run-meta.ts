/**
 * What every benchmark result records about its run (machine, commit, Node), so figures
 * from different runs can be told apart; the repository root is where results are written.
 */
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
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

/**
 * A scenario's results as bench/results/<scenario>-<date>[-tag].{json,md} and
 * <scenario>-latest.{json,md}; the markdown also goes to stdout.
 */
export function writeResults(scenario: string, meta: RunMeta, results: unknown, md: string, tag?: string): void {
  const dir = join(REPO_ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = `${meta.date.replace(/[:.]/g, "-")}${tag ? `-${tag}` : ""}`;
  const json = JSON.stringify({ meta, results }, null, 2) + "\n";
  for (const name of [`${scenario}-${stamp}`, `${scenario}-latest`]) {
    writeFileSync(join(dir, `${name}.json`), json);
    writeFileSync(join(dir, `${name}.md`), md);
  }
  process.stdout.write(md);
}
