// npm test: every unit and conformance test on the embedded store, then the conformance
// suite again on the NATS JetStream store (DESIGN.md decision 2: every conformance test
// runs on both backends). Both mocha summaries are printed; .ci/run adds them up.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const mocha = resolve("node_modules", "mocha", "bin", "mocha.js");
const passes = [
  { name: "unit + conformance (embedded store)", args: ["--config", ".mocharc.json"], env: {} },
  { name: "conformance (NATS JetStream store)", args: ["--no-config", "--reporter", "spec", "--timeout", "20000", "--exit", "dist/conformance/**/*.test.js"], env: { BERTH_TEST_STORE: "nats" } },
];

let failed = false;
for (const pass of passes) {
  process.stdout.write(`\n== ${pass.name}\n`);
  const r = spawnSync(process.execPath, [mocha, ...pass.args], { stdio: "inherit", env: { ...process.env, ...pass.env } });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
