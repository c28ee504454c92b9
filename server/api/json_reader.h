// Typed reading of request bodies and the config file for the server's
// json_*.cc files, over JsonDocument (util/json/json_document.h). Problems are collected
// with their JSON pointers in two classes: malformed (syntax, wrong types,
// unknown or repeated members: HTTP 400) and invalid (well-typed values out
// of range or naming unknown things: HTTP 422). Private to server/.

#ifndef PATHRANK_SERVER_API_JSON_READER_H_
#define PATHRANK_SERVER_API_JSON_READER_H_

#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/problem.h"
#include "util/json/json_document.h"

namespace pathrank::server {

using json::JsonChild;
using json::JsonDocument;
using json::JsonNode;
using json::JsonType;
using json::JsonTypeName;

struct JsonErrors {
  std::vector<ProblemField> malformed;
  std::vector<ProblemField> invalid;

  void Malformed(std::string pointer, std::string message) {
    malformed.push_back({FieldLocation::kBody, std::move(pointer), std::move(message)});
  }
  void Invalid(std::string pointer, std::string message) {
    invalid.push_back({FieldLocation::kBody, std::move(pointer), std::move(message)});
  }
  bool empty() const { return malformed.empty() && invalid.empty(); }
  // A 400 problem when anything is malformed, else a 422 one when anything
  // is invalid; nullopt when there is nothing. `what` names the document.
  std::optional<Problem> ToProblem(std::string_view what) const;
};

// Parses `text` into `doc`; a syntax error is recorded as malformed at ""
// with its line and column. Returns false on a syntax error.
bool ParseJson(std::string_view text, JsonDocument* doc, JsonErrors* errors);

// The members of one JSON object. When the value is not an object, that is
// recorded (malformed) and every getter returns nullopt.
class ObjectReader {
 public:
  ObjectReader(const JsonDocument& doc, const JsonNode& value, std::string pointer,
               JsonErrors* errors);

  bool is_object() const { return object_ != nullptr; }
  const std::string& pointer() const { return pointer_; }
  std::string At(std::string_view key) const { return JsonPointer(pointer_, key); }
  const JsonDocument& doc() const { return doc_; }

  // Each getter returns nullopt (or nullptr) when the member is absent
  // (recorded as malformed when `required`) or has another type (recorded
  // as malformed).
  const JsonNode* Member(std::string_view key, JsonType type, bool required);
  std::optional<std::string> String(std::string_view key, bool required = false);
  std::optional<double> Number(std::string_view key, bool required = false);
  // An integral number (5, 5.0 or 5e0); a fraction is malformed.
  std::optional<long long> Integer(std::string_view key, bool required = false);
  std::optional<bool> Bool(std::string_view key, bool required = false);
  std::optional<std::vector<std::string>> StringList(std::string_view key, bool required = false);
  // An object whose members are all numbers; a repeated key is malformed.
  std::optional<std::map<std::string, double>> NumberMap(std::string_view key,
                                                         bool required = false);

  // Records every member not in `known`, and every repeated member, as
  // malformed.
  void RejectUnknown(std::initializer_list<std::string_view> known);

 private:
  const JsonDocument& doc_;
  const JsonNode* object_;
  std::string pointer_;
  JsonErrors* errors_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_JSON_READER_H_
