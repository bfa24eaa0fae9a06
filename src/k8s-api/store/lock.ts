/**
 * One process per store directory: `LOCK` holds the owner's pid. It is created with
 * link(2) from a private temp file, so it never exists without its pid; a lock whose
 * pid is dead is stale and taken over.
 */
import { link, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { StoreError } from "./errors.js";

export class StoreLockedError extends StoreError {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`store directory ${dir} is in use by process ${pid} (remove ${join(dir, "LOCK")} only if that process is not a berth store)`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPid(path: string): Promise<number | undefined> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  const pid = text === undefined ? NaN : Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Takes the lock of dir; resolves to its release. */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, "LOCK");
  const tmp = join(dir, `LOCK.${process.pid}.tmp`);
  await writeFile(tmp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(tmp, path);
        return async () => {
          if ((await readPid(path)) === process.pid) await rm(path, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const pid = await readPid(path);
      if (pid !== undefined && alive(pid)) throw new StoreLockedError(dir, pid);
      // Stale: move it aside (atomic, so only one taker wins), and check we moved the stale one.
      const aside = join(dir, `LOCK.stale.${process.pid}`);
      try {
        await rename(path, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
        continue;
      }
      const moved = await readPid(aside);
      if (moved !== pid && moved !== undefined && alive(moved)) {
        await link(aside, path).catch(() => {});
        await rm(aside, { force: true });
        throw new StoreLockedError(dir, moved);
      }
      await rm(aside, { force: true });
    }
    throw new StoreError(`could not lock store directory ${dir}`);
  } finally {
    await rm(tmp, { force: true });
  }
}
