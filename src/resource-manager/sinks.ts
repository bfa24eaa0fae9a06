/** Event sinks as the master uses them. */
import type { EventSink } from "../mesos/link.js";

/** A sink that can tell its owner when the subscriber goes away (the HTTP stream's does). */
export type ObservableSink<E> = EventSink<E> & { onClose?(fn: () => void): void };

/** Holds events (and a close) back until released, so the subscriber has its stream id before the first event. */
export function gated<E>(sink: EventSink<E>): ObservableSink<E> & { release(): void } {
  let queue: E[] | undefined = [];
  let closeReason: { reason?: string | undefined } | undefined;
  const inner = sink as ObservableSink<E>;
  return {
    send(e) {
      if (closeReason) return;
      if (queue) queue.push(e);
      else sink.send(e);
    },
    close(reason) {
      if (queue) closeReason ??= { reason };
      else sink.close(reason);
    },
    get closed() {
      return closeReason !== undefined || sink.closed;
    },
    ...(inner.onClose ? { onClose: (fn: () => void) => inner.onClose!(fn) } : {}),
    release() {
      const q = queue ?? [];
      queue = undefined;
      for (const e of q) sink.send(e);
      if (closeReason) sink.close(closeReason.reason);
    },
  };
}

