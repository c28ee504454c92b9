// Status and Result<T>: how every fallible engine call reports failure.
//
// The engine never throws. A call that can fail returns a Status (nothing on
// success) or a Result<T> (a T on success). A failure carries a code, a
// message that names the record at fault, and optionally a list of field
// errors (JSON pointer + reason) for callers that report per-field problems,
// such as the HTTP server's problem+json answers.
//
// Thread safety: Status and Result are values; distinct objects may be used
// from distinct threads, and const access to one object is safe.

#ifndef PATHRANK_STATUS_H_
#define PATHRANK_STATUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "pathrank/export.h"

namespace pathrank {

// Error codes, named and used as absl::StatusCode.
enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument,     // the input is malformed or out of range
  kNotFound,            // a named thing (catalog, item, goal, learner) is absent
  kAlreadyExists,       // a unique thing is added twice
  kFailedPrecondition,  // the system is not in a state to do this
  kOutOfRange,          // a value is beyond a configured limit
  kUnavailable,         // a resource (file, database) cannot be reached now
  kInternal,            // a broken invariant; a bug
};

// Returns "InvalidArgument", "NotFound", ... for `code`.
PATHRANK_EXPORT std::string_view StatusCodeName(StatusCode code);

// One problem with one field of an input document.
struct FieldError {
  std::string field;    // JSON pointer, e.g. "/items/3/hours"; "" for the whole
  std::string message;  // why, e.g. "must be a number in (0, 10000]"
};

class [[nodiscard]] PATHRANK_EXPORT Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message);
  static Status NotFound(std::string message);
  static Status AlreadyExists(std::string message);
  static Status FailedPrecondition(std::string message);
  static Status OutOfRange(std::string message);
  static Status Unavailable(std::string message);
  static Status Internal(std::string message);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Field-level details; empty unless the producer attached some.
  const std::vector<FieldError>& fields() const;
  // Attaches one field error. REQUIRES: !ok().
  Status& AddField(std::string field, std::string message);

  // Returns a copy whose message is "<prefix>: <message>".
  Status WithPrefix(std::string_view prefix) const;

  // "InvalidArgument: <message>", or "OK".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  // Shared so that copying a Status stays cheap; copied on write.
  std::shared_ptr<std::vector<FieldError>> fields_;
};

// Either a T or a non-OK Status; the member names follow std::expected so the
// type can become one when the project moves to C++23.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  // REQUIRES: !status.ok().
  Result(Status status) : state_(std::in_place_index<1>, std::move(status)) {
    if (std::get<1>(state_).ok()) {
      state_.template emplace<1>(StatusCode::kInternal, "Result built from an OK status");
    }
  }

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // REQUIRES: has_value().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !has_value().
  const Status& error() const { return std::get<1>(state_); }

  // OK when a value is held, the error otherwise.
  Status status() const { return has_value() ? Status() : error(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace pathrank

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define PATHRANK_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::pathrank::Status pathrank_status_ = (expr);        \
    if (!pathrank_status_.ok()) return pathrank_status_; \
  } while (false)

#endif  // PATHRANK_STATUS_H_
