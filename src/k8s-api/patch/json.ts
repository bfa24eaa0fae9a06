/** RFC 6902 JSON patch, with kube-apiserver's error responses. */
import jsonpatch from "fast-json-patch";
import { StatusError } from "../errors.js";

/** kube-apiserver's limit on the operations of one JSON patch (maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/** Apply `ops` to a copy of `obj`. */
export function applyJsonPatch(obj: unknown, ops: unknown[]): unknown {
  if (ops.length > MAX_JSON_PATCH_OPERATIONS)
    throw new StatusError(413, "RequestEntityTooLarge", `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  try {
    return jsonpatch.applyPatch(structuredClone(obj), ops as jsonpatch.Operation[], true, true, true).newDocument;
  } catch {
    // patch.go answers every apply failure with NewGenericServerResponse(422, ...), which keeps
    // only the generic message for that code and drops the jsonpatch error text.
    throw new StatusError(422, "Invalid", "the server rejected our request due to an error in our request", {});
  }
}
