// A catalog as a plugin reads it from its source, before it is handed to the
// host: items (each with the place in the source it came from), their
// prerequisite clauses and goals. RepairCatalog finds the defects real data
// has (duplicate ids, self-loops, unresolved or repeated prerequisites,
// cycles) and, by the source's `on_invalid` policy, fails naming every
// offending record or drops each with one warning. EmitCatalog hands the
// result to the host's sink.
//
// Shared by pathrank's own plugins; compiled into each.
// Thread safety: plain values and free functions.

#ifndef PATHRANK_PLUGINS_COMMON_CATALOG_RECORDS_H_
#define PATHRANK_PLUGINS_COMMON_CATALOG_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "defects.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {

struct ClauseRecord {
  std::vector<std::string> any_of;  // item ids
  double weight = 1.0;
  int32_t type = PR_CLAUSE_REQUIRES;
  std::string note;
  std::string where;  // its own source record ("clauses.csv line 4"); "" = the item's
};

struct ItemRecord {
  std::string where;   // source record, e.g. "junyi_Exercise_table.csv line 54"
  std::string raw_id;  // the id as the source wrote it
  std::string id;      // the slug handed to the host (== raw_id when it was one)
  std::string kind = "topic";
  std::string title;
  std::string stage;
  std::vector<std::string> tags;
  double hours = 1.0;
  int32_t difficulty = 1;
  std::vector<std::string> aliases;
  std::string summary;
  std::string source;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<ClauseRecord> clauses;
};

struct GoalRecord {
  std::string where;
  std::string id;
  std::string title;
  std::string summary;
  std::vector<std::pair<std::string, double>> items;  // item id -> weight
  std::vector<std::pair<std::string, double>> tags;   // tag -> weight
};

struct CatalogRecords {
  std::string id, title, version, summary;
  std::vector<ItemRecord> items;
  // Clauses given apart from their item (item id, clause), e.g. clauses.csv.
  std::vector<std::pair<std::string, ClauseRecord>> loose_clauses;
  std::vector<GoalRecord> goals;
};

// "<where> (item \"<id>\")", naming the raw id too when it was slugified.
std::string ItemRef(const ItemRecord& item);

// Checks `records` and repairs or rejects them:
//   - an item whose id repeats an earlier one (after slugification);
//   - a loose clause of an unknown item;
//   - a prerequisite naming its own item (self-loop), an unknown item, or
//     repeated within its clause; a clause repeating an earlier one;
//   - a goal repeating an earlier id, or targeting an unknown item or a tag
//     no item carries;
//   - cycles: each edge that closes one (found by a depth-first search in
//     source order) names every item on the cycle.
// kDrop: each offending item, clause, edge or target is dropped with one
// PR_LOG_WARNING ("<record>: <reason>; <what> is dropped"); returns how many.
// kFail: throws PluginError PR_ERR_DATA listing every defect, one per line.
size_t RepairCatalog(CatalogRecords* records, OnInvalid policy, const pr_sink* sink);

// Hands the catalog to the host: set_info, then each item followed by its
// clauses, then the goals. Throws PluginError when the host refuses a record.
void EmitCatalog(const CatalogRecords& records, const pr_sink* sink);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_CATALOG_RECORDS_H_
