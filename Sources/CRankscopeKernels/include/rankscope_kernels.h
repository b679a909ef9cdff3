#ifndef RANKSCOPE_KERNELS_H
#define RANKSCOPE_KERNELS_H

// Small kernels Swift cannot express well: a prefetch hint, and int8 inner products and squared distances
// with AVX2's multiply-add of 16-bit pairs (vpmaddwd). The int8 results are exact 32-bit integer sums, so
// they equal a scalar loop's bit for bit on every path.

#include <stdint.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// Asks the processor to bring the cache line holding `address` into all cache levels (a hint: never
/// faults, never blocks). HNSW search uses it to overlap the latency of the next neighbour's vector, and of
/// the next candidate's links, with the work on the current one.
static inline void rankscope_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#if defined(__x86_64__)
/// Sums the eight 32-bit lanes of `v`.
__attribute__((target("avx2"))) static inline int32_t rankscope_sum_i32x8(__m256i v) {
  __m128i sum = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0x4E));
  sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0xB1));
  return _mm_cvtsi128_si32(sum);
}
#endif

/// `Σ a_i · b_i` over `count` int8 components, exact in 32 bits (|a_i · b_i| ≤ 2¹⁴, so up to 2¹⁷ components).
#if defined(__x86_64__)
__attribute__((target("avx2")))
#endif
static inline int32_t rankscope_dot_i8(const int8_t *a, const int8_t *b, long count) {
  long index = 0;
  int32_t total = 0;
#if defined(__x86_64__)
  __m256i sum0 = _mm256_setzero_si256(), sum1 = _mm256_setzero_si256();
  for (; index + 32 <= count; index += 32) {
    __m256i a0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + index)));
    __m256i b0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + index)));
    __m256i a1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + index + 16)));
    __m256i b1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + index + 16)));
    sum0 = _mm256_add_epi32(sum0, _mm256_madd_epi16(a0, b0));
    sum1 = _mm256_add_epi32(sum1, _mm256_madd_epi16(a1, b1));
  }
  total = rankscope_sum_i32x8(_mm256_add_epi32(sum0, sum1));
#endif
  for (; index < count; index++) total += (int32_t)a[index] * (int32_t)b[index];
  return total;
}

/// `Σ (a_i − b_i)²` over `count` int8 components, exact in 32 bits (each term ≤ 2¹⁶, so up to 2¹⁵ components).
#if defined(__x86_64__)
__attribute__((target("avx2")))
#endif
static inline int32_t rankscope_squared_distance_i8(const int8_t *a, const int8_t *b, long count) {
  long index = 0;
  int32_t total = 0;
#if defined(__x86_64__)
  __m256i sum0 = _mm256_setzero_si256(), sum1 = _mm256_setzero_si256();
  for (; index + 32 <= count; index += 32) {
    __m256i d0 = _mm256_sub_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + index))),
                                  _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + index))));
    __m256i d1 = _mm256_sub_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + index + 16))),
                                  _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + index + 16))));
    sum0 = _mm256_add_epi32(sum0, _mm256_madd_epi16(d0, d0));
    sum1 = _mm256_add_epi32(sum1, _mm256_madd_epi16(d1, d1));
  }
  total = rankscope_sum_i32x8(_mm256_add_epi32(sum0, sum1));
#endif
  for (; index < count; index++) {
    int32_t difference = (int32_t)a[index] - (int32_t)b[index];
    total += difference * difference;
  }
  return total;
}

#endif
