// ConnectionPool: the task queue of the HTTP server, built so that no client
// can starve the others (issue #13; docs/server.md "Connections and limits").
//
// cpp-httplib gives one worker per connection for as long as it is open. So:
// - Workers are started on demand, up to a ceiling (`max_threads`), and stop
//   after 30 s without work (down to a few kept warm).
// - A connection waiting for its next request is *parked*: it leaves its
//   worker and waits in one epoll reactor thread, costing a file descriptor
//   and no thread. When bytes arrive it goes back to a worker; after
//   `idle_timeout` it is closed.
// - Admission: at most `max_connections` open connections, and at most
//   `max_per_client` from one client address. A new connection over either
//   cap closes the oldest parked idle connection (of that address for the
//   per-client cap); when none is idle, the new one is answered 503 and
//   closed.
// Slow clients are bounded by the request deadline of ConnStream.
//
// Thread safety: every public member may be called from any thread.

#ifndef PATHRANK_SERVER_HTTP_CONNECTION_POOL_H_
#define PATHRANK_SERVER_HTTP_CONNECTION_POOL_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/conn_stream.h"

namespace pathrank::server {

struct PoolLimits {
  size_t max_threads = 256;
  size_t warm_threads = 4;  // kept when idle
  size_t max_connections = 8192;
  size_t max_per_client = 2048;
  std::chrono::milliseconds idle_timeout{30000};
  std::chrono::milliseconds read_wait{5000};   // per read
  std::chrono::milliseconds write_wait{5000};  // per write
  std::chrono::milliseconds thread_idle{30000};
};

// Counters for /metrics (monotonic, relaxed).
struct PoolCounters {
  std::atomic<uint64_t> accepted{0};
  std::atomic<uint64_t> evicted_idle{0};  // idle ones closed to admit a new one
  std::atomic<uint64_t> refused{0};       // answered 503: caps reached, none idle
  std::atomic<uint64_t> idle_timeouts{0};
};

class ConnectionPool;

// One admitted connection. Closing (destruction) releases its slot.
struct Connection {
  ~Connection();
  int fd = -1;
  uint64_t id = 0;
  std::string address;
  int served = 0;  // requests answered on it
  std::unique_ptr<ConnStream> stream;
  ConnectionPool* pool = nullptr;
  bool counted = true;  // false once its slot was released by eviction
};

class ConnectionPool : public httplib::TaskQueue {
 public:
  using ServeFn = std::function<void(std::unique_ptr<Connection>)>;

  // `serve` runs on a worker for a parked connection that became readable.
  ConnectionPool(const PoolLimits& limits, ServeFn serve);
  ~ConnectionPool() override;

  // httplib::TaskQueue: runs `fn` on a worker (started if none is free and
  // the ceiling allows; otherwise it waits its turn in FIFO order).
  void enqueue(std::function<void()> fn) override;
  // Closes parked connections, runs the queued tasks, joins the workers.
  void shutdown() override;

  // Admits an accepted socket (see the caps above); null when refused (the
  // socket is then answered 503 and closed).
  std::unique_ptr<Connection> Admit(int fd);
  // Parks an idle connection (closes it when shutting down).
  void Park(std::unique_ptr<Connection> connection);

  bool stopping() const { return stopping_.load(); }
  const PoolCounters& counters() const { return counters_; }
  size_t open_connections() const;
  size_t parked_connections() const;
  size_t threads() const;
  size_t busy_threads() const;

 private:
  friend struct Connection;
  struct Parked {
    std::unique_ptr<Connection> connection;
    std::chrono::steady_clock::time_point deadline;
  };
  using ParkedList = std::list<Parked>;

  void Worker(uint64_t self);
  void StartWorkerLocked();
  void Reactor();
  void Released(const std::string& address);
  // Takes the oldest parked connection (of `address` when not empty) out;
  // its slot is released at once. Null when none is parked. REQUIRES: mu_.
  std::unique_ptr<Connection> EvictLocked(const std::string& address);
  std::unique_ptr<Connection> UnparkLocked(ParkedList::iterator it);

  const PoolLimits limits_;
  const ServeFn serve_;
  PoolCounters counters_;
  std::atomic<bool> stopping_{false};
  int epoll_fd_ = -1;
  std::thread reactor_;

  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable exit_cv_;
  std::deque<std::function<void()>> jobs_;
  std::map<uint64_t, std::thread> workers_;
  std::vector<std::thread> finished_;
  uint64_t next_worker_ = 0;
  size_t idle_workers_ = 0;
  bool jobs_closed_ = false;
  uint64_t next_connection_ = 1;
  size_t open_ = 0;
  std::unordered_map<std::string, size_t> per_client_;
  ParkedList parked_;  // oldest first (= earliest deadline first)
  std::unordered_map<uint64_t, ParkedList::iterator> parked_by_id_;
};

// Raises the soft RLIMIT_NOFILE towards the hard limit so that `wanted`
// connections fit; returns how many connections the limit allows (the
// descriptors left after a reserve for the store, catalogs and logs).
size_t RaiseFileLimitFor(size_t wanted);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_CONNECTION_POOL_H_
