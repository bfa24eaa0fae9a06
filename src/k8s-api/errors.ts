/**
 * API errors as values carrying a Kubernetes Status (metav1.Status). Thrown anywhere in
 * src/k8s-api and written to the client once, at the HTTP edge.
 */

export type StatusReason =
  | "BadRequest"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Gone"
  | "Invalid"
  | "ServerTimeout"
  | "Timeout"
  | "TooManyRequests"
  | "MethodNotAllowed"
  | "NotAcceptable"
  | "RequestEntityTooLarge"
  | "UnsupportedMediaType"
  | "InternalError"
  | "Expired"
  | "ServiceUnavailable";

/** One field-level problem (metav1.StatusCause). */
export interface StatusCause {
  /** e.g. FieldValueRequired, FieldValueInvalid, FieldValueNotSupported, FieldValueDuplicate, FieldValueForbidden, FieldValueTooLong, FieldManagerConflict */
  reason: string;
  message: string;
  /** JSON-path-ish field name as kube-apiserver writes it: "spec.containers[0].name", "metadata.labels". */
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status for a failure. */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: { continue?: string };
  status: "Failure" | "Success";
  message: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
    /** ListMeta of the Status (a continue token to resume an expired paged list). */
    readonly listMeta: { continue?: string } = {},
  ) {
    super(message);
    this.name = "StatusError";
  }

  toStatus(): Status {
    const s: Status = { kind: "Status", apiVersion: "v1", metadata: { ...this.listMeta }, status: "Failure", message: this.message, reason: this.reason, code: this.code };
    if (this.details) s.details = this.details;
    return s;
  }
}

/** Qualified resource as Status messages spell it: "pods", "deployments.apps". */
function qualified(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(group: string, resource: string, name: string): StatusError {
  return new StatusError(404, "NotFound", `${qualified(group, resource)} "${name}" not found`, { name, group: group || undefined, kind: resource });
}

export function alreadyExists(group: string, resource: string, name: string): StatusError {
  return new StatusError(409, "AlreadyExists", `${qualified(group, resource)} "${name}" already exists`, { name, group: group || undefined, kind: resource });
}

export function conflict(group: string, resource: string, name: string, why: string): StatusError {
  return new StatusError(409, "Conflict", `Operation cannot be fulfilled on ${qualified(group, resource)} "${name}": ${why}`, { name, group: group || undefined, kind: resource });
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, "BadRequest", message);
}

export function gone(message: string): StatusError {
  return new StatusError(410, "Expired", message);
}

export function methodNotAllowed(message: string): StatusError {
  return new StatusError(405, "MethodNotAllowed", message);
}

export function internalError(message: string): StatusError {
  return new StatusError(500, "InternalError", `Internal error occurred: ${message}`);
}

/**
 * 422 Invalid with field causes, worded like kube-apiserver:
 * `Pod "x" is invalid: spec.containers: Required value`.
 */
export function invalid(group: string, kind: string, name: string, causes: StatusCause[]): StatusError {
  // field.Error.Error() is "<field>: <body>" even for an empty field, hence upstream's occasional ": msg".
  const detail = causes.map((c) => `${c.field ?? ""}: ${c.message}`);
  const summary = detail.length === 1 ? detail[0] : `[${detail.join(", ")}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return new StatusError(422, "Invalid", `${qualifiedKind} "${name}" is invalid: ${summary}`, { name, group: group || undefined, kind, causes });
}
