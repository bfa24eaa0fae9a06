/**
 * Server-side printing (meta.k8s.io Table) as kube-apiserver 1.35 does it, Accept-header
 * negotiation of Table / PartialObjectMetadata, and the duration strings of AGE columns.
 */
export { toTable, columnDefinitions, printerFor, type ToTableOptions, type IncludeObject } from "./table.js";
export {
  negotiateAs,
  includeObjectFrom,
  asPartialObjectMetadata,
  asPartialObjectMetadataList,
  partialMetadataMismatch,
  type NegotiatedOutput,
  type NegotiateOptions,
  type MetaVersion,
} from "./negotiate.js";
export { humanDuration, translateTimestampSince } from "./duration.js";
export type { Table, TableRow, TableColumnDefinition, TableRowCondition, Cell, ListMeta, PrintHandler, PrintContext } from "./types.js";
