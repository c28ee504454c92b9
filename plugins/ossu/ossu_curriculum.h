// The OSSU computer-science curriculum (ossu/computer-science README.md) as
// a pathrank catalog. The mapping (documented in docs/importers.md):
//   - each row of a course table (a header row whose first cell is
//     "Courses", then the `:--` row) -> an item, id = the slug of the
//     course's title (the text of the first link of the first cell),
//     attributes url, duration, effort, prerequisites_text (verbatim);
//   - the section: stage = the `###` heading (or the `##` heading when the
//     table has none), tags = slugs of both; difficulty by `##` section
//     (Intro CS 1, Core CS 2, Advanced CS 3, Final project 4, other 2);
//     kind `project` in Final project, `topic` elsewhere;
//   - hours = weeks (midpoint of a range; months x 4) x hours/week
//     (midpoint); a missing one is 4 weeks or 5 hours/week, with a warning;
//   - a table after a line "Choose one ..." holds alternatives: a group
//     reference needs any one of them;
//   - free-text prerequisites (ResolvePrerequisites) -> requires clauses
//     (`corequisite:` -> recommends), the rest warned and kept as text;
//   - each `##` section with courses -> a goal: each course weight 1 when
//     required (Intro CS, Core CS), 0.5 when an alternative or elective.
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_OSSU_OSSU_CURRICULUM_H_
#define PATHRANK_PLUGINS_OSSU_OSSU_CURRICULUM_H_

#include <string>
#include <string_view>

#include "../common/catalog_records.h"
#include "../common/defects.h"

namespace pathrank::plugin {

struct OssuOptions {
  std::string path;  // the curriculum's README.md
  OnInvalid on_invalid = OnInvalid::kFail;
};

// Reads and maps the curriculum. `file` names it in warnings (the file
// name of `path`). Defects (to `defects`): a table row whose cell count
// differs from its header's, a row without a course title. Throws
// PluginError (PR_ERR_NOT_FOUND, PR_ERR_IO).
CatalogRecords ReadOssuCurriculum(const OssuOptions& options, Defects* defects,
                                  const pr_sink* sink);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_OSSU_OSSU_CURRICULUM_H_
