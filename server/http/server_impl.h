// HttpServer::Impl: the cpp-httplib server, with its connection handling
// replaced (private to server/http).
//
// cpp-httplib 0.11 serves a connection on one worker until it closes,
// waiting for each next request on that worker. Impl overrides
// process_and_close_socket (virtual in httplib::Server) with
// ServeConnection: admit the socket (ConnectionPool caps), answer the
// requests that are ready, park the connection in the pool's reactor when it
// goes idle, and bound every request by the ConnStream deadline.
//
// Thread safety: as httplib::Server; ServeConnection runs on pool workers.

#ifndef PATHRANK_SERVER_HTTP_SERVER_IMPL_H_
#define PATHRANK_SERVER_HTTP_SERVER_IMPL_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <regex>
#include <span>
#include <vector>

#include "api/problem.h"
#include "http/connection_pool.h"
#include "http/http_server.h"
#include "http/server_state.h"
#include "ops/config.h"

namespace pathrank::server {

// The pool limits of `config` (the connection caps clamped to what the
// file-descriptor limit allows, raising it when it can).
PoolLimits PoolLimitsOf(const HttpConfig& config);

// True while a worker answers a request whose read passed its deadline
// (the error handler then answers 408).
bool CurrentRequestTimedOut();

// Answers `Connection: close` and closes the connection after this answer
// (its request was not read to the end).
void CloseConnectionAfter(httplib::Response& res);

// 415 for a POST, PUT or PATCH whose body is not application/json (an
// optional "; charset=utf-8", any case); nullopt when acceptable. A request
// with neither a body nor a Content-Type passes.
std::optional<Problem> CheckContentType(const httplib::Request& req);

// The problem+json answer for an answer cpp-httplib produced itself
// (res.status set, no body): 404/405, 408, 413, 414, 400, 5xx.
void AnswerLibraryError(const ServerState& state, std::span<const std::regex> route_regexes,
                        const httplib::Request& req, httplib::Response& res);

class HttpServer::Impl : public httplib::Server {
 public:
  explicit Impl(const HttpConfig& config);

  int listen_socket() const { return svr_sock_; }
  // The pool of the running Serve() (null outside it).
  ConnectionPool* pool() const { return pool_.load(); }
  // Called when Serve() returned: cpp-httplib has deleted the pool.
  void ForgetPool() { pool_ = nullptr; }

  std::vector<std::regex> route_regexes;
  std::vector<httplib::Server::Handler> route_handlers;  // the wrapped handler of each route
  std::atomic<bool> serve_started{false};
  std::atomic<bool> serve_returned{false};
  std::atomic<bool> unserved_closed{false};

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Answers the requests of `connection` while it has one ready; parks it
  // when idle; closes it after the last one, a failure or a deadline.
  void ServeConnection(std::unique_ptr<Connection> connection);

  const HttpConfig& config_;
  const std::chrono::milliseconds request_deadline_;
  std::atomic<ConnectionPool*> pool_{nullptr};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_SERVER_IMPL_H_
