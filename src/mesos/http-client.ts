/**
 * The HTTP link of the one interface (link.ts): SchedulerApi and AgentApi over a master's
 * v1 endpoints, so a framework or agent runs unchanged in-process or remote.
 *
 * subscribe POSTs the call and feeds the decoded RecordIO events of the streaming response
 * into the sink, closing it when the stream ends; call POSTs with Mesos-Stream-Id and
 * throws MesosApiError unless the master answers 202 (or 200). A 307 from a non-leading
 * master is followed, and later calls go straight to the leader.
 *
 * HA: several master URLs may be given (a list or "URL,URL,..."). A request goes to the
 * last known leader first; when that one cannot be reached, answers 503 (no leader known
 * to it) or redirects to a master that cannot be reached, the next URL is tried, so after
 * a failover the subscriber's next (re-)subscription finds the new leader. Requests that
 * get no response headers within requestTimeoutMs (a master paused or partitioned) fail
 * instead of hanging.
 */
import type { AgentCall, AgentEvent } from "./agent.js";
import { MesosApiError, type AgentApi, type EventSink, type SchedulerApi, type Subscription } from "./link.js";
import { RecordIODecoder } from "./recordio.js";
import type { SchedulerCall, SchedulerEvent } from "./v1.js";

export interface HttpSubscription extends Subscription {
  /** End the subscription from this side (the master sees the stream close). */
  close(): void;
}

export interface HttpSchedulerApi extends SchedulerApi {
  subscribe(call: SchedulerCall, sink: EventSink<SchedulerEvent>): Promise<HttpSubscription>;
  /** The master calls go to (the leader, after redirects). */
  readonly masterUrl: string;
}

export interface HttpAgentApi extends AgentApi {
  subscribe(call: AgentCall, sink: EventSink<AgentEvent>): Promise<HttpSubscription>;
  readonly masterUrl: string;
}

const MAX_REDIRECTS = 5;
const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/** "http://a:5050,http://b:5050" or a list -> origins. */
export function masterUrls(masters: string | readonly string[]): string[] {
  const list = (typeof masters === "string" ? masters.split(",") : [...masters]).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new Error("no master URL given");
  return [...new Set(list.map((u) => new URL(u).origin))];
}

export interface HttpClientOptions {
  /** No response headers within this: the request fails (default 5 s). */
  readonly requestTimeoutMs?: number;
}

class StreamingClient<C, E> {
  /** Origin of the master calls go to; follows redirects to the leader. */
  private base: string;
  private readonly urls: string[];
  private readonly timeoutMs: number;

  constructor(masters: string | readonly string[], private readonly path: string, opts: HttpClientOptions = {}) {
    this.urls = masterUrls(masters);
    this.base = this.urls[0]!;
    this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  get masterUrl(): string {
    return this.base;
  }

  /** The last known leader first, then every other configured master. */
  private async post(body: C, streamId: string | undefined, signal?: AbortSignal): Promise<Response> {
    const candidates = [this.base, ...this.urls.filter((u) => u !== this.base)];
    let failure: unknown;
    for (let i = 0; i < candidates.length; i++) {
      const last = i === candidates.length - 1;
      try {
        const res = await this.postTo(candidates[i]!, body, streamId, signal);
        if (res.status === 503 && !last) {
          failure = new MesosApiError(503, `${candidates[i]}: ${await res.text().catch(() => "")}`);
          continue;
        }
        return res;
      } catch (e) {
        if (signal?.aborted) throw e;
        failure = e;
      }
    }
    throw failure;
  }

  private async postTo(start: string, body: C, streamId: string | undefined, signal?: AbortSignal): Promise<Response> {
    let url = new URL(this.path, start);
    for (let i = 0; i <= MAX_REDIRECTS; i++) {
      const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
      if (streamId) headers["Mesos-Stream-Id"] = streamId;
      // Bounded wait for the response headers only: a subscription's body streams on.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new Error(`no answer from ${url.origin} within ${this.timeoutMs}ms`)), this.timeoutMs);
      const onAbort = () => timeout.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      let res: Response;
      try {
        res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), redirect: "manual", signal: timeout.signal });
      } catch (e) {
        if (timeout.signal.aborted && !signal?.aborted) throw timeout.signal.reason as Error;
        throw e;
      } finally {
        clearTimeout(timer);
      }
      this.base = url.origin;
      const location = res.headers.get("location");
      if ([301, 302, 303, 307, 308].includes(res.status) && location) {
        await res.body?.cancel().catch(() => undefined);
        // Mesos sends a protocol-relative "//host:port/path".
        url = new URL(location, url);
        continue;
      }
      return res;
    }
    throw new MesosApiError(508, `Too many redirects (last: ${url.toString()})`);
  }

  async subscribe(call: C, sink: EventSink<E>): Promise<HttpSubscription> {
    const controller = new AbortController();
    let res: Response;
    try {
      res = await this.post(call, undefined, controller.signal);
    } catch (e) {
      if (e instanceof MesosApiError) throw e;
      throw new MesosApiError(503, `Failed to connect to ${this.base}: ${(e as Error).message}`);
    }
    if (res.status !== 200 || !res.body) {
      const text = await res.text().catch(() => "");
      throw new MesosApiError(res.status, text || res.statusText, res.headers.get("location") ?? undefined);
    }
    const streamId = res.headers.get("mesos-stream-id") ?? "";
    const reader = res.body.getReader();
    // The subscriber closing its sink ends the subscription, as on the in-process link: drop
    // the connection now so the master notices at once, not at the next event.
    (sink as Partial<{ onClose(fn: () => void): void }>).onClose?.(() => controller.abort());
    // Events flow once the caller holds the stream id, as with the in-process link.
    setImmediate(() => void pump(reader, sink));
    return {
      streamId,
      close: () => controller.abort(),
    };
  }

  async call(streamId: string, call: C): Promise<void> {
    let res: Response;
    try {
      res = await this.post(call, streamId);
    } catch (e) {
      if (e instanceof MesosApiError) throw e;
      throw new MesosApiError(503, `Failed to connect to ${this.base}: ${(e as Error).message}`);
    }
    const text = await res.text().catch(() => "");
    if (res.status !== 202 && res.status !== 200) throw new MesosApiError(res.status, text || res.statusText, res.headers.get("location") ?? undefined);
  }
}

async function pump<E>(reader: ReadableStreamDefaultReader<Uint8Array>, sink: EventSink<E>): Promise<void> {
  const decoder = new RecordIODecoder();
  let reason = "stream ended";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const record of decoder.decode(value)) {
        if (sink.closed) {
          await reader.cancel().catch(() => undefined);
          return;
        }
        sink.send(JSON.parse(record.toString("utf8")) as E);
      }
    }
    if (decoder.pending > 0) reason = "stream ended inside a record";
  } catch (e) {
    reason = (e as Error).name === "AbortError" ? "subscription closed" : `stream failed: ${(e as Error).message}`;
  }
  sink.close(reason);
}

/** The v1 scheduler API of the master(s) at masterUrl (POST /api/v1/scheduler); see the HA note above. */
export function httpSchedulerApi(masterUrl: string | readonly string[], opts: HttpClientOptions = {}): HttpSchedulerApi {
  const c = new StreamingClient<SchedulerCall, SchedulerEvent>(masterUrl, "/api/v1/scheduler", opts);
  return {
    subscribe: (call, sink) => c.subscribe(call, sink),
    call: (streamId, call) => c.call(streamId, call),
    get masterUrl() {
      return c.masterUrl;
    },
  };
}

/** The master's agent API at masterUrl (POST /api/v1/agent); several masters for HA. */
export function httpAgentApi(masterUrl: string | readonly string[], opts: HttpClientOptions = {}): HttpAgentApi {
  const c = new StreamingClient<AgentCall, AgentEvent>(masterUrl, "/api/v1/agent", opts);
  return {
    subscribe: (call, sink) => c.subscribe(call, sink),
    call: (streamId, call) => c.call(streamId, call),
    get masterUrl() {
      return c.masterUrl;
    },
  };
}
