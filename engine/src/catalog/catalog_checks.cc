// Validation of a CatalogSpec: every problem with the JSON pointer of its
// field (catalog_assembler.h).
#include <algorithm>
#include <set>
#include <string_view>

#include "catalog/catalog_assembler.h"

namespace pathrank::internal {

void CatalogAssembler::CheckInfo() {
  if (!IsSlug(spec_.id)) {
    problems_->Add("/id",
                   "catalog id " + Quoted(spec_.id) + " is not a slug ([a-z0-9][a-z0-9._-]*)");
  }
  if (spec_.title.empty()) problems_->Add("/title", "catalog title is empty");
}

void CatalogAssembler::IndexStages(bool declare_on_use, CatalogSpec* spec) {
  for (size_t s = 0; s < spec->stages.size(); ++s) {
    const StageSpec& stage = spec->stages[s];
    const std::string at = JsonPointer("/stages", s);
    if (!IsSlug(stage.id)) {
      problems_->Add(at + "/id", "stage " + Quoted(stage.id) + " id is not a slug");
    }
    if (stage.title.empty()) {
      problems_->Add(at + "/title", "stage " + Quoted(stage.id) + " has no title");
    }
    if (!stage_index_.emplace(stage.id, static_cast<uint32_t>(s)).second) {
      problems_->Add(at + "/id", "stage " + Quoted(stage.id) + " is declared twice");
    }
  }
  if (declare_on_use) {
    for (ItemSpec& item : spec->items) {
      if (item.stage.empty()) item.stage = "general";
      if (stage_index_.count(item.stage)) continue;
      stage_index_.emplace(item.stage, static_cast<uint32_t>(spec->stages.size()));
      spec->stages.push_back({item.stage, item.stage, ""});
    }
  }
  if (spec->stages.empty()) problems_->Add("/stages", "catalog declares no stage");
}

void CatalogAssembler::CheckItems() {
  const auto& items = spec_.items;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = JsonPointer("/items", i);
    auto [it, fresh] = item_index_.emplace(items[i].id, static_cast<uint32_t>(i));
    if (!fresh) {
      problems_->Add(at + "/id", "item " + Quoted(items[i].id) + " at index " + std::to_string(i) +
                                     " duplicates the id of the item at index " +
                                     std::to_string(it->second));
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const ItemSpec& item = items[i];
    const std::string at = JsonPointer("/items", i);
    const std::string ref = ItemRef(i);
    if (!IsSlug(item.id)) {
      problems_->Add(at + "/id", ref + ": id is not a slug ([a-z0-9][a-z0-9._-]*)");
    }
    if (item.title.empty()) problems_->Add(at + "/title", ref + ": title is empty");
    if (!stage_index_.count(item.stage)) {
      problems_->Add(at + "/stage", ref + ": unknown stage " + Quoted(item.stage));
    }
    if (!std::isfinite(item.hours) || item.hours <= 0 || item.hours > kMaxHours) {
      problems_->Add(at + "/hours", ref + ": hours must be a number in (0, 10000]");
    }
    if (item.difficulty < 1 || item.difficulty > 5) {
      problems_->Add(at + "/difficulty", ref + ": difficulty must be an integer in 1..5");
    }
    std::set<std::string_view> seen_tags;
    for (size_t t = 0; t < item.tags.size(); ++t) {
      const std::string& tag = item.tags[t];
      if (!IsSlug(tag)) {
        problems_->Add(JsonPointer(at + "/tags", t),
                       ref + ": tag " + Quoted(tag) + " is not a slug");
      } else if (!seen_tags.insert(tag).second) {
        problems_->Add(JsonPointer(at + "/tags", t),
                       ref + ": tag " + Quoted(tag) + " is listed twice");
      } else {
        tag_items_[tag].push_back(static_cast<uint32_t>(i));
      }
    }
    for (size_t a = 0; a < item.aliases.size(); ++a) {
      if (item.aliases[a].empty()) {
        problems_->Add(JsonPointer(at + "/aliases", a), ref + ": alias is empty");
      }
    }
    for (const auto& [key, value] : item.attributes) {
      if (key.empty()) {
        problems_->Add(at + "/attributes", ref + ": attribute with an empty name");
      }
    }
    CheckClauses(i, at, ref);
  }
}

void CatalogAssembler::CheckGoals() {
  for (size_t g = 0; g < spec_.goals.size(); ++g) {
    const GoalSpec& goal = spec_.goals[g];
    const std::string at = JsonPointer("/goals", g);
    const std::string ref = "goal " + Quoted(goal.id);
    if (!IsSlug(goal.id)) problems_->Add(at + "/id", ref + ": id is not a slug");
    if (!goal_index_.emplace(goal.id, static_cast<uint32_t>(g)).second) {
      problems_->Add(at + "/id", ref + " is declared twice");
    }
    if (goal.title.empty()) problems_->Add(at + "/title", ref + ": title is empty");
    if (goal.items.empty() && goal.tags.empty()) {
      problems_->Add(at, ref + " has no item or tag target");
    }
    for (const auto& [item, weight] : goal.items) {
      const std::string field = JsonPointer(at + "/items", item);
      if (!item_index_.count(item)) {
        problems_->Add(field, ref + ": unknown item " + Quoted(item));
      }
      if (!InUnitWeightRange(weight)) {
        problems_->Add(field,
                       ref + ": weight of item " + Quoted(item) + " must be a number in (0, 1]");
      }
    }
    for (const auto& [tag, weight] : goal.tags) {
      const std::string field = JsonPointer(at + "/tags", tag);
      if (!tag_items_.count(tag)) {
        problems_->Add(field, ref + ": tag " + Quoted(tag) + " matches no item");
      }
      if (!InUnitWeightRange(weight)) {
        problems_->Add(field,
                       ref + ": weight of tag " + Quoted(tag) + " must be a number in (0, 1]");
      }
    }
  }
}

void CatalogAssembler::CheckNames() {
  for (const auto& [id, index] : item_index_) name_index_.emplace(AsciiLower(id), index);
  for (size_t i = 0; i < spec_.items.size(); ++i) {
    const ItemSpec& item = spec_.items[i];
    for (size_t a = 0; a < item.aliases.size(); ++a) {
      auto [it, fresh] = name_index_.emplace(AsciiLower(item.aliases[a]), static_cast<uint32_t>(i));
      if (!fresh && it->second != i) {
        problems_->Add(JsonPointer(JsonPointer("/items", i) + "/aliases", a),
                       ItemRef(i) + ": alias " + Quoted(item.aliases[a]) +
                           " is already the id or an alias of item " +
                           Quoted(spec_.items[it->second].id));
      }
    }
  }
  for (size_t i = 0; i < spec_.items.size(); ++i) {
    name_index_.emplace(AsciiLower(spec_.items[i].title), static_cast<uint32_t>(i));
  }
}

// The prerequisite clauses of item `i` (at `at`, named `ref`); records each
// alternative's index in resolved_, in clause and alternative order.
void CatalogAssembler::CheckClauses(size_t i, const std::string& at, const std::string& ref) {
  const ItemSpec& item = spec_.items[i];
  for (size_t c = 0; c < item.prerequisites.size(); ++c) {
    const ClauseSpec& clause = item.prerequisites[c];
    // Pointers and record names are built only when there is an error.
    auto cat = [&] { return JsonPointer(at + "/prerequisites", c); };
    auto cref = [&] { return ref + ": prerequisite " + std::to_string(c); };
    if (clause.any_of.empty()) {
      problems_->Add(cat() + "/any_of", cref() + " lists no alternative");
    }
    if (!InUnitWeightRange(clause.weight)) {
      problems_->Add(cat() + "/weight", cref() + " weight must be a number in (0, 1]");
    }
    const size_t first = resolved_.size();
    for (size_t a = 0; a < clause.any_of.size(); ++a) {
      const std::string& alt = clause.any_of[a];
      auto found = item_index_.find(alt);
      const uint32_t index = found == item_index_.end() ? kUnresolved : found->second;
      resolved_.push_back(index);
      auto aat = [&] { return JsonPointer(cat() + "/any_of", a); };
      if (alt == item.id) {
        problems_->Add(aat(), cref() + " names the item itself (self-loop)");
      } else if (index == kUnresolved) {
        problems_->Add(aat(), cref() + " names unknown item " + Quoted(alt));
      } else if (std::find(resolved_.begin() + first, resolved_.end() - 1, index) !=
                 resolved_.end() - 1) {
        problems_->Add(aat(), cref() + " lists " + Quoted(alt) + " twice");
      }
    }
  }
}

}  // namespace pathrank::internal
