// CORS (cross-origin calls from a platform's own web pages), configured by
// CorsConfig (ops/config.h; off while no origin is allowed).
//
// Every answer to a request whose Origin is allowed carries
// Access-Control-Allow-Origin (that origin), Vary: Origin and
// Access-Control-Expose-Headers; OPTIONS on a route's path is answered 204
// with Allow, plus, for an allowed origin's preflight, the allowed methods,
// request headers and max age. Other origins get no Access-Control-*
// header, so the browser refuses the call.
//
// Thread safety: free functions over const data.

#ifndef PATHRANK_SERVER_HTTP_CORS_H_
#define PATHRANK_SERVER_HTTP_CORS_H_

#include <regex>
#include <span>

#include "ops/config.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pathrank::server {

// Adds the answer headers when the request's Origin is allowed; true then.
bool AddCorsHeaders(const CorsConfig& cors, const httplib::Request& req, httplib::Response& res);

// Answers OPTIONS: 204 with Allow (the methods of the routes whose
// `route_regexes` match the path, and OPTIONS) and, when `allowed_origin`,
// the preflight headers; a path without a route is left 404 for the
// error handler.
void AnswerOptions(const CorsConfig& cors, bool allowed_origin,
                   std::span<const std::regex> route_regexes, const httplib::Request& req,
                   httplib::Response& res);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_CORS_H_
