// WaitFor: the one way a test waits. It polls a condition until it holds or
// a deadline passes, so a slow (loaded) machine only makes a test slower,
// never wrong; a test never sleeps a fixed time hoping something happened.

#ifndef PATHRANK_TESTS_SUPPORT_WAIT_FOR_H_
#define PATHRANK_TESTS_SUPPORT_WAIT_FOR_H_

#include <chrono>
#include <thread>

namespace pathrank::testing {

// Calls `condition` until it returns true or `timeout` has passed, pausing
// `poll` between calls. Returns the last value of `condition` (true when it
// held in time). The condition is called at least once, and once more at the
// deadline. Thread safety: as safe as `condition`.
template <typename Condition>
bool WaitFor(Condition&& condition, std::chrono::milliseconds timeout = std::chrono::seconds(20),
             std::chrono::milliseconds poll = std::chrono::milliseconds(5)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return condition();
    std::this_thread::sleep_for(poll);
  }
  return true;
}

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_SUPPORT_WAIT_FOR_H_
