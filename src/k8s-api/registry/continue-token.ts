/**
 * The list continue token, shaped like kube-apiserver's (base64 of
 * {"v":"meta.k8s.io/v1","rv":N,"start":"<key after prefix>"}) so that it looks familiar.
 */
import { badRequest } from "../errors.js";

export interface ContinueToken {
  /** Revision the first page was read at. */
  readonly revision: number;
  /** Key (relative to the listed prefix) the next page starts after. */
  readonly startAfter: string;
}

export function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: t.revision, start: t.startAfter })).toString("base64url");
}

export function decodeContinue(token: string): ContinueToken {
  try {
    const raw = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { v?: unknown; rv?: unknown; start?: unknown };
    if (raw.v !== "meta.k8s.io/v1" || typeof raw.rv !== "number" || typeof raw.start !== "string" || raw.start.includes(".."))
      throw new Error("bad token");
    return { revision: raw.rv, startAfter: raw.start };
  } catch {
    throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
}
