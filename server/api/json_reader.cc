#include "api/json_reader.h"

#include <cmath>

namespace pathrank::server {

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

namespace {

std::string_view TypeWord(JsonType type) {
  switch (type) {
    case JsonType::kObject:
      return "an object";
    case JsonType::kArray:
      return "an array";
    case JsonType::kString:
      return "a string";
    case JsonType::kBool:
      return "a boolean";
    case JsonType::kNumber:
      return "a number";
    case JsonType::kNull:
      return "null";
  }
  return "a value";
}

}  // namespace

bool ParseJson(std::string_view text, JsonDocument* doc, JsonErrors* errors) {
  if (text.empty()) {
    errors->Malformed("", "the body is empty; expected a JSON object");
    return false;
  }
  std::string error;
  if (!doc->Parse(text, &error)) {
    errors->Malformed("", "invalid JSON at " + error);
    return false;
  }
  return true;
}

ObjectReader::ObjectReader(const JsonDocument& doc, const JsonNode& value, std::string pointer,
                           JsonErrors* errors)
    : doc_(doc),
      object_(value.type == JsonType::kObject ? &value : nullptr),
      pointer_(std::move(pointer)),
      errors_(errors) {
  if (object_ == nullptr) {
    errors_->Malformed(pointer_, "must be an object, got " + std::string(JsonTypeName(value.type)));
  }
}

const JsonNode* ObjectReader::Member(std::string_view key, JsonType type, bool required) {
  if (object_ == nullptr) return nullptr;
  const JsonNode* found = nullptr;
  for (const JsonChild& child : doc_.children(*object_)) {
    if (child.key == key) {
      found = &doc_.node(child.node);
      break;
    }
  }
  if (found == nullptr) {
    if (required) errors_->Malformed(At(key), "is required");
    return nullptr;
  }
  if (found->type != type) {
    errors_->Malformed(At(key), "must be " + std::string(TypeWord(type)) + ", got " +
                                    std::string(JsonTypeName(found->type)));
    return nullptr;
  }
  return found;
}

std::optional<std::string> ObjectReader::String(std::string_view key, bool required) {
  const JsonNode* v = Member(key, JsonType::kString, required);
  if (v == nullptr) return std::nullopt;
  return std::string(v->text);
}

std::optional<double> ObjectReader::Number(std::string_view key, bool required) {
  const JsonNode* v = Member(key, JsonType::kNumber, required);
  if (v == nullptr) return std::nullopt;
  return v->number;
}

std::optional<long long> ObjectReader::Integer(std::string_view key, bool required) {
  const JsonNode* v = Member(key, JsonType::kNumber, required);
  if (v == nullptr) return std::nullopt;
  if (std::floor(v->number) != v->number) {
    errors_->Malformed(At(key), "must be an integer");
    return std::nullopt;
  }
  if (std::fabs(v->number) > 9e15) {
    errors_->Invalid(At(key), "is too large");
    return std::nullopt;
  }
  return static_cast<long long>(v->number);
}

std::optional<bool> ObjectReader::Bool(std::string_view key, bool required) {
  const JsonNode* v = Member(key, JsonType::kBool, required);
  if (v == nullptr) return std::nullopt;
  return v->boolean;
}

std::optional<std::vector<std::string>> ObjectReader::StringList(std::string_view key,
                                                                 bool required) {
  const JsonNode* v = Member(key, JsonType::kArray, required);
  if (v == nullptr) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(v->size);
  bool ok = true;
  size_t i = 0;
  for (const JsonChild& child : doc_.children(*v)) {
    const JsonNode& e = doc_.node(child.node);
    if (e.type != JsonType::kString) {
      errors_->Malformed(JsonPointer(At(key), i),
                         "must be a string, got " + std::string(JsonTypeName(e.type)));
      ok = false;
    } else {
      out.emplace_back(e.text);
    }
    ++i;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::map<std::string, double>> ObjectReader::NumberMap(std::string_view key,
                                                                     bool required) {
  const JsonNode* v = Member(key, JsonType::kObject, required);
  if (v == nullptr) return std::nullopt;
  std::map<std::string, double> out;
  bool ok = true;
  for (const JsonChild& child : doc_.children(*v)) {
    const JsonNode& e = doc_.node(child.node);
    if (e.type != JsonType::kNumber) {
      errors_->Malformed(JsonPointer(At(key), child.key),
                         "must be a number, got " + std::string(JsonTypeName(e.type)));
      ok = false;
    } else if (!out.emplace(std::string(child.key), e.number).second) {
      errors_->Malformed(JsonPointer(At(key), child.key), "is given twice");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

void ObjectReader::RejectUnknown(std::initializer_list<std::string_view> known) {
  if (object_ == nullptr) return;
  const std::span<const JsonChild> members = doc_.children(*object_);
  for (size_t i = 0; i < members.size(); ++i) {
    const std::string_view key = members[i].key;
    bool found = false;
    for (std::string_view k : known) found = found || k == key;
    if (!found) {
      errors_->Malformed(At(key), "is not a known field");
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (members[j].key == key) {
        errors_->Malformed(At(key), "is given twice");
        break;
      }
    }
  }
}

}  // namespace pathrank::server
