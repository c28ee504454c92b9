// Metacademy's content repository (metacademy/metacademy-content) as a
// pathrank catalog. The mapping (documented in docs/importers.md):
//   - each directory concepts/<tag>/ with an id.txt -> a topic, id = the
//     normalised tag (lower case, '-' and spaces -> '_'), title from
//     title.txt, summary from summary.txt, stage "concepts"; attributes
//     metacademy_id (id.txt), objectives (the bullets of goals.txt, one per
//     line), flags (flags.txt); a directory without id.txt (the format's
//     ANNOTATED_EXAMPLE) is not a concept: skipped with a warning;
//   - each block of concepts/<tag>/dependencies.txt (`tag:`, optional
//     `reason:` and `shortcut: 1`) -> a `requires` clause on the normalised
//     tag, note = the reason; with `shortcut: 1` (a shortcut of the
//     prerequisite is enough) weight 0.5, else 1;
//   - each course courses/<name>/ (concepts.txt, title.txt) -> a goal
//     targeting each listed concept with weight 1;
//   - hours 2 per concept; difficulty from the concept's depth (longest
//     chain of prerequisites under it, d): 1 + floor(4 d / max depth).
// Defects (each named "<file> line <n>"): a line that is neither a comment,
// blank, nor `tag:` / `reason:` / `shortcut:` of a block; `reason:` or
// `shortcut:` outside a block or repeated; a shortcut value other than 0 or
// 1; a course concept naming no concept. Unresolved, repeated and cyclic
// prerequisites are found by RepairCatalog (catalog_records.h).
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_METACADEMY_METACADEMY_CONTENT_H_
#define PATHRANK_PLUGINS_METACADEMY_METACADEMY_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "../common/catalog_records.h"
#include "../common/defects.h"

namespace pathrank::plugin {

struct MetacademyOptions {
  std::string path;  // the repository: the folder holding concepts/ and courses/
  OnInvalid on_invalid = OnInvalid::kFail;
};

inline constexpr double kShortcutWeight = 0.5;
inline constexpr double kConceptHours = 2.0;

// A Metacademy tag as a catalog id: trimmed, ASCII lower-cased, each '-'
// or space -> '_' ("kruskals-algorithm" -> "kruskals_algorithm").
std::string NormalizeTag(std::string_view tag);

// The clauses of one dependencies.txt; `file` (e.g.
// "concepts/x/dependencies.txt") names it in each clause's `where` and in
// the defects added to `defects`.
std::vector<ClauseRecord> ParseDependencies(std::string_view text, const std::string& file,
                                            Defects* defects, const pr_sink* sink);

// Reads the repository. Throws PluginError (PR_ERR_NOT_FOUND when
// <path>/concepts is absent, PR_ERR_IO when a file cannot be read).
CatalogRecords ReadMetacademy(const MetacademyOptions& options, Defects* defects,
                              const pr_sink* sink);

// Sets each item's difficulty from its depth in the (acyclic) graph of
// `requires` clauses: 1 + floor(4 * depth / max depth); 1 when no item has
// a prerequisite. REQUIRES: RepairCatalog has run (every alternative names
// an item, no cycle).
void AssignDepthDifficulty(CatalogRecords* records);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_METACADEMY_METACADEMY_CONTENT_H_
