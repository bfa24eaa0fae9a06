/**
 * core/v1 defaulting shared by every resource that embeds a PodSpec, as
 * pkg/apis/core/v1/defaults.go and zz_generated.defaults.go apply it: SetDefaults_PodSpec,
 * SetDefaults_Container, probes, volumes, ports; SetDefaults_Pod only for Pods. Also the
 * v1 conversion rule that mirrors spec.serviceAccountName into the deprecated
 * spec.serviceAccount.
 */
import { child, def, defStr, list, rec, unset, type Obj } from "./helpers.js";

/** v1.DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** v1.DefaultSchedulerName. */
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";
/** Volume file modes default to 0644. */
const DEFAULT_MODE = 0o644;

/** The tag parsers.ParseImageName finds ("latest" when neither tag nor digest is given; "" when unparsable). */
export function imageTag(image: string): string {
  if (!image || image !== image.trim()) return "";
  const at = image.indexOf("@");
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : "";
  const lastSlash = named.lastIndexOf("/");
  const colon = named.lastIndexOf(":");
  let repo = named;
  let tag = "";
  if (colon > lastSlash) {
    repo = named.slice(0, colon);
    tag = named.slice(colon + 1);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return "";
  }
  // Path components must be lower case; a first component with '.', ':' or "localhost" is a registry host.
  const parts = repo.split("/");
  const first = parts[0] ?? "";
  const path = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost") ? parts.slice(1) : parts;
  if (!path.every((p) => /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return "";
  if (digest && !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/.test(digest)) return "";
  if (!tag && !digest) return "latest";
  return tag;
}

function defaultHTTPGet(h: unknown): void {
  const g = rec(h);
  if (!g) return;
  defStr(g, "path", "/");
  defStr(g, "scheme", "HTTP");
}

function defaultProbe(p: unknown): void {
  const probe = rec(p);
  if (!probe) return;
  for (const [k, v] of [
    ["timeoutSeconds", 1],
    ["periodSeconds", 10],
    ["successThreshold", 1],
    ["failureThreshold", 3],
  ] as const)
    if (unset(probe[k]) || probe[k] === 0) probe[k] = v;
  defaultHTTPGet(probe.httpGet);
  const grpc = rec(probe.grpc);
  if (grpc) def(grpc, "service", "");
}

function defaultFieldRef(fr: unknown): void {
  const f = rec(fr);
  if (f) defStr(f, "apiVersion", "v1");
}

/** SetDefaults_Container plus the generated defaults for its ports, env, probes and hooks. */
export function defaultContainer(c: Obj): void {
  if (unset(c.imagePullPolicy) || c.imagePullPolicy === "") c.imagePullPolicy = imageTag(typeof c.image === "string" ? c.image : "") === "latest" ? "Always" : "IfNotPresent";
  defStr(c, "terminationMessagePath", "/dev/termination-log");
  defStr(c, "terminationMessagePolicy", "File");
  for (const port of list(c.ports)) defStr(port, "protocol", "TCP");
  for (const ev of list(c.env)) defaultFieldRef(rec(ev.valueFrom)?.fieldRef);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lc = rec(c.lifecycle);
  if (lc) {
    defaultHTTPGet(rec(lc.postStart)?.httpGet);
    defaultHTTPGet(rec(lc.preStop)?.httpGet);
  }
}

const VOLUME_SOURCE_KEYS = [
  "hostPath",
  "emptyDir",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "persistentVolumeClaim",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "downwardAPI",
  "fc",
  "azureFile",
  "configMap",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "projected",
  "portworxVolume",
  "scaleIO",
  "storageos",
  "csi",
  "ephemeral",
  "image",
];

/** SetDefaults_Volume and the source defaults (file modes, hostPath type, token expiry). */
export function defaultVolume(vol: Obj): void {
  if (!VOLUME_SOURCE_KEYS.some((k) => !unset(vol[k]))) vol.emptyDir = {};
  const hostPath = rec(vol.hostPath);
  if (hostPath) def(hostPath, "type", "");
  for (const k of ["secret", "configMap", "downwardAPI", "projected"] as const) {
    const src = rec(vol[k]);
    if (src) def(src, "defaultMode", DEFAULT_MODE);
  }
  for (const item of list(rec(vol.downwardAPI)?.items)) defaultFieldRef(item.fieldRef);
  for (const src of list(rec(vol.projected)?.sources)) {
    for (const item of list(rec(src.downwardAPI)?.items)) defaultFieldRef(item.fieldRef);
    const sat = rec(src.serviceAccountToken);
    if (sat) def(sat, "expirationSeconds", 3600);
  }
  const tmplSpec = rec(rec(rec(vol.ephemeral)?.volumeClaimTemplate)?.spec);
  if (tmplSpec) def(tmplSpec, "volumeMode", "Filesystem");
}

/** SetDefaults_PodSpec and everything nested in it (for pods and pod templates alike). */
export function defaultPodSpec(spec: Obj): void {
  defStr(spec, "dnsPolicy", "ClusterFirst");
  defStr(spec, "restartPolicy", "Always");
  def(spec, "securityContext", {});
  def(spec, "terminationGracePeriodSeconds", DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
  defStr(spec, "schedulerName", DEFAULT_SCHEDULER_NAME);
  for (const vol of list(spec.volumes)) defaultVolume(vol);
  for (const c of [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)]) defaultContainer(c);
  // v1 conversion: serviceAccount is the deprecated alias of serviceAccountName.
  if ((unset(spec.serviceAccountName) || spec.serviceAccountName === "") && typeof spec.serviceAccount === "string" && spec.serviceAccount !== "")
    spec.serviceAccountName = spec.serviceAccount;
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName !== "") spec.serviceAccount = spec.serviceAccountName;
}

/** SetDefaults_Pod: requests from limits, enableServiceLinks, host ports under hostNetwork. */
export function defaultPodOnly(spec: Obj): void {
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const res = rec(c.resources);
    const limits = rec(res?.limits);
    if (!res || !limits) continue;
    const requests = child(res, "requests");
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
  }
  def(spec, "enableServiceLinks", true);
  if (spec.hostNetwork === true)
    for (const c of [...list(spec.containers), ...list(spec.initContainers)])
      for (const port of list(c.ports)) if (unset(port.hostPort) || port.hostPort === 0) port.hostPort = port.containerPort;
}

/** Defaults for a PodTemplateSpec embedded in a workload. */
export function defaultPodTemplate(template: unknown): void {
  const t = rec(template);
  if (!t) return;
  defaultPodSpec(child(t, "spec"));
}

/** SetDefaults_PersistentVolumeClaim(Spec) for StatefulSet claim templates. */
export function defaultClaimTemplate(claim: Obj): void {
  const spec = rec(claim.spec);
  if (spec) def(spec, "volumeMode", "Filesystem");
  const status = child(claim, "status");
  defStr(status, "phase", "Pending");
}
