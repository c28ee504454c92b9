#include "pathrank/status.h"

namespace pathrank {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "InvalidArgument";
    case StatusCode::kNotFound:
      return "NotFound";
    case StatusCode::kAlreadyExists:
      return "AlreadyExists";
    case StatusCode::kFailedPrecondition:
      return "FailedPrecondition";
    case StatusCode::kOutOfRange:
      return "OutOfRange";
    case StatusCode::kUnavailable:
      return "Unavailable";
    case StatusCode::kInternal:
      return "Internal";
  }
  return "Unknown";
}

Status::Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

Status Status::InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
Status Status::NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
Status Status::AlreadyExists(std::string message) {
  return Status(StatusCode::kAlreadyExists, std::move(message));
}
Status Status::FailedPrecondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
Status Status::OutOfRange(std::string message) {
  return Status(StatusCode::kOutOfRange, std::move(message));
}
Status Status::Unavailable(std::string message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}
Status Status::Internal(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}

const std::vector<FieldError>& Status::fields() const {
  static const std::vector<FieldError> kNone;
  return fields_ ? *fields_ : kNone;
}

Status& Status::AddField(std::string field, std::string message) {
  if (!fields_) {
    fields_ = std::make_shared<std::vector<FieldError>>();
  } else if (fields_.use_count() > 1) {
    fields_ = std::make_shared<std::vector<FieldError>>(*fields_);
  }
  fields_->push_back({std::move(field), std::move(message)});
  return *this;
}

Status Status::WithPrefix(std::string_view prefix) const {
  Status copy = *this;
  copy.message_ = std::string(prefix) + ": " + message_;
  return copy;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace pathrank
