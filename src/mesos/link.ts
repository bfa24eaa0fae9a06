/**
 * One interface, two links (DESIGN.md decision 1). The master implements SchedulerApi
 * and AgentApi; a framework or agent in the same process calls them directly, one in
 * another process through the HTTP client of the same interface (POST for calls, a
 * RecordIO-framed streaming response for the subscription), so either side cannot tell
 * which link it is on.
 */
import type { AgentCall, AgentEvent } from "./agent.js";
import type { SchedulerCall, SchedulerEvent } from "./v1.js";

/** A failed call: the HTTP status the v1 API answers with (400, 403, 404, 409...) and its message. */
export class MesosApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** For 307 from a non-leading master: where the leader is. */
    readonly location?: string,
  ) {
    super(message);
    this.name = "MesosApiError";
  }
}

/** Where a subscription's events go; `close` ends the stream (the subscriber sees it end). */
export interface EventSink<E> {
  send(event: E): void;
  close(reason?: string): void;
  readonly closed: boolean;
}

export interface Subscription {
  /** Mesos-Stream-Id: later calls of this subscriber carry it. */
  readonly streamId: string;
}

export interface SchedulerApi {
  /** SUBSCRIBE: the first event is SUBSCRIBED (or ERROR and the sink is closed). */
  subscribe(call: SchedulerCall, sink: EventSink<SchedulerEvent>): Promise<Subscription>;
  /** Any other call, from the subscription with this stream id; resolves when accepted (202). */
  call(streamId: string, call: SchedulerCall): Promise<void>;
}

export interface AgentApi {
  /** REGISTER or REREGISTER: the first event is REGISTERED/REREGISTERED (or ERROR). */
  subscribe(call: AgentCall, sink: EventSink<AgentEvent>): Promise<Subscription>;
  call(streamId: string, call: AgentCall): Promise<void>;
}

/**
 * A sink that hands events to a callback, for in-process subscribers. The subscriber ends
 * its subscription by closing it; `onClose` lets the master notice at once, as it notices
 * an HTTP stream's connection going (not only at its next send or heartbeat).
 */
export function callbackSink<E>(onEvent: (e: E) => void, onClose?: (reason?: string) => void): EventSink<E> & { onClose(fn: () => void): void } {
  let closed = false;
  const listeners: (() => void)[] = [];
  return {
    send(e) {
      if (!closed) onEvent(e);
    },
    close(reason) {
      if (closed) return;
      closed = true;
      onClose?.(reason);
      for (const l of listeners.splice(0)) l();
    },
    get closed() {
      return closed;
    },
    onClose(fn) {
      if (closed) fn();
      else listeners.push(fn);
    },
  };
}
