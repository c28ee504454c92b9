#include "exercism_track.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"

namespace pathrank::plugin {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kFile = "config.json";
constexpr double kRecommendExerciseWeight = 0.5;

[[noreturn]] void Fail(const std::string& at, const std::string& reason) {
  throw PluginError(PR_ERR_DATA, std::string(kFile) + " " + at + ": " + reason);
}

const json* Member(const json& object, const char* key, const std::string& at, bool required) {
  if (!object.is_object()) Fail(at, std::string("expected an object, got ") + object.type_name());
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) Fail(at + "/" + key, "missing");
    return nullptr;
  }
  return &*it;
}

std::string String(const json& object, const char* key, const std::string& at, bool required) {
  const json* v = Member(object, key, at, required);
  if (v == nullptr) return "";
  if (!v->is_string())
    Fail(at + "/" + key, std::string("expected a string, got ") + v->type_name());
  return v->get<std::string>();
}

std::vector<std::string> Strings(const json& object, const char* key, const std::string& at) {
  std::vector<std::string> out;
  const json* v = Member(object, key, at, false);
  if (v == nullptr) return out;
  if (!v->is_array()) Fail(at + "/" + key, std::string("expected an array, got ") + v->type_name());
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) Fail(at + "/" + key + "/" + std::to_string(i), "expected a string");
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

const json& Array(const json& object, const char* key, const std::string& at) {
  static const json kEmpty = json::array();
  const json* v = Member(object, key, at, false);
  if (v == nullptr) return kEmpty;
  if (!v->is_array()) Fail(at + "/" + key, std::string("expected an array, got ") + v->type_name());
  return *v;
}

// The blurb of concepts/<slug>/.meta/config.json beside the track config;
// "" when absent or unreadable (summaries are optional).
std::string ConceptBlurb(const fs::path& track_dir, const std::string& slug) {
  const fs::path file = track_dir / "concepts" / slug / ".meta" / "config.json";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return "";
  try {
    const json meta = json::parse(ReadWholeFile(file.string()));
    auto it = meta.find("blurb");
    return it != meta.end() && it->is_string() ? it->get<std::string>() : "";
  } catch (const std::exception&) {
    return "";
  }
}

// Adds `item` a requires clause for each of `concepts`.
void RequireAll(ItemRecord* item, const std::vector<std::string>& concepts) {
  for (const std::string& concept_slug : concepts) {
    ClauseRecord clause;
    clause.any_of = {concept_slug};
    item->clauses.push_back(std::move(clause));
  }
}

void AddTags(ItemRecord* item, const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    if (std::find(item->tags.begin(), item->tags.end(), tag) == item->tags.end()) {
      item->tags.push_back(tag);
    }
  }
}

struct Skipped {
  size_t deprecated = 0, wip = 0;
};

// Maps one exercise (kind "concept" or "practice"); false when skipped.
bool ReadExercise(const json& e, const std::string& at, const std::string& kind,
                  const ExercismOptions& o, Skipped* skipped, ItemRecord* item) {
  const std::string status = String(e, "status", at, false);
  if (status == "deprecated") {
    ++skipped->deprecated;
    return false;
  }
  if (status == "wip" && !o.include_wip) {
    ++skipped->wip;
    return false;
  }
  const std::string slug = String(e, "slug", at, true);
  item->where = std::string(kFile) + " " + at;
  item->raw_id = item->id = "exercise." + slug;
  item->kind = "project";
  item->title = String(e, "name", at, false);
  if (item->title.empty()) item->title = slug;
  item->stage = kind == "concept" ? "concepts" : "practice";
  item->source = "exercism " + kind + " exercise " + slug;
  item->attributes.emplace_back("exercise_type", kind);
  item->attributes.emplace_back("status", status.empty() ? "active" : status);
  const std::string uuid = String(e, "uuid", at, false);
  if (!uuid.empty()) item->attributes.emplace_back("uuid", uuid);
  if (const json* d = Member(e, "difficulty", at, false)) {
    if (!d->is_number_integer() || d->get<int>() < 1 || d->get<int>() > 10) {
      Fail(at + "/difficulty", "expected an integer in 1..10, got " + d->dump());
    }
    const int difficulty = d->get<int>();
    item->difficulty = (difficulty + 1) / 2;
    item->hours = 0.5 * difficulty;
    item->attributes.emplace_back("exercism_difficulty", std::to_string(difficulty));
  }
  RequireAll(item, Strings(e, "prerequisites", at));
  const std::vector<std::string> topics = Strings(e, "topics", at);
  if (!topics.empty()) {
    std::string joined;
    for (const std::string& t : topics) joined += (joined.empty() ? "" : ", ") + t;
    item->attributes.emplace_back("topics", joined);
  }
  return true;
}

}  // namespace

CatalogRecords ReadExercismTrack(const ExercismOptions& o, const pr_sink* sink) {
  const json track = ParseJsonDocument(ReadWholeFile(o.path), PR_ERR_DATA, o.path);
  const fs::path track_dir = fs::path(o.path).parent_path();
  CatalogRecords records;
  const std::string slug = String(track, "slug", "", true);
  const std::string language = String(track, "language", "", false);
  records.id = "exercism-" + slug;
  records.title = "Exercism " + (language.empty() ? slug : language) + " track";
  records.summary = String(track, "blurb", "", false);

  const json& concepts = Array(track, "concepts", "");
  for (size_t i = 0; i < concepts.size(); ++i) {
    const std::string at = "/concepts/" + std::to_string(i);
    ItemRecord item;
    item.where = std::string(kFile) + " " + at;
    item.raw_id = item.id = String(concepts[i], "slug", at, true);
    item.title = String(concepts[i], "name", at, false);
    if (item.title.empty()) item.title = item.id;
    item.stage = "concepts";
    item.tags = {item.id};
    item.summary = ConceptBlurb(track_dir, item.id);
    item.source = "exercism concept " + item.id;
    const std::string uuid = String(concepts[i], "uuid", at, false);
    if (!uuid.empty()) item.attributes.emplace_back("uuid", uuid);
    records.items.push_back(std::move(item));
  }

  const json* exercises = Member(track, "exercises", "", false);
  Skipped skipped;
  for (const std::string kind : {"concept", "practice"}) {
    if (exercises == nullptr) break;
    const json& list = Array(*exercises, kind.c_str(), "/exercises");
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = "/exercises/" + kind + "/" + std::to_string(i);
      ItemRecord item;
      if (!ReadExercise(list[i], at, kind, o, &skipped, &item)) continue;
      if (kind == "concept") {
        const std::vector<std::string> taught = Strings(list[i], "concepts", at);
        std::string joined;
        for (const std::string& c : taught) joined += (joined.empty() ? "" : ", ") + c;
        if (!joined.empty()) item.attributes.emplace_back("teaches", joined);
        AddTags(&item, taught);
        // A taught concept needs what its exercise needs, and the exercise.
        for (const std::string& c : taught) {
          for (const ClauseRecord& needed : item.clauses) {
            ClauseRecord clause = needed;
            clause.where = item.where;
            records.loose_clauses.emplace_back(c, std::move(clause));
          }
          ClauseRecord exercise;
          exercise.any_of = {item.id};
          exercise.weight = kRecommendExerciseWeight;
          exercise.type = PR_CLAUSE_RECOMMENDS;
          exercise.note = "taught by the concept exercise " + item.title;
          exercise.where = item.where;
          records.loose_clauses.emplace_back(c, std::move(exercise));
        }
      } else {
        AddTags(&item, Strings(list[i], "practices", at));
      }
      records.items.push_back(std::move(item));
    }
  }
  if (skipped.deprecated + skipped.wip > 0) {
    Log(sink, PR_LOG_INFO,
        "skipped " + std::to_string(skipped.deprecated) + " deprecated and " +
            std::to_string(skipped.wip) + " work-in-progress exercises" +
            (skipped.wip > 0 ? " (set \"include_wip\": true to include these)" : ""));
  }
  return records;
}

}  // namespace pathrank::plugin
