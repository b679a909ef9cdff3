#ifndef RANKSCOPE_PREFETCH_H
#define RANKSCOPE_PREFETCH_H

/// Asks the processor to bring the cache line holding `address` into all cache levels (a hint: never
/// faults, never blocks). Swift has no prefetch intrinsic; HNSW search uses this to overlap the memory
/// latency of the next neighbour's vector with the distance computation of the current one.
static inline void rankscope_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
