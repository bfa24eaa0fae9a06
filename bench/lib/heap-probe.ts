/**
 * Preloaded into a role by the memory bench (`node --import <this file> ...`): on SIGUSR2 it
 * runs a full garbage collection and writes the process' memory then (process.memoryUsage())
 * to $BERTH_HEAP_PROBE_DIR/<pid>.json, so that the bench can read the heap that is live, not
 * only the resident set (which also holds garbage not collected yet and pages V8 keeps).
 * When $BERTH_HEAP_PROBE_DIR/<pid>.snapshot exists at that moment, a heap snapshot is written
 * too (<pid>-<n>.heapsnapshot, for Chrome DevTools). With $BERTH_HEAP_PROBE_SAMPLE=<bytes>,
 * V8's sampling heap profiler runs from the start (one sample per that many bytes allocated)
 * and each probe writes its profile then (<pid>-<n>.heapprofile: the sampled objects still
 * live after the GC, by allocation stack; scripts/heapprofile-top.mjs summarizes it), which
 * unlike node --heap-prof does not depend on the role exiting cleanly.
 *
 * The role's own code is not changed: gc is exposed here through V8's flag (as
 * --expose-gc would), for this process only.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";
import { setFlagsFromString, writeHeapSnapshot } from "node:v8";
import { runInNewContext } from "node:vm";

const dir = process.env.BERTH_HEAP_PROBE_DIR;
if (dir) {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  let snapshots = 0;
  let profiles = 0;
  const sampleBytes = Number(process.env.BERTH_HEAP_PROBE_SAMPLE ?? 0);
  let session: Session | undefined;
  if (sampleBytes > 0) {
    session = new Session();
    session.connect();
    session.post("HeapProfiler.startSampling", { samplingInterval: sampleBytes });
  }
  const sampled = () =>
    new Promise<string | undefined>((done) => {
      if (!session) return done(undefined);
      session.post("HeapProfiler.getSamplingProfile", (err, r) => {
        if (err) return done(undefined);
        const f = join(dir, `${process.pid}-${++profiles}.heapprofile`);
        writeFileSync(f, JSON.stringify(r.profile));
        done(f);
      });
    });
  process.on("SIGUSR2", async () => {
    const t0 = performance.now();
    gc();
    gc();
    const gcMs = performance.now() - t0;
    const m = process.memoryUsage();
    const maps = smaps();
    let snapshot: string | undefined;
    if (existsSync(join(dir, `${process.pid}.snapshot`))) snapshot = writeHeapSnapshot(join(dir, `${process.pid}-${++snapshots}.heapsnapshot`));
    const profile = await sampled();
    const file = join(dir, `${process.pid}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify({ ...m, maps, gcMs, snapshot, profile, at: Date.now() }));
    renameSync(`${file}.tmp`, file);
  });
}

/**
 * Resident bytes by kind of mapping (/proc/self/smaps): anonymous 256 KiB mappings are V8
 * heap pages (in use or pooled: more than heapTotal when freed pages are not given back
 * yet), [heap] is malloc's main arena, other anonymous mappings are malloc's thread arenas,
 * large V8 objects and stacks; files are the node binary and libraries.
 */
function smaps(): Record<"v8Pages" | "mallocHeap" | "otherAnon" | "files", number> {
  const out = { v8Pages: 0, mallocHeap: 0, otherAnon: 0, files: 0 };
  let kind: keyof typeof out = "otherAnon";
  try {
    for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
      const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        const size = parseInt(head[2]!, 16) - parseInt(head[1]!, 16);
        const name = head[3] ?? "";
        kind = name === "[heap]" ? "mallocHeap" : name && !name.startsWith("[") ? "files" : size === 256 * 1024 ? "v8Pages" : "otherAnon";
      } else if (line.startsWith("Rss:")) out[kind] += Number(/(\d+)/.exec(line)?.[1] ?? 0) * 1024;
    }
  } catch {
    /* not Linux */
  }
  return out;
}
