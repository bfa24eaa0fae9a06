/**
 * What /proc says about a process. After an agent restart its task processes are no
 * longer its children, so it cannot wait() on them: it recognises them by pid plus the
 * start time recorded at launch (pids are reused) and notices their exit by polling.
 */
import { readFileSync } from "node:fs";

export interface ProcStat {
  readonly state: string;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot; unique together with the pid. */
  readonly startTime: string;
  readonly pgid: number;
}

export function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: split after the last ")".
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = rest[0];
  const pgid = Number(rest[2]);
  const startTime = rest[19];
  if (state === undefined || startTime === undefined) return undefined;
  return { state, startTime, pgid };
}

/** Whether `pid` is still the process started at `startTime` and has not exited (zombies have). */
export function isAlive(pid: number, startTime: string | undefined): boolean {
  const st = procStat(pid);
  if (!st) return false;
  if (st.state === "Z" || st.state === "X") return false;
  return startTime === undefined || st.startTime === startTime;
}

/** Sends a signal to a whole process group, ignoring one that is already gone. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** strsignal() wording, as Mesos' WSTRINGIFY prints it ("Command terminated with signal Killed"). */
const SIGNAL_NAMES: Record<number, string> = {
  1: "Hangup",
  2: "Interrupt",
  3: "Quit",
  4: "Illegal instruction",
  6: "Aborted",
  7: "Bus error",
  8: "Floating point exception",
  9: "Killed",
  10: "User defined signal 1",
  11: "Segmentation fault",
  12: "User defined signal 2",
  13: "Broken pipe",
  14: "Alarm clock",
  15: "Terminated",
};

export function signalDescription(signo: number): string {
  return SIGNAL_NAMES[signo] ?? `Real-time signal ${signo}`;
}

/** `Command exited with status N` / `Command terminated with signal X` (Mesos' WSTRINGIFY). */
export function describeExit(exitStatus: number | undefined, signo: number | undefined): string {
  if (signo !== undefined) return `Command terminated with signal ${signalDescription(signo)}`;
  if (exitStatus !== undefined) return `Command exited with status ${exitStatus}`;
  return "Command terminated with unknown status";
}
