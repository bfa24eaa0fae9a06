#!/usr/bin/env node
/**
 * An example highly available berth on one machine, every role its own process on
 * 127.0.0.1 with its own port and data directory:
 *
 *   NATS (JetStream)  -- NATS_URL when a server answers there, else `nats-server -js`
 *   3 x berth master --ha          (leader lease + persisted state in one KV bucket)
 *   2 x berth apiserver --store nats://...   (stateless replicas over one KV bucket)
 *   2 x berth kube-framework       (Lease leader election; the leader subscribes)
 *   3 x berth agent                (follow the leading master)
 *
 * It writes a kubeconfig (one context per API server), prints where everything is, writes
 * the same as JSON to <dir>/layout.json (pids and command lines, so tests can kill and
 * restart single roles), and stops everything on Ctrl-C (SIGINT) or SIGTERM: the roles
 * with SIGTERM, then the process groups of any task still running on the agents.
 *
 * The flags given to each role are the ones to use across machines: only the addresses
 * change. `node scripts/ha-cluster.mjs --help` lists the options.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist/src/cli/main.js");

const USAGE = `Usage: node scripts/ha-cluster.mjs [flags]

Starts NATS (or uses NATS_URL), 3 HA masters, 2 API servers, 2 kube-frameworks and 3 agents
on 127.0.0.1 and stops them all on Ctrl-C.

Flags:
  --dir DIR                  data directories, logs, kubeconfig, layout.json (default ./.berth-ha)
  --name NAME                suffix of the KV buckets: berth-master-NAME, berth-NAME (default ha)
  --nats URL                 NATS server (default $NATS_URL or nats://127.0.0.1:4222; started
                             with nats-server -js on that port when none answers)
  --master-ports P,P,P       (default 5050,5051,5052)
  --api-ports P,P            (default 6443,6444)
  --framework-ports P,P      kube-framework health/metrics (default 10259,10260)
  --agent-ports P,P,P        agents' container API (default 5151,5152,5153)
  --agent-resources TEXT     each agent's resources (default "cpus:2;mem:4096" and ports
                             [31000-31299], [31300-31599], [31600-31899]: the agents share one
                             host, so their port ranges must not overlap)
  --simulated                agents run tasks with the simulated containerizer (no processes)
  --lease-ttl MS             master lease TTL (default 5000)
  --agent-reregister-timeout MS   (default 600000, Mesos' 10 min)
  --agent-ping-timeout MS    (default 15000)   --max-agent-ping-timeouts N (default 5)
  --heartbeat-interval MS    master -> framework heartbeats (default 15000)
  --kf-lease-duration DUR    kube-framework Lease (default 15s)
  --kf-renew-deadline DUR    (default 10s)     --kf-retry-period DUR (default 2s)
  --log-level LEVEL          (default info)
`;

const { values: o } = parseArgs({
  options: {
    dir: { type: "string", default: ".berth-ha" },
    name: { type: "string", default: "ha" },
    nats: { type: "string" },
    "master-ports": { type: "string", default: "5050,5051,5052" },
    "api-ports": { type: "string", default: "6443,6444" },
    "framework-ports": { type: "string", default: "10259,10260" },
    "agent-ports": { type: "string", default: "5151,5152,5153" },
    "agent-resources": { type: "string" },
    simulated: { type: "boolean", default: false },
    "lease-ttl": { type: "string", default: "5000" },
    "agent-reregister-timeout": { type: "string", default: "600000" },
    "agent-ping-timeout": { type: "string", default: "15000" },
    "max-agent-ping-timeouts": { type: "string", default: "5" },
    "heartbeat-interval": { type: "string", default: "15000" },
    "kf-lease-duration": { type: "string", default: "15s" },
    "kf-renew-deadline": { type: "string", default: "10s" },
    "kf-retry-period": { type: "string", default: "2s" },
    "log-level": { type: "string", default: "info" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (o.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

if (!existsSync(CLI)) {
  process.stderr.write(`ha-cluster: ${CLI} is missing; run npm run build first\n`);
  process.exit(1);
}

const ports = (flag, n) => {
  const list = o[flag].split(",").map((p) => Number(p.trim()));
  if (list.length !== n || list.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)) throw new Error(`--${flag} needs ${n} ports`);
  return list;
};
const dir = resolve(o.dir);
const logs = join(dir, "logs");
mkdirSync(logs, { recursive: true });
const masterBucket = `berth-master-${o.name}`;
const storeBucket = `berth-${o.name}`;
/** Every process this script started, in start order. */
const procs = [];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function answers(url) {
  const u = new URL(url);
  return new Promise((r) => {
    const s = tcpConnect({ host: u.hostname, port: Number(u.port || 4222) });
    s.setTimeout(1000);
    s.once("connect", () => (s.destroy(), r(true)));
    s.once("error", () => r(false));
    s.once("timeout", () => (s.destroy(), r(false)));
  });
}
async function until(what, ms, f) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what} (logs in ${logs})`);
    await sleep(100);
  }
}
async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  return res.ok ? res.json() : undefined;
}

/** One role as a detached child (its own process group) logging to <dir>/logs/<name>.log. */
function start(name, role, argv, extra = {}) {
  const log = join(logs, `${name}.log`);
  const fd = openSync(log, "a");
  const args = [CLI, role, ...argv];
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", fd, fd], cwd: ROOT });
  const p = { name, role, pid: child.pid, command: [process.execPath, ...args], log, ...extra };
  child.once("exit", (code, signal) => (p.exited = { code, signal }));
  procs.push(p);
  return p;
}

async function main() {
  const t0 = Date.now();
  // ---- NATS ----
  let natsUrl = o.nats ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222";
  let natsProc;
  if (!(await answers(natsUrl))) {
    const u = new URL(natsUrl);
    if (u.hostname !== "127.0.0.1" && u.hostname !== "localhost") throw new Error(`no NATS answers at ${natsUrl}`);
    const sd = join(dir, "nats");
    mkdirSync(sd, { recursive: true });
    const fd = openSync(join(logs, "nats.log"), "a");
    const child = spawn("nats-server", ["-js", "-a", "127.0.0.1", "-p", u.port || "4222", "-sd", sd], { detached: true, stdio: ["ignore", fd, fd] });
    child.once("error", (e) => console.error(`cannot start nats-server: ${e.message}`));
    natsProc = { name: "nats", role: "nats", pid: child.pid, command: ["nats-server", "-js", "-a", "127.0.0.1", "-p", u.port || "4222", "-sd", sd], log: join(logs, "nats.log") };
    procs.push(natsProc);
    natsUrl = `nats://127.0.0.1:${u.port || 4222}`;
    await until("nats-server", 10_000, () => answers(natsUrl));
  }

  // ---- masters ----
  const masterUrls = ports("master-ports", 3).map((p) => `http://127.0.0.1:${p}`);
  const masters = masterUrls.map((url, i) =>
    start(`master-${i}`, "master", [
      "--host", "127.0.0.1", "--port", new URL(url).port, "--advertise", url,
      "--ha", natsUrl, "--ha-bucket", masterBucket, "--ha-lease-ttl", o["lease-ttl"],
      "--agent-reregister-timeout", o["agent-reregister-timeout"], "--agent-ping-timeout", o["agent-ping-timeout"],
      "--max-agent-ping-timeouts", o["max-agent-ping-timeouts"], "--heartbeat-interval", o["heartbeat-interval"],
      "--log-level", o["log-level"],
    ], { url }),
  );
  const mastersFlag = masterUrls.join(",");

  // ---- API servers ----
  const apiUrls = ports("api-ports", 2).map((p) => `http://127.0.0.1:${p}`);
  const token = "berth-ha-" + o.name;
  const apis = apiUrls.map((url, i) =>
    start(`apiserver-${i}`, "apiserver", [
      "--host", "127.0.0.1", "--port", new URL(url).port, "--store", `${natsUrl}/${storeBucket}`,
      "--data-dir", join(dir, `apiserver-${i}`), "--token", token, "--log-level", o["log-level"],
    ], { url }),
  );
  await until("the API servers", 30_000, async () => (await Promise.all(apiUrls.map((u) => fetch(`${u}/readyz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok)))).every(Boolean));

  // ---- kube-frameworks: each given both API servers, its own first, so it moves to the other when one dies ----
  const fwUrls = ports("framework-ports", 2).map((p) => `http://127.0.0.1:${p}`);
  const frameworks = fwUrls.map((url, i) =>
    start(`kube-framework-${i}`, "kube-framework", [
      "--api-server", [apiUrls[i % 2], apiUrls[(i + 1) % 2]].join(","), "--token", token, "--master", mastersFlag,
      "--identity", `kube-framework-${i}`, "--host", "127.0.0.1", "--port", new URL(url).port,
      "--lease-duration", o["kf-lease-duration"], "--renew-deadline", o["kf-renew-deadline"], "--retry-period", o["kf-retry-period"],
      "--log-level", o["log-level"],
    ], { url }),
  );

  // ---- agents ----
  const agents = ports("agent-ports", 3).map((port, i) =>
    start(`agent-${i}`, "agent", [
      "--master", mastersFlag, "--work-dir", join(dir, `agent-${i}`), "--hostname", `agent-${i}`,
      "--port", String(port), "--resources", o["agent-resources"] ?? `cpus:2;mem:4096;ports:[${31000 + 300 * i}-${31299 + 300 * i}]`,
      ...(o.simulated ? ["--containerizers", "simulated"] : ["--no-cgroups"]), "--log-level", o["log-level"],
    ], { url: `http://127.0.0.1:${port}`, workDir: join(dir, `agent-${i}`) }),
  );

  // ---- ready: one leading master with the 3 agents, a framework leader subscribed ----
  const leader = await until("a leading master with 3 agents", 60_000, async () => {
    for (const m of masters) {
      const h = await getJson(`${m.url}/healthz`).catch(() => undefined);
      if (h?.role !== "leader") continue;
      const s = await getJson(`${m.url}/state`);
      return s.slaves.filter((a) => a.active).length === 3 && s.frameworks.some((f) => f.name === "kubernetes" && f.active) ? m : undefined;
    }
    return undefined;
  });
  const fwLeader = await until("a kube-framework leader", 60_000, async () => {
    for (const f of frameworks) if ((await getJson(`${f.url}/status`))?.isLeader) return f;
    return undefined;
  });

  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(kubeconfig, kubeconfigYaml(apiUrls, token));
  const layout = {
    pid: process.pid,
    dir,
    nats: { url: natsUrl, started: !!natsProc, masterBucket, storeBucket, ...(natsProc ? { pid: natsProc.pid } : {}) },
    kubeconfig,
    token,
    masters: masters.map(pub),
    apiservers: apis.map(pub),
    kubeFrameworks: frameworks.map(pub),
    agents: agents.map(pub),
    startedMs: Date.now() - t0,
  };
  writeFileSync(join(dir, "layout.json"), JSON.stringify(layout, null, 2));
  const line = (k, v) => process.stdout.write(`  ${k.padEnd(16)} ${v}\n`);
  process.stdout.write(`berth HA layout up in ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir})\n`);
  line("NATS", `${natsUrl}${natsProc ? " (started here)" : ""}  buckets ${masterBucket}, ${storeBucket}`);
  for (const m of masters) line(m.name, `${m.url}${m === leader ? "  (leader)" : ""}  pid ${m.pid}`);
  for (const a of apis) line(a.name, `${a.url}  pid ${a.pid}`);
  for (const f of frameworks) line(f.name, `${f.url}${f === fwLeader ? "  (leader)" : ""}  pid ${f.pid}`);
  for (const a of agents) line(a.name, `${a.url}  pid ${a.pid}  ${a.workDir}`);
  line("logs", logs);
  process.stdout.write(`\nexport KUBECONFIG=${kubeconfig}   # contexts berth-ha-0 (current) and berth-ha-1\nkubectl get nodes\n`);
  process.stdout.write(`layout.json ready\n`);
}

function pub(p) {
  const { exited: _e, ...rest } = p;
  return rest;
}

function kubeconfigYaml(urls, token) {
  const names = urls.map((_, i) => `berth-ha-${i}`);
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    ...urls.flatMap((u, i) => [`- name: ${names[i]}`, "  cluster:", `    server: ${u}`, "    insecure-skip-tls-verify: true"]),
    "users:",
    `- name: berth-ha`, "  user:", `    token: ${token}`,
    "contexts:",
    ...names.flatMap((n) => [`- name: ${n}`, "  context:", `    cluster: ${n}`, "    user: berth-ha", "    namespace: default"]),
    `current-context: ${names[0]}`,
    "",
  ].join("\n");
}

/** Pids of the tasks an agent checkpointed (each leads its own process group). */
function taskPids(workDir) {
  const out = [];
  const base = join(workDir, "meta/frameworks");
  let fws = [];
  try {
    fws = readdirSync(base);
  } catch {
    return out;
  }
  for (const fw of fws) {
    let tasks = [];
    try {
      tasks = readdirSync(join(base, fw, "tasks"));
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const rec = JSON.parse(readFileSync(join(base, fw, "tasks", t, "task.json"), "utf8"));
        if (rec.container?.pid) out.push(rec.container.pid);
      } catch {
        /* not checkpointed */
      }
    }
  }
  return out;
}

let stopping = false;
async function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping ${procs.length} processes\n`);
  // Reverse start order: agents and frameworks first, NATS last.
  const all = procs;
  const roles = all.filter((p) => p.role !== "nats").reverse();
  for (const p of roles) signalGroup(p.pid, "SIGTERM");
  const end = Date.now() + 10_000;
  while (Date.now() < end && roles.some((p) => alive(p.pid))) await sleep(100);
  for (const p of roles) if (alive(p.pid)) signalGroup(p.pid, "SIGKILL");
  // Tasks run in their own process groups and outlive their agent by design (it recovers
  // them on restart); stopping the layout means stopping them too.
  for (const a of all.filter((p) => p.role === "agent")) for (const pid of taskPids(a.workDir)) signalGroup(pid, "SIGKILL");
  const nats = procs.find((p) => p.role === "nats");
  if (nats) {
    signalGroup(nats.pid, "SIGTERM");
    const e2 = Date.now() + 5000;
    while (Date.now() < e2 && alive(nats.pid)) await sleep(100);
    if (alive(nats.pid)) signalGroup(nats.pid, "SIGKILL");
  }
  process.stdout.write("stopped\n");
  process.exit(0);
}
function signalGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
    /* gone */
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return spawnSync("ps", ["-o", "stat=", "-p", String(pid)]).stdout.toString().trim()[0] !== "Z";
  } catch {
    return false;
  }
}

process.on("SIGINT", () => void stopAll("SIGINT"));
process.on("SIGTERM", () => void stopAll("SIGTERM"));
main().then(
  () => process.stdout.write("Ctrl-C stops everything\n"),
  (e) => {
    process.stderr.write(`ha-cluster: ${e.message}\n`);
    void stopAll("error");
  },
);
