// AccessLog: one JSON line per answered request, and server event lines.
//
// A line is written with one write(2) call, so lines from concurrent
// requests never interleave, and nothing is buffered in the process (a
// killed server loses no logged line).
//
// Thread safety: Write() and Event() may run concurrently from any thread.

#ifndef PATHRANK_SERVER_OPS_ACCESS_LOG_H_
#define PATHRANK_SERVER_OPS_ACCESS_LOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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
// followed by '\n' (json_log.cc).
std::string FormatAccessLogLine(const AccessLogEntry& entry);

// {"ts":...,"level":...,"event":...,"request_id":...,"message":...} + '\n'.
std::string FormatEventLine(int64_t time_ms, std::string_view level, std::string_view event,
                            std::string_view request_id, std::string_view message);

class AccessLog {
 public:
  // `destination`: "stdout", "stderr", "off" or a file path (appended to,
  // created when missing). Fails with Unavailable when the file cannot be
  // opened.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& destination);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  bool enabled() const { return fd_ >= 0; }
  void Write(const AccessLogEntry& entry);

 private:
  AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {}
  int fd_;
  bool owned_;
};

// Writes an event line to stderr (errors the answer does not show, reloads,
// start and stop).
void LogEvent(std::string_view level, std::string_view event, std::string_view request_id,
              std::string_view message);

// Milliseconds since the Unix epoch.
int64_t NowMs();

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_ACCESS_LOG_H_
