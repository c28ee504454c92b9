// Metrics: Prometheus counters of the HTTP server and the state it serves.
//
// Per route (method + path template, plus one "unmatched" slot for requests
// no route took): requests by status code and a latency histogram. Recording
// is lock-free (relaxed atomics); rendering reads a consistent-enough view.
//
// Thread safety: Record() and Render*() may run concurrently from any thread.

#ifndef PATHRANK_SERVER_OPS_METRICS_H_
#define PATHRANK_SERVER_OPS_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pathrank::server {

// Values read at scrape time from the registry and the store.
struct StateGauges {
  std::vector<std::pair<std::string, size_t>> catalog_items;  // (catalog id, items)
  uint64_t catalog_generation = 0;
  uint64_t reloads_ok = 0;
  uint64_t reloads_failed = 0;
  int64_t learners = -1;  // -1 when the store could not count
  uint64_t store_errors = 0;
  int64_t store_memory_bytes = -1;     // -1 when the store cannot tell
  int64_t resident_memory_bytes = -1;  // VmRSS; -1 where /proc is absent
  bool ready = false;
};

// This process's resident memory (VmRSS) in bytes, from /proc/self/statm;
// -1 where it cannot be read.
int64_t ResidentMemoryBytes();

class Metrics {
 public:
  // Upper bounds (seconds) of the latency histogram buckets.
  static constexpr std::array<double, 14> kBuckets = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  // One slot per (method, path template); index i is route i. A last slot
  // (unmatched_route()) counts requests no route took.
  explicit Metrics(const std::vector<std::pair<std::string, std::string>>& routes);
  ~Metrics();

  size_t unmatched_route() const { return slots_.size() - 1; }

  // Counts one answered request. `route` out of range counts as unmatched.
  void Record(size_t route, int status, double seconds);

  void AddInFlight(int delta) { in_flight_.fetch_add(delta, std::memory_order_relaxed); }

  // The Prometheus text exposition (version 0.0.4) of the HTTP families and
  // of `state`.
  std::string Render(const StateGauges& state) const;

 private:
  struct Slot;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_METRICS_H_
