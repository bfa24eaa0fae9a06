/**
 * `npm run bench [-- --quick]`: every benchmark scenario, one child process each so one
 * scenario's heap and timers do not disturb the next. Each writes its own results under
 * bench/results/.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const SCENARIOS = ["api.js", "allocator.js", "launch.js", "scheduling.js", "sim-agents.js", "scheduling-e2e.js", "memory.js", "recovery.js"];
const quick = process.argv.includes("--quick") ? ["--quick"] : [];
let failed = 0;
for (const s of SCENARIOS) {
  process.stderr.write(`\n== bench ${s.replace(/\.js$/, "")}${quick.length ? " (quick)" : ""}\n`);
  const r = spawnSync(process.execPath, [join(import.meta.dirname, s), ...quick], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
