// JsonLines: the line on which each value of a JSON text begins, by JSON
// pointer ("/exercises/practice/12" -> 840), for messages about a record of
// a JSON source file ("config.json line 840"). JsonDocument keeps no
// positions (simdjson gives none), so the text is scanned once more.
//
// The text should be one that JsonDocument::Parse accepted; on another the
// scan stops where it stops making sense and the lines found so far remain.
// Pointer tokens escape '~' and '/' as RFC 6901 does (~0, ~1); keys with
// backslash escapes are recorded as written between the quotes.
//
// Thread safety: immutable after construction.

#ifndef PATHRANK_UTIL_JSON_JSON_LINES_H_
#define PATHRANK_UTIL_JSON_JSON_LINES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pathrank::json {

class JsonLines {
 public:
  // Records the values of `text` down to `max_depth` levels below the root
  // (the root is depth 0). Borrows nothing.
  explicit JsonLines(std::string_view text, size_t max_depth = 8);

  // The 1-based line of the value at `pointer` ("" = the root); 0 when
  // unknown (absent, or deeper than max_depth).
  uint32_t Line(std::string_view pointer) const;

 private:
  std::unordered_map<std::string, uint32_t> lines_;
};

}  // namespace pathrank::json

#endif  // PATHRANK_UTIL_JSON_JSON_LINES_H_
