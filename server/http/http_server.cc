#include "http/http_server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <random>
#include <regex>
#include <thread>
#include <vector>

#include "http/console_routes.h"
#include "http/cors.h"
#include "http/experiment_choice.h"
#include "http/handlers.h"
#include "http/http_reply.h"
#include "http/server_impl.h"

namespace pathrank::server {

// Every route of the API, in API.md's order. The OpenAPI document
// (server/openapi.json) describes exactly these; openapi_test checks it.
std::span<const Route> Routes() {
  using R = Role;
  static const Route kRoutes[] = {
      {"GET", "/healthz", R::kNone, HandleHealthz},
      {"GET", "/readyz", R::kNone, HandleReadyz},
      {"GET", "/metrics", R::kNone, HandleMetrics},
      {"GET", "/openapi.json", R::kNone, HandleOpenApi},
      {"GET", "/v1/catalogs", R::kRead, HandleListCatalogs},
      {"GET", "/v1/catalogs/{cid}", R::kRead, HandleGetCatalog},
      {"GET", "/v1/catalogs/{cid}/items", R::kRead, HandleListItems},
      {"GET", "/v1/catalogs/{cid}/items/{iid}", R::kRead, HandleGetItem},
      {"GET", "/v1/catalogs/{cid}/goals", R::kRead, HandleListGoals},
      {"POST", "/v1/catalogs/{cid}/recommendations", R::kRead, HandleRecommend},
      {"POST", "/v1/catalogs/{cid}/paths", R::kRead, HandlePlan},
      {"POST", "/v1/catalogs/{cid}/team-matches", R::kRead, HandleTeamMatch},
      {"PUT", "/v1/learners/{lid}", R::kWrite, HandlePutLearner},
      {"GET", "/v1/learners/{lid}", R::kWrite, HandleGetLearner},
      {"DELETE", "/v1/learners/{lid}", R::kWrite, HandleDeleteLearner},
      {"POST", "/v1/learners/{lid}/progress", R::kWrite, HandlePostProgress},
      {"GET", "/v1/learners/{lid}/progress", R::kWrite, HandleGetProgress},
      {"GET", "/v1/learners/{lid}/recommendations", R::kWrite, HandleLearnerRecommend},
      {"GET", "/v1/learners/{lid}/path", R::kWrite, HandleLearnerPlan},
      // History and listing (handlers_history.cc).
      {"GET", "/v1/learners", R::kWrite, HandleListLearners},
      {"GET", "/v1/learners/{lid}/events", R::kWrite, HandleListEvents},
      {"DELETE", "/v1/learners/{lid}/events/{eid}", R::kWrite, HandleDeleteEvent},
      {"GET", "/v1/plugins", R::kAdmin, HandleListPlugins},
      {"POST", "/v1/admin/reload", R::kAdmin, HandleReload},
  };
  return kRoutes;
}

namespace {

// What the server knows about the request this thread is answering. One
// worker thread carries a request from routing to the logger, so a
// thread-local is enough; the logger clears it.
struct RequestTrace {
  bool active = false;
  std::chrono::steady_clock::time_point start;
  size_t route = SIZE_MAX;
  std::string key_name;
};
thread_local RequestTrace t_trace;

constexpr const char* kRequestIdHeader = "X-Request-Id";

// A request id from the client is kept when it is 1..128 characters of
// [A-Za-z0-9._:-]; otherwise one is generated.
bool IsUsableRequestId(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string NewRequestId() {
  thread_local std::mt19937_64 random(
      std::random_device{}() ^
      static_cast<uint64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t bits = random();
  std::string id(16, '0');
  for (char& c : id) {
    c = kHex[bits & 0xf];
    bits >>= 4;
  }
  return id;
}

// A POST, PUT or PATCH without Content-Length and not chunked has no body
// (RFC 9112), but cpp-httplib 0.11 would read one until the client hangs up
// (curl -X POST without -d sends such a request).
bool HasNoBody(const httplib::Request& req) {
  return (req.method == "POST" || req.method == "PUT" || req.method == "PATCH") &&
         !req.has_header("Content-Length") &&
         req.get_header_value("Transfer-Encoding").find("chunked") == std::string::npos;
}

// 429 with Retry-After: `why`, then when to retry.
void ReplyRateLimited(httplib::Response& res, int retry_s, const std::string& why,
                      const std::string& header_pointer) {
  res.set_header("Retry-After", std::to_string(retry_s));
  ReplyProblem(res, MakeProblem(ProblemType::kTooManyRequests,
                                why + "; retry after " + std::to_string(retry_s) + " s",
                                FieldLocation::kHeader, header_pointer, "rate limited"));
}

// Takes a token for a request to `route` (routes needing no role are not
// limited): from the bucket of the key when it was valid (`key_role`), else
// from the client address's. Answers 429 with Retry-After when empty.
bool RateLimited(ServerState& state, const Route& route, const httplib::Request& req, Role key_role,
                 httplib::Response& res) {
  if (route.role == Role::kNone) return false;
  const bool keyed = key_role != Role::kNone;
  const RateLimiter::Class cls =
      keyed ? RateLimiter::ClassOf(key_role) : RateLimiter::Class::kClient;
  const int retry = state.rate_limits.Take(cls, keyed ? t_trace.key_name : req.remote_addr);
  if (retry == 0) return false;
  ReplyRateLimited(res, retry,
                   std::string("the rate limit of ") +
                       (keyed ? "this API key" : "this client address") + " is reached",
                   keyed ? "/Authorization" : "");
  return true;
}

// A presented key that matched no configured key also takes a token from
// the client address's `failed_keys` bucket: key guessing is slowed down
// whether or not `client` is limited. Answers 429 when it is empty.
bool FailedKeyLimited(ServerState& state, const httplib::Request& req, const Problem& problem,
                      httplib::Response& res) {
  if (problem.type != ProblemType::kUnauthorized || !req.has_header("Authorization")) return false;
  const int retry = state.rate_limits.Take(RateLimiter::Class::kFailedKey, req.remote_addr);
  if (retry == 0) return false;
  ReplyRateLimited(res, retry, "too many failed API key checks from this client address",
                   "/Authorization");
  return true;
}

// "/v1/catalogs/{cid}" -> "/v1/catalogs/([^/]+)".
std::string PathRegex(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '{') {
      i = path.find('}', i);
      out += "([^/]+)";
    } else if (std::string_view(".^$|()[]*+?\\").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

HttpServer::HttpServer(ServerState& state)
    : state_(state), impl_(std::make_unique<Impl>(state.config.http)) {
  std::vector<std::pair<std::string, std::string>> labels;
  for (const Route& route : Routes()) labels.emplace_back(route.method, route.path);
  metrics_ = std::make_unique<Metrics>(labels);
  state_.metrics = metrics_.get();

  Impl& s = *impl_;
  state_.connection_metrics = [this] { return ConnectionMetrics(); };
  const HttpConfig& http = state_.config.http;
  s.set_tcp_nodelay(true);
  s.set_keep_alive_max_count(static_cast<size_t>(http.keep_alive_max_count));
  // Keep-alive idle time and the read and write waits are the connection
  // pool's (server_impl.h); the socket-level timeouts match them.
  s.set_read_timeout(http.read_timeout_s, 0);
  s.set_write_timeout(http.write_timeout_s, 0);
  s.set_payload_max_length(state_.config.limits.max_body_bytes);

  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return PreRoute(req, res) ? httplib::Server::HandlerResponse::Handled
                              : httplib::Server::HandlerResponse::Unhandled;
  });

  const std::span<const Route> routes = Routes();
  for (size_t i = 0; i < routes.size(); ++i) {
    const Route& route = routes[i];
    const std::string pattern = PathRegex(route.path);
    s.route_regexes.emplace_back(pattern);
    s.route_handlers.push_back(nullptr);
    httplib::Server::Handler wrapped =
        [this, i](const httplib::Request& req, httplib::Response& res) { ServeRoute(i, req, res); };
    s.route_handlers.back() = wrapped;
    const std::string_view method = route.method;
    if (method == "GET") {
      s.Get(pattern, wrapped);
    } else if (method == "POST") {
      s.Post(pattern, wrapped);
    } else if (method == "PUT") {
      s.Put(pattern, wrapped);
    } else if (method == "DELETE") {
      s.Delete(pattern, wrapped);
    }
  }

  // The web console (GET / and /console/...): outside Routes(), no key.
  RegisterConsoleRoutes(s);

  // Answers cpp-httplib produces itself (no route, body too large, a request
  // it could not parse) become problems too; handler answers pass through.
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.has_header(kRequestIdHeader)) res.set_header(kRequestIdHeader, NewRequestId());
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        AnswerLibraryError(state_, impl_->route_regexes, req, res);
        return httplib::Server::HandlerResponse::Handled;
      }));

  s.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        ReplyInternalError(res, "exception outside a handler: " + what);
      });

  s.set_logger(
      [this](const httplib::Request& req, const httplib::Response& res) { LogRequest(req, res); });
}

bool HttpServer::PreRoute(const httplib::Request& req, httplib::Response& res) {
  t_trace.active = true;
  t_trace.start = std::chrono::steady_clock::now();
  t_trace.route = SIZE_MAX;
  t_trace.key_name.clear();
  std::string id = req.get_header_value(kRequestIdHeader);
  res.set_header(kRequestIdHeader, IsUsableRequestId(id) ? id : NewRequestId());
  const bool allowed_origin = AddCorsHeaders(state_.config.cors, req, res);
  if (req.method == "OPTIONS") {
    AnswerOptions(state_.config.cors, allowed_origin, impl_->route_regexes, req, res);
    return true;
  }
  if (auto problem = CheckContentType(req)) {
    CloseConnectionAfter(res);  // the body is not read
    ReplyProblem(res, *problem);
    return true;
  }
  if (HasNoBody(req)) {
    DispatchWithoutBody(req, res);
    return true;
  }
  return false;
}

void HttpServer::ServeRoute(size_t i, const httplib::Request& req, httplib::Response& res) {
  const Route& r = Routes()[i];
  t_trace.route = i;
  Role key_role = Role::kNone;
  auto problem = state_.auth.Check(req.get_header_value("Authorization"), r.role, &t_trace.key_name,
                                   &key_role);
  if (RateLimited(state_, r, req, problem.has_value() ? Role::kNone : key_role, res)) return;
  if (problem) {
    if (!FailedKeyLimited(state_, req, *problem, res)) ReplyProblem(res, *problem);
    return;
  }
  state_.metrics->AddInFlight(1);
  try {
    r.handler(state_, req, res);
  } catch (const std::exception& e) {
    ReplyInternalError(res, std::string("uncaught exception: ") + e.what());
  } catch (...) {
    ReplyInternalError(res, "uncaught exception of unknown type");
  }
  state_.metrics->AddInFlight(-1);
}

void HttpServer::LogRequest(const httplib::Request& req, const httplib::Response& res) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds =
      t_trace.active ? std::chrono::duration<double>(now - t_trace.start).count() : 0.0;
  const size_t route = t_trace.route < Routes().size() ? t_trace.route : SIZE_MAX;
  metrics_->Record(route, res.status, seconds);
  if (state_.access_log.enabled()) {
    AccessLogEntry entry;
    entry.time_ms = NowMs();
    const std::string id = res.get_header_value(kRequestIdHeader);
    entry.request_id = id;
    entry.method = req.method;
    entry.route = route < Routes().size() ? Routes()[route].path : "unmatched";
    entry.path = req.path;
    entry.status = res.status;
    entry.bytes = res.body.size();
    entry.latency_ms = seconds * 1e3;
    entry.remote = req.remote_addr;
    entry.key = t_trace.key_name;
    const ExperimentNote experiment = TakeNotedExperiment();
    entry.experiment = experiment.name;
    entry.variant = experiment.variant;
    state_.access_log.Write(entry);
  } else {
    (void)TakeNotedExperiment();
  }
  t_trace.active = false;
}

void HttpServer::DispatchWithoutBody(const httplib::Request& req, httplib::Response& res) {
  const std::span<const Route> routes = Routes();
  for (size_t i = 0; i < routes.size(); ++i) {
    if (req.method != routes[i].method) continue;
    // cpp-httplib's Request is a non-const local of its connection loop;
    // the route's path parameters go where its own dispatch puts them.
    auto& matches = const_cast<httplib::Request&>(req).matches;
    if (std::regex_match(req.path, matches, impl_->route_regexes[i])) {
      impl_->route_handlers[i](req, res);
      return;
    }
  }
  res.status = 404;  // the error handler tells 404 from 405
}

std::string HttpServer::ConnectionMetrics() const {
  ConnectionPool* pool = impl_->pool();
  if (pool == nullptr) return "";
  const PoolCounters& c = pool->counters();
  auto line = [](const char* name, const char* type, const char* help, uint64_t value) {
    return std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
           name + " " + std::to_string(value) + "\n";
  };
  return line("pathrank_connections_open", "gauge", "Open client connections.",
              pool->open_connections()) +
         line("pathrank_connections_idle", "gauge", "Idle keep-alive connections (no thread).",
              pool->parked_connections()) +
         line("pathrank_worker_threads", "gauge", "Worker threads started.", pool->threads()) +
         line("pathrank_worker_threads_busy", "gauge", "Worker threads serving a connection.",
              pool->busy_threads()) +
         line("pathrank_connections_accepted_total", "counter", "Connections admitted.",
              c.accepted.load()) +
         line("pathrank_connections_evicted_total", "counter",
              "Idle connections closed to admit a new one.", c.evicted_idle.load()) +
         line("pathrank_connections_refused_total", "counter",
              "Connections answered 503: connection caps reached, none idle.", c.refused.load()) +
         line("pathrank_connections_idle_timeout_total", "counter",
              "Idle connections closed after keep_alive_timeout_s.", c.idle_timeouts.load());
}

HttpServer::~HttpServer() {
  Stop();
  state_.connection_metrics = nullptr;
  state_.metrics = nullptr;
}

Result<int> HttpServer::Bind() {
  const ServerConfig& config = state_.config;
  int port = config.port;
  if (port == 0) {
    port = impl_->bind_to_any_port(config.host);
    if (port < 0) port = 0;
  } else if (!impl_->bind_to_port(config.host, port)) {
    port = 0;
  }
  if (port <= 0) {
    return Status::Unavailable("cannot listen on " + config.host + ":" +
                               std::to_string(config.port) +
                               " (address in use, or not an address of this machine)");
  }
  // cpp-httplib listens with a backlog of 5; a second listen() on the bound
  // socket raises it so bursts of connections are queued, not refused.
  ::listen(impl_->listen_socket(), config.http.listen_backlog);
  return port;
}

Status HttpServer::Serve() {
  impl_->serve_started = true;
  const bool ok = state_.stopping ? true : impl_->listen_after_bind();
  impl_->ForgetPool();  // cpp-httplib deleted it
  // Every request is answered: write its access-log line before returning.
  state_.access_log.Flush();
  impl_->serve_returned = true;
  if (!ok) return Status::Unavailable("the listening socket failed while serving");
  return Status::Ok();
}

void HttpServer::Stop() {
  state_.stopping = true;
  // Serve() may be about to start listening: wait until it runs (or gave up)
  // so that stop() finds the listening loop to end.
  while (impl_->serve_started && !impl_->serve_returned && !impl_->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->stop();
  if (!impl_->serve_started && impl_->listen_socket() >= 0 &&
      !impl_->unserved_closed.exchange(true)) {
    ::close(impl_->listen_socket());  // bound but never served
  }
}

}  // namespace pathrank::server
