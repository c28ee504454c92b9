// RateLimiter: token buckets per API key (rate of its role) and per client
// address (for requests without a valid key), as configured in
// ServerConfig::rate_limits (docs/server.md "Rate limits").
//
// Memory is bounded: each of the 16 shards keeps at most 4096 buckets; when
// full, buckets that have refilled completely (indistinguishable from new
// ones) are dropped, and if none has, the oldest-touched half is.
//
// Thread safety: Take() and RenderMetrics() may run from any thread.

#ifndef PATHRANK_SERVER_HTTP_RATE_LIMITER_H_
#define PATHRANK_SERVER_HTTP_RATE_LIMITER_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "ops/config.h"

namespace pathrank::server {

class RateLimiter {
 public:
  // The bucket classes: the three roles, "client" (per address) and
  // "failed_keys" (per address, requests whose key matched no configured key).
  enum class Class { kRead = 0, kWrite = 1, kAdmin = 2, kClient = 3, kFailedKey = 4 };
  static Class ClassOf(Role role);

  explicit RateLimiter(const RateLimitsConfig& config);

  // Takes a token from bucket `who` of `cls`. 0 when allowed; otherwise the
  // whole seconds (>= 1) until a token is back, for Retry-After.
  int Take(Class cls, const std::string& who);

  // pathrank_rate_limit_allowed_total / _limited_total by class.
  std::string RenderMetrics() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };
  void Trim(Shard& shard, const RateLimit& rate, Clock::time_point now);

  static constexpr size_t kClasses = 5;
  std::array<RateLimit, kClasses> rates_;
  std::array<Shard, 16> shards_;
  std::array<std::atomic<uint64_t>, kClasses> allowed_{};
  std::array<std::atomic<uint64_t>, kClasses> limited_{};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_RATE_LIMITER_H_
