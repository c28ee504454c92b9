#include "util/json_fields.h"

#include <algorithm>
#include <cmath>

#include "util/text.h"
#include "util/text_position.h"

namespace pathrank::internal {

using nlohmann::json;

std::string_view JsonTypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    case json::value_t::string:
      return "string";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "number";
    default:
      return "value";
  }
}

namespace {

Status SyntaxError(std::string_view what, const std::string& where, const std::string& reason) {
  Status status = Status::InvalidArgument(std::string(what) + ": " + where + ": " + reason);
  status.AddField("", where + ": " + reason);
  return status;
}

}  // namespace

Result<json> ParseJsonText(std::string_view text, std::string_view what) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based offset of the byte the parser stopped at: the
    // last byte of the offending token.
    std::string reason = e.what();
    // nlohmann's text is "[json.exception.parse_error.101] parse error at
    // line L, column C: <reason>"; keep only the reason.
    const size_t colon = reason.find(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    return SyntaxError(what, TextPosition(text, e.byte == 0 ? 0 : e.byte - 1), reason);
  } catch (const json::out_of_range& e) {
    // A number too large for a double: "number overflow parsing '1e999'".
    std::string reason = e.what();
    const size_t bracket = reason.find("] ");
    if (bracket != std::string::npos) reason = reason.substr(bracket + 2);
    const size_t open = reason.find('\'');
    const size_t close = reason.rfind('\'');
    size_t offset = std::string_view::npos;
    if (open != std::string::npos && close > open) {
      offset = text.find(reason.substr(open + 1, close - open - 1));
    }
    if (offset == std::string_view::npos) {
      return Status::InvalidArgument(std::string(what) + ": " + reason);
    }
    return SyntaxError(what, TextPosition(text, offset), reason);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string(what) + ": " + e.what());
  }
}

Status FieldErrorsToStatus(std::string_view what, const std::vector<FieldError>& errors,
                           size_t max_listed) {
  std::string message = std::string(what) + ": " + std::to_string(errors.size()) +
                        (errors.size() == 1 ? " error" : " errors");
  for (size_t i = 0; i < errors.size() && i < max_listed; ++i) {
    message += "\n  " + (errors[i].field.empty() ? std::string("/") : errors[i].field) + ": " +
               errors[i].message;
  }
  if (errors.size() > max_listed) {
    message += "\n  ... and " + std::to_string(errors.size() - max_listed) + " more";
  }
  Status status = Status::InvalidArgument(std::move(message));
  for (const FieldError& e : errors) status.AddField(e.field, e.message);
  return status;
}

JsonFields::JsonFields(const json& object, std::string pointer, std::vector<FieldError>* errors)
    : object_(object),
      pointer_(std::move(pointer)),
      errors_(errors),
      is_object_(object.is_object()) {
  if (!is_object_) {
    Error(pointer_, "expected an object, got " + std::string(JsonTypeName(object)));
  }
}

std::string JsonFields::At(std::string_view key) const { return JsonPointer(pointer_, key); }

void JsonFields::Error(std::string field, std::string message) {
  errors_->push_back({std::move(field), std::move(message)});
}

const json* JsonFields::Find(const char* key, bool required) {
  if (!is_object_) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) Error(At(key), "is required");
    return nullptr;
  }
  return &*it;
}

const json* JsonFields::Member(const char* key, json::value_t type, bool required) {
  const json* v = Find(key, required);
  if (v == nullptr) return nullptr;
  if (v->type() != type) {
    Error(At(key), "expected " + std::string(JsonTypeName(json(type))) + ", got " +
                       std::string(JsonTypeName(*v)));
    return nullptr;
  }
  return v;
}

bool JsonFields::String(const char* key, std::string* out, bool required) {
  const json* v = Member(key, json::value_t::string, required);
  if (v == nullptr) return false;
  *out = v->get<std::string>();
  return true;
}

bool JsonFields::NonEmptyString(const char* key, std::string* out, bool required) {
  std::string value;
  if (!String(key, &value, required)) return false;
  if (value.empty()) {
    Error(At(key), "must not be empty");
    return false;
  }
  *out = std::move(value);
  return true;
}

namespace {

bool NumberInRange(const json& v, double lo, double hi, bool lo_open, double* out) {
  if (!v.is_number()) return false;
  const double x = v.get<double>();
  if (!std::isfinite(x) || x > hi || x < lo || (lo_open && x == lo)) return false;
  *out = x;
  return true;
}

}  // namespace

bool JsonFields::Number(const char* key, double* out, bool required, double lo, double hi,
                        bool lo_open, std::string_view range_text) {
  const json* v = Find(key, required);
  if (v == nullptr) return false;
  if (!NumberInRange(*v, lo, hi, lo_open, out)) {
    Error(At(key), "expected a number in " + std::string(range_text) + ", got " +
                       (v->is_number() ? v->dump() : std::string(JsonTypeName(*v))));
    return false;
  }
  return true;
}

bool JsonFields::Integer(const char* key, int* out, bool required, int lo, int hi) {
  const json* v = Find(key, required);
  if (v == nullptr) return false;
  const std::string range = std::to_string(lo) + ".." + std::to_string(hi);
  if (!v->is_number_integer()) {
    Error(At(key), "expected an integer in " + range + ", got " +
                       (v->is_number() ? v->dump() : std::string(JsonTypeName(*v))));
    return false;
  }
  const long long x = v->get<long long>();
  if (x < lo || x > hi) {
    Error(At(key), "expected an integer in " + range + ", got " + v->dump());
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

bool JsonFields::Bool(const char* key, bool* out, bool required) {
  const json* v = Member(key, json::value_t::boolean, required);
  if (v == nullptr) return false;
  *out = v->get<bool>();
  return true;
}

bool JsonFields::StringList(const char* key, std::vector<std::string>* out, bool required) {
  const json* v = Member(key, json::value_t::array, required);
  if (v == nullptr) return false;
  std::vector<std::string> values;
  bool ok = true;
  for (size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    if (!e.is_string()) {
      Error(JsonPointer(At(key), i), "expected string, got " + std::string(JsonTypeName(e)));
      ok = false;
      continue;
    }
    values.push_back(e.get<std::string>());
  }
  if (ok) *out = std::move(values);
  return ok;
}

bool JsonFields::StringMap(const char* key, std::map<std::string, std::string>* out,
                           bool required) {
  const json* v = Member(key, json::value_t::object, required);
  if (v == nullptr) return false;
  std::map<std::string, std::string> values;
  bool ok = true;
  for (auto it = v->begin(); it != v->end(); ++it) {
    if (!it->is_string()) {
      Error(JsonPointer(At(key), it.key()),
            "expected string, got " + std::string(JsonTypeName(*it)));
      ok = false;
      continue;
    }
    values[it.key()] = it->get<std::string>();
  }
  if (ok) *out = std::move(values);
  return ok;
}

bool JsonFields::NumberMap(const char* key, std::map<std::string, double>* out, bool required,
                           double lo, double hi, bool lo_open, std::string_view range_text) {
  const json* v = Member(key, json::value_t::object, required);
  if (v == nullptr) return false;
  std::map<std::string, double> values;
  bool ok = true;
  for (auto it = v->begin(); it != v->end(); ++it) {
    double x = 0;
    if (!NumberInRange(*it, lo, hi, lo_open, &x)) {
      Error(JsonPointer(At(key), it.key()),
            "expected a number in " + std::string(range_text) + ", got " +
                (it->is_number() ? it->dump() : std::string(JsonTypeName(*it))));
      ok = false;
      continue;
    }
    values[it.key()] = x;
  }
  if (ok) *out = std::move(values);
  return ok;
}

void JsonFields::RejectUnknown(std::initializer_list<std::string_view> known) {
  if (!is_object_) return;
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
      Error(At(it.key()), "unknown field");
    }
  }
}

}  // namespace pathrank::internal
