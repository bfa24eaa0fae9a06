/**
 * A pod's volumes as files and links in each container's sandbox.
 *
 * Containers run on the host without a mount namespace, so berth's rule is: a
 * volumeMount's content appears at `<sandbox>/<mountPath without its leading "/">` (the
 * container runs with its sandbox as the working directory, so `data/x` reaches a mount
 * at /data), and the variable `BERTH_VOLUME_<VOLUME NAME>` (upper case, "-" as "_") holds
 * its absolute path. emptyDir is one directory per pod shared by its containers (under the
 * executor's run directory), hostPath a link to the host path; configMap, secret,
 * downwardAPI and projected volumes are rendered here into files (items, keys, modes) and
 * written by the agent before the container starts.
 */
import type { TaskRuntime } from "../mesos/v1.js";
import { ConfigError, podField, resourceField, type PodSources } from "./pod-env.js";
import type { Container, Pod } from "./types.js";

export type RenderedMounts = Pick<TaskRuntime, "files" | "mounts">;

interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}
interface DownwardItem {
  path: string;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  mode?: number;
}
interface Volume {
  name: string;
  emptyDir?: unknown;
  hostPath?: { path: string };
  configMap?: { name?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  secret?: { secretName?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  downwardAPI?: { items?: DownwardItem[]; defaultMode?: number };
  projected?: {
    defaultMode?: number;
    sources?: { configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean }; secret?: { name?: string; items?: KeyToPath[]; optional?: boolean }; downwardAPI?: { items?: DownwardItem[] }; serviceAccountToken?: unknown }[];
  };
  [other: string]: unknown;
}
interface VolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
}

type File = { path: string; content: Buffer; mode: number };

export const volumeEnvName = (volume: string) => `BERTH_VOLUME_${volume.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;

/** The sandbox-relative path of an absolute container path. */
export const sandboxPath = (p: string) => p.replace(/^\/+/, "").replace(/\/+$/, "") || ".";

/** Files of a key-based source (configMap/secret): all keys, or the items (a missing item key is an error unless optional). */
function keyFiles(what: string, data: Map<string, Buffer>, items: KeyToPath[] | undefined, mode: number, optional: boolean | undefined): File[] {
  if (!items?.length) return [...data].map(([k, v]) => ({ path: k, content: v, mode }));
  const out: File[] = [];
  for (const it of items) {
    const v = data.get(it.key);
    if (v === undefined) {
      if (optional) continue;
      throw new ConfigError(`configmap references non-existent config key: ${it.key}`.replace("configmap", what));
    }
    out.push({ path: it.path, content: v, mode: it.mode ?? mode });
  }
  return out;
}

async function sourceFiles(kind: "configmap" | "secret", name: string, items: KeyToPath[] | undefined, mode: number, optional: boolean | undefined, src: PodSources): Promise<File[]> {
  const data = await src.source(kind, name);
  if (!data) {
    if (optional) return [];
    throw new ConfigError(`${kind} "${name}" not found`);
  }
  return keyFiles(kind, data, items, mode, optional);
}

function downwardFiles(pod: Pod, c: Container, items: DownwardItem[] | undefined, mode: number, src: PodSources): File[] {
  return (items ?? []).map((it) => {
    const v = it.fieldRef ? podField(pod, it.fieldRef.fieldPath, src.ctx) : it.resourceFieldRef ? resourceField(pod, c, it.resourceFieldRef, src.ctx) : "";
    return { path: it.path, content: Buffer.from(v), mode: it.mode ?? mode };
  });
}

/** A volume's files (relative to the volume's root), or undefined for a directory volume. */
async function volumeFiles(pod: Pod, c: Container, v: Volume, src: PodSources): Promise<File[] | undefined> {
  if (v.configMap) return sourceFiles("configmap", v.configMap.name ?? "", v.configMap.items, v.configMap.defaultMode ?? 0o644, v.configMap.optional, src);
  if (v.secret) return sourceFiles("secret", v.secret.secretName ?? "", v.secret.items, v.secret.defaultMode ?? 0o644, v.secret.optional, src);
  if (v.downwardAPI) return downwardFiles(pod, c, v.downwardAPI.items, v.downwardAPI.defaultMode ?? 0o644, src);
  if (v.projected) {
    const mode = v.projected.defaultMode ?? 0o644;
    const out: File[] = [];
    for (const s of v.projected.sources ?? []) {
      if (s.configMap) out.push(...(await sourceFiles("configmap", s.configMap.name ?? "", s.configMap.items, mode, s.configMap.optional, src)));
      else if (s.secret) out.push(...(await sourceFiles("secret", s.secret.name ?? "", s.secret.items, mode, s.secret.optional, src)));
      else if (s.downwardAPI) out.push(...downwardFiles(pod, c, s.downwardAPI.items, mode, src));
      // serviceAccountToken and clusterTrustBundle sources: no token issuer in berth yet; left out.
    }
    return out;
  }
  return undefined;
}

/** The files and mounts of container `c` (kubelet would report a failing volume as FailedMount). */
export async function containerVolumes(pod: Pod, c: Container & { volumeMounts?: VolumeMount[] }, src: PodSources): Promise<RenderedMounts> {
  const volumes = new Map(((pod.spec?.volumes as Volume[] | undefined) ?? []).map((v) => [v.name, v]));
  const files: { path: string; content: string; mode: number }[] = [];
  const mounts: { path: string; shared?: string; host_path?: string; env?: string }[] = [];
  for (const vm of c.volumeMounts ?? []) {
    const v = volumes.get(vm.name);
    if (!v) throw new ConfigError(`volume "${vm.name}" not found in the pod`);
    const at = sandboxPath(vm.mountPath);
    const sub = vm.subPath ? sandboxPath(vm.subPath) : "";
    const env = volumeEnvName(vm.name);
    if (v.emptyDir !== undefined || (v.hostPath === undefined && volumeKind(v) === "emptyDir")) {
      mounts.push({ path: at, shared: sub ? `${v.name}/${sub}` : v.name, env });
      continue;
    }
    if (v.hostPath) {
      mounts.push({ path: at, host_path: sub ? `${v.hostPath.path.replace(/\/+$/, "")}/${sub}` : v.hostPath.path, env });
      continue;
    }
    let rendered: File[] | undefined;
    try {
      rendered = await volumeFiles(pod, c, v, src);
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError(`MountVolume.SetUp failed for volume "${v.name}" : ${e.message}`);
      throw e;
    }
    if (!rendered) throw new ConfigError(`volume "${v.name}": berth supports emptyDir, hostPath, configMap, secret, downwardAPI and projected volumes, not ${volumeKind(v)}`);
    if (!sub) mounts.push({ path: at, env });
    for (const f of rendered) {
      let rel: string;
      if (!sub) rel = `${at}/${f.path}`;
      else if (f.path === sub) rel = at;
      else if (f.path.startsWith(`${sub}/`)) rel = `${at}/${f.path.slice(sub.length + 1)}`;
      else continue;
      files.push({ path: rel, content: f.content.toString("base64"), mode: f.mode });
    }
  }
  return { ...(files.length ? { files } : {}), ...(mounts.length ? { mounts } : {}) };
}

function volumeKind(v: Volume): string {
  return Object.keys(v).find((k) => k !== "name") ?? "emptyDir";
}
