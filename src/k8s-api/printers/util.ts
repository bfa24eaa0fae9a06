/** Helpers shared by the printers (the small functions at the bottom of printers.go). */
import type { Cell } from "./types.js";
import type { Container, Meta } from "./shapes.js";
import { timeOf, translateTimestampSince } from "./duration.js";

/** 0001-01-01T00:00:00Z in milliseconds: an unset metav1.Time compares as this. */
export const ZERO_TIME = -62135596800000;

/** Anything with metadata: a KubeObject or one of the shapes. */
export type WithMeta = { metadata?: unknown };

export function meta(obj: WithMeta): Meta {
  return (obj.metadata ?? {}) as Meta;
}

export function nameOf(obj: WithMeta): string {
  return meta(obj).name ?? "";
}

/** The AGE cell: translateTimestampSince(obj.CreationTimestamp). */
export function age(obj: WithMeta, now: Date): string {
  return translateTimestampSince(meta(obj).creationTimestamp, now);
}

/** A metav1.Time as milliseconds, ZERO_TIME when unset (so Go's Before() is a plain "<"). */
export function timeOrZero(ts: unknown): number {
  return timeOf(ts) ?? ZERO_TIME;
}

/** layoutContainerCells: container names and images, each joined with ",". */
export function layoutContainerCells(containers: readonly Container[] | undefined | null): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? "").join(","), list.map((c) => c.image ?? "").join(",")];
}

/** printBoolPtr: "True", "False" or "<unset>". */
export function printBoolPtr(v: boolean | null | undefined): string {
  if (v === null || v === undefined) return "<unset>";
  return v ? "True" : "False";
}

/** An int32/int64 field as the printers put it in a cell (missing is 0). */
export function int(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0;
}

/** A cell list (a readability alias). */
export function cells(...values: Cell[]): Cell[] {
  return values;
}

/** net.JoinHostPort. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The "a,b,c + 2 more..." form of formatEndpoints and friends. */
export function listWithMore(list: readonly string[], more: boolean, count: number, max: number, empty: string): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? empty : ret;
}
