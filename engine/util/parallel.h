// The one thread fan-out of pathrank: the batch scorer, the evaluator and
// the tuner's search cache split their work with these.
//
// Thread safety: `fn` runs concurrently on up to `workers` threads and must
// be safe to call so; both functions return when every call has returned.

#ifndef PATHRANK_UTIL_PARALLEL_H_
#define PATHRANK_UTIL_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace pathrank::internal {

// Calls fn(w) once for each w in [0, workers): worker 0 on the calling
// thread, the others on threads of their own. REQUIRES: workers >= 1.
template <typename Fn>
void RunOnWorkers(size_t workers, Fn&& fn) {
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) pool.emplace_back([&fn, w] { fn(w); });
  fn(size_t{0});
  for (std::thread& t : pool) t.join();
}

// Calls fn(i) for each i in [0, count) over at most `threads` workers, which
// take indices in order from a shared counter.
template <typename Fn>
void ParallelFor(size_t count, size_t threads, Fn&& fn) {
  threads = std::max<size_t>(1, std::min(threads, count));
  std::atomic<size_t> next{0};
  RunOnWorkers(threads, [&](size_t) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) fn(i);
  });
}

}  // namespace pathrank::internal

#endif  // PATHRANK_UTIL_PARALLEL_H_
