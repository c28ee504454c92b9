// Seeded random streams for the evaluation code: one independent stream per
// (seed, index, ...) tuple, the same on every platform. Private to
// engine/src.

#ifndef PATHRANK_UTIL_RANDOM_H_
#define PATHRANK_UTIL_RANDOM_H_

#include <cstdint>
#include <initializer_list>
#include <random>
#include <vector>

namespace pathrank::internal {

// A generator seeded from every 64-bit word of `key` (split into 32-bit
// halves, so no bit of the seed is lost).
inline std::mt19937_64 SeededRng(std::initializer_list<uint64_t> key) {
  std::vector<uint32_t> words;
  for (uint64_t k : key) {
    words.push_back(static_cast<uint32_t>(k));
    words.push_back(static_cast<uint32_t>(k >> 32));
  }
  std::seed_seq seq(words.begin(), words.end());
  return std::mt19937_64(seq);
}

// Uniform in [0, 1) from 53 random bits.
inline double UniformDouble(std::mt19937_64& rng) { return (rng() >> 11) * 0x1.0p-53; }

}  // namespace pathrank::internal

#endif  // PATHRANK_UTIL_RANDOM_H_
