/** Reading and decoding request bodies: size limit, content types, JSON and YAML. */
import type { Request } from "express";
import { parse as parseYaml } from "yaml";
import { StatusError, badRequest } from "../errors.js";
import { PROTOBUF_MEDIA_TYPE, decodeProtobufObject } from "../protobuf/index.js";

/** kube-apiserver's limit for a request body (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Read the raw body, refusing more than MAX_BODY_BYTES with 413. */
export async function readBody(req: Request): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(): StatusError {
  return new StatusError(413, "RequestEntityTooLarge", `Request entity too large: limit is ${MAX_BODY_BYTES}`);
}

/** Decode a create/update body by Content-Type (JSON, YAML or protobuf as kubectl's typed clients send; others: 415). */
export function decodeObjectBody(raw: Buffer, contentType: string | undefined): unknown {
  const ct = (contentType ?? "application/json").split(";")[0]!.trim().toLowerCase();
  if (ct === "application/json" || ct === "" || ct === "*/*") return parseJson(raw);
  if (ct === "application/yaml" || ct === "application/x-yaml" || ct === "text/yaml") return parseYamlBody(raw);
  if (ct === PROTOBUF_MEDIA_TYPE) return decodeProtobufObject(raw);
  throw new StatusError(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${PROTOBUF_MEDIA_TYPE}`,
  );
}

/** Decode a PATCH body: apply patches are YAML (JSON is YAML), the others JSON. */
export function decodePatchBody(raw: Buffer, yaml: boolean): unknown {
  return yaml ? parseYamlBody(raw) : parseJson(raw);
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest("the body of the request is empty");
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

function parseYamlBody(raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest("the body of the request is empty");
  try {
    return parseYaml(raw.toString("utf8"), { maxAliasCount: 100 });
  } catch (e) {
    throw badRequest(`error converting YAML to JSON: ${(e as Error).message}`);
  }
}

/**
 * Paths of keys repeated within one JSON object ("metadata.name", "spec.containers[0].image"),
 * which the Go strict decoder reports as `duplicate field "<path>"`. `text` must be valid JSON.
 */
export function duplicateFields(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      const close = ch === "{" ? "}" : "]";
      const seen = new Set<string>();
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (let n = 0; ; n++) {
        if (ch === "{") {
          ws();
          const key = str();
          ws();
          i++; // ':'
          const p = path ? `${path}.${key}` : key;
          if (seen.has(key)) out.push(p);
          else seen.add(key);
          value(p);
        } else value(`${path}[${n}]`);
        ws();
        if (text[i++] !== ",") return;
      }
    }
    if (ch === '"') return void str();
    while (i < text.length && !",}] \t\n\r".includes(text[i]!)) i++;
  };
  value("");
  return out;
}
