// The awesome_go plugin: the awesome-go README as a framework catalog, one
// stage per category, optionally linked to another catalog (the Go backend
// catalog) whose items it lists. Mapping and config keys: plugins/README.md
// ("Plugin awesome_go"); the list's grammar and defects: awesome_list.h.

#include <map>
#include <set>
#include <unordered_map>

#include "../common/catalog_records.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "../common/slug.h"
#include "awesome_link.h"
#include "awesome_list.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {
namespace {

struct AwesomeGoOptions {
  std::string path;          // the README
  std::string link_catalog;  // a native catalog to link to; "" for none
  // URL key -> item id of the linked catalog, for repositories that moved
  // ("tal-tech/go-zero" -> "go-zero").
  std::map<std::string, std::string> link_aliases;
  OnInvalid on_invalid = OnInvalid::kFail;
};

std::string FileName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The URL's first path segment after the host key ("gin-gonic" of
// "gin-gonic/gin"), for ids of entries whose names collide.
std::string Owner(const std::string& url) {
  const std::string key = UrlKey(url);
  return key.substr(0, key.find('/'));
}

// Ids: the name's slug; where several entries share it, each gets
// "<slug>.<owner slug>", and where that is still shared, ".l<line>" too.
std::vector<std::string> EntryIds(const std::vector<AwesomeEntry>& entries) {
  std::vector<std::string> ids;
  std::map<std::string, size_t> count;
  for (const AwesomeEntry& e : entries) {
    std::string id = Slugify(e.name);
    if (id.empty()) id = Slugify(UrlKey(e.url));
    ids.push_back(id);
    ++count[id];
  }
  std::map<std::string, size_t> qualified_count;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (count[ids[i]] > 1) ids[i] = Slugify(ids[i] + "." + Owner(entries[i].url));
    ++qualified_count[ids[i]];
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if (qualified_count[ids[i]] > 1) ids[i] += ".l" + std::to_string(entries[i].line);
  }
  return ids;
}

ItemRecord EntryItem(const AwesomeEntry& e, const std::string& id, const std::string& file) {
  ItemRecord item;
  item.where = file + " line " + std::to_string(e.line);
  item.raw_id = item.id = id;
  item.kind = e.resource ? "topic" : "framework";
  item.title = e.name;
  item.stage = Slugify(e.category);
  item.tags = {item.stage};
  if (!e.subcategory.empty()) {
    const std::string sub = Slugify(e.subcategory);
    if (sub != item.stage) item.tags.push_back(sub);
  }
  const std::string key = UrlKey(e.url);
  if (key.find('/') != std::string::npos && key != e.name) item.aliases.push_back(key);
  item.summary = e.description;
  item.source = "awesome-go " + file + " line " + std::to_string(e.line);
  item.attributes.emplace_back("url", e.url);
  item.attributes.emplace_back("category", e.category);
  if (!e.subcategory.empty()) item.attributes.emplace_back("subcategory", e.subcategory);
  item.attributes.emplace_back("type", e.subcategory.empty() ? e.category : e.subcategory);
  item.attributes.emplace_back("part", e.resource ? "resources" : "libraries");
  return item;
}

// One goal per category: every entry of it.
void AddCategoryGoals(const AwesomeList& list, const std::string& file, CatalogRecords* r) {
  std::set<std::string> seen;
  for (const AwesomeEntry& e : list.entries) {
    const std::string id = Slugify(e.category);
    if (!seen.insert(id).second) continue;
    GoalRecord goal;
    goal.where = file + " line " + std::to_string(e.line);
    goal.id = id;
    goal.title = e.category;
    goal.summary =
        "Know the " + e.category + (e.resource ? " resources" : " libraries") + " of awesome-go.";
    goal.tags = {{id, 1.0}};
    r->goals.push_back(std::move(goal));
  }
}

struct AwesomeGoPlugin {
  using Options = AwesomeGoOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(text, {"path", "link_catalog", "link_aliases", "on_invalid"});
    Options o;
    o.path = config.RequiredString("path");
    o.link_catalog = config.String("link_catalog");
    o.link_aliases = config.StringMap("link_aliases");
    if (!o.link_aliases.empty() && o.link_catalog.empty())
      PluginConfig::Fail("link_aliases", "needs link_catalog");
    o.on_invalid = ReadOnInvalid(config);
    return o;
  }

  static void Read(const Options& o, const pr_sink* sink) {
    const std::string file = FileName(o.path);
    Defects defects(o.on_invalid, sink);
    const AwesomeList list = ParseAwesomeList(ReadWholeFile(o.path), file, &defects, sink);
    const size_t dropped = defects.Finish();
    CatalogRecords records;
    records.id = "awesome-go";
    records.title = "Awesome Go";
    records.summary =
        "The Go frameworks, libraries and software of the awesome-go list, one stage per "
        "category, and its resources (books, conferences, meetups, websites).";
    const std::vector<std::string> ids = EntryIds(list.entries);
    for (size_t i = 0; i < list.entries.size(); ++i)
      records.items.push_back(EntryItem(list.entries[i], ids[i], file));
    AddCategoryGoals(list, file, &records);
    if (!o.link_catalog.empty())
      LinkCatalog(o.link_catalog, o.link_aliases, list.entries, &records, sink);
    size_t resources = 0;
    for (const AwesomeEntry& e : list.entries) resources += e.resource;
    std::string empty;
    for (const std::string& c : list.empty_categories) empty += (empty.empty() ? "" : ", ") + c;
    Log(sink, PR_LOG_INFO,
        std::to_string(list.entries.size()) + " entries (" +
            std::to_string(list.entries.size() - resources) + " libraries, " +
            std::to_string(resources) + " resources) in " + std::to_string(records.goals.size()) +
            " categories; " + std::to_string(list.contents_links) +
            " table-of-contents links skipped; " + std::to_string(dropped) +
            " defective entries dropped" +
            (empty.empty() ? std::string() : "; headings without entries: " + empty));
    RepairCatalog(&records, o.on_invalid, sink);
    EmitCatalog(records, sink);
  }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(
    AwesomeGoPlugin, "awesome_go", "1.0.0",
    "A framework catalog from the awesome-go README: libraries by category, linked to a catalog",
    PR_PROVIDES_CATALOG)
