/**
 * Ends the task processes an agent started under a directory (its work directory, or a
 * data directory holding it): every berth-task wrapper whose sandbox lies below it, with
 * its process group. Agents leave tasks running when they stop (Mesos semantics), so a
 * test must end them itself, including a task launched but not yet checkpointed.
 */
import { readdirSync, readFileSync } from "node:fs";

export function killTasksUnder(dir: string): void {
  const marker = `${dir}/`;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmd.includes("\0berth-task\0") || !cmd.includes(marker)) continue;
    try {
      process.kill(-Number(pid), "SIGKILL"); // the wrapper leads its task's process group
    } catch {
      /* already gone */
    }
  }
}
