// Catalog answers: the list, one catalog's summary, items, goals.

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "api/json_api.h"
#include "ops/time_format.h"
#include "util/json/json_writer.h"

namespace pathrank::server {

namespace {

// The members of an item's summary (inside an object being written).
void ItemSummaryMembers(json::Writer& w, const Catalog& catalog, const Item& item) {
  w.Member("id", item.id);
  w.Member("kind", ItemKindName(item.kind));
  w.Member("title", item.title);
  w.Member("stage", catalog.stages()[item.stage].id);
  w.Member("tags", item.tags);
  w.Member("hours", item.hours);
  w.Member("difficulty", item.difficulty);
}

// The members of a catalog's counts (inside an object being written).
void CountsMembers(json::Writer& w, const ServedCatalog& served) {
  const Catalog& c = *served.catalog;
  w.Member("id", served.id);
  w.Member("title", c.title());
  w.Member("version", c.version());
  w.Member("items", c.item_count());
  w.Member("clauses", c.clause_count());
  w.Member("goals", c.goals().size());
}

// The "requires" or "recommends" clauses of `item` (by `type`).
void Clauses(json::Writer& w, const Catalog& catalog, const Item& item, ClauseType type) {
  w.BeginArray();
  for (size_t c = 0; c < item.clause_count; ++c) {
    const uint32_t index = item.first_clause + static_cast<uint32_t>(c);
    const Clause& clause = catalog.clauses()[index];
    if (clause.type != type) continue;
    w.BeginObject();
    w.Key("any_of");
    w.BeginArray();
    for (ItemId a : catalog.alternatives(clause)) w.String(catalog.item(a).id);
    w.EndArray();
    w.Member("weight", clause.weight);
    if (!catalog.clause_note(index).empty()) w.Member("note", catalog.clause_note(index));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string RenderCatalogList(const RegistrySnapshot& snapshot) {
  json::Writer w;
  w.BeginObject();
  w.Key("catalogs");
  w.BeginArray();
  for (const auto& [id, served] : snapshot.catalogs) {
    w.BeginObject();
    CountsMembers(w, *served);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string RenderCatalog(const ServedCatalog& served) {
  const Catalog& c = *served.catalog;
  json::Writer w;
  w.BeginObject();
  CountsMembers(w, served);
  w.Member("summary", c.summary());
  w.Member("loaded_at", FormatRfc3339(served.loaded_ms));
  std::vector<size_t> per_stage(c.stages().size(), 0);
  for (const Item& item : c.items()) ++per_stage[item.stage];
  w.Key("stages");
  w.BeginArray();
  for (size_t s = 0; s < c.stages().size(); ++s) {
    w.BeginObject();
    w.Member("id", c.stages()[s].id);
    w.Member("title", c.stages()[s].title);
    w.Member("summary", c.stages()[s].summary);
    w.Member("items", per_stage[s]);
    w.EndObject();
  }
  w.EndArray();
  w.Key("goals");
  w.BeginArray();
  for (const Goal& g : c.goals()) {
    w.BeginObject();
    w.Member("id", g.id);
    w.Member("title", g.title);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string RenderItemPage(const Catalog& catalog, std::span<const ItemId> page, size_t total,
                           size_t limit, size_t offset) {
  json::Writer w;
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (ItemId i : page) {
    w.BeginObject();
    ItemSummaryMembers(w, catalog, catalog.item(i));
    w.EndObject();
  }
  w.EndArray();
  w.Member("total", total);
  w.Member("limit", limit);
  w.Member("offset", offset);
  w.EndObject();
  return w.Take();
}

std::string RenderItem(const Catalog& catalog, ItemId id) {
  const Item& item = catalog.item(id);
  json::Writer w;
  w.BeginObject();
  ItemSummaryMembers(w, catalog, item);
  w.Member("aliases", item.aliases);
  w.Member("summary", item.summary);
  w.Member("source", item.source);
  w.Member("attributes", item.attributes);
  w.Key("requires");
  Clauses(w, catalog, item, ClauseType::kRequires);
  w.Key("recommends");
  Clauses(w, catalog, item, ClauseType::kRecommends);
  w.Key("dependents");
  w.BeginArray();
  std::set<ItemId> seen;  // an item may name this one in several clauses
  for (const Dependent& d : catalog.dependents_of(id)) {
    if (seen.insert(d.item).second) w.String(catalog.item(d.item).id);
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string RenderGoals(const Catalog& catalog) {
  json::Writer w;
  w.BeginObject();
  w.Key("goals");
  w.BeginArray();
  for (const Goal& g : catalog.goals()) {
    w.BeginObject();
    w.Member("id", g.id);
    w.Member("title", g.title);
    w.Member("summary", g.summary);
    // Two targets may name one item (by id and by alias): one member, in
    // the first one's place, with the last one's weight.
    std::vector<std::pair<ItemId, double>> items;
    for (const auto& [item, weight] : g.item_targets) {
      auto same = std::find_if(items.begin(), items.end(),
                               [item = item](const auto& t) { return t.first == item; });
      if (same == items.end()) {
        items.push_back({item, weight});
      } else {
        same->second = weight;
      }
    }
    w.Key("items");
    w.BeginObject();
    for (const auto& [item, weight] : items) w.Member(catalog.item(item).id, weight);
    w.EndObject();
    w.Key("tags");
    w.BeginObject();
    for (const auto& [tag, weight] : g.tag_targets) w.Member(tag, weight);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace pathrank::server
