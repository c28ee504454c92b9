// Where and why a text is not a JsonDocument (json_document.h), for when
// simdjson has rejected it: simdjson reports only an error code, so the text
// is read again by nlohmann's SAX parser, which builds nothing. Only a
// failed parse pays for this second reading. Private to util/json/.

#ifndef PATHRANK_UTIL_JSON_JSON_SYNTAX_ERROR_H_
#define PATHRANK_UTIL_JSON_JSON_SYNTAX_ERROR_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace pathrank::json {

// "line L, column C: <reason>" for the first problem in `text`, with a
// 1-based line and byte column. Problems are:
// - nlohmann's errors, with its reason (without the input it quotes) at the
//   byte it stopped at: the offending byte or the last byte of the
//   offending token, one past the end for a truncated text; a number too
//   large for a double is placed at its first byte;
// - what nlohmann accepts but JsonDocument does not: nesting deeper than
//   `max_depth` (at the bracket one level too deep), an integer beyond 64
//   bits (at its first byte), a UTF-8 byte order mark, a NUL byte after the
//   value.
// When none is found, the position is line 1, column 1 and the reason
// `fallback_reason` (simdjson's).
std::string DescribeJsonError(std::string_view text, size_t max_depth,
                              std::string_view fallback_reason);

}  // namespace pathrank::json

#endif  // PATHRANK_UTIL_JSON_JSON_SYNTAX_ERROR_H_
