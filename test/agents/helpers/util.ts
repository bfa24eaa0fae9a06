import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type Logger } from "../../../src/util/log.js";

export function tempDir(prefix = "berth-agent-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A logger that keeps its lines (and prints them with BERTH_TEST_LOG=1). */
export function memoryLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger("agent-test", {
    level: "debug",
    write: (l) => {
      lines.push(JSON.parse(l) as Record<string, unknown>);
      if (process.env.BERTH_TEST_LOG) process.stderr.write(l + "\n");
    },
  });
  return { log, lines };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
