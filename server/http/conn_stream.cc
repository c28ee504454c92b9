#include "http/conn_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace pathrank::server {

namespace {

// poll() for `events` on `fd` for up to `wait`; true when ready.
bool PollFor(int fd, short events, std::chrono::milliseconds wait) {
  pollfd p{fd, events, 0};
  const int ms = static_cast<int>(std::max<int64_t>(0, wait.count()));
  int n;
  do {
    n = ::poll(&p, 1, ms);
  } while (n < 0 && errno == EINTR);
  return n > 0;
}

}  // namespace

ConnStream::ConnStream(int fd, std::string remote_ip, int remote_port,
                       std::chrono::milliseconds read_wait, std::chrono::milliseconds write_wait)
    : fd_(fd),
      remote_ip_(std::move(remote_ip)),
      remote_port_(remote_port),
      read_wait_(read_wait),
      write_wait_(write_wait) {}

void ConnStream::BeginRequest(std::chrono::milliseconds deadline) {
  deadline_ = Clock::now() + deadline;
  deadline_hit_ = false;
}

bool ConnStream::ReadyNow() const {
  return begin_ < end_ || PollFor(fd_, POLLIN, std::chrono::milliseconds(0));
}

bool ConnStream::WaitReadable() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  const bool deadline_first = left < read_wait_;
  if (PollFor(fd_, POLLIN, deadline_first ? left : read_wait_)) return true;
  if (deadline_first) deadline_hit_ = true;
  return false;
}

bool ConnStream::is_readable() const { return begin_ < end_ || WaitReadable(); }

bool ConnStream::is_writable() const { return PollFor(fd_, POLLOUT, write_wait_); }

ssize_t ConnStream::read(char* ptr, size_t size) {
  if (begin_ == end_) {
    if (!WaitReadable()) return -1;
    ssize_t n;
    do {
      n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    begin_ = 0;
    end_ = static_cast<size_t>(n);
  }
  const size_t n = std::min(size, end_ - begin_);
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t n;
  do {
    n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void ConnStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_ip_;
  port = remote_port_;
}

void ConnStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  ip.clear();
  port = 0;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    port = ntohs(in6->sin6_port);
  }
  ip = text;
}

}  // namespace pathrank::server
