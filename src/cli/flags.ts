/** Flag values shared by the subcommands. */

/** A TCP port flag: 0 to 65535 (0 picks a free port). */
export function portFlag(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be an integer from 0 to 65535: current value is ${value}`);
  return port;
}
