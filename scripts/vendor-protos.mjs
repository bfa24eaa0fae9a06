#!/usr/bin/env node
/**
 * Copies the upstream generated.proto files berth decodes request bodies with into
 * src/k8s-api/protobuf/proto/, keeping their Go import paths (k8s.io/api/core/v1/generated.proto, ...)
 * so the files' own `import` lines resolve unchanged. Run offline by a developer, never at
 * build/test/run time:
 *
 *   go mod download -json k8s.io/api@v0.35.2 k8s.io/apimachinery@v0.35.2 github.com/google/gnostic-models@v0.7.0
 *   node scripts/vendor-protos.mjs            # reads ~/go/pkg/mod (or $GOMODCACHE)
 *
 * The list is the served groups (src/k8s-api/registry/resources.ts) plus autoscaling/v1 (Scale)
 * and policy/v1 (Eviction); every import they make is followed and copied too.
 *
 * gnostic's openapiv2/OpenAPIv2.proto (the version kubernetes v1.35.2 requires) is copied to
 * proto/openapiv2/ for /openapi/v2 in protobuf, which kubectl's openapi v2 client asks for.
 *
 * It also writes proto/json-fields.json: for every Go struct of those packages, keyed by proto
 * message ("k8s.io.api.core.v1.Container") and field number, the Go JSON name and tag facts
 * (omitempty, omitzero, pointer, inline), read from the `json:"..." protobuf:"..."` struct tags. The .proto
 * files lose these, and they decide what encoding/json writes: `json:",inline"` embeds (Volume's
 * VolumeSource), zero values kept without omitempty, pointers kept even when zero.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const API = "k8s.io/api@v0.35.2";
const APIMACHINERY = "k8s.io/apimachinery@v0.35.2";
const GNOSTIC = "github.com/google/gnostic-models@v0.7.0";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "src", "k8s-api", "protobuf", "proto");
const modCache = process.env.GOMODCACHE || tryGo() || join(process.env.HOME ?? "", "go", "pkg", "mod");

function tryGo() {
  try {
    return execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

/** Import path -> file in the module cache. */
function source(importPath) {
  for (const [prefix, mod] of [
    ["k8s.io/api/", API],
    ["k8s.io/apimachinery/", APIMACHINERY],
  ]) {
    if (importPath.startsWith(prefix)) return join(modCache, mod, importPath.slice(prefix.length));
  }
  throw new Error(`no module for import ${importPath}`);
}

const roots = ["core", "apps", "batch", "coordination", "discovery", "events", "policy", "rbac", "autoscaling", "scheduling"].map((g) => `k8s.io/api/${g}/v1/generated.proto`);
roots.push(
  "k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto",
  "k8s.io/apimachinery/pkg/runtime/generated.proto",
  "k8s.io/apimachinery/pkg/runtime/schema/generated.proto",
  "k8s.io/apimachinery/pkg/util/intstr/generated.proto",
  "k8s.io/apimachinery/pkg/api/resource/generated.proto",
);

rmSync(join(outDir, "k8s.io"), { recursive: true, force: true });
rmSync(join(outDir, "openapiv2"), { recursive: true, force: true });
const done = new Set();
const queue = [...roots];
while (queue.length) {
  const p = queue.shift();
  if (done.has(p)) continue;
  done.add(p);
  const src = source(p);
  if (!existsSync(src)) throw new Error(`${src} missing: run go mod download -json ${API} ${APIMACHINERY}`);
  const dst = join(outDir, p);
  mkdirSync(dirname(dst), { recursive: true });
  copyFileSync(src, dst);
  chmodSync(dst, 0o644); // the module cache is read-only
  for (const m of readFileSync(src, "utf8").matchAll(/^import\s+"([^"]+)";/gm)) queue.push(m[1]);
}

// google/protobuf/any.proto, its only import, is bundled with protobufjs.
{
  const src = join(modCache, GNOSTIC, "openapiv2", "OpenAPIv2.proto");
  if (!existsSync(src)) throw new Error(`${src} missing: run go mod download -json ${GNOSTIC}`);
  const dst = join(outDir, "openapiv2", "OpenAPIv2.proto");
  mkdirSync(dirname(dst), { recursive: true });
  copyFileSync(src, dst);
  chmodSync(dst, 0o644);
}

/** Go struct tags of every package whose generated.proto was copied. */
const table = {};
for (const p of done) {
  const goDir = dirname(source(p));
  const protoPkg = dirname(p).replaceAll("/", ".");
  for (const f of readdirSync(goDir)) {
    if (!f.endsWith(".go") || f.endsWith("_test.go") || f.startsWith("zz_generated") || f === "generated.pb.go") continue;
    const text = readFileSync(join(goDir, f), "utf8");
    for (const m of text.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
      const fields = {};
      for (const line of m[2].split("\n")) {
        const lm = /^\t([^\/`][^`]*?)\s+`([^`]*)`\s*$/.exec(line);
        if (!lm) continue;
        const proto = /protobuf:"([^"]*)"/.exec(lm[2]);
        if (!proto) continue;
        const num = proto[1].split(",")[1];
        const parts = lm[1].trim().split(/\s+/);
        const goType = parts.length === 1 ? parts[0] : parts[1];
        const json = /json:"([^"]*)"/.exec(lm[2])?.[1] ?? "";
        const [name, ...opts] = json.split(",");
        const entry = { json: name || parts[0] };
        if (opts.includes("omitempty")) entry.omitempty = true;
        if (opts.includes("omitzero")) entry.omitzero = true;
        if (opts.includes("inline") || (parts.length === 1 && !name)) entry.inline = true;
        if (goType.startsWith("*")) entry.pointer = true;
        if (name === "-") entry.skip = true;
        fields[num] = entry;
      }
      if (Object.keys(fields).length) table[`${protoPkg}.${m[1]}`] = fields;
    }
  }
}
const tablePath = join(outDir, "json-fields.json");
writeFileSync(tablePath, JSON.stringify(table) + "\n");
console.log(`wrote ${Object.keys(table).length} messages to ${tablePath}`);

console.log(`vendored ${done.size} files into ${outDir}:\n  ${[...done].sort().join("\n  ")}`);
