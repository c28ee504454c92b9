#include "http/compute_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "support/wait_for.h"

namespace pathrank::server {
namespace {

TEST(ComputeGateTest, NeverMoreHoldersThanSlots) {
  ComputeGate gate(2);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        ComputeGate::Slot slot(gate);
        const int now = ++inside;
        for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_GE(most.load(), 1);
}

TEST(ComputeGateTest, WaitersAreServedInArrivalOrder) {
  ComputeGate gate(1);
  gate.Acquire();  // the gate is busy; waiters queue up
  std::vector<int> order;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      ComputeGate::Slot slot(gate);
      std::lock_guard lock(mu);
      order.push_back(t);
    });
    // Thread t queues before thread t + 1 starts.
    EXPECT_TRUE(pathrank::testing::WaitFor([&] { return gate.waiting() == size_t(t) + 1; }));
  }
  gate.Release();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

TEST(ComputeGateTest, ZeroMeansOnePerHardwareThread) {
  EXPECT_GE(ComputeGate(0).slots(), 1u);
  EXPECT_EQ(ComputeGate(3).slots(), 3u);
}

}  // namespace
}  // namespace pathrank::server
