#!/usr/bin/env node
/** The berth command: one binary, one subcommand per role. */
import { up, UP_USAGE } from "./up.js";
import { master, MASTER_USAGE } from "./master.js";
import { agent, AGENT_USAGE } from "./agent.js";
import { batchJob, BATCH_JOB_USAGE } from "./batch-job.js";
import { apiserver, APISERVER_USAGE } from "./apiserver.js";
import { kubeFramework, KUBE_FRAMEWORK_USAGE } from "./kube-framework.js";
import { simAgents, SIM_AGENTS_USAGE } from "./sim-agents.js";

const USAGE = `Usage: berth <command> [flags]

Commands:
  up          start a one-machine cluster (API server, embedded store, master, local agent) and write a kubeconfig
  master      run a resource-manager master (Mesos v1 scheduler and operator HTTP APIs)
  agent       run an agent that offers this machine's resources to a master and runs tasks
  apiserver   run the Kubernetes API server alone (distributed mode)
  kube-framework
              run the kubernetes framework and controllers against an API server and a master,
              with leader election among replicas
  sim-agents  run N simulated agents (nothing runs; for scale tests) against a master over HTTP
  batch-job   run N shell tasks on the pool as a Mesos v1 HTTP framework (an example batch framework)

Run 'berth <command> --help' for a command's flags.
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "up":
      return up(rest);
    case "master":
      return master(rest);
    case "agent":
      return agent(rest);
    case "apiserver":
      return apiserver(rest);
    case "kube-framework":
      return kubeFramework(rest);
    case "batch-job":
      return batchJob(rest);
    case "sim-agents":
      return simAgents(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write([USAGE, UP_USAGE, APISERVER_USAGE, MASTER_USAGE, AGENT_USAGE, KUBE_FRAMEWORK_USAGE, SIM_AGENTS_USAGE, BATCH_JOB_USAGE].join("\n"));
      return;
    default:
      process.stderr.write(`berth: unknown command "${command}"\n\n${USAGE}`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`berth: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
