// Small string helpers shared by engine sources. Private to engine/src.

#ifndef PATHRANK_UTIL_TEXT_H_
#define PATHRANK_UTIL_TEXT_H_

#include <string>
#include <string_view>

namespace pathrank::internal {

// ASCII lower-casing; bytes >= 0x80 pass through unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
inline std::string JsonPointer(std::string_view base, std::string_view token) {
  std::string out(base);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string JsonPointer(std::string_view base, size_t index) {
  return JsonPointer(base, std::to_string(index));
}

// Double-quotes `s` for messages: item "gin".
inline std::string Quoted(std::string_view s) {
  std::string out = "\"";
  out += s;
  out += '"';
  return out;
}

}  // namespace pathrank::internal

#endif  // PATHRANK_UTIL_TEXT_H_
