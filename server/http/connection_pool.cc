#include "http/connection_pool.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <system_error>

#include "api/json_api.h"

namespace pathrank::server {

namespace {

using Clock = std::chrono::steady_clock;

void PeerOf(int fd, std::string* ip, int* port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  char text[INET6_ADDRSTRLEN] = {};
  *port = 0;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    if (addr.ss_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      *port = ntohs(in->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
      *port = ntohs(in6->sin6_port);
    }
  }
  *ip = text;
}

// The answer to a connection over the caps, written without a worker's
// help (best effort, never blocking), before it is closed.
void RefuseConnection(int fd) {
  static const std::string answer = [] {
    const std::string body = RenderProblem(MakeProblem(
        ProblemType::kUnavailable, "the server has too many open connections; retry later",
        FieldLocation::kHeader, "", "connection limit reached"));
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
           "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  (void)!::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace

Connection::~Connection() {
  if (fd >= 0) {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
  if (counted && pool != nullptr) pool->Released(address);
}

ConnectionPool::ConnectionPool(const PoolLimits& limits, ServeFn serve)
    : limits_(limits), serve_(std::move(serve)) {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  reactor_ = std::thread([this] { Reactor(); });
}

ConnectionPool::~ConnectionPool() {
  shutdown();
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
}

void ConnectionPool::enqueue(std::function<void()> fn) {
  std::vector<std::thread> reap;
  {
    std::unique_lock lock(mu_);
    if (jobs_closed_) {
      // After shutdown(); nothing calls this then, but a task is never lost.
      lock.unlock();
      fn();
      return;
    }
    jobs_.push_back(std::move(fn));
    if (idle_workers_ < jobs_.size() && workers_.size() < limits_.max_threads) {
      StartWorkerLocked();
    }
    reap.swap(finished_);
  }
  work_cv_.notify_one();
  for (std::thread& t : reap) t.join();
}

void ConnectionPool::StartWorkerLocked() {
  const uint64_t id = next_worker_++;
  try {
    workers_.emplace(id, std::thread([this, id] { Worker(id); }));
  } catch (const std::system_error&) {
    // No thread could be started (memory, limits): the queued task waits
    // for a running worker.
  }
}

void ConnectionPool::Worker(uint64_t self) {
  std::unique_lock lock(mu_);
  for (;;) {
    ++idle_workers_;
    const bool woken = work_cv_.wait_for(lock, limits_.thread_idle,
                                         [&] { return !jobs_.empty() || jobs_closed_; });
    --idle_workers_;
    if (!jobs_.empty()) {
      std::function<void()> fn = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      try {
        fn();
      } catch (...) {
        // A task's exception must not end the worker; cpp-httplib's own
        // handlers already turned request errors into answers.
      }
      fn = nullptr;
      lock.lock();
      continue;
    }
    if (jobs_closed_ || (!woken && workers_.size() > limits_.warm_threads)) break;
  }
  // Joined later by enqueue() or shutdown(): a thread cannot join itself.
  finished_.push_back(std::move(workers_[self]));
  workers_.erase(self);
  exit_cv_.notify_all();
}

void ConnectionPool::shutdown() {
  stopping_ = true;
  if (reactor_.joinable()) reactor_.join();
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mu_);
    while (!parked_.empty()) closing.push_back(UnparkLocked(parked_.begin()));
  }
  closing.clear();
  std::vector<std::thread> reap;
  {
    std::unique_lock lock(mu_);
    jobs_closed_ = true;
    work_cv_.notify_all();
    exit_cv_.wait(lock, [&] { return workers_.empty(); });
    reap.swap(finished_);
  }
  for (std::thread& t : reap) t.join();
}

std::unique_ptr<Connection> ConnectionPool::Admit(int fd) {
  std::string ip;
  int port = 0;
  PeerOf(fd, &ip, &port);
  std::vector<std::unique_ptr<Connection>> evicted;
  bool admitted = true;
  uint64_t id = 0;
  {
    std::lock_guard lock(mu_);
    auto count = per_client_.find(ip);
    if (count != per_client_.end() && count->second >= limits_.max_per_client) {
      evicted.push_back(EvictLocked(ip));
      admitted = evicted.back() != nullptr;
    }
    if (admitted && open_ >= limits_.max_connections) {
      evicted.push_back(EvictLocked(""));
      admitted = evicted.back() != nullptr;
    }
    if (admitted) {
      ++open_;
      ++per_client_[ip];
      id = next_connection_++;
    }
  }
  for (const auto& e : evicted) {
    if (e) counters_.evicted_idle.fetch_add(1, std::memory_order_relaxed);
  }
  evicted.clear();
  if (!admitted) {
    counters_.refused.fetch_add(1, std::memory_order_relaxed);
    RefuseConnection(fd);
    return nullptr;
  }
  counters_.accepted.fetch_add(1, std::memory_order_relaxed);
  auto connection = std::make_unique<Connection>();
  connection->fd = fd;
  connection->id = id;
  connection->address = ip;
  connection->pool = this;
  connection->stream =
      std::make_unique<ConnStream>(fd, ip, port, limits_.read_wait, limits_.write_wait);
  return connection;
}

void ConnectionPool::Released(const std::string& address) {
  std::lock_guard lock(mu_);
  --open_;
  auto it = per_client_.find(address);
  if (it != per_client_.end() && --it->second == 0) per_client_.erase(it);
}

std::unique_ptr<Connection> ConnectionPool::EvictLocked(const std::string& address) {
  for (auto it = parked_.begin(); it != parked_.end(); ++it) {
    if (!address.empty() && it->connection->address != address) continue;
    std::unique_ptr<Connection> c = UnparkLocked(it);
    --open_;
    auto count = per_client_.find(c->address);
    if (count != per_client_.end() && --count->second == 0) per_client_.erase(count);
    c->counted = false;
    return c;
  }
  return nullptr;
}

std::unique_ptr<Connection> ConnectionPool::UnparkLocked(ParkedList::iterator it) {
  std::unique_ptr<Connection> c = std::move(it->connection);
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
  parked_by_id_.erase(c->id);
  parked_.erase(it);
  return c;
}

void ConnectionPool::Park(std::unique_ptr<Connection> connection) {
  std::unique_lock lock(mu_);
  if (stopping_) {
    lock.unlock();  // the destructor takes the lock
    connection.reset();
    return;
  }
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  event.data.u64 = connection->id;
  const int fd = connection->fd;
  const uint64_t id = connection->id;
  parked_.push_back({std::move(connection), Clock::now() + limits_.idle_timeout});
  parked_by_id_[id] = std::prev(parked_.end());
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) {
    std::unique_ptr<Connection> failed = UnparkLocked(std::prev(parked_.end()));
    lock.unlock();
  }
}

void ConnectionPool::Reactor() {
  std::vector<epoll_event> events(256);
  while (!stopping_) {
    const int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 50);
    std::vector<Connection*> ready;
    std::vector<std::unique_ptr<Connection>> expired;
    {
      std::lock_guard lock(mu_);
      for (int i = 0; i < n; ++i) {
        auto it = parked_by_id_.find(events[i].data.u64);
        if (it != parked_by_id_.end()) ready.push_back(UnparkLocked(it->second).release());
      }
      const auto now = Clock::now();
      while (!parked_.empty() && parked_.front().deadline <= now) {
        expired.push_back(UnparkLocked(parked_.begin()));
      }
    }
    counters_.idle_timeouts.fetch_add(expired.size(), std::memory_order_relaxed);
    expired.clear();
    for (Connection* raw : ready) {
      // A client that hung up (the usual end of a keep-alive connection) is
      // closed here: no worker is needed to read its end of stream.
      char byte;
      if (::recv(raw->fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0) {
        delete raw;
        continue;
      }
      enqueue([this, raw] { serve_(std::unique_ptr<Connection>(raw)); });
    }
  }
}

size_t ConnectionPool::open_connections() const {
  std::lock_guard lock(mu_);
  return open_;
}

size_t ConnectionPool::parked_connections() const {
  std::lock_guard lock(mu_);
  return parked_.size();
}

size_t ConnectionPool::threads() const {
  std::lock_guard lock(mu_);
  return workers_.size();
}

size_t ConnectionPool::busy_threads() const {
  std::lock_guard lock(mu_);
  return workers_.size() - std::min(workers_.size(), idle_workers_);
}

size_t RaiseFileLimitFor(size_t wanted) {
  constexpr size_t kReserve = 128;  // store, catalogs, plugins, logs, listener
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  const rlim_t need = static_cast<rlim_t>(wanted + kReserve);
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < need) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? need : std::min(limit.rlim_max, need);
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  const size_t usable =
      limit.rlim_cur > kReserve * 2 ? limit.rlim_cur - kReserve : limit.rlim_cur / 2;
  return std::min(wanted, usable);
}

}  // namespace pathrank::server
