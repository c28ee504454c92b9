// Catalog answers: the list, one catalog's summary, items, goals.

#include <nlohmann/json.hpp>
#include <set>

#include "api/json_api.h"
#include "ops/time_format.h"

namespace pathrank::server {

using Json = nlohmann::ordered_json;

namespace {

std::string Dump(const Json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json ItemSummary(const Catalog& catalog, const Item& item) {
  Json j;
  j["id"] = item.id;
  j["kind"] = ItemKindName(item.kind);
  j["title"] = item.title;
  j["stage"] = catalog.stages()[item.stage].id;
  j["tags"] = item.tags;
  j["hours"] = item.hours;
  j["difficulty"] = item.difficulty;
  return j;
}

Json Counts(const ServedCatalog& served) {
  const Catalog& c = *served.catalog;
  Json j;
  j["id"] = served.id;
  j["title"] = c.title();
  j["version"] = c.version();
  j["items"] = c.item_count();
  j["clauses"] = c.clause_count();
  j["goals"] = c.goals().size();
  return j;
}

}  // namespace

std::string RenderCatalogList(const RegistrySnapshot& snapshot) {
  Json list = Json::array();
  for (const auto& [id, served] : snapshot.catalogs) list.push_back(Counts(*served));
  return Dump(Json{{"catalogs", std::move(list)}});
}

std::string RenderCatalog(const ServedCatalog& served) {
  const Catalog& c = *served.catalog;
  Json j = Counts(served);
  j["summary"] = c.summary();
  j["loaded_at"] = FormatRfc3339(served.loaded_ms);
  std::vector<size_t> per_stage(c.stages().size(), 0);
  for (const Item& item : c.items()) ++per_stage[item.stage];
  Json stages = Json::array();
  for (size_t s = 0; s < c.stages().size(); ++s) {
    stages.push_back({{"id", c.stages()[s].id},
                      {"title", c.stages()[s].title},
                      {"summary", c.stages()[s].summary},
                      {"items", per_stage[s]}});
  }
  j["stages"] = std::move(stages);
  Json goals = Json::array();
  for (const Goal& g : c.goals()) goals.push_back({{"id", g.id}, {"title", g.title}});
  j["goals"] = std::move(goals);
  return Dump(j);
}

std::string RenderItemPage(const Catalog& catalog, std::span<const ItemId> page, size_t total,
                           size_t limit, size_t offset) {
  Json items = Json::array();
  for (ItemId i : page) items.push_back(ItemSummary(catalog, catalog.item(i)));
  Json j;
  j["items"] = std::move(items);
  j["total"] = total;
  j["limit"] = limit;
  j["offset"] = offset;
  return Dump(j);
}

std::string RenderItem(const Catalog& catalog, ItemId id) {
  const Item& item = catalog.item(id);
  Json j = ItemSummary(catalog, item);
  j["aliases"] = item.aliases;
  j["summary"] = item.summary;
  j["source"] = item.source;
  Json attributes = Json::object();
  for (const auto& [k, v] : item.attributes) attributes[k] = v;
  j["attributes"] = std::move(attributes);
  Json requires_list = Json::array(), recommends = Json::array();
  for (size_t c = 0; c < item.clause_count; ++c) {
    const uint32_t index = item.first_clause + static_cast<uint32_t>(c);
    const Clause& clause = catalog.clauses()[index];
    Json any_of = Json::array();
    for (ItemId a : catalog.alternatives(clause)) any_of.push_back(catalog.item(a).id);
    Json entry{{"any_of", std::move(any_of)}, {"weight", clause.weight}};
    if (!catalog.clause_note(index).empty()) entry["note"] = catalog.clause_note(index);
    (clause.type == ClauseType::kRequires ? requires_list : recommends).push_back(std::move(entry));
  }
  j["requires"] = std::move(requires_list);
  j["recommends"] = std::move(recommends);
  Json dependents = Json::array();
  std::set<ItemId> seen;  // an item may name this one in several clauses
  for (const Dependent& d : catalog.dependents_of(id)) {
    if (seen.insert(d.item).second) dependents.push_back(catalog.item(d.item).id);
  }
  j["dependents"] = std::move(dependents);
  return Dump(j);
}

std::string RenderGoals(const Catalog& catalog) {
  Json goals = Json::array();
  for (const Goal& g : catalog.goals()) {
    Json items = Json::object(), tags = Json::object();
    for (const auto& [item, weight] : g.item_targets) items[catalog.item(item).id] = weight;
    for (const auto& [tag, weight] : g.tag_targets) tags[tag] = weight;
    goals.push_back({{"id", g.id},
                     {"title", g.title},
                     {"summary", g.summary},
                     {"items", std::move(items)},
                     {"tags", std::move(tags)}});
  }
  return Dump(Json{{"goals", std::move(goals)}});
}

}  // namespace pathrank::server
