// JsonDocument: the strict JSON parser of every JSON text pathrank reads
// (request bodies, the config file, catalogs, profiles, sequence models,
// trajectory lines, plugin configs and data), producing a compact read-only
// tree; JsonValue is a view of one of its values.
//
// simdjson's DOM parser (one per thread, reused) validates and parses the
// text; its tree is then copied into two flat arrays, the nodes in document
// order and each container's children contiguously, with every string
// copied into one buffer the document owns. Readers index arrays instead of
// walking simdjson's tape, and a document outlives the thread's parser,
// which the next parse reuses. Why not nlohmann for input: parsing a 3 KB
// recommendation body into its DOM took about a third of the server's CPU
// per request. Answers are written with json::Writer (util/json/).
//
// Grammar: RFC 8259 as simdjson checks it. Strings must be valid UTF-8,
// with \u escapes decoded and surrogates paired (a lone surrogate is an
// error); nesting deeper than 64 is rejected; a number must fit a double,
// and one written without fraction or exponent must fit 64 bits (int64 or
// uint64). Duplicate object keys are kept; readers decide (ObjectReader
// rejects them).
//
// Errors: simdjson does not say where a document fails, so only then is
// the text read again by nlohmann's SAX parser, which builds nothing, for a
// line, column and reason (json_syntax_error.h).
//
// Ownership and thread safety: a document owns all it holds and borrows
// nothing, not even the parsed text; it can be moved (views stay valid) but
// not copied. A parsed document is immutable and may be read from many
// threads. Documents on different threads can be parsed concurrently.

#ifndef PATHRANK_UTIL_JSON_JSON_DOCUMENT_H_
#define PATHRANK_UTIL_JSON_JSON_DOCUMENT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pathrank::json {

enum class JsonType : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

// "null", "boolean", "number", "string", "array", "object".
std::string_view JsonTypeName(JsonType type);

struct JsonNode;

// A member of an object (key set) or an element of an array (key empty).
struct JsonChild {
  std::string_view key;  // into the document's string buffer
  uint32_t node;         // index into JsonDocument::nodes()
};

struct JsonNode {
  JsonType type = JsonType::kNull;
  bool boolean = false;
  bool integral = false;     // a number written without fraction or exponent
  double number = 0;         // integers beyond 2^53 are rounded to a double
  std::string_view text;     // a string's decoded value, in the document's buffer
  uint32_t first_child = 0;  // containers: children [first_child, first_child + size)
  uint32_t size = 0;
};

class JsonDocument;

// A view of one value of a JsonDocument, or of no value (absent: a member
// that is not there). Cheap to copy; valid while its document lives and is
// not parsed again. What plugin code and the engine's small readers use.
class JsonValue {
 public:
  JsonValue() = default;  // absent
  JsonValue(const JsonDocument& doc, const JsonNode& node) : doc_(&doc), node_(&node) {}

  bool present() const { return node_ != nullptr; }
  // kNull when absent.
  JsonType type() const { return node_ == nullptr ? JsonType::kNull : node_->type; }
  // "null" (also when absent), "boolean", "number", ...
  std::string_view type_name() const { return JsonTypeName(type()); }
  bool is_null() const { return type() == JsonType::kNull; }
  bool is_bool() const { return type() == JsonType::kBool; }
  bool is_number() const { return type() == JsonType::kNumber; }
  // A number written without fraction or exponent.
  bool is_integer() const { return is_number() && node_->integral; }
  bool is_string() const { return type() == JsonType::kString; }
  bool is_array() const { return type() == JsonType::kArray; }
  bool is_object() const { return type() == JsonType::kObject; }

  // REQUIRES: of that type.
  bool boolean() const { return node_->boolean; }
  double number() const { return node_->number; }
  std::string_view string() const { return node_->text; }

  // Elements of an array, members of an object; 0 otherwise.
  size_t size() const;
  // Element `i` of an array. REQUIRES: is_array(), i < size().
  JsonValue operator[](size_t i) const;
  // Member `key` of an object (the last of repeated keys); absent when
  // missing or not an object.
  JsonValue Find(std::string_view key) const;
  // The members of an object sorted by key, of repeated keys the last
  // (JsonDocument::SortedMembers); empty otherwise.
  std::vector<std::pair<std::string_view, JsonValue>> Members() const;
  // As JsonDocument::ToJson; "null" when absent.
  std::string ToJson() const;

  // REQUIRES: present().
  const JsonDocument& doc() const { return *doc_; }
  const JsonNode& node() const { return *node_; }

 private:
  const JsonDocument* doc_ = nullptr;
  const JsonNode* node_ = nullptr;
};

// The same JSON value: same type, numbers equal as doubles, strings and
// arrays element by element, objects as maps (SortedMembers) member by
// member; absent equals only absent.
bool SameValue(JsonValue a, JsonValue b);

class JsonDocument {
 public:
  JsonDocument() = default;
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;
  JsonDocument(JsonDocument&&) = default;
  JsonDocument& operator=(JsonDocument&&) = default;

  // Parses `text`, replacing what the document held; on an error returns
  // false, leaves the document empty and sets `error` to "line L, column C:
  // <reason>". `text` is not referenced after the call.
  bool Parse(std::string_view text, std::string* error);

  // REQUIRES: the last Parse succeeded.
  const JsonNode& root() const { return nodes_.front(); }
  JsonValue value() const { return JsonValue(*this, root()); }
  const JsonNode& node(uint32_t index) const { return nodes_[index]; }
  // The members or elements of a container node.
  std::span<const JsonChild> children(const JsonNode& container) const {
    return std::span(children_).subspan(container.first_child, container.size);
  }

  // The value of member `key` of `object`, the last one of repeated keys
  // (as a JSON reader keeps); nullptr when absent or `object` is not an
  // object.
  const JsonNode* Find(const JsonNode& object, std::string_view key) const;
  // The members of `object` sorted by key, of repeated keys the last one:
  // an object as a map sees it (the order nlohmann/json iterated in, which
  // the engine's readers report errors in). Empty when not an object.
  std::vector<JsonChild> SortedMembers(const JsonNode& object) const;

  // `value` written back as compact JSON (by json::Writer, in nlohmann's
  // layout): the same value, not
  // the same text. Whitespace is dropped, object members are sorted by key
  // (of duplicate keys the last is kept, as a JSON reader would), escapes
  // and numbers are rewritten, and integers beyond 2^53 are the doubles in
  // `number`. Used to hand a config subtree on as text.
  std::string ToJson(const JsonNode& value) const;

 private:
  class Builder;
  std::vector<JsonNode> nodes_;
  std::vector<JsonChild> children_;
  // Every string and key, decoded. Reserved to the parsed text's length
  // before filling (a decoded string is never longer than its JSON form),
  // so it never reallocates while views into it are handed out.
  std::vector<char> strings_;
};

// Whether JsonDocument::Parse keeps one simdjson parser per thread between
// calls (saves its allocation on every parse) instead of one per call. Off
// by default: the per-thread parser is a thread_local, which code that is
// dlopen'ed and later dlclose'd (the plugins link this library) must not
// own. A long-lived host process turns it on once, at start (the `pathrank`
// binary does, in main). Thread-safe.
void ReuseThreadParsers(bool on);

}  // namespace pathrank::json

#endif  // PATHRANK_UTIL_JSON_JSON_DOCUMENT_H_
