/**
 * Watch over HTTP: a chunked stream of {"type":...,"object":...} lines, with bookmarks,
 * timeoutSeconds, sendInitialEvents and Table rendering for kubectl get -w.
 */
import type { Request, Response } from "express";
import { badRequest } from "../errors.js";
import type { KubeObject } from "../types.js";
import type { WatchEvent } from "../registry/generic-store.js";
import { apiVersionOf, type ResourceInfo } from "../registry/types.js";
import type { StoreWatch } from "../store/types.js";
import type { HandlerContext } from "./handlers.js";
import { predicateFromQuery, renderObject, type Output } from "./output.js";

/** A watcher this far behind is cut off at once; it relists, as kube-apiserver's slow watchers do. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * Past its initial events, a watcher whose unsent events stay above this many bytes for
 * SLOW_WATCHER_MS is too slow and is terminated: kube-apiserver's cacheWatcher blocks the
 * dispatch for a bounded time when a watcher's buffer is full, then ends that watch (no
 * ERROR event; the client watches again from the last resourceVersion it saw).
 */
const SLOW_WATCHER_BYTES = 8 * 1024 * 1024;
const SLOW_WATCHER_MS = 10_000;

/**
 * A store event's object shared by several HTTP watchers of its resource (decoded once for
 * all of them by ResourceStore.watch) comes with a place for its encodings: its JSON line
 * is then built once per event type for all of them too.
 */
function eventLine(ev: WatchEvent): string {
  if (!ev.encodings) return JSON.stringify({ type: ev.type, object: ev.object }) + "\n";
  return (ev.encodings[`json:${ev.type}`] ??= JSON.stringify({ type: ev.type, object: ev.object }) + "\n");
}

export async function serveWatch(ctx: HandlerContext, info: ResourceInfo, ns: string, name: string, q: URLSearchParams, req: Request, res: Response, out: Output): Promise<void> {
  const rv = q.get("resourceVersion") ?? undefined;
  const bookmarks = q.get("allowWatchBookmarks") === "true";
  const sendInitialEvents = q.get("sendInitialEvents") === "true";
  if (sendInitialEvents && (q.get("resourceVersionMatch") !== "NotOlderThan" || !bookmarks))
    throw badRequest("sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan and allowWatchBookmarks is true");
  const timeoutSeconds = Number(q.get("timeoutSeconds") ?? 0);
  if (name) q.set("fieldSelector", [q.get("fieldSelector"), `metadata.name=${name}`].filter(Boolean).join(","));
  const predicate = predicateFromQuery(info, q);

  let lastRV = 0;
  let first = true;
  let closed = false;
  let watch: StoreWatch | undefined;
  const timers: NodeJS.Timeout[] = [];
  /** Past the initial events (the slow-watcher bound applies from then on). */
  let initialDone = false;
  let slowTimer: NodeJS.Timeout | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    watch?.stop();
    for (const t of timers) clearTimeout(t);
    clearTimeout(slowTimer);
    res.end();
  };
  const sent = (line: string) => {
    if (closed) return;
    res.write(line);
    const buffered = res.writableLength;
    if (buffered > MAX_BUFFERED_BYTES) return close();
    if (initialDone && buffered > SLOW_WATCHER_BYTES && !slowTimer) {
      slowTimer = setTimeout(() => {
        slowTimer = undefined;
        if (res.writableLength > SLOW_WATCHER_BYTES) close();
      }, SLOW_WATCHER_MS);
    }
  };
  const write = (ev: { type: string; object: unknown }) => sent(JSON.stringify(ev) + "\n");
  // Each event carries one object: a watch asked for PartialObjectMetadataList gets PartialObjectMetadata per event.
  const eventOut: Output = out.as === "PartialObjectMetadataList" ? { ...out, as: "PartialObjectMetadata" } : out;
  const emit = (ev: WatchEvent) => {
    const rvOf = Number(ev.object.metadata?.resourceVersion ?? 0);
    if (rvOf > lastRV) lastRV = rvOf;
    // An ERROR event (410 Expired) ends the watch, as kube-apiserver's error watcher does.
    if (ev.type === "ERROR") {
      write({ type: ev.type, object: ev.object });
      return close();
    }
    if (out.as === "Object") return sent(eventLine(ev));
    const rendered = renderObject(info, ev.object, eventOut) as { columnDefinitions?: unknown[] };
    // Column definitions travel with the first event only, as kube-apiserver sends them.
    if (!first && out.as === "Table") rendered.columnDefinitions = [];
    first = false;
    write({ type: ev.type, object: rendered });
  };
  const bookmark = (annotations?: Record<string, string>) =>
    write({
      type: "BOOKMARK",
      object: { kind: info.kind, apiVersion: apiVersionOf(info), metadata: { resourceVersion: String(lastRV), ...(annotations ? { annotations } : {}) } } as KubeObject,
    });

  res.status(200).type("application/json");
  res.setHeader("Transfer-Encoding", "chunked");
  res.setHeader("Cache-Control", "no-cache, private");
  res.flushHeaders();
  req.on("close", close);

  // SetListOptionsDefaults (WatchList on in v1.35): a legacy watch from "" or "0" is a watch with sendInitialEvents, so it too marks the end of the initial events when bookmarks are allowed.
  const legacyInitial = !q.has("sendInitialEvents") && !q.get("resourceVersionMatch") && (rv === undefined || rv === "" || rv === "0");
  // The bookmark carries the revision the initial state was read at, so a client resuming from it misses and repeats nothing.
  const onInitialEventsEnd = (revision: number) => {
    initialDone = true;
    lastRV = Math.max(lastRV, revision);
    if (sendInitialEvents || (legacyInitial && bookmarks)) bookmark({ "k8s.io/initial-events-end": "true" });
  };
  // shared: this watch only serializes the objects it gets (renderObject builds new ones).
  watch = await ctx.registry.watch(info, ns, { ...(rv !== undefined ? { resourceVersion: rv } : {}), ...(predicate ? { predicate } : {}), sendInitialEvents, onInitialEventsEnd, shared: true }, emit);
  initialDone = true;
  if (closed) return watch.stop();
  if (lastRV === 0) lastRV = Number(rv ?? 0) || ctx.registry.storeFor(info).currentRevision();
  if (bookmarks) {
    const tick = () => {
      if (closed) return;
      bookmark();
      timers[0] = setTimeout(tick, ctx.bookmarkIntervalMs);
    };
    timers[0] = setTimeout(tick, ctx.bookmarkIntervalMs);
  }
  if (timeoutSeconds > 0) timers.push(setTimeout(close, timeoutSeconds * 1000));
}
