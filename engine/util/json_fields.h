// Typed, error-collecting access to the fields of a JSON object, used by
// every engine reader of JSON documents (catalogs, profiles, ...). Each
// problem is recorded with the JSON pointer of its field. Documents are
// read with json::JsonDocument (util/json/); objects are seen as maps:
// members in key order, of repeated keys the last. Private to engine/src.
//
// Ownership: a JsonFields borrows its document, object and error list,
// which must outlive it. Thread safety: one thread at a time.

#ifndef PATHRANK_UTIL_JSON_FIELDS_H_
#define PATHRANK_UTIL_JSON_FIELDS_H_

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/status.h"
#include "util/json/json_document.h"

namespace pathrank::internal {

// Returns a short name of `value`'s JSON type ("string", "number", ...).
std::string_view JsonTypeName(const json::JsonNode& value);

// Parses `text` into `doc`; a syntax error becomes InvalidArgument
// "<what>: line L, column C: <reason>" (json_document.h's reasons) with one
// field error at "" (the document).
Status ParseJsonText(std::string_view text, std::string_view what, json::JsonDocument* doc);

// Turns collected field errors into one InvalidArgument status whose message
// lists them (at most `max_listed`) and whose fields() hold them all.
Status FieldErrorsToStatus(std::string_view what, const std::vector<FieldError>& errors,
                           size_t max_listed = 50);

class JsonFields {
 public:
  // `object`, a node of `doc`, is the value at JSON pointer `pointer`;
  // problems go to `errors`. If `object` is not an object, that is recorded
  // and every getter fails.
  JsonFields(const json::JsonDocument& doc, const json::JsonNode& object, std::string pointer,
             std::vector<FieldError>* errors);

  const json::JsonDocument& doc() const { return doc_; }

  bool is_object() const { return is_object_; }
  const std::string& pointer() const { return pointer_; }
  // The pointer of member `key`.
  std::string At(std::string_view key) const;

  // Each getter leaves `out` unchanged and returns false when the key is
  // absent (an error only if `required`) or has the wrong type or range.
  bool String(const char* key, std::string* out, bool required);
  bool NonEmptyString(const char* key, std::string* out, bool required);
  bool Number(const char* key, double* out, bool required, double lo, double hi, bool lo_open,
              std::string_view range_text);
  bool Integer(const char* key, int* out, bool required, int lo, int hi);
  bool Bool(const char* key, bool* out, bool required);
  bool StringList(const char* key, std::vector<std::string>* out, bool required);
  bool StringMap(const char* key, std::map<std::string, std::string>* out, bool required);
  // An object of key -> number in (lo, hi] (lo_open) or [lo, hi].
  bool NumberMap(const char* key, std::map<std::string, double>* out, bool required, double lo,
                 double hi, bool lo_open, std::string_view range_text);
  // The member `key` if present and of type `type`; records a type error.
  const json::JsonNode* Member(const char* key, json::JsonType type, bool required);

  // Records an error for every member not in `known`.
  void RejectUnknown(std::initializer_list<std::string_view> known);

  void Error(std::string field, std::string message);

 private:
  const json::JsonNode* Find(const char* key, bool required);

  const json::JsonDocument& doc_;
  const json::JsonNode& object_;
  std::string pointer_;
  std::vector<FieldError>* errors_;
  bool is_object_;
};

}  // namespace pathrank::internal

#endif  // PATHRANK_UTIL_JSON_FIELDS_H_
