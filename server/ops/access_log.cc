#include "ops/access_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace pathrank::server {

namespace {

// The writer waits this long after writing a batch, so that the lines of
// the next one gather (one write(2) per batch, not per line).
constexpr auto kBatchInterval = std::chrono::milliseconds(1);
// Empty batch intervals before the writer sleeps until woken.
constexpr int kIdleRounds = 50;
// A batch buffer grown past this is released after use.
constexpr size_t kKeepBatchCapacity = 1 << 20;

void WriteAll(int fd, std::string_view text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a full disk or a closed pipe must not stop the server
    done += static_cast<size_t>(n);
  }
}

}  // namespace

struct AccessLog::Line {
  Line* next = nullptr;
  std::string text;
};

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& destination) {
  if (destination == "off") return std::unique_ptr<AccessLog>(new AccessLog(-1, false));
  if (destination == "stdout") return std::unique_ptr<AccessLog>(new AccessLog(1, false));
  if (destination == "stderr") return std::unique_ptr<AccessLog>(new AccessLog(2, false));
  const int fd = ::open(destination.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::Unavailable("cannot open access log " + destination + ": " +
                               std::strerror(errno));
  }
  return std::unique_ptr<AccessLog>(new AccessLog(fd, true));
}

AccessLog::AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {
  if (fd_ >= 0) writer_ = std::thread([this] { WriterLoop(); });
}

AccessLog::~AccessLog() {
  if (writer_.joinable()) {
    {
      std::lock_guard lock(mu_);
      stop_.store(true);
      cv_.notify_one();
    }
    writer_.join();  // the writer drains the queue before it returns
  }
  if (owned_) ::close(fd_);
}

void AccessLog::Write(const AccessLogEntry& entry) {
  if (fd_ < 0) return;
  auto* line = new Line;
  line->text.reserve(320);
  AppendAccessLogLine(entry, &line->text);
  if (queued_bytes_.load(std::memory_order_relaxed) > kMaxQueuedBytes) {
    // The writer is behind (a slow disk or pipe): wait rather than drop.
    std::unique_lock lock(mu_);
    cv_.notify_one();
    written_cv_.wait(lock,
                     [&] { return queued_bytes_.load() <= kMaxQueuedBytes / 2 || stop_.load(); });
  }
  queued_bytes_.fetch_add(line->text.size(), std::memory_order_relaxed);
  Push(line);
}

void AccessLog::Push(Line* line) {
  // seq_cst on the push and on the load of sleeping_ (and in the writer's
  // store of sleeping_ and load of head_): either the writer sees this line
  // before it sleeps, or this thread sees it sleeping and wakes it.
  line->next = head_.load(std::memory_order_relaxed);
  while (!head_.compare_exchange_weak(line->next, line, std::memory_order_seq_cst,
                                      std::memory_order_relaxed)) {
  }
  pushed_.fetch_add(1, std::memory_order_release);
  if (sleeping_.load(std::memory_order_seq_cst)) {
    std::lock_guard lock(mu_);
    cv_.notify_one();
  }
}

void AccessLog::Flush() {
  if (!writer_.joinable()) return;
  const uint64_t target = pushed_.load(std::memory_order_acquire);
  std::unique_lock lock(mu_);
  cv_.notify_one();
  written_cv_.wait(lock, [&] { return written_.load(std::memory_order_acquire) >= target; });
}

bool AccessLog::Drain() {
  Line* list = head_.exchange(nullptr, std::memory_order_acquire);
  if (list == nullptr) return false;
  Line* oldest = nullptr;  // reverse: the stack is newest first
  while (list != nullptr) {
    Line* next = list->next;
    list->next = oldest;
    oldest = list;
    list = next;
  }
  batch_.clear();
  uint64_t lines = 0;
  for (Line* l = oldest; l != nullptr; ++lines) {
    batch_ += l->text;
    Line* next = l->next;
    delete l;
    l = next;
  }
  WriteAll(fd_, batch_);
  queued_bytes_.fetch_sub(batch_.size(), std::memory_order_relaxed);
  if (batch_.capacity() > kKeepBatchCapacity) std::string().swap(batch_);
  {
    std::lock_guard lock(mu_);
    written_.fetch_add(lines, std::memory_order_release);
    written_cv_.notify_all();
  }
  return true;
}

void AccessLog::WriterLoop() {
  int idle = 0;
  while (true) {
    if (Drain()) {
      idle = 0;
      if (!stop_.load()) std::this_thread::sleep_for(kBatchInterval);
      continue;
    }
    if (stop_.load()) {
      if (!Drain()) return;  // a line pushed after the check above
      continue;
    }
    if (++idle < kIdleRounds) {
      std::this_thread::sleep_for(kBatchInterval);
      continue;
    }
    std::unique_lock lock(mu_);
    sleeping_.store(true, std::memory_order_seq_cst);
    cv_.wait(lock,
             [&] { return head_.load(std::memory_order_seq_cst) != nullptr || stop_.load(); });
    sleeping_.store(false, std::memory_order_relaxed);
    idle = 0;
  }
}

void LogEvent(std::string_view level, std::string_view event, std::string_view request_id,
              std::string_view message) {
  WriteAll(2, FormatEventLine(NowMs(), level, event, request_id, message));
}

}  // namespace pathrank::server
