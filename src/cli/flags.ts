/** Flag values shared by the subcommands. */

/** A TCP port flag: 0 to 65535 (0 picks a free port). */
export function portFlag(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be an integer from 0 to 65535: current value is ${value}`);
  return port;
}

/** ROLE=WEIGHT pairs, comma-separated ("kubernetes=1,batch=2"); weights must be positive. */
export function weightsFlag(value: string | undefined): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const pair of (value ?? "").split(",").filter(Boolean)) {
    const [role, w] = pair.split("=");
    if (!role || !(Number(w) > 0)) throw new Error(`--weights must be ROLE=WEIGHT pairs with positive weights: ${pair}`);
    weights[role] = Number(w);
  }
  return weights;
}

/** A count or duration flag: a whole number >= 0. */
export function wholeNumberFlag(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0: current value is ${value}`);
  return n;
}
