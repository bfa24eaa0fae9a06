/**
 * core/v1 validation other than pods (pod.ts): Services, ConfigMaps, Secrets, Namespaces,
 * Nodes, Endpoints, Events, ReplicationControllers and PodTemplates, as
 * pkg/apis/core/validation does it.
 */
import {
  asArray,
  objs,
  strs,
  asRecord,
  configMapKeyErrors,
  fe,
  goStringMap,
  immutable,
  isIPv6,
  nonNegative,
  semanticEqual,
  str,
  validateCIDR,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateIP,
  validateLabelName,
  validateLabels,
  validateQualifiedName,
  type Causes,
} from "./common.js";
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./names.js";
import { validateFinalizerName } from "./meta.js";
import { validatePodTemplateSpec } from "./pod.js";
import { compareQuantity, isWhole, parseQuantity, ZERO } from "./quantity.js";

type Obj = Record<string, unknown>;

/** core.MaxSecretSize: ConfigMaps and Secrets hold at most 1 MiB of data. */
export const MAX_SECRET_SIZE = 1024 * 1024;

// ---- Service ------------------------------------------------------------------------------

const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

function isHeadless(spec: Obj): boolean {
  const ips = strs(spec.clusterIPs);
  return ips.length === 1 && ips[0] === "None";
}

function externallyAccessible(spec: Obj): boolean {
  const type = str(spec.type);
  return type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && asArray(spec.externalIPs).length > 0);
}

function needsHealthCheck(spec: Obj): boolean {
  return str(spec.type) === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
}

/** %#v of the (protocol, port) key ValidateService reports duplicates with. */
function servicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

/** ValidateService minus ObjectMeta. */
export function validateService(svc: Obj): Causes {
  const spec = asRecord(svc.spec) ?? {};
  const meta = asRecord(svc.metadata) ?? {};
  const annotations = asRecord(meta.annotations) ?? {};
  const causes: Causes = [];
  const type = str(spec.type);
  const headless = isHeadless(spec);
  const ports = objs(spec.ports);

  const hints = annotations["service.kubernetes.io/topology-aware-hints"];
  const mode = annotations["service.kubernetes.io/topology-mode"];
  if (typeof hints === "string" && typeof mode === "string" && hints !== mode)
    causes.push(fe.invalid("metadata.annotations[service.kubernetes.io/topology-mode]", mode, "must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified"));

  if (ports.length === 0 && !headless && type !== "ExternalName") causes.push(fe.required("spec.ports"));
  switch (type) {
    case "LoadBalancer":
      if (headless) causes.push(fe.invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"));
      break;
    case "NodePort":
      if (headless) causes.push(fe.invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if (asArray(spec.clusterIPs).length > 0) causes.push(fe.forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      if (asArray(spec.ipFamilies).length > 0) causes.push(fe.forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
      if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) causes.push(fe.forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
      const cname = str(spec.externalName).replace(/\.$/, "");
      if (cname) causes.push(...validateDNS1123Subdomain(cname, "spec.externalName"));
      else causes.push(fe.required("spec.externalName"));
      break;
    }
  }

  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    const name = str(port.name);
    if (ports.length > 1 && !name) causes.push(fe.required(`${p}.name`));
    else if (name) {
      causes.push(...validateDNS1123Label(name, `${p}.name`));
      if (names.has(name)) causes.push(fe.duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const num = typeof port.port === "number" ? port.port : 0;
    if (!(Number.isInteger(num) && num >= 1 && num <= 65535)) causes.push(fe.invalid(`${p}.port`, num, "must be between 1 and 65535, inclusive"));
    const proto = str(port.protocol);
    if (!proto) causes.push(fe.required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(proto)) causes.push(fe.notSupported(`${p}.protocol`, proto, PROTOCOLS));
    const tp = port.targetPort;
    if (typeof tp === "number") {
      if (!(Number.isInteger(tp) && tp >= 1 && tp <= 65535)) causes.push(fe.invalid(`${p}.targetPort`, tp, "must be between 1 and 65535, inclusive"));
    } else if (typeof tp === "string") {
      const errs: string[] = [];
      if (tp.length > 15) errs.push("must be no more than 15 characters");
      if (!/^[-a-z0-9]+$/.test(tp)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
      if (!/[a-z]/.test(tp)) errs.push("must contain at least one letter (a-z)");
      if (tp.includes("--")) errs.push("must not contain consecutive hyphens");
      if (tp.startsWith("-") || tp.endsWith("-")) errs.push("must not begin or end with a hyphen");
      for (const m of errs) causes.push(fe.invalid(`${p}.targetPort`, tp, m));
    }
    if (typeof port.appProtocol === "string") causes.push(...validateQualifiedName(port.appProtocol, `${p}.appProtocol`));
  });

  if (spec.selector !== undefined && spec.selector !== null) causes.push(...validateLabels(spec.selector, "spec.selector"));

  const affinity = str(spec.sessionAffinity);
  if (!affinity) causes.push(fe.required("spec.sessionAffinity"));
  else if (affinity !== "ClientIP" && affinity !== "None") causes.push(fe.notSupported("spec.sessionAffinity", affinity, ["ClientIP", "None"]));
  if (affinity === "ClientIP") {
    const cfg = asRecord(spec.sessionAffinityConfig);
    const p = "spec.sessionAffinityConfig";
    const clientIP = asRecord(cfg?.clientIP);
    if (!cfg) causes.push(fe.required(p, "when session affinity type is ClientIP"));
    else if (!clientIP) causes.push(fe.required(`${p}.clientIP`, "when session affinity type is ClientIP"));
    else if (typeof clientIP.timeoutSeconds !== "number") causes.push(fe.required(`${p}.clientIP.timeoutSeconds`, "when session affinity type is ClientIP"));
    else if (clientIP.timeoutSeconds <= 0 || clientIP.timeoutSeconds > 86400)
      causes.push(fe.invalid(`${p}.clientIP.timeoutSeconds`, clientIP.timeoutSeconds, "must be greater than 0 and less than 86400"));
  } else if (affinity === "None" && spec.sessionAffinityConfig !== undefined && spec.sessionAffinityConfig !== null) {
    causes.push(fe.forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }

  causes.push(...validateClusterIPsRelatedFields(spec));

  strs(spec.externalIPs).forEach((ip, i) => {
    const errs = validateIP(`spec.externalIPs[${i}]`, ip);
    causes.push(...(errs.length ? errs : nonSpecialIP(ip, `spec.externalIPs[${i}]`)));
  });

  if (!type) causes.push(fe.required("spec.type"));
  else if (!SERVICE_TYPES.includes(type)) causes.push(fe.notSupported("spec.type", type, SERVICE_TYPES));

  if (type === "ClusterIP")
    ports.forEach((port, i) => {
      if (typeof port.nodePort === "number" && port.nodePort !== 0) causes.push(fe.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });

  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    if (typeof port.nodePort !== "number" || port.nodePort === 0) return;
    const key = `${str(port.protocol)}/${port.nodePort}`;
    if (nodePorts.has(key)) causes.push(fe.duplicate(`spec.ports[${i}].nodePort`, port.nodePort));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((port, i) => {
    const num = typeof port.port === "number" ? port.port : 0;
    const key = `${str(port.protocol)}/${num}`;
    if (portKeys.has(key)) causes.push({ reason: "FieldValueDuplicate", field: `spec.ports[${i}]`, message: `Duplicate value: ${servicePortKey(str(port.protocol), num)}` });
    portKeys.add(key);
  });

  const ranges = strs(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    if (type !== "LoadBalancer") causes.push(fe.forbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => causes.push(...validateCIDR(`spec.LoadBalancerSourceRanges[${i}]`, r.trim())));
  } else if (typeof annotations["service.beta.kubernetes.io/load-balancer-source-ranges"] === "string") {
    const fp = "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]";
    if (type !== "LoadBalancer") causes.push(fe.forbidden(fp, "may only be used when `type` is 'LoadBalancer'"));
    const val = (annotations["service.beta.kubernetes.io/load-balancer-source-ranges"] as string).trim();
    if (val) for (const r of val.split(",")) causes.push(...validateCIDR(fp, r.trim()));
  }

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== "LoadBalancer")
    causes.push(fe.forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
  // Upstream reports this path without "spec.".
  if (type === "LoadBalancer" && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null))
    causes.push(fe.required("allocateLoadBalancerNodePorts"));

  if (type === "LoadBalancer") {
    if (typeof spec.loadBalancerClass === "string") causes.push(...validateQualifiedName(spec.loadBalancerClass, "spec.loadBalancerClass"));
  } else if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass !== null) {
    causes.push(fe.forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
  }

  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp) causes.push(fe.invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"));
  } else if (!etp) causes.push(fe.required("spec.externalTrafficPolicy"));
  else if (etp !== "Cluster" && etp !== "Local") causes.push(fe.notSupported("spec.externalTrafficPolicy", etp, ["Cluster", "Local"]));
  const hc = typeof spec.healthCheckNodePort === "number" ? spec.healthCheckNodePort : 0;
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) causes.push(fe.invalid("spec.healthCheckNodePort", hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc === 0) causes.push(fe.required("spec.healthCheckNodePort"));
  else if (hc < 1 || hc > 65535) causes.push(fe.invalid("spec.healthCheckNodePort", hc, "must be between 1 and 65535, inclusive"));

  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (type === "NodePort" || type === "LoadBalancer" || type === "ClusterIP") causes.push(fe.required("spec.internalTrafficPolicy"));
  } else if (spec.internalTrafficPolicy !== "Cluster" && spec.internalTrafficPolicy !== "Local") {
    causes.push(fe.notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, ["Cluster", "Local"]));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null) {
    const supported = ["PreferClose", "PreferSameZone", "PreferSameNode"];
    if (!supported.includes(str(spec.trafficDistribution))) causes.push(fe.notSupported("spec.trafficDistribution", spec.trafficDistribution, supported));
  }
  return causes;
}

/**
 * ValidateNonSpecialIP. Loopback addresses are allowed on purpose: berth runs pods on the
 * machine's own network, where endpoints may well be 127.0.0.0/8 addresses.
 */
export function nonSpecialIP(ip: string, field: string): Causes {
  if (ip === "0.0.0.0" || ip === "::") return [fe.invalid(field, ip, `may not be unspecified (${ip})`)];
  if (/^169\.254\./.test(ip) || /^fe[89ab]/i.test(ip)) return [fe.invalid(field, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)")];
  if (/^224\.0\.0\./.test(ip) || /^ff02:/i.test(ip)) return [fe.invalid(field, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")];
  return [];
}

/** ValidateServiceClusterIPsRelatedFields. */
function validateClusterIPsRelatedFields(spec: Obj): Causes {
  if (str(spec.type) === "ExternalName") return [];
  const causes: Causes = [];
  const clusterIP = str(spec.clusterIP);
  const clusterIPs = strs(spec.clusterIPs);
  const families = strs(spec.ipFamilies);
  if (clusterIP) {
    if (clusterIPs.length === 0) causes.push(fe.required("spec.clusterIPs"));
    else if (clusterIPs[0] !== clusterIP) causes.push(fe.invalid("spec.clusterIPs", clusterIPs, "first value must match `clusterIP`"));
  } else if (clusterIPs.length !== 0) causes.push(fe.invalid("spec.clusterIPs", clusterIPs, "must be empty when `clusterIP` is not specified"));
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6") causes.push(fe.notSupported(`spec.ipFamilies[${i}]`, f, ["IPv4", "IPv6"]));
    if (seen.has(f)) causes.push(fe.duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && policy !== null && !["PreferDualStack", "RequireDualStack", "SingleStack"].includes(str(policy)))
    causes.push(fe.notSupported("spec.ipFamilyPolicy", policy, ["PreferDualStack", "RequireDualStack", "SingleStack"]));
  let invalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (clusterIPs.length > 1) {
        invalidIPs = true;
        causes.push(fe.invalid("spec.clusterIPs", clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const errs = validateIP(`spec.clusterIPs[${i}]`, ip);
    if (errs.length) invalidIPs = true;
    causes.push(...errs);
  });
  if (clusterIPs.length > 2) causes.push(fe.invalid("spec.clusterIPs", clusterIPs, "may only hold up to 2 values"));
  if (invalidIPs) return causes;
  if (clusterIPs.length > 1 && isIPv6(clusterIPs[0]!) === isIPv6(clusterIPs[1]!))
    causes.push(fe.invalid("spec.clusterIPs", clusterIPs, "may specify no more than one IP for each IP family"));
  if (!isHeadless(spec) && clusterIPs.length > 0 && families.length > 0)
    clusterIPs.forEach((ip, i) => {
      if (i > families.length - 1) return;
      if (families[i] === "IPv4" && isIPv6(ip)) causes.push(fe.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === "IPv6" && !isIPv6(ip)) causes.push(fe.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  return causes;
}

/** The update-only parts of ValidateServiceUpdate: cluster IPs, families, load balancer class, health check port. */
export function validateServiceUpdate(svc: Obj, old: Obj): Causes {
  const spec = asRecord(svc.spec) ?? {};
  const o = asRecord(old.spec) ?? {};
  const causes: Causes = [];
  if (str(spec.type) === "ExternalName" || str(o.type) === "ExternalName") return causes;
  const newHeadless = isHeadless(spec);
  const oldHeadless = isHeadless(o);
  const ips = strs(spec.clusterIPs);
  const oldIPs = strs(o.clusterIPs);
  if (!(oldHeadless && newHeadless)) {
    if (ips.length === oldIPs.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) causes.push(fe.invalid(`spec.clusterIPs[${i}]`, ips, "may not change once set"));
      });
    } else if (oldIPs.length > ips.length) {
      if (ips.length === 0) causes.push(fe.invalid("spec.clusterIPs[0]", ips, "primary clusterIP can not be unset"));
      if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) causes.push(fe.invalid("spec.clusterIPs[0]", ips, "may not change once set"));
      if (ips.length === 1 && spec.ipFamilyPolicy !== "SingleStack")
        causes.push(fe.invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
      causes.push(fe.invalid("spec.clusterIPs[0]", ips, "may not change once set"));
    }
  }
  if (newHeadless === oldHeadless && !newHeadless) {
    const fams = strs(spec.ipFamilies);
    const oldFams = strs(o.ipFamilies);
    if (fams.length === oldFams.length) {
      if (oldFams.some((f, i) => f !== fams[i])) causes.push(fe.invalid("spec.ipFamilies[0]", fams, "may not change once set"));
    } else if (oldFams.length > fams.length) {
      if (ips.length === 0) causes.push(fe.invalid("spec.ipFamilies[0]", fams, "primary ipFamily can not be unset"));
      if (fams.length > 0 && fams[0] !== oldFams[0]) causes.push(fe.invalid("spec.ipFamilies[0]", ips, "may not change once set"));
      if (fams.length === 1 && spec.ipFamilyPolicy !== "SingleStack")
        causes.push(fe.invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    } else if (oldFams.length > 0 && fams.length > 0 && fams[0] !== oldFams[0]) {
      causes.push(fe.invalid("spec.ipFamilies[0]", ips, "may not change once set"));
    }
  }
  if (str(spec.type) === "LoadBalancer" && str(o.type) === "LoadBalancer" && (spec.loadBalancerClass ?? null) !== (o.loadBalancerClass ?? null))
    causes.push(fe.invalid("spec.loadBalancerClass", spec.loadBalancerClass ?? null, "may not change once set"));
  if (needsHealthCheck(o) && needsHealthCheck(spec) && spec.healthCheckNodePort !== o.healthCheckNodePort)
    causes.push(fe.forbidden("spec.healthCheckNodePort", "field is immutable"));
  return causes;
}

// ---- ConfigMap and Secret --------------------------------------------------------------------

function base64Length(v: unknown): number {
  if (typeof v !== "string") return 0;
  const s = v.replace(/\s/g, "");
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - pad);
}

/** ValidateConfigMap minus ObjectMeta: keys, no key in both maps, 1 MiB in total. */
export function validateConfigMap(cm: Obj): Causes {
  const causes: Causes = [];
  const data = asRecord(cm.data) ?? {};
  const binary = asRecord(cm.binaryData) ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of configMapKeyErrors(k)) causes.push(fe.invalid(`data[${k}]`, k, m));
    if (Object.hasOwn(binary, k)) causes.push(fe.invalid(`data[${k}]`, k, "duplicate of key present in binaryData"));
    total += Buffer.byteLength(typeof v === "string" ? v : "");
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const m of configMapKeyErrors(k)) causes.push(fe.invalid(`binaryData[${k}]`, k, m));
    total += base64Length(v);
  }
  // Upstream passes an empty path: the error is about the whole object.
  if (total > MAX_SECRET_SIZE) causes.push(fe.tooLong("", MAX_SECRET_SIZE));
  return causes;
}

/** ValidateConfigMapUpdate's immutability rules. */
export function validateConfigMapUpdate(cm: Obj, old: Obj): Causes {
  const causes: Causes = [];
  if (old.immutable === true) {
    if (cm.immutable !== true) causes.push(fe.forbidden("immutable", "field is immutable when `immutable` is set"));
    if (!semanticEqual(cm.data, old.data)) causes.push(fe.forbidden("data", "field is immutable when `immutable` is set"));
    if (!semanticEqual(cm.binaryData, old.binaryData)) causes.push(fe.forbidden("binaryData", "field is immutable when `immutable` is set"));
  }
  return causes;
}

/** ValidateSecret minus ObjectMeta: keys, 1 MiB, and what each well-known type requires. */
export function validateSecret(secret: Obj): Causes {
  const causes: Causes = [];
  const data = asRecord(secret.data) ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of configMapKeyErrors(k)) causes.push(fe.invalid(`data[${k}]`, k, m));
    total += base64Length(v);
  }
  if (total > MAX_SECRET_SIZE) causes.push(fe.tooLong("data", MAX_SECRET_SIZE));
  const annotations = asRecord(asRecord(secret.metadata)?.annotations) ?? {};
  const has = (k: string) => k in data;
  const decode = (k: string) => Buffer.from(str(data[k]), "base64").toString("utf8");
  switch (str(secret.type)) {
    case "kubernetes.io/service-account-token":
      if (!str(annotations["kubernetes.io/service-account.name"])) causes.push(fe.required("metadata.annotations[kubernetes.io/service-account.name]"));
      break;
    case "kubernetes.io/dockercfg":
      if (!has(".dockercfg")) causes.push(fe.required("data[.dockercfg]"));
      else if (!isJsonObject(decode(".dockercfg"))) causes.push(fe.invalid("data[.dockercfg]", "<secret contents redacted>", "invalid character in JSON"));
      break;
    case "kubernetes.io/dockerconfigjson":
      if (!has(".dockerconfigjson")) causes.push(fe.required("data[.dockerconfigjson]"));
      else if (!isJsonObject(decode(".dockerconfigjson"))) causes.push(fe.invalid("data[.dockerconfigjson]", "<secret contents redacted>", "invalid character in JSON"));
      break;
    case "kubernetes.io/basic-auth":
      if (!has("username") && !has("password")) causes.push(fe.required("data[username]"), fe.required("data[password]"));
      break;
    case "kubernetes.io/ssh-auth":
      if (base64Length(data["ssh-privatekey"]) === 0) causes.push(fe.required("data[ssh-privatekey]"));
      break;
    case "kubernetes.io/tls":
      if (!has("tls.crt")) causes.push(fe.required("data[tls.crt]"));
      if (!has("tls.key")) causes.push(fe.required("data[tls.key]"));
      break;
  }
  return causes;
}

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** ValidateSecretUpdate's update rules: type is immutable; immutable secrets keep their data. */
export function validateSecretUpdate(secret: Obj, old: Obj): Causes {
  const causes: Causes = [...immutable(secret.type, old.type, "type")];
  if (old.immutable === true) {
    if (secret.immutable !== true) causes.push(fe.forbidden("immutable", "field is immutable when `immutable` is set"));
    if (!semanticEqual(secret.data, old.data)) causes.push(fe.forbidden("data", "field is immutable when `immutable` is set"));
  }
  return causes;
}

// ---- Namespace and Node ----------------------------------------------------------------------

/** ValidateNamespace minus ObjectMeta: spec.finalizers names (reported at the list's path). */
export function validateNamespace(ns: Obj): Causes {
  const causes: Causes = [];
  for (const f of strs(asRecord(ns.spec)?.finalizers)) causes.push(...validateFinalizerName(f, "spec.finalizers"));
  return causes;
}

/** ValidateNamespaceStatusUpdate's phase rule. */
export function validateNamespaceStatusUpdate(ns: Obj): Causes {
  const deleting = Boolean(asRecord(ns.metadata)?.deletionTimestamp);
  const phase = str(asRecord(ns.status)?.phase);
  if (!deleting && phase !== "Active") return [fe.invalid("status.Phase", phase, "may only be 'Active' if `deletionTimestamp` is empty")];
  if (deleting && phase !== "Terminating") return [fe.invalid("status.Phase", phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
  return [];
}

function validateTaints(taints: unknown, field: string): Causes {
  const causes: Causes = [];
  const seen = new Map<string, Set<string>>();
  objs(taints).forEach((t, i) => {
    const p = `${field}[${i}]`;
    const key = str(t.key);
    const effect = str(t.effect);
    causes.push(...validateLabelName(key, `${p}.key`));
    const errs = isValidLabelValue(str(t.value));
    if (errs.length) causes.push(fe.invalid(`${p}.value`, str(t.value), errs.join(";")));
    if (!effect) causes.push(fe.required(`${p}.effect`));
    else if (!["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(effect)) causes.push(fe.notSupported(`${p}.effect`, effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"]));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      causes.push({ reason: "FieldValueDuplicate", field: p, message: `Duplicate value: ${JSON.stringify(t)}: taints must be unique by key and effect pair` });
      return;
    }
    keys.add(key);
    seen.set(effect, keys);
  });
  return causes;
}

function validateResourceList(list: unknown, field: string): Causes {
  const causes: Causes = [];
  for (const [name, raw] of Object.entries(asRecord(list) ?? {})) {
    const q = parseQuantity(raw);
    if (!q) continue;
    if (compareQuantity(q, ZERO) < 0) causes.push(fe.invalid(`${field}.${name}`, String(raw), "must be greater than or equal to 0"));
    if ((name === "pods" || (name.includes("/") && !name.includes("kubernetes.io/"))) && !isWhole(q)) causes.push(fe.invalid(`${field}.${name}`, String(raw), "must be an integer"));
  }
  return causes;
}

/** ValidateNode minus ObjectMeta. */
export function validateNode(node: Obj): Causes {
  const spec = asRecord(node.spec) ?? {};
  const status = asRecord(node.status) ?? {};
  const causes: Causes = [...validateTaints(spec.taints, "metadata.taints")];
  causes.push(...validateResourceList(status.capacity, "status.capacity"));
  causes.push(...validateResourceList(status.allocatable, "status.allocatable"));
  const cidrs = strs(spec.podCIDRs);
  cidrs.forEach((c, i) => causes.push(...validateCIDR(`spec.podCIDRs[${i}]`, c)));
  if (cidrs.length > 1) {
    if (cidrs.length > 2 || cidrs[0]!.includes(":") === cidrs[1]!.includes(":")) causes.push(fe.invalid("spec.podCIDRs", cidrs, "may specify no more than one CIDR for each IP family"));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) causes.push(fe.duplicate(`spec.podCIDRs[${i}]`, c));
      seen.add(c);
    });
  }
  return causes;
}

/** ValidateNodeUpdate's update rules: podCIDRs and providerID are set once. */
export function validateNodeUpdate(node: Obj, old: Obj): Causes {
  const spec = asRecord(node.spec) ?? {};
  const o = asRecord(old.spec) ?? {};
  const causes: Causes = [];
  const oldCIDRs = strs(o.podCIDRs);
  const cidrs = strs(spec.podCIDRs);
  if (oldCIDRs.length > 0) {
    if (oldCIDRs.length !== cidrs.length) causes.push(fe.forbidden("spec.podCIDRs", 'node updates may not change podCIDR except from "" to valid'));
    else oldCIDRs.forEach((c, i) => {
      if (c !== cidrs[i]) causes.push(fe.forbidden("spec.podCIDRs", 'node updates may not change podCIDR except from "" to valid'));
    });
  }
  if (str(o.providerID) && o.providerID !== spec.providerID) causes.push(fe.forbidden("spec.providerID", 'node updates may not change providerID except from "" to valid'));
  if (str(spec.externalID) !== str(o.externalID)) causes.push(fe.forbidden("spec.externalID", "may not be updated"));
  const seen = new Set<string>();
  objs(asRecord(node.status)?.addresses).forEach((a, i) => {
    const key = `${str(a.type)}/${str(a.address)}`;
    if (seen.has(key)) causes.push(fe.duplicate(`status.addresses[${i}]`, a));
    seen.add(key);
  });
  return causes;
}

// ---- Endpoints ------------------------------------------------------------------------------

/** ValidateEndpoints minus ObjectMeta. */
export function validateEndpoints(ep: Obj): Causes {
  const causes: Causes = [];
  objs(ep.subsets).forEach((ss, i) => {
    const p = `subsets[${i}]`;
    const addrs = objs(ss.addresses);
    const notReady = objs(ss.notReadyAddresses);
    if (addrs.length === 0 && notReady.length === 0) causes.push(fe.required(p, "must specify `addresses` or `notReadyAddresses`"));
    const addr = (a: Obj, ap: string) => {
      const ip = str(a.ip);
      causes.push(...validateIP(`${ap}.ip`, ip));
      if (str(a.hostname)) causes.push(...validateDNS1123Label(str(a.hostname), `${ap}.hostname`));
      if (typeof a.nodeName === "string") for (const m of isDNS1123Subdomain(a.nodeName)) causes.push(fe.invalid(`${ap}.nodeName`, a.nodeName, m));
      causes.push(...nonSpecialIP(ip, `${ap}.ip`));
    };
    addrs.forEach((a, j) => addr(a, `${p}.addresses[${j}]`));
    notReady.forEach((a, j) => addr(a, `${p}.notReadyAddresses[${j}]`));
    const ports = objs(ss.ports);
    ports.forEach((port, j) => causes.push(...validateEndpointPort(port, ports.length > 1, `${p}.ports[${j}]`)));
  });
  return causes;
}

/** validateEndpointPort (also used by EndpointSlices). */
export function validateEndpointPort(port: Obj, requireName: boolean, p: string): Causes {
  const causes: Causes = [];
  const name = str(port.name);
  if (requireName && !name) causes.push(fe.required(`${p}.name`));
  else if (name) causes.push(...validateDNS1123Label(name, `${p}.name`));
  const num = typeof port.port === "number" ? port.port : 0;
  if (!(num >= 1 && num <= 65535)) causes.push(fe.invalid(`${p}.port`, num, "must be between 1 and 65535, inclusive"));
  const proto = str(port.protocol);
  if (!proto) causes.push(fe.required(`${p}.protocol`));
  else if (!PROTOCOLS.includes(proto)) causes.push(fe.notSupported(`${p}.protocol`, proto, PROTOCOLS));
  if (typeof port.appProtocol === "string") causes.push(...validateQualifiedName(port.appProtocol, `${p}.appProtocol`));
  return causes;
}

// ---- Event -----------------------------------------------------------------------------------

/** legacyValidateEvent: every core/v1 Event, whichever API wrote it. */
export function validateEventLegacy(ev: Obj): Causes {
  const causes: Causes = [];
  const ns = str(asRecord(ev.metadata)?.namespace);
  const involvedNs = str(asRecord(ev.involvedObject)?.namespace);
  if (!ev.eventTime) {
    if (!involvedNs) {
      if (ns !== "" && ns !== "default") causes.push(fe.invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
    } else if (ns !== involvedNs) causes.push(fe.invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
  } else {
    if (!involvedNs && ns !== "default" && ns !== "kube-system") causes.push(fe.invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
    const rc = str(ev.reportingComponent);
    if (!rc) causes.push(fe.required("reportingController"));
    for (const m of isQualifiedName(rc)) causes.push(fe.invalid("reportingController", rc, m));
    const ri = str(ev.reportingInstance);
    if (!ri) causes.push(fe.required("reportingInstance"));
    if (ri.length > 128) causes.push(fe.invalid("reportingInstance", "", "can have at most 128 characters"));
    const action = str(ev.action);
    if (!action) causes.push(fe.required("action"));
    if (action.length > 128) causes.push(fe.invalid("action", "", "can have at most 128 characters"));
    const reason = str(ev.reason);
    if (!reason) causes.push(fe.required("reason"));
    if (reason.length > 128) causes.push(fe.invalid("reason", "", "can have at most 128 characters"));
    if (str(ev.message).length > 1024) causes.push(fe.invalid("message", "", "can have at most 1024 characters"));
  }
  for (const m of isDNS1123Subdomain(ns)) causes.push(fe.invalid("namespace", ns, m));
  return causes;
}

function eventSeries(ev: Obj): Causes {
  const series = asRecord(ev.series);
  if (!series) return [];
  const causes: Causes = [];
  if (typeof series.count !== "number" || series.count < 2) causes.push(fe.invalid("series.count", "", "should be at least 2"));
  if (!series.lastObservedTime) causes.push(fe.required("series.lastObservedTime"));
  return causes;
}

/** The strict checks ValidateEventCreate adds for events.k8s.io/v1 (on the core/v1 form). */
export function validateEventStrictCreate(ev: Obj): Causes {
  const causes: Causes = [...eventSeries(ev)];
  if (!ev.eventTime) causes.push(fe.required("eventTime"));
  const type = str(ev.type);
  if (type !== "Normal" && type !== "Warning") causes.push(fe.invalid("type", "", `has invalid value: ${type}`));
  if (ev.firstTimestamp) causes.push(fe.invalid("firstTimestamp", "", "needs to be unset"));
  if (ev.lastTimestamp) causes.push(fe.invalid("lastTimestamp", "", "needs to be unset"));
  if (typeof ev.count === "number" && ev.count !== 0) causes.push(fe.invalid("count", "", "needs to be unset"));
  const source = asRecord(ev.source);
  if (source && (str(source.component) || str(source.host))) causes.push(fe.invalid("source", "", "needs to be unset"));
  return causes;
}

/** The strict checks ValidateEventUpdate adds for events.k8s.io/v1 (on the core/v1 form). */
export function validateEventStrictUpdate(ev: Obj, old: Obj): Causes {
  const causes: Causes = [];
  if (!semanticEqual(ev.series, old.series)) causes.push(...eventSeries(ev));
  const fields: [string, string][] = [
    ["involvedObject", "involvedObject"],
    ["reason", "reason"],
    ["message", "message"],
    ["source", "source"],
    ["firstTimestamp", "firstTimestamp"],
    ["lastTimestamp", "lastTimestamp"],
    ["count", "count"],
    ["reason", "reason"],
    ["type", "type"],
    ["eventTime", "eventTime"],
    ["action", "action"],
    ["related", "related"],
    ["reportingComponent", "reportingController"],
    ["reportingInstance", "reportingInstance"],
  ];
  for (const [k, path] of fields) causes.push(...immutable(ev[k], old[k], path, (v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : JSON.stringify(v ?? null))));
  return causes;
}

// ---- ReplicationController and PodTemplate -----------------------------------------------------

/** ValidateReplicationControllerSpec. */
export function validateReplicationControllerSpec(spec: unknown): Causes {
  const s = asRecord(spec) ?? {};
  const causes: Causes = [...nonNegative(s.minReadySeconds as number, "spec.minReadySeconds")];
  const selector = (asRecord(s.selector) ?? {}) as Record<string, string>;
  if (Object.keys(selector).length === 0) causes.push(fe.required("spec.selector"));
  causes.push(...nonNegative(s.replicas as number, "spec.replicas"));
  const t = asRecord(s.template);
  if (!t) causes.push(fe.required("spec.template"));
  else {
    const labels = asRecord(asRecord(t.metadata)?.labels) as Record<string, string> | undefined;
    if (Object.keys(selector).length > 0 && !Object.entries(selector).every(([k, v]) => labels?.[k] === v))
      causes.push(fe.invalidRendered("spec.template.metadata.labels", goStringMap(labels ?? null), "`selector` does not match template `labels`"));
    causes.push(...validatePodTemplateSpec(t, "spec.template"));
    const tspec = asRecord(t.spec) ?? {};
    const rp = str(tspec.restartPolicy);
    if (rp !== "Always") causes.push(fe.notSupported("spec.template.spec.restartPolicy", rp, ["Always"]));
    if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null)
      causes.push(fe.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in ReplicationController is not Supported"));
  }
  return causes;
}

/** ValidatePodTemplate minus ObjectMeta. */
export function validatePodTemplate(pt: Obj): Causes {
  return validatePodTemplateSpec(pt.template, "template");
}
