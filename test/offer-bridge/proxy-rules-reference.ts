/**
 * proxyRules as it was before the shared rules were computed once for all agents (commit
 * 65e97e5): kept verbatim (renamed) as the reference proxy-sync.test.ts compares with.
 */
import type { EndpointSliceObj, ProxyRule, ServiceObj } from "../../src/offer-bridge/services.js";

const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const hostPort = (ip: string, port: number) => (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`);

/** The rules for one agent (agentIp: its address, for NodePorts). Sorted, so equal inputs give equal tables. */
export function referenceProxyRules(services: readonly ServiceObj[], slices: readonly EndpointSliceObj[], agentIp: string): ProxyRule[] {
  const bySvc = new Map<string, EndpointSliceObj[]>();
  for (const s of slices) {
    const name = s.metadata?.labels?.[LABEL_SERVICE_NAME];
    if (!name) continue;
    const k = `${s.metadata?.namespace ?? ""}/${name}`;
    bySvc.set(k, [...(bySvc.get(k) ?? []), s]);
  }
  const rules = new Map<string, Set<string>>();
  const held = new Set<string>();
  const add = (listen: string, backends: readonly string[], isNodePort = false) => {
    const set = rules.get(listen) ?? new Set<string>();
    for (const b of backends) set.add(b);
    rules.set(listen, set);
    if (isNodePort) held.add(listen);
  };
  for (const svc of services) {
    const spec = svc.spec;
    if (!spec || spec.type === "ExternalName") continue;
    const ips = (spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : []).filter((ip) => ip !== "None" && isIPv4(ip));
    const mine = bySvc.get(`${svc.metadata?.namespace ?? ""}/${svc.metadata?.name ?? ""}`) ?? [];
    for (const sp of spec.ports ?? []) {
      if ((sp.protocol ?? "TCP") !== "TCP") continue;
      const backends = new Set<string>();
      for (const sl of mine) {
        if (sl.addressType && sl.addressType !== "IPv4") continue;
        const p = (sl.ports ?? []).find((x) => (x.name ?? "") === (sp.name ?? "") && (x.protocol ?? "TCP") === "TCP");
        if (!p?.port) continue;
        for (const ep of sl.endpoints ?? []) {
          if (ep.conditions?.ready === false) continue;
          const a = ep.addresses[0];
          if (a) backends.add(hostPort(a, p.port));
        }
      }
      const list = [...backends].sort();
      if (ips.length) for (const ip of ips) add(hostPort(ip, sp.port), list);
      // A headless Service has no proxy, not even for a nodePort it cannot have.
      if (sp.nodePort && ips.length && (spec.type === "NodePort" || spec.type === "LoadBalancer")) {
        add(hostPort("127.0.0.1", sp.nodePort), list, true);
        if (agentIp && agentIp !== "127.0.0.1" && !agentIp.startsWith("127.")) add(hostPort(agentIp, sp.nodePort), list, true);
      }
    }
  }
  return [...rules.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([listen, b]) => ({ listen, backends: [...b].sort(), ...(held.has(listen) ? { held: true } : {}) }));
}

