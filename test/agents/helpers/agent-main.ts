/**
 * A real agent process for the recovery test: `node agent-main.js <masterUrl> <workDir>`.
 * It is what `berth agent` runs (src/cli/agent.ts), minus flag parsing.
 */
import { startAgent } from "../../../src/agents/agent.js";
import { httpAgentApi } from "../../../src/mesos/http-client.js";
import { createLogger } from "../../../src/util/log.js";

const [masterUrl, workDir] = process.argv.slice(2);
if (!masterUrl || !workDir) throw new Error("usage: agent-main <masterUrl> <workDir>");
const a = await startAgent({
  api: httpAgentApi(masterUrl),
  workDir,
  log: createLogger("agent", { level: "debug" }),
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 2 } },
    { name: "mem", type: "SCALAR", scalar: { value: 1024 } },
  ],
  recoveryPollMs: 200,
  reconnectBackoffMs: 200,
});
process.on("SIGTERM", () => void a.stop().then(() => process.exit(0)));
