// The case plugin: a CASE 1.0 (1EdTech Competencies and Academic Standards
// Exchange) package, the JSON of a CFPackage, as a catalog:
//   - each CFItems entry -> a topic, id = the slug of humanCodingScheme (else
//     of identifier), title = abbreviatedStatement (else fullStatement),
//     summary = fullStatement; attributes identifier, CFItemType;
//   - isChildOf (origin child of destination): the item's top-level
//     ancestor (the child of the CFDocument, or the item itself) is its
//     stage; every ancestor's slug is a tag; each top-level item is a goal
//     targeting its tag;
//   - precedes (origin precedes destination): destination requires origin;
//   - isPeerOf: origin recommends destination, weight 0.5;
//   - the other CASE types (isPartOf, exactMatchOf, isRelatedTo, replacedBy,
//     exemplar, hasSkillLevel; CASE 1.1's isTranslationOf) carry no prerequisite: counted in an
//     info line; an unknown associationType, or a node naming no item, is a defect named by its
//     JSON pointer.
// One file: the package is one JSON document (docs/importers.md, "CASE").

#include <map>
#include <set>

#include "../common/catalog_records.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "../common/slug.h"
#include "pathrank/plugin.h"
#include "util/json/json_document.h"

namespace pathrank::plugin {
namespace {

using json::JsonValue;

constexpr double kPeerWeight = 0.5;

std::string Text(JsonValue object, const char* key) {
  const JsonValue v = object.is_object() ? object.Find(key) : JsonValue();
  return v.is_string() ? std::string(v.string()) : "";
}

struct CasePackage {
  CatalogRecords records;
  std::map<std::string, size_t> by_identifier;  // CFItem identifier -> index
  std::string document;                         // the CFDocument identifier
};

void ReadItems(JsonValue items, const std::string& file, CasePackage* p, Defects* defects) {
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = file + " /CFItems/" + std::to_string(i);
    const std::string identifier = Text(items[i], "identifier");
    if (identifier.empty()) {
      defects->Add(at, "no identifier", "the item");
      continue;
    }
    ItemRecord item;
    item.where = at;
    const std::string code = Text(items[i], "humanCodingScheme");
    item.raw_id = code.empty() ? identifier : code;
    item.id = Slugify(item.raw_id);
    if (item.raw_id != item.id) item.aliases.push_back(item.raw_id);
    item.summary = Text(items[i], "fullStatement");
    item.title = Text(items[i], "abbreviatedStatement");
    if (item.title.empty()) item.title = item.summary.empty() ? item.raw_id : item.summary;
    item.source = "CASE CFItem " + identifier;
    item.attributes.emplace_back("identifier", identifier);
    const std::string type = Text(items[i], "CFItemType");
    if (!type.empty()) item.attributes.emplace_back("CFItemType", type);
    p->by_identifier.emplace(identifier, p->records.items.size());
    p->records.items.push_back(std::move(item));
  }
}

// Stages, tags and goals from the isChildOf tree (`parent`: child
// identifier -> parent identifier); a parent loop stops the walk.
void AssignStagesAndGoals(const std::map<std::string, std::string>& parent, CasePackage* p,
                          const pr_sink* sink) {
  for (ItemRecord& item : p->records.items) {
    std::string identifier = item.attributes[0].second, top = identifier;
    std::set<std::string> seen = {identifier};
    for (auto it = parent.find(identifier); it != parent.end(); it = parent.find(top)) {
      if (!seen.insert(it->second).second) {
        Log(sink, PR_LOG_WARNING, item.where + ": isChildOf loop; the walk stops at " + top);
        break;
      }
      top = it->second;
      item.tags.push_back(p->records.items[p->by_identifier.at(top)].id);
    }
    const ItemRecord& root = p->records.items[p->by_identifier.at(top)];
    item.stage = root.id;
    if (&root == &item) item.tags.push_back(item.id);
  }
  for (const ItemRecord& item : p->records.items) {
    if (parent.count(item.attributes[0].second)) continue;
    GoalRecord goal;
    goal.where = item.where;
    goal.id = item.id;
    goal.title = item.title;
    goal.tags.emplace_back(item.id, 1.0);
    p->records.goals.push_back(std::move(goal));
  }
}

void ReadAssociations(JsonValue list, const std::string& file, CasePackage* p, Defects* defects,
                      const pr_sink* sink) {
  // CASE 1.0's other types, and isTranslationOf, which CASE 1.1 adds (a
  // 1.1 publisher's package is read, not rejected).
  static const std::set<std::string> kUnused = {"isPartOf",       "exactMatchOf", "isRelatedTo",
                                                "replacedBy",     "exemplar",     "hasSkillLevel",
                                                "isTranslationOf"};
  std::map<std::string, std::string> parent;  // child index -> parent identifier
  size_t unused = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = file + " /CFAssociations/" + std::to_string(i);
    const std::string type = Text(list[i], "associationType");
    const std::string origin = Text(list[i].Find("originNodeURI"), "identifier");
    const std::string dest = Text(list[i].Find("destinationNodeURI"), "identifier");
    if (kUnused.count(type)) {
      ++unused;
      continue;
    }
    if (type != "isChildOf" && type != "precedes" && type != "isPeerOf") {
      defects->Add(at, "unknown associationType \"" + type + "\"", "the association");
      continue;
    }
    const bool dest_is_document = type == "isChildOf" && dest == p->document;
    if (!p->by_identifier.count(origin) || (!dest_is_document && !p->by_identifier.count(dest))) {
      defects->Add(at, type + ": originNodeURI or destinationNodeURI names no CFItem",
                   "the association");
      continue;
    }
    ItemRecord& o = p->records.items[p->by_identifier.at(origin)];
    if (type == "isChildOf") {
      if (!dest_is_document) parent[origin] = dest;
      continue;
    }
    ItemRecord& d = p->records.items[p->by_identifier.at(dest)];
    ClauseRecord clause;
    clause.where = at;
    if (type == "precedes") {
      clause.any_of = {o.id};
      clause.note = "CASE: " + o.raw_id + " precedes " + d.raw_id;
      d.clauses.push_back(std::move(clause));
    } else {
      clause.any_of = {d.id};
      clause.type = PR_CLAUSE_RECOMMENDS;
      clause.weight = kPeerWeight;
      clause.note = "CASE: peer of " + d.raw_id;
      o.clauses.push_back(std::move(clause));
    }
  }
  if (unused > 0) {
    Log(sink, PR_LOG_INFO,
        std::to_string(unused) + " associations of types without a prerequisite meaning skipped");
  }
  AssignStagesAndGoals(parent, p, sink);
}

struct CaseOptions {
  std::string path;
  OnInvalid on_invalid = OnInvalid::kFail;
};

struct CasePlugin {
  using Options = CaseOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(text, {"path", "on_invalid"});
    return {config.RequiredString("path"), ReadOnInvalid(config)};
  }

  static void Read(const Options& o, const pr_sink* sink) {
    json::JsonDocument doc;
    std::string error;
    if (!doc.Parse(ReadWholeFile(o.path), &error)) {
      throw PluginError(PR_ERR_DATA, o.path + ": not JSON: " + error);
    }
    const std::string file = o.path.substr(o.path.find_last_of('/') + 1);
    const JsonValue root = doc.value();
    const JsonValue document = root.is_object() ? root.Find("CFDocument") : JsonValue();
    if (!document.is_object()) throw PluginError(PR_ERR_DATA, file + " /CFDocument: missing");
    CasePackage p;
    p.document = Text(document, "identifier");
    p.records.title = Text(document, "title");
    p.records.id = Slugify("case-" + (p.records.title.empty() ? p.document : p.records.title));
    p.records.version = Text(document, "version");
    p.records.summary = Text(document, "description");
    Defects defects(o.on_invalid, sink);
    ReadItems(root.Find("CFItems"), file, &p, &defects);
    ReadAssociations(root.Find("CFAssociations"), file, &p, &defects, sink);
    defects.Finish();
    RepairCatalog(&p.records, o.on_invalid, sink);
    EmitCatalog(p.records, sink);
  }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(CasePlugin, "case", "1.0.0",
                      "Catalogs from a CASE 1.0 package (CFDocument, CFItems, CFAssociations)",
                      PR_PROVIDES_CATALOG)
