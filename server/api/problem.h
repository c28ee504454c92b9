// Problem: an error answer of the HTTP API (RFC 9457 application/problem+json).
//
// This is the one place where HTTP status codes are derived from engine
// status codes (ProblemFromStatus). Handlers build a Problem from a Status
// or, for errors that only exist at the HTTP edge (malformed JSON, a missing
// key, a body too large), from a ProblemType; json_problem.cc renders it.
//
// Thread safety: plain values and pure functions.

#ifndef PATHRANK_SERVER_API_PROBLEM_H_
#define PATHRANK_SERVER_API_PROBLEM_H_

#include <string>
#include <string_view>
#include <vector>

#include "pathrank/status.h"
#include "util/text.h"

namespace pathrank::server {

// The classes of error the API answers with, one HTTP status each.
enum class ProblemType {
  kMalformed,             // 400: not JSON, wrong JSON types, bad path or query syntax
  kUnauthorized,          // 401: no key, or a key that is not configured
  kForbidden,             // 403: a key without the role the route needs
  kNotFound,              // 404: unknown catalog, item, learner (in the path), no route
  kMethodNotAllowed,      // 405: the path exists, the method does not
  kRequestTimeout,        // 408: the request did not arrive within the request deadline
  kConflict,              // 409: the request contradicts the stored state
  kPayloadTooLarge,       // 413: the body is over the configured limit
  kUriTooLong,            // 414: the request line is over cpp-httplib's 8192 bytes
  kUnsupportedMediaType,  // 415: a body that is not application/json
  kInvalid,               // 422: well-formed but invalid values (range, unknown ids in the body)
  kTooManyRequests,       // 429: a configured limit was reached
  kInternal,              // 500: a bug; the answer carries no internals
  kUnavailable,           // 503: not ready, or a resource is unavailable
};

// Where a wrong field is: the body, the query string, the path or a header.
enum class FieldLocation { kBody, kQuery, kPath, kHeader };

// One wrong field: `pointer` is a JSON pointer into the body, or "/<name>" of
// a query or path parameter or a header.
struct ProblemField {
  FieldLocation in = FieldLocation::kBody;
  std::string pointer;
  std::string message;
};

struct Problem {
  ProblemType type = ProblemType::kInternal;
  std::string detail;  // one sentence for humans
  std::vector<ProblemField> errors;
  // Optional extension members, a compact JSON object whose members are
  // added to the problem document (e.g. the per-catalog results of a failed
  // reload); its keys must differ from the problem's own members ("type",
  // "title", "status", "detail", "errors"); "" for none.
  std::string extension_json;

  Problem& Add(FieldLocation in, std::string pointer, std::string message) {
    errors.push_back({in, std::move(pointer), std::move(message)});
    return *this;
  }
};

// The HTTP status of `type` (400, 401, ...).
int HttpStatus(ProblemType type);
// A short title per type ("Malformed request", ...).
std::string_view ProblemTitle(ProblemType type);
// The `type` URI of the problem document ("urn:pathrank:problem:malformed").
std::string_view ProblemTypeUri(ProblemType type);
std::string_view FieldLocationName(FieldLocation in);

// Maps an engine failure to a problem: InvalidArgument and OutOfRange are
// 422, NotFound 404, AlreadyExists and FailedPrecondition 409, Unavailable
// 503, Internal 500. The status's field errors are copied with location
// `in`. An Internal status keeps its message out of the answer (the caller
// logs it). REQUIRES: !status.ok().
Problem ProblemFromStatus(const Status& status, FieldLocation in = FieldLocation::kBody);

// A problem of `type` with one field error.
Problem MakeProblem(ProblemType type, std::string detail, FieldLocation in = FieldLocation::kBody,
                    std::string pointer = "", std::string message = "");

// Appends a reference token to a JSON pointer, escaping '~' and '/'.
using internal::JsonPointer;  // util/text.h

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_PROBLEM_H_
