// HttpServer::Impl's connection handling (see server_impl.h).

#include <algorithm>

#include "http/server_impl.h"

namespace pathrank::server {

namespace {
// The stream of the request this worker is reading, for the error handler.
thread_local const ConnStream* t_stream = nullptr;
// Set by CloseConnectionAfter for the request this worker answers.
thread_local bool t_close = false;
}  // namespace

bool CurrentRequestTimedOut() { return t_stream != nullptr && t_stream->deadline_hit(); }

void CloseConnectionAfter(httplib::Response& res) {
  res.set_header("Connection", "close");
  t_close = true;
}

PoolLimits PoolLimitsOf(const HttpConfig& config) {
  PoolLimits limits;
  limits.max_threads = static_cast<size_t>(config.threads);
  limits.warm_threads = std::min<size_t>(4, limits.max_threads);
  const size_t wanted = static_cast<size_t>(config.max_connections);
  limits.max_connections = std::max<size_t>(1, RaiseFileLimitFor(wanted));
  limits.max_per_client =
      std::min(limits.max_connections, static_cast<size_t>(config.max_connections_per_client));
  limits.idle_timeout = std::chrono::seconds(config.keep_alive_timeout_s);
  limits.read_wait = std::chrono::seconds(config.read_timeout_s);
  limits.write_wait = std::chrono::seconds(config.write_timeout_s);
  return limits;
}

HttpServer::Impl::Impl(const HttpConfig& config)
    : config_(config), request_deadline_(std::chrono::seconds(config.request_timeout_s)) {
  new_task_queue = [this] {
    auto* pool = new ConnectionPool(PoolLimitsOf(config_), [this](std::unique_ptr<Connection> c) {
      ServeConnection(std::move(c));
    });
    pool_ = pool;
    return pool;
  };
}

bool HttpServer::Impl::process_and_close_socket(socket_t sock) {
  ConnectionPool* pool = pool_.load();
  std::unique_ptr<Connection> connection = pool->Admit(sock);
  if (connection) ServeConnection(std::move(connection));
  return true;
}

void HttpServer::Impl::ServeConnection(std::unique_ptr<Connection> connection) {
  ConnStream& stream = *connection->stream;
  const int max_requests = config_.keep_alive_max_count;
  for (;;) {
    if (pool_.load()->stopping() || svr_sock_ == INVALID_SOCKET) return;  // closes it
    if (!stream.ReadyNow()) {
      pool_.load()->Park(std::move(connection));
      return;
    }
    const bool last = connection->served + 1 >= max_requests;
    bool closed = false;
    stream.BeginRequest(request_deadline_);
    t_stream = &stream;
    t_close = false;
    const bool ok = process_request(stream, last, closed, nullptr);
    t_stream = nullptr;
    ++connection->served;
    if (!ok || closed || last || t_close || stream.deadline_hit()) return;
  }
}

}  // namespace pathrank::server
