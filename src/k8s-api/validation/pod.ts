/**
 * Pod, PodSpec and PodTemplateSpec validation, following
 * pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers,
 * ValidateVolumes, ValidatePodUpdate...) with its field paths and messages.
 */
import type { StatusCause } from "../errors.js";
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./names.js";
import {
  asArray,
  objs,
  strs,
  asRecord,
  configMapKeyErrors,
  envVarNameErrors,
  fe,
  inclusiveRangeError,
  nameIsDNSSubdomain,
  portNameErrors,
  portNumErrors,
  semanticEqual,
  str,
  validateAnnotations,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateIP,
  validateLabelName,
  validateLabels,
  validateLabelSelector,
  validateNamespaceName,
  validatePortNumOrName,
  validateQualifiedName,
  nonNegative,
  type Causes,
} from "./common.js";
import { compareQuantity, isWhole, parseQuantity, ZERO } from "./quantity.js";

type Obj = Record<string, unknown>;

/** Where a PodSpec sits (upstream PodValidationOptions, the part berth needs). */
export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): hostPort must equal containerPort with hostNetwork. */
  readonly resourceIsPod?: boolean;
}

const MAX_INT32 = 2147483647;
const FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";

// ---- volumes ---------------------------------------------------------------------------

/** Volume sources in the order validateVolumeSource checks them, with the path each reports. */
const VOLUME_SOURCES: readonly { key: string; child?: string; forbiddenAs?: string }[] = [
  { key: "emptyDir" },
  { key: "hostPath" },
  { key: "gitRepo" },
  { key: "gcePersistentDisk", child: "persistentDisk" },
  { key: "awsElasticBlockStore" },
  { key: "secret" },
  { key: "nfs" },
  { key: "iscsi" },
  { key: "glusterfs" },
  { key: "flocker" },
  { key: "persistentVolumeClaim" },
  { key: "rbd" },
  { key: "cinder" },
  { key: "cephfs", child: "cephfs", forbiddenAs: "cephFS" },
  { key: "quobyte" },
  // Upstream reports this one as "downwarAPI" (sic).
  { key: "downwardAPI", forbiddenAs: "downwarAPI" },
  { key: "fc" },
  { key: "flexVolume" },
  { key: "configMap" },
  { key: "azureFile" },
  { key: "vsphereVolume" },
  { key: "photonPersistentDisk" },
  { key: "portworxVolume" },
  { key: "azureDisk" },
  { key: "storageos" },
  { key: "projected" },
  { key: "scaleIO" },
  { key: "csi" },
  { key: "ephemeral" },
  { key: "image" },
];

const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

/** ValidateVolumes: names unique DNS labels, exactly one source each. Returns the valid volumes by name. */
export function validateVolumes(volumes: unknown, field: string, podName?: string): { volumes: Map<string, Obj>; causes: Causes } {
  const causes: Causes = [];
  const byName = new Map<string, Obj>();
  objs(volumes).forEach((vol, i) => {
    const p = `${field}[${i}]`;
    const name = str(vol.name);
    const el = validateVolumeSource(vol, p, name, podName);
    if (!name) el.push(fe.required(`${p}.name`));
    else el.push(...validateDNS1123Label(name, `${p}.name`));
    if (byName.has(name)) el.push(fe.duplicate(`${p}.name`, name));
    if (el.length === 0) byName.set(name, vol);
    else causes.push(...el);
  });
  return { volumes: byName, causes };
}

function validateVolumeSource(vol: Obj, p: string, _name: string, _podName?: string): Causes {
  const causes: Causes = [];
  let count = 0;
  for (const src of VOLUME_SOURCES) {
    const v = vol[src.key];
    if (v === undefined || v === null) continue;
    if (count > 0) {
      causes.push(fe.forbidden(`${p}.${src.forbiddenAs ?? src.key}`, "may not specify more than 1 volume type"));
      continue;
    }
    count++;
    causes.push(...validateOneSource(src.key, asRecord(v) ?? {}, `${p}.${src.child ?? src.key}`));
  }
  if (count === 0) causes.push(fe.required(p, "must specify a volume type"));
  return causes;
}

function validateOneSource(kind: string, s: Obj, p: string): Causes {
  const causes: Causes = [];
  switch (kind) {
    case "emptyDir": {
      const q = parseQuantity(s.sizeLimit);
      if (q && compareQuantity(q, ZERO) < 0) causes.push(fe.forbidden(`${p}.sizeLimit`, "SizeLimit field must be a valid resource quantity"));
      break;
    }
    case "hostPath": {
      const path = str(s.path);
      if (!path) return [fe.required(`${p}.path`)];
      causes.push(...pathNoBacksteps(path, `${p}.path`));
      if (s.type !== undefined && s.type !== null && !HOST_PATH_TYPES.includes(str(s.type))) causes.push(fe.notSupported(`${p}.type`, s.type, HOST_PATH_TYPES));
      break;
    }
    case "secret":
      if (!str(s.secretName)) causes.push(fe.required(`${p}.secretName`));
      causes.push(...fileMode(s.defaultMode, `${p}.defaultMode`));
      objs(s.items).forEach((kp, i) => causes.push(...keyToPath(kp, `${p}.items[${i}]`)));
      break;
    case "configMap":
      if (!str(s.name)) causes.push(fe.required(`${p}.name`));
      causes.push(...fileMode(s.defaultMode, `${p}.defaultMode`));
      objs(s.items).forEach((kp, i) => causes.push(...keyToPath(kp, `${p}.items[${i}]`)));
      break;
    case "persistentVolumeClaim":
      if (!str(s.claimName)) causes.push(fe.required(`${p}.claimName`));
      break;
    case "nfs":
      if (!str(s.server)) causes.push(fe.required(`${p}.server`));
      if (!str(s.path)) causes.push(fe.required(`${p}.path`));
      if (!str(s.path).startsWith("/")) causes.push(fe.invalid(`${p}.path`, str(s.path), "must be an absolute path"));
      break;
    case "downwardAPI":
      causes.push(...fileMode(s.defaultMode, `${p}.defaultMode`));
      for (const file of objs(s.items)) causes.push(...downwardAPIFile(file, p));
      break;
    case "projected": {
      causes.push(...fileMode(s.defaultMode, `${p}.defaultMode`));
      const seen = new Set<string>();
      objs(s.sources).forEach((src, i) => {
        const sp = `${p}.sources[${i}]`;
        let n = 0;
        for (const k of ["secret", "configMap"] as const) {
          const ref = asRecord(src[k]);
          if (!ref) continue;
          n++;
          if (!str(ref.name)) causes.push(fe.required(`${sp}.${k}.name`));
          objs(ref.items).forEach((kp, j) => {
            causes.push(...keyToPath(kp, `${sp}.${k}.items[${j}]`));
            const path = str(kp.path);
            if (path) {
              if (seen.has(path)) causes.push(fe.invalid(p, str(ref.name), "conflicting duplicate paths"));
              seen.add(path);
            }
          });
        }
        const dapi = asRecord(src.downwardAPI);
        if (dapi) {
          n++;
          for (const file of objs(dapi.items)) {
            causes.push(...downwardAPIFile(file, `${sp}.downwardAPI`));
            const path = str(file.path);
            if (path) {
              if (seen.has(path)) causes.push(fe.invalid(p, path, "conflicting duplicate paths"));
              seen.add(path);
            }
          }
        }
        const sat = asRecord(src.serviceAccountToken);
        if (sat) {
          n++;
          const exp = typeof sat.expirationSeconds === "number" ? sat.expirationSeconds : 3600;
          if (exp < 600) causes.push(fe.invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, "may not specify a duration less than 10 minutes"));
          if (exp > 2 ** 32) causes.push(fe.invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, "may not specify a duration larger than 2^32 seconds"));
          if (!str(sat.path)) causes.push(fe.required(`${p}.path`));
          else causes.push(...localNonReservedPath(str(sat.path), `${p}.path`));
        }
        if (src.clusterTrustBundle !== undefined && src.clusterTrustBundle !== null) n++;
        if (n > 1) causes.push(fe.forbidden(sp, "may not specify more than 1 volume type per source"));
      });
      break;
    }
    case "csi":
      if (!str(s.driver)) causes.push(fe.required(`${p}.driver`));
      break;
    case "ephemeral":
      if (!asRecord(s.volumeClaimTemplate)) causes.push(fe.required(`${p}.volumeClaimTemplate`));
      break;
    case "gitRepo":
      if (!str(s.repository)) causes.push(fe.required(`${p}.repository`));
      break;
    case "image":
      causes.push(...pullPolicy(s.pullPolicy, `${p}.pullPolicy`));
      break;
    default:
      break;
  }
  return causes;
}

function fileMode(mode: unknown, field: string): Causes {
  return typeof mode === "number" && (mode > 0o777 || mode < 0) ? [fe.invalid(field, mode, FILE_MODE_ERROR)] : [];
}

function keyToPath(kp: Obj, p: string): Causes {
  const causes: Causes = [];
  if (!str(kp.key)) causes.push(fe.required(`${p}.key`));
  if (!str(kp.path)) causes.push(fe.required(`${p}.path`));
  causes.push(...localNonReservedPath(str(kp.path), `${p}.path`));
  causes.push(...fileMode(kp.mode, `${p}.mode`));
  return causes;
}

const VOLUME_DOWNWARD_FIELDS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];
const ENV_DOWNWARD_FIELDS = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];
const CONTAINER_RESOURCE_FIELDS = ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

function downwardAPIFile(file: Obj, p: string): Causes {
  const causes: Causes = [];
  if (!str(file.path)) causes.push(fe.required(`${p}.path`));
  causes.push(...localNonReservedPath(str(file.path), `${p}.path`));
  const fieldRef = asRecord(file.fieldRef);
  const resRef = asRecord(file.resourceFieldRef);
  if (fieldRef) {
    causes.push(...objectFieldSelector(fieldRef, VOLUME_DOWNWARD_FIELDS, `${p}.fieldRef`));
    if (resRef) causes.push(fe.invalid(p, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
  } else if (resRef) {
    causes.push(...resourceFieldSelector(resRef, `${p}.resourceFieldRef`, true));
  } else causes.push(fe.required(p, "one of fieldRef and resourceFieldRef is required"));
  causes.push(...fileMode(file.mode, `${p}.mode`));
  return causes;
}

function objectFieldSelector(fs: Obj, expressions: readonly string[], p: string): Causes {
  if (!str(fs.apiVersion)) return [fe.required(`${p}.apiVersion`)];
  const fieldPath = str(fs.fieldPath);
  if (!fieldPath) return [fe.required(`${p}.fieldPath`)];
  const sub = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/.exec(fieldPath);
  if (sub) {
    const key = sub[2]!;
    return validateQualifiedName(sub[1] === "metadata.annotations" ? key.toLowerCase() : key, p);
  }
  if (fieldPath.includes("[")) return [fe.invalid(p, fieldPath.slice(0, fieldPath.indexOf("[")), "does not support subscript")];
  if (!expressions.includes(fieldPath)) return [fe.notSupported(`${p}.fieldPath`, fieldPath, expressions)];
  return [];
}

function resourceFieldSelector(fs: Obj, p: string, volume: boolean): Causes {
  const resource = str(fs.resource);
  if (volume && !str(fs.containerName)) return [fe.required(`${p}.containerName`)];
  if (!resource) return [fe.required(`${p}.resource`)];
  if (!CONTAINER_RESOURCE_FIELDS.includes(resource) && !resource.startsWith("requests.hugepages-") && !resource.startsWith("limits.hugepages-"))
    return [fe.notSupported(`${p}.resource`, resource, CONTAINER_RESOURCE_FIELDS)];
  return [];
}

function pathNoBacksteps(path: string, field: string): Causes {
  return path.split("/").includes("..") ? [fe.invalid(field, path, "must not contain '..'")] : [];
}

function localDescendingPath(path: string, field: string): Causes {
  const causes: Causes = [];
  if (path.startsWith("/")) causes.push(fe.invalid(field, path, "must be a relative path"));
  causes.push(...pathNoBacksteps(path, field));
  return causes;
}

/** ValidateLocalNonReservedPath. */
function localNonReservedPath(path: string, field: string): Causes {
  const causes = localDescendingPath(path, field);
  if (path.startsWith("..") && !path.startsWith("../")) causes.push(fe.invalid(field, path, "must not start with '..'"));
  return causes;
}

// ---- containers ------------------------------------------------------------------------

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const TERMINATION_MESSAGE_POLICIES = ["File", "FallbackToLogsOnError"];

function pullPolicy(policy: unknown, field: string): Causes {
  const v = str(policy);
  if (v === "") return [fe.required(field)];
  return PULL_POLICIES.includes(v) ? [] : [fe.notSupported(field, policy, PULL_POLICIES)];
}

function validateContainerPorts(ports: unknown, field: string): Causes {
  const causes: Causes = [];
  const names = new Set<string>();
  objs(ports).forEach((port, i) => {
    const p = `${field}[${i}]`;
    const name = str(port.name);
    if (name) {
      const msgs = portNameErrors(name);
      if (msgs.length) for (const m of msgs) causes.push(fe.invalid(`${p}.name`, name, m));
      else if (names.has(name)) causes.push(fe.duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const cp = typeof port.containerPort === "number" ? port.containerPort : 0;
    if (cp === 0) causes.push(fe.required(`${p}.containerPort`));
    else for (const m of portNumErrors(cp)) causes.push(fe.invalid(`${p}.containerPort`, cp, m));
    const hp = typeof port.hostPort === "number" ? port.hostPort : 0;
    if (hp !== 0) for (const m of portNumErrors(hp)) causes.push(fe.invalid(`${p}.hostPort`, hp, m));
    const proto = str(port.protocol);
    if (!proto) causes.push(fe.required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(proto)) causes.push(fe.notSupported(`${p}.protocol`, proto, PROTOCOLS));
  });
  return causes;
}

function validateEnv(env: unknown, field: string): Causes {
  const causes: Causes = [];
  objs(env).forEach((ev, i) => {
    const p = `${field}[${i}]`;
    const name = str(ev.name);
    if (!name) causes.push(fe.required(`${p}.name`));
    else for (const m of envVarNameErrors(name)) causes.push(fe.invalid(`${p}.name`, name, m));
    const from = asRecord(ev.valueFrom);
    if (!from) return;
    const vp = `${p}.valueFrom`;
    let n = 0;
    const fieldRef = asRecord(from.fieldRef);
    if (fieldRef) {
      n++;
      causes.push(...objectFieldSelector(fieldRef, ENV_DOWNWARD_FIELDS, `${vp}.fieldRef`));
    }
    const resRef = asRecord(from.resourceFieldRef);
    if (resRef) {
      n++;
      causes.push(...resourceFieldSelector(resRef, `${vp}.resourceFieldRef`, false));
    }
    for (const k of ["configMapKeyRef", "secretKeyRef"] as const) {
      const sel = asRecord(from[k]);
      if (!sel) continue;
      n++;
      const selName = str(sel.name);
      for (const m of nameIsDNSSubdomain(selName, false)) causes.push(fe.invalid(`${vp}.${k}.name`, selName, m));
      const key = str(sel.key);
      if (!key) causes.push(fe.required(`${vp}.${k}.key`));
      else for (const m of configMapKeyErrors(key)) causes.push(fe.invalid(`${vp}.${k}.key`, key, m));
    }
    if (n === 0) causes.push(fe.invalid(vp, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
    else if (str(ev.value)) causes.push(fe.invalid(vp, "", "may not be specified when `value` is not empty"));
    else if (n > 1) causes.push(fe.invalid(vp, "", "may not have more than one field specified at a time"));
  });
  return causes;
}

function validateEnvFrom(envFrom: unknown, field: string): Causes {
  const causes: Causes = [];
  objs(envFrom).forEach((ev, i) => {
    const p = `${field}[${i}]`;
    const prefix = str(ev.prefix);
    if (prefix) for (const m of envVarNameErrors(prefix)) causes.push(fe.invalid(`${p}.prefix`, prefix, m));
    let n = 0;
    for (const k of ["configMapRef", "secretRef"] as const) {
      const ref = asRecord(ev[k]);
      if (!ref) continue;
      n++;
      const name = str(ref.name);
      if (!name) causes.push(fe.required(`${p}.${k}.name`));
      else for (const m of nameIsDNSSubdomain(name, true)) causes.push(fe.invalid(`${p}.${k}.name`, name, m));
    }
    if (n === 0) causes.push(fe.invalid(field, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (n > 1) causes.push(fe.invalid(field, "", "may not have more than one field specified at a time"));
  });
  return causes;
}

function validateVolumeMounts(mounts: unknown, devices: unknown, volumes: Map<string, Obj>, container: Obj, field: string): Causes {
  const causes: Causes = [];
  const mountPaths = new Set<string>();
  const deviceNames = new Set(objs(devices).map((d) => str(d.name)));
  const devicePaths = new Set(objs(devices).map((d) => str(d.devicePath)));
  objs(mounts).forEach((mnt, i) => {
    const p = `${field}[${i}]`;
    const name = str(mnt.name);
    const mountPath = str(mnt.mountPath);
    if (!name) causes.push(fe.required(`${p}.name`));
    if (!volumes.has(name)) causes.push(fe.notFound(`${p}.name`, name));
    if (!mountPath) causes.push(fe.required(`${p}.mountPath`));
    if (mountPaths.has(mountPath)) causes.push(fe.invalid(`${p}.mountPath`, mountPath, "must be unique"));
    mountPaths.add(mountPath);
    if (deviceNames.has(name)) causes.push(fe.invalid(`${p}.name`, name, "must not already exist in volumeDevices"));
    if (devicePaths.has(mountPath)) causes.push(fe.invalid(`${p}.mountPath`, mountPath, "must not already exist as a path in volumeDevices"));
    const subPath = str(mnt.subPath);
    const subPathExpr = str(mnt.subPathExpr);
    if (subPath) causes.push(...localDescendingPath(subPath, `${field}.subPath`));
    if (subPathExpr) {
      if (subPath) causes.push(fe.invalid(`${p}.subPathExpr`, subPathExpr, "subPathExpr and subPath are mutually exclusive"));
      causes.push(...localDescendingPath(subPathExpr, `${field}.subPathExpr`));
    }
    if (mnt.mountPropagation !== undefined && mnt.mountPropagation !== null) {
      const mp = str(mnt.mountPropagation);
      const supported = ["Bidirectional", "HostToContainer", "None"];
      if (!supported.includes(mp)) causes.push(fe.notSupported(`${field}.mountPropagation`, mp, supported));
      const privileged = asRecord(container.securityContext)?.privileged === true;
      if (mp === "Bidirectional" && !privileged) causes.push(fe.forbidden(`${field}.mountPropagation`, "Bidirectional mount propagation is available only to privileged containers"));
    }
    const rro = mnt.recursiveReadOnly;
    if (rro !== undefined && rro !== null) {
      const rp = `${field}.recursiveReadOnly`;
      if (rro === "Enabled" || rro === "IfPossible") {
        if (mnt.readOnly !== true) causes.push(fe.forbidden(rp, "may only be specified when readOnly is true"));
        if (mnt.mountPropagation && mnt.mountPropagation !== "None") causes.push(fe.forbidden(rp, "may only be specified when mountPropagation is None or not specified"));
      } else if (rro !== "Disabled") causes.push(fe.notSupported(rp, rro, ["Disabled", "Enabled", "IfPossible"]));
    }
  });
  return causes;
}

const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const STANDARD_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "quota",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "storage",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);

const isHugePages = (name: string) => name.startsWith("hugepages-");
const isNative = (name: string) => !name.includes("/") || name.includes("kubernetes.io/");
/** Overcommit is allowed for native resources that are not hugepages. */
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);

function containerResourceNameErrors(name: string, field: string): Causes {
  const causes: Causes = isQualifiedName(name).map((m) => fe.invalid(field, name, m));
  if (causes.length) return causes;
  if (!name.includes("/")) {
    if (!STANDARD_RESOURCES.has(name) && !isHugePages(name) && !name.startsWith("requests.hugepages-"))
      causes.push(fe.invalid(field, name, "must be a standard resource type or fully qualified"));
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) causes.push(fe.invalid(field, name, "must be a standard resource for containers"));
  } else if (!isNative(name) && (name.startsWith("requests.") || isQualifiedName(`requests.${name}`).length > 0)) {
    causes.push(fe.invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return causes;
}

/** validateResourceRequirements for a container. */
export function validateResourceRequirements(resources: unknown, field: string): Causes {
  const causes: Causes = [];
  const r = asRecord(resources) ?? {};
  const limits = asRecord(r.limits) ?? {};
  const requests = asRecord(r.requests) ?? {};
  const limPath = `${field}.limits`;
  const reqPath = `${field}.requests`;
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  const quantityChecks = (name: string, raw: unknown, p: string) => {
    const q = parseQuantity(raw);
    if (!q) return;
    if (compareQuantity(q, ZERO) < 0) causes.push(fe.invalid(p, String(raw), IS_NEGATIVE_MSG));
    if (!isNative(name) && !isWhole(q)) causes.push(fe.invalid(p, String(raw), "must be an integer"));
  };
  for (const [name, raw] of Object.entries(limits)) {
    const p = `${limPath}[${name}]`;
    causes.push(...containerResourceNameErrors(name, p));
    quantityChecks(name, raw, p);
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") limCpuMem = true;
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = `${reqPath}[${name}]`;
    causes.push(...containerResourceNameErrors(name, p));
    quantityChecks(name, raw, p);
    const q = parseQuantity(raw);
    const limRaw = limits[name];
    const lim = parseQuantity(limRaw);
    if (q && lim) {
      const cmp = compareQuantity(q, lim);
      if (cmp !== 0 && !overcommitAllowed(name)) causes.push(fe.invalid(reqPath, String(raw), `must be equal to ${name} limit of ${String(limRaw)}`));
      else if (cmp > 0) causes.push(fe.invalid(reqPath, String(raw), `must be less than or equal to ${name} limit of ${String(limRaw)}`));
    } else if (limRaw === undefined && !overcommitAllowed(name)) {
      causes.push(fe.required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) causes.push(fe.forbidden(field, "HugePages require cpu or memory"));
  return causes;
}

const IS_NEGATIVE_MSG = "must be greater than or equal to 0";

function validateSecurityContext(sc: unknown, field: string): Causes {
  const s = asRecord(sc);
  if (!s) return [];
  const causes: Causes = [];
  for (const k of ["runAsUser", "runAsGroup"] as const) {
    const v = s[k];
    if (typeof v === "number" && (v < 0 || v > 0xffffffff)) causes.push(fe.invalid(`${field}.${k}`, v, inclusiveRangeError(0, 4294967295)));
  }
  if (s.procMount !== undefined && s.procMount !== null && s.procMount !== "Default" && s.procMount !== "Unmasked")
    causes.push(fe.notSupported(`${field}.procMount`, s.procMount, ["Default", "Unmasked"]));
  causes.push(...seccompProfile(s.seccompProfile, `${field}.seccompProfile`));
  if (s.allowPrivilegeEscalation === false && s.privileged === true)
    causes.push(fe.invalid(field, s, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
  return causes;
}

function seccompProfile(sp: unknown, field: string): Causes {
  const s = asRecord(sp);
  if (!s) return [];
  const type = str(s.type);
  const supported = ["Localhost", "RuntimeDefault", "Unconfined"];
  const causes: Causes = [];
  if (!type) causes.push(fe.required(`${field}.type`, "type is required when seccompProfile is set"));
  else if (!supported.includes(type)) causes.push(fe.notSupported(`${field}.type`, type, supported));
  if (type === "Localhost") {
    if (typeof s.localhostProfile !== "string") causes.push(fe.required(`${field}.localhostProfile`, "must be set when seccomp type is Localhost"));
    else causes.push(...localDescendingPath(s.localhostProfile, `${field}.localhostProfile`));
  } else if (s.localhostProfile !== undefined && s.localhostProfile !== null) {
    causes.push(fe.invalid(`${field}.localhostProfile`, s, "can only be set when seccomp type is Localhost"));
  }
  return causes;
}

function validateHandler(h: Obj, gracePeriod: number | undefined, field: string, kinds: readonly string[]): Causes {
  const causes: Causes = [];
  let n = 0;
  for (const k of kinds) {
    const v = asRecord(h[k]);
    if (!v) continue;
    if (n > 0) {
      causes.push(fe.forbidden(`${field}.${k}`, "may not specify more than 1 handler type"));
      continue;
    }
    n++;
    const p = `${field}.${k}`;
    switch (k) {
      case "exec":
        if (asArray(v.command).length === 0) causes.push(fe.required(`${p}.command`));
        break;
      case "httpGet": {
        if (!str(v.path)) causes.push(fe.required(`${p}.path`));
        causes.push(...validatePortNumOrName(v.port, `${p}.port`));
        const scheme = str(v.scheme);
        if (scheme !== "HTTP" && scheme !== "HTTPS") causes.push(fe.notSupported(`${p}.scheme`, scheme, ["HTTP", "HTTPS"]));
        for (const hdr of objs(v.httpHeaders))
          if (!/^[-A-Za-z0-9]+$/.test(str(hdr.name)))
            causes.push(fe.invalid(`${p}.httpHeaders`, str(hdr.name), "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"));
        break;
      }
      case "tcpSocket":
        causes.push(...validatePortNumOrName(v.port, `${p}.port`));
        break;
      case "grpc":
        causes.push(...validatePortNumOrName(typeof v.port === "number" ? v.port : 0, `${p}.port`));
        break;
      case "sleep": {
        const secs = typeof v.seconds === "number" ? v.seconds : 0;
        if (gracePeriod !== undefined && (secs < 0 || secs > gracePeriod))
          causes.push(fe.invalid(p, secs, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
        break;
      }
    }
  }
  if (n === 0) causes.push(fe.required(field, "must specify a handler type"));
  return causes;
}

const PROBE_HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"];
const LIFECYCLE_HANDLERS = ["exec", "httpGet", "tcpSocket", "sleep"];

function validateProbe(probe: unknown, gracePeriod: number | undefined, field: string, kind: "liveness" | "readiness" | "startup"): Causes {
  const p = asRecord(probe);
  if (!p) return [];
  const causes: Causes = [...validateHandler(p, gracePeriod, field, PROBE_HANDLERS)];
  for (const k of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const)
    causes.push(...nonNegative(p[k] as number | undefined, `${field}.${k}`));
  const tgps = p.terminationGracePeriodSeconds;
  if (typeof tgps === "number" && tgps <= 0) causes.push(fe.invalid(`${field}.terminationGracePeriodSeconds`, tgps, "must be greater than 0"));
  if (kind !== "readiness" && typeof p.successThreshold === "number" && p.successThreshold !== 1)
    causes.push(fe.invalid(`${field}.successThreshold`, p.successThreshold, "must be 1"));
  if (kind === "readiness" && tgps !== undefined && tgps !== null)
    causes.push(fe.invalid(`${field}.terminationGracePeriodSeconds`, tgps, "must not be set for readinessProbes"));
  return causes;
}

function validateLifecycle(lc: unknown, gracePeriod: number | undefined, field: string): Causes {
  const l = asRecord(lc);
  if (!l) return [];
  const causes: Causes = [];
  for (const k of ["postStart", "preStop"] as const) {
    const h = asRecord(l[k]);
    if (h) causes.push(...validateHandler(h, gracePeriod, `${field}.${k}`, LIFECYCLE_HANDLERS));
  }
  return causes;
}

function validateContainerCommon(c: Obj, volumes: Map<string, Obj>, p: string, restartPolicy: string): Causes {
  const causes: Causes = [];
  const name = str(c.name);
  if (!name) causes.push(fe.required(`${p}.name`));
  else causes.push(...validateDNS1123Label(name, `${p}.name`));
  if (!str(c.image)) causes.push(fe.required(`${p}.image`));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) causes.push(fe.required(`${p}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) causes.push(fe.notSupported(`${p}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));
  causes.push(...validateContainerPorts(c.ports, `${p}.ports`));
  causes.push(...validateEnv(c.env, `${p}.env`));
  causes.push(...validateEnvFrom(c.envFrom, `${p}.envFrom`));
  causes.push(...validateVolumeMounts(c.volumeMounts, c.volumeDevices, volumes, c, `${p}.volumeMounts`));
  causes.push(...pullPolicy(c.imagePullPolicy, `${p}.imagePullPolicy`));
  causes.push(...validateResourceRequirements(c.resources, `${p}.resources`));
  causes.push(...validateResizePolicy(c.resizePolicy, `${p}.resizePolicy`, restartPolicy));
  causes.push(...validateSecurityContext(c.securityContext, `${p}.securityContext`));
  return causes;
}

function validateResizePolicy(policies: unknown, field: string, restartPolicy: string): Causes {
  const causes: Causes = [];
  const seen = new Set<string>();
  objs(policies).forEach((pol, i) => {
    const rn = str(pol.resourceName);
    if (seen.has(rn)) causes.push(fe.duplicate(`${field}[${i}]`, rn));
    seen.add(rn);
    if (rn === "") causes.push(fe.required(field));
    else if (rn !== "cpu" && rn !== "memory") causes.push(fe.notSupported(field, rn, ["cpu", "memory"]));
    const rp = str(pol.restartPolicy);
    if (rp === "") causes.push(fe.required(field));
    else if (rp !== "NotRequired" && rp !== "RestartContainer") causes.push(fe.notSupported(field, rp, ["NotRequired", "RestartContainer"]));
    if (restartPolicy === "Never" && rp !== "NotRequired") causes.push(fe.invalid(field, rp, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return causes;
}

function hostPortConflicts(containers: Obj[], field: string): Causes {
  const causes: Causes = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    objs(c.ports).forEach((port, pi) => {
      const hp = typeof port.hostPort === "number" ? port.hostPort : 0;
      if (hp === 0) return;
      const key = `${str(port.protocol)}/${str(port.hostIP)}/${hp}`;
      if (seen.has(key)) causes.push(fe.duplicate(`${field}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return causes;
}

function validateContainers(containers: Obj[], volumes: Map<string, Obj>, gracePeriod: number | undefined, field: string, restartPolicy: string): Causes {
  if (containers.length === 0) return [fe.required(field)];
  const causes: Causes = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${field}[${i}]`;
    causes.push(...validateContainerCommon(c, volumes, p, restartPolicy));
    const name = str(c.name);
    if (names.has(name)) causes.push(fe.duplicate(`${p}.name`, name));
    else names.add(name);
    causes.push(...validateLifecycle(c.lifecycle, gracePeriod, `${p}.lifecycle`));
    causes.push(...validateProbe(c.livenessProbe, gracePeriod, `${p}.livenessProbe`, "liveness"));
    causes.push(...validateProbe(c.readinessProbe, gracePeriod, `${p}.readinessProbe`, "readiness"));
    causes.push(...validateProbe(c.startupProbe, gracePeriod, `${p}.startupProbe`, "startup"));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) causes.push(fe.forbidden(`${p}.restartPolicy`, "may not be set for non-init containers"));
  });
  causes.push(...hostPortConflicts(containers, field));
  return causes;
}

function validateInitContainers(inits: Obj[], regular: Obj[], volumes: Map<string, Obj>, gracePeriod: number | undefined, field: string, restartPolicy: string): Causes {
  const causes: Causes = [];
  const names = new Set(regular.map((c) => str(c.name)));
  inits.forEach((c, i) => {
    const p = `${field}[${i}]`;
    causes.push(...validateContainerCommon(c, volumes, p, restartPolicy));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy !== "Always") causes.push(fe.notSupported(`${p}.restartPolicy`, c.restartPolicy, ["Always"]));
      restartAlways = c.restartPolicy === "Always";
    }
    const name = str(c.name);
    if (names.has(name)) causes.push(fe.duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    causes.push(...hostPortConflicts([c], field));
    if (restartAlways) {
      causes.push(...validateLifecycle(c.lifecycle, gracePeriod, `${p}.lifecycle`));
      causes.push(...validateProbe(c.livenessProbe, gracePeriod, `${p}.livenessProbe`, "liveness"));
      causes.push(...validateProbe(c.readinessProbe, gracePeriod, `${p}.readinessProbe`, "readiness"));
      causes.push(...validateProbe(c.startupProbe, gracePeriod, `${p}.startupProbe`, "startup"));
    } else {
      for (const k of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const)
        if (c[k] !== undefined && c[k] !== null) causes.push(fe.forbidden(`${p}.${k}`, "may not be set for init containers without restartPolicy=Always"));
    }
  });
  return causes;
}

// ---- scheduling --------------------------------------------------------------------------

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, field: string): Causes {
  const causes: Causes = [];
  objs(tolerations).forEach((t, i) => {
    const p = `${field}[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (key) causes.push(...validateLabelName(key, `${p}.key`));
    if (!key && op !== "Exists") causes.push(fe.invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== "NoExecute")
      causes.push(fe.invalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    switch (op) {
      case "Equal":
      case "": {
        const errs = isValidLabelValue(str(t.value));
        if (errs.length) causes.push(fe.invalid(`${p}.operator`, str(t.value), errs.join(";")));
        break;
      }
      case "Exists":
        if (str(t.value)) causes.push(fe.invalid(`${p}.operator`, str(t.value), "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        causes.push(fe.notSupported(`${p}.operator`, op, ["Equal", "Exists"]));
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) causes.push(fe.notSupported(`${p}.effect`, effect, TAINT_EFFECTS));
  });
  return causes;
}

function nodeSelectorRequirement(rq: Obj, p: string, allowInvalidValues: boolean): Causes {
  const causes: Causes = [];
  const values = strs(rq.values);
  switch (str(rq.operator)) {
    case "In":
    case "NotIn":
      if (values.length === 0) causes.push(fe.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) causes.push(fe.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (values.length !== 1) causes.push(fe.required(`${p}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      causes.push(fe.invalid(`${p}.operator`, str(rq.operator), "not a valid selector operator"));
  }
  causes.push(...validateLabelName(str(rq.key), `${p}.key`));
  if (!allowInvalidValues) values.forEach((v, i) => isValidLabelValue(v).forEach((m) => causes.push(fe.invalid(`${p}.values[${i}]`, v, m))));
  return causes;
}

function nodeSelectorTerm(term: Obj, p: string, allowInvalidValues: boolean): Causes {
  const causes: Causes = [];
  objs(term.matchExpressions).forEach((rq, j) => causes.push(...nodeSelectorRequirement(rq, `${p}.matchExpressions[${j}]`, allowInvalidValues)));
  objs(term.matchFields).forEach((rq, j) => {
    const fp = `${p}.matchFields[${j}]`;
    const op = str(rq.operator);
    if (op === "In" || op === "NotIn") {
      if (asArray(rq.values).length !== 1) causes.push(fe.required(`${fp}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    } else causes.push(fe.invalid(`${fp}.operator`, op, "not a valid selector operator"));
    if (str(rq.key) !== "metadata.name") causes.push(fe.invalid(`${fp}.key`, str(rq.key), "not a valid field selector key"));
    else strs(rq.values).forEach((v, k) => nameIsDNSSubdomain(v, false).forEach((m) => causes.push(fe.invalid(`${fp}.values[${k}]`, v, m))));
  });
  return causes;
}

function podAffinityTerm(term: Obj, p: string): Causes {
  const causes: Causes = [...validateLabelSelector(term.labelSelector, `${p}.labelSelector`), ...validateLabelSelector(term.namespaceSelector, `${p}.namespaceSelector`)];
  for (const ns of strs(term.namespaces)) for (const m of validateNamespaceName(ns, false)) causes.push(fe.invalid(`${p}.namespace`, ns, m));
  const topologyKey = str(term.topologyKey);
  if (!topologyKey) causes.push(fe.required(`${p}.topologyKey`, "can not be empty"));
  causes.push(...validateLabelName(topologyKey, `${p}.topologyKey`));
  return causes;
}

function validateAffinity(affinity: unknown, field: string): Causes {
  const a = asRecord(affinity);
  if (!a) return [];
  const causes: Causes = [];
  const na = asRecord(a.nodeAffinity);
  if (na) {
    const np = `${field}.nodeAffinity`;
    const req = asRecord(na.requiredDuringSchedulingIgnoredDuringExecution);
    if (req) {
      const tp = `${np}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
      const terms = objs(req.nodeSelectorTerms);
      if (terms.length === 0) causes.push(fe.required(tp, "must have at least one node selector term"));
      terms.forEach((t, i) => causes.push(...nodeSelectorTerm(t, `${tp}[${i}]`, false)));
    }
    objs(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const pp = `${np}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const w = typeof t.weight === "number" ? t.weight : 0;
      if (w <= 0 || w > 100) causes.push(fe.invalid(`${pp}.weight`, w, "must be in the range 1-100"));
      causes.push(...nodeSelectorTerm(asRecord(t.preference) ?? {}, `${pp}.preference`, true));
    });
  }
  for (const kind of ["podAffinity", "podAntiAffinity"] as const) {
    const pa = asRecord(a[kind]);
    if (!pa) continue;
    const pp = `${field}.${kind}`;
    objs(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => causes.push(...podAffinityTerm(t, `${pp}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)));
    objs(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const wp = `${pp}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const w = typeof t.weight === "number" ? t.weight : 0;
      if (w <= 0 || w > 100) causes.push(fe.invalid(`${wp}.weight`, w, "must be in the range 1-100"));
      causes.push(...podAffinityTerm(asRecord(t.podAffinityTerm) ?? {}, `${wp}.podAffinityTerm`));
    });
  }
  return causes;
}

function validateTopologySpread(constraints: unknown, field: string): Causes {
  const causes: Causes = [];
  const list = objs(constraints);
  list.forEach((c, i) => {
    const p = `${field}[${i}]`;
    const maxSkew = typeof c.maxSkew === "number" ? c.maxSkew : 0;
    if (maxSkew <= 0) causes.push(fe.invalid(`${p}.maxSkew`, maxSkew, "must be greater than zero"));
    if (!str(c.topologyKey)) causes.push(fe.required(`${p}.topologyKey`, "can not be empty"));
    const wu = str(c.whenUnsatisfiable);
    if (wu !== "DoNotSchedule" && wu !== "ScheduleAnyway") causes.push(fe.notSupported(`${p}.whenUnsatisfiable`, wu, ["DoNotSchedule", "ScheduleAnyway"]));
    for (const rest of list.slice(i + 1))
      if (str(rest.topologyKey) === str(c.topologyKey) && str(rest.whenUnsatisfiable) === wu) {
        causes.push(fe.duplicate(`${p}.{topologyKey, whenUnsatisfiable}`, `{${str(c.topologyKey)}, ${wu}}`));
        break;
      }
    if (c.minDomains !== undefined && c.minDomains !== null) {
      const md = c.minDomains as number;
      if (md <= 0) causes.push(fe.invalid(`${p}.minDomains`, md, "must be greater than zero"));
      if (wu !== "DoNotSchedule") causes.push(fe.invalid(`${p}.minDomains`, md, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${wu}`));
    }
    for (const k of ["nodeAffinityPolicy", "nodeTaintsPolicy"] as const)
      if (c[k] !== undefined && c[k] !== null && c[k] !== "Honor" && c[k] !== "Ignore") causes.push(fe.notSupported(`${p}.${k}`, c[k], ["Honor", "Ignore"]));
    causes.push(...validateLabelSelector(c.labelSelector, `${p}.labelSelector`));
  });
  return causes;
}

function validateDNSConfig(cfg: unknown, dnsPolicy: string, field: string): Causes {
  const c = asRecord(cfg);
  if (dnsPolicy === "None") {
    if (!c) return [fe.required(field, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (asArray(c.nameservers).length === 0) return [fe.required(`${field}.nameservers`, "must provide at least one DNS nameserver when `dnsPolicy` is None")];
  }
  if (!c) return [];
  const causes: Causes = [];
  const ns = strs(c.nameservers);
  if (ns.length > 3) causes.push(fe.invalid(`${field}.nameservers`, ns, "must not have more than 3 nameservers"));
  ns.forEach((ip, i) => causes.push(...validateIP(`${field}.nameservers[${i}]`, ip)));
  const searches = strs(c.searches);
  if (searches.length > 32) causes.push(fe.invalid(`${field}.searches`, searches, "must not have more than 32 search paths"));
  if (searches.join(" ").length > 2048) causes.push(fe.invalid(`${field}.searches`, searches, "must not have more than 2048 characters (including spaces) in the search list"));
  searches.forEach((s, i) => {
    if (s === ".") return;
    const trimmed = s.replace(/\.$/, "");
    const re = /^_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*$/;
    if (trimmed.length > 253) causes.push(fe.invalid(`${field}.searches[${i}]`, trimmed, "must be no more than 253 characters"));
    if (!re.test(trimmed))
      causes.push(
        fe.invalid(
          `${field}.searches[${i}]`,
          trimmed,
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')",
        ),
      );
  });
  objs(c.options).forEach((o, i) => {
    if (!str(o.name)) causes.push(fe.required(`${field}.options[${i}]`, "must not be empty"));
  });
  return causes;
}

function validatePodSecurityContext(sc: unknown, field: string): Causes {
  const s = asRecord(sc);
  if (!s) return [];
  const causes: Causes = [];
  for (const k of ["fsGroup", "runAsUser", "runAsGroup"] as const) {
    const v = s[k];
    if (typeof v === "number" && (v < 0 || v > 0xffffffff)) causes.push(fe.invalid(`${field}.${k}`, v, inclusiveRangeError(0, 4294967295)));
  }
  asArray<number>(s.supplementalGroups).forEach((g, i) => {
    if (typeof g === "number" && (g < 0 || g > 0xffffffff)) causes.push(fe.invalid(`${field}.supplementalGroups[${i}]`, g, inclusiveRangeError(0, 4294967295)));
  });
  if (s.fsGroupChangePolicy !== undefined && s.fsGroupChangePolicy !== null && s.fsGroupChangePolicy !== "OnRootMismatch" && s.fsGroupChangePolicy !== "Always")
    causes.push(fe.notSupported(`${field}.fsGroupChangePolicy`, s.fsGroupChangePolicy, ["Always", "OnRootMismatch"]));
  causes.push(...seccompProfile(s.seccompProfile, `${field}.seccompProfile`));
  const sysctls = objs(s.sysctls);
  const seen = new Set<string>();
  sysctls.forEach((sy, i) => {
    const name = str(sy.name);
    const sp = `${field}.sysctls[${i}].name`;
    if (!name) causes.push(fe.required(sp));
    else if (name.length > 253 || !/^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/.test(name))
      causes.push(fe.invalid(sp, name, "must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"));
    else if (seen.has(name)) causes.push(fe.duplicate(sp, name));
    seen.add(name);
  });
  return causes;
}

// ---- pod spec ------------------------------------------------------------------------------

/** ValidatePodSpec. */
export function validatePodSpec(spec: unknown, field: string, opts: PodSpecOptions = {}, podName?: string): Causes {
  const s = asRecord(spec) ?? {};
  const causes: Causes = [];
  const grace = typeof s.terminationGracePeriodSeconds === "number" ? s.terminationGracePeriodSeconds : undefined;
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) causes.push(fe.required(`${field}.terminationGracePeriodSeconds`));
  const restartPolicy = str(s.restartPolicy);
  const vols = validateVolumes(s.volumes, `${field}.volumes`, podName);
  causes.push(...vols.causes);
  const containers = objs(s.containers);
  const inits = objs(s.initContainers);
  causes.push(...validateContainers(containers, vols.volumes, grace, `${field}.containers`, restartPolicy));
  causes.push(...validateInitContainers(inits, containers, vols.volumes, grace, `${field}.initContainers`, restartPolicy));
  causes.push(...validateEphemeralContainers(s.ephemeralContainers, containers, inits, vols.volumes, `${field}.ephemeralContainers`, restartPolicy));

  // validatePodHostNetworkDeps
  if (s.hostNetwork === true)
    containers.forEach((c, i) =>
      objs(c.ports).forEach((port, j) => {
        const hp = typeof port.hostPort === "number" ? port.hostPort : 0;
        const cp = typeof port.containerPort === "number" ? port.containerPort : 0;
        if ((opts.resourceIsPod || hp !== 0) && hp !== cp)
          causes.push(fe.invalid(`${field}.containers[${i}].ports[${j}].hostPort`, hp, "must match `containerPort` when `hostNetwork` is true"));
      }),
    );

  const restartPolicies = ["Always", "OnFailure", "Never"];
  if (restartPolicy === "") causes.push(fe.required(`${field}.restartPolicy`));
  else if (!restartPolicies.includes(restartPolicy)) causes.push(fe.notSupported(`${field}.restartPolicy`, restartPolicy, restartPolicies));
  const dnsPolicy = str(s.dnsPolicy);
  const dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
  if (dnsPolicy === "") causes.push(fe.required(`${field}.dnsPolicy`));
  else if (!dnsPolicies.includes(dnsPolicy)) causes.push(fe.notSupported(`${field}.dnsPolicy`, dnsPolicy, dnsPolicies));
  causes.push(...validateLabels(s.nodeSelector, `${field}.nodeSelector`));
  causes.push(...validatePodSecurityContext(s.securityContext, `${field}.securityContext`));
  objs(s.imagePullSecrets).forEach((ref, i) => {
    if (Object.keys(ref).some((k) => k !== "name")) causes.push(fe.invalid(`${field}.imagePullSecrets[${i}]`, ref, "only name may be set"));
  });
  causes.push(...validateAffinity(s.affinity, `${field}.affinity`));
  causes.push(...validateDNSConfig(s.dnsConfig, dnsPolicy, `${field}.dnsConfig`));
  objs(s.readinessGates).forEach((g, i) => causes.push(...validateQualifiedName(str(g.conditionType), `${field}.readinessGates[${i}].conditionType`)));
  const gates = new Set<string>();
  objs(s.schedulingGates).forEach((g, i) => {
    const name = str(g.name);
    causes.push(...validateQualifiedName(name, `${field}.schedulingGates[${i}]`));
    if (gates.has(name)) causes.push(fe.duplicate(`${field}.schedulingGates[${i}]`, name));
    gates.add(name);
  });
  causes.push(...validateTopologySpread(s.topologySpreadConstraints, `${field}.topologySpreadConstraints`));
  const sa = str(s.serviceAccountName);
  if (sa) for (const m of nameIsDNSSubdomain(sa, false)) causes.push(fe.invalid(`${field}.serviceAccountName`, sa, m));
  const nodeName = str(s.nodeName);
  if (nodeName) for (const m of isDNS1123Subdomain(nodeName)) causes.push(fe.invalid(`${field}.nodeName`, nodeName, m));
  if (typeof s.activeDeadlineSeconds === "number" && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32))
    causes.push(fe.invalid(`${field}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  if (str(s.hostname)) causes.push(...validateDNS1123Label(str(s.hostname), `${field}.hostname`));
  if (str(s.subdomain)) causes.push(...validateDNS1123Label(str(s.subdomain), `${field}.subdomain`));
  causes.push(...validateTolerations(s.tolerations, `${field}.tolerations`));
  objs(s.hostAliases).forEach((ha, i) => {
    causes.push(...validateIP(`${field}.hostAliases[${i}].ip`, str(ha.ip)));
    strs(ha.hostnames).forEach((h, j) => causes.push(...validateDNS1123Subdomain(h, `${field}.hostAliases[${i}].hostnames[${j}]`)));
  });
  const pcn = str(s.priorityClassName);
  if (pcn) for (const m of isDNS1123Subdomain(pcn)) causes.push(fe.invalid(`${field}.priorityClassName`, pcn, m));
  if (typeof s.runtimeClassName === "string") causes.push(...validateDNS1123Subdomain(s.runtimeClassName, `${field}.runtimeClassName`));
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    const pp = str(s.preemptionPolicy);
    if (pp === "") causes.push(fe.required(`${field}.preemptionPolicy`));
    else if (pp !== "PreemptLowerPriority" && pp !== "Never") causes.push(fe.notSupported(`${field}.preemptionPolicy`, pp, ["PreemptLowerPriority", "Never"]));
  }
  const os = asRecord(s.os);
  if (os) {
    const name = str(os.name);
    if (!name) causes.push(fe.required(`${field}.os.name`, "cannot be empty"));
    else if (name !== "linux" && name !== "windows") causes.push(fe.notSupported(`${field}.os`, name, ["linux", "windows"]));
  }
  return causes;
}

const EPHEMERAL_ALLOWED = new Set([
  "name",
  "image",
  "command",
  "args",
  "workingDir",
  "envFrom",
  "env",
  "volumeMounts",
  "volumeDevices",
  "terminationMessagePath",
  "terminationMessagePolicy",
  "imagePullPolicy",
  "securityContext",
  "stdin",
  "stdinOnce",
  "tty",
  "targetContainerName",
]);

function validateEphemeralContainers(ecs: unknown, containers: Obj[], inits: Obj[], volumes: Map<string, Obj>, field: string, restartPolicy: string): Causes {
  const list = objs(ecs);
  if (list.length === 0) return [];
  const causes: Causes = [];
  const others = new Set([...containers, ...inits].map((c) => str(c.name)));
  const all = new Set(others);
  list.forEach((ec, i) => {
    const p = `${field}[${i}]`;
    causes.push(...validateContainerCommon(ec, volumes, p, restartPolicy));
    const image = str(ec.image);
    if (image.length !== image.trim().length) causes.push(fe.invalid(`${p}.image`, image, "must not have leading or trailing whitespace"));
    const name = str(ec.name);
    if (all.has(name)) causes.push(fe.duplicate(`${p}.name`, name));
    else all.add(name);
    const target = str(ec.targetContainerName);
    if (target && !others.has(target)) causes.push(fe.notFound(`${p}.targetContainerName`, target));
    for (const [k, v] of Object.entries(ec))
      if (!EPHEMERAL_ALLOWED.has(k) && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
        causes.push(fe.forbidden(`${p}.${k}`, "cannot be set for an Ephemeral Container"));
    objs(ec.volumeMounts).forEach((vm, j) => {
      if (str(vm.subPath)) causes.push(fe.forbidden(`${p}.volumeMounts[${j}].subPath`, "cannot be set for an Ephemeral Container"));
      if (str(vm.subPathExpr)) causes.push(fe.forbidden(`${p}.volumeMounts[${j}].subPathExpr`, "cannot be set for an Ephemeral Container"));
    });
  });
  return causes;
}

/** ValidatePodSpecificAnnotations (mirror pods, deletion cost). */
export function validatePodSpecificAnnotations(annotations: unknown, spec: unknown, field: string): Causes {
  const a = asRecord(annotations);
  if (!a) return [];
  const causes: Causes = [];
  const mirror = a["kubernetes.io/config.mirror"];
  if (mirror !== undefined && !str(asRecord(spec)?.nodeName)) causes.push(fe.invalid(`${field}[kubernetes.io/config.mirror]`, mirror, "must set spec.nodeName if mirror pod annotation is set"));
  const cost = a["controller.kubernetes.io/pod-deletion-cost"];
  if (cost !== undefined) {
    const n = Number(cost);
    if (typeof cost !== "string" || !/^[+-]?\d+$/.test(cost.trim()) || n < -MAX_INT32 - 1 || n > MAX_INT32)
      causes.push(fe.invalid(`${field}[controller.kubernetes.io/pod-deletion-cost]`, cost, "must be a 32bit integer"));
  }
  return causes;
}

/** ValidatePodTemplateSpec (templates in workloads). */
export function validatePodTemplateSpec(template: unknown, field: string): Causes {
  const t = asRecord(template) ?? {};
  const meta = asRecord(t.metadata) ?? {};
  const causes: Causes = [];
  causes.push(...validateLabels(meta.labels, `${field}.labels`));
  causes.push(...validateAnnotations(meta.annotations, `${field}.annotations`));
  causes.push(...validatePodSpecificAnnotations(meta.annotations, t.spec, `${field}.annotations`));
  causes.push(...validatePodSpec(t.spec, `${field}.spec`));
  if (asArray(asRecord(t.spec)?.ephemeralContainers).length > 0) causes.push(fe.forbidden(`${field}.spec.ephemeralContainers`, "ephemeral containers not allowed in pod template"));
  return causes;
}

/** validatePodMetadataAndSpec minus ObjectMeta (the store validates that): a Pod's spec and pod-only rules. */
export function validatePod(pod: Obj): Causes {
  const meta = asRecord(pod.metadata) ?? {};
  const spec = asRecord(pod.spec) ?? {};
  const causes: Causes = [];
  causes.push(...validatePodSpecificAnnotations(meta.annotations, spec, "metadata.annotations"));
  causes.push(...validatePodSpec(spec, "spec", { resourceIsPod: true }, str(meta.name)));
  if (!str(spec.serviceAccountName))
    objs(spec.volumes).forEach((vol, vi) => {
      objs(asRecord(vol.projected)?.sources).forEach((src, si) => {
        if (asRecord(src.serviceAccountToken))
          causes.push(fe.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, "must not be specified when serviceAccountName is not set"));
      });
    });
  for (const kind of ["containers", "initContainers"] as const)
    objs(spec[kind]).forEach((c, i) => {
      const image = str(c.image);
      if (image.length !== image.trim().length) causes.push(fe.invalid(`spec.${kind}[${i}].image`, image, "must not have leading or trailing whitespace"));
    });
  return causes;
}

/** The rules ValidatePodCreate adds to validatePodMetadataAndSpec. */
export function validatePodCreateOnly(pod: Obj): Causes {
  const spec = asRecord(pod.spec) ?? {};
  const causes: Causes = [];
  if (asArray(spec.ephemeralContainers).length > 0) causes.push(fe.forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (str(spec.nodeName) && asArray(spec.schedulingGates).length > 0) causes.push(fe.forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  return causes;
}

const UPDATABLE_POD_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

function hasScheduledCondition(pod: Obj): boolean {
  return objs(asRecord(pod.status)?.conditions).some((c) => c.type === "PodScheduled" && c.status === "True");
}

/**
 * ValidatePodUpdate's spec rules: only images, activeDeadlineSeconds (decreasing),
 * added tolerations and removed scheduling gates may change. A write that assigns
 * spec.nodeName together with a new PodScheduled=True condition is the pods/binding
 * subresource (which upstream stores without this validation) and is let through.
 */
export function validatePodUpdate(pod: Obj, old: Obj): Causes {
  const spec = asRecord(pod.spec) ?? {};
  const oldSpec = asRecord(old.spec) ?? {};
  const causes: Causes = validateMirrorAnnotationUpdate(pod, old);

  for (const kind of ["containers", "initContainers"] as const) {
    const cur = objs(spec[kind]);
    const prev = objs(oldSpec[kind]);
    if (cur.length !== prev.length) {
      causes.push(fe.forbidden(`spec.${kind}`, "pod updates may not add or remove containers"));
      return causes;
    }
    cur.forEach((c, i) => {
      const image = str(c.image);
      if (!image) causes.push(fe.required(`spec.${kind}[${i}].image`));
      if (image.trim().length !== image.length) causes.push(fe.invalid(`spec.${kind}[${i}].image`, image, "must not have leading or trailing whitespace"));
    });
  }
  const ads = spec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof ads === "number") {
    if (ads < 0 || ads > MAX_INT32) return [...causes, fe.invalid("spec.activeDeadlineSeconds", ads, inclusiveRangeError(0, MAX_INT32))];
    if (typeof oldAds === "number" && oldAds < ads) return [...causes, fe.invalid("spec.activeDeadlineSeconds", ads, "must be less than or equal to previous value")];
  } else if (typeof oldAds === "number") {
    causes.push(fe.invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }
  // Only additions to tolerations (tolerationSeconds may change).
  const newTols = objs(spec.tolerations);
  for (const t of objs(oldSpec.tolerations)) {
    const found = newTols.some((n) => semanticEqual({ ...t, tolerationSeconds: undefined }, { ...n, tolerationSeconds: undefined }));
    if (!found) {
      causes.push(fe.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
      break;
    }
  }
  if (!causes.some((c) => c.field === "spec.tolerations")) causes.push(...validateTolerations(spec.tolerations, "spec.tolerations"));
  // Only deletions of scheduling gates.
  const oldGates = new Set(objs(oldSpec.schedulingGates).map((g) => str(g.name)));
  objs(spec.schedulingGates).forEach((g, i) => {
    const name = str(g.name);
    if (!oldGates.has(name)) causes.push(fe.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${name}'`));
  });

  // semanticEqual of two specs is that of each of their fields: each field is compared once
  // here, and the munged spec below only where it differs from this one.
  const changed = changedFields(spec, oldSpec);
  if (changed.size === 0) return causes;
  // Only read below, and every change replaces a top-level field (or a container, copied): a shallow copy is enough.
  const munged: Obj = { ...spec };
  for (const kind of ["containers", "initContainers"] as const) {
    const prev = objs(oldSpec[kind]);
    munged[kind] = objs(munged[kind]).map((c, i) => ({ ...c, image: prev[i]?.image }));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === "number" && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  // pods/binding: assigning a node once, with the PodScheduled condition it writes.
  if (!str(oldSpec.nodeName) && str(spec.nodeName) && hasScheduledCondition(pod) && !hasScheduledCondition(old)) munged.nodeName = oldSpec.nodeName;
  if (oldSpec.schedulingGates && asArray(oldSpec.schedulingGates).length > 0) {
    // Gated pods may add node selectors and node affinity.
    munged.nodeSelector = oldSpec.nodeSelector;
    const aff = asRecord(munged.affinity);
    if (aff) munged.affinity = { ...aff, nodeAffinity: asRecord(oldSpec.affinity)?.nodeAffinity };
  }
  if (mungedChanged(munged, spec, oldSpec, changed))
    causes.push(fe.forbidden("spec", `pod updates may not change fields other than ${UPDATABLE_POD_FIELDS.join(",")}\n${specDiff(oldSpec, munged)}`));
  return causes;
}

/** The top-level fields of two specs that are not semanticEqual. */
function changedFields(spec: Obj, oldSpec: Obj): Set<string> {
  const changed = new Set<string>();
  for (const k of Object.keys(spec)) if (!semanticEqual(spec[k], oldSpec[k])) changed.add(k);
  for (const k of Object.keys(oldSpec)) if (!Object.hasOwn(spec, k) && !semanticEqual(undefined, oldSpec[k])) changed.add(k);
  return changed;
}

/** Unset, or a list of objects only (objs() keeps every item, at its index). */
function objectsOnly(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.every((x) => asRecord(x) !== undefined));
}

/**
 * !semanticEqual(munged, oldSpec), knowing which fields of spec (which munged is, but for
 * the fields it sets) changed. A field munged kept from spec is unchanged unless spec's
 * was; containers of an unchanged list of objects, with the stored images put back, are
 * unchanged too; the rest munged set is compared.
 */
function mungedChanged(munged: Obj, spec: Obj, oldSpec: Obj, changed: ReadonlySet<string>): boolean {
  for (const k of new Set([...Object.keys(munged), ...Object.keys(oldSpec)])) {
    if (munged[k] === spec[k]) {
      if (changed.has(k)) return true;
      continue;
    }
    if ((k === "containers" || k === "initContainers") && !changed.has(k) && objectsOnly(spec[k]) && objectsOnly(oldSpec[k])) continue;
    if (!semanticEqual(munged[k], oldSpec[k])) return true;
  }
  return false;
}

/** ValidatePodSpecificAnnotationUpdates' mirror pod rule: the annotation may be neither added, changed nor removed. */
function validateMirrorAnnotationUpdate(pod: Obj, old: Obj): Causes {
  const causes: Causes = [];
  const ann = asRecord(asRecord(pod.metadata)?.annotations) ?? {};
  const oldAnn = asRecord(asRecord(old.metadata)?.annotations) ?? {};
  const mirror = "kubernetes.io/config.mirror";
  if (mirror in oldAnn && ann[mirror] !== oldAnn[mirror]) causes.push(fe.forbidden(`metadata.annotations[${mirror}]`, "may not remove or update mirror pod annotation"));
  if (mirror in ann && !(mirror in oldAnn)) causes.push(fe.forbidden(`metadata.annotations[${mirror}]`, "may not add mirror pod annotation"));
  return causes;
}

/**
 * What a pods/status write is validated by besides ValidatePodStatusUpdate's status rules
 * (validatePodStatusUpdate) and metadata: ValidatePodSpecificAnnotationUpdates. Upstream's
 * pod status strategy does not validate the spec (the write keeps the stored one); these are
 * the causes validatePod and validatePodUpdate report for a write whose spec is the stored
 * one, in their order.
 */
export function validatePodStatusResource(pod: Obj, old: Obj): Causes {
  return [...validatePodSpecificAnnotations(asRecord(pod.metadata)?.annotations, pod.spec, "metadata.annotations"), ...validateMirrorAnnotationUpdate(pod, old)];
}

/**
 * What a pods/binding write (spec.nodeName set once, the PodScheduled condition) is
 * validated by: what validatePod and validatePodUpdate report for it, in their order, without
 * validating the rest of the stored spec again (upstream's binding validates no pod at all).
 */
export function validatePodBindingResource(pod: Obj, old: Obj): Causes {
  const spec = asRecord(pod.spec) ?? {};
  const causes = validatePodSpecificAnnotations(asRecord(pod.metadata)?.annotations, spec, "metadata.annotations");
  const nodeName = str(spec.nodeName);
  if (nodeName) for (const m of isDNS1123Subdomain(nodeName)) causes.push(fe.invalid("spec.nodeName", nodeName, m));
  causes.push(...validatePodUpdate(pod, old));
  return causes;
}

/** A short cmp.Diff-like rendering of the top-level PodSpec fields that differ. */
function specDiff(oldSpec: Obj, newSpec: Obj): string {
  const lines = ["  core.PodSpec{"];
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].sort();
  for (const k of keys) {
    if (semanticEqual(oldSpec[k], newSpec[k])) continue;
    const field = k.charAt(0).toUpperCase() + k.slice(1);
    if (oldSpec[k] !== undefined) lines.push(`- \t${field}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${field}: ${JSON.stringify(newSpec[k])},`);
  }
  lines.push("  }");
  return lines.join("\n");
}

/** ValidatePodStatusUpdate's checks that apply to berth's writers. */
export function validatePodStatusUpdate(pod: Obj, old: Obj): Causes {
  const causes: Causes = [];
  const status = asRecord(pod.status) ?? {};
  const oldStatus = asRecord(old.status) ?? {};
  objs(status.conditions).forEach((c, i) => {
    const type = str(c.type);
    if (type === "PodScheduled" || type === "Ready" || type === "Initialized") return;
    causes.push(...validateQualifiedName(type, `metadata.conditions[${i}].Type`));
  });
  if (str(asRecord(pod.spec)?.nodeName) !== str(asRecord(old.spec)?.nodeName)) causes.push(fe.forbidden("status.nodeName", "may not be changed directly"));
  const nominated = str(status.nominatedNodeName);
  if (nominated && nominated !== str(oldStatus.nominatedNodeName))
    for (const m of isDNS1123Subdomain(nominated)) causes.push(fe.invalid("status.nominatedNodeName", nominated, m));
  if (str(status.qosClass) !== str(oldStatus.qosClass)) causes.push(fe.invalid("status.qosClass", str(status.qosClass), "field is immutable"));
  objs(status.podIPs).forEach((ip, i) => causes.push(...validateIP(`status.podIPs[${i}]`, str(ip.ip))));
  const hostIPs = objs(status.hostIPs);
  if (hostIPs.length > 0 && str(status.hostIP) !== str(hostIPs[0]!.ip)) causes.push(fe.invalid("status.hostIPs[0].ip", str(hostIPs[0]!.ip), "must be equal to `hostIP`"));
  hostIPs.forEach((ip, i) => causes.push(...validateIP(`status.hostIPs[${i}]`, str(ip.ip))));
  return causes;
}

