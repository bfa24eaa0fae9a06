/**
 * Field errors worded like k8s.io/apimachinery/pkg/util/validation/field, so that
 * kubectl shows the messages users know.
 */
import type { StatusCause } from "../errors.js";

/** Render a value the way field.Invalid does (strings quoted, others as JSON). */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "null";
  return JSON.stringify(value);
}

export const fieldError = {
  required(field: string, detail = ""): StatusCause {
    return { reason: "FieldValueRequired", field, message: detail ? `Required value: ${detail}` : "Required value" };
  },
  invalid(field: string, value: unknown, detail: string): StatusCause {
    return { reason: "FieldValueInvalid", field, message: `Invalid value: ${show(value)}: ${detail}` };
  },
  notSupported(field: string, value: unknown, supported: readonly string[]): StatusCause {
    return { reason: "FieldValueNotSupported", field, message: `Unsupported value: ${show(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` };
  },
  duplicate(field: string, value: unknown): StatusCause {
    return { reason: "FieldValueDuplicate", field, message: `Duplicate value: ${show(value)}` };
  },
  forbidden(field: string, detail: string): StatusCause {
    return { reason: "FieldValueForbidden", field, message: `Forbidden: ${detail}` };
  },
  tooLong(field: string, max: number): StatusCause {
    return { reason: "FieldValueTooLong", field, message: `Too long: may not be more than ${max} bytes` };
  },
  tooMany(field: string, actual: number, max: number): StatusCause {
    return { reason: "FieldValueTooMany", field, message: `Too many: ${actual}: must have at most ${max} items` };
  },
  /** An immutable field changed (apimachinery's ValidateImmutableField). */
  immutable(field: string, value: unknown): StatusCause {
    return { reason: "FieldValueInvalid", field, message: `Invalid value: ${show(value)}: field is immutable` };
  },
};
