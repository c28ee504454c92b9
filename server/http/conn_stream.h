// ConnStream: one accepted TCP connection as a cpp-httplib Stream, with the
// read deadline cpp-httplib 0.11 lacks.
//
// cpp-httplib only bounds each read (read_timeout_s), so a client sending a
// byte every few seconds could hold a worker forever. Here every request
// (request line, headers and body) must arrive within a deadline set by
// BeginRequest(); a read past it fails and deadline_hit() says so (the
// server then answers 408 and closes). Reads are buffered (cpp-httplib reads
// headers byte by byte); bytes of a pipelined next request stay buffered.
//
// Thread safety: used by one thread at a time (the worker serving the
// connection); ownership moves between workers and the idle reactor.

#ifndef PATHRANK_SERVER_HTTP_CONN_STREAM_H_
#define PATHRANK_SERVER_HTTP_CONN_STREAM_H_

#include <httplib.h>

#include <array>
#include <chrono>
#include <string>

namespace pathrank::server {

class ConnStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // REQUIRES: `fd` is a connected socket; the stream does not close it.
  ConnStream(int fd, std::string remote_ip, int remote_port, std::chrono::milliseconds read_wait,
             std::chrono::milliseconds write_wait);

  // Starts a request: reads fail after `deadline` from now.
  void BeginRequest(std::chrono::milliseconds deadline);
  bool deadline_hit() const { return deadline_hit_; }

  // True when a byte (or end of stream) can be read without waiting.
  bool ReadyNow() const;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return fd_; }

 private:
  // Waits up to the read wait (and the deadline) for input; false on timeout.
  bool WaitReadable() const;

  int fd_;
  std::string remote_ip_;
  int remote_port_;
  std::chrono::milliseconds read_wait_, write_wait_;
  Clock::time_point deadline_ = Clock::time_point::max();
  mutable bool deadline_hit_ = false;
  std::array<char, 4096> buffer_{};
  size_t begin_ = 0, end_ = 0;  // buffered bytes are buffer_[begin_, end_)
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_CONN_STREAM_H_
