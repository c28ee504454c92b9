#include "exercism_track.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "../common/plugin_kit.h"
#include "util/json/json_document.h"
#include "util/json/json_lines.h"

namespace pathrank::plugin {

namespace {

using json::JsonValue;
namespace fs = std::filesystem;

constexpr const char* kFile = "config.json";
constexpr double kRecommendExerciseWeight = 0.5;

// Where a record of the track's config.json is: "config.json line 840".
// Also the one place that knows the lines, so the helpers below take it.
class Where {
 public:
  explicit Where(std::string_view text) : lines_(text) {}

  std::string Record(const std::string& at) const {
    return std::string(kFile) + " line " + std::to_string(lines_.Line(at));
  }
  // Throws PR_ERR_DATA: "config.json line 12 /exercises/practice/0/difficulty: <reason>".
  [[noreturn]] void Fail(const std::string& at, const std::string& reason) const {
    const uint32_t line = lines_.Line(at);
    throw PluginError(PR_ERR_DATA, std::string(kFile) +
                                       (line > 0 ? " line " + std::to_string(line) : "") + " " +
                                       at + ": " + reason);
  }

 private:
  json::JsonLines lines_;
};

// Member `key` of `object` (at `at`); absent when missing or null.
JsonValue Member(const Where& w, JsonValue object, const char* key, const std::string& at,
                 bool required) {
  if (!object.is_object()) {
    w.Fail(at, "expected an object, got " + std::string(object.type_name()));
  }
  const JsonValue v = object.Find(key);
  if (v.is_null()) {
    if (required) w.Fail(at + "/" + key, "missing");
    return {};
  }
  return v;
}

std::string String(const Where& w, JsonValue object, const char* key, const std::string& at,
                   bool required) {
  const JsonValue v = Member(w, object, key, at, required);
  if (!v.present()) return "";
  if (!v.is_string()) {
    w.Fail(at + "/" + key, "expected a string, got " + std::string(v.type_name()));
  }
  return std::string(v.string());
}

// Absent when missing.
JsonValue Array(const Where& w, JsonValue object, const char* key, const std::string& at) {
  const JsonValue v = Member(w, object, key, at, false);
  if (v.present() && !v.is_array()) {
    w.Fail(at + "/" + key, "expected an array, got " + std::string(v.type_name()));
  }
  return v;
}

std::vector<std::string> Strings(const Where& w, JsonValue object, const char* key,
                                 const std::string& at) {
  std::vector<std::string> out;
  const JsonValue v = Array(w, object, key, at);
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) w.Fail(at + "/" + key + "/" + std::to_string(i), "expected a string");
    out.emplace_back(v[i].string());
  }
  return out;
}

// The blurb of concepts/<slug>/.meta/config.json beside the track config;
// "" when absent or unreadable (summaries are optional).
std::string ConceptBlurb(const fs::path& track_dir, const std::string& slug) {
  const fs::path file = track_dir / "concepts" / slug / ".meta" / "config.json";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return "";
  try {
    json::JsonDocument meta;
    std::string error;
    if (!meta.Parse(ReadWholeFile(file.string()), &error)) return "";
    const JsonValue blurb = meta.value().Find("blurb");
    return blurb.is_string() ? std::string(blurb.string()) : "";
  } catch (const std::exception&) {  // unreadable
    return "";
  }
}

// Adds `item` a requires clause for each of `concepts`, the prerequisites
// listed at `at` (each clause names its own line).
void RequireAll(const Where& w, ItemRecord* item, const std::vector<std::string>& concepts,
                const std::string& at) {
  for (size_t j = 0; j < concepts.size(); ++j) {
    ClauseRecord clause;
    clause.any_of = {concepts[j]};
    clause.where = w.Record(at + "/" + std::to_string(j));
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
bool ReadExercise(const Where& w, JsonValue e, const std::string& at, const std::string& kind,
                  const ExercismOptions& o, Skipped* skipped, ItemRecord* item) {
  const std::string status = String(w, e, "status", at, false);
  if (status == "deprecated") {
    ++skipped->deprecated;
    return false;
  }
  if (status == "wip" && !o.include_wip) {
    ++skipped->wip;
    return false;
  }
  const std::string slug = String(w, e, "slug", at, true);
  item->where = w.Record(at);
  item->raw_id = item->id = "exercise." + slug;
  item->kind = "project";
  item->title = String(w, e, "name", at, false);
  if (item->title.empty()) item->title = slug;
  item->stage = kind == "concept" ? "concepts" : "practice";
  item->source = "exercism " + kind + " exercise " + slug;
  item->attributes.emplace_back("exercise_type", kind);
  item->attributes.emplace_back("status", status.empty() ? "active" : status);
  const std::string uuid = String(w, e, "uuid", at, false);
  if (!uuid.empty()) item->attributes.emplace_back("uuid", uuid);
  if (const JsonValue d = Member(w, e, "difficulty", at, false); d.present()) {
    if (!d.is_integer() || d.number() < 1 || d.number() > 10) {
      w.Fail(at + "/difficulty", "expected an integer in 1..10, got " + d.ToJson());
    }
    const int difficulty = static_cast<int>(d.number());
    item->difficulty = (difficulty + 1) / 2;
    item->hours = 0.5 * difficulty;
    item->attributes.emplace_back("exercism_difficulty", std::to_string(difficulty));
  }
  RequireAll(w, item, Strings(w, e, "prerequisites", at), at + "/prerequisites");
  const std::vector<std::string> topics = Strings(w, e, "topics", at);
  if (!topics.empty()) {
    std::string joined;
    for (const std::string& t : topics) joined += (joined.empty() ? "" : ", ") + t;
    item->attributes.emplace_back("topics", joined);
  }
  return true;
}

}  // namespace

CatalogRecords ReadExercismTrack(const ExercismOptions& o, const pr_sink* sink) {
  json::JsonDocument doc;
  std::string error;
  const std::string text = ReadWholeFile(o.path);
  if (!doc.Parse(text, &error)) {
    throw PluginError(PR_ERR_DATA, o.path + ": not JSON: " + error);
  }
  const Where w(text);
  const JsonValue track = doc.value();
  const fs::path track_dir = fs::path(o.path).parent_path();
  CatalogRecords records;
  const std::string slug = String(w, track, "slug", "", true);
  const std::string language = String(w, track, "language", "", false);
  records.id = "exercism-" + slug;
  records.title = "Exercism " + (language.empty() ? slug : language) + " track";
  records.summary = String(w, track, "blurb", "", false);

  const JsonValue concepts = Array(w, track, "concepts", "");
  for (size_t i = 0; i < concepts.size(); ++i) {
    const std::string at = "/concepts/" + std::to_string(i);
    ItemRecord item;
    item.where = w.Record(at);
    item.raw_id = item.id = String(w, concepts[i], "slug", at, true);
    item.title = String(w, concepts[i], "name", at, false);
    if (item.title.empty()) item.title = item.id;
    item.stage = "concepts";
    item.tags = {item.id};
    item.summary = ConceptBlurb(track_dir, item.id);
    item.source = "exercism concept " + item.id;
    const std::string uuid = String(w, concepts[i], "uuid", at, false);
    if (!uuid.empty()) item.attributes.emplace_back("uuid", uuid);
    records.items.push_back(std::move(item));
  }

  const JsonValue exercises = Member(w, track, "exercises", "", false);
  Skipped skipped;
  std::set<std::string> taught_concepts;  // by a concept exercise kept
  for (const std::string kind : {"concept", "practice"}) {
    if (!exercises.present()) break;
    const JsonValue list = Array(w, exercises, kind.c_str(), "/exercises");
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = "/exercises/" + kind + "/" + std::to_string(i);
      ItemRecord item;
      if (!ReadExercise(w, list[i], at, kind, o, &skipped, &item)) continue;
      if (kind == "concept") {
        const std::vector<std::string> taught = Strings(w, list[i], "concepts", at);
        taught_concepts.insert(taught.begin(), taught.end());
        std::string joined;
        for (const std::string& c : taught) joined += (joined.empty() ? "" : ", ") + c;
        if (!joined.empty()) item.attributes.emplace_back("teaches", joined);
        AddTags(&item, taught);
        // A taught concept needs what its exercise needs, and the exercise.
        for (const std::string& c : taught) {
          for (const ClauseRecord& needed : item.clauses) {
            ClauseRecord clause = needed;
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
        AddTags(&item, Strings(w, list[i], "practices", at));
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

  // The syllabus, the goal a learner of the track has: the concepts its
  // concept exercises teach, the tree Exercism shows as the syllabus. A
  // concept no (kept) exercise teaches stays an item, outside the goal;
  // a track without concept exercises has every concept as its syllabus.
  GoalRecord syllabus;
  syllabus.where = w.Record("/concepts");
  syllabus.id = "syllabus";
  syllabus.title = "The " + (language.empty() ? slug : language) + " syllabus";
  syllabus.summary = "Every concept the track's concept exercises teach.";
  std::set<std::string> in_syllabus;  // a repeated concept is reported by RepairCatalog
  size_t untaught = 0;
  for (const ItemRecord& item : records.items) {
    if (item.kind != "topic") continue;  // an exercise
    if (!taught_concepts.empty() && !taught_concepts.count(item.id)) {
      ++untaught;
      continue;
    }
    if (in_syllabus.insert(item.id).second) syllabus.items.emplace_back(item.id, 1.0);
  }
  if (untaught > 0) {
    Log(sink, PR_LOG_INFO,
        std::to_string(untaught) +
            " concepts no concept exercise teaches: items, not targets of the syllabus goal");
  }
  if (!syllabus.items.empty()) records.goals.insert(records.goals.begin(), std::move(syllabus));
  return records;
}

}  // namespace pathrank::plugin
