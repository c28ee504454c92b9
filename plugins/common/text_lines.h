// A text file as numbered lines, for the line-oriented sources (Metacademy's
// concept files, OSSU's markdown): a UTF-8 byte-order mark at the start is
// skipped with one warning naming the file and line 1; line breaks are LF,
// CRLF or CR; the break itself is not part of a line.
//
// Shared by pathrank's own plugins; compiled into each.
// Trimming and lower-casing: util/csv.h (TrimSpaces), util/text.h.
// Thread safety: pure functions.

#ifndef PATHRANK_PLUGINS_COMMON_TEXT_LINES_H_
#define PATHRANK_PLUGINS_COMMON_TEXT_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "pathrank/plugin.h"
#include "plugin_kit.h"

namespace pathrank::plugin {

struct TextLine {
  size_t number = 0;  // 1-based
  std::string_view text;
};

// Lines of `text` (views into it). `file` names the file in the BOM
// warning, logged to `sink` when it is not null.
inline std::vector<TextLine> SplitLines(std::string_view text, const std::string& file,
                                        const pr_sink* sink) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    if (sink != nullptr) {
      Log(sink, PR_LOG_WARNING, file + " line 1: starts with a UTF-8 byte-order mark; skipped");
    }
  }
  std::vector<TextLine> lines;
  size_t number = 1, start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    if (i < text.size() || start < text.size()) {
      lines.push_back({number, text.substr(start, i - start)});
    }
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
    ++number;
  }
  return lines;
}

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_TEXT_LINES_H_
