#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace pathrank::server {

namespace {
constexpr size_t kMaxBucketsPerShard = 4096;
constexpr const char* kClassNames[] = {"read", "write", "admin", "client", "failed_keys"};
}  // namespace

RateLimiter::Class RateLimiter::ClassOf(Role role) {
  switch (role) {
    case Role::kAdmin:
      return Class::kAdmin;
    case Role::kWrite:
      return Class::kWrite;
    case Role::kRead:
      return Class::kRead;
    case Role::kNone:
      break;
  }
  return Class::kClient;
}

RateLimiter::RateLimiter(const RateLimitsConfig& config)
    : rates_{config.read, config.write, config.admin, config.client, config.failed_keys} {}

int RateLimiter::Take(Class cls, const std::string& who) {
  const size_t c = static_cast<size_t>(cls);
  const RateLimit& rate = rates_[c];
  if (rate.per_second <= 0) {
    allowed_[c].fetch_add(1, std::memory_order_relaxed);
    return 0;
  }
  const std::string key = std::string(kClassNames[c]) + ":" + who;
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  const Clock::time_point now = Clock::now();
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(key);
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= kMaxBucketsPerShard) Trim(shard, rate, now);
    it = shard.buckets.emplace(key, Bucket{rate.burst, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(rate.burst, b.tokens + elapsed * rate.per_second);
  b.updated = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    allowed_[c].fetch_add(1, std::memory_order_relaxed);
    return 0;
  }
  limited_[c].fetch_add(1, std::memory_order_relaxed);
  return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / rate.per_second)));
}

void RateLimiter::Trim(Shard& shard, const RateLimit& rate, Clock::time_point now) {
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.updated).count();
    const bool full = it->second.tokens + elapsed * rate.per_second >= rate.burst;
    it = full ? shard.buckets.erase(it) : std::next(it);
  }
  if (shard.buckets.size() < kMaxBucketsPerShard) return;
  std::vector<Clock::time_point> times;
  for (const auto& [key, bucket] : shard.buckets) times.push_back(bucket.updated);
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  const Clock::time_point median = times[times.size() / 2];
  std::erase_if(shard.buckets, [&](const auto& entry) { return entry.second.updated <= median; });
}

std::string RateLimiter::RenderMetrics() const {
  std::string out =
      "# HELP pathrank_rate_limit_allowed_total Requests a rate limit let through, by class.\n"
      "# TYPE pathrank_rate_limit_allowed_total counter\n";
  for (size_t c = 0; c < kClasses; ++c) {
    out += "pathrank_rate_limit_allowed_total{class=\"" + std::string(kClassNames[c]) + "\"} " +
           std::to_string(allowed_[c].load(std::memory_order_relaxed)) + "\n";
  }
  out +=
      "# HELP pathrank_rate_limited_total Requests answered 429 by a rate limit, by class.\n"
      "# TYPE pathrank_rate_limited_total counter\n";
  for (size_t c = 0; c < kClasses; ++c) {
    out += "pathrank_rate_limited_total{class=\"" + std::string(kClassNames[c]) + "\"} " +
           std::to_string(limited_[c].load(std::memory_order_relaxed)) + "\n";
  }
  return out;
}

}  // namespace pathrank::server
