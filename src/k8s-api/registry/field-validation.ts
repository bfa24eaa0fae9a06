/**
 * fieldValidation (Ignore, Warn, Strict): unknown fields are dropped from what is
 * stored, reported as warnings or refused; values of the wrong type are always refused.
 */
import { badRequest } from "../errors.js";
import type { JsonObject, KubeObject } from "../types.js";
import { decodeInto, decodePatchedInto } from "../schema/decode.js";
import type { ResourceInfo } from "./types.js";

export type FieldValidation = "Ignore" | "Warn" | "Strict";

/**
 * Drop unknown fields of obj in place; returns the warnings to send (Warn) or throws (Strict,
 * type errors). `patch`: obj is a stored object with this merge or strategic merge patch
 * applied, and only what the patch reaches is checked (decodePatchedInto).
 */
export function checkFields(info: Pick<ResourceInfo, "kind" | "version" | "model">, obj: KubeObject, mode: FieldValidation = "Warn", patch?: JsonObject): string[] {
  const report = patch ? decodePatchedInto(info.model, obj as never, patch) : decodeInto(info.model, obj as never);
  if (report.typeErrors.length)
    throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${report.typeErrors[0]}`);
  if (mode === "Ignore" || report.unknownFields.length === 0) return [];
  if (mode === "Strict") throw badRequest(`strict decoding error: ${report.unknownFields.map((f) => `unknown field "${f}"`).join(", ")}`);
  return report.unknownFields.map((f) => `unknown field "${f}"`);
}
