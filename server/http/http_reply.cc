#include "http/http_reply.h"

#include <httplib.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "api/json_api.h"
#include "ops/access_log.h"
#include "pathrank/catalog_spec.h"

namespace pathrank::server {

namespace {
constexpr const char* kJson = "application/json";
constexpr const char* kProblemJson = "application/problem+json";
}  // namespace

void ReplyJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), kJson);
}

void ReplyProblem(httplib::Response& res, const Problem& problem) {
  res.status = HttpStatus(problem.type);
  // 503 means "retry later": say when (RFC 9110 §10.2.3).
  if (res.status == 503) res.set_header("Retry-After", "1");
  res.set_content(RenderProblem(problem), kProblemJson);
}

void ReplyInternalError(httplib::Response& res, const std::string& log_message) {
  LogEvent("error", "internal_error", res.get_header_value("X-Request-Id"), log_message);
  Problem problem;
  problem.type = ProblemType::kInternal;
  problem.detail = "the server failed to answer; the request id identifies it in the log";
  ReplyProblem(res, problem);
}

void ReplyStatus(httplib::Response& res, const Status& status, FieldLocation in) {
  if (status.code() == StatusCode::kInternal) {
    ReplyInternalError(res, status.message());
    return;
  }
  if (status.code() == StatusCode::kUnavailable) {
    LogEvent("error", "unavailable", res.get_header_value("X-Request-Id"), status.message());
  }
  ReplyProblem(res, ProblemFromStatus(status, in));
}

std::shared_ptr<const RegistrySnapshot> TakeSnapshot(ServerState& state, httplib::Response& res) {
  std::shared_ptr<const RegistrySnapshot> snapshot = state.registry.snapshot();
  if (snapshot == nullptr) {
    ReplyProblem(res, MakeProblem(ProblemType::kUnavailable, "the catalogs are not loaded yet"));
  }
  return snapshot;
}

const ServedCatalog* CatalogOfPath(const RegistrySnapshot& snapshot, const httplib::Request& req,
                                   int index, httplib::Response& res) {
  const std::string cid = req.matches[index].str();
  const ServedCatalog* served = snapshot.FindCatalog(cid);
  if (served == nullptr) {
    ReplyProblem(res, MakeProblem(ProblemType::kNotFound, "no catalog \"" + cid + "\" is served",
                                  FieldLocation::kPath, "/cid", "unknown catalog"));
  }
  return served;
}

std::optional<std::string> SlugOfPath(const httplib::Request& req, int index, const char* name,
                                      httplib::Response& res) {
  std::string value = req.matches[index].str();
  if (!IsSlug(value)) {
    ReplyProblem(res, MakeProblem(ProblemType::kMalformed,
                                  std::string(name) + " \"" + value + "\" is not a valid id",
                                  FieldLocation::kPath, std::string("/") + name,
                                  "must match [a-z0-9][a-z0-9._-]* (at most 128 characters)"));
    return std::nullopt;
  }
  return value;
}

std::string QueryText(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

std::optional<long long> QueryInteger(const httplib::Request& req, const char* name, long long lo,
                                      long long hi, long long fallback, httplib::Response& res) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  const std::string pointer = std::string("/") + name;
  if (text.empty() || errno != 0 || end != text.c_str() + text.size()) {
    ReplyProblem(res, MakeProblem(ProblemType::kMalformed,
                                  std::string(name) + " must be an integer, got \"" + text + "\"",
                                  FieldLocation::kQuery, pointer, "must be an integer"));
    return std::nullopt;
  }
  if (value < lo || value > hi) {
    const std::string range = std::to_string(lo) + ".." + std::to_string(hi);
    ReplyProblem(res, MakeProblem(ProblemType::kInvalid,
                                  std::string(name) + " must be in " + range + ", got " + text,
                                  FieldLocation::kQuery, pointer, "must be in " + range));
    return std::nullopt;
  }
  return value;
}

std::optional<double> QueryNumber(const httplib::Request& req, const char* name, double fallback,
                                  httplib::Response& res) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) {
    ReplyProblem(res,
                 MakeProblem(ProblemType::kMalformed,
                             std::string(name) + " must be a number, got \"" + text + "\"",
                             FieldLocation::kQuery, std::string("/") + name, "must be a number"));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> QueryBool(const httplib::Request& req, const char* name, bool fallback,
                              httplib::Response& res) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  ReplyProblem(
      res, MakeProblem(ProblemType::kMalformed,
                       std::string(name) + " must be true or false, got \"" + text + "\"",
                       FieldLocation::kQuery, std::string("/") + name, "must be true or false"));
  return std::nullopt;
}

}  // namespace pathrank::server
