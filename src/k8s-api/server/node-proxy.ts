/**
 * pods/log, pods/exec, pods/attach and pods/portforward, served the way kube-apiserver
 * serves them: find the pod's node, then its agent's endpoint (the Node's InternalIP and
 * status.daemonEndpoints.kubeletEndpoint.Port, as for a kubelet) and proxy there.
 *
 * The agent knows tasks, not pods (DESIGN.md decision 10): a pod is the task group whose
 * executor id is `<namespace>.<pod>.<uid>` and a container the task `<executor id>.<name>`
 * (the kubernetes framework names them so), reached at /containers/<executor>/<task>/….
 * What kubelet checks against pod status (a container still waiting, no previous run) is
 * checked here, with kubelet's wording, since the agent cannot.
 *
 * Logs are a plain GET whose body is streamed through. exec, attach and port-forward are
 * upgrades (WebSocket with v5.channel.k8s.io or SPDY/3.1+portforward.k8s.io, or SPDY): the
 * request is replayed to the agent on a fresh connection and, from then on, bytes are
 * copied both ways, so the agent's answer — 101 with the negotiated subprotocol, or an
 * error — reaches the client untouched.
 */
import { request as httpRequest, STATUS_CODES, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import type { Request, Response } from "express";
import { StatusError, badRequest, type StatusReason } from "../errors.js";
import type { Registry } from "../registry/registry.js";
import type { KubeObject } from "../types.js";
import type { Logger } from "../../util/log.js";
import { parseRequestInfo } from "./request-info.js";

interface ContainerStatusLike {
  name?: string;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: { containerID?: string } };
  lastState?: { terminated?: { containerID?: string } };
}

interface PodLike extends KubeObject {
  spec?: { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[] };
  status?: { containerStatuses?: ContainerStatusLike[]; initContainerStatuses?: ContainerStatusLike[] };
}

interface NodeLike extends KubeObject {
  status?: { addresses?: { type: string; address: string }[]; daemonEndpoints?: { kubeletEndpoint?: { Port?: number } } };
}

/** Where a pod's container is served: the agent's base URL and the task's path. */
export interface Target {
  readonly host: string;
  readonly port: number;
  /** /containers/<executor>/<task> */
  readonly path: string;
}

const POD_STREAMS = new Set(["log", "exec", "attach", "portforward"]);

export function executorIdOf(pod: KubeObject): string {
  const m = pod.metadata ?? {};
  return `${m.namespace ?? ""}.${m.name ?? ""}.${m.uid ?? ""}`;
}

function allContainers(pod: PodLike): string[] {
  const s = pod.spec ?? {};
  return [...(s.initContainers ?? []), ...(s.containers ?? []), ...(s.ephemeralContainers ?? [])].map((c) => c.name);
}

/** kube-apiserver's validateContainer. */
export function validateContainer(pod: PodLike, container: string): string {
  const name = pod.metadata?.name ?? "";
  if (!container) {
    const cs = pod.spec?.containers ?? [];
    if (cs.length === 1) return cs[0]!.name;
    if (cs.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${allContainers(pod).join(" ")}]`);
  }
  if (!allContainers(pod).includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

function statusOf(pod: PodLike, container: string): ContainerStatusLike | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
}

/** kubelet's validateContainerLogStatus, reduced to what pod status tells. */
function checkLogStatus(pod: PodLike, container: string, previous: boolean): void {
  const podName = pod.metadata?.name ?? "";
  const cs = statusOf(pod, container);
  if (!cs) throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);
  if (previous) {
    if (!cs.lastState?.terminated) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return;
  }
  const st = cs.state ?? {};
  if (st.running || st.terminated || cs.lastState?.terminated) return;
  const reason = st.waiting?.reason;
  if (reason === "ErrImagePull") throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
  if (reason === "ImagePullBackOff") throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
  if (reason) throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  throw badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}

/** exec and attach need a running container. */
function checkRunning(pod: PodLike, container: string): void {
  const podName = pod.metadata?.name ?? "";
  const cs = statusOf(pod, container);
  const st = cs?.state ?? {};
  if (st.running) return;
  if (st.terminated) throw badRequest(`container "${container}" in pod "${podName}" is not running`);
  throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${st.waiting?.reason ?? "ContainerCreating"}`);
}

async function getPod(registry: Registry, ns: string, name: string): Promise<PodLike> {
  return (await registry.get(registry.resolve("", "v1", "pods"), ns, name)) as PodLike;
}

/** The agent endpoint of a node, as kube-apiserver's ConnectionInfoGetter finds a kubelet's. */
async function nodeEndpoint(registry: Registry, nodeName: string): Promise<{ host: string; port: number }> {
  let node: NodeLike;
  try {
    node = (await registry.get(registry.resolve("", "v1", "nodes"), "", nodeName)) as NodeLike;
  } catch (e) {
    if (e instanceof StatusError && e.code === 404) throw new StatusError(503, "ServiceUnavailable", `node "${nodeName}" not found: its agent cannot be reached`);
    throw e;
  }
  const port = node.status?.daemonEndpoints?.kubeletEndpoint?.Port ?? 0;
  const addrs = node.status?.addresses ?? [];
  const host = (addrs.find((a) => a.type === "InternalIP") ?? addrs.find((a) => a.type === "ExternalIP") ?? addrs.find((a) => a.type === "Hostname"))?.address;
  if (!port || !host) throw new StatusError(503, "ServiceUnavailable", `node "${nodeName}" has no agent endpoint (status.daemonEndpoints.kubeletEndpoint.Port ${port ? "set" : "is 0"}${host ? "" : ", no address"}): its agent does not serve logs, exec or port-forward`);
  return { host, port };
}

function target(ep: { host: string; port: number }, pod: PodLike, container: string): Target {
  const eid = executorIdOf(pod);
  return { ...ep, path: `/containers/${encodeURIComponent(eid)}/${encodeURIComponent(`${eid}.${container}`)}` };
}

const REASONS: Record<number, StatusReason> = { 400: "BadRequest", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed", 500: "InternalError", 503: "ServiceUnavailable" };

function backendError(e: Error, t: { host: string; port: number }): StatusError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === "ECONNREFUSED" ? "connect: connection refused" : e.message;
  return new StatusError(500, "InternalError", `error dialing backend: dial tcp ${t.host}:${t.port}: ${why}`);
}

// ---- logs ----------------------------------------------------------------------------

const LOG_PARAMS = ["follow", "previous", "timestamps", "sinceSeconds", "sinceTime", "tailLines", "limitBytes", "stream"];

/** GET pods/log: validated as kube-apiserver does, then streamed from the agent. */
export async function servePodLog(registry: Registry, ns: string, name: string, q: URLSearchParams, req: Request, res: Response): Promise<void> {
  const pod = await getPod(registry, ns, name);
  const container = validateContainer(pod, q.get("container") ?? "");
  for (const p of ["tailLines", "limitBytes", "sinceSeconds"]) {
    const v = q.get(p);
    if (v !== null && !/^-?\d+$/.test(v)) throw badRequest(`${p}: invalid value ${JSON.stringify(v)}`);
  }
  if (q.has("sinceSeconds") && q.has("sinceTime")) throw new StatusError(422, "Invalid", `PodLogOptions "${name}" is invalid: sinceSeconds: Forbidden: at most one of \`sinceTime\` or \`sinceSeconds\` may be specified`);
  const nodeName = pod.spec?.nodeName ?? "";
  // Not scheduled yet: kube-apiserver answers with an empty log.
  if (!nodeName) return void res.status(200).type("text/plain").end();
  const truthy = (v: string | null) => v !== null && v !== "false" && v !== "0";
  checkLogStatus(pod, container, truthy(q.get("previous")));
  const t = target(await nodeEndpoint(registry, nodeName), pod, container);
  const params = new URLSearchParams();
  for (const p of LOG_PARAMS) {
    const v = q.get(p);
    if (v !== null) params.set(p, v);
  }
  await new Promise<void>((resolve, reject) => {
    const up = httpRequest({ host: t.host, port: t.port, path: `${t.path}/log?${params}`, method: "GET" }, (ur: IncomingMessage) => {
      const code = ur.statusCode ?? 500;
      if (code < 200 || code > 299) {
        // As kube-apiserver's GenericHttpResponseChecker: the agent's message, with its code.
        const chunks: Buffer[] = [];
        ur.on("data", (c: Buffer) => chunks.push(c));
        ur.on("end", () => reject(new StatusError(code, REASONS[code] ?? "InternalError", Buffer.concat(chunks).toString("utf8").slice(0, 4096).trim() || `the agent answered ${code}`)));
        ur.on("error", reject);
        return;
      }
      res.status(200);
      res.setHeader("Content-Type", ur.headers["content-type"] ?? "text/plain");
      res.setHeader("Cache-Control", "no-cache");
      res.flushHeaders();
      ur.pipe(res);
      ur.on("end", resolve);
      ur.on("error", () => resolve(void res.end()));
    });
    up.on("error", (e) => (res.headersSent ? resolve(void res.end()) : reject(backendError(e, t))));
    // The client went away (kubectl logs -f interrupted): stop reading from the agent.
    res.on("close", () => up.destroy());
    up.end();
  });
}

// ---- upgrades ------------------------------------------------------------------------

function writeStatus(socket: Duplex, err: StatusError): void {
  const body = JSON.stringify(err.toStatus());
  socket.end(`HTTP/1.1 ${err.code} ${STATUS_CODES[err.code] ?? ""}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Resolves where an exec/attach/portforward upgrade goes, or throws a StatusError. */
async function upgradeTarget(registry: Registry, ns: string, name: string, sub: string, q: URLSearchParams): Promise<Target> {
  const pod = await getPod(registry, ns, name);
  // port-forward addresses the pod (its network); the agent serves it through its first container's task.
  const container = sub === "portforward" ? (pod.spec?.containers?.[0]?.name ?? "") : validateContainer(pod, q.get("container") ?? "");
  const nodeName = pod.spec?.nodeName ?? "";
  if (!nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  if (sub !== "portforward") checkRunning(pod, container);
  return target(await nodeEndpoint(registry, nodeName), pod, container);
}

/** Request headers that belong to this hop (credentials for the API server stay here). */
const HOP = new Set(["host", "authorization", "proxy-authorization", "cookie"]);

/**
 * The HTTP server's 'upgrade' listener: pods' exec, attach and portforward are proxied to
 * their agent; anything else is refused with a Status.
 */
export function podStreamUpgrade(registry: Registry, log: Logger): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on("error", () => socket.destroy());
    const url = new URL(req.url ?? "/", "http://x");
    const ri = parseRequestInfo(req.method ?? "GET", url.pathname, url.searchParams);
    if (!ri || ri.group !== "" || ri.resource !== "pods" || !ri.name || !POD_STREAMS.has(ri.subresource) || ri.subresource === "log") {
      return writeStatus(socket, new StatusError(404, "NotFound", "the server could not find the requested resource"));
    }
    void (async () => {
      const t = await upgradeTarget(registry, ri.namespace, ri.name, ri.subresource, url.searchParams);
      const agent = connect({ host: t.host, port: t.port });
      await new Promise<void>((resolve, reject) => {
        agent.once("connect", resolve);
        agent.once("error", (e) => reject(backendError(e, t)));
      });
      agent.on("error", () => socket.destroy());
      socket.on("close", () => agent.destroy());
      agent.on("close", () => socket.destroy());
      // Replay the request to the agent: same method and upgrade headers, the task's path.
      const lines = [`${req.method} ${t.path}/${ri.subresource}${url.search} HTTP/1.1`, `Host: ${t.host}:${t.port}`];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) if (!HOP.has(req.rawHeaders[i]!.toLowerCase())) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      agent.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) agent.write(head);
      socket.pipe(agent);
      agent.pipe(socket);
      log.debug("proxying pod stream to its agent", { pod: `${ri.namespace}/${ri.name}`, subresource: ri.subresource, agent: `${t.host}:${t.port}` });
    })().catch((e: unknown) => {
      const err = e instanceof StatusError ? e : new StatusError(500, "InternalError", `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
      writeStatus(socket, err);
    });
  };
}
