/**
 * The distributed store: a NATS JetStream KV bucket (DESIGN.md decision 2). The bucket's
 * stream sequence is the revision: a key's modRevision is the sequence of its last
 * message, so compare-and-swap is JetStream's Nats-Expected-Last-Subject-Sequence.
 *
 * Layout of bucket B (stream KV_B, subjects $KV.B.>, every message kept until berth
 * compacts; max_msgs_per_subject is unlimited so every process sees the same history):
 *   $KV.B.<encoded key>        a put (payload = value), or a delete marker (KV-Operation: DEL)
 *   $KV.B._berth.init          written once by the first process; takes sequence 1, so
 *                              the first write is revision 2 as in the embedded store
 *   $KV.B._berth.compacted     {"revision": N}: the compacted revision every process
 *                              agrees on (a rollup: only the newest is kept)
 * Puts after the first carry Berth-Create-Revision (a key's createRevision outlives the
 * compaction of its first message).
 *
 * Reads come from an in-process MVCC mirror fed by an ordered consumer over the whole
 * stream. Every read first learns the stream's last sequence and waits until the mirror
 * has applied it (a linearizable read, like etcd's quorum read), so a process sees every
 * write acknowledged anywhere before the read started. Writes wait until the mirror
 * has applied their own message, so a writer reads its writes and watchers see events
 * in revision order.
 *
 * Values: one message each, so a value must fit the server's max_payload (1 MiB by
 * default) less room for headers; larger ones are ValueTooLargeError (413), not chunked.
 */
import { randomBytes } from "node:crypto";
import { connect, headers as natsHeaders, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection, type StreamConfig } from "nats";
import { createLogger, type Logger } from "../../../util/log.js";
import { ConflictError, FutureRevisionError, KeyExistsError, KeyNotFoundError, StoreError, ValueTooLargeError } from "../errors.js";
import type { ListOptions, ListResult, Store, StoreEntry, StoreWatch, WatchHandler, WatchOptions } from "../types.js";
import { decodeKey, encodeKey } from "./keys.js";
import { Mirror, type CompactionStep } from "./mirror.js";

export interface NatsStoreOptions {
  /** NATS server URL(s), e.g. nats://127.0.0.1:4222. */
  readonly servers: string | string[];
  /** KV bucket name ([A-Za-z0-9_-]+). */
  readonly bucket: string;
  readonly log?: Logger;
  /** Stream replicas when the bucket is created (default 1). */
  readonly replicas?: number;
  /** How long a read or write waits for the mirror to catch up before failing (default 15 s). */
  readonly syncTimeoutMs?: number;
}

const OP_HEADER = "KV-Operation";
const CREATE_REVISION_HEADER = "Berth-Create-Revision";
const COMPACTOR_HEADER = "Berth-Compactor";
const META = "_berth.";
const FORMAT = 1;
/** Room left in max_payload for the headers of a put. */
const HEADER_ALLOWANCE = 512;
/** JSStreamWrongLastSequenceErrF: an expected-last-subject-sequence check failed. */
const WRONG_LAST_SEQUENCE = 10071;
const MAX_CAS_ATTEMPTS = 10;
const PURGE_CONCURRENCY = 16;
/** How long close() waits for the stream consumer to end after the connection closed. */
const CLOSE_WAIT_MS = 2000;

/** Parses `nats://[user:pass@]HOST:PORT[/bucket]` (bucket defaults to "berth"). */
export function parseNatsStoreUrl(spec: string): { servers: string; bucket: string } {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`--store ${spec}: not a URL; expected nats://HOST:PORT[/bucket]`);
  }
  if (url.protocol !== "nats:" && url.protocol !== "tls:") throw new Error(`--store ${spec}: expected nats://HOST:PORT[/bucket]`);
  const bucket = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, "")) || "berth";
  checkBucket(bucket);
  const auth = url.username ? `${url.username}${url.password ? ":" + url.password : ""}@` : "";
  return { servers: `${url.protocol}//${auth}${url.host}`, bucket };
}

function checkBucket(bucket: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(bucket)) throw new Error(`NATS KV bucket name ${JSON.stringify(bucket)} is invalid: use letters, digits, '-' and '_'`);
}

export async function openNatsStore(opts: NatsStoreOptions): Promise<Store> {
  checkBucket(opts.bucket);
  const log = opts.log ?? createLogger("store");
  let nc: NatsConnection;
  try {
    // Reconnect for ever: the mirror resumes where it stopped once the server is back.
    nc = await connect({ servers: opts.servers, name: `berth-store-${opts.bucket}`, maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 5000 });
  } catch (e) {
    throw new StoreError(`cannot connect to NATS at ${String(opts.servers)}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const jsm = await nc.jetstreamManager();
    const store = new NatsStore(nc, jsm, nc.jetstream(), opts.bucket, log, opts.syncTimeoutMs ?? 15_000);
    await store.open(opts.replicas ?? 1);
    return store;
  } catch (e) {
    await nc.close().catch(() => {});
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot open NATS KV bucket ${opts.bucket} at ${String(opts.servers)}: ${(e as Error).message}`, { cause: e });
  }
}

interface Waiter {
  readonly revision: number;
  readonly resolve: () => void;
}

class NatsStore implements Store {
  private readonly mirror: Mirror;
  private readonly stream: string;
  private readonly prefix: string;
  /** Tells this process's compaction records from other processes'. */
  private readonly id = randomBytes(8).toString("hex");
  private waiters: Waiter[] = [];
  private messages: ConsumerMessages | undefined;
  private consumerDone: Promise<void> | undefined;
  private closed = false;
  /** Sequence of the newest compaction record (the CAS base for the next one). */
  private compactionSeq = 0;
  /** Plans of this process's own compactions, by the record's sequence. */
  private readonly plans = new Map<number, CompactionStep[]>();
  /** Purges that failed, retried with the next compaction (what they drop stays unneeded). */
  private leftover: CompactionStep[] = [];
  private barrierInFlight: Promise<number> | undefined;
  private barrierQueued: Promise<number> | undefined;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly bucket: string,
    private readonly log: Logger,
    private readonly syncTimeoutMs: number,
  ) {
    this.stream = `KV_${bucket}`;
    this.prefix = `$KV.${bucket}.`;
    this.mirror = new Mirror({ onWatchError: (e) => log.error("store watch handler failed", { error: e }) });
  }

  // ---- opening ------------------------------------------------------------------------

  async open(replicas: number): Promise<void> {
    await this.ensureStream(replicas);
    await this.publishInit();
    this.consumerDone = this.consume();
    await this.sync();
    this.log.info("NATS store opened", { bucket: this.bucket, revision: this.mirror.currentRevision(), compactedRevision: this.mirror.compactedRevision() });
  }

  private async ensureStream(replicas: number): Promise<void> {
    const config: Partial<StreamConfig> = {
      name: this.stream,
      subjects: [`${this.prefix}>`],
      // History is berth's to drop (compact); JetStream keeps every message until then.
      max_msgs_per_subject: -1,
      max_msgs: -1,
      max_bytes: -1,
      max_age: 0,
      allow_rollup_hdrs: true,
      deny_delete: true,
      allow_direct: true,
      num_replicas: replicas,
    };
    let info = await this.jsm.streams.info(this.stream).catch((e: unknown) => {
      if (isNotFound(e)) return undefined;
      throw e;
    });
    if (!info) {
      try {
        info = await this.jsm.streams.add(config);
        this.log.info("NATS KV bucket created", { bucket: this.bucket, stream: this.stream });
      } catch (e) {
        // Another process created it meanwhile.
        info = await this.jsm.streams.info(this.stream);
      }
    }
    const c = info.config;
    if (c.max_msgs_per_subject !== -1 && c.max_msgs_per_subject !== 0)
      throw new StoreError(`NATS KV bucket ${this.bucket} keeps ${c.max_msgs_per_subject} versions per key; berth needs every version (max_msgs_per_subject -1: it compacts history itself). Use another bucket.`);
    if (!c.allow_rollup_hdrs) throw new StoreError(`NATS KV bucket ${this.bucket} does not allow rollups; berth needs them for its compaction record`);
    if (c.deny_purge) throw new StoreError(`NATS KV bucket ${this.bucket} denies purges; berth's compaction purges old versions`);
  }

  /** The first message of a bucket's stream is berth's, so data starts at revision 2. */
  private async publishInit(): Promise<void> {
    let seq: number;
    try {
      seq = (await this.js.publish(`${this.prefix}${META}init`, JSON.stringify({ format: FORMAT }), { expect: { lastSubjectSequence: 0 } })).seq;
    } catch (e) {
      if (!isWrongLastSequence(e)) throw e;
      const m = await this.jsm.streams.getMessage(this.stream, { last_by_subj: `${this.prefix}${META}init` });
      const format = (m.json() as { format?: number }).format;
      if (format !== FORMAT) throw new StoreError(`NATS KV bucket ${this.bucket} has berth format ${String(format)}; this berth reads format ${FORMAT}`);
      seq = m.seq;
    }
    // Revision 1 is the empty store; messages before the record would be writes berth never made.
    if (seq !== 1) throw new StoreError(`NATS KV bucket ${this.bucket} holds ${seq - 1} message(s) berth did not write; use a new bucket (or one berth created)`);
  }

  // ---- the mirror's feed ------------------------------------------------------------

  /**
   * Applies the stream in order for as long as the store is open. The ordered consumer
   * recreates itself after a reconnect from the last sequence it delivered; if it ends
   * anyway, a new one starts after the mirror's last applied sequence. Sequences at or
   * below it are ignored, so nothing is applied twice and nothing is skipped.
   */
  private async consume(): Promise<void> {
    while (!this.closed) {
      try {
        const consumer = await this.js.consumers.get(this.stream, { opt_start_seq: this.mirror.appliedRevision() + 1 });
        const messages = await consumer.consume({ max_messages: 512 });
        this.messages = messages;
        if (this.closed) messages.stop();
        for await (const m of messages) {
          await this.handle(m);
          this.wake();
        }
      } catch (e) {
        if (this.closed) break;
        this.log.warn("NATS store: consumer failed; restarting it", { bucket: this.bucket, revision: this.mirror.appliedRevision(), error: e });
      }
      if (!this.closed) await new Promise((r) => setTimeout(r, 500));
    }
  }

  private async handle(m: JsMsg): Promise<void> {
    const seq = m.seq;
    if (seq <= this.mirror.appliedRevision()) return;
    const name = m.subject.startsWith(this.prefix) ? m.subject.slice(this.prefix.length) : undefined;
    if (name === undefined) return this.mirror.applyOther(seq);
    if (name.startsWith(META)) {
      if (name === `${META}compacted`) return this.handleCompaction(m);
      return this.mirror.applyOther(seq);
    }
    const key = decodeKey(name);
    if (key === undefined) {
      this.log.warn("NATS store: ignoring a message whose KV key berth did not write", { bucket: this.bucket, subject: m.subject, seq });
      return this.mirror.applyOther(seq);
    }
    const op = m.headers?.get(OP_HEADER);
    if (op === "DEL" || op === "PURGE") return this.mirror.applyDelete(seq, key);
    const created = Number(m.headers?.get(CREATE_REVISION_HEADER) || 0);
    this.mirror.applyPut(seq, key, this.decoder.decode(m.data), created > 0 ? created : undefined);
  }

  private async handleCompaction(m: JsMsg): Promise<void> {
    this.compactionSeq = m.seq;
    let revision = 0;
    try {
      revision = Number((m.json() as { revision?: unknown }).revision);
    } catch {
      /* reported below */
    }
    if (!Number.isSafeInteger(revision) || revision <= 0 || revision >= m.seq) {
      this.log.error("NATS store: ignoring a malformed compaction record", { bucket: this.bucket, seq: m.seq });
      return this.mirror.applyOther(m.seq);
    }
    const plan = await this.mirror.applyCompaction(m.seq, revision);
    if (m.headers?.get(COMPACTOR_HEADER) === this.id) this.plans.set(m.seq, plan);
  }

  private wake(): void {
    const applied = this.mirror.appliedRevision();
    if (!this.waiters.length || this.waiters[0]!.revision > applied) return;
    const ready = this.waiters.filter((w) => w.revision <= applied);
    this.waiters = this.waiters.filter((w) => w.revision > applied);
    for (const w of ready) w.resolve();
  }

  /** Resolves once the mirror has applied revision. */
  private waitFor(revision: number): Promise<void> {
    if (this.mirror.appliedRevision() >= revision) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new StoreError(
            `NATS store: this server's copy of bucket ${this.bucket} is at revision ${this.mirror.appliedRevision()} and did not reach ${revision} within ${this.syncTimeoutMs} ms (is NATS reachable?)`,
          ),
        );
      }, this.syncTimeoutMs);
      const waiter: Waiter = {
        revision,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => a.revision - b.revision);
    });
  }

  /**
   * The stream's last sequence as of some moment after the call. Concurrent callers
   * share one request, but only one sent after they called: a request already in
   * flight may predate a write they must see.
   */
  private barrier(): Promise<number> {
    if (!this.barrierInFlight) {
      this.barrierInFlight = this.jsm.streams
        .info(this.stream)
        .then((i) => i.state.last_seq)
        .finally(() => {
          this.barrierInFlight = undefined;
        });
      return this.barrierInFlight;
    }
    this.barrierQueued ??= this.barrierInFlight
      .catch(() => 0)
      .then(() => {
        this.barrierQueued = undefined;
        return this.barrier();
      });
    return this.barrierQueued;
  }

  /** Waits until the mirror holds every write acknowledged before the call. */
  private async sync(): Promise<void> {
    this.checkOpen();
    let last: number;
    try {
      last = await this.barrier();
    } catch (e) {
      throw new StoreError(`NATS store: cannot read the state of bucket ${this.bucket}: ${(e as Error).message}`, { cause: e });
    }
    await this.waitFor(last);
  }

  // ---- reads ------------------------------------------------------------------------

  async get(key: string, opts?: { readonly revision?: number }): Promise<StoreEntry | undefined> {
    await this.sync();
    return this.mirror.get(key, opts);
  }

  async list(prefix: string, opts?: ListOptions): Promise<ListResult> {
    await this.sync();
    return this.mirror.list(prefix, opts);
  }

  async count(prefix: string): Promise<number> {
    await this.sync();
    return this.mirror.count(prefix);
  }

  currentRevision(): number {
    return this.mirror.currentRevision();
  }

  compactedRevision(): number {
    return this.mirror.compactedRevision();
  }

  watch(prefix: string, opts: WatchOptions, handler: WatchHandler): StoreWatch {
    this.checkOpen();
    return this.mirror.watch(prefix, opts, handler);
  }

  // ---- writes -----------------------------------------------------------------------

  async create(key: string, value: string): Promise<StoreEntry> {
    this.checkOpen();
    const subject = this.subject(key);
    const data = this.payload(key, value);
    if (this.mirror.latestEntry(key)) {
      await this.sync();
      if (this.mirror.latestEntry(key)) throw new KeyExistsError(key);
    }
    let expected = this.mirror.lastSequence(key);
    for (let attempt = 0; ; attempt++) {
      try {
        const seq = await this.publish(subject, data, expected);
        return { key, value, createRevision: seq, modRevision: seq };
      } catch (e) {
        if (!isWrongLastSequence(e) || attempt >= MAX_CAS_ATTEMPTS) throw this.wrap(e, key);
      }
      // The mirror's idea of the key's last message was stale: ask the stream.
      const last = await this.lastMessage(subject);
      if (last && !last.deleted) {
        await this.waitFor(last.seq);
        throw new KeyExistsError(key);
      }
      expected = last?.seq ?? 0;
    }
  }

  async update(key: string, value: string, expectedRevision: number): Promise<StoreEntry> {
    this.checkOpen();
    const subject = this.subject(key);
    const data = this.payload(key, value);
    for (let attempt = 0; ; attempt++) {
      const cur = await this.current(key, expectedRevision);
      const h = natsHeaders();
      h.set(CREATE_REVISION_HEADER, String(cur.createRevision));
      try {
        const seq = await this.publish(subject, data, expectedRevision, h);
        return { key, value, createRevision: cur.createRevision, modRevision: seq };
      } catch (e) {
        if (!isWrongLastSequence(e) || attempt >= MAX_CAS_ATTEMPTS) throw this.wrap(e, key);
      }
      // Someone else wrote the key: the next round finds out who, after a sync.
      await this.sync();
    }
  }

  async delete(key: string, expectedRevision?: number): Promise<StoreEntry> {
    this.checkOpen();
    const subject = this.subject(key);
    for (let attempt = 0; ; attempt++) {
      // Without an expected revision the delete is still a CAS on the version read, so
      // it returns the value it really deleted.
      const cur = await this.current(key, expectedRevision);
      const h = natsHeaders();
      h.set(OP_HEADER, "DEL");
      try {
        const seq = await this.publish(subject, new Uint8Array(0), cur.modRevision, h);
        return { key, value: cur.value, createRevision: cur.createRevision, modRevision: seq };
      } catch (e) {
        if (!isWrongLastSequence(e) || attempt >= MAX_CAS_ATTEMPTS) throw this.wrap(e, key);
      }
      await this.sync();
    }
  }

  /**
   * The live version of key that a CAS expecting `expected` (any, when undefined) would
   * replace; KeyNotFoundError or ConflictError, after a sync, when there is none.
   */
  private async current(key: string, expected: number | undefined): Promise<StoreEntry> {
    let cur = this.mirror.latestEntry(key);
    if (cur && (expected === undefined || cur.modRevision === expected)) return cur;
    await this.sync();
    cur = this.mirror.latestEntry(key);
    if (!cur) throw new KeyNotFoundError(key);
    if (expected !== undefined && cur.modRevision !== expected) throw new ConflictError(key, expected, cur.modRevision);
    return cur;
  }

  /** Publishes with a CAS on the subject's last sequence; resolves once the mirror has applied it. */
  private async publish(subject: string, data: Uint8Array, lastSubjectSequence: number, h = natsHeaders()): Promise<number> {
    const ack = await this.js.publish(subject, data, { headers: h, expect: { lastSubjectSequence } });
    try {
      await this.waitFor(ack.seq);
    } catch (e) {
      // Like etcd's "request timed out": the write is in the stream, only unconfirmed here.
      throw new StoreError(`NATS store: the write of ${subject} was committed at revision ${ack.seq} but this server has not applied it yet: ${(e as Error).message}`, { cause: e });
    }
    return ack.seq;
  }

  /** The stream's last message on subject, or undefined when it has none. */
  private async lastMessage(subject: string): Promise<{ seq: number; deleted: boolean } | undefined> {
    try {
      const m = await this.jsm.streams.getMessage(this.stream, { last_by_subj: subject });
      const op = m.header?.get(OP_HEADER);
      return { seq: m.seq, deleted: op === "DEL" || op === "PURGE" };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw this.wrap(e, subject);
    }
  }

  private subject(key: string): string {
    return this.prefix + encodeKey(key);
  }

  private payload(key: string, value: string): Uint8Array {
    const data = new TextEncoder().encode(value);
    const limit = (this.nc.info?.max_payload ?? 1024 * 1024) - HEADER_ALLOWANCE;
    if (data.length > limit) throw new ValueTooLargeError(key, data.length, limit);
    return data;
  }

  private wrap(e: unknown, key: string): Error {
    if (e instanceof StoreError) return e;
    return new StoreError(`NATS store: write of ${key} failed: ${(e as Error).message}`, { cause: e });
  }

  // ---- compaction -------------------------------------------------------------------

  /**
   * Records the compacted revision in the bucket (a CAS on the record, so it only moves
   * forward and every process applies the same one at the same point of the stream),
   * then purges the messages no read at or after it can need.
   */
  async compact(revision: number): Promise<void> {
    await this.sync();
    if (revision > this.mirror.currentRevision()) throw new FutureRevisionError(revision, this.mirror.currentRevision());
    for (let attempt = 0; ; attempt++) {
      if (revision <= this.mirror.compactedRevision()) return;
      const h = natsHeaders();
      h.set("Nats-Rollup", "sub");
      h.set(COMPACTOR_HEADER, this.id);
      let seq: number;
      try {
        seq = await this.publish(`${this.prefix}${META}compacted`, new TextEncoder().encode(JSON.stringify({ revision })), this.compactionSeq, h);
      } catch (e) {
        if (!isWrongLastSequence(e) || attempt >= MAX_CAS_ATTEMPTS) throw this.wrap(e, `${META}compacted`);
        await this.sync();
        continue;
      }
      const plan = [...this.leftover.splice(0), ...(this.plans.get(seq) ?? [])];
      this.plans.delete(seq);
      await this.purge(plan, revision);
      return;
    }
  }

  private async purge(plan: readonly CompactionStep[], revision: number): Promise<void> {
    const started = Date.now();
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < plan.length && !this.closed) {
        const step = plan[next++]!;
        try {
          await this.jsm.streams.purge(this.stream, { filter: this.subject(step.key), seq: step.keepFrom });
        } catch (e) {
          // A stale message below the compacted revision costs space, not correctness: try again next time.
          this.leftover.push(step);
          if (failed++ === 0) this.log.warn("NATS store: purge of compacted history failed; retried at the next compaction", { bucket: this.bucket, key: step.key, error: e });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PURGE_CONCURRENCY, plan.length) }, worker));
    this.log.info("NATS store compacted", { bucket: this.bucket, revision, keys: plan.length, failed, ms: Date.now() - started });
  }

  // ---- closing ----------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.messages?.stop();
    await this.mirror.close();
    const waiters = this.waiters;
    this.waiters = [];
    // Writers waiting for their message: the store is closing, nothing more will be applied.
    for (const w of waiters) w.resolve();
    await this.nc.close().catch(() => {});
    // The consumer loop ends once its iterator does; an ordered consumer's iterator has been
    // seen never to end after the connection closed (1 run in 2 of the store suite after the
    // client suite). Nothing can arrive any more, so the wait is bounded.
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      (this.consumerDone ?? Promise.resolve()).then(() => true, () => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (!ended) this.log.warn("NATS store: the stream consumer did not end within the close; left behind", { bucket: this.bucket, waited_ms: CLOSE_WAIT_MS });
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreError("store is closed");
  }
}

function isWrongLastSequence(e: unknown): boolean {
  const api = (e as { api_error?: { err_code?: number } } | undefined)?.api_error;
  return api?.err_code === WRONG_LAST_SEQUENCE || /wrong last sequence/i.test((e as Error | undefined)?.message ?? "");
}

function isNotFound(e: unknown): boolean {
  const api = (e as { api_error?: { code?: number } } | undefined)?.api_error;
  return api?.code === 404 || /not found/i.test((e as Error | undefined)?.message ?? "");
}
