/** Server-side apply (structured-merge-diff's Updater.Apply behind kube-apiserver's fieldmanager). */
import { badRequest, StatusError, type StatusCause } from "../errors.js";
import { FieldSet, pathString, type Path } from "./fieldpath.js";
import { capUpdateManagers, decodeManagedFields, identity, rfc3339, setManagedFields, stripSet, withoutManagedFields, type ManagerEntry } from "./managed-fields.js";
import { compare, deepEqual, merge, modelNode, removeItems, toFieldSet } from "./typed.js";

export interface ApplyOptions {
  manager: string;
  force: boolean;
  apiVersion: string;
  now: Date;
  model: string;
  subresource?: string;
}

/** The object after applying `config` to `live` (undefined: create), with managedFields recorded. */
export function applyServerSide(live: object | undefined, config: object, opts: ApplyOptions): object {
  const cm = (config as { metadata?: { managedFields?: unknown } }).metadata;
  if (cm?.managedFields !== undefined && cm.managedFields !== null) throw badRequest("metadata.managedFields must be nil");
  const node = modelNode(opts.model);
  const liveObj = withoutManagedFields(live);
  const configObj = withoutManagedFields(config);
  let entries = decodeManagedFields(live);

  const self: ManagerEntry = { manager: opts.manager, operation: "Apply", apiVersion: opts.apiVersion, set: stripSet(toFieldSet(configObj, node)) };
  if (opts.subresource) self.subresource = opts.subresource;
  const id = identity(self);
  const previous = entries.find((e) => identity(e) === id);
  if (previous?.time) self.time = previous.time;
  entries = [...entries.filter((e) => e !== previous), self];

  let merged = merge(liveObj, configObj, node) as Record<string, unknown>;
  if (previous && previous.set.nonEmpty()) merged = prune(merged, node, previous.set, entries);

  // Others lose what this apply changed, or the apply fails with their names.
  const cmp = compare(liveObj, merged, node);
  const changed = cmp.added.union(cmp.modified);
  const conflicts: { entry: ManagerEntry; paths: Path[] }[] = [];
  for (const e of entries) {
    if (e === self) continue;
    const c = e.set.intersection(changed);
    if (c.nonEmpty()) conflicts.push({ entry: e, paths: c.leaves() });
  }
  if (conflicts.length && !opts.force) throw conflictError(conflicts);
  for (const e of entries) if (e !== self) e.set = e.set.difference(changed).difference(cmp.removed);
  entries = entries.filter((e) => e.set.nonEmpty());

  // Upstream stamps the time when the object changed; a new entry gets one regardless.
  if (!deepEqual(liveObj, merged) || !self.time) self.time = rfc3339(opts.now);
  setManagedFields(merged, capUpdateManagers(entries));
  return merged;
}

/** Drop what the manager applied before and no longer applies, unless someone else still owns it. */
function prune(merged: Record<string, unknown>, node: ReturnType<typeof modelNode>, lastSet: FieldSet, entries: ManagerEntry[]): Record<string, unknown> {
  const owned = entries.reduce((acc, e) => acc.union(e.set), new FieldSet());
  const remove = FieldSet.of(lastSet.leaves().filter((p) => !owned.hasPrefix(p) && !ownedAncestor(owned, p)));
  return removeItems(merged, node, remove) as Record<string, unknown>;
}

function ownedAncestor(owned: FieldSet, p: Path): boolean {
  for (let i = 1; i < p.length; i++) if (owned.has(p.slice(0, i))) return true;
  return false;
}

/** internal.NewConflictError: message and causes as kube-apiserver words them. */
function conflictError(conflicts: { entry: ManagerEntry; paths: Path[] }[]): StatusError {
  const flat = conflicts
    .sort((a, b) => (identity(a.entry) < identity(b.entry) ? -1 : identity(a.entry) > identity(b.entry) ? 1 : 0))
    .flatMap((c) => c.paths.map((p) => ({ who: printManager(c.entry), path: pathString(p) })));
  const causes: StatusCause[] = flat.map((c) => ({ reason: "FieldManagerConflict", message: `conflict with ${c.who}`, field: c.path }));
  let message: string;
  if (flat.length === 1) message = `Apply failed with 1 conflict: conflict with ${flat[0]!.who}: ${flat[0]!.path}`;
  else {
    const lines: string[] = [];
    for (const c of conflicts) {
      lines.push(`conflicts with ${printManager(c.entry)}:`);
      for (const p of c.paths) lines.push(`- ${pathString(p)}`);
    }
    message = `Apply failed with ${flat.length} conflicts: ${lines.join("\n")}`;
  }
  return new StatusError(409, "Conflict", message, { causes });
}

/** printManager: the identity carries no time, so Update managers print "using <apiVersion>". */
function printManager(e: ManagerEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s = `${s} with subresource ${JSON.stringify(e.subresource)}`;
  return e.operation === "Update" ? `${s} using ${e.apiVersion}` : s;
}
