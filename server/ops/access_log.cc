#include "ops/access_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace pathrank::server {

namespace {

void WriteAll(int fd, const std::string& line) {
  size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a full disk or a closed pipe must not stop the server
    done += static_cast<size_t>(n);
  }
}

}  // namespace

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

AccessLog::~AccessLog() {
  if (owned_) ::close(fd_);
}

void AccessLog::Write(const AccessLogEntry& entry) {
  if (fd_ < 0) return;
  WriteAll(fd_, FormatAccessLogLine(entry));
}

void LogEvent(std::string_view level, std::string_view event, std::string_view request_id,
              std::string_view message) {
  WriteAll(2, FormatEventLine(NowMs(), level, event, request_id, message));
}

}  // namespace pathrank::server
