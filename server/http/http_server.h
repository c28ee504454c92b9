// HttpServer: the REST API of API.md on cpp-httplib.
//
// Routes() is the one list of every route (method, path template, role,
// handler). The server wraps each handler with what every request gets:
// the request id (X-Request-Id, taken from the request or generated, and
// echoed), the API key check, problem+json for every error (including those
// cpp-httplib produces itself: no route, body too large, unparsable
// request), exception capture, metrics and one access-log line.
//
// Debian's cpp-httplib is a compiled library whose CPPHTTPLIB_* macros were
// fixed at its build, so everything is configured at run time: TCP_NODELAY,
// keep-alive count, the body limit and the listen backlog; connections are
// served by our ConnectionPool (server_impl.h, connection_pool.h: threads on
// demand, idle connections parked without a thread, connection caps,
// request deadline). Rate limits (rate_limiter.h) apply after the key check.
//
// Thread safety: Stop() may be called from any thread (e.g. a signal
// thread) while Serve() runs.

#ifndef PATHRANK_SERVER_HTTP_HTTP_SERVER_H_
#define PATHRANK_SERVER_HTTP_HTTP_SERVER_H_

#include <memory>
#include <span>
#include <string>

#include "http/server_state.h"
#include "ops/config.h"
#include "ops/metrics.h"
#include "pathrank/status.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pathrank::server {

using Handler = void (*)(ServerState& state, const httplib::Request& request,
                         httplib::Response& response);

struct Route {
  const char* method;  // GET, POST, PUT, DELETE
  const char* path;    // template; "{name}" matches one path segment
  Role role;           // kNone: no key needed
  Handler handler;
};

// Every route the server serves.
std::span<const Route> Routes();

class HttpServer {
 public:
  // REQUIRES: `state` outlives the server.
  explicit HttpServer(ServerState& state);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds config.host:config.port (port 0 picks a free one). Returns the
  // port; fails with Unavailable when the address cannot be bound.
  Result<int> Bind();

  // Serves until Stop(); returns once the requests in flight are answered.
  // REQUIRES: Bind() succeeded.
  Status Serve();

  // Stops accepting; Serve() returns when the workers are done.
  void Stop();

  // The connection pool's gauges and counters (Prometheus text); "" when
  // not serving.
  std::string ConnectionMetrics() const;

 private:
  class Impl;
  // Routes a request that has no body (see HasNoBody) without letting
  // cpp-httplib wait for one.
  void DispatchWithoutBody(const httplib::Request& req, httplib::Response& res);
  // Before routing: the request id, 415 for a body that is not JSON, and
  // requests without a body. True when it answered.
  bool PreRoute(const httplib::Request& req, httplib::Response& res);
  // Route `i` with everything every request gets: key check, rate limit,
  // exception capture, in-flight gauge.
  void ServeRoute(size_t i, const httplib::Request& req, httplib::Response& res);
  // The metrics and the access-log line of an answered request.
  void LogRequest(const httplib::Request& req, const httplib::Response& res);

  ServerState& state_;
  std::unique_ptr<Metrics> metrics_;  // state_.metrics points here
  std::unique_ptr<Impl> impl_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_HTTP_SERVER_H_
