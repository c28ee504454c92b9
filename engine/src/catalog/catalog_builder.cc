#include "pathrank/catalog_builder.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "catalog/graph_order.h"
#include "util/text.h"

namespace pathrank {

using internal::AsciiLower;
using internal::JsonPointer;
using internal::Quoted;

namespace internal {

constexpr double kMaxHours = 10000.0;
constexpr uint32_t kUnresolved = UINT32_MAX;

bool InUnitWeightRange(double w) { return std::isfinite(w) && w > 0 && w <= 1; }

// Collects validation problems, each with the JSON pointer of its field.
class Problems {
 public:
  void Add(std::string field, std::string message) {
    list_.push_back({std::move(field), std::move(message)});
  }
  bool empty() const { return list_.empty(); }

  Status ToStatus(const std::string& catalog_id, size_t max_listed) const {
    std::string message = "catalog " + Quoted(catalog_id) + ": " + std::to_string(list_.size()) +
                          (list_.size() == 1 ? " error" : " errors");
    for (size_t i = 0; i < list_.size() && i < max_listed; ++i) {
      message += "\n  " + list_[i].message;
      if (!list_[i].field.empty()) message += " (at " + list_[i].field + ")";
    }
    if (list_.size() > max_listed) {
      message += "\n  ... and " + std::to_string(list_.size() - max_listed) + " more";
    }
    Status status = Status::InvalidArgument(std::move(message));
    for (const FieldError& e : list_) status.AddField(e.field, e.message);
    return status;
  }

 private:
  std::vector<FieldError> list_;
};

// Builds the finished Catalog from a spec already known to be valid, except
// for cycles, which it reports.
class CatalogAssembler {
 public:
  CatalogAssembler(const CatalogSpec& spec, Problems* problems)
      : spec_(spec), problems_(problems) {}

  void CheckInfo();
  void IndexStages(bool declare_on_use, CatalogSpec* spec);
  void CheckItems();
  void CheckGoals();
  void CheckNames();
  // Fills the graph arrays and the orders; reports cycles.
  void BuildGraph();
  std::shared_ptr<Catalog> Finish(CatalogSpec spec);

 private:
  std::string ItemRef(size_t i) const { return "item " + Quoted(spec_.items[i].id); }

  const CatalogSpec& spec_;
  Problems* problems_;
  std::unordered_map<std::string, uint32_t> stage_index_;
  std::unordered_map<std::string, uint32_t> item_index_;  // first occurrence
  // Every clause alternative's item index (kUnresolved when unknown), in
  // item, clause, alternative order: looked up once, used by every step.
  std::vector<uint32_t> resolved_;
  std::unordered_map<std::string, uint32_t> goal_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> tag_items_;
  std::unordered_map<std::string, uint32_t> name_index_;
  // Graph: per item, the resolved alternative ids of every clause.
  std::vector<uint32_t> prereq_offsets_;
  std::vector<uint32_t> prereqs_;
  std::vector<uint32_t> topo_order_;
};

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

  // Reverse adjacency, grouped by prerequisite, in (dependent, clause) order.
  c.dependent_offsets_.assign(n + 1, 0);
  for (ItemId alt : c.alternatives_) ++c.dependent_offsets_[alt + 1];
  for (size_t i = 0; i < n; ++i) c.dependent_offsets_[i + 1] += c.dependent_offsets_[i];
  c.dependents_.resize(c.alternatives_.size());
  std::vector<uint32_t> next_slot(c.dependent_offsets_.begin(), c.dependent_offsets_.end() - 1);
  for (uint32_t k = 0; k < c.clauses_.size(); ++k) {
    const Clause& clause = c.clauses_[k];
    for (ItemId alt : c.alternatives(clause)) c.dependents_[next_slot[alt]++] = {clause.item, k};
  }

  c.topo_order_ = std::move(topo_order_);
  c.topo_rank_.resize(n);
  for (uint32_t r = 0; r < n; ++r) c.topo_rank_[c.topo_order_[r]] = r;
  c.stage_order_ = c.topo_order_;
  std::stable_sort(c.stage_order_.begin(), c.stage_order_.end(),
                   [&c](ItemId a, ItemId b) { return c.items_[a].stage < c.items_[b].stage; });

  std::set<std::string> all_tags;
  for (const Item& item : c.items_) all_tags.insert(item.tags.begin(), item.tags.end());
  c.tags_.assign(all_tags.begin(), all_tags.end());

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

  c.id_index_ = std::move(item_index_);
  c.name_index_ = std::move(name_index_);
  return catalog;
}

}  // namespace internal

CatalogBuilder::CatalogBuilder(CatalogBuildOptions options) : options_(options) {}

CatalogBuilder::CatalogBuilder(CatalogSpec spec, CatalogBuildOptions options)
    : options_(options), spec_(std::move(spec)) {}

void CatalogBuilder::SetInfo(std::string id, std::string title, std::string version,
                             std::string summary) {
  spec_.id = std::move(id);
  spec_.title = std::move(title);
  spec_.version = std::move(version);
  spec_.summary = std::move(summary);
}

void CatalogBuilder::AddStage(StageSpec stage) { spec_.stages.push_back(std::move(stage)); }
void CatalogBuilder::AddItem(ItemSpec item) { spec_.items.push_back(std::move(item)); }
void CatalogBuilder::AddGoal(GoalSpec goal) { spec_.goals.push_back(std::move(goal)); }
void CatalogBuilder::AddClause(std::string item_id, ClauseSpec clause) {
  loose_clauses_.emplace_back(std::move(item_id), std::move(clause));
}

Result<std::shared_ptr<const Catalog>> CatalogBuilder::Build() {
  internal::Problems problems;
  CatalogSpec spec = std::move(spec_);
  if (!loose_clauses_.empty()) {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < spec.items.size(); ++i) index.emplace(spec.items[i].id, i);
    for (auto& [item_id, clause] : loose_clauses_) {
      auto it = index.find(item_id);
      if (it == index.end()) {
        problems.Add("/items",
                     "a prerequisite clause was added to unknown item " + Quoted(item_id));
        continue;
      }
      spec.items[it->second].prerequisites.push_back(std::move(clause));
    }
    loose_clauses_.clear();
  }

  internal::CatalogAssembler assembler(spec, &problems);
  assembler.CheckInfo();
  assembler.IndexStages(options_.declare_stages_on_use, &spec);
  assembler.CheckItems();
  assembler.CheckGoals();
  assembler.CheckNames();
  assembler.BuildGraph();
  if (!problems.empty()) return problems.ToStatus(spec.id, options_.max_listed_errors);
  return std::shared_ptr<const Catalog>(assembler.Finish(std::move(spec)));
}

Result<std::shared_ptr<const Catalog>> BuildCatalog(CatalogSpec spec) {
  return CatalogBuilder(std::move(spec)).Build();
}

}  // namespace pathrank
