#!/usr/bin/env node
/**
 * A CPU profile of only the allocator's full cycles at 5,000 agents x 200 frameworks, every agent
 * free (bench/allocator.js' "full" row), with the setup done before the profiler starts:
 *   npm run build && node --expose-gc scripts/allocator-profile.mjs [REPS] [OUT.cpuprofile]
 */
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const { createAllocator } = await import(`${root}/dist/src/resource-manager/allocator/index.js`);
const { parseResources } = await import(`${root}/dist/src/mesos/resources.js`);
const R = parseResources("cpus:4;mem:32768;disk:100000;ports:[31000-32000]");
const reps = Number(process.argv[2] ?? 10);
const out = process.argv[3] ?? "allocator-5000x200.cpuprofile";
const allocators = [];
for (let rep = 0; rep < reps; rep++) {
  const a = createAllocator({ offer: () => {}, allocationIntervalMs: 1e9 });
  for (let i = 0; i < 5000; i++) a.addAgent(`a${i}`, { hostname: `a${i}`, resources: R }, R, new Map());
  for (let f = 0; f < 200; f++) a.addFramework(`f${f}`, { user: "bench", name: `f${f}`, id: { value: `f${f}` }, role: `r${f % 10}` }, new Map(), true);
  allocators.push(a);
}
globalThis.gc?.();
const s = new Session();
s.connect();
await s.post("Profiler.enable");
await s.post("Profiler.setSamplingInterval", { interval: 100 });
await s.post("Profiler.start");
const times = [];
for (const a of allocators) {
  const t = performance.now();
  a.allocate();
  times.push(Math.round(performance.now() - t));
  a.stop();
}
const { profile } = await s.post("Profiler.stop");
writeFileSync(out, JSON.stringify(profile));
console.log(`${out}: full cycle ms ${times.join(" ")}`);
