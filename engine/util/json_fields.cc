#include "util/json_fields.h"

#include <algorithm>
#include <cmath>

#include "util/text.h"

namespace pathrank::internal {

using json::JsonChild;
using json::JsonDocument;
using json::JsonNode;
using json::JsonType;

std::string_view JsonTypeName(const JsonNode& value) { return json::JsonTypeName(value.type); }

Status ParseJsonText(std::string_view text, std::string_view what, JsonDocument* doc) {
  std::string error;
  if (doc->Parse(text, &error)) return Status::Ok();
  Status status = Status::InvalidArgument(std::string(what) + ": " + error);
  status.AddField("", error);
  return status;
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

JsonFields::JsonFields(const JsonDocument& doc, const JsonNode& object, std::string pointer,
                       std::vector<FieldError>* errors)
    : doc_(doc),
      object_(object),
      pointer_(std::move(pointer)),
      errors_(errors),
      is_object_(object.type == JsonType::kObject) {
  if (!is_object_) {
    Error(pointer_, "expected an object, got " + std::string(JsonTypeName(object)));
  }
}

std::string JsonFields::At(std::string_view key) const { return JsonPointer(pointer_, key); }

void JsonFields::Error(std::string field, std::string message) {
  errors_->push_back({std::move(field), std::move(message)});
}

const JsonNode* JsonFields::Find(const char* key, bool required) {
  if (!is_object_) return nullptr;
  const JsonNode* v = doc_.Find(object_, key);
  if (v == nullptr && required) Error(At(key), "is required");
  return v;
}

const JsonNode* JsonFields::Member(const char* key, JsonType type, bool required) {
  const JsonNode* v = Find(key, required);
  if (v == nullptr) return nullptr;
  if (v->type != type) {
    Error(At(key), "expected " + std::string(json::JsonTypeName(type)) + ", got " +
                       std::string(JsonTypeName(*v)));
    return nullptr;
  }
  return v;
}

bool JsonFields::String(const char* key, std::string* out, bool required) {
  const JsonNode* v = Member(key, JsonType::kString, required);
  if (v == nullptr) return false;
  *out = std::string(v->text);
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

bool NumberInRange(const JsonNode& v, double lo, double hi, bool lo_open, double* out) {
  if (v.type != JsonType::kNumber) return false;
  const double x = v.number;
  if (!std::isfinite(x) || x > hi || x < lo || (lo_open && x == lo)) return false;
  *out = x;
  return true;
}

// A number as written back ("3", "1.5"), else the value's type name.
std::string Got(const JsonDocument& doc, const JsonNode& v) {
  return v.type == JsonType::kNumber ? doc.ToJson(v) : std::string(JsonTypeName(v));
}

}  // namespace

bool JsonFields::Number(const char* key, double* out, bool required, double lo, double hi,
                        bool lo_open, std::string_view range_text) {
  const JsonNode* v = Find(key, required);
  if (v == nullptr) return false;
  if (!NumberInRange(*v, lo, hi, lo_open, out)) {
    Error(At(key), "expected a number in " + std::string(range_text) + ", got " + Got(doc_, *v));
    return false;
  }
  return true;
}

bool JsonFields::Integer(const char* key, int* out, bool required, int lo, int hi) {
  const JsonNode* v = Find(key, required);
  if (v == nullptr) return false;
  const std::string range = std::to_string(lo) + ".." + std::to_string(hi);
  if (v->type != JsonType::kNumber || !v->integral || v->number < lo || v->number > hi) {
    Error(At(key), "expected an integer in " + range + ", got " + Got(doc_, *v));
    return false;
  }
  *out = static_cast<int>(v->number);
  return true;
}

bool JsonFields::Bool(const char* key, bool* out, bool required) {
  const JsonNode* v = Member(key, JsonType::kBool, required);
  if (v == nullptr) return false;
  *out = v->boolean;
  return true;
}

bool JsonFields::StringList(const char* key, std::vector<std::string>* out, bool required) {
  const JsonNode* v = Member(key, JsonType::kArray, required);
  if (v == nullptr) return false;
  std::vector<std::string> values;
  bool ok = true;
  size_t i = 0;
  for (const JsonChild& c : doc_.children(*v)) {
    const JsonNode& e = doc_.node(c.node);
    if (e.type != JsonType::kString) {
      Error(JsonPointer(At(key), i), "expected string, got " + std::string(JsonTypeName(e)));
      ok = false;
    } else {
      values.emplace_back(e.text);
    }
    ++i;
  }
  if (ok) *out = std::move(values);
  return ok;
}

bool JsonFields::StringMap(const char* key, std::map<std::string, std::string>* out,
                           bool required) {
  const JsonNode* v = Member(key, JsonType::kObject, required);
  if (v == nullptr) return false;
  std::map<std::string, std::string> values;
  bool ok = true;
  for (const JsonChild& m : doc_.SortedMembers(*v)) {
    const JsonNode& e = doc_.node(m.node);
    if (e.type != JsonType::kString) {
      Error(JsonPointer(At(key), m.key), "expected string, got " + std::string(JsonTypeName(e)));
      ok = false;
      continue;
    }
    values[std::string(m.key)] = std::string(e.text);
  }
  if (ok) *out = std::move(values);
  return ok;
}

bool JsonFields::NumberMap(const char* key, std::map<std::string, double>* out, bool required,
                           double lo, double hi, bool lo_open, std::string_view range_text) {
  const JsonNode* v = Member(key, JsonType::kObject, required);
  if (v == nullptr) return false;
  std::map<std::string, double> values;
  bool ok = true;
  for (const JsonChild& m : doc_.SortedMembers(*v)) {
    const JsonNode& e = doc_.node(m.node);
    double x = 0;
    if (!NumberInRange(e, lo, hi, lo_open, &x)) {
      Error(JsonPointer(At(key), m.key),
            "expected a number in " + std::string(range_text) + ", got " + Got(doc_, e));
      ok = false;
      continue;
    }
    values[std::string(m.key)] = x;
  }
  if (ok) *out = std::move(values);
  return ok;
}

void JsonFields::RejectUnknown(std::initializer_list<std::string_view> known) {
  if (!is_object_) return;
  for (const JsonChild& m : doc_.SortedMembers(object_)) {
    if (std::find(known.begin(), known.end(), m.key) == known.end()) {
      Error(At(m.key), "unknown field");
    }
  }
}

}  // namespace pathrank::internal
