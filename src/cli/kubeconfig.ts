/** Writing the kubeconfig that kubectl, Helm and client libraries use to reach berth. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { parse, stringify } from "yaml";

export interface KubeconfigTarget {
  readonly server: string;
  /** Name used for the cluster, user and context entries. */
  readonly name: string;
  readonly token: string;
}

interface Named {
  name: string;
  [k: string]: unknown;
}

interface KubeconfigDoc {
  apiVersion: string;
  kind: string;
  clusters: Named[];
  users: Named[];
  contexts: Named[];
  "current-context": string;
  preferences?: Record<string, unknown>;
}

function entries(t: KubeconfigTarget) {
  return {
    // Plain HTTP on loopback; client libraries insist on this flag for http:// servers.
    cluster: { name: t.name, cluster: { server: t.server, "insecure-skip-tls-verify": true } },
    user: { name: t.name, user: { token: t.token } },
    context: { name: t.name, context: { cluster: t.name, user: t.name, namespace: "default" } },
  };
}

/** Write a kubeconfig holding only berth's entries. */
export function writeKubeconfig(path: string, t: KubeconfigTarget): void {
  const e = entries(t);
  const doc: KubeconfigDoc = { apiVersion: "v1", kind: "Config", clusters: [e.cluster], users: [e.user], contexts: [e.context], "current-context": t.name, preferences: {} };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(doc), { mode: 0o600 });
}

/** Add or replace berth's entries in an existing kubeconfig and make it the current context. */
export function mergeKubeconfig(path: string, t: KubeconfigTarget): void {
  const doc: KubeconfigDoc = existsSync(path)
    ? (parse(readFileSync(path, "utf8")) as KubeconfigDoc | null) ?? emptyDoc()
    : emptyDoc();
  const e = entries(t);
  const put = (list: Named[] | undefined, item: Named) => [...(list ?? []).filter((x) => x.name !== item.name), item];
  doc.clusters = put(doc.clusters, e.cluster);
  doc.users = put(doc.users, e.user);
  doc.contexts = put(doc.contexts, e.context);
  doc["current-context"] = t.name;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(doc), { mode: 0o600 });
}

function emptyDoc(): KubeconfigDoc {
  return { apiVersion: "v1", kind: "Config", clusters: [], users: [], contexts: [], "current-context": "" };
}

/** A bearer token kept with the data, so restarts keep kubeconfigs valid. */
export function tokenFor(dataDir: string): string {
  const path = join(dataDir, "token");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  const token = randomBytes(24).toString("hex");
  writeFileSync(path, token + "\n", { mode: 0o600 });
  return token;
}

