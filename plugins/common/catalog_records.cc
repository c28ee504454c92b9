#include "catalog_records.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "defects.h"
#include "plugin_kit.h"

namespace pathrank::plugin {

namespace {

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string ClauseWhere(const ItemRecord& item, const ClauseRecord& clause) {
  return clause.where.empty() ? ItemRef(item)
                              : clause.where + " (clause of item " + Quoted(item.id) + ")";
}

// Among items sharing an id, keeps the first whose source id was the slug
// itself (so a slugified variant never displaces an exact id), else the
// first; drops the rest, and items without an id.
void DropDuplicateItems(CatalogRecords* r, Defects* defects) {
  std::unordered_map<std::string, size_t> keep;  // id -> index in r->items
  for (size_t i = 0; i < r->items.size(); ++i) {
    const ItemRecord& item = r->items[i];
    auto [it, fresh] = keep.emplace(item.id, i);
    const ItemRecord& held = r->items[it->second];
    if (!fresh && held.raw_id != held.id && item.raw_id == item.id) it->second = i;
  }
  std::vector<ItemRecord> kept;
  kept.reserve(keep.size());
  for (size_t i = 0; i < r->items.size(); ++i) {
    ItemRecord& item = r->items[i];
    if (item.id.empty()) {
      defects->Add(ItemRef(item), "no id (the id cell is empty or has no letter or digit)",
                   "the row");
    } else if (keep.at(item.id) != i) {
      defects->Add(ItemRef(item),
                   "duplicate id: " + ItemRef(r->items[keep.at(item.id)]) + " has it too",
                   "the row");
    }
  }
  for (size_t i = 0; i < r->items.size(); ++i) {
    if (!r->items[i].id.empty() && keep.at(r->items[i].id) == i)
      kept.push_back(std::move(r->items[i]));
  }
  r->items = std::move(kept);
}

void AttachLooseClauses(CatalogRecords* r, Defects* defects) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < r->items.size(); ++i) index.emplace(r->items[i].id, i);
  for (auto& [item_id, clause] : r->loose_clauses) {
    auto it = index.find(item_id);
    if (it == index.end()) {
      defects->Add(clause.where + " (clause of item " + Quoted(item_id) + ")",
                   "unknown item " + Quoted(item_id), "the clause");
      continue;
    }
    r->items[it->second].clauses.push_back(std::move(clause));
  }
  r->loose_clauses.clear();
}

void CheckPrerequisites(CatalogRecords* r, Defects* defects) {
  std::unordered_set<std::string> ids;
  for (const ItemRecord& item : r->items) ids.insert(item.id);
  for (ItemRecord& item : r->items) {
    std::vector<ClauseRecord> kept;
    std::set<std::vector<std::string>> seen_clauses;
    for (ClauseRecord& clause : item.clauses) {
      std::vector<std::string> alternatives;
      for (std::string& alt : clause.any_of) {
        const std::string where = ClauseWhere(item, clause);
        if (alt == item.id) {
          defects->Add(where, "prerequisite " + Quoted(alt) + " is the item itself (self-loop)",
                       "the prerequisite");
        } else if (!ids.count(alt)) {
          defects->Add(where, "prerequisite " + Quoted(alt) + " names no item", "the prerequisite");
        } else if (std::find(alternatives.begin(), alternatives.end(), alt) != alternatives.end()) {
          defects->Add(where, "prerequisite " + Quoted(alt) + " is listed twice in one clause",
                       "the repeat");
        } else {
          alternatives.push_back(std::move(alt));
        }
      }
      if (alternatives.empty()) continue;
      std::vector<std::string> key = alternatives;
      std::sort(key.begin(), key.end());
      if (!seen_clauses.insert(key).second) {
        std::string names;
        for (const std::string& a : alternatives)
          names += (names.empty() ? "" : " or ") + Quoted(a);
        defects->Add(ClauseWhere(item, clause), "prerequisite " + names + " is listed twice",
                     "the repeat");
        continue;
      }
      clause.any_of = std::move(alternatives);
      kept.push_back(std::move(clause));
    }
    item.clauses = std::move(kept);
  }
}

void CheckGoals(CatalogRecords* r, Defects* defects) {
  std::unordered_set<std::string> ids, tags;
  for (const ItemRecord& item : r->items) {
    ids.insert(item.id);
    tags.insert(item.tags.begin(), item.tags.end());
  }
  std::unordered_set<std::string> goal_ids;
  std::vector<GoalRecord> kept;
  for (GoalRecord& goal : r->goals) {
    const std::string ref = goal.where + " (goal " + Quoted(goal.id) + ")";
    if (!goal_ids.insert(goal.id).second) {
      defects->Add(ref, "duplicate goal id", "the goal");
      continue;
    }
    std::erase_if(goal.items, [&](const auto& target) {
      if (ids.count(target.first)) return false;
      defects->Add(ref, "target item " + Quoted(target.first) + " names no item", "the target");
      return true;
    });
    std::erase_if(goal.tags, [&](const auto& target) {
      if (tags.count(target.first)) return false;
      defects->Add(ref, "target tag " + Quoted(target.first) + " matches no item", "the target");
      return true;
    });
    if (goal.items.empty() && goal.tags.empty()) continue;  // its targets were reported
    kept.push_back(std::move(goal));
  }
  r->goals = std::move(kept);
}

// Depth-first search in source order along "item needs prerequisite"; each
// edge to an item still on the stack closes a cycle and is reported (and,
// in kDrop, removed, which leaves the graph acyclic).
void BreakCycles(CatalogRecords* r, OnInvalid policy, Defects* defects) {
  const size_t n = r->items.size();
  std::unordered_map<std::string, uint32_t> index;
  for (size_t i = 0; i < n; ++i) index.emplace(r->items[i].id, static_cast<uint32_t>(i));
  enum : uint8_t { kNew, kOnStack, kDone };
  std::vector<uint8_t> state(n, kNew);
  std::vector<uint32_t> stack_pos(n, 0);
  struct Frame {
    uint32_t node;
    size_t clause = 0, alt = 0;
  };
  struct Edge {
    uint32_t node;
    size_t clause, alt;
  };
  std::vector<Edge> back_edges;
  std::vector<Frame> stack;
  for (uint32_t root = 0; root < n; ++root) {
    if (state[root] != kNew) continue;
    stack.push_back({root});
    state[root] = kOnStack;
    stack_pos[root] = 0;
    while (!stack.empty()) {
      Frame& f = stack.back();
      const auto& clauses = r->items[f.node].clauses;
      if (f.clause == clauses.size()) {
        state[f.node] = kDone;
        stack.pop_back();
        continue;
      }
      if (f.alt == clauses[f.clause].any_of.size()) {
        ++f.clause;
        f.alt = 0;
        continue;
      }
      const Edge edge{f.node, f.clause, f.alt++};
      const uint32_t next = index.at(clauses[edge.clause].any_of[edge.alt]);
      if (state[next] == kNew) {
        state[next] = kOnStack;
        stack_pos[next] = static_cast<uint32_t>(stack.size());
        stack.push_back({next});  // invalidates f
      } else if (state[next] == kOnStack) {
        std::string path;
        size_t length = 0;
        for (size_t k = stack_pos[next]; k < stack.size(); ++k, ++length) {
          path += Quoted(r->items[stack[k].node].id) + " -> ";
        }
        path += Quoted(r->items[next].id);
        const ItemRecord& item = r->items[edge.node];
        defects->Add(ClauseWhere(item, item.clauses[edge.clause]),
                     "prerequisite " + Quoted(r->items[next].id) + " closes a cycle of " +
                         std::to_string(length) + " items, each needing the next: " + path,
                     "the prerequisite");
        back_edges.push_back(edge);
      }
    }
  }
  if (policy != OnInvalid::kDrop) return;
  // Remove back edges, last first so that indices stay valid.
  std::sort(back_edges.begin(), back_edges.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.node, a.clause, a.alt) > std::tie(b.node, b.clause, b.alt);
  });
  for (const Edge& e : back_edges) {
    auto& clause = r->items[e.node].clauses[e.clause];
    clause.any_of.erase(clause.any_of.begin() + static_cast<std::ptrdiff_t>(e.alt));
  }
  for (ItemRecord& item : r->items) {
    std::erase_if(item.clauses, [](const ClauseRecord& c) { return c.any_of.empty(); });
  }
}

}  // namespace

std::string ItemRef(const ItemRecord& item) {
  if (item.raw_id == item.id || item.raw_id.empty())
    return item.where + " (item " + Quoted(item.id) + ")";
  return item.where + " (item " + Quoted(item.raw_id) + ", slug " + Quoted(item.id) + ")";
}

size_t RepairCatalog(CatalogRecords* records, OnInvalid policy, const pr_sink* sink) {
  Defects defects(policy, sink);
  DropDuplicateItems(records, &defects);
  AttachLooseClauses(records, &defects);
  CheckPrerequisites(records, &defects);
  CheckGoals(records, &defects);
  BreakCycles(records, policy, &defects);
  return defects.Finish();
}

void EmitCatalog(const CatalogRecords& r, const pr_sink* sink) {
  pr_catalog_info info{};
  info.struct_size = sizeof(info);
  info.id = Str(r.id);
  info.title = Str(r.title);
  info.version = Str(r.version);
  info.summary = Str(r.summary);
  Check(sink->set_info(sink->host, &info));

  const auto strs = [](const std::vector<std::string>& list) {
    std::vector<pr_str> out;
    out.reserve(list.size());
    for (const std::string& s : list) out.push_back(Str(s));
    return out;
  };
  for (const ItemRecord& item : r.items) {
    const std::vector<pr_str> tags = strs(item.tags);
    const std::vector<pr_str> aliases = strs(item.aliases);
    std::vector<pr_attribute> attributes;
    for (const auto& [k, v] : item.attributes) attributes.push_back({Str(k), Str(v)});
    pr_item rec{};
    rec.struct_size = sizeof(rec);
    rec.id = Str(item.id);
    rec.kind = Str(item.kind);
    rec.title = Str(item.title);
    rec.stage = Str(item.stage);
    rec.tags = tags.data();
    rec.tag_count = tags.size();
    rec.hours = item.hours;
    rec.difficulty = item.difficulty;
    rec.aliases = aliases.data();
    rec.alias_count = aliases.size();
    rec.summary = Str(item.summary);
    rec.source = Str(item.source);
    rec.attributes = attributes.data();
    rec.attribute_count = attributes.size();
    Check(sink->add_item(sink->host, &rec));
    for (const ClauseRecord& clause : item.clauses) {
      const std::vector<pr_str> any_of = strs(clause.any_of);
      pr_clause c{};
      c.struct_size = sizeof(c);
      c.item = Str(item.id);
      c.any_of = any_of.data();
      c.any_of_count = any_of.size();
      c.weight = clause.weight;
      c.type = clause.type;
      c.note = Str(clause.note);
      Check(sink->add_clause(sink->host, &c));
    }
  }
  for (const GoalRecord& goal : r.goals) {
    std::vector<pr_goal_target> items, tags;
    for (const auto& [name, w] : goal.items) items.push_back({Str(name), w});
    for (const auto& [name, w] : goal.tags) tags.push_back({Str(name), w});
    pr_goal g{};
    g.struct_size = sizeof(g);
    g.id = Str(goal.id);
    g.title = Str(goal.title);
    g.summary = Str(goal.summary);
    g.items = items.data();
    g.item_count = items.size();
    g.tags = tags.data();
    g.tag_count = tags.size();
    Check(sink->add_goal(sink->host, &g));
  }
}

}  // namespace pathrank::plugin
