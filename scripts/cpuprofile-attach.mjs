#!/usr/bin/env node
/**
 * A CPU profile of a running node process (a berth role under load), without restarting it:
 * sends SIGUSR1 (node then opens its inspector on 127.0.0.1:9229), profiles for S seconds
 * through the inspector protocol and writes a .cpuprofile for scripts/cpuprofile-top.mjs:
 *   node scripts/cpuprofile-attach.mjs PID [SECONDS] [OUT.cpuprofile] [--port 9229]
 * The process keeps its inspector open afterwards; only one process per port at a time.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import WebSocket from "ws";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: "string", default: "9229" } } });
const [pid, secondsArg, outArg] = positionals;
if (!pid) {
  process.stderr.write("usage: cpuprofile-attach.mjs PID [SECONDS] [OUT.cpuprofile] [--port 9229]\n");
  process.exit(2);
}
const seconds = Number(secondsArg ?? 10);
const out = outArg ?? `attached-${pid}-${Date.now()}.cpuprofile`;
process.kill(Number(pid), "SIGUSR1");
let targets;
for (let i = 0; ; i++) {
  try {
    targets = await (await fetch(`http://127.0.0.1:${values.port}/json/list`)).json();
    break;
  } catch (e) {
    if (i >= 50) throw new Error(`no inspector on 127.0.0.1:${values.port} after SIGUSR1 to ${pid}: ${e}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
const answers = new Map();
let nextId = 0;
const send = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const id = ++nextId;
    answers.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
ws.on("message", (m) => {
  const d = JSON.parse(String(m));
  const a = d.id !== undefined && answers.get(d.id);
  if (!a) return;
  answers.delete(d.id);
  if (d.error) a.reject(new Error(`${d.error.message}`));
  else a.resolve(d.result);
});
await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
await send("Profiler.enable");
await send("Profiler.setSamplingInterval", { interval: 1000 });
await send("Profiler.start");
process.stderr.write(`profiling ${pid} for ${seconds} s\n`);
await new Promise((r) => setTimeout(r, seconds * 1000));
const { profile } = await send("Profiler.stop");
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(`${out}: ${profile.samples.length} samples\n`);
ws.close();
