// CatalogBuilder: validates a catalog description and builds an immutable
// Catalog.
//
// Feed it a whole CatalogSpec, or piece by piece (plugins add items, clauses
// and goals one callback at a time), then call Build(). Build() checks
// everything and reports every problem it finds, each naming its record and
// the JSON pointer of the field in the native format:
//   - ids are slugs and unique among stages, items and goals;
//   - every reference resolves (item stage, clause alternatives, goal items);
//   - numbers are finite and in range (hours, difficulty, weights);
//   - no clause names its own item, no clause repeats an alternative;
//   - aliases do not collide with another item's id or alias;
//   - the graph of all clauses is acyclic (a cycle error lists its items).
//
// Thread safety: not thread-safe; use one builder per thread.

#ifndef PATHRANK_CATALOG_BUILDER_H_
#define PATHRANK_CATALOG_BUILDER_H_

#include <memory>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/catalog_spec.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

struct CatalogBuildOptions {
  // When true, a stage an item names but no StageSpec declares is appended to
  // the stages in order of first use (for sources without a stage list, such
  // as plugins). When false such an item is an error.
  bool declare_stages_on_use = false;
  // At most this many errors are listed in the Status message (all are kept
  // in Status::fields()).
  size_t max_listed_errors = 50;
};

class PATHRANK_EXPORT CatalogBuilder {
 public:
  explicit CatalogBuilder(CatalogBuildOptions options = {});
  // Starts from a whole spec.
  explicit CatalogBuilder(CatalogSpec spec, CatalogBuildOptions options = {});

  // Catalog id, title, version and summary.
  void SetInfo(std::string id, std::string title, std::string version, std::string summary);
  void AddStage(StageSpec stage);
  void AddItem(ItemSpec item);
  // Adds a clause to item `item_id`, which may be added before or after.
  void AddClause(std::string item_id, ClauseSpec clause);
  void AddGoal(GoalSpec goal);

  // Number of items added so far.
  size_t item_count() const { return spec_.items.size(); }

  // Validates and builds; call once. On failure returns InvalidArgument whose message
  // lists the problems one per line and whose fields() hold each with its
  // JSON pointer. The builder is left unusable either way (its spec moved).
  Result<std::shared_ptr<const Catalog>> Build();

 private:
  CatalogBuildOptions options_;
  CatalogSpec spec_;
  std::vector<std::pair<std::string, ClauseSpec>> loose_clauses_;
};

// Convenience: builds `spec` with default options. The catalog is shared
// (immutable; hand the shared_ptr to every Scorer, planner and thread).
PATHRANK_EXPORT Result<std::shared_ptr<const Catalog>> BuildCatalog(CatalogSpec spec);

}  // namespace pathrank

#endif  // PATHRANK_CATALOG_BUILDER_H_
