// AccessLog: one JSON line per answered request, and server event lines.
//
// Off the request path: Write() formats the line on the caller's thread and
// pushes it onto a lock-free queue (one atomic exchange, no lock, no system
// call); one writer thread takes every queued line at once and writes them
// with one write(2) per batch. Lines are written in the order their Write()
// calls returned, so the lines of one connection (whose requests are
// answered one after another) keep their order, and lines never interleave.
// Flush() and the destructor write everything queued before they return,
// so a clean shutdown (HttpServer::Serve returning, `pathrank serve` on
// SIGTERM) loses no line; a killed process loses at most the lines of the
// last batch interval (about a millisecond). Queued text is bounded
// (kMaxQueuedBytes): past it Write() waits for the writer, it never drops.
//
// Event lines (LogEvent: errors, reloads, start and stop) are rare and are
// still written synchronously to stderr.
//
// Thread safety: Write(), Flush() and Event() may run concurrently from any
// thread.

#ifndef PATHRANK_SERVER_OPS_ACCESS_LOG_H_
#define PATHRANK_SERVER_OPS_ACCESS_LOG_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "pathrank/status.h"

namespace pathrank::server {

struct AccessLogEntry {
  int64_t time_ms = 0;  // when the answer was written, ms since the epoch
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // the path template, or "unmatched"
  std::string_view path;
  int status = 0;
  size_t bytes = 0;  // body bytes of the answer
  double latency_ms = 0;
  std::string_view remote;  // client address
  std::string_view key;     // the API key's configured name, "" when none
  // The A/B experiment and variant the answer was scored with; "" when none.
  std::string_view experiment;
  std::string_view variant;
};

// {"ts":"2024-05-01T10:00:00.123Z","request_id":...,"method":...,"route":...,
//  "path":...,"status":200,"bytes":123,"latency_ms":0.42,"remote":...,"key":...,
//  "experiment":...,"variant":...} (key, experiment and variant when set)
// followed by '\n' (log_lines.cc).
std::string FormatAccessLogLine(const AccessLogEntry& entry);
// The same line appended to `out`.
void AppendAccessLogLine(const AccessLogEntry& entry, std::string* out);

// {"ts":...,"level":...,"event":...,"request_id":...,"message":...} + '\n'.
std::string FormatEventLine(int64_t time_ms, std::string_view level, std::string_view event,
                            std::string_view request_id, std::string_view message);

class AccessLog {
 public:
  // Past this many queued bytes, Write() waits for the writer thread.
  static constexpr size_t kMaxQueuedBytes = 8 << 20;

  // `destination`: "stdout", "stderr", "off" or a file path (appended to,
  // created when missing). Fails with Unavailable when the file cannot be
  // opened. Starts the writer thread unless "off".
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& destination);
  // Writes every queued line, stops the writer thread, closes the file.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  bool enabled() const { return fd_ >= 0; }
  // Queues the line of `entry` (not written yet when this returns).
  void Write(const AccessLogEntry& entry);
  // Returns once every line queued before the call is written.
  void Flush();

  // Lines written so far (for tests and metrics).
  uint64_t lines_written() const { return written_.load(std::memory_order_acquire); }
  // Whether the writer sleeps until a Write() wakes it (the queue stayed
  // empty for a while); for tests.
  bool writer_sleeping() const { return sleeping_.load(); }

 private:
  struct Line;
  AccessLog(int fd, bool owned);
  void Push(Line* line);
  void WriterLoop();
  // Writes the queued lines; false when there were none.
  bool Drain();

  int fd_;
  bool owned_;
  // The queue: a lock-free stack of lines, newest first, that the writer
  // takes whole and reverses.
  std::atomic<Line*> head_{nullptr};
  std::atomic<size_t> queued_bytes_{0};
  std::atomic<uint64_t> pushed_{0};
  std::atomic<uint64_t> written_{0};
  // The writer sleeps on cv_ when the queue stays empty; a producer takes
  // mu_ only when `sleeping_` says so (never under steady load).
  std::atomic<bool> sleeping_{false};
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::condition_variable cv_;          // wakes the writer
  std::condition_variable written_cv_;  // wakes Flush() and full-queue waits
  std::string batch_;                   // the writer's reused buffer
  std::thread writer_;
};

// Writes an event line to stderr (errors the answer does not show, reloads,
// start and stop).
void LogEvent(std::string_view level, std::string_view event, std::string_view request_id,
              std::string_view message);

// Milliseconds since the Unix epoch.
int64_t NowMs();

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_ACCESS_LOG_H_
