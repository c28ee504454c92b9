#include "http/compute_gate.h"

#include <algorithm>
#include <thread>

namespace pathrank::server {

ComputeGate::ComputeGate(size_t slots)
    : slots_(slots > 0 ? slots : std::max<size_t>(1, std::thread::hardware_concurrency())) {}

void ComputeGate::Acquire() {
  std::unique_lock lock(mu_);
  if (busy_ < slots_ && waiters_.empty()) {
    ++busy_;
    return;
  }
  Waiter self;
  waiters_.push_back(&self);
  self.cv.wait(lock, [&] { return self.granted; });
}

void ComputeGate::Release() {
  std::unique_lock lock(mu_);
  if (waiters_.empty()) {
    --busy_;
    return;
  }
  // Hand the slot over: `busy_` stays, the oldest waiter owns it now.
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->granted = true;
  next->cv.notify_one();
}

size_t ComputeGate::waiting() const {
  std::lock_guard lock(mu_);
  return waiters_.size();
}

}  // namespace pathrank::server
