#include "http/console_routes.h"

#include <httplib.h>

#include <string>

#include "api/problem.h"
#include "console/console_assets.h"
#include "http/http_reply.h"

namespace pathrank::server {
namespace {

// True when the If-None-Match header names `etag` (or is "*").
bool Matches(const std::string& if_none_match, std::string_view etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  size_t start = 0;
  while (start < if_none_match.size()) {
    size_t end = if_none_match.find(',', start);
    if (end == std::string::npos) end = if_none_match.size();
    std::string_view tag = std::string_view(if_none_match).substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // weak comparison (RFC 9110 13.1.2)
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

void ServeAsset(const std::string& path, const httplib::Request& req, httplib::Response& res) {
  const ConsoleAsset* asset = FindConsoleAsset(path);
  if (asset == nullptr) {
    ReplyProblem(res, MakeProblem(ProblemType::kNotFound, "the console has no file " + path,
                                  FieldLocation::kPath, "", "no such file"));
    return;
  }
  res.set_header("ETag", std::string(asset->etag));
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Content-Security-Policy", kConsoleContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  if (Matches(req.get_header_value("If-None-Match"), asset->etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type).c_str());
}

}  // namespace

void RegisterConsoleRoutes(httplib::Server& server) {
  server.Get("/", [](const httplib::Request& req, httplib::Response& res) {
    ServeAsset("index.html", req, res);
  });
  server.Get("/console/(.*)", [](const httplib::Request& req, httplib::Response& res) {
    const std::string path = req.matches[1].str();
    ServeAsset(path.empty() ? "index.html" : path, req, res);
  });
}

}  // namespace pathrank::server
