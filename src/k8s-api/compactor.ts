/**
 * Periodic compaction of store history, as kube-apiserver asks etcd to: every interval,
 * forget the revisions older than the revision current one interval ago. Watches and
 * lists that ask for older revisions get 410 Gone and relist.
 */
import type { Store } from "./store/types.js";
import type { Logger } from "../util/log.js";

export interface Compactor {
  stop(): void;
}

export function startCompactor(store: Store, log: Logger, intervalMs = 5 * 60_000): Compactor {
  let previous = store.currentRevision();
  const timer = setInterval(() => {
    const target = previous;
    previous = store.currentRevision();
    if (target <= store.compactedRevision()) return;
    store
      .compact(target)
      .then(() => log.info("compacted store history", { revision: target }))
      .catch((e: unknown) => log.warn("compaction failed", { revision: target, error: e }));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
