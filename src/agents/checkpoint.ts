/**
 * The agent's checkpoint (Mesos' agent meta directory), so a restarted agent recovers its
 * tasks instead of launching them again (docs/agent-recovery.md).
 *
 *   <workDir>/meta/agent.json                                      agent id
 *   <workDir>/meta/frameworks/<fid>/framework.json                 FrameworkInfo
 *   <workDir>/meta/frameworks/<fid>/tasks/<tid>/task.json          TaskInfo, executor, sandbox, pid, start time, cgroup
 *   <workDir>/meta/frameworks/<fid>/tasks/<tid>/updates.json       the status update stream: unacknowledged updates, latest status
 *
 * Every file is replaced atomically (write a temporary file, fsync, rename), so a crash
 * leaves either the old or the new version. A task whose terminal update is acknowledged
 * keeps its directory as a completed task (completed_at) until it is garbage-collected
 * (completed.ts). Path components are URI-encoded ids.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FrameworkInfo, TaskInfo, TaskState, TaskStatus } from "../mesos/v1.js";
import type { ContainerState } from "./containerizers/types.js";
import type { RuntimeCheckpoint } from "./runtime/state.js";

export interface TaskRecord {
  readonly framework_id: string;
  readonly executor_id: string;
  readonly container_id: string;
  readonly task: TaskInfo;
  /** The ids of all tasks launched with it (a task group); absent for a single task. */
  readonly group?: readonly string[];
  readonly sandbox: string;
  /** Set once the container runs. */
  readonly container?: ContainerState;
  /** A kill was requested (the final state is then TASK_KILLED). */
  readonly killing?: boolean;
  /** Restarts so far (TaskRuntime.restart_policy); a record without `container` but with this awaits a restart. */
  readonly runtime_state?: RuntimeCheckpoint;
  /** Offsets in stdout/stderr where the task's last two runs began (restarts append): `previous` logs survive an agent restart. */
  readonly log_starts?: readonly { readonly stdout: number; readonly stderr: number }[];
  /** Epoch ms its terminal update was acknowledged: kept as a completed task (completed.ts) until removed. */
  readonly completed_at?: number;
  /** Its terminal state, for a completed task. */
  readonly last_state?: TaskState;
  /** The group's own network namespace (bridge pod network): its IP and host port mappings. */
  readonly network?: TaskNetwork;
}

export interface TaskNetwork {
  readonly ip: string;
  readonly port_mappings?: readonly { readonly host_port: number; readonly container_port: number; readonly protocol?: string }[];
}

export interface UpdateStream {
  /** Unacknowledged updates, oldest first; the first is the one in flight. */
  readonly pending: readonly TaskStatus[];
  /** The newest update generated (reported when the agent re-registers). */
  readonly latest?: TaskStatus;
}

export interface RecoveredTask {
  readonly record: TaskRecord;
  readonly updates: UpdateStream;
}

export interface RecoveredState {
  readonly agentId?: string;
  readonly frameworks: ReadonlyMap<string, FrameworkInfo>;
  readonly tasks: readonly RecoveredTask[];
}

export interface Checkpoint {
  load(): RecoveredState;
  saveAgentId(id: string): void;
  saveFramework(info: FrameworkInfo & { id: { value: string } }): void;
  saveTask(rec: TaskRecord): void;
  saveUpdates(frameworkId: string, taskId: string, s: UpdateStream): void;
  removeTask(frameworkId: string, taskId: string): void;
  removeFramework(frameworkId: string): void;
}

/** Writes `data` to `file` atomically. */
export function writeAtomic(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

const enc = encodeURIComponent;

export class FileCheckpoint implements Checkpoint {
  readonly meta: string;

  constructor(workDir: string) {
    this.meta = join(workDir, "meta");
  }

  private fwDir(fid: string): string {
    return join(this.meta, "frameworks", enc(fid));
  }
  private taskDir(fid: string, tid: string): string {
    return join(this.fwDir(fid), "tasks", enc(tid));
  }

  load(): RecoveredState {
    const agentId = readJson<{ agent_id: string }>(join(this.meta, "agent.json"))?.agent_id;
    const frameworks = new Map<string, FrameworkInfo>();
    const tasks: RecoveredTask[] = [];
    const fwRoot = join(this.meta, "frameworks");
    for (const f of existsSync(fwRoot) ? readdirSync(fwRoot) : []) {
      const fid = decodeURIComponent(f);
      const info = readJson<FrameworkInfo>(join(fwRoot, f, "framework.json"));
      if (info) frameworks.set(fid, info);
      const tRoot = join(fwRoot, f, "tasks");
      for (const t of existsSync(tRoot) ? readdirSync(tRoot) : []) {
        const record = readJson<TaskRecord>(join(tRoot, t, "task.json"));
        // A task directory without task.json was cut short before launch: nothing ran.
        if (!record) continue;
        const updates = readJson<UpdateStream>(join(tRoot, t, "updates.json")) ?? { pending: [] };
        tasks.push({ record, updates });
      }
    }
    return { ...(agentId ? { agentId } : {}), frameworks, tasks };
  }

  saveAgentId(id: string): void {
    writeAtomic(join(this.meta, "agent.json"), JSON.stringify({ agent_id: id }));
  }
  saveFramework(info: FrameworkInfo & { id: { value: string } }): void {
    writeAtomic(join(this.fwDir(info.id.value), "framework.json"), JSON.stringify(info));
  }
  saveTask(rec: TaskRecord): void {
    writeAtomic(join(this.taskDir(rec.framework_id, rec.task.task_id.value), "task.json"), JSON.stringify(rec));
  }
  saveUpdates(fid: string, tid: string, s: UpdateStream): void {
    writeAtomic(join(this.taskDir(fid, tid), "updates.json"), JSON.stringify(s));
  }
  removeTask(fid: string, tid: string): void {
    rmSync(this.taskDir(fid, tid), { recursive: true, force: true });
  }
  removeFramework(fid: string): void {
    rmSync(this.fwDir(fid), { recursive: true, force: true });
  }
}

/** No checkpointing (simulated agents at scale): nothing survives a restart. */
export class MemoryCheckpoint implements Checkpoint {
  private agentId: string | undefined;
  load(): RecoveredState {
    return { ...(this.agentId ? { agentId: this.agentId } : {}), frameworks: new Map(), tasks: [] };
  }
  saveAgentId(id: string): void {
    this.agentId = id;
  }
  saveFramework(): void {}
  saveTask(): void {}
  saveUpdates(): void {}
  removeTask(): void {}
  removeFramework(): void {}
}
