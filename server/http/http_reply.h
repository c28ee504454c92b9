// Writing answers, and the steps every handler shares: taking the catalog
// snapshot, finding the catalog of the path, reading query parameters.
// Private to server/.
//
// Thread safety: free functions.

#ifndef PATHRANK_SERVER_HTTP_HTTP_REPLY_H_
#define PATHRANK_SERVER_HTTP_HTTP_REPLY_H_

#include <memory>
#include <optional>
#include <string>

#include "api/problem.h"
#include "http/server_state.h"
#include "ops/catalog_registry.h"
#include "pathrank/status.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pathrank::server {

// A JSON answer with `status` (200, 201).
void ReplyJson(httplib::Response& res, int status, std::string body);
// A problem+json answer.
void ReplyProblem(httplib::Response& res, const Problem& problem);
// A 500 answer without internals; `log_message` goes to the error log with
// the request id.
void ReplyInternalError(httplib::Response& res, const std::string& log_message);
// The problem for an engine or store failure. Internal and Unavailable
// messages go to the error log, not into the answer.
void ReplyStatus(httplib::Response& res, const Status& status,
                 FieldLocation in = FieldLocation::kBody);

// The snapshot served now; answers 503 and returns null before the first
// load.
std::shared_ptr<const RegistrySnapshot> TakeSnapshot(ServerState& state, httplib::Response& res);

// The catalog named by path parameter `index` ({cid}); answers 404 and
// returns null when it is not served.
const ServedCatalog* CatalogOfPath(const RegistrySnapshot& snapshot, const httplib::Request& req,
                                   int index, httplib::Response& res);

// Path parameter `index` (1-based) when it is a slug; answers 400 naming
// `name` and returns nullopt otherwise.
std::optional<std::string> SlugOfPath(const httplib::Request& req, int index, const char* name,
                                      httplib::Response& res);

// Query parameter `name` as an integer in [lo, hi]; `fallback` when absent.
// Answers 400 (not an integer) or 422 (out of range) and returns nullopt.
std::optional<long long> QueryInteger(const httplib::Request& req, const char* name, long long lo,
                                      long long hi, long long fallback, httplib::Response& res);
// Query parameter `name` as a number; `fallback` when absent; 400 when not
// a number.
std::optional<double> QueryNumber(const httplib::Request& req, const char* name, double fallback,
                                  httplib::Response& res);
// Query parameter `name` as true/false/1/0; 400 otherwise.
std::optional<bool> QueryBool(const httplib::Request& req, const char* name, bool fallback,
                              httplib::Response& res);
// Query parameter `name`, "" when absent.
std::string QueryText(const httplib::Request& req, const char* name);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_HTTP_REPLY_H_
