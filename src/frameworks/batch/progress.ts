/** Human-readable lines: per-event progress, periodic status, and the final summary. */
import type { BatchProgress, BatchResult } from "./options.js";

export function stamp(elapsedMs: number): string {
  return `[${(elapsedMs / 1000).toFixed(1).padStart(6)}s]`;
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

export function formatProgress(p: BatchProgress): string {
  const done = p.succeeded + p.failed;
  const pct = p.total === 0 ? 100 : Math.floor((100 * done) / p.total);
  return (
    `${stamp(p.elapsedMs)} ${done}/${p.total} done (${pct}%): ${p.succeeded} succeeded, ${p.failed} failed, ` +
    `${p.running} running, ${p.staging} staging, ${p.pending} pending; holding cpus ${num(p.allocated.cpus)} mem ${num(p.allocated.mem)}` +
    (p.subscribed ? (p.suppressed ? " (offers suppressed)" : "") : " (disconnected)")
  );
}

export function formatSummary(r: BatchResult): string {
  const lines = [
    `summary: ${r.tasks.length} tasks, ${r.succeeded} succeeded, ${r.failed} failed` + (r.unfinished ? `, ${r.unfinished} unfinished` : "") + ` in ${(r.durationMs / 1000).toFixed(1)}s` + (r.frameworkId ? ` (framework ${r.frameworkId})` : ""),
  ];
  if (r.error) lines.push(`stopped early: ${r.error}`);
  lines.push("  task  result      attempts  last state");
  for (const t of r.tasks) {
    const last = t.attempts[t.attempts.length - 1];
    const detail = last ? `${last.state}${last.message && last.state !== "TASK_FINISHED" ? `: ${last.message}` : ""}` : "never launched";
    lines.push(`  ${String(t.index).padEnd(5)} ${t.state.padEnd(11)} ${String(t.attempts.length).padEnd(9)} ${detail}`);
  }
  return lines.join("\n");
}
