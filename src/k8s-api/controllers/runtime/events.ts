/**
 * core/v1 Events for the controllers, the way client-go's legacy recorder
 * (tools/record) writes them: one Event per (source, object, type, reason, message),
 * repeats raise its count and lastTimestamp through a patch; ten or more distinct
 * messages for the same (source, object, type, reason) within ten minutes collapse
 * into one "(combined from similar events): ..." Event; a token bucket per source and
 * object (burst 25, one more every five minutes) drops floods.
 */
import type { V1ObjectReference } from "@kubernetes/client-node";
import type { ApiClient } from "../../client/types.js";
import type { KubeObject } from "../../types.js";
import type { Logger } from "../../../util/log.js";
import { EVENTS, isNotFound, meta, rfc3339 } from "../util/objects.js";

export type EventType = "Normal" | "Warning";

/** Records events about one object, as record.EventRecorder. */
export interface EventRecorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string): void;
}

/** A reference to an object, as core/v1 ObjectReference. */
type ObjectReference = V1ObjectReference;

interface CoreEvent extends KubeObject {
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: { component: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: EventType;
  eventTime: null;
  reportingComponent: string;
  reportingInstance: string;
}

interface Observation {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
}

// client-go tools/record/events_cache.go
const MAX_LRU_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/** A bounded map that forgets its least recently used entry. */
class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.m.delete(k);
    this.m.set(k, v);
    if (this.m.size > this.max) {
      const first = this.m.keys().next();
      if (!first.done) this.m.delete(first.value);
    }
  }
}

/** Turns recorded events into API writes, in order, for every recorder it made. */
export class EventBroadcaster {
  private chain: Promise<void> = Promise.resolve();
  private readonly observed = new Lru<Observation>(MAX_LRU_ENTRIES);
  private readonly aggregates = new Lru<{ localKeys: Set<string>; last: number }>(MAX_LRU_ENTRIES);
  private readonly spam = new Lru<{ tokens: number; at: number }>(MAX_LRU_ENTRIES);
  private seq = 0;
  private stopped = false;

  constructor(
    private readonly client: ApiClient,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A recorder whose events name `component` as their source ("deployment-controller"). */
  newRecorder(component: string): EventRecorder {
    return { event: (obj, type, reason, message) => this.record(component, obj, type, reason, message) };
  }

  /** Stop writing; events recorded afterwards are dropped. */
  shutdown(): void {
    this.stopped = true;
  }

  /** Resolves when every event recorded so far has been written (or failed). */
  flush(): Promise<void> {
    return this.chain;
  }

  private record(component: string, obj: KubeObject, type: EventType, reason: string, message: string): void {
    if (this.stopped) return;
    const m = meta(obj);
    const involved: ObjectReference = {
      kind: obj.kind,
      namespace: m.namespace,
      name: m.name,
      uid: m.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: m.resourceVersion,
    };
    this.log.info("event", { component, object: m.namespace ? `${m.namespace}/${m.name}` : m.name, kind: obj.kind, type, reason, message });
    const nowDate = this.now();
    const now = nowDate.getTime();
    const objKey = [component, "", involved.kind, involved.namespace, involved.name, involved.uid, involved.apiVersion].join("\u0000");
    if (!this.allow(`${objKey}\u0000${type}`, now)) return;

    // Aggregation by (source, object, type, reason).
    const aggKey = [objKey, type, reason, component, ""].join("\u0000");
    let agg = this.aggregates.get(aggKey);
    if (!agg || now - agg.last > AGGREGATE_INTERVAL_MS) agg = { localKeys: new Set(), last: now };
    agg.localKeys.add(message);
    agg.last = now;
    this.aggregates.set(aggKey, agg);
    let key = [aggKey, message].join("\u0000");
    let msg = message;
    if (agg.localKeys.size >= AGGREGATE_MAX_EVENTS) {
      const first = agg.localKeys.values().next();
      if (!first.done) agg.localKeys.delete(first.value);
      key = aggKey;
      msg = `(combined from similar events): ${message}`;
    }

    const ts = rfc3339(nowDate);
    const namespace = involved.namespace || "default";
    const prev = this.observed.get(key);
    const obs: Observation = prev
      ? { ...prev, count: prev.count + 1 }
      : { name: `${involved.name ?? ""}.${this.nanoHex(now)}`, namespace, count: 1, firstTimestamp: ts };
    this.observed.set(key, obs);
    const ev: CoreEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: obs.name, namespace: obs.namespace },
      involvedObject: involved,
      reason,
      message: msg,
      source: { component },
      firstTimestamp: obs.firstTimestamp,
      lastTimestamp: ts,
      count: obs.count,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: "",
    };
    const update = obs.count > 1;
    this.chain = this.chain.then(() => this.write(ev, update));
  }

  private async write(ev: CoreEvent, update: boolean): Promise<void> {
    if (this.stopped) return;
    const ns = ev.metadata?.namespace ?? "default";
    const name = ev.metadata?.name ?? "";
    try {
      if (update) {
        try {
          await this.client.patch(EVENTS, ns, name, "merge", { count: ev.count, lastTimestamp: ev.lastTimestamp, message: ev.message });
          return;
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      await this.client.create(EVENTS, ns, ev);
    } catch (e) {
      // As client-go, an event that cannot be written is logged and dropped.
      if (!this.stopped) this.log.warn("could not write event", { namespace: ns, name, reason: ev.reason, err: e });
    }
  }

  /** Token bucket per (source, object, type): record.NewEventSourceObjectSpamFilter. */
  private allow(key: string, now: number): boolean {
    const b = this.spam.get(key) ?? { tokens: SPAM_BURST, at: now };
    const refill = Math.floor((now - b.at) / SPAM_REFILL_MS);
    if (refill > 0) {
      b.tokens = Math.min(SPAM_BURST, b.tokens + refill);
      b.at += refill * SPAM_REFILL_MS;
    }
    if (b.tokens <= 0) {
      this.spam.set(key, b);
      return false;
    }
    b.tokens--;
    this.spam.set(key, b);
    return true;
  }

  /** The "%x" of UnixNano in the event name; a sequence keeps names within one millisecond apart. */
  private nanoHex(ms: number): string {
    this.seq = (this.seq + 1) % 1_000_000;
    return (BigInt(ms) * 1_000_000n + BigInt(this.seq)).toString(16);
  }
}
