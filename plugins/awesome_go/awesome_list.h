// The awesome-go README (github.com/avelino/awesome-go) as a list of
// entries: "## Category" and "### Subcategory" headings, each entry a
// bullet "- [name](url) - description". The top-level heading "# Resources"
// starts the resources part (books, conferences, meetups, websites); the
// "## Contents" table of contents (links to "#anchors") is not read.
//
// What the markdown gets wrong is reported, naming "README.md line N":
//   repaired, one PR_LOG_WARNING each: an indented entry, an entry without
//   " - " between its link and its description, an empty bullet, a UTF-8
//   byte-order mark;
//   defects (on_invalid: fail the read, or drop the entry with a warning):
//   a bullet whose "[name](url)" link cannot be read, an entry before any
//   category, an entry whose URL repeats an earlier entry's.
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_AWESOME_GO_AWESOME_LIST_H_
#define PATHRANK_PLUGINS_AWESOME_GO_AWESOME_LIST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../common/defects.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {

struct AwesomeEntry {
  size_t line = 0;
  bool resource = false;    // under "# Resources"
  std::string category;     // the "## " heading
  std::string subcategory;  // the "### " heading, "" when none
  std::string name;
  std::string url;
  std::string description;  // verbatim markdown, "" when none
};

struct AwesomeList {
  std::vector<AwesomeEntry> entries;          // in README order
  std::vector<std::string> empty_categories;  // "## " headings without entries
  size_t contents_links = 0;                  // table-of-contents bullets skipped
};

// Parses `text` (the README; `file` names it in messages). Logs repairs on
// `sink`; records defects in `defects` (the caller calls Finish).
AwesomeList ParseAwesomeList(std::string_view text, const std::string& file, Defects* defects,
                             const pr_sink* sink);

// The link key of a URL: lower-cased, without scheme, "www." and a
// "github.com/" host, and without a trailing "/":
// "https://github.com/gin-gonic/gin" -> "gin-gonic/gin".
std::string UrlKey(std::string_view url);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_AWESOME_GO_AWESOME_LIST_H_
