#include "pathrank/catalog_json.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "pathrank/catalog_builder.h"
#include "util/file_io.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

using internal::JsonFields;
using internal::JsonPointer;
using nlohmann::json;

namespace {

constexpr double kAnyLo = -std::numeric_limits<double>::max();
constexpr double kAnyHi = std::numeric_limits<double>::max();
constexpr int kAnyInt = std::numeric_limits<int>::max();

// Ranges are checked by CatalogBuilder; the reader checks types only.
bool ReadAnyNumber(JsonFields& f, const char* key, double* out, bool required) {
  return f.Number(key, out, required, kAnyLo, kAnyHi, false, "(finite)");
}

void ReadStage(const json& v, const std::string& at, std::vector<FieldError>* errors,
               StageSpec* out) {
  JsonFields f(v, at, errors);
  f.RejectUnknown({"id", "title", "summary"});
  f.String("id", &out->id, true);
  f.String("title", &out->title, true);
  f.String("summary", &out->summary, false);
}

void ReadClause(const json& v, const std::string& at, std::vector<FieldError>* errors,
                ClauseSpec* out) {
  JsonFields f(v, at, errors);
  f.RejectUnknown({"any_of", "weight", "type", "note"});
  f.StringList("any_of", &out->any_of, true);
  ReadAnyNumber(f, "weight", &out->weight, false);
  std::string type;
  if (f.String("type", &type, false)) {
    if (auto parsed = ParseClauseType(type)) {
      out->type = *parsed;
    } else {
      f.Error(f.At("type"), "expected \"requires\" or \"recommends\", got \"" + type + "\"");
    }
  }
  f.String("note", &out->note, false);
}

void ReadItem(const json& v, const std::string& at, std::vector<FieldError>* errors,
              ItemSpec* out) {
  JsonFields f(v, at, errors);
  f.RejectUnknown({"id", "kind", "title", "stage", "tags", "hours", "difficulty", "aliases",
                   "summary", "source", "attributes", "prerequisites"});
  f.String("id", &out->id, true);
  std::string kind;
  if (f.String("kind", &kind, true)) {
    if (auto parsed = ParseItemKind(kind)) {
      out->kind = *parsed;
    } else {
      f.Error(f.At("kind"),
              "expected \"topic\", \"framework\" or \"project\", got \"" + kind + "\"");
    }
  }
  f.String("title", &out->title, true);
  f.String("stage", &out->stage, true);
  f.StringList("tags", &out->tags, false);
  ReadAnyNumber(f, "hours", &out->hours, true);
  f.Integer("difficulty", &out->difficulty, true, -kAnyInt, kAnyInt);
  f.StringList("aliases", &out->aliases, false);
  f.String("summary", &out->summary, false);
  f.String("source", &out->source, false);
  f.StringMap("attributes", &out->attributes, false);
  if (const json* list = f.Member("prerequisites", json::value_t::array, false)) {
    out->prerequisites.resize(list->size());
    for (size_t c = 0; c < list->size(); ++c) {
      ReadClause((*list)[c], JsonPointer(f.At("prerequisites"), c), errors, &out->prerequisites[c]);
    }
  }
}

void ReadGoal(const json& v, const std::string& at, std::vector<FieldError>* errors,
              GoalSpec* out) {
  JsonFields f(v, at, errors);
  f.RejectUnknown({"id", "title", "summary", "items", "tags"});
  f.String("id", &out->id, true);
  f.String("title", &out->title, true);
  f.String("summary", &out->summary, false);
  f.NumberMap("items", &out->items, false, kAnyLo, kAnyHi, false, "(finite)");
  f.NumberMap("tags", &out->tags, false, kAnyLo, kAnyHi, false, "(finite)");
}

template <typename Spec, typename ReadFn>
void ReadList(JsonFields& f, const char* key, bool required, std::vector<FieldError>* errors,
              std::vector<Spec>* out, ReadFn read) {
  const json* list = f.Member(key, json::value_t::array, required);
  if (list == nullptr) return;
  out->resize(list->size());
  for (size_t i = 0; i < list->size(); ++i) {
    read((*list)[i], JsonPointer(f.At(key), i), errors, &(*out)[i]);
  }
}

}  // namespace

Result<CatalogSpec> ParseCatalogJson(std::string_view text) {
  Result<json> doc = internal::ParseJsonText(text, "catalog");
  if (!doc) return doc.error();
  std::vector<FieldError> errors;
  CatalogSpec spec;
  JsonFields f(*doc, "", &errors);
  f.RejectUnknown({"format", "id", "title", "version", "summary", "stages", "items", "goals"});
  std::string format;
  if (f.String("format", &format, true) && format != kCatalogFormat) {
    f.Error("/format", "expected \"" + std::string(kCatalogFormat) + "\", got \"" + format + "\"");
  }
  f.String("id", &spec.id, true);
  f.String("title", &spec.title, true);
  f.String("version", &spec.version, false);
  f.String("summary", &spec.summary, false);
  ReadList(f, "stages", true, &errors, &spec.stages, ReadStage);
  ReadList(f, "items", true, &errors, &spec.items, ReadItem);
  ReadList(f, "goals", false, &errors, &spec.goals, ReadGoal);
  if (!errors.empty()) {
    return internal::FieldErrorsToStatus(
        "catalog" + (spec.id.empty() ? std::string() : " \"" + spec.id + "\""), errors);
  }
  return spec;
}

std::string FormatCatalogJson(const CatalogSpec& spec) {
  using ojson = nlohmann::ordered_json;
  ojson doc;
  doc["format"] = kCatalogFormat;
  doc["id"] = spec.id;
  doc["title"] = spec.title;
  if (!spec.version.empty()) doc["version"] = spec.version;
  if (!spec.summary.empty()) doc["summary"] = spec.summary;
  doc["stages"] = ojson::array();
  for (const StageSpec& s : spec.stages) {
    ojson stage = {{"id", s.id}, {"title", s.title}};
    if (!s.summary.empty()) stage["summary"] = s.summary;
    doc["stages"].push_back(std::move(stage));
  }
  doc["items"] = ojson::array();
  for (const ItemSpec& s : spec.items) {
    ojson item;
    item["id"] = s.id;
    item["kind"] = ItemKindName(s.kind);
    item["title"] = s.title;
    item["stage"] = s.stage;
    if (!s.tags.empty()) item["tags"] = s.tags;
    item["hours"] = s.hours;
    item["difficulty"] = s.difficulty;
    if (!s.aliases.empty()) item["aliases"] = s.aliases;
    if (!s.summary.empty()) item["summary"] = s.summary;
    if (!s.source.empty()) item["source"] = s.source;
    if (!s.attributes.empty()) item["attributes"] = s.attributes;
    if (!s.prerequisites.empty()) {
      ojson clauses = ojson::array();
      for (const ClauseSpec& c : s.prerequisites) {
        ojson clause = {
            {"any_of", c.any_of}, {"weight", c.weight}, {"type", ClauseTypeName(c.type)}};
        if (!c.note.empty()) clause["note"] = c.note;
        clauses.push_back(std::move(clause));
      }
      item["prerequisites"] = std::move(clauses);
    }
    doc["items"].push_back(std::move(item));
  }
  if (!spec.goals.empty()) {
    doc["goals"] = ojson::array();
    for (const GoalSpec& g : spec.goals) {
      ojson goal = {{"id", g.id}, {"title", g.title}};
      if (!g.summary.empty()) goal["summary"] = g.summary;
      if (!g.items.empty()) goal["items"] = g.items;
      if (!g.tags.empty()) goal["tags"] = g.tags;
      doc["goals"].push_back(std::move(goal));
    }
  }
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

Result<std::shared_ptr<const Catalog>> LoadCatalogFile(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  Result<CatalogSpec> spec = ParseCatalogJson(*text);
  if (!spec) return spec.error().WithPrefix(path);
  auto catalog = BuildCatalog(std::move(*spec));
  if (!catalog) return catalog.error().WithPrefix(path);
  return catalog;
}

Status SaveCatalogFile(const CatalogSpec& spec, const std::string& path) {
  return WriteFileAtomic(path, FormatCatalogJson(spec));
}

}  // namespace pathrank
