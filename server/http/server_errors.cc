// The answers every request may get before or instead of its route: 415 for
// a body that is not JSON, and problem+json for the answers cpp-httplib
// produces itself (404/405, 408, 413, 414, 400, 5xx). The status inside
// each problem body is the status line (ReplyProblem derives both).

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <span>
#include <string>

#include "http/http_reply.h"
#include "http/server_impl.h"

namespace pathrank::server {

namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "application/json", optionally with "; charset=utf-8", any case and
// spacing.
bool IsJsonMediaType(const std::string& value) {
  const std::string v = Lower(value);
  const size_t semi = v.find(';');
  auto trim = [](std::string s) {
    const size_t b = s.find_first_not_of(" \t");
    const size_t e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  if (trim(v.substr(0, semi)) != "application/json") return false;
  if (semi == std::string::npos) return true;
  std::string param = trim(v.substr(semi + 1));
  param.erase(std::remove(param.begin(), param.end(), '"'), param.end());
  return param == "charset=utf-8" || param == "charset = utf-8";
}

Problem LibraryProblem(int status, const ServerState& state) {
  if (status == 413) {
    // (Form-encoded bodies, which cpp-httplib caps at 8 KB, are 415 before.)
    return MakeProblem(ProblemType::kPayloadTooLarge,
                       "the body is larger than the limit of " +
                           std::to_string(state.config.limits.max_body_bytes) + " bytes",
                       FieldLocation::kBody, "", "too large");
  }
  if (status == 414) {
    return MakeProblem(ProblemType::kUriTooLong, "the request line is longer than 8192 bytes",
                       FieldLocation::kPath, "", "too long");
  }
  if (status == 400 && CurrentRequestTimedOut()) {
    return MakeProblem(ProblemType::kRequestTimeout,
                       "the request did not arrive within " +
                           std::to_string(state.config.http.request_timeout_s) + " s",
                       FieldLocation::kHeader, "", "too slow");
  }
  // 400 and any other 4xx of cpp-httplib (416 for a bad Range, ...).
  return MakeProblem(
      ProblemType::kMalformed,
      "the request could not be read as HTTP (status " + std::to_string(status) + ")",
      FieldLocation::kHeader, "", "malformed request");
}

}  // namespace

std::optional<Problem> CheckContentType(const httplib::Request& req) {
  if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH") return std::nullopt;
  const bool has_type = req.has_header("Content-Type");
  const bool has_body =
      std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) > 0 ||
      req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
  if (!has_type && !has_body) return std::nullopt;  // curl -X POST: no body, no type
  const std::string type = req.get_header_value("Content-Type");
  if (has_type && IsJsonMediaType(type)) return std::nullopt;
  return MakeProblem(ProblemType::kUnsupportedMediaType,
                     "request bodies must be Content-Type: application/json (optionally with "
                     "; charset=utf-8)",
                     FieldLocation::kHeader, "/Content-Type",
                     has_type ? "got \"" + type + "\"" : "missing");
}

void AnswerLibraryError(const ServerState& state, std::span<const std::regex> route_regexes,
                        const httplib::Request& req, httplib::Response& res) {
  if (res.status == 404) {
    std::string allow;
    const std::span<const Route> all = Routes();
    for (size_t i = 0; i < all.size(); ++i) {
      if (std::regex_match(req.path, route_regexes[i])) {
        allow += (allow.empty() ? "" : ", ") + std::string(all[i].method);
      }
    }
    if (allow.empty()) {
      return ReplyProblem(res, MakeProblem(ProblemType::kNotFound, "no route " + req.path,
                                           FieldLocation::kPath, "", "no such path"));
    }
    res.set_header("Allow", allow);
    return ReplyProblem(
        res, MakeProblem(ProblemType::kMethodNotAllowed,
                         req.method + " is not allowed on " + req.path + "; allowed: " + allow,
                         FieldLocation::kPath, "", "method " + req.method));
  }
  if (res.status >= 500) {
    return ReplyInternalError(res, "cpp-httplib answered " + std::to_string(res.status));
  }
  // The request was not read to its end: the connection cannot carry another.
  CloseConnectionAfter(res);
  ReplyProblem(res, LibraryProblem(res.status, state));
}

}  // namespace pathrank::server
