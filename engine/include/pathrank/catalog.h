// Catalog: an immutable, validated catalog of items, prerequisite clauses and
// goals, laid out for fast scoring.
//
// Items have dense ids 0..item_count()-1 in the order the spec listed them.
// Clauses are stored in one array grouped by owning item (CSR), their
// alternatives in another; dependents (who lists an item as an alternative)
// are the same graph in the other direction. The graph over all clauses is a
// DAG; topological_order() lists prerequisites before the items that need
// them. Build one with CatalogBuilder.
//
// Thread safety: immutable after construction; any number of threads may read
// one Catalog concurrently. Share it as std::shared_ptr<const Catalog>.

#ifndef PATHRANK_CATALOG_H_
#define PATHRANK_CATALOG_H_

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pathrank/catalog_spec.h"
#include "pathrank/export.h"

namespace pathrank {

namespace internal {
class CatalogAssembler;
}  // namespace internal

// Dense item index within one Catalog.
using ItemId = uint32_t;

struct Item {
  std::string id;
  ItemKind kind = ItemKind::kTopic;
  std::string title;
  uint32_t stage = 0;  // index into Catalog::stages()
  std::vector<std::string> tags;
  double hours = 1.0;
  int difficulty = 1;
  std::vector<std::string> aliases;
  std::string summary;
  std::string source;
  std::map<std::string, std::string> attributes;
  uint32_t first_clause = 0;  // this item's clauses: [first_clause,
  uint32_t clause_count = 0;  //   first_clause + clause_count)
};

struct Clause {
  ItemId item = 0;                 // the item the clause belongs to
  uint32_t first_alternative = 0;  // into Catalog::alternatives()
  uint32_t alternative_count = 0;
  double weight = 1.0;
  ClauseType type = ClauseType::kRequires;
};

// An item that lists another as an alternative in one of its clauses.
struct Dependent {
  ItemId item;      // the dependent item
  uint32_t clause;  // global clause index of the clause naming the prerequisite
};

struct Stage {
  std::string id;
  std::string title;
  std::string summary;
};

struct Goal {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<std::pair<ItemId, double>> item_targets;      // as specified
  std::vector<std::pair<std::string, double>> tag_targets;  // as specified
  // Per-item demand: item target weight plus the weights of every tag target
  // the item carries; sorted by item, only non-zero entries.
  std::vector<std::pair<ItemId, double>> demand;
};

class PATHRANK_EXPORT Catalog {
 public:
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;

  const std::string& id() const { return id_; }
  const std::string& title() const { return title_; }
  const std::string& version() const { return version_; }
  const std::string& summary() const { return summary_; }

  // ----- items
  size_t item_count() const { return items_.size(); }
  // REQUIRES: i < item_count(). References and spans returned by a Catalog
  // are valid as long as the Catalog lives.
  const Item& item(ItemId i) const { return items_[i]; }
  std::span<const Item> items() const { return items_; }
  // The item whose id is exactly `id`.
  std::optional<ItemId> FindItem(std::string_view id) const;
  // The item whose id, alias or title equals `name` ignoring ASCII case
  // (ids first, then aliases, then titles).
  std::optional<ItemId> FindItemByName(std::string_view name) const;

  // ----- clauses (CSR by owning item)
  size_t clause_count() const { return clauses_.size(); }
  // Total number of alternatives over all clauses ("clause entries").
  size_t alternative_count() const { return alternatives_.size(); }
  std::span<const Clause> clauses() const { return clauses_; }
  // REQUIRES: i < item_count().
  std::span<const Clause> clauses_of(ItemId i) const {
    return std::span(clauses_).subspan(items_[i].first_clause, items_[i].clause_count);
  }
  // REQUIRES: `c` is a clause of this catalog.
  std::span<const ItemId> alternatives(const Clause& c) const {
    return std::span(alternatives_).subspan(c.first_alternative, c.alternative_count);
  }
  std::span<const ItemId> alternatives() const { return alternatives_; }
  // The note of global clause `clause`; empty when none was given.
  // REQUIRES: clause < clause_count().
  const std::string& clause_note(uint32_t clause) const { return clause_notes_[clause]; }
  // Sum of the clause weights of item `i`; 0 when it has no clauses.
  // REQUIRES: i < item_count().
  double clause_weight_sum(ItemId i) const { return clause_weight_sum_[i]; }

  // ----- reverse adjacency
  // REQUIRES: i < item_count().
  std::span<const Dependent> dependents_of(ItemId i) const {
    return std::span(dependents_)
        .subspan(dependent_offsets_[i], dependent_offsets_[i + 1] - dependent_offsets_[i]);
  }

  // ----- orders
  // Every item, prerequisites before dependents; among items ready at the same
  // time, earlier stage first, then spec order. Deterministic.
  std::span<const ItemId> topological_order() const { return topo_order_; }
  // Position of `i` in topological_order(). REQUIRES: i < item_count().
  uint32_t topological_rank(ItemId i) const { return topo_rank_[i]; }
  // Every item by stage, then topological rank.
  std::span<const ItemId> stage_order() const { return stage_order_; }

  // ----- stages, goals, tags
  std::span<const Stage> stages() const { return stages_; }
  std::optional<uint32_t> FindStage(std::string_view id) const;
  std::span<const Goal> goals() const { return goals_; }
  std::optional<uint32_t> FindGoal(std::string_view id) const;
  // Every distinct tag of any item, sorted.
  std::span<const std::string> tags() const { return tags_; }

  // The spec this catalog was built from, normalised: clauses added by
  // CatalogBuilder::AddClause appear under their item.
  CatalogSpec ToSpec() const;

 private:
  friend class internal::CatalogAssembler;
  Catalog() = default;

  std::string id_, title_, version_, summary_;
  std::vector<Stage> stages_;
  std::vector<Item> items_;
  std::vector<Clause> clauses_;
  std::vector<std::string> clause_notes_;
  std::vector<ItemId> alternatives_;
  std::vector<double> clause_weight_sum_;
  std::vector<uint32_t> dependent_offsets_;  // item_count() + 1 entries
  std::vector<Dependent> dependents_;
  std::vector<ItemId> topo_order_;
  std::vector<uint32_t> topo_rank_;
  std::vector<ItemId> stage_order_;
  std::vector<Goal> goals_;
  std::vector<std::string> tags_;
  std::unordered_map<std::string, ItemId> id_index_;
  std::unordered_map<std::string, ItemId> name_index_;  // lower-cased
  std::unordered_map<std::string, uint32_t> stage_index_;
  std::unordered_map<std::string, uint32_t> goal_index_;
};

}  // namespace pathrank

#endif  // PATHRANK_CATALOG_H_
