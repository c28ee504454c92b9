// O*NET Technology Skills as goals of a catalog: each occupation (O*NET-SOC
// code, e.g. 15-1252.00 "Software Developers") becomes a goal
// "onet-<code>" weighting the catalog items its technologies map to. The
// mapping (docs/importers.md, "O*NET"): a technology (the "Example"
// column) maps to an item when the alias table names it, else when it
// equals an item's id, title or one of its aliases, case-insensitively.
// Weights: Hot Technology and In Demand 1.0, one of them 0.75, neither 0.5;
// an item several technologies map to takes the largest. An occupation
// with fewer than `min_items` mapped items gets no goal (counted).
//
// Inputs (the O*NET 29.2 text files, tab-separated, CRLF): "Technology
// Skills.txt" (code, example, commodity code, commodity title, hot, in
// demand) and "Occupation Data.txt" (code, title, description). Every row
// that cannot be read (field count, a flag other than Y/N, an occupation
// without a title, a repeated row) is a warning naming file and line; the
// alias table's errors (an unknown item, a repeated technology) fail.
//
// Thread safety: a pure function of its inputs.

#ifndef PATHRANK_SERVER_OPS_ONET_GOALS_H_
#define PATHRANK_SERVER_OPS_ONET_GOALS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "pathrank/catalog_spec.h"
#include "pathrank/status.h"

namespace pathrank::ops {

// Goal id of an occupation: "onet-" + code ("onet-15-1252.00").
std::string OnetGoalId(const std::string& code);

// True for an O*NET-SOC code: NN-NNNN.NN.
bool IsOnetCode(const std::string& code);

struct OnetOptions {
  std::string dir;           // holds "Technology Skills.txt", "Occupation Data.txt"
  std::string aliases_path;  // TSV "technology<TAB>item id", '#' comments; "" for none
  size_t min_items = 3;      // fewest mapped items that make a goal
};

struct UnmappedTechnology {
  std::string name;
  size_t occupations = 0;  // rows naming it
  size_t hot = 0;          // of which flagged Hot Technology
};

struct OnetImport {
  CatalogSpec catalog;  // the base catalog with the occupation goals appended
  size_t rows = 0, mapped_rows = 0, occupations = 0, goals = 0;
  size_t too_few_items = 0;                  // occupations below min_items
  std::vector<std::string> warnings;         // "Technology Skills.txt line 12: ..."
  std::vector<UnmappedTechnology> unmapped;  // most rows first, then by name
};

// Reads the files and appends the goals to `base` (whose goals must not
// already use "onet-" ids: InvalidArgument). NotFound / Unavailable when a
// file is missing or unreadable; InvalidArgument naming file and line for
// the alias table.
Result<OnetImport> ImportOnetGoals(const CatalogSpec& base, const OnetOptions& options);

}  // namespace pathrank::ops

#endif  // PATHRANK_SERVER_OPS_ONET_GOALS_H_
