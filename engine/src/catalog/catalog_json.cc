#include "pathrank/catalog_json.h"

#include <limits>
#include <utility>

#include "pathrank/catalog_builder.h"
#include "util/file_io.h"
#include "util/json/json_writer.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

using internal::JsonFields;
using internal::JsonPointer;
using json::JsonDocument;
using json::JsonNode;
using json::JsonType;

namespace {

constexpr double kAnyLo = -std::numeric_limits<double>::max();
constexpr double kAnyHi = std::numeric_limits<double>::max();
constexpr int kAnyInt = std::numeric_limits<int>::max();

// Ranges are checked by CatalogBuilder; the reader checks types only.
bool ReadAnyNumber(JsonFields& f, const char* key, double* out, bool required) {
  return f.Number(key, out, required, kAnyLo, kAnyHi, false, "(finite)");
}

void ReadStage(const JsonDocument& doc, const JsonNode& v, const std::string& at,
               std::vector<FieldError>* errors, StageSpec* out) {
  JsonFields f(doc, v, at, errors);
  f.RejectUnknown({"id", "title", "summary"});
  f.String("id", &out->id, true);
  f.String("title", &out->title, true);
  f.String("summary", &out->summary, false);
}

void ReadClause(const JsonDocument& doc, const JsonNode& v, const std::string& at,
                std::vector<FieldError>* errors, ClauseSpec* out) {
  JsonFields f(doc, v, at, errors);
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

void ReadItem(const JsonDocument& doc, const JsonNode& v, const std::string& at,
              std::vector<FieldError>* errors, ItemSpec* out) {
  JsonFields f(doc, v, at, errors);
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
  if (const JsonNode* list = f.Member("prerequisites", JsonType::kArray, false)) {
    out->prerequisites.resize(list->size);
    size_t c = 0;
    for (const json::JsonChild& clause : doc.children(*list)) {
      ReadClause(doc, doc.node(clause.node), JsonPointer(f.At("prerequisites"), c), errors,
                 &out->prerequisites[c]);
      ++c;
    }
  }
}

void ReadGoal(const JsonDocument& doc, const JsonNode& v, const std::string& at,
              std::vector<FieldError>* errors, GoalSpec* out) {
  JsonFields f(doc, v, at, errors);
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
  const JsonNode* list = f.Member(key, JsonType::kArray, required);
  if (list == nullptr) return;
  out->resize(list->size);
  size_t i = 0;
  for (const json::JsonChild& element : f.doc().children(*list)) {
    read(f.doc(), f.doc().node(element.node), JsonPointer(f.At(key), i), errors, &(*out)[i]);
    ++i;
  }
}

}  // namespace

Result<CatalogSpec> ParseCatalogJson(std::string_view text) {
  JsonDocument doc;
  PATHRANK_RETURN_IF_ERROR(internal::ParseJsonText(text, "catalog", &doc));
  std::vector<FieldError> errors;
  CatalogSpec spec;
  JsonFields f(doc, doc.root(), "", &errors);
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

namespace {

void WriteItem(const ItemSpec& s, json::Writer& w) {
  w.BeginObject();
  w.Member("id", s.id);
  w.Member("kind", ItemKindName(s.kind));
  w.Member("title", s.title);
  w.Member("stage", s.stage);
  if (!s.tags.empty()) w.Member("tags", s.tags);
  w.Member("hours", s.hours);
  w.Member("difficulty", s.difficulty);
  if (!s.aliases.empty()) w.Member("aliases", s.aliases);
  if (!s.summary.empty()) w.Member("summary", s.summary);
  if (!s.source.empty()) w.Member("source", s.source);
  if (!s.attributes.empty()) w.Member("attributes", s.attributes);
  if (!s.prerequisites.empty()) {
    w.Key("prerequisites");
    w.BeginArray();
    for (const ClauseSpec& c : s.prerequisites) {
      w.BeginObject();
      w.Member("any_of", c.any_of);
      w.Member("weight", c.weight);
      w.Member("type", ClauseTypeName(c.type));
      if (!c.note.empty()) w.Member("note", c.note);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

std::string FormatCatalogJson(const CatalogSpec& spec) {
  json::Writer w(2);
  w.BeginObject();
  w.Member("format", kCatalogFormat);
  w.Member("id", spec.id);
  w.Member("title", spec.title);
  if (!spec.version.empty()) w.Member("version", spec.version);
  if (!spec.summary.empty()) w.Member("summary", spec.summary);
  w.Key("stages");
  w.BeginArray();
  for (const StageSpec& s : spec.stages) {
    w.BeginObject();
    w.Member("id", s.id);
    w.Member("title", s.title);
    if (!s.summary.empty()) w.Member("summary", s.summary);
    w.EndObject();
  }
  w.EndArray();
  w.Key("items");
  w.BeginArray();
  for (const ItemSpec& s : spec.items) WriteItem(s, w);
  w.EndArray();
  if (!spec.goals.empty()) {
    w.Key("goals");
    w.BeginArray();
    for (const GoalSpec& g : spec.goals) {
      w.BeginObject();
      w.Member("id", g.id);
      w.Member("title", g.title);
      if (!g.summary.empty()) w.Member("summary", g.summary);
      if (!g.items.empty()) w.Member("items", g.items);
      if (!g.tags.empty()) w.Member("tags", g.tags);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return w.Take() + "\n";
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
