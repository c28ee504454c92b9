#include "json_reader.h"

#include <climits>
#include <cmath>

namespace pathrank::server {

using nlohmann::json;

std::optional<Problem> JsonErrors::ToProblem(std::string_view what) const {
  if (empty()) return std::nullopt;
  Problem problem;
  const bool bad_shape = !malformed.empty();
  problem.type = bad_shape ? ProblemType::kMalformed : ProblemType::kInvalid;
  problem.errors = bad_shape ? malformed : invalid;
  const ProblemField& first = problem.errors.front();
  problem.detail = std::string(what) + ": " +
                   (first.pointer.empty() ? std::string() : first.pointer + ": ") + first.message;
  if (problem.errors.size() > 1) {
    problem.detail += " (and " + std::to_string(problem.errors.size() - 1) + " more)";
  }
  return problem;
}

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

std::string LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

bool IsType(const json& value, json::value_t type) {
  if (type == json::value_t::number_float) return value.is_number();
  return value.type() == type;
}

std::string_view TypeWord(json::value_t type) {
  switch (type) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    default:
      return "a number";
  }
}

}  // namespace

bool ParseJson(std::string_view text, json* out, JsonErrors* errors) {
  if (text.empty()) {
    errors->Malformed("", "the body is empty; expected a JSON object");
    return false;
  }
  try {
    *out = json::parse(text.begin(), text.end());
    return true;
  } catch (const json::parse_error& e) {
    std::string reason = e.what();
    const size_t colon = reason.rfind(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    errors->Malformed("", "invalid JSON at " + LineColumn(text, offset) + ": " + reason);
    return false;
  }
}

ObjectReader::ObjectReader(const json& value, std::string pointer, JsonErrors* errors)
    : object_(value.is_object() ? &value : nullptr), pointer_(std::move(pointer)), errors_(errors) {
  if (object_ == nullptr) {
    errors_->Malformed(pointer_, "must be an object, got " + std::string(JsonTypeName(value)));
  }
}

bool ObjectReader::Has(const char* key) const {
  return object_ != nullptr && object_->contains(key);
}

const json* ObjectReader::Member(const char* key, json::value_t type, bool required) {
  if (object_ == nullptr) return nullptr;
  auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) errors_->Malformed(At(key), "is required");
    return nullptr;
  }
  if (!IsType(*it, type)) {
    errors_->Malformed(At(key), "must be " + std::string(TypeWord(type)) + ", got " +
                                    std::string(JsonTypeName(*it)));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> ObjectReader::String(const char* key, bool required) {
  const json* v = Member(key, json::value_t::string, required);
  if (v == nullptr) return std::nullopt;
  return v->get<std::string>();
}

std::optional<double> ObjectReader::Number(const char* key, bool required) {
  const json* v = Member(key, json::value_t::number_float, required);
  if (v == nullptr) return std::nullopt;
  return v->get<double>();
}

std::optional<long long> ObjectReader::Integer(const char* key, bool required) {
  const json* v = Member(key, json::value_t::number_float, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_number_integer()) return v->get<long long>();
  if (v->is_number_unsigned()) {
    const auto u = v->get<unsigned long long>();
    if (u > static_cast<unsigned long long>(LLONG_MAX)) {
      errors_->Invalid(At(key), "is too large");
      return std::nullopt;
    }
    return static_cast<long long>(u);
  }
  const double d = v->get<double>();
  if (std::floor(d) != d || std::fabs(d) > 9e15) {
    errors_->Malformed(At(key), "must be an integer");
    return std::nullopt;
  }
  return static_cast<long long>(d);
}

std::optional<bool> ObjectReader::Bool(const char* key, bool required) {
  const json* v = Member(key, json::value_t::boolean, required);
  if (v == nullptr) return std::nullopt;
  return v->get<bool>();
}

std::optional<std::vector<std::string>> ObjectReader::StringList(const char* key, bool required) {
  const json* v = Member(key, json::value_t::array, required);
  if (v == nullptr) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    if (!e.is_string()) {
      errors_->Malformed(JsonPointer(At(key), i),
                         "must be a string, got " + std::string(JsonTypeName(e)));
      ok = false;
      continue;
    }
    out.push_back(e.get<std::string>());
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::map<std::string, double>> ObjectReader::NumberMap(const char* key,
                                                                     bool required) {
  const json* v = Member(key, json::value_t::object, required);
  if (v == nullptr) return std::nullopt;
  std::map<std::string, double> out;
  bool ok = true;
  for (auto it = v->begin(); it != v->end(); ++it) {
    if (!it.value().is_number()) {
      errors_->Malformed(JsonPointer(At(key), it.key()),
                         "must be a number, got " + std::string(JsonTypeName(it.value())));
      ok = false;
      continue;
    }
    out.emplace(it.key(), it.value().get<double>());
  }
  if (!ok) return std::nullopt;
  return out;
}

void ObjectReader::RejectUnknown(std::initializer_list<std::string_view> known) {
  if (object_ == nullptr) return;
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    bool found = false;
    for (std::string_view k : known) found = found || k == it.key();
    if (!found) errors_->Malformed(At(it.key()), "is not a known field");
  }
}

}  // namespace pathrank::server
