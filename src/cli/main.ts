#!/usr/bin/env node
/** The berth command: one binary, one subcommand per role. */
import { up, UP_USAGE } from "./up.js";

const USAGE = `Usage: berth <command> [flags]

Commands:
  up          start a one-machine cluster (API server, embedded store) and write a kubeconfig

Run 'berth <command> --help' for a command's flags.
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "up":
      return up(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n" + UP_USAGE);
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
