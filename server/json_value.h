// JsonDocument: a strict, fast JSON parser for request bodies and the config
// file, producing a compact read-only tree.
//
// Why not nlohmann for input: parsing a 3 KB recommendation body with
// nlohmann's DOM took about a third of the server's CPU per request; this
// parser keeps strings without escapes as views into the input and stores
// every container's children contiguously, so a parse is a few
// allocations. Answers are still written with nlohmann (json_*.cc).
//
// Grammar: RFC 8259. Strings must be valid UTF-8 (escapes decoded,
// surrogate pairs joined, lone surrogates rejected); nesting deeper than 64
// is rejected. Duplicate object keys are kept; readers decide (ObjectReader
// rejects them).
//
// Thread safety: a parsed document is immutable; it borrows the input text,
// which must outlive it.

#ifndef PATHRANK_SERVER_JSON_VALUE_H_
#define PATHRANK_SERVER_JSON_VALUE_H_

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pathrank::server {

enum class JsonType : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

// "null", "boolean", "number", "string", "array", "object".
std::string_view JsonTypeName(JsonType type);

struct JsonNode;

// A member of an object (key set) or an element of an array (key empty).
struct JsonChild {
  std::string_view key;
  uint32_t node;  // index into JsonDocument::nodes()
};

struct JsonNode {
  JsonType type = JsonType::kNull;
  bool boolean = false;
  bool integral = false;  // a number written without fraction or exponent
  double number = 0;
  std::string_view text;     // a string's decoded value
  std::string_view raw;      // the value's JSON text in the input
  uint32_t first_child = 0;  // containers: children [first_child, first_child + size)
  uint32_t size = 0;
};

class JsonDocument {
 public:
  // Parses `text`; on a syntax error returns false and sets `error` to
  // "line L, column C: <reason>". REQUIRES: `text` outlives the document.
  bool Parse(std::string_view text, std::string* error);

  const JsonNode& root() const { return nodes_.front(); }
  const JsonNode& node(uint32_t index) const { return nodes_[index]; }
  // The members or elements of a container node.
  std::span<const JsonChild> children(const JsonNode& container) const {
    return std::span(children_).subspan(container.first_child, container.size);
  }

 private:
  class Parser;
  std::vector<JsonNode> nodes_;
  std::vector<JsonChild> children_;
  std::deque<std::string> decoded_;  // strings that had escapes
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_JSON_VALUE_H_
