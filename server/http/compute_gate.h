// ComputeGate: at most N handlers compute at once; the others wait their
// turn in arrival order.
//
// cpp-httplib runs one thread per connection. Under load, 32 connections
// mean 32 runnable threads sharing 2 cores: the scheduler time-slices
// them, and a request preempted halfway waits a whole round of the others
// (~30 slices), which is where the p99 of a thread-per-connection server
// goes. CPU-bound handlers (scoring, planning) take a slot first: waiting
// threads sleep instead of competing for the cores, requests finish in
// arrival order, and throughput is unchanged. Socket I/O, parsing of the
// HTTP head and the store's reads happen outside the gate.
//
// Thread safety: Acquire/Release from any thread.

#ifndef PATHRANK_SERVER_HTTP_COMPUTE_GATE_H_
#define PATHRANK_SERVER_HTTP_COMPUTE_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace pathrank::server {

class ComputeGate {
 public:
  // `slots` concurrent holders; 0 means one per hardware thread.
  explicit ComputeGate(size_t slots);

  size_t slots() const { return slots_; }

  // Blocks until a slot is free; waiters are served first come, first
  // served (the releasing thread hands its slot to the oldest waiter).
  void Acquire();
  void Release();

  // How many threads wait in Acquire() now (a snapshot: for tests and
  // metrics, not for decisions).
  size_t waiting() const;

  // Holds a slot for a scope.
  class Slot {
   public:
    explicit Slot(ComputeGate& gate) : gate_(gate) { gate_.Acquire(); }
    ~Slot() { gate_.Release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    ComputeGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable cv;
    bool granted = false;
  };
  const size_t slots_;
  mutable std::mutex mu_;
  size_t busy_ = 0;
  std::deque<Waiter*> waiters_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_COMPUTE_GATE_H_
