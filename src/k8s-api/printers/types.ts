/**
 * meta.k8s.io Table shapes (identical in v1 and v1beta1) and the contract of a printer:
 * the column definitions of one kind and the cells of one object, as a
 * pkg/printers/internalversion handler produces them with GenerateOptions{Wide: true}.
 */
import type { KubeObject } from "../types.js";
import type { ResourceInfo } from "../registry/types.js";
import { doc, type DocKey } from "./descriptions.js";

/** A cell: string, int64 (number) or bool, as the Go printers put them. */
export type Cell = string | number | boolean;

export interface TableColumnDefinition {
  name: string;
  /** OpenAPI type: "string", "integer", "boolean", "date"... */
  type: string;
  /** OpenAPI format: "name" for the object's name column, else "". */
  format: string;
  description: string;
  /** 0 for default columns, 1 for the -o wide ones. */
  priority: number;
}

export interface TableRowCondition {
  type: "Completed";
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
  /** PartialObjectMetadata, the full object, or null (includeObject=None), as upstream serializes it. */
  object: unknown;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface Table {
  kind: "Table";
  apiVersion: "meta.k8s.io/v1" | "meta.k8s.io/v1beta1";
  metadata: ListMeta;
  /** null when headers were not asked for (TableOptions.NoHeaders, later watch events). */
  columnDefinitions: TableColumnDefinition[] | null;
  /** null only from the default convertor with nothing to print, as upstream. */
  rows: TableRow[] | null;
}

export interface PrintContext {
  readonly now: Date;
  readonly resource: ResourceInfo;
}

export interface PrintedRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
}

/** One kind's printer. */
export interface PrintHandler {
  readonly columns: readonly TableColumnDefinition[];
  row(obj: KubeObject, ctx: PrintContext): PrintedRow;
}

/** A column definition; the description is a SwaggerDoc key or literal text. */
export function col(name: string, type: string, description: DocKey | { text: string }, opts: { format?: string; priority?: number } = {}): TableColumnDefinition {
  return {
    name,
    type,
    format: opts.format ?? "",
    description: typeof description === "string" ? doc(description) : description.text,
    priority: opts.priority ?? 0,
  };
}

export const nameColumn = col("Name", "string", "meta/v1 ObjectMeta.name", { format: "name" });
export const ageColumn = col("Age", "string", "meta/v1 ObjectMeta.creationTimestamp");
export const containersColumn = (priority: number): TableColumnDefinition => col("Containers", "string", { text: "Names of each container in the template." }, { priority });
export const imagesColumn = (priority: number): TableColumnDefinition => col("Images", "string", { text: "Images referenced by each container in the template." }, { priority });
