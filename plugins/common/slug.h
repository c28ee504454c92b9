// Slugs, as the catalog format defines them: [a-z0-9][a-z0-9._-]*, at most
// 128 bytes. Shared by pathrank's own plugins; compiled into each.
//
// Thread safety: pure functions.

#ifndef PATHRANK_PLUGINS_COMMON_SLUG_H_
#define PATHRANK_PLUGINS_COMMON_SLUG_H_

#include <string>
#include <string_view>

namespace pathrank::plugin {

inline constexpr size_t kMaxSlugBytes = 128;

inline bool IsSlugStart(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
inline bool IsSlugChar(char c) { return IsSlugStart(c) || c == '.' || c == '_' || c == '-'; }

inline bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > kMaxSlugBytes || !IsSlugStart(s[0])) return false;
  for (char c : s) {
    if (!IsSlugChar(c)) return false;
  }
  return true;
}

// `s` itself when it is a slug. Otherwise: ASCII letters lower-cased; each
// run of other characters outside [a-z0-9._-] (spaces, punctuation, UTF-8)
// becomes one '_'; runs of '_' collapse to one; leading characters other
// than [a-z0-9] and trailing '_' are removed; the result is cut to 128
// bytes. "angle types" -> "angle_types", "number_sense_weight_L1" ->
// "number_sense_weight_l1". May return "" (no letter or digit at all).
inline std::string Slugify(std::string_view s) {
  if (IsSlug(s)) return std::string(s);
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!IsSlugChar(c)) c = '_';
    if (c == '_' && !out.empty() && out.back() == '_') continue;
    if (out.empty() && !IsSlugStart(c)) continue;
    out += c;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.size() > kMaxSlugBytes) out.resize(kMaxSlugBytes);
  return out;
}

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_SLUG_H_
