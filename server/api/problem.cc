#include "api/problem.h"

namespace pathrank::server {

int HttpStatus(ProblemType type) {
  switch (type) {
    case ProblemType::kMalformed:
      return 400;
    case ProblemType::kUnauthorized:
      return 401;
    case ProblemType::kForbidden:
      return 403;
    case ProblemType::kNotFound:
      return 404;
    case ProblemType::kMethodNotAllowed:
      return 405;
    case ProblemType::kRequestTimeout:
      return 408;
    case ProblemType::kUriTooLong:
      return 414;
    case ProblemType::kUnsupportedMediaType:
      return 415;
    case ProblemType::kConflict:
      return 409;
    case ProblemType::kPayloadTooLarge:
      return 413;
    case ProblemType::kInvalid:
      return 422;
    case ProblemType::kTooManyRequests:
      return 429;
    case ProblemType::kInternal:
      return 500;
    case ProblemType::kUnavailable:
      return 503;
  }
  return 500;
}

std::string_view ProblemTitle(ProblemType type) {
  switch (type) {
    case ProblemType::kMalformed:
      return "Malformed request";
    case ProblemType::kUnauthorized:
      return "Missing or unknown API key";
    case ProblemType::kForbidden:
      return "API key lacks the required role";
    case ProblemType::kNotFound:
      return "Not found";
    case ProblemType::kMethodNotAllowed:
      return "Method not allowed";
    case ProblemType::kRequestTimeout:
      return "Request timeout";
    case ProblemType::kUriTooLong:
      return "Request line too long";
    case ProblemType::kUnsupportedMediaType:
      return "Unsupported media type";
    case ProblemType::kConflict:
      return "Conflict with the current state";
    case ProblemType::kPayloadTooLarge:
      return "Request body too large";
    case ProblemType::kInvalid:
      return "Invalid values";
    case ProblemType::kTooManyRequests:
      return "Too many requests";
    case ProblemType::kInternal:
      return "Internal error";
    case ProblemType::kUnavailable:
      return "Service unavailable";
  }
  return "Internal error";
}

std::string_view ProblemTypeUri(ProblemType type) {
  switch (type) {
    case ProblemType::kMalformed:
      return "urn:pathrank:problem:malformed";
    case ProblemType::kUnauthorized:
      return "urn:pathrank:problem:unauthorized";
    case ProblemType::kForbidden:
      return "urn:pathrank:problem:forbidden";
    case ProblemType::kNotFound:
      return "urn:pathrank:problem:not-found";
    case ProblemType::kMethodNotAllowed:
      return "urn:pathrank:problem:method-not-allowed";
    case ProblemType::kRequestTimeout:
      return "urn:pathrank:problem:request-timeout";
    case ProblemType::kUriTooLong:
      return "urn:pathrank:problem:uri-too-long";
    case ProblemType::kUnsupportedMediaType:
      return "urn:pathrank:problem:unsupported-media-type";
    case ProblemType::kConflict:
      return "urn:pathrank:problem:conflict";
    case ProblemType::kPayloadTooLarge:
      return "urn:pathrank:problem:payload-too-large";
    case ProblemType::kInvalid:
      return "urn:pathrank:problem:invalid";
    case ProblemType::kTooManyRequests:
      return "urn:pathrank:problem:too-many-requests";
    case ProblemType::kInternal:
      return "urn:pathrank:problem:internal";
    case ProblemType::kUnavailable:
      return "urn:pathrank:problem:unavailable";
  }
  return "urn:pathrank:problem:internal";
}

std::string_view FieldLocationName(FieldLocation in) {
  switch (in) {
    case FieldLocation::kBody:
      return "body";
    case FieldLocation::kQuery:
      return "query";
    case FieldLocation::kPath:
      return "path";
    case FieldLocation::kHeader:
      return "header";
  }
  return "body";
}

Problem ProblemFromStatus(const Status& status, FieldLocation in) {
  Problem problem;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange:
      problem.type = ProblemType::kInvalid;
      break;
    case StatusCode::kNotFound:
      problem.type = ProblemType::kNotFound;
      break;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
      problem.type = ProblemType::kConflict;
      break;
    case StatusCode::kUnavailable:
      problem.type = ProblemType::kUnavailable;
      break;
    case StatusCode::kOk:
    case StatusCode::kInternal:
      problem.type = ProblemType::kInternal;
      break;
  }
  if (problem.type == ProblemType::kInternal) {
    problem.detail = "the server failed to answer; the request id identifies it in the log";
    return problem;
  }
  if (problem.type == ProblemType::kUnavailable) {
    // Unavailable messages name files and databases: keep them in the log.
    problem.detail = "a resource the answer needs is unavailable; retry later";
    problem.Add(FieldLocation::kBody, "", "unavailable");
    return problem;
  }
  problem.detail = status.message();
  for (const FieldError& f : status.fields()) problem.Add(in, f.field, f.message);
  if (problem.errors.empty()) problem.Add(in, "", status.message());
  return problem;
}

Problem MakeProblem(ProblemType type, std::string detail, FieldLocation in, std::string pointer,
                    std::string message) {
  Problem problem;
  problem.type = type;
  if (message.empty()) message = detail;
  problem.detail = std::move(detail);
  problem.Add(in, std::move(pointer), std::move(message));
  return problem;
}

}  // namespace pathrank::server
