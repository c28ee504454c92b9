// The prerequisite graph, its orders and the finished Catalog, from a spec
// catalog_checks.cc found valid (catalog_assembler.h).
#include <algorithm>
#include <set>

#include "catalog/catalog_assembler.h"
#include "catalog/graph_order.h"

namespace pathrank::internal {

void CatalogAssembler::BuildGraph() {
  const auto& items = spec_.items;
  prereq_offsets_.assign(items.size() + 1, 0);
  size_t cursor = 0;  // into resolved_, in item, clause, alternative order
  for (size_t i = 0; i < items.size(); ++i) {
    // Only the first item with a given id takes part; duplicates are errors.
    const bool first_of_id = item_index_.at(items[i].id) == i;
    for (const ClauseSpec& clause : items[i].prerequisites) {
      for (size_t a = 0; a < clause.any_of.size(); ++a) {
        const uint32_t index = resolved_[cursor++];
        if (first_of_id && index != kUnresolved && index != i) prereqs_.push_back(index);
      }
    }
    prereq_offsets_[i + 1] = static_cast<uint32_t>(prereqs_.size());
  }
  std::vector<uint32_t> priority(items.size(), UINT32_MAX);
  for (size_t i = 0; i < items.size(); ++i) {
    auto it = stage_index_.find(items[i].stage);
    if (it != stage_index_.end()) priority[i] = it->second;
  }
  internal::PrereqGraph graph{prereq_offsets_, prereqs_};
  topo_order_ = internal::TopologicalOrder(graph, priority);
  if (topo_order_.size() == items.size()) return;
  for (const auto& cycle : internal::FindCycles(graph, topo_order_)) {
    std::string text;
    for (uint32_t node : cycle) text += Quoted(items[node].id) + " -> ";
    text += Quoted(items[cycle.front()].id);
    problems_->Add(
        JsonPointer("/items", cycle.front()) + "/prerequisites",
        "cycle of " + std::to_string(cycle.size()) + " items, each needing the next: " + text);
  }
}

std::shared_ptr<Catalog> CatalogAssembler::Finish(CatalogSpec spec) {
  std::shared_ptr<Catalog> catalog(new Catalog());
  Catalog& c = *catalog;
  c.id_ = std::move(spec.id);
  c.title_ = std::move(spec.title);
  c.version_ = std::move(spec.version);
  c.summary_ = std::move(spec.summary);
  for (StageSpec& s : spec.stages) {
    c.stage_index_.emplace(s.id, static_cast<uint32_t>(c.stages_.size()));
    c.stages_.push_back({std::move(s.id), std::move(s.title), std::move(s.summary)});
  }

  FinishItems(spec, c);
  FinishDependents(c);
  FinishOrders(c);
  FinishGoals(spec, c);
  c.id_index_ = std::move(item_index_);
  c.name_index_ = std::move(name_index_);
  return catalog;
}

void CatalogAssembler::FinishItems(CatalogSpec& spec, Catalog& c) {
  const size_t n = spec.items.size();
  size_t cursor = 0;  // into resolved_, as in BuildGraph
  c.items_.reserve(n);
  c.clause_weight_sum_.assign(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    ItemSpec& s = spec.items[i];
    Item item;
    item.kind = s.kind;
    item.stage = stage_index_.at(s.stage);
    item.hours = s.hours;
    item.difficulty = s.difficulty;
    item.first_clause = static_cast<uint32_t>(c.clauses_.size());
    item.clause_count = static_cast<uint32_t>(s.prerequisites.size());
    for (ClauseSpec& cs : s.prerequisites) {
      Clause clause;
      clause.item = static_cast<ItemId>(i);
      clause.first_alternative = static_cast<uint32_t>(c.alternatives_.size());
      clause.alternative_count = static_cast<uint32_t>(cs.any_of.size());
      clause.weight = cs.weight;
      clause.type = cs.type;
      for (size_t a = 0; a < cs.any_of.size(); ++a) c.alternatives_.push_back(resolved_[cursor++]);
      c.clause_weight_sum_[i] += cs.weight;
      c.clauses_.push_back(clause);
      c.clause_notes_.push_back(std::move(cs.note));
    }
    item.id = std::move(s.id);
    item.title = std::move(s.title);
    item.tags = std::move(s.tags);
    item.aliases = std::move(s.aliases);
    item.summary = std::move(s.summary);
    item.source = std::move(s.source);
    item.attributes = std::move(s.attributes);
    c.items_.push_back(std::move(item));
  }
}

// Reverse adjacency, grouped by prerequisite, in (dependent, clause) order.
void CatalogAssembler::FinishDependents(Catalog& c) {
  const size_t n = c.items_.size();
  c.dependent_offsets_.assign(n + 1, 0);
  for (ItemId alt : c.alternatives_) ++c.dependent_offsets_[alt + 1];
  for (size_t i = 0; i < n; ++i) c.dependent_offsets_[i + 1] += c.dependent_offsets_[i];
  c.dependents_.resize(c.alternatives_.size());
  std::vector<uint32_t> next_slot(c.dependent_offsets_.begin(), c.dependent_offsets_.end() - 1);
  for (uint32_t k = 0; k < c.clauses_.size(); ++k) {
    const Clause& clause = c.clauses_[k];
    for (ItemId alt : c.alternatives(clause)) c.dependents_[next_slot[alt]++] = {clause.item, k};
  }
}

void CatalogAssembler::FinishOrders(Catalog& c) {
  const size_t n = c.items_.size();
  c.topo_order_ = std::move(topo_order_);
  c.topo_rank_.resize(n);
  for (uint32_t r = 0; r < n; ++r) c.topo_rank_[c.topo_order_[r]] = r;
  c.stage_order_ = c.topo_order_;
  std::stable_sort(c.stage_order_.begin(), c.stage_order_.end(),
                   [&c](ItemId a, ItemId b) { return c.items_[a].stage < c.items_[b].stage; });

  std::set<std::string> all_tags;
  for (const Item& item : c.items_) all_tags.insert(item.tags.begin(), item.tags.end());
  c.tags_.assign(all_tags.begin(), all_tags.end());
}

void CatalogAssembler::FinishGoals(CatalogSpec& spec, Catalog& c) {
  for (GoalSpec& gs : spec.goals) {
    Goal goal;
    std::unordered_map<ItemId, double> demand;
    for (const auto& [id, weight] : gs.items) {
      const ItemId item = item_index_.at(id);
      goal.item_targets.push_back({item, weight});
      demand[item] += weight;
    }
    for (const auto& [tag, weight] : gs.tags) {
      goal.tag_targets.push_back({tag, weight});
      for (uint32_t item : tag_items_.at(tag)) demand[item] += weight;
    }
    goal.demand.assign(demand.begin(), demand.end());
    std::sort(goal.demand.begin(), goal.demand.end());
    goal.id = std::move(gs.id);
    goal.title = std::move(gs.title);
    goal.summary = std::move(gs.summary);
    c.goal_index_.emplace(goal.id, static_cast<uint32_t>(c.goals_.size()));
    c.goals_.push_back(std::move(goal));
  }
}

}  // namespace pathrank::internal
