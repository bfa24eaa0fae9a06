/**
 * What @kubernetes/client-node knows about each generated model: its fields and their
 * types (attributeTypeMap in the .js files) plus the description of the model and of each
 * field and whether the field is required (the doc comments and `'field'?:` markers of the
 * .d.ts files, generated from the Kubernetes OpenAPI spec). The OpenAPI documents are built
 * from this, not written by hand (DESIGN.md decision 9).
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as k8s from "@kubernetes/client-node";

export interface ModelField {
  /** JSON name ("x-kubernetes-int-or-string", "containers"). */
  readonly name: string;
  /** client-node type expression: "Array<V1Container>", "{ [key: string]: string; }", "number". */
  readonly type: string;
  /** client-node format: "int32", "int64", "date-time", "date-time-micro", "int-or-string", "byte"... */
  readonly format: string;
  readonly description?: string;
  readonly required: boolean;
}

export interface ModelMeta {
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly ModelField[];
}

interface Attribute {
  readonly name: string;
  readonly baseName: string;
  readonly type: string;
  readonly format: string;
}

const attributeMaps = new Map<string, readonly Attribute[]>();
for (const [name, value] of Object.entries(k8s)) {
  const map = (value as { attributeTypeMap?: unknown } | undefined)?.attributeTypeMap;
  if (typeof value === "function" && Array.isArray(map)) attributeMaps.set(name, map as Attribute[]);
}

const modelsDir = (() => {
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve("@kubernetes/client-node")), "gen", "models");
})();

const cache = new Map<string, ModelMeta>();

/** Whether client-node has a generated model of this name. */
export function isModel(name: string): boolean {
  return attributeMaps.has(name);
}

/** Every model name client-node exports. */
export function allModels(): string[] {
  return [...attributeMaps.keys()];
}

/** The model's fields with their descriptions and required-ness; undefined for an unknown model. */
export function modelMeta(name: string): ModelMeta | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  const attrs = attributeMaps.get(name);
  if (!attrs) return undefined;
  const docs = readDeclarations(name);
  const meta: ModelMeta = {
    name,
    ...(docs.classDescription ? { description: docs.classDescription } : {}),
    fields: attrs.map((a) => {
      const d = docs.fields.get(a.name);
      return {
        name: a.baseName,
        type: a.type,
        format: a.format,
        ...(d?.description ? { description: d.description } : {}),
        required: d ? !d.optional : false,
      };
    }),
  };
  cache.set(name, meta);
  return meta;
}

interface Declarations {
  classDescription?: string;
  fields: Map<string, { description?: string; optional: boolean }>;
}

/**
 * Read `Model.d.ts`: the comment right before `export declare class`, then each property line
 * `'name'?: Type;` with the comment right before it. The generator writes every comment as
 * `/**`, one `* text` line, `*\/`, with quotes escaped as in a JS string.
 */
function readDeclarations(model: string): Declarations {
  const out: Declarations = { fields: new Map() };
  const file = join(modelsDir, `${model}.d.ts`);
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, "utf8").split("\n");
  let pending: string[] | undefined;
  let inClass = false;
  let comment: string[] | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (comment) {
      if (line.startsWith("*/")) {
        pending = comment;
        comment = undefined;
      } else if (line.startsWith("*")) comment.push(line.replace(/^\*\s?/, ""));
      continue;
    }
    if (line.startsWith("/**")) {
      comment = [];
      continue;
    }
    if (!inClass) {
      if (line.startsWith("export declare class ")) {
        inClass = true;
        if (pending) out.classDescription = unescape(pending.join(" ").trim());
      }
      pending = undefined;
      continue;
    }
    const prop = /^'([^']+)'(\?)?:/.exec(line);
    if (prop) {
      const description = pending ? unescape(pending.join(" ").trim()) : "";
      out.fields.set(prop[1]!, { ...(description ? { description } : {}), optional: prop[2] === "?" });
    }
    pending = undefined;
  }
  return out;
}

/** Undo the generator's JS-string escaping of doc comments (\" \' \\). */
function unescape(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}
