// UTF-8 well-formedness for text our plugins read from files (RFC 3629: no
// overlong forms, no surrogates, at most U+10FFFF). The engine checks again
// what it is handed; checking here lets the plugin name the file and line.
//
// Thread safety: pure functions.

#ifndef PATHRANK_PLUGINS_COMMON_UTF8_CHECK_H_
#define PATHRANK_PLUGINS_COMMON_UTF8_CHECK_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace pathrank::plugin {

// The offset of the first byte of `s` that is not part of well-formed
// UTF-8, or nullopt when there is none.
inline std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  const auto byte = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
  for (size_t i = 0; i < s.size();) {
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return i;
    for (size_t k = 2; k < n; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    }
    i += n;
  }
  return std::nullopt;
}

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_UTF8_CHECK_H_
