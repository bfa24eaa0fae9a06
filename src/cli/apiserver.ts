/**
 * `berth apiserver`: the Kubernetes API server role alone (no master, agent, framework or
 * controllers), for distributed mode: `berth kube-framework` and kubectl reach it over HTTP.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startApiServer } from "../k8s-api/index.js";
import { createLogger, type Level } from "../util/log.js";
import { portFlag } from "./flags.js";
import { tokenFor, writeKubeconfig } from "./kubeconfig.js";
import { openStoreFlag, STORE_FLAG_HELP } from "./store.js";

export const APISERVER_USAGE = `Usage: berth apiserver [flags]

Runs the Kubernetes API server alone and writes a kubeconfig for it. /healthz, /livez,
/readyz and /metrics are served on the same port.

Flags:
  --host ADDR             address to listen on (default 127.0.0.1)
  --port N                port (default 6443; 0 picks a free one)
${STORE_FLAG_HELP}
  --data-dir DIR          where the store keeps its data and the token (default ./.berth-apiserver)
  --repair-store          truncate a corrupt write-ahead log at the last good record
  --service-cidr CIDR     ClusterIP range (default 127.96.0.0/16, loopback)
  --kubeconfig PATH       where to write the kubeconfig (default <data-dir>/kubeconfig)
  --token TOKEN           bearer token written into the kubeconfig (default: one kept in
                          <data-dir>/token; requests are not authenticated yet)
  --log-level LEVEL       debug, info, warn or error (default info)
`;

export async function apiserver(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "6443" },
      store: { type: "string", default: "embedded" },
      "data-dir": { type: "string", default: ".berth-apiserver" },
      "repair-store": { type: "boolean", default: false },
      "service-cidr": { type: "string", default: "127.96.0.0/16" },
      kubeconfig: { type: "string" },
      token: { type: "string" },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(APISERVER_USAGE);
    return;
  }
  const port = portFlag("--port", values.port);
  const log = createLogger("apiserver", { level: values["log-level"] as Level });
  const dataDir = resolve(values["data-dir"]);
  mkdirSync(dataDir, { recursive: true });
  const store = await openStoreFlag(values.store, { dataDir, repair: values["repair-store"], log: log.child({ component: "store" }) });
  const api = await startApiServer({
    store,
    host: values.host,
    port,
    log,
    serviceRanges: { serviceCIDR: values["service-cidr"], nodePortMin: 30000, nodePortMax: 32767 },
  });
  const kubeconfig = resolve(values.kubeconfig ?? join(dataDir, "kubeconfig"));
  writeKubeconfig(kubeconfig, { server: api.url, name: "berth", token: values.token ?? tokenFor(dataDir) });
  process.stdout.write(`berth apiserver listening on ${api.url}\nkubeconfig written to ${kubeconfig}\n`);
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      log.info("shutting down", { signal });
      void api
        .close()
        .then(() => store.close())
        .then(() => log.info("stopped cleanly"))
        .then(done);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
