// CORS headers and OPTIONS answers (cors.h).

#include "http/cors.h"

#include <httplib.h>

#include "http/http_server.h"

namespace pathrank::server {

bool AddCorsHeaders(const CorsConfig& cors, const httplib::Request& req, httplib::Response& res) {
  if (cors.allowed_origins.empty()) return false;
  const std::string origin = req.get_header_value("Origin");
  if (origin.empty() || !cors.Allows(origin)) return false;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
  res.set_header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Allow");
  return true;
}

void AnswerOptions(const CorsConfig& cors, bool allowed_origin,
                   std::span<const std::regex> route_regexes, const httplib::Request& req,
                   httplib::Response& res) {
  std::string methods;
  const std::span<const Route> routes = Routes();
  for (size_t i = 0; i < routes.size() && i < route_regexes.size(); ++i) {
    if (std::regex_match(req.path, route_regexes[i])) {
      methods += (methods.empty() ? "" : ", ") + std::string(routes[i].method);
    }
  }
  if (methods.empty()) {
    res.status = 404;
    return;
  }
  res.status = 204;
  res.set_header("Allow", methods + ", OPTIONS");
  if (!allowed_origin || !req.has_header("Access-Control-Request-Method")) return;
  res.set_header("Access-Control-Allow-Methods", methods);
  res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id");
  res.set_header("Access-Control-Max-Age", std::to_string(cors.max_age_s));
}

}  // namespace pathrank::server
