/**
 * `berth kube-framework`: the kubernetes framework (offer-bridge) and the workload
 * controllers as their own process, reaching the API server over HTTP (the HTTP ApiClient)
 * and the master over the v1 scheduler HTTP API, as kube-scheduler and
 * kube-controller-manager run beside kube-apiserver.
 *
 * Several replicas may run; with leader election (the default) they compete for the Lease
 * kube-system/berth-kube-framework and only the holder runs the framework and controllers.
 * A replica that loses the Lease stops them and becomes a candidate again (kube-scheduler
 * exits instead and relies on its supervisor; staying up keeps one process per replica).
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { Counter, Gauge, Registry as MetricsRegistry, collectDefaultMetrics } from "prom-client";
import { HttpClient } from "../k8s-api/client/http.js";
import { LeaderElector, validateLeaderElection } from "../k8s-api/client/leaderelection.js";
import { startControllers, type ControllersHandle } from "../k8s-api/controllers/index.js";
import { httpSchedulerApi, masterUrls } from "../mesos/http-client.js";
import { startKubeFramework, type KubeFramework } from "../offer-bridge/index.js";
import { listen } from "../util/http-server.js";
import { createLogger, type Level, type Logger } from "../util/log.js";
import { boolFlag, durationFlag, portFlag } from "./flags.js";

export const KUBE_FRAMEWORK_USAGE = `Usage: berth kube-framework --master URL[,URL...] (--api-server URL | --kubeconfig PATH) [flags]

Runs the kubernetes framework (pods -> task groups on the master's offers) and the
workload controllers against a separate API server and master. Replicas elect a leader
through the Lease kube-system/berth-kube-framework; only the leader acts.

Flags:
  --api-server URL[,URL...]  the API server, e.g. http://127.0.0.1:6443; with several
                          replicas list them all: a request moves to the next one when
                          the current one cannot be reached
  --token TOKEN           bearer token for --api-server
  --kubeconfig PATH       or a kubeconfig (its current context) to reach the API server
  --master URL[,URL...]   the resource-manager master, e.g. http://127.0.0.1:5050 (required);
                          with HA masters list them all: the leader is found and followed,
                          and after a failover the framework re-subscribes with its id
  --roles ROLE,...        roles the framework subscribes with (default kubernetes)
  --leader-elect BOOL     elect a leader among replicas (default true)
  --lease-duration DUR    how long a standby waits before taking an unrenewed Lease (default 15s)
  --renew-deadline DUR    a leader that cannot renew for this long stops acting (default 10s)
  --retry-period DUR      how often to try to acquire or renew (default 2s)
  --lease-namespace NS    the Lease's namespace (default kube-system)
  --lease-name NAME       the Lease's name (default berth-kube-framework)
  --identity ID           this replica's holder identity (default <hostname>_<uuid>)
  --host ADDR             address of /healthz, /readyz, /metrics and /status (default 127.0.0.1)
  --port N                their port (default 10259; 0 picks a free one)
  --log-level LEVEL       debug, info, warn or error (default info)
`;

export async function kubeFramework(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      "api-server": { type: "string" },
      token: { type: "string" },
      kubeconfig: { type: "string" },
      master: { type: "string" },
      roles: { type: "string", default: "kubernetes" },
      "leader-elect": { type: "string", default: "true" },
      "lease-duration": { type: "string", default: "15s" },
      "renew-deadline": { type: "string", default: "10s" },
      "retry-period": { type: "string", default: "2s" },
      "lease-namespace": { type: "string", default: "kube-system" },
      "lease-name": { type: "string", default: "berth-kube-framework" },
      identity: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "10259" },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(KUBE_FRAMEWORK_USAGE);
    return;
  }
  if (!values.master) throw new Error("--master is required");
  if (!values["api-server"] && !values.kubeconfig) throw new Error("--api-server or --kubeconfig is required");
  if (values["api-server"] && values.kubeconfig) throw new Error("give either --api-server or --kubeconfig, not both");
  const leaderElect = boolFlag("--leader-elect", values["leader-elect"]);
  const timing = {
    leaseDurationMs: durationFlag("--lease-duration", values["lease-duration"]),
    renewDeadlineMs: durationFlag("--renew-deadline", values["renew-deadline"]),
    retryPeriodMs: durationFlag("--retry-period", values["retry-period"]),
  };
  const identity = values.identity ?? `${hostname()}_${randomUUID()}`;
  if (leaderElect) validateLeaderElection({ ...timing, identity });
  const port = portFlag("--port", values.port);
  const roles = values.roles.split(",").map((r) => r.trim()).filter(Boolean);
  if (!roles.length) throw new Error("--roles must name at least one role");
  // Every master of an HA set, like `berth agent --master`: the scheduler client follows
  // redirects to the leader and moves on past masters that are down or leaderless.
  const masters = masterUrls(values.master);
  const log = createLogger("kube-framework", { level: values["log-level"] as Level }, { identity });

  const client = (manager: string) =>
    new HttpClient({ manager, ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : { server: values["api-server"]!, ...(values.token ? { token: values.token } : {}) }) });
  const frameworkClient = client("kubernetes-framework");
  const controllerClient = client("kube-controller-manager");
  const electionClient = client("berth-kube-framework");
  // Wait a while for the API server (roles may start in any order), then fail with a clear
  // message, as kube-controller-manager's WaitForAPIServer does.
  await waitForApiServer(electionClient, API_WAIT_MS, log);

  const metrics = new MetricsRegistry();
  collectDefaultMetrics({ register: metrics, prefix: "berth_kube_framework_" });
  const leaderGauge = new Gauge({ name: "leader_election_master_status", help: "1 while this replica holds the leader Lease, 0 otherwise (as client-go's leaderelection metric)", labelNames: ["name"], registers: [metrics] });
  const acquired = new Counter({ name: "berth_kube_framework_leadership_acquired_total", help: "Times this replica became the leader", registers: [metrics] });
  const runningGauge = new Gauge({ name: "berth_kube_framework_running", help: "1 while the framework and controllers run in this replica", registers: [metrics] });
  leaderGauge.set({ name: values["lease-name"] }, 0);

  const workloads = new Workloads(log, async () => {
    const fw = await startKubeFramework({ client: frameworkClient, scheduler: httpSchedulerApi(masters), log: log.child({ component: "framework" }), roles });
    try {
      const controllers = await startControllers(controllerClient, log.child({ component: "controllers" }));
      return { fw, controllers };
    } catch (e) {
      await fw.stop();
      throw e;
    }
  }, (running) => runningGauge.set(running ? 1 : 0));

  const elector = leaderElect
    ? new LeaderElector({
        client: electionClient,
        namespace: values["lease-namespace"],
        name: values["lease-name"],
        identity,
        ...timing,
        log,
        onStartedLeading: () => {
          leaderGauge.set({ name: values["lease-name"] }, 1);
          acquired.inc();
          workloads.want(true);
        },
        onStoppedLeading: () => {
          leaderGauge.set({ name: values["lease-name"] }, 0);
          workloads.want(false);
        },
      })
    : undefined;

  const status = () => ({
    identity,
    leaderElection: leaderElect,
    leader: elector ? elector.leader() : identity,
    isLeader: elector ? elector.isLeader() : true,
    running: workloads.running,
  });
  // client-go's HealthzAdaptor: a leader that has not renewed for leaseDuration + 20 s is unhealthy.
  const checks: Record<string, () => boolean> = {
    ping: () => true,
    leaderElection: () => !elector || !elector.isLeader() || Date.now() - elector.lastRenewAt() <= timing.leaseDurationMs + 20_000,
  };
  // Ready: a standby is ready to stand by; the leader once its framework and controllers run.
  const readyChecks: Record<string, () => boolean> = { ...checks, workloads: () => !(elector?.isLeader() ?? true) || workloads.running };
  const server = await listen(
    (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/metrics") {
        void metrics.metrics().then((body) => res.writeHead(200, { "Content-Type": metrics.contentType }).end(body));
        return;
      }
      if (path === "/status") return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(status()));
      const which = path === "/readyz" ? readyChecks : path === "/healthz" || path === "/livez" ? checks : undefined;
      if (!which) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      const failed = Object.entries(which).filter(([, f]) => !f()).map(([n]) => n);
      res.writeHead(failed.length ? 500 : 200, { "Content-Type": "text/plain" }).end(failed.length ? `${path.slice(1)} check failed: ${failed.join(", ")}\n` : "ok");
    },
    values.host,
    port,
  );
  process.stdout.write(`berth kube-framework ${identity} serving health and metrics on ${server.url}\n`);
  log.info("kube-framework started", { apiServer: frameworkClient.server.origin, masters, roles, leaderElect, ...timing, health: server.url });

  if (elector) elector.run();
  else workloads.want(true);

  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      log.info("shutting down", { signal });
      // Releasing the Lease lets a standby take over at once instead of after leaseDuration.
      void (elector ? elector.stop() : Promise.resolve(workloads.want(false)))
        .then(() => workloads.idle())
        .then(() => server.close())
        .then(() => {
          for (const c of [frameworkClient, controllerClient, electionClient]) c.close();
          log.info("stopped cleanly");
        })
        .then(done);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}

/** How long to wait for the API server to answer at startup. */
const API_WAIT_MS = 10_000;

async function waitForApiServer(c: HttpClient, ms: number, log: Logger): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await c.list({ group: "", version: "v1", plural: "namespaces" }, "", { limit: 1 });
      return;
    } catch (e) {
      if (Date.now() >= deadline) throw new Error(`the API server does not answer after ${ms / 1000} s: ${(e as Error).message}`);
      log.info("waiting for the API server", { err: e });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

interface Running {
  readonly fw: KubeFramework;
  readonly controllers: ControllersHandle;
}

/**
 * Starts and stops the framework and controllers to follow leadership, one transition at
 * a time: a loss that arrives while they are still starting stops them once started.
 */
class Workloads {
  private current: Running | undefined;
  private wanted = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: Logger,
    private readonly startAll: () => Promise<Running>,
    private readonly onChange: (running: boolean) => void,
  ) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  want(run: boolean): void {
    this.wanted = run;
    this.chain = this.chain.then(() => this.converge());
  }

  /** Resolves when every transition asked for so far is done. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async converge(): Promise<void> {
    if (this.wanted && !this.current) {
      this.log.info("starting the kubernetes framework and controllers");
      try {
        this.current = await this.startAll();
        this.onChange(true);
      } catch (e) {
        this.log.error("starting the kubernetes framework and controllers failed; retrying", { err: e });
        setTimeout(() => this.want(this.wanted), 2000).unref();
        return;
      }
    }
    if (!this.wanted && this.current) {
      const { fw, controllers } = this.current;
      this.current = undefined;
      this.onChange(false);
      this.log.info("stopping the kubernetes framework and controllers");
      controllers.stop();
      await fw.stop();
    }
  }
}
