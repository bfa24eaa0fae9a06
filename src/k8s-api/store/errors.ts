/** Typed store errors; the API edge maps each to a Kubernetes Status once. */

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** create() on a key that exists. */
export class KeyExistsError extends StoreError {
  constructor(readonly key: string) {
    super(`key already exists: ${key}`);
  }
}

/** update()/delete()/get() on a key that does not exist. */
export class KeyNotFoundError extends StoreError {
  constructor(readonly key: string) {
    super(`key not found: ${key}`);
  }
}

/** Compare-and-swap failed: the key's modRevision is not the expected one. */
export class ConflictError extends StoreError {
  constructor(
    readonly key: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`revision mismatch for ${key}: expected ${expectedRevision}, current ${actualRevision}`);
  }
}

/** A read or watch asked for a revision that compaction has removed. */
export class CompactedError extends StoreError {
  constructor(
    readonly requestedRevision: number,
    readonly compactedRevision: number,
  ) {
    super(`required revision ${requestedRevision} has been compacted (compacted revision ${compactedRevision})`);
  }
}

/** A revision newer than the store has ever written was requested. */
export class FutureRevisionError extends StoreError {
  constructor(
    readonly requestedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`requested revision ${requestedRevision} is newer than current revision ${currentRevision}`);
  }
}

/** The on-disk state failed a check (bad checksum, truncated record, unknown format). */
export class StoreCorruptError extends StoreError {
  constructor(
    readonly file: string,
    readonly offset: number,
    detail: string,
  ) {
    super(`store file ${file} is corrupt at byte ${offset}: ${detail}`);
  }
}

/**
 * A value larger than the backend can store in one write (etcd: "etcdserver: request is
 * too large"); the API answers 413 RequestEntityTooLarge, as kube-apiserver does.
 */
export class ValueTooLargeError extends StoreError {
  constructor(
    readonly key: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`request is too large: the value for ${key} is ${size} bytes, over the store's limit of ${limit} bytes`);
  }
}
