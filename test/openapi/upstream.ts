/**
 * The upstream reference documents: kube-apiserver v1.35.2's api/openapi-spec (swagger.json
 * and the v3 documents of the served group versions), vendored gzipped next to this file.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";

const DIR = resolve(import.meta.dirname, "..", "..", "..", "test", "openapi", "upstream-v1.35.2");

/** The text of one upstream document ("swagger.json", "v3/api__v1_openapi.json"). */
export function upstreamText(file: string): string {
  return gunzipSync(readFileSync(join(DIR, `${file}.gz`))).toString("utf8");
}

export function readUpstream(file: string): Record<string, unknown> {
  return JSON.parse(upstreamText(file)) as Record<string, unknown>;
}
