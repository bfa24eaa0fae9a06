/** Flag values shared by the subcommands. */

/** A TCP port flag: 0 to 65535 (0 picks a free port). */
export function portFlag(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be an integer from 0 to 65535: current value is ${value}`);
  return port;
}

/** --pod-network: auto (bridge where the agent can: root and iproute2), bridge or host. */
export function podNetworkFlag(value: string): "auto" | "bridge" | "host" {
  if (value !== "auto" && value !== "bridge" && value !== "host") throw new Error(`--pod-network must be auto, bridge or host: current value is ${value}`);
  return value;
}

export const POD_NETWORK_USAGE = `  --pod-network MODE      how pods are networked (default auto): bridge gives each pod its own
                          network namespace and IP on a per-agent bridge (containerPorts cost
                          nothing; needs root and iproute2), host runs pods on the host network
                          (each containerPort is a ports resource); auto is bridge where possible
  --pod-cidr CIDR         the agent's pod CIDR in bridge mode (default: a free /24 of
                          10.244.0.0/16, away from every address and route the host has)
`;

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

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration as kube-scheduler's flags take it ("15s", "500ms", "1m30s"), in milliseconds. */
export function durationFlag(name: string, value: string): number {
  const parts = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(value) ? [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)] : [];
  if (!parts.length) throw new Error(`${name} must be a duration such as 15s, 500ms or 1m30s: current value is ${value}`);
  return parts.reduce((ms, m) => ms + Number(m[1]) * UNIT_MS[m[2]!]!, 0);
}

/** A boolean flag given as a value (--leader-elect=false), as Kubernetes components take it. */
export function boolFlag(name: string, value: string): boolean {
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new Error(`${name} must be true or false: current value is ${value}`);
}

/** A count or duration flag: a whole number >= 0. */
export function wholeNumberFlag(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0: current value is ${value}`);
  return n;
}
