export type * from "./types.js";
export * from "./errors.js";
export { MemoryStore, INITIAL_REVISION, type MemorySnapshot, type MemoryStoreOptions, type MutationRecord } from "./memory.js";
export { openEmbeddedStore, type EmbeddedStoreOptions, type StoreLog } from "./embedded.js";
export { StoreLockedError } from "./lock.js";
export { openNatsStore, parseNatsStoreUrl, type NatsStoreOptions } from "./nats/nats-store.js";
