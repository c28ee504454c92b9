#include "pathrank/catalog.h"

#include "util/text.h"

namespace pathrank {

std::optional<ItemId> Catalog::FindItem(std::string_view id) const {
  auto it = id_index_.find(std::string(id));
  if (it == id_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<ItemId> Catalog::FindItemByName(std::string_view name) const {
  auto it = name_index_.find(internal::AsciiLower(name));
  if (it == name_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> Catalog::FindStage(std::string_view id) const {
  auto it = stage_index_.find(std::string(id));
  if (it == stage_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> Catalog::FindGoal(std::string_view id) const {
  auto it = goal_index_.find(std::string(id));
  if (it == goal_index_.end()) return std::nullopt;
  return it->second;
}

CatalogSpec Catalog::ToSpec() const {
  CatalogSpec spec;
  spec.id = id_;
  spec.title = title_;
  spec.version = version_;
  spec.summary = summary_;
  for (const Stage& s : stages_) spec.stages.push_back({s.id, s.title, s.summary});
  spec.items.reserve(items_.size());
  for (ItemId i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    ItemSpec s;
    s.id = item.id;
    s.kind = item.kind;
    s.title = item.title;
    s.stage = stages_[item.stage].id;
    s.tags = item.tags;
    s.hours = item.hours;
    s.difficulty = item.difficulty;
    s.aliases = item.aliases;
    s.summary = item.summary;
    s.source = item.source;
    s.attributes = item.attributes;
    for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
      const Clause& clause = clauses_[k];
      ClauseSpec cs;
      for (ItemId alt : alternatives(clause)) cs.any_of.push_back(items_[alt].id);
      cs.weight = clause.weight;
      cs.type = clause.type;
      cs.note = clause_notes_[k];
      s.prerequisites.push_back(std::move(cs));
    }
    spec.items.push_back(std::move(s));
  }
  for (const Goal& goal : goals_) {
    GoalSpec g;
    g.id = goal.id;
    g.title = goal.title;
    g.summary = goal.summary;
    for (const auto& [item, weight] : goal.item_targets) g.items[items_[item].id] = weight;
    for (const auto& [tag, weight] : goal.tag_targets) g.tags[tag] = weight;
    spec.goals.push_back(std::move(g));
  }
  return spec;
}

}  // namespace pathrank
