/**
 * The resources an agent offers when none are given, as Mesos' agent computes them
 * (src/slave/containerizer/containerizer.cpp): all CPUs; memory less 1 GiB for the
 * system (half of it on machines under 2 GiB); the work directory's disk less 10 GiB
 * (half of it under 20 GiB); ports 31000-32000.
 */
import { cpus, totalmem } from "node:os";
import { mkdirSync, statfsSync } from "node:fs";
import type { Resource } from "../mesos/v1.js";

const MB = 1024 * 1024;
const DEFAULT_MEM_MB = 1024;
const DEFAULT_DISK_MB = 10 * 1024;

export function scalar(name: string, value: number): Resource {
  return { name, type: "SCALAR", scalar: { value } };
}

export function detectResources(workDir: string): Resource[] {
  const memTotal = Math.floor(totalmem() / MB);
  const mem = memTotal >= 2 * DEFAULT_MEM_MB ? memTotal - DEFAULT_MEM_MB : Math.floor(memTotal / 2);
  let diskTotal = 0;
  try {
    mkdirSync(workDir, { recursive: true });
    const st = statfsSync(workDir);
    diskTotal = Math.floor((st.blocks * st.bsize) / MB);
  } catch {
    /* unknown: offer no disk */
  }
  const disk = diskTotal >= 2 * DEFAULT_DISK_MB ? diskTotal - DEFAULT_DISK_MB : Math.floor(diskTotal / 2);
  return [
    scalar("cpus", Math.max(1, cpus().length)),
    scalar("mem", mem),
    scalar("disk", disk),
    { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 32000 }] } },
  ];
}
