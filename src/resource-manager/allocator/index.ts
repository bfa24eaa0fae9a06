/** The allocator: `createAllocator` builds Mesos' hierarchical DRF allocator (hierarchical.ts). */
import { HierarchicalAllocator } from "./hierarchical.js";
import type { Allocator, AllocatorOptions } from "./types.js";

export type { Allocation, Allocator, AllocatorOptions, Quota } from "./types.js";
export { DEFAULT_MIN_ALLOCATABLE, DEFAULT_REFUSE_SECONDS, HierarchicalAllocator } from "./hierarchical.js";

export function createAllocator(opts: AllocatorOptions): Allocator {
  return new HierarchicalAllocator(opts);
}
