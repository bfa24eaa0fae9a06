/**
 * Preparing a task's sandbox for its runtime (TaskRuntime.files, mounts, working_dir).
 *
 * Tasks run on the host without a mount namespace, so "volumes" are paths inside the
 * sandbox: files the framework rendered are written there, and shared directories (one
 * per name in the executor's run directory, common to the task group) or host paths are
 * symlinked there. No path may leave the sandbox.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, resolve, sep } from "node:path";
import type { TaskRuntime } from "../../mesos/v1.js";

/** `rel` resolved inside `root`, or an error for a path that would leave it. */
export function inside(root: string, rel: string): string {
  const clean = normalize(rel.replace(/^\/+/, ""));
  const full = resolve(root, clean);
  if (full !== resolve(root) && !full.startsWith(resolve(root) + sep)) throw new Error(`path ${JSON.stringify(rel)} leaves the sandbox`);
  return full;
}

/** The executor's run directory: a group's tasks have their sandbox at <run>/tasks/<task id>. */
export function runDirOf(sandbox: string, inGroup: boolean): string {
  return inGroup ? dirname(dirname(sandbox)) : sandbox;
}

/** Where the process runs. */
export function workingDir(sandbox: string, rt: TaskRuntime | undefined): string {
  const wd = rt?.working_dir;
  if (!wd) return sandbox;
  return isAbsolute(wd) ? wd : inside(sandbox, wd);
}

/** Env variables the mounts ask for (name -> absolute path). */
export function mountEnv(sandbox: string, rt: TaskRuntime | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of rt?.mounts ?? []) if (m.env) env[m.env] = inside(sandbox, m.path);
  return env;
}

/** Writes the files and links the mounts; idempotent (a restart or a recovered launch may run it again). */
export function prepareSandbox(sandbox: string, runDir: string, rt: TaskRuntime | undefined): void {
  if (!rt) return;
  for (const m of rt.mounts ?? []) {
    const at = inside(sandbox, m.path);
    let target: string | undefined;
    if (m.shared !== undefined) {
      target = inside(join(runDir, "volumes"), m.shared);
      mkdirSync(target, { recursive: true });
    } else if (m.host_path) {
      target = m.host_path;
    }
    mkdirSync(dirname(at), { recursive: true });
    if (target === undefined) mkdirSync(at, { recursive: true });
    else if (!exists(at)) symlinkSync(target, at);
  }
  for (const f of rt.files ?? []) {
    const at = inside(sandbox, f.path);
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, Buffer.from(f.content, "base64"));
    chmodSync(at, f.mode ?? 0o644);
  }
  // kubelet mounts an empty termination-log file for the process to write.
  if (rt.termination_message_path) {
    const at = inside(sandbox, rt.termination_message_path);
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, "");
  }
  const wd = rt.working_dir;
  if (wd && !isAbsolute(wd)) mkdirSync(inside(sandbox, wd), { recursive: true });
  else if (wd && !existsSync(wd)) throw new Error(`working directory ${wd} does not exist`);
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
