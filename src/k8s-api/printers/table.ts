/**
 * Server-side printing: the meta.k8s.io Table kube-apiserver returns for
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (what `kubectl get` asks for).
 * Kinds with a printer get its columns (TableConvertor over pkg/printers with Wide: true);
 * every other kind gets the default table of k8s.io/apiserver/pkg/registry/rest/table.go
 * (Name, Created At). Rows carry the object as includeObject asks (endpoints/handlers/response.go).
 */
import type { KubeObject } from "../types.js";
import { apiVersionOf, type ResourceInfo } from "../registry/types.js";
import { badRequest } from "../errors.js";
import { appsPrinters } from "./apps.js";
import { batchPrinters } from "./batch.js";
import { corePrinters, eventPrinter } from "./core.js";
import { otherPrinters } from "./other.js";
import { timeOf } from "./duration.js";
import { meta, nameOf } from "./util.js";
import { col, type ListMeta, type PrintHandler, type Table, type TableColumnDefinition, type TableRow } from "./types.js";

/** metav1.IncludeObjectPolicy; "" means the default, Metadata. */
export type IncludeObject = "None" | "Metadata" | "Object";

export interface ToTableOptions {
  /** What each row's `object` holds (default Metadata): null, PartialObjectMetadata, or the object. */
  includeObject?: IncludeObject | "";
  /** The clock for AGE and friends (default: now). */
  now?: Date;
  /** The list's metadata; absent for a single object, whose resourceVersion the table then carries. */
  listMeta?: ListMeta;
  /** The Table's group/version (default meta.k8s.io/v1); PartialObjectMetadata in rows uses it too. */
  apiVersion?: "meta.k8s.io/v1" | "meta.k8s.io/v1beta1";
  /** Leave out the column definitions (TableOptions.NoHeaders: watch events after the first). */
  noHeaders?: boolean;
}

const printers: ReadonlyMap<string, PrintHandler> = new Map([
  ...[...corePrinters].map(([kind, h]) => [`/${kind}`, h] as const),
  ...[...appsPrinters].map(([kind, h]) => [`apps/${kind}`, h] as const),
  ...[...batchPrinters].map(([kind, h]) => [`batch/${kind}`, h] as const),
  ...otherPrinters,
  // events.k8s.io Events live in the core Event storage and print with its TableConvertor.
  ["events.k8s.io/Event", eventPrinter] as const,
]);

/** The printer of a resource's kind, or undefined when it uses the default table. */
export function printerFor(resource: Pick<ResourceInfo, "group" | "kind">): PrintHandler | undefined {
  return printers.get(`${resource.group}/${resource.kind}`);
}

const defaultColumns: readonly TableColumnDefinition[] = [
  col("Name", "string", "meta/v1 ObjectMeta.name", { format: "name" }),
  col("Created At", "date", "meta/v1 ObjectMeta.creationTimestamp"),
];

/** The column definitions a resource's tables carry (all of them: -o wide ones have priority 1). */
export function columnDefinitions(resource: Pick<ResourceInfo, "group" | "kind">): TableColumnDefinition[] {
  return [...(printerFor(resource)?.columns ?? defaultColumns)].map((c) => ({ ...c }));
}

/** m.GetCreationTimestamp().Time.UTC().Format(time.RFC3339): second precision, "Z". */
function createdAt(obj: KubeObject): string {
  const t = timeOf(meta(obj).creationTimestamp);
  return t === undefined ? "0001-01-01T00:00:00Z" : new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The row's `object` for an includeObject policy. */
function rowObject(resource: ResourceInfo, obj: KubeObject, include: IncludeObject | "", tableApiVersion: string): unknown {
  switch (include) {
    case "None":
      return null;
    case "Object": {
      // Converted to the request's version: a whole typed object, apiVersion and kind set.
      const { apiVersion: _a, kind: _k, ...rest } = obj;
      return { kind: resource.kind, apiVersion: apiVersionOf(resource), ...rest };
    }
    case "Metadata":
    case "":
      return { kind: "PartialObjectMetadata", apiVersion: tableApiVersion, metadata: obj.metadata ?? {} };
  }
}

function tableListMeta(objects: readonly KubeObject[], listMeta: ListMeta | undefined): ListMeta {
  const out: ListMeta = {};
  if (listMeta) {
    if (listMeta.resourceVersion) out.resourceVersion = listMeta.resourceVersion;
    if (listMeta.continue) out.continue = listMeta.continue;
    if (listMeta.remainingItemCount !== undefined && listMeta.remainingItemCount !== null) out.remainingItemCount = listMeta.remainingItemCount;
  } else if (objects.length === 1) {
    const rv = meta(objects[0]!).resourceVersion;
    if (rv) out.resourceVersion = rv;
  }
  return out;
}

/**
 * A meta.k8s.io Table of objects of one resource, as kube-apiserver 1.35 serves it:
 * columns and cells of the kind's printer (all columns; kubectl hides priority 1 unless
 * -o wide) or the default Name / Created At table, rows holding the object per includeObject.
 * Pass a single object as a one-element array without listMeta.
 */
export function toTable(resource: ResourceInfo, objects: readonly KubeObject[], options: ToTableOptions = {}): Table {
  const include = options.includeObject ?? "";
  if (include !== "" && include !== "None" && include !== "Metadata" && include !== "Object") throw badRequest(`unrecognized includeObject value: "${String(include)}"`);
  const now = options.now ?? new Date();
  const apiVersion = options.apiVersion ?? "meta.k8s.io/v1";
  const printer = printerFor(resource);
  const ctx = { now, resource };
  let rows: TableRow[] | null;
  if (printer) {
    rows = objects.map((obj) => {
      const printed = printer.row(obj, ctx);
      const object = rowObject(resource, obj, include, apiVersion);
      // Key order as Go writes a TableRow: cells, conditions (when any), object.
      return printed.conditions ? { cells: printed.cells, conditions: printed.conditions.map((c) => ({ ...c })), object } : { cells: printed.cells, object };
    });
  } else {
    // The default convertor appends rows one by one: no objects, no rows (null).
    rows = objects.length === 0 ? null : objects.map((obj) => ({ cells: [nameOf(obj), createdAt(obj)], object: rowObject(resource, obj, include, apiVersion) }));
  }
  return {
    kind: "Table",
    apiVersion,
    metadata: tableListMeta(objects, options.listMeta),
    columnDefinitions: options.noHeaders ? null : columnDefinitions(resource),
    rows,
  };
}
