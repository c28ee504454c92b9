#include "awesome_link.h"

#include <map>
#include <set>
#include <unordered_map>

#include "../common/plugin_kit.h"
#include "util/json/json_document.h"

namespace pathrank::plugin {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct LinkedCatalog {
  std::string id;
  std::unordered_map<std::string, std::string> by_key;  // lower alias or id -> item id
};

LinkedCatalog ReadLinked(const std::string& path) {
  json::JsonDocument doc;
  std::string error;
  if (!doc.Parse(ReadWholeFile(path), &error))
    throw PluginError(PR_ERR_DATA, "link_catalog " + path + ": not JSON: " + error);
  const json::JsonValue root = doc.value();
  const json::JsonValue id = root.Find("id");
  const json::JsonValue items = root.Find("items");
  if (!id.is_string() || !items.is_array())
    throw PluginError(
        PR_ERR_DATA, "link_catalog " + path + ": not a pathrank.catalog/v1 document (/id, /items)");
  LinkedCatalog out;
  out.id = std::string(id.string());
  for (size_t i = 0; i < items.size(); ++i) {
    const json::JsonValue item_id = items[i].Find("id");
    if (!item_id.is_string())
      throw PluginError(PR_ERR_DATA, "link_catalog " + path + " /items/" + std::to_string(i) +
                                         "/id: expected a string");
    const std::string target(item_id.string());
    out.by_key.emplace(Lower(target), target);
    const json::JsonValue aliases = items[i].Find("aliases");
    for (size_t a = 0; a < aliases.size(); ++a) {
      if (aliases[a].is_string()) out.by_key.emplace(Lower(aliases[a].string()), target);
    }
  }
  return out;
}

void AddAttribute(ItemRecord* item, const std::string& key, const std::string& value) {
  for (auto& [k, v] : item->attributes) {
    if (k == key) {
      v += ", " + value;
      return;
    }
  }
  item->attributes.emplace_back(key, value);
}

}  // namespace

void LinkCatalog(const std::string& catalog_path, const std::map<std::string, std::string>& aliases,
                 const std::vector<AwesomeEntry>& entries, CatalogRecords* records,
                 const pr_sink* sink) {
  LinkedCatalog linked = ReadLinked(catalog_path);
  std::set<std::string> ids;
  for (const auto& [key, target] : linked.by_key) ids.insert(target);
  for (const auto& [key, target] : aliases) {
    if (!ids.count(target))
      throw PluginError(PR_ERR_CONFIG, "config: key \"link_aliases\": \"" + key + "\" names " +
                                           "no item of " + linked.id + ": \"" + target + "\"");
    linked.by_key[Lower(key)] = target;
  }
  // (category, subcategory) -> entry indexes, and the linked ones.
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups;
  std::vector<std::pair<size_t, std::string>> matches;  // entry -> linked item id
  for (size_t i = 0; i < entries.size(); ++i) {
    groups[{entries[i].category, entries[i].subcategory}].push_back(i);
    auto it = linked.by_key.find(UrlKey(entries[i].url));
    if (it != linked.by_key.end()) matches.emplace_back(i, it->second);
  }
  std::string named;
  for (const auto& [i, target] : matches) {
    ItemRecord& item = records->items[i];
    item.tags.push_back(linked.id + "." + target);
    AddAttribute(&item, "same_as", linked.id + "/" + target);
    for (size_t other : groups[{entries[i].category, entries[i].subcategory}]) {
      if (other == i) continue;
      records->items[other].tags.push_back("alt." + linked.id + "." + target);
      AddAttribute(&records->items[other], "alternative_to", linked.id + "/" + target);
    }
    named += (named.empty() ? "" : ", ") + item.id + " = " + target;
  }
  Log(sink, PR_LOG_INFO,
      "linked " + std::to_string(matches.size()) + " entries to catalog " + linked.id +
          (named.empty() ? std::string() : ": " + named));
}

}  // namespace pathrank::plugin
