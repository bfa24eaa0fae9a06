/**
 * A container's environment as kubelet makes it (pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): envFrom first (ConfigMaps and Secrets, with prefix), then env
 * in order with $(VAR) expansion over what is defined so far and the service variables,
 * valueFrom (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef, optional honoured),
 * and last the service environment variables (pkg/kubelet/envvars) not already set.
 * ConfigMaps, Secrets and Services are read through the ApiClient when the pod launches.
 */
import { ApiClientError, type ApiClient } from "../k8s-api/client/types.js";
import type { KubeObject } from "../k8s-api/types.js";
import { parseQuantity } from "./quantity.js";
import { CONFIGMAPS, type Container, type Pod } from "./types.js";

export const SECRETS = { group: "", version: "v1", plural: "secrets" } as const;
export const SERVICES = { group: "", version: "v1", plural: "services" } as const;

/** What a pod's rendering reads: the API, and where it runs. */
export interface RenderContext {
  readonly client: ApiClient;
  readonly nodeName: string;
  readonly hostIP: string;
  readonly podIP: string;
  /** Node allocatable, for resourceFieldRef limits a container does not set (kubelet's default). */
  readonly allocatable?: { readonly cpu: number; readonly memory: number; readonly "ephemeral-storage"?: number };
}

/** Why a container cannot be configured: kubelet's CreateContainerConfigError message. */
export class ConfigError extends Error {}

interface ConfigMapObj extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}
interface SecretObj extends KubeObject {
  data?: Record<string, string>;
}
interface ServiceObj extends KubeObject {
  spec?: { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] };
}

/** Reads shared by all containers and volumes of one pod. */
export class PodSources {
  private readonly cache = new Map<string, Promise<KubeObject | undefined>>();
  constructor(
    readonly ctx: RenderContext,
    readonly namespace: string,
  ) {}

  private get(kind: "configmap" | "secret", name: string): Promise<KubeObject | undefined> {
    const k = `${kind}/${name}`;
    let p = this.cache.get(k);
    if (!p) {
      p = this.ctx.client.get(kind === "configmap" ? CONFIGMAPS : SECRETS, this.namespace, name).catch((e: unknown) => {
        if (e instanceof ApiClientError && e.code === 404) return undefined;
        throw e;
      });
      this.cache.set(k, p);
    }
    return p;
  }

  /** A ConfigMap's entries as bytes (data and binaryData), undefined when it does not exist. */
  async configMap(name: string): Promise<Map<string, Buffer> | undefined> {
    const cm = (await this.get("configmap", name)) as ConfigMapObj | undefined;
    if (!cm) return undefined;
    const m = new Map<string, Buffer>();
    for (const [k, v] of Object.entries(cm.data ?? {})) m.set(k, Buffer.from(v));
    for (const [k, v] of Object.entries(cm.binaryData ?? {})) m.set(k, Buffer.from(v, "base64"));
    return m;
  }

  async secret(name: string): Promise<Map<string, Buffer> | undefined> {
    const s = (await this.get("secret", name)) as SecretObj | undefined;
    if (!s) return undefined;
    return new Map(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64")]));
  }

  async source(kind: "configmap" | "secret", name: string): Promise<Map<string, Buffer> | undefined> {
    return kind === "configmap" ? this.configMap(name) : this.secret(name);
  }

  /** Service variables (getServiceEnvVarMap): the master services of "default", and the namespace's when links are enabled. */
  async serviceEnv(enableServiceLinks: boolean): Promise<Map<string, string>> {
    const byName = new Map<string, ServiceObj>();
    const list = async (ns: string) => ((await this.ctx.client.list<ServiceObj>(SERVICES, ns)).items ?? []) as ServiceObj[];
    if (enableServiceLinks) for (const s of await list(this.namespace)) byName.set(s.metadata?.name ?? "", s);
    if (!byName.has("kubernetes")) {
      const master = (await list("default")).find((s) => s.metadata?.name === "kubernetes");
      if (master) byName.set("kubernetes", master);
    }
    const env = new Map<string, string>();
    for (const name of [...byName.keys()].sort()) for (const [k, v] of serviceVars(byName.get(name)!)) env.set(k, v);
    return env;
  }
}

const envName = (s: string) => s.toUpperCase().replace(/-/g, "_");

/** pkg/kubelet/envvars FromServices for one service. */
export function serviceVars(svc: ServiceObj): [string, string][] {
  const ip = svc.spec?.clusterIP;
  const ports = svc.spec?.ports ?? [];
  if (!ip || ip === "None" || !ports.length) return [];
  const prefix = envName(svc.metadata?.name ?? "");
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0]!.port)]];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  const host = ip.includes(":") ? `[${ip}]` : ip;
  ports.forEach((p, i) => {
    const proto = p.protocol || "TCP";
    const url = `${proto.toLowerCase()}://${host}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto.toLowerCase()], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

/** Kubelet's $(VAR) expansion (third_party/forked/golang/expansion): $$ escapes; unknown references stay as written. */
export function expand(s: string, vars: ReadonlyMap<string, string> | ((name: string) => string | undefined)): string {
  const lookup = typeof vars === "function" ? vars : (k: string) => vars.get(k);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== "$" || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const next = s[i + 1]!;
    if (next === "$") {
      out += "$";
      i++;
    } else if (next === "(") {
      const close = s.indexOf(")", i + 2);
      if (close < 0) {
        out += s.slice(i);
        break;
      }
      const name = s.slice(i + 2, close);
      const v = lookup(name);
      out += v ?? `$(${name})`;
      i = close;
    } else {
      out += "$" + next;
      i++;
    }
  }
  return out;
}

type EnvVarSource = {
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  configMapKeyRef?: { name?: string; key: string; optional?: boolean };
  secretKeyRef?: { name?: string; key: string; optional?: boolean };
};
type EnvFrom = { prefix?: string; configMapRef?: { name?: string; optional?: boolean }; secretRef?: { name?: string; optional?: boolean } };

/** A downward-API field of the pod (env fieldRef and downwardAPI volumes). */
export function podField(pod: Pod, path: string, ctx: RenderContext): string {
  const m = pod.metadata ?? {};
  const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (sub) return (sub[1] === "labels" ? m.labels : m.annotations)?.[sub[2]!] ?? "";
  switch (path) {
    case "metadata.name":
      return m.name ?? "";
    case "metadata.namespace":
      return m.namespace ?? "";
    case "metadata.uid":
      return m.uid ?? "";
    case "metadata.labels":
      return formatMap(m.labels);
    case "metadata.annotations":
      return formatMap(m.annotations);
    case "spec.nodeName":
      return ctx.nodeName;
    case "spec.serviceAccountName":
      return (pod.spec?.serviceAccountName as string | undefined) ?? "";
    case "status.hostIP":
    case "status.hostIPs":
      return ctx.hostIP;
    case "status.podIP":
    case "status.podIPs":
      return ctx.podIP;
    default:
      throw new ConfigError(`unsupported fieldPath: ${path}`);
  }
}

/** The downward API's map format: sorted key="value" lines (pkg/fieldpath FormatMap). */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join("\n");
}

/** resourceFieldRef as kubelet resolves it: the container's value (limits default to node allocatable), divided and rounded up. */
export function resourceField(pod: Pod, c: Container, ref: NonNullable<EnvVarSource["resourceFieldRef"]>, ctx: RenderContext): string {
  const target = ref.containerName ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === ref.containerName) ?? c : c;
  const [kind, res] = ref.resource.split(".", 2) as ["limits" | "requests", string];
  const name = res ?? "";
  const set = parseQuantity(target.resources?.[kind]?.[name]);
  const alloc = ctx.allocatable?.[name as "cpu"];
  let value = set ?? (kind === "limits" ? alloc : undefined) ?? (kind === "requests" ? (parseQuantity(target.resources?.limits?.[name]) ?? 0) : 0);
  if (kind === "limits" && set === undefined && alloc === undefined) value = 0;
  const divisor = parseQuantity(ref.divisor) || 1;
  if (name === "cpu") return String(Math.ceil(Math.round(value * 1000) / Math.max(1, Math.round(divisor * 1000))));
  return String(Math.ceil(value / divisor));
}

/** The env of container `c`, after which its command and args are expanded (ExpandContainerCommandAndArgs). */
export async function containerEnv(pod: Pod, c: Container & { envFrom?: EnvFrom[] }, src: PodSources, serviceEnv: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const env = new Map<string, string>();
  for (const from of c.envFrom ?? []) {
    const kind = from.configMapRef ? "configmap" : from.secretRef ? "secret" : undefined;
    const ref = from.configMapRef ?? from.secretRef;
    if (!kind || !ref) continue;
    const data = await src.source(kind, ref.name ?? "");
    if (!data) {
      if (ref.optional) continue;
      throw new ConfigError(`${kind} "${ref.name ?? ""}" not found`);
    }
    for (const [k, v] of data) {
      const name = (from.prefix ?? "") + k;
      // kubelet skips keys that are not valid variable names (and records an event).
      if (/^[^0-9=][^=]*$/.test(name)) env.set(name, v.toString("utf8"));
    }
  }
  const lookup = (name: string) => env.get(name) ?? serviceEnv.get(name);
  for (const e of c.env ?? []) {
    const from = e.valueFrom as EnvVarSource | undefined;
    let value = e.value ?? "";
    if (value !== "") value = expand(value, lookup);
    else if (from?.fieldRef) value = podField(pod, from.fieldRef.fieldPath, src.ctx);
    else if (from?.resourceFieldRef) value = resourceField(pod, c, from.resourceFieldRef, src.ctx);
    else if (from?.configMapKeyRef || from?.secretKeyRef) {
      const kind = from.configMapKeyRef ? "configmap" : "secret";
      const ref = (from.configMapKeyRef ?? from.secretKeyRef)!;
      const data = await src.source(kind, ref.name ?? "");
      const label = kind === "configmap" ? "ConfigMap" : "Secret";
      if (!data) {
        if (ref.optional) continue;
        throw new ConfigError(`${kind} "${ref.name ?? ""}" not found`);
      }
      const v = data.get(ref.key);
      if (v === undefined) {
        if (ref.optional) continue;
        throw new ConfigError(`couldn't find key ${ref.key} in ${label} ${pod.metadata?.namespace ?? ""}/${ref.name ?? ""}`);
      }
      value = v.toString("utf8");
    }
    env.set(e.name, value);
  }
  for (const [k, v] of serviceEnv) if (!env.has(k)) env.set(k, v);
  return env;
}
