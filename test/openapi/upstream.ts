/**
 * The upstream reference documents (kube-apiserver v1.35's api/openapi-spec), when the
 * Go module k8s.io/kubernetes@v1.35.2 is in the module cache (`go mod download
 * k8s.io/kubernetes@v1.35.2`) or BERTH_UPSTREAM_OPENAPI points at an api/openapi-spec
 * folder. Tests that need them skip otherwise.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export function upstreamSpecDir(): string | undefined {
  const candidates = [
    process.env.BERTH_UPSTREAM_OPENAPI,
    join(process.env.GOMODCACHE ?? join(process.env.GOPATH ?? join(homedir(), "go"), "pkg", "mod"), "k8s.io", "kubernetes@v1.35.2", "api", "openapi-spec"),
  ];
  return candidates.find((d): d is string => !!d && existsSync(join(d, "swagger.json")));
}

export function readUpstream(dir: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
}
